"""CITATION.cff at the project root: the dataset's current version and release date.

Owns only that file. Rewritten by each release into the project's own `datapackage/`, never
by a release into another folder, so GitHub and Zenodo offer the right citation.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = """\
# Written by `sahel-data release` into datapackage/: do not edit the version or date by hand.
cff-version: 1.2.0
message: "If you use this dataset, please cite the version you used."
type: dataset
title: "sahel-data: events, actors and figures of Sahel security politics from French news"
abstract: >-
  Events (PLOVER categories), actors, actor mentions and numeric claims extracted from French
  news articles about security politics in the Sahel; every row quotes its source sentence with
  character offsets into the source file.
authors:
  - name: "sahel-data maintainers"
version: "{version}"
date-released: "{date}"
license: CC-BY-4.0
keywords:
  - Sahel
  - security
  - events
  - PLOVER
  - news
"""


def render(version: str, created: str) -> str:
    """
    >>> "version: \\"1.2.0\\"" in render("1.2.0", "2024-06-08T10:30:00Z")
    True
    """
    return TEMPLATE.format(version=version, date=created[:10])


def write_citation(project_root: Path, version: str, created: str) -> Path:
    path = project_root / "CITATION.cff"
    path.write_text(render(version, created), encoding="utf-8")
    return path
