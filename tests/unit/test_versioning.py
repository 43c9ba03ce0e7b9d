"""Versions from data diffs, the changelog, --version, foreign edits, archives, citation, tags."""

from __future__ import annotations

import hashlib
import json
import subprocess
import zipfile

import polars as pl
import pytest

from sahel_data import archive, publish
from sahel_data.diff import diff_packages
from sahel_data.publish import PublishError, write_release
from sahel_data.tagging import TagError, tag_release
from tests.unit.test_publish import RAW, small_frames


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "a.txt").write_text(RAW, encoding="utf-8")
    (c / "b.txt").write_text(RAW, encoding="utf-8")
    return c


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")  # 2024-06-01


def two_articles(extra_event: bool = False, corrected: bool = False) -> dict[str, pl.DataFrame]:
    a, b = small_frames("a", extra_event), small_frames("b")
    frames = {name: pl.concat([a[name], b[name]]).unique(maintain_order=True) for name in a}
    if corrected:
        frames["events"] = frames["events"].with_columns(pl.lit("2024-05").alias("date"), pl.lit("month").alias("date_precision"))
    return frames


def version_of(out):
    return json.loads((out / "datapackage.json").read_text())["version"]


def test_release_rows_added_minor_changelog_names_rows(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(small_frames("a"), out, corpus)
    info = write_release(two_articles(), out, corpus)
    assert (info.version, version_of(out)) == ("1.1.0", "1.1.0")
    log = (out / "CHANGELOG.md").read_text()
    assert log.index("## 1.1.0") < log.index("## 1.0.0")
    assert "Why this version: minor" in log and "b-e-11" in log and "b-q-" in log


def test_release_value_corrected_patch_with_old_and_new(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(two_articles(), out, corpus)
    info = write_release(two_articles(corrected=True), out, corpus)
    assert info.version == "1.0.1"
    log = (out / "CHANGELOG.md").read_text()
    assert "patch" in log and "2024-05" in log


def test_release_field_removed_from_previous_schema_major(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(two_articles(), out, corpus)
    # The previous release had a field this one drops: readers relying on it break.
    meta = json.loads((out / "datapackage.json").read_text())
    events = next(r for r in meta["resources"] if r["name"] == "events")
    events["schema"]["fields"].append({"name": "legacy_code", "type": "string"})
    (out / "datapackage.json").write_text(json.dumps(meta))
    lines = (out / "events.csv").read_text().splitlines()
    (out / "events.csv").write_text("\n".join([lines[0] + ",legacy_code"] + [line + ",x" for line in lines[1:]]) + "\n")
    info = write_release(two_articles(), out, corpus, force=True)
    assert info.version == "2.0.0" and info.reason.startswith("major")


def test_release_nothing_changed_up_to_date_no_file_touched(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(two_articles(), out, corpus)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    info = write_release(two_articles(), out, corpus)
    assert not info.changed and info.reason == "up to date"
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before


@pytest.mark.parametrize("override, problem", [("0.9.0", "does not come after"), ("1.0.0", "does not come after"), ("1.2", "not semantic")])
def test_release_version_override_backwards_or_malformed_refused(tmp_path, corpus, override, problem):
    out = tmp_path / "pkg"
    write_release(two_articles(), out, corpus)
    with pytest.raises(PublishError, match=problem):
        write_release(two_articles(extra_event=True), out, corpus, version=override)


def test_release_version_override_forward_used(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(two_articles(), out, corpus)
    assert write_release(two_articles(extra_event=True), out, corpus, version="3.0.0").version == "3.0.0"


def test_release_hand_edited_out_refused_names_file_unless_force(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(two_articles(), out, corpus)
    (out / "notes.txt").write_text("mine")
    (out / "events.csv").write_text((out / "events.csv").read_text() + "\n")
    with pytest.raises(PublishError, match=r"events.csv \(modified\).*notes.txt \(added\)|notes.txt \(added\).*events.csv \(modified\)"):
        write_release(two_articles(extra_event=True), out, corpus)
    assert write_release(two_articles(extra_event=True), out, corpus, force=True).changed


def test_archive_two_builds_same_bytes_and_valid_after_unzip(tmp_path, corpus):
    out = tmp_path / "pkg"
    write_release(two_articles(), out, corpus)
    meta = json.loads((out / "datapackage.json").read_text())
    first = archive.build_archive(out, tmp_path / "dist1", meta["version"], meta["created"]).read_bytes()
    second = archive.build_archive(out, tmp_path / "dist2", meta["version"], meta["created"]).read_bytes()
    assert first == second
    sums = (tmp_path / "dist1" / "SHA256SUMS").read_text()
    assert sums == f"{hashlib.sha256(first).hexdigest()}  sahel-data-1.0.0.zip\n"
    with zipfile.ZipFile(tmp_path / "dist1" / "sahel-data-1.0.0.zip") as zf:
        assert all(n.startswith("sahel-data-1.0.0/") and ".release-manifest" not in n for n in zf.namelist())
        zf.extractall(tmp_path / "unzipped")
    from frictionless import Package

    assert Package(str(tmp_path / "unzipped" / "sahel-data-1.0.0" / "datapackage.json")).validate().valid
    assert diff_packages(out, tmp_path / "dist1" / "sahel-data-1.0.0.zip").is_empty()


def test_project_release_writes_archive_and_citation_other_out_does_not(tmp_path, corpus):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "sahel-data"\n')
    write_release(two_articles(), project / "datapackage", corpus)
    assert (project / "dist" / "sahel-data-1.0.0.zip").exists() and (project / "dist" / "SHA256SUMS").exists()
    assert 'version: "1.0.0"' in (project / "CITATION.cff").read_text()
    write_release(two_articles(), project / "elsewhere", corpus)
    write_release(two_articles(extra_event=True), project / "elsewhere", corpus)
    assert 'version: "1.0.0"' in (project / "CITATION.cff").read_text()
    assert sorted(p.name for p in (project / "dist").iterdir()) == ["SHA256SUMS", "sahel-data-1.0.0.zip"]


def test_published_version_cannot_be_reused(tmp_path, corpus):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "sahel-data"\n')
    out = project / "datapackage"
    write_release(two_articles(), out, corpus)
    write_release(two_articles(extra_event=True), out, corpus, version="1.5.0")
    assert "1.5.0" in publish.published_versions(out)


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)


def test_tag_clean_tree_tags_version_dirty_or_existing_refused(tmp_path, corpus):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "t")
    write_release(two_articles(), repo / "datapackage", corpus)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "release")
    assert tag_release(repo, repo / "datapackage") == "v1.0.0"
    assert "v1.0.0" in git(repo, "tag").stdout
    with pytest.raises(TagError, match="already exists"):
        tag_release(repo, repo / "datapackage")
    (repo / "stray.txt").write_text("x")
    with pytest.raises(TagError, match="uncommitted"):
        tag_release(repo, repo / "datapackage")
