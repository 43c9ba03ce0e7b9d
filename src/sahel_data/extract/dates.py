"""French date expressions: find them in text and resolve them to partial dates.

Owns the contract's section "Dates" (partial dates, precision, bounds, the reference date and
how relative expressions resolve against it). Knows nothing about events, actors or articles,
and uses neither spaCy nor dateparser (NOTES.md: both find false dates in this news).

Three pure steps:

1. :func:`find_dates` scans a text with rules built from the lexicon
   ``sahel_data/lexicons/date_words.csv`` and returns :class:`DateMention` spans (0-based,
   end-exclusive offsets into the text exactly as given).
2. :func:`reference_date` picks the article's reference date: the publication date, refined by
   the latest explicit date the text reports as already past.
3. :func:`resolve` turns a mention into a :class:`PartialDate`, never more precise than what it
   rests on: what the expression writes, plus what the reference date knows.

The grammar, in order: ``[marker [à|au|du|de|en|d']] [preposition] [vague marker [de|du|d']]
core [direction]``, where the core is a day and month ("dimanche 19 mai 2024", "le 7 juin"), a
numeric date ("15/09/2024"), a month ("juillet 2023", "mars"), a year ("2022"), a weekday, a
relative day ("hier"), a period ("la semaine dernière", "ce mois-ci"), a distance ("il y a deux
ans", "dans deux mois", "d'ici les quatre prochains mois") or a vague expression ("dans les
prochains mois"). Every word of the grammar that names time lives in the lexicon, whose
``kind`` column is one of:

=================  ===================================================================
month, weekday     names, with ``value`` 1-12 / 0-6 (Monday = 0); abbreviations keep their dot
relative_day       hier, demain ... with ``value`` the offset in days
anchored_day       le lendemain, la veille, le même jour, alors ... with ``value`` the offset
                   in days from the date the article told last (not from the reference)
anchored_shift     plus tard, plus tôt after a number and a period ("huit mois plus tôt"): so
                   many periods after (next) or before (previous) the date told last
direction          singular words after a noun (past/future/current): dernier, prochain, -ci
direction_plural   plural ones, for windows and vague periods: prochains, derniers, à venir
anaphoric          words that place a period against one the narrative told (``value``
                   same/next/previous: "cette année-là", "le mois suivant", "l'année précédente")
period             singular time nouns (``value`` day/week/month/year/decade);
                   period_plural: their plurals
number             spelled-out numbers for distances; vague_quantity: quelques, plusieurs, des
vague_marker       mi-, début, fin, courant: kept in the span, no effect on the precision
deadline           d'ici, au plus tard, avant, jusqu'au ... (``value`` future/neutral: whether
                   the marker alone points forward)
schedule, onset    prévu pour (future); depuis (past), dès, à partir du (neutral)
preposition        en, au mois de, vers ...: context that makes a bare month or year a date
year_lead          l'année, l'an before a year; year_follow: verbs after a sentence-initial year
range              de/entre (start) and à/et/ou/- (link) for "de 2020 à 2022", "en mars et avril"
day_range          du/entre (start) and au/et (link) for a span of days, one mention: "du 3 au
                   5 mars 2025", "du 29 janvier au 29 juillet 2025"
ago, within        il y a / depuis + distance (past); d'ici / sous / dans + distance (``value``
                   deadline, point or window)
vague_adverb       récemment, prochainement: found, resolves to None
of_year            after a month: the year the narrative told ("en janvier de la même année",
                   "le 3 mars de l'année suivante"), ``value`` same/next/previous
=================  ===================================================================

Apostrophes ’ and ', no-break spaces and Unicode hyphens are folded one character for one
before matching, so offsets always point into the original text.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, KeysView
from dataclasses import dataclass, field, replace
from typing import Literal

from sahel_data.extract.alternation import word_tree
from sahel_data.lexicon_io import read_lexicon

__all__ = [
    "DateLexiconError",
    "DateMention",
    "PartialDate",
    "Precision",
    "find_dates",
    "reference_date",
    "resolve",
]

Precision = Literal["year", "month", "day"]

_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}
# The contract's plausibility window for a year written in text (not for PartialDate itself).
MIN_YEAR, MAX_YEAR = 1900, 2100
_LEXICON_PACKAGE, _LEXICON_FILE = "sahel_data.lexicons", "date_words.csv"


# --------------------------------------------------------------------------------------------
# Partial dates
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, with the days it covers.

    >>> mai = PartialDate.of(2024, 5)
    >>> mai.iso, mai.precision, mai.start, mai.end
    ('2024-05', 'month', datetime.date(2024, 5, 1), datetime.date(2024, 5, 31))
    >>> PartialDate.parse("2024-02").end  # année bissextile
    datetime.date(2024, 2, 29)
    >>> PartialDate.parse("2024") == PartialDate.of(2024)
    True
    """

    iso: str
    precision: Precision
    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.precision not in _RANK:
            raise ValueError(
                f"PartialDate {self.iso!r}: precision must be year, month or day, "
                f"found {self.precision!r}"
            )
        if self.start > self.end:
            raise ValueError(
                f"PartialDate {self.iso!r}: start {self.start} is after end {self.end}"
            )

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        """The partial date written with these parts (a day needs a month).

        >>> PartialDate.of(2024, 6, 8).iso
        '2024-06-08'
        >>> PartialDate.of(2023).end
        datetime.date(2023, 12, 31)
        >>> PartialDate.of(2023, 2, 29)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: PartialDate.of: 2023-02-29 is not a calendar date (...)
        """
        if not 1 <= year <= 9999:
            raise ValueError(f"PartialDate.of: year must be 1-9999, found {year}")
        if month is None:
            if day is not None:
                raise ValueError(f"PartialDate.of: day {day} given without a month")
            return cls(f"{year:04d}", "year", datetime.date(year, 1, 1),
                       datetime.date(year, 12, 31))
        if not 1 <= month <= 12:
            raise ValueError(f"PartialDate.of: month must be 1-12, found {month}")
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return cls(f"{year:04d}-{month:02d}", "month", datetime.date(year, month, 1),
                       datetime.date(year, month, last))
        try:
            date = datetime.date(year, month, day)
        except ValueError as err:
            raise ValueError(
                f"PartialDate.of: {year:04d}-{month:02d}-{day:02d} is not a calendar date ({err})"
            ) from None
        return cls(date.isoformat(), "day", date, date)

    @classmethod
    def parse(cls, iso: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; the precision follows the length.

        >>> PartialDate.parse("2024-05").precision
        'month'
        >>> PartialDate.parse("mai 2024")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: PartialDate.parse: expected an ISO 8601 partial date ..., found 'mai 2024'
        """
        found = _ISO.fullmatch(iso) if isinstance(iso, str) else None
        if found is None:
            raise ValueError(
                "PartialDate.parse: expected an ISO 8601 partial date YYYY, YYYY-MM or "
                f"YYYY-MM-DD, found {iso!r}"
            )
        year, month, day = (int(part) if part else None for part in found.groups())
        return cls.of(year, month, day)  # type: ignore[arg-type]

    @classmethod
    def week(cls, day: datetime.date) -> PartialDate:
        """The Monday-Sunday week containing ``day``: month precision, bounded by the week.

        The contract writes a week at month precision (the month of ``day``), with
        ``date_start`` / ``date_end`` bounding the week, which may cross a month.

        >>> w = PartialDate.week(datetime.date(2024, 2, 29))  # jeudi
        >>> w.iso, w.precision, w.start, w.end
        ('2024-02', 'month', datetime.date(2024, 2, 26), datetime.date(2024, 3, 3))
        """
        monday = day - datetime.timedelta(days=day.weekday())
        return cls(f"{day.year:04d}-{day.month:02d}", "month", monday,
                   monday + datetime.timedelta(days=6))


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


# --------------------------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Parsed:
    """What a mention says, before any reference date.

    ``kind``: ``date`` (written parts; missing ones come from the reference), ``weekday``,
    ``shift`` (``n`` units of ``unit`` from the reference: hier, le mois dernier, dans deux mois),
    ``anchored`` (``n`` days from the date the narrative last told: le lendemain, le même jour)
    or ``vague`` (resolves to None). ``direction``: -1 past / +1 future when the words say so,
    0 otherwise; ``strict`` excludes the reference's own month or day ("mars dernier").
    """

    kind: Literal["date", "weekday", "shift", "anchored", "vague"]
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: Literal["day", "week", "month", "year"] | None = None
    n: int = 0
    direction: int = 0
    strict: bool = False
    of_happening: bool = False  # "le lendemain de l'attaque": counted from a happening it names
    until: tuple[int, int] | None = None  # month and day a span of days ends on ("du 3 au 5 mars")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, with what its own words say about it.

    >>> m = find_dates("Les troupes partiront d’ici le 15 septembre.")[0]
    >>> m.text, m.is_deadline, m.is_future, m.is_relative, m.has_year
    ('d’ici le 15 septembre', True, True, True, False)
    """

    start: int
    end: int
    text: str
    is_relative: bool
    is_deadline: bool
    is_future: bool
    has_year: bool
    _parsed: _Parsed = field(compare=False, repr=False)

    @property
    def is_present(self) -> bool:
        """The article's own present: "aujourd'hui", "cette semaine", "cette année"."""
        return self._parsed.kind == "shift" and self._parsed.n == 0

    @property
    def is_same_day_as_told(self) -> bool:
        """"le même jour", "le jour même": the day the narrative told last, named as a day (not
        "alors", "à cette occasion", which may tell the same act again)."""
        p = self._parsed
        words = self.text.lower().split()
        return p.kind == "anchored" and p.n == 0 and not p.of_happening and "jour" in words and "même" in words

    @property
    def counts_days(self) -> bool:
        """"la veille", "le lendemain", "deux jours plus tard": days counted from a day told before."""
        p = self._parsed
        return p.kind == "anchored" and p.unit == "day" and p.n != 0

    @property
    def counts_from_happening(self) -> bool:
        """"le lendemain de l'attaque", "la veille du scrutin": days counted from the happening
        the words after it name, not from the date the narrative told last."""
        return self._parsed.of_happening

    @property
    def names_a_month(self) -> bool:
        """A date down to the month or day ("décembre 2022", "décembre dernier", "le 3 mai"), not a year."""
        return self._parsed.kind == "date" and self._parsed.month is not None

    @property
    def is_onset_past(self) -> bool:
        """A start its words place in the past ("depuis le 23 octobre 2025"), whatever the
        clause around it says ("les voyageurs doivent depuis le 23 octobre verser une caution")."""
        return self._parsed.kind == "date" and self._parsed.direction < 0

    @property
    def is_vague(self) -> bool:
        """A time with no date in it: "récemment", "ces derniers mois" (resolves to None)."""
        return self._parsed.kind == "vague"

    @property
    def names_a_day(self) -> bool:
        """A particular day: "dimanche", "hier", "le 7 juin" (not "l'année dernière")."""
        p = self._parsed
        return p.kind == "weekday" or (p.kind == "shift" and p.unit == "day") or (p.kind == "date" and p.day is not None)


# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------
class DateLexiconError(ValueError):
    """date_words.csv has a row the grammar cannot use."""


_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2212": "-",
})

_INT_KINDS = {"month", "weekday", "relative_day", "anchored_day", "number"}
_KIND_VALUES: dict[str, set[str] | None] = {
    "month": None, "weekday": None, "relative_day": None, "anchored_day": None, "number": None,
    "direction": {"past", "future", "current"},
    "direction_plural": {"past", "future"},
    "anaphoric": {"same", "next", "previous"},
    "anchored_shift": {"next", "previous"},
    "period": {"day", "week", "month", "year", "decade"},
    "period_plural": {"day", "week", "month", "year", "decade"},
    "vague_quantity": {""},
    "vague_marker": {"start", "mid", "end", "during"},
    "deadline": {"future", "neutral"},
    "schedule": {"future"},
    "onset": {"past", "neutral"},
    "preposition": {""},
    "year_lead": {""},
    "year_follow": {""},
    "range": {"start", "link"},
    "day_range": {"start", "link"},
    "ago": {"past"},
    "within": {"deadline", "point", "window"},
    "vague_adverb": {"past", "future"},
    "of_year": {"same", "next", "previous"},
}


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


def _fold(text: str) -> str:
    """``text.translate(_FOLD)``, faster: most texts hold one or two of these characters.

    >>> _fold("l’année\u00a0dernière")
    "l'année dernière"
    """
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


# A text's words, as the grammar sees them: runs of word characters between non-word ones.
_WORD = re.compile(r"\w+")
# Characters that IGNORECASE matches to a lexicon letter although str.lower() does not turn them
# into it ("İ" and "ı" match "i", "ſ" matches "s"; test_alternation checks there are no others).
_CASE_ODD = re.compile("[\u0130\u0131\u017f]")


class _Words:
    """Where each word of a folded text starts: the grammar's patterns start at these places, and
    can only match a text holding their words."""

    def __init__(self, lowered: str) -> None:
        self.at: dict[str, list[int]] = {}
        self.digit_starts: list[int] = []
        for found in _WORD.finditer(lowered):
            word, start = found.group(), found.start()
            if word in self.at:
                self.at[word].append(start)
            else:
                self.at[word] = [start]
            if word[0].isdecimal():  # what \d matches
                self.digit_starts.append(start)

    def keys(self) -> KeysView[str]:
        return self.at.keys()


def _words(norm: str) -> _Words | None:
    """The lower-cased words of a folded text, or None when one holds a `_CASE_ODD` character."""
    if _CASE_ODD.search(norm) is not None:
        return None
    return _Words(norm.lower())  # lower() keeps the length and the word characters here


def _key(s: str) -> str:
    """Lookup key of a form or a matched span: folded, lower case, single spaces."""
    return " ".join(s.translate(_FOLD).lower().split())


@dataclass(frozen=True)
class _Word:
    form: str
    kind: str
    value: str
    example: str


@functools.cache
def _lexicon() -> tuple[_Word, ...]:
    """The rows of date_words.csv, checked; loaded once per process."""
    where = f"{_LEXICON_PACKAGE}/{_LEXICON_FILE}"
    rows = read_lexicon(_LEXICON_FILE)
    expected = ["form", "kind", "value", "example"]
    if rows and list(rows[0]) != expected:
        raise DateLexiconError(f"{where}: header must be {expected}, found {list(rows[0])}")
    words = []
    for line, row in enumerate(rows, start=2):
        form, kind, value = row["form"].strip(), row["kind"].strip(), row["value"].strip()
        if not form:
            raise DateLexiconError(f"{where}, line {line}: empty form; fill it or drop the row")
        if kind not in _KIND_VALUES:
            raise DateLexiconError(
                f"{where}, line {line}: unknown kind {kind!r} for {form!r}; "
                f"expected one of {sorted(_KIND_VALUES)}"
            )
        allowed = _KIND_VALUES[kind]
        if kind in _INT_KINDS:
            if not re.fullmatch(r"-?\d+", value):
                raise DateLexiconError(
                    f"{where}, line {line}: {kind} {form!r} needs an integer value, "
                    f"found {value!r}"
                )
        elif allowed is not None and value not in allowed:
            raise DateLexiconError(
                f"{where}, line {line}: {kind} {form!r} has value {value!r}; "
                f"expected one of {sorted(allowed)}"
            )
        words.append(_Word(form, kind, value, row["example"] or ""))
    return tuple(words)


@functools.cache
def _values(*kinds: str) -> dict[str, str]:
    """Folded form -> value for these kinds (the first kind listed wins on a shared form)."""
    table: dict[str, str] = {}
    for kind in reversed(kinds):
        table.update({_key(w.form): w.value for w in _lexicon() if w.kind == kind})
    return table


# --------------------------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------------------------
# Between two words: spaces, or one line break (never a blank line: that ends a paragraph).
_SP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
_OSP = rf"(?:{_SP})?"
# After a form: nothing when it ends in an elision or a hyphen ("d'", "mi-"), else a space.
_AFTER = rf"(?:(?<=['\-])|(?<=\s)|{_SP})"
_YEAR = r"(?<![\w.,])(?<!\d )(?:19\d\d|20\d\d|2100)(?!\w|[.,]\d| \d{3}(?!\d))"
_DAY = r"(?<![\w.,/])(?:1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])(?!\w)"


def _form_re(form: str) -> str:
    """Regex for one lexicon form, with word boundaries; "mi-" also matches "mi juin"."""
    f = _key(form)
    if f == "-":
        return "-"
    hyphen_end = f.endswith("-")
    body = f[:-1] if hyphen_end else f
    pattern = _SP.join(re.escape(word) for word in body.split(" "))
    if body[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    elif body[0] == "-":
        pattern = r"(?<=\w)" + pattern  # a suffix: "mois-ci", "année-là"
    if hyphen_end:
        pattern += rf"(?:-|{_SP})"
    elif body[-1].isalnum():
        pattern += r"(?!\w)"
    return pattern


def _alt(*kinds: str, keep: Callable[[str], bool] = lambda form: True) -> str:
    forms = {_key(w.form) for w in _lexicon() if w.kind in kinds and keep(_key(w.form))}
    if not forms:
        raise DateLexiconError(f"{_LEXICON_PACKAGE}/{_LEXICON_FILE}: no rows of kind {kinds}")
    return "(?:" + "|".join(_form_re(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


def _starts_words(*kinds: str, keep: Callable[[str], bool] = lambda form: True) -> bool:
    """Whether every form of these kinds begins with a letter or digit (so a match starts a word)."""
    return all(f[0].isalnum() for w in _lexicon() if w.kind in kinds and keep(f := _key(w.form)))


def _is_suffix(form: str) -> bool:
    return form.startswith("-") and len(form) > 1


def _is_one_word(form: str) -> bool:
    """A form `_form_re` writes as the word itself between word boundaries ("juin", "janv.")."""
    return " " not in form and not form.endswith("-") and form[0].isalnum()


class _Core:
    """Whether a text holds one of the forms of some lexicon kinds, as the grammar writes them:
    the same answer as searching `prefix(?:form|form|...)`, found faster. One-word forms are a
    prefix tree (see `alternation`); a longer form ("il y a", "mi-") is searched as written, and
    only where its first word is."""

    def __init__(self, plain: str, prefix: str, words: set[str], longer: set[str],
                 phrases: str | None, first_words: set[str]) -> None:
        self.plain = plain  # the regex this answers for (tests compare the two)
        ends_in_word = sorted(w for w in words if w[-1].isalnum())
        others = sorted(w for w in words if not w[-1].isalnum())
        branches = ([rf"(?<!\w)(?:{word_tree(ends_in_word)})(?!\w)"] if ends_in_word else []) + (
            [rf"(?<!\w)(?:{word_tree(others)})"] if others else [])
        self.words = re.compile(prefix + "(?:" + "|".join(branches) + ")", re.I) if branches else None
        self.phrases = re.compile(prefix + f"(?:{phrases})", re.I) if phrases else None
        # Each longer form starts with its first word, written as such (a miss rules it out).
        self.first_words = re.compile(
            "|".join(("(?<!\\w)" if w[:1].isalnum() else "") + re.escape(w) for w in sorted(first_words)), re.I)
        # The same question asked of a text's set of words (`_words`): a form can match only
        # where each of its words is a word of the text, so a miss rules it out, a hit may not.
        forms = [_WORD.findall(w[:-1] if w.endswith("-") else w) for w in sorted(words | longer)]
        # A form with no letter ("-") is never ruled out, nor one with "_" (a word character
        # that `_form_re` does not treat as the start or end of a word).
        self.always = any(not runs for runs in forms) or any("_" in w for w in words | longer)
        self.one_word = frozenset(runs[0] for runs in forms if len(runs) == 1)
        self.several_words = tuple(frozenset(runs) for runs in forms if len(runs) > 1)

    def may_be_in(self, words: _Words) -> bool:
        """False only if `search` finds nothing in a text whose `_words` are ``words``."""
        keys = words.keys()
        return (self.always or not self.one_word.isdisjoint(keys)
                or any(w <= keys for w in self.several_words))

    def search(self, norm: str) -> re.Match[str] | None:
        found = self.words.search(norm) if self.words is not None else None
        if found is None and self.phrases is not None and self.first_words.search(norm) is not None:
            found = self.phrases.search(norm)
        return found


@dataclass(frozen=True)
class _Opening:
    """The words a pattern's match can begin with: lower-cased words, and any word beginning with
    a digit when ``digit`` (a day, a year). A match starts a word (`scan`), and that word is the
    first word of the first form the match holds, so trying only where these words are finds
    every match, in the same place, as trying everywhere."""

    words: frozenset[str]
    digit: bool = False


@dataclass(frozen=True)
class _Grammar:
    # (pattern, what its match means, what it cannot match without: every requirement is a
    # tuple of sub-expressions of the pattern, one of which must be found in the text, and the
    # words its match can begin with)
    patterns: tuple[tuple[re.Pattern[str], Callable[..., Iterator[_Cand]],
                          tuple[tuple[re.Pattern[str] | _Core, ...], ...], _Opening], ...]
    link: re.Pattern[str]
    year_follow: re.Pattern[str]


@functools.cache
def _grammar() -> _Grammar:
    month, weekday, rel = _alt("month"), _alt("weekday"), _alt("relative_day")
    anchored = _alt("anchored_day")
    anchored_shift = _alt("anchored_shift")
    dir_word = _alt("direction", keep=lambda f: not _is_suffix(f))
    dir_plural = _alt("direction_plural")
    suffix = _alt("direction", "anaphoric", keep=_is_suffix)
    anaphoric = _alt("anaphoric", keep=lambda f: not _is_suffix(f))
    unit = _alt("period", "period_plural")
    number = rf"(?:(?<!\w)\d{{1,3}}(?!\w)|{_alt('number')})"
    vague_qty = _alt("vague_quantity")
    marker = _alt("deadline", "schedule", "onset")
    prep = _alt("preposition")
    year_lead = _alt("year_lead")
    ago, within, adverb = _alt("ago"), _alt("within"), _alt("vague_adverb")
    range_start = _alt("range", keep=lambda f: _values("range").get(f) == "start")
    range_link = _alt("range", keep=lambda f: _values("range").get(f) == "link")

    lead = (rf"(?:(?P<marker>{marker}){_AFTER}"
            rf"(?:(?P<conn>à|au|aux|du|des|de|en)(?!\w){_SP}|d')?)?"
            rf"(?:(?P<prep>{prep}){_AFTER})?")
    vague = (rf"(?:(?:(?<!\w)(?:à{_SP}la|au|en|à|la|le){_SP})?(?P<vague>{_alt('vague_marker')})"
             rf"{_AFTER}(?P<of>(?:du|des|de|d')(?:(?<=')|{_SP}))?)")
    article = rf"(?:(?<!\w)(?P<art>le|ce){_SP})?"
    date_dir = rf"(?:{_SP}(?P<dir>{dir_word}))?"
    of_year = rf"(?:{_SP}(?P<ofy>{_alt('of_year')}))"

    def c(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.IGNORECASE)

    def scan(pattern: str) -> re.Pattern[str]:
        # Every date expression starts a word: failing fast inside words triples the speed.
        return c(r"(?<!\w)(?=\w)" + pattern)

    # What each pattern cannot match without: a sub-expression of it, searched alone on the
    # same text (same flags, same lookarounds), so a miss proves the pattern has no match there.
    # These cores are words (or a year), so they too are only tried where a word starts.
    wordy = _starts_words("month", "weekday", "relative_day", "period", "period_plural", "ago", "within",
                          "direction_plural") and _starts_words("direction", "anaphoric", keep=lambda f: not _is_suffix(f))

    def core(*kinds: str, keep: Callable[[str], bool] = lambda form: True) -> _Core:
        forms = {f for w in _lexicon() if w.kind in kinds and keep(f := _key(w.form))}
        longer = {f for f in forms if not _is_one_word(f)}
        phrases = _alt(*kinds, keep=lambda f: keep(f) and f in longer) if longer else None
        first_words = {(f[:-1] if f.endswith("-") else f).split(" ")[0] for f in longer}
        prefix = r"(?<!\w)(?=\w)" if wordy else ""
        return _Core(prefix + f"(?:{_alt(*kinds, keep=keep)})", prefix, forms - longer, longer,
                     phrases, first_words)

    month_core, year_core = core("month"), c(r"(?<!\w)(?=\w)" + _YEAR)
    unit_core = core("period", "period_plural")
    dir_core = core("direction", keep=lambda f: not _is_suffix(f))
    dir_plural_core = core("direction_plural")
    # Each requirement is a tuple of cores, any of which will do.
    needs_month = ((month_core,),)

    def first(*kinds: str, keep: Callable[[str], bool] = lambda form: True) -> frozenset[str]:
        """The first words of the forms that `_alt(*kinds, keep=keep)` matches."""
        return frozenset(runs[0] for w in _lexicon() if w.kind in kinds and keep(f := _key(w.form))
                         for runs in [_WORD.findall(f)] if runs)

    def opens(*words: frozenset[str] | str, digit: bool = False) -> _Opening:
        return _Opening(frozenset().union(*({w} if isinstance(w, str) else w for w in words)),
                        digit)

    # Words that open the optional parts before a core: `lead`, `vague`, `article`.
    lead_first = first("deadline", "schedule", "onset", "preposition")
    vague_first = first("vague_marker") | {"à", "au", "en", "la", "le"}
    article_first = frozenset({"le", "ce"})
    unit_first, month_first = first("period", "period_plural"), first("month")
    pre_first = first("preposition", "within", "ago")  # `pre` of the vague patterns

    patterns = (
        (scan(lead + article + rf"(?:(?P<wd>{weekday}),?{_SP}(?:le{_SP})?)?(?P<d>{_DAY}){_SP}"
              rf"(?P<m>{month})(?:{_SP}(?P<y>{_YEAR})|{of_year})?" + date_dir), _build_day_month, needs_month,
         opens(lead_first, article_first, first("weekday"), "premier", digit=True)),
        (scan(lead + r"(?:(?<!\w)le" + _SP + r")?(?:(?<![\w./-])(?P<d>\d{1,2})(?P<sep>[/.-])"
              r"(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})|(?<![\w./-])(?P<iy>\d{4})-(?P<im>\d\d)-"
              r"(?P<id>\d\d))(?![\w/-]|\.\d)"), _build_numeric, ((c(r"\d[/.-]\d"),),),
         opens(lead_first, "le", digit=True)),
        # "le 13." / "le 2, après...": a day alone, where a clause ends after it
        (scan(lead + r"(?<!\w)le" + _SP + rf"(?P<d>{_DAY})(?=[^\S\n]*(?:[,.;:!?)\u00bb]|$))"), _build_day_only,
         ((c(r"(?<!\w)le" + _SP + r"\d"),),), opens(lead_first, "le")),
        (scan(lead + rf"{vague}?(?P<m>{month})(?:{_SP}(?P<y>{_YEAR})|{of_year})?" + date_dir),
         _build_month, needs_month, opens(lead_first, vague_first, month_first)),
        (scan(lead + rf"{vague}?(?:(?P<ylead>{year_lead}){_AFTER})?(?P<y>{_YEAR})"), _build_year,
         ((year_core,),), opens(lead_first, vague_first, first("year_lead"), digit=True)),
        (scan(lead + article + rf"(?P<wd>{weekday})(?P<suffix>{suffix})?" + date_dir),
         _build_weekday, ((core("weekday"),),), opens(lead_first, article_first, first("weekday"))),
        (scan(lead + rf"(?P<rel>{rel})"), _build_relative_day, ((core("relative_day"),),),
         opens(lead_first, first("relative_day"))),
        (scan(lead + rf"(?<!['’])(?P<anch>{anchored})(?:(?<=temps)|(?!{_SP}qu(?:e(?!\w)|['’])))(?:(?=(?P<of>{_SP}(?:du|des|de)(?!\w)|{_SP}d['’])))?"), _build_anchored,
         ((core("anchored_day"),),), opens(lead_first, first("anchored_day"))),
        (scan(lead + rf"{vague}?(?:(?<!\w)(?P<det>cette|cet|ce|l'|la|le)(?:(?<=')|{_SP}))?"
              rf"(?P<unit>{unit})(?P<suffix>{suffix})?(?:{_SP}(?P<dir>{dir_word}|{anaphoric}))?"),
         _build_period, ((unit_core,),),
         opens(lead_first, vague_first, {"cette", "cet", "ce", "l", "la", "le"}, unit_first)),
        (scan(rf"(?P<n>{number}){_SP}(?P<unit>{unit}){_SP}(?P<ashift>{anchored_shift})"), _build_anchored_shift,
         ((core("anchored_shift"),), (unit_core,)), opens(first("number"), digit=True)),
        (scan(rf"(?P<ago>{ago}){_SP}(?:{_ABOUT}(?:(?<=['’])|{_SP}))?(?:(?P<n>{number})|(?P<vq>{vague_qty})){_SP}"
              rf"(?P<unit>{unit})"), _build_ago, ((core("ago"),), (unit_core,)),
         opens(first("ago"))),
        (scan(rf"(?P<within>{within}){_AFTER}(?:(?P<det>les|des|ces){_SP})?(?P<n>{number}){_SP}"
              rf"(?:(?P<pdir>{dir_plural}){_SP})?(?P<unit>{unit})"
              rf"(?:{_SP}(?P<post>{dir_plural}|{anaphoric}))?"), _build_within,
         ((core("within"),), (unit_core,)),
         opens(first("within"))),
        (scan(rf"(?:(?P<pre>{prep}|{within}|{ago}){_AFTER})?"
              rf"(?:(?<!\w)(?P<det>les|des|ces|la|cette|le|de{_SP}la){_SP})?"
              rf"(?P<pdir>{dir_word}|{dir_plural}){_SP}(?P<unit>{unit})"), _build_vague_before,
         ((unit_core,), (dir_core, dir_plural_core)),
         opens(pre_first, {"les", "des", "ces", "la", "cette", "le", "de"},
               first("direction", keep=lambda f: not _is_suffix(f)), first("direction_plural"))),
        (scan(rf"(?:(?P<pre>{prep}|{within}|{ago}){_AFTER})?(?<!\w)(?P<det>les|des|ces){_SP}"
              rf"(?P<unit>{unit}){_SP}(?P<post>{dir_plural}|{anaphoric})"), _build_vague_after,
         ((unit_core,), (dir_plural_core, core("anaphoric", keep=lambda f: not _is_suffix(f)))),
         opens(pre_first, {"les", "des", "ces"})),
        (scan(rf"(?P<adv>{adverb})"), _build_adverb, (), opens(first("vague_adverb"))),
        (scan(rf"(?:(?P<rs>{range_start}){_SP})?(?P<a>(?P<am>{month})(?:{_SP}(?P<ay>{_YEAR}))?"
              rf"|(?P<ay2>{_YEAR})){_OSP}(?P<link>{range_link}){_OSP}"
              rf"(?P<b>(?P<bm>{month})(?:{_SP}(?P<by>{_YEAR}))?|(?P<by2>{_YEAR}))"), _build_range,
         ((month_core, year_core), (c(range_link),)),
         opens(first("range", keep=lambda f: _values("range").get(f) == "start"), month_first,
               digit=True)),
    )
    return _Grammar(
        patterns=patterns,
        link=c(rf"{_OSP}(?:,{_OSP})?(?:{range_link}{_OSP})?"),
        year_follow=c(rf"{_SP}{_alt('year_follow')}"),
    )


# --------------------------------------------------------------------------------------------
# Candidates: what each pattern's match means
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    parsed: _Parsed
    is_relative: bool
    is_deadline: bool
    is_future: bool
    has_year: bool
    needs_context: bool = False  # a bare month or year: a date only next to another date


_SIGN = {"past": -1, "future": 1, "current": 0}


@dataclass(frozen=True)
class _Lead:
    """What the words before the core say: a deadline/schedule/onset marker, a preposition."""

    marker_kind: str | None
    marker_dir: int
    prep: bool

    @property
    def deadline(self) -> bool:
        return self.marker_kind == "deadline"

    @property
    def future(self) -> bool:
        return self.marker_dir > 0


def _lead(m: re.Match[str]) -> _Lead:
    marker = m.groupdict().get("marker")
    kind, direction = None, 0
    if marker:
        key = _key(marker)
        for k in ("deadline", "schedule", "onset"):
            value = _values(k).get(key)
            if value is not None:
                kind, direction = k, _SIGN.get(value, 0)
                break
    return _Lead(kind, direction, bool(m.groupdict().get("prep")))


def _cand(m: re.Match[str], parsed: _Parsed, lead: _Lead, *, has_year: bool,
          future_words: bool = False, needs_context: bool = False,
          span: tuple[int, int] | None = None) -> _Cand:
    start, end = span or m.span()
    return _Cand(start, end, parsed, is_relative=not has_year, is_deadline=lead.deadline,
                 is_future=future_words or lead.future or parsed.direction > 0,
                 has_year=has_year, needs_context=needs_context)


def _direction(m: re.Match[str], lead: _Lead) -> tuple[int, bool]:
    """(direction, written): from a direction word after the core, else from the marker."""
    word = m.groupdict().get("dir")
    if word and _key(word) in _values("direction"):
        return _SIGN[_values("direction")[_key(word)]], True
    return lead.marker_dir, False


def _day_value(s: str) -> int:
    return 1 if not s[0].isdigit() or s.startswith(("1er", "1ᵉʳ")) else int(s)


def _build_day_month(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    day, month = _day_value(m["d"]), int(_values("month")[_key(m["m"])])
    year = int(m["y"]) if m["y"] else None
    # 29 February exists without a year: the reference picks a leap year.
    if day > calendar.monthrange(year or 2000, month)[1]:
        return
    lead = _lead(m)
    direction, _ = _direction(m, lead)
    wd = int(_values("weekday")[_key(m["wd"])]) if m["wd"] else None
    if m["ofy"]:
        yield _cand(m, _of_told_year(m["ofy"], month, day), lead, has_year=False)
        return
    yield _cand(m, _Parsed("date", year, month, day, weekday=wd, direction=direction), lead,
                has_year=year is not None)


def _of_told_year(words: str, month: int, day: int | None = None) -> _Parsed:
    """"janvier de la même année", "le 3 mars de l'année suivante": a month (or day) of the year
    the narrative told last, or the one after or before it."""
    n = _ANAPHORIC_SHIFT[_values("of_year")[_key(words)]]
    return _Parsed("anchored", month=month, day=day, unit="year", n=n)


def _build_day_only(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    """"le 13." : a day of the month the reference is in (or the one before or after)."""
    lead = _lead(m)
    direction, _ = _direction(m, lead)
    yield _cand(m, _Parsed("date", None, None, _day_value(m["d"]), direction=direction), lead, has_year=False)


def _build_numeric(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    if m["iy"]:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12 \
            or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return
    yield _cand(m, _Parsed("date", year, month, day), _lead(m), has_year=True)


def _build_month(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    month = int(_values("month")[_key(m["m"])])
    year = int(m["y"]) if m["y"] else None
    if year is None and _key(m["m"]).endswith("."):
        return  # "sept." alone is too often the number seven ending a sentence
    lead = _lead(m)
    if m["ofy"]:
        yield _cand(m, _of_told_year(m["ofy"], month), lead, has_year=False)
        return
    direction, written = _direction(m, lead)
    context = bool(year or lead.marker_kind or lead.prep or m["vague"] or written)
    yield _cand(m, _Parsed("date", year, month, direction=direction,
                           strict=written and year is None and direction != 0), lead,
                has_year=year is not None, needs_context=not context)


def _build_year(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    lead = _lead(m)
    context = bool(lead.marker_kind or lead.prep or m["vague"] or m["ylead"])
    start, end = m.span()
    if not context:
        before = norm[max(0, start - 4):start].lower()
        after = norm[end:end + 1]
        context = (
            # "2023 a été ...", opening a sentence: "la résolution 2071 a été votée" is no date
            (_SENTENCE_START.search(norm, 0, start) is not None
             and bool(_grammar().year_follow.match(norm, end)))
            or (before.endswith("(") and after == ")")  # "résolution 2719 (2024)"
            or (re.search(r"(?<!\w)de $", before) is not None and after in {"", ",", ".", ";",
                                                                              ":", ")"})
        )
    yield _cand(m, _Parsed("date", int(m["y"]), direction=lead.marker_dir), lead,
                has_year=True, needs_context=not context)


_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n«\"“]|\A[#*\s]+)\s*\Z")


def _build_weekday(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    lead = _lead(m)
    if m["suffix"] and _key(m["suffix"]) in _values("anaphoric"):
        yield _cand(m, _Parsed("vague"), lead, has_year=False)  # "ce dimanche-là"
        return
    direction, written = _direction(m, lead)
    parsed = _Parsed("weekday", weekday=int(_values("weekday")[_key(m["wd"])]),
                     direction=direction, strict=written and direction != 0)
    yield _cand(m, parsed, lead, has_year=False)


def _build_relative_day(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    n = int(_values("relative_day")[_key(m["rel"])])
    lead = _lead(m)
    if n <= 0:  # "jusqu'à aujourd'hui" says until now, not a deadline
        lead = _Lead(None if lead.deadline else lead.marker_kind, min(lead.marker_dir, 0),
                     lead.prep)
    yield _cand(m, _Parsed("shift", unit="day", n=n), lead, has_year=False, future_words=n > 0)


def _build_anchored(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    n = int(_values("anchored_day")[_key(m["anch"])])
    # "la veille du scrutin", "le lendemain de l'attaque": counted from the happening the phrase
    # names, which the caller finds among the acts told before (DateMention.counts_from_happening)
    yield _cand(m, _Parsed("anchored", unit="day", n=n, of_happening=bool(m["of"])), _lead(m), has_year=False, future_words=False)


_DEMONSTRATIVE = {"ce", "cet", "cette"}
_ANAPHORIC_SHIFT = {"same": 0, "next": 1, "previous": -1}


def _build_period(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    unit_key, det = _key(m["unit"]), _key(m["det"] or "")
    unit = _values("period").get(unit_key)
    if unit is None:
        return  # a plural noun ("années") is never one period
    lead = _lead(m)
    suffix = _key(m["suffix"] or "")
    word = _key(m["dir"] or "")
    if suffix in _values("anaphoric") or word in _values("anaphoric"):
        if det and not m["vague"]:
            # "cette année-là", "le mois suivant", "l'année précédente": counted from the period
            # the narrative told last
            n = _ANAPHORIC_SHIFT[_values("anaphoric")[suffix or word]]
            yield _cand(m, _Parsed("anchored", unit=unit, n=n), lead, has_year=False)  # type: ignore[arg-type]
        elif det or m["vague"]:  # "à la fin de l'année suivante"
            yield _cand(m, _Parsed("vague"), lead, has_year=False)
        return
    if det in _DEMONSTRATIVE:
        n = 0
    elif word:
        n = _SIGN[_values("direction")[word]]
    elif suffix:
        n = 0  # "-ci"
    elif m["vague"] and (det or m["of"]):
        n = 0  # "la fin de l'année", "en fin d'année", "d'ici la fin du mois"
    else:
        return  # "l'année", "le mois" alone are not dates
    if unit == "decade":
        yield _cand(m, _Parsed("vague", direction=n), lead, has_year=False, future_words=n > 0)
        return
    yield _cand(m, _Parsed("shift", unit=unit, n=n), lead, has_year=False, future_words=n > 0)  # type: ignore[arg-type]


def _unit(key: str) -> str:
    return _values("period", "period_plural")[key]


def _number(s: str) -> int:
    return int(s) if s.isdigit() else int(_values("number")[_key(s)])


# "il y a près de deux ans": an approximate distance lands in the same period as the exact one.
_ABOUT = r"(?:près\s+de|près\s+d['’]|environ|presque|quelque)"


def _build_ago(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    unit = _unit(_key(m["unit"]))
    if m["vq"] or unit == "decade":  # "il y a quelques mois", "depuis des décennies"
        yield _cand(m, _Parsed("vague", direction=-1), _Lead(None, -1, False), has_year=False)
        return
    yield _cand(m, _Parsed("shift", unit=unit, n=-_number(m["n"])), _Lead(None, -1, False),  # type: ignore[arg-type]
                has_year=False)


def _build_anchored_shift(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    """"huit mois plus tôt", "trois jours plus tard": counted from the date told last."""
    unit = _unit(_key(m["unit"]))
    if unit == "decade":
        return
    sign = _ANAPHORIC_SHIFT[_values("anchored_shift")[_key(m["ashift"])]]
    yield _cand(m, _Parsed("anchored", unit=unit, n=sign * _number(m["n"])), _Lead(None, 0, False),  # type: ignore[arg-type]
                has_year=False)


def _build_within(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    kind = _values("within")[_key(m["within"])]
    unit = _unit(_key(m["unit"]))
    dirs = [_SIGN[_values("direction_plural")[_key(w)]] for w in (m["pdir"], m["post"])
            if w and _key(w) in _values("direction_plural")]
    anchored = bool(m["post"]) and _key(m["post"]) in _values("anaphoric")
    if kind == "window" and not dirs:
        return  # "pendant les deux ans" is a duration, not a date
    deadline = kind != "point" or bool(m["det"]) or bool(dirs)
    if anchored or unit == "decade" or any(d < 0 for d in dirs):
        # "dans les six mois suivant l'accord": counted from another event;
        # "au cours des deux dernières années": a stretch of the past
        yield _cand(m, _Parsed("vague"), _Lead("deadline" if deadline else None, 0, False),
                    has_year=False, future_words=not any(d < 0 for d in dirs))
        return
    parsed = _Parsed("shift", unit=unit, n=_number(m["n"]), direction=1)  # type: ignore[arg-type]
    yield _cand(m, parsed, _Lead("deadline" if deadline else None, 1, False), has_year=False)


def _vague(m: re.Match[str], *words: str | None) -> Iterator[_Cand]:
    signs = [_SIGN[v] for w in words if w
             for v in [_values("direction", "direction_plural", "vague_adverb").get(_key(w))]
             if v is not None]
    future = any(s > 0 for s in signs)
    pre = m.groupdict().get("pre")
    deadline = bool(pre) and _values("within").get(_key(pre)) == "deadline"
    yield _cand(m, _Parsed("vague", direction=1 if future else 0),
                _Lead("deadline" if deadline else None, 0, False), has_year=False,
                future_words=future)


def _build_vague_before(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    if m["pre"] or m["det"]:  # "ces derniers mois", "au cours de la dernière décennie"
        yield from _vague(m, m["pdir"])


def _build_vague_after(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    yield from _vague(m, m["post"])  # "dans les semaines à venir"


def _build_adverb(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    yield from _vague(m, m["adv"])  # "récemment", "prochainement"


def _build_range(m: re.Match[str], norm: str) -> Iterator[_Cand]:
    """Both ends of "de 2020 à 2022", "entre mars et juin", "2024-2026", as two mentions."""
    link = _key(m["link"])
    if not m["rs"] and not (link == "-" and m["ay2"] and m["by2"]):
        return
    ends = []
    for side in ("a", "b"):
        month_text, year_text = m[side + "m"], m[side + "y"] or m[side + "y2"]
        month = int(_values("month")[_key(month_text)]) if month_text else None
        if month_text and _key(month_text).endswith(".") and not year_text:
            return
        year = int(year_text) if year_text else None
        ends.append((m.span(side), _Parsed("date", year, month)))
    (_, first), (_, last) = ends
    if first.year and last.year and first.month is None and last.month is None \
            and not first.year < last.year:
        return  # "de 2022 à 2020" is not a span of years
    none = _Lead(None, 0, False)
    for span, parsed in ends:
        yield _cand(m, parsed, none, has_year=parsed.year is not None, span=span)


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------
# Every date expression has a digit or one of these words at its core: most sentences have
# neither, and one search saves running every pattern of the grammar on them.
_CORE_KINDS = ("month", "weekday", "relative_day", "period", "period_plural", "vague_adverb", "anchored_day", "anchored_shift", "ago", "within", "number")


@functools.cache
def _core_words() -> re.Pattern[str]:
    # A prefix tree of the words (see `alternation`): the same test, each letter tried once.
    forms = {_key(w.form) for w in _lexicon() if w.kind in _CORE_KINDS}
    return re.compile(r"(?<!\w)(?:" + word_tree(forms) + r")(?!\w)", re.I)


_DIGIT = re.compile(r"\d")


# "le 15 septembre 2024 au plus tard": the deadline word may follow the date it bounds.
_DEADLINE_AFTER = re.compile(r"\s+au plus tard(?!\w)")


def _with_deadline_after(c: _Cand, norm: str) -> _Cand:
    """The date followed by "au plus tard" is a deadline, that phrase included."""
    if c.is_deadline or (m := _DEADLINE_AFTER.match(norm, c.end)) is None:
        return c
    return replace(c, end=m.end(), is_deadline=True, is_future=True)


def _might_hold_a_date(norm: str) -> bool:
    return _DIGIT.search(norm) is not None or _core_words().search(norm) is not None


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text``: sorted, non-overlapping, the longest at each place.

    >>> [m.text for m in find_dates("Conclu dimanche 19 mai 2024, l’accord prévoit un départ "
    ...                             "d’ici le 15 septembre, comme en 2022.")]
    ['dimanche 19 mai 2024', 'd’ici le 15 septembre', 'en 2022']
    >>> [m.text for m in find_dates("La base 101 abrite 1 000 soldats (résolution 2719).")]
    []
    >>> [m.text for m in find_dates("Les violences ont doublé de 2020 à 2022.")]
    ['2020', '2022']
    """
    norm = _fold(text)  # one character for one: offsets stay valid
    if not _might_hold_a_date(norm):
        return []
    grammar = _grammar()
    found: list[_Cand] = []
    waiting: list[_Cand] = []
    words = _words(norm)
    present: dict[re.Pattern[str] | _Core, bool] = {}  # each core searched once per text
    for pattern, build, needs, opening in grammar.patterns:
        if not _may_match(needs, norm, words, present):
            continue  # a core of the pattern is absent: the full pattern cannot match (and is slow to run)
        matches = (pattern.finditer(norm) if words is None
                   else _matches(pattern, norm, words, opening))
        for match in matches:
            for cand in build(match, norm):
                (waiting if cand.needs_context else found).append(cand)
    chosen = _longest_first(found)
    # A bare month or year is a date when it continues a list or range of dates:
    # "en mars et avril", "en 2021, 2022 et 2023".
    for cand in sorted(waiting, key=lambda c: c.start):
        before = [c for c in chosen if c.end <= cand.start]
        if not before or any(_overlap(cand, c) for c in chosen):
            continue
        prev = max(before, key=lambda c: c.end)
        same_kind = (prev.parsed.kind == "date" and prev.parsed.day is None
                     and (prev.parsed.month is None) == (cand.parsed.month is None))
        gap = grammar.link.fullmatch(norm, prev.end, cand.start)
        if same_kind and gap and gap.end() > gap.start() and _has_link(norm[prev.end:cand.start]):
            chosen.append(cand)
            chosen.sort(key=lambda c: c.start)
    chosen = [_with_deadline_after(c, norm) for c in _share_range_year(chosen, norm)]
    return [DateMention(c.start, c.end, text[c.start:c.end], c.is_relative, c.is_deadline,
                        c.is_future, c.has_year, c.parsed) for c in chosen]


@functools.cache
def _day_range_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What opens a span of days before its first day ("du", "entre le") and what links the two
    ("au", "et")."""
    start = _alt("day_range", keep=lambda f: _values("day_range").get(f) == "start")
    link = _alt("day_range", keep=lambda f: _values("day_range").get(f) == "link")
    return re.compile(rf"(?<!\w){start}{_SP}$", re.I), re.compile(rf"{_SP}{link}{_SP}", re.I)


def _share_range_year(chosen: list[_Cand], norm: str) -> list[_Cand]:
    """A span of days ("du 29 janvier au 29 juillet 2025", "du 3 au 5 mars", "entre le 27 et le
    31 mars 2022") is one mention: its first day takes the month and year written once, and it
    resolves to the whole span (see `resolve`).

    >>> [m.text for m in find_dates("une transition du 29 janvier au 29 juillet 2025")]
    ['29 janvier au 29 juillet 2025']
    """
    opening, link = _day_range_words()
    out = list(chosen)
    # from the end, so that merging a pair leaves the indices still to visit in place
    for k in range(len(out) - 1, -1, -1):
        last = out[k].parsed
        if last.kind != "date" or last.day is None or last.month is None:
            continue
        before = norm[max(0, out[k].start - 40) : out[k].start]
        bare = re.search(rf"({_DAY}){link.pattern}$", before, re.I)  # "du 3 au 5 mars"
        previous = out[k - 1] if k > 0 else None
        if bare is not None and opening.search(before[: bare.start()]) is not None:
            day = int(re.match(r"\d+", bare.group(1)).group()) if bare.group(1)[0].isdigit() else 1
            if not day < last.day:
                continue
            first_start, first, span_at = out[k].start - len(before) + bare.start(1), (last.month, day), k
        elif previous is not None and _opens_span(previous, out[k], norm, opening, link):
            first_start, first, span_at = previous.start, (previous.parsed.month, previous.parsed.day), k - 1
            del out[k - 1]
        else:
            continue
        year = last.year if last.year is None or first <= (last.month, last.day) else last.year - 1
        out[span_at] = replace(out[span_at], start=first_start,
                               parsed=replace(last, year=year, month=first[0], day=first[1], until=(last.month, last.day)))
    return out


def _opens_span(first: _Cand, last: _Cand, norm: str, opening: re.Pattern[str], link: re.Pattern[str]) -> bool:
    """``first`` is a day with no year that opens a span ending on ``last``: "du 29 janvier au"."""
    p = first.parsed
    return (
        p.kind == "date" and p.year is None and p.day is not None and p.month is not None
        and link.fullmatch(norm, first.end, last.start) is not None
        and opening.search(norm[max(0, first.start - 12) : first.start]) is not None
    )


def _matches(pattern: re.Pattern[str], norm: str, words: _Words,
             opening: _Opening) -> Iterator[re.Match[str]]:
    """``pattern.finditer(norm)``, trying the pattern only where a word of ``opening`` starts."""
    starts = [start for word in opening.words & words.keys() for start in words.at[word]]
    if opening.digit:
        starts += words.digit_starts
    end = 0
    for start in sorted(starts):
        if start >= end:  # finditer goes on after the end of its last match
            match = pattern.match(norm, start)
            if match is not None:
                end = match.end()
                yield match


def _may_match(needs: tuple[tuple[re.Pattern[str] | _Core, ...], ...], norm: str,
               words: _Words | None, present: dict[re.Pattern[str] | _Core, bool]) -> bool:
    """Whether each requirement of a pattern has one of its cores in the text (plain loops: this
    runs for every pattern of every sentence with a date cue)."""
    for cores in needs:
        for core in cores:
            if _found(core, norm, words, present):
                break
        else:
            return False
    return True


def _found(core: re.Pattern[str] | _Core, norm: str, words: _Words | None,
           present: dict[re.Pattern[str] | _Core, bool]) -> bool:
    if core not in present:
        if words is not None and isinstance(core, _Core):
            present[core] = core.may_be_in(words)  # a set lookup, not a search of the text
        else:
            present[core] = core.search(norm) is not None
    return present[core]


def _has_link(gap: str) -> bool:
    return bool(gap.strip())  # a comma or a link word, not just a space


def _overlap(a: _Cand, b: _Cand) -> bool:
    return a.start < b.end and b.start < a.end


def _longest_first(cands: list[_Cand]) -> list[_Cand]:
    chosen: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if not any(_overlap(cand, c) for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


# --------------------------------------------------------------------------------------------
# Resolving
# --------------------------------------------------------------------------------------------
def resolve(mention: DateMention, reference: PartialDate | None, *,
            future: bool | None = None, anchor: PartialDate | None = None) -> PartialDate | None:
    """The partial date a mention stands for, read against the reference date.

    Written years need no reference; anything else does, and is never more precise than what
    it rests on. ``future`` is the caller's reading of the verb tense; words in the mention
    ("dernier", "prochain", "d'ici", "depuis") win over it, and without either a mention
    points back in time unless it is a deadline or says it points forward.

    >>> juin8 = PartialDate.parse("2024-06-08")
    >>> resolve(find_dates("le mois dernier")[0], juin8).iso
    '2024-05'
    >>> resolve(find_dates("en mars dernier")[0], PartialDate.parse("2024-03-15")).iso
    '2023-03'
    >>> resolve(find_dates("d'ici le 15 septembre")[0], PartialDate.parse("2024-09-20")).iso
    '2025-09-15'
    >>> resolve(find_dates("vendredi")[0], PartialDate.parse("2024-06")).iso
    '2024-06'
    >>> w = resolve(find_dates("la semaine dernière")[0], juin8)  # le 1er juin, une semaine avant
    >>> w.iso, w.start, w.end
    ('2024-06', datetime.date(2024, 5, 27), datetime.date(2024, 6, 2))
    >>> resolve(find_dates("l'année dernière")[0], None) is None
    True
    """
    point = _resolve_point(mention, reference, future=future, anchor=anchor)
    until = mention._parsed.until
    if point is None or until is None or point.precision != "day":
        return point
    # a span of days is written at the finest precision that holds it, bounded by the span; one
    # that crosses a new year at its first month, as the contract writes a week
    end_year = point.start.year + (1 if until < (point.start.month, point.start.day) else 0)
    try:
        end = datetime.date(end_year, *until)
    except ValueError:
        return point
    year, month = point.start.year, point.start.month
    holder = PartialDate.of(year) if end.year == year and end.month != month else PartialDate.of(year, month)
    return PartialDate(holder.iso, holder.precision, point.start, end)


def _resolve_point(mention: DateMention, reference: PartialDate | None, *,
                   future: bool | None = None, anchor: PartialDate | None = None) -> PartialDate | None:
    p = mention._parsed
    if p.kind == "vague":
        return None
    if p.kind == "anchored":
        return _resolve_anchored(p, anchor)
    if p.kind == "date" and p.year is not None:
        return PartialDate.of(p.year, p.month, p.day)
    if reference is None:
        return None
    ref = PartialDate.parse(reference.iso)  # a week reference counts as its month
    if p.direction:
        forward, strict = p.direction > 0, p.strict
    elif future is not None:
        forward, strict = future, False
    else:
        forward, strict = mention.is_future or mention.is_deadline, False
    try:
        if p.kind == "date":
            return _resolve_yearless(p, ref, forward, strict)
        if p.kind == "weekday":
            return _resolve_weekday(p, ref, forward, strict)
        return _resolve_shift(p, ref)
    except (ValueError, OverflowError):
        return None  # beyond year 9999 or before year 1


def _resolve_anchored(p: _Parsed, anchor: PartialDate | None) -> PartialDate | None:
    """"le lendemain", "le même jour", "l'année suivante", "ce mois-là": ``n`` units of
    ``p.unit`` from ``anchor``, the date the narrative told last. Never finer than the
    anchor, nor than the unit; a shift finer than the anchor is unknown (a day after a month)."""
    if anchor is None:
        return None
    year, month = _ref_parts(anchor)
    try:
        if p.unit == "year" and p.month is not None:
            return PartialDate.of(year + p.n, p.month, p.day)  # "en janvier de la même année"
        if p.unit == "year":
            return PartialDate.of(year + p.n)
        if p.unit == "month":
            if month is None:
                return None if p.n else PartialDate.of(year)
            return _add_months(year, month, p.n)
        if p.n == 0:
            return anchor  # "le même jour", "ce jour-là", "cette semaine-là": the anchor itself
        if anchor.precision != "day":
            return None
        days = p.n * (7 if p.unit == "week" else 1)
        target = anchor.start + datetime.timedelta(days=days)
        return PartialDate.week(target) if p.unit == "week" else PartialDate.of(*_ymd(target))
    except (ValueError, OverflowError):
        return None


def _ref_parts(ref: PartialDate) -> tuple[int, int | None]:
    return int(ref.iso[:4]), int(ref.iso[5:7]) if ref.precision != "year" else None


def _resolve_yearless(p: _Parsed, ref: PartialDate, forward: bool,
                      strict: bool) -> PartialDate | None:
    ref_year, ref_month = _ref_parts(ref)
    years = range(ref_year - 8, ref_year + 9)
    if p.month is None:
        return _resolve_day_only(p, ref, forward)
    month = p.month
    if p.day is None:
        # Month only: compare months; a year reference stands for whichever month fits.
        if forward:
            anchor = (ref_year, ref_month or 1)
            fits = [y for y in years if ((y, month) > anchor if strict else
                                         (y, month) >= anchor)]
            return PartialDate.of(min(fits), month)
        anchor = (ref_year, ref_month or 12)
        fits = [y for y in years if ((y, month) < anchor if strict else (y, month) <= anchor)]
        return PartialDate.of(max(fits), month)
    dates = [d for y in years if (d := _date_or_none(y, month, p.day))]
    past = max((d for d in dates if d <= ref.end), default=None)
    ahead = min((d for d in dates if d >= ref.start), default=None)
    chosen = ahead if forward else past
    # A written weekday settles the year when the tense's choice lacks it: in a text of
    # 1 June 2025, "dimanche 19 mai" is 2024 (19 May 2025 is a Monday). Only the years next
    # to the reference compete, the nearest to it first.
    if p.weekday is not None and (chosen is None or chosen.weekday() != p.weekday):
        same_weekday = [d for d in dates
                        if d.weekday() == p.weekday and abs(d.year - ref_year) <= 1]
        if same_weekday:
            chosen = min(same_weekday, key=lambda d: (_distance(d, ref), (d > ref.end) != forward))
    return PartialDate.of(chosen.year, chosen.month, chosen.day) if chosen else None


def _resolve_day_only(p: _Parsed, ref: PartialDate, forward: bool) -> PartialDate | None:
    """"le 13": the nearest 13th before (or, forward, after) a reference known to the day;
    a reference known only to the month cannot say which month (no guess)."""
    if ref.precision != "day" or p.day is None:
        return None
    start = ref.start
    months = [(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1) for k in range(-2, 3)]
    dates = [d for y, mo in months if (d := _date_or_none(y, mo, p.day))]
    chosen = min((d for d in dates if d >= start), default=None) if forward else max((d for d in dates if d <= start), default=None)
    return PartialDate.of(*_ymd(chosen)) if chosen else None


def _distance(day: datetime.date, ref: PartialDate) -> int:
    """Days from ``day`` to the period ``ref`` covers (0 inside it)."""
    return max((ref.start - day).days, (day - ref.end).days, 0)


def _date_or_none(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _resolve_weekday(p: _Parsed, ref: PartialDate, forward: bool,
                     strict: bool) -> PartialDate:
    if ref.precision != "day":
        return ref  # "vendredi" in a text known to the month is that month
    weekday = p.weekday or 0  # set by every weekday mention
    day = ref.start
    if forward:
        delta = (weekday - day.weekday()) % 7 or (7 if strict else 0)
    else:
        delta = -((day.weekday() - weekday) % 7 or (7 if strict else 0))
    return PartialDate.of(*_ymd(day + datetime.timedelta(days=delta)))


def _ymd(d: datetime.date) -> tuple[int, int, int]:
    return d.year, d.month, d.day


def _round(x: float) -> int:
    """Round half away from zero (Python's round() would send 0.5 to 0 and 1.5 to 2)."""
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


def _add_months(year: int, month: int, n: int) -> PartialDate:
    index = year * 12 + (month - 1) + n
    return PartialDate.of(index // 12, index % 12 + 1)


# Average lengths, to move a coarse reference by a fine unit: "il y a trois semaines" in a
# text known to the month is most likely the previous month.
_DAYS_PER = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}


def _resolve_shift(p: _Parsed, ref: PartialDate) -> PartialDate:
    ref_year, ref_month = _ref_parts(ref)
    unit = p.unit or "year"  # every shift mention sets its unit
    if unit == "year":
        return PartialDate.of(ref_year + p.n)
    days = p.n * _DAYS_PER[unit]
    if ref_month is None:
        return PartialDate.of(ref_year + _round(days / _DAYS_PER["year"]))
    if unit == "month":
        return _add_months(ref_year, ref_month, p.n)
    if ref.precision != "day":
        return _add_months(ref_year, ref_month, _round(days / _DAYS_PER["month"]))
    target = ref.start + datetime.timedelta(days=int(days))
    if unit == "week":
        return PartialDate.week(target)
    return PartialDate.of(*_ymd(target))


def distance(number: str, unit: str) -> tuple[int, str] | None:
    """A stretch of time written as a number and a unit ("quatre jours", "3 mois"): (count,
    unit), or None when ``unit`` is no unit of time or ``number`` no number.

    >>> distance("quatre", "jours"), distance("2", "ans"), distance("quatre", "fois")
    ((4, 'day'), (2, 'year'), None)
    """
    try:
        unit_value, count = _unit(_key(unit)), _number(number)
    except KeyError:
        return None
    return (count, unit_value) if unit_value != "decade" else None


def moved(date: PartialDate, count: int, unit: str, sign: int) -> PartialDate | None:
    """``date`` moved by ``count`` units (``sign`` -1 back, +1 forward), never finer than
    ``date`` nor than the distance allows: days move a day (from a day), weeks land in a month,
    months move a month, years a year; None when ``date`` is too coarse for the unit.

    >>> moved(PartialDate.parse("2023-07-30"), 4, "day", -1).iso
    '2023-07-26'
    >>> moved(PartialDate.parse("2023-07-30"), 3, "week", 1).iso
    '2023-08'
    >>> moved(PartialDate.parse("2022-10"), 5, "month", -1).iso
    '2022-05'
    >>> moved(PartialDate.parse("2023-07"), 4, "day", -1) is None
    True
    """
    year, month = _ref_parts(date)
    if unit == "year":
        return PartialDate.of(year + sign * count)
    if month is None:
        return None
    if unit == "month":
        return _add_months(year, month, sign * count)
    if date.precision != "day":
        return None
    target = date.start + datetime.timedelta(days=sign * count * (7 if unit == "week" else 1))
    return PartialDate.of(*_ymd(target)) if unit == "day" else PartialDate.of(target.year, target.month)


def reference_date(published: PartialDate | None,
                   past_dates: Iterable[PartialDate]) -> PartialDate | None:
    """The date relative expressions resolve against (contract, section "Dates").

    The publication date, refined by the latest explicit date the text reports as already
    past, when that date is more precise and lies inside the publication date's bounds.
    Without a publication date there is no reference.

    >>> juin = PartialDate.parse("2024-06")
    >>> reference_date(juin, [PartialDate.parse("2024-06-08"), PartialDate.parse("2024-06-07")]).iso
    '2024-06-08'
    >>> reference_date(juin, [PartialDate.parse("2024-05-19")]).iso  # hors de juin : ignorée
    '2024-06'
    >>> reference_date(None, [PartialDate.parse("2024-06-08")]) is None
    True
    """
    if published is None:
        return None
    inside = [
        p for p in past_dates
        if p is not None and _RANK[p.precision] > _RANK[published.precision]
        and published.start <= p.start and p.end <= published.end
    ]
    if not inside:
        return published
    return max(inside, key=lambda p: (p.start, _RANK[p.precision], p.end))
