"""Ids come from content and paths: adding an article renumbers nothing in the others."""

from __future__ import annotations

from sahel_data import pipeline
from sahel_data.extract.article import extract_articles
from sahel_data.ingest import parse_article
from sahel_data.tables import build_tables
from sahel_data.spec import TABLE_ORDER, TABLES

NEW = " date 2024-07 Le Tchad a expulsé l'ambassadeur du Niger le 3 juillet. Près de 500 soldats tchadiens ont quitté la capitale."


def ids(frames, article_ids):
    out = {}
    for name in TABLE_ORDER:
        if name == "actors":
            continue  # no article column: checked as a subset below
        key = TABLES[name].primary_key
        frame = frames[name]
        if "article_id" in frame.columns:
            frame = frame.filter(frame["article_id"].is_in(article_ids))
        out[name] = set(frame[key].to_list())
    return out


def test_adding_an_article_keeps_every_other_id(seed_extractions, nlp):
    before = build_tables(seed_extractions)
    (extra,) = list(extract_articles([parse_article(NEW, "new.txt", "seeds/new.txt", "1" * 64)], nlp))
    after = build_tables([*seed_extractions, extra])
    seeds = [ex.article["article_id"] for ex in seed_extractions]
    old_ids, new_ids = ids(before, seeds), ids(after, seeds)
    assert old_ids == new_ids
    assert set(before["actors"]["actor_id"]) <= set(after["actors"]["actor_id"])
    assert after["events"].filter(after["events"]["article_id"] == "new").height >= 1


def test_seed_extraction_is_deterministic(seed_extractions, nlp):
    from tests.conftest import SEEDS

    again = pipeline.extract(pipeline.read(SEEDS, pipeline.discover(SEEDS)))
    assert [ex.to_json() for ex in again] == [ex.to_json() for ex in seed_extractions]
