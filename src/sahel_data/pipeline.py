"""The release stages as plain functions, in flow order; `flows.py` wraps each in a task.

Each stage: load what it needs, do one thing, return plain data. Tests call these directly.
"""

from __future__ import annotations

import logging
from pathlib import Path

import polars as pl

from sahel_data import ingest
from sahel_data import publish as publish_mod
from sahel_data import tables as tables_mod
from sahel_data import validate as validate_mod
from sahel_data.cache import ExtractionCache
from sahel_data.ingest import Article
from sahel_data.progress import progress
from sahel_data.tables import ArticleExtraction

log = logging.getLogger(__name__)


def discover(corpus: Path) -> list[Path]:
    files = ingest.discover_files(corpus)
    log.info("found %d files in %s", len(files), corpus)
    return files


def read(corpus: Path, files: list[Path], skip_invalid: bool = False) -> list[Article]:
    """Read and clean every file; bad files stop the release unless skip_invalid."""
    articles: list[Article] = []
    errors: list[ingest.ArticleError] = []
    for path in files:
        try:
            articles.append(ingest.read_article(path, corpus))
        except ingest.ArticleError as e:
            errors.append(e)
    errors += ingest.duplicate_id_errors(articles)
    if errors and not skip_invalid:
        raise ingest.CorpusError(errors)
    for e in errors:
        log.warning("skipped %s", e)
    bad = {e.path for e in errors}
    articles = [a for a in articles if a.source_path not in bad]
    if not articles:
        raise ingest.CorpusError([ingest.ArticleError(str(corpus), "no readable article", "add article files to the corpus folder")])
    log.info("read %d articles (%d skipped)", len(articles), len(errors))
    return articles


def lookup_cache(articles: list[Article], cache: ExtractionCache) -> tuple[dict[str, ArticleExtraction], list[Article]]:
    """Split articles into cached extractions (by article id) and the ones to extract."""
    hits: dict[str, ArticleExtraction] = {}
    misses: list[Article] = []
    for a in articles:
        found = cache.get(a.sha256, a.source_path)
        if found is not None:
            hits[a.article_id] = found
        else:
            misses.append(a)
    log.info("cache: %d articles already extracted, %d to extract", len(hits), len(misses))
    return hits, misses


def needs_extraction(corpus: Path, cache: ExtractionCache) -> bool:
    """Whether any file of the corpus lacks a cache entry (a quick look: hashes, no parsing)."""
    import hashlib

    for path in ingest.discover_files(corpus):
        source_path = f"{corpus.name}/{path.relative_to(corpus).as_posix()}"
        if not cache.has(hashlib.sha256(path.read_bytes()).hexdigest(), source_path):
            return True
    return False


class Batch:
    """Articles sent to one extraction task, in a box Prefect does not open.

    Prefect walks every list, dict and dataclass given to a task, looking for futures (seconds
    at thousands of articles); it leaves plain objects alone, and so does Dask, which would
    unpack Prefect's own `quote` wrapper (a tuple) on the way to a worker.
    """

    __slots__ = ("articles",)

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles

    def __len__(self) -> int:
        return len(self.articles)


def batches(items: list[Article], size: int) -> list[Batch]:
    """Consecutive slices of at most `size`: one Prefect task each, never one per article.

    >>> [b.articles for b in batches(list(range(5)), 2)]
    [[0, 1], [2, 3], [4]]
    """
    return [Batch(items[i : i + size]) for i in range(0, len(items), size)]


def extract_batch(batch: Batch, n_process: int = 1) -> list[ArticleExtraction]:
    """Extract a batch of articles (texts travel with them: a remote worker needs no shared disk).

    The model is loaded once per process, on the first batch that needs it.
    """
    articles = batch.articles
    if not articles:
        return []
    from sahel_data.extract.article import extract_articles

    rows = list(progress(extract_articles(articles, n_process=n_process), len(articles), "extracting", log_steps=False))
    log.info("extracted a batch of %d articles: %d events, %d quantities, %d mentions", len(rows),
             sum(len(e.events) for e in rows), sum(len(e.quantities) for e in rows), sum(len(e.mentions) for e in rows))
    return rows


def store_in_cache(extractions: list[ArticleExtraction], cache: ExtractionCache) -> None:
    for ex in extractions:
        cache.put(ex)


def in_article_order(article_ids: list[str], hits: dict[str, ArticleExtraction], fresh: list[ArticleExtraction]) -> list[ArticleExtraction]:
    """Cached and fresh extractions, in the corpus's order."""
    by_id = {**hits, **{ex.article["article_id"]: ex for ex in fresh}}
    missing = [i for i in article_ids if i not in by_id]
    if missing:
        raise RuntimeError(f"no extraction came back for {len(missing)} articles (e.g. {missing[:3]}); rerun the release")
    return [by_id[i] for i in article_ids]


def extract(articles: list[Article], n_process: int = 1) -> list[ArticleExtraction]:
    from sahel_data.extract.article import extract_articles

    out = []
    for ex in progress(extract_articles(articles, n_process=n_process), len(articles), "extracting"):
        log.debug("%s: %d events, %d quantities, %d mentions", ex.article["article_id"], len(ex.events), len(ex.quantities), len(ex.mentions))
        out.append(ex)
    log.info(
        "extracted %d events, %d quantities, %d mentions from %d articles",
        sum(len(e.events) for e in out), sum(len(e.quantities) for e in out), sum(len(e.mentions) for e in out), len(out),
    )
    return out


def previous_actors(out: Path) -> pl.DataFrame | None:
    """The published actors table, the registry of actor ids (contract: ids never change)."""
    path = out / "actors.csv"
    if not path.exists():
        return None
    return validate_mod.read_package_tables(out)["actors"]


def tables(extractions: list[ArticleExtraction], out: Path) -> dict[str, pl.DataFrame]:
    return tables_mod.build_tables(extractions, previous_actors(out))


def validate(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    validate_mod.validate_tables(frames)
    return frames


def stage(frames: dict[str, pl.DataFrame], out: Path, version: str | None = None, force: bool = False) -> publish_mod.StagedRelease:
    return publish_mod.stage_release(frames, out, version=version, force=force)


def check(staged: publish_mod.StagedRelease, corpus: Path) -> list[validate_mod.Check]:
    return publish_mod.check_staged(staged, corpus)


def publish(staged: publish_mod.StagedRelease) -> publish_mod.ReleaseInfo:
    return publish_mod.publish_staged(staged)


def discard(staged: publish_mod.StagedRelease) -> None:
    publish_mod.discard(staged)


def run_without_prefect(
    corpus: Path, out: Path, skip_invalid: bool = False, version: str | None = None, force: bool = False,
    cache: ExtractionCache | None = None,
) -> publish_mod.ReleaseInfo:
    """The same stages in the same order, as plain calls (tests, benchmarks)."""
    cache = cache or ExtractionCache(None)
    articles = read(corpus, discover(corpus), skip_invalid)
    hits, misses = lookup_cache(articles, cache)
    fresh = extract(misses) if misses else []
    store_in_cache(fresh, cache)
    frames = validate(tables(in_article_order([a.article_id for a in articles], hits, fresh), out))
    staged = stage(frames, out, version, force)
    try:
        check(staged, corpus)
        return publish(staged)
    finally:
        discard(staged)
