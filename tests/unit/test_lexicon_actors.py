"""Checks on the curated actor gazetteer (lexicons/actors.csv, lexicons/actor_aliases.csv)."""

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

LEXICONS = Path(__file__).resolve().parents[2] / "src" / "sahel_data" / "lexicons"
ACTORS_CSV = LEXICONS / "actors.csv"
ALIASES_CSV = LEXICONS / "actor_aliases.csv"

ACTOR_COLUMNS = ["actor_id", "name", "actor_type", "country", "role", "source"]
ALIAS_COLUMNS = ["actor_id", "alias", "alias_kind", "example"]
ACTOR_TYPES = {
    "country",
    "government",
    "military",
    "person",
    "organization",
    "armed_group",
    "coalition",
}
ALIAS_KINDS = {"name", "acronym", "metonym", "demonym", "titled"}
# types whose rows stand for a body of one state: they need a country and a role
STATE_BOUND_TYPES = {"country", "government", "military"}
LEADING_ARTICLES = ("le ", "la ", "les ", "l'", "l’", "un ", "une ", "des ")
TITLES = (
    "président",
    "présidente",
    "général",
    "colonel",
    "capitaine",
    "lieutenant",
    "commandant",
    "maréchal",
    "ministre",
    "premier ministre",
    "m.",
    "mme",
    "monsieur",
    "madame",
    "roi",
)


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive key, as a lenient matcher would compare."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def ascii_id(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return (
        "".join(c for c in text if not unicodedata.combining(c)).encode("ascii", "replace").decode()
    )


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


ACTOR_HEADER, ACTORS = read(ACTORS_CSV)
ALIAS_HEADER, ALIASES = read(ALIASES_CSV)
ACTOR_IDS = {row["actor_id"] for row in ACTORS}
ACTORS_BY_ID = {row["actor_id"]: row for row in ACTORS}

actor_rows = pytest.mark.parametrize("row", ACTORS, ids=[r["actor_id"] for r in ACTORS])
alias_rows = pytest.mark.parametrize(
    "row", ALIASES, ids=[f"{r['actor_id']}:{ascii_id(r['alias'])}" for r in ALIASES]
)


# ----------------------------------------------------------------------------- files
@pytest.mark.parametrize("path", [ACTORS_CSV, ALIASES_CSV], ids=lambda p: p.name)
def test_file_is_utf8_with_unix_line_ends(path):
    text = path.read_bytes().decode("utf-8")
    assert not text.startswith("\ufeff"), "no BOM"
    assert "\r" not in text, "line ends must be \\n"
    assert text.endswith("\n")


def test_headers():
    assert ACTOR_HEADER == ACTOR_COLUMNS
    assert ALIAS_HEADER == ALIAS_COLUMNS


def test_actor_ids_unique():
    ids = [row["actor_id"] for row in ACTORS]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes


def test_alias_rows_unique():
    seen = defaultdict(int)
    for row in ALIASES:
        seen[(row["actor_id"], row["alias"])] += 1
    assert not [k for k, n in seen.items() if n > 1]


def test_slug_function():
    assert slug("Côte d'Ivoire") == "cote-d-ivoire"
    assert slug("Assimi Goïta") == "assimi-goita"
    assert slug("United States") == "united-states"


# ----------------------------------------------------------------------------- actors
@actor_rows
def test_actor_id_is_slug_of_name(row):
    assert row["actor_id"] == slug(row["name"])


@actor_rows
def test_actor_type_allowed(row):
    assert row["actor_type"] in ACTOR_TYPES


@actor_rows
def test_country_code(row):
    assert row["country"] == "" or re.fullmatch(r"[A-Z]{3}", row["country"])


@actor_rows
def test_state_bound_rows_have_country_and_role(row):
    if row["actor_type"] in STATE_BOUND_TYPES:
        assert row["country"], "state-bound actor needs its state's code"
        assert row["role"], "state-bound actor needs a role"
    if row["actor_type"] == "country":
        assert row["role"] == "state"


@actor_rows
def test_actor_has_source(row):
    assert row["source"].strip()


@actor_rows
def test_actor_has_an_alias(row):
    assert any(a["actor_id"] == row["actor_id"] for a in ALIASES)


def test_one_country_row_per_code():
    codes = [r["country"] for r in ACTORS if r["actor_type"] == "country"]
    assert len(codes) == len(set(codes))


def test_state_bound_countries_have_a_state_row():
    states = {r["country"] for r in ACTORS if r["actor_type"] == "country"}
    missing = {
        r["actor_id"]: r["country"]
        for r in ACTORS
        if r["actor_type"] in {"government", "military"} and r["country"] not in states
    }
    assert not missing


# ----------------------------------------------------------------------------- aliases
@alias_rows
def test_alias_actor_exists(row):
    assert row["actor_id"] in ACTOR_IDS


@alias_rows
def test_alias_kind_allowed(row):
    assert row["alias_kind"] in ALIAS_KINDS


@alias_rows
def test_alias_occurs_in_example(row):
    alias, example = row["alias"], row["example"]
    assert alias in example
    # as a whole token sequence, not inside a longer word
    assert re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", example), (alias, example)


@alias_rows
def test_alias_is_clean(row):
    alias = row["alias"]
    assert alias == alias.strip() and "  " not in alias and alias
    assert not alias.lower().startswith(LEADING_ARTICLES), "no leading article"


@alias_rows
def test_demonyms_are_lowercase(row):
    if row["alias_kind"] == "demonym":
        assert row["alias"] == row["alias"].lower()


@alias_rows
def test_person_aliases_carry_no_title(row):
    if row["alias_kind"] == "titled":
        assert any(row["alias"].lower().startswith(t + " ") for t in TITLES), "a titled alias starts with a title"
        return
    if ACTORS_BY_ID.get(row["actor_id"], {}).get("actor_type") == "person":
        lowered = row["alias"].lower()
        assert not any(lowered == t or lowered.startswith(t + " ") for t in TITLES)


def test_no_alias_maps_to_two_actors():
    """An alias resolves to one actor (compared case-, accent- and apostrophe-insensitively).

    Only demonyms may be shared between actors."""
    owners = defaultdict(set)
    for row in ALIASES:
        owners[fold(row["alias"])].add((row["actor_id"], row["alias_kind"]))
    clashes = {
        key: sorted(v)
        for key, v in owners.items()
        if len({aid for aid, _ in v}) > 1 and any(kind != "demonym" for _, kind in v)
    }
    assert not clashes


def test_one_row_per_state_and_role():
    """A generic phrase ("le ministère de la Défense", "l'armée") + a state picks one row."""
    seen = defaultdict(list)
    for r in ACTORS:
        if r["actor_type"] in STATE_BOUND_TYPES:
            seen[(r["country"], r["role"])].append(r["actor_id"])
    assert not {k: v for k, v in seen.items() if len(v) > 1}


# ----------------------------------------------------------------------------- nouns and roles
def _rows(name: str) -> list[dict[str, str]]:
    with (LEXICONS / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


NOUNS = _rows("actor_nouns.csv")
ROLES = {r["role"]: r for r in _rows("actor_roles.csv")}


def _mentions_after_context(example: str, nlp):
    """Mentions in `example`, read after a sentence naming Niger (the state a role noun alone names)."""
    from sahel_data.extract.actors import find_mentions, focus_states

    context = "Le Niger a répondu. "
    doc = nlp(context + example)
    return [(doc[m.start : m.end].text, m.actor) for m in find_mentions(doc, nlp, focus_states([doc], nlp)) if doc[m.start].idx >= len(context)]


@pytest.mark.parametrize("row", NOUNS, ids=[f"{r['head']} {r['tail']}".strip() for r in NOUNS])
def test_actor_noun_example_names_an_actor_of_its_role(row, nlp):
    assert row["role"] == "state" or row["role"] in ROLES, "role missing from actor_roles.csv"
    found = [(text, actor) for text, actor in _mentions_after_context(row["example"], nlp) if text.lower().startswith(row["head"].lower())]
    assert found, f"no mention starting with {row['head']!r} in {row['example']!r}"
    _, actor = found[0]
    if row["role"] == "state":
        assert actor.actor_type == "country"
    else:
        prefix = ROLES[row["role"]]["id_pattern"].split("{")[0]
        gazetteer_row = ACTORS_BY_ID.get(actor.actor_id)
        assert actor.actor_id.startswith(prefix) or (gazetteer_row and gazetteer_row["role"] == row["role"])


@pytest.mark.parametrize("role", sorted(ROLES))
def test_actor_role_row_is_well_formed_and_its_example_names_it(role, nlp):
    row = ROLES[role]
    assert "{state}" in row["id_pattern"] and "{name}" in row["name_pattern"]
    assert row["actor_type"] in ACTOR_TYPES
    ids = [actor.actor_id for _, actor in _mentions_after_context(row["example"], nlp)]
    assert any(i == row["id_pattern"].format(state=s) for i in ids for s in ACTOR_IDS), ids


# ----------------------------------------------------------------------------- descriptions naming an actor again
ANAPHORS = _rows("actor_anaphors.csv")


@pytest.mark.parametrize("row", ANAPHORS, ids=[f"{r['head']} {r['modifiers']}" for r in ANAPHORS])
def test_anaphor_example_names_again_an_actor_of_its_kind(row, nlp):
    from sahel_data.extract.actors import find_mentions, focus_states, resolve_anaphors

    kinds = {r["actor_type"] for r in ACTORS} | {r["role"] for r in ACTORS if r["role"]} | {"state"}
    assert set(row["refers_to"].split("|")) <= kinds, "refers_to names no actor type or role of actors.csv"
    assert row["mention"] in {"yes", "no"}
    doc = nlp(row["example"])
    (mentions,) = resolve_anaphors([doc], [find_mentions(doc, nlp, focus_states([doc], nlp))])
    # a capitalised head ("L'ONG", "la Confédération") is a short name: a mention row whatever the column says
    found = [
        m for m in mentions
        if doc[m.start].lower_ == row["head"]
        and m.kind == ("description" if row["mention"] == "yes" or doc[m.start].text[:1].isupper() else "anaphor")
    ]
    assert found, f"no description headed by {row['head']!r} resolved in {row['example']!r}"
    actor = ACTORS_BY_ID[found[0].actor.actor_id]
    expected = {"country"} if row["refers_to"] == "state" else set(row["refers_to"].split("|"))
    assert {actor["actor_type"], actor["role"]} & expected
