"""Release archives: a byte-reproducible zip of a package folder, and SHA256SUMS beside it.

Owns `dist/`. The zip holds the package files under one top folder named after the version,
in sorted order, with fixed timestamps and permissions, so two builds of the same release give
the same bytes. Knows nothing about how the package was made.
"""

from __future__ import annotations

import hashlib
import zipfile
from datetime import datetime
from pathlib import Path

ARCHIVE_PREFIX = "sahel-data"
# Files of a package folder that are not part of the published package.
NOT_ARCHIVED = {".release-manifest.json"}


def archive_name(version: str) -> str:
    """
    >>> archive_name("1.2.0")
    'sahel-data-1.2.0.zip'
    """
    return f"{ARCHIVE_PREFIX}-{version}.zip"


def zip_timestamp(created: str) -> tuple[int, int, int, int, int, int]:
    """The release's `created` time as a zip timestamp (zip cannot store dates before 1980).

    >>> zip_timestamp("2024-06-08T10:30:00Z")
    (2024, 6, 8, 10, 30, 0)
    """
    moment = datetime.fromisoformat(created.replace("Z", "+00:00"))
    moment = max(moment.replace(tzinfo=None), datetime(1980, 1, 1))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def build_archive(package_dir: Path, dist: Path, version: str, created: str) -> Path:
    """Write dist/sahel-data-<version>.zip from the package folder and refresh SHA256SUMS."""
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / archive_name(version)
    top = target.stem
    stamp = zip_timestamp(created)
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for path in sorted(p for p in package_dir.iterdir() if p.is_file() and p.name not in NOT_ARCHIVED):
            info = zipfile.ZipInfo(f"{top}/{path.name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.create_system = 3  # Unix, whatever machine builds it
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(target)
    write_sha256sums(dist)
    return target


def write_sha256sums(dist: Path) -> Path:
    """SHA256SUMS for every archive in dist/, in `sha256sum -c` format, sorted by name."""
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in sorted(dist.glob(f"{ARCHIVE_PREFIX}-*.zip"))]
    path = dist / "SHA256SUMS"
    path.write_text("".join(lines), encoding="utf-8")
    return path
