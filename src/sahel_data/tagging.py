"""Git hand-off: tag the committed release `vX.Y.Z` with the version in datapackage.json.

Owns only the git calls. Refuses when the tree has uncommitted changes (the tag must point at
exactly the released files) or when the tag already exists (published versions never move).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


class TagError(Exception):
    """Why the tag was not made, and what to do."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def tag_release(repo: Path, package_dir: Path) -> str:
    """Create the annotated tag v<version> at HEAD; return the tag name."""
    descriptor = package_dir / "datapackage.json"
    if not descriptor.exists():
        raise TagError(f"{descriptor} not found; run `sahel-data release` first")
    version = json.loads(descriptor.read_text(encoding="utf-8"))["version"]
    tag = f"v{version}"
    if _git(repo, "rev-parse", "--git-dir").returncode != 0:
        raise TagError(f"{repo} is not a git repository")
    dirty = _git(repo, "status", "--porcelain").stdout.strip()
    if dirty:
        raise TagError(f"the working tree has uncommitted changes; commit the release first:\n{dirty}")
    if _git(repo, "rev-parse", "-q", "--verify", f"refs/tags/{tag}").returncode == 0:
        raise TagError(f"tag {tag} already exists; a published version is never re-tagged (make a new release)")
    made = _git(repo, "tag", "-a", tag, "-m", f"sahel-data dataset {version}")
    if made.returncode != 0:
        raise TagError(f"git tag failed: {made.stderr.strip()}")
    return tag
