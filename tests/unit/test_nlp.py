"""Sentence splitting repairs on top of `senter` (sahel_data.nlp.repair_sentence_starts)."""

from __future__ import annotations

import pytest

from sahel_data.nlp import parse_texts


def sentences(text: str, nlp) -> list[str]:
    return [s.text for s in next(parse_texts([text], nlp)).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no end mark before "N'Tam": senter's split inside the name is undone
        (
            "Le lendemain, le général Horta N'Tam, jusque-là chef d'état-major de l'armée de terre, a prêté serment.",
            ["Le lendemain, le général Horta N'Tam, jusque-l\u00e0 chef d'état-major de l'armée de terre, a prêté serment."],
        ),
        # a closing quote ends the sentence it closes
        ("Il a dit : « Nous partirons. » Puis il est parti.", ["Il a dit : « Nous partirons. »", "Puis il est parti."]),
        # a one-word label opening a live blog's entry still stands apart
        ("12h20 - Cette attaque est la plus meurtrière de l'année.", ["12h20", "- Cette attaque est la plus meurtrière de l'année."]),
    ],
)
def test_sentences_start_only_after_an_end_mark(text, expected, nlp):
    assert sentences(text, nlp) == expected
