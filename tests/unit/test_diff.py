"""Diffing two package releases: schema changes, row changes, version bumps, safe archive reading."""

from __future__ import annotations

import copy
import csv
import json
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest

from sahel_data import diff as diff_module
from sahel_data.diff import (
    FieldChange,
    PackageDiff,
    PackageReadError,
    RowChange,
    TableDiff,
    diff_packages,
    read_package,
)

REAL_PACKAGE = Path(__file__).resolve().parents[2] / "datapackage"

EVENT_FIELDS = [
    {"name": "event_id", "type": "string", "description": "Stable id.",
     "constraints": {"required": True, "unique": True, "pattern": "^[a-z0-9-]+$"}},
    {"name": "date", "type": "string", "description": "When the event happened."},
    {"name": "date_precision", "type": "string", "description": "Precision of `date`.",
     "constraints": {"enum": ["year", "month", "day"]}},
    {"name": "n_dead", "type": "integer", "description": "Reported deaths.", "constraints": {"minimum": 0}},
    {"name": "trigger", "type": "string", "description": "The word that signals the event."},
]
EVENT_ROWS = [
    {"event_id": "a-e-1", "date": "2024-05", "date_precision": "month", "n_dead": "3", "trigger": "attaque"},
    {"event_id": "a-e-2", "date": "2024", "date_precision": "year", "n_dead": "", "trigger": "retrait"},
    {"event_id": "b-e-7", "date": "2024-05-19", "date_precision": "day", "n_dead": "0", "trigger": "accord"},
]
ARTICLE_FIELDS = [
    {"name": "article_id", "type": "string", "description": "Slug.", "constraints": {"required": True, "unique": True}},
    {"name": "title", "type": "string", "description": "Headline."},
]
ARTICLE_ROWS = [{"article_id": "a", "title": "Le Niger rompt avec la France"}, {"article_id": "b", "title": ""}]


def descriptor(version: str = "1.0.0") -> dict:
    def resource(name: str, fields: list[dict], pk: str) -> dict:
        return {
            "name": name, "title": name.title(), "description": f"One row per {name[:-1]}.", "path": f"{name}.csv",
            "type": "table", "format": "csv", "encoding": "utf-8", "bytes": 0, "hash": "sha256:0",
            "schema": {"fields": copy.deepcopy(fields), "primaryKey": [pk], "missingValues": [""]},
        }

    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "tiny", "version": version, "created": "2026-01-01T00:00:00Z", "keywords": ["Sahel"],
        "resources": [resource("articles", ARTICLE_FIELDS, "article_id"), resource("events", EVENT_FIELDS, "event_id")],
    }


def write_package(folder: Path, meta: dict | None = None, tables: dict[str, list[dict]] | None = None) -> Path:
    """Write datapackage.json and one CSV per resource; column order follows the schema."""
    meta = meta if meta is not None else descriptor()
    tables = tables if tables is not None else {"articles": ARTICLE_ROWS, "events": EVENT_ROWS}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    for res in meta["resources"]:
        names = [f["name"] for f in res["schema"]["fields"]]
        with open(folder / res["path"], "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=names, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(tables.get(res["name"], []))
    return folder


def events_schema(meta: dict) -> dict:
    return next(r for r in meta["resources"] if r["name"] == "events")["schema"]


def event_field(meta: dict, name: str) -> dict:
    return next(f for f in events_schema(meta)["fields"] if f["name"] == name)


@pytest.fixture
def old(tmp_path) -> Path:
    return write_package(tmp_path / "old")


def changed_package(tmp_path: Path, edit=None, events: list[dict] | None = None) -> Path:
    meta = descriptor("1.1.0")
    if edit is not None:
        edit(meta)
    rows = {"articles": ARTICLE_ROWS, "events": EVENT_ROWS if events is None else events}
    return write_package(tmp_path / "new", meta, rows)


def kinds(d: PackageDiff) -> list[str]:
    return [c.kind for c in d.schema]


# ---------------------------------------------------------------- version rules


def test_bump_field_removed_major(tmp_path, old):
    def edit(meta):
        events_schema(meta)["fields"] = [f for f in events_schema(meta)["fields"] if f["name"] != "n_dead"]

    d = diff_packages(old, changed_package(tmp_path, edit))
    assert kinds(d) == ["field_removed"]
    assert d.schema[0] == FieldChange("events", "n_dead", "field_removed", "events.n_dead: field removed")
    assert d.bump() == "major"
    # the other columns of the same rows are unchanged: no row noise from the dropped column
    assert d.tables["events"].changed == []


def test_bump_type_changed_major(tmp_path, old):
    d = diff_packages(old, changed_package(tmp_path, lambda m: event_field(m, "n_dead").update(type="number")))
    assert kinds(d) == ["type_changed"]
    assert "from 'integer' to 'number'" in d.schema[0].detail
    assert d.bump() == "major"


def test_bump_enum_value_removed_major(tmp_path, old):
    def edit(meta):
        event_field(meta, "date_precision")["constraints"]["enum"] = ["month", "day"]

    d = diff_packages(old, changed_package(tmp_path, edit))
    assert d.schema == [FieldChange("events", "date_precision", "constraint_tightened",
                                    "events.date_precision: enum lost 'year' (tightened)")]
    assert d.bump() == "major"


def test_bump_required_added_major(tmp_path, old):
    d = diff_packages(old, changed_package(tmp_path, lambda m: event_field(m, "trigger").update(constraints={"required": True})))
    assert [(c.field, c.kind) for c in d.schema] == [("trigger", "constraint_tightened")]
    assert "required added" in d.schema[0].detail
    assert d.bump() == "major"


def test_bump_primary_key_changed_major(tmp_path, old):
    def edit(meta):
        events_schema(meta)["primaryKey"] = ["event_id", "date"]

    d = diff_packages(old, changed_package(tmp_path, edit))
    assert kinds(d) == ["primary_key_changed"]
    assert d.bump() == "major"


def test_bump_pattern_changed_major(tmp_path, old):
    d = diff_packages(old, changed_package(
        tmp_path, lambda m: event_field(m, "event_id")["constraints"].update(pattern="^[a-z0-9]+(-[a-z0-9]+)*$")))
    assert kinds(d) == ["constraint_tightened"] and d.bump() == "major"


@pytest.mark.parametrize(
    ("constraints", "kind", "bump"),
    [
        ({"minimum": 1}, "constraint_tightened", "major"),
        ({"minimum": -1}, "constraint_loosened", "minor"),
        ({}, "constraint_loosened", "minor"),
    ],
    ids=["minimum-raised", "minimum-lowered", "minimum-removed"],
)
def test_bump_minimum_moved_expected_part(tmp_path, old, constraints, kind, bump):
    d = diff_packages(old, changed_package(tmp_path, lambda m: event_field(m, "n_dead").update(constraints=constraints)))
    assert kinds(d) == [kind] and d.bump() == bump


def test_bump_table_removed_major(tmp_path, old):
    def edit(meta):
        meta["resources"] = [r for r in meta["resources"] if r["name"] != "articles"]

    d = diff_packages(old, changed_package(tmp_path, edit))
    assert kinds(d) == ["table_removed"]
    assert d.tables["articles"].removed == ["a", "b"]
    assert d.bump() == "major"


def test_diff_field_renamed_reports_removed_and_added_major(tmp_path, old):
    def edit(meta):
        event_field(meta, "trigger")["name"] = "trigger_word"

    rows = [{**r, "trigger_word": r["trigger"]} for r in EVENT_ROWS]
    d = diff_packages(old, changed_package(tmp_path, edit, rows))
    assert sorted(kinds(d)) == ["field_added", "field_removed"]
    assert "perhaps renamed to 'trigger_word'" in d.schema[0].detail
    assert d.bump() == "major"


def test_bump_field_added_minor(tmp_path, old):
    def edit(meta):
        events_schema(meta)["fields"].append({"name": "location", "type": "string", "description": "Place."})

    d = diff_packages(old, changed_package(tmp_path, edit, [{**r, "location": "Niamey"} for r in EVENT_ROWS]))
    assert d.schema == [FieldChange("events", "location", "field_added", "events.location: field added (string, optional)")]
    assert d.tables["events"].changed == []  # a new column is a schema change, not 3 changed rows
    assert d.bump() == "minor"


def test_bump_enum_value_added_minor(tmp_path, old):
    def edit(meta):
        event_field(meta, "date_precision")["constraints"]["enum"] = ["year", "month", "week", "day"]

    d = diff_packages(old, changed_package(tmp_path, edit))
    assert d.schema == [FieldChange("events", "date_precision", "constraint_loosened",
                                    "events.date_precision: enum gained 'week' (loosened)")]
    assert d.bump() == "minor"


def test_bump_rows_added_minor(tmp_path, old):
    new_row = {"event_id": "c-e-0", "date": "2023", "date_precision": "year", "n_dead": "", "trigger": "coup"}
    d = diff_packages(old, changed_package(tmp_path, events=[*EVENT_ROWS, new_row]))
    assert d.tables["events"].added == ["c-e-0"]
    assert d.tables["events"].removed == [] and d.tables["events"].changed == []
    assert d.schema == [] and d.bump() == "minor"


def test_bump_row_removed_minor(tmp_path, old):
    d = diff_packages(old, changed_package(tmp_path, events=EVENT_ROWS[1:]))
    assert d.tables["events"].removed == ["a-e-1"] and d.tables["events"].added == []
    assert d.bump() == "minor"


def test_diff_value_corrected_patch_exact_pair(tmp_path, old):
    corrected = [dict(r) for r in EVENT_ROWS]
    corrected[1]["n_dead"] = "12"  # was empty (null)
    corrected[2]["trigger"] = "accord de paix"
    d = diff_packages(old, changed_package(tmp_path, events=list(reversed(corrected))))  # row order is ignored
    assert d.tables["events"].changed == [
        RowChange("a-e-2", {"n_dead": ("", "12")}),
        RowChange("b-e-7", {"trigger": ("accord", "accord de paix")}),
    ]
    assert d.tables["events"].added == [] and d.tables["events"].removed == []
    assert d.bump() == "patch"


def test_bump_description_changed_only_patch(tmp_path, old):
    d = diff_packages(old, changed_package(tmp_path, lambda m: event_field(m, "date").update(description="ISO date.")))
    assert d.schema == [FieldChange("events", "date", "description_changed", "events.date: description changed to 'ISO date.'")]
    assert d.bump() == "patch"


def test_diff_metadata_keyword_changed_patch_version_hash_ignored(tmp_path, old):
    def edit(meta):
        meta["keywords"] = ["Sahel", "Niger"]
        meta["created"] = "2027-01-01T00:00:00Z"
        for r in meta["resources"]:
            r["hash"], r["bytes"] = "sha256:1", 99

    d = diff_packages(old, changed_package(tmp_path, edit))
    assert d.metadata == ["keywords"] and d.schema == []
    assert d.bump() == "patch"


def test_diff_identical_none_and_empty(tmp_path, old):
    d = diff_packages(old, changed_package(tmp_path))  # only version differs
    assert d.is_empty() and d.bump() is None
    assert d.to_markdown().startswith("No changes.")


def test_diff_first_release_every_row_added(tmp_path):
    d = diff_packages(None, write_package(tmp_path / "new"))
    assert d.tables["events"].added == ["a-e-1", "a-e-2", "b-e-7"]
    assert d.tables["articles"].added == ["a", "b"]
    assert all(not t.removed and not t.changed for t in d.tables.values())
    assert sorted(kinds(d)) == ["table_added", "table_added"] and d.metadata == []
    assert d.bump() == "minor"


def test_diff_duplicate_primary_key_raises(tmp_path, old):
    new = changed_package(tmp_path, events=[*EVENT_ROWS, EVENT_ROWS[0]])
    with pytest.raises(PackageReadError, match="'a-e-1' twice"):
        diff_packages(old, new)


def test_diff_real_package_with_itself_empty():
    d = diff_packages(REAL_PACKAGE, REAL_PACKAGE)
    assert d.is_empty() and d.bump() is None
    assert set(d.tables) == {"articles", "actors", "mentions", "events", "quantities"}


# ---------------------------------------------------------------- rendering


def test_to_markdown_many_rows_lists_keys_and_caps(tmp_path, old):
    extra = [{"event_id": f"z-e-{i:02d}", "date": "", "date_precision": "", "n_dead": "", "trigger": "x"} for i in range(12)]
    corrected = [{**EVENT_ROWS[0], "date": "2024-06"}, *EVENT_ROWS[1:], *extra]
    md = diff_packages(old, changed_package(tmp_path, events=corrected)).to_markdown(max_rows_per_table=5)
    assert "**events**: 12 added, 0 removed, 1 changed" in md
    assert "`z-e-00`, `z-e-01`, `z-e-02`, `z-e-03`, `z-e-04`, … and 7 more" in md
    assert "`z-e-05`" not in md
    assert '- `a-e-1`: date `"2024-05"` → `"2024-06"`' in md
    assert md.startswith("Version bump: **minor**")


def test_to_markdown_schema_change_in_words():
    d = PackageDiff([FieldChange("events", "date_precision", "constraint_loosened",
                                 "events.date_precision: enum gained 'week' (loosened)")], {}, [])
    assert "- minor: events.date_precision: enum gained 'week' (loosened)" in d.to_markdown()


def test_to_json_round_trips_through_json(tmp_path, old):
    corrected = [{**EVENT_ROWS[0], "n_dead": "4"}, *EVENT_ROWS[2:]]
    d = diff_packages(old, changed_package(tmp_path, lambda m: meta_keyword(m), corrected))
    data = d.to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["tables"]["events"]["changed"] == [{"key": "a-e-1", "changes": {"n_dead": ["3", "4"]}}]
    assert data["tables"]["events"]["removed"] == ["a-e-2"]
    assert data["bump"] == "minor" and data["metadata"] == ["keywords"]


def meta_keyword(meta: dict) -> None:
    meta["keywords"] = ["Mali"]


def test_table_diff_empty_default_no_bump():
    assert PackageDiff([], {"events": TableDiff("events")}, []).bump() is None


# ---------------------------------------------------------------- reading folders and archives


def zip_folder(folder: Path, archive: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.iterdir()):
            zf.write(p, prefix + p.name)
    return archive


@pytest.mark.parametrize("prefix", ["", "sahel-data-1.0.0/"], ids=["files-at-root", "one-top-folder"])
def test_read_package_zip_same_as_folder(tmp_path, old, prefix):
    archive = zip_folder(old, tmp_path / "release.zip", prefix)
    assert read_package(archive) == read_package(old)
    assert diff_packages(archive, old).is_empty()


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """Send tempfile's folders into tmp_path, so a test can see everything extraction wrote."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def evil_archive(old: Path, archive: Path, member: str, symlink: bool = False) -> Path:
    zip_folder(old, archive)
    with zipfile.ZipFile(archive, "a") as zf:
        info = zipfile.ZipInfo(member)
        if symlink:
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd" if symlink else "pwned\n")
    with zipfile.ZipFile(archive) as zf:
        assert member in zf.namelist()  # zipfile kept the hostile name as written
    return archive


@pytest.mark.parametrize(
    ("member", "symlink", "reason"),
    [
        ("../evil.csv", False, "'..' path component"),
        ("data/../../evil.csv", False, "'..' path component"),
        ("/tmp/evil.csv", False, "absolute path"),
        ("evil.csv", True, "symbolic link"),
    ],
    ids=["dotdot", "nested-dotdot", "absolute", "symlink"],
)
def test_read_package_hostile_zip_member_raises_and_writes_nothing(tmp_path, old, private_tmp, member, symlink, reason):
    archive = evil_archive(old, tmp_path / "release.zip", member, symlink)
    with pytest.raises(PackageReadError) as err:
        read_package(archive)
    assert str(archive) in str(err.value) and repr(member) in str(err.value) and reason in str(err.value)
    assert list(tmp_path.rglob("evil.csv")) == []
    assert list(private_tmp.iterdir()) == []  # the temporary folder is gone, nothing was left behind


def test_read_package_zip_over_size_cap_raises(tmp_path, old, monkeypatch, private_tmp):
    archive = zip_folder(old, tmp_path / "release.zip")
    monkeypatch.setattr(diff_module, "MAX_ARCHIVE_BYTES", 100)
    with pytest.raises(PackageReadError, match="more than 100 bytes"):
        read_package(archive)
    assert list(private_tmp.iterdir()) == []


def test_read_package_zip_over_member_cap_raises(tmp_path, old, monkeypatch):
    archive = zip_folder(old, tmp_path / "release.zip")
    monkeypatch.setattr(diff_module, "MAX_ARCHIVE_MEMBERS", 2)
    with pytest.raises(PackageReadError, match="3 members, more than the 2 allowed"):
        read_package(archive)


def test_read_package_zip_without_descriptor_raises(tmp_path):
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a/events.csv", "event_id\n")
        zf.writestr("b/actors.csv", "actor_id\n")
    with pytest.raises(PackageReadError, match="no datapackage.json at the root"):
        read_package(archive)


def test_read_package_resource_path_leaves_package_raises(tmp_path):
    meta = descriptor()
    meta["resources"][0]["path"] = "../articles.csv"
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "datapackage.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(PackageReadError, match="'../articles.csv' leaves the package"):
        read_package(folder)


def test_read_package_ragged_row_raises(tmp_path, old):
    (old / "events.csv").write_text("event_id,date,date_precision,n_dead,trigger\na-e-1,2024,year,1\n", encoding="utf-8")
    with pytest.raises(PackageReadError, match="record 2 has 4 cells, the header has 5"):
        read_package(old)


def test_read_package_values_stay_strings(old):
    _meta, tables = read_package(old)
    assert tables["events"][0] == EVENT_ROWS[0]  # "3" stays "3", "" stays ""
    assert tables["events"][1]["n_dead"] == ""


def test_read_package_frames_in_small_chunks_same_cells_as_rows(old, monkeypatch):
    monkeypatch.setattr(diff_module, "CHUNK_ROWS", 2)  # three events: two chunks
    _meta, frames = diff_module.read_package_frames(old)
    assert frames["events"].to_dicts() == EVENT_ROWS
    assert frames["events"].dtypes == [diff_module.pl.Utf8] * 5


def test_diff_composite_key_duplicate_named_with_record_number(tmp_path, old):
    def two_column_key(meta):
        events_schema(meta)["primaryKey"] = ["date_precision", "trigger"]

    rows = [*EVENT_ROWS, {**EVENT_ROWS[1], "event_id": "c-e-9"}]
    with pytest.raises(PackageReadError, match=r"'year\|retrait' twice \(second at record 5\)"):
        diff_packages(old, changed_package(tmp_path, two_column_key, events=rows))


def test_check_decodes_bad_byte_position_counts_from_file_start():
    data = "Tchad, Niger".encode() + b"\xe9" + b"rest"
    with pytest.raises(UnicodeDecodeError) as err:
        diff_module._check_decodes(data, "utf-8", step=4)  # the bad byte is in the fourth step
    assert err.value.start == 12


def test_read_package_latin1_table_raises_cannot_decode(old):
    (old / "events.csv").write_bytes("event_id,date,date_precision,n_dead,trigger\na-e-1,,,,déjà\n".encode("latin-1"))
    with pytest.raises(PackageReadError, match=r"events\.csv: cannot decode as utf-8-sig .*position 54"):
        read_package(old)
