"""Find numeric claims (counts, money, durations, shares) in one French sentence.

Owns the ``quantities`` reading of a sentence: numbers written in digits or in words, scale
words, ranges, qualifiers, units and the counted noun. Knows nothing about actors, events,
dates or files: the caller maps ``demonym`` to an actor and shifts offsets into the raw file.

How a sentence is read (each step is a function below):

1. ``_tokenize`` cuts the text into tokens that keep their offsets: numbers in digits (French
   group separators, decimal comma), words, symbols. Alphanumeric strings ("G5", "6h30",
   "1er", "Su-25", "2023-2024") become identifiers and are never numbers; "48h", "10km", "100M"
   are split into a number and an attached unit.
2. ``_merge_spelled_numbers`` turns runs of number words into one number token, using
   text2num's ``alpha2digit`` on the run only, so offsets map back exactly.
3. ``_Reader.read_at`` builds a quantity around each number: scale ("millions"), collective
   ("une centaine"), fraction ("deux tiers"), range ("de 10 à 20", "entre 20 et 30"),
   unit and counted noun (``units.csv``), demonym, qualifier (``quantity_qualifiers.csv``),
   then rejects what is not a quantity: ``non_quantity.csv`` templates (dates, times of day,
   identifiers, known sets), years, names followed by a number, the article "un/une" alone.

Readings worth knowing:

- A number must count something: "ils étaient 500 à manifester" gives no row. The counted noun
  comes from ``units.csv``; any other lowercase noun is unit ``item``; a capitalised demonym
  ("2 000 Américains") is unit ``person``.
- "un"/"une" count only with a scale, a collective, a fraction, a qualifier ("au moins un
  mort"), a range, "et demi", or a week/month/year ("un an"): "un soldat" is no row.
- A range is one row (``value``, ``value_max``) unless a verb of change precedes it: "passé de
  1 000 à 1 500 soldats" gives two rows, the first borrowing the counted noun.
- "N noms sur M" and "N noms, dont M" give a second row for the bare M with the same unit and
  counted noun (a total or a part); "sept sur dix" is a proportion idiom and gives none.
- Years are 4-digit numbers 1800–2100 without a separator; they count only before a
  ``units.csv`` form ("2000 soldats").
- ``demonym`` comes from ``actor_aliases.csv`` (rows with ``alias_kind`` demonym) when that
  lexicon exists, else from nationality suffixes (-ain, -ien, -ais, -ois…).

Lexicons live in ``sahel_data/lexicons`` and are loaded once. A ``non_quantity.csv`` pattern is
a template of space-separated items matched against tokens around a number: ``{N}`` stands for
the number (``{N<=24}`` bounds its value), ``a|b`` offers alternatives, anything else is a
literal word compared case-insensitively ("à|vers|dès {N<=24} heures|h").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from text_to_num import alpha2digit

from sahel_data.extract.alternation import word_tree
from sahel_data.lexicon_io import read_lexicon

__all__ = ["Quantity", "find_quantities"]

UNITS = (
    "person",
    "USD",
    "EUR",
    "XOF",
    "tonne",
    "km",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "percent",
    "ratio",
    "item",
)
QUALIFIERS = ("exact", "approx", "at_least", "at_most")


@dataclass(frozen=True)
class Quantity:
    """One numeric claim; ``text[start:end] == surface`` for the text given to the finder."""

    start: int
    end: int
    surface: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    counted: str
    demonym: str | None


# --------------------------------------------------------------------------------------------
# French number grammar. A closed class, like the digits: it stays in code, while the open
# vocabularies (units, qualifiers, non-quantity contexts) are lexicon CSVs.
# --------------------------------------------------------------------------------------------


# Determiners after "N de" that pick a part of a group ("trois de ces employés", "deux de
# leurs soldats"); an article there ("deux des soldats") is read like any "de".
_PARTITIVE_DETERMINERS = frozenset({"ces", "ses", "leurs", "nos", "vos"})


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_NUMBER_WORDS = _words(
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize vingt vingts trente quarante cinquante soixante septante octante huitante nonante "
    "cent cents mille million millions milliard milliards"
)
# A run of number words may not start with these: "des millions" is vague, not a number.
_SCALE_WORDS = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9}
# Scale words after digits: "100 millions", "1,5 milliard", "20 mille".
_DIGIT_SCALES = {**_SCALE_WORDS, "mille": 1e3, "billion": 1e12, "billions": 1e12}
# Abbreviated scales count only before a currency: "100 M$", "2 Mds FCFA", "1,5 Md€".
_ABBREVIATED_SCALES = {"m": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9}
# "une centaine de", "un millier de": an approximate count (contract: qualifier approx).
_COLLECTIVES = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}
_SINGLE_COLLECTIVES = frozenset(_COLLECTIVES)
_COLLECTIVES.update({k + "s": v for k, v in list(_COLLECTIVES.items())})
# Determiners that stand for "une" before a collective ("la centaine de soldats").
_COLLECTIVE_DETERMINERS = frozenset({"la", "sa", "leur", "cette"})
_ARTICLE_WORDS = frozenset({"un", "une"}) | _COLLECTIVE_DETERMINERS  # a count of one that reads as an article
# "deux tiers", "un quart", "trois cinquièmes": a share, unit ratio (contract).
_FRACTIONS = {
    "tiers": 3,
    "quart": 4,
    "quarts": 4,
    "cinquième": 5,
    "sixième": 6,
    "septième": 7,
    "huitième": 8,
    "neuvième": 9,
    "dixième": 10,
}
_FRACTIONS.update({k + "s": v for k, v in list(_FRACTIONS.items()) if k.endswith("ième")})

# Words that may sit between the number and the counted noun ("les quatre prochains mois").
_PRENOMINAL = _words(
    "autres nouveaux nouvelles nouvel premiers premières derniers dernières prochains "
    "prochaines petits petites grands grandes gros grosses longs longues courts courtes "
    "jeunes anciens anciennes vieux vieilles bons bonnes pleins pleines hauts hautes "
    "principaux principales simples"
)
# Words after a number that are never its counted noun; the number then has no unit.
_NOT_COUNTED = _words(
    "de d' des du et ou à au aux en pour par sur sous dans avec sans contre chez vers selon "
    "entre depuis pendant durant après avant dès qui que qu' dont où ont sont a est était "
    "étaient sera seront avaient avait aurait auraient ont-ils se s' ne n' y il ils elle elles "
    "on ce cette ces cet le la les l' un une plus moins fois reprises seulement environ "
    "supplémentaires restants précédents suivants présents disponibles mais ni car soit "
    "lors tandis comme voire près pas tous toutes tout seul seule seuls seules même mêmes "
    "minimum maximum auparavant désormais déjà encore alors aussi ensuite hier demain ici là jadis naguère"
)
# Articles between "de" and the noun a share is taken of: "40 % de la population".
_ARTICLES = frozenset({"la", "le", "l'", "les"})
# Verbs of change: "passé de 1 000 à 1 500 soldats" is two values, not a range.
_CHANGE_STEMS = (
    "pass",
    "augment",
    "rédui",
    "ramen",
    "porte",  # porte, portent, portera, porté(e)s, porter
    "portant",
    "relev",
    "relèv",
    "abaiss",
    "grimp",
    "chut",
    "baiss",
    "grimp",
    "chut",
    "diminu",
    "recul",
    "bondi",
    "gonfl",
    "tomb",
    "mont",
    "progress",
    "évolu",
)
# A demonym without the actor lexicon: an adjective with a nationality suffix.
_DEMONYM_RE = re.compile(
    r"^\w+(?:ain|aine|ien|ienne|éen|éenne|ais|aise|ois|oise|and|ande|ol|ole)s?$"
)
# Adjectives with those suffixes that are not nationalities ("soldats anciens").
_NOT_DEMONYMS = _words(
    "certain certains certaine certaines prochain prochains prochaine prochaines humain "
    "humains humaine humaines ancien anciens ancienne anciennes moyen moyens quotidien "
    "quotidiens urbain urbains souverain souverains lointain lointains mais jamais grand "
    "grands grande grandes marchand marchands gardien gardiens"
)

# Qualifiers that may also follow the phrase ("cinq jours au moins"); the others only precede.
_POSTPOSED_QUALIFIER_HEADS = frozenset({"environ", "approximativement", "au", "tout"})
# Units after which "un"/"une" counts one, unlike "un soldat", where it is the article: "un
# an", "une semaine", "dans un rayon d'un kilomètre" ("un jour" (someday) and "une heure"
# (1 a.m.) are not). `_quantity_cue` lets sentences with these through.
_COUNTED_AFTER_ARTICLE = frozenset({"week", "month", "year", "km"})
# "les deux journaux", "ces trois officiers": a small spelled-out number after a definite or
# demonstrative determiner names a set the text has told, not a count ("les quatre prochains
# mois" is a duration: time units stay).
_KNOWN_SET_DETERMINERS = frozenset({"les", "ces"})
# "les trois quarts de ses recettes": what a share is of stands after the possessive
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"})
_KNOWN_SET_MAX = 5
_TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})

_SPACES = " \u00a0\u202f\u2009"
# A unit or scale glued to digits ("48h", "10km", "100M$", "1,5Md") ends the number; any other
# letter or a hyphen makes the whole string an identifier ("G5", "6h30", "1er", "2023-2024").
_GLUED = r"(?:h|km|kg|M|Md|Mds|Mrd|Mrds|md|mds)\b"
_TOKEN_RE = re.compile(
    rf"""
    (?P<num>(?<![\w.,-])(?:
        \d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?(?!\d)
      | \d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?(?!\d)
      | \d+(?:[,.]\d+)?
    )(?:(?![\w-])|(?={_GLUED})))
  | (?P<word>\w+(?:-\w+)*['’]?)
  | (?P<sym>\S)
    """,
    re.VERBOSE,
)


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # num, word, ident, sym
    value: float = 0.0
    spelled: bool = False
    year_like: bool = False
    # Set once here: nearly every token's norm is read, and a cached_property takes a lock the
    # first time each token's is.
    norm: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.norm = self.text.replace("’", "'").casefold()


def _digit_value(text: str) -> float:
    """Value of a number written in digits, French style.

    >>> _digit_value("1\u202f000"), _digit_value("1.000"), _digit_value("1,5")
    (1000.0, 1000.0, 1.5)
    """
    compact = re.sub(f"[{_SPACES}]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", compact):
        compact = compact.replace(".", "")  # "1.000" groups thousands
    return float(compact.replace(",", "."))


def _num_token(start: int, text: str) -> _Tok:
    year_like = bool(re.fullmatch(r"\d{4}", text)) and 1800 <= int(text) <= 2100
    return _Tok(start, start + len(text), text, "num", _digit_value(text), year_like=year_like)


def _tokenize(text: str) -> list[_Tok]:
    """Cut ``text`` into tokens that keep their offsets.

    >>> [t.text for t in _tokenize("près d’1 000 soldats, G5 et 48h")]
    ['près', 'd’', '1 000', 'soldats', ',', 'G5', 'et', '48', 'h']
    """
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        s, t = m.start(), m.group()
        if m.lastgroup == "num":
            toks.append(_num_token(s, t))
        elif m.lastgroup == "word":
            # (no letter is a digit: most words skip the test character by character)
            if not t.isalpha() and any(c.isdigit() for c in t):
                toks.append(_Tok(s, s + len(t), t, "ident"))
            else:
                toks.append(_Tok(s, s + len(t), t, "word"))
        else:
            toks.append(_Tok(s, s + len(t), t, "sym"))
    return toks


def _is_number_word(tok: _Tok) -> bool:
    return tok.kind == "word" and _is_number_norm(tok.norm)


@functools.lru_cache(maxsize=1 << 16)  # words recur across a corpus: each distinct one read once
def _is_number_norm(norm: str) -> bool:
    parts = norm.split("-")  # "quatre-vingt-dix", "vingt-et-un"
    return all(
        p in _NUMBER_WORDS or (p == "et" and 0 < k < len(parts) - 1) for k, p in enumerate(parts)
    )


def _spelled_value(words: str) -> int | None:
    """Value of a run of French number words, via text2num, or None if it is not one number.

    >>> _spelled_value("quatre-vingt-dix"), _spelled_value("huit cents"), _spelled_value("une")
    (90, 800, 1)
    >>> _spelled_value("vingt trente") is None
    True
    """
    out = alpha2digit(words, "fr", threshold=0).split()
    if len(out) == 1 and out[0].isdigit():
        return int(out[0])
    return None


def _merge_spelled_numbers(text: str, toks: list[_Tok]) -> list[_Tok]:
    """Replace each run of number words by number tokens, splitting runs text2num splits.

    >>> toks = _merge_spelled_numbers("vingt et un soldats", _tokenize("vingt et un soldats"))
    >>> [(t.text, t.value) for t in toks if t.kind == "num"]
    [('vingt et un', 21.0)]
    """
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.norm in _COLLECTIVE_DETERMINERS and i + 1 < len(toks) and toks[i + 1].norm in _SINGLE_COLLECTIVES:
            # "la centaine de soldats", "sa centaine de militaires": one collective, as "une"
            out.append(_Tok(tok.start, tok.end, tok.text, "num", 1.0, True))
            i += 1
            continue
        if not _is_number_word(tok) or tok.norm in _SCALE_WORDS:
            out.append(tok)
            i += 1
            continue
        j = i + 1  # the run is toks[i:j]; "et" only inside "vingt et un", "soixante et onze"
        while j < len(toks):
            if _is_number_word(toks[j]):
                j += 1
            elif (
                toks[j].norm == "et"
                and j + 1 < len(toks)
                and toks[j + 1].norm in ("un", "une", "onze")
                and j > i
            ):
                j += 2
            else:
                break
        # Longest prefix that text2num reads as one number, then the rest of the run.
        while i < j:
            for k in range(j, i, -1):
                if toks[k - 1].norm == "et":
                    continue
                surface = text[toks[i].start : toks[k - 1].end]
                value = _spelled_value(surface)
                if value is not None:
                    out.append(
                        _Tok(toks[i].start, toks[k - 1].end, surface, "num", float(value), True)
                    )
                    i = k
                    break
            else:
                out.append(toks[i])
                i += 1
    return out


# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------


def _phrase_norms(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in _tokenize(phrase))


def _phrase_table(file: str, key: str, value: str, allowed: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    """A lexicon as {phrase tokens: value}, each value checked against the contract's list."""
    table = {}
    for row in read_lexicon(file):
        if row[value] not in allowed:
            raise ValueError(
                f"lexicons/{file}: row {row[key]!r} has {value} {row[value]!r}; expected one of {', '.join(allowed)}"
            )
        table[_phrase_norms(row[key])] = row[value]
    return table


# Nouns in "-ité(s)", "-auté(s)", "-iété(s)" ("sept localités", "trois sociétés", "deux unités"),
# which look like participles by their ending ("cités", "invités", "limités" are participles).
_ITE_NOUN = re.compile(r"(?:al|iv|rs|nt|un|or|ac|ur)ités?$|(?:aut|iét)és?$")


@functools.cache
def _units() -> dict[tuple[str, ...], str]:
    """``units.csv``: counted form (as tokens) → contract unit."""
    return _phrase_table("units.csv", "form", "unit", UNITS)


@functools.cache
def _qualifiers() -> dict[tuple[str, ...], str]:
    """``quantity_qualifiers.csv``: phrase (as tokens) → contract qualifier."""
    return _phrase_table("quantity_qualifiers.csv", "phrase", "qualifier", QUALIFIERS)


_ANY_NUMBER = ("{#}",)  # a template item matching any number token ("21 h 30")


@dataclass(frozen=True)
class _Template:
    items: tuple[tuple[tuple[str, ...], ...], ...]  # per item: alternatives, each a token tuple
    slot: int  # index of the {N} item
    max_value: float | None


@functools.cache
def _non_quantity_templates() -> tuple[_Template, ...]:
    """``non_quantity.csv`` patterns compiled to token templates."""
    templates = []
    for row in read_lexicon("non_quantity.csv"):
        items, slot, max_value = [], None, None
        for item in row["pattern"].split():
            m = re.fullmatch(r"\{N(?:<=(\d+))?\}", item)
            if m:
                slot, max_value = len(items), float(m.group(1)) if m.group(1) else None
                items.append(())
            elif item == "{#}":
                items.append((_ANY_NUMBER,))
            else:
                items.append(tuple(_phrase_norms(alt) for alt in item.split("|")))
        if slot is None:
            raise ValueError(
                f"lexicons/non_quantity.csv: pattern {row['pattern']!r} has no {{N}} slot; "
                "add {N} where the number stands"
            )
        templates.append(_Template(tuple(items), slot, max_value))
    return tuple(templates)


@dataclass(frozen=True)
class _TemplateIndex:
    """Templates by the token they need right before / after the number (the item next to the
    slot must end / start on it), so a number meets only the few templates that can fit it."""

    before: dict[str, frozenset[_Template]]
    before_number: frozenset[_Template]
    no_before: frozenset[_Template]  # nothing before the slot
    after: dict[str, frozenset[_Template]]
    after_number: frozenset[_Template]
    no_after: frozenset[_Template]


@functools.cache
def _template_index() -> _TemplateIndex:
    sides = {}
    for side, step in (("before", -1), ("after", 1)):
        by_word: dict[str, set[_Template]] = {}
        number, none = set(), set()
        for t in _non_quantity_templates():
            k = t.slot + step
            if not 0 <= k < len(t.items):
                none.add(t)
                continue
            for alt in t.items[k]:
                if alt == _ANY_NUMBER:
                    number.add(t)
                else:
                    by_word.setdefault(alt[-1] if step < 0 else alt[0], set()).add(t)
        sides[side] = ({w: frozenset(ts) for w, ts in by_word.items()}, frozenset(number), frozenset(none))
    return _TemplateIndex(*sides["before"], *sides["after"])


@functools.cache
def _qualifiers_by_last_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Qualifier phrases by their last token, for reading backwards from a number."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, value in _qualifiers().items():
        index.setdefault(phrase[-1], []).append((phrase, value))
    return {word: tuple(entries) for word, entries in index.items()}


@functools.cache
def _demonyms() -> frozenset[str]:
    """Demonyms from the actor lexicon when it exists (``alias_kind`` = demonym)."""
    return frozenset(
        row["alias"].casefold()
        for row in read_lexicon("actor_aliases.csv")
        if row.get("alias_kind") == "demonym"
    )


def _is_demonym(tok: _Tok) -> bool:
    if tok.kind != "word":
        return False
    norm = tok.norm
    if norm in _demonyms():
        return True
    return bool(_DEMONYM_RE.match(norm)) and norm not in _NOT_DEMONYMS and len(norm) > 4


# --------------------------------------------------------------------------------------------
# Reading quantities
# --------------------------------------------------------------------------------------------


@dataclass
class _Amount:
    first: int  # token indices
    last: int
    value: float
    scale: float = 1.0
    approx: bool = False
    needs_de: bool = False  # "100 millions de dollars", "une centaine de soldats"
    ratio: bool = False
    article: bool = False  # a bare "un"/"une"


@dataclass
class _Counted:
    unit: str
    first: int
    last: int  # last token of the counted noun (or of the unit when nothing is counted)
    counted: str
    from_lexicon: bool


_LENGTHS: dict[int, tuple[int, ...]] = {}


def _phrase_lengths(table: dict[tuple[str, ...], str]) -> tuple[int, ...]:
    """Distinct phrase lengths of a lexicon table, longest first (tables are built once)."""
    key = id(table)
    if key not in _LENGTHS:
        _LENGTHS[key] = tuple(sorted({len(p) for p in table}, reverse=True))
    return _LENGTHS[key]


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.toks = _merge_spelled_numbers(text, _tokenize(text))

    # -- small helpers ---------------------------------------------------------------------

    def norm(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) else ""

    def is_num(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and self.toks[i].kind == "num"

    def norms(self, first: int, n: int) -> tuple[str, ...]:
        if first < 0:
            return ()
        words = tuple(t.norm for t in self.toks[first : first + n])
        return words + ("",) * (n - len(words))  # past the end: "" as norm() gives, never a phrase word

    def match_forward(self, i: int, table: dict[tuple[str, ...], str]) -> tuple[int, str] | None:
        """Longest phrase of ``table`` starting at token i: (last index, value)."""
        for n in _phrase_lengths(table):  # longest first
            value = table.get(self.norms(i, n))
            if value is not None:
                return i + n - 1, value
        return None

    def match_backward(self, i: int, floor: int) -> tuple[int, str] | None:
        """Longest qualifier ending at token i, not before ``floor``: (first index, value)."""
        hits = [
            (len(p), v)
            for p, v in _qualifiers_by_last_word().get(self.norm(i), ())
            if i - len(p) + 1 >= floor and self.norms(i - len(p) + 1, len(p)) == p
        ]
        n, value = max(hits, default=(0, ""))
        return (i - n + 1, value) if n else None

    # -- pieces of a quantity ----------------------------------------------------------------

    def amount(self, i: int) -> _Amount:
        """The number at token i with what multiplies it: scale, collective, fraction."""
        tok = self.toks[i]
        a = _Amount(i, i, tok.value, article=tok.spelled and tok.norm in _ARTICLE_WORDS)
        if tok.spelled and tok.norm.split()[-1] in _SCALE_WORDS:
            a.needs_de, a.article = True, False  # "deux millions de dollars"
        nxt = self.norm(i + 1)
        if not tok.spelled and nxt in _DIGIT_SCALES:
            a.scale, a.last, a.needs_de = _DIGIT_SCALES[nxt], i + 1, nxt != "mille"
        elif nxt in _ABBREVIATED_SCALES and self._currency_follows(i + 2):
            if nxt != "m" or self.toks[i + 1].text == "M":
                a.scale, a.last = _ABBREVIATED_SCALES[nxt], i + 1
        elif nxt in _COLLECTIVES:
            a.scale, a.last, a.approx, a.needs_de, a.article = (
                _COLLECTIVES[nxt],
                i + 1,
                True,
                True,
                False,
            )
            # "une dizaine de milliers de soldats"
            if self.norm(i + 2) == "de" and self.norm(i + 3) in (
                "milliers",
                "millions",
                "milliards",
            ):
                a.scale *= {"milliers": 1e3, "millions": 1e6, "milliards": 1e9}[self.norm(i + 3)]
                a.last = i + 3
        elif (
            nxt in _FRACTIONS
            and (tok.spelled or tok.value < _FRACTIONS[nxt])
            # "un tiers" alone is often a third party; "un tiers du budget" is a share
            and (not a.article or self.norm(i + 2) in ("de", "des", "du", "d'"))
        ):
            # "deux tiers" is a share, not a count: unit ratio, 4 decimals (contract)
            a.value, a.ratio, a.last, a.article = (
                round(tok.value / _FRACTIONS[nxt], 4),
                True,
                i + 1,
                False,
            )
        a.value *= a.scale
        return a

    def _currency_follows(self, i: int) -> bool:
        hit = self.match_forward(i + (self.norm(i) in ("de", "d'")), _units())
        return bool(hit) and hit[1] in ("USD", "EUR", "XOF")

    def counted(self, i: int, a: _Amount) -> _Counted | None:
        """Unit and counted noun starting at token i, after the amount ``a``."""
        if a.ratio:
            return self.share_of(i, "ratio", i - 1)
        j = i
        # "de" comes after scale words and collectives, and after a million in digits
        # ("1 000 000 de dollars")
        had_de = (a.needs_de or a.value >= 1e6) and self.norm(j) in ("de", "d'")
        j += had_de
        if not had_de and self.norm(j) in ("de", "d'") and self.norm(j + 1) in _PARTITIVE_DETERMINERS:
            j += 2  # "trois de ces employés": counted among a group told before
        while self.norm(j) in _PRENOMINAL:
            j += 1
        hit = self.match_forward(j, _units())
        if hit:
            last, unit = hit
            if unit == "percent":
                return self.share_of(last + 1, "percent", last)
            counted = self.text[self.toks[j].start : self.toks[last].end]
            return _Counted(unit, j, last, counted, True)
        if a.needs_de and not had_de:
            return None  # "une centaine" with no "de …": nothing counted
        tok = self.toks[j] if j < len(self.toks) else None
        if tok is None or tok.kind != "word" or tok.norm in _NOT_COUNTED or tok.norm[-1] == "'":
            return None
        if tok.text[0].isupper():
            # "2 000 Américains": people named by nationality; other names are not counted
            return _Counted("person", j, j, tok.text, False) if _is_demonym(tok) else None
        if re.search(r"(?:é|ée|és|ées|ent|ment)$", tok.norm) and not _ITE_NOUN.search(tok.norm):
            return None  # participles and verbs ("déployés", "restent") are not nouns
        return _Counted("item", j, j, tok.text, False)

    def share_of(self, i: int, unit: str, unit_last: int) -> _Counted:
        """What a share or percentage is of: "deux tiers des Nigériens" → "Nigériens"."""
        if self.norm(i) in ("de", "des", "du", "d'"):
            j = i + 1 + (self.norm(i + 1) in _ARTICLES | _POSSESSIVES and self.norm(i) in ("de", "d'"))
            while self.norm(j) in _PRENOMINAL:
                j += 1
            tok = self.toks[j] if j < len(self.toks) else None
            if tok and tok.kind == "word" and tok.norm not in _NOT_COUNTED and tok.norm != "entre":
                return _Counted(unit, j, j, tok.text, False)
        return _Counted(unit, unit_last, unit_last, "", False)

    def rejected_by_template(self, i: int) -> bool:
        """True when ``non_quantity.csv`` says the number at token i is not a quantity."""
        index = _template_index()
        fit_after = index.after.get(self.norm(i + 1), frozenset()) | index.no_after
        if self.is_num(i + 1):
            fit_after |= index.after_number
        candidates = index.before.get(self.norm(i - 1), frozenset()) | index.no_before
        if self.is_num(i - 1):
            candidates |= index.before_number
        return any(self.template_matches(t, i) for t in candidates & fit_after)

    def template_matches(self, t: _Template, i: int) -> bool:
        """True when template ``t`` fits around the number at token i."""
        if t.max_value is not None and self.toks[i].value > t.max_value:
            return False
        return self._match_items(t.items[: t.slot][::-1], i - 1, -1) and self._match_items(
            t.items[t.slot + 1 :], i + 1, +1
        )

    def _match_items(self, items, i: int, step: int) -> bool:
        if not items:
            return True
        for alt in items[0]:
            n = len(alt)
            span = range(i, i + n) if step > 0 else range(i - n + 1, i + 1)
            if min(span) < 0:
                continue
            if alt == _ANY_NUMBER:
                if self.is_num(i) and self._match_items(items[1:], i + step, step):
                    return True
                continue
            if tuple(self.norm(k) for k in span) == alt and self._match_items(
                items[1:], i + step * n, step
            ):
                return True
        return False

    def named_before(self, i: int) -> bool:
        """True when token i follows a name: "COP 28", "la Mirage 2000", "Boeing 737"."""
        prev = self.toks[i - 1] if i > 0 else None
        if prev is None or prev.kind != "word" or not prev.text[0].isupper():
            return False
        if self.toks[i].spelled:
            return False  # names number in digits: "à Niamey une centaine d'instructeurs" is a count
        if prev.norm in _qualifiers_first_words() or prev.norm in _NOT_COUNTED:
            return False
        if prev.text.isupper() and len(prev.text) >= 2:
            return True  # an acronym
        before = self.toks[i - 2] if i > 1 else None
        # a capitalised word that does not open the sentence or a clause is a name
        return (
            before is not None
            and before.kind in ("word", "num")
            and "\n" not in self.text[before.end : prev.start]
        )

    # -- a whole quantity --------------------------------------------------------------------

    def read_at(self, i: int, floor: int) -> tuple[list[Quantity], int] | None:
        """Quantities read from the number at token i; also returns the last token used."""
        a = self.amount(i)
        first_tok, nums, b, qualifier = i, [i], None, None
        change = False

        # Range: "de 10 à 20", "entre 20 et 30", "10 à 20 soldats", "deux ou trois jours".
        j = a.last + 1
        mid = None
        if not self.is_num(j + 1):
            hit = self.match_forward(j, _units())
            if hit and hit[1] in ("percent", "USD", "EUR", "XOF"):
                mid, j = hit, hit[0] + 1  # "de 10 % à 20 %"
        prev = self.norm(i - 1)
        conn = self.norm(j)
        pre = self.match_backward(i - 1, floor)
        if pre is None and a.ratio and self.norm(i - 1) in _ARTICLES and i - 2 >= floor:
            pre = self.match_backward(i - 2, floor)  # "environ les trois quarts de ses recettes"
        if self.is_num(j + 1) and (
            (conn == "et" and prev == "entre") or conn == "à" or (conn == "ou" and not mid)
        ):
            b = self.amount(j + 1)
            if prev in ("de", "d'") and conn == "à" and self.norm(i - 2).startswith(_CHANGE_STEMS):
                change = True
            else:
                if prev in ("de", "d'", "entre") and conn != "ou" and not pre and i - 1 >= floor:
                    first_tok = i - 1  # the range opens with "de" / "entre"
                if conn == "ou":
                    a.approx = True
                if a.scale == 1.0 and b.scale != 1.0 and a.value <= b.value / b.scale:
                    a.value *= b.scale  # "entre 1 et 1,5 million"
                elif b.value > a.value and self.norm(j + 1).split()[-1] in _DIGIT_SCALES:
                    # "entre deux et trois mille": the scale word ends the spelled second number
                    scale = _DIGIT_SCALES[self.norm(j + 1).split()[-1]]
                    a.value *= scale if a.value <= b.value / scale else 1
                nums.append(j + 1)
                if a.value > b.value:
                    # "de 1 000 à 500 soldats" falls: two values, read like a change
                    change, first_tok, nums = True, i, [i]
        if change:
            return self._read_change(i, a, mid[0] if mid else a.last, j + 1, floor)

        last_amount = b if b is not None else a
        c = self.counted(last_amount.last + 1, last_amount)
        if c is None and mid is not None:
            c = _Counted(mid[1], mid[0], mid[0], "", True)
        # A currency written before the number: "$100 millions", "€ 20".
        symbol = self._symbol_before(first_tok) if not pre else None
        if c is None and symbol is not None and symbol >= floor:
            c, first_tok = self._symbol_counted(symbol), symbol
            c.last = last_amount.last
            pre = self.match_backward(first_tok - 1, floor)
        if c is None and not b:
            c = self._number_of(i, last_amount.last)
        if c is None:
            return None
        last = c.last
        value = a.value
        value_max = b.value if b is not None else None

        # "deux ans et demi"
        if self.norm(last + 1) == "et" and self.norm(last + 2) in ("demi", "demie"):
            last += 2
            value += 0.5
            if value_max is not None:
                value_max += 0.5
        demonym = None
        if (
            c.unit in ("person", "item")
            and last + 1 < len(self.toks)
            and _is_demonym(self.toks[last + 1])
        ):
            demonym = self.toks[last + 1].text
        # A qualifier after the phrase: "1 000 soldats environ", "cinq jours au moins".
        after = last + 1 + (demonym is not None)
        post = self.match_forward(after, _qualifiers())
        if post and self.norm(after) in _POSTPOSED_QUALIFIER_HEADS:
            qualifier, last = post[1], post[0]
        # A qualifier before: "près de 1 000", "plus d'une centaine", "jusqu'à 20".
        if pre:
            first_tok = pre[0]
            qualifier = qualifier or pre[1]
        if qualifier is None:
            qualifier = "approx" if a.approx else "exact"

        # Not quantities.
        if any(self.rejected_by_template(n) for n in nums):
            return None
        if not pre and self.named_before(i):
            return None
        if any(self.toks[n].year_like for n in nums) and not c.from_lexicon:
            return None
        if value == 1.0 and b is None and c.unit in ("person", "item") and self.norm(last + 1) == "sur" and self.is_num(last + 2) \
                and not self.toks[last + 2].year_like and (whole := self.amount(last + 2)).value > 1 \
                and self.counted(whole.last + 1, whole) is None:
            # "un habitant sur six": a rate, one in six (unit ratio, 4 decimals as for fractions)
            rate = _Counted("ratio", c.first, whole.last, c.counted, True)
            return [self._make(first_tok, whole.last, round(1 / whole.value, 4), None, rate, qualifier, demonym)], whole.last
        if (
            a.article
            and b is None
            and not pre
            and value == 1.0
            and c.unit not in _COUNTED_AFTER_ARTICLE
        ):
            return None  # "un soldat", "un seul": the article, not a count
        if (
            b is None and not pre and self.toks[i].spelled and value <= _KNOWN_SET_MAX
            and self.norm(i - 1) in _KNOWN_SET_DETERMINERS and c.unit not in _TIME_UNITS and c.unit != "ratio"
        ):
            return None  # "les deux journaux", "ces trois officiers": a set told before (contract: known sets)

        q = self._make(first_tok, last, value, value_max, c, qualifier, demonym)
        out, used = [q], last
        # "plus de 310 éléments sur 870" (a total), "5 100 militaires, dont 2 400 au Mali"
        # (a part): a bare number there is a second row counting the same noun.
        k = used + 1 + (self.norm(used + 1) == ",")
        if self.norm(k) not in ("sur", "dont"):
            # "4 300 soldats au Sahel, dont environ 2 500 au Mali": the part after a place
            k = next(
                (j for j in range(used + 2, min(len(self.toks), used + 11)) if self.norm(j) == "dont" and self.norm(j - 1) == ","),
                k,
            )
            if any(self.is_num(j) or self.norm(j) in (".", ";", ":") for j in range(used + 1, k)):
                k = used + 1
        if self.norm(k) in ("sur", "dont"):
            k += 1 + (self.norm(k + 1) == "les")
            start, qualifier2 = k, "exact"
            # "dont environ 2 500 au Mali": a qualifier may stand before the part
            number = next((j for j in range(k + 1, k + 4) if self.is_num(j)), None) if not self.is_num(k) else None
            if number is not None and (pre2 := self.match_backward(number - 1, k)) is not None and pre2[0] == k:
                k, qualifier2 = number, pre2[1]
            if self.is_num(k) and self._bare_number(k):
                total = self.amount(k)
                related = _Counted(c.unit, k, total.last, c.counted, True)
                out.append(self._make(start, total.last, total.value, None, related, qualifier2, None))
                used = total.last
        return out, used

    def _number_of(self, i: int, last: int) -> _Counted | None:
        """A bare number that states "le nombre de <noun>" of its clause ("le nombre de morts
        pourrait dépasser 400", "estime à près de 250 000 le nombre total de réfugiés"): it
        counts that noun. Only the number's own stretch of text, up to a comma or a verb's end."""
        if self.toks[i].year_like or self.rejected_by_template(i):
            return None
        lo, hi = max(0, i - 8), min(len(self.toks), last + 9)
        for j in range(lo, hi):
            if self.norm(j) != "nombre" or any(self.norm(k) in (".", ";", ",") for k in range(min(j, i), max(j, i))):
                continue
            k = j + 1 + (self.norm(j + 1) == "total")
            if self.norm(k) in ("de", "d'", "des"):
                k += 1
                hit = self.match_forward(k, _units())
                if hit:
                    return _Counted(hit[1], last, last, self.text[self.toks[k].start : self.toks[hit[0]].end], True)
        return None

    def _bare_number(self, k: int) -> bool:
        """True when the number at token k counts nothing of its own and is a real number."""
        tok, total = self.toks[k], self.amount(k)
        return (
            self.counted(total.last + 1, total) is None
            and not tok.year_like
            and not self.rejected_by_template(k)
            # "sept sur dix" is a proportion idiom, not a total
            and not (tok.spelled and tok.norm in ("dix", "cent"))
        )

    def _symbol_before(self, i: int) -> int | None:
        if i > 0 and self.toks[i - 1].kind == "sym":
            hit = self.match_forward(i - 1, _units())
            if hit and hit[0] == i - 1 and hit[1] in ("USD", "EUR", "XOF"):
                return i - 1
        return None

    def _symbol_counted(self, i: int) -> _Counted:
        unit = self.match_forward(i, _units())[1]
        return _Counted(unit, i, i, self.toks[i].text, True)

    def _read_change(self, i: int, a: _Amount, a_last: int, second: int, floor: int):
        """ "passé de 1 000 à 1 500 soldats": two rows, the first borrows the counted noun.

        ``a_last`` is the last token of the first value ("10" or "10 %"), ``second`` the token
        of the second number.
        """
        to = self.read_at(second, second)
        if to is None or self.rejected_by_template(i) or self.toks[i].year_like:
            return None
        qs, used = to
        q2 = qs[0]
        pre = self.match_backward(i - 1, floor)
        first_tok, qualifier = pre if pre else (i, "approx" if a.approx else "exact")
        c = _Counted(q2.unit, 0, 0, q2.counted, True)
        q1 = self._make(first_tok, a_last, a.value, None, c, qualifier, None)
        return [q1, *qs], used

    def read_compared(self, i: int, floor: int, earlier: Quantity) -> tuple[list[Quantity], int] | None:
        """"80 militaires, contre près d'un millier il y a quelques années": a number set against
        an earlier one after "contre" counts what that one counts."""
        if self.rejected_by_template(i) or self.toks[i].year_like:
            return None
        a = self.amount(i)
        if self.norm(i) in ("un", "une") and a.last == i:
            return None  # "une attaque contre une position": an article (not "contre un millier")
        pre = self.match_backward(i - 1, floor)
        first_tok, qualifier = pre if pre else (i, "approx" if a.approx else "exact")
        if first_tok - 1 < floor or self.norm(first_tok - 1) != "contre" or self.toks[first_tok - 1].start < earlier.end:
            return None
        c = _Counted(earlier.unit, 0, 0, earlier.counted, True)
        return [self._make(first_tok, a.last, a.value, None, c, qualifier, None)], a.last

    def _make(self, first, last, value, value_max, c: _Counted, qualifier, demonym) -> Quantity:
        start, end = self.toks[first].start, self.toks[last].end
        return Quantity(
            start=start,
            end=end,
            surface=self.text[start:end],
            value=float(value),
            value_max=None if value_max is None else float(value_max),
            unit=c.unit,
            qualifier=qualifier,
            counted=c.counted,
            demonym=demonym,
        )

    def read_share_word(self, i: int, floor: int) -> tuple[list[Quantity], int] | None:
        """A share named by a noun with no number: "la moitié des soldats" (0.5), "le tiers
        du budget", "réduit de moitié". Unit ratio."""
        word, det = self.norm(i), self.norm(i - 1)
        if i - 1 < floor or det not in _SHARE_WORDS[word][1]:
            return None  # "à moitié détruit" is a manner; "un pays tiers" is no share
        c = self.share_of(i + 1, "ratio", i)
        if word != "moitié" and not c.counted:
            return None  # "le tiers" alone is a third party
        first_tok = i - 1 if det != "de" else i
        pre = self.match_backward(first_tok - 1, floor)
        qualifier = "exact"
        if pre:
            first_tok, qualifier = pre
        value = _SHARE_WORDS[word][0]
        return [self._make(first_tok, c.last, value, None, c, qualifier, None)], c.last


# Shares written as a noun without a number, with the determiners that make them one.
_SHARE_WORDS = {
    "moitié": (0.5, ("la", "une", "de", "sa", "leur")),
    "tiers": (0.3333, ("le",)),
    "quart": (0.25, ("le",)),
}


@functools.cache
def _qualifiers_first_words() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in _qualifiers())


_SYMBOL_CUE = re.compile(r"[\d%$€]")
_UN = re.compile("un", re.I)


@functools.cache
def _quantity_cue() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A digit, a symbol, or a number word other than the article "un/une" (which alone is never
    a number; "un an", "une centaine", "un million" are kept by the second branch).

    Two patterns, one per kind of cue: the word lists are prefix trees (same words, each letter
    tried once; see `alternation`), and the "un/une" branches run only where "un" is written."""
    words = (_NUMBER_WORDS - {"un", "une"}) | set(_COLLECTIVES) | set(_FRACTIONS) | {"moitié"}
    after_un = word_tree("an|ans|année|semaine|mois|jour|heure|kilomètre|million|milliard|millier|centaine|dizaine|quart|tiers|demi".split("|"))
    lead = word_tree("moins|plus|environ|près|jusqu|maximum|minimum|seulement|que".split("|"))
    qualified = rf"(?:{lead})['\s]+(?:de\s+|d'|à\s+)?une?(?!\w)"
    return (
        re.compile(rf"(?<!\w)(?:{word_tree(words)})(?!\w)", re.I),
        re.compile(rf"(?<!\w)une?\s+(?:{after_un})|{qualified}", re.I),
    )


def _might_hold_a_quantity(text: str) -> bool:
    # The same test as one search of "digit|symbol|number word|un-cue", split per branch and
    # cheapest first: most sentences have a digit, and every un-cue needs the letters "un".
    if _SYMBOL_CUE.search(text):
        return True
    number_words, un_cues = _quantity_cue()
    return number_words.search(text) is not None or (_UN.search(text) is not None and un_cues.search(text) is not None)


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric claim in one French sentence, sorted by start, non-overlapping.

    >>> q, = find_quantities("Le convoi emmène près de 1 000 soldats américains vers Agadez.")
    >>> q.surface, q.value, q.unit, q.qualifier, q.counted, q.demonym
    ('près de 1 000 soldats', 1000.0, 'person', 'approx', 'soldats', 'américains')
    >>> [(q.value, q.unit) for q in find_quantities("Le barrage a coûté 100 millions de dollars.")]
    [(100000000.0, 'USD')]
    >>> q, = find_quantities("Entre 20 et 30 morts ont été recensés à Tillabéri.")
    >>> q.surface, q.value, q.value_max
    ('Entre 20 et 30 morts', 20.0, 30.0)
    >>> found = find_quantities("Deux tiers des Maliens approuvent.")
    >>> [(q.value, q.unit, q.counted) for q in found]
    [(0.6667, 'ratio', 'Maliens')]
    >>> find_quantities("Les deux pays se réuniront le 3 mars 2025 à 10 heures.")
    []
    """
    if not _might_hold_a_quantity(text):
        return []
    reader = _Reader(text)
    found: list[Quantity] = []
    floor = 0  # first token not yet used by a quantity
    i = 0
    while i < len(reader.toks):
        tok = reader.toks[i]
        result = None
        if tok.kind == "num":
            result = reader.read_at(i, floor)
        elif tok.norm in _SHARE_WORDS:
            result = reader.read_share_word(i, floor)
        if result is None and tok.kind == "num" and found:
            result = reader.read_compared(i, floor, found[-1])
        if result:
            qs, used = result
            found.extend(qs)
            floor = used + 1
            i = used + 1
        else:
            i += 1
    return sorted(found, key=lambda q: q.start)
