"""Write the Data Package: CSVs, `datapackage.json`, codebook; built aside, validated, then swapped in.

Owns the bytes of a release and its metadata (version, created, sources, licences). A release
is written into a temporary folder next to `--out`, validated there, and only then moved into
place, so a failed run leaves the previous release untouched. Knows nothing about extraction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from sahel_data import codebook
from sahel_data.spec import FIELDS, TABLE_ORDER, TABLES, frictionless_schema
from sahel_data.validate import Check, validate_package

log = logging.getLogger(__name__)

PACKAGE_NAME = "sahel-data"
FIRST_VERSION = "1.0.0"
DIALECT = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True, "header": True}
DATA_FILES = tuple(f"{name}.csv" for name in TABLE_ORDER) + ("README.md",)


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
    return out.write_csv(line_terminator="\n", null_value="", date_format="%Y-%m-%d").encode("utf-8")


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


def decide_version(previous: dict | None, files: dict[str, bytes], out: Path) -> ReleaseInfo:
    """Same tables and docs as the previous release: keep its version and created time.

    Otherwise: tables changed -> minor, only the codebook or metadata changed -> patch (the
    full diff-based rules, with schema changes as major, belong to the versioning stage).
    """
    if previous is None:
        return ReleaseInfo(FIRST_VERSION, release_time(), True, "first release")
    old = {name: (out / name).read_bytes() if (out / name).exists() else None for name in files}
    tables_same = all(old[f"{t}.csv"] == files[f"{t}.csv"] for t in TABLE_ORDER)
    docs_same = old.get("README.md") == files.get("README.md")
    old_schemas = [{k: v for k, v in r.get("schema", {}).items() if k != "$schema"} for r in previous.get("resources", [])]
    schemas_same = old_schemas == [frictionless_schema(t) for t in TABLE_ORDER]
    if tables_same and docs_same and schemas_same:
        return ReleaseInfo(previous["version"], previous["created"], False, "up to date")
    part = "minor" if not tables_same else "patch"
    return ReleaseInfo(bump(previous["version"], part), release_time(), True, f"{'tables' if part == 'minor' else 'metadata'} changed")


def descriptor(files: dict[str, bytes], sources: list[dict], info: ReleaseInfo) -> dict:
    """The Data Package v2 descriptor."""
    resources = []
    for name in TABLE_ORDER:
        data = files[f"{name}.csv"]
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
                "bytes": len(data),
                "hash": f"sha256:{sha256_hex(data)}",
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


def package_files(frames: dict[str, pl.DataFrame]) -> dict[str, bytes]:
    files = {f"{name}.csv": csv_bytes(name, frames[name]) for name in TABLE_ORDER}
    files["README.md"] = codebook.render().encode("utf-8")
    return files


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


def stage_release(frames: dict[str, pl.DataFrame], out: Path) -> StagedRelease:
    """Write the release files into a temporary folder beside `out` (same filesystem: atomic rename)."""
    out = out.resolve()
    files = package_files(frames)
    info = decide_version(previous_release(out), files, out)
    if not info.changed:
        return StagedRelease(None, out, info)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a published folder is for everyone to read
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        meta = descriptor(files, article_sources(frames), info)
        (staging / "datapackage.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedRelease(staging, out, info)


def check_staged(staged: StagedRelease, corpus_root: Path | None) -> list[Check]:
    """Validate the staged package; on failure remove it and raise (the old release is untouched)."""
    if staged.staging is None:
        return []
    checks = validate_package(staged.staging, corpus_root)
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
    return staged.info


def write_release(frames: dict[str, pl.DataFrame], out: Path, corpus_root: Path | None = None) -> ReleaseInfo:
    """Stage, validate and publish in one call (the flow runs the three as separate tasks)."""
    staged = stage_release(frames, out)
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
