"""Reading corpus files: formats, cleaning with an offset map, titles, boilerplate, bad input."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_data.ingest import (
    ArticleError,
    article_id_for,
    decode_article_bytes,
    discover_files,
    duplicate_id_errors,
    parse_article,
    read_article,
)
from sahel_data.text import CHAR_REPLACEMENTS


def parse(raw: str, name: str = "a.txt"):
    return parse_article(raw, name, f"corpus/{name}", "0" * 64)


def test_parse_article_dated_marker_same_line_body_follows():
    a = parse(" date 2024-06 Les soldats sont partis le 7 juin. Le retrait est achevé.")
    assert a.format == "dated"
    assert a.header_date == "2024-06"
    assert a.clean.text.startswith("Les soldats")
    start, end = a.clean.to_raw(0, 3)
    assert a.raw[start:end] == "Les"


def test_parse_article_dated_marker_next_line_body_follows():
    a = parse(" date 2023-09-16\nLes trois pays ont signé une charte.")
    assert a.header_date == "2023-09-16"
    assert [a.block_text(b) for b in a.body_blocks()] == ["Les trois pays ont signé une charte."]


def test_parse_article_markdown_html_tags_and_entities_removed():
    raw = "# Retrait des troupes\n<section>\n<h2>Le calendrier</h2>\n<p>Paris &amp; Bamako ont rompu.</p><p>Fin.</p>\n</section>\n"
    a = parse(raw)
    assert a.format == "markdown_html"
    assert a.title == "Retrait des troupes"
    texts = [(b.kind, a.block_text(b)) for b in a.blocks]
    assert texts == [("title", "Retrait des troupes"), ("heading", "Le calendrier"), ("paragraph", "Paris & Bamako ont rompu."), ("paragraph", "Fin.")]
    amp = a.clean.text.index("&")
    s, e = a.clean.to_raw(amp, amp + 1)
    assert a.raw[s:e] == "&amp;"


def test_parse_article_front_matter_honoured():
    raw = "---\ntitle: Le Tchad rompt avec Paris\ndate: 2024-11-28\nurl: https://example.org/a\noutlet: Exemple\n---\nLe Tchad a mis fin à l'accord."
    a = parse(raw)
    assert (a.format, a.title, a.header_date, a.url, a.outlet) == (
        "front_matter", "Le Tchad rompt avec Paris", "2024-11-28", "https://example.org/a", "Exemple"
    )
    assert a.clean.text.strip() == "Le Tchad a mis fin à l'accord."


def test_parse_article_plain_first_line_without_period_is_title():
    a = parse("Le Mali quitte la CEDEAO\n\nLe Mali a annoncé son départ de la CEDEAO dimanche.")
    assert a.title == "Le Mali quitte la CEDEAO"
    assert a.blocks[0].kind == "title"


def test_parse_article_plain_first_line_sentence_is_not_title():
    a = parse("Le Mali a quitté la CEDEAO dimanche. La décision est effective.\nUn autre paragraphe suit ici.")
    assert a.title is None


def test_parse_article_comment_section_is_boilerplate():
    a = parse("Titre du jour\n\nLe Niger a rompu.\n\nCOMMENTAIRES\n    Publiez un commentaire\nJean: bravo !\n")
    kinds = [b.kind for b in a.blocks]
    assert kinds == ["title", "paragraph", "boilerplate", "boilerplate", "boilerplate"]


@pytest.mark.parametrize(
    "line, boilerplate",
    [
        ("Par Jean Martin", True),
        ("Publié le 12/05/2024 à 10h30", True),
        ("Par Aïssata Traoré, envoyée spéciale à Niamey", True),
        ("Par ailleurs, la junte a fermé la frontière.", False),
        ("Par décret, le gouvernement a dissous le conseil municipal de la ville et nommé une délégation.", False),
    ],
)
def test_parse_article_byline_is_boilerplate_a_sentence_starting_with_par_is_not(line, boilerplate):
    a = parse(f"Titre du jour\n\n{line}\n\nLe Niger a rompu avec la France.")
    assert (a.blocks[1].kind == "boilerplate") == boilerplate


def test_parse_article_crlf_bom_nbsp_apostrophe_map_back_exactly():
    raw = "\ufeffL’armée a reçu 1\u00a0000 soldats.\r\nLe retrait suit.\r\n"
    a = parse(raw)
    assert a.clean.text.startswith("L'armée a reçu 1 000 soldats.")
    i = a.clean.text.index("1 000")
    s, e = a.clean.to_raw(i, i + 5)
    assert a.raw[s:e] == "1\u00a0000"
    nl = a.clean.text.index("\n")
    assert a.raw[slice(*a.clean.to_raw(nl, nl + 1))] == "\r\n"


def test_parse_article_hard_wrapped_lines_joined():
    a = parse("Titre\n\nLes soldats américains ont quitté la base aérienne de la capitale\nnigérienne dimanche soir, selon un communiqué.")
    assert len(a.body_blocks()) == 2
    assert "capitale\nnigérienne" in a.block_text(a.body_blocks()[1])


@pytest.mark.parametrize(
    "path, expected",
    [("003_55adfb9b52fdbeb3.txt", "003-55adfb9b52fdbeb3"), ("2024/Mali Retrait.md", "2024-mali-retrait"), ("Côte_d'Ivoire.txt", "cote-d-ivoire")],
    ids=["seed-name", "subfolder", "accents"],
)
def test_article_id_for_path_slug(path, expected):
    assert article_id_for(path) == expected


@pytest.mark.parametrize(
    "data, problem",
    [(b"", "empty"), (b"   \n", "empty"), (b"abc\x00def", "binary"), (b"Le r\xe9trait", "not valid UTF-8 at byte 4 (0xe9)")],
    ids=["empty", "blank", "nul-bytes", "latin-1"],
)
def test_decode_article_bytes_bad_input_names_problem(data, problem):
    with pytest.raises(ArticleError) as e:
        decode_article_bytes("corpus/x.txt", data)
    assert "corpus/x.txt" in str(e.value) and problem in str(e.value)


def test_discover_files_recursive_skips_dotfiles(make_corpus):
    corpus = make_corpus({"a.txt": "Texte.", "sub/b.txt": "Texte.", ".hidden.txt": "x", ".git/c.txt": "x"})
    assert [p.relative_to(corpus).as_posix() for p in discover_files(corpus)] == ["a.txt", "sub/b.txt"]


def test_read_article_source_path_names_corpus_folder(make_corpus):
    corpus = make_corpus({"sub/b.txt": "Le Niger a rompu avec Paris."})
    a = read_article(corpus / "sub/b.txt", corpus)
    assert a.source_path == "corpus/sub/b.txt" and a.article_id == "sub-b"
    assert len(a.sha256) == 64


def test_duplicate_id_errors_same_slug_reported():
    a = parse("Le texte.", "a_b.txt")
    b = parse("Le texte.", "a-b.txt")
    errors = duplicate_id_errors([a, b])
    assert len(errors) == 1 and "same article id 'a-b'" in str(errors[0])


# --- property: every clean character maps back to the raw text it was cleaned from -----------

PIECES = st.lists(
    st.one_of(
        st.text(alphabet="abcdeéà ’'«»,.\u00a0\u202f", min_size=1, max_size=12),
        st.sampled_from(["<p>", "</p>", "<h2>", "</h2>", "<em>", "</em>", "<section>", "&amp;", "&nbsp;", "&#233;", "\r\n", "\n", "\n\n"]),
    ),
    min_size=1,
    max_size=30,
)


def _expected_clean(piece: str) -> str:
    """What one raw piece may become in clean text."""
    if re.fullmatch(r"<[^>]+>", piece):
        return "\n"
    if re.fullmatch(r"&[^;]+;", piece):
        return html.unescape(piece).translate(str.maketrans(CHAR_REPLACEMENTS))
    return piece.replace("\r\n", "\n").translate(str.maketrans(CHAR_REPLACEMENTS))


@settings(max_examples=300, deadline=None)
@given(pieces=PIECES, header=st.sampled_from(["", " date 2024-05 ", " date 2024-05\n", "# Titre\n"]))
def test_clean_offsets_any_input_map_back_to_source(pieces, header):
    raw = header + "<p>Texte " + "".join(pieces) + "</p>"
    a = parse_article(raw, "x.txt", "c/x.txt", "0" * 64)
    clean = a.clean
    previous_end = 0
    for i, ch in enumerate(clean.text):
        s, e = clean.raw_span(i)
        assert 0 <= s < e <= len(raw)
        assert s >= previous_end or (s, e) == clean.raw_span(i - 1)
        previous_end = e
        source = raw[s:e]
        assert ch in _expected_clean(source) or (ch == "\n" and re.fullmatch(r"</?\w+>", source))
    # Any span maps to the raw text from its first character's source to its last one's.
    n = len(clean.text)
    for a_, b_ in [(0, n), (0, 1), (n // 2, n)] if n else []:
        s, e = clean.to_raw(a_, b_)
        assert s == clean.raw_span(a_)[0] and e == clean.raw_span(b_ - 1)[1]
