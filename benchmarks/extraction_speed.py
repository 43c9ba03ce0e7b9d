"""Extraction speed through the plain functions (no Prefect), model load included.

Usage:
    python benchmarks/extraction_speed.py            # the five seeds, then the seeds repeated 40 times
    python benchmarks/extraction_speed.py --repeat 200

Prints wall time from process start for the seeds (imports and model load count), then words
per second of extraction alone over the seeds repeated N times (the model already loaded).
"""

from __future__ import annotations

import argparse
import time

START = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=40, help="copies of the seeds for the words/s figure")
    args = parser.parse_args()

    from dataclasses import replace

    from sahel_data import pipeline
    from sahel_data.extract.article import extract_articles

    corpus = ROOT / "seeds"
    articles = pipeline.read(corpus, pipeline.discover(corpus))
    seeds_rows = list(extract_articles(articles))
    seeds_wall = time.perf_counter() - START
    words = sum(a.article["n_words"] for a in seeds_rows)
    print(f"seeds: {len(articles)} articles, {words} words, {seeds_wall:.2f} s from process start (imports + model load + extraction)")

    many = [replace(a, article_id=f"{a.article_id}-{k}") for k in range(args.repeat) for a in articles]
    t0 = time.perf_counter()
    out = list(extract_articles(many))
    elapsed = time.perf_counter() - t0
    n_words = words * args.repeat
    print(
        f"seeds x{args.repeat}: {len(out)} articles, {n_words} words in {elapsed:.2f} s: "
        f"{n_words / elapsed:,.0f} words/s, {len(out) / elapsed:.1f} articles/s (one process, model loaded)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
