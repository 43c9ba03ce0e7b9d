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
from dataclasses import dataclass, field, fields

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
        # The rows are JSON-safe already: no deep copy (dataclasses.asdict) on the way out.
        return json.dumps({f.name: getattr(self, f.name) for f in fields(self)}, ensure_ascii=False, sort_keys=True)

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
    for short, full in _shortened_names(actors).items():
        mapping.setdefault(short, mapping.get(full, full))
    return mapping


# Words that join a name's parts ("Ould", "Ag"): a name cut after one is no shorter name.
NAME_PARTICLES = {"de", "du", "al", "ag", "ould", "ben", "bin", "ibn", "el", "von", "van", "abd", "abdel"}


def _shortened_names(actors: dict[str, dict]) -> dict[str, str]:
    """A person named by the first words of exactly one other person's longer name ("Ali Bongo"
    and "Ali Bongo Ondimba", "Yaya Dillo" and "Yaya Dillo Djérou"): one person, under the longer
    name. Only the first words: "Idriss Déby Itno" is the end of his son's name, "Mahamat Idriss
    Déby Itno"."""
    tokens = {
        actor_id: tuple(_fold(info["name"]).replace("-", " ").split())
        for actor_id, info in actors.items()
        if info["actor_type"] == "person"
    }
    # first words -> the people whose longer names start with them (one pass, not all pairs:
    # a corpus may name tens of thousands of people)
    longer: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for actor_id, words in tokens.items():
        for k in range(2, len(words)):
            longer[words[:k]].add(actor_id)
    out = {}
    for actor_id, words in tokens.items():
        if len(words) < 2 or words[-1] in NAME_PARTICLES or actors[actor_id].get("source") == "gazetteer":
            continue
        if len(longer.get(words, ())) == 1:
            out[actor_id] = next(iter(longer[words]))
    return out


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


# Tables built per article (the actors table needs the whole corpus), and the actors each
# article names, in the order it names them (the first description of an actor wins).
PART_TABLES = ("articles", "mentions", "events", "quantities")
ACTOR_INFO_SCHEMA = {
    "article_id": pl.Utf8, "k": pl.Int64, "actor_id": pl.Utf8, "name": pl.Utf8, "actor_type": pl.Utf8,
    "country": pl.Utf8, "source": pl.Utf8,
}


@dataclass
class TableParts:
    """Some articles' rows as polars frames: spec columns, dates still ISO text, not sorted.

    A batch of extractions becomes one of these as soon as it is extracted (or read from the
    cache), so the corpus is held as compact columns rather than millions of dicts.
    """

    frames: dict[str, pl.DataFrame]

    @property
    def n_articles(self) -> int:
        return self.frames["articles"].height


def _schema(table_name: str) -> dict[str, pl.DataType]:
    # Dates travel as ISO strings (JSON-safe, for the cache) and become dates in the tables.
    return {n: pl.Utf8 if FIELDS[n].type == "date" else POLARS_TYPES[FIELDS[n].type] for n in TABLES[table_name].fields}


def _rows_frame(table_name: str, rows: list[dict]) -> pl.DataFrame:
    fields = TABLES[table_name].fields
    return pl.DataFrame([{k: r.get(k) for k in fields} for r in rows], schema=_schema(table_name), orient="row")


def table_parts(extractions: Iterable[ArticleExtraction]) -> TableParts:
    """Per-article records -> TableParts (one frame per table, and the actors each article names)."""
    rows: dict[str, list[dict]] = {name: [] for name in PART_TABLES}
    infos: list[dict] = []
    for ex in extractions:
        rows["articles"].append(ex.article)
        rows["mentions"].extend(ex.mentions)
        rows["events"].extend(ex.events)
        rows["quantities"].extend(ex.quantities)
        article_id = ex.article.get("article_id")
        for k, (actor_id, info) in enumerate(ex.actors.items()):
            infos.append({"article_id": article_id, "k": k, "actor_id": actor_id, **{f: info.get(f) for f in ("name", "actor_type", "country", "source")}})
    frames = {name: _rows_frame(name, rows[name]) for name in PART_TABLES}
    frames["actor_infos"] = pl.DataFrame(infos, schema=ACTOR_INFO_SCHEMA, orient="row")
    return TableParts(frames)


def _sorted_table(table_name: str, frame: pl.LazyFrame | pl.DataFrame) -> pl.DataFrame:
    table = TABLES[table_name]
    dates = [name for name in table.fields if FIELDS[name].type == "date"]
    frame = frame.lazy().select(table.fields).with_columns([pl.col(name).str.to_date("%Y-%m-%d") for name in dates])
    # Readable and deterministic: by article, then position in the file, then id.
    order = [c for c in ("article_id", "char_start") if c in table.fields and c != table.primary_key]
    return frame.sort([*order, table.primary_key]).collect()


def _concat(parts: list[TableParts], name: str, schema: dict) -> pl.DataFrame:
    """One table from every part, each part's frame let go as it is taken (the parts are used up)."""
    frames = [p.frames.pop(name) for p in parts]
    return pl.concat(frames, how="vertical", rechunk=False) if frames else pl.DataFrame(schema=schema)


def build_tables(extractions: Iterable[ArticleExtraction], registry: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """All articles' records -> the five tables, actor ids merged and reused, rows sorted by id."""
    return build_tables_from_parts([table_parts(extractions)], registry=registry)


def build_tables_from_parts(
    parts: list[TableParts], article_order: list[str] | None = None, registry: pl.DataFrame | None = None
) -> dict[str, pl.DataFrame]:
    """Every article's TableParts -> the five tables, actor ids merged and reused, rows sorted by id.

    The parts are used up (their frames are let go as the tables are assembled: at thousands
    of articles, two copies of every row would not fit the memory budget). `article_order` is the corpus's order of articles (parts may come in any order, e.g. cache
    hits first): when an actor is described differently by two articles, the first one in the
    corpus wins, unless a later one comes from the gazetteer. Without it, the parts' order counts.
    """
    cat = {name: _concat(parts, name, _schema(name)) for name in PART_TABLES}
    infos = _concat(parts, "actor_infos", ACTOR_INFO_SCHEMA)
    if article_order is not None:
        found = cat["articles"]["article_id"]
        if found.len() != len(article_order) or set(found.to_list()) != set(article_order):
            missing = sorted(set(article_order) - set(found.to_list()))
            raise RuntimeError(f"no extraction came back for {len(missing)} articles (e.g. {missing[:3]}); rerun the release")
        position = {article_id: i for i, article_id in enumerate(article_order)}
        infos = infos.with_columns(pl.col("article_id").replace_strict(position, return_dtype=pl.Int64).alias("_pos")).sort(
            ["_pos", "k"], maintain_order=True
        )

    actors: dict[str, dict] = {}
    for actor_id, name, actor_type, country, source in infos.select("actor_id", "name", "actor_type", "country", "source").iter_rows():
        # Gazetteer facts win over NER guesses when both name the same id.
        if actor_id not in actors or source == "gazetteer":
            actors[actor_id] = {"name": name, "actor_type": actor_type, "country": country, "source": source}
    mapping = merge_people(actors)
    aliases: dict[str, set[str]] = defaultdict(set)
    for actor_id, surface in cat["mentions"].select("actor_id", "surface").unique().iter_rows():
        aliases[mapping.get(actor_id, actor_id)].add(surface)
    merged = {mapping.get(i, i): info for i, info in actors.items() if mapping.get(i, i) == i}
    reuse = registry_mapping(merged, aliases, registry)
    final = {i: reuse.get(mapping.get(i, i), mapping.get(i, i)) for i in actors}
    if registry is not None:
        for row in registry.iter_rows(named=True):
            if row["actor_id"] in final.values():
                # A published actor keeps its published name, type and country.
                merged[row["actor_id"]] = {k: row[k] for k in ("name", "actor_type", "country")}

    # Every mention's actor is described by its article (a KeyError here is a bug upstream).
    mentions = cat.pop("mentions").with_columns(pl.col("actor_id").replace_strict(final, return_dtype=pl.Utf8))
    events = cat.pop("events").lazy().with_columns(pl.col("actor1_id").replace(final), pl.col("actor2_id").replace(final))
    quantities = cat.pop("quantities").lazy().with_columns(pl.col("actor_id").replace(final))

    counts = mentions.group_by("actor_id").agg(
        pl.len().alias("n_mentions"), pl.col("article_id").n_unique().alias("n_articles"), pl.col("surface").unique().alias("surfaces")
    )
    seen: dict[str, tuple[int, int, str | None]] = {
        actor_id: (n_mentions, n_articles, " | ".join(sorted(surfaces))) for actor_id, n_mentions, n_articles, surfaces in counts.iter_rows()
    }
    # An actor an event or a quantity names that no mention names (the state of a capital
    # visited, the state an unnamed office holder acts for) is still an actor: the rows that
    # refer to it must find it (zero mentions, no surface form).
    named = events.select("actor1_id", "actor2_id").collect()
    referenced = {*named["actor1_id"].drop_nulls(), *named["actor2_id"].drop_nulls(), *quantities.select("actor_id").collect()["actor_id"].drop_nulls()}
    for actor_id in referenced - seen.keys():
        seen[actor_id] = (0, 0, None)
    actor_rows = []
    for actor_id in sorted(seen):
        n_mentions, n_articles, aliases = seen[actor_id]
        info = merged.get(actor_id) or actors[actor_id]
        actor_rows.append(
            {
                "actor_id": actor_id,
                "name": info["name"],
                "actor_type": info["actor_type"],
                "country": info.get("country") or None,
                "aliases": aliases,
                "n_mentions": n_mentions,
                "n_articles": n_articles,
            }
        )
    frames = {
        "articles": _sorted_table("articles", cat.pop("articles")),
        "actors": _sorted_table("actors", _rows_frame("actors", actor_rows)),
        "mentions": _sorted_table("mentions", mentions),
        "events": _sorted_table("events", events),
        "quantities": _sorted_table("quantities", quantities),
    }
    frames = {name: frames[name] for name in TABLE_ORDER}
    log.info("built tables: %s", ", ".join(f"{n}={f.height}" for n, f in frames.items()))
    return frames
