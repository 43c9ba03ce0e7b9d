"""Tests for sahel_data.extract.dates: finding French date expressions and resolving them.

Every sentence here is written for these tests (none comes from the seed articles), so the
rules are checked on phrasing they were not tuned to.
"""

from __future__ import annotations

import csv
import datetime
import itertools
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_data.extract.dates import (
    DateMention,
    PartialDate,
    find_dates,
    reference_date,
    resolve,
)

P = PartialDate.parse
D = datetime.date


def texts(sentence: str) -> list[str]:
    return [m.text for m in find_dates(sentence)]


def only(sentence: str) -> DateMention:
    found = find_dates(sentence)
    assert len(found) == 1, f"expected one date in {sentence!r}, found {[m.text for m in found]}"
    return found[0]


def case(*values, id: str):
    return pytest.param(*values, id=id)


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------
FOUND = [
    case("Le cessez-le-feu a été signé le 3 avril 2023 à Alger.", ["le 3 avril 2023"],
         id="day-month-year"),
    case("L'accord a été paraphé samedi 8 juin 2024 à Niamey.", ["samedi 8 juin 2024"],
         id="weekday-and-date-are-one-mention"),
    case("Le nouveau gouvernement est entré en fonction le 1er juin 2023.",
         ["le 1er juin 2023"], id="first-of-month"),
    case("Les derniers soldats ont quitté Tillabéri le 7 juin.", ["le 7 juin"],
         id="day-month-without-year"),
    case("Le contingent a été retiré en juillet 2023.", ["en juillet 2023"], id="en-month-year"),
    case("Juillet 2023 restera dans les mémoires à Niamey.", ["Juillet 2023"],
         id="month-year-capitalised"),
    case("Le pays a quitté l'organisation en 2022.", ["en 2022"], id="en-year"),
    case("La frontière est fermée depuis 2021.", ["depuis 2021"], id="depuis-year"),
    case("Les pluies ont coupé la route à la mi-juin.", ["à la mi-juin"], id="mi-month"),
    case("Le bataillon est rentré fin mai.", ["fin mai"], id="fin-month"),
    case("Des élections sont annoncées pour début 2024.", ["début 2024"], id="debut-year"),
    case("La réunion du 15/09/2024 a été reportée.", ["15/09/2024"], id="numeric-slashes"),
    case("Le décret du 15.09.2024 est entré en vigueur.", ["15.09.2024"], id="numeric-dots"),
    case("Le chef de la junte a parlé dimanche à la télévision.", ["dimanche"],
         id="bare-weekday"),
    case("Deux postes ont été attaqués vendredi dernier.", ["vendredi dernier"],
         id="weekday-dernier"),
    case("Les ministres se retrouvent lundi prochain à Lomé.", ["lundi prochain"],
         id="weekday-prochain"),
    case("Le chef d'état-major a été limogé hier.", ["hier"], id="hier"),
    case("La base est aujourd’hui sous contrôle de l'armée.", ["aujourd’hui"],
         id="aujourdhui-curly-apostrophe"),
    case("Les observateurs arriveront demain à Bamako.", ["demain"], id="demain"),
    case("Les convois ont repris cette semaine.", ["cette semaine"], id="cette-semaine"),
    case("Les frappes se sont intensifiées la semaine dernière.", ["la semaine dernière"],
         id="semaine-derniere"),
    case("Le contingent sera relevé ce mois-ci.", ["ce mois-ci"], id="ce-mois-ci"),
    case("Le président a limogé son Premier ministre le mois dernier.", ["le mois dernier"],
         id="mois-dernier"),
    case("En mars dernier, la junte a suspendu l'accord.", ["En mars dernier"],
         id="en-mars-dernier"),
    case("Le sommet est prévu au mois de mars.", ["au mois de mars"], id="au-mois-de"),
    case("Le poste avait été attaqué l’an dernier.", ["l’an dernier"], id="an-dernier"),
    case("Le budget militaire a doublé l'année passée.", ["l'année passée"],
         id="annee-passee"),
    case("La base a été construite il y a dix ans.", ["il y a dix ans"], id="il-y-a-ans"),
    case("Les derniers soldats partiront dans deux mois.", ["dans deux mois"],
         id="dans-deux-mois"),
    case("Le retrait doit être achevé d’ici le 15 septembre.", ["d’ici le 15 septembre"],
         id="dici-le"),
    case("Les troupes partiront au plus tard le 15 septembre 2024.",
         ["au plus tard le 15 septembre 2024"], id="au-plus-tard"),
    case("Le matériel sera évacué d'ici au 15 septembre.", ["d'ici au 15 septembre"],
         id="dici-au"),
    case("La base sera fermée d'ici à la fin de l'année.", ["d'ici à la fin de l'année"],
         id="dici-a-la-fin-de-lannee"),
    case("Le contingent partira d'ici les quatre prochains mois.",
         ["d'ici les quatre prochains mois"], id="dici-n-prochains-mois"),
    case("La transition doit s'achever d'ici 2025.", ["d'ici 2025"], id="dici-year"),
    case("Le couvre-feu est prolongé jusqu'au 31 mars.", ["jusqu'au 31 mars"],
         id="jusquau"),
    case("Les violences ont doublé de 2020 à 2022.", ["2020", "2022"], id="year-range"),
    case("Les attaques ont été nombreuses en 2021, 2022 et 2023.", ["en 2021", "2022", "2023"],
         id="year-list"),
    case("Les patrouilles ont eu lieu en mars et avril.", ["en mars", "avril"],
         id="month-list"),
    case("2023 a été l'année la plus meurtrière.", ["2023"], id="year-subject"),
    case("Le départ\u00a0est prévu pour septembre\u00a02025.", ["prévu pour septembre\u00a02025"],
         id="no-break-spaces"),
    case("Les groupes armés sévissent depuis des décennies.", ["depuis des décennies"],
         id="vague-decennies"),
    case("Un accord sera signé dans les prochains mois.", ["dans les prochains mois"],
         id="vague-prochains-mois"),
    case("Selon le porte-parole, les soldats ont quitté la base le 13.", ["le 13"], id="day-alone"),
    case("Les combats ont repris le 2, après une trêve.", ["le 2"], id="day-alone-comma"),
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_find_dates_french_sentence_yields_expected_spans(sentence, expected):
    assert texts(sentence) == expected


NOT_FOUND = [
    case("Près de 1 000 soldats sont déployés dans la zone.", id="thousands-group"),
    case("La base aérienne 101 a été rétrocédée à l'armée.", id="base-number"),
    case("Le Conseil a adopté la résolution 2719 à l'unanimité.", id="resolution-number"),
    case("La résolution 2071 a été votée sans débat.", id="plausible-year-without-context"),
    case("Avril Haines a présenté son rapport au Congrès.", id="month-name-as-first-name"),
    case("Mais le gouvernement maintient sa position.", id="mai-inside-words"),
    case("Les deux pays ont mis fin à leur coopération.", id="fin-not-before-a-date"),
    case("Le dernier soldat a quitté la base.", id="dernier-without-period"),
    case("Ils étaient sept à la réunion.", id="sept-is-a-number"),
    case("Une force de 2000 soldats est attendue.", id="de-plus-number"),
    case("Il y a deux pays dans cette alliance.", id="il-y-a-without-unit"),
    case("Le 13 soldats ont été blessés.", id="le-number-before-a-noun"),
    case("Le score est passé de 2 à 3.", id="numbers-without-le"),
]


@pytest.mark.parametrize("sentence", NOT_FOUND)
def test_find_dates_non_date_numbers_and_words_yield_nothing(sentence):
    assert texts(sentence) == []


FLAGS = [
    # phrase, is_relative, is_deadline, is_future, has_year
    case("conclu le 19 mai 2024", False, False, False, True, id="absolute"),
    case("conclu le 19 mai", True, False, False, False, id="no-year-is-relative"),
    case("d'ici le 15 septembre", True, True, True, False, id="dici-deadline-future"),
    case("avant le 1er juillet 2025", False, True, False, True, id="avant-deadline-neutral"),
    case("jusqu'en 2026", False, True, False, True, id="jusquen-year"),
    case("lundi prochain", True, False, True, False, id="prochain-future"),
    case("demain", True, False, True, False, id="demain-future"),
    case("jusqu'à aujourd'hui", True, False, False, False, id="until-today-no-deadline"),
    case("dans deux mois", True, False, True, False, id="dans-point-not-deadline"),
    case("dans les six mois", True, True, True, False, id="dans-les-window-deadline"),
    case("il y a trois mois", True, False, False, False, id="il-y-a-past"),
    case("prévu pour septembre 2025", False, False, True, True, id="schedule-future"),
    case("le 15 septembre 2024 au plus tard", False, True, True, True, id="au-plus-tard-after-the-date"),
]


@pytest.mark.parametrize(("phrase", "relative", "deadline", "future", "has_year"), FLAGS)
def test_find_dates_phrase_flags_match_its_words(phrase, relative, deadline, future, has_year):
    m = only(phrase)
    assert (m.is_relative, m.is_deadline, m.is_future, m.has_year) == (
        relative, deadline, future, has_year)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"], ids=["ascii", "u2019"])
@pytest.mark.parametrize("space", [" ", "\u00a0"], ids=["space", "nbsp"])
def test_find_dates_apostrophe_and_space_variants_same_result(apostrophe, space):
    sentence = f"Le départ aura lieu d{apostrophe}ici{space}le 15{space}septembre."
    m = only(sentence)
    assert m.text == f"d{apostrophe}ici{space}le 15{space}septembre"
    assert sentence[m.start:m.end] == m.text
    assert resolve(m, P("2024-06-08")).iso == "2024-09-15"


# --------------------------------------------------------------------------------------------
# Resolving
# --------------------------------------------------------------------------------------------
RESOLVED = [
    # phrase, reference, future, expected iso
    case("le 19 mai 2024", None, None, "2024-05-19", id="absolute-needs-no-reference"),
    case("dimanche 19 mai 2024", "2025", None, "2024-05-19", id="absolute-ignores-reference"),
    case("en juillet 2023", None, None, "2023-07", id="month-year"),
    case("depuis 2021", None, None, "2021", id="year"),
    case("mi-juin 2024", None, None, "2024-06", id="mi-month-is-month"),
    case("début 2024", None, None, "2024", id="debut-year-is-year"),
    case("le 15.09.2024", None, None, "2024-09-15", id="numeric"),
    case("le 7 juin", "2024-06-08", None, "2024-06-07", id="day-month-nearest-past"),
    case("le 7 juin", "2024-06-05", None, "2023-06-07", id="day-month-past-previous-year"),
    case("le 7 juin", "2024-06-05", True, "2024-06-07", id="day-month-future-tense"),
    case("le 7 juin", "2024", None, "2024-06-07", id="day-month-year-reference"),
    case("le 30 juin", "2024-06", None, "2024-06-30", id="day-month-month-reference"),
    case("le 19 mai dernier", "2024-06-08", None, "2024-05-19", id="day-month-dernier"),
    case("d'ici le 15 septembre", "2024-06-08", None, "2024-09-15", id="deadline-same-year"),
    case("d'ici le 15 septembre", "2024-09-20", None, "2025-09-15", id="deadline-next-year"),
    case("avant le 10 janvier", "2024-12-02", None, "2025-01-10",
         id="deadline-across-new-year"),
    case("le 29 février", "2025-03-10", None, "2024-02-29", id="leap-day-past"),
    case("le 29 février", "2025-03-10", True, "2028-02-29", id="leap-day-future"),
    case("dimanche 19 mai", "2025-06-01", None, "2024-05-19", id="weekday-picks-year"),
    case("dimanche", "2024-06-08", None, "2024-06-02", id="weekday-on-or-before"),
    case("dimanche", "2024-06-09", None, "2024-06-09", id="weekday-same-day"),
    case("vendredi dernier", "2024-06-07", None, "2024-05-31", id="weekday-dernier-strict"),
    case("lundi prochain", "2024-06-10", None, "2024-06-17", id="weekday-prochain-strict"),
    case("samedi", "2024-06-05", True, "2024-06-08", id="weekday-future-tense"),
    case("vendredi", "2024-06", None, "2024-06", id="weekday-month-reference"),
    case("vendredi", "2024", None, "2024", id="weekday-year-reference"),
    case("hier", "2024-03-01", None, "2024-02-29", id="hier-leap-year"),
    case("demain", "2023-12-31", None, "2024-01-01", id="demain-new-year"),
    case("aujourd'hui", "2024-06", None, "2024-06", id="aujourdhui-month-reference"),
    case("ce mois-ci", "2024-06-08", None, "2024-06", id="ce-mois-ci"),
    case("le mois dernier", "2024-01-15", None, "2023-12", id="mois-dernier-across-year"),
    case("le mois prochain", "2024-12", None, "2025-01", id="mois-prochain-month-reference"),
    case("le mois dernier", "2024", None, "2024", id="mois-dernier-year-reference"),
    case("en mars dernier", "2024-06-08", None, "2024-03", id="mars-dernier"),
    case("en mars dernier", "2024-03-20", None, "2023-03", id="mars-dernier-strict"),
    case("en mars", "2024-03-20", None, "2024-03", id="mars-plain-on-or-before"),
    case("au mois de mars", "2024-02-01", None, "2023-03", id="au-mois-de-mars-past"),
    case("en mars", "2024-02-01", True, "2024-03", id="mars-future-tense"),
    case("en mars", "2024-03-20", True, "2024-03", id="mars-future-same-month"),
    case("mars prochain", "2024-03-20", None, "2025-03", id="mars-prochain-strict"),
    case("depuis juillet", "2024-06-08", None, "2023-07", id="depuis-points-back"),
    case("l'année dernière", "2024-06-08", None, "2023", id="annee-derniere"),
    case("l'an dernier", "2024", None, "2023", id="an-dernier-year-reference"),
    case("l’an passé", "2024-06", None, "2023", id="an-passe"),
    case("cette année", "2024-06-08", None, "2024", id="cette-annee"),
    case("l'année prochaine", "2024-06-08", None, "2025", id="annee-prochaine"),
    case("il y a deux ans", "2024-06-08", None, "2022", id="il-y-a-deux-ans"),
    case("il y a trois mois", "2024-02-10", None, "2023-11", id="il-y-a-trois-mois"),
    case("il y a près de deux ans", "2024-06-08", None, "2022", id="il-y-a-pres-de-deux-ans"),
    case("il y a près d’un an", "2024-06-08", None, "2023", id="il-y-a-pres-d-un-an"),
    case("il y a dix jours", "2024-03-05", None, "2024-02-24", id="il-y-a-dix-jours-leap"),
    case("dans deux mois", "2024-11-30", None, "2025-01", id="dans-deux-mois"),
    case("d'ici les quatre prochains mois", "2024-06-08", None, "2024-10",
         id="dici-quatre-mois-day-reference-month-precision"),
    case("dans les six mois", "2024-09", None, "2025-03", id="dans-les-six-mois"),
    case("d'ici deux ans", "2024-06-08", None, "2026", id="dici-deux-ans"),
    case("d'ici la fin de l'année", "2024-06-08", None, "2024", id="dici-fin-annee"),
    case("d'ici 2025", None, None, "2025", id="dici-year-no-reference"),
    case("fin mai", "2024-06-08", None, "2024-05", id="fin-mai"),
    case("le 13.", "2024-06-15", None, "2024-06-13", id="day-alone-this-month"),
    case("le 20.", "2024-06-15", None, "2024-05-20", id="day-alone-last-month"),
    case("le 20.", "2024-06-15", True, "2024-06-20", id="day-alone-future"),
    case("le 31.", "2024-03-15", None, "2024-01-31", id="day-alone-skips-short-month"),
    case("au début de l'année prochaine", "2024-06", None, "2025", id="debut-annee-prochaine"),
]


@pytest.mark.parametrize(("phrase", "reference", "future", "expected"), RESOLVED)
def test_resolve_phrase_against_reference_gives_iso(phrase, reference, future, expected):
    ref = P(reference) if reference else None
    result = resolve(only(phrase), ref, future=future)
    assert result is not None
    assert result.iso == expected


WEEKS = [
    case("cette semaine", "2024-06-08", "2024-06", D(2024, 6, 3), D(2024, 6, 9),
         id="cette-semaine"),
    # The week is labelled with the month of the reference day moved back a week (1 June).
    case("la semaine dernière", "2024-06-08", "2024-06", D(2024, 5, 27), D(2024, 6, 2),
         id="semaine-derniere-crosses-month"),
    case("la semaine prochaine", "2024-12-30", "2025-01", D(2025, 1, 6), D(2025, 1, 12),
         id="semaine-prochaine-new-year"),
    case("il y a une semaine", "2024-03-05", "2024-02", D(2024, 2, 26), D(2024, 3, 3),
         id="il-y-a-une-semaine-leap"),
    case("la semaine dernière", "2024-06", "2024-06", D(2024, 6, 1), D(2024, 6, 30),
         id="month-reference-gives-month"),
]


@pytest.mark.parametrize(("phrase", "reference", "iso", "start", "end"), WEEKS)
def test_resolve_week_phrase_gives_month_precision_with_week_bounds(phrase, reference, iso,
                                                                     start, end):
    result = resolve(only(phrase), P(reference))
    assert (result.iso, result.precision, result.start, result.end) == (iso, "month", start, end)


NULL_WITHOUT_REFERENCE = [
    case("le 7 juin", id="day-month"),
    case("dimanche", id="weekday"),
    case("hier", id="hier"),
    case("l'année dernière", id="annee-derniere"),
    case("en mars dernier", id="mars-dernier"),
    case("d'ici les quatre prochains mois", id="window"),
]


def test_resolve_day_alone_with_a_month_reference_is_none():
    (mention,) = find_dates("Les soldats ont quitté la base le 13.")
    assert resolve(mention, PartialDate.parse("2024-06")) is None  # which month: no guess


@pytest.mark.parametrize("phrase", NULL_WITHOUT_REFERENCE)
def test_resolve_relative_phrase_without_reference_is_none(phrase):
    assert resolve(only(phrase), None) is None


VAGUE = [
    case("Des renforts arriveront dans les prochains mois.", id="prochains-mois"),
    case("Trois coups d'État au cours de la dernière décennie.", id="derniere-decennie"),
    case("Les groupes armés sévissent depuis des décennies.", id="depuis-des-decennies"),
    case("Le pays a récemment acheté des drones.", id="recemment"),
    case("Cette année-là, le pays a connu deux coups d'État.", id="annee-la"),
    case("Le départ aura lieu dans les six mois suivant la signature.",
         id="window-anchored-on-an-event"),
    case("La base a été attaquée il y a quelques mois.", id="il-y-a-quelques-mois"),
]


@pytest.mark.parametrize("sentence", VAGUE)
def test_resolve_vague_expression_is_none(sentence):
    assert resolve(only(sentence), P("2024-06-08")) is None


@pytest.mark.parametrize(
    "sentence, anchor, expected",
    [
        ("L'armée a riposté le lendemain.", "2025-04-06", "2025-04-07"),
        ("La veille, un convoi avait été visé.", "2025-03-01", "2025-02-28"),
        ("Le même jour, le pays a fermé sa frontière.", "2025-04", "2025-04"),
        ("L'armée a riposté le lendemain.", "2025-04", None),  # a day after a month: unknown
        ("L'armée a riposté le lendemain.", None, None),
    ],
)
def test_resolve_anchored_day_counts_from_the_date_told_before(sentence, anchor, expected):
    (m,) = find_dates(sentence)
    resolved = resolve(m, PartialDate.parse("2025-06-01"), anchor=PartialDate.parse(anchor) if anchor else None)
    assert (resolved.iso if resolved else None) == expected


@pytest.mark.parametrize(
    "sentence, anchor, expected",
    [
        ("Les instructeurs sont arrivés le mois suivant.", "2022-03-05", "2022-04"),
        ("Le contrat avait été signé l'année précédente.", "2022-03", "2021"),
        ("Cette année-là, le pays a connu deux coups d'État.", "2022-03-05", "2022"),
        ("Ce jour-là, les combats ont repris.", "2022-03", "2022-03"),  # never finer than the anchor
        ("Les instructeurs sont arrivés le mois suivant.", "2022", None),
        ("Le président avait alors dépêché une délégation.", "2022-03", "2022-03"),
        ("Le lieutenant-colonel avait pris le pouvoir huit mois plus tôt.", "2022-09-30", "2022-01"),
        ("Trois jours plus tard, l'armée a lancé une contre-offensive.", "2022-09-30", "2022-10-03"),
        ("Trois jours plus tard, l'armée a lancé une contre-offensive.", "2022-09", None),
    ],
)
def test_resolve_anaphoric_period_counts_from_the_period_told_before(sentence, anchor, expected):
    (m,) = find_dates(sentence)
    resolved = resolve(m, PartialDate.parse("2025-06-01"), anchor=PartialDate.parse(anchor))
    assert (resolved.iso if resolved else None) == expected


@pytest.mark.parametrize("sentence", ["Alors que les soldats partaient, la ville est tombée.", "Un groupe jusqu'alors inconnu a revendiqué l'attaque."])
def test_find_dates_alors_que_and_jusqu_alors_are_no_date(sentence):
    assert find_dates(sentence) == []


@pytest.mark.parametrize("sentence", ["La veille du scrutin, des urnes ont été brûlées.", "Le lendemain de l'attaque, le groupe a revendiqué."])
def test_find_dates_anchored_day_of_a_named_happening_counts_from_that_happening_not_the_narrative(sentence):
    (mention,) = find_dates(sentence)
    assert mention.counts_from_happening
    assert resolve(mention, P("2024-06-08")) is None  # no happening's day given: no date
    assert resolve(mention, P("2024-06-08"), anchor=P("2024-06-03")).iso in {"2024-06-02", "2024-06-04"}


def test_resolve_caller_tense_loses_to_the_words_of_the_mention():
    # "dernier" says past even when the caller believes the verb is in the future.
    assert resolve(only("en mars dernier"), P("2024-06-08"), future=True).iso == "2024-03"
    assert resolve(only("d'ici le 15 septembre"), P("2024-09-20"), future=False).iso == \
        "2025-09-15"


# --------------------------------------------------------------------------------------------
# Reference date
# --------------------------------------------------------------------------------------------
REFERENCES = [
    case("2024-06", ["2024-06-08", "2024-06-07"], "2024-06-08", id="refined-by-latest-past"),
    case("2024-06", ["2024-05-19"], "2024-06", id="outside-published-ignored"),
    case("2024-06", ["2024-07-02"], "2024-06", id="after-published-ignored"),
    case("2024", ["2024-05", "2024-03-14"], "2024-05", id="latest-start-wins"),
    case("2024", ["2024-05", "2024-05-19"], "2024-05-19", id="finer-inside-same-month"),
    case("2024-06-08", ["2024-06-08"], "2024-06-08", id="already-day-precision"),
    case("2024-06", [], "2024-06", id="no-past-dates"),
]


@pytest.mark.parametrize(("published", "past", "expected"), REFERENCES)
def test_reference_date_published_and_past_dates_give_reference(published, past, expected):
    assert reference_date(P(published), [P(p) for p in past]).iso == expected


def test_reference_date_without_publication_is_none():
    assert reference_date(None, [P("2024-06-08")]) is None


# --------------------------------------------------------------------------------------------
# PartialDate
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("iso", "precision", "start", "end"),
    [
        case("2024", "year", D(2024, 1, 1), D(2024, 12, 31), id="year"),
        case("2024-02", "month", D(2024, 2, 1), D(2024, 2, 29), id="leap-february"),
        case("2023-02", "month", D(2023, 2, 1), D(2023, 2, 28), id="plain-february"),
        case("2024-05-19", "day", D(2024, 5, 19), D(2024, 5, 19), id="day"),
    ],
)
def test_partialdate_parse_iso_gives_precision_and_bounds(iso, precision, start, end):
    p = P(iso)
    assert (p.iso, p.precision, p.start, p.end) == (iso, precision, start, end)


@pytest.mark.parametrize(
    "bad",
    ["mai 2024", "2024-5", "24-05-19", "2024-13", "2023-02-29", "2024-05-19T10:00", ""],
    ids=["french-words", "one-digit-month", "two-digit-year", "month-13", "not-leap",
         "datetime", "empty"],
)
def test_partialdate_parse_malformed_raises_valueerror(bad):
    with pytest.raises(ValueError, match="PartialDate"):
        P(bad)


def test_partialdate_week_of_sunday_ends_that_day():
    w = PartialDate.week(D(2024, 6, 9))
    assert (w.iso, w.start, w.end) == ("2024-06", D(2024, 6, 3), D(2024, 6, 9))


# --------------------------------------------------------------------------------------------
# Lexicon: every row's example yields its row
# --------------------------------------------------------------------------------------------
def _fold(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").replace("\u00a0", " ").lower().split())


def _rows():
    raw = resources.files("sahel_data.lexicons").joinpath("date_words.csv").read_text("utf-8")
    return list(csv.DictReader(raw.splitlines()))


def test_lexicon_rows_form_and_kind_are_unique():
    pairs = [(_fold(r["form"]), r["kind"]) for r in _rows()]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['kind']}:{r['form']}")
def test_lexicon_row_example_yields_its_row(row):
    form, kind, value, example = row["form"], row["kind"], row["value"], row["example"]
    assert _fold(form).rstrip("-") in _fold(example), "the example must contain the form"
    found = find_dates(example)
    if kind == "range":
        assert len(found) >= 2
        assert _fold(form) in _fold(example[found[0].end:found[1].start]) or \
            _fold(example[:found[0].start]).endswith(_fold(form))
        return
    if kind == "day_range":
        # a span of days is one mention: the form opens it or links its two days inside it
        (span,) = [m for m in found if m._parsed.until is not None]
        words = _fold(span.text).split()
        assert _fold(form) in words[1:-1] or _fold(example[:span.start]).rstrip().endswith(_fold(form))
        return
    if kind == "year_follow":
        assert any(_fold(example[m.end:]).startswith(_fold(form)) for m in found)
        return
    holding = [m for m in found if _fold(form).rstrip("-") in _fold(m.text)]
    assert holding, f"no mention of {example!r} contains {form!r}: {[m.text for m in found]}"
    parsed = [m._parsed for m in holding]
    if kind == "month":
        assert any(p.month == int(value) for p in parsed)
    elif kind == "weekday":
        assert any(p.weekday == int(value) for p in parsed)
    elif kind == "number":
        assert any(abs(p.n) == int(value) for p in parsed)
    elif kind == "anaphoric":
        # a period with an article is counted from the one told before ("l'année suivante");
        # a window of several ("dans les six mois suivants") counts from an unnamed happening
        shift = {"same": 0, "next": 1, "previous": -1}[value]
        assert any(p.kind == "vague" or (p.kind == "anchored" and p.n == shift) for p in parsed)
    elif kind in {"vague_adverb", "vague_quantity"}:
        assert any(p.kind == "vague" for p in parsed)
    elif kind == "deadline":
        assert any(m.is_deadline for m in holding)
    elif kind == "anchored_shift":
        sign = {"next": 1, "previous": -1}[value]
        assert any(p.kind == "anchored" and p.n * sign > 0 for p in parsed)
    elif kind == "anchored_day":
        assert any(p.kind == "anchored" and p.n == int(value) for p in parsed)
    elif kind == "of_year":
        shift = {"same": 0, "next": 1, "previous": -1}[value]
        assert any(p.kind == "anchored" and p.unit == "year" and p.month is not None and p.n == shift for p in parsed)


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------
partial_dates = st.builds(
    lambda d, precision: PartialDate.of(d.year, *(
        () if precision == "year" else (d.month,) if precision == "month" else
        (d.month, d.day))),
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    st.sampled_from(["year", "month", "day"]),
)


@given(partial_dates)
def test_partialdate_any_date_roundtrips_through_iso(p):
    assert P(p.iso) == p
    assert p.start <= p.end


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_partialdate_week_any_day_is_monday_to_sunday_around_it(day):
    w = PartialDate.week(day)
    assert w.start.weekday() == 0 and (w.end - w.start).days == 6
    assert w.start <= day <= w.end and w.iso == f"{day.year:04d}-{day.month:02d}"


TOKENS = [
    "le", "15", "1er", "septembre", "sept.", "mai", "2024", "1 000", "d’ici", "d'ici", "au",
    "plus", "tard", "dimanche", "dernier", "prochaine", "semaine", "l’année", "an", "mois",
    "il y a", "deux", "dans", "les", "mi-", "juin", "fin", "début", "en", "depuis", "hier",
    "aujourd’hui", "15/09/2024", "de", "à", "et", ",", ".", "\u00a0", "\n", "-ci", "-là",
    "prochains", "décennies", "soldats", "Niamey", "base", "101", "résolution", "2719", "(",
]
sentences = st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join)


@given(st.one_of(sentences, st.text(max_size=80)))
def test_find_dates_any_text_offsets_point_at_the_mention(text):
    found = find_dates(text)
    for m in found:
        assert text[m.start:m.end] == m.text and m.start < m.end
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@given(sentences, partial_dates)
def test_resolve_relative_mention_is_never_finer_than_reference(text, ref):
    rank = {"year": 0, "month": 1, "day": 2}
    for m in find_dates(text):
        result = resolve(m, ref)
        if m._parsed.kind in {"weekday", "shift"} and result is not None:
            assert rank[result.precision] <= rank[ref.precision]
        if result is None and not m.has_year:
            continue
        if not m.has_year and m._parsed.kind != "vague":
            assert result is not None
        assert resolve(m, None) is None or m.has_year


def _patterns_skipped_wrongly(text: str) -> list[str]:
    """Grammar patterns that match `text` although a core they are said to need is absent."""
    from sahel_data.extract.dates import _FOLD, _grammar

    norm = text.translate(_FOLD)
    return [
        pattern.pattern[:60]
        for pattern, _, needs, _ in _grammar().patterns
        if pattern.search(norm) and not all(any(core.search(norm) for core in cores) for cores in needs)
    ]


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['kind']}:{r['form']}")
def test_find_dates_lexicon_example_no_pattern_skipped_for_a_missing_core(row):
    assert _patterns_skipped_wrongly(row["example"]) == []


@given(st.one_of(sentences, st.text(max_size=80)))
def test_find_dates_any_text_no_pattern_skipped_for_a_missing_core(text):
    assert _patterns_skipped_wrongly(text) == []


@pytest.mark.parametrize(
    ("text", "iso", "bounds"),
    [
        ("une période de transition du 29 janvier au 29 juillet 2025", "2025", ("2025-01-29", "2025-07-29")),
        ("une trêve du 15 décembre au 15 janvier 2025", "2024-12", ("2024-12-15", "2025-01-15")),  # across the new year
        ("des combats entre le 27 et le 31 mars 2022", "2022-03", ("2022-03-27", "2022-03-31")),
        ("une conférence du 3 au 5 mars", "2023-03", ("2023-03-03", "2023-03-05")),  # no year: the reference's
    ],
)
def test_resolve_span_of_days_is_one_date_at_the_precision_that_holds_it(text, iso, bounds):
    (span,) = find_dates(text)
    date = resolve(span, PartialDate.parse("2023-06-10"))
    assert (date.iso, str(date.start), str(date.end)) == (iso, *bounds)


def test_find_dates_two_days_listed_without_a_span_stay_two_dates():
    # "le 29 janvier et le 3 mars 2025" lists two days; only "du", "entre" open a span
    assert [m.has_year for m in find_dates("le 29 janvier et le 3 mars 2025")] == [False, True]


@pytest.mark.parametrize("text, anchor, expected", [
    ("expulsé en janvier de la même année", "2022-08", "2022-01"),
    ("signé le 5 mai de l'année précédente", "2022-08-15", "2021-05-05"),
    ("parti en mars de l'année suivante", "2022", "2023-03"),
])
def test_month_of_the_year_told_counts_from_the_narrative_not_the_reference(text, anchor, expected):
    (m,) = find_dates(text)
    assert resolve(m, PartialDate.parse("2025-08-14"), anchor=PartialDate.parse(anchor)).iso == expected
    assert resolve(m, PartialDate.parse("2025-08-14"), anchor=None) is None  # no year told: unknown, not the reference's
