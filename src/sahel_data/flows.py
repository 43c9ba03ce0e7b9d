"""The Prefect flow `publish_release`: one thin task per stage over the plain functions.

The only module that imports prefect. No branching on data here: every decision lives in the
stage functions, which tests call directly. Tasks are coarse (one per stage, and one per batch
of articles for extraction), since each task run costs the Prefect server tens of milliseconds.
Extraction batches go to the task runner: in this process by default, or onto a Dask cluster
through prefect-dask, where each worker loads the model once.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

# Ephemeral-server defaults from the field notes: start-up takes 6-15 s on 2 cores (the default
# 20 s timeout is too tight), and telemetry would try the network. Set before prefect imports.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from sahel_data import pipeline  # noqa: E402
from sahel_data.cache import DEFAULT_CACHE, ExtractionCache  # noqa: E402

log = logging.getLogger(__name__)

# Inputs are large (article texts, parsed tables): never hash them for Prefect's cache.
stage = task(cache_policy=NO_CACHE, persist_result=False)
# ...and never let Prefect walk them looking for futures: it visits every element of a list,
# dict or dataclass passed to a task (and copies it), seconds per stage at thousands of
# articles. `quote` hands the value over untouched.
BATCH_SIZE = 250


@stage
def discover_files(corpus: Path) -> list[Path]:
    return pipeline.discover(corpus)


@stage
def scan_corpus(corpus: Path, files: list, cache_dir: Path | None, skip_invalid: bool) -> pipeline.Scanned:
    return pipeline.scan(corpus, files, ExtractionCache(cache_dir), skip_invalid)


@stage
def extract_batch(batch: pipeline.Batch, n_process: int) -> pipeline.Extracted:
    return pipeline.extract_batch(batch, n_process)


@stage
def store_batch(extracted: pipeline.Extracted, cache_dir: Path | None):
    return pipeline.store_batch(extracted, ExtractionCache(cache_dir))


@stage
def build_tables(parts: list, article_order: list, out: Path) -> dict:
    return pipeline.tables(parts, article_order, out)


@stage
def validate_tables(frames: dict) -> dict:
    return pipeline.validate(frames)


@stage
def write_package(frames: dict, out: Path, version: str | None, force: bool):
    return pipeline.stage(frames, out, version, force)


@stage
def validate_package(staged, corpus: Path):
    return pipeline.check(staged, corpus)


@stage(retries=2, retry_delay_seconds=1)
def publish(staged):
    return pipeline.publish(staged)


@flow(name="publish_release", log_prints=False, validate_parameters=False)
def publish_release(
    corpus: Path = Path("seeds"),
    out: Path = Path("datapackage"),
    skip_invalid: bool = False,
    version: str | None = None,
    force: bool = False,
    cache_dir: Path | None = DEFAULT_CACHE,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
):
    """Corpus folder -> validated Data Package in `out` (the previous one survives any failure)."""
    files = discover_files(corpus)
    scanned = scan_corpus(corpus, quote(files), cache_dir, skip_invalid)
    order, parts = scanned.order, scanned.cached
    futures = [extract_batch.submit(batch, n_process) for batch in pipeline.batches(scanned.misses, batch_size)]
    del scanned  # each batch holds its texts until extracted, then drops them (bounded memory)
    # Each batch's rows become compact frames as soon as it comes back, and its future is let go.
    parts += [store_batch(extracted, cache_dir) for extracted in each_result(futures)]
    frames = validate_tables(quote(build_tables(quote(parts), quote(order), out)))
    del parts  # the tables hold everything from here on
    staged = write_package(quote(frames), out, version, force)
    del frames  # written and checked on disk from here on
    try:
        validate_package(staged, corpus)
        return publish(staged)
    finally:
        pipeline.discard(staged)


def start_local_server_early() -> threading.Thread | None:
    """Start Prefect's temporary local server now, in a thread, when no PREFECT_API_URL is set.

    The flow would start it at its first call, after the imports and the model load have
    begun; its boot (a separate process: imports, a fresh SQLite database) then sits on the
    release's critical path for seconds. Started first, it boots while this process imports
    and loads the model. `run_release` waits for it; if it failed, the flow starts it again.
    """
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        return None

    def start() -> None:
        from prefect.server.api.server import SubprocessASGIServer

        try:
            SubprocessASGIServer().start()  # the instance the flow's client will use
        except Exception as e:  # noqa: BLE001 - the flow's own start reports it
            log.warning("could not start Prefect's local server early (%s); the flow will", e)

    thread = threading.Thread(target=start, name="prefect-server-start", daemon=True)
    thread.start()
    return thread


def each_result(futures: list):
    """Results in submission order, each future dropped once read (it holds the result)."""
    futures.reverse()
    while futures:
        yield futures.pop().result()


def task_runner(workers: int, kind: str, dask_address: str | None):
    """Where extraction batches run: here, one batch at a time (spaCy's own processes use the
    cores), or on a Dask cluster: an existing one at `dask_address`, or a local one of `workers`
    single-threaded worker processes. Returns (runner, spaCy processes per batch)."""
    if dask_address or kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address), 1
        # Dask workers are daemonic processes: they cannot fork spaCy workers of their own.
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}), 1
    # One batch at a time: the model is shared by the batches and is not thread-safe.
    return ThreadPoolTaskRunner(max_workers=1), workers


def run_release(
    corpus: Path,
    out: Path,
    skip_invalid: bool = False,
    version: str | None = None,
    force: bool = False,
    cache_dir: Path | None = DEFAULT_CACHE,
    workers: int = 1,
    runner: str = "local",
    dask_address: str | None = None,
    batch_size: int = BATCH_SIZE,
    server_start: threading.Thread | None = None,
):
    """Run the flow with heartbeats off (they cost about a second per flow run and buy nothing here)."""
    if server_start is not None:
        server_start.join()  # the flow's client must find the early-started server up, or none
    task_runner_, n_process = task_runner(workers, runner, dask_address)
    configured = publish_release.with_options(task_runner=task_runner_)
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return configured(
            corpus=corpus, out=out, skip_invalid=skip_invalid, version=version, force=force,
            cache_dir=cache_dir, n_process=n_process, batch_size=batch_size,
        )
