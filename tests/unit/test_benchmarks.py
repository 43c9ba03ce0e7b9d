"""The benchmark scripts stay runnable against the current code (they are not part of the
release, so nothing else would notice an API change breaking them)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_extraction_quality_scores_the_seeds(nlp, capsys):
    quality = _load("extraction_quality")
    result = quality.score(ROOT / "seeds", ROOT / "tests" / "fixtures" / "seeds_gold", show_misses=False, show_summary=True)
    assert set(result) == {"events", "quantities", "actors"}
    assert all(0.0 <= v <= 1.0 for table in result.values() for v in table.values())
    assert "provenance:" in capsys.readouterr().out
