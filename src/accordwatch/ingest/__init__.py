"""Read sources (files, folders, JSON Lines) into Documents.

`read_paths` yields one `Result` per article: a Document, or the InputError that names the item
and the reason. One broken article never stops the batch.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import InputError, UnsupportedInput
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text_file


def read_feed_file(path: Path) -> Iterator[Document | InputError]:
    """A feed saved to disk: entries with their text; teasers are fetched only from URLs."""
    from .decode import read_text
    from .feed import read_feed

    raw = read_text(path).encode("utf-8")
    for doc, link, err in read_feed(raw, str(path)):
        if doc is not None:
            yield doc
        elif err is not None:
            yield err
        else:
            yield InputError(f"{path}: entry {link} carries no text (ingest the feed by URL to fetch its pages)")


READERS = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,
}


@dataclass
class Result:
    """What reading one item gave: a document, or the error that says why not."""

    source: str
    document: Document | None = None
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


def is_url(item: str | Path) -> bool:
    return isinstance(item, str) and item.split("://", 1)[0].lower() in ("http", "https")


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and every file of a known type under folders named (sorted, recursive)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in READERS and not f.name.startswith("."):
                    yield f
        else:
            yield p


def read_file(path: Path) -> Iterator[Result]:
    """The articles in one file (several for JSON Lines)."""
    reader = READERS.get(path.suffix.lower())
    try:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if reader is None:
            raise UnsupportedInput(
                f"{path}: unknown file type {path.suffix or '(none)'!r}; "
                f"expected one of {', '.join(sorted(READERS))}")
        for item in reader(path):
            if isinstance(item, InputError):
                yield Result(str(path), error=item)
            else:
                yield Result(item.source, document=item)
    except InputError as e:
        yield Result(str(path), error=e)


def read_url_results(url: str, allow_private: bool = False) -> Iterator[Result]:
    from .url import read_url

    try:
        for item in read_url(url, allow_private):
            if isinstance(item, InputError):
                yield Result(url, error=item)
            else:
                yield Result(item.source, document=item)
    except InputError as e:
        yield Result(url, error=e)


def read_paths(paths: Iterable[str | Path], allow_private: bool = False) -> Iterator[Result]:
    """Every article in files, folders, URLs and feeds, in order; errors as results."""
    for item in paths:
        if is_url(item):
            yield from read_url_results(str(item), allow_private)
        else:
            for path in expand([item]):
                yield from read_file(path)
