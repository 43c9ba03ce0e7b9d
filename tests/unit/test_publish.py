"""Writing a release: contract CSVs, metadata, versions, atomic swap, failure leaves the old one."""

from __future__ import annotations

import json

import polars as pl
import pytest

from sahel_data import publish, validate
from sahel_data.publish import PublishError, csv_bytes, format_number, write_release
from sahel_data.spec import TABLE_ORDER
from sahel_data.tables import ArticleExtraction, build_tables

RAW = "Le Niger a rompu avec la France. Près de 1 000 soldats sont partis.\n"
FRANCE = RAW.index("France")
SECOND = RAW.index("Près")


def small_frames(article_id: str = "a", extra_event: bool = False) -> dict[str, pl.DataFrame]:
    article = {
        "article_id": article_id, "source_path": f"corpus/{article_id}.txt", "title": None, "published": "2024-05",
        "published_precision": "month", "published_basis": "header", "url": None, "outlet": None, "language": "fr",
        "n_chars": len(RAW), "n_words": len(RAW.split()), "n_sentences": 2, "sha256": "0" * 64,
    }
    mentions = [
        {"mention_id": f"{article_id}-m-3", "article_id": article_id, "actor_id": "niger", "surface": "Niger", "char_start": 3, "char_end": 8},
        {"mention_id": f"{article_id}-m-{FRANCE}", "article_id": article_id, "actor_id": "france", "surface": "France", "char_start": FRANCE, "char_end": FRANCE + 6},
    ]
    events = [
        {"event_id": f"{article_id}-e-11", "article_id": article_id, "date": None, "date_precision": None, "date_start": None,
         "date_end": None, "event_type": "SANCTION", "modality": "occurred", "actor1_id": "niger", "actor2_id": "france",
         "location": None, "trigger": "rompu", "evidence": RAW[:SECOND - 1], "char_start": 0, "char_end": SECOND - 1}
    ]
    if extra_event:
        events.append({**events[0], "event_id": f"{article_id}-e-0", "event_type": "ACCUSE", "trigger": "Le"})
    quantities = [
        {"quantity_id": f"{article_id}-q-{SECOND}", "article_id": article_id, "value": 1000.0, "value_max": None, "unit": "person",
         "qualifier": "approx", "counted": "soldats", "actor_id": None, "surface": "Près de 1 000 soldats",
         "evidence": RAW[SECOND:-1], "char_start": SECOND, "char_end": len(RAW) - 1}
    ]
    actors = {
        "niger": {"name": "Niger", "actor_type": "country", "country": "NER", "source": "gazetteer"},
        "france": {"name": "France", "actor_type": "country", "country": "FRA", "source": "gazetteer"},
    }
    return build_tables([ArticleExtraction(article, mentions, events, quantities, actors)])


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "a.txt").write_text(RAW, encoding="utf-8")
    return c


def test_format_number_float_integral_no_decimal_point():
    assert format_number(100000000.0) == "100000000"
    assert format_number(2 / 3) == "0.6667"


def test_csv_bytes_contract_dialect():
    data = csv_bytes("quantities", small_frames()["quantities"]).decode()
    assert "\r" not in data and data.endswith("\n")
    _header, row = data.splitlines()
    assert ",1000,," in row and "1000.0" not in row


def test_write_release_fresh_out_valid_package(tmp_path, corpus):
    out = tmp_path / "new" / "pkg"
    info = write_release(small_frames(), out, corpus)
    assert info.version == "1.0.0" and info.changed
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{t}.csv" for t in TABLE_ORDER] + ["README.md", "datapackage.json", "CHANGELOG.md", ".release-manifest.json"]
    )
    assert all(c.ok for c in validate.validate_package(out, corpus))


def test_write_release_same_tables_up_to_date_touches_nothing(tmp_path, corpus, monkeypatch):
    out = tmp_path / "pkg"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_release(small_frames(), out, corpus)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    info = write_release(small_frames(), out, corpus)
    assert not info.changed and info.version == "1.0.0"
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before


def test_write_release_changed_rows_minor_bump_new_created(tmp_path, corpus, monkeypatch):
    out = tmp_path / "pkg"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_release(small_frames(), out, corpus)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    info = write_release(small_frames(extra_event=True), out, corpus)
    meta = json.loads((out / "datapackage.json").read_text())
    assert (info.version, meta["version"]) == ("1.1.0", "1.1.0")
    assert meta["created"] == "2027-01-15T08:00:00Z"


def test_write_release_validation_failure_previous_release_intact(tmp_path, corpus, monkeypatch):
    out = tmp_path / "pkg"
    write_release(small_frames(), out, corpus)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    failing = [validate.Check("frictionless", False, "injected failure after the tables were written")]
    monkeypatch.setattr(publish, "validate_package", lambda *a, **k: failing)
    with pytest.raises(PublishError, match="previous one is untouched"):
        write_release(small_frames(extra_event=True), out, corpus)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pkg")] == []


def test_write_release_crash_while_writing_previous_release_intact(tmp_path, corpus, monkeypatch):
    out = tmp_path / "pkg"
    write_release(small_frames(), out, corpus)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def crash(*args, **kwargs):
        raise OSError("disk full (injected)")

    monkeypatch.setattr(publish, "descriptor", crash)
    with pytest.raises(OSError):
        write_release(small_frames(extra_event=True), out, corpus)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pkg")] == []


def test_descriptor_sources_hash_every_article(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(small_frames(), out, corpus)
    meta = json.loads((out / "datapackage.json").read_text())
    assert meta["sources"] == [{"title": "corpus/a.txt", "path": "corpus/a.txt", "hash": "sha256:" + "0" * 64}]
    assert meta["resources"][0]["hash"].startswith("sha256:")


def test_write_package_files_sizes_and_hashes_match_the_written_bytes(tmp_path):
    import hashlib

    from sahel_data.publish import write_package_files

    frames = small_frames()
    written = write_package_files(frames, tmp_path)
    assert sorted(written) == sorted([f"{name}.csv" for name in frames] + ["README.md"])
    for name, info in written.items():
        data = (tmp_path / name).read_bytes()
        assert (info.n_bytes, info.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert (tmp_path / "quantities.csv").read_bytes() == csv_bytes("quantities", frames["quantities"])


def test_check_staged_runs_frictionless_and_provenance_on_the_files_not_pandera_again(tmp_path, corpus):
    staged = publish.stage_release(small_frames(), tmp_path / "pkg")
    checks = publish.check_staged(staged, corpus)
    assert [c.name for c in checks] == ["frictionless", "provenance"] and all(c.ok for c in checks)
    publish.discard(staged)


def test_check_staged_file_broken_after_writing_fails_frictionless(tmp_path, corpus):
    staged = publish.stage_release(small_frames(), tmp_path / "pkg")
    events = staged.staging / "events.csv"
    events.write_text(events.read_text().replace(",SANCTION,", ",WITHDRAW,"))
    with pytest.raises(PublishError, match="frictionless"):
        publish.check_staged(staged, corpus)
    assert not staged.staging.exists()
