"""Validation: pandera per table (from the spec), frictionless for the package, provenance offsets.

Owns every check a release must pass before it is published, and the `validate` command's
report. Knows nothing about extraction.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pandera.polars as pa
import polars as pl

from sahel_data.spec import FIELDS, TABLE_ORDER, TABLES, table_field

log = logging.getLogger(__name__)

POLARS_TYPES = {"string": pl.Utf8, "integer": pl.Int64, "number": pl.Float64, "date": pl.Date}


class TableError(Exception):
    """A table broke its schema: names the table, column, row key and value, and what to do."""


def pandera_schema(table_name: str) -> pa.DataFrameSchema:
    """The pandera schema of a table, generated from the spec."""
    table = TABLES[table_name]
    columns = {}
    for name in table.fields:
        f = table_field(table, name)
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(list(f.enum)))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum))
        if f.required and f.type == "string":
            # A CSV cell "" reads back as null: a required text must not be empty.
            checks.append(pa.Check.str_length(min_value=1))
        columns[name] = pa.Column(
            POLARS_TYPES[f.type], checks=checks, nullable=not f.required, unique=f.unique, description=f.description
        )
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=table_name)


def validate_table(table_name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Validate one table; raise TableError listing (column, row key, value, check) per failure."""
    schema = pandera_schema(table_name)
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        key = TABLES[table_name].primary_key
        lines = []
        for case in e.failure_cases.head(20).iter_rows(named=True):
            index = case.get("index")
            row_key = frame[key][index] if index is not None and key in frame.columns and index < frame.height else None
            lines.append(
                f"  {table_name}.{case.get('column')}: row {key}={row_key!r} value {case.get('failure_case')!r} "
                f"fails {case.get('check')}"
            )
        more = "" if e.failure_cases.height <= 20 else f"\n  … and {e.failure_cases.height - 20} more"
        raise TableError(
            f"table '{table_name}' fails its schema; nothing was published:\n" + "\n".join(lines) + more +
            "\nFix the extraction (or the spec in sahel_data/spec.py) and run the release again."
        ) from None


def check_references(frames: dict[str, pl.DataFrame]) -> None:
    """Foreign keys and primary keys across tables, before anything is written."""
    problems = []
    for name in TABLE_ORDER:
        table = TABLES[name]
        frame = frames[name]
        dupes = frame.filter(pl.col(table.primary_key).is_duplicated())[table.primary_key].unique().to_list()
        if dupes:
            problems.append(f"  {name}.{table.primary_key}: duplicate keys {dupes[:5]}")
        for fk in table.foreign_keys:
            known = set(frames[fk.table][fk.table_field].to_list())
            missing = frame.filter(pl.col(fk.field).is_not_null() & ~pl.col(fk.field).is_in(list(known)))
            for row in missing.head(5).iter_rows(named=True):
                problems.append(
                    f"  {name}.{fk.field}: row {table.primary_key}={row[table.primary_key]!r} refers to "
                    f"{fk.table}.{fk.table_field}={row[fk.field]!r}, which does not exist"
                )
    if problems:
        raise TableError("tables do not hold together; nothing was published:\n" + "\n".join(problems))


def validate_tables(frames: dict[str, pl.DataFrame]) -> None:
    for name in TABLE_ORDER:
        validate_table(name, frames[name])
    check_references(frames)


# --- the package on disk -------------------------------------------------------------------


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


def read_package_tables(package_dir: Path) -> dict[str, pl.DataFrame]:
    """Read the CSVs of a package back with the spec's types."""
    frames = {}
    for name in TABLE_ORDER:
        table = TABLES[name]
        dtypes = {f: POLARS_TYPES[FIELDS[f].type] for f in table.fields}
        path = package_dir / f"{name}.csv"
        frames[name] = pl.read_csv(path, schema_overrides=dtypes, infer_schema=False, try_parse_dates=False) if path.exists() else None
    return frames


def frictionless_check(package_dir: Path) -> Check:
    from frictionless import Package, system

    descriptor = package_dir / "datapackage.json"
    if not descriptor.exists():
        return Check("frictionless", False, f"{descriptor} not found")
    with system.use_context(trusted=True):
        report = Package(str(descriptor)).validate()
    if report.valid:
        return Check("frictionless", True, "package valid")
    errors = [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors][:10]
    errors += [f"{e.type}: {e.message}" for e in report.errors][:10]
    return Check("frictionless", False, "\n".join(errors))


def provenance_check(package_dir: Path, corpus_root: Path | None) -> Check:
    """raw[char_start:char_end] equals evidence (events, quantities) or surface (mentions)."""
    frames = read_package_tables(package_dir)
    articles = frames["articles"]
    if corpus_root is None:
        return Check("provenance", True, "provenance skipped: no corpus folder given")
    raws: dict[str, str] = {}
    for row in articles.iter_rows(named=True):
        # source_path is '<corpus folder name>/<path inside it>'
        inner = row["source_path"].split("/", 1)[1] if "/" in row["source_path"] else row["source_path"]
        path = corpus_root / inner
        if not path.exists():
            return Check("provenance", True, f"provenance skipped: source {path} not found")
        raws[row["article_id"]] = path.read_bytes().decode("utf-8")
    bad = []
    n = 0
    for table, column in (("events", "evidence"), ("quantities", "evidence"), ("mentions", "surface")):
        for row in frames[table].iter_rows(named=True):
            n += 1
            raw = raws[row["article_id"]]
            if raw[row["char_start"] : row["char_end"]] != row[column]:
                bad.append(f"{table} {row[TABLES[table].primary_key]}")
        if table == "quantities":
            for row in frames[table].iter_rows(named=True):
                if row["surface"] not in row["evidence"]:
                    bad.append(f"quantities {row['quantity_id']}: surface not in evidence")
    if bad:
        return Check("provenance", False, f"{len(bad)} of {n} rows do not match their source: " + ", ".join(bad[:10]))
    return Check("provenance", True, f"{n} rows match their source text exactly")


def pandera_check(package_dir: Path) -> Check:
    try:
        frames = read_package_tables(package_dir)
        missing = [name for name, f in frames.items() if f is None]
        if missing:
            return Check("pandera", False, f"missing tables: {', '.join(missing)}")
        validate_tables(frames)
    except (TableError, pl.exceptions.PolarsError) as e:
        return Check("pandera", False, str(e))
    return Check("pandera", True, "all tables match their schemas")


def validate_package(package_dir: Path, corpus_root: Path | None, pandera: bool = True) -> list[Check]:
    """Every check of a written package: pandera, frictionless, provenance.

    A release passes `pandera=False`: its tables passed pandera as frames just before these
    files were written from them, and frictionless checks the files themselves; reading every
    table back for pandera again would hold the whole dataset in memory a second time.
    """
    checks = [pandera_check(package_dir)] if pandera else []
    return checks + [frictionless_check(package_dir), provenance_check(package_dir, corpus_root)]


def corpus_for(package_dir: Path, corpus: Path | None) -> Path | None:
    """The corpus folder named by the package's source paths, if it exists beside the package."""
    if corpus is not None:
        return corpus
    try:
        first = pl.read_csv(package_dir / "articles.csv", infer_schema=False)["source_path"][0]
    except (OSError, IndexError, pl.exceptions.PolarsError):
        return None
    folder = re.split(r"/", first)[0]
    for base in (package_dir.parent, Path.cwd()):
        if (base / folder).is_dir():
            return base / folder
    return None
