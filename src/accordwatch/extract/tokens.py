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
NONBLANK = re.compile(r"\S")
# spaCy strips prefixes and suffixes from a chunk one at a time, rescanning the rest each time:
# a chunk of thousands of "(", "$" or emoji with no space costs seconds, 40,000 emoji two
# minutes. No word is this long; longer runs (junk, base64, a very long URL) are cut for the
# tokenizer by a space every MAX_CHUNK characters, one character for one, so offsets hold.
MAX_CHUNK = 100
LONG_RUN = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")
# Sentences of news run to 400 characters. A longer "sentence" (a line of junk, a table with no
# stops) is cut at a space before this length: every figure and event carries its sentence as
# evidence, and one 100,000-character line with 5,000 amounts would carry it 5,000 times.
MAX_SENTENCE = 1000
MAX_TEXT = 20_000_000
# the sentencizer's default punctuation, the most common of it
FINAL_PUNCT = ("!", ".", "?", "։", "؟", "۔", "܀", "܁", "܂", "।", "॥", "။", "።", "፧", "፨", "᙮", "…", "‼", "‽",
               "⁇", "⁈", "⁉", "。", "！", "？", "｡")


@cache
def nlp():
    """The one blank spaCy pipeline every component shares (no statistical model)."""
    import spacy

    pipeline = spacy.blank("en")
    # spaCy refuses texts over 1,000,000 characters to spare its parser and NER the memory; only
    # the tokenizer runs here, in time and memory in proportion to the text, so the ingesters'
    # own limits (5 MB a file or a JSON line) are the ones that count.
    pipeline.max_length = MAX_TEXT
    return pipeline


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
            while e - s > MAX_SENTENCE:
                cut = text.rfind(" ", s + 1, s + MAX_SENTENCE)
                if cut <= s:
                    cut = s + MAX_SENTENCE
                end = cut
                while text[end - 1].isspace():
                    end -= 1
                out.append((s, end))
                nxt = NONBLANK.search(text, cut, e)
                s = nxt.start() if nxt else e
            if e > s:
                out.append((s, e))
    return out


def tokenizer_text(text: str) -> str:
    """The text with a space in place of every MAX_CHUNK+1th character of runs without one."""
    if not LONG_RUN.search(text):
        return text
    pieces, pos = [], 0
    for m in LONG_RUN.finditer(text):
        for cut in range(m.start() + MAX_CHUNK, m.end(), MAX_CHUNK + 1):
            pieces += (text[pos:cut], " ")
            pos = cut + 1
    pieces.append(text[pos:])
    return "".join(pieces)


@component("tokens")
def tokenize(doc: Document) -> None:
    sdoc = nlp().make_doc(tokenizer_text(doc.text))
    doc.tokens = sdoc
    arr = sdoc.to_array([IDX, LENGTH, ORTH, IS_PUNCT]).tolist()
    starts = [a[0] for a in arr]
    # character offsets of every token, for matchers that map token spans back to the text
    doc.meta["token_starts"] = starts
    doc.meta["token_ends"] = [a[0] + a[1] for a in arr]
    first = sentence_starts([a[2] for a in arr], [a[3] for a in arr]) if arr else []   # "" has no tokens
    char_starts = [starts[i] for i in first] + [len(doc.text)]
    doc.sentences = sentence_spans(doc.text, list(zip(char_starts, char_starts[1:], strict=False)))
