"""Hard-wrapped text: line breaks inside sentences (wire copy, e-mail, text pasted from a PDF).

A line break normally ends a sentence here (titles, stamps and captions carry no full stop). In
hard-wrapped text that loses every title, name and figure split over a wrap, so the breaks that
only wrap a sentence are found first; the tokenizer reads them as spaces (one character for one,
so offsets hold) and the body ranges run across them.

A break wraps a sentence when the line before it does not end a sentence and either
    - the next line goes on in lower case ("signed by the\nministers of ..."), not with a stamp, or
    - the line before stops on an article, a preposition or a conjunction ("meeting of the\nKazakh-
      Azerbaijani commission"), or
    - the text is hard-wrapped (several lines near one width, cut mid-sentence, and no more than
      a few longer lines) and the line before is near that width, not the first line (the title)
      nor a short stamp line.
"""
from __future__ import annotations

import re

ENDS_SENTENCE = re.compile(r"[.!?…:;|»”\"')\]]\s*$")
# the line after a wrap starts with a word, a number, a bracket or a quote; not a bullet or dash
GOES_ON = re.compile(r"^\s*[\w(“\"$€£¥₸]")
LOWER_START = re.compile(r"^\s*(?!(?:date|dated|updated|published|posted)\b)[a-z]")
# a line that stops on an article, a preposition or a conjunction stops mid-phrase: no title or
# stamp ends so ("The next meeting of the\nKazakh-Azerbaijani commission ...")
DANGLING = re.compile(r"\s(?:the|a|an|of|to|in|on|at|by|for|with|and|or|from|into|и|в|во|на|с|со|по|о|об|к|от|для|из)$",
                      re.I)
MIN_WIDTH = 40        # wrapped text is wrapped at some width past this
MIN_WRAPPED = 3       # lines near the width, cut mid-sentence, that make a text hard-wrapped


def wrap_breaks(text: str) -> list[int]:
    """Offsets of the line breaks that only wrap a sentence, in text order."""
    if "\n" not in text:
        return []
    lines = []   # (start, line) of every line, the last one even if empty
    at = 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    width = _wrap_width(lines)
    out = []
    first = next((i for i, (_, ln) in enumerate(lines) if ln.strip()), 0)
    for i, ((start, line), (_, nxt)) in enumerate(zip(lines, lines[1:], strict=False)):
        body = line.rstrip()
        if not body.strip() or not nxt.strip() or ENDS_SENTENCE.search(body):
            continue
        if not GOES_ON.match(nxt):
            continue
        # the first line is the title: only a line going on in lower case continues it
        near_width = width is not None and len(body) >= 0.75 * width and i != first
        if LOWER_START.match(nxt) and len(body.split()) >= 3 or near_width or DANGLING.search(body):
            out.append(start + len(line))
    return out


def _wrap_width(lines: list[tuple[int, str]]) -> int | None:
    """The width the text is wrapped at, or None when it is not hard-wrapped: the line length
    that most lines stopping mid-sentence come within 15 characters under (at least MIN_WRAPPED
    of them), 160 at most."""
    lengths = sorted(n for n in (len(ln.rstrip()) for _, ln in lines if not ENDS_SENTENCE.search(ln.rstrip()))
                     if MIN_WIDTH <= n <= 160)
    if len(lengths) < MIN_WRAPPED:
        return None
    best, count = None, 0
    lo = 0
    for hi, width in enumerate(lengths):   # a sliding window over the sorted lengths
        while lengths[lo] < width - 15:
            lo += 1
        if hi - lo + 1 >= count:
            best, count = width, hi - lo + 1
    if count < MIN_WRAPPED:
        return None
    # and the text's lines keep to it: a page of long paragraphs with three short lines (a
    # title twice, a footer) is not hard-wrapped
    long_lines = [len(ln.rstrip()) for _, ln in lines if len(ln.rstrip()) >= MIN_WIDTH]
    if sum(n <= best + 5 for n in long_lines) < 0.8 * len(long_lines):
        return None
    return best
