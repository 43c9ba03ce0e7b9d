"""Shared fixtures: the repository root, the seeds, the French model (loaded once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def nlp():
    from sahel_data.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_extractions(nlp):
    """The five seeds through the plain extraction functions (no Prefect)."""
    from sahel_data import pipeline

    corpus = SEEDS
    return pipeline.extract(pipeline.read(corpus, pipeline.discover(corpus)))


@pytest.fixture
def make_corpus(tmp_path):
    """Write {relative path: text or bytes} into a fresh corpus folder named 'corpus'."""

    def make(files: dict[str, str | bytes]) -> Path:
        corpus = tmp_path / "corpus"
        for rel, content in files.items():
            path = corpus / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_bytes(content.encode("utf-8"))
        return corpus

    return make
