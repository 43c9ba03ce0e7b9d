"""End-to-end throughput: the bare spaCy pass vs the full `sahel-data release`, from process start.

Usage:
    python benchmarks/throughput.py --articles 1000
    python benchmarks/throughput.py --articles 200 --warm
    python benchmarks/throughput.py --articles 10000 --keep /tmp/corpus10k --workers 2

Builds (or reuses) a synthetic corpus of that many articles with benchmarks/make_corpus.py
(seed 0) in a temp dir, or in --keep DIR, which is kept and reused while its `.make_corpus.json`
matches (same size, seed, generator and seeds). Then times two child processes, each from
process start (imports, model load and Prefect start-up count):

  (a) bare pass: read the corpus with sahel_data.ingest (discover_files + read_article) and run
      sahel_data.nlp.parse_texts over every article's body block texts, consuming the docs;
  (b) release:   <venv>/bin/sahel-data release --corpus CORPUS --out <fresh temp dir>.

For each: wall seconds, articles/s, words/s (words = whitespace-split words of the cleaned body
blocks, counted once here) and the child's peak RSS (ru_maxrss from os.wait4: the largest of the
child and the descendants it waited for, not their sum). Prints a table and the ratio (b)/(a).
--warm runs (b) again into the same out dir and PREFECT_HOME and prints the warm/cold ratio.
--workers N is passed to the release only if `sahel-data release --help` lists --workers; if it
lists --cache, the release gets a private cache in the temp dir (empty for the cold run, reused by
the warm one), so earlier runs' cache entries never make the "cold" run warm.

Children get PREFECT_HOME=<temp dir> (fresh per benchmark, so the cold release includes creating
the Prefect database), PREFECT_SERVER_ANALYTICS_ENABLED=false, PREFECT_LOGGING_LEVEL=WARNING.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAHEL_DATA = BIN / "sahel-data"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402

BARE_PASS = """
import sys
from pathlib import Path
from sahel_data import ingest, nlp
corpus = Path(sys.argv[1])
articles = [ingest.read_article(p, corpus) for p in ingest.discover_files(corpus)]
texts = [a.block_text(b) for a in articles for b in a.body_blocks()]
n_docs = 0
for _doc in nlp.parse_texts(texts, nlp.load_model()):
    n_docs += 1
print(f"{len(articles)} articles, {len(texts)} blocks, {n_docs} docs")
"""


@dataclass
class Run:
    label: str
    wall: float
    cpu: float
    maxrss_kib: int
    stdout: str


def run_child(label: str, cmd: list[str], env: dict[str, str], logs: Path) -> Run:
    """Run `cmd`, wall time from just before spawn to reaping; rusage from os.wait4."""
    out_path, err_path = logs / f"{label}.out", logs / f"{label}.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(errors="replace").strip()
    if proc.returncode != 0:
        err_tail = "\n".join(err_path.read_text(errors="replace").splitlines()[-30:])
        raise SystemExit(
            f"{label} failed (exit {proc.returncode}): {' '.join(cmd)}\n{stdout}\n{err_tail}"
        )
    return Run(label, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stdout)


def prepare_corpus(n: int, corpus: Path, seed: int) -> str:
    """Reuse `corpus` if its manifest matches, else (re)generate it; returns what was done."""
    manifest = corpus / make_corpus.MANIFEST
    wanted = make_corpus.manifest_for(n, seed)
    if manifest.exists():
        try:
            if json.loads(manifest.read_text(encoding="utf-8")) == wanted:
                return "reused"
        except ValueError:
            pass
    elif corpus.exists() and any(corpus.iterdir()):
        raise SystemExit(
            f"{corpus} is not empty and was not written by make_corpus.py; choose another --keep folder"
        )
    make_corpus.write_corpus(n, corpus, seed, force=True)
    return "generated"


def count_words(corpus: Path) -> tuple[int, int]:
    from sahel_data import ingest

    articles = [ingest.read_article(p, corpus) for p in ingest.discover_files(corpus)]
    words = sum(len(a.block_text(b).split()) for a in articles for b in a.body_blocks())
    return len(articles), words


def release_help(env: dict[str, str]) -> str:
    return subprocess.run(
        [str(SAHEL_DATA), "release", "--help"], cwd=ROOT, env=env, capture_output=True, text=True
    ).stdout


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument(
        "--workers", type=int, default=None, help="passed to the release if it has --workers"
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="corpus folder to create or reuse (kept afterwards)"
    )
    parser.add_argument(
        "--warm", action="store_true", help="run the release a second time into the same out dir"
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sahel-throughput-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = args.keep.resolve() if args.keep else tmp / "corpus"
        t0 = time.perf_counter()
        how = prepare_corpus(args.articles, corpus, args.seed)
        gen_s = time.perf_counter() - t0
        n_articles, n_words = count_words(corpus)
        print(
            f"corpus: {corpus} ({how} in {gen_s:.1f} s): {n_articles} articles, {n_words} words in body blocks"
        )

        prefect_home = tmp / "prefect-home"
        prefect_home.mkdir()
        env = dict(os.environ)
        env.update(
            PREFECT_HOME=str(prefect_home),
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
            PREFECT_LOGGING_LEVEL="WARNING",
        )
        env.pop("PREFECT_API_URL", None)

        release_cmd = [
            str(SAHEL_DATA),
            "release",
            "--corpus",
            str(corpus),
            "--out",
            str(tmp / "out"),
        ]
        help_text = release_help(env)
        if "--cache" in help_text:
            # A private extraction cache: the cold run starts empty (the default, .cache/ under
            # the working directory, would carry hits over from earlier runs on the same corpus),
            # and the warm run reuses what the cold run stored.
            release_cmd += ["--cache", str(tmp / "extraction-cache")]
        if args.workers is not None:
            if "--workers" in help_text:
                release_cmd += ["--workers", str(args.workers)]
            else:
                print(
                    f"note: `sahel-data release --help` lists no --workers option; "
                    f"--workers {args.workers} ignored"
                )
        print("release command: " + " ".join(release_cmd[1:]).replace(str(tmp), "$TMP"))

        bare = run_child("bare", [sys.executable, "-c", BARE_PASS, str(corpus)], env, tmp)
        print(f"(a) bare pass: {bare.stdout}")
        cold = run_child("release", release_cmd, env, tmp)
        print(f"(b) release: {cold.stdout.splitlines()[-1] if cold.stdout else '(no output)'}")

        rows = [("(a) bare spaCy pass", bare), ("(b) sahel-data release", cold)]
        warm = None
        if args.warm:
            warm = run_child("release-warm", release_cmd, env, tmp)
            print(
                f"(b') warm release: {warm.stdout.splitlines()[-1] if warm.stdout else '(no output)'}"
            )
            rows.append(("(b') release, warm", warm))

        print()
        header = f"{'what':<24} | {'wall s':>8} | {'articles/s':>10} | {'words/s':>9} | {'peak RSS MiB':>12}"
        print(header)
        print("-" * len(header))
        for label, r in rows:
            print(
                f"{label:<24} | {r.wall:>8.2f} | {n_articles / r.wall:>10.1f} | {n_words / r.wall:>9,.0f} | {r.maxrss_kib / 1024:>12.0f}"
            )
        print()
        print(f"ratio (b)/(a): {cold.wall / bare.wall:.2f}")
        if warm is not None:
            print(f"warm release: {warm.wall:.2f} s, warm/cold ratio: {warm.wall / cold.wall:.2f}")
        print(
            "peak RSS is the largest single process (os.wait4 ru_maxrss), not a sum: the release's"
        )
        print(
            "Prefect server runs as a separate uvicorn subprocess (about 220 MiB) that is not added in."
        )
        print(
            "cpu s (user+sys): " + ", ".join(f"{label.split()[0]} {r.cpu:.1f}" for label, r in rows)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
