"""The object the extraction pipeline annotates: one article and its spans."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

_INF = float("inf")


@dataclass(slots=True)
class Span:
    """A stretch of the article text with a label and, where known, a normalised value.

    `start`/`end` are character offsets into `Document.text`; `text` is the raw surface form.
    """

    start: int
    end: int
    label: str
    text: str
    value: Any = None
    data: dict[str, Any] = field(default_factory=dict)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def as_offsets(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """One article: its text, metadata and the annotations the pipeline adds."""

    text: str
    source: str = "<text>"
    title: str | None = None
    published: str | None = None        # YYYY-MM-DD
    outlet: str | None = None
    dateline: str | None = None
    url: str | None = None
    language: str | None = None          # "en", "ru": given, or told from the script (extract/lang.py)
    # character ranges that are article body (title and text, not bylines or footers);
    # None until the boilerplate component has run: then everything is body.
    body: list[tuple[int, int]] | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    tokens: Any = None                   # the spaCy Doc, set by the "tokens" component
    meta: dict[str, Any] = field(default_factory=dict)

    def in_body(self, start: int, end: int | None = None) -> bool:
        """Is [start, end) inside one of the body ranges (sorted, not overlapping)?"""
        if self.body is None:
            return True
        end = start if end is None else end
        i = bisect_right(self.body, (start, _INF)) - 1
        return i >= 0 and self.body[i][0] <= start and end <= self.body[i][1]

    def add(self, layer: str, span: Span) -> Span:
        self.spans.setdefault(layer, []).append(span)
        return span

    def layer(self, name: str) -> list[Span]:
        return self.spans.get(name, [])

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding `offset` (the whole text when unknown)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if offset < s:
                hi = mid - 1
            elif offset >= e:
                lo = mid + 1
            else:
                return s, e
        return 0, len(self.text)

    def sentence_before(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the last sentence ending at or before `offset` (None if none does):
        the sentence before the one `offset` starts, whatever blanks stand between them."""
        k = bisect_right(self.sentences, (offset, _INF)) - 1
        while k >= 0 and self.sentences[k][1] > offset:
            k -= 1
        return self.sentences[k] if k >= 0 else None
