"""One article, parsed -> its rows: the article record, mentions, events and quantities.

Owns putting the extractors together for one article: the publication and reference dates,
which date governs which event, the actor of a quantity, one row per happening, and the
mapping of every offset back into the raw file. Knows nothing about tables across articles.
"""

from __future__ import annotations

import datetime
import itertools
import logging
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sahel_data.extract import actors as actors_mod
from sahel_data.extract.actors import Actor, Mention, find_mentions, focus_states, resolve_anaphors, resolve_people
from sahel_data.extract.dates import DateMention, PartialDate, distance, find_dates, moved, reference_date, resolve
from sahel_data.extract.events import (
    lemma,
    trigger_rules,
    CONTENT_TAKERS,
    ORDERED_ACT_TYPES,
    JOINT_TYPES,
    RELATIVE_PRONOUNS,
    WINDOW_AFTER,
    SOURCE_CASES,
    SPEECH_TYPES,
    TriggerMatch,
    clause_verb,
    foreign_presence_ended,
    is_detached_participle,
    is_fronted_name_like_participle,
    is_perfect_infinitive,
    noun_after_fronted_phrase,
    opens_sentence,
    is_travel,
    is_future_tense,
    is_perfect,
    find_triggers,
    is_hypothetical,
    is_negated,
    is_passive,
    is_reported_act,
    modality_cues,
    location_of,
    mention_in,
    modality_of,
    own_side,
    participants,
    participle_clause,
    speaker_clause,
    word_class,
)
from sahel_data.extract.quantities import find_quantities
from sahel_data.ingest import Article, Block
from sahel_data.nlp import load_model, parse_texts
from sahel_data.tables import ArticleExtraction

log = logging.getLogger(__name__)

MAX_CLIMB = 2  # clauses above a trigger searched for its date


@dataclass(frozen=True)
class SentenceDates:
    mention: DateMention
    span: Span  # tokens of the date expression


@dataclass
class EventCandidate:
    match: TriggerMatch
    sent: Span
    block: Block
    event_type: str
    modality: str
    date: PartialDate | None
    actor1: Mention | None
    actor2: Mention | None
    location: str | None
    # a day governs it that the article gives no reference to resolve ("dimanche" in an
    # undated article): a day of its own, which may not be a dated happening's
    unknown_own_day: bool = False
    # a verb dated "le même jour": another act on the day told before, not a re-telling of it
    another_act_that_day: bool = False


def sentence_text(sent: Span) -> str:
    """`sent.text`, sliced from its doc's text (joined once per doc)."""
    return actors_mod.doc_text(sent.doc)[sent.start_char : sent.end_char]


def _date_spans(sent: Span) -> list[SentenceDates]:
    out = []
    for m in find_dates(sentence_text(sent)):
        span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(SentenceDates(m, span))
    return out


def _clause_is_future(span: Span) -> bool:
    """A date in a future clause ("se retirera en juin") or attached to a schedule ("prévu en
    décembre", "doit être achevé en juin") points forward."""
    verb = clause_verb(span.root)
    if is_future_tense(verb):
        return True
    cues = modality_cues()

    def schedules(t: Token) -> bool:
        # "qui devait être lancée le 16 avril": a schedule told in the imperfect was set in the
        # past for a day that may be past too, so it does not point forward
        return cues.get(t.lemma_.lower()) == "scheduled" and "Imp" not in t.morph.get("Tense")

    if schedules(verb):
        return True
    if "Inf" in verb.morph.get("VerbForm") and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in word_class("intention"):
        return True  # "comptait reprendre en mai les discussions": the date is of the intended act
    if is_perfect(verb):
        return False  # "l'accord qu'ils ont signé en mars prévoit...": a done act keeps its past date
    return any(schedules(t) for t in (verb.head, *verb.children) if t.dep_ != "obj")


def _counted_down_to(span: Span) -> bool:
    """A date of a happening the clause counts down to ("intervient à quatre mois de la
    présidentielle du 12 avril 2026"): still to come, so no sign of when the article was written."""
    t = span.root
    for _ in range(3):
        if t.head.i == t.i or t.pos_ in {"VERB", "AUX"}:
            return False
        t = t.head
        if t.lemma_.lower() in word_class("countdown") and any(c.lower_ == "à" and c.dep_ == "case" for c in t.children):
            return True
    return False


def publication_date(article: Article, dated: list[SentenceDates]) -> tuple[PartialDate | None, str]:
    """(published, basis) per the contract: a header date, else the month of the latest past full date."""
    if article.header_date:
        try:
            return PartialDate.parse(article.header_date), "header"
        except ValueError:
            log.warning("%s: header date %r is not a date; ignored", article.source_path, article.header_date)
    full = []
    for d in dated:
        m = d.mention
        if m.is_relative or m.is_deadline or m.is_future or not m.has_year:
            continue
        resolved = resolve(m, None)
        if resolved is None or resolved.precision != "day" or (_clause_is_future(d.span) and not m.is_onset_past):
            continue
        if _counted_down_to(d.span):
            continue
        full.append(resolved)
    if not full:
        return None, "unknown"
    latest = max(full, key=lambda p: p.start)
    return PartialDate.of(latest.start.year, latest.start.month), "inferred"


def article_reference(published: PartialDate | None, dated: list[SentenceDates]) -> PartialDate | None:
    """The date relative expressions rest on: publication refined by explicit past dates."""
    if published is None:
        return None
    past = []
    for d in dated:
        m = d.mention
        if m.is_deadline or m.is_future or (_clause_is_future(d.span) and not m.is_onset_past) or _counted_down_to(d.span):
            continue
        if m.is_relative and not _is_explicit_day(m):
            continue
        resolved = resolve(m, published, future=False)
        if resolved is not None:
            past.append(resolved)
    return reference_date(published, past)


def _is_explicit_day(m: DateMention) -> bool:
    """'le 8 juin' (no year) is explicit; 'dimanche' or 'le mois dernier' is not."""
    return any(ch.isdigit() for ch in m.text)


SINCE = {"depuis"}
# A noun trigger after these is a time landmark for its clause ("nommé en avril, après le coup
# d'État mené par X"): it happened before, so the clause's date is not its own.
LANDMARK_CASES = {"après", "avant", "depuis"}


def _date_set_off_after_trigger(head: Token, dates: list[SentenceDates]) -> SentenceDates | None:
    """A date set off by a comma right after a trigger and its complements, in a clause
    whose verb comes before ("depuis le départ, le 15 août 2022, des derniers soldats", "après le
    retrait de Moscou, à la mi-juillet, de l'accord", "avant d'évincer, en mai 2021, le
    président"): the trigger's own, wherever the parser hangs it. Not after a fronted noun
    ("Après le retrait, en 2022, le Mali s'est tourné"): there it may date the clause."""
    doc = head.doc
    if clause_verb(head).i > head.i:
        return None  # (a verb is its own clause's verb)
    subtree = {t.i for t in head.subtree}
    for d in dates:
        comma = d.span.start - 1
        if comma <= head.i or doc[comma].text != ",":
            continue
        between = doc[head.i + 1 : comma]
        if all(t.i in subtree and t.pos_ not in {"VERB", "AUX"} for t in between):
            return d
    return None


# Verbs that say what an act amounts to ("son arrestation constitue une violation").
AMOUNTS_TO_VERBS = {"constituer", "être", "représenter"}


def _possessed_act_judged(noun: Token) -> bool:
    """"son arrestation constitue une violation": the act of someone told before, judged as
    the subject of what it amounts to."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in AMOUNTS_TO_VERBS and any(
        c.dep_ == "det" and c.lower_ in actors_mod.POSSESSIVE_DETERMINERS for c in noun.children
    )


def _of_its_participants(noun: Token) -> bool:
    """"les auteurs du putsch", "les victimes de l'attaque": a happening named to say who took
    part in it, told before or elsewhere, not done when the clause says."""
    return noun.dep_ == "nmod" and noun.head.lemma_.lower() in word_class("participant") and any(
        c.dep_ == "case" and c.lower_ in actors_mod.COMPLEMENT_WORDS for c in noun.children
    )


def _introduced_by(token, words: set[str]) -> bool:
    return any(c.dep_ in {"case", "mark"} and c.lower_ in words for c in token.children)


def _is_simple_present(verb: Token) -> bool:
    """"accusent", "demande": a present that tells a stance held now, which a past told inside
    its object does not date."""
    return (
        verb.pos_ in {"VERB", "AUX"} and "Pres" in verb.morph.get("Tense") and "Fin" in verb.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )


def _is_pluperfect(verb: Token) -> bool:
    return any(c.dep_ == "aux:tense" and "Imp" in c.morph.get("Tense") for c in verb.children)


def _opens_with_adjunct(verb: Token) -> bool:
    """The verb's clause opens the sentence with an adjunct set off before its subject ("Début
    décembre, le ministre a été reçu"), which frames everything the sentence coordinates."""
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    if not subjects:
        return False
    for c in verb.children:
        if c.dep_ in {"obl", "obl:mod"} and c.i < min(subjects):
            if opens_sentence(c.left_edge):
                return True
    return False


def _climb(head: Token) -> list[Token]:
    """The trigger and the heads above it whose dates may govern it: at most MAX_CLIMB levels,
    and not past a coordinated clause with its own subject ("X a quitté le pays le 22 décembre,
    et l'ambassade a fermé": the second act has no date of its own) or out of a reported clause
    in the pluperfect (what "avait" been done came before the date it was told)."""
    out = [head]
    t = head
    # one level more while still inside a noun phrase ("..., par la police, qui les accusait":
    # the parser may hang the relative's noun on another noun), to reach its clause's verb
    while (len(out) <= MAX_CLIMB or (len(out) == MAX_CLIMB + 1 and t.pos_ not in {"VERB", "AUX"})) and t.head.i != t.i:
        if is_detached_participle(t):
            # ", appelant Washington à...": the participle's clause is the sentence's, not the noun's
            t = participle_clause(t)
            out.append(t)
            continue
        if t.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubj:pass"} for c in t.children) and not _opens_with_adjunct(t.head):
            break  # but "Début décembre, X a été reçu par Y, et les deux parties ont signé": the date leads both
        if t.dep_ == "ccomp" and _is_pluperfect(t):
            break  # "a révélé le 14 mai que les États-Unis avaient intimé...": done before the telling
        if _introduced_by(t, {"après"}) and is_perfect_infinitive(t):
            break  # "s'est présenté vendredi, deux jours après avoir renversé le président": done before
        if t is head and t.dep_ in {"xcomp", "ccomp"} and is_perfect_infinitive(t):
            break  # "a revendiqué le 21 juin l'attaque, affirmant avoir tué 40 soldats": done before it was said
        if _introduced_by(t, {"avant"}) and "Inf" in t.morph.get("VerbForm"):
            break  # "a renversé le président en août 2020 avant d'évincer son successeur": done after
        t = t.head
        out.append(t)
    return out


FIRST_PERSON = {"je", "j'", "j’", "nous"}
FIRST_PERSON_POSSESSIVES = {"notre", "nos", "mon", "ma", "mes"}


def _first_person(match: TriggerMatch) -> bool:
    """The act is told in the first person: "nous allons retirer", "notre retrait"."""
    token = match.head
    verb = clause_verb(token)
    if any(c.dep_ in {"nsubj", "nsubj:pass"} and c.lower_ in FIRST_PERSON for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.head.children):
        return True  # "nous allons retirer"
    return any(c.dep_ == "det" and c.lower_ in FIRST_PERSON_POSSESSIVES for c in token.children)


def _speaker(sent: Span, by_token: dict[int, Mention]) -> Mention | None:
    """Who says the sentence's quote: the subject of its verb of saying ("a déclaré le ministre")."""
    cues = modality_cues()
    for t in sent:
        if t.pos_ == "VERB" and cues.get(t.lemma_.lower()) == "speech":
            has_subject = any(c.dep_ == "nsubj" for c in t.children)
            for c in t.children:
                # the parser often labels an inverted subject ("a déclaré le ministre") an object
                inverted = not has_subject and c.dep_ == "obj" and c.i > t.i
                if (c.dep_ == "nsubj" or inverted) and c.lower_ not in FIRST_PERSON:
                    m = by_token.get(c.i) or mention_in(c, by_token)
                    if m is not None:
                        return m
    return None


def _below_reaction(path: list[Token]) -> list[Token]:
    """The climb from a noun stops under a verb that reacts to it: "le JNIM a revendiqué
    dimanche l'attaque" dates the claim, not the attack."""
    cues = modality_cues()
    for level, t in enumerate(path[1:], start=1):
        if cues.get(t.lemma_.lower()) == "reaction":
            return path[:level]
    return path


def _present_under_past(climb: list[Token]) -> bool:
    """The climb from a trigger leaves a clause in the simple present for one told in the past:
    the present clause states what still holds, so the past clause's date is not its date."""
    if not any(t.dep_ in {"acl:relcl", "advcl", "ccomp", "parataxis"} for t in climb[:-1]):
        return False
    inner, outer = clause_verb(climb[0]), clause_verb(climb[-1])
    if inner.i == outer.i or any(c.dep_.startswith("aux") for c in inner.children):
        return False
    if (
        inner.dep_ == "acl:relcl" and inner.head.dep_ in {"nsubj", "obj"} and inner.head.head.i == outer.i < inner.head.i
        and modality_cues().get(lemma(outer)) == "speech"
    ):
        return False  # "a déclaré jeudi le ministre, qui accuse la junte de...": said in that statement (not "X, qui conteste..., a annoncé")
    simple_present = "Pres" in inner.morph.get("Tense") and "Ind" in inner.morph.get("Mood")
    told_past = is_perfect(outer) or bool({"Imp", "Past"} & set(outer.morph.get("Tense")) and "Fin" in outer.morph.get("VerbForm"))
    # "les sanctions imposées le 9 janvier par la Cédéao, qui reproche à la junte…": a past participle
    told_past = told_past or ("Past" in outer.morph.get("Tense") and "Part" in outer.morph.get("VerbForm"))
    return simple_present and told_past


def _is_fronted_participle(token: Token) -> bool:
    """A participle that opens the sentence ("Réunis samedi à Abuja, les dirigeants ont
    décidé..."): its time is the main clause's time too."""
    if is_fronted_name_like_participle(token):
        return True
    if "Part" not in token.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in token.children):
        return False
    return opens_sentence(token)


def _is_fronted_phrase(token: Token) -> bool:
    """A prepositional phrase opening the sentence, set off by a comma ("Dans un message lu
    mardi à la télévision, le ministre a..."): it frames the main clause, wherever the parser
    hangs it."""
    return (
        token.dep_ in {"obl", "obl:mod", "nmod"} and any(c.dep_ == "case" and c.i == token.left_edge.i for c in token.children)
        and token.left_edge.is_sent_start and token.right_edge.i + 1 < len(token.doc) and token.doc[token.right_edge.i + 1].text == ","
    )


def _has_own_subject(token: Token) -> bool:
    """A verb with a subject of its own, not a relative pronoun standing for the noun above it:
    a clause about something else ("que les conditions n'étaient plus réunies"). Not a verb of
    saying: "a quitté le Mali, a-t-il annoncé vendredi" tells when the act was made known."""
    return (
        token.pos_ in {"VERB", "AUX"} and modality_cues().get(lemma(token)) != "speech"
        and any(c.dep_ in {"nsubj", "nsubj:pass"} and c.lower_ not in RELATIVE_PRONOUNS for c in token.children)
    )


# Acts whose complement is another act, asked, refused or threatened: a date inside that
# complement is the complement's.
CONTENT_ACTS = {"REQUEST", "REJECT", "THREATEN"}


def _governing_date(match: TriggerMatch, dates: list[SentenceDates], triggers: list[TriggerMatch]) -> SentenceDates | None:
    """The date expression that governs the trigger's clause, by the dependency tree.

    A date below the trigger is its own unless another trigger stands between them; otherwise
    the nearest clause above the trigger that holds a date, not counting dates that belong to
    another trigger ("the agreement concluded on D1 sets D2 as the deadline").
    """
    head = match.head
    if (when := _when_clause_date(head, dates)) is not None:
        return when
    others = {t.head.i for t in triggers if t is not match}
    speaker = speaker_clause(head) if match.rule.event_type in SPEECH_TYPES else None
    up_from_trigger = [head, *_climb(speaker)] if speaker is not None else _climb(head)
    if match.rule.pos == "NOUN":
        up_from_trigger = _below_reaction(up_from_trigger)
    set_off = _date_set_off_after_trigger(head, dates)
    if set_off is not None and not any(d is not set_off and head.is_ancestor(d.span.root) for d in dates):
        return set_off  # unless the trigger has a date of its own below it ("signé en 2015 ..., aujourd'hui")
    best = None
    own = {t.i for t in head.subtree}
    # "après le coup d'État", "son arrestation constitue une violation": a happening named
    # again, whose date is its own, not its clause's
    landmark = match.rule.pos == "NOUN" and (_introduced_by(head, LANDMARK_CASES) or _possessed_act_judged(head) or _of_its_participants(head))
    # "quatre jours après le coup d'État qui a renversé le président": the relative tells the
    # landmark's act, of the landmark's time
    on_landmark = head.dep_ == "acl:relcl" and _introduced_by(head.head, LANDMARK_CASES)
    for d in dates:
        span_ids = {t.i for t in d.span}
        if (
            head.i not in span_ids and d.span.root.head.i not in own
            and any(t.head.i in own and t.head.i not in span_ids for t in d.span)
        ):
            # "a annoncé le mois dernier le départ de ses troupes d'ici le 31 août": the parser
            # splits the date ("ici" on the noun, "31 août" on the verb); a part on the trigger
            # makes it the trigger's own
            cost = (0, 0, False, 0, abs(d.span.root.i - head.i))
            if best is None or cost < best[0]:
                best = (cost, d)
            continue
        root = d.span.root
        up_from_date = [root, *root.ancestors]
        if root.dep_ == "nmod" and root.head.dep_ == "obj" and not any(t.pos_ == "ADP" for t in d.span):
            # "a revendiqué l'attaque dimanche": a bare date after an object is the verb's, though
            # the parser hangs it on the noun (the noun's own date takes "de": "l'attaque de dimanche")
            up_from_date = [root, *root.head.ancestors]
        index = {t.i: k for k, t in enumerate(up_from_date)}
        for level, ancestor in enumerate(up_from_trigger):
            if ancestor.i in index:
                if (level > 0 and landmark) or (level > 1 and on_landmark):
                    break
                below = up_from_date[: index[ancestor.i]]
                if (
                    level == 0 and match.rule.event_type in CONTENT_ACTS and len(below) > 1 and below[-1].dep_ in {"xcomp", "ccomp"}
                    and not any(_introduced_by(t, SOURCE_CASES) for t in below)
                ):
                    # "a refusé de prolonger au-delà du 31 mai l'accord": the date is what is refused
                    # (not "leur a ordonné de quitter le pays, selon une note datée de mardi": the order's text)
                    break
                if level == 0 and any(_has_own_subject(t) for t in below[1:]):
                    break  # "de ne pas renouveler le mandat, estimant que les conditions n'étaient plus réunies depuis fin 2021": that clause's time
                fronted = any(_is_fronted_participle(t) or _is_fronted_phrase(t) for t in below)
                if any(t.i in others for t in below) and not fronted:
                    break  # the date sits under another trigger: it is that trigger's date
                if fronted and level > 0 and "Imp" in ancestor.morph.get("Tense"):
                    break  # "Déployée en 2013, la mission comptait ... au début du retrait": a state told in the imperfect is not of the participle's time
                if any(t.dep_ == "acl" and t.lemma_.lower() in word_class("source_access") for t in below):
                    break  # "selon une note ... consultée jeudi par l'AFP": when the reporter saw it
                in_relative = any(t.dep_ == "acl:relcl" for t in below)  # "le Niger, qui a fermé ... en août 2023, s'est tourné"
                if level == 0 and in_relative and _is_simple_present(head):
                    break  # "accusent Kiev d'avoir aidé les rebelles lors des combats où l'armée a subi fin juillet de lourdes pertes": the relative's time
                if (level > 0 or in_relative) and len(below) > 1 and below[-1].dep_ in {"nsubj", "nsubj:pass"} and not fronted \
                        and lemma(below[-1]) not in word_class("document"):
                    # inside the subject ("la junte, au pouvoir depuis 2023, a demandé"); but a text's
                    # date is its act's ("un décret, lu le 26 mars au soir, a prononcé la dissolution")
                    break
                if level > 0 and _present_under_past(up_from_trigger[: level + 1]):
                    break  # "ont annoncé fin janvier leur départ de la Cédéao, qu'ils accusent de": an ongoing stance
                since_on_trigger = level == 0 and d.span.root.head.i == head.i  # "interdites de diffusion depuis mars 2022": the ban's start
                if not since_on_trigger and any(_introduced_by(t, SINCE) for t in [*below, d.span.root] if t.i != head.i):
                    break  # "depuis la signature le 19 mai, 269 soldats ont quitté": a period's start
                # an announcement has no deadline: "a annoncé alors l'envoi de renforts d'ici
                # décembre" dates the sending, the object noun (or the noun inside it)
                announced = head.dep_ == "obj" or (head.dep_ == "nmod" and head.head.dep_ == "obj")
                deadline_first = 0 if (match.rule.pos == "NOUN" and announced and d.mention.is_deadline) else 1
                # "Ces derniers mois, Ouagadougou a suspendu RFI, en décembre 2022": of two times on
                # one clause, the one that dates it
                cost = (level, deadline_first, d.mention.is_vague, index[ancestor.i], abs(root.i - head.i))
                if best is None or cost < best[0]:
                    best = (cost, d)
                break
    return best[1] if best else None


WHEN_MARKS = {"quand", "lorsque", "lorsqu'", "lorsqu’"}


def _when_clause_date(head: Token, dates: list[SentenceDates]) -> SentenceDates | None:
    """"depuis janvier 2024, quand une centaine d'instructeurs ont débarqué": a clause of "quand"
    or "lorsque" set right after a date tells what happened at that date."""
    verb = clause_verb(head)
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in WHEN_MARKS), None)
    if mark is None or mark.i < 2 or mark.doc[mark.i - 1].text != ",":
        return None
    return next((d for d in dates if d.span.end == mark.i - 1), None)


def _told_done(match: TriggerMatch) -> bool:
    """The clause tells the act as done: a verb in a compound past ("ont été interpellés"), or a
    noun object of a plain verb in one ("les FDS ont mené une opération"), not of a verb of
    saying or intent ("a annoncé une opération")."""
    head = match.head
    if match.rule.pos == "VERB":
        return _in_compound_past(head)
    return head.dep_ == "obj" and _in_compound_past(head.head) and lemma(head.head) not in modality_cues()


def _in_compound_past(verb: Token) -> bool:
    """A compound past, or a participle sharing the auxiliary of the one before it ("a rejeté
    ... et réclamé")."""
    if verb.dep_ == "conj" and "Part" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
        return is_perfect(verb.head)
    return is_perfect(verb)


# "N jours après le coup d'État": the landmark comes before the clause's date ("avant": after it).
DISTANCE_CASES = {"après": -1, "avant": 1}
HOUR_WORDS = {"heure", "heures"}  # within the day: the clause's own day


def _date_by_distance(
    match: TriggerMatch, dates: list[SentenceDates], resolved: dict[int, PartialDate | None], reference: PartialDate | None
) -> PartialDate | None:
    """The date of a happening named at a counted distance from the date of what the phrase
    hangs on ("Les sanctions imposées le 30 juillet, quatre jours après le coup d'État" dates
    the coup 26 July; "deux heures après" is that day), or, counted in days, from the article's
    own day when that is a clause in the present with no date ("La publication intervient cinq
    jours après l'attaque"). None when the distance or that date is missing or too coarse for it."""
    head = match.head
    if head.dep_ == "acl:relcl":
        head = head.head  # "quatre jours après le coup d'État qui a renversé le président"
    case = next((c for c in head.children if c.dep_ == "case" and c.lower_ in DISTANCE_CASES), None)
    if case is None:
        return None
    unit = next((c for c in head.children if c.dep_ in {"nmod", "obl:mod"} and c.i < case.i), None)
    if unit is None:
        return None
    number = next((c.text for c in unit.children if c.dep_ == "nummod"), None)
    if number is None:
        return None  # "quelques jours après le coup d'État": no distance to count (no guess)
    span = (0, "day") if unit.lower_ in HOUR_WORDS else distance(number, unit.text)
    if span is None:
        return None
    # the date of what the phrase hangs on ("décidées fin juillet", "les sanctions imposées le 30 juillet")
    pseudo = TriggerMatch(replace(match.rule, pos="VERB", event_type="OTHER"), (head.head,))
    clause_dates = [d for d in dates if d.span.root.i != head.i and not d.mention.is_deadline]
    governing = _governing_date(pseudo, clause_dates, []) if clause_dates else None
    if governing is None:
        # the parse may hang the phrase elsewhere: "imposées le 30 juillet par la Cédéao, quatre
        # jours après le coup d'État" counts from the date just before it
        governing = next((d for d in reversed(clause_dates) if d.span.end <= unit.i), None)
    if governing is None:
        if not clause_dates and span[1] == "day" and reference is not None and _is_simple_present(clause_verb(head.head)):
            return moved(reference, span[0], span[1], DISTANCE_CASES[case.lower_])
        return None
    anchor = resolved.get(governing.span.start)
    return moved(anchor, span[0], span[1], DISTANCE_CASES[case.lower_]) if anchor is not None else None


def _opening_date(match: TriggerMatch, dates: list[SentenceDates]) -> SentenceDates | None:
    """The date that opens a sentence telling one act, set off by a comma before it ("A la même
    période l'an dernier, le 25 juin 2024, 20 soldats avaient été tués"), when the parse links
    no date to the act: a fronted time frames the whole sentence. The most precise one wins."""
    sent = match.head.sent
    doc = sent.doc
    fronted = [
        d for d in dates
        if d.span.start - sent.start <= 8 and d.span.end <= match.head.i and not d.mention.is_deadline
        and (comma := _comma_closing(doc, d.span.end, sent.end)) is not None
        and not any(t.pos_ in {"VERB", "AUX"} for t in doc[sent.start : comma])  # before any verb
    ]
    absolute = [d for d in fronted if not d.mention.is_relative]
    return (absolute or fronted or [None])[-1]


def _comma_closing(doc: Doc, end: int, limit: int) -> int | None:
    """The comma that closes a fronted time phrase right at ``end`` or a few words on ("Mercredi
    en début d'après-midi, ...")."""
    for k in range(end, min(limit, end + 5)):
        if doc[k].text == ",":
            return k
        if doc[k].is_punct:
            return None
    return None


def _author_named(noun: Token, by_token: dict[int, Mention]) -> bool:
    """An act's noun that names who did it: "les accusations de Bamako", "les accusations
    portées par l'armée soudanaise"."""
    for c in noun.children:
        if c.dep_ == "nmod" and c.i in by_token and any(g.dep_ == "case" and g.lower_ in {"de", "du", "des", "d'", "d’"} for g in c.children):
            return True
        if c.dep_ == "acl" and any(g.lower_ == "par" and g.dep_ == "case" and g.head.i in by_token for g in c.subtree):
            return True
    return False


def _rejected_by(accusation: TriggerMatch, rejection: TriggerMatch) -> bool:
    """An accusation noun a rejection verb takes as object (the parser hangs it anywhere)."""
    head = accusation.head
    if head.head.i == rejection.head.i:
        return True
    return rejection.head.i < head.i <= rejection.head.i + WINDOW_AFTER and head.lemma_.lower() in rejection.rule.requires


def _events_in_sentence(
    sent: Span, block: Block, dates: list[SentenceDates], by_token: dict[int, Mention], reference: PartialDate | None,
    resolved: dict[int, PartialDate | None],
) -> list[EventCandidate]:
    """`resolved`: each date of the sentence resolved, by its first token (narrative_anchors)."""
    # "fin novembre", "d'ici la fin de la mission": a word inside a date expression names a time
    found = [t for t in find_triggers(sent, by_token) if not any(d.span.start <= t.head.i < d.span.end for d in dates)]
    triggers = [
        t for t in found
        if not is_negated(t) and not is_hypothetical(t) and is_reported_act(t, found) and not is_travel(t, by_token)
    ]
    # "de violents combats ont opposé l'armée aux rebelles": the fight's sides, not an opposition
    fights = {t.head.i for t in triggers if t.rule.event_type == "ASSAULT" and t.rule.pos == "NOUN"}
    triggers = [
        t for t in triggers
        if not (t.rule.event_type == "REJECT" and lemma(t.head) in word_class("opposing") and any(c.dep_ == "nsubj" and c.i in fights for c in t.head.children))
    ]
    # "Paris a rejeté des accusations « sans fondement »": the accusations rejected were told, not made, here
    rejections = [t for t in triggers if t.rule.event_type == "REJECT"]
    # (unless the sentence names who made them: "les accusations portées par l'armée soudanaise")
    triggers = [
        t for t in triggers
        if not (t.rule.event_type == "ACCUSE" and t.rule.pos == "NOUN" and any(_rejected_by(t, r) for r in rejections)
                and not _author_named(t.head, by_token))
    ]
    out = []
    for match in triggers:
        governing = _governing_date(match, dates, triggers)
        if governing is None and len(triggers) == 1:
            governing = _opening_date(match, dates)
        if governing is None and _is_generic_plural(match):
            continue  # "les attaques jihadistes se multiplient": a trend, not an event
        if (
            match.rule.event_type in GENERIC_PLURAL_TYPES and _counts_since(match, dates)
            and (governing is None or _introduced_by(governing.span.root, SINCE))
        ):
            continue  # "58 soldats ont perdu la vie au Mali depuis 2013": a toll, not an event
        if governing is not None and governing.mention.is_deadline and match.rule.event_type in CONTENT_TAKERS and is_perfect(clause_verb(match.head)):
            governing = None  # "a demandé le départ d'ici le 15 septembre": the deadline is the demand's content's
        deadline = bool(governing and governing.mention.is_deadline)
        modality = modality_of(match, deadline, bool(governing and governing.mention.is_future))
        if match.rule.event_type in SPEECH_TYPES and (speaker := speaker_clause(match.head)) is not None and not deadline:
            # the speaker's participle is said when the speaker speaks, whatever the reported clause says
            modality = "planned" if is_future_tense(speaker) else "occurred"
        if governing is None:
            date = _date_by_distance(match, dates, resolved, reference)
        else:
            date = resolved[governing.span.start]
            told_done = _told_done(match)
            if date is not None and reference is not None and date.start > reference.end and not told_done:
                # a date after the reference is still to come, unless the verb tells the act as
                # done ("ont été interpellés le lendemain"): then the reference, refined from the
                # text, fell short of when the article was written
                modality = "planned"
        actor1, actor2 = participants(match, by_token, triggers)
        if actor1 is None and _first_person(match):
            actor1 = _speaker(sent, by_token)
        event_type = match.rule.event_type
        ended = foreign_presence_ended(match, by_token) if event_type == "RETREAT" else None
        if ended is not None:
            # The host ending another state's presence expels it (the contract: an actual
            # expulsion of forces is SANCTION).
            host, owner = ended
            event_type, actor1, actor2 = "SANCTION", host, Mention(-1, -1, owner, "context")
        location = location_of(match, sent, by_token)
        place_state = actors_mod.gazetteer().state_of_place(location) if location is not None else None
        if event_type == "MOBILIZE" and actor1 is None and actor2 is not None and _is_foreign_mission(actor2.actor):
            actor1, actor2 = actor2, None  # "la Minusma a été déployée au Mali": the mission is sent
        if event_type == "MOBILIZE" and actor1 is not None:
            if actor2 is not None:
                # "à sa frontière avec le Mali": a neighbour, not a host
                beyond_border = actor2.start >= 0 and sent.doc[actor2.start].head.lemma_.lower() in BORDER_WORDS
                host = actor2.actor if actor2.actor.actor_type in {"country", "government"} and not beyond_border else None
            else:
                host = place_state
            if host is not None and actor1.actor.country and actor1.actor.country != host.country:
                # troops sent into another state: the contract reads foreign military personnel
                # sent to help as AID, with the host as the other side
                event_type, actor2 = "AID", actor2 or Mention(-1, -1, host, "place")
            elif _is_foreign_mission(actor1.actor) or (actor2 is not None and _is_foreign_mission(actor2.actor)):
                # a UN or EU mission deployed ("l'UE a déployé sa mission") is foreign personnel
                # sent to help, wherever it goes
                event_type, actor2 = "AID", actor2 or (Mention(-1, -1, host, "place") if host is not None else None)
        if event_type in PLACE_COUNTERPART_TYPES and actor2 is None and place_state is not None:
            visitor = actor1 is None or actor1.actor.actor_type not in {"organization", "coalition"}
            if visitor and (actor1 is None or actor1.actor.country != place_state.country):
                actor2 = Mention(-1, -1, place_state, "place")  # "s'est rendu à Niamey": the visit is to Niger
        unknown_own_day = reference is None and governing is not None and governing.mention.names_a_day
        another_act = match.rule.pos == "VERB" and governing is not None and governing.mention.is_same_day_as_told
        out.append(
            EventCandidate(match, sent, block, event_type, modality, date, actor1, actor2, location, unknown_own_day, another_act)
        )
        if match.rule.pos == "VERB":
            out.extend(_elliptical_acts(out[-1], dates, resolved, by_token))
    return _orders_as_acts(out)


# Gazetteer roles of missions that states send abroad to help (actors.csv `role`).
FOREIGN_MISSION_ROLES = {"mission"}


def _is_foreign_mission(actor: Actor) -> bool:
    return actors_mod.gazetteer().roles_of.get(actor.actor_id) in FOREIGN_MISSION_ROLES


def _ordered_object(verb: Token, noun: Token) -> bool:
    """The noun is what the verb orders: after it, below it with no verb between, and with no
    preposition of its own (the parser may hang it on a date: "a ordonné mardi 11 mars
    l'expulsion")."""
    if noun.i <= verb.i or not verb.is_ancestor(noun) or any(c.dep_ == "case" for c in noun.children):
        return False
    t = noun.head
    while t.i != verb.i:
        if t.pos_ in {"VERB", "AUX"}:
            return False
        t = t.head
    return True


def _orders_as_acts(found: list[EventCandidate]) -> list[EventCandidate]:
    """"Le ministère a ordonné l'expulsion de trois cadres": the ministry expels them. An order
    whose object is a coercive act told as a noun is that act, done by the one who orders it;
    not a separate demand."""
    by_head = {e.match.head.i: k for k, e in enumerate(found) if e.match.rule.pos == "NOUN" and e.event_type in ORDERED_ACT_TYPES}
    out = list(found)
    dropped = set()
    for k, order in enumerate(found):
        if order.event_type != "REQUEST" or order.match.rule.pos != "VERB" or lemma(order.match.head) not in word_class("ordering"):
            continue
        act = next((k2 for i, k2 in by_head.items() if _ordered_object(order.match.head, order.match.head.doc[i])), None)
        if act is None:
            continue
        noun = out[act]
        actor1 = noun.actor1 or order.actor1
        actor2 = noun.actor2 or order.actor2
        if noun.actor2 is None and _actor_id(actor2) is not None and _actor_id(actor2) == _actor_id(actor1):
            actor2 = None  # the one ordering is not its own counterpart
        out[act] = replace(noun, actor1=actor1, actor2=actor2, date=noun.date or order.date, modality=order.modality)
        dropped.add(k)
    return [e for k, e in enumerate(out) if k not in dropped]


def _elliptical_acts(
    e: EventCandidate, dates: list[SentenceDates], resolved: dict[int, PartialDate | None], by_token: dict[int, Mention]
) -> list[EventCandidate]:
    """"Ouagadougou a suspendu RFI, en décembre 2022, puis France 24, fin mars": a second object
    coordinated with the verb and dated on its own is a second act of the same kind, on its own
    day. Its row's trigger is that object (so its id, taken from the trigger's offset, is its own)."""
    verb = e.match.head
    doc = verb.doc
    out = []
    for c in verb.children:
        m = by_token.get(c.i)
        if c.dep_ != "conj" or c.pos_ not in {"NOUN", "PROPN"} or m is None or c.i < verb.i:
            continue
        inside = {t.i for t in c.subtree}
        own = [d for d in dates if d.span.root.i in inside and resolved.get(d.span.start) is not None]
        if not own:
            continue
        tokens = (doc[m.start], doc[m.end - 1]) if m.end - m.start > 1 else (doc[m.start],)
        out.append(replace(e, match=TriggerMatch(e.match.rule, tokens), date=resolved[own[0].span.start], actor2=m, another_act_that_day=False))
    return out


def _told_in_sentence(found: list[EventCandidate]) -> list[EventCandidate]:
    """A sentence that dates its act tells that act; a noun in it with no date of its own
    ("Samedi, l'Algérie a appelé ... au retour au dialogue", "Avec le départ des troupes, le
    Niger devient...") names a happening told elsewhere or a circumstance, not a second act."""
    if not any(e.date is not None for e in found):
        return found
    return [
        e for e in found
        if e.date is not None or e.match.rule.pos != "NOUN"
        or (e.actor1 is not None and _introduced_by(e.match.head, LANDMARK_CASES)) or _dated_by_participle(e, found)
    ]


def _dated_by_participle(noun: EventCandidate, found: list[EventCandidate]) -> bool:
    """A participle of the same type, on the noun's complement, dates the noun's act: "lui a fait
    don de 25 000 tonnes de blé, livrées en février" is one gift, its giver named with the noun."""
    verb = clause_verb(noun.match.head)
    return any(
        e.date is not None and e.event_type == noun.event_type and e.match.rule.pos == "VERB" and _elaborates(e.match.head, verb)
        for e in found
    )


GENERIC_PLURAL_TYPES = {"ASSAULT"}
# Meetings and visits held in another state's capital are with that state (not an
# organisation's own summit held there); so is a sanction placed there ("a rappelé son
# ambassadeur à Abidjan").
PLACE_COUNTERPART_TYPES = {"CONSULT", "SANCTION"}


MONTH_DAYS = 31


@dataclass(frozen=True)
class Told:
    """What the narrative has dated so far: the last date told, and the last day told; and the
    same for its main line, leaving out flashbacks told in the pluperfect."""

    last: PartialDate | None = None
    day: PartialDate | None = None
    main_last: PartialDate | None = None
    main_day: PartialDate | None = None

    def anchor_for(self, mention: DateMention, on_main_line: bool = False) -> PartialDate | None:
        """The date a mention counts from. Days ("la veille") count from the last day told when
        the last date told is coarser, a week or a month around it ("Ce déplacement intervient
        après la levée, la semaine dernière, des sanctions. La veille, ..." after "reçu jeudi 17
        juillet"): the narrative went back to its day. Days counted in a sentence back on the
        main line count on it ("Il avait été arrêté le 14 octobre." does not anchor "Dans un
        communiqué publié le lendemain, l'Élysée a salué ...")."""
        back = on_main_line and mention.counts_days and self.main_last is not None
        last, day = (self.main_last, self.main_day) if back else (self.last, self.day)
        if mention.counts_days and last is not None and last.precision != "day" and day is not None:
            near = datetime.timedelta(days=MONTH_DAYS)
            if last.precision != "year" and last.start - near <= day.start <= last.end + near:
                return day
        return last

    def after(self, date: PartialDate, in_flashback: bool) -> Told:
        day = date if date.precision == "day" else None
        main = (self.main_last, self.main_day) if in_flashback else (date, day or self.main_day)
        return Told(date, day or self.day, *main)


def _in_flashback(date: Span) -> bool:
    """The date's clause is in the pluperfect: a step back from the narrative's line."""
    return _is_pluperfect(clause_verb(date.root))


def _on_main_line(date: Span) -> bool:
    """The date's sentence tells its main clause in the passé composé ("l'Élysée a salué"):
    the narrative's line, not a flashback or a scene in the imperfect."""
    root = date.sent.root
    return is_perfect(root) and not _is_pluperfect(root)


def narrative_anchors(
    dates: list[SentenceDates], reference: PartialDate | None, told: Told,
    happenings: dict[int, PartialDate] | None = None,
) -> tuple[dict[int, PartialDate | None], Told]:
    """Each date of a sentence resolved (keyed by its first token), "le lendemain", "le même
    jour", "la veille" counting from the date the narrative told last before it (`Told`); and
    what the narrative has told once the sentence is read. Deadlines set no anchor (nothing
    happened then), nor does the article's present ("aujourd'hui pilier du CSP", "cette
    année"), nor the start of a state ("l'accord qui liait Niamey à Washington depuis 2012": no
    act told then). `happenings`: for a date counted from a happening it names ("le lendemain
    de l'attaque"), that happening's day."""
    resolved: dict[int, PartialDate | None] = {}
    for d in dates:
        flashback = _in_flashback(d.span)
        # "le lendemain de l'attaque" counts from the attack's day (`happenings`, keyed by the
        # date's first token), not from the date told last
        anchor = (happenings or {}).get(d.span.start) if d.mention.counts_from_happening else told.anchor_for(d.mention, _on_main_line(d.span))
        # direction from the date's own words or its clause's tense, not from the event's
        # modality: "a annoncé en mars le retrait" is a past March even though the withdrawal is planned
        date = resolve(d.mention, reference, future=True if _clause_is_future(d.span) else None, anchor=anchor)
        resolved[d.span.start] = date
        if date is not None and not d.mention.is_deadline and not d.mention.is_present and not _introduced_by(d.span.root, SINCE):
            told = told.after(date, flashback)
    return resolved, told


def _counts_since(match: TriggerMatch, dates: list[SentenceDates]) -> bool:
    """The trigger's clause counts from a starting date ("depuis 2013"): a running total."""
    verb = clause_verb(match.head)
    return any(_introduced_by(d.span.root, SINCE) and clause_verb(d.span.root).i == verb.i for d in dates)


def _is_generic_plural(match: TriggerMatch) -> bool:
    """A plural noun of violence with no date of its own names a pattern, not one event."""
    token = match.head
    if token.dep_ == "obj" and is_perfect(token.head):
        return False  # "l'armée a mené des frappes contre...": done acts, not a trend
    return match.rule.pos == "NOUN" and match.rule.event_type in GENERIC_PLURAL_TYPES and "Plur" in token.morph.get("Number")


# "le scrutin", "les discussions", "du départ": definite articles; not "des", which may be the
# indefinite plural ("des renforts ont été acheminés") bringing in a new happening
DEFINITE_ARTICLES = actors_mod.DEFINITE_DETERMINERS


def _points_back(e: EventCandidate) -> bool:
    """A noun of an act with a definite article, no date and no party even after the story's
    actors are filled in ("le scrutin s'est tenu sans l'opposition", "les discussions ont porté
    sur"): it points back at a happening the article told, or takes one for background. It is
    no row of its own; a told happening it repeats already has one."""
    head = e.match.head
    return (
        e.date is None and e.actor1 is None and e.actor2 is None and e.match.rule.pos == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in head.children)
        and not _told_by_its_verb(head)
    )


def _violence_told_again(e: EventCandidate, events: list[EventCandidate]) -> bool:
    """An undated verb of violence in an article that dated an attack: the attack told again
    (its toll, the claim's figures, the riposte that repelled it), not another one. Not one
    with a day of its own the article gives no reference for ("ont été tués dimanche")."""
    return (
        e.event_type == "ASSAULT" and e.date is None and e.match.rule.pos == "VERB" and not e.unknown_own_day
        and any(o is not e and o.event_type == "ASSAULT" and o.date is not None for o in events)
    )


def _told_by_its_verb(noun: Token) -> bool:
    """The verb the noun is subject of, or a relative on it, tells the happening itself: "l'expulsion
    d'un diplomate a été annoncée", "l'attaque a fait douze morts", "le coup d'État qui a coûté la vie"."""
    verbs = [noun.head] if noun.dep_ in {"nsubj", "nsubj:pass"} else []
    verbs += [c for c in noun.children if c.dep_ == "acl:relcl"]
    return any(lemma(v) in word_class("telling_happening") for v in verbs)


def _compatible_dates(a: PartialDate | None, b: PartialDate | None) -> bool:
    return a is None or b is None or (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _actor_id(m: Mention | None) -> str | None:
    return m.actor.actor_id if m else None


# Kinds of act an article often tells several of: talks ("des réunions de suivi"), accusations,
# measures ("la fermeture de la frontière" and "l'expulsion du diplomate" are two sanctions),
# demands and refusals. A bare mention of one is not taken to be a re-telling of another.
# Withdrawals, attacks, coups, agreements are usually the one happening the article is about.
RECURRING_TYPES = {"CONSULT", "ACCUSE", "SANCTION", "REQUEST", "REJECT"}
# Of those, acts done by speaking: a present participle clause on the verb goes on with the
# same statement ("accuse son prédécesseur de trahison, lui reprochant d'avoir..."); a second
# measure ("a rappelé son ambassadeur, fermant sa frontière") is another act.
SPOKEN_RECURRING_TYPES = {"ACCUSE", "REQUEST", "REJECT"}


# Types that gather unlike acts (coups, arrests, bans; elections, appointments; deployments,
# recruitment): a bare mention of one kind does not refer back to an act of another.
MIXED_TYPES = {"COERCE", "OTHER", "MOBILIZE"}
# Types whose one happening an article tells again with other verbs, undated ("ont attaqué",
# "ont tué", "ont frappé"); for other types, other verbs of one actor are other acts.
RETOLD_IN_OTHER_WORDS = {"ASSAULT"}
# Nouns after which a state is a neighbour across a border, not where troops are sent.
BORDER_WORDS = {"frontière", "limite", "confins"}


def _act_kind(e: EventCandidate) -> str:
    """What kind of act within a type a trigger names: its word family, read from the first
    four letters without accents ("arrêter" / "arrestation", "déployer" / "déploiement")."""
    return _kind_of_words(e.match.rule.lemmas)


def _kind_of_words(lemmas: tuple[str, ...] | list[str]) -> str:
    if " ".join(lemmas) in word_class("seizure_of_power"):
        return "seizure of power"
    first = unicodedata.normalize("NFKD", lemmas[0])
    return "".join(c for c in first if not unicodedata.combining(c))[:4]


def _boycotted(e: EventCandidate) -> Token | None:
    """The happening a boycott stays away from: the verb's object ("ont boycotté les assises"),
    the passive's subject ("le scrutin a été boycotté"), the noun's complement ("le boycott du
    scrutin")."""
    head = e.match.head
    if lemma(head) not in word_class("boycotting"):
        return None
    deps = {"obj", "nsubj:pass"} | ({"nmod"} if head.pos_ == "NOUN" else set())
    return next((c for c in head.children if c.dep_ in deps and c.pos_ in {"NOUN", "PROPN"}), None)


def _names_one_happening(a: Token, b: Token) -> bool:
    """Two nouns for one happening: the same word, or two words for one vote ("le scrutin",
    "les élections législatives")."""
    x, y = lemma(a), lemma(b)
    return x == y or (x in word_class("election") and y in word_class("election"))


def with_boycotted_days(events: list[EventCandidate]) -> list[EventCandidate]:
    """A boycott the sentence does not date is on the day of the happening boycotted, when the
    article dated it before: "les assises nationales réunies samedi 25 mai … Les principaux
    partis ont boycotté les assises"; "les élections législatives du 29 décembre … avaient
    boycotté le scrutin". The happening is an event's trigger or a word right around it, told
    with the boycott's modality (a vote still to come is not the one boycotted)."""
    out: list[EventCandidate] = []
    for e in events:
        if e.date is None and (boycotted := _boycotted(e)) is not None:
            for told in reversed(out):
                head = told.match.head
                around = (head, *head.children, head.head, *head.head.children)  # "les assises nationales réunies"
                if told.date is not None and told.modality == e.modality and any(_names_one_happening(t, boycotted) for t in around):
                    e = replace(e, date=told.date)
                    break
        out.append(e)
    return out


# A word for any document: "Le document accuse" names the document told last, whatever it is.
GENERIC_DOCUMENT_WORDS = {"document"}


def _documents_dated(
    sent: Span, dates: list[SentenceDates], resolved: dict[int, PartialDate | None], last_named: str | None,
) -> tuple[list[tuple[str, PartialDate]], str | None]:
    """The days the sentence gives its documents ("requête", "rapport", "note"), each with the
    word that names it: the day of a participle on the noun ("une note verbale datée de mardi",
    "Publié le jeudi 25 janvier, le document") or of the verb that issues it ("a déposé le 16
    septembre une requête"); not the day of another act on it ("a rejeté samedi le rapport").
    "le document" is the document named last (`last_named`, returned updated)."""
    out = []
    issued = [(day, verb) for d in dates if (day := resolved.get(d.span.start)) is not None and (verb := _issuing_verb(d.span)) is not None]
    for noun in sent:
        if noun.pos_ != "NOUN" or lemma(noun) not in word_class("document"):
            continue
        word = lemma(noun)
        if word in GENERIC_DOCUMENT_WORDS:
            word = last_named or word
        else:
            last_named = word
        for day, verb in issued:
            # on the noun or, as the parser may hang it, on the noun's complement ("une note
            # verbale du ministère … datée de mardi"), or set before the clause beside it
            on_noun = noun.i in {verb.head.i, verb.head.head.i} or (verb.head.i == noun.head.i and verb.i != noun.head.i)
            if on_noun or (verb.i == noun.head.i and noun.dep_ == "obj") or _fronted_on(verb, noun):
                out.append((word, day))
                break
    return out, last_named


def _issuing_verb(date: Span) -> Token | None:
    """The verb issuing a document that a date goes with: the date's head or, as the parser may
    hang the date on a noun, the verb right before it ("datée de mardi")."""
    doc = date.doc
    k = date.start - 1
    while k >= 0 and doc[k].lower_ in {"de", "du", "d'", "d’", "le", "la"}:
        k -= 1
    for verb in (date.root.head, doc[k] if k >= 0 else None):
        if verb is not None and lemma(verb) in word_class("publishing"):
            return verb
    return None


def _fronted_on(participle: Token, noun: Token) -> bool:
    """A participle opening the sentence tells of the noun ("Publié le jeudi 25 janvier, le document …")."""
    return opens_sentence(participle) and (first := noun_after_fronted_phrase(participle)) is not None and first.i == noun.i


DOCUMENT_DETERMINERS = DEFINITE_ARTICLES | actors_mod.POSSESSIVE_DETERMINERS


def _document_told_in(verb: Token) -> str | None:
    """The document whose words the verb gives, named before: "Le document accuse", "Dans sa
    requête, Bamako demande", "Dans son rapport, HRW exhortait" (not "dans un communiqué": a
    new one). Its word, or None."""
    for c in verb.children:
        if lemma(c) not in word_class("document") or not any(d.dep_ == "det" and d.lower_ in DOCUMENT_DETERMINERS for d in c.children):
            continue
        if c.dep_ == "nsubj" or (c.dep_.startswith("obl") and _introduced_by(c, {"dans"})):
            return lemma(c)
    return None


def _dated_by_its_document(e: EventCandidate, documents_dated: list[tuple[str, PartialDate]]) -> EventCandidate:
    """An act of saying the sentence does not date, told as what a document says, is on the
    day the article gave that document ("Publié le jeudi 25 janvier, le document …" then "Dans
    son rapport, HRW exhortait"); "le document" is the last one dated."""
    if e.date is not None or e.event_type not in SPEECH_TYPES or not documents_dated:
        return e
    head = e.match.head
    clause = clause_verb(head)
    for verb in (head,) if clause.i == head.i else (head, clause):
        word = _document_told_in(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if word is None:
            continue
        day = next((d for w, d in reversed(documents_dated) if word in GENERIC_DOCUMENT_WORDS or w == word), None)
        return replace(e, date=day) if day is not None else e
    return e


INDEFINITE_ARTICLES = {"un", "une", "d'un", "d’un", "d'une", "d’une"}


def _without_contradicted_happenings(dates: list[SentenceDates], resolved: dict[int, PartialDate | None]) -> list[SentenceDates]:
    """A day counted from a happening told before ("lors de l'attaque") that a date given in
    words on the same verb contradicts: the sentence names another happening of that kind ("En
    décembre dernier, 39 civils avaient été tués lors de l'attaque de deux villages", after an
    attack told in June). The words' date stands alone."""
    given = [(d.span.root.head.i, day) for d in dates if not d.mention.counts_from_happening and (day := resolved.get(d.span.start)) is not None]
    if not given:
        return dates
    return [
        d for d in dates
        if not d.mention.counts_from_happening
        or not any(head == d.span.root.head.i and not _compatible_dates(resolved.get(d.span.start), day) for head, day in given)
    ]


def _day_of_happening_named(
    span: Span, events: list[EventCandidate], days_by_verb: Sequence[tuple[str, PartialDate]] = (),
) -> PartialDate | None:
    """The day of the happening "le lendemain de l'attaque" names: the last act of that kind
    told before with a date to the day ("le bateau a été attaqué jeudi 7 septembre"), else the
    last day the article gave a verb of its word family (`days_by_verb`: "les résultats
    proclamés lundi 27 octobre" for "le lendemain de la proclamation"); None when it dated none."""
    doc = span.doc
    noun = next((t for t in doc[span.end : min(len(doc), span.end + 4)] if t.pos_ in {"NOUN", "PROPN"}), None)
    if noun is None or any(t.lower_ in INDEFINITE_ARTICLES for t in doc[span.end : noun.i]):
        return None  # "lors d'une réunion à Niamey": a happening not told before
    words = [noun.lemma_.lower()]
    following = next((t for t in doc[noun.i + 1 : min(len(doc), noun.i + 3)] if t.pos_ in {"NOUN", "PROPN"}), None)
    if following is not None and f"{words[0]} {following.lemma_.lower()}" in word_class("seizure_of_power"):
        words.append(following.lemma_.lower())  # "le lendemain du coup d'État", "de la prise de pouvoir"
    kind = _kind_of_words(words)
    for e in reversed(events):
        if e.date is not None and e.date.precision == "day" and _act_kind(e) == kind:
            return e.date
    # a happening that is no event of the dataset (an announcement, a report's publication)
    return next((day for verb_kind, day in reversed(days_by_verb) if verb_kind == kind), None)


def _days_told_by_verb(dates: list[SentenceDates], resolved: dict[int, PartialDate | None]) -> list[tuple[str, PartialDate]]:
    """The sentence's days and the word family of the verb each one dates ("Publié le jeudi 25
    janvier, le document" gives "publ"), for happenings named later by a noun of that family."""
    out = []
    for d in dates:
        day = resolved.get(d.span.start)
        verb = clause_verb(d.span.root)
        if day is not None and day.precision == "day" and not d.mention.is_deadline and verb.pos_ == "VERB":
            out.append((_kind_of_words([verb.lemma_.lower()]), day))
    return out


def _bare_mention(e: EventCandidate) -> bool:
    """Undated, and either a noun ("le retrait") or naming no party at all: nothing in it sets
    it apart from the same kind of happening told elsewhere in the article (in MIXED_TYPES,
    the same kind of act: _same_happening checks that first)."""
    return e.date is None and (e.match.rule.pos == "NOUN" or (e.actor1 is None and e.actor2 is None))


def _elaborates(x: Token, y: Token) -> bool:
    """One verb is a participle or gerund clause saying what the other's act amounts to: "a
    rétrocédé la base, mettant un terme à sa présence"."""
    for verb, other in ((x, y), (y, x)):
        forms = verb.morph.get("VerbForm")
        if verb.head.i == other.i and verb.dep_ == "advcl" and ("Part" in forms or "Ger" in forms):
            return True
        if is_detached_participle(verb) and other.i in {clause_verb(verb.head).i, participle_clause(verb).i}:
            return True
        if verb.dep_ == "acl" and "Part" in forms and "Past" in verb.morph.get("Tense") and clause_verb(verb.head).i == other.i:
            return True  # "ont signé un protocole d'accord ..., paraphé par leurs chefs d'état-major": one signing
    return False


def _goes_on_saying(x: Token, y: Token) -> bool:
    """One verb is a present participle clause on the other, going on with the same statement:
    "accuse son prédécesseur de trahison, lui reprochant d'avoir sollicité"."""
    return any(
        v.head.i == w.i and v.dep_ in {"advcl", "conj"} and v.lower_.endswith("ant") and not any(c.dep_.startswith("aux") for c in v.children)
        for v, w in ((x, y), (y, x))
    )


def _speaks_on(x: Token, y: Token) -> bool:
    """One verb is the other's speaker participle ("a accusé Washington d'avoir menacé le
    Niger, reprochant aux Américains de..."): one statement."""
    return any((s := speaker_clause(v)) is not None and s.i == w.i for v, w in ((x, y), (y, x)))


def _is_purpose(x: Token, y: Token) -> bool:
    """One verb is the other's purpose: "s'est rendu à Niamey pour rencontrer son homologue"
    tells one visit."""
    for verb, other in ((x, y), (y, x)):
        # the parser may hang "pour ..." on the object ("a convoqué l'ambassadeur pour protester")
        on_other = (verb.head.i == other.i and verb.dep_ in {"advcl", "xcomp"}) or (verb.dep_ == "acl" and verb.head.head.i == other.i)
        if on_other and any(c.dep_ == "mark" and c.lower_ == "pour" for c in verb.children):
            return True
    return False


def _names_its_own_act(a: EventCandidate, b: EventCandidate) -> bool:
    """A verb and a noun of the same kind in one sentence, the noun under the verb: "ont quitté la
    base, achevant un retrait exigé par les autorités" tells one withdrawal, whatever "exigé"
    says of the noun's modality."""
    if a.sent.start != b.sent.start or a.block is not b.block:
        return False
    for verb, noun in ((a, b), (b, a)):
        if verb.match.rule.pos == "VERB" and noun.match.rule.pos == "NOUN":
            ancestors = [t.i for t in itertools.islice(noun.match.head.ancestors, 4)]
            if verb.match.head.i in ancestors or verb.match.head.head.i == noun.match.head.i:
                return True  # the noun under the verb, or the verb a participle on the noun ("l'accord signé")
    return False


def _same_side(x: Actor, y: Actor) -> bool:
    """The same actor, or a state and one of its bodies ("l'Allemagne" and "le ministère
    allemand de la Défense" telling the same withdrawal)."""
    if x.actor_id == y.actor_id:
        return True
    return x.country is not None and x.country == y.country and "country" in {x.actor_type, y.actor_type}


def _same_happening(a: EventCandidate, b: EventCandidate) -> bool:
    """Told twice: same type, modality and actors, dates that fit (one contains the other, or
    one is missing), and some evidence of identity: a headline repeating the body, two dates,
    or the same acting actor named both times, or a bare mention (undated, and a noun such as
    "le retrait" or naming no party) that refers back to it, except for kinds of act that
    recur (RECURRING_TYPES)."""
    if a.event_type != b.event_type:
        return False
    if (a.unknown_own_day and b.date is not None) or (b.unknown_own_day and a.date is not None):
        return False  # "tués dimanche" in an undated article is no re-telling of an attack "en juin 2024"
    if a.modality != b.modality and not _names_its_own_act(a, b):
        return False
    if (a.another_act_that_day or b.another_act_that_day) and (a.sent.start, a.block) != (b.sent.start, b.block):
        return False  # "Le même jour, des assaillants ont pris d'assaut le camp de Bourem": a second attack
    bare = a.event_type not in RECURRING_TYPES and (_bare_mention(a) or _bare_mention(b))
    x, y = _actor_id(a.actor2), _actor_id(b.actor2)
    if a.sent.start == b.sent.start and a.block is b.block:
        if (
            a.match.rule.pos == "VERB" and b.match.rule.pos == "VERB" and a.match.rule.lemmas != b.match.rule.lemmas
            and not (a.event_type not in RECURRING_TYPES and _elaborates(a.match.head, b.match.head))
            and not (a.event_type in SPOKEN_RECURRING_TYPES and _goes_on_saying(a.match.head, b.match.head))
            and not _speaks_on(a.match.head, b.match.head)
            and not _is_purpose(a.match.head, b.match.head)
        ):
            return False  # "a fermé son espace aérien et a rappelé son ambassadeur": two verbs, two acts
        if a.date is not None and b.date is not None and a.date.iso != b.date.iso and _act_kind(a) != _act_kind(b):
            return False  # "avaient suspendu début mai les partis, avant de prononcer leur dissolution le 13 mai"
        if _compatible_dates(a.date, b.date) and not (x and y and x != y):
            return True  # "ont quitté le Niger le 7 juin, avec le départ d'un avion": one act
    if a.event_type in MIXED_TYPES and _act_kind(a) != _act_kind(b):
        # "a déployé des soldats en 2022" and "a lancé le recrutement", or a coup and "douze
        # officiers ont été interpellés": two acts, however bare either mention is
        return False
    for m, n in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if m and n and not _same_side(m.actor, n.actor):
            return False
    if a.event_type not in JOINT_TYPES and any(
        m and n and _same_side(m.actor, n.actor) for m, n in ((a.actor1, b.actor2), (a.actor2, b.actor1))
    ):
        return False  # who acts in one is acted on in the other: a reply ("en représailles, l'armée a mené des frappes")
    if not _compatible_dates(a.date, b.date):
        return False
    headline = a.block.kind != "paragraph" or b.block.kind != "paragraph"
    both_dated = a.date is not None and b.date is not None
    if a.event_type in RECURRING_TYPES:
        # one actor accuses, demands, sanctions more than once: the same act has the same date
        # and is named by the same word family ("a rappelé son ambassadeur" and, that day,
        # "a fermé sa frontière" are two measures)
        same_sentence = a.sent.start == b.sent.start and a.block is b.block
        return headline or (both_dated and a.date.iso == b.date.iso and (same_sentence or _act_kind(a) == _act_kind(b)))
    if bare:
        return True  # "le retrait", "l'attaque" with no date of their own: the happening told elsewhere
    # the same actor, undated both times, doing the same kind of act ("a fourni des blindés" and
    # "des instructeurs sont arrivés" are two acts of aid); an attack is told again in other
    # words ("ont attaqué le camp", "affirmant avoir tué 70 soldats")
    same_actor = a.actor1 is not None and b.actor1 is not None and (a.event_type in RETOLD_IN_OTHER_WORDS or _act_kind(a) == _act_kind(b))
    return headline or both_dated or same_actor


def _rank(e: EventCandidate) -> tuple:
    precision = {"day": 3, "month": 2, "year": 1}.get(e.date.precision, 0) if e.date else 0
    return (e.block.kind == "paragraph", precision, -e.block.start, -e.match.head.idx)


def merge_events(events: list[EventCandidate]) -> list[EventCandidate]:
    """One row per happening: body over headline, the most precise date, actors filled in."""
    kept: list[EventCandidate] = []
    for e in sorted(events, key=_rank, reverse=True):
        for i, k in enumerate(kept):
            if _same_happening(k, e):
                actor1 = k.actor1 or e.actor1
                actor2 = k.actor2 or (None if k.event_type == "RETREAT" and own_side(actor1, e.actor2) else e.actor2)
                kept[i] = replace(
                    k,
                    actor1=actor1,
                    actor2=actor2,
                    location=k.location or e.location,
                    date=k.date or e.date,
                )
                break
        else:
            kept.append(e)
    return kept


def with_condemned_attackers(kept: list[EventCandidate], found: list[EventCandidate]) -> list[EventCandidate]:
    """An accusation whose object is an attack told as a noun ("X a condamné l'attaque") is
    against whoever the article says made that attack: the actor1 of the attack's row, however
    many sentences it took to tell it. `found`: the candidates before merging."""
    attacks = {(id(e.sent.doc), e.match.head.i): e for e in found if e.event_type == "ASSAULT" and e.match.rule.pos == "NOUN"}
    out = []
    for e in kept:
        if e.event_type == "ACCUSE" and e.actor2 is None and e.match.rule.pos == "VERB":
            objects = [c for c in e.match.head.children if c.dep_ == "obj"]
            attack = next((attacks[key] for c in objects if (key := (id(e.sent.doc), c.i)) in attacks), None)
            attacker = None
            if attack is not None:
                row = next((k for k in kept if k is attack or (k.event_type == "ASSAULT" and _same_happening(k, attack))), None)
                attacker = row.actor1 if row is not None else None
            elif any(_names_the_attack(c) for c in objects):
                # "a condamné l'attaque", told again as a reaction: the one attack the article tells
                attackers = {k.actor1.actor.actor_id: k.actor1 for k in kept if k.event_type == "ASSAULT" and k.actor1 is not None}
                attacker = next(iter(attackers.values())) if len(attackers) == 1 else None
            if attacker is not None and (e.actor1 is None or attacker.actor.actor_id != e.actor1.actor.actor_id):
                e = replace(e, actor2=attacker)
        out.append(e)
    return out


@cache
def _attack_nouns() -> frozenset[str]:
    return frozenset(r.lemmas[0] for r in trigger_rules() if r.event_type == "ASSAULT" and r.pos == "NOUN" and len(r.lemmas) == 1)


def _names_the_attack(noun: Token) -> bool:
    """"l'attaque", "cette attaque": an attack already told, named again."""
    return noun.lemma_.lower() in _attack_nouns() and any(c.dep_ == "det" and c.lower_ in {"l'", "l’", "la", "le", "les", "cette", "ce", "ces"} for c in noun.children)


# Acts done to or with another party: when the sentence names no counterpart, it is the state
# the article is about (the reading annotators give "les troupes quittent le pays").
TYPES_WITH_COUNTERPART = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "SANCTION",
}


SELF_CONTAINED_FOR_BODIES = {"CONSULT"}


# Acts an article tells of its protagonists again and again (a withdrawal's stages, a junta's
# measures): one that names no party at all is by the parties of the last one told. Not
# attacks: an article tells several, by different groups.
STORY_TYPES = {"RETREAT", "COERCE"}


def with_story_actors(events: list[EventCandidate]) -> list[EventCandidate]:
    """Fill the actors of an act that names none ("le retrait s'est achevé le 31 janvier", "les
    derniers avions ont décollé") from the last act of its type told before it with an actor1."""
    order = sorted(range(len(events)), key=lambda k: (events[k].block.start, events[k].sent.start_char, events[k].match.head.idx))
    last: dict[str, EventCandidate] = {}
    out = list(events)
    for k in order:
        e = events[k]
        if e.event_type in STORY_TYPES and e.actor1 is None and e.actor2 is None and (prior := last.get(e.event_type)) is not None:
            out[k] = replace(
                e,
                actor1=Mention(-1, -1, prior.actor1.actor, "context"),
                actor2=Mention(-1, -1, prior.actor2.actor, "context") if prior.actor2 is not None else None,
            )
        elif e.actor1 is not None:
            last[e.event_type] = e
    return out


def with_context_counterpart(e: EventCandidate, states: tuple[Actor, ...]) -> EventCandidate:
    """Fill a missing actor2 with the article's most-named state other than actor1's, and a
    missing actor1 likewise from actor2."""
    if e.event_type not in TYPES_WITH_COUNTERPART:
        return e
    if e.actor1 is None and e.actor2 is not None:
        # "l'expulsion de l'ambassadeur de France" in an article about Mali and France: the
        # party acting on the named one is the article's other state.
        other = _other_state(states, e.actor2.actor)
        return replace(e, actor1=Mention(-1, -1, other, "context")) if other else e
    if e.actor2 is not None or e.actor1 is None:
        return e
    if e.event_type in SELF_CONTAINED_FOR_BODIES and e.actor1.actor.actor_type in {"organization", "coalition"}:
        return e  # "Réunis à Abuja, les dirigeants de la CEDEAO ont...": an organisation's own summit
    other = _other_state(states, e.actor1.actor)
    return replace(e, actor2=Mention(-1, -1, other, "context")) if other else e


# Nouns that, counted as "les deux …", name the two states an article is about.
TWO_STATES_NOUNS = {"pays", "états", "etats", "capitales", "gouvernements", "voisins", "nations"}


def _names_two_states(subject: Token) -> bool:
    """"les deux pays", "les ministres de la Défense des deux pays", "les deux capitales"."""
    frontier = [subject]
    for _ in range(3):
        for t in frontier:
            if t.lower_ in TWO_STATES_NOUNS and any(c.dep_ == "nummod" and c.lower_ == "deux" for c in t.children):
                return True
        frontier = [c for t in frontier for c in t.children if c.dep_ in {"nmod", "conj"}]
    return False


def with_two_parties(e: EventCandidate, states: tuple[Actor, ...]) -> EventCandidate:
    """A joint act whose subject is "les deux pays" ("Les deux pays ont signé un mémorandum")
    is between the two states the article names most."""
    if e.event_type not in JOINT_TYPES or e.actor1 is not None or len(states) < 2:
        return e
    verb = clause_verb(e.match.head)
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    if not any(_names_two_states(s) for s in subjects):
        return e
    return replace(e, actor1=Mention(-1, -1, states[0], "context"), actor2=Mention(-1, -1, states[1], "context"))


CUSTODIAN_TYPES = {"government", "military"}


def _custodian_order(states: tuple[Actor, ...], mentions: list[Mention]) -> tuple[Actor, ...]:
    """The article's states, those whose governing or armed bodies it names most first: the
    state that arrests is the one whose junta, ministries or army act in the story, not the
    detainee's country it may name as often."""
    bodies = {s.actor_id: 0 for s in states}
    by_country = {s.country: s.actor_id for s in states if s.country}
    for m in mentions:
        if m.actor.actor_type in CUSTODIAN_TYPES and m.actor.country in by_country:
            bodies[by_country[m.actor.country]] += 1
    return tuple(sorted(states, key=lambda s: -bodies[s.actor_id]))  # stable: ties keep the article's order


def with_custodian(e: EventCandidate, states: tuple[Actor, ...]) -> EventCandidate:
    """"Trois officiers ont été interpellés", "placé sous mandat de dépôt": custody told with no
    agent is the act of the state where it happens: the state of its place, else the first of
    `states`, the article's states ordered by how often it names their governing or armed bodies
    (`_custodian_order`)."""
    if e.event_type != "COERCE" or e.actor1 is not None or " ".join(e.match.rule.lemmas) not in word_class("custody"):
        return e
    if e.match.rule.pos == "VERB" and not is_passive(e.match.head):
        return e  # an active verb with no subject found: its subject is unknown, not the state
    state = actors_mod.gazetteer().state_of_place(e.location) if e.location is not None else None
    if state is None:
        state = states[0] if states else None
    if state is None or (e.actor2 is not None and e.actor2.actor.actor_id == state.actor_id):
        return e
    return replace(e, actor1=Mention(-1, -1, state, "context"))


def _other_state(states: tuple[Actor, ...], actor: Actor) -> Actor | None:
    """The article's most-named state that is neither `actor` nor its country."""
    for state in states:
        if state.actor_id != actor.actor_id and state.country != actor.country:
            return state
    return None


SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles"}


def _pronoun_subject(verb: Token) -> bool:
    """The verb's subject is "il", "elle"...: its own, or, for a second verb ("Elle lui a fait
    don de blé et a déployé des instructeurs"), the first verb's."""
    if verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubj:pass", "expl:subj"} for c in verb.children):
        verb = verb.head
    return any(c.dep_ in {"nsubj", "expl:subj"} and c.lower_ in SUBJECT_PRONOUNS for c in verb.children)


def main_subject(sent: Span, by_token: dict[int, Mention]) -> Mention | None:
    """The actor a sentence's main clause is about: its root's subject ("La Russie a depuis
    multiplié les gestes envers le Burkina Faso")."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    return mention_in(subject, by_token, depth=1) if subject is not None and subject.lower_ not in SUBJECT_PRONOUNS else None


def resolve_pronoun_subjects(
    events: list[EventCandidate], subjects: dict[tuple[int, int], Mention] | None = None,
) -> list[EventCandidate]:
    """A pronoun subject ("Il a souligné...", "Ils se sont tournés vers...") is the last actor
    that acted in the article before it, or that a sentence before it was about (`subjects`:
    each sentence's main subject, by block and sentence start)."""
    last: Mention | None = None
    last_at: tuple[int, int] = (-1, -1)
    ordered = sorted((subjects or {}).items())
    k = 0  # the next sentence subject not yet read
    out = []
    for e in events:
        here = (e.block.start, e.sent.start_char)
        while k < len(ordered) and ordered[k][0] < here:
            at, subject = ordered[k]
            k += 1
            if at > last_at:
                last, last_at = subject, at
        if e.actor1 is None and last is not None:
            if _pronoun_subject(e.match.head if e.match.rule.pos == "VERB" else clause_verb(e.match.head)):
                e = replace(e, actor1=last, actor2=None if e.actor2 is not None and e.actor2.actor.actor_id == last.actor.actor_id else e.actor2)
        if e.actor1 is not None and e.actor1.kind != "context":
            last, last_at = e.actor1, here
        out.append(e)
    return out


class ArticleReader:
    """Turns parsed blocks of one article into its rows (raw offsets, stable ids)."""

    def __init__(self, article: Article, docs: Sequence[tuple[Block, Doc]], nlp: Language) -> None:
        self.article = article
        self.docs = docs
        self.nlp = nlp
        self._texts: dict[tuple[int, int], str] = {}

    def raw_span(self, block: Block, start_char: int, end_char: int) -> tuple[int, int]:
        return self.article.clean.to_raw(block.start + start_char, block.start + end_char)

    def raw_text(self, start: int, end: int) -> str:
        # One string object per distinct span: a sentence quoted by several rows is stored once.
        key = (start, end)
        if key not in self._texts:
            self._texts[key] = self.article.raw[start:end]
        return self._texts[key]

    def run(self) -> ArticleExtraction:
        a = self.article
        focus = focus_states([doc for _, doc in self.docs], self.nlp)
        mentions_by_doc = [find_mentions(doc, self.nlp, focus) for _, doc in self.docs]
        mentions_by_doc = resolve_people([doc for _, doc in self.docs], mentions_by_doc)
        mentions_by_doc = actors_mod.resolve_acronyms([doc for _, doc in self.docs], mentions_by_doc)
        mentions_by_doc = resolve_anaphors([doc for _, doc in self.docs], mentions_by_doc)
        mentions_by_doc = actors_mod.resolve_office_holders([doc for _, doc in self.docs], mentions_by_doc)

        dated = [(block, doc, sent, _date_spans(sent)) for block, doc in self.docs for sent in doc.sents]
        all_dates = [d for *_, ds in dated for d in ds]
        published, basis = publication_date(a, all_dates)
        reference = article_reference(published, all_dates)

        mention_rows, actors, events, quantity_rows = [], {}, [], []
        for (block, doc), mentions in zip(self.docs, mentions_by_doc, strict=True):
            for m in mentions:
                if m.kind in {"anaphor", "nationals"}:
                    # "l'organisation régionale", "cinq Nigériens" name their actor for the
                    # events, but are no name of it
                    continue
                span = doc[m.start : m.end]
                start, end = self.raw_span(block, span.start_char, span.end_char)
                mention_rows.append(
                    {"mention_id": f"{a.article_id}-m-{start}", "article_id": a.article_id, "actor_id": m.actor.actor_id,
                     "surface": self.raw_text(start, end), "char_start": start, "char_end": end}
                )
                actors.setdefault(m.actor.actor_id, m.actor.as_info())
        by_doc_token = {id(doc): actors_mod.token_actor(ms) for (_, doc), ms in zip(self.docs, mentions_by_doc, strict=True)}

        n_sentences = 0
        told = Told()
        subjects: dict[tuple[int, int], Mention] = {}
        days_by_verb: list[tuple[str, PartialDate]] = []
        documents_dated: list[tuple[str, PartialDate]] = []
        last_document: str | None = None
        for block, doc, sent, dates in dated:
            n_sentences += 1
            by_token = by_doc_token[id(doc)]
            happenings = {d.span.start: _day_of_happening_named(d.span, events, days_by_verb) for d in dates if d.mention.counts_from_happening}
            # a happening the article did not date before ("la veille d'une visite") gives no date
            dates = [d for d in dates if not d.mention.counts_from_happening or happenings[d.span.start] is not None]
            resolved, told = narrative_anchors(dates, reference, told, happenings)
            dates = _without_contradicted_happenings(dates, resolved)
            days_by_verb.extend(_days_told_by_verb(dates, resolved))
            found = _told_in_sentence(_events_in_sentence(sent, block, dates, by_token, reference, resolved))
            events.extend(_dated_by_its_document(e, documents_dated) for e in found)
            documents, last_document = _documents_dated(sent, dates, resolved, last_document)
            documents_dated.extend(documents)
            if (subject := main_subject(sent, by_token)) is not None:
                subjects[(block.start, sent.start_char)] = subject
            quantity_rows.extend(self._quantities(block, sent, by_token, actors))

        events = with_boycotted_days(resolve_pronoun_subjects(events, subjects))
        events = [with_two_parties(e, focus) for e in events]
        # Events are read from the body: a headline or section heading only announces what the
        # body tells (contract: "the body sentence over a headline").
        events = [e for e in events if e.block.kind == "paragraph"]
        events = with_story_actors(with_condemned_attackers(merge_events(events), events))
        custodians = _custodian_order(focus, [m for ms in mentions_by_doc for m in ms])
        events = [with_custodian(with_context_counterpart(e, focus), custodians) for e in events]
        events = [e for e in events if not _points_back(e)]
        events = [e for e in events if not _violence_told_again(e, events)]
        for e in events:
            for m in (e.actor1, e.actor2):
                if m is not None:  # an office holder's state may be named nowhere else
                    actors.setdefault(m.actor.actor_id, m.actor.as_info())
        event_rows = [self._event_row(e) for e in events]
        quantity_rows = _drop_headline_repeats(quantity_rows)
        body = "\n".join(a.block_text(b) for b in a.body_blocks())
        article_row = {
            "article_id": a.article_id,
            "source_path": a.source_path,
            "title": a.title,
            "published": published.iso if published else None,
            "published_precision": published.precision if published else None,
            "published_basis": basis,
            "url": a.url,
            "outlet": a.outlet,
            "language": a.language,
            "n_chars": len(body),
            "n_words": len(body.split()),
            "n_sentences": n_sentences,
            "sha256": a.sha256,
        }
        for q in quantity_rows:
            q.pop("_block_kind", None)
        log.debug("%s: %d mentions, %d events, %d quantities", a.article_id, len(mention_rows), len(event_rows), len(quantity_rows))
        return ArticleExtraction(article_row, mention_rows, event_rows, quantity_rows, actors)

    def _event_row(self, e: EventCandidate) -> dict:
        a = self.article
        block = e.block
        tokens = e.match.tokens
        t_start, t_end = self.raw_span(block, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        s_start, s_end = self.raw_span(block, e.sent.start_char, e.sent.end_char)
        return {
            "event_id": f"{a.article_id}-e-{t_start}",
            "article_id": a.article_id,
            "date": e.date.iso if e.date else None,
            "date_precision": e.date.precision if e.date else None,
            "date_start": e.date.start.isoformat() if e.date else None,
            "date_end": e.date.end.isoformat() if e.date else None,
            "event_type": e.event_type,
            "modality": e.modality,
            "actor1_id": _actor_id(e.actor1),
            "actor2_id": _actor_id(e.actor2),
            "location": e.location,
            "trigger": self.raw_text(t_start, t_end),
            "evidence": self.raw_text(s_start, s_end),
            "char_start": s_start,
            "char_end": s_end,
        }

    def _quantities(self, block: Block, sent: Span, by_token: dict[int, Mention], actors: dict) -> list[dict]:
        a = self.article
        rows = []
        s_start, s_end = self.raw_span(block, sent.start_char, sent.end_char)
        for q in find_quantities(sentence_text(sent)):
            q_start, q_end = self.raw_span(block, sent.start_char + q.start, sent.start_char + q.end)
            span = sent.doc.char_span(sent.start_char + q.start, sent.start_char + q.end, alignment_mode="expand")
            actor_id = None
            if span is not None:
                # "1 000 soldats américains": the mention covering the counted noun or its demonym.
                after = sent.doc[span.end : min(sent.end, span.end + 2)]
                for t in list(span) + list(after):
                    m = by_token.get(t.i)
                    if m is not None and m.actor.actor_type in {"country", "military", "armed_group", "coalition"}:
                        actor_id = m.actor.actor_id
                        break
            rows.append(
                {
                    "quantity_id": f"{a.article_id}-q-{q_start}",
                    "article_id": a.article_id,
                    "value": q.value,
                    "value_max": q.value_max,
                    "unit": q.unit,
                    "qualifier": q.qualifier,
                    "counted": q.counted or None,
                    "actor_id": actor_id if actor_id in actors else None,
                    "surface": self.raw_text(q_start, q_end),
                    "evidence": self.raw_text(s_start, s_end),
                    "char_start": s_start,
                    "char_end": s_end,
                    "_block_kind": block.kind,
                }
            )
        return rows


def _drop_headline_repeats(rows: list[dict]) -> list[dict]:
    """A figure in a headline that the body repeats is one claim: keep the body's."""
    body = {(r["value"], r["unit"]) for r in rows if r["_block_kind"] == "paragraph"}
    return [r for r in rows if r["_block_kind"] == "paragraph" or (r["value"], r["unit"]) not in body]


def read_safely(article: Article, docs: Sequence[tuple[Block, Doc]], nlp: Language) -> ArticleExtraction:
    """One article's rows; a bug in a rule on one unusual article costs that article's rows,
    not the release: it is logged with the file, and the article is still listed."""
    try:
        return ArticleReader(article, docs, nlp).run()
    except Exception:
        log.exception("%s: extraction failed; the article is published without rows. Please report this file.", article.source_path)
        return ArticleReader(article, [], nlp).run()


def extract_articles(articles: Iterable[Article], nlp: Language | None = None, n_process: int = 1) -> Iterator[ArticleExtraction]:
    """Parse and read articles, streaming every block of every article through the model once."""
    nlp = nlp or load_model()
    articles = list(articles)
    blocks = [(a, b) for a in articles for b in a.body_blocks()]
    docs = parse_texts((a.block_text(b) for a, b in blocks), nlp, n_process=n_process)
    current: Article | None = None
    pending: list[tuple[Block, Doc]] = []
    for (article, block), doc in zip(blocks, docs, strict=True):
        if current is not None and article is not current:
            yield read_safely(current, pending, nlp)
            pending = []
        current = article
        pending.append((block, doc))
    if current is not None:
        yield read_safely(current, pending, nlp)
