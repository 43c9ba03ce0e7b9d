"""The single source of truth for the published tables: fields, types, meanings, constraints, keys.

Every column is described once in FIELDS; tables list their columns and keys. The pandera
schemas (`validate.py`), the frictionless table schemas (`datapackage.json`, `schemas/`) and the
codebook (`datapackage/README.md`) are all generated from here, so they cannot disagree.
Knows nothing about how the values are extracted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FieldType = Literal["string", "integer", "number", "date"]

PLOVER_TYPES: dict[str, str] = {
    "AGREE": "A promise or agreement in principle to do something: to cooperate, to sign, to talk.",
    "CONSULT": "Talks, meetings, visits, negotiations, mediation.",
    "SUPPORT": "Signing or concluding an agreement, founding an alliance by treaty, endorsing or backing an actor.",
    "CONCEDE": "Giving way: easing sanctions, releasing, yielding to a demand, admitting.",
    "COOPERATE": "Joint material, security or military action between actors.",
    "AID": "Material, humanitarian or military help sent: instructors, mercenaries, advisers, funds, equipment.",
    "RETREAT": "Withdrawal of troops, personnel or presence; an announced or agreed future withdrawal is RETREAT with modality planned.",
    "REQUEST": "A demand, call or order addressed to another actor, e.g. to leave.",
    "ACCUSE": "Criticism, condemnation, accusations, denunciation of an actor.",
    "REJECT": "Refusals of a demand, proposal or agreement.",
    "THREATEN": "Threats of sanctions, force or other harm.",
    "PROTEST": "Demonstrations and public protest actions.",
    "SANCTION": "Punitive measures short of force: expelling forces or diplomats, ending or denouncing a cooperation agreement, cutting ties, sanctions, closing borders or airspace.",
    "MOBILIZE": "Troop or weapons movements, deployments and alerts short of force.",
    "COERCE": "Seizures of power without reported armed violence, arrests, expulsions of individuals, bans.",
    "ASSAULT": "Armed violence: attacks, bombings, killings, armed coups.",
    "OTHER": "An event of interest that fits none of the categories above.",
}

ACTOR_TYPES = {
    "country": "A state acting as such (its government, officials, troops or capital used as a metonym).",
    "government": "A governing body named as such: a junta, a ministry, a presidency, a ruling council.",
    "military": "A named armed institution: a national army, a command, a service, a named operation.",
    "person": "A named individual.",
    "organization": "A named non-state organisation, international body or company acting in an event.",
    "armed_group": "A non-state armed group: jihadist, rebel, militia or private military company.",
    "coalition": "An alliance or coalition of states or forces.",
}

UNITS = {
    "person": "People counted: soldiers, troops, elements, instructors, the dead and wounded.",
    "USD": "United States dollars.",
    "EUR": "Euros.",
    "XOF": "West African CFA francs.",
    "tonne": "Metric tonnes.",
    "km": "Kilometres.",
    "hour": "Hours (a duration, not a time of day).",
    "day": "Days (a duration).",
    "week": "Weeks (a duration).",
    "month": "Months (a duration).",
    "year": "Years (a duration).",
    "percent": "A percentage: 60 for 60 %.",
    "ratio": "A share written as a fraction: 0.6667 for two thirds.",
    "item": "Any other counted thing: bases, generators, drones, vehicles.",
}

QUALIFIERS = {
    "exact": "The number as stated.",
    "approx": "An approximation: près de, environ, quelque, une centaine.",
    "at_least": "A lower bound: plus de, au moins.",
    "at_most": "An upper bound: moins de, jusqu'à.",
}

PRECISIONS = {"year": "Only the year is known.", "month": "Year and month are known.", "day": "The full date is known."}

PUBLISHED_BASES = {
    "header": "From a leading ` date YYYY-MM` marker or front matter.",
    "inferred": "No header: the month of the most recent already-past full date the text reports (a lower bound).",
    "unknown": "Neither a header nor an inferable date.",
}

MODALITIES = {
    "occurred": "The event happened (or is happening) as reported.",
    "planned": "Announced, intended, ordered for later, or a deadline.",
}

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ISO_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    description: str
    required: bool = True
    unique: bool = False
    enum: dict[str, str] | None = None
    pattern: str | None = None
    minimum: float | None = None
    example: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    field: str
    table: str
    table_field: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[str, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...] = ()
    descriptions: dict[str, str] = field(default_factory=dict)  # per-table wording of a shared field
    optional: tuple[str, ...] = ()  # shared fields that may be null in this table only


def _fields(*fs: Field) -> dict[str, Field]:
    return {f.name: f for f in fs}


FIELDS: dict[str, Field] = _fields(
    # identifiers
    Field("article_id", "string", "Slug of the file's path inside its corpus folder, without the extension; stable.", pattern=ID_PATTERN, example="003-55adfb9b52fdbeb3"),
    Field("actor_id", "string", "Slug of the actor's canonical English name; once published, never changes.", pattern=ID_PATTERN, example="united-states"),
    Field("event_id", "string", "`<article_id>-e-<char_start of the trigger in the raw file>`; stable.", pattern=ID_PATTERN),
    Field("quantity_id", "string", "`<article_id>-q-<char_start of the quantity phrase in the raw file>`; stable.", pattern=ID_PATTERN),
    Field("mention_id", "string", "`<article_id>-m-<char_start of the surface in the raw file>`; stable.", pattern=ID_PATTERN),
    Field("actor1_id", "string", "The actor who acts.", required=False, pattern=ID_PATTERN),
    Field("actor2_id", "string", "The target or counterpart of the event; when its sentence names none, the state the article is mainly about.", required=False, pattern=ID_PATTERN),
    # articles
    Field("source_path", "string", "The corpus folder's name and the file's path inside it.", example="seeds/003_55adfb9b52fdbeb3.txt"),
    Field("title", "string", "The headline: a `#` heading, an `<h1>`, front matter, or a first line that is a title.", required=False),
    Field("published", "string", "Publication date at its precision (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD).", required=False, pattern=ISO_PARTIAL_DATE),
    Field("published_precision", "string", "Precision of `published`.", required=False, enum=PRECISIONS),
    Field("published_basis", "string", "Where `published` comes from.", enum=PUBLISHED_BASES),
    Field("url", "string", "The article's URL, from front matter.", required=False),
    Field("outlet", "string", "The publishing outlet, from front matter.", required=False),
    Field("language", "string", "ISO 639-1 code of the article's language, detected from its text.", pattern=r"^[a-z]{2}$"),
    Field("n_chars", "integer", "Characters in the cleaned body text (markup, header marker and boilerplate removed).", minimum=0),
    Field("n_words", "integer", "Whitespace-separated words in the cleaned body text.", minimum=0),
    Field("n_sentences", "integer", "Sentences in the cleaned body text.", minimum=0),
    Field("sha256", "string", "Hex SHA-256 digest of the raw file bytes.", pattern=r"^[0-9a-f]{64}$"),
    # actors
    Field("name", "string", "Canonical name, in English."),
    Field("actor_type", "string", "What kind of actor this is.", enum=ACTOR_TYPES),
    Field("country", "string", "ISO 3166-1 alpha-3 code of the actor's state; null for supranational actors.", required=False, pattern=r"^[A-Z]{3}$"),
    Field(
        "aliases", "string",
        "Every surface form seen in the corpus, ` | `-separated, sorted; null for an actor no mention names, "
        "which an event or a quantity refers to (the state of a capital visited, the state an unnamed office "
        "holder acts for).",
        required=False,
    ),
    Field("n_mentions", "integer", "Number of mentions of the actor in the corpus.", minimum=0),
    Field("n_articles", "integer", "Number of articles that mention the actor.", minimum=0),
    # shared provenance
    Field("surface", "string", "The text as written in the raw file."),
    Field("evidence", "string", "The sentence the row comes from, verbatim from the raw file."),
    Field("char_start", "integer", "0-based start offset in the raw file decoded as UTF-8 with no other change.", minimum=0),
    Field("char_end", "integer", "End offset (exclusive) in the raw file: raw[char_start:char_end] is the quoted text.", minimum=0),
    # events
    Field("date", "string", "When the event happened or is due, ISO 8601 at its precision.", required=False, pattern=ISO_PARTIAL_DATE),
    Field("date_precision", "string", "Precision of `date`.", required=False, enum=PRECISIONS),
    Field("date_start", "date", "First day of the period `date` covers.", required=False),
    Field("date_end", "date", "Last day of the period `date` covers.", required=False),
    Field("event_type", "string", "PLOVER 2.0 event category (as read by the contract).", enum=PLOVER_TYPES),
    Field("modality", "string", "Whether the event occurred or is planned.", enum=MODALITIES),
    Field("location", "string", "Place where the event happened, as written.", required=False),
    Field(
        "trigger", "string",
        "The word or phrase that signals the event, as written; for a second act told on the same verb "
        "(\"a suspendu RFI en décembre, puis France 24 en mars\"), the object that names it.",
    ),
    # quantities
    Field("value", "number", "The number (a range's lower bound)."),
    Field("value_max", "number", "Upper bound of a range; null otherwise.", required=False),
    Field("unit", "string", "Normalised unit of the counted thing.", enum=UNITS),
    Field("qualifier", "string", "How exact the number is.", enum=QUALIFIERS),
    Field("counted", "string", "The counted noun as written; null when the phrase names none (\"50 %\").", required=False),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "articles",
            "Articles",
            "One row per input file.",
            ("article_id", "source_path", "title", "published", "published_precision", "published_basis", "url", "outlet",
             "language", "n_chars", "n_words", "n_sentences", "sha256"),
            "article_id",
        ),
        Table(
            "actors",
            "Actors",
            "One row per real-world actor, merged across articles and surface forms.",
            ("actor_id", "name", "actor_type", "country", "aliases", "n_mentions", "n_articles"),
            "actor_id",
        ),
        Table(
            "mentions",
            "Actor mentions",
            "One row per actor mention in an article.",
            ("mention_id", "article_id", "actor_id", "surface", "char_start", "char_end"),
            "mention_id",
            (ForeignKey("article_id", "articles", "article_id"), ForeignKey("actor_id", "actors", "actor_id")),
            {"char_start": "Start offset of `surface` in the raw file.", "char_end": "End offset (exclusive) of `surface` in the raw file."},
        ),
        Table(
            "events",
            "Events",
            "One row per event reported in an article.",
            ("event_id", "article_id", "date", "date_precision", "date_start", "date_end", "event_type", "modality",
             "actor1_id", "actor2_id", "location", "trigger", "evidence", "char_start", "char_end"),
            "event_id",
            (
                ForeignKey("article_id", "articles", "article_id"),
                ForeignKey("actor1_id", "actors", "actor_id"),
                ForeignKey("actor2_id", "actors", "actor_id"),
            ),
            {"char_start": "Start offset of `evidence` in the raw file.", "char_end": "End offset (exclusive) of `evidence` in the raw file."},
        ),
        Table(
            "quantities",
            "Quantities",
            "One row per numeric claim.",
            ("quantity_id", "article_id", "value", "value_max", "unit", "qualifier", "counted", "actor_id", "surface",
             "evidence", "char_start", "char_end"),
            "quantity_id",
            (ForeignKey("article_id", "articles", "article_id"), ForeignKey("actor_id", "actors", "actor_id")),
            {
                "actor_id": "Whose quantity, when the sentence says; null otherwise.",
                "surface": "The quantity phrase as written, a substring of `evidence`.",
                "char_start": "Start offset of `evidence` in the raw file.",
                "char_end": "End offset (exclusive) of `evidence` in the raw file.",
            },
            optional=("actor_id",),
        ),
    )
}

# Tables are written, validated and documented in this order (parents before children).
TABLE_ORDER = ("articles", "actors", "mentions", "events", "quantities")


def table_field(table: Table, name: str) -> Field:
    """The field as this table uses it (nullable where the table says, its own wording)."""
    f = FIELDS[name]
    description = table.descriptions.get(name, f.description)
    required = f.required and name not in table.optional
    return Field(f.name, f.type, description, required, name == table.primary_key, f.enum, f.pattern, f.minimum, f.example)


def frictionless_schema(table_name: str) -> dict:
    """The frictionless Table Schema descriptor of a table."""
    table = TABLES[table_name]
    fields = []
    for name in table.fields:
        f = table_field(table, name)
        d: dict = {"name": f.name, "type": f.type, "description": f.description}
        constraints: dict = {}
        if f.required:
            constraints["required"] = True
        if f.unique:
            constraints["unique"] = True
        if f.enum:
            constraints["enum"] = list(f.enum)
        if f.pattern:
            constraints["pattern"] = f.pattern
        if f.minimum is not None:
            constraints["minimum"] = int(f.minimum) if f.type == "integer" else f.minimum
        if constraints:
            d["constraints"] = constraints
        if f.type == "number":
            d["bareNumber"] = True
        fields.append(d)
    schema: dict = {"fields": fields, "primaryKey": [table.primary_key], "missingValues": [""]}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [fk.field], "reference": {"resource": fk.table, "fields": [fk.table_field]}} for fk in table.foreign_keys
        ]
    return schema


def write_schemas(folder) -> list:
    """Write `schemas/<table>.schema.json`: the frictionless table schemas, for people to read."""
    import json
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLE_ORDER:
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(frictionless_schema(name), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    import sys

    for p in write_schemas(sys.argv[1] if len(sys.argv) > 1 else "schemas"):
        print(p)
