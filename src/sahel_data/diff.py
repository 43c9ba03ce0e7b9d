"""Compare two releases of the Data Package: schema changes in words, row changes by primary key.

Owns reading a published package back (a folder or a `.zip` of one, safely) and the rules that
turn a diff into a semantic version bump. Writes nothing and decides no version number itself:
`publish.py` applies `PackageDiff.bump()` and renders the changelog from `to_markdown()`.
Values are compared as the CSV strings researchers download, never coerced to types.

Version rules (adapted from the Data Package version recipe):
  major  a table or field removed or re-typed, a primary key changed, a constraint tightened;
  minor  a table or field added, a constraint loosened, field order changed, rows added or removed;
  patch  values changed in existing rows, descriptions or package metadata only.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import json
import logging
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import polars as pl

from sahel_data.spec import TABLE_ORDER

log = logging.getLogger(__name__)

# Zip archives are checked member by member before anything is written.
MAX_ARCHIVE_BYTES = 2 * 1024**3  # total uncompressed size
MAX_ARCHIVE_MEMBERS = 10_000

# Top-level keys that change on every release and say nothing about the content.
IGNORED_TOP_LEVEL = frozenset({"version", "created", "resources"})
# Resource keys compared elsewhere (schema, name) or ignored (hash, bytes follow from the rows).
RESOURCE_KEYS_NOT_METADATA = frozenset({"name", "schema", "hash", "bytes", "title", "description"})
# Field properties that change how a cell is read: a change is as breaking as a new type.
PARSING_KEYS = ("type", "format", "bareNumber", "groupChar", "decimalChar", "trueValues", "falseValues",
                "missingValues", "categories")
# Field properties that only document (compared last, as descriptions).
FIELD_KEYS_HANDLED = frozenset({"name", "constraints", *PARSING_KEYS})

MAJOR_KINDS = frozenset({"table_removed", "field_removed", "field_renamed", "type_changed",
                         "constraint_tightened", "primary_key_changed"})
MINOR_KINDS = frozenset({"table_added", "field_added", "constraint_loosened", "fields_reordered"})
PATCH_KINDS = frozenset({"description_changed"})

KEY_SEPARATOR = "|"  # joins the values of a composite primary key into one key string
KEY = "__sahel_diff_key__"  # the key column added while comparing (not a column of any table)
CHUNK_ROWS = 10_000  # CSV records turned into columns at a time (bounded memory)
MAX_VALUE_CHARS = 120  # cell values longer than this are cut in the markdown changelog


class PackageReadError(Exception):
    """A package (folder or archive) cannot be read, or is unsafe to extract; nothing was written."""


@dataclass(frozen=True)
class FieldChange:
    """One schema change, in words."""

    table: str
    field: str | None  # None for a whole-table change
    kind: str  # one of MAJOR_KINDS | MINOR_KINDS | PATCH_KINDS
    detail: str  # a sentence, e.g. "events.date_precision: enum gained 'week' (loosened)"


@dataclass(frozen=True)
class RowChange:
    """The cells of one row (same primary key in both versions) whose CSV strings differ."""

    key: str
    changes: dict[str, tuple[str | None, str | None]]  # column -> (old, new); None: cell absent


@dataclass
class TableDiff:
    """Rows added, removed and changed in one table, by primary key."""

    table: str
    added: list[str] = field(default_factory=list)  # primary keys, sorted
    removed: list[str] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)  # sorted by key

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class PackageDiff:
    """Everything that differs between two releases, and the version bump it calls for."""

    schema: list[FieldChange]
    tables: dict[str, TableDiff]
    metadata: list[str]  # top-level keys (and `resources.<name>.<key>`) whose values differ

    def is_empty(self) -> bool:
        return not self.schema and not self.metadata and all(t.is_empty() for t in self.tables.values())

    def bump(self) -> str | None:
        """The semantic version part to bump, or None when nothing changed.

        >>> PackageDiff([FieldChange("events", "date", "field_removed", "events.date: removed")], {}, []).bump()
        'major'
        >>> PackageDiff([], {"events": TableDiff("events", added=["e-1"])}, []).bump()
        'minor'
        >>> PackageDiff([], {"events": TableDiff("events", changed=[RowChange("e-1", {"date": ("2024", "2025")})])}, []).bump()
        'patch'
        >>> PackageDiff([], {"events": TableDiff("events")}, []).bump() is None
        True
        """
        kinds = {c.kind for c in self.schema}
        if kinds & MAJOR_KINDS:
            return "major"
        if kinds & MINOR_KINDS or any(t.added or t.removed for t in self.tables.values()):
            return "minor"
        if kinds or self.metadata or any(t.changed for t in self.tables.values()):
            return "patch"
        return None

    def to_json(self) -> dict:
        """Plain JSON types only (lists, not tuples), so `json.loads(json.dumps(d)) == d`."""
        return {
            "bump": self.bump(),
            "schema": [{"table": c.table, "field": c.field, "kind": c.kind, "detail": c.detail} for c in self.schema],
            "tables": {
                name: {
                    "added": list(t.added),
                    "removed": list(t.removed),
                    "changed": [
                        {"key": r.key, "changes": {col: [old, new] for col, (old, new) in r.changes.items()}}
                        for r in t.changed
                    ],
                }
                for name, t in self.tables.items()
            },
            "metadata": list(self.metadata),
        }

    def to_markdown(self, max_rows_per_table: int = 50) -> str:
        """A changelog section body: schema changes, then per table counts, keys and changed cells.

        Headings are `###` so the text fits under a `## <version>` heading. Each list (added keys,
        removed keys, changed rows) is capped at `max_rows_per_table` entries.
        """
        bump = self.bump()
        lines = [f"Version bump: **{bump}**" if bump else "No changes."]
        if self.schema:
            lines += ["", "### Schema", ""]
            lines += [f"- {_KIND_WORDS.get(c.kind, c.kind)}: {c.detail}" for c in self.schema]
        if self.tables:
            lines += ["", "### Rows"]
        for name, t in self.tables.items():
            lines += ["", f"**{name}**: {len(t.added)} added, {len(t.removed)} removed, {len(t.changed)} changed"]
            if t.added:
                lines += ["", "Added: " + _key_list(t.added, max_rows_per_table)]
            if t.removed:
                lines += ["", "Removed: " + _key_list(t.removed, max_rows_per_table)]
            if t.changed:
                lines.append("")
                for row in t.changed[:max_rows_per_table]:
                    cells = "; ".join(f"{col} {_cell(old)} → {_cell(new)}" for col, (old, new) in row.changes.items())
                    lines.append(f"- {_code(row.key)}: {cells}")
                if len(t.changed) > max_rows_per_table:
                    lines.append(f"- … and {len(t.changed) - max_rows_per_table} more")
        if self.metadata:
            lines += ["", "### Metadata", ""]
            lines += [f"- {_code(key)} changed" for key in self.metadata]
        return "\n".join(lines) + "\n"


_KIND_WORDS = {
    "table_added": "minor", "field_added": "minor", "constraint_loosened": "minor", "fields_reordered": "minor",
    "table_removed": "major", "field_removed": "major", "field_renamed": "major", "type_changed": "major",
    "constraint_tightened": "major", "primary_key_changed": "major", "description_changed": "patch",
}


# ---------------------------------------------------------------- reading a package


def read_package(path: Path) -> tuple[dict, dict[str, list[dict[str, str]]]]:
    """The descriptor and every tabular resource's rows (dicts of CSV strings, no coercion).

    `path` is a package folder, its `datapackage.json`, or a `.zip` holding the package at its
    root or inside one top folder. An archive is checked member by member (no absolute paths,
    no `..`, no links, size and count capped) before it is extracted into a temporary folder,
    which is removed before returning.
    """
    descriptor, frames = read_package_frames(path)
    return descriptor, {name: frame.to_dicts() for name, frame in frames.items()}


def read_package_frames(path: Path) -> tuple[dict, dict[str, pl.DataFrame]]:
    """`read_package` with each table as a polars frame of CSV strings (compact: the diff of a
    release with thousands of articles compares columns, not hundreds of thousands of dicts)."""
    with _opened(Path(path)) as (root, label):
        descriptor, loaders = _read_folder(root, label)
        return descriptor, {name: load() for name, load in loaders.items()}


@contextmanager
def _opened(path: Path) -> Iterator[tuple[Path, str]]:
    """The package folder to read (an archive is checked and extracted into a temporary folder,
    removed on exit) and the label that names it in messages."""
    if path.is_file() and (path.suffix.lower() == ".zip" or zipfile.is_zipfile(path)):
        with tempfile.TemporaryDirectory(prefix="sahel-diff-") as tmp:
            root = _extract_archive(path, Path(tmp))
            inner = root.relative_to(Path(tmp).resolve()).as_posix()
            yield root, str(path) if inner == "." else f"{path}!{inner}"
        return
    if path.is_file() and path.name.endswith(".json"):
        path = path.parent
    if not path.is_dir():
        raise PackageReadError(
            f"{path}: not a package folder nor a .zip archive; pass the folder holding datapackage.json or a zip of it"
        )
    yield path, str(path)


def _unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    """Why a member must not be extracted, or None when it is a plain file or folder."""
    name = info.filename
    if not name or "\x00" in name:
        return "empty or NUL in the name"
    if "\\" in name:
        return "backslash in the name (a Windows path separator)"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "absolute path"
    if ".." in PurePosixPath(name).parts:
        return "'..' path component"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic link"
    if mode and stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a regular file or folder"
    if info.flag_bits & 0x1:
        return "encrypted"
    return None


def _extract_archive(archive: Path, tmp: Path) -> Path:
    """Check every member, then extract into `tmp`; return the folder holding datapackage.json."""
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as e:
        raise PackageReadError(f"{archive}: cannot open the archive ({e}); re-create it with `zip -r`") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ARCHIVE_MEMBERS:
            raise PackageReadError(
                f"{archive}: {len(infos)} members, more than the {MAX_ARCHIVE_MEMBERS} allowed; "
                "a data package has a handful of files, check the archive"
            )
        base = tmp.resolve()
        seen: set[str] = set()
        total = 0
        for info in infos:
            reason = _unsafe_reason(info)
            if reason is None:
                target = (base / info.filename).resolve()
                if not target.is_relative_to(base):
                    reason = "its path leaves the extraction folder"
            if reason is None and info.filename.rstrip("/") in seen:
                reason = "duplicate member name"
            if reason is not None:
                raise PackageReadError(
                    f"{archive}: unsafe member {info.filename!r} ({reason}); nothing was extracted. "
                    "Re-create the archive from the package folder with `zip -r`"
                )
            seen.add(info.filename.rstrip("/"))
            total += info.file_size
            if total > MAX_ARCHIVE_BYTES:
                raise PackageReadError(
                    f"{archive}: members add up to more than {MAX_ARCHIVE_BYTES} bytes uncompressed "
                    f"(reached at {info.filename!r}); nothing was extracted. Check the archive is a data package"
                )
        root = _archive_root(archive, [i.filename for i in infos])
        written = 0
        for info in infos:
            if info.filename.startswith("__MACOSX/"):
                continue
            target = base / info.filename
            try:
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(target, "xb") as dst:
                    # zipfile stops at the declared size and checks the CRC; count anyway.
                    while chunk := src.read(1 << 20):
                        written += len(chunk)
                        if written > MAX_ARCHIVE_BYTES:
                            raise PackageReadError(
                                f"{archive}: member {info.filename!r} inflates past {MAX_ARCHIVE_BYTES} bytes; "
                                "check the archive is a data package"
                            )
                        dst.write(chunk)
            except (zipfile.BadZipFile, OSError, EOFError) as e:
                raise PackageReadError(
                    f"{archive}: cannot extract member {info.filename!r} ({e}); re-create the archive"
                ) from None
    return base / root if root else base


def _archive_root(archive: Path, names: list[str]) -> str:
    """'' when datapackage.json is at the root, else the one top folder that holds it."""
    names = [n for n in names if not n.startswith("__MACOSX/")]
    if "datapackage.json" in names:
        return ""
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) == 1:
        top = tops.pop()
        if f"{top}/datapackage.json" in names:
            return top
    raise PackageReadError(
        f"{archive}: no datapackage.json at the root of the archive or inside one top folder; "
        "zip the package folder itself (`zip -r release.zip datapackage/`)"
    )


def _read_folder(root: Path, label: str) -> tuple[dict, dict[str, Callable[[], pl.DataFrame]]]:
    """The descriptor, checked, and a loader per table: tables are read one at a time, when needed."""
    meta_path = root / "datapackage.json"
    try:
        descriptor = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackageReadError(f"{label}: no datapackage.json; point at the folder of a published release") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise PackageReadError(f"{label}/datapackage.json: not readable JSON ({e}); restore it from the release") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources", []), list):
        raise PackageReadError(f"{label}/datapackage.json: expected an object with a `resources` list")
    tables: dict[str, Callable[[], pl.DataFrame]] = {}
    for i, resource in enumerate(descriptor.get("resources", [])):
        if not isinstance(resource, dict) or not resource.get("name"):
            raise PackageReadError(f"{label}/datapackage.json: resources[{i}] has no name; every resource needs one")
        if not _is_table(resource):
            continue
        name = resource["name"]
        if name in tables:
            raise PackageReadError(f"{label}/datapackage.json: two resources are named {name!r}; names must be unique")
        if isinstance(resource.get("schema"), str):
            schema_path = _inside(root, resource["schema"], label, name)
            try:
                resource["schema"] = json.loads(schema_path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
                raise PackageReadError(f"{label}/{resource['schema']}: schema of {name!r} not readable ({e})") from None
        paths = resource.get("path")
        paths = [paths] if isinstance(paths, str) else paths
        if not paths or not all(isinstance(p, str) for p in paths):
            raise PackageReadError(f"{label}: resource {name!r} has no `path`; inline data is not supported")
        files = [(rel, _inside(root, rel, label, name)) for rel in paths]
        tables[name] = functools.partial(_read_table, name, files, resource, label)
    return descriptor, tables


def _read_table(name: str, files: list[tuple[str, Path]], resource: dict, label: str) -> pl.DataFrame:
    parts: list[pl.DataFrame] = []
    header: list[str] | None = None
    for rel, path in files:
        file_header, file_rows = _read_csv(path, resource, f"{label}/{rel}")
        if header is not None and file_header != header:
            raise PackageReadError(f"{label}/{rel}: header differs from {files[0][0]}'s; parts of {name!r} must share one header")
        header = file_header
        parts.append(file_rows)
    return pl.concat(parts, how="vertical") if len(parts) > 1 else parts[0]


def _is_table(resource: dict) -> bool:
    return "schema" in resource or resource.get("type") == "table"


def _inside(root: Path, rel: str, label: str, name: str) -> Path:
    """A resource path, refused when remote or outside the package (the spec forbids both)."""
    if "://" in rel:
        raise PackageReadError(f"{label}: resource {name!r} is remote ({rel}); download it into the package first")
    target = (root / rel).resolve()
    if PurePosixPath(rel).is_absolute() or ".." in PurePosixPath(rel).parts or not target.is_relative_to(root.resolve()):
        raise PackageReadError(f"{label}: resource {name!r} path {rel!r} leaves the package; paths must be relative, without '..'")
    return target


def _read_csv(path: Path, resource: dict, label: str) -> tuple[list[str], pl.DataFrame]:
    dialect = resource.get("dialect") if isinstance(resource.get("dialect"), dict) else {}
    encoding = str(resource.get("encoding") or "utf-8")
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # a BOM is not part of the first column's name
    try:
        _check_decodes(path.read_bytes(), encoding)
        stream = path.open(encoding=encoding, newline="")
    except FileNotFoundError:
        raise PackageReadError(f"{label}: listed in datapackage.json but missing; restore the file or the release") from None
    except (OSError, UnicodeDecodeError, LookupError) as e:
        raise PackageReadError(f"{label}: cannot decode as {encoding} ({e}); re-save the file in the declared encoding") from None
    with stream:
        return _read_records(stream, dialect, resource, label)


def _check_decodes(data: bytes, encoding: str, step: int = 1 << 20) -> None:
    """Raise the UnicodeDecodeError `data.decode(encoding)` would, without holding the text."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        for i in range(0, len(data), step):
            decoder.decode(data[i : i + step])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        data.decode(encoding)  # the same error, with its position in the whole file
        raise


def _read_records(stream: Iterable[str], dialect: dict, resource: dict, label: str) -> tuple[list[str], pl.DataFrame]:
    reader = csv.reader(
        stream,
        delimiter=dialect.get("delimiter", ","),
        quotechar=dialect.get("quoteChar", '"'),
        doublequote=dialect.get("doubleQuote", True),
        escapechar=dialect.get("escapeChar"),
        skipinitialspace=dialect.get("skipInitialSpace", False),
    )
    records = (r for r in reader if r)
    has_header = dialect.get("header", True)
    try:
        if has_header:
            header = next(records, None)
            if header is None:
                raise PackageReadError(f"{label}: empty file, expected at least a header row")
        else:
            fields = (resource.get("schema") or {}).get("fields", [])
            header = [f.get("name", "") for f in fields]
        if len(set(header)) != len(header):
            raise PackageReadError(f"{label}: duplicate column names in the header {header}; each column needs its own name")
        schema = {name: pl.Utf8 for name in header}
        chunks, chunk = [], []
        for n, record in enumerate(records, start=2 if has_header else 1):
            if len(record) != len(header):
                raise PackageReadError(
                    f"{label}: record {n} has {len(record)} cells, the header has {len(header)}; "
                    "quote cells that contain the delimiter"
                )
            chunk.append(record)
            if len(chunk) == CHUNK_ROWS:
                chunks.append(pl.DataFrame(chunk, schema=schema, orient="row"))
                chunk = []
    except csv.Error as e:
        raise PackageReadError(f"{label}: not valid CSV at line {reader.line_num} ({e}); re-export the table") from None
    chunks.append(pl.DataFrame(chunk, schema=schema, orient="row"))
    return header, pl.concat(chunks, how="vertical", rechunk=True) if len(chunks) > 1 else chunks[0]


# ---------------------------------------------------------------- comparing


def diff_packages(old: Path | None, new: Path) -> PackageDiff:
    """Schema, row and metadata differences from `old` to `new` (None: a first release, all added)."""
    with contextlib.ExitStack() as opened:
        old_meta, old_rows = _read_folder(*opened.enter_context(_opened(Path(old)))) if old is not None else ({"resources": []}, {})
        new_meta, new_rows = _read_folder(*opened.enter_context(_opened(Path(new))))
        old_label, new_label = str(old), str(new)
        old_schemas = _table_schemas(old_meta)
        new_schemas = _table_schemas(new_meta)

        schema: list[FieldChange] = []
        tables: dict[str, TableDiff] = {}
        for name in _ordered(old_schemas, new_schemas):
            o, n = old_schemas.get(name), new_schemas.get(name)
            if o is None:
                fields = [f.get("name") for f in n.get("fields", [])]
                schema.append(FieldChange(name, None, "table_added",
                                          f"{name}: table added ({len(fields)} fields, primary key {_pk_words(n)})"))
            elif n is None:
                schema.append(FieldChange(name, None, "table_removed", f"{name}: table removed"))
            else:
                schema.extend(_schema_changes(name, o, n))
            # One table of each version in memory at a time.
            tables[name] = _table_rows(
                name, o, n, _load(old_rows, name), _load(new_rows, name), old_label, new_label
            )
    for name in _ordered(old_schemas, new_schemas):
        o_res, n_res = _resource(old_meta, name), _resource(new_meta, name)
        if o_res is not None and n_res is not None:
            for key in ("title", "description"):
                if o_res.get(key) != n_res.get(key):
                    schema.append(FieldChange(name, None, "description_changed",
                                              f"{name}: table {key} changed to {_words(n_res.get(key))}"))
    result = PackageDiff(schema, tables, _metadata_changes(old_meta, new_meta) if old is not None else [])
    log.info(
        "diff %s -> %s: %d schema changes, %s; bump %s", old, new, len(schema),
        ", ".join(f"{t.table} +{len(t.added)} -{len(t.removed)} ~{len(t.changed)}" for t in tables.values()),
        result.bump(),
    )
    return result


def _load(loaders: dict[str, Callable[[], pl.DataFrame]], name: str) -> pl.DataFrame:
    return loaders[name]() if name in loaders else _NO_ROWS


def _ordered(*maps: dict) -> list[str]:
    """Table names in publishing order first, then any others alphabetically."""
    names = set().union(*maps)
    return [t for t in TABLE_ORDER if t in names] + sorted(names - set(TABLE_ORDER))


def _resource(meta: dict, name: str) -> dict | None:
    return next((r for r in meta.get("resources", []) if isinstance(r, dict) and r.get("name") == name), None)


def _table_schemas(meta: dict) -> dict[str, dict]:
    return {r["name"]: (r.get("schema") if isinstance(r.get("schema"), dict) else {})
            for r in meta.get("resources", []) if isinstance(r, dict) and _is_table(r)}


def _primary_key(schema: dict) -> list[str]:
    pk = schema.get("primaryKey") or []
    return [pk] if isinstance(pk, str) else list(pk)


def _pk_words(schema: dict) -> str:
    return ", ".join(_primary_key(schema)) or "none"


def _words(value: Any) -> str:
    """A descriptor value in a sentence: strings quoted and cut, the rest as JSON.

    >>> _words("week"), _words(0), _words(None), _words(["a", "b"])
    ("'week'", '0', 'none', "['a', 'b']")
    """
    if value is None:
        return "none"
    if isinstance(value, str):
        return repr(value if len(value) <= MAX_VALUE_CHARS else value[: MAX_VALUE_CHARS - 1] + "…")
    if isinstance(value, list):
        return "[" + ", ".join(_words(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _schema_changes(table: str, old: dict, new: dict) -> list[FieldChange]:
    out: list[FieldChange] = []
    old_fields = {f.get("name"): f for f in old.get("fields", [])}
    new_fields = {f.get("name"): f for f in new.get("fields", [])}
    removed = [n for n in old_fields if n not in new_fields]
    added = [n for n in new_fields if n not in old_fields]
    # A rename looks exactly like a removal plus an addition; only hint at it, both are reported.
    hint = (len(removed) == 1 and len(added) == 1
            and old_fields[removed[0]].get("type") == new_fields[added[0]].get("type"))
    for name in removed:
        extra = f" (perhaps renamed to {added[0]!r})" if hint else ""
        out.append(FieldChange(table, name, "field_removed", f"{table}.{name}: field removed{extra}"))
    for name in added:
        f = new_fields[name]
        required = "required" if (f.get("constraints") or {}).get("required") else "optional"
        extra = f" (perhaps renamed from {removed[0]!r})" if hint else ""
        out.append(FieldChange(table, name, "field_added",
                               f"{table}.{name}: field added ({f.get('type', 'any')}, {required}){extra}"))
    for name, o in old_fields.items():
        if name in new_fields:
            out.extend(_field_changes(table, name, o, new_fields[name]))
    shared_old = [n for n in old_fields if n in new_fields]
    shared_new = [n for n in new_fields if n in old_fields]
    if shared_old != shared_new:
        out.append(FieldChange(table, None, "fields_reordered",
                               f"{table}: field order changed to {', '.join(shared_new)}"))
    if _primary_key(old) != _primary_key(new):
        out.append(FieldChange(table, None, "primary_key_changed",
                               f"{table}: primary key changed from [{_pk_words(old)}] to [{_pk_words(new)}]"))
    out.extend(_key_set_changes(table, "foreign key", old.get("foreignKeys", []), new.get("foreignKeys", [])))
    out.extend(_key_set_changes(table, "unique key", old.get("uniqueKeys", []), new.get("uniqueKeys", [])))
    if old.get("missingValues", [""]) != new.get("missingValues", [""]):
        out.append(FieldChange(table, None, "type_changed",
                               f"{table}: missingValues changed from {_words(old.get('missingValues', ['']))} "
                               f"to {_words(new.get('missingValues', ['']))} (cells read as null differ)"))
    return out


def _key_set_changes(table: str, what: str, old: list, new: list) -> list[FieldChange]:
    """Foreign or unique keys: a new one restricts the rows allowed (tightened), a dropped one loosens."""
    def canon(k: Any) -> str:
        return json.dumps(k, sort_keys=True, ensure_ascii=False)

    def words(k: Any) -> tuple[str | None, str]:
        if isinstance(k, dict):  # foreign key
            fields = k.get("fields")
            fields = [fields] if isinstance(fields, str) else list(fields or [])
            ref = k.get("reference", {})
            ref_fields = ref.get("fields")
            ref_fields = [ref_fields] if isinstance(ref_fields, str) else list(ref_fields or [])
            target = f"{ref.get('resource') or table}.{','.join(ref_fields)}"
            return (fields[0] if len(fields) == 1 else None), f"{','.join(fields)} → {target}"
        fields = [k] if isinstance(k, str) else list(k)
        return (fields[0] if len(fields) == 1 else None), ",".join(fields)

    old_c = {canon(k): k for k in old or []}
    new_c = {canon(k): k for k in new or []}
    out = []
    for c, k in old_c.items():
        if c not in new_c:
            fld, w = words(k)
            out.append(FieldChange(table, fld, "constraint_loosened", f"{table}: {what} {w} removed (loosened)"))
    for c, k in new_c.items():
        if c not in old_c:
            fld, w = words(k)
            out.append(FieldChange(table, fld, "constraint_tightened", f"{table}: {what} {w} added (tightened)"))
    return out


def _field_changes(table: str, name: str, old: dict, new: dict) -> list[FieldChange]:
    where = f"{table}.{name}"
    out: list[FieldChange] = []
    for key in PARSING_KEYS:
        o, n = old.get(key), new.get(key)
        if key == "type":
            o, n = o or "any", n or "any"
        if o != n:
            what = "type" if key == "type" else f"parsing option {key}"
            out.append(FieldChange(table, name, "type_changed", f"{where}: {what} changed from {_words(o)} to {_words(n)}"))
    out.extend(_constraint_changes(table, name, old.get("constraints") or {}, new.get("constraints") or {}))
    for key in sorted(set(old) | set(new)):
        if key not in FIELD_KEYS_HANDLED and old.get(key) != new.get(key):
            out.append(FieldChange(table, name, "description_changed", f"{where}: {key} changed to {_words(new.get(key))}"))
    return out


def _compare(a: Any, b: Any) -> int | None:
    """-1, 0 or 1 for numbers or ISO date strings; None when they cannot be ordered."""
    try:
        return (a > b) - (a < b)
    except TypeError:
        return None


def _constraint_changes(table: str, name: str, old: dict, new: dict) -> list[FieldChange]:
    where = f"{table}.{name}"
    out: list[FieldChange] = []

    def add(tight: bool, words: str) -> None:
        kind = "constraint_tightened" if tight else "constraint_loosened"
        out.append(FieldChange(table, name, kind, f"{where}: {words} ({'tightened' if tight else 'loosened'})"))

    for key in sorted(set(old) | set(new)):
        o, n = old.get(key), new.get(key)
        if o == n:
            continue
        if key in ("required", "unique"):
            if bool(o) != bool(n):
                add(bool(n), f"{key} {'added' if n else 'removed'}")
        elif key == "enum":
            if o is None:
                add(True, f"enum added: {_words(n)}")
            elif n is None:
                add(False, "enum removed")
            else:
                lost = [v for v in o if v not in n]
                gained = [v for v in n if v not in o]
                if lost:
                    add(True, f"enum lost {', '.join(_words(v) for v in lost)}")
                if gained:
                    add(False, f"enum gained {', '.join(_words(v) for v in gained)}")
                # same values in another order: nothing a reader of the data can see
        elif key in ("minimum", "exclusiveMinimum", "minLength", "maximum", "exclusiveMaximum", "maxLength"):
            lower_bound = key in ("minimum", "exclusiveMinimum", "minLength")
            if o is None:
                add(True, f"{key} {_words(n)} added")
            elif n is None:
                add(False, f"{key} {_words(o)} removed")
            else:
                order = _compare(n, o)
                raised = order is not None and order > 0
                # raising a lower bound or lowering an upper bound excludes values that were valid
                tight = order is None or (raised if lower_bound else not raised)
                verb = "changed" if order is None else ("raised" if raised else "lowered")
                add(tight, f"{key} {verb} from {_words(o)} to {_words(n)}")
        elif n is None:
            add(False, f"{key} {_words(o)} removed")
        elif o is None:
            add(True, f"{key} {_words(n)} added")
        else:  # a changed pattern, or a constraint we do not know how to order: assume it excludes values
            add(True, f"{key} changed from {_words(o)} to {_words(n)}")
    return out


def _metadata_changes(old: dict, new: dict) -> list[str]:
    keys = [k for k in sorted(set(old) | set(new)) if k not in IGNORED_TOP_LEVEL and old.get(k) != new.get(k)]
    old_res = {r.get("name"): r for r in old.get("resources", []) if isinstance(r, dict)}
    new_res = {r.get("name"): r for r in new.get("resources", []) if isinstance(r, dict)}
    for name in sorted(set(old_res) | set(new_res), key=str):
        o, n = old_res.get(name), new_res.get(name)
        if o is None or n is None:
            if not _is_table(o or n):  # tables added or removed are schema changes
                keys.append(f"resources.{name}")
            continue
        for key in sorted(set(o) | set(n)):
            skip = RESOURCE_KEYS_NOT_METADATA if _is_table(n) else {"name", "hash", "bytes"}
            if key not in skip and o.get(key) != n.get(key):
                keys.append(f"resources.{name}.{key}")
        if _is_table(o) and _is_table(n):
            os_, ns = _table_schemas(old)[name], _table_schemas(new)[name]
            handled = {"fields", "primaryKey", "foreignKeys", "uniqueKeys", "missingValues"}
            for key in sorted(set(os_) | set(ns)):
                if key not in handled and os_.get(key) != ns.get(key):
                    keys.append(f"resources.{name}.schema.{key}")
    return keys


_NO_ROWS = pl.DataFrame()


def _with_key(rows: pl.DataFrame, cols: list[str]) -> pl.DataFrame:
    """The rows with a key column: the cells of `cols` joined by KEY_SEPARATOR (a missing
    column counts as empty cells)."""
    if rows.height == 0:
        return pl.DataFrame(schema={KEY: pl.Utf8})
    cells = [pl.col(c) if c in rows.columns else pl.lit("") for c in cols]
    return rows.with_columns(pl.concat_str(cells, separator=KEY_SEPARATOR).alias(KEY))


def _keyed(rows: pl.DataFrame, key_fields: list[str], table: str, label: str) -> pl.DataFrame:
    keyed = _with_key(rows, key_fields)
    again = keyed.select(KEY).with_row_index("n").filter(pl.int_range(pl.len()).over(KEY) > 0)
    if again.height:
        n, key = again.row(0)
        raise PackageReadError(
            f"{label}: table {table!r} has primary key {key!r} twice (second at record {n + 2}); "
            "validate the package before diffing it"
        )
    return keyed


def _columns(rows: pl.DataFrame, schema: dict | None) -> list[str]:
    return list(rows.columns) if rows.height else [f.get("name") for f in (schema or {}).get("fields", [])]


def _by_content(rows: pl.DataFrame, cols: list[str]) -> pl.DataFrame:
    """Rows keyed by their cells: a table without a usable key is compared as a set of rows."""
    keyed = _with_key(rows, cols)
    return keyed.unique(subset=[KEY], keep="last", maintain_order=True)


def _keys(keyed: pl.DataFrame) -> set[str]:
    return set(keyed[KEY].to_list())


def _table_rows(
    table: str, old_schema: dict | None, new_schema: dict | None,
    old_rows: pl.DataFrame, new_rows: pl.DataFrame, old_label: str, new_label: str,
) -> TableDiff:
    if old_schema is None or new_schema is None:  # a whole table added or removed
        added = old_schema is None
        schema, rows, label = (new_schema, new_rows, new_label) if added else (old_schema, old_rows, old_label)
        cols, pk = _columns(rows, schema), _primary_key(schema or {})
        keyed = _keyed(rows, pk, table, label) if pk and all(c in cols for c in pk) else _by_content(rows, cols)
        keys = sorted(_keys(keyed))
        return TableDiff(table, keys if added else [], [] if added else keys, [])
    old_cols, new_cols = _columns(old_rows, old_schema), _columns(new_rows, new_schema)
    shared = [c for c in new_cols if c in old_cols]
    # Rows are matched on the new primary key when both versions have its columns, else on the
    # old one; with neither (or no key at all) a row's identity is its shared cells.
    candidates = [_primary_key(new_schema), _primary_key(old_schema)]
    key_fields = next((k for k in candidates if k and all(c in shared for c in k)), None)
    if key_fields is not None:
        old_k = _keyed(old_rows, key_fields, table, old_label)
        new_k = _keyed(new_rows, key_fields, table, new_label)
    else:
        old_k = _by_content(old_rows, shared or old_cols)
        new_k = _by_content(new_rows, shared or new_cols)
    old_keys, new_keys = _keys(old_k), _keys(new_k)
    changed = []
    if shared and old_k.height and new_k.height:
        # Cells compared as CSV strings, only for the rows in both versions that differ at all.
        suffix = "__new"
        both = old_k.select(KEY, *shared).join(new_k.select(KEY, *shared), on=KEY, how="inner", suffix=suffix)
        differs = both.filter(pl.any_horizontal([pl.col(c) != pl.col(c + suffix) for c in shared])).sort(KEY)
        for row in differs.iter_rows(named=True):
            cells = {c: (row[c], row[c + suffix]) for c in shared if row[c] != row[c + suffix]}
            changed.append(RowChange(row[KEY], cells))
        changed.sort(key=lambda r: r.key)
    return TableDiff(table, sorted(new_keys - old_keys), sorted(old_keys - new_keys), changed)


# ---------------------------------------------------------------- markdown helpers


def _code(text: str) -> str:
    """Inline code that survives backticks inside the text.

    >>> _code("a-e-1"), _code("x`y")
    ('`a-e-1`', '`` x`y ``')
    """
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    if longest == 0:
        return f"`{text}`"
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def _cell(value: str | None) -> str:
    """A CSV cell in the changelog: JSON-quoted (so empty and spaces show), cut when long.

    >>> _cell("1000"), _cell(""), _cell(None)
    ('`"1000"`', '`""`', '(absent)')
    """
    if value is None:
        return "(absent)"
    if len(value) > MAX_VALUE_CHARS:
        value = value[: MAX_VALUE_CHARS - 1] + "…"
    return _code(json.dumps(value, ensure_ascii=False))


def _key_list(keys: list[str], cap: int) -> str:
    shown = ", ".join(_code(k) for k in keys[:cap])
    more = len(keys) - cap
    return shown + (f", … and {more} more" if more > 0 else "")
