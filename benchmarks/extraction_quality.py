"""Precision, recall and F1 of the extraction against hand-made answer keys.

Usage:
    python benchmarks/extraction_quality.py                      # seeds/ against tests/fixtures/seeds_gold/
    python benchmarks/extraction_quality.py --corpus tests/fixtures/heldout/corpus \\
        --gold tests/fixtures/heldout/gold                      # the held-out set
    python benchmarks/extraction_quality.py --misses             # also list what was missed / spurious

Matching (tests/fixtures/ANNOTATION.md): an event matches a gold event in the same sentence
(the predicted evidence span contains the gold quote) with the same type and date; a quantity
on sentence, value and unit; a mention when spans overlap and the predicted actor id maps to
the gold one (predicted ids are mapped to gold ids by overlapping mentions, so id spelling
matters less than one id per real actor). Provenance: raw[char_start:char_end] equals the
evidence (or surface) of every row.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def locate(raw: str, quote: str, where: str) -> int:
    i = raw.find(quote)
    if i < 0:
        raise SystemExit(f"{where}: quote not found in the article: {quote!r}")
    return i


def gold_mentions(raw: str, surfaces: list[dict], boilerplate: list[tuple[int, int]]) -> list[tuple[int, int, str | None]]:
    """Every whole-word occurrence of each surface, longest first, outside boilerplate."""
    taken = [False] * len(raw)
    out = []
    for entry in sorted(surfaces, key=lambda e: -len(e["surface"])):
        pattern = r"(?<!\w)" + re.escape(entry["surface"]) + r"(?!\w)"
        for m in re.finditer(pattern, raw):
            s, e = m.start(), m.end()
            if any(taken[s:e]) or any(bs <= s < be for bs, be in boilerplate):
                continue
            for k in range(s, e):
                taken[k] = True
            out.append((s, e, entry["actor_id"]))
    return out


def score(corpus: Path, gold_dir: Path, show_misses: bool, show_summary: bool = False) -> dict:
    from sahel_data import pipeline
    from sahel_data.ingest import read_article
    from sahel_data.tables import build_tables

    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise SystemExit(f"{gold_dir}: no answer keys (*.json)")
    t0 = time.perf_counter()
    files = [corpus / json.loads(g.read_text(encoding="utf-8"))["file"] for g in gold_files]
    articles = [read_article(f, corpus) for f in files]
    extractions = pipeline.extract(articles)
    frames = build_tables(extractions)
    elapsed = time.perf_counter() - t0

    counts = defaultdict(Counter)
    errors: Counter = Counter()
    from sahel_data.lexicon_io import read_lexicon

    gazetteer_ids = {r["actor_id"] for r in read_lexicon("actors.csv")}
    provenance_ok = provenance_n = 0
    published_ok = 0
    misses: list[str] = []
    for gold_path, article in zip(gold_files, articles, strict=True):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = article.raw
        aid = article.article_id
        ev = frames["events"].filter(frames["events"]["article_id"] == aid).to_dicts()
        qs = frames["quantities"].filter(frames["quantities"]["article_id"] == aid).to_dicts()
        ms = frames["mentions"].filter(frames["mentions"]["article_id"] == aid).to_dicts()
        art = frames["articles"].filter(frames["articles"]["article_id"] == aid).to_dicts()[0]
        published_ok += (art["published"], art["published_basis"]) == (gold["published"], gold["published_basis"])

        for row in ev + qs:
            provenance_n += 1
            provenance_ok += raw[row["char_start"] : row["char_end"]] == row["evidence"]
        for row in ms:
            provenance_n += 1
            provenance_ok += raw[row["char_start"] : row["char_end"]] == row["surface"]

        # actors through mentions
        boiler = [article.clean.to_raw(b.start, b.end) for b in article.blocks if b.kind == "boilerplate"]
        gm = [g for g in gold_mentions(raw, gold["mentions"], boiler) if g[2]]
        overlap = defaultdict(Counter)
        for m in ms:
            for s, e, gid in gm:
                if m["char_start"] < e and s < m["char_end"]:
                    overlap[m["actor_id"]][gid] += 1
        mapping = {pid: c.most_common(1)[0][0] for pid, c in overlap.items()}
        used = set()
        tp = 0
        for m in ms:
            hit = None
            for k, (s, e, gid) in enumerate(gm):
                if k not in used and m["char_start"] < e and s < m["char_end"] and mapping.get(m["actor_id"]) == gid:
                    hit = k
                    break
            if hit is None:
                misses.append(f"{aid} spurious mention {m['surface']!r} -> {m['actor_id']}")
                errors["spurious mention: " + ("overlaps a gold mention" if any(m["char_start"] < e and s < m["char_end"] for s, e, _ in gm) else "no gold mention there")] += 1
            else:
                used.add(hit)
                tp += 1
        for k, (s, e, gid) in enumerate(gm):
            if k not in used:
                misses.append(f"{aid} missed mention {raw[s:e]!r} ({gid})")
                known = "gazetteer id" if gid in gazetteer_ids else "id not in gazetteer"
                shape = "capitalised" if raw[s:e][:1].isupper() else "lower-case"
                words = "one word" if len(raw[s:e].split()) == 1 else "several words"
                errors[f"missed mention: {known}, {shape}, {words}"] += 1
                covered = any(m["char_start"] < e and s < m["char_end"] for m in ms)
                if covered:
                    errors["missed mention: overlapped by a mention of another actor"] += 1
        counts["actors"].update(tp=tp, pred=len(ms), gold=len(gm))

        # events
        used_pred = set()
        tp = mod_ok = a1_ok = a2_ok = 0
        for g in gold["events"]:
            q = locate(raw, g["quote"], gold_path.name)
            hit = None
            for k, p in enumerate(ev):
                if k in used_pred or not (p["char_start"] <= q < p["char_end"]):
                    continue
                if p["event_type"] == g["event_type"] and p["date"] == g["date"]:
                    hit = k
                    break
            if hit is None:
                same_sentence = [f"{p['event_type']}/{p['date']}" for p in ev if p["char_start"] <= q < p["char_end"]]
                same_type = [p for p in ev if p["char_start"] <= q < p["char_end"] and p["event_type"] == g["event_type"]]
                if same_type:
                    pd_ = same_type[0]["date"]
                    if pd_ is None:
                        why = "same type, date missing"
                    elif g["date"] is None:
                        why = "same type, date where gold has none"
                    elif len(pd_) != len(g["date"]):
                        why = f"same type, precision {len(pd_)} vs gold {len(g['date'])} chars"
                    elif pd_[:4] != g["date"][:4]:
                        why = "same type, other year"
                    else:
                        why = "same type, same precision, other date"
                elif same_sentence:
                    why = "other type in sentence (" + ", ".join(sorted({s.split("/")[0] for s in same_sentence})) + ")"
                else:
                    why = "no event in sentence"
                errors[f"missed {g['event_type']}: {why}"] += 1
                misses.append(f"{aid} missed event {g['event_type']} {g['date']} {g['modality']} [{g['trigger']}] (sentence has: {same_sentence})")
                continue
            used_pred.add(hit)
            p = ev[hit]
            tp += 1
            mod_ok += p["modality"] == g["modality"]
            if p["modality"] != g["modality"]:
                misses.append(f"{aid} modality {g['event_type']} [{g['trigger']}]: got {p['modality']}, gold {g['modality']}")
                errors[f"event modality {p['modality']} where gold has {g['modality']}"] += 1
            a1 = mapping.get(p["actor1_id"], p["actor1_id"])
            a2 = mapping.get(p["actor2_id"], p["actor2_id"])
            a1_ok += a1 == g.get("actor1_id")
            a2_ok += a2 == g.get("actor2_id")
            if (a1, a2) != (g.get("actor1_id"), g.get("actor2_id")):
                misses.append(f"{aid} actors {g['event_type']} [{g['trigger']}]: got {a1} -> {a2}, gold {g.get('actor1_id')} -> {g.get('actor2_id')}")
                errors["event actor1 " + ("missing" if a1 is None else "wrong" if a1 != g.get("actor1_id") else "right")] += 1
                errors["event actor2 " + ("missing" if a2 is None else "wrong" if a2 != g.get("actor2_id") else "right")] += 1
        for k, p in enumerate(ev):
            if k not in used_pred:
                errors[f"spurious {p['event_type']}"] += 1
                golds_here = [g for g in gold["events"] if p["char_start"] <= locate(raw, g["quote"], gold_path.name) < p["char_end"]]
                same_type_elsewhere = any(g["event_type"] == p["event_type"] for g in gold["events"]) and not any(g["event_type"] == p["event_type"] for g in golds_here)
                errors[
                    "spurious (any type): "
                    + ("dated" if p["date"] else "undated")
                    + (", gold has this type elsewhere in the article" if same_type_elsewhere else "")
                    + (", sentence has gold events" if golds_here else ", sentence has no gold event")
                ] += 1
                misses.append(f"{aid} spurious event {p['event_type']} {p['date']} {p['modality']} [{p['trigger']}] in: {p['evidence'][:90]!r}")
        counts["events"].update(tp=tp, pred=len(ev), gold=len(gold["events"]), modality=mod_ok, actor1=a1_ok, actor2=a2_ok)

        # quantities
        used_pred = set()
        tp = qual_ok = 0
        for g in gold["quantities"]:
            q = locate(raw, g["quote"], gold_path.name)
            hit = None
            for k, p in enumerate(qs):
                if k in used_pred or not (p["char_start"] <= q < p["char_end"]):
                    continue
                if p["unit"] == g["unit"] and abs(p["value"] - g["value"]) <= 1e-3 * max(1, abs(g["value"])):
                    hit = k
                    break
            if hit is None:
                misses.append(f"{aid} missed quantity {g['value']} {g['unit']} ({g['quote']!r})")
                continue
            used_pred.add(hit)
            tp += 1
            qual_ok += qs[hit]["qualifier"] == g["qualifier"]
        for k, p in enumerate(qs):
            if k not in used_pred:
                misses.append(f"{aid} spurious quantity {p['value']} {p['unit']} {p['surface']!r}")
        counts["quantities"].update(tp=tp, pred=len(qs), gold=len(gold["quantities"]), qualifier=qual_ok)

    print(f"corpus {corpus} ({len(articles)} articles), answer keys {gold_dir}; extraction {elapsed:.1f} s")
    print(f"{'table':<11} {'gold':>5} {'pred':>5} {'tp':>5} {'precision':>9} {'recall':>7} {'F1':>6}")
    result = {}
    for table in ("events", "quantities", "actors"):
        c = counts[table]
        p, r, f = prf(c["tp"], c["pred"], c["gold"])
        result[table] = {"precision": p, "recall": r, "f1": f}
        print(f"{table:<11} {c['gold']:>5} {c['pred']:>5} {c['tp']:>5} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    c = counts["events"]
    if c["tp"]:
        print(f"on matched events: modality {c['modality'] / c['tp']:.3f}, actor1 {c['actor1'] / c['tp']:.3f}, actor2 {c['actor2'] / c['tp']:.3f}")
    c = counts["quantities"]
    if c["tp"]:
        print(f"on matched quantities: qualifier {c['qualifier'] / c['tp']:.3f}")
    print(f"articles: published and basis right in {published_ok}/{len(articles)}")
    print(f"provenance: {provenance_ok}/{provenance_n} rows exact ({100 * provenance_ok / max(1, provenance_n):.1f} %)")
    if show_summary:
        print("errors by kind (no text shown):")
        for kind, n in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {n:>3}  {kind}")
    if show_misses:
        print("\n".join(misses))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT / "seeds"))
    parser.add_argument("--gold", default=str(ROOT / "tests" / "fixtures" / "seeds_gold"))
    parser.add_argument("--misses", action="store_true", help="list missed and spurious rows (quotes text)")
    parser.add_argument("--summary", action="store_true", help="count event errors by type and kind (no text)")
    args = parser.parse_args()
    score(Path(args.corpus), Path(args.gold), args.misses, args.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
