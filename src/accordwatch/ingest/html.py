"""HTML pages: main text and metadata through trafilatura."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import EmptyInput, InputError
from .decode import read_text
from .metadata import iso_date

MIN_WORDS = 20   # less main text than this is navigation or an error page, not an article


def html_to_document(html: str, source: str, url: str | None = None) -> Document:
    import trafilatura  # imported here: only HTML input pays for it

    try:
        body = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, favor_precision=True,
            deduplicate=False, with_metadata=False)
        meta = trafilatura.extract_metadata(html, default_url=url) if body else None
    except Exception as e:  # noqa: BLE001 - markup the parsers choke on is a bad page, not a crash
        raise InputError(f"{source}: cannot parse the page ({type(e).__name__}: {e})") from e
    words = len(body.split()) if body else 0
    if words < MIN_WORDS:
        raise EmptyInput(f"{source}: no article text found in the page "
                         f"({words} words of main text, at least {MIN_WORDS} expected)")
    title = meta.title.strip() if meta and meta.title else None
    text = f"{title}\n\n{body}" if title and not body.lstrip().startswith(title) else body
    return Document(
        text=text,
        source=source,
        title=title,
        published=iso_date(meta.date) if meta and meta.date else None,
        outlet=(meta.sitename or None) if meta else None,
        url=url or (meta.url if meta else None),
    )


def read_html(path: Path) -> Iterator[Document]:
    yield html_to_document(read_text(path), str(path))
