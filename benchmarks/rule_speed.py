"""Time the extraction rules alone: parse N articles once, then run the rules over them.

Usage:
    python benchmarks/rule_speed.py CORPUS [--articles N] [--repeat R]

Prints milliseconds per article for `ArticleReader.run` (actors, dates, events, quantities and
their rows) with spaCy's parse taken out, the best of R repeats; each repeat starts from docs
without the rules' per-doc caches. A corpus from `make_corpus.py` serves (e.g. /tmp/x/c1000).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sahel_data.extract.article import ArticleReader
from sahel_data.ingest import discover_files, read_article
from sahel_data.nlp import load_model, parse_texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = [read_article(f, args.corpus) for f in discover_files(args.corpus)[: args.articles]]
    nlp = load_model()
    parsed = []
    for article in articles:
        blocks = list(article.body_blocks())
        parsed.append((article, list(zip(blocks, parse_texts([article.block_text(b) for b in blocks], nlp), strict=True))))
    best = float("inf")
    for _ in range(args.repeat):
        for _, docs in parsed:
            for _, doc in docs:
                doc.user_data.clear()  # the rules cache words and matches on each doc
        start = time.perf_counter()
        for article, docs in parsed:
            ArticleReader(article, docs, nlp).run()
        best = min(best, time.perf_counter() - start)
    print(f"rules: {best / len(parsed) * 1000:.2f} ms/article over {len(parsed)} articles (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
