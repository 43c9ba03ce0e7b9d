"""Render the codebook (`datapackage/README.md`) from the table spec. Knows nothing else."""

from __future__ import annotations

from sahel_data.spec import TABLE_ORDER, TABLES, table_field

INTRO = """# sahel-data codebook

Events, actors, actor mentions and numeric claims extracted from French news articles about
security politics in the Sahel. Generated from the table spec (`sahel_data/spec.py`); do not
edit by hand. The same spec generates `datapackage.json` and the validation schemas.

- Files: one CSV per table, UTF-8, comma-separated, one header row, `\\n` line ends, empty cell
  for null, plain numbers (`1000`, `0.6667`).
- Provenance: `char_start` / `char_end` are 0-based, end-exclusive offsets into the source file
  decoded as UTF-8 with no other change. For events and quantities `raw[char_start:char_end]`
  is `evidence` (the whole sentence); for mentions it is `surface`.
- Dates: partial ISO 8601 strings at their precision (`2024`, `2024-05`, `2024-05-19`) with a
  precision column, and `date_start` / `date_end` bounding the period. Relative expressions are
  resolved against the article's publication date; a week is written at month precision with
  its bounds in `date_start` / `date_end`.
- Identifiers never change once published: `article_id` from the file path, row ids from the
  article and a raw offset, actor ids from canonical names.
- Licence: CC-BY-4.0 for the dataset; quoted sentences remain their publishers'.
"""


def render() -> str:
    parts = [INTRO]
    for name in TABLE_ORDER:
        table = TABLES[name]
        parts.append(f"\n## {name}: {table.title}\n\n{table.description} Primary key: `{table.primary_key}`.")
        if table.foreign_keys:
            refs = ", ".join(f"`{fk.field}` → `{fk.table}.{fk.table_field}`" for fk in table.foreign_keys)
            parts.append(f" Foreign keys: {refs}.")
        parts.append("\n\n| column | type | null | meaning |\n|---|---|---|---|\n")
        for field_name in table.fields:
            f = table_field(table, field_name)
            allowed = f" Allowed: {', '.join(f'`{v}`' for v in f.enum)}." if f.enum else ""
            parts.append(f"| `{f.name}` | {f.type} | {'no' if f.required else 'yes'} | {f.description}{allowed} |\n")
    parts.append("\n## Allowed values\n")
    seen = set()
    for name in TABLE_ORDER:
        for field_name in TABLES[name].fields:
            f = table_field(TABLES[name], field_name)
            if f.enum and f.name not in seen:
                seen.add(f.name)
                parts.append(f"\n### `{f.name}`\n\n| value | definition |\n|---|---|\n")
                for value, definition in f.enum.items():
                    parts.append(f"| `{value}` | {definition} |\n")
    return "".join(parts)
