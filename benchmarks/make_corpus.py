"""Synthetic French news corpus for benchmarks, recombined from the seed articles.

Usage:
    python benchmarks/make_corpus.py N OUT [--seed S] [--force]

    python benchmarks/make_corpus.py 1000 /tmp/corpus1k            # seed 0
    python benchmarks/make_corpus.py 10000 /tmp/corpus10k --seed 7

Writes N articles `NNNNNN_<8 hex>.txt` into OUT (created; a non-empty OUT is refused unless
--force, which first removes files this script wrote there before). Same N and seed give
byte-identical files: everything comes from one `random.Random(seed)`, nothing from the clock.

Each article takes 4-12 sentences from different seeds (seeds/*.txt, split with simple regexes),
varies dates (day 1-28, French month names, years 2022-2025), digit groups and a few spelled-out
numbers, and sometimes swaps the countries Niger, Mali, Burkina Faso, Tchad and Sénégal (with
their capitals and demonyms; agreement may be imperfect). Formats rotate: about 40 % plain text
with a title line, 30 % a leading ` date YYYY-MM` marker, 30 % Markdown `# Title` with
`<section>/<h2>/<p>` bodies. Apostrophes stay typographic (’) as in the seeds.

Also writes `.make_corpus.json` (a dotfile, which the pipeline skips) recording N, the seed and
a digest of this script and the seeds, so benchmarks can tell whether a folder can be reused.

Prints one line: number of files, total words (whitespace-split prose: titles, headings,
sentences), folder.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import itertools
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MANIFEST = ".make_corpus.json"
FILE_NAME = re.compile(r"^\d{6}_[0-9a-f]{8}\.txt$")

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
YEARS = (2022, 2023, 2024, 2025)
SPELLED = [
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "dix",
    "douze",
    "quinze",
    "vingt",
    "cent",
]

# Country, capital, demonym forms (masc. sing., fem. sing., masc. pl., fem. pl.).
COUNTRIES = {
    "Niger": ("Niamey", ("nigérien", "nigérienne", "nigériens", "nigériennes")),
    "Mali": ("Bamako", ("malien", "malienne", "maliens", "maliennes")),
    "Burkina Faso": ("Ouagadougou", ("burkinabè", "burkinabè", "burkinabè", "burkinabè")),
    "Tchad": ("N’Djamena", ("tchadien", "tchadienne", "tchadiens", "tchadiennes")),
    "Sénégal": ("Dakar", ("sénégalais", "sénégalaise", "sénégalais", "sénégalaises")),
}
COUNTRY_NAMES = list(COUNTRIES)


def _country_forms() -> dict[str, tuple[str, str, int]]:
    """Surface form -> (country, kind, index): kind is 'name', 'capital' or 'demonym'."""
    forms: dict[str, tuple[str, str, int]] = {"Burkina-Faso": ("Burkina Faso", "name", 0)}
    for country, (capital, demonyms) in COUNTRIES.items():
        forms[country] = (country, "name", 0)
        forms[capital] = (country, "capital", 0)
        for i, d in enumerate(demonyms):
            forms.setdefault(d, (country, "demonym", i))
            forms.setdefault(d[0].upper() + d[1:], (country, "Demonym", i))
    return forms


COUNTRY_FORMS = _country_forms()
COUNTRY_RE = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in sorted(COUNTRY_FORMS, key=len, reverse=True)) + r")\b"
)

MONTH_ALT = "|".join(MONTHS)
VARIATION_RE = re.compile(
    rf"\b(?P<date>(?:(?P<day>1er|\d{{1,2}}) )?(?P<month>{MONTH_ALT})(?: (?P<year>20\d\d))?)\b"
    r"|\b(?P<lone_year>(?:19|20)\d\d)\b"
    r"|\b(?P<digits>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)\b"
    rf"|\b(?P<spelled>{'|'.join(SPELLED)})\b"
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZÀ-ÖØ-Þ])")
BOILERPLATE_START = re.compile(r"^\W*commentaires?\W*$", re.IGNORECASE)


@dataclass
class SeedText:
    name: str
    sentences: list[str]


def _seed_material(seed_dir: Path) -> tuple[list[SeedText], list[str], list[str]]:
    """Seeds -> per-seed sentences, titles, section headings (markup and markers removed)."""
    seeds: list[SeedText] = []
    titles: list[str] = []
    headings: list[str] = []
    for path in sorted(seed_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8").lstrip("\ufeff")
        raw = re.sub(r"\A[ \t]?date[ \t]+\d{4}-\d{2}(?:-\d{2})?[ \t]*", "", raw)
        for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", raw, re.DOTALL):
            headings.append(" ".join(h.split()))
        raw = re.sub(r"<h[1-6][^>]*>.*?</h[1-6]>", "\n", raw, flags=re.DOTALL)
        raw = html.unescape(re.sub(r"<[^<>]+>", "\n", raw))
        paragraphs: list[str] = []
        for line in raw.splitlines():
            line = " ".join(line.split())
            if not line:
                continue
            if BOILERPLATE_START.match(line):
                break  # the comments section: not article text
            if line.startswith("#"):
                titles.append(line.lstrip("#").strip())
            elif not re.search(r"[.!?…»\"”]$", line):
                if len(line.split()) >= 4 and line not in titles:
                    titles.append(line)
            else:
                paragraphs.append(line)
        sentences: list[str] = []
        for para in paragraphs:
            pending = ""
            for piece in SENTENCE_SPLIT.split(para):
                pending = f"{pending} {piece}" if pending else piece
                # Keep "M. Tassa", "Kurt M. Campbell" and open guillemets in one sentence.
                if re.search(r"\b[A-Z]\.$", pending) or pending.count("«") > pending.count("»"):
                    continue
                sentences.append(pending)
                pending = ""
            if pending:
                sentences.append(pending)
        seeds.append(SeedText(path.name, [s for s in sentences if len(s.split()) >= 4]))
    if not any(s.sentences for s in seeds):
        raise SystemExit(f"{seed_dir}: no seed sentences found")
    return [s for s in seeds if s.sentences], titles, headings


def _vary_numbers(text: str, rng: random.Random) -> str:
    """New dates, years, digit groups and (sometimes) spelled-out numbers."""

    def repl(m: re.Match) -> str:
        if m.group("date"):
            out = []
            if m.group("day"):
                day = rng.randint(1, 28)
                out.append("1er" if day == 1 else str(day))
            out.append(rng.choice(MONTHS))
            if m.group("year"):
                out.append(str(rng.choice(YEARS)))
            return " ".join(out)
        if m.group("lone_year"):
            return str(rng.choice(YEARS))
        if m.group("digits"):
            digits = m.group("digits")
            value = int(re.sub(r"\D", "", digits))
            new = rng.randint(max(1, value // 2), max(2, value * 2))
            if new < 1000:
                return str(new)
            sep = next((c for c in digits if not c.isdigit()), None) or rng.choice(
                [" ", " ", "\u00a0", "\u202f"]
            )
            return f"{new:,}".replace(",", sep)
        word = m.group("spelled")
        return rng.choice(SPELLED) if rng.random() < 0.3 else word

    return VARIATION_RE.sub(repl, text)


def _swap_countries(text: str, mapping: dict[str, str]) -> str:
    def repl(m: re.Match) -> str:
        country, kind, index = COUNTRY_FORMS[m.group(0)]
        target = mapping.get(country, country)
        if target == country and m.group(0) != "Burkina-Faso":
            return m.group(0)
        capital, demonyms = COUNTRIES[target]
        if kind == "name":
            return target
        if kind == "capital":
            return capital
        d = demonyms[index]
        return d[0].upper() + d[1:] if kind == "Demonym" else d

    return COUNTRY_RE.sub(repl, text)


def _derived_title(sentence: str, rng: random.Random) -> str:
    """A headline from a sentence's first clause, without final punctuation."""
    clause = re.split(r"[,;:]", sentence)[0]
    words = clause.split()[: rng.randint(6, 12)]
    title = " ".join(words).strip(' .!?…«»"')
    title = title.replace("«", "").replace("»", "").strip()
    return title if len(title.split()) >= 5 else ""


def _headline(titles: list[str], sentences: list[str], rng: random.Random) -> str:
    title = _derived_title(rng.choice(sentences), rng) if rng.random() < 0.5 else ""
    title = title or rng.choice(titles)
    if rng.random() < 0.2 and ":" not in title:
        title = f"{rng.choice(COUNTRY_NAMES)} : {title[0].lower()}{title[1:]}"
    return title.rstrip(" .!?…")


def _paragraphs(sentences: list[str], rng: random.Random) -> list[list[str]]:
    paras: list[list[str]] = []
    i = 0
    while i < len(sentences):
        k = rng.randint(1, 4)
        paras.append(sentences[i : i + k])
        i += k
    return paras


def make_article(
    index: int, material: tuple[list[SeedText], list[str], list[str]], rng: random.Random
) -> tuple[str, str, int]:
    """(file name, file text, prose word count) for article number `index`."""
    seeds, titles, headings = material
    n_sentences = rng.randint(4, 12)
    picked: list[str] = []
    used: set[tuple[int, int]] = set()
    last_seed = -1
    for _ in range(n_sentences * 3):
        if len(picked) == n_sentences:
            break
        choices = [i for i in range(len(seeds)) if i != last_seed] or [last_seed]
        si = rng.choice(choices)
        ji = rng.randrange(len(seeds[si].sentences))
        if (si, ji) in used:
            continue
        used.add((si, ji))
        last_seed = si
        picked.append(seeds[si].sentences[ji])

    mapping: dict[str, str] = {}
    if rng.random() < 0.35:
        perm = COUNTRY_NAMES[:]
        while perm == COUNTRY_NAMES:
            rng.shuffle(perm)
        mapping = dict(zip(COUNTRY_NAMES, perm, strict=True))

    def vary(text: str) -> str:
        return _swap_countries(_vary_numbers(text, rng), mapping)

    sentences = [vary(s) for s in picked]
    title = vary(_headline(titles, picked, rng))
    paras = _paragraphs(sentences, rng)
    prose_words = sum(len(s.split()) for s in sentences)

    roll = index % 10  # rotation: 4 plain, 3 dated, 3 Markdown + HTML in every 10
    if roll in (0, 3, 6, 9):
        lines = [title]
        if rng.random() < 0.1:
            lines.append(title)  # headline repeated as the first line, as outlets do
            prose_words += len(title.split())
        sep = "\n" if rng.random() < 0.25 else "\n\n"
        body = sep.join([*lines, *(" ".join(p) for p in paras)])
        if rng.random() < 0.15:
            body += "\n\nCOMMENTAIRES\n    Publiez un commentaire"
        text = body + "\n"
        prose_words += len(title.split())
    elif roll in (1, 4, 7):
        marker = f" date {rng.choice(YEARS)}-{rng.randint(1, 12):02d}"
        joiner = " " if rng.random() < 0.5 else "\n"
        text = marker + joiner + "\n\n".join(" ".join(p) for p in paras) + "\n"
    else:
        n_sections = min(len(paras), rng.randint(1, 3))
        cuts = sorted(rng.sample(range(1, len(paras)), n_sections - 1)) if n_sections > 1 else []
        bounds = [0, *cuts, len(paras)]
        out = [f"# {title}"]
        prose_words += len(title.split())
        for a, b in itertools.pairwise(bounds):
            heading = vary(rng.choice(headings or titles))
            prose_words += len(heading.split())
            out.append("<section>")
            out.append(f"<h2>{html.escape(heading, quote=False)}</h2>")
            out.extend(f"<p>{html.escape(' '.join(p), quote=False)}</p>" for p in paras[a:b])
            out.append("</section>")
        text = "\n".join(out) + "\n"
    name = f"{index:06d}_{rng.getrandbits(32):08x}.txt"
    return name, text, prose_words


def generator_digest(seed_dir: Path = SEEDS) -> str:
    """Digest of this script and the seeds: a corpus is reusable only if both are unchanged."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for p in sorted(seed_dir.glob("*.txt")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def manifest_for(n: int, seed: int) -> dict:
    return {"articles": n, "seed": seed, "generator": generator_digest()}


def write_corpus(n: int, out: Path, seed: int = 0, force: bool = False) -> tuple[int, int]:
    """Write the corpus; returns (files, words). Raises FileExistsError for a non-empty `out`."""
    if n < 1:
        raise ValueError("N must be at least 1")
    out.mkdir(parents=True, exist_ok=True)
    existing = list(out.iterdir())
    if existing and not force:
        raise FileExistsError(
            f"{out} is not empty ({len(existing)} entries); pass --force or choose another folder"
        )
    for p in existing:
        if p.is_file() and (FILE_NAME.match(p.name) or p.name == MANIFEST):
            p.unlink()
    material = _seed_material(SEEDS)
    rng = random.Random(seed)
    total_words = 0
    for i in range(n):
        name, text, words = make_article(i, material, rng)
        (out / name).write_bytes(text.encode("utf-8"))
        total_words += words
    (out / MANIFEST).write_text(
        json.dumps(manifest_for(n, seed), sort_keys=True) + "\n", encoding="utf-8"
    )
    return n, total_words


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n", type=int, metavar="N", help="number of articles")
    parser.add_argument("out", type=Path, metavar="OUT", help="folder to write (created)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty OUT (removes files a previous run wrote)",
    )
    args = parser.parse_args()
    try:
        files, words = write_corpus(args.n, args.out, args.seed, args.force)
    except (FileExistsError, ValueError) as e:
        print(f"make_corpus: {e}", file=sys.stderr)
        return 2
    print(f"{files} files, {words} words, {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
