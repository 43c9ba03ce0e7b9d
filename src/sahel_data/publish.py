"""Write the Data Package: CSVs, `datapackage.json`, codebook; built aside, validated, then swapped in.

Owns the bytes of a release and its metadata (version, created, sources, licences). A release
is written into a temporary folder next to `--out`, validated there, and only then moved into
place, so a failed run leaves the previous release untouched. Knows nothing about extraction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from sahel_data import archive, citation, codebook
from sahel_data import diff as diff_mod
from sahel_data.spec import FIELDS, TABLE_ORDER, TABLES, frictionless_schema
from sahel_data.validate import Check, validate_package

log = logging.getLogger(__name__)

PACKAGE_NAME = "sahel-data"
FIRST_VERSION = "1.0.0"
DIALECT = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True, "header": True}
CHANGELOG = "CHANGELOG.md"
MANIFEST = ".release-manifest.json"


class PublishError(Exception):
    """The new release failed a check; the previous one is untouched."""


def format_number(value: float | None) -> str | None:
    """Plain, short numbers as the contract wants: no `.0`, at most 4 decimals.

    >>> format_number(1000.0), format_number(0.666666), format_number(1.5), format_number(None)
    ('1000', '0.6667', '1.5', None)
    """
    if value is None:
        return None
    rounded = round(float(value), 4)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.4f}".rstrip("0").rstrip(".")


def csv_bytes(table_name: str, frame: pl.DataFrame) -> bytes:
    """A table as contract CSV bytes: UTF-8, `\\n`, empty cell for null, plain numbers."""
    out = frame
    for name in TABLES[table_name].fields:
        if FIELDS[name].type == "number":
            out = out.with_columns(pl.col(name).map_elements(format_number, return_dtype=pl.Utf8, skip_nulls=True))
    # Straight to bytes (write_csv() would return a str, a second copy of the whole table).
    buffer = io.BytesIO()
    out.write_csv(buffer, line_terminator="\n", null_value="", date_format="%Y-%m-%d")
    return buffer.getvalue()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ReleaseInfo:
    version: str
    created: str
    changed: bool
    reason: str


def release_time() -> str:
    """Now in UTC, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def bump(version: str, part: str) -> str:
    """Semantic version bump.

    >>> bump("1.2.3", "minor"), bump("1.2.3", "patch"), bump("1.2.3", "major")
    ('1.3.0', '1.2.4', '2.0.0')
    """
    major, minor, patch = (int(x) for x in version.split("."))
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def previous_release(out: Path) -> dict | None:
    path = out / "datapackage.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise PublishError(f"{path}: cannot read the previous release ({e}); restore it from git or remove --out") from None


def parse_version(version: str) -> tuple[int, int, int]:
    """
    >>> parse_version("1.10.0") > parse_version("1.9.3")
    True
    """
    parts = version.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise PublishError(f"version {version!r} is not semantic (X.Y.Z); pass e.g. --version 2.0.0")
    return int(parts[0]), int(parts[1]), int(parts[2])


def published_versions(out: Path) -> set[str]:
    """Versions already published from this folder: its changelog's entries and its archives."""
    versions = set()
    changelog = out / CHANGELOG
    if changelog.exists():
        versions |= set(re.findall(r"^## (\d+\.\d+\.\d+)\b", changelog.read_text(encoding="utf-8"), re.M))
    dist = out.parent / "dist"
    if dist.is_dir():
        versions |= {m.group(1) for p in dist.glob("sahel-data-*.zip") if (m := re.match(r"sahel-data-(\d+\.\d+\.\d+)\.zip$", p.name))}
    return versions


def next_version(previous: dict | None, part: str, override: str | None, out: Path) -> str:
    """The new version: from the diff's bump, or `override`, which may not go back or reuse one."""
    if override is None:
        return FIRST_VERSION if previous is None else bump(previous["version"], part)
    new = parse_version(override)
    if previous is not None and new <= parse_version(previous["version"]):
        raise PublishError(f"--version {override} does not come after the published {previous['version']}; pick a higher one")
    if override in published_versions(out):
        raise PublishError(f"--version {override} was already published (see {out / CHANGELOG} or dist/); pick a new one")
    return override


@dataclass(frozen=True)
class WrittenFile:
    """What the descriptor and the up-to-date check need of a written file (not its bytes)."""

    n_bytes: int
    sha256: str


def descriptor(files: dict[str, WrittenFile], sources: list[dict], info: ReleaseInfo) -> dict:
    """The Data Package v2 descriptor."""
    resources = []
    for name in TABLE_ORDER:
        written = files[f"{name}.csv"]
        table = TABLES[name]
        resources.append(
            {
                "name": name,
                "title": table.title,
                "description": table.description,
                "path": f"{name}.csv",
                "type": "table",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": written.n_bytes,
                "hash": f"sha256:{written.sha256}",
                "dialect": {"$schema": "https://datapackage.org/profiles/2.0/tabledialect.json", **DIALECT},
                "schema": {"$schema": "https://datapackage.org/profiles/2.0/tableschema.json", **frictionless_schema(name)},
            }
        )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "title": "sahel-data: events, actors and figures of Sahel security politics from French news",
        "description": (
            "Events (PLOVER categories), actors, actor mentions and numeric claims extracted from French news "
            "articles about security politics in the Sahel. Every extracted row quotes the sentence it comes "
            "from with its character offsets in the source file. Codebook: README.md."
        ),
        "version": info.version,
        "created": info.created,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 (the dataset); quoted sentences and article texts "
                "remain their publishers'",
            }
        ],
        "contributors": [{"title": "sahel-data maintainers", "roles": ["creator"]}],
        "keywords": ["Sahel", "Niger", "Mali", "Burkina Faso", "security", "events", "PLOVER", "news", "French"],
        "sources": sources,
        "resources": resources,
    }


def write_package_files(frames: dict[str, pl.DataFrame], folder: Path) -> dict[str, WrittenFile]:
    """Write the tables' CSVs and the codebook into `folder`, one at a time (a table's bytes are
    let go once written: at thousands of articles they are the size of the whole dataset)."""
    files = {}
    for name in TABLE_ORDER:
        files[f"{name}.csv"] = _write(folder / f"{name}.csv", csv_bytes(name, frames[name]))
    files["README.md"] = _write(folder / "README.md", codebook.render().encode("utf-8"))
    return files


def _write(path: Path, data: bytes) -> WrittenFile:
    path.write_bytes(data)
    return WrittenFile(len(data), sha256_hex(data))


def article_sources(frames: dict[str, pl.DataFrame]) -> list[dict]:
    return [
        {"title": row["source_path"], "path": row["source_path"], "hash": f"sha256:{row['sha256']}"}
        for row in frames["articles"].sort("article_id").iter_rows(named=True)
    ]


@dataclass(frozen=True)
class StagedRelease:
    """A complete release written beside `out`, not yet in place."""

    staging: Path | None  # None when the release is up to date and nothing was written
    out: Path
    info: ReleaseInfo


def foreign_changes(out: Path) -> list[str]:
    """Files in `out` that the last release did not write as they are now (edits, additions)."""
    manifest_path = out / MANIFEST
    if not manifest_path.exists():
        return []  # a package from before manifests, or none at all: nothing to compare with
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return [MANIFEST]
    found = {p.name for p in out.iterdir() if p.is_file() and p.name != MANIFEST}
    problems = [f"{name} (added)" for name in sorted(found - manifest.keys())]
    problems += [f"{name} (removed)" for name in sorted(manifest.keys() - found)]
    problems += [
        f"{name} (modified)" for name in sorted(found & manifest.keys()) if sha256_hex((out / name).read_bytes()) != manifest[name]
    ]
    return problems


def stage_release(
    frames: dict[str, pl.DataFrame], out: Path, version: str | None = None, force: bool = False
) -> StagedRelease:
    """Write the release into a temporary folder beside `out` (same filesystem: atomic rename).

    The version follows the diff with the previous release in `out` (`diff.PackageDiff.bump`):
    nothing changed -> no release ("up to date"), and nothing is written.
    """
    out = out.resolve()
    if out.exists() and not force:
        foreign = foreign_changes(out)
        if foreign:
            raise PublishError(
                f"{out} has changes not made by a release: {', '.join(foreign)}. "
                "Move them elsewhere (or restore the folder from git), or rerun with --force to overwrite."
            )
    previous = previous_release(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a published folder is for everyone to read
    try:
        files = write_package_files(frames, staging)
        sources = article_sources(frames)
        # Provisional metadata, so the diff sees every table and schema as they will be published.
        provisional = ReleaseInfo(previous["version"] if previous else FIRST_VERSION, previous["created"] if previous else "", True, "")
        _write_descriptor(staging, descriptor(files, sources, provisional))
        if previous is not None and version is None and _same_release(out, staging, files):
            # Byte-identical tables, codebook and metadata: up to date without a row-level diff
            # (which reads both packages whole: the costly part of a warm run at scale).
            shutil.rmtree(staging)
            return StagedRelease(None, out, ReleaseInfo(previous["version"], previous["created"], False, "up to date"))
        changes = diff_mod.diff_packages(out if previous else None, staging)
        codebook_changed = previous is not None and _sha256_of(out / "README.md") != files["README.md"].sha256
        part = changes.bump() or ("patch" if codebook_changed else None)
        if previous is not None and part is None and version is None:
            shutil.rmtree(staging)
            info = ReleaseInfo(previous["version"], previous["created"], False, "up to date")
            return StagedRelease(None, out, info)
        new_version = next_version(previous, part or "patch", version, out)
        info = ReleaseInfo(new_version, release_time(), True, _reason(previous, part, changes, codebook_changed))
        _write_descriptor(staging, descriptor(files, sources, info))
        entry = changelog_entry(info, changes, codebook_changed)
        old_log = _read(out / CHANGELOG).decode("utf-8") if (out / CHANGELOG).exists() else ""
        (staging / CHANGELOG).write_text(changelog_text(entry, old_log), encoding="utf-8")
        write_manifest(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedRelease(staging, out, info)


def _same_release(out: Path, staging: Path, files: dict[str, WrittenFile]) -> bool:
    """Same files as the published release, and the same descriptor but for version/created."""
    if any(_sha256_of(out / name) != written.sha256 for name, written in files.items()):
        return False
    old = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    new = json.loads((staging / "datapackage.json").read_text(encoding="utf-8"))
    for meta in (old, new):
        meta.pop("version", None)
        meta.pop("created", None)
    return old == new


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def _sha256_of(path: Path) -> str | None:
    return sha256_hex(path.read_bytes()) if path.exists() else None


def _write_descriptor(folder: Path, meta: dict) -> None:
    (folder / "datapackage.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_manifest(folder: Path) -> None:
    """Record what the release wrote, so edits made by hand later are noticed."""
    manifest = {p.name: sha256_hex(p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _reason(previous: dict | None, part: str | None, changes: diff_mod.PackageDiff, codebook_changed: bool) -> str:
    if previous is None:
        return "first release"
    kinds = sorted({c.kind.replace("_", " ") for c in changes.schema})
    rows = {t: (len(d.added), len(d.removed), len(d.changed)) for t, d in changes.tables.items() if not d.is_empty()}
    if part == "major":
        return "major: the schema changed incompatibly (" + ", ".join(kinds) + ")"
    if part == "minor":
        what = [k for k in kinds] + [f"{t}: {a} added, {r} removed" for t, (a, r, _) in rows.items() if a or r]
        return "minor: " + "; ".join(what)
    what = [f"{t}: {c} rows corrected" for t, (_, _, c) in rows.items() if c] + (["codebook or metadata updated"] if codebook_changed or changes.metadata or kinds else [])
    return "patch: " + "; ".join(what)


def changelog_entry(info: ReleaseInfo, changes: diff_mod.PackageDiff, codebook_changed: bool) -> str:
    body = changes.to_markdown()
    if info.reason == "first release":
        body = re.sub(r"^Version bump: .*$", "First release: every table and row is new.", body, count=1, flags=re.M)
    extra = "\n- The codebook (README.md) changed.\n" if codebook_changed else ""
    return f"## {info.version} ({info.created[:10]})\n\nWhy this version: {info.reason}.\n\n{body.strip()}\n{extra}"


def changelog_text(entry: str, old: str) -> str:
    """Newest entry first under one heading."""
    header = "# Changelog of the sahel-data dataset\n\nOne entry per release, newest first: why the version number, and per table the rows added, removed and changed (by primary key).\n"
    previous_entries = old.split("\n## ", 1)[1] if "\n## " in old else ""
    return header + "\n" + entry.rstrip() + "\n" + (("\n## " + previous_entries) if previous_entries else "")


def check_staged(staged: StagedRelease, corpus_root: Path | None) -> list[Check]:
    """Validate the staged package; on failure remove it and raise (the old release is untouched)."""
    if staged.staging is None:
        return []
    checks = validate_package(staged.staging, corpus_root, pandera=False)  # pandera ran on the frames
    failed = [c for c in checks if not c.ok]
    if failed:
        discard(staged)
        raise PublishError(
            "the new release fails validation; the previous one is untouched:\n"
            + "\n".join(f"  {c.name}: {c.detail}" for c in failed)
        )
    return checks


def discard(staged: StagedRelease) -> None:
    if staged.staging is not None:
        shutil.rmtree(staged.staging, ignore_errors=True)


def publish_staged(staged: StagedRelease) -> ReleaseInfo:
    """Swap the validated release into place."""
    if staged.staging is None:
        log.info("up to date: %s %s has the same tables; nothing written", staged.out, staged.info.version)
        return staged.info
    try:
        _swap(staged.staging, staged.out)
    finally:
        discard(staged)
    log.info("published %s version %s (%s)", staged.out, staged.info.version, staged.info.reason)
    if is_project_release(staged.out):
        # The project's own release: an archive to attach to the release page, and the citation.
        target = archive.build_archive(staged.out, staged.out.parent / "dist", staged.info.version, staged.info.created)
        citation.write_citation(staged.out.parent, staged.info.version, staged.info.created)
        log.info("archived %s; CITATION.cff now cites %s", target, staged.info.version)
    return staged.info


def is_project_release(out: Path) -> bool:
    """A release into this project's own `datapackage/` (not into another --out)."""
    pyproject = out.parent / "pyproject.toml"
    return out.name == "datapackage" and pyproject.exists() and 'name = "sahel-data"' in pyproject.read_text(encoding="utf-8")


def write_release(
    frames: dict[str, pl.DataFrame], out: Path, corpus_root: Path | None = None, version: str | None = None, force: bool = False
) -> ReleaseInfo:
    """Stage, validate and publish in one call (the flow runs the three as separate tasks)."""
    staged = stage_release(frames, out, version=version, force=force)
    check_staged(staged, corpus_root)
    return publish_staged(staged)


def _swap(staging: Path, out: Path) -> None:
    """Move the staged release into place; the old folder is kept aside until the move succeeded."""
    backup = None
    if out.exists():
        backup = out.parent / f".{out.name}.old-{os.getpid()}"
        if backup.exists():
            shutil.rmtree(backup)
        out.rename(backup)
    try:
        staging.rename(out)
    except OSError:
        if backup is not None:
            backup.rename(out)
        raise
    if backup is not None:
        shutil.rmtree(backup)
