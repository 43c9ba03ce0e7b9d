"""One spec feeds pandera, frictionless, the codebook and schemas/: none of them may drift."""

from __future__ import annotations

import json
import re

import pytest

from sahel_data import codebook
from sahel_data.spec import FIELDS, TABLE_ORDER, TABLES, frictionless_schema, table_field
from sahel_data.validate import POLARS_TYPES, pandera_schema
from tests.conftest import ROOT

CONTRACT_COLUMNS = {
    "articles": "article_id source_path title published published_precision published_basis url outlet language n_chars n_words n_sentences sha256",
    "actors": "actor_id name actor_type country aliases n_mentions n_articles",
    "mentions": "mention_id article_id actor_id surface char_start char_end",
    "events": "event_id article_id date date_precision date_start date_end event_type modality actor1_id actor2_id location trigger evidence char_start char_end",
    "quantities": "quantity_id article_id value value_max unit qualifier counted actor_id surface evidence char_start char_end",
}


@pytest.mark.parametrize("table", TABLE_ORDER)
def test_spec_tables_contract_columns_present_in_order(table):
    assert list(TABLES[table].fields) == CONTRACT_COLUMNS[table].split()


@pytest.mark.parametrize("table", TABLE_ORDER)
def test_pandera_schema_matches_spec(table):
    schema = pandera_schema(table)
    assert list(schema.columns) == list(TABLES[table].fields)
    for name, column in schema.columns.items():
        f = table_field(TABLES[table], name)
        assert column.dtype.type == POLARS_TYPES[f.type]
        assert column.nullable == (not f.required)
        assert column.description == f.description


@pytest.mark.parametrize("table", TABLE_ORDER)
def test_frictionless_schema_matches_spec(table):
    schema = frictionless_schema(table)
    assert [f["name"] for f in schema["fields"]] == list(TABLES[table].fields)
    assert schema["primaryKey"] == [TABLES[table].primary_key]
    for fd in schema["fields"]:
        f = table_field(TABLES[table], fd["name"])
        assert fd["type"] == f.type and fd["description"] == f.description
        assert fd.get("constraints", {}).get("enum") == (list(f.enum) if f.enum else None)


def test_codebook_documents_every_field_and_allowed_value():
    text = codebook.render()
    for table in TABLE_ORDER:
        assert f"## {table}:" in text
        for name in TABLES[table].fields:
            assert f"| `{name}` |" in text
    for f in FIELDS.values():
        for value, definition in (f.enum or {}).items():
            assert f"| `{value}` | {definition} |" in text


@pytest.mark.parametrize("table", TABLE_ORDER)
def test_committed_schemas_folder_equals_spec(table):
    path = ROOT / "schemas" / f"{table}.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == frictionless_schema(table), "run `make schemas`"


def test_committed_datapackage_schemas_and_codebook_equal_spec():
    meta = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in meta["resources"]] == list(TABLE_ORDER)
    for resource in meta["resources"]:
        schema = {k: v for k, v in resource["schema"].items() if k != "$schema"}
        assert schema == frictionless_schema(resource["name"]), "run `make release`"
    assert (ROOT / "datapackage" / "README.md").read_text(encoding="utf-8") == codebook.render(), "run `make release`"


def test_committed_datapackage_metadata_complete():
    meta = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["$schema"].endswith("/2.0/datapackage.json")
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert {"name", "title", "description", "created", "licenses", "sources", "contributors", "keywords"} <= meta.keys()
    assert meta["licenses"][0]["name"] == "CC-BY-4.0"
    assert len(meta["sources"]) == len(list((ROOT / "seeds").iterdir()))
    for resource in meta["resources"]:
        assert {"path", "schema", "hash", "bytes", "dialect"} <= resource.keys()
        assert resource["bytes"] == (ROOT / "datapackage" / resource["path"]).stat().st_size
