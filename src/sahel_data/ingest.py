"""Files -> Article records: decode, hash, detect the format, clean the text with an offset map.

Owns reading the corpus folder and everything about input formats (plain text, a leading
` date YYYY-MM` marker, Markdown headings with HTML bodies, YAML front matter). Knows nothing
about actors, events or tables.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from sahel_data.lexicon_io import read_groups, read_lexicon
from sahel_data.text import CHAR_REPLACEMENTS, CleanText, CleanTextBuilder

log = logging.getLogger(__name__)

BlockKind = Literal["title", "heading", "paragraph", "boilerplate"]
ArticleFormat = Literal["plain", "dated", "markdown_html", "front_matter"]


class ArticleError(Exception):
    """A corpus file that cannot become an article; the message names the file and the fix."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = path, problem, fix
        super().__init__(f"{path}: {problem}; {fix}")


@dataclass(frozen=True)
class Block:
    """A paragraph-like run of clean text: the unit handed to sentence splitting."""

    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True)
class Article:
    article_id: str
    source_path: str
    raw: str
    sha256: str
    format: ArticleFormat
    clean: CleanText
    blocks: tuple[Block, ...]
    title: str | None = None
    header_date: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "fr"
    extra: dict = field(default_factory=dict, compare=False)

    def block_text(self, block: Block) -> str:
        return self.clean.text[block.start : block.end]

    def body_blocks(self) -> list[Block]:
        """Blocks the extractors read: everything but boilerplate."""
        return [b for b in self.blocks if b.kind != "boilerplate"]


# --- discovery ---------------------------------------------------------------------------


def discover_files(corpus: Path) -> list[Path]:
    """Every file below `corpus`, recursively, sorted, skipping dotfiles and dot-folders."""
    if not corpus.is_dir():
        raise ArticleError(str(corpus), "corpus folder not found", "pass an existing folder with --corpus")
    files = [
        p
        for p in corpus.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(corpus).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(corpus).as_posix())


def slugify(text: str) -> str:
    """Lowercase ASCII slug: accents stripped, other runs of characters become '-'.

    >>> slugify("Côte d'Ivoire")
    'cote-d-ivoire'
    >>> slugify("2024/06/Niger_Retrait.txt")
    '2024-06-niger-retrait-txt'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def article_id_for(relative_path: str) -> str:
    """Slug of the path inside the corpus folder, without the file's extension.

    >>> article_id_for("003_55adfb9b52fdbeb3.txt")
    '003-55adfb9b52fdbeb3'
    """
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", relative_path)
    slug = slugify(stem)
    if not slug:
        raise ArticleError(relative_path, "the file name gives an empty id", "rename the file with letters or digits")
    return slug


# --- decoding ----------------------------------------------------------------------------


def decode_article_bytes(path_label: str, data: bytes) -> str:
    """Decode raw bytes as the contract says (UTF-8, nothing else changed), or say what is wrong."""
    if not data.strip():
        raise ArticleError(path_label, "the file is empty", "remove it or give it an article's text")
    if b"\x00" in data:
        raise ArticleError(path_label, "the file is binary (it contains NUL bytes)", "remove it from the corpus folder")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(
            path_label,
            f"not valid UTF-8 at byte {e.start} (0x{data[e.start]:02x})",
            "re-save the file as UTF-8",
        ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(3, len(text) // 100):
        raise ArticleError(path_label, f"the file looks binary ({controls} control characters)", "remove it from the corpus folder")
    return text


# --- format detection and cleaning -------------------------------------------------------

FRONT_MATTER = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.DOTALL)
DATE_MARKER = re.compile(r"\A(\ufeff?)[ \t]?date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])[ \t]*(\r?\n)?")
HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>")
HTML_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
HTML_HINT = re.compile(r"<(p|section|h[1-6]|div|article|br|ul|li)\b[^<>]*>", re.IGNORECASE)
MD_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+", re.MULTILINE)
BLOCK_TAGS = {
    "p", "section", "article", "div", "h1", "h2", "h3", "h4", "h5", "h6", "br", "li", "ul", "ol",
    "blockquote", "header", "footer", "main", "aside", "figure", "figcaption", "table", "tr", "td", "hr",
}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ENTITY_REPLACEMENTS = str.maketrans(CHAR_REPLACEMENTS)
SENTENCE_END = re.compile(r"[.!?…»\"”:;]\s*$")


def parse_front_matter(body: str) -> dict[str, str]:
    """The simple `key: value` YAML subset news front matter uses (title, date, url, outlet)."""
    out: dict[str, str] = {}
    for line in body.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
        if m:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            out[m.group(1).lower()] = value
    return out


@dataclass
class _Header:
    body_start: int
    fmt: ArticleFormat
    date: str | None = None
    meta: dict | None = None


def _read_header(raw: str) -> _Header:
    m = FRONT_MATTER.match(raw)
    if m:
        meta = parse_front_matter(m.group(2))
        date_match = re.match(r"^\d{4}(-\d{2}){0,2}", meta.get("date", ""))
        date = date_match.group(0) if date_match else None
        return _Header(m.end(), "front_matter", date, meta)
    m = DATE_MARKER.match(raw)
    if m:
        return _Header(m.end(), "dated", m.group(2))
    return _Header(1 if raw.startswith("\ufeff") else 0, "plain")


def clean_article_text(raw: str, body_start: int, is_html: bool) -> tuple[CleanText, list[tuple[int, int, str]]]:
    """Clean raw[body_start:]: drop tags and Markdown heading marks, decode entities.

    Returns the clean text and the clean spans of headings found in markup, with their tag
    (`h1`..`h6`, or `#`, `##` … for Markdown).
    """
    b = CleanTextBuilder(raw)
    headings: list[tuple[int, int, str]] = []
    pos = body_start
    open_heading: tuple[int, str] | None = None
    tokens = re.compile(HTML_TAG.pattern + "|" + HTML_ENTITY.pattern + "|" + MD_HEADING.pattern, re.MULTILINE)
    for m in tokens.finditer(raw, body_start):
        if m.group(4):
            # Markdown heading mark: only at a line start (MD_HEADING is anchored with re.M).
            b.keep(pos, m.start())
            level = m.group(0).strip()
            line_end = raw.find("\n", m.end())
            line_end = len(raw) if line_end == -1 else line_end
            start_clean = len(b)
            b.keep(m.end(), line_end)
            text_end = len(b)
            while text_end > start_clean and b.char_at(text_end - 1) in " \t\r\n":
                text_end -= 1
            headings.append((start_clean, text_end, level))
            pos = line_end
            # The rest of the line was copied; tags inside it are rare in headings and kept as text.
            continue
        if m.start() < pos:
            continue
        b.keep(pos, m.start())
        if m.group(2) and is_html:
            tag = m.group(2).lower()
            closing = m.group(1) == "/"
            if tag in HEADING_TAGS:
                if not closing:
                    if b.last_char() not in ("", "\n"):
                        b.emit("\n", m.start(), m.end())
                    open_heading = (len(b), tag)
                elif open_heading:
                    headings.append((open_heading[0], len(b), open_heading[1]))
                    open_heading = None
                    b.emit("\n", m.start(), m.end())
            elif tag in BLOCK_TAGS and b.last_char() not in ("", "\n"):
                b.emit("\n", m.start(), m.end())
            # Inline tags (em, strong, a, span) vanish: no clean character stands for them.
        elif m.group(3) and is_html:
            b.emit(html.unescape(m.group(0)).translate(ENTITY_REPLACEMENTS), m.start(), m.end())
        else:
            b.keep(m.start(), m.end())
        pos = m.end()
    b.keep(pos, len(raw))
    return b.build(), headings


@cache
def boilerplate_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(row["pattern"], re.IGNORECASE) for row in read_lexicon("boilerplate.csv"))


def is_boilerplate(line: str) -> bool:
    """Comment prompts, share buttons, bylines: text that yields no rows.

    >>> is_boilerplate("Publiez un commentaire"), is_boilerplate("Le Niger a quitté la CEDEAO.")
    (True, False)
    """
    return any(p.search(line.strip()) for p in boilerplate_patterns())


def split_blocks(clean: CleanText, headings: list[tuple[int, int, str]], has_title_markup: bool) -> list[Block]:
    """Lines of clean text -> blocks; hard-wrapped lines are joined, kinds assigned."""
    text = clean.text
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append((s, e))
    heading_starts = {s: tag for s, _, tag in headings}
    merged: list[tuple[int, int]] = []
    for s, e in lines:
        if merged and s not in heading_starts and merged[-1][0] not in heading_starts:
            ps, pe = merged[-1]
            # A line that stops mid-sentence and a next line starting in lower case: one paragraph
            # hard-wrapped by the outlet.
            if not SENTENCE_END.search(text[ps:pe]) and text[s].islower() and (pe - ps) > 40:
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))

    blocks: list[Block] = []
    in_boilerplate = False
    for i, (s, e) in enumerate(merged):
        line = text[s:e]
        tag = heading_starts.get(s)
        if in_boilerplate or is_boilerplate(line):
            # Once a comments section starts, the rest of the page is not the article.
            in_boilerplate = in_boilerplate or bool(re.match(r"^\W*commentaires?\W*$", line, re.IGNORECASE))
            kind: BlockKind = "boilerplate"
        elif tag in ("h1", "#"):
            kind = "title" if not any(b.kind == "title" for b in blocks) else "heading"
        elif tag:
            kind = "heading"
        elif i == 0 and not has_title_markup and _looks_like_title(line) and len(merged) > 1:
            kind = "title"
        elif not SENTENCE_END.search(line) and len(line) < 160 and len(merged) > 1:
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append(Block(s, e, kind))
    return blocks


def _looks_like_title(line: str) -> bool:
    return len(line) <= 250 and not re.search(r"[.!?…]\s*$", line)


def _language_words() -> dict[str, frozenset[str]]:
    return read_groups("language_words.csv", "language", "word")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language whose function words are most frequent.

    >>> detect_language("Le retrait des troupes est prévu pour le mois de septembre.")
    'fr'
    >>> detect_language("The withdrawal of the troops is planned for September.")
    'en'
    """
    tokens = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", text.lower())
    scores = {lang: sum(t in ws for t in tokens) for lang, ws in _language_words().items()}
    return max(sorted(scores), key=lambda lang: scores[lang]) if any(scores.values()) else "fr"


def read_article(path: Path, corpus: Path) -> Article:
    """Read one corpus file into an Article, or raise ArticleError naming the file and the fix."""
    relative = path.relative_to(corpus).as_posix()
    label = f"{corpus.name}/{relative}"
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ArticleError(label, f"unreadable ({e.strerror})", "check the file's permissions") from None
    raw = decode_article_bytes(label, data)
    return parse_article(raw, relative, label, hashlib.sha256(data).hexdigest())


def parse_article(raw: str, relative_path: str, source_path: str, sha256: str) -> Article:
    """Raw text -> Article. Pure: no file access, so tests can feed any string."""
    header = _read_header(raw)
    is_html = bool(HTML_HINT.search(raw, header.body_start))
    has_md = bool(MD_HEADING.search(raw, header.body_start))
    clean, headings = clean_article_text(raw, header.body_start, is_html)
    fmt: ArticleFormat = header.fmt
    if fmt == "plain" and (is_html or has_md):
        fmt = "markdown_html"
    meta = header.meta or {}
    has_title_markup = any(tag in ("h1", "#") for _, _, tag in headings) or bool(meta.get("title"))
    blocks = split_blocks(clean, headings, has_title_markup)
    if not any(b.kind != "boilerplate" for b in blocks):
        raise ArticleError(source_path, "no article text found (only markup or boilerplate)", "check the file's content")
    title = meta.get("title") or next((clean.text[b.start : b.end] for b in blocks if b.kind == "title"), None)
    body_text = "\n".join(clean.text[b.start : b.end] for b in blocks if b.kind != "boilerplate")
    return Article(
        article_id=article_id_for(relative_path),
        source_path=source_path,
        raw=raw,
        sha256=sha256,
        format=fmt,
        clean=clean,
        blocks=tuple(blocks),
        title=title,
        header_date=header.date,
        url=meta.get("url") or None,
        outlet=meta.get("outlet") or None,
        language=detect_language(body_text),
    )


def duplicate_id_errors(articles: list[Article]) -> list[ArticleError]:
    """Two files whose paths give the same slug cannot both be published (ids must be unique)."""
    seen: dict[str, str] = {}
    errors = []
    for a in articles:
        if a.article_id in seen:
            errors.append(
                ArticleError(a.source_path, f"gives the same article id '{a.article_id}' as {seen[a.article_id]}", "rename one of the two files")
            )
        seen.setdefault(a.article_id, a.source_path)
    return errors


class CorpusError(Exception):
    """One or more corpus files are bad; str() lists one line per file."""

    def __init__(self, errors: list[ArticleError]) -> None:
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors)
        super().__init__(
            f"{len(errors)} bad input file(s); nothing was published:\n{lines}\n"
            "Fix or remove them, or rerun with --skip-invalid to publish without them."
        )
