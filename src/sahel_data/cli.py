"""`sahel-data` commands: release, validate, diff, tag, archive, extract. Shared options are defined once."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

# polars allocates through jemalloc, which by default keeps freed pages for 10 s: a release's
# short stages (tables, CSVs, diff, checks) then pile up in the process's memory instead of
# reusing it. Hand freed pages back at once (a setting read when polars loads, hence here,
# before any import of it); a value set by the user wins.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

log = logging.getLogger("sahel_data")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("prefect", "httpx", "uvicorn", "distributed", "frictionless"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def cmd_release(args: argparse.Namespace) -> int:
    if args.workers < 1:
        print("sahel-data: --workers must be 1 or more", file=sys.stderr)
        return 2
    from sahel_data.flows import run_release, start_local_server_early

    server_start = start_local_server_early()  # boots while the rest imports and the model loads
    from sahel_data import pipeline
    from sahel_data.cache import ExtractionCache
    from sahel_data.nlp import preload_model_in_background

    cache_dir = None if args.no_cache else Path(args.cache)
    corpus = Path(args.corpus)
    if args.task_runner == "local" and not args.dask_address and corpus.is_dir():
        if pipeline.needs_extraction(corpus, ExtractionCache(cache_dir)):
            preload_model_in_background()  # overlaps the model load with Prefect's start-up
    info = run_release(
        Path(args.corpus), Path(args.out), args.skip_invalid, args.version, args.force,
        cache_dir=cache_dir, workers=args.workers,
        runner=args.task_runner, dask_address=args.dask_address, batch_size=args.batch_size, server_start=server_start,
    )
    if info.changed:
        print(f"published {args.out} version {info.version} ({info.reason})")
    else:
        print(f"up to date: {args.out} version {info.version}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from sahel_data.validate import corpus_for, validate_package

    package = Path(args.package)
    if not (package / "datapackage.json").exists():
        print(f"{package}: no datapackage.json here; pass the package folder (e.g. datapackage/)", file=sys.stderr)
        return 2
    corpus = corpus_for(package, Path(args.corpus) if args.corpus else None)
    checks = validate_package(package, corpus)
    for c in checks:
        print(f"{'ok  ' if c.ok else 'FAIL'} {c.name}: {c.detail}")
    return 0 if all(c.ok for c in checks) else 1


def cmd_extract(args: argparse.Namespace) -> int:
    from sahel_data.extract.article import extract_articles
    from sahel_data.ingest import read_article

    path = Path(args.file)
    if not path.is_file():
        print(f"{path}: no such file; pass an article file", file=sys.stderr)
        return 2
    article = read_article(path.resolve(), path.resolve().parent)
    (ex,) = list(extract_articles([article]))
    out = {
        "articles": [ex.article],
        "actors": [{"actor_id": k, **v} for k, v in sorted(ex.actors.items())],
        "mentions": ex.mentions,
        "events": ex.events,
        "quantities": ex.quantities,
    }
    print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from sahel_data.diff import diff_packages

    changes = diff_packages(Path(args.old), Path(args.new))
    if args.format == "json":
        print(json.dumps(changes.to_json(), ensure_ascii=False, indent=2))
    else:
        print(changes.to_markdown(max_rows_per_table=args.max_rows))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from sahel_data.tagging import tag_release

    repo = Path(args.repo)
    tag = tag_release(repo, repo / "datapackage")
    print(f"tagged {tag}; push it with `git push origin {tag}` and attach dist/ to the release page")
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    from sahel_data.archive import build_archive

    package = Path(args.package)
    meta = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    target = build_archive(package, Path(args.dist), meta["version"], meta["created"])
    print(f"wrote {target} and {target.parent / 'SHA256SUMS'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    corpus = argparse.ArgumentParser(add_help=False)
    corpus.add_argument("--corpus", help="folder of article files (read recursively; dotfiles skipped)")

    parser = argparse.ArgumentParser(prog="sahel-data", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    release = sub.add_parser("release", parents=[common, corpus], help="run the flow: corpus -> validated Data Package")
    release.set_defaults(func=cmd_release, corpus="seeds")
    release.add_argument("--out", default="datapackage", help="package folder to publish into (created if missing)")
    release.add_argument("--skip-invalid", action="store_true", help="publish without unreadable files (listed in the log)")
    release.add_argument("--version", help="publish as this X.Y.Z instead of the version the diff implies (never backwards)")
    release.add_argument("--force", action="store_true", help="overwrite --out even if it has changes not made by a release")
    release.add_argument("--cache", default=".cache/sahel-data", help="per-article extraction cache (default .cache/sahel-data)")
    release.add_argument("--no-cache", action="store_true", help="extract every article again and store nothing")
    release.add_argument("--workers", type=int, default=1, help="processes for extraction (spaCy processes, or local Dask workers)")
    release.add_argument("--task-runner", choices=["local", "dask"], default="local", help="dask: a local Dask cluster of --workers workers")
    release.add_argument("--dask-address", help="run extraction batches on an existing Dask cluster, e.g. tcp://HOST:8786")
    release.add_argument("--batch-size", type=int, default=250, help="articles per extraction task")

    validate = sub.add_parser("validate", parents=[common, corpus], help="validate a package: pandera, frictionless, provenance")
    validate.set_defaults(func=cmd_validate)
    validate.add_argument("package", nargs="?", default="datapackage", help="package folder (default datapackage/)")

    diff = sub.add_parser("diff", parents=[common], help="row-level diff between two package folders or .zip archives")
    diff.set_defaults(func=cmd_diff)
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--format", choices=["markdown", "json"], default="markdown")
    diff.add_argument("--max-rows", type=int, default=50, help="keys listed per table and kind (markdown)")

    tag = sub.add_parser("tag", parents=[common], help="git tag vX.Y.Z for the committed release in datapackage/")
    tag.set_defaults(func=cmd_tag)
    tag.add_argument("--repo", default=".", help="the project's git checkout (default: here)")

    arch = sub.add_parser("archive", parents=[common], help="(re)build dist/sahel-data-X.Y.Z.zip and SHA256SUMS from a package")
    arch.set_defaults(func=cmd_archive)
    arch.add_argument("package", nargs="?", default="datapackage")
    arch.add_argument("--dist", default="dist")

    extract = sub.add_parser("extract", parents=[common], help="print one article's rows as JSON")
    extract.set_defaults(func=cmd_extract)
    extract.add_argument("file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_logging(args.verbose)
    from sahel_data.diff import PackageReadError
    from sahel_data.ingest import CorpusError
    from sahel_data.publish import PublishError
    from sahel_data.tagging import TagError
    from sahel_data.validate import TableError

    try:
        return args.func(args)
    except (CorpusError, TableError, PublishError, PackageReadError, TagError) as e:
        print(f"sahel-data: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
