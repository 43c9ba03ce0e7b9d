"""The Prefect flow `publish_release`: one thin task per stage over the plain functions.

The only module that imports prefect. No branching on data here: every decision lives in the
stage functions, which tests call directly. Tasks are coarse (one per stage, not per article),
since each task run costs the Prefect server tens of milliseconds.
"""

from __future__ import annotations

import os
from pathlib import Path

# Ephemeral-server defaults from the field notes: start-up takes 6-15 s on 2 cores (the default
# 20 s timeout is too tight), and telemetry would try the network. Set before prefect imports.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from sahel_data import pipeline

# Inputs are large (article texts, parsed tables): never hash them for Prefect's cache.
stage = task(cache_policy=NO_CACHE, persist_result=False)


@stage
def discover_files(corpus: Path) -> list[Path]:
    return pipeline.discover(corpus)


@stage
def read_articles(corpus: Path, files: list[Path], skip_invalid: bool) -> list:
    return pipeline.read(corpus, files, skip_invalid)


@stage
def extract(articles: list) -> list:
    return pipeline.extract(articles)


@stage
def build_tables(extractions: list, out: Path) -> dict:
    return pipeline.tables(extractions, out)


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
):
    """Corpus folder -> validated Data Package in `out` (the previous one survives any failure)."""
    files = discover_files(corpus)
    articles = read_articles(corpus, files, skip_invalid)
    extractions = extract(articles)
    frames = validate_tables(build_tables(extractions, out))
    staged = write_package(frames, out, version, force)
    try:
        validate_package(staged, corpus)
        return publish(staged)
    finally:
        pipeline.discard(staged)


def run_release(corpus: Path, out: Path, skip_invalid: bool = False, version: str | None = None, force: bool = False):
    """Run the flow with heartbeats off (they cost about a second per flow run and buy nothing here)."""
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return publish_release(corpus=corpus, out=out, skip_invalid=skip_invalid, version=version, force=force)
