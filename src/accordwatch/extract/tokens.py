"""spaCy tokens and sentences: a blank English tokenizer, the sentencizer, and line breaks."""
from __future__ import annotations

import re
from functools import cache

from ..document import Document
from .pipeline import component

LINE = re.compile(r"[^\n]+")


@cache
def nlp():
    """The one blank spaCy pipeline every component shares (no statistical model)."""
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def sentence_spans(text: str, sents) -> list[tuple[int, int]]:
    """Character spans of sentences: spaCy's, cut again at every line break (titles, stamps
    and captions end without a full stop), leading and trailing blanks trimmed."""
    out = []
    for sent in sents:
        for m in LINE.finditer(text, sent.start_char, sent.end_char):
            s, e = m.span()
            piece = m.group(0)
            s += len(piece) - len(piece.lstrip())
            e -= len(piece) - len(piece.rstrip())
            if e > s:
                out.append((s, e))
    return out


@component("tokens")
def tokenize(doc: Document) -> None:
    sdoc = nlp()(doc.text)
    doc.tokens = sdoc
    doc.sentences = sentence_spans(doc.text, sdoc.sents)
