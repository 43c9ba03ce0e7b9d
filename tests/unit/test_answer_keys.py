"""The hand-made answer keys (tests/fixtures/*/gold) are well formed: a key that quotes text its
article does not hold once, or uses a type the contract lacks, would score the extraction wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER",
}
UNITS = {"person", "USD", "EUR", "XOF", "tonne", "km", "hour", "day", "week", "month", "year", "percent", "ratio", "item"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most"}


def _keys() -> list[tuple[Path, Path]]:
    pairs = [(key, ROOT / "seeds" / f"{key.stem}.txt") for key in sorted((FIXTURES / "seeds_gold").glob("*.json"))]
    for gold in sorted(FIXTURES.glob("*/gold")):
        pairs += [(key, gold.parent / "corpus" / f"{key.stem}.txt") for key in sorted(gold.glob("*.json"))]
    return pairs


KEYS = _keys()


@pytest.mark.parametrize("key, article", KEYS, ids=[f"{k.parent.parent.name}/{k.stem}" for k, _ in KEYS])
def test_answer_key_quotes_its_article_once_and_uses_the_contracts_values(key: Path, article: Path):
    raw = article.read_text(encoding="utf-8")
    gold = json.loads(key.read_text(encoding="utf-8"))
    assert gold["file"] == article.name, "the key names another file"
    assert gold["published_basis"] in {"header", "inferred", "unknown"}
    for row in gold["events"] + gold["quantities"]:
        assert raw.count(row["quote"]) == 1, f"quote not found exactly once: {row['quote']!r}"
    for e in gold["events"]:
        assert e["event_type"] in EVENT_TYPES and e["modality"] in {"occurred", "planned"}
    for q in gold["quantities"]:
        assert q["unit"] in UNITS and q["qualifier"] in QUALIFIERS
    for m in gold["mentions"]:
        assert m["surface"] in raw, f"mention surface absent: {m['surface']!r}"


def test_every_fixture_set_has_a_key_per_article():
    for gold in FIXTURES.glob("*/gold"):
        assert {p.stem for p in gold.glob("*.json")} == {p.stem for p in (gold.parent / "corpus").glob("*.txt")}, gold
