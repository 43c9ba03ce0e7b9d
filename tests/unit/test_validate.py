"""Table and package checks name the table, column, row key and value."""

from __future__ import annotations

import polars as pl
import pytest

from sahel_data.publish import write_release
from sahel_data.validate import TableError, provenance_check, validate_tables
from tests.unit.test_publish import RAW, small_frames


def test_validate_tables_bad_enum_names_table_column_key_value():
    frames = small_frames()
    frames["events"] = frames["events"].with_columns(pl.lit("INVADE").alias("event_type"))
    with pytest.raises(TableError) as e:
        validate_tables(frames)
    message = str(e.value)
    assert "events.event_type" in message and "a-e-11" in message and "INVADE" in message


def test_validate_tables_unknown_actor_foreign_key_reported():
    frames = small_frames()
    frames["events"] = frames["events"].with_columns(pl.lit("atlantis").alias("actor2_id"))
    with pytest.raises(TableError, match="actors.actor_id='atlantis'"):
        validate_tables(frames)


def test_validate_tables_null_in_required_column_reported():
    frames = small_frames()
    frames["articles"] = frames["articles"].with_columns(pl.lit(None, dtype=pl.Utf8).alias("sha256"))
    with pytest.raises(TableError, match="articles.sha256"):
        validate_tables(frames)


def test_validate_tables_empty_required_text_reported():
    # an empty CSV cell reads back as null, so frictionless would reject the written package
    frames = small_frames()
    frames["events"] = frames["events"].with_columns(pl.lit("").alias("evidence"))
    with pytest.raises(TableError, match="events.evidence"):
        validate_tables(frames)


def test_quantity_without_counted_noun_has_null_counted_and_validates(nlp, tmp_path):
    from sahel_data.extract.article import extract_articles
    from sahel_data.ingest import parse_article
    from sahel_data.tables import build_tables

    text = " date 2024-06 Orano, détenu à plus de 90 % par l'État français, conteste la décision."
    (ex,) = list(extract_articles([parse_article(text, "t.txt", "c/t.txt", "0" * 64)], nlp))
    (quantity,) = ex.quantities
    assert quantity["unit"] == "percent" and quantity["counted"] is None
    validate_tables(build_tables([ex]))


def test_provenance_check_offset_off_by_one_fails(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(RAW, encoding="utf-8")
    out = tmp_path / "pkg"
    write_release(small_frames(), out, corpus)
    assert provenance_check(out, corpus).ok
    text = (out / "mentions.csv").read_text().replace(",Niger,3,8", ",Niger,4,9")
    (out / "mentions.csv").write_text(text)
    check = provenance_check(out, corpus)
    assert not check.ok and "a-m-3" in check.detail


def test_provenance_check_without_sources_says_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(RAW, encoding="utf-8")
    out = tmp_path / "pkg"
    write_release(small_frames(), out, corpus)
    assert "provenance skipped" in provenance_check(out, None).detail
