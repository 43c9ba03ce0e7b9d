"""Corpus-level tables: one id per person, published ids reused, ids independent of other articles."""

from __future__ import annotations

import pytest

from sahel_data.tables import ArticleExtraction, build_tables, first_names_agree, merge_people


def person(name: str) -> dict:
    return {"name": name, "actor_type": "person", "country": None, "source": "ner"}


@pytest.mark.parametrize(
    "a, b, same",
    [(["ken"], ["kenneth"], True), ([], ["kenneth"], True), (["k."], ["kenneth"], True), (["ali"], ["amadou"], False), (["al"], ["ali"], False)],
    ids=["short-form", "surname-only", "initial", "other-name", "two-letter-prefix"],
)
def test_first_names_agree_cases(a, b, same):
    assert first_names_agree(a, b) is same


def test_merge_people_ken_and_kenneth_one_id():
    mapping = merge_people({"ken-ekman": person("Ken Ekman"), "kenneth-ekman": person("Kenneth Ekman"), "ali-ekman": person("Ali Ekman")})
    assert mapping == {"ken-ekman": "kenneth-ekman"}


def extraction(article_id: str, surface: str, actor_id: str, name: str) -> ArticleExtraction:
    article = {"article_id": article_id}
    mention = {"mention_id": f"{article_id}-m-0", "article_id": article_id, "actor_id": actor_id, "surface": surface, "char_start": 0, "char_end": len(surface)}
    return ArticleExtraction(article, [mention], [], [], {actor_id: person(name)})


def test_build_tables_published_actor_id_reused_for_new_surface():
    first = build_tables([extraction("a", "Kenneth Ekman", "kenneth-ekman", "Kenneth Ekman")])
    registry = first["actors"].with_columns(first["actors"]["actor_id"].str.replace("kenneth-ekman", "k-ekman-published"))
    second = build_tables([extraction("b", "Kenneth Ekman", "kenneth-ekman", "Kenneth Ekman")], registry)
    assert second["actors"]["actor_id"].to_list() == ["k-ekman-published"]
    assert second["mentions"]["actor_id"].to_list() == ["k-ekman-published"]


def test_build_tables_adding_article_changes_no_other_row_id():
    one = build_tables([extraction("a", "Ken Ekman", "ken-ekman", "Ken Ekman")])
    two = build_tables([extraction("a", "Ken Ekman", "ken-ekman", "Ken Ekman"), extraction("b", "Ali Tassa", "ali-tassa", "Ali Tassa")])
    ids_one = set(one["mentions"]["mention_id"])
    assert ids_one <= set(two["mentions"]["mention_id"])
    assert two["actors"].filter(two["actors"]["actor_id"] == "ken-ekman")["aliases"].to_list() == ["Ken Ekman"]


def test_merge_people_ner_variant_joins_gazetteer_person():
    gazetteer = {"name": "Mahamat Idriss Déby", "actor_type": "person", "country": "TCD", "source": "gazetteer"}
    mapping = merge_people({"mahamat-idriss-deby": gazetteer, "mahamat-deby": person("Mahamat Déby"), "idriss-deby-itno": {**gazetteer, "name": "Idriss Déby Itno"}})
    assert mapping == {"mahamat-deby": "mahamat-idriss-deby"}


def test_build_tables_from_parts_any_part_order_same_tables_as_corpus_order():
    from polars.testing import assert_frame_equal

    from sahel_data.tables import build_tables_from_parts, table_parts

    a = extraction("a", "Ken Ekman", "ken-ekman", "Ken Ekman")
    b = extraction("b", "Kenneth Ekman", "kenneth-ekman", "Kenneth Ekman")
    c = extraction("c", "Ali Tassa", "ali-tassa", "Ali Tassa")
    expected = build_tables([a, b, c])
    got = build_tables_from_parts([table_parts([c]), table_parts([a, b])], ["a", "b", "c"])
    for name in expected:
        assert_frame_equal(got[name], expected[name])


def test_build_tables_from_parts_first_article_in_corpus_describes_actor():
    from sahel_data.tables import build_tables_from_parts, table_parts

    mali = extraction("a", "Tassa", "tassa", "Tassa")
    mali.actors["tassa"] = {**person("Tassa"), "country": "MLI"}
    niger = extraction("b", "Tassa", "tassa", "Tassa")
    niger.actors["tassa"] = {**person("Tassa"), "country": "NER"}
    def parts():  # used up by each build
        return [table_parts([niger]), table_parts([mali])]

    assert build_tables_from_parts(parts(), ["a", "b"])["actors"]["country"].to_list() == ["MLI"]
    assert build_tables_from_parts(parts(), ["b", "a"])["actors"]["country"].to_list() == ["NER"]


def test_build_tables_from_parts_article_missing_raises():
    from sahel_data.tables import build_tables_from_parts, table_parts

    with pytest.raises(RuntimeError, match="no extraction came back for 1 articles"):
        build_tables_from_parts([table_parts([extraction("a", "Ali Tassa", "ali-tassa", "Ali Tassa")])], ["a", "b"])


def test_build_tables_an_event_actor_no_mention_names_is_an_actor_with_zero_mentions(nlp):
    # "réunis à Malabo": the summit is with the state of the capital, which no mention names
    # (Malabo is a place here); the event's actor2 must still find its actor row
    from sahel_data.extract.article import extract_articles
    from sahel_data.ingest import parse_article
    from sahel_data.validate import validate_tables

    text = (
        " date 2023-08-31\n\nSondage\n\n"
        "Le même jour, réunis à Malabo, les chefs d’État de la CEEAC ont suspendu le Gabon de l’organisation.\n"
    )
    (ex,) = list(extract_articles([parse_article(text, "t.txt", "c/t.txt", "0" * 64)], nlp))
    frames = build_tables([ex])
    event_actors = {a for e in ex.events for a in (e["actor1_id"], e["actor2_id"]) if a}
    unmentioned = event_actors - {m["actor_id"] for m in ex.mentions}
    assert unmentioned, "the probe no longer gives an event actor without a mention"
    rows = frames["actors"].filter(frames["actors"]["actor_id"].is_in(sorted(unmentioned)))
    assert rows["n_mentions"].to_list() == [0] * len(unmentioned) and rows["aliases"].null_count() == len(unmentioned)
    validate_tables(frames)  # foreign keys hold: raises TableError otherwise


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Ali Bongo", "Ali Bongo Ondimba", "Omar Bongo"], {"ali-bongo": "ali-bongo-ondimba"}),
        # the end of a longer name is another person's name: father and son
        (["Idriss Déby Itno", "Mahamat Idriss Déby Itno"], {}),
        # the first words of two longer names: which one is unknown
        (["Amadou Ba", "Amadou Ba Diallo", "Amadou Ba Sow"], {}),
        # cut after a particle: no name of its own
        (["Mohamed Ould", "Mohamed Ould Ghazouani"], {}),
    ],
    ids=["first-words", "last-words", "two-longer", "particle"],
)
def test_merge_people_name_cut_short_joins_the_one_longer_name(names, expected):
    from sahel_data.ingest import slugify

    assert merge_people({slugify(n): person(n) for n in names}) == expected
