"""spaCy tokens and sentences.

Tokens come from spaCy's blank English tokenizer (its exceptions keep "Feb.", "U.S." and
"Sept." whole). Sentences follow the rule of spaCy's sentencizer: after a token of sentence-final
punctuation, the next token that is not punctuation starts a sentence. It is computed here from
token arrays, which costs a tenth of running the sentencizer component; line breaks also end
sentences (titles, stamps and captions have no full stop).
"""
from __future__ import annotations

import re
from functools import cache

from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

from ..document import Document
from .pipeline import component

LINE = re.compile(r"[^\n]+")
# the sentencizer's default punctuation, the most common of it
FINAL_PUNCT = ("!", ".", "?", "։", "؟", "۔", "܀", "܁", "܂", "।", "॥", "။", "።", "፧", "፨", "᙮", "…", "‼", "‽",
               "⁇", "⁈", "⁉", "。", "！", "？", "｡")


@cache
def nlp():
    """The one blank spaCy pipeline every component shares (no statistical model)."""
    import spacy

    return spacy.blank("en")


@cache
def final_punct_ids() -> frozenset[int]:
    strings = nlp().vocab.strings
    return frozenset(strings.add(p) for p in FINAL_PUNCT)


def sentence_starts(orth: list[int], punct: list[int]) -> list[int]:
    """Token indices that start a sentence (the sentencizer's rule)."""
    finals = final_punct_ids()
    starts = [0]
    seen_final = False
    for i, (o, p) in enumerate(zip(orth, punct, strict=True)):
        is_final = o in finals
        if seen_final and not p and not is_final:
            starts.append(i)
            seen_final = False
        elif is_final:
            seen_final = True
    return starts


def sentence_spans(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of sentences, cut again at every line break, blanks trimmed."""
    out = []
    for s0, s1 in bounds:
        for m in LINE.finditer(text, s0, s1):
            s, e = m.span()
            piece = m.group(0)
            s += len(piece) - len(piece.lstrip())
            e -= len(piece) - len(piece.rstrip())
            if e > s:
                out.append((s, e))
    return out


@component("tokens")
def tokenize(doc: Document) -> None:
    sdoc = nlp().make_doc(doc.text)
    doc.tokens = sdoc
    arr = sdoc.to_array([IDX, LENGTH, ORTH, IS_PUNCT]).tolist()
    starts = [a[0] for a in arr]
    # character offsets of every token, for matchers that map token spans back to the text
    doc.meta["token_starts"] = starts
    doc.meta["token_ends"] = [a[0] + a[1] for a in arr]
    first = sentence_starts([a[2] for a in arr], [a[3] for a in arr])
    char_starts = [starts[i] for i in first] + [len(doc.text)]
    doc.sentences = sentence_spans(doc.text, list(zip(char_starts, char_starts[1:], strict=False)))
