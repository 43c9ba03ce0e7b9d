"""The per-article extraction cache: hits skip the model, edits re-extract only what changed."""

from __future__ import annotations

import shutil

import pytest

from sahel_data import cache as cache_mod
from sahel_data import pipeline
from sahel_data.cache import ExtractionCache, article_key
from tests.conftest import SEEDS


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "seeds"
    shutil.copytree(SEEDS, c)
    return c


def test_cache_rerun_no_model_load_same_bytes(tmp_path, corpus, monkeypatch, nlp):
    cache = ExtractionCache(tmp_path / "cache")
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    pipeline.run_without_prefect(corpus, cold, cache=cache)
    import sahel_data.extract.article as article_mod

    def no_model(*args, **kwargs):
        raise AssertionError("the model was needed although every article was cached")

    monkeypatch.setattr(article_mod, "extract_articles", no_model)
    pipeline.run_without_prefect(corpus, warm, cache=cache)
    for name in ["articles.csv", "actors.csv", "mentions.csv", "events.csv", "quantities.csv", "README.md"]:
        assert (cold / name).read_bytes() == (warm / name).read_bytes(), name


def test_cache_one_article_edited_only_it_extracted(tmp_path, corpus, nlp):
    cache = ExtractionCache(tmp_path / "cache")
    articles = pipeline.read(corpus, pipeline.discover(corpus))
    pipeline.store_in_cache(pipeline.extract(articles), cache)
    first = sorted(corpus.iterdir())[0]
    first.write_bytes(first.read_bytes() + "\nUne phrase de plus.\n".encode())
    scanned = pipeline.scan(corpus, pipeline.discover(corpus), cache)
    assert [m.source_path for m in scanned.misses] == [f"seeds/{first.name}"]
    assert sum(p.n_articles for p in scanned.cached) == 4


def test_cache_new_extractor_fingerprint_everything_extracted(tmp_path, corpus, monkeypatch, nlp):
    cache = ExtractionCache(tmp_path / "cache")
    articles = pipeline.read(corpus, pipeline.discover(corpus))
    pipeline.store_in_cache(pipeline.extract(articles), cache)
    monkeypatch.setattr(cache_mod, "extractor_fingerprint", lambda: "a-lexicon-changed")
    scanned = pipeline.scan(corpus, pipeline.discover(corpus), cache)
    assert not scanned.cached and len(scanned.misses) == 5


def test_scan_all_cached_decodes_no_file_same_order_as_read(tmp_path, corpus, monkeypatch, nlp):
    cache = ExtractionCache(tmp_path / "cache")
    articles = pipeline.read(corpus, pipeline.discover(corpus))
    pipeline.store_in_cache(pipeline.extract(articles), cache)
    from sahel_data import ingest

    def no_parse(*args, **kwargs):
        raise AssertionError("a cached article was decoded and cleaned again")

    monkeypatch.setattr(ingest, "parse_article", no_parse)
    scanned = pipeline.scan(corpus, pipeline.discover(corpus), cache, chunk=2)
    assert not scanned.misses and [p.n_articles for p in scanned.cached] == [2, 2, 1]
    assert scanned.order == [a.article_id for a in articles]


def test_extract_batch_rows_and_cache_entries_texts_dropped(tmp_path, corpus, nlp):
    articles = pipeline.read(corpus, pipeline.discover(corpus))[:2]
    (batch,) = pipeline.batches(articles, 250)
    extracted = pipeline.extract_batch(batch)
    assert len(batch) == 0, "a batch keeps no texts once extracted"
    cache = ExtractionCache(tmp_path / "cache")
    parts = pipeline.store_batch(extracted, cache)
    assert parts.frames["articles"]["article_id"].to_list() == [a.article_id for a in articles]
    assert extracted.entries == [], "written entries are let go (Prefect keeps the task's objects alive)"
    scanned = pipeline.scan(corpus, pipeline.discover(corpus), cache)
    assert sum(p.n_articles for p in scanned.cached) == 2 and len(scanned.misses) == 3


def test_cache_key_depends_on_path_and_content():
    assert article_key("a" * 64, "seeds/x.txt") != article_key("a" * 64, "seeds/y.txt")
    assert article_key("a" * 64, "seeds/x.txt") != article_key("b" * 64, "seeds/x.txt")


def test_extractor_fingerprint_covers_lexicons_and_model():
    from importlib import resources

    names = {p.name for p in resources.files("sahel_data.lexicons").iterdir()}
    assert "event_triggers.csv" in names
    assert len(cache_mod.extractor_fingerprint()) == 64


def test_cache_corrupt_entry_extracted_again(tmp_path, corpus, nlp):
    cache = ExtractionCache(tmp_path / "cache")
    articles = pipeline.read(corpus, pipeline.discover(corpus))[:1]
    pipeline.store_in_cache(pipeline.extract(articles), cache)
    (entry,) = (tmp_path / "cache").rglob("*.json")
    entry.write_text("{not json")
    scanned = pipeline.scan(corpus, pipeline.discover(corpus), cache)
    assert not scanned.cached and len(scanned.misses) == 5
    assert scanned.order == [a.article_id for a in pipeline.read(corpus, pipeline.discover(corpus))]
