"""Repairs on top of the model: sentence starts (repair_sentence_starts), accents of capitals
(make_capital_accents)."""

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


def lemmas(text: str, nlp) -> dict[str, str]:
    return {t.text: t.lemma_ for t in next(parse_texts([text], nlp))}


def test_capital_without_its_accent_gets_the_accented_lemma(nlp):
    found = lemmas("Le coup d'Etat a été suivi d'un Echec des négociations entre Etats.", nlp)
    assert (found["Etat"], found["Echec"], found["Etats"]) == ("état", "échec", "état")


def test_capital_of_a_word_without_accent_keeps_its_lemma(nlp):
    found = lemmas("Elle a quitté l'Europe. Enfin, les Emirats ont réagi.", nlp)
    assert found["Elle"].lower() != "élle" and found["Enfin"].lower() == "enfin" and not found["Europe"].lower().startswith("é")
