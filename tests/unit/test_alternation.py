"""The fast pre-tests of dates and quantities answer exactly as the plain regexes they replace,
and the date patterns, tried only where their opening words are, find what they find everywhere."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_data.extract import dates, quantities
from sahel_data.extract.alternation import word_tree

PHRASES = [
    "Le 7 juin, près de 1 000 soldats ont quitté Niamey.",
    "Il y a deux ans, l'armée s'était retirée.",
    "D'ici la mi-septembre, les troupes partiront.",
    "Une centaine de militaires, moins d'une dizaine de blindés.",
    "Au moins un mort et plus d'un blessé selon la MINUSMA.",
    "La semaine dernière, les deux pays ont signé un accord.",
    "Dans les prochains mois, le retrait sera achevé.",
    "Ces jours-là, la junte a expulsé l'ambassadeur.",
    "NÉANMOINS UNE DÉLÉGATION EST ARRIVÉE DIMANCHE.",
    "La moitié des bases, un quart des effectifs, deux tiers des Maliens.",
    "Récemment, le gouvernement a annoncé le départ prochainement.",
]


def _words_of_lexicons() -> list[str]:
    forms = [dates._key(w.form) for w in dates._lexicon()]
    numbers = (quantities._NUMBER_WORDS | set(quantities._COLLECTIVES) | set(quantities._FRACTIONS))
    return sorted(set(forms) | numbers)


# French text made of lexicon words, their pieces, and characters that sit at word edges.
_pieces = st.sampled_from(_words_of_lexicons() + ["un", "une", "de", "d'", "-", "'", ".", ",", "\n", "\n\n", "x", "é", "É", "ſ", "K"])
_texts = st.lists(st.one_of(_pieces, _pieces.map(str.upper), st.text(max_size=3)), max_size=12).map(" ".join)
_glued = st.lists(_pieces, max_size=6).map("".join)


def _old_quantity_cue() -> re.Pattern[str]:
    """The single regex `_might_hold_a_quantity` searched before it was split and made trees."""
    words = (quantities._NUMBER_WORDS - {"un", "une"}) | set(quantities._COLLECTIVES) | set(quantities._FRACTIONS) | {"moitié"}
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    after_un = "an|ans|année|semaine|mois|jour|heure|million|milliard|millier|centaine|dizaine|quart|tiers|demi"
    qualified = r"(?:moins|plus|environ|près|jusqu|maximum|minimum|seulement|que)['\s]+(?:de\s+|d'|à\s+)?une?(?!\w)"
    return re.compile(rf"\d|[%$€]|(?<!\w)(?:{alternation})(?!\w)|(?<!\w)une?\s+(?:{after_un})|{qualified}", re.I)


def _old_date_cue() -> re.Pattern[str]:
    forms = sorted({dates._key(w.form) for w in dates._lexicon() if w.kind in dates._CORE_KINDS}, key=len, reverse=True)
    return re.compile(r"\d|(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.I)


def _cores() -> list[dates._Core]:
    found = {id(c): c for _, _, needs, _ in dates._grammar().patterns for cores in needs for c in cores if isinstance(c, dates._Core)}
    return list(found.values())


def _same_answers(text: str) -> None:
    assert quantities._might_hold_a_quantity(text) == bool(_old_quantity_cue().search(text))
    norm = text.translate(dates._FOLD)
    assert dates._might_hold_a_date(norm) == bool(_old_date_cue().search(norm))
    words = dates._words(norm)
    for core in _cores():
        assert bool(core.search(norm)) == bool(re.search(core.plain, norm, re.I)), core.plain[:60]
        if words is not None and core.search(norm):
            assert core.may_be_in(words), core.plain[:60]
    for pattern, build, _, opening in dates._grammar().patterns:
        everywhere = [m.regs for m in pattern.finditer(norm)]
        if words is not None:
            assert [m.regs for m in dates._matches(pattern, norm, words, opening)] == everywhere, build.__name__


def test_word_tree_matches_exactly_its_words() -> None:
    words = _words_of_lexicons()
    tree = re.compile(f"(?:{word_tree(words)})", re.I)
    assert all(tree.fullmatch(w) for w in words)
    assert not any(tree.fullmatch(w + "q") or tree.fullmatch(w[:-1]) for w in words if w[:-1] not in words and w + "q" not in words)


@pytest.mark.parametrize("text", PHRASES, ids=[p[:24] for p in PHRASES])
def test_pretests_french_phrases_same_answer_as_plain_regex(text: str) -> None:
    _same_answers(text)


@pytest.mark.parametrize("form", _words_of_lexicons())
def test_pretests_each_lexicon_form_same_answer_as_plain_regex(form: str) -> None:
    for text in (form, f"Il a dit {form} hier.", form.upper(), f"x{form}", f"{form}x", f"({form})"):
        _same_answers(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_texts, _glued))
def test_pretests_any_text_same_answer_as_plain_regex(text: str) -> None:
    _same_answers(text)


def test_case_odd_holds_every_character_ignorecase_matches_to_a_lexicon_letter_unlike_lower() -> None:
    # `_words` compares lower-cased words; IGNORECASE also matches a few characters that
    # str.lower() maps elsewhere (or to two characters): those must be in `_CASE_ODD`.
    letters = {ch for w in dates._lexicon() for ch in dates._key(w.form)}
    odd = {
        chr(cp)
        for ch in letters
        for pattern in [re.compile(re.escape(ch), re.I)]
        for cp in range(0x30000)
        if (pattern.fullmatch(chr(cp)) is not None) != (chr(cp).lower() == ch)
    }
    assert {ch for ch in odd if not dates._CASE_ODD.match(ch)} == set()


def test_fold_same_as_translate() -> None:
    text = "l’année\u00a0dernière ‘x’ ʼ \u202f\u2009 ‐‑–− ok"
    assert dates._fold(text) == text.translate(dates._FOLD)
