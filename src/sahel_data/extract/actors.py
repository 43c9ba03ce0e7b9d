"""Actor mentions in parsed French text: gazetteer names, metonyms, demonym phrases, people.

Owns deciding which words name which real-world actor (per the contract's "What is one actor"):
gazetteer aliases, capitals used as metonyms (not as places), demonym phrases ("les troupes
américaines"), a state's bodies ("la junte", "l'armée malienne"), and people found by NER with
their titles removed. Knows nothing about events, dates or quantities.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sahel_data.ingest import slugify as slug
from sahel_data.lexicon_io import read_lexicon
from sahel_data.text import CHAR_REPLACEMENTS

log = logging.getLogger(__name__)

_NORMALISE = str.maketrans(CHAR_REPLACEMENTS)

# Words before a capital that make it a place, not the state acting ("à Niamey", "vers Bamako").
PLACE_PREPOSITIONS = {"à", "a", "au", "aux", "dans", "vers", "depuis", "en", "sur", "près", "via", "jusqu'à", "par"}
# Head nouns that make "de <capital>" a place ("la base aérienne de Niamey", "l'aéroport de Bamako").
PLACE_NOUNS = {
    "base", "aéroport", "région", "ville", "capitale", "quartier", "rue", "environs", "périphérie", "sortie",
    "centre", "port", "route", "banlieue", "habitants", "population", "province", "nord", "sud", "est", "ouest",
    "camp", "hôpital", "université", "marché", "stade", "palais", "siège", "aérodrome", "frontière", "axe",
    "résidence", "banque", "tribunal", "cour", "prison", "école", "hôtel", "gare", "mosquée", "kilomètre",
    "km", "près", "proximité", "loin", "autour", "large", "portes", "gouverneur", "maire", "mairie", "préfet",
}
# Verbs whose "à" complement is who the act is addressed to or given to, not where it happens:
# a capital there is the state ("reprochant à Niamey", "a livré des blindés à Bamako").
ADDRESSEE_VERBS = {
    "reprocher", "demander", "réclamer", "permettre", "interdire", "imposer", "infliger", "livrer", "fournir",
    "vendre", "offrir", "accorder", "proposer", "promettre", "adresser", "écrire", "répondre", "notifier",
    "signifier", "ordonner", "enjoindre", "intimer", "lier", "conseiller", "suggérer", "opposer",
    "succéder", "apporter", "verser", "payer", "octroyer", "garantir", "céder",
}
# Verbs of going through a place: "par" before a capital is then the way, not the agent.
TRANSIT_VERBS = {"passer", "transiter", "entrer", "sortir", "arriver", "rentrer", "voyager", "acheminer", "évacuer"}
# Nouns of texts and meetings named after a city ("l'accord d'Alger", "le processus de Nouakchott").
NAMED_AFTER_PLACES = {
    "accord", "processus", "traité", "déclaration", "charte", "pacte", "protocole", "convention", "conférence",
    "sommet", "appel", "feuille",
}
# Nouns of rivers and lakes: a state's name after them is water, not the state ("le fleuve
# Niger", "le lac Tchad", "la boucle du Niger", "le delta intérieur du Niger").
WATER_NOUNS = {"fleuve", "lac", "rivière", "delta", "boucle", "bassin", "vallée", "rives", "rive"}
# Capitalised words NER calls organisations that name no particular one in news prose.
ORG_STOPWORDS = {
    "etat", "état", "gouvernement", "armée", "congrès", "parlement", "assemblée", "ministère", "conseil", "président",
    # texts and regimes, not bodies: "la suspension de la Constitution", "la Charte de la transition"
    "constitution", "charte", "transition", "république",
    # a body named by its kind alone ("la Commission" of an organisation named nearby)
    "commission",
    # the tail of a title ("le ministre français des Armées"), not a body of its own
    "armées", "défense", "affaires",
    "cfa",  # "francs CFA": a currency
}


# First words of a ministerial portfolio named in a title ("ministre des Affaires étrangères").
PORTFOLIO_WORDS = {"affaires"}
DATELINE_DASHES = {"—", "–", "-", "(", ","}


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    actor_type: str
    country: str | None
    source: str  # gazetteer | role | ner

    def as_info(self) -> dict:
        return {"name": self.name, "actor_type": self.actor_type, "country": self.country, "source": self.source}


@dataclass(frozen=True)
class Mention:
    """Tokens [start, end) of a Doc naming an actor."""

    start: int
    end: int
    actor: Actor
    kind: str  # name | acronym | metonym | demonym | role | person | anaphor | description | nationals


@dataclass(frozen=True)
class Anaphor:
    """A row of actor_anaphors.csv: what may follow the noun, and what it may name again."""

    modifiers: tuple[str, ...]  # longest first; "" allows the bare noun, "@demonym" a demonym
    refers_to: frozenset[str]  # actor types or roles (actors.csv), or "state"
    is_mention: bool  # a name of the actor (a row of mentions), not only an actor for events


class Gazetteer:
    """The actor lexicons, indexed for lookup."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        actor_rows = read_lexicon("actors.csv")
        for row in actor_rows:
            self.actors[row["actor_id"]] = Actor(
                row["actor_id"], row["name"], row["actor_type"], row["country"] or None, "gazetteer"
            )
        # How a state's body named by role is called when actors.csv has no row for it.
        self.roles: dict[str, tuple[str, str, str]] = {
            r["role"]: (r["id_pattern"], r["name_pattern"], r["actor_type"]) for r in read_lexicon("actor_roles.csv")
        }
        self.by_role: dict[tuple[str, str], str] = {}
        for row in actor_rows:
            # A state's bodies by role; an organisation's role (company, court...) says what
            # kind it is, for the descriptions that name it again (actor_anaphors.csv).
            if row["country"] and row.get("role") and row["actor_type"] in {"country", "government", "military"}:
                self.by_role.setdefault((row["country"], row["role"]), row["actor_id"])
        self.aliases: list[tuple[str, str, str]] = []
        self.demonyms: dict[str, str] = {}
        for row in read_lexicon("actor_aliases.csv"):
            alias = row["alias"].translate(_NORMALISE).strip()
            if row["alias_kind"] == "demonym":
                self.demonyms[alias.lower()] = row["actor_id"]
            else:
                self.aliases.append((alias, row["actor_id"], row["alias_kind"]))
        self.titles = sorted((r["title"].translate(_NORMALISE) for r in read_lexicon("person_titles.csv")), key=len, reverse=True)
        media = read_lexicon("media.csv")
        self.media = {r["name"] for r in media}
        self.outlet_of = {r["name"].translate(_NORMALISE): r["outlet"] for r in media}
        nouns = [
            (r["head"], r["tail"].translate(_NORMALISE), r["role"], r["generic"] == "yes") for r in read_lexicon("actor_nouns.csv")
        ]
        # Indexed by the head's first word, longest phrase first, so each token tries only its own rows.
        self.nouns_by_word: dict[str, list[tuple[str, str, str, bool]]] = {}
        for noun in sorted(nouns, key=lambda n: -len(n[0]) - len(n[1])):
            self.nouns_by_word.setdefault(head_words(noun[0])[0].lower(), []).append(noun)
        self._by_country = {a.country: a for a in self.actors.values() if a.actor_type == "country" and a.country}
        self.roles_of: dict[str, str] = {r["actor_id"]: r["role"] for r in actor_rows if r.get("role")}
        self.anaphors: dict[str, list[Anaphor]] = {}
        for r in read_lexicon("actor_anaphors.csv"):
            modifiers = tuple(sorted((m.translate(_NORMALISE) for m in r["modifiers"].split("|")), key=len, reverse=True))
            self.anaphors.setdefault(r["head"], []).append(
                Anaphor(modifiers, frozenset(r["refers_to"].split("|")), r["mention"] == "yes")
            )

    def state_of(self, actor_id: str) -> Actor | None:
        actor = self.actors.get(actor_id)
        return actor if actor and actor.actor_type == "country" else None

    def role_actor(self, state: Actor, role: str) -> Actor:
        """The body `role` of `state`: the gazetteer's row, or one named by the id conventions."""
        if role == "state":
            return state
        known = self.by_role.get((state.country or "", role))
        if known:
            return self.actors[known]
        id_pattern, name_pattern, actor_type = self.roles[role]
        return Actor(
            id_pattern.format(state=state.actor_id), name_pattern.format(name=state.name), actor_type, state.country, "role"
        )

    def state_of_place(self, place: str) -> Actor | None:
        """The state whose capital (a metonym alias) is `place`: "Niamey" -> Niger."""
        if not hasattr(self, "_capitals"):
            self._capitals = {
                alias.lower(): actor_id for alias, actor_id, kind in self.aliases if kind == "metonym" and self.state_of(actor_id)
            }
        actor_id = self._capitals.get(place.translate(_NORMALISE).strip().lower())
        return self.state_of(actor_id) if actor_id else None

    def state_of_country(self, country: str | None) -> Actor | None:
        """The country actor whose ISO 3166 code is `country`."""
        return self._by_country.get(country or "")

    def has_role_row(self, state: Actor, role: str) -> bool:
        return (state.country or "", role) in self.by_role


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


@cache
def _matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, tuple[str, str]]]:
    """Case-sensitive matcher for acronyms and metonyms, case-insensitive one for names."""
    g = gazetteer()
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[str, tuple[str, str]] = {}
    for alias, actor_id, kind in g.aliases:
        key = f"{actor_id}|{kind}"
        keys[key] = (actor_id, kind)
        doc = nlp.make_doc(alias)
        # Names match in any case; so do acronyms of 5+ letters, which French news often
        # writes in title case ("la Minusma", "la Cedeao"); short ones ("AES", "UA") must match as written.
        case_free = (kind == "name" and len(alias) > 4) or (kind == "acronym" and len(alias) >= 5 and alias.isalpha())
        (folded if case_free else exact).add(key, [doc])
    for name in g.media:
        keys["|media"] = ("", "media")
        exact.add("|media", [nlp.make_doc(name.translate(_NORMALISE))])
    return exact, folded, keys


def _is_place_use(doc: Doc, start: int) -> bool:
    """A capital used as a place: after a locative preposition, or 'de' after a place noun;
    not when it is who an act is done by or addressed to ("reprochant à Niamey", "présentés
    par Paris")."""
    if _is_dateline(doc, start):
        return True  # "Dakar (AFP) – La France a remis...": where the story was filed
    if start == 0:
        return False
    prev = doc[start - 1]
    t = doc[start]
    if prev.lower_ == "par":
        # "accusé par Bamako", "une mesure imitée par Alger", "la dénonciation par Niamey": who
        # acts; "passer par Bamako" is a way through
        return t.head.lemma_.lower() in TRANSIT_VERBS
    if prev.lower_ in {"à", "a"} and _addressee_verb(t) is not None:
        return False  # "reprochant à Niamey de maintenir", "de lourdes sanctions à Niamey"
    if prev.lower_ in PLACE_PREPOSITIONS:
        return True
    if prev.lower_ in {"de", "d'", "d’"} and start >= 2:
        before = doc[start - 2]
        if before.lemma_.lower() in PLACE_NOUNS or before.lower_ in PLACE_NOUNS or before.pos_ == "NUM":
            return True
        # "la base de transport aérien de Niamey", "une banque commerciale de Bamako": up the
        # noun phrase's complements to a place noun; "l'accord de paix d'Alger", "le processus
        # de Nouakchott": to a text or meeting named after the city, not a party to it
        head = t.head
        for _ in range(3):
            if head.lemma_.lower() in PLACE_NOUNS or head.lemma_.lower() in NAMED_AFTER_PLACES:
                return True
            up = head.head
            if head.dep_ not in {"nmod", "amod"} or up is head or any(doc[k].is_punct for k in range(min(up.i, head.i), max(up.i, head.i))):
                break  # "le camp Geille, dernière emprise militaire de Paris": an apposition owns it
            head = up
    return False


def _is_dateline(doc: Doc, start: int) -> bool:
    """A place opening a paragraph before the agency or a dash: "Dakar (AFP) –"."""
    if start + 1 >= len(doc) or doc[start + 1].text not in {"(", "—", "–"}:
        return False
    return start == 0 or "\n" in doc[start - 1].text or doc[start - 1].is_space


def _addressee_verb(t: Token) -> Token | None:
    """The verb whose "à" complement `t` is, when that verb is addressed to or gives to someone
    ("reprocher à", "livrer à", "imposer des sanctions à"): its own head, or the head of the
    noun it hangs on."""
    head = t.head
    if head.pos_ == "NOUN" and head.dep_ in {"obj", "nsubj:pass"}:
        head = head.head
    if head.pos_ not in {"VERB", "ADJ"}:
        return None
    if head.lemma_.lower() in ADDRESSEE_VERBS:
        return head
    # the tagger leaves rare forms unlemmatised or cut ("reproche" -> "reproch"): the stem of a
    # long infinitive is unambiguous
    return head if any(len(v) >= 7 and head.lower_.startswith(v[:-2]) for v in ADDRESSEE_VERBS) else None


def _names_a_place(doc: Doc, start: int) -> bool:
    """A name right after a place noun ("la base Adji Kosseï") or after "de" following one,
    adjectives aside ("la base aérienne d'Adji Kossei"): the name of a place."""
    if start == 0:
        return False
    j = start - 1
    if doc[j].lower_ in {"de", "d'", "d’"}:
        j -= 1
        while j >= 0 and doc[j].pos_ == "ADJ":
            j -= 1
    return j >= 0 and doc[j].lower_ in PLACE_NOUNS


def _names_water(doc: Doc, start: int) -> bool:
    """A name right after a river or lake noun, or after "du"/"de" following one, adjectives
    aside: "sur le fleuve Niger", "la boucle du Niger", "le delta intérieur du Niger"."""
    j = start - 1
    if j >= 0 and doc[j].lower_ in {"de", "du", "d'", "d’"}:
        j -= 1
    while j >= 0 and doc[j].pos_ == "ADJ":
        j -= 1
    return j >= 0 and doc[j].lower_ in WATER_NOUNS


# Nouns before "X-Y" whose parts are the parties ("les relations Mali-Algérie"), not the
# name of a thing ("l'oléoduc Niger-Bénin", "le sommet Russie-Afrique").
PARTIES_NOUNS = {
    "relation", "relations", "crise", "tension", "tensions", "différend", "dialogue", "rapprochement", "coopération",
    "partenariat", "accord", "brouille", "rupture", "réconciliation", "conflit", "guerre", "frontière", "médiation",
    "contentieux", "normalisation", "axe",
}


def _in_hyphened_name(doc: Doc, s: int, e: int) -> bool:
    """A state's name joined by hyphens into the name of a thing: after a common noun that is
    not a relation between the parts ("l'oléoduc Niger-Bénin", "le sommet Russie-Afrique"), or
    beside an acronym ("sa filiale WAPCO-Niger")."""
    def joined(k: int) -> bool:  # doc[k] is a hyphen glued to both neighbours
        return 0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_

    first, last = s, e - 1
    while first >= 2 and joined(first - 1):
        first -= 2
    while last + 2 < len(doc) and joined(last + 1):
        last += 2
    if first == s and last == e - 1:
        return False
    if any(doc[k].text.isupper() and len(doc[k].text) > 1 for k in range(first, last + 1, 2)):
        return True
    before = doc[first - 1] if first > 0 else None
    return before is not None and before.pos_ == "NOUN" and before.is_lower and before.lemma_.lower() not in PARTIES_NOUNS


def _state_after(doc: Doc, i: int, g: Gazetteer, found: dict[int, Mention]) -> tuple[Actor | None, int]:
    """A state named right after token i by 'du', 'de la', 'de l'', 'de': (state, end token)."""
    j = i
    if j < len(doc) and doc[j].lower_ in {"du", "de", "d'", "des"}:
        j += 1
        if j < len(doc) and doc[j].lower_ in {"la", "l'", "le"}:
            j += 1
        m = found.get(j)
        if m and m.actor.actor_type == "country" and m.kind in {"name", "acronym", "metonym"}:
            return m.actor, m.end
    return None, i


# Where a demonym noun takes part in a clause, as its subject, object or agent.
PARTICIPANT_DEPS = {"nsubj", "nsubj:pass", "obj", "obl:agent", "conj"}


def find_mentions(doc: Doc, nlp: Language, focus_states: tuple[Actor, ...] = ()) -> list[Mention]:
    """Every actor mention in a parsed block, non-overlapping, in text order."""
    g = gazetteer()
    found, taken = _gazetteer_mentions(doc, nlp)
    _name_defining_acronym(doc, found, taken)

    # Noun phrases: "troupes américaines", "ministère nigérien de la Défense", "la junte du Niger".
    for i, lower in enumerate(doc_words(doc)[1]):
        if taken[i]:
            continue
        for head, tail, role, generic in g.nouns_by_word.get(lower, ()):
            m = _match_noun_phrase(doc, i, head, tail, role, generic, g, found, taken, focus_states)
            if m:
                for k in range(m.start, m.end):
                    taken[k] = True
                found[m.start] = m
                break

    # A demonym written as a noun names the state's people: "cinq Nigériens ont été interpellés",
    # "des Français". Adjectives are lower case in French; inside a capitalised name
    # ("Front Patriotique Nigérien") the word before is capitalised too.
    for i, lower in enumerate(doc_words(doc)[1]):
        if taken[i] or lower not in g.demonyms:
            continue  # most words are no demonym: no Token object built for them
        t = doc[i]
        if not t.text[:1].isupper() or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        if t.dep_ not in PARTICIPANT_DEPS:
            continue  # "deux tiers des Nigériens", "4,5 millions de Nigériens": a population counted
        if i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start:
            continue
        if _one_national(t):
            continue  # "un Français arrêté", "l'Italienne Barbara Manzi": a person, not the state
        state = g.state_of(g.demonyms[t.lower_])
        if state is not None:
            taken[i] = True
            # "cinq Nigériens ont été interpellés": nationals counted take part in the event as
            # their state's side, but are no name of the state
            found[i] = Mention(i, i + 1, state, "nationals" if _counted(t) else "demonym")

    # People and organisations from NER (contract: named actors not in the gazetteer); titles
    # removed; media and places are neither.
    for ent in doc.ents:
        if ent.label_ not in {"PER", "ORG"} or any(taken[ent.start : ent.end]):
            continue
        m = _person_mention(doc, ent, g) if ent.label_ == "PER" else _organization_mention(doc, ent, g)
        if m:
            for k in range(m.start, m.end):
                taken[k] = True
            found[m.start] = m
    return [found[k] for k in sorted(found)]


# Lower-case words a long organisation's name links its words with ("Union des forces
# démocratiques de Guinée").
NAME_LINKS = {"de", "du", "des", "d'", "d’", "au", "aux", "et", "la", "l'", "l’", "le", "les", "pour", "en", "sur"}


def _acronym_letters(word: str) -> str | None:
    """The letters of a word written in parentheses as an acronym ("UFDG", "Minusma"), folded."""
    if not (2 <= len(word) <= 10 and word.isalpha() and word[:1].isupper()):
        return None
    if not (word.isupper() or word[1:].islower()):
        return None
    return slug(word)  # letters only: the slug is the word folded to lower-case ASCII


def _initials_fit(words: list[Token], letters: str) -> bool:
    """The initials of a name's content words, in order, among an acronym's letters, the first
    one first: "Mission des Nations unies au Mali" fits "minusma", "Union des forces
    démocratiques de Guinée" fits "ufdg"."""
    initials = [slug(t.text[0]) for t in words if t.lower_ not in NAME_LINKS and t.is_alpha]
    if len(initials) < 2 or initials[0] != letters[0]:
        return False
    k = 0
    for letter in letters:
        if k < len(initials) and letter == initials[k]:
            k += 1
    return k == len(initials)


def _may_be_in_name(t: Token) -> bool:
    """A lower-case word that may be inside a name: no finite verb, pronoun or adverb ("unies"
    in "Nations unies" is tagged a participle)."""
    return t.pos_ not in {"AUX", "PRON", "SCONJ", "ADV", "CCONJ", "PUNCT", "NUM"} and "Fin" not in t.morph.get("VerbForm")


def _name_defining_acronym(doc: Doc, found: dict[int, Mention], taken: list[bool]) -> None:
    """A name that defines an acronym in parentheses is one organisation, even when it holds a
    state's or another body's name: "la Mission des Nations unies au Mali (Minusma)", "la Société
    du patrimoine des mines du Niger (Sopamin)". Its actor is the acronym's when the gazetteer
    knows it, else an organisation of its own that the acronym names too."""
    for t in doc:
        if t.text != "(" or t.i < 2 or t.i + 2 >= len(doc) or doc[t.i + 2].text != ")":
            continue
        letters = _acronym_letters(doc[t.i + 1].text)
        if letters is None:
            continue
        end = t.i
        j = end - 1  # walk back over the name's words
        while j > 0 and end - j < 12:
            w = doc[j - 1]
            if not (w.lower_ in NAME_LINKS or (w.is_alpha and (w.text[:1].isupper() or _may_be_in_name(w)))):
                break
            j -= 1
        start = next(
            (k for k in range(j, end - 1) if doc[k].text[:1].isupper() and doc[k].lower_ not in NAME_LINKS and _initials_fit(list(doc[k:end]), letters)),
            None,
        )
        if start is None:
            continue
        inside = [m for m in found.values() if start <= m.start and m.end <= end]
        if not inside or any(m.start == start and m.end == end for m in inside):
            continue  # nothing named inside to undo, or the gazetteer knows the whole name
        covered = {k for m in inside for k in range(m.start, m.end)}
        if any(taken[k] and k not in covered for k in range(start, end)):
            continue  # a name that starts before the span (a longer match) is left whole
        acronym = found.get(t.i + 1)
        if acronym is not None and acronym.end == t.i + 2 and acronym.actor.actor_type not in {"country", "person"}:
            actor = acronym.actor
        else:
            name = doc[start:end].text
            actor = Actor(slug(doc[t.i + 1].text), name, "organization", None, "ner")
            if acronym is None and not taken[t.i + 1]:
                found[t.i + 1] = Mention(t.i + 1, t.i + 2, actor, "acronym")
                taken[t.i + 1] = True
        for m in inside:
            del found[m.start]
        for k in range(start, end):
            taken[k] = True
        found[start] = Mention(start, end, actor, "name")


def _one_national(t: Token) -> bool:
    """A demonym noun in the singular: one person of that nationality."""
    if "Sing" in t.morph.get("Number"):
        return True
    return any(c.dep_ == "det" and c.lower_ in {"un", "une", "le", "la", "l'", "l’"} for c in t.children)


def _counted(t: Token) -> bool:
    """A demonym noun with a number or a quantity before it ("5 000 Maliens", "plusieurs Français")."""
    return any(
        c.i < t.i and (c.dep_ == "nummod" or c.like_num or c.lower_ in {"plusieurs", "quelques", "certains"}) for c in t.children
    ) or (t.i > 0 and t.doc[t.i - 1].pos_ == "NUM")


# (not "ministère": "le ministère de l'Administration du territoire" is the body itself)
MINISTER_WORDS = {"ministre", "ministres", "secrétaire", "portefeuille"}
PORTFOLIO_LINKS = {"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "et", "aux", "à", ","}


def _is_portfolio(doc: Doc, start: int) -> bool:
    """A capitalised name in a minister's title ("les ministres de l'Economie et des Finances"):
    walking back over links and the title's other portfolios reaches "ministre"."""
    j = start - 1
    for _ in range(8):
        if j < 0:
            return False
        t = doc[j]
        if t.lower_ in MINISTER_WORDS:
            return True
        if t.lower_ not in PORTFOLIO_LINKS and not t.text[:1].isupper() and t.pos_ != "ADJ":
            return False
        j -= 1
    return False


def _organization_mention(doc: Doc, ent: Span, g: Gazetteer) -> Mention | None:
    """A named organisation the gazetteer lacks: a capitalised name, not a medium, no digits."""
    start = ent.start
    while start < ent.end and doc[start].pos_ == "DET":
        start += 1
    span = doc[start : ent.end]
    text = span.text
    if not text or text in g.media or any(ch.isdigit() for ch in text) or not text[:1].isupper():
        return None
    if len(span) == 1 and (len(text) < 3 or text.lower() in ORG_STOPWORDS):
        return None
    if span[0].lower_ in PORTFOLIO_WORDS or _is_portfolio(doc, start):
        return None  # "secrétaire d'État aux Affaires africaines": a portfolio in a title
    if _names_a_place(doc, start):
        return None  # "la base Adji Kosseï", "le camp Geille": a place's name
    after = doc[ent.end] if ent.end < len(doc) else None
    if start <= 1 and text.isupper() and after is not None and after.text in DATELINE_DASHES:
        return None  # "N'DJAMENA — Les derniers soldats...": a dateline's place
    return Mention(start, ent.end, Actor(slug(text), text, "organization", None, "ner"), "organization")


def _gazetteer_mentions(doc: Doc, nlp: Language) -> tuple[dict[int, Mention], list[bool]]:
    """Gazetteer names, acronyms and metonyms (not places); media names block what they cover.

    Matched once per doc and kept on it (focus_states and find_mentions both ask); each caller
    gets its own copies to change."""
    kept = doc.user_data.get("sahel_data.gazetteer")
    if kept is None:
        kept = doc.user_data["sahel_data.gazetteer"] = _match_gazetteer(doc, nlp)
    found, taken = kept
    return dict(found), list(taken)


def _match_gazetteer(doc: Doc, nlp: Language) -> tuple[dict[int, Mention], list[bool]]:
    g = gazetteer()
    exact, folded, keys = _matchers(nlp)
    candidates: list[tuple[int, int, str, str]] = []
    for matcher in (exact, folded):
        for match_id, s, e in matcher(doc):
            actor_id, kind = keys[nlp.vocab.strings[match_id]]
            if matcher is folded and kind == "name" and e - s == 1 and doc[s].is_lower:
                continue  # a name is written with a capital ("la Suisse"), not "une ONG suisse"
            candidates.append((s, e, actor_id, kind))
    # Longest first; media names shadow what is inside them ("Washington Post").
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = [False] * len(doc)
    found: dict[int, Mention] = {}
    for s, e, actor_id, kind in candidates:
        if any(taken[s:e]):
            continue
        for k in range(s, e):
            taken[k] = True
        if kind == "media":
            if _media_acted_upon(doc, s, e):
                # "a suspendu RFI et France 24": an outlet that is suspended or banned takes
                # part in an event, so it is an actor (contract: not an actor unless it acts)
                name = g.outlet_of.get(doc[s:e].text.translate(_NORMALISE), doc[s:e].text)
                found[s] = Mention(s, e, Actor(slug(name), name, "organization", None, "media"), "name")
            continue
        if kind == "metonym" and _is_place_use(doc, s):
            continue
        if kind == "name" and _names_water(doc, s):
            continue
        if kind in {"name", "metonym"} and _in_hyphened_name(doc, s, e):
            continue
        if kind == "titled":
            # "le capitaine Traoré": the title picks the person a shared surname names; the
            # mention is the surname (titles are not part of names)
            found[e - 1] = Mention(e - 1, e, g.actors[actor_id], "name")
            continue
        found[s] = Mention(s, e, g.actors[actor_id], kind)
    return found, taken


@cache
def _media_restrictions() -> frozenset[str]:
    """Lemmas of the trigger rows that may take an outlet ("suspendre", "interdire"): the
    event lexicon marks them with `@media`."""
    return frozenset(
        r["lemmas"].split()[0] for r in read_lexicon("event_triggers.csv") if "@media" in r["requires"].split("|")
    )


@cache
def _unconditional_act_verbs() -> frozenset[str]:
    """Verbs the event lexicon reads as an act whatever follows them ("dénoncer", "condamner",
    "démentir"): rows with no `requires`. Reporting verbs ("rapporter", "indiquer") are none."""
    return frozenset(
        r["lemmas"] for r in read_lexicon("event_triggers.csv") if r["pos"] == "VERB" and " " not in r["lemmas"] and not r["requires"]
    )


def _media_acted_upon(doc: Doc, start: int, end: int) -> bool:
    """An outlet within a few words of a restriction in the same sentence, before or after
    it ("a suspendu la BBC", "RFI et France 24 sont interdites de diffusion")."""
    cues = _media_restrictions()
    if cited_as_source(doc, start):
        return False  # "selon RFI", "d'après l'AFP": a source, wherever a restriction stands
    tops = [t for t in doc[start:end] if not start <= t.head.i < end]  # the parser may split a name
    if any(t.dep_ == "nsubj" for t in tops):
        # "a rapporté RFI": an outlet that is the subject does, it is not done to; but one that
        # is the subject of an act ("Le Monde condamne cette décision") acts in an event
        return any(t.dep_ == "nsubj" and t.head.lemma_.lower() in _unconditional_act_verbs() for t in tops) or _passive_restriction_after(doc, end, cues)
    sent = doc[start].sent  # outlets are few: the sentence lookup is cheap enough here
    around = (*range(max(sent.start, start - 8), start), *range(end, min(sent.end, end + 8)))
    if any(doc[k].lemma_.lower() in cues for k in around):
        return True
    # further, but what the restriction is done to: "a suspendu « jusqu'à nouvel ordre » la
    # diffusion de l'hebdomadaire Jeune Afrique", "a suspendu RFI, en décembre, puis France 24"
    # (not a source: "selon RFI" hangs on the verb as obl)
    return any(_restricted_above(t, cues) for t in tops)


def _passive_restriction_after(doc: Doc, end: int, cues: frozenset[str]) -> bool:
    """The outlet is the subject of a restriction in the passive ("RFI (Radio France
    internationale) est pour sa part suspendue depuis décembre"), however the parser hangs it: a
    form of "être" and then a restriction's participle within a few words."""
    stop = min(doc[end - 1].sent.end, end + 8)
    for k in range(end, stop):
        t = doc[k]
        if t.pos_ in {"VERB", "AUX"} and t.lemma_ != "être":
            return t.lemma_.lower() in cues and "Part" in t.morph.get("VerbForm") and any(doc[j].lemma_ == "être" for j in range(end, k))
    return False


def _restricted_above(t: Token, cues: frozenset[str]) -> bool:
    for _ in range(5):
        if t.dep_ not in MEDIA_OBJECT_DEPS or t.head.i == t.i:
            return False
        if any(c.dep_ == "case" and c.lower_ in {"selon", "après"} for c in t.children):
            return False
        t = t.head
        if t.lemma_.lower() in cues:
            return True
    return False


# How an outlet hangs under what is done to it: the object, a complement of it, a coordinated
# or apposed name (and the parser's obliques: "« jusqu'à nouvel ordre » la diffusion de").
MEDIA_OBJECT_DEPS = {"obj", "nmod", "conj", "appos", "flat:name", "nsubj:pass", "obl", "obl:mod", "amod"}


def cited_as_source(doc: Doc, start: int) -> bool:
    """Whether the words just before token `start` cite it as a source: "selon le ministère",
    "d'après l'AFP" (the tokenizer cuts "d'" off "après"; "après que la junte..." cites no one)."""
    for k in range(max(0, start - 3), start):
        word = doc[k].lower_
        if word == "selon" or word in {"d'après", "d’après"} or (word == "après" and k > 0 and doc[k - 1].lower_ in {"d'", "d’"}):
            return True
    return False


def _tail_end(doc: Doc, j: int, tail: str) -> int | None:
    """Where `tail` ends if the text from token j on starts with it, compared as text so that
    the tokenizer's cuts ("l'" + "Intérieur") do not matter."""
    want = " ".join(tail.lower().split())
    got = ""
    k = j
    while k < len(doc) and len(got) < len(want):
        got = (got + doc[k].text.translate(_NORMALISE).lower() + (" " if doc[k].whitespace_ else "")).replace("  ", " ")
        k += 1
    return k if got.strip() == want else None


def head_words(head: str) -> list[str]:
    """A noun's words as spaCy cuts them: "état-major" is "état", "-", "major"."""
    return re.findall(r"[^\s-]+|-", head)


# Endings that mark a demonym's gender in writing ("français" / "française", "malien" /
# "malienne"); epicene forms ("russe", "burkinabè") carry none, whatever the tagger guesses.
_FEMININE_ENDINGS = ("enne", "ennes", "aise", "aises", "aine", "aines", "ane", "anes", "ise", "ises", "oise", "oises")
_MASCULINE_ENDINGS = ("ien", "iens", "ais", "ain", "ains", "an", "ans", "is", "ois")


def _agrees(noun: Token, demonym: Token) -> bool:
    """Whether a demonym may go with the noun before it: a gender its spelling marks agrees with
    the noun's ("l'attaché de défense français": "français" goes with "attaché")."""
    form = demonym.lower_
    marked = "Fem" if form.endswith(_FEMININE_ENDINGS) else "Masc" if form.endswith(_MASCULINE_ENDINGS) else None
    genders = set(noun.morph.get("Gender"))
    return marked is None or not genders or marked in genders


# Bodies a state has one of ("le Parlement", "le Conseil constitutionnel"): alone, the one of
# the state the article is about; with an adjective that is no demonym, some other body.
INSTITUTION_ROLES = {"legislature", "constitutional_court", "presidency"}


# Nouns of people an actor noun may qualify ("les généraux putschistes", "des officiers militaires").
PEOPLE_NOUNS = {"général", "officier", "soldat", "homme", "élément", "combattant", "membre", "dirigeant", "chef", "agent"}


def _qualifies_noun_before(doc: Doc, i: int, g: Gazetteer) -> bool:
    """An actor noun used as an adjective of the noun before it ("des bases militaires
    françaises", "la force armée") or in a rank ("général d'armée"): no body of men."""
    if i == 0:
        return False
    before = doc[i - 1]
    if before.lemma_.lower() in PEOPLE_NOUNS or before.lower_ in g.nouns_by_word:
        return False  # "les généraux putschistes", "les troupes militaires françaises": people
    if before.pos_ == "NOUN" and before.is_lower and (doc[i].pos_ == "ADJ" or before.lower_ in {"force", "forces"}):
        return True
    return before.lower_ in {"d'", "d’"} and i >= 2 and doc[i - 2].lower_ in {"général", "corps"}


def _match_noun_phrase(
    doc: Doc, i: int, head: str, tail: str, role: str, generic: bool, g: Gazetteer,
    found: dict[int, Mention], taken: list[bool], focus_states: tuple[Actor, ...],
) -> Mention | None:
    head_tokens = head_words(head)
    n = len(head_tokens)
    if i + n > len(doc) or [t.lower_ for t in doc[i : i + n]] != [h.lower() for h in head_tokens]:
        return None
    if _qualifies_noun_before(doc, i, g):
        return None
    j = i + n
    state: Actor | None = None
    # demonym right after the head: "ministère nigérien", "troupes américaines", "forces armées maliennes"
    if j < len(doc) and doc[j].lower_ in g.demonyms and not taken[j]:
        if not _agrees(doc[j - 1], doc[j]):
            return None  # "l'attaché de défense français": the demonym goes with another noun
        state = g.state_of(g.demonyms[doc[j].lower_])
        j += 1
    # tail words: "de la Défense", "de terre"
    if tail:
        end = _tail_end(doc, j, tail)
        if end is None:
            return None
        j = end
    # adjectives between head and demonym: "instructeurs militaires russes", "forces spéciales françaises"
    if state is None:
        k = j
        while k < min(len(doc), j + 2) and (doc[k].lower_ in {"militaire", "militaires"} or doc[k].pos_ == "ADJ") and doc[k].lower_ not in g.demonyms:
            k += 1
        if k > j and k < len(doc) and doc[k].lower_ in g.demonyms and not taken[k]:
            state = g.state_of(g.demonyms[doc[k].lower_])
            j = k + 1
    # demonym after the tail: "ministère de la Défense nigérien"
    if state is None and j < len(doc) and doc[j].lower_ in g.demonyms and not taken[j]:
        state = g.state_of(g.demonyms[doc[j].lower_])
        j += 1
    if any(taken[i:j]):
        return None
    if state is None and role != "state":
        after, end = _state_after(doc, j, g, found)
        if after is not None:
            # "la junte du Niger": one mention for the body; the state inside it is not separate.
            for k in [k for k in found if j <= k < end]:
                found.pop(k)
            state, j = after, end
    if state is None:
        if not generic:
            return None
        if role in INSTITUTION_ROLES and j < len(doc) and doc[j].pos_ == "ADJ":
            return None  # "le Parlement européen": another body than the state's own
        # "la junte" alone: the most-named state of the article that has such a body in the
        # gazetteer (juntas are listed); other bodies: the most-named state.
        candidates = [s for s in focus_states if role != "government" or g.has_role_row(s, role)]
        if not candidates:
            return None
        state = candidates[0]
    return Mention(i, j, g.role_actor(state, role), "role" if role != "state" else "demonym")


def _person_mention(doc: Doc, ent: Span, g: Gazetteer) -> Mention | None:
    start, end = ent.start, ent.end
    text = ent.text
    # Drop titles inside the entity ("colonel Amadou X", "M. Tassa").
    changed = True
    while changed and start < end:
        changed = False
        for title in g.titles:
            n = len(title.split())
            if [t.lower_ for t in doc[start : start + n]] == [w.lower() for w in title.split()] and start + n < end:
                start += n
                changed = True
                break
    span = doc[start:end]
    text = span.text
    if text in g.media or any(ch.isdigit() for ch in text):
        return None
    if _names_a_place(doc, start):
        return None  # "le camp Thomas d'Aquin Ouattara": a place named after someone
    words = text.split()
    if not words[0][:1].isupper() or not all(
        w[:1].isupper() or w.lower() in {"de", "du", "al", "ag", "ould", "ben", "el", "von", "van"} for w in words
    ):
        return None  # "du Faso": a name starts with a capital
    titled = start > ent.start or (start > 0 and any(doc[start - 1].lower_ == t.split()[-1].lower() for t in g.titles))
    if len(words) < 2 and not titled:
        return None
    # A country next to the name: "le diplomate nigérien X", "X, Premier ministre nigérien".
    country = None
    window = list(doc[max(0, start - 4) : start]) + list(doc[end : min(len(doc), end + 5)])
    for t in window:
        if t.lower_ in g.demonyms:
            state = g.state_of(g.demonyms[t.lower_])
            country = state.country if state else None
            break
    actor = Actor(slug(text), text, "person", country, "ner")
    return Mention(start, end, actor, "person")


def focus_states(docs: list[Doc], nlp: Language) -> tuple[Actor, ...]:
    """The states an article names, most named first (first named breaks ties)."""
    g = gazetteer()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    position = 0
    for doc in docs:
        found, _ = _gazetteer_mentions(doc, nlp)
        for m in found.values():
            if m.actor.actor_type == "country":
                counts[m.actor.actor_id] = counts.get(m.actor.actor_id, 0) + 1
                first.setdefault(m.actor.actor_id, position)
            position += 1
    return tuple(g.actors[a] for a in sorted(counts, key=lambda a: (-counts[a], first[a])))


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc and kept on it (spaCy joins the text token by token,
    building a Token object for each, on every access)."""
    text = doc.user_data.get("sahel_data.text")
    if text is None:
        text = doc.user_data["sahel_data.text"] = doc.text
    return text


def doc_words(doc: Doc) -> tuple[list[str], list[str]]:
    """(lowercased lemmas, lowercased forms) of a doc's tokens, read once from its arrays and
    kept on the doc: spaCy builds a Token object on every access, which the rules would
    otherwise pay for token by token."""
    words = doc.user_data.get("sahel_data.words")
    if words is None:
        strings = doc.vocab.strings
        lemmas = [strings[h].lower() for h in doc.to_array("LEMMA").tolist()]
        lowers = [strings[h] for h in doc.to_array("LOWER").tolist()]
        words = doc.user_data["sahel_data.words"] = (lemmas, lowers)
    return words


# Words recur across a corpus: slug each distinct one once.
_word_slug = lru_cache(maxsize=1 << 16)(slug)


def _named_before(named: dict[str, list[tuple[int, int, Actor]]], key: str, block: int, at: int) -> Actor:
    """The person a lone surname names: of those the article names in full with it, the one
    named last before it ("Simone Ehivet Gbagbo … l'ancien président Laurent Gbagbo … M.
    Gbagbo" is Laurent), else the first named after it."""
    namings = named[key]
    before = [actor for b, i, actor in namings if (b, i) < (block, at)]
    return before[-1] if before else namings[0][2]


def resolve_people(docs: list[Doc], mentions_by_doc: list[list[Mention]]) -> list[list[Mention]]:
    """Within an article, a lone surname ("M. Tassa", "Tassa a ajouté") is the person named in
    full elsewhere in it: titled single names are merged, untitled ones are found again."""
    # surname -> (block, token, person) of each full naming, in text order
    named: dict[str, list[tuple[int, int, Actor]]] = {}
    for b, mentions in enumerate(mentions_by_doc):
        for m in mentions:
            if m.actor.actor_type == "person" and len(m.actor.name.split()) >= 2:
                named.setdefault(slug(m.actor.name.split()[-1]), []).append((b, m.start, m.actor))
    out = []
    for b, (doc, mentions) in enumerate(zip(docs, mentions_by_doc, strict=True)):
        resolved = []
        taken = [False] * len(doc)
        for m in mentions:
            if m.kind == "person" and len(m.actor.name.split()) == 1 and slug(m.actor.name) in named:
                person = _named_before(named, slug(m.actor.name), b, m.start)
                m = _relative_of(doc, m.start, person) or Mention(m.start, m.end, person, m.kind)
            elif m.actor.actor_type == "person" and m.end - m.start == 1:
                m = _relative_of(doc, m.start, m.actor) or m  # a listed person's surname alone ("Traoré")
            resolved.append(m)
            for k in range(m.start, m.end):
                taken[k] = True
        texts = [doc.vocab.strings[h] for h in doc.to_array("ORTH").tolist()] if named else []
        for i, text in enumerate(texts):
            if taken[i] or not text[:1].isupper() or len(text) <= 2:
                continue
            key = _word_slug(text)
            if key in named:
                person = _named_before(named, key, b, i)
                relative = _relative_of(doc, i, person) if i > 0 and not taken[i - 1] else None
                resolved.append(relative or Mention(i, i + 1, person, "person"))
        out.append(sorted(resolved, key=lambda m: m.start))
    return out


def _defined_acronym(doc: Doc, end: int) -> str | None:
    """The acronym a name defines in parentheses right after it: "l'Agence nationale de gestion
    des élections (ANGE)"."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1].text
        if 2 <= len(word) <= 10 and word.isalpha() and word.isupper():
            return word
    return None


def resolve_acronyms(docs: list[Doc], mentions_by_doc: list[list[Mention]]) -> list[list[Mention]]:
    """An acronym an organisation's name defines in parentheses names it wherever the article
    writes it ("l'Agence nationale de gestion des élections (ANGE)" ... "selon l'ANGE"), the
    definition included, when the gazetteer does not already know it."""
    defined: dict[str, Actor] = {}
    for doc, mentions in zip(docs, mentions_by_doc, strict=True):
        for m in mentions:
            if m.actor.actor_type in {"person", "country"}:
                continue
            acronym = _defined_acronym(doc, m.end)
            if acronym is not None:
                defined.setdefault(acronym, m.actor)
    if not defined:
        return mentions_by_doc
    out = []
    for doc, mentions in zip(docs, mentions_by_doc, strict=True):
        taken = [False] * len(doc)
        for m in mentions:
            for k in range(m.start, m.end):
                taken[k] = True
        added = [Mention(t.i, t.i + 1, defined[t.text], "acronym") for t in doc if not taken[t.i] and t.text in defined]
        out.append(sorted([*mentions, *added], key=lambda m: m.start) if added else mentions)
    return out


@cache
def _title_words() -> frozenset[str]:
    return frozenset(t.lower() for t in gazetteer().titles)


def _relative_of(doc: Doc, i: int, known: Actor) -> Mention | None:
    """A known person's surname after another first name ("Awa Traoré" beside "Ibrahim
    Traoré"): a person of their own, named with both words."""
    if i == 0:
        return None
    first = doc[i - 1]
    if first.pos_ != "PROPN" or not first.text[:1].isupper() or not first.text.replace("-", "").isalpha():
        return None
    if first.lower_ in _title_words() or _word_slug(first.text) in {slug(w) for w in known.name.split()[:-1]}:
        return None
    if i >= 2 and doc[i - 2].pos_ == "PROPN" and doc[i - 2].text[:1].isupper():
        return None  # a longer name ("Mahamat Idriss Déby"): not a first name and a surname
    name = f"{first.text} {doc[i].text}"
    return Mention(i - 1, i + 1, Actor(slug(name), name, "person", known.country, "ner"), "person")


# Articles before a noun that names again what the text has named ("l'organisation"). A
# demonstrative ("cette alliance") mostly points back at a happening told ("la création de
# cette alliance"), not at an actor that acts.
DEFINITE_DETERMINERS = {"le", "la", "l'", "l’", "les", "du", "au", "aux"}  # "du gouvernement" is "de le"
_STATE_BODY_TYPES = {"country", "government", "military"}
OFFICE_WORDS = {"chef"}  # "le chef du gouvernement": the office holder, not the body
# "son gouvernement", "leurs autorités": a state's own bodies (rows refer_to=state only)
POSSESSIVE_DETERMINERS = {"son", "sa", "ses", "leur", "leurs"}
COMPLEMENT_WORDS = {"de", "d'", "d’", "du", "des"}


# Offices a definite description names again by the title its holder was introduced with:
# "le président Emmanuel Macron … le chef de l'État", "le colonel Assimi Goïta … le chef de la junte".
OFFICE_DESCRIPTIONS: dict[tuple[str, ...], frozenset[str]] = {
    ("chef", "de", "l'", "état"): frozenset({"président", "présidente"}),
    ("chef", "de", "l'", "etat"): frozenset({"président", "présidente"}),
    ("chef", "de", "la", "junte"): frozenset({"président", "général", "colonel", "capitaine", "lieutenant-colonel", "commandant"}),
}


def resolve_office_holders(docs: list[Doc], mentions_by_doc: list[list[Mention]]) -> list[list[Mention]]:
    """"le chef de l'État", "le chef de la junte" with nothing after that names a state or a
    person: the person the article last introduced with the title of that office ("le président
    Emmanuel Macron"), a mention of that person; with none, the description is left alone."""
    titled: list[tuple[Actor, str]] = []  # (person, the title before their name), in text order
    out = []
    for doc, mentions in zip(docs, mentions_by_doc, strict=True):
        lowers = [w.replace("’", "'") for w in doc_words(doc)[1]]
        starts = {m.start: m for m in mentions}
        taken = [False] * len(doc)
        for m in mentions:
            for k in range(m.start, m.end):
                taken[k] = True
        added: list[Mention] = []
        for i in range(len(doc)):
            m = starts.get(i)
            if m is not None and m.actor.actor_type == "person" and i > 0:
                titled.append((m.actor, lowers[i - 1]))
            if lowers[i] != "chef" or i == 0 or lowers[i - 1] not in {"le", "du", "au"} or taken[i]:
                continue
            for words, titles in OFFICE_DESCRIPTIONS.items():
                end = i + len(words)
                if tuple(lowers[i:end]) != words:
                    continue
                if end < len(doc) and (doc[end].pos_ in {"ADJ", "PROPN"} or taken[end]):
                    break  # "le chef de l'État nigérien": a state named there
                holder = _apposed_person(doc, end, starts, lowers) or next(
                    (a for a, title in reversed(titled) if title in titles), None
                )
                if holder is not None:
                    # the office's words name its holder, not the state or junta inside them
                    added.append(Mention(i, end, holder, "description"))
                break
        if added:
            covered = {k for m in added for k in range(m.start, m.end)}
            mentions = sorted([*(m for m in mentions if m.start not in covered), *added], key=lambda m: m.start)
        out.append(mentions)
    return out


def _apposed_person(doc: Doc, end: int, starts: dict[int, Mention], lowers: list[str]) -> Actor | None:
    """The person an office's description names in apposition right after it ("le chef de la
    junte, le général Abdourahamane Tiani"): the description is that person's, whoever the
    article titled before."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    k = end + 1
    while k < min(len(doc), end + 6) and k not in starts and (lowers[k] in {"le", "la", "l'"} or lowers[k] in _title_words()):
        k += 1
    m = starts.get(k)
    return m.actor if m is not None and m.actor.actor_type == "person" else None


def resolve_anaphors(docs: list[Doc], mentions_by_doc: list[list[Mention]]) -> list[list[Mention]]:
    """Within an article, a definite description ("l'organisation régionale", "le groupe minier
    canadien") names the actor of its kind the article named last before it (actor_anaphors.csv);
    with none before it, it names no one."""
    g = gazetteer()
    recent: list[tuple[Actor, int]] = []  # (actor, sentence number), in text order across the article's blocks
    out = []
    first_sentence = 0
    for doc, mentions in zip(docs, mentions_by_doc, strict=True):
        lowers = doc_words(doc)[1]
        heads = [i for i, w in enumerate(lowers) if w in g.anaphors]
        sentence_of = _sentence_numbers(doc, first_sentence)
        first_sentence = (sentence_of[-1] + 1) if sentence_of else first_sentence
        if not heads:
            recent.extend((m.actor, sentence_of[m.start]) for m in mentions)
            out.append(mentions)
            continue
        taken = [False] * len(doc)
        for m in mentions:
            for k in range(m.start, m.end):
                taken[k] = True
        added: list[Mention] = []
        ordered = sorted(mentions, key=lambda m: m.start)
        seen = 0
        for i in heads:
            while seen < len(ordered) and ordered[seen].start < i:
                recent.append((ordered[seen].actor, sentence_of[ordered[seen].start]))
                seen += 1
            if taken[i] or i == 0 or doc[i].pos_ not in {"NOUN", "PROPN"}:
                continue
            det = lowers[i - 1]
            if det not in DEFINITE_DETERMINERS and det not in POSSESSIVE_DETERMINERS:
                continue
            if doc[i].head.lower_ in OFFICE_WORDS and doc[i].head.i < i:
                continue  # "le chef du gouvernement", "le chef de l'État" are persons
            m = _anaphor_mention(doc, i, lowers, taken, recent, sentence_of[i], g, possessive=det in POSSESSIVE_DETERMINERS)
            if m is not None:
                added.append(m)
                recent.append((m.actor, sentence_of[i]))
                for k in range(m.start, m.end):
                    taken[k] = True
        recent.extend((m.actor, sentence_of[m.start]) for m in ordered[seen:])
        out.append(sorted([*mentions, *added], key=lambda m: m.start) if added else mentions)
    return out


def _sentence_numbers(doc: Doc, first: int) -> list[int]:
    """The sentence number of each token, counting on from `first` (the article's earlier blocks)."""
    numbers, n = [], first - 1
    for k, start in enumerate(doc.to_array("SENT_START").tolist()):
        if start == 1 or k == 0:
            n += 1
        numbers.append(n)
    return numbers


def _anaphor_mention(
    doc: Doc, i: int, lowers: list[str], taken: list[bool], recent: list[tuple[Actor, int]], sentence: int, g: Gazetteer,
    possessive: bool = False,
) -> Mention | None:
    for row in g.anaphors[lowers[i]]:
        if possessive and "state" not in row.refers_to:
            continue  # "son organisation" may be anyone's
        end, country = _anaphor_end(doc, i + 1, row.modifiers, lowers, taken, g)
        if end is None:
            continue
        # "la Confédération", "la Cour" with a capital: the body's short name, so a mention row
        kind = "description" if row.is_mention or doc[i].text[:1].isupper() else "anaphor"
        if "state" in row.refers_to:
            state = _state_in_view(recent, sentence, g)
            return Mention(i, end, state, kind) if state is not None else None
        for actor, _ in reversed(recent):
            role = g.roles_of.get(actor.actor_id) if actor.source == "gazetteer" else None
            if (actor.actor_type in row.refers_to or role in row.refers_to) and country in (None, actor.country):
                return Mention(i, end, actor, kind)
        return None  # the first row that fits the words decides; its kind is not named before
    return None


def _state_in_view(recent: list[tuple[Actor, int]], sentence: int, g: Gazetteer) -> Actor | None:
    """The state "le gouvernement" or "les autorités" stand for: of the states (or their bodies)
    named in this sentence or the one before, the one the article has named most so far (in
    "à la jonction des frontières du Bénin, du Niger et du Burkina Faso, a annoncé le porte-parole
    du gouvernement", the Benin of the headline, not the Burkina Faso named last); with none in
    view, the state named last."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    in_view: set[str] = set()
    for n, (actor, s) in enumerate(recent):
        state = g.state_of_country(actor.country) if actor.actor_type in _STATE_BODY_TYPES else None
        if state is None:
            continue
        counts[state.actor_id] = counts.get(state.actor_id, 0) + 1
        last[state.actor_id] = n
        if s >= sentence - 1:
            in_view.add(state.actor_id)
    pool = in_view or set(last)
    if not pool:
        return None
    best = max(pool, key=lambda a: (counts[a], last[a]) if in_view else (last[a],))
    return g.actors[best]


def _anaphor_end(
    doc: Doc, j: int, modifiers: tuple[str, ...], lowers: list[str], taken: list[bool], g: Gazetteer
) -> tuple[int | None, str | None]:
    """Where the described noun phrase ends after its head (token j on), and the country a
    demonym in it names; (None, None) when the words after the head fit none of `modifiers`."""
    for modifier in modifiers:
        k, country, fits = j, None, True
        for word in modifier.split():
            if word == "@demonym":
                state = g.state_of(g.demonyms[lowers[k]]) if k < len(doc) and lowers[k] in g.demonyms else None
                if state is None:
                    fits = False
                    break
                country, k = state.country, k + 1
            else:
                end = _tail_end(doc, k, word)
                if end is None:
                    fits = False
                    break
                k = end
        if not fits or any(taken[j:k]):
            continue
        if k < len(doc):
            after = doc[k]
            if after.lower_ in COMPLEMENT_WORDS and k == j:
                continue  # "l'organisation de la riposte": its complement says what it is
            if taken[k] or (after.pos_ == "ADJ" and k == j) or (after.pos_ == "PROPN" and k == j):
                continue  # "la société civile", "le groupe Wagner": another noun phrase
            if k > j and after.lower_ in g.demonyms:
                continue  # "le groupe minier canadien" is read by a longer alternative or not at all
        return k, country
    return None, None


def token_actor(mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the mention covering it."""
    return {k: m for m in mentions for k in range(m.start, m.end)}
