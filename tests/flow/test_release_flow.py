"""End to end: the Prefect flow and the CLI, on the seeds and on bad corpora."""

from __future__ import annotations

import json
import shutil

import pytest

from sahel_data.cli import main
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.flow


@pytest.fixture(scope="session", autouse=True)
def prefect_server():
    """One ephemeral Prefect server for every flow test (starting one costs about 10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seeds_release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "datapackage"
    from sahel_data.flows import run_release

    info = run_release(SEEDS, out, cache_dir=None)
    return out, info


def test_flow_seeds_equals_committed_datapackage(seeds_release):
    out, info = seeds_release
    assert info.changed and info.version == "1.0.0"
    committed = ROOT / "datapackage"
    for name in ["articles.csv", "actors.csv", "mentions.csv", "events.csv", "quantities.csv", "README.md"]:
        assert (out / name).read_bytes() == (committed / name).read_bytes(), f"{name} differs: run `make release` and commit datapackage/"
    fresh = json.loads((out / "datapackage.json").read_text())
    old = json.loads((committed / "datapackage.json").read_text())
    for meta in (fresh, old):
        meta.pop("created")
        meta.pop("version")
    assert fresh == old


def test_flow_output_passes_frictionless_offline(seeds_release):
    from frictionless import Package

    out, _ = seeds_release
    assert Package(str(out / "datapackage.json")).validate().valid


def test_flow_rerun_same_inputs_up_to_date(seeds_release, capsys):
    out, _ = seeds_release
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(["release", "--corpus", str(SEEDS), "--out", str(out), "--no-cache"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_release_bad_files_exit_1_names_each_previous_intact(seeds_release, tmp_path, capsys):
    published, _ = seeds_release
    out = tmp_path / "pkg"
    shutil.copytree(published, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "latin1.txt").write_bytes("Le retrait des soldats fran\xe7ais.".encode("latin-1"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.bin").write_bytes(b"\x89PNG\x00\x00\x01")
    assert main(["release", "--corpus", str(corpus), "--out", str(out), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "corpus/latin1.txt: not valid UTF-8 at byte" in err
    assert "corpus/empty.txt: the file is empty" in err
    assert "corpus/binary.bin: the file is binary" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_release_skip_invalid_publishes_the_rest(tmp_path, make_corpus):
    corpus = make_corpus({
        "ok.txt": " date 2024-05 Le Mali a quitté la CEDEAO le 28 janvier 2024.",
        "bad.txt": b"\xff\xfe\x00garbage",
    })
    out = tmp_path / "new" / "pkg"
    assert main(["release", "--corpus", str(corpus), "--out", str(out), "--skip-invalid", "--no-cache"]) == 0
    articles = (out / "articles.csv").read_text()
    assert "corpus/ok.txt" in articles and "bad.txt" not in articles


def test_cli_validate_committed_package_ok_and_broken_copy_fails(tmp_path, capsys):
    assert main(["validate", str(ROOT / "datapackage"), "--corpus", str(SEEDS)]) == 0
    assert "provenance:" in capsys.readouterr().out
    broken = tmp_path / "datapackage"
    shutil.copytree(ROOT / "datapackage", broken)
    text = (broken / "events.csv").read_text().replace(",RETREAT,", ",WITHDRAW,", 1)
    (broken / "events.csv").write_text(text)
    assert main(["validate", str(broken), "--corpus", str(SEEDS)]) == 1
    assert "FAIL pandera" in capsys.readouterr().out


def test_cli_extract_prints_rows_per_table(capsys):
    assert main(["extract", str(SEEDS / "003_55adfb9b52fdbeb3.txt")]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert set(rows) == {"articles", "actors", "mentions", "events", "quantities"}
    assert rows["articles"][0]["published"] == "2024-06"
    raw = (SEEDS / "003_55adfb9b52fdbeb3.txt").read_bytes().decode("utf-8")
    assert all(raw[m["char_start"] : m["char_end"]] == m["surface"] for m in rows["mentions"])


def test_flow_new_article_minor_bump_changelog_names_rows(tmp_path):
    from sahel_data.flows import run_release

    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "datapackage"
    assert run_release(corpus, out, cache_dir=tmp_path / "cache").version == "1.0.0"
    (corpus / "005_new.txt").write_text(
        " date 2024-07 Le Tchad a expulsé l'ambassadeur du Niger le 3 juillet. Près de 500 soldats tchadiens ont quitté la capitale.\n",
        encoding="utf-8",
    )
    info = run_release(corpus, out, cache_dir=tmp_path / "cache")
    assert info.version == "1.1.0"
    log = (out / "CHANGELOG.md").read_text()
    assert "## 1.1.0" in log and "005-new-e-" in log and "005-new-q-" in log


def test_flow_local_dask_cluster_two_workers_same_bytes(seeds_release, tmp_path):
    from sahel_data.flows import run_release

    single, _ = seeds_release
    out = tmp_path / "dask"
    run_release(SEEDS, out, cache_dir=None, workers=2, runner="dask")
    for name in ["articles.csv", "actors.csv", "mentions.csv", "events.csv", "quantities.csv", "README.md"]:
        assert (out / name).read_bytes() == (single / name).read_bytes(), name


def test_flow_cache_warm_run_same_bytes(tmp_path):
    from sahel_data.flows import run_release

    cache = tmp_path / "cache"
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    run_release(SEEDS, cold, cache_dir=cache)
    assert any(cache.rglob("*.json"))
    run_release(SEEDS, warm, cache_dir=cache)
    for name in ["articles.csv", "actors.csv", "mentions.csv", "events.csv", "quantities.csv"]:
        assert (cold / name).read_bytes() == (warm / name).read_bytes(), name


def test_flow_prefect_walks_no_article_or_row_inputs_same_visits_any_corpus_size(tmp_path, monkeypatch):
    """Prefect visits every element of a task's list/dict/dataclass inputs (seconds per stage at
    thousands of articles): the flow quotes them, so Prefect never walks into articles or rows."""
    import prefect.utilities.collections as collections

    from sahel_data.flows import run_release

    visits = 0
    original = collections.visit_collection

    def counting(*args, **kwargs):
        nonlocal visits
        visits += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(collections, "visit_collection", counting)  # nested visits go through it
    seeds = sorted(SEEDS.glob("*.txt"))
    counts = []
    for name, copies in (("one", [seeds[:1]]), ("many", [seeds, seeds])):
        corpus = tmp_path / name
        for k, files in enumerate(copies):
            (corpus / str(k)).mkdir(parents=True)
            for f in files:
                shutil.copy(f, corpus / str(k) / f.name)
        visits = 0
        run_release(corpus, tmp_path / f"out-{name}", cache_dir=None)
        counts.append(visits)
    # What remains is Prefect listing the top level of three returned lists (files, articles,
    # extractions) to link results to states: one visit per item, never their fields.
    assert counts[1] - counts[0] <= 3 * 9, f"Prefect visited {counts[1]} values for 10 articles, {counts[0]} for one"
