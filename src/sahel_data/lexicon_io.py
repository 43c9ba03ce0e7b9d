"""Read the lexicon CSVs shipped inside the package. Knows nothing about what they mean."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


@cache
def read_lexicon(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `sahel_data/lexicons/<name>` as dicts; lines starting with '#' are comments.

    >>> read_lexicon("boilerplate.csv")[0].keys() >= {"pattern", "example"}
    True
    """
    text = resources.files("sahel_data.lexicons").joinpath(name).read_text(encoding="utf-8")
    return parse_lexicon(name, text)


def parse_lexicon(name: str, text: str) -> tuple[dict[str, str], ...]:
    """The rows of a lexicon's text; a row with more or fewer fields than the header (an
    unquoted comma in an example) is an error, not a silently cut field."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = []
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        if None in row or None in row.values():
            raise ValueError(
                f"lexicons/{name}: the row starting {next(iter(row.values()))!r} has not as many fields as the header; "
                "put a field that holds a comma between double quotes"
            )
        rows.append(dict(row))
    return tuple(rows)


@cache
def read_groups(name: str, group: str, item: str) -> dict[str, frozenset[str]]:
    """The `item` column of a lexicon gathered by its `group` column.

    >>> read_groups("word_classes.csv", "class", "lemma")["claim"]
    frozenset({'revendiquer'})
    """
    out: dict[str, set[str]] = {}
    for row in read_lexicon(name):
        out.setdefault(row[group], set()).add(row[item])
    return {k: frozenset(v) for k, v in out.items()}
