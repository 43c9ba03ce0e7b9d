"""Per-article extraction records -> the published polars tables, in spec order, with stable ids.

Owns everything that needs the whole corpus at once: merging a person's name variants across
articles, reusing actor ids already published (the previous `actors.csv` is the registry),
counting mentions. Knows nothing about how rows were extracted.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import polars as pl

from sahel_data.spec import FIELDS, TABLE_ORDER, TABLES
from sahel_data.validate import POLARS_TYPES

log = logging.getLogger(__name__)


@dataclass
class ArticleExtraction:
    """Everything one article yields, as plain rows keyed by spec column names (JSON-safe)."""

    article: dict
    mentions: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    quantities: list[dict] = field(default_factory=list)
    actors: dict[str, dict] = field(default_factory=dict)  # actor_id -> {name, actor_type, country, source}

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ArticleExtraction:
        return cls(**json.loads(text))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _name_parts(name: str) -> tuple[list[str], str]:
    """First-name tokens and the surname (last token), accent-folded."""
    tokens = [t for t in re.split(r"[\s]+", _fold(name)) if t]
    return tokens[:-1], tokens[-1] if tokens else ""


def first_names_agree(a: list[str], b: list[str]) -> bool:
    """Whether two first-name lists can be one person's: equal, one missing, a short form, an initial.

    >>> first_names_agree(["ken"], ["kenneth"]), first_names_agree(["k."], ["kenneth"]), first_names_agree(["ali"], ["amadou"])
    (True, True, False)
    """
    if not a or not b:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    return x == y or (len(x) >= 1 and y.startswith(x) and (len(x) == 1 or len(x) >= 3)) or (
        len(y) >= 1 and x.startswith(y) and (len(y) == 1 or len(y) >= 3)
    )


def merge_people(actors: dict[str, dict]) -> dict[str, str]:
    """Map person ids to one id per person: same surname and agreeing first names.

    The canonical id is the one of the fullest name (most tokens, then longest), so "Ken Ekman"
    and "Kenneth Ekman" become `kenneth-ekman`.
    """
    by_surname: dict[str, list[str]] = defaultdict(list)
    for actor_id, info in actors.items():
        if info["actor_type"] == "person":
            by_surname[_name_parts(info["name"])[1]].append(actor_id)
    mapping: dict[str, str] = {}
    for ids in by_surname.values():
        # A gazetteer person is the canonical one ("Mahamat Déby" from NER is the gazetteer's
        # Mahamat Idriss Déby); among NER names, the fullest.
        ids = sorted(ids, key=lambda i: (actors[i].get("source") != "gazetteer", -len(actors[i]["name"].split()), -len(actors[i]["name"]), i))
        groups: list[list[str]] = []
        for actor_id in ids:
            first = _name_parts(actors[actor_id]["name"])[0]
            for group in groups:
                if first_names_agree(first, _name_parts(actors[group[0]]["name"])[0]):
                    group.append(actor_id)
                    break
            else:
                groups.append([actor_id])
        for group in groups:
            for actor_id in group[1:]:
                if actors[actor_id].get("source") != "gazetteer":  # two gazetteer people stay two
                    mapping[actor_id] = group[0]
    return mapping


def registry_mapping(actors: dict[str, dict], aliases: dict[str, set[str]], registry: pl.DataFrame | None) -> dict[str, str]:
    """Reuse published ids: a new id whose surface forms are aliases of a published actor takes its id."""
    if registry is None or registry.height == 0:
        return {}
    published = {row["actor_id"]: row for row in registry.iter_rows(named=True)}
    by_alias: dict[tuple[str, str], str] = {}
    for actor_id, row in published.items():
        for alias in (row["aliases"] or "").split(" | "):
            if alias:
                by_alias[(row["actor_type"], _fold(alias))] = actor_id
    mapping = {}
    for actor_id, info in actors.items():
        if actor_id in published:
            continue
        for surface in sorted(aliases.get(actor_id, ())):
            target = by_alias.get((info["actor_type"], _fold(surface)))
            if target:
                mapping[actor_id] = target
                break
    return mapping


def _frame(table_name: str, rows: list[dict]) -> pl.DataFrame:
    table = TABLES[table_name]
    # Dates travel as ISO strings (JSON-safe, for the cache) and become dates here.
    dates = [name for name in table.fields if FIELDS[name].type == "date"]
    schema = {name: pl.Utf8 if name in dates else POLARS_TYPES[FIELDS[name].type] for name in table.fields}
    frame = pl.DataFrame([{k: r.get(k) for k in table.fields} for r in rows], schema=schema, orient="row")
    frame = frame.with_columns([pl.col(name).str.to_date("%Y-%m-%d") for name in dates])
    # Readable and deterministic: by article, then position in the file, then id.
    order = [c for c in ("article_id", "char_start") if c in table.fields and c != table.primary_key]
    return frame.sort([*order, table.primary_key])


def build_tables(extractions: Iterable[ArticleExtraction], registry: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """All articles' records -> the five tables, actor ids merged and reused, rows sorted by id."""
    extractions = list(extractions)
    actors: dict[str, dict] = {}
    for ex in extractions:
        for actor_id, info in ex.actors.items():
            # Gazetteer facts win over NER guesses when both name the same id.
            if actor_id not in actors or info.get("source") == "gazetteer":
                actors[actor_id] = dict(info)
    mapping = merge_people(actors)
    aliases: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        for m in ex.mentions:
            aliases[mapping.get(m["actor_id"], m["actor_id"])].add(m["surface"])
    merged = {mapping.get(i, i): info for i, info in actors.items() if mapping.get(i, i) == i}
    reuse = registry_mapping(merged, aliases, registry)
    final = {i: reuse.get(mapping.get(i, i), mapping.get(i, i)) for i in actors}
    if registry is not None:
        for row in registry.iter_rows(named=True):
            if row["actor_id"] in final.values():
                # A published actor keeps its published name, type and country.
                merged[row["actor_id"]] = {k: row[k] for k in ("name", "actor_type", "country")}

    rows: dict[str, list[dict]] = {name: [] for name in TABLE_ORDER}
    for ex in extractions:
        rows["articles"].append(ex.article)
        for m in ex.mentions:
            rows["mentions"].append({**m, "actor_id": final[m["actor_id"]]})
        for e in ex.events:
            rows["events"].append(
                {**e, "actor1_id": final.get(e["actor1_id"], e["actor1_id"]), "actor2_id": final.get(e["actor2_id"], e["actor2_id"])}
            )
        for q in ex.quantities:
            rows["quantities"].append({**q, "actor_id": final.get(q["actor_id"], q["actor_id"])})

    n_mentions: dict[str, int] = defaultdict(int)
    articles_of: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in rows["mentions"]:
        n_mentions[m["actor_id"]] += 1
        articles_of[m["actor_id"]].add(m["article_id"])
        surfaces[m["actor_id"]].add(m["surface"])
    for actor_id in sorted(n_mentions):
        info = merged.get(actor_id) or actors[actor_id]
        rows["actors"].append(
            {
                "actor_id": actor_id,
                "name": info["name"],
                "actor_type": info["actor_type"],
                "country": info.get("country") or None,
                "aliases": " | ".join(sorted(surfaces[actor_id])),
                "n_mentions": n_mentions[actor_id],
                "n_articles": len(articles_of[actor_id]),
            }
        )
    frames = {name: _frame(name, rows[name]) for name in TABLE_ORDER}
    log.info("built tables: %s", ", ".join(f"{n}={f.height}" for n, f in frames.items()))
    return frames
