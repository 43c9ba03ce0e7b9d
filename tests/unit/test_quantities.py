"""Unit tests for sahel_data.extract.quantities: positives, negatives, lexicon examples, offsets."""

from __future__ import annotations

import csv
import importlib.resources
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_data.extract.quantities import (
    QUALIFIERS,
    UNITS,
    Quantity,
    _non_quantity_templates,
    _Reader,
    find_quantities,
)


def _lexicon(name: str) -> list[dict[str, str]]:
    resource = importlib.resources.files("sahel_data.lexicons") / name
    with resource.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, f"{text!r}: expected one quantity, found {found}"
    return found[0]


# (sentence, surface, value, value_max, unit, qualifier, counted)
POSITIVES = [
    pytest.param(
        "Le contingent allemand compte près de 1 100 soldats à Gao.",
        "près de 1 100 soldats",
        1100,
        None,
        "person",
        "approx",
        "soldats",
        id="pres-de-1100-soldats",
    ),
    pytest.param(
        "Le contingent compte 1\u00a0500 hommes.",
        "1\u00a0500 hommes",
        1500,
        None,
        "person",
        "exact",
        "hommes",
        id="no-break-space-group",
    ),
    pytest.param(
        "Le camp abrite 12\u202f000 déplacés.",
        "12\u202f000 déplacés",
        12000,
        None,
        "person",
        "exact",
        "déplacés",
        id="narrow-no-break-space",
    ),
    pytest.param(
        "Le régime a mobilisé 3.000 volontaires.",
        "3.000 volontaires",
        3000,
        None,
        "person",
        "exact",
        "volontaires",
        id="dot-group-separator",
    ),
    pytest.param(
        "Le fonds dispose de 1 000 000 de dollars.",
        "1 000 000 de dollars",
        1_000_000,
        None,
        "USD",
        "exact",
        "dollars",
        id="million-in-digits",
    ),
    pytest.param(
        "Le bataillon réunit huit cents soldats.",
        "huit cents soldats",
        800,
        None,
        "person",
        "exact",
        "soldats",
        id="spelled-huit-cents",
    ),
    pytest.param(
        "L'armée a perdu quatre-vingt-dix hommes dans le nord.",
        "quatre-vingt-dix hommes",
        90,
        None,
        "person",
        "exact",
        "hommes",
        id="spelled-hyphenated",
    ),
    pytest.param(
        "Vingt et un soldats ont été tués dans l'embuscade.",
        "Vingt et un soldats",
        21,
        None,
        "person",
        "exact",
        "soldats",
        id="spelled-vingt-et-un",
    ),
    pytest.param(
        "Le nouvel aéroport militaire aura coûté 100 millions de dollars.",
        "100 millions de dollars",
        100_000_000,
        None,
        "USD",
        "exact",
        "dollars",
        id="scale-millions-usd",
    ),
    pytest.param(
        "L'État réclame 2 milliards de francs CFA à la société.",
        "2 milliards de francs CFA",
        2e9,
        None,
        "XOF",
        "exact",
        "francs CFA",
        id="scale-milliards-xof",
    ),
    pytest.param(
        "L'Union européenne promet 1,2 million d'euros.",
        "1,2 million d'euros",
        1_200_000,
        None,
        "EUR",
        "exact",
        "euros",
        id="decimal-million-euros",
    ),
    pytest.param(
        "Le budget atteint 1,5 million de dollars.",
        "1,5 million de dollars",
        1_500_000,
        None,
        "USD",
        "exact",
        "dollars",
        id="decimal-comma",
    ),
    pytest.param(
        "La Banque mondiale a gelé deux millions de dollars de prêts.",
        "deux millions de dollars",
        2_000_000,
        None,
        "USD",
        "exact",
        "dollars",
        id="spelled-scale",
    ),
    pytest.param(
        "L'aide atteint 50 millions $ cette année.",
        "50 millions $",
        50_000_000,
        None,
        "USD",
        "exact",
        "$",
        id="dollar-symbol-after",
    ),
    pytest.param(
        "Le contrat vaut 300 M€ selon la presse.",
        "300 M€",
        300_000_000,
        None,
        "EUR",
        "exact",
        "€",
        id="abbreviated-scale-euro",
    ),
    pytest.param(
        "Un millier de soldats ont franchi la frontière.",
        "Un millier de soldats",
        1000,
        None,
        "person",
        "approx",
        "soldats",
        id="collective-millier",
    ),
    pytest.param(
        "Une centaine de civils ont fui le village.",
        "Une centaine de civils",
        100,
        None,
        "person",
        "approx",
        "civils",
        id="collective-centaine",
    ),
    pytest.param(
        "Le raid a fait une dizaine de blessés.",
        "une dizaine de blessés",
        10,
        None,
        "person",
        "approx",
        "blessés",
        id="collective-dizaine",
    ),
    pytest.param(
        "Plus d'une centaine de mercenaires sont arrivés.",
        "Plus d'une centaine de mercenaires",
        100,
        None,
        "person",
        "at_least",
        "mercenaires",
        id="qualifier-overrides-collective",
    ),
    pytest.param(
        "Selon l'enquête, environ deux tiers des Tchadiens soutiennent la junte.",
        "environ deux tiers des Tchadiens",
        0.6667,
        None,
        "ratio",
        "approx",
        "Tchadiens",
        id="fraction-deux-tiers",
    ),
    pytest.param(
        "La moitié des instructeurs sont rentrés à Moscou.",
        "La moitié des instructeurs",
        0.5,
        None,
        "ratio",
        "exact",
        "instructeurs",
        id="la-moitie",
    ),
    pytest.param(
        "Un quart du budget va à la défense.",
        "Un quart du budget",
        0.25,
        None,
        "ratio",
        "exact",
        "budget",
        id="un-quart",
    ),
    pytest.param(
        "Le oui l'emporte avec 60 % des voix.",
        "60 % des voix",
        60,
        None,
        "percent",
        "exact",
        "voix",
        id="percent-sign",
    ),
    pytest.param(
        "Près de 60 pour cent de la population vit sous le seuil de pauvreté.",
        "Près de 60 pour cent de la population",
        60,
        None,
        "percent",
        "approx",
        "population",
        id="pour-cent-with-article",
    ),
    pytest.param(
        "La participation a chuté à 27 %.",
        "27 %",
        27,
        None,
        "percent",
        "exact",
        "",
        id="percent-nothing-counted",
    ),
    pytest.param(
        "Chaque patrouille compte de 10 à 20 soldats.",
        "de 10 à 20 soldats",
        10,
        20,
        "person",
        "exact",
        "soldats",
        id="range-de-a",
    ),
    pytest.param(
        "L'attaque a fait entre 20 et 30 morts.",
        "entre 20 et 30 morts",
        20,
        30,
        "person",
        "exact",
        "morts",
        id="range-entre-et",
    ),
    pytest.param(
        "Le coût varie entre 1 et 1,5 million d'euros.",
        "entre 1 et 1,5 million d'euros",
        1_000_000,
        1_500_000,
        "EUR",
        "exact",
        "euros",
        id="range-shared-scale",
    ),
    pytest.param(
        "Les pourparlers dureront deux ou trois jours.",
        "deux ou trois jours",
        2,
        3,
        "day",
        "approx",
        "jours",
        id="range-ou-is-approx",
    ),
    pytest.param(
        "Les soldats ont reçu une formation de cinq jours.",
        "cinq jours",
        5,
        None,
        "day",
        "exact",
        "jours",
        id="duration-days",
    ),
    pytest.param(
        "Le contingent sera rapatrié dans les quatre prochains mois.",
        "quatre prochains mois",
        4,
        None,
        "month",
        "exact",
        "mois",
        id="deadline-months",
    ),
    pytest.param(
        "Les négociations ont traîné pendant deux ans.",
        "deux ans",
        2,
        None,
        "year",
        "exact",
        "ans",
        id="duration-years",
    ),
    pytest.param(
        "La transition durera deux ans et demi.",
        "deux ans et demi",
        2.5,
        None,
        "year",
        "exact",
        "ans",
        id="duration-et-demi",
    ),
    pytest.param(
        "Les otages ont été retenus pendant 48h.",
        "48h",
        48,
        None,
        "hour",
        "exact",
        "h",
        id="hours-glued",
    ),
    pytest.param(
        "L'embuscade a eu lieu à 40 km de Gao.",
        "40 km",
        40,
        None,
        "km",
        "exact",
        "km",
        id="distance-km",
    ),
    pytest.param(
        "Le convoi transportait 25 tonnes de vivres.",
        "25 tonnes",
        25,
        None,
        "tonne",
        "exact",
        "tonnes",
        id="tonnes",
    ),
    pytest.param(
        "L'armée a reçu trois drones armés.",
        "trois drones",
        3,
        None,
        "item",
        "exact",
        "drones",
        id="item-drones",
    ),
    pytest.param(
        "Le pays a acquis cinq nouveaux hélicoptères.",
        "cinq nouveaux hélicoptères",
        5,
        None,
        "item",
        "exact",
        "hélicoptères",
        id="item-after-adjective",
    ),
    pytest.param(
        "Les autorités ont retiré sept licences minières.",
        "sept licences",
        7,
        None,
        "item",
        "exact",
        "licences",
        id="item-not-in-lexicon",
    ),
    pytest.param(
        "Le bilan fait état d'au moins 40 morts.",
        "au moins 40 morts",
        40,
        None,
        "person",
        "at_least",
        "morts",
        id="qualifier-au-moins",
    ),
    pytest.param(
        "Moins de 100 militaires français resteront.",
        "Moins de 100 militaires",
        100,
        None,
        "person",
        "at_most",
        "militaires",
        id="qualifier-moins-de",
    ),
    pytest.param(
        "L'accord autorise jusqu'à 300 instructeurs.",
        "jusqu'à 300 instructeurs",
        300,
        None,
        "person",
        "at_most",
        "instructeurs",
        id="qualifier-jusqu-a",
    ),
    pytest.param(
        "Quelque 1 500 casques bleus restent déployés.",
        "Quelque 1 500 casques bleus",
        1500,
        None,
        "person",
        "approx",
        "casques bleus",
        id="qualifier-quelque-multiword-unit",
    ),
    pytest.param(
        "Pas moins de 500 soldats ont été engagés.",
        "Pas moins de 500 soldats",
        500,
        None,
        "person",
        "at_least",
        "soldats",
        id="qualifier-longest-phrase-wins",
    ),
    pytest.param(
        "La mission a duré cinq jours au moins.",
        "cinq jours au moins",
        5,
        None,
        "day",
        "at_least",
        "jours",
        id="qualifier-after-phrase",
    ),
    pytest.param(
        "La mission a duré près d’un an.",
        "près d’un an",
        1,
        None,
        "year",
        "approx",
        "an",
        id="curly-apostrophe-un-an",
    ),
    pytest.param(
        "Au moins un soldat a été tué.",
        "Au moins un soldat",
        1,
        None,
        "person",
        "at_least",
        "soldat",
        id="qualified-un-counts",
    ),
    pytest.param(
        "Quelque 2 000 Américains vivent dans le pays.",
        "Quelque 2 000 Américains",
        2000,
        None,
        "person",
        "approx",
        "Américains",
        id="demonym-as-noun",
    ),
    pytest.param(
        "Le contrat porte sur 2000 soldats.",
        "2000 soldats",
        2000,
        None,
        "person",
        "exact",
        "soldats",
        id="year-like-with-unit-counts",
    ),
    # a noun in "-ités" is no participle ("cités", "invités" are)
    pytest.param(
        "Les assaillants ont attaqué sept localités de l'ouest.", "sept localités", 7, None, "item", "exact", "localités",
        id="ites-noun-is-counted",
    ),
    # a share after "les" is no set told before; its qualifier stands before the article and
    # what it is a share of after the possessive
    pytest.param(
        "L'or représente environ les trois quarts de ses recettes d'exportation.",
        "environ les trois quarts de ses recettes", 0.75, None, "ratio", "approx", "recettes",
        id="share-after-article-and-qualifier",
    ),
    # an adjective of rank between the number and its noun
    pytest.param(
        "Washington a levé les sanctions visant trois hauts responsables maliens.", "trois hauts responsables", 3, None,
        "person", "exact", "responsables", id="rank-adjective-before-noun",
    ),
]


@pytest.mark.parametrize(
    ("text", "surface", "value", "value_max", "unit", "qualifier", "counted"), POSITIVES
)
def test_find_quantities_french_phrase_gives_one_row(
    text, surface, value, value_max, unit, qualifier, counted
):
    q = _only(text)
    assert (q.surface, q.unit, q.qualifier, q.counted) == (surface, unit, qualifier, counted)
    assert q.value == pytest.approx(value)
    assert q.value_max == (None if value_max is None else pytest.approx(value_max))
    assert text[q.start : q.end] == q.surface


NEGATIVES = [
    pytest.param(
        "La garde présidentielle a renversé le chef de l'État en juillet 2023.", id="year"
    ),
    pytest.param("En 2024, la junte a durci le ton.", id="year-sentence-start"),
    pytest.param("Le départ doit être achevé le 15 septembre.", id="day-month"),
    pytest.param("L'accord a été signé le 19 mai 2024.", id="full-date"),
    pytest.param("La mission fermera au plus tard le 30 juin 2025.", id="au-plus-tard-date"),
    pytest.param("Le sommet s'est ouvert le 1er juin.", id="ordinal-date"),
    pytest.param("Les combats ont repris à 21 heures.", id="time-of-day"),
    pytest.param("Le couvre-feu commence à 6h30.", id="time-glued"),
    pytest.param("Le couvre-feu commence vers 22 h.", id="time-vers-h"),
    pytest.param("C'est la deuxième fois que la junte repousse le scrutin.", id="ordinal-word"),
    pytest.param("Le 3e bataillon a été dissous.", id="ordinal-digit"),
    pytest.param("Le XXIe siècle commence mal pour le Sahel.", id="roman-ordinal"),
    pytest.param("Les chasseurs sont stationnés sur la base aérienne 172.", id="base-aerienne"),
    pytest.param("Le Mali a quitté le G5 Sahel.", id="g5-sahel"),
    pytest.param("Un Globemaster III a décollé de Niamey.", id="globemaster"),
    pytest.param("Le Conseil a voté la résolution 2719.", id="resolution"),
    pytest.param("Le ministre était présent à la COP 28.", id="cop-28"),
    pytest.param("Les avions Mirage 2000 ont été rapatriés.", id="model-name"),
    pytest.param("Les deux pays ont rompu leurs relations.", id="les-deux-pays"),
    pytest.param("Les trois nations ont quitté l'organisation.", id="les-trois-nations"),
    pytest.param("Ces deux États partagent une frontière.", id="ces-deux-etats"),
    pytest.param("Les deux parties ont signé.", id="les-deux-parties"),
    pytest.param("Ils ont quitté tous les trois l'alliance.", id="tous-les-trois"),
    pytest.param("Les deux hommes se sont parlé.", id="les-deux-hommes"),
    pytest.param("Un soldat a été blessé.", id="article-un"),
    pytest.param("Un seul avion est resté sur la base.", id="un-seul"),
    pytest.param("Des dizaines de soldats ont été tués.", id="des-dizaines"),
    pytest.param("Plusieurs centaines de manifestants ont défilé.", id="plusieurs-centaines"),
    pytest.param("Des milliers de personnes ont fui.", id="des-milliers"),
    pytest.param("Quelques soldats sont restés.", id="quelques"),
    pytest.param("Plusieurs tonnes de munitions ont été saisies.", id="plusieurs-tonnes"),
    pytest.param("Des millions de dollars ont disparu.", id="des-millions"),
    pytest.param("La frappe a été menée par un pays tiers.", id="pays-tiers"),
    pytest.param("Le bâtiment a été à moitié détruit.", id="a-moitie"),
    pytest.param("La base a été attaquée à deux reprises.", id="a-deux-reprises"),
    pytest.param("Le Covid-19 a retardé le calendrier.", id="hyphenated-name"),
    pytest.param("Le plan couvre la période 2023-2024.", id="year-range-hyphen"),
    pytest.param("Ils étaient 500 à manifester.", id="number-without-noun"),
    pytest.param("Il reviendra un jour.", id="un-jour"),
    pytest.param("Le couvre-feu de 22 heures à 5 heures est levé.", id="time-span"),
    # "des" before a number is "de les": a set told before
    pytest.param("La volonté des trois régimes militaires de rompre est claire.", id="des-trois-regimes"),
    pytest.param("Les attaques visent la zone dite des trois frontières.", id="zone-dite-des-trois-frontieres"),
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_find_quantities_non_quantity_gives_no_row(text):
    assert find_quantities(text) == []


def test_find_quantities_sur_total_gives_second_row_with_propagated_noun():
    text = "Plus de 310 éléments sur 870 sont rentrés en France."
    first, total = find_quantities(text)
    assert (first.surface, first.value, first.qualifier) == (
        "Plus de 310 éléments",
        310,
        "at_least",
    )
    assert (total.surface, total.value, total.qualifier) == ("870", 870, "exact")
    assert (total.unit, total.counted) == ("person", "éléments")


def test_find_quantities_dont_part_gives_second_row_with_propagated_noun():
    text = "La force comptait 4 500 militaires, dont 1 200 au Tchad."
    whole, part = find_quantities(text)
    assert (whole.value, whole.counted) == (4500, "militaires")
    assert (part.surface, part.value, part.unit, part.counted) == (
        "1 200",
        1200,
        "person",
        "militaires",
    )


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        pytest.param("Trois de ces employés ont été condamnés à de la prison.", "employés", id="ces"),
        pytest.param("Deux de leurs soldats ont été tués dans l'embuscade.", "soldats", id="leurs"),
    ],
)
def test_find_quantities_part_of_a_group_told_before_counts_the_group_noun(text, counted):
    (q,) = find_quantities(text)
    assert (q.unit, q.counted) == ("person", counted)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part after a place, with its own qualifier
        ("La France compte quelque 4 300 soldats au Sahel au sein de Barkhane, dont environ 2 500 au Mali.",
         [(4300, "person", "approx", "soldats"), (2500, "person", "approx", "soldats")]),
        # a bare number stating "le nombre de <noun>" of its clause counts that noun
        ("Selon un collectif, le nombre de morts pourrait dépasser 400.", [(400, "person", "exact", "morts")]),
        ("Le HCR estime à près de 250 000 le nombre total de réfugiés dans la région.",
         [(250000, "person", "approx", "réfugiés")]),
    ],
    ids=["dont-after-a-place", "nombre-de-before", "nombre-de-after"],
)
def test_find_quantities_noun_told_elsewhere_in_the_clause(text, expected):
    assert [(q.value, q.unit, q.qualifier, q.counted) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Près d'un habitant sur six a besoin d'une aide alimentaire.", ("Près d'un habitant sur six", 0.1667, "ratio", "approx", "habitant")),
        ("Une femme sur cinq a quitté le village.", ("Une femme sur cinq", 0.2, "ratio", "exact", "femme")),
    ],
    ids=["one-in-six", "one-in-five"],
)
def test_find_quantities_one_in_n_is_a_rate(text, expected):
    (q,) = find_quantities(text)
    assert (q.surface, q.value, q.unit, q.qualifier, q.counted) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moscou a dépêché en avril à Niamey une centaine d'instructeurs russes.", (100, "person", "une centaine d'instructeurs")),
        ("L'armée a réceptionné sur la base de Ouagadougou deux drones de combat.", (2, "item", "deux drones")),
    ],
    ids=["after-a-capital", "after-a-city"],
)
def test_find_quantities_spelled_number_after_a_name_is_a_count_not_part_of_the_name(text, expected):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.surface) == expected


def test_find_quantities_sur_dix_proportion_gives_no_total_row():
    found = find_quantities("Sept habitants sur dix manquent d'eau potable.")
    assert [q.surface for q in found] == ["Sept habitants"]


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [
        pytest.param("Entre deux et trois mille soldats sont mobilisés.", 2000, 3000, id="mille"),
        pytest.param("Le coût varie entre un et deux millions d'euros.", 1e6, 2e6, id="millions"),
        pytest.param(
            "Le coût varie entre 500 000 et deux millions d'euros.", 5e5, 2e6, id="no-rescale"
        ),
    ],
)
def test_find_quantities_range_scale_on_second_number_applies_to_first(text, value, value_max):
    q = _only(text)
    assert (q.value, q.value_max) == (value, value_max)


def test_find_quantities_change_de_a_gives_two_rows_not_a_range():
    text = "Les effectifs sont passés de 1 000 à 1 500 soldats."
    before, after = find_quantities(text)
    assert (before.value, before.value_max, before.counted) == (1000, None, "soldats")
    assert (after.value, after.value_max, after.surface) == (1500, None, "1 500 soldats")


@pytest.mark.parametrize(
    "text",
    [
        "Le nouveau code porte de 10 % à 15 % la part de l'État.",
        "Le décret relève de 10 % à 15 % la part de l'État.",
        "La part de l'État a grimpé de 10 % à 15 % en un an.",
    ],
)
def test_find_quantities_verbs_of_change_in_any_tense_give_two_rows(text):
    assert [(q.value, q.value_max, q.unit) for q in find_quantities(text)][:2] == [(10, None, "percent"), (15, None, "percent")]


def test_find_quantities_the_three_borders_area_is_a_place_name():
    assert find_quantities("Les attaques se multiplient dans la zone des trois frontières.") == []


@pytest.mark.parametrize(
    ("text", "demonym"),
    [
        pytest.param(
            "Un accord prévoit le départ de 600 soldats américains.", "américains", id="americains"
        ),
        pytest.param("Il reste 100 militaires français.", "français", id="francais"),
        pytest.param("Il reste 100 militaires sur place.", None, id="none"),
        pytest.param(
            "L'aide atteint 30 millions de dollars américains.", None, id="currency-not-actor"
        ),
    ],
)
def test_find_quantities_nationality_after_noun_sets_demonym(text, demonym):
    assert _only(text).demonym == demonym


def test_find_quantities_several_claims_sorted_and_disjoint():
    text = "Environ 1 500 hommes, soit 10 % des effectifs, partiront dans deux semaines."
    found = find_quantities(text)
    assert [q.surface for q in found] == [
        "Environ 1 500 hommes",
        "10 % des effectifs",
        "deux semaines",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_find_quantities_ratio_value_rounded_to_four_decimals():
    assert _only("Un tiers des électeurs s'est abstenu.").value == 0.3333


# --------------------------------------------------------------------------------------------
# Lexicons: every row's example yields its row (adding a row adds a test).
# --------------------------------------------------------------------------------------------


def _norm(s: str) -> str:
    return s.replace("’", "'").casefold()


@pytest.mark.parametrize("row", _lexicon("units.csv"), ids=lambda r: f"{r['form']}->{r['unit']}")
def test_units_lexicon_example_yields_row_with_form(row):
    found = find_quantities(row["example"])
    if row["unit"] == "percent":  # a percentage counts what follows, not the sign
        hits = [q for q in found if q.unit == "percent" and _norm(row["form"]) in _norm(q.surface)]
    else:
        hits = [
            q for q in found if q.unit == row["unit"] and _norm(q.counted) == _norm(row["form"])
        ]
    assert hits, f"units.csv {row['form']!r}: example gave {found}"


@pytest.mark.parametrize(
    "row", _lexicon("quantity_qualifiers.csv"), ids=lambda r: f"{r['phrase']}->{r['qualifier']}"
)
def test_qualifiers_lexicon_example_yields_row_with_phrase(row):
    found = find_quantities(row["example"])
    hits = [
        q
        for q in found
        if q.qualifier == row["qualifier"] and _norm(q.surface).startswith(_norm(row["phrase"]))
    ]
    assert hits, f"quantity_qualifiers.csv {row['phrase']!r}: example gave {found}"


_NON_QUANTITY_ROWS = _lexicon("non_quantity.csv")


@pytest.mark.parametrize(
    "k", range(len(_NON_QUANTITY_ROWS)), ids=[r["pattern"] for r in _NON_QUANTITY_ROWS]
)
def test_non_quantity_lexicon_example_matches_pattern_and_yields_no_row(k):
    row = _NON_QUANTITY_ROWS[k]
    reader = _Reader(row["example"])
    template = _non_quantity_templates()[k]
    assert any(
        reader.template_matches(template, i)
        for i, tok in enumerate(reader.toks)
        if tok.kind == "num"
    ), f"non_quantity.csv {row['pattern']!r}: the example does not contain the pattern"
    assert find_quantities(row["example"]) == []


def test_lexicons_have_unique_keys():
    for name, key in [
        ("units.csv", "form"),
        ("quantity_qualifiers.csv", "phrase"),
        ("non_quantity.csv", "pattern"),
    ]:
        keys = [row[key] for row in _lexicon(name)]
        assert len(keys) == len(set(keys)), f"{name}: duplicate {key}"


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

_FRAGMENTS = [
    "près de",
    "plus de",
    "entre",
    "et",
    "à",
    "de",
    "d'",
    "d’",
    "sur",
    "les",
    "la",
    "un",
    "une",
    "deux",
    "trois",
    "vingt",
    "cent",
    "mille",
    "quatre-vingt-dix",
    "1 000",
    "1\u00a0000",
    "1\u202f500",
    "2024",
    "15",
    "1,5",
    "1.000",
    "48h",
    "6h30",
    "G5",
    "millions",
    "milliard",
    "centaine",
    "moitié",
    "tiers",
    "%",
    "pour cent",
    "$",
    "€",
    "soldats",
    "dollars",
    "euros",
    "francs CFA",
    "jours",
    "mois",
    "ans",
    "et demi",
    "heures",
    "septembre",
    "américains",
    "pays",
    "drones",
    "au moins",
    "environ",
    ",",
    ".",
    "le",
    "base aérienne",
    "résolution",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_FRAGMENTS), max_size=14).map(" ".join),
        st.text(
            alphabet=st.sampled_from("0123456789 ,.%$€-'’\u00a0\u202fabcdeéhlmnostu"), max_size=40
        ),
    )
)
def test_find_quantities_any_text_surface_matches_offsets(text):
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.surface
        assert q.unit in UNITS and q.qualifier in QUALIFIERS
        assert q.value_max is None or q.value_max >= q.value or q.unit == "ratio"
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# --------------------------------------------------------------------------------------------
# Indexed lexicon look-ups agree with trying every row
# --------------------------------------------------------------------------------------------
def _lexicon_examples(file: str) -> list[str]:
    raw = importlib.resources.files("sahel_data.lexicons").joinpath(file).read_text("utf-8")
    return [row["example"] for row in csv.DictReader(raw.splitlines())]


INDEX_SENTENCES = _lexicon_examples("non_quantity.csv") + _lexicon_examples("quantity_qualifiers.csv") + [
    "Le 12 janvier à 21 h 30, plus de 300 soldats, dont 20 au Mali, sur 870 prévus.",
    "Entre 1 et 1,5 million de personnes, soit jusqu'à 2 000 par jour depuis 2023.",
]


def _brute_force_checks(text: str) -> list[tuple[int, bool, bool, object, object]]:
    from sahel_data.extract.quantities import _non_quantity_templates, _qualifiers, _Reader

    reader = _Reader(text)
    out = []
    for i in range(len(reader.toks)):
        every = any(reader.template_matches(t, i) for t in _non_quantity_templates())
        hits = [(len(p), v) for p, v in _qualifiers().items() if i - len(p) + 1 >= 0 and reader.norms(i - len(p) + 1, len(p)) == p]
        n, value = max(hits, default=(0, ""))
        out.append((i, reader.rejected_by_template(i), every, reader.match_backward(i, 0), (i - n + 1, value) if n else None))
    return out


@pytest.mark.parametrize("sentence", INDEX_SENTENCES)
def test_reader_lexicon_example_indexed_lookups_equal_every_row(sentence):
    for i, indexed, every, backward, expected_backward in _brute_force_checks(sentence):
        assert indexed == every, f"token {i} of {sentence!r}: template index says {indexed}, all templates say {every}"
        assert backward == expected_backward, f"token {i} of {sentence!r}"


INDEX_TOKENS = ["12", "21", "h", "30", "janvier", "heures", "près", "de", "d'", "plus", "moins", "jusqu'à",
                "au", "moins", "environ", "soldats", "les", "deux", "pays", "COP", "2024", "%", ",", "sur", "dont"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(INDEX_TOKENS), max_size=12).map(" ".join))
def test_reader_any_tokens_indexed_lookups_equal_every_row(text):
    for i, indexed, every, backward, expected_backward in _brute_force_checks(text):
        assert indexed == every and backward == expected_backward, f"token {i} of {text!r}"


def test_adverb_after_a_number_is_not_what_it_counts():
    # "auparavant" is no counted noun; the number set against 80 militaires counts militaires
    found = find_quantities("Quelque 80 militaires resteront, contre près de 1 000 auparavant.")
    assert [(q.value, q.counted) for q in found] == [(80, "militaires"), (1000, "militaires")], found


@pytest.mark.parametrize("text", ["la centaine de soldats américains", "Paris a rappelé sa centaine de militaires", "cette dizaine d'otages"])
def test_collective_after_a_determiner_counts_one_collective(text):
    (q,) = find_quantities(text)
    assert q.unit == "person" and q.qualifier == "approx" and q.value in (100, 10)


def test_determiner_without_a_collective_is_no_number():
    assert find_quantities("la Mauritanie et la dizaine") == []


@pytest.mark.parametrize(
    "text",
    ["Les deux journaux ont protesté.", "Ces trois officiers ont été arrêtés.", "Les cinq partis ont boycotté le scrutin."],
)
def test_small_spelled_number_after_definite_determiner_is_a_known_set(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Les 1 500 soldats français sont partis.", 1500, "person"),  # digits: a figure
        ("Les troupes partiront d'ici les quatre prochains mois.", 4, "month"),  # a duration
        ("Deux journaux ont protesté.", 2, "item"),  # no determiner: a count
    ],
)
def test_figures_durations_and_bare_counts_are_not_known_sets(text, value, unit):
    q = _only(text)
    assert (q.value, q.unit) == (value, unit)


def test_one_kilometre_after_the_article_is_a_distance():
    q = _only("Un couvre-feu s'applique dans un rayon d'un kilomètre autour de l'ambassade.")
    assert (q.value, q.unit) == (1, "km")


def test_find_quantities_number_set_against_an_earlier_one_counts_what_it_counts():
    found = find_quantities("Paris conservera environ 80 militaires sur place, contre près d'un millier il y a quelques années.")
    assert [(q.value, q.unit, q.qualifier, q.counted) for q in found] == [
        (80, "person", "approx", "militaires"), (1000, "person", "approx", "militaires")
    ]


def test_find_quantities_article_after_contre_is_no_number():
    found = find_quantities("Trois soldats ont été tués lors d'une attaque contre une position de l'armée.")
    assert [(q.value, q.unit) for q in found] == [(3, "person")]
