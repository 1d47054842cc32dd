"""RSS and Atom feeds: one article per entry (its full content when the feed carries it)."""
from __future__ import annotations

import io
import time
from collections.abc import Iterator

from ..document import Document
from ..errors import InputError

MIN_WORDS = 40   # an entry with less text than this is a teaser: its page is fetched instead


def _html_to_text(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - not HTML after all: keep it as it is
        return html
    return "\n\n".join(p.text_content().strip() for p in root.iter("p") if p.text_content().strip()) or \
        root.text_content().strip()


def is_feed(raw: bytes) -> bool:
    head = raw[:2000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head) or \
        head.startswith((b"<rss", b"<feed"))


def read_feed(raw: bytes, where: str) -> Iterator[tuple[Document | None, str | None, InputError | None]]:
    """(document, None, None) for entries with their text, (None, link, None) for entries whose
    page must be fetched, (None, None, error) for entries that cannot be used."""
    import feedparser

    # a stream, never bytes: feedparser takes bytes that name an existing file (b"/etc/passwd",
    # b"/dev/zero") as a path and reads that file instead of the feed
    try:
        parsed = feedparser.parse(io.BytesIO(raw))
    except Exception as e:  # noqa: BLE001 - its lenient parser breaks on some markup ("&#xD800;")
        raise InputError(f"{where}: not a valid RSS or Atom feed ({type(e).__name__}: {e})") from e
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{where}: not a valid RSS or Atom feed ({parsed.get('bozo_exception')})")
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        title = (entry.get("title") or "").strip() or None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", stamp) if stamp else None
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        body = _html_to_text(html) if html else ""
        if len(body.split()) >= MIN_WORDS:
            text = f"{title}\n\n{body}" if title else body
            yield Document(text=text, source=link or f"{where}#{n}", title=title, published=published,
                           outlet=outlet, url=link), None, None
        elif link:
            yield None, link, None
        else:
            yield None, None, InputError(f"{where} entry {n}: no text and no link")
