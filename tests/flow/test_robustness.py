"""Articles damaged in the ways real files are (cut short, reordered, stray markup, symbols,
numbers and dates in odd places) still give a release that validates: one odd sentence must not
cost the whole corpus its release."""

from __future__ import annotations

import random
from pathlib import Path

from sahel_data import pipeline
from sahel_data.validate import frictionless_check
from tests.conftest import SEEDS

JUNK = [
    "\u00a0", "\u202f", "’", "« ", " »", "—", "…", "%", "50 %", "1 000", "2,5", "12/03/2024", "\t", "<p>", "</p>",
    "&nbsp;", "&amp;", "#", "## ", "**", "\u200b", "😀", "\r\n", "\n\n", "1er", "3h30", "n°5", "https://x.fr/a?b=1",
    "M.", "(AFP)", "–", "€", "FCFA", "de 10 à 20", "mi-juin", "fin 2023", "d’ici", " date 2024-05 ", "<section>", "<h2>",
]


def damaged_articles(n: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out = {}
    for k in range(n):
        text = rng.choice(texts)
        kind = k % 5
        if kind == 0:
            text = text[: rng.randrange(1, len(text))]
        elif kind == 1:
            text = text[rng.randrange(len(text) - 1) :]
        elif kind == 2:
            for _ in range(40):
                i = rng.randrange(len(text) + 1)
                text = text[:i] + rng.choice(JUNK) + text[i:]
        elif kind == 3:
            text = text.replace(".", "").replace(",", "")
        else:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        out[f"damaged_{k:02d}.txt"] = text if text.strip() else "x"
    return out


def test_damaged_articles_still_publish_a_valid_release(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in damaged_articles(15, seed=3).items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    info = pipeline.run_without_prefect(corpus, out)
    assert info.version == "1.0.0"
    check = frictionless_check(out)
    assert check.ok, check.detail


def test_every_answer_keyed_article_together_gives_a_valid_release(tmp_path):
    # 180+ articles by different writers in one corpus: rows from one article refer to actors
    # described by another, and an event may name an actor no mention names; the release must
    # still hold together (a foreign key broken by one article once cost the whole corpus)
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(fixtures.glob("*/corpus/*.txt")):
        (corpus / f"{path.parent.parent.name}_{path.name}").write_bytes(path.read_bytes())
    assert len(list(corpus.iterdir())) >= 180
    info = pipeline.run_without_prefect(corpus, tmp_path / "out")
    assert info.version == "1.0.0"
    assert frictionless_check(tmp_path / "out").ok
