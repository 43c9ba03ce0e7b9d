"""Actor mentions in French sentences: names, metonyms vs places, demonym phrases, bodies, people."""

from __future__ import annotations

import pytest

from sahel_data.extract.article import extract_articles
from sahel_data.ingest import parse_article


def mentions_of(text: str, nlp) -> list[tuple[str, str]]:
    article = parse_article(text, "t.txt", "c/t.txt", "0" * 64)
    (ex,) = list(extract_articles([article], nlp))
    for m in ex.mentions:
        assert text[m["char_start"] : m["char_end"]] == m["surface"]
    return [(m["surface"], m["actor_id"]) for m in ex.mentions]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les troupes américaines ont quitté le pays.", ("troupes américaines", "united-states")),
        ("Washington a suspendu son aide au Niger.", ("Washington", "united-states")),
        ("Le Pentagone a confirmé le calendrier.", ("Pentagone", "united-states-department-of-defense")),
        ("L'armée malienne a repris la ville.", ("armée malienne", "armed-forces-of-mali")),
        ("Le ministère nigérien de la Défense a publié un communiqué.", ("ministère nigérien de la Défense", "ministry-of-defense-of-niger")),
        ("La CEDEAO a levé ses sanctions.", ("CEDEAO", "ecowas")),
        ("Le JNIM a revendiqué l'attaque.", ("JNIM", "jnim")),
        ("Le Tchad a rompu avec Paris.", ("Paris", "france")),
        ("Le Burkina Faso a exigé le départ des forces spéciales françaises.", ("forces spéciales françaises", "france")),
        # the contract: a named armed institution ("l'US Air Force") is its own actor
        ("L’armée de l’air tchadienne a frappé une colonne rebelle.", ("armée de l’air tchadienne", "air-force-of-chad")),
        ("La police béninoise a interpellé trois personnes.", ("police béninoise", "police-of-benin")),
        # a demonym written as a noun, taking part in the clause, names the state's people
        ("Le 5 juin, des Maliens ont été interpellés à la frontière.", ("Maliens", "mali")),
    ],
    ids=["demonym-phrase", "capital-as-state", "seat-as-ministry", "named-army", "ministry-with-demonym", "acronym", "armed-group",
         "capital-object", "adjective-before-demonym", "air-force-its-own-actor", "police-its-own-actor",
         "demonym-noun-participant"],
)
def test_mention_sentence_resolves_actor(text, expected, nlp):
    assert expected in mentions_of(text, nlp)


def test_mention_capital_as_place_not_an_actor(nlp):
    assert all(surface != "Niamey" for surface, _ in mentions_of("Des discussions ont eu lieu à Niamey.", nlp))


@pytest.mark.parametrize(
    "text", ["Le bateau naviguait sur le fleuve Niger.", "Les pays riverains du lac Tchad se réunissent.", "La boucle du Niger est coupée.", "Le delta intérieur du Niger est inondé."],
    ids=["fleuve", "lac", "boucle-du", "delta-adjective-du"],
)
def test_mention_state_name_of_a_river_or_lake_is_water_not_the_state(text, nlp):
    assert mentions_of(text, nlp) == []


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Le Monde « condamne avec la plus grande fermeté cette décision ».", ("Le Monde", "le-monde")),
        ("Libération a dénoncé une expulsion « inacceptable ».", ("Libération", "liberation")),
        ("Selon Libération, l'armée a repris la ville, a rapporté Le Monde.", None),
    ],
    ids=["condemns", "denounces", "source-and-reporting-verb"],
)
def test_mention_media_acting_in_an_event_is_an_actor(text, outlet, nlp):
    # the contract: an outlet is no actor "unless it acts in an event"
    found = mentions_of(text, nlp)
    assert found == ([outlet] if outlet else [])


def test_mention_capitalised_description_is_a_short_name_and_a_mention(nlp):
    found = mentions_of("La Confédération des États du Sahel a adopté une taxe. La Confédération entend financer ses institutions. La confédération a ajouté.", nlp)
    assert found == [("Confédération des États du Sahel", "alliance-of-sahel-states"), ("Confédération", "alliance-of-sahel-states")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les ministres de l'Economie et des Finances du Mali ont adopté une taxe.", [("Mali", "mali")]),
        ("La ministre de la Communication et de l'Economie numérique a démenti.", []),
    ],
    ids=["two-portfolios", "portfolio-with-adjective"],
)
def test_mention_portfolio_in_a_ministers_title_is_no_organisation(text, expected, nlp):
    assert mentions_of(text, nlp) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le président Emmanuel Macron a accueilli l'otage. « C'est un soulagement », a déclaré le chef de l'État.",
         [("Emmanuel Macron", "emmanuel-macron"), ("chef de l'État", "emmanuel-macron")]),
        ("Le colonel Assimi Goïta a limogé son Premier ministre. Le chef de la junte a nommé un général.",
         [("Assimi Goïta", "assimi-goita"), ("chef de la junte", "assimi-goita")]),
        # named right there: the office is no description of an earlier person
        ("Le président Emmanuel Macron a parlé. Le chef de l'État nigérien a réagi.",
         [("Emmanuel Macron", "emmanuel-macron"), ("État nigérien", "niger")]),
        # no holder introduced with that title: left alone
        ("Le chef de l'État a réagi.", []),
        # the holder named in apposition, not the general titled before
        ("Le général Michael Langley est arrivé. Il n'a pas été reçu par le chef de la junte, le général Abdourahamane Tiani.",
         [("Michael Langley", "michael-langley"), ("chef de la junte", "abdourahamane-tiani"),
          ("Abdourahamane Tiani", "abdourahamane-tiani")]),
    ],
    ids=["head-of-state", "head-of-junta", "demonym-after", "no-holder", "apposition"],
)
def test_mention_office_description_names_the_person_introduced_with_its_title(text, expected, nlp):
    assert mentions_of(text, nlp) == expected


def test_mention_media_cited_as_source_not_an_actor(nlp):
    found = mentions_of("Le ministre a révélé dans le Washington Post que la France était visée.", nlp)
    assert ("France", "france") in found and all("Washington" not in s for s, _ in found)


def test_mention_junta_resolves_to_article_state(nlp):
    found = mentions_of("Le Niger a rompu avec Paris. La junte a ensuite expulsé l'ambassadeur.", nlp)
    assert ("junte", "government-of-niger") in found


def test_mention_person_title_stripped_surname_merged(nlp):
    found = mentions_of("Le colonel Amadou Diarra a parlé. M. Diarra a ensuite quitté la salle.", nlp)
    people = [actor for _, actor in found if "diarra" in actor]
    assert people == ["amadou-diarra", "amadou-diarra"]
    assert ("Amadou Diarra", "amadou-diarra") in found


def test_mention_putschists_resolve_to_junta_of_article_state(nlp):
    found = mentions_of("Le Niger a rompu avec Paris. Les putschistes ont fermé les frontières.", nlp)
    assert ("putschistes", "government-of-niger") in found


def test_mention_long_acronym_in_title_case_still_matched(nlp):
    assert ("Minusma", "minusma") in mentions_of("La Minusma a achevé son retrait du Mali.", nlp)


def test_mention_defence_and_security_forces_are_the_army(nlp):
    found = mentions_of("Au Burkina Faso, les forces de défense et de sécurité ont repoussé l'attaque.", nlp)
    assert ("forces de défense et de sécurité", "armed-forces-of-burkina-faso") in found


def test_mention_named_organisation_outside_gazetteer_from_ner(nlp):
    found = mentions_of("La société Sahel Minerals Corporation a suspendu ses activités au Niger.", nlp)
    assert ("Sahel Minerals Corporation", "sahel-minerals-corporation") in found


def test_mention_a_constitution_charter_or_title_tail_is_not_an_organisation(nlp):
    found = mentions_of("Les putschistes ont suspendu la Constitution et adopté une Charte.", nlp)
    found += mentions_of("Le ministre français des Armées, Jean Dupont, a confirmé le départ.", nlp)
    found += mentions_of("Le gouvernement réclame à la compagnie 500 milliards de francs CFA.", nlp)
    assert all(surface not in {"Constitution", "Charte", "Armées", "CFA"} for surface, _ in found), found


@pytest.mark.parametrize(
    "text, not_actor",
    [
        ("Les soldats ont quitté jeudi la base Adji Kosseï de la capitale.", "Adji Kosseï"),
        ("NIAMEY — Les soldats ont quitté jeudi la base aérienne.", "NIAMEY"),
        ("La secrétaire d'État adjointe aux Affaires africaines est arrivée.", "Affaires africaines"),
    ],
    ids=["place-named-after-someone", "dateline", "portfolio-in-a-title"],
)
def test_mention_names_that_are_places_datelines_or_portfolios_are_not_actors(text, not_actor, nlp):
    assert all(not_actor not in surface for surface, _ in mentions_of(text, nlp))


def test_mention_title_picks_which_listed_person_a_shared_surname_names(nlp):
    found = mentions_of("Depuis l'arrivée au pouvoir du capitaine Traoré, le pays s'est tourné vers Moscou.", nlp)
    assert ("Traoré", "ibrahim-traore") in found


def test_one_word_name_in_lower_case_is_an_adjective_not_the_name(nlp):
    from sahel_data.extract.actors import find_mentions

    doc = nlp("La Suisse a proposé une médiation, selon une ONG suisse basée à Genève.")
    found = [(m.start, m.actor.actor_id, m.kind) for m in find_mentions(doc, nlp)]
    assert (1, "switzerland", "name") in found
    assert not any(kind == "name" and start == 10 for start, _, kind in found)


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("Les soldats ont quitté la base aérienne d’Adji Kossei, près de la capitale.", "Kossei", id="place-named-after-someone-after-de"),
        pytest.param("La Commission a rappelé ses engagements lors du sommet.", "Commission", id="body-named-by-its-kind-alone"),
        pytest.param("En 2022, deux tiers des Nigériens étaient opposés à la présence étrangère.", "Nigériens", id="population-counted-not-an-actor"),
    ],
)
def test_not_an_actor(text, name, nlp):
    from sahel_data.extract.actors import find_mentions

    doc = nlp(text)
    assert not [m for m in find_mentions(doc, nlp) if name in doc[m.start : m.end].text]


def test_demonym_agreeing_with_another_noun_is_not_that_nouns(nlp):
    # "français" goes with "attaché", not with "défense" (which would be "française")
    found = mentions_of("L’attaché de défense français a été expulsé mardi.", nlp)
    assert not any(actor == "ministry-of-defense-of-france" for _, actor in found)
    assert ("défense nigérienne", "ministry-of-defense-of-niger") in mentions_of("Les responsables de la défense nigérienne ont signé.", nlp)


def test_demonym_inside_a_capitalised_name_is_not_the_state(nlp):
    assert ("Nigérien", "niger") not in mentions_of("Le Front Patriotique Nigérien a revendiqué l'attaque.", nlp)


def test_outlet_is_an_actor_only_when_acted_upon(nlp):
    from sahel_data.extract.actors import find_mentions

    banned = nlp("La junte a suspendu RFI et France 24 pour une durée indéterminée.")
    assert {m.actor.actor_id for m in find_mentions(banned, nlp)} >= {"rfi", "france-24"}
    source = nlp("Selon RFI, les soldats ont quitté la base mardi.")
    assert not [m for m in find_mentions(source, nlp) if m.actor.actor_id == "rfi"]


# ----------------------------------------------------------------------------- descriptions naming an actor again
def events_by_type(text: str, nlp) -> dict[str, dict]:
    article = parse_article(text, "t.txt", "c/t.txt", "0" * 64)
    (ex,) = list(extract_articles([article], nlp))
    return {e["event_type"]: e for e in ex.events}


def test_description_names_again_the_last_actor_of_its_kind(nlp):
    text = (
        "La CEDEAO a convoqué un sommet à Abuja le 10 juin 2024. "
        "L'organisation régionale a levé mardi les sanctions contre le Niger.\n"
    )
    assert events_by_type(text, nlp)["CONCEDE"]["actor1_id"] == "ecowas"


def test_description_with_no_actor_of_its_kind_before_it_names_no_one(nlp):
    text = "Le Niger a reçu mardi 11 juin 2024 l'émissaire. L'organisation régionale a levé les sanctions contre le Niger.\n"
    assert events_by_type(text, nlp)["CONCEDE"]["actor1_id"] != "ecowas"


def test_description_demonym_picks_the_actor_of_that_state(nlp):
    # Barrick (Canadian) is named last, but "le groupe français" can only be Orano
    text = (
        "Le 3 juin 2024, le Niger a retiré son permis à Orano, puis le Mali a saisi l'or de Barrick Gold. "
        "Le groupe nucléaire français a dénoncé mardi une décision illégale.\n"
    )
    assert events_by_type(text, nlp)["ACCUSE"]["actor1_id"] == "orano"


@pytest.mark.parametrize(
    "text",
    [
        "La CEDEAO a suspendu le Niger le 3 juin 2024. La société civile a dénoncé mardi la décision.\n",
        "La CEDEAO a suspendu le Niger le 3 juin 2024. L'organisation de la société civile a dénoncé mardi la décision.\n",
        "La CEDEAO a suspendu le Niger le 3 juin 2024. Cette organisation de jeunes a dénoncé mardi la décision.\n",
    ],
)
def test_noun_with_its_own_complement_or_adjective_is_no_description_of_a_named_actor(text, nlp):
    assert events_by_type(text, nlp)["ACCUSE"]["actor1_id"] != "ecowas"


def test_description_is_no_mention_row(nlp):
    # annotators list names, metonyms and demonyms; "l'organisation" is no name of ECOWAS
    text = "La CEDEAO a convoqué un sommet le 10 juin 2024. L'organisation a levé mardi les sanctions.\n"
    assert [s for s, _ in mentions_of(text, nlp)] == ["CEDEAO"]


def test_bare_government_names_the_state_in_view_and_is_a_mention_row(nlp):
    # the contract counts "le gouvernement" as a name of the state when no body is named
    text = "La junte malienne a expulsé l'ambassadeur le 3 juin 2024. Le gouvernement accuse Paris d'ingérence.\n"
    assert ("gouvernement", "mali") in mentions_of(text, nlp)
    assert events_by_type(text, nlp)["ACCUSE"]["actor1_id"] == "mali"


def test_bare_authorities_name_the_most_named_state_in_view_not_the_last_listed(nlp):
    text = (
        " date 2025-01\n\nBénin : une attaque\n\n"
        "Des soldats béninois ont été tués mercredi à la frontière du Bénin, du Niger et du Burkina Faso, "
        "a annoncé le porte-parole du gouvernement.\n"
    )
    assert ("gouvernement", "benin") in mentions_of(text, nlp)


def test_possessive_government_names_the_state_in_view(nlp):
    text = "Le 3 juin 2024, les autorités maliennes ont limogé le Premier ministre avec l'ensemble de son gouvernement.\n"
    assert ("gouvernement", "mali") in mentions_of(text, nlp)


@pytest.mark.parametrize(
    "text",
    [
        "Le Sénégal a fermé le 3 juin 2024 les bases. Le chef du gouvernement a salué la décision.\n",
        "Le Sénégal a fermé le 3 juin 2024 les bases. Le chef de l'État a salué la décision.\n",
        "Le Mali a fermé le 3 juin 2024 les bases. Les autorités locales ont salué la décision.\n",
        "Le 3 juin 2024, les autorités ont salué la décision.\n",
    ],
)
def test_government_as_office_with_adjective_or_with_no_state_before_is_no_mention(text, nlp):
    assert not [s for s, _ in mentions_of(text, nlp) if s in {"gouvernement", "autorités"}]


def test_outlet_restricted_far_from_the_verb_is_an_actor(nlp):
    text = (
        " date 2023-04-05\n\nSondage\n\n"
        "Le gouvernement a suspendu « jusqu'à nouvel ordre » la diffusion de l'hebdomadaire Jeune Afrique sur son territoire.\n"
    )
    assert ("Jeune Afrique", "jeune-afrique") in mentions_of(text, nlp)


def test_outlet_subject_of_a_passive_restriction_is_an_actor_however_parsed(nlp):
    # the parser makes "part" the root and hangs "suspendue" on it; "internationale" in lower case
    # is the outlet's own spelling, so "France" inside it is no state
    text = " date 2023-04-05\n\nSondage\n\nRadio France internationale (RFI) est pour sa part suspendue depuis décembre dernier.\n"
    assert {a for _, a in mentions_of(text, nlp)} == {"rfi"}


def test_an_outlets_spellings_are_one_actor(nlp):
    text = " date 2023-04-05\n\nSondage\n\nLa junte a suspendu Radio France Internationale (RFI) en décembre.\n"
    assert {a for s, a in mentions_of(text, nlp) if "R" in s[:1]} == {"rfi"}


@pytest.mark.parametrize(
    "text",
    [
        "Selon RFI, l'armée a suspendu les opérations dans la région depuis mardi.",
        "D'après l'AFP, la junte a suspendu les partis mardi.",
    ],
)
def test_an_outlet_cited_as_source_beside_a_restriction_is_no_actor(text, nlp):
    assert not [s for s, _ in mentions_of(f" date 2023-04-05\n\nSondage\n\n{text}\n", nlp) if s in {"RFI", "AFP"}]


def test_apres_alone_cites_no_source(nlp):
    # "après RFI": RFI was suspended first, it is no source ("d'après RFI" would be)
    text = " date 2023-04-05\n\nSondage\n\nLa junte a suspendu mardi France 24, après RFI.\n"
    assert ("RFI", "rfi") in mentions_of(text, nlp)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a listed person's surname after another first name is a relative, a person of their own
        ("Les autorités ont libéré lundi Salem Bazoum, le fils du président renversé Mohamed Bazoum.", {("Salem Bazoum", "salem-bazoum"), ("Mohamed Bazoum", "mohamed-bazoum")}),
        # the same surname after the person's own first name, a title or a preposition is that person
        ("Selon Bazoum, rien n'a changé. M. Bazoum reste détenu.", {("Bazoum", "mohamed-bazoum")}),
    ],
    ids=["relative", "same-person"],
)
def test_mention_known_surname_after_another_first_name_is_a_relative(text, expected, nlp):
    assert set(mentions_of(text, nlp)) == expected


def test_mention_lone_surname_is_the_person_named_last_before_it(nlp):
    found = mentions_of(
        "Simone Ehivet Gbagbo a appelé au calme. L'ancien président Laurent Gbagbo a dénoncé le scrutin. M. Gbagbo vit à Abidjan.", nlp
    )
    assert found[-1] == ("Gbagbo", "laurent-gbagbo")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La Côte d'Ivoire a voté. Le Conseil constitutionnel a rejeté la candidature.",
         ("Conseil constitutionnel", "constitutional-court-of-cote-d-ivoire")),
        ("La présidence malienne a publié un communiqué.", ("présidence malienne", "presidency-of-mali")),
        ("Le Tchad change de Constitution. Le Parlement a adopté la révision.", ("Parlement", "parliament-of-chad")),
    ],
    ids=["court-of-the-article-state", "presidency-by-demonym", "parliament-alone"],
)
def test_mention_a_states_institution_is_its_own_actor(text, expected, nlp):
    assert expected in mentions_of(text, nlp)


def test_mention_an_institution_with_another_adjective_is_not_the_states(nlp):
    found = mentions_of("Le Tchad change de Constitution. Le Parlement européen a protesté.", nlp)
    assert not any(actor_id.startswith("parliament-of-") for _, actor_id in found)


def test_acronym_defined_in_parentheses_names_the_organisation_throughout_the_article(nlp):
    text = (
        " date 2024-05-12\n\nTchad\n\nDéby a été déclaré vainqueur selon les résultats annoncés jeudi par "
        "l'Agence nationale de gestion des élections (ANGE).\n\nLa participation s'est établie à 75,89 %, selon l'ANGE.\n"
    )
    found = mentions_of(text, nlp)
    agency = dict(found)["Agence nationale de gestion des élections"]
    assert [actor for surface, actor in found if surface == "ANGE"] == [agency, agency]


@pytest.mark.parametrize(
    "text, name, inside",
    [
        # a known acronym: the long name is its actor, the state inside is no mention
        ("Les violences visent la Mission des Nations unies au Mali (Minusma), qui se retire.",
         "Mission des Nations unies au Mali", "Mali"),
        # an acronym the gazetteer lacks: one new organisation for the name and the acronym
        ("Le principal parti d'opposition, l'Union des forces démocratiques de Guinée (UFDG), boycotte le scrutin.",
         "Union des forces démocratiques de Guinée", "Guinée"),
        ("Orano détient le site aux côtés de la Société du patrimoine des mines du Niger (Sopamin).",
         "Société du patrimoine des mines du Niger", "Niger"),
    ],
    ids=["known-acronym", "new-acronym-upper", "new-acronym-title-case"],
)
def test_name_defining_an_acronym_is_one_organisation(nlp, text, name, inside):
    found = dict(mentions_of(text, nlp))
    acronym = text[text.index("(") + 1 : text.index(")")]
    assert found[name] == found[acronym]
    assert inside not in found


def test_name_whose_initials_do_not_fit_the_acronym_keeps_its_parts(nlp):
    # "Bureau de la coordination des affaires humanitaires des Nations unies" does not spell
    # "Ocha" from its first word: the Nations unies inside stay a mention
    found = dict(mentions_of("Selon le Bureau de la coordination des affaires humanitaires des Nations unies (Ocha), la crise dure.", nlp))
    assert found.get("Nations unies") == "united-nations"


@pytest.mark.parametrize(
    "text, capital, state",
    [
        # who an act is done by: "par" before a capital is the agent, whatever the parser says
        ("Présentés par Paris comme des techniciens, les quatre agents ont été arrêtés.", "Paris", "france"),
        ("Cette décision fait suite à la dénonciation par Niamey de l'accord de défense.", "Niamey", "niger"),
        # who an act is addressed to or given to
        ("Talon a interdit le chargement, reprochant à Niamey de maintenir sa frontière fermée.", "Niamey", "niger"),
        ("La Cédéao avait imposé de lourdes sanctions à Niamey après le putsch.", "Niamey", "niger"),
        # an apposition's owner is not the place its head names
        ("L'armée française rend le camp Geille, dernière emprise militaire de Paris dans le pays.", "Paris", "france"),
    ],
    ids=["par-participle", "par-noun", "addressee-verb", "addressee-through-object", "owner-after-apposition"],
)
def test_mention_capital_acting_after_a_preposition(text, capital, state, nlp):
    assert (capital, state) in mentions_of(text, nlp)


@pytest.mark.parametrize(
    "text, capital",
    [
        ("Il est passé par Bamako avant de rejoindre Dakar.", "Bamako"),
        ("Le président déchu est détenu dans sa résidence de Niamey.", "Niamey"),
        ("Les soldats ont quitté la base de transport aérien de Niamey vendredi.", "Niamey"),
        ("Le camp de Kati se trouve à une quinzaine de kilomètres de Bamako.", "Bamako"),
        ("La junte a mis fin à l'accord de paix d'Alger, signé en 2015.", "Alger"),
        ("Dakar (AFP) – La France a remis jeudi ses dernières bases au Sénégal.", "Dakar"),
    ],
    ids=["transit-par", "de-after-place-noun", "up-the-complements", "distance", "named-after-the-city", "dateline"],
)
def test_mention_capital_as_a_place_is_not_the_state(text, capital, nlp):
    assert all(surface != capital for surface, _ in mentions_of(text, nlp))


@pytest.mark.parametrize(
    "text, demonym",
    [
        ("Un Français a été arrêté à Bamako pour espionnage.", "Français"),
        ("Les autorités avaient expulsé l'Italienne Barbara Manzi en décembre.", "Italienne"),
        # counted nationals: a side in the event (test_events), no name of the state
        ("Le 5 juin, quatre Maliens ont été interpellés à la frontière.", "Maliens"),
        ("Plus de 5 000 Maliens ont fui vers la Mauritanie la semaine dernière.", "Maliens"),
    ],
    ids=["one-national", "one-national-before-name", "counted-in-words", "counted-in-digits"],
)
def test_mention_one_or_counted_nationals_are_no_name_of_the_state(text, demonym, nlp):
    assert all(surface != demonym for surface, _ in mentions_of(text, nlp))


@pytest.mark.parametrize(
    "text, state",
    [
        ("Le différend porte aussi sur l'oléoduc Niger-Bénin, long de 1 950 km.", "Niger"),
        ("Le projet a été lancé lors du sommet Russie-Afrique de Saint-Pétersbourg.", "Russie"),
        ("Le directeur de sa filiale WAPCO-Niger a été expulsé.", "Niger"),
    ],
    ids=["thing-named-by-two-states", "meeting-named-by-its-parties", "company-named-with-a-state"],
)
def test_mention_state_in_a_hyphened_name_of_a_thing_is_not_the_state(text, state, nlp):
    assert all(surface != state for surface, _ in mentions_of(text, nlp))


def test_mention_states_joined_as_the_parties_of_a_relation_are_the_states(nlp):
    found = mentions_of("Les relations Mali-Algérie se sont encore dégradées.", nlp)
    assert ("Mali", "mali") in found and ("Algérie", "algeria") in found


@pytest.mark.parametrize(
    "text, not_actor",
    [
        ("Niamey accuse le Bénin d'abriter des bases militaires françaises.", "militaires françaises"),
        ("Au Niger, le chef de la junte a été élevé au rang de général d'armée.", "armée"),
        ("Le Burkina Faso et le Mali se prêteront assistance, y compris par l'emploi de la force armée.", "armée"),
    ],
    ids=["adjective-of-a-noun", "rank", "force-armée"],
)
def test_mention_actor_noun_qualifying_another_noun_is_no_body(text, not_actor, nlp):
    assert all(surface != not_actor for surface, _ in mentions_of(text, nlp))


def test_mention_actor_noun_qualifying_people_still_names_them(nlp):
    assert ("putschistes", "government-of-mali") in mentions_of("Au Mali, les généraux putschistes ont envoyé un message clair.", nlp)
