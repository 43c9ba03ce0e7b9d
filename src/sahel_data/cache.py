"""Per-article extraction cache, keyed by the article's content and the extractor's fingerprint.

Owns `--cache DIR` (default `.cache/sahel-data`). An entry is one article's rows as JSON; its
key hashes the raw file, the article's path (ids derive from it) and the fingerprint of the
extractor: its code, its lexicons, and the language model's name and version. Editing one
article re-extracts that article; editing a lexicon or the extraction code re-extracts all.
The flow's client reads and writes it: workers get texts, never paths, and need no shared disk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from functools import cache as memoize
from importlib import resources
from pathlib import Path

from sahel_data.tables import ArticleExtraction

log = logging.getLogger(__name__)

DEFAULT_CACHE = Path(".cache/sahel-data")
# Modules whose code decides what an article yields (ingest cleans the text the rules read).
EXTRACTOR_MODULES = ("ingest.py", "text.py", "nlp.py", "lexicon_io.py", "tables.py")


@memoize
def extractor_fingerprint() -> str:
    """Hash of the extraction code, the lexicons and the model's name and version."""
    from sahel_data.nlp import model_fingerprint

    digest = hashlib.sha256()
    package = resources.files("sahel_data")
    files = [package.joinpath(name) for name in EXTRACTOR_MODULES]
    files += sorted((p for p in package.joinpath("extract").iterdir() if p.name.endswith(".py")), key=lambda p: p.name)
    files += sorted((p for p in package.joinpath("lexicons").iterdir() if p.name.endswith(".csv")), key=lambda p: p.name)
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    digest.update(model_fingerprint().encode())
    return digest.hexdigest()


def article_key(sha256: str, source_path: str) -> str:
    return hashlib.sha256(f"{sha256}\n{source_path}\n{extractor_fingerprint()}".encode()).hexdigest()


class ExtractionCache:
    """A folder of JSON entries; `None` folder means no cache at all."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / extractor_fingerprint()[:16] / key[:2] / f"{key}.json"

    def get(self, sha256: str, source_path: str) -> ArticleExtraction | None:
        if self.folder is None:
            return None
        path = self._path(article_key(sha256, source_path))
        try:
            return ArticleExtraction.from_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as e:
            log.warning("cache entry %s unreadable (%s); extracting again", path, e)
            return None

    def has(self, sha256: str, source_path: str) -> bool:
        return self.folder is not None and self._path(article_key(sha256, source_path)).exists()

    def put(self, extraction: ArticleExtraction) -> None:
        a = extraction.article
        self.put_entry(a["sha256"], a["source_path"], extraction.to_json())

    def put_entry(self, sha256: str, source_path: str, text: str) -> None:
        """Store an entry already serialised (`ArticleExtraction.to_json`, e.g. by a worker)."""
        if self.folder is None:
            return
        path = self._path(article_key(sha256, source_path))
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a crash never leaves a half-written entry behind.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
