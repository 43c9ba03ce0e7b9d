"""Events in parsed French sentences: triggers -> PLOVER type, modality, actors, place, date.

Owns reading a sentence's syntax around a trigger word (from the trigger lexicon): negation,
future or announced acts, who acts on whom, where, and which date expression governs the
trigger's clause. Knows nothing about how actors or dates are found: it receives them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from sahel_data.extract.actors import COMPLEMENT_WORDS, Actor, Mention, cited_as_source, doc_text, doc_words, gazetteer
from sahel_data.extract.dates import DateMention, find_dates
from sahel_data.lexicon_io import read_groups, read_lexicon

log = logging.getLogger(__name__)

WINDOW_AFTER, WINDOW_BEFORE = 10, 3
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
AGENT_DEPS = {"obl:agent"}
OBJECT_DEPS = {"obj", "iobj", "obl:arg", "obl:mod", "obl", "nmod", "ccomp"}
COUNTERPART_CASES = {"à", "avec", "contre", "entre", "aux", "au", "de", "du", "des", "d'", "vers", "envers"}
DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
COPULAS = {"être", "vouloir", "sembler", "paraître", "rester", "demeurer", "devenir", "apparaître"}
PLANNED_CUES = {"planned", "scheduled"}
REFLEXIVES = {"se", "s'", "s’"}
NEGATION_WORDS = {"pas", "nullement", "aucunement", "jamais"}
OBLIGATION_MODALS = {"devoir", "falloir"}
RELATIVE_PRONOUNS = {"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"}
CLAUSE_DEPS = {"acl:relcl", "advcl", "ccomp", "parataxis", "conj", "csubj"}
COUNTERPART_MARKERS = {"avec", "contre", "entre", "envers", "vers", "à", "au", "aux"}
CLAUSE_PUNCTUATION = {",", ";", ":", ".", "(", ")", "«", "»", "!", "?"}
BOUNDARY_CASES = {"avant", "jusqu'", "jusqu'à", "jusqu'au"}
# Acts about another's act: condemning, welcoming, refusing, protesting or demanding it.
ABOUT_OTHERS_TYPES = {"ACCUSE", "SUPPORT", "REJECT", "PROTEST", "REQUEST"}
TIME_CASES = {"après", "avant", "depuis", "lors", "pendant", "dès", "durant"}
# "enquêter sur le massacre", "s'exprimer concernant le retrait": the subject talks about the act.
TOPIC_CASES = {"sur", "concernant"}
# "selon l'accord", "conformément à l'accord": a text cited as the source of a rule, not an act
SOURCE_CASES = {"selon", "conformément", "suivant"}
CONTENT_TAKERS = {"REQUEST", "THREATEN", "CONSULT"}
# Acts done by saying: news tells them in the present ("accuse", "exige", "rejette").
SPEECH_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST", "SUPPORT", "AGREE"}
AGREE_CONTENT = {"COOPERATE", "SUPPORT", "AID"}
ENDED_CONTENT = {"SUPPORT", "COOPERATE", "AID"}
LOCATION_CASES = {"à", "dans", "en", "au", "aux", "sur", "près", "vers", "depuis"}


@dataclass(frozen=True)
class TriggerRule:
    lemmas: tuple[str, ...]
    pos: str
    event_type: str
    de_role: str
    requires: frozenset[str]
    excludes: frozenset[str]
    example: str


@cache
def trigger_rules() -> tuple[TriggerRule, ...]:
    return tuple(
        TriggerRule(
            tuple(r["lemmas"].lower().split()),
            r["pos"],
            r["event_type"],
            r["de_role"],
            _lemma_set(r["requires"]),
            _lemma_set(r["excludes"]),
            r["example"],
        )
        for r in read_lexicon("event_triggers.csv")
    )


def _lemma_set(cell: str) -> frozenset[str]:
    """A requires/excludes cell: lemmas, `@kind` actor tests, and `%class` for a whole word
    class, so rows that take the same things ("%military_goods") share one list."""
    out: set[str] = set()
    for item in cell.lower().split("|"):
        if item.startswith("%") and len(item) > 1:  # a bare "%" is the percent sign
            lemmas = word_class(item[1:])
            if not lemmas:
                raise ValueError(f"event_triggers.csv names an unknown word class {item!r}: add it to word_classes.csv")
            out |= lemmas
        elif item:
            out.add(item)
    return frozenset(out)


@cache
def word_class(name: str) -> frozenset[str]:
    """Lemmas of one class in word_classes.csv (a trigger's lemmas space-separated)."""
    return read_groups("word_classes.csv", "class", "lemma").get(name, frozenset())


@cache
def modality_cues() -> dict[str, str]:
    """Lemma -> 'planned' (a governing verb that puts its complement in the future) or 'negation'."""
    return {r["lemma"]: r["cue"] for r in read_lexicon("modality_cues.csv")}


def lemma(token: Token) -> str:
    return token.lemma_.lower()


@dataclass(frozen=True)
class TriggerMatch:
    rule: TriggerRule
    tokens: tuple[Token, ...]

    @property
    def head(self) -> Token:
        return self.tokens[0]


def _is_verbal(token: Token) -> bool:
    """A verb, or a participle the tagger calls an adjective but that heads a verb phrase
    ("a gelé les avoirs")."""
    if token.pos_ in {"VERB", "AUX"}:
        return True
    return token.pos_ == "ADJ" and (
        token.dep_ == "ROOT" or any(c.dep_.startswith("aux") or c.dep_ in {"obj", "obl:agent"} for c in token.children)
    )


def _pos_ok(token: Token, pos: str) -> bool:
    if pos == "ANY":
        return True
    if pos == "VERB":
        return _is_verbal(token) or _is_mistagged_participle(token)
    return token.pos_ in {"NOUN", "PROPN"} or _is_mistagged_noun(token)


# Roles only a noun phrase takes: the tagger's "adjective" in one of them, with its own
# determiner, is a noun ("ont mené leurs premières frappes").
NOUN_PHRASE_ROLES = {"nsubj", "nsubj:pass", "obj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod"}


def _is_mistagged_noun(token: Token) -> bool:
    """A noun the tagger calls an adjective: it heads a noun phrase with a determiner of its own."""
    return token.pos_ == "ADJ" and token.dep_ in NOUN_PHRASE_ROLES and any(c.dep_ == "det" for c in token.children)


PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")


def _is_mistagged_participle(token: Token) -> bool:
    """A past participle the tagger calls a noun or adjective because the verb is rare ("a
    officiellement rétrocédé la base"): an -é form right after a tense auxiliary, adverbs
    aside."""
    if is_fronted_name_like_participle(token):
        return True
    if token.pos_ not in {"NOUN", "ADJ"} or not token.lower_.endswith(PARTICIPLE_ENDINGS):
        return False
    k = token.i - 1
    while k >= 0 and token.doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and token.doc[k].pos_ == "AUX" and token.doc[k].lemma_ in {"avoir", "être"}


# Participle endings and the infinitive ending they come from ("réunis" -> "réunir").
PARTICIPLE_INFINITIVES = (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("ies", "ir"), ("is", "ir"), ("ie", "ir"))


def participle_infinitives(form: str) -> list[str]:
    """Infinitives a past participle form may come from: "réunis" -> ["réunir"]."""
    return [form[: -len(end)] + inf for end, inf in PARTICIPLE_INFINITIVES if form.endswith(end) and len(form) > len(end) + 2]


def opens_sentence(token: Token) -> bool:
    """Only punctuation stands between the sentence start and the token. Walks back from the
    token: `Token.sent` scans the whole document's sentences on every call."""
    doc = token.doc
    k = token.i
    while not doc[k].is_sent_start:
        if not doc[k - 1].is_punct:
            return False
        k -= 1
    return True


def is_fronted_name_like_participle(token: Token) -> bool:
    """A capitalised participle opening the sentence that the tagger takes for a name
    ("Réunis à Abuja, les dirigeants ont..."): followed by a preposition or a date, not a name."""
    if token.pos_ != "PROPN" or not token.is_sent_start or token.ent_type_ or not participle_infinitives(token.lower_):
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.pos_ in {"ADP", "ADV", "NOUN"} and nxt.is_lower


def _unlemmatised(token_lemma: str, lower: str) -> bool:
    """The model gave the form as its lemma ("reproche" -> "reproche"), or cut its ending off
    without making it an infinitive ("reproche" -> "reproch", tagged an adjective)."""
    return token_lemma == lower or (
        len(token_lemma) >= 5 and lower.startswith(token_lemma) and len(lower) - len(token_lemma) <= 3
        and not token_lemma.endswith(("er", "ir", "re"))
    )


def _first_lemma_matches(token: Token, target: str, pos: str) -> bool:
    """The token's lemma, or for verbs its form when the tagger left it unlemmatised: the model
    lemmatises rare inflections badly ("reproche" -> "reproche"), so a verb also matches by its
    stem when the stem is long enough to be unambiguous."""
    if lemma(token) == target or token.lower_ == target:
        return True
    if pos == "VERB" and target.endswith(("er", "ir", "re")) and len(target) >= 7 and _unlemmatised(lemma(token), token.lower_):
        return token.lower_.startswith(target[:-2])
    if pos == "VERB" and is_fronted_name_like_participle(token):
        return target in participle_infinitives(token.lower_)
    return False


def _is_copula(verb: Token) -> bool:
    """A copula, also when the tagger left it unlemmatised ("reste" -> "reste")."""
    if lemma(verb) in COPULAS:
        return True
    return lemma(verb) == verb.lower_ and verb.lower_.startswith(("rest", "demeur"))


def _is_finite_past(token: Token) -> bool:
    """A finite verb tagged past: the passé simple, which "-it" verbs share with the present."""
    return "Past" in token.morph.get("Tense") and "Fin" in token.morph.get("VerbForm")


def _is_bare_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in token.children)


def _is_bare_past_participle(token: Token) -> bool:
    """A past participle with no auxiliary: a done act told of a noun or set before a clause."""
    return _is_bare_participle(token) and "Past" in token.morph.get("Tense")


def described_by_participle(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The actor a bare past participle describes: the noun it hangs on ("l'humanitaire
    américain Jeffery Woodke, libéré en même temps"), or, when the parser hung it on the main
    verb after a comma, the actor just before the comma."""
    if not _is_bare_past_participle(token):
        return None
    if token.dep_ == "acl":
        return by_token.get(token.head.i) or _appositive_person(token.head, by_token)
    if token.dep_ in {"advcl", "conj"} and token.i >= 2 and token.doc[token.i - 1].text == "," and token.head.i < token.i:
        return by_token.get(token.i - 2)
    return None


def _actor_kinds_after(sent: Span, token: Token, by_token: dict[int, Mention]) -> set[str]:
    """`@<actor_type>` for each actor mentioned in the few tokens after the trigger, and `@media`
    for a news outlet named there (outlets are not actors: "a suspendu la BBC")."""
    hi = min(sent.end, token.i + WINDOW_AFTER + 1)
    kinds = {f"@{by_token[i].actor.actor_type}" for i in range(token.i + 1, hi) if i in by_token}
    if token.pos_ == "VERB" and is_passive(token):
        # the one acted upon stands before a passive: "Olivier Dubois avait été enlevé"
        for c in token.children:
            if c.dep_ in {"nsubj", "nsubj:pass"} and (m := mention_in(c, by_token, depth=1)) is not None:
                kinds.add(f"@{m.actor.actor_type}")
    elif (described := described_by_participle(token, by_token)) is not None:
        kinds.add(f"@{described.actor.actor_type}")  # "Jeffery Woodke, libéré en même temps"
    doc = sent.doc
    if hi > token.i + 1 and _media_names().search(doc_text(doc), doc[token.i + 1].idx, doc[hi - 1].idx + len(doc[hi - 1])):
        kinds.add("@media")
    return kinds


@cache
def _media_names() -> re.Pattern[str]:
    names = sorted(gazetteer().media, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


LOCUTION_WORDS = {"partir", "compter"}  # "à partir de", "à compter de"


def _in_fixed_locution(token: Token) -> bool:
    """Words that only look like triggers inside a fixed phrase: "à partir de" (from)."""
    if token.lower_ not in LOCUTION_WORDS:
        return False
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return before == "à" and after in {"de", "du", "d'", "des"}


class _SentenceWords:
    """A sentence's lemmas and lower-cased forms, read once (spaCy makes a Token object on
    every access), and the trigger windows built from them."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        lemmas, lowers = doc_words(sent.doc)
        self.lemmas = lemmas[sent.start : sent.end]
        self.lowers = lowers[sent.start : sent.end]
        self._windows: dict[tuple[int, bool], set[str]] = {}

    def at(self, i: int) -> tuple[str, str]:
        k = i - self.sent.start
        return self.lemmas[k], self.lowers[k]

    def window(self, token: Token, pos: str) -> set[str]:
        key = (token.i, pos == "NOUN")
        if key not in self._windows:
            self._windows[key] = _window_lemmas(self.sent, token, pos, self)
        return self._windows[key]


def _window_lemmas(sent: Span, token: Token, pos: str, words_of: _SentenceWords) -> set[str]:
    """Words around a trigger that its row's requires/excludes test. A noun's complements
    follow it ("la fin de l'accord"), so only a verb looks back ("se retirer")."""
    lo = max(sent.start, token.i - (WINDOW_BEFORE if pos != "NOUN" else 0)) - sent.start
    hi = min(sent.end, token.i + WINDOW_AFTER + 1 + _aside_length(sent, token)) - sent.start
    words = set(words_of.lemmas[lo:hi]) | set(words_of.lowers[lo:hi])
    # a child's own form too: the tagger may take an object for a verb ("le permis" as "permettre")
    words |= {lemma(c) for c in token.children} | {c.lower_ for c in token.children} | {lemma(token.head)}
    words |= _patient_lemmas(token)
    antecedent = relative_object(token)
    if antecedent is not None:
        words.add(lemma(antecedent))
    return words


def _aside_length(sent: Span, token: Token) -> int:
    """Tokens of an aside set off by commas right after a trigger and its time adjunct, if any
    ("la levée, la semaine dernière, par le Trésor des sanctions"): the complement the window
    looks for comes after it."""
    doc = token.doc
    start = token.i + 1
    if start < sent.end and doc[start].head.i == token.i and doc[start].dep_ == "obl:mod":
        # a time adjunct may come first ("a suspendu jeudi 25 avril 2024, pour deux semaines, la diffusion")
        start = doc[start].right_edge.i + 1
    if start >= sent.end or doc[start].text != ",":
        return 0
    for k in range(start + 1, min(sent.end, start + 9)):
        if doc[k].text == ",":
            return k - token.i
    return 0


def noun_after_fronted_phrase(participle: Token) -> Token | None:
    """The first noun after the comma that closes a sentence-opening participle's phrase: what
    the participle tells of ("Créée en mars 2024 par les chefs d'état-major, cette force",
    "Publié le jeudi 25 janvier, le document"), however the parser mislabels both."""
    sent = participle.sent
    comma = next((t.i for t in sent if t.i > participle.i and t.text == ","), None)
    return next((t for t in sent if comma is not None and t.i > comma and t.pos_ in {"NOUN", "PROPN"}), None)


def _patient_lemmas(token: Token) -> set[str]:
    """What a verb acts on, wherever the sentence puts it: the noun under a quantifier object
    ("lever la plupart des sanctions") or subject ("une centaine d'instructeurs sont arrivés"),
    the subject of a passive, which stands before the verb and out of the window ("les
    frontières avec le Niger doivent être rouvertes"), and the clause subject a participle set
    before it tells of ("Créée en 2024, cette force")."""
    if token.pos_ != "VERB":
        return set()
    out: set[str] = set()
    for c in token.children:
        if c.dep_ in {"obj", "nsubj:pass"}:
            out.update(lemma(g) for g in c.children if g.dep_ == "nmod")
        elif c.dep_ == "nsubj":
            # a counted subject ("une centaine d'instructeurs sont arrivés"): the noun counted
            out.update(lemma(g) for g in c.children if g.dep_ == "nmod" and _is_partitive(g))
    if _is_bare_past_participle(token) and opens_sentence(token):
        # "Créée en mars 2024 par les chefs d'état-major, cette force ...": a past participle set
        # before the clause tells what was done to the clause's subject
        subject = noun_after_fronted_phrase(token)
        if subject is not None:
            out.add(lemma(subject))
    if "Pass" in token.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in token.children):
        out.update(lemma(c) for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"})
        if token.dep_ == "xcomp":
            out.update(lemma(c) for c in token.head.children if c.dep_ in {"nsubj", "nsubj:pass"})
    return out


def _is_partitive(noun: Token) -> bool:
    """A noun counted by the one above it: "de" with no article ("une centaine d'instructeurs")."""
    return any(c.dep_ == "case" and c.lower_ in {"de", "d'", "d’"} for c in noun.children) and not any(
        c.dep_ == "det" for c in noun.children
    )


def relative_object(verb: Token) -> Token | None:
    """The noun a relative "que" stands for ("la CEDEAO, que le pays a quittée"): the verb's
    object, written before it. The parser often calls this "que" a mark."""
    for c in verb.children:
        if c.i < verb.i and c.lower_ in {"que", "qu'", "qu’"} and c.dep_ in {"obj", "mark"}:
            k = c.i - 1
            while k >= verb.sent.start and verb.doc[k].is_punct:
                k -= 1
            if k >= verb.sent.start and verb.doc[k].pos_ in {"NOUN", "PROPN"}:
                return verb.doc[k]
            if k >= verb.sent.start and verb.doc[k].dep_ == "amod" and verb.doc[k].head.pos_ in {"NOUN", "PROPN"} and verb.doc[c.i - 1].text == ",":
                # "l'Union européenne, que la junte accuse": the noun the adjective is on (not "a
                # informé les Nations unies qu'elle retirerait": a complement clause)
                return verb.doc[k].head
    return None


@cache
def _rules_by_first_lemma() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Row numbers by first lemma, and by verb stem (for forms the lemmatiser leaves alone)."""
    by_lemma: dict[str, list[int]] = {}
    by_stem: dict[str, list[int]] = {}
    for k, rule in enumerate(trigger_rules()):
        by_lemma.setdefault(rule.lemmas[0], []).append(k)
        target = rule.lemmas[0]
        if rule.pos == "VERB" and target.endswith(("er", "ir", "re")) and len(target) >= 7:
            by_stem.setdefault(target[:-2], []).append(k)
    return {k: tuple(v) for k, v in by_lemma.items()}, {k: tuple(v) for k, v in by_stem.items()}


@cache
def _rules_for(token_lemma: str, lower: str) -> tuple[TriggerRule, ...]:
    """Rows whose first lemma is the token's lemma or form, or whose verb stem starts the form."""
    rules = trigger_rules()
    by_lemma, by_stem = _rules_by_first_lemma()
    rows = set(by_lemma.get(token_lemma, ())) | set(by_lemma.get(lower, ()))
    if token_lemma == lower:  # unlemmatised: maybe a participle taken for a name ("Réunis")
        for infinitive in participle_infinitives(lower):
            rows.update(by_lemma.get(infinitive, ()))
    if by_stem and _unlemmatised(token_lemma, lower):
        for n in range(5, len(lower) + 1):
            rows.update(by_stem.get(lower[:n], ()))
    return tuple(rules[k] for k in sorted(rows))


def find_triggers(sent: Span, by_token: dict[int, Mention] | None = None) -> list[TriggerMatch]:
    """Trigger matches in a sentence: one per token, the first lexicon row that fits.

    With the sentence's actor mentions, a row may also require an actor kind after the trigger:
    `@military` in `requires` is met by a named armed force ("la fin de Barkhane").
    """
    used: set[int] = set()
    matches: list[TriggerMatch] = []
    words = _SentenceWords(sent)
    kinds_after: dict[int, set[str]] = {}
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if i in used:
            continue
        rules = _rules_for(*words.at(i))
        if not rules:
            continue  # most words start no lexicon row: no Token object built for them
        token = doc[i]
        for rule in rules:
            if not _first_lemma_matches(token, rule.lemmas[0], rule.pos):
                continue
            if _in_fixed_locution(token):
                continue
            if not _pos_ok(token, rule.pos):
                continue
            if rule.pos == "NOUN" and by_token is not None and token.i in by_token:
                continue  # part of an actor's name ("les militaires de l'opération Barkhane")
            if rule.pos == "NOUN" and token.text in gazetteer().media and not token.is_sent_start:
                continue  # an outlet's name ("les quotidiens Le Monde et Libération")
            tokens = [token]
            pos = token.i
            ok = True
            for nxt in rule.lemmas[1:]:
                found = None
                for j in range(pos + 1, min(sent.end, pos + 4)):
                    if nxt in words.at(j):
                        found = sent.doc[j]
                        break
                if found is None:
                    ok = False
                    break
                tokens.append(found)
                pos = found.i
            if not ok:
                continue
            window = words.window(token, rule.pos)
            if by_token is not None:
                if token.i not in kinds_after:
                    kinds_after[token.i] = _actor_kinds_after(sent, token, by_token)
                window = window | kinds_after[token.i]
            if rule.requires and not (rule.requires & window):
                continue
            if rule.excludes & window:
                continue
            used.update(t.i for t in tokens)
            matches.append(TriggerMatch(rule, tuple(tokens)))
            break
    return matches




def _bare_noun_beside(noun: Token, participle: Token) -> bool:
    """A noun with no article and no preposition right beside the participle ("un retrait
    ordonné et « concerté »" with the adjective tagged a noun), not one the parser hangs on the
    participle from further on ("interpellés ..., puis inculpés de « faux et usage de faux »")."""
    return (
        not any(c.dep_ in {"det", "case"} for c in noun.children)
        and abs(noun.i - participle.i) <= 3
    )


def is_reported_act(match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """Whether a trigger reports an act, rather than refer back to one or name another's content.

    Not an act: a verb used as an adjective ("un retrait ordonné et responsable"); a noun with a
    demonstrative ("ce retrait", "cet accord": told before); a noun that is what another
    trigger is about ("a exigé le départ", "l'accord sur le retrait", "les négociations sur les
    conditions du retrait").
    """
    token = match.head
    by_head = {m.head.i: m for m in matches if m is not match}
    if match.rule.event_type == "AGREE":
        # "s'engagent à poursuivre un dialogue": the promised act, planned, is the event
        # (the contract's modality replaces the manual's recoding as AGREE), unless it is to
        # cooperate or to sign, which is what AGREE means.
        for t in token.subtree:
            other = by_head.get(t.i)
            # what is promised: a complement of the promise, or the object of its infinitive,
            # not a circumstance deeper down ("convenu de renforcer leur coopération lors d'une réunion")
            promised = t.head.i == token.i or (t.head.head.i == token.i and t.head.dep_ == "xcomp" and t.dep_ in {"obj", "obl:arg"})
            if other and promised and t.dep_ in {"xcomp", "obj", "obl:arg", "nmod", "obl"} and other.rule.event_type not in AGREE_CONTENT:
                return False
    if match.rule.event_type == "OTHER" and any(
        n.dep_ == "nmod" and n.i in by_head and by_head[n.i].rule.event_type != "OTHER"
        and not any(c.dep_ == "case" and c.lower_ == "sans" for c in n.children)
        for o in token.children if o.dep_ == "obj" for n in o.children
    ):
        return False  # "a adopté un décret de mobilisation générale": the text's act is the event
    if match.rule.pos == "VERB" and match.rule.requires and _is_quote_tag(token):
        return False  # "« ... », a lancé M. Lavrov": a verb of saying after a quote has no object of its own
    if match.rule.pos == "VERB":
        # a detached present participle is an act even when the parser takes it for an adjective
        if not is_detached_participle(token) and (
            (token.dep_ == "amod" and "Fin" not in token.morph.get("VerbForm")) or not (_is_verbal(token) or _is_mistagged_participle(token))
        ):
            return False  # a participle used as an adjective; a finite verb tagged amod is a mis-parse ("la junte menace de")
        for c in token.children:
            if c.dep_ == "nsubj:pass" and any(d.dep_ == "det" and d.lower_ in DEMONSTRATIVES for d in c.children) and not _has_own_date(token):
                return False  # "cet accord a été conclu": told before ("ce texte avait été signé en 2015" tells when)
            if (
                c.dep_ == "nsubj" and any(d.dep_ == "det" and d.lower_ in DEMONSTRATIVES for d in c.children)
                and (c.i in by_head or lemma(c) in word_class("decision_noun"))
            ):
                return False  # "ce départ met un terme à la coopération": what an act told before amounts to
        linked = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
        if any(
            (t.pos_ == "ADJ" or (t.pos_ == "NOUN" and _bare_noun_beside(t, token)))
            and ("Fin" not in token.morph.get("VerbForm") or token.lower_.endswith("ant"))  # "-ant": a participle tagged finite
            and (not _has_auxiliary(token) or any(c.dep_ == "cc" for c in t.children))
            for t in linked
        ):
            # "ordonné et responsable": a participle coordinated with an adjective; not a finite
            # verb ("lui reproche une attitude et le « non-respect »"), nor a tensed one the parser
            # links to a later adjective with no "et" ("a prêté serment ..., « modulable »")
            return False
        if _is_bare_participle(token) and token.dep_ == "xcomp" and _is_copula(token.head):
            return False  # "le retrait se veut ordonné"
        if (
            lemma(token) in word_class("ordering") and token.dep_ == "acl" and token.head.i in by_head and _is_bare_past_participle(token)
            and not any(c.dep_ == "obl:agent" for c in token.children)
        ):
            return False  # "un retrait ordonné": how the act is done, or its order, which is the act itself
        says_state = match.rule.event_type in STATE_PASSIVE_TYPES or match.rule.lemmas[0] in word_class("state_participle")
        if says_state and _is_stative_passive(token) and not (match.rule.event_type in STARTED_STATE_TYPES and _started_on(token)):
            return False  # "1 100 militaires sont déployés au Niger", "est détenu depuis": a state, not an act
        if says_state and token.dep_ == "acl" and _is_bare_participle(token) and not _has_own_date(token):
            return False  # "les soldats français déployés au Niger", "les opposants détenus": a state
        if says_state and token.dep_ == "xcomp" and _is_bare_participle(token) and _is_copula(token.head):
            return False  # "le président reste détenu": a state
        if match.rule.lemmas[0] in word_class("asserting") and _says_that(token):
            return False  # "les autorités soutiennent (au contraire) que l'épave...": a claim, not support
        if _time_allowed_for(token):
            return False  # "disposaient de quarante-huit heures pour quitter le territoire": demanded, not done
        if lemma(token.head) in word_class("purpose_head") and token.dep_ in {"xcomp", "acl", "advcl", "obl:arg"}:
            return False  # "des documents destinés à renforcer leur coopération": an aim, not an act
        if _is_permitted(token):
            return False  # "le texte autorise le président à réquisitionner": allowed, not done
        if match.rule.lemmas[0] in word_class("accepting") and any(
            c.dep_ == "xcomp" and c.i in by_head and by_head[c.i].rule.lemmas[0] not in word_class("stepping_down") for c in token.children
        ):
            return False  # "a accepté de retirer ses troupes": the withdrawal is the event (stepping down is the concession)
        # "les groupes jihadistes qui frappent le pays": a present-tense relative clause says
        # what someone habitually does, not an event.
        relative = any(c.lower_ in RELATIVE_PRONOUNS for c in token.children)  # not a gerund the parser calls relcl
        habitual = (
            "Pres" in token.morph.get("Tense") or "Imp" in token.morph.get("Tense")  # "qui frappent", "qui réunissait"
            or (_is_finite_past(token) and token.lower_.endswith("it"))  # "qui réunit": present and past historic alike
        )
        if (
            token.dep_ in {"acl:relcl", "advcl"} and relative and habitual and not any(c.dep_.startswith("aux") for c in token.children)
            and match.rule.event_type not in SPEECH_TYPES and not is_future_tense(token)
        ):
            return False  # an accusation or demand told in the present ("qui reproche au Tchad de") is still one
        # "a ordonné aux troupes de se retirer": what is demanded or threatened is the REQUEST's
        # content, not a second event.
        governor = by_head.get(token.head.i)
        purpose = (
            token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "pour" for c in token.children)
            and governor is not None and governor.rule.event_type in {"REQUEST", "THREATEN"}
        )  # "a donné 72 heures pour quitter le pays": an ultimatum's content
        if (token.dep_ in {"xcomp", "ccomp", "obj"} or purpose) and governor and _takes_content(governor, match):
            return False
        asked = _asker_of_infinitive(token, by_head)
        if asked is not None and _takes_content(asked, match):
            return False
        return True
    if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children):
        return False
    if any(c.dep_ == "case" and c.lower_ in BOUNDARY_CASES for c in token.children) and not _has_own_date(token):
        return False  # "avant le départ des dernières troupes": a time boundary of another act ("avant le coup d'État du 26 juillet 2023" tells when it happened)
    if any(c.dep_ in {"case", "advmod"} and c.lower_ in SOURCE_CASES for c in token.children):
        return False
    if lemma(token.head) in word_class("close_to"):
        return False  # "une source proche de la médiation": who speaks, not a mediation
    if lemma(token.head) in word_class("remembering") and token.dep_ in {"obj", "nmod", "obl:mod", "obl"}:
        return False  # "a commémoré le massacre de Thiaroye": remembered, it happened long before
    if lemma(token.head) in word_class("day_around") and token.dep_ == "nmod":
        return False  # "le lendemain de l'attaque": the day is counted from an act told before
    if (lemma(token.head) in word_class("background") and token.dep_ == "nmod") or _in_the_midst_of(token):
        return False  # "dans un contexte de rupture avec Paris", "en pleine rupture": the setting, told elsewhere
    if (
        token.dep_ == "nsubj" and token.head.pos_ == "ADJ" and any(c.dep_ == "cop" for c in token.head.children)
        and any(c.dep_ == "det" and c.lower_ in POSSESSIVES | DEMONSTRATIVES for c in token.children)
        and not _has_own_date(token.head)
    ):
        return False  # "leur départ était irréversible": what an act told elsewhere is, not an act
    if lemma(token.head) == "agir" and any(c.lower_ in {"s'", "s’", "se"} for c in token.head.children):
        return False  # "il s'agit de l'attaque la plus meurtrière": says what an act was, told elsewhere
    t = token
    for _ in range(2):
        about = t.dep_ in {"obl", "obl:mod"} and any(c.dep_ == "case" and c.lower_ in {"sur", "concernant", "à", "au", "aux"} for c in t.children)
        # "le départ des Casques bleus avait été exigé": a passive subject is what is done to it
        if (t.dep_ not in {"obj", "nmod", "obl:arg", "xcomp", "nsubj:pass"} and not about) or t.head.i == t.i:
            break
        t = t.head
        if t.i in by_head and _takes_content(by_head[t.i], match) and not _ordered_act(by_head[t.i], match):
            return False
    return True


# Acts an authority does by ordering them: "a ordonné la suspension de RFI" is the suspension,
# by the one ordering (article.py folds the order into the act).
ORDERED_ACT_TYPES = {"COERCE", "SANCTION", "MOBILIZE", "AID"}


def _ordered_act(governor: TriggerMatch, content: TriggerMatch) -> bool:
    """The content is an act of one of ORDERED_ACT_TYPES told as a noun, under a verb of ordering."""
    return (
        governor.rule.event_type == "REQUEST" and governor.rule.pos == "VERB" and lemma(governor.head) in word_class("ordering")
        and content.rule.pos == "NOUN" and content.rule.event_type in ORDERED_ACT_TYPES
    )


CLOSING_QUOTES = {"»", "\"", "”"}


def _is_quote_tag(verb: Token) -> bool:
    """A verb that tags a quotation, its subject after it: "« ... », a lancé M. Lavrov"."""
    k = verb.i - 1
    doc = verb.doc
    while k >= 0 and doc[k].dep_.startswith("aux"):
        k -= 1  # "a", "avait"
    if k < 1 or doc[k].text != "," or doc[k - 1].text not in CLOSING_QUOTES:
        return False
    return not any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children)


def _is_permitted(verb: Token) -> bool:
    """An infinitive that a verb of permission allows ("autorise le président à réquisitionner"),
    also when the parser hangs it on the one allowed."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return False
    permitting = word_class("permitting")
    if verb.dep_ in {"xcomp", "advcl", "obl:arg", "ccomp"}:
        giver = verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ in {"obj", "iobj", "obl:arg"}:
        giver = verb.head.head
    else:
        return False
    if lemma(giver) not in permitting or any(c.dep_ == "aux:pass" for c in giver.children):
        return False  # the passive ("a été autorisé à quitter le pays") tells what the one allowed did
    return "Fin" in giver.morph.get("VerbForm") or any(c.dep_ == "aux:tense" for c in giver.children)


def _time_allowed_for(verb: Token) -> bool:
    """An infinitive after "pour" that a span of time is given for ("trois jours pour quitter
    le pays"), whether the parser hangs it on the time noun or on the verb beside it."""
    if not any(c.dep_ == "mark" and c.lower_ == "pour" for c in verb.children):
        return False
    allowed = word_class("time_allowed")
    if lemma(verb.head) in allowed:
        return True
    return verb.dep_ == "advcl" and any(
        c.dep_ in {"obj", "obl", "obl:arg"} and c.i < verb.i and lemma(c) in allowed for c in verb.head.children
    )


def _says_that(verb: Token) -> bool:
    """A "que" clause follows the verb within three words ("soutient au contraire que"), not a
    relative on its object ("soutient la junte que...")."""
    doc = verb.doc
    for k in range(verb.i + 1, min(len(doc), verb.i + 4)):
        if doc[k].lower_ in {"que", "qu'", "qu’"}:
            before = doc[k - 1]
            return not (before.dep_ == "obj" and before.head.i == verb.i)
        if doc[k].is_punct:
            return False
    return False


# A measure in force ("RFI est suspendue depuis décembre 2022") was taken when it started.
STARTED_STATE_TYPES = {"COERCE", "SANCTION"}


def _started_on(token: Token) -> bool:
    """A "depuis" date of month or day precision on the verb: the day or month the state began."""
    return any(
        any(m.names_a_month for m in _phrase_dates(c))
        for c in token.children
        if any(g.dep_ == "case" and g.lower_ == "depuis" for g in c.children)
    )


def _has_own_date(token: Token) -> bool:
    """A date in the participle's phrase, other than the start of a state ("depuis 2014"):
    "déployé dans le pays à la mi-janvier" tells when it happened."""
    return any(not m.text.lower().startswith("depuis") for m in _phrase_dates(token))


def _phrase_dates(token: Token) -> list[DateMention]:
    """The date expressions in the phrase the token heads."""
    subtree = list(token.subtree)
    return find_dates(doc_text(token.doc)[subtree[0].idx : subtree[-1].idx + len(subtree[-1])])


def _asker_of_infinitive(token: Token, by_head: dict[int, TriggerMatch]) -> TriggerMatch | None:
    """The trigger an infinitive ("à lever", "de rouvrir") completes when the parser hangs it
    elsewhere: on the asker's object ("a appelé les autorités à lever": under "autorités"), or
    after a noun trigger it follows ("le refus de Niamey de rouvrir la frontière")."""
    if "Inf" not in token.morph.get("VerbForm"):
        return None
    if token.dep_ == "conj" and "Inf" in token.head.morph.get("VerbForm"):
        # "à abroger le décret et à libérer les détenus": the second asks what the first does
        return by_head.get(token.head.head.i) if token.head.dep_ in {"xcomp", "ccomp"} else _asker_of_infinitive(token.head, by_head)
    mark = next((c for c in token.children if c.dep_ == "mark" and c.i < token.i and c.lower_ in {"à", "de", "d'", "d’"}), None)
    if mark is None:
        return None
    if token.dep_ == "acl" and token.head.dep_ == "obj" and token.head.head.i in by_head:
        return by_head[token.head.head.i]  # "appeler X à", "sommer X de", "exhorter X à"
    doc = token.doc
    for k in range(mark.i - 1, max(0, mark.i - 5) - 1, -1):
        if doc[k + 1].is_sent_start or doc[k].pos_ in {"VERB", "AUX"}:
            return None
        if k in by_head and by_head[k].rule.pos == "NOUN":
            return by_head[k]
    return None


def _takes_content(governor: TriggerMatch, content: TriggerMatch) -> bool:
    """Whether an act named under `governor` is only what the governor is about: what is
    demanded, threatened, negotiated or agreed upon. Reactions (condemning a coup, welcoming an
    agreement) leave the act they react to an event of its own."""
    kind = governor.rule.event_type
    if kind == "AGREE":
        return content.rule.event_type in AGREE_CONTENT  # otherwise the promise gives way to its act
    if kind == "REJECT":
        return content.rule.pos == "VERB"  # "refuse de rouvrir la frontière": what is refused is not done
    if kind == "ACCUSE":
        # "accusé de soutenir les terroristes": what is alleged is the accusation's content; alleged
        # violence ("accusant l'armée d'avoir exécuté 223 civils") is still reported as violence
        return content.rule.pos == "VERB" and content.rule.event_type != "ASSAULT"
    if kind == "SANCTION":
        # "a dénoncé les accords conclus avec l'UE", "a rompu la coopération": what is ended
        return content.rule.event_type in ENDED_CONTENT
    if kind == "CONCEDE":
        # "a levé les sanctions imposées au Niger", "la levée du blocus": what is lifted was
        # imposed before; lifting it is the event
        return content.rule.pos == "NOUN" and content.rule.event_type in {"SANCTION", "COERCE"}
    return kind in CONTENT_TAKERS or (kind == "SUPPORT" and governor.rule.pos == "NOUN")


# --- negation and modality -----------------------------------------------------------------


def clause_verb(token: Token) -> Token:
    """The verb whose clause holds the token (a noun trigger's governing verb)."""
    t = token
    for _ in range(6):
        if t.pos_ in {"VERB", "AUX"} or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


NEGATIVE_PRONOUNS = {"personne", "rien"}


def is_negated(match: TriggerMatch) -> bool:
    """'n'avaient pas abouti à un accord', 'aucun accord': not an event. A row that requires a
    negation ("n'exclut pas une intervention") reads it as part of the act."""
    if match.rule.requires & NEGATION_WORDS:
        return False
    token = match.head
    cues = modality_cues()
    verb = clause_verb(token)
    # A negated verb negates itself and its object ("n'a pas signé l'accord"), not its subject
    # ("les discussions n'avaient pas abouti": the discussions took place).
    # A passive subject is what the verb is done to: "si un accord n'était pas trouvé" (no accord).
    scopes = [token] if token.dep_ == "nsubj" and verb is not token else [token, verb]
    if verb in scopes and verb.dep_ == "xcomp" and lemma(verb.head) in word_class("enabling"):
        scopes.append(verb.head)  # "n'ont pas permis d'aboutir à un accord": no accord
    for t in scopes:
        has_ne = any(c.lower_ in {"ne", "n'", "n’"} for c in t.children)
        for child in t.children:
            if child.dep_ == "advmod" and cues.get(child.lower_) == "negation" and (has_ne or child.lower_ != "plus"):
                return True
            if has_ne and child.dep_ == "nsubj" and any(cues.get(g.lower_) == "negation" and g.i < child.i for g in child.children):
                return True  # "Jamais les jihadistes n'avaient frappé": the parser may hang "jamais" on the subject
        if has_ne and any(d.lower_ in NEGATIVE_PRONOUNS and not any(c.dep_ == "det" for c in d.children) for d in t.subtree):
            return True  # "il n'accepte de leçons de personne", "n'a rien signé"
    for child in token.children:
        if child.lower_ in {"aucun", "aucune", "nul", "nulle"}:
            return True
        if child.dep_ == "det" and child.lower_ in {"tout", "toute"} and match.rule.pos == "NOUN":
            return True  # "a exclu toute négociation": any such act, none in particular
        if child.dep_ == "case" and child.lower_ == "sans" and match.rule.pos == "NOUN":
            return True  # "une décision prise sans concertation"
    return False


CONDITION_MARKS = {"si", "s'", "s’"}


def is_hypothetical(match: TriggerMatch) -> bool:
    """An act in a condition ("remboursable s'ils quittent le territoire", "si la junte expulse
    l'ambassadeur") is supposed, not reported. "même si" concedes a fact, and stays."""
    verb = clause_verb(match.head)
    if verb.dep_ == "ROOT":
        return False  # the parser may hang a leading "Si" on the main verb
    for mark in verb.children:
        if mark.dep_ == "mark" and mark.lower_ in CONDITION_MARKS and mark.i < verb.i:
            before = mark.doc[mark.i - 1].lower_ if mark.i > 0 else ""
            return before not in {"même", "comme"}
    return False


def is_future_tense(token: Token) -> bool:
    if _is_future_or_conditional(token):
        return True
    auxes = [child for child in token.children if child.dep_.startswith("aux")]
    if any(a.dep_ == "aux:tense" and "Cnd" in a.morph.get("Mood") for a in auxes) and "Part" in token.morph.get("VerbForm"):
        # "une frappe aurait touché une cérémonie", "auraient été tués": the conditional perfect
        # reports an unconfirmed past act, not a future one ("serait remise", a passive, looks ahead)
        return False
    return any(_is_future_or_conditional(a) for a in auxes)


CONDITIONAL_ENDINGS = ("ait", "aient", "ais")


def _is_future_or_conditional(token: Token) -> bool:
    """Future or conditional by the tagger, or a conditional it calls an imperfect: the
    conditional is the infinitive plus the imperfect ending ("révoquer" -> "révoquerait",
    "prendre" -> "prendrait"), the imperfect is not ("révoquait", "déclaraient")."""
    if "Fut" in token.morph.get("Tense") or "Cnd" in token.morph.get("Mood"):
        return True
    if "Imp" not in token.morph.get("Tense"):
        return False
    stem = lemma(token)
    stems = (stem, stem[:-1]) if stem.endswith("re") else (stem,)
    return stem.endswith(("er", "ir", "re")) and any(token.lower_ == s + e for s in stems for e in CONDITIONAL_ENDINGS)


def is_perfect(verb: Token) -> bool:
    """A completed past: passé composé or plus-que-parfait ("a dû", "avait dû"). The model tags
    the passé simple ("dut") as a present, so it is not recognised."""
    return any(c.dep_ == "aux:tense" for c in verb.children) and "Part" in verb.morph.get("VerbForm")


def is_perfect_infinitive(verb: Token) -> bool:
    """"avoir tué", "avoir été tués": an act told as done before the clause that tells it."""
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") and lemma(c) in {"avoir", "être"} for c in verb.children)


def modality_of(match: TriggerMatch, deadline: bool, date_in_future: bool) -> str:
    """planned: a future or conditional verb, a governing verb of intent, a deadline, 'prévu'."""
    if deadline or date_in_future:
        return "planned"
    cues = modality_cues()
    token = match.head
    # "a décidé de ne pas renouveler le mandat": an act of not doing is done when decided
    negative_act = bool(match.rule.requires & NEGATION_WORDS)
    if is_perfect_infinitive(token):
        return "occurred"  # "pourraient avoir été tués", "affirme avoir neutralisé": a perfect infinitive tells a past act
    chain = [token]
    t = token
    for _ in range(4):
        if t.head.i == t.i:
            break
        if t.i == token.i and match.rule.pos == "VERB" and (is_detached_participle(t) or _is_comma_participle_on_infinitive(t)):
            # ", dénonçant ...": done when its clause's verb is, whatever that verb intends
            return "planned" if is_future_tense(participle_clause(t)) else "occurred"
        if t.i == token.i and match.rule.pos == "VERB" and t.dep_ in {"acl", "advcl"} and _is_bare_past_participle(t):
            # "l'accord signé le 19 mai prévoit...", "Déployée en 2013, la mission comptait...": a
            # past participle on a noun or set before the clause tells a done act
            break
        if t.dep_ in {"xcomp", "obj", "nsubj", "nsubj:pass", "ccomp", "acl", "advcl", "obl", "obl:arg", "nmod"}:
            t = t.head
            chain.append(t)
        else:
            break
    for t in chain:
        if is_future_tense(t):
            return "planned"
        cue = cues.get(lemma(t))
        if cue == "planned_reflexive" and any(c.lower_ in REFLEXIVES for c in t.children):
            cue = "planned"  # "se sont engagés à retirer", not "a engagé des procédures"
        if t is not token and cue in PLANNED_CUES and not negative_act:
            if lemma(t) in OBLIGATION_MODALS and is_perfect(t):
                return "occurred"  # "la France a dû retirer ses soldats": the obligation was met
            return "planned"
    for child in token.children:
        # "le retrait prévu", not "un accord prévoyant le retrait" (what the accord provides for)
        if cues.get(lemma(child)) in PLANNED_CUES and child.dep_ in {"amod", "acl", "advmod"} and not any(c.dep_ == "obj" for c in child.children):
            return "planned"
    return "occurred"


# --- participants ----------------------------------------------------------------------------


@cache
def _office_heads() -> frozenset[str]:
    """Head words of titles ("ministre", "président", "porte-parole"): an office holder."""
    return frozenset(r["title"].split()[0].lower() for r in read_lexicon("person_titles.csv")) | {"chef", "homologue"}


def _office_holder_state(token: Token) -> Mention | None:
    """"le ministre nigérien", "le président russe": an unnamed office holder acts for the
    state of the demonym. Not a mention of its own (the contract), but who acts in an event."""
    if token.lower_ not in _office_heads():
        return None
    g = gazetteer()
    for c in token.children:
        if c.dep_ == "amod" and c.lower_ in g.demonyms:
            state = g.state_of(g.demonyms[c.lower_])
            if state is not None:
                return Mention(token.i, token.i + 1, state, "office")
    return None


def mention_in(token: Token, by_token: dict[int, Mention], depth: int = 3, prefer_person: bool = False) -> Mention | None:
    """The actor mention at a token or, failing that, the nearest one in its subtree (a person
    first, for a subject: the one the title names), or the state an unnamed office holder
    there acts for."""
    if token.i in by_token:
        return by_token[token.i]
    if prefer_person and (person := _appositive_person(token, by_token)) is not None:
        return person
    found = _nearest_mention(token, by_token, depth, prefer_person)
    return found if found is not None else _office_holder_state(token)


def _appositive_person(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The person a title names in apposition, however deep: "le porte-parole du gouvernement,
    le colonel Abdoulaye Maïga" is the colonel, not the government of the complement."""
    frontier = [c for c in token.children if c.dep_ == "appos"]
    for _ in range(3):
        for c in frontier:
            m = by_token.get(c.i)
            if m is not None and m.actor.actor_type == "person":
                return m
        frontier = [c for t in frontier for c in t.children if c.dep_ in {"appos", "flat:name"}]
    return None


def _nearest_mention(token: Token, by_token: dict[int, Mention], depth: int, prefer_person: bool = False) -> Mention | None:
    frontier = [token]
    for _ in range(depth):
        nxt = []
        level: list[Mention] = []
        for t in frontier:
            for c in t.children:
                if c.i in by_token:
                    level.append(by_token[c.i])
                elif c.dep_ not in {"acl:relcl", "advcl", "ccomp", "parataxis", "conj"}:
                    nxt.append(c)
        if level:
            # "le président de la Commission de l'organisation, Omar Alieu Touray": the person
            # the title names, not the body in its complement
            return next((m for m in level if prefer_person and m.actor.actor_type == "person"), level[0])
        frontier = nxt
    return None


def _case(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ in {"case", "mark"}:
            return c.lower_
    return None


def _subject_set_off_after(subject: Token, verb: Token) -> Token | None:
    """A second subject of the verb set off by commas right after the first: an apposition the
    parser took for a subject of its own ("Le ministre de la Défense, le général X, doit")."""
    doc = verb.doc
    comma = subject.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    return next(
        (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != subject.i and c.left_edge.i == comma + 1),
        None,
    )


def _subject_of(verb: Token, by_token: dict[int, Mention]) -> Mention | None:
    """Who does what the verb says: its subject, a relative's antecedent, a passive's agent,
    or, for the second verb of "X a demandé ... et s'est rapproché", the first verb's subject."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and (c.dep_ != "nsubj:pass" or not is_passive(verb)):
            if c.lower_ in {"qui", "lequel", "laquelle", "dont"} and verb.dep_.startswith("acl"):
                return mention_in(verb.head, by_token)
            if c.lower_ == "qui" and "Rel" in c.morph.get("PronType"):
                # "..., la CEDEAO, qui reproche": a relative the parser did not hang on its
                # antecedent; the antecedent is the actor just before it
                k = c.i - 1
                while k >= 0 and verb.doc[k].is_punct:
                    k -= 1
                if k >= 0 and k in by_token:
                    return by_token[k]
            apposed = _subject_set_off_after(c, verb)
            if apposed is not None and (p := mention_in(apposed, by_token, prefer_person=True)) and p.actor.actor_type == "person":
                return p  # "le ministre nigérien de la Défense, le général Salifou Mody, doit": the general
            m = mention_in(c, by_token, prefer_person=True)
            if m:
                return m
            owner = _dont_antecedent(c, by_token)
            if owner:
                return owner
    for c in verb.children:
        if c.dep_ in AGENT_DEPS:
            m = mention_in(c, by_token)
            if m:
                return m
    if is_passive(verb) or _is_bare_past_participle(verb):
        # "ont été interpellés sur le site par la police": the parser hangs the agent on a noun
        # (a bare participle is passive too: "Adoptée le 29 septembre par l'Assemblée nationale")
        for c in verb.children:
            if c.dep_ in {"obl", "obl:mod", "obl:arg"} and _case(c) == "par" and (m := mention_in(c, by_token, depth=2)) is not None:
                return m  # "avait été enlevé à Gao par des combattants du JNIM", labelled a modifier
            if c.dep_ in {"obl", "obl:mod", "obl:arg"}:
                for g in c.children:
                    if g.dep_ == "nmod" and _case(g) == "par" and g.i in by_token:
                        return by_token[g.i]
    if verb.dep_ == "conj" and verb.head.i != verb.i and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        perfect = _perfect_sharing_auxiliary(verb)
        first = perfect if perfect is not None else verb.head
        if not _is_verbal(first) and "Fin" in verb.morph.get("VerbForm"):
            # "invoque l'inapplicabilité du texte et reproche à Alger": the parser hung the
            # second verb on the first one's object
            first = clause_verb(first)
        return _subject_of(first, by_token) if first.i != verb.i else None
    if is_detached_participle(verb):
        # ", mettant fin à": the parser hangs it on the nearest noun; it is the clause's
        return _subject_of(participle_clause(verb), by_token)
    if _is_subjectless_form(verb) and verb.dep_ in {"advcl", "xcomp"} and verb.head.i != verb.i:
        # "Alger a répliqué en fermant...": the gerund's doer is its clause's subject; an
        # infinitive complement is done by the governor's object if it has one ("accuse X
        # d'avoir exécuté", "ordonne aux troupes de partir"), else by its subject.
        if verb.dep_ == "xcomp":
            controller = _object_before(verb, by_token)
            if controller is not None:
                return controller
        return _subject_of(verb.head, by_token)
    return None


def _has_auxiliary(verb: Token) -> bool:
    return any(c.dep_.startswith("aux") for c in verb.children)


def _perfect_sharing_auxiliary(participle: Token) -> Token | None:
    """The perfect whose auxiliary a bare coordinated past participle shares, when the parser
    hung the participle on a word inside that perfect's clause: in "RSF a dénoncé une « dérive »
    et appelé les autorités à…" or "Bamako a rejeté ces accusations, assurant que ses forces…,
    et appelé à une enquête", "appelé" is a second perfect of the subject of "a"."""
    if not _is_bare_past_participle(participle):
        return None
    if participle.head.pos_ in {"VERB", "AUX"} and _has_auxiliary(participle.head):
        return None  # hung on the right perfect already
    t = participle.head
    for _ in range(6):
        if t.pos_ == "VERB" and _has_auxiliary(t) and "Part" in t.morph.get("VerbForm") and t.i < participle.i:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _owner_and_target(noun: Token, by_token: dict[int, Mention]) -> tuple[Mention | None, Mention | None]:
    """A noun's "de" owner and "contre"/"à" target: "les sanctions de la CEDEAO contre le Niger"."""
    owner = target = None
    for c in noun.children:
        m = by_token.get(c.i)
        if m is None or c.dep_ != "nmod":
            continue
        case = _case(c)
        if case in {"de", "du", "des", "d'"} and owner is None:
            owner = m
        elif case in {"contre", "à", "au", "aux", "envers"} and target is None:
            target = m
    return (owner, target) if owner is not None and target is not None else (None, None)


def _handed_over(verb: Token, thing: Token, by_token: dict[int, Mention]) -> tuple[Mention | None, Mention | None]:
    """A thing handed over in the passive with no agent: its owner ("le camp de Gao, le plus
    important de la Minusma") hands it to the verb's "à" complement ("aux autorités maliennes")."""
    owner = next(
        (by_token[t.i] for t in thing.subtree if t.i in by_token and t.dep_ == "nmod" and _case(t) in COMPLEMENT_WORDS),
        None,
    )
    receiver = next(
        (m for c in verb.children if c.dep_ in {"obl", "obl:arg", "obl:mod", "iobj"} and _case(c) in {"à", "au", "aux"} and (m := mention_in(c, by_token))),
        None,
    )
    if owner is None or receiver is None or owner.actor.actor_id == receiver.actor.actor_id:
        return None, None
    return owner, receiver


def _dont_antecedent(subject: Token, by_token: dict[int, Mention]) -> Mention | None:
    """"la Russie, dont des instructeurs sont arrivés": a subject owned through "dont" acts for
    the actor just before "dont" (its antecedent)."""
    for c in subject.children:
        if c.lower_ == "dont" and c.dep_ == "nmod":
            k = c.i - 1
            while k >= 0 and subject.doc[k].is_punct:
                k -= 1
            return by_token.get(k) if k >= 0 else None
    return None


def is_detached_participle(verb: Token) -> bool:
    """A present participle set off by a comma ("..., mettant fin à sa présence") that the
    parser attached to a noun: it says something of the clause, like a gerund."""
    return (
        # "amod": the parser may take it for an adjective ("la libération du président, menaçant de sanctions")
        verb.dep_ in {"acl", "amod"} and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
        and verb.i > 0 and verb.doc[verb.i - 1].text == ","
    )


def _is_comma_participle_on_infinitive(verb: Token) -> bool:
    """", dénonçant l'absence de coordination" hung on an infinitive complement ("a menacé de
    retirer le Tchad de la force"): it goes with the clause the infinitive completes."""
    return (
        verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
        and verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.head.dep_ == "xcomp" and "Inf" in verb.head.morph.get("VerbForm")
    )


def participle_clause(verb: Token) -> Token:
    """The clause a detached participle says something of: its noun's clause, or the clause
    that clause completes ("a menacé de retirer le Tchad de la force, dénonçant l'absence de
    coordination": the threat's, not the withdrawal's)."""
    t = clause_verb(verb.head)
    for _ in range(3):
        if t.dep_ != "xcomp" or "Inf" not in t.morph.get("VerbForm") or t.head.i == t.i:
            break
        t = clause_verb(t.head)
    return t


def speaker_clause(verb: Token) -> Token | None:
    """The verb of saying a detached present participle of speech belongs to, when the parser
    hangs it inside the reported clause: "le ministre a assuré que l'armée avait repoussé
    l'assaut, dénonçant des rumeurs": the minister denounces."""
    if verb.dep_ not in {"advcl", "acl"} or "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense"):
        return None
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    t = verb.head
    for _ in range(4):
        if t.dep_ not in {"conj", "ccomp", "xcomp"} or t.head.i == t.i:
            return None
        if t.dep_ == "ccomp" and modality_cues().get(lemma(t.head)) == "speech":
            return t.head
        if t.dep_ == "xcomp" and lemma(t.head) in _accusing_lemmas():
            return t.head  # "a accusé Washington d'avoir menacé le Niger, reprochant aux Américains de..."
        t = t.head
    return None


@cache
def _accusing_lemmas() -> frozenset[str]:
    """Verbs of accusing: what they allege is an infinitive clause ("accuse X d'avoir menacé")."""
    return frozenset(r.lemmas[0] for r in trigger_rules() if r.pos == "VERB" and r.event_type == "ACCUSE" and len(r.lemmas) == 1)


# Kinds of act whose present passive describes a standing situation ("sont déployés", "sont stationnés").
STATE_PASSIVE_TYPES = {"MOBILIZE"}


def _is_stative_passive(verb: Token) -> bool:
    """"sont déployés", "étaient déployés": "être" in the present or the imperfect with a
    participle says a state then, not an act."""
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    tense = auxes[0].morph.get("Tense") if len(auxes) == 1 else []
    return len(auxes) == 1 and auxes[0].lemma_ == "être" and ("Pres" in tense or "Imp" in tense) and "Part" in verb.morph.get("VerbForm")


REFLEXIVE_CLITICS = {"se", "s'", "s’"}


def is_passive(verb: Token) -> bool:
    """Whether a verb with a passive subject is really passive: the parser sometimes labels
    the subject of an active perfect ("le colonel a accepté") nsubj:pass; a passive has "être"."""
    if any(c.dep_ in {"expl:comp", "obj", "iobj"} and c.lower_ in REFLEXIVE_CLITICS for c in verb.children):
        return False  # "Bamako s'est retiré": a pronominal verb takes "être" in the perfect
    return any(c.dep_ == "aux:pass" or (c.dep_.startswith("aux") and c.lemma_ == "être") for c in verb.children)


def _object_before(verb: Token, by_token: dict[int, Mention]) -> Mention | None:
    """An actor the governing verb has as object, written before the complement `verb`."""
    for c in verb.head.children:
        if c.dep_ in {"iobj", "obl:arg", "obj", "obl"} and c.i in by_token and c.i < verb.i:
            return by_token[c.i]
    return None
    return None


def _is_subjectless_form(verb: Token) -> bool:
    """An infinitive, participle or gerund with no subject of its own."""
    forms = verb.morph.get("VerbForm")
    return ("Inf" in forms or "Part" in forms or "Ger" in forms) and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _counterpart(token: Token, by_token: dict[int, Mention], exclude: Mention | None) -> Mention | None:
    """A mention introduced by "avec", "contre", "entre", "à"... within the trigger's phrase
    ("la fin de son accord militaire avec les États-Unis")."""
    frontier = [token]
    for _ in range(3):
        nxt = []
        for t in frontier:
            for c in sorted(t.children, key=lambda c: c.i):
                if c.dep_ in CLAUSE_DEPS or c.dep_ in SUBJECT_DEPS:
                    continue
                m = by_token.get(c.i) or mention_in(c, by_token, depth=1)
                if m and _case(c) in COUNTERPART_MARKERS and (exclude is None or m.actor.actor_id != exclude.actor.actor_id):
                    return m
                nxt.append(c)
        frontier = nxt
    return None


def _verbal_participants(token: Token, by_token: dict[int, Mention]) -> tuple[Mention | None, Mention | None]:
    actor1 = _subject_of(token, by_token)
    actor2 = None
    passive = is_passive(token)
    for c in token.children:
        if c.dep_ == "nsubj:pass" and passive:
            owner, target = _owner_and_target(c, by_token)
            if owner is None and actor1 is None and lemma(token) in word_class("handing_over"):
                owner, target = _handed_over(token, c, by_token)
            if owner is not None and actor1 is None:
                # "les sanctions de la CEDEAO contre le Niger ont été levées": the owner acts
                actor1, actor2 = owner, target
            else:
                actor2 = mention_in(c, by_token)
    # Controlled infinitive or participle: "ordonné aux troupes de se retirer", "quittant la CEDEAO".
    if actor1 is None and token.dep_ in {"xcomp", "advcl", "acl", "ccomp", "obl", "obl:arg", "obj"}:
        governor = token.head
        controller = _object_before(token, by_token) if token.dep_ == "xcomp" else None
        actor1 = controller or _subject_of(governor, by_token)
        if actor1 is None and governor.dep_ in {"xcomp", "ccomp", "advcl"}:
            actor1 = _subject_of(governor.head, by_token)
        if actor1 is None and token.dep_ == "acl" and governor.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in POSSESSIVES for c in governor.children
        ):
            # "le Burkina a annoncé sa décision de quitter l'OIF": "sa" is the subject's
            actor1 = _subject_of(clause_verb(governor), by_token)
        if actor1 is None and token.dep_ == "acl" and lemma(governor) in word_class("document"):
            # "HRW a publié un rapport accusant l'armée": who wrote it accuses ("le rapport de HRW
            # accusant", or the subject of the verb that tells of the document)
            author = next((mention_in(c, by_token) for c in governor.children if c.dep_ == "nmod" and _case(c) in {"de", "du", "d'", "d’"}), None)
            actor1 = author or _subject_of(clause_verb(governor), by_token)
    antecedent = relative_object(token)
    if actor2 is None and antecedent is not None:
        actor2 = mention_in(antecedent, by_token, depth=0)
    if actor2 is None:
        for c in sorted(token.children, key=lambda c: c.i):
            if c.dep_ in OBJECT_DEPS and not (passive and c.dep_ == "obl:agent"):
                case = _case(c)
                if c.dep_ in {"obl", "obl:mod", "nmod"} and case is not None and case not in COUNTERPART_CASES:
                    continue  # "à Niamey", "en juin": a place or a time, not a counterpart
                m = mention_in(c, by_token)
                if m and (actor1 is None or m.actor.actor_id != actor1.actor.actor_id):
                    actor2 = m
                    break
    if actor2 is None and actor1 is not None and not passive:
        actor2 = _object_after_aside(token, by_token, actor1)
    return actor1, actor2


def _object_after_aside(verb: Token, by_token: dict[int, Mention], actor1: Mention) -> Mention | None:
    """The object told after an aside set off by commas ("a renversé, le 26 juillet 2023, le
    président X"), which the parser often hangs on the aside. Only with the subject found, so an
    inverted subject ("», a dénoncé, lundi, le ministre") is not taken for the object."""
    if any(c.dep_ == "obj" for c in verb.children):
        return None
    aside = _aside_length(verb.sent, verb)
    if not aside:
        return None
    doc = verb.doc
    for k in range(verb.i + aside + 1, min(verb.sent.end, verb.i + aside + 7)):
        if doc[k].text in CLAUSE_PUNCTUATION or doc[k].pos_ in {"VERB", "AUX", "ADP", "SCONJ", "CCONJ"}:
            return None
        m = by_token.get(k)
        if m is not None:
            return m if m.actor.actor_id != actor1.actor.actor_id else None
    return None


def _stray_between(noun: Token) -> Token | None:
    """The phrase "entre A et B" right after the noun when the parser hung it elsewhere ("le
    nouvel accord entre le ministère nigérien … et le département américain …, conclu …,
    garantit" parsed with the ministry as subject of "garantit"): it is still the noun's."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is None or after.lower_ != "entre" or after.dep_ != "case" or after.head.head.i == noun.i:
        return None
    return after.head if after.head.i > noun.i else None


def _nominal_participants(
    match: TriggerMatch, by_token: dict[int, Mention], other_types: dict[int, str] | None = None,
) -> tuple[Mention | None, Mention | None]:
    """`other_types`: the event type of each other trigger of the sentence, by head token, for
    the triggers of another type than this one."""
    other_types = other_types or {}
    token = match.head
    actor1 = actor2 = None
    de_mentions: list[Mention] = []
    stray = _stray_between(token)
    for c in [*sorted(token.children, key=lambda c: c.i), *([stray] if stray is not None else [])]:
        case = _case(c)
        dep = "nmod" if c is stray else c.dep_
        if dep == "acl":
            # "les accusations portées par l'armée", "l'attaque menée par le JNIM": the agent acts;
            # "les sanctions imposées par la CEDEAO": a verb that is no act of its own says who
            # did this one; not "un retrait exigé par X", "l'attaque condamnée par X": X demands or reacts
            # (the parser may hang "par X" on a date inside the participle's phrase)
            agent = next((a for a in c.subtree if a.dep_ in AGENT_DEPS or (a.head.i != c.head.i and _case(a) == "par")), None)
            if (lemma(c) in modality_cues() or c.i in other_types) and lemma(c) not in word_class("claim"):
                agent = None  # (but "l'attaque, revendiquée par l'EI": who claims an attack made it)
            if agent is not None and (m := mention_in(agent, by_token, depth=1)) is not None:
                actor1 = actor1 or m
        elif dep in {"nmod", "amod", "obl", "nmod:poss"}:
            m = mention_in(c, by_token, depth=2)
            if m is None:
                continue
            if case == "entre" and match.rule.lemmas[0] in word_class("third_party"):
                actor2 = actor2 or m  # "sa médiation entre Niamey et Cotonou": the parties are the other side
                continue
            if case == "entre":
                actor1 = actor1 or m
                for conj in c.children:
                    if conj.dep_ == "conj" and actor2 is None:
                        actor2 = mention_in(conj, by_token, depth=1)
                continue
            if case in {"avec", "contre", "à", "au", "aux", "envers", "vers", "en", "dans"}:
                actor2 = actor2 or m  # "le rappel de leurs ambassadeurs en Algérie": where it happens is the other side
                continue
            if case == "par":
                actor1 = m
                continue
            if _case(token.doc[m.start : m.end].root) in {"avec", "contre", "entre"}:
                actor2 = actor2 or m  # "la fermeture de la frontière avec le Bénin": the other side
                continue
            if (
                match.rule.event_type == "ASSAULT" and c.i not in by_token and lemma(c) in word_class("attack_target")
                and (case in {"du", "des"} or any(d.dep_ == "det" for d in c.children))
            ):
                # "l'attaque d'un poste de l'armée": what is attacked is the army's, not the
                # attacker (but "une frappe de drone" names the weapon, with no article)
                actor2 = actor2 or m
                continue
            if c.i not in by_token and any(d.dep_ == "det" and d.lower_ in POSSESSIVES for d in c.children):
                # "le retrait de leurs forces du Niger": "leurs" is who acts; the place is the other side
                actor2 = actor2 or m
                continue
            de_mentions.append(m)
        elif c.dep_ == "det" and c.i in by_token:
            de_mentions.append(by_token[c.i])
    if len(de_mentions) == 1 and match.rule.event_type == "SANCTION" and de_mentions[0].actor.actor_type in {"organization", "coalition"}:
        # "leur retrait de la CEDEAO": the organisation left is the counterpart (leaving one is a
        # SANCTION; in a RETREAT, "le départ de la Minusma", the organisation is who leaves).
        actor2 = actor2 or de_mentions.pop()
    possessed = any(c.dep_ == "det" and c.lower_ in POSSESSIVES for c in token.children)
    if de_mentions and match.rule.de_role != "none":  # none: "la fin de l'accord" names what ends
        if match.rule.de_role == "actor2" or possessed:
            # "son départ du Mali": the possessive is who acts, the "de" complement what is left
            actor2 = actor2 or de_mentions[0]
        else:
            actor1 = actor1 or de_mentions[0]
            if len(de_mentions) > 1 and actor2 is None:
                actor2 = de_mentions[1]
    if actor1 is None:
        # "X a annoncé le retrait", "le retrait ... ont confirmé X": the governing verb's subject;
        # possessives ("son accord", "leur retrait") point the same way. Not when that verb
        # reacts to or demands the act ("X a condamné l'attaque": X did not attack) or the noun only
        # places it in time ("X a retiré ses soldats après des coups d'État").
        verb = clause_verb(token)
        if verb is token or other_types.get(verb.i) in ABOUT_OTHERS_TYPES or _case(token) in TIME_CASES | TOPIC_CASES:
            pass
        elif token.dep_ in {"obj", "obl", "obl:arg", "xcomp", "nmod", "obl:mod"}:
            actor1 = _subject_of(verb, by_token)
        elif token.dep_ == "nsubj:pass":
            # "l'attaque a été revendiquée par le JNIM": the agent
            actor1 = next((m for c in verb.children if c.dep_ in AGENT_DEPS and (m := mention_in(c, by_token))), None)
        elif token.dep_ == "nsubj" and lemma(verb) in word_class("opposing"):
            # "de violents combats ont opposé les rebelles à l'armée": the object, then the other side
            sides = [
                m for c in sorted(verb.children, key=lambda c: c.i)
                if c.dep_ in {"obj", "obl", "obl:arg", "obl:mod", "iobj"} and _case(c) in {None, "à", "au", "aux"}
                and (m := mention_in(c, by_token, depth=2)) is not None
            ]
            # the parser may hang "à l'armée" inside the object's phrase
            sides += [
                m for c in verb.subtree
                if c.dep_ == "nmod" and _case(c) in {"à", "au", "aux"} and (m := mention_in(c, by_token, depth=1)) is not None
            ]
            if sides:
                actor1 = sides[0]
                actor2 = actor2 or next((m for m in sides[1:] if m.actor.actor_id != actor1.actor.actor_id), None)
        if actor1 is None and _case(token) == "par" and _comes_to_power(verb):
            # "le colonel X, arrivé au pouvoir par un coup d'État": the means of coming to power
            # (the parser may call it an agent); not "a été renversé par un coup d'État", nor
            # "la brouille ouverte par le renversement"
            actor1 = _subject_of(verb, by_token) or _participle_bearer(verb, by_token)
    if actor1 is None and match.rule.lemmas in _seizure_lemmas():
        actor1 = _brought_to_power(token, by_token)
    return actor1, actor2


def _participle_bearer(verb: Token, by_token: dict[int, Mention]) -> Mention | None:
    """Who a bare participle says something of: the noun it hangs on ("le colonel X, arrivé
    au pouvoir par ..."), or the main subject when it opens the sentence ("Arrivé au pouvoir
    par ..., le colonel X a limogé")."""
    if not _is_bare_participle(verb):
        return None
    if verb.dep_ == "acl":
        return by_token.get(verb.head.i) or _appositive_person(verb.head, by_token)
    if verb.dep_ == "advcl" and verb.i < verb.head.i:
        return _subject_of(verb.head, by_token)
    return None


def _comes_to_power(verb: Token) -> bool:
    """"arrivé au pouvoir", "a pris le pouvoir", "s'est emparé du pouvoir"."""
    return not is_passive(verb) and any(lemma(c) == "pouvoir" and (c.dep_ == "obj" or _case(c) in {"au", "à", "du", "de"}) for c in verb.children)


@cache
def _seizure_lemmas() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.split()) for w in word_class("seizure_of_power"))


def _brought_to_power(coup: Token, by_token: dict[int, Mention]) -> Mention | None:
    """Who a coup brought to power, said in a relative on it: "le coup d'État qui avait porté le
    capitaine X au pouvoir" (the object of a verb of the class bringing_to_power)."""
    for rel in coup.children:
        if rel.dep_ == "acl:relcl" and lemma(rel) in word_class("bringing_to_power") and any(lemma(c) == "pouvoir" for c in rel.children):
            for c in rel.children:
                if c.dep_ == "obj" and (m := mention_in(c, by_token, depth=1, prefer_person=True)) is not None:
                    return m
    return None


# Triggers that end or close something: who ends it may be its owner (a withdrawal) or its host.
ENDING_LEMMAS = {("mettre", "fin"), ("mettre", "terme"), ("fin",), ("fermer",), ("fermeture",)}


TRAVEL_LEMMAS = {("quitter",), ("partir",), ("départ",)}
# An ambassador leaving the country of posting is a diplomatic withdrawal, not a journey.
POSTED_ABROAD = {"ambassadeur", "ambassadrice"}


# What a person leaves when made to go, not when travelling ("a quitté le pays", "le territoire").
LEFT_COUNTRY = {"pays", "territoire"}


def is_travel(match: TriggerMatch, by_token: dict[int, Mention]) -> bool:
    """"Le président a quitté Bamako pour Moscou", "le départ du ministre": a person leaving
    is a journey, not a withdrawal (an ambassador leaving a posting excepted). The mover is the
    verb's subject or the noun's "de" complement: an office holder ("le président") or a
    person named."""
    if match.rule.event_type != "RETREAT" or match.rule.lemmas not in TRAVEL_LEMMAS:
        return False
    token = match.head
    if match.rule.pos == "VERB":
        movers = [c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"}]
        left = [c for c in token.children if c.dep_ == "obj"]
        heading = any(_case(c) in {"pour", "vers"} for c in token.children if c.dep_ in {"obl", "obl:arg", "obl:mod"})
        if any(lemma(c) in LEFT_COUNTRY for c in left) and not heading:
            return False  # "l'ambassadeur Kricke a quitté le pays samedi": a departure, not a journey
    else:
        movers = [c for c in token.children if c.dep_ == "nmod" and _case(c) in {"de", "du", "des", "d'", "d’"}]
    for mover in movers:
        if mover.lower_ in _office_heads() and mover.lower_ not in POSTED_ABROAD:
            return True
        m = by_token.get(mover.i)
        if m is not None and m.actor.actor_type == "person":
            return True
    return False


def foreign_presence_ended(match: TriggerMatch, by_token: dict[int, Mention]) -> tuple[Mention, Actor] | None:
    """(host, owner) when a state ends or closes the presence, bases or troops of another
    ("le Tchad a mis fin à la présence militaire française"), else None. The host is the
    verb's subject, or for a noun ("a annoncé la fermeture des bases") its clause's subject."""
    if match.rule.lemmas not in ENDING_LEMMAS:
        return None
    token = match.head
    verb = token if match.rule.pos == "VERB" else clause_verb(token)
    ender = _subject_of(verb, by_token) if verb is not token or match.rule.pos == "VERB" else None
    if ender is None or ender.actor.country is None:
        return None
    for t in token.subtree:
        if t.i == token.i or t.i > token.i + WINDOW_AFTER:
            continue
        state = _demonym_state(t)
        if state is not None:
            return (ender, state) if state.country != ender.actor.country else None
    return None


def _demonym_state(token: Token) -> Actor | None:
    """The state a demonym adjective names ("la présence militaire française"), if the token is one."""
    g = gazetteer()
    if token.dep_ == "amod" and token.lower_ in g.demonyms:
        return g.state_of(g.demonyms[token.lower_])
    return None


# Acts two parties do together: "le Niger et le Tchad ont signé un accord" is between them.
JOINT_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE"}


def _coordinated_partner(doc: Doc, actor1: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """The actor coordinated with actor1 ("le Niger et le Tchad"), if any."""
    if actor1.start < 0:
        return None
    head = doc[actor1.start : actor1.end].root
    depth = 0
    # the mention itself, then the nouns it complements: the partner may be named inside the
    # second conjunct ("les ministres de l'AES et une délégation de la Cédéao", "les
    # représentants du Niger et ceux du Bénin")
    for _ in range(3):
        for c in head.children:
            if c.dep_ == "conj" and (m := mention_in(c, by_token, depth=depth)) is not None and m.actor.actor_id != actor1.actor.actor_id:
                return m
        if head.dep_ != "nmod" or head.head.i == head.i:
            break
        head, depth = head.head, 2
    return None


def _demonym_state_of_object(verb: Token) -> Actor | None:
    """The state a demonym on the verb's object names ("trois drones turcs"), if any."""
    for obj in (c for c in verb.children if c.dep_ == "obj"):
        for t in obj.subtree:
            if (state := _demonym_state(t)) is not None:
                return state
    return None


# Acts whose fronted past participle has its clause's subject as patient ("Arrêté lundi,
# l'opposant..."), unlike meetings ("Réunis à Abuja, les dirigeants...").
PATIENT_SUBJECT_TYPES = {"COERCE", "ASSAULT", "SANCTION", "ACCUSE"}
# Acts whose past participle on a noun describes who underwent them ("l'otage libéré", "les
# soldats tués"): the noun is the other side.
PARTICIPLE_PATIENT_TYPES = PATIENT_SUBJECT_TYPES | {"RETREAT"}


def _obtained(noun: Token, by_token: dict[int, Mention]) -> tuple[Mention | None, Mention | None] | None:
    """(giver, receiver) of aid named as what a verb's subject obtains ("Niamey a obtenu de la
    CNPC une avance", "le pays a bénéficié d'un prêt de la Banque mondiale")."""
    verb = noun.head
    if noun.dep_ not in {"obj", "obl:arg", "obl"} or lemma(verb) not in word_class("obtaining"):
        return None
    receiver = _subject_of(verb, by_token)
    giver = next(
        (m for c in (*verb.children, *noun.children) if c.dep_ in {"obl", "obl:arg", "obl:mod", "nmod"} and c.i != noun.i
         and _case(c) in {"de", "du", "des", "d'", "d’", "auprès"} and (m := mention_in(c, by_token, depth=1)) is not None),
        None,
    )
    return giver, receiver


def _is_fronted_past_participle(token: Token) -> bool:
    return (
        token.dep_ in {"advcl", "acl"} and "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in token.children) and opens_sentence(token)
    )


def participants(
    match: TriggerMatch, by_token: dict[int, Mention], others: Sequence[TriggerMatch] = ()
) -> tuple[Mention | None, Mention | None]:
    """(actor1, actor2) of a trigger, from its syntax. `others` are the sentence's other
    triggers: a noun's actor is not taken from a verb that reacts to or demands it."""
    token = match.head
    if match.rule.pos == "VERB" or token.pos_ in {"VERB", "AUX"}:
        actor1, actor2 = _verbal_participants(token, by_token)
        if match.rule.event_type in SPEECH_TYPES and (speaker := speaker_clause(token)) is not None:
            actor1 = _subject_of(speaker, by_token) or actor1
        if match.rule.event_type == "CONSULT" and is_passive(token) and not any(c.lower_ in REFLEXIVES for c in token.children):
            # "X a été reçu par Y": a meeting is told of who the sentence is about, the visitor;
            # the host is the other side, as in "Y a reçu X" the host is first
            actor1, actor2 = actor2, actor1
        if match.rule.event_type in PATIENT_SUBJECT_TYPES and _is_fronted_past_participle(token):
            # "Renversé il y a deux ans, le président reste détenu": the clause's subject
            # underwent the act; only an agent ("par l'armée") did it
            agent = next((m for c in token.subtree if _case(c) == "par" and (m := by_token.get(c.i)) is not None), None)
            actor1, actor2 = agent, _subject_of(clause_verb(token.head), by_token)
        if actor2 is None and match.rule.event_type in PARTICIPLE_PATIENT_TYPES:
            # "l'humanitaire américain Jeffery Woodke, libéré en même temps": the one the participle describes
            described = described_by_participle(token, by_token)
            if described is not None and (actor1 is None or described.actor.actor_id != actor1.actor.actor_id):
                actor2 = described
    else:
        other_types = {m.head.i: m.rule.event_type for m in others if m.rule.event_type != match.rule.event_type}
        actor1, actor2 = _nominal_participants(match, by_token, other_types)
    if actor2 is None:
        actor2 = _counterpart(token, by_token, actor1)
    if actor2 is None and actor1 is not None and match.rule.event_type in JOINT_TYPES:
        actor2 = _coordinated_partner(token.doc, actor1, by_token)
    if actor1 is not None and actor2 is not None and actor1.actor.actor_id == actor2.actor.actor_id:
        actor2 = None
    if match.rule.event_type == "AID" and match.rule.pos == "NOUN" and (got := _obtained(token, by_token)) is not None:
        actor1, actor2 = got
    if match.rule.event_type == "AID" and match.rule.pos == "VERB" and match.rule.lemmas[0] in word_class("receiving"):
        actor1, actor2 = actor2, actor1  # "le Mali a reçu de la Russie des hélicoptères": Russia gives
        if actor1 is None:
            giver = _demonym_state_of_object(token)  # "des drones turcs": Turkey gives
            if giver is not None and (actor2 is None or giver.country != actor2.actor.country):
                actor1 = Mention(-1, -1, giver, "demonym")
    if match.rule.event_type == "RETREAT" and own_side(actor1, actor2) and actor2.actor.actor_type != "person":
        actor2 = None  # (but a state may free its own national: "ont libéré l'opposant Awa Traoré")
    if own_side(actor1, actor2) and "description" in {actor1.kind, actor2.kind}:
        # "Le ministère allemand s'est rendu à Niamey pour rencontrer les autorités": the
        # authorities a state deals with are another state's, which "les autorités" does not name.
        actor1, actor2 = (None if m.kind == "description" else m for m in (actor1, actor2))
    doc = token.doc
    actor1, actor2 = (None if _cited_as_source(m, doc) else m for m in (actor1, actor2))
    return actor1, actor2




def _in_the_midst_of(noun: Token) -> bool:
    """"en pleine rupture avec Paris": the noun is the setting of the clause, not an act told there."""
    return any(c.dep_ == "case" and c.lower_ == "en" for c in noun.children) and any(
        c.lemma_.lower() == "plein" and c.i < noun.i for c in noun.children
    )


def _cited_as_source(m: Mention | None, doc: Doc) -> bool:
    """An actor named as the source of the report ("l'attaque, selon le ministère de la Défense,
    a visé..."): it tells of the act, it takes no part in it."""
    return m is not None and m.start >= 0 and cited_as_source(doc, m.start)


def own_side(actor1: Mention | None, actor2: Mention | None) -> bool:
    """Whether actor2 belongs to actor1's own state: in a withdrawal ("ont quitté le pays,
    mettant fin à la présence de la Bundeswehr") one's own army is not whom one leaves."""
    return actor1 is not None and actor2 is not None and actor1.actor.country is not None and actor2.actor.country == actor1.actor.country


def location_of(match: TriggerMatch, sent: Span, by_token: dict[int, Mention]) -> str | None:
    """A place named in the trigger's clause: a location entity after a locative preposition."""
    places = _places(sent)
    if not places:
        return None
    scope = None  # the clause's token indices, built only for a place that passes the cheap tests
    best = None
    for start, end in places:
        if any(i in by_token for i in range(start, end)):
            continue
        prev = sent.doc[start - 1] if start > 0 else None
        if prev is None or prev.lower_ not in LOCATION_CASES:
            continue
        if scope is None:
            # a happening named as a time ("jusqu'au coup d'État de l'année dernière, le Niger
            # luttait ... au Sahel") has only the places of its own phrase
            landmark = match.rule.pos == "NOUN" and any(
                c.dep_ == "case" and c.lower_ in BOUNDARY_CASES | TIME_CASES for c in match.head.children
            )
            scope = {t.i for t in (match.head if landmark else clause_verb(match.head)).subtree}
        if start not in scope:
            continue
        distance = abs(start - match.head.i)
        if best is None or distance < best[0]:
            best = (distance, (start, end))
    return sent.doc[best[1][0] : best[1][1]].text if best else None


def _places(sent: Span) -> list[tuple[int, int]]:
    """The token spans of the sentence's location entities, read once per sentence (`sent.ents`
    walks the doc's entities and builds a Span for each, for every trigger of the sentence).
    Kept on the doc as numbers: a Span there would tie the doc to itself, a cycle that only the
    garbage collector frees, late (peak memory)."""
    by_sentence = sent.doc.user_data.setdefault("sahel_data.places", {})
    key = (sent.start, sent.end)
    if key not in by_sentence:
        by_sentence[key] = [(ent.start, ent.end) for ent in sent.ents if ent.label_ in {"LOC", "GPE"}]
    return by_sentence[key]
