"""The release stages as plain functions, in flow order; `flows.py` wraps each in a task.

Each stage: load what it needs, do one thing, return plain data. Tests call these directly.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from sahel_data import ingest
from sahel_data import publish as publish_mod
from sahel_data import tables as tables_mod
from sahel_data import validate as validate_mod
from sahel_data.cache import ExtractionCache
from sahel_data.ingest import Article
from sahel_data.progress import progress
from sahel_data.tables import ArticleExtraction, TableParts, table_parts

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
    articles = _without_invalid(articles, errors, corpus, skip_invalid)
    log.info("read %d articles (%d skipped)", len(articles), len(errors))
    return articles


def _without_invalid(items: list, errors: list[ingest.ArticleError], corpus: Path, skip_invalid: bool) -> list:
    """The items whose files are readable and whose ids are unique. With errors, stop (naming
    every file) unless `skip_invalid`, which logs them and drops those files; `errors` gains the
    duplicate-id errors. Items have `source_path` and `article_id`."""
    errors += ingest.duplicate_id_errors(items)
    if errors and not skip_invalid:
        raise ingest.CorpusError(errors)
    for e in errors:
        log.warning("skipped %s", e)
    bad = {e.path for e in errors}
    kept = [x for x in items if x.source_path not in bad]
    if not kept:
        raise ingest.CorpusError([ingest.ArticleError(str(corpus), "no readable article", "add article files to the corpus folder")])
    return kept


@dataclass
class Scanned:
    """The corpus after one pass: its articles' order, the cached ones' rows, the ones to extract."""

    order: list[str]  # article ids, in the corpus's order
    cached: list[TableParts]  # rows of cache hits, a chunk of articles per part
    misses: list[Article]  # read and cleaned, for the model


@dataclass(frozen=True)
class _Found:
    path: Path
    article_id: str
    source_path: str
    sha256: str
    article: Article | None  # None for a cache hit: never decoded nor cleaned


def scan(corpus: Path, files: list[Path], cache: ExtractionCache, skip_invalid: bool = False, chunk: int = 250) -> Scanned:
    """Hash every file first; read and clean only the ones the cache lacks (a warm run parses
    nothing and loads no model). Cached rows become TableParts a chunk at a time.

    Bad files stop the release (one line each) unless skip_invalid, as in `read`: a cache hit
    is a file whose exact bytes were read without error before, so only misses are decoded.
    """
    found: list[_Found] = []
    errors: list[ingest.ArticleError] = []
    for path in files:
        relative = path.relative_to(corpus).as_posix()
        label = f"{corpus.name}/{relative}"
        try:
            data = path.read_bytes()
        except OSError as e:
            errors.append(ingest.ArticleError(label, f"unreadable ({e.strerror})", "check the file's permissions"))
            continue
        sha256 = hashlib.sha256(data).hexdigest()
        if cache.has(sha256, label):
            found.append(_Found(path, ingest.article_id_for(relative), label, sha256, None))
            continue
        try:
            article = ingest.parse_article(ingest.decode_article_bytes(label, data), relative, label, sha256)
        except ingest.ArticleError as e:
            errors.append(e)
            continue
        found.append(_Found(path, article.article_id, label, sha256, article))
    found = _without_invalid(found, errors, corpus, skip_invalid)

    cached: list[TableParts] = []
    pending: list[ArticleExtraction] = []
    misses: list[Article] = []
    for f in found:
        if f.article is not None:
            misses.append(f.article)
            continue
        hit = cache.get(f.sha256, f.source_path)
        if hit is None:  # an entry that cannot be read back: extract the article again
            misses.append(ingest.read_article(f.path, corpus))
            continue
        pending.append(hit)
        if len(pending) == chunk:
            cached.append(table_parts(pending))
            pending = []
    if pending:
        cached.append(table_parts(pending))
    n_hits = sum(p.n_articles for p in cached)
    log.info("read %d articles (%d skipped); cache: %d already extracted, %d to extract", len(found), len(errors), n_hits, len(misses))
    return Scanned([f.article_id for f in found], cached, misses)


def needs_extraction(corpus: Path, cache: ExtractionCache) -> bool:
    """Whether any file of the corpus lacks a cache entry (a quick look: hashes, no parsing)."""
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

    def take(self) -> list[Article]:
        """The articles, leaving the box empty: texts are freed once their batch is extracted."""
        articles, self.articles = self.articles, []
        return articles


def batches(items: list[Article], size: int) -> list[Batch]:
    """Consecutive slices of at most `size`: one Prefect task each, never one per article.

    >>> [b.articles for b in batches(list(range(5)), 2)]
    [[0, 1], [2, 3], [4]]
    """
    return [Batch(items[i : i + size]) for i in range(0, len(items), size)]


class Extracted:
    """One batch's output, as it travels back from a worker: its rows as TableParts, and each
    article's cache entry (key parts and JSON text) for the client to store."""

    __slots__ = ("parts", "entries")

    def __init__(self, parts: TableParts, entries: list[tuple[str, str, str]]) -> None:
        self.parts = parts
        self.entries = entries


def extract_batch(batch: Batch, n_process: int = 1) -> Extracted:
    """Extract a batch of articles (texts travel with them: a remote worker needs no shared disk).

    The model is loaded once per process, on the first batch that needs it.
    """
    articles = batch.take()
    if not articles:
        return Extracted(table_parts([]), [])
    from sahel_data.extract.article import extract_articles

    rows = list(progress(extract_articles(articles, n_process=n_process), len(articles), "extracting", log_steps=False))
    del articles
    log.info("extracted a batch of %d articles: %d events, %d quantities, %d mentions", len(rows),
             sum(len(e.events) for e in rows), sum(len(e.quantities) for e in rows), sum(len(e.mentions) for e in rows))
    entries = [(ex.article["sha256"], ex.article["source_path"], ex.to_json()) for ex in rows]
    return Extracted(table_parts(rows), entries)


def store_batch(extracted: Extracted, cache: ExtractionCache) -> TableParts:
    """Write a batch's cache entries (on the flow's client: workers need no disk); keep its rows."""
    for sha256, source_path, text in extracted.entries:
        cache.put_entry(sha256, source_path, text)
    # Written: let the JSON texts go now, even if the orchestrator keeps the batch's object alive.
    extracted.entries = []
    return extracted.parts


def store_in_cache(extractions: list[ArticleExtraction], cache: ExtractionCache) -> None:
    for ex in extractions:
        cache.put(ex)


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


def tables(parts: list[TableParts], article_order: list[str], out: Path) -> dict[str, pl.DataFrame]:
    return tables_mod.build_tables_from_parts(parts, article_order, previous_actors(out))


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
    scanned = scan(corpus, discover(corpus), cache, skip_invalid)
    parts = [*scanned.cached, *(store_batch(extract_batch(b), cache) for b in batches(scanned.misses, 250))]
    frames = validate(tables(parts, scanned.order, out))
    staged = stage(frames, out, version, force)
    try:
        check(staged, corpus)
        return publish(staged)
    finally:
        discard(staged)
