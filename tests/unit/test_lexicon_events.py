"""Every trigger lexicon row's example sentence yields an event of that row's type."""

from __future__ import annotations

import pytest

from sahel_data.extract.events import _lemma_set, find_triggers, is_negated, is_reported_act, trigger_rules, word_class
from sahel_data.lexicon_io import read_lexicon
from sahel_data.nlp import parse_texts

ROWS = trigger_rules()
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"}


@pytest.mark.parametrize("rule", ROWS, ids=[f"{r.event_type}-{'-'.join(r.lemmas)}" for r in ROWS])
def test_trigger_row_example_yields_its_type(rule, nlp):
    assert rule.event_type in TYPES and rule.example
    from sahel_data.extract.actors import find_mentions, token_actor

    doc = next(parse_texts([rule.example], nlp))
    by_token = token_actor(find_mentions(doc, nlp))  # rows requiring an actor kind ("@country") need the mentions
    found = [m for sent in doc.sents for m in find_triggers(sent, by_token)]
    kept = [m for m in found if not is_negated(m) and is_reported_act(m, found)]
    assert any(m.rule.event_type == rule.event_type for m in kept), (
        f"{rule.example!r} gives {[(m.rule.event_type, m.rule.lemmas) for m in found]}"
    )


@pytest.mark.parametrize("row", read_lexicon("modality_cues.csv"), ids=lambda r: r["lemma"])
def test_modality_cue_row_example_contains_cue(row, nlp):
    assert row["cue"] in {"planned", "planned_reflexive", "scheduled", "negation", "reaction", "speech"}
    doc = next(parse_texts([row["example"]], nlp))
    assert any(t.lemma_.lower() == row["lemma"] or t.lower_ == row["lemma"] for t in doc), [t.lemma_ for t in doc]


WORD_CLASSES = {"state_participle", "accepting", "stepping_down", "seizure_of_power", "intention", "purpose_head", "close_to", "decision_noun", "claim", "third_party", "asserting", "receiving", "time_allowed", "custody", "permitting", "remembering", "background", "day_around", "document", "bringing_to_power", "source_access", "obtaining", "ordering", "enabling", "opposing", "countdown", "participant", "handing_over",
                "military_goods", "relief_goods", "foreign_personnel", "attack_target", "telling_happening", "boycotting", "election", "publishing"}
TRIGGER_CLASSES = {"state_participle", "accepting", "seizure_of_power", "asserting", "receiving", "custody"}


@pytest.mark.parametrize("row", read_lexicon("word_classes.csv"), ids=lambda r: f"{r['class']}-{r['lemma']}")
def test_word_class_row_is_known_and_its_example_has_the_word(row, nlp):
    assert row["class"] in WORD_CLASSES
    first = row["lemma"].split()[0]
    doc = next(parse_texts([row["example"]], nlp))
    assert any(t.lemma_.lower() == first or t.lower_ == first for t in doc), [t.lemma_ for t in doc]
    if row["class"] in TRIGGER_CLASSES:
        # the class names trigger rows: its lemmas are some row's lemmas (first lemma for participles)
        rows = read_lexicon("event_triggers.csv")
        assert any(r["lemmas"] == row["lemma"] or r["lemmas"].split()[0] == row["lemma"] for r in rows)


def test_a_word_class_in_requires_stands_for_all_its_lemmas():
    # one list of goods shared by the rows that give, send or receive them
    assert word_class("military_goods") <= _lemma_set("%military_goods|don")
    assert "don" in _lemma_set("%military_goods|don") and "%military_goods" not in _lemma_set("%military_goods")
    assert _lemma_set("action|%") == {"action", "%"}  # the percent sign is a word, not a class


def test_an_unknown_word_class_in_requires_says_which_and_where():
    with pytest.raises(ValueError, match="unknown word class '%no_such_class'.*word_classes.csv"):
        _lemma_set("%no_such_class")


@pytest.mark.parametrize("sentence", ["La Russie a offert 25 000 tonnes de blé au pays.",
                                      "Le pays a reçu des médicaments et des vivres.",
                                      "Des militaires russes sont arrivés à Bamako."])
def test_rows_sharing_a_goods_class_read_each_of_its_words(sentence, nlp):
    doc = next(parse_texts([sentence], nlp))
    assert any(m.rule.event_type == "AID" for s in doc.sents for m in find_triggers(s))
