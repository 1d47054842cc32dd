"""spaCy tokens and sentences: a blank English tokenizer, the sentencizer, and line breaks."""
from __future__ import annotations

from functools import cache

from ..document import Document
from .pipeline import component


@cache
def nlp():
    """The one blank spaCy pipeline every component shares (no statistical model)."""
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


@component("tokens")
def tokenize(doc: Document) -> None:
    sdoc = nlp()(doc.text)
    # a line break always ends a sentence: titles, stamps and captions have no full stop
    for tok in sdoc[1:]:
        prev = sdoc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    doc.tokens = sdoc
    doc.sentences = [(s.start_char, s.end_char) for s in sdoc.sents]
