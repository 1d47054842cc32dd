"""Which parts of the text are article body: not bylines, author bios, footers or credits."""
from __future__ import annotations

import re

from ..document import Document
from .pipeline import component
from .wrap import wrap_breaks

# a whole line that is page furniture, not article body
FURNITURE = re.compile(r"""
    ^\s*(?:
        (?:get|receive)\b.{0,60}\b(?:stories|news|updates)\b.{0,100}\b(?:sign\s+up|subscribe)
      | (?:sign\s+up|subscribe)\b.{0,80}\b(?:newsletter|channel|twitter|facebook|telegram|instagram)
      | follow\s+us\b
      | join\s+(?:us|our)\b.{0,40}\b(?:telegram|whatsapp|channel)
      | (?:read|see)\s+(?:more|also)\s*:
      | (?:читайте|смотрите)\s+также\s*: | (?:новости|материалы)\s+по\s+теме\s*:   # "Читайте также: <a headline>"
      | related(?:\s+(?:articles|news|stories))?\s*:
      | view\s+more\s+articles
      | (?:photo|image)s?(?:\s+credit)?\s*:
      | (?:copyright|©|all\s+rights\s+reserved)
      | share\s+(?:this|on)\b
      | tags?\s*:
      | (?:source|источник)\s*:\s*[^\s:][^\n:]{0,40}$     # "Source: ENA": the agency credited, no body
      | divider\s*$
      | .{0,80}\{\{[^{}\n]{1,80}\}\}                     # a page template's placeholder: "{{comment.DisplayName}}"
      | be\s+the\s+first\s+to\s+comment
      | .{0,120}\bctrl\s*\+\s*enter\b                  # "Found a typo? Select it and press Ctrl+Enter"
      | (?:all\s+news|все\s+новости|log\s+in|sign\s+in|войти(?:\s+в\s+почту)?)\s*$   # a site's links
      # a site's exchange-rate ticker: "Currency rates from 25/11/2024", "$1 – 12829.07", "UZS – -0.12%"
      | (?:currency|exchange)\s+rates?\b.{0,30}$
      | [$€₽£¥]\s?1\s*[–—=-]\s*[\d\s.,]+$
      | [A-Z]{3}\s*[–—-]\s*[-+]?\d+(?:[.,]\d+)?\s*%\s*$
      | [•·]?\s*[$€₽£¥]\s?\d+(?:[.,]\d+)?\s+[-+]\d+(?:[.,]\d+)?\s*%?\s*$     # "• $ 94.42 +0.67"
    )""", re.I | re.X)

# a heading alone on its line that opens a list of other articles: the body ends above it
LIST_HEADING = re.compile(r"""
    \s*(?:
        related(?:\s+(?:articles|news|stories|posts|content|reading))?
      | (?:more|other|latest|recent)\s+(?:news|stories|articles)(?:\s+\w+){0,3}
      | (?:read|see)\s+(?:more|also)
      | you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)
      | recommended(?:\s+for\s+you)?
      | читайте\s+также | смотрите\s+также
      | (?:похожие|другие|последние)\s+(?:новости|материалы|статьи|публикации)
      | (?:новости|материалы|статьи)\s+по\s+теме | (?:ещ[её])\s+по\s+теме
    )\s*:?\s*""", re.I | re.X)
# body lines above a list heading: one nearer the top is the site's menu, not the end of the article
MIN_BODY_LINES = 3
# a line that is a video's running time ("01:54") and the headline right under it: a list of videos
DURATION = re.compile(r"\s*\d{1,2}:\d{2}\s*")

# a credit at the end of a caption line: "... official visit. Photo credit: site.com"
CREDIT_TAIL = re.compile(r"\s*(?:photo|image)(?:\s+credit)?\s*:\s*[^.\n]{0,80}$", re.I)
# what every CREDIT_TAIL match holds: where the text has none, no line is searched for one
CREDIT_WORD = re.compile(r"photo|image", re.I)

# a line that opens an author bio
BIO = re.compile(r"\b(?:has\s+(?:worked|written|been\s+(?:a|an)\s+\w+)|is\s+a\s+(?:journalist|reporter|"
                 r"correspondent|writer|staff\s+writer|editor|contributor)|studied\s+at|graduated\s+from|"
                 r"joined\s+.{1,60}\s+as\s+a)\b", re.I)
NAME_LINE = re.compile(r"^\s*(?:By\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s*$")


def body_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of the lines that are article body."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    cut = min(_bio_start(lines), _list_start(lines))
    # the search runs only where the words may be: case-folded "photo" or "mage" (of whose letters
    # only "i" has case forms besides its capital, "İ" and "ı", that lower() does not map to "i")
    low = text.lower()
    credits = ("photo" in low or "mage" in low) and CREDIT_WORD.search(text) is not None
    keep: list[tuple[int, int]] = []
    for i, (s, e, line) in enumerate(lines):
        if i >= cut or not line.strip() or FURNITURE.match(line) or is_menu(line):
            continue
        if _duration(line) or (i > 0 and _duration(lines[i - 1][2])):
            continue
        m = CREDIT_TAIL.search(line) if credits else None
        if m:
            e = s + m.start()
        keep.append((s, e))
    return keep


# a site's menu run into one line ("✕ CLOSE Online Special City News Entrepreneurship Environment ... Travel &
# Leisure Viewpoint"): many words, nearly all capitalised, with no comma or full stop; no headline is that long
MENU_WORDS = 16
MENU_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_menu(line: str) -> bool:
    if len(line) < 80 or "," in line or ". " in line:
        return False
    words = MENU_WORD.findall(line)
    return len(words) >= MENU_WORDS and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _duration(line: str) -> bool:
    return len(line) <= 12 and ":" in line and DURATION.fullmatch(line) is not None


def _list_start(lines: list[tuple[int, int, str]]) -> int:
    """Index of the line of a heading over a list of other articles ("Related Articles", "Читайте
    также"), with at least MIN_BODY_LINES lines of text above it, or len(lines)."""
    seen = 0
    for i, (_, _, line) in enumerate(lines):
        if not line.strip():
            continue
        if seen >= MIN_BODY_LINES and len(line) <= 60 and LIST_HEADING.fullmatch(line):
            return i
        seen += 1
    return len(lines)


def _bio_start(lines: list[tuple[int, int, str]]) -> int:
    """Index of the line where a trailing byline + author bio starts, or len(lines)."""
    nonblank = [i for i, (_, _, ln) in enumerate(lines) if ln.strip()]
    tail = nonblank[-8:]
    for k, i in enumerate(tail):
        if NAME_LINE.match(lines[i][2]) and any(BIO.search(lines[j][2]) for j in tail[k + 1:]):
            return i
    return len(lines)


def join_wraps(body: list[tuple[int, int]], wraps: list[int]) -> list[tuple[int, int]]:
    """Body lines joined across the line breaks that only wrap a sentence (wrap.py), so that a
    name or a figure split over a wrap is inside one body range."""
    if not wraps or not body:
        return body
    soft = set(wraps)
    out = [body[0]]
    for s, e in body[1:]:
        ps, pe = out[-1]
        if s == pe + 1 and pe in soft:
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


@component("boilerplate")
def mark_body(doc: Document) -> None:
    wraps = wrap_breaks(doc.text)
    doc.meta["wraps"] = wraps
    doc.body = join_wraps(body_ranges(doc.text), wraps)
