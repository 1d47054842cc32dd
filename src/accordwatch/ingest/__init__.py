"""Read sources (files, folders, JSON Lines, feeds, URLs, standard input) into Documents.

`read_paths` yields one `Result` per article: a Document, or the InputError that names the item
and the reason. One broken article never stops the batch. Every document it yields carries its
language in `document.meta["language"]` (language.language_of: "en", "ru" or "und"). Files in a
folder that are of no type it reads are skipped, and told to the caller's `on_skip`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import EmptyInput, InputError, UnsupportedInput, UnsupportedScheme
from .html import read_html
from .jsonl import read_jsonl
from .language import language_of
from .stdin import STDIN, read_stdin
from .text import read_text_file

URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def read_feed_file(path: Path) -> Iterator[Document | InputError]:
    """A feed saved to disk: entries with their text; teasers are fetched only from URLs."""
    from .decode import declares_encoding, decode, read_bytes
    from .feed import read_feed

    raw = read_bytes(path)
    text = decode(raw, str(path))     # empty or binary files are refused here, with the reason
    # a feed that declares its encoding (or has a byte-order mark) goes to the parser as it is;
    # one that does not is XML's UTF-8 only if our decoding says so
    data = raw if declares_encoding(raw) else text.encode("utf-8")
    found = False
    for doc, link, err in read_feed(data, str(path)):
        found = True
        if doc is not None:
            yield doc
        elif err is not None:
            yield err
        else:
            yield InputError(f"{path}: entry {link} carries no text (ingest the feed by URL to fetch its pages)")
    if not found:
        raise InputError(f"{path}: not an RSS or Atom feed (no entries found)")


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


def url_scheme(item: str | Path) -> str | None:
    """The scheme of an item written as a URL ("ftp" for ftp://host/x), else None (a path)."""
    m = URL_SCHEME.match(item) if isinstance(item, str) else None
    return m.group(1).lower() if m else None


# what on_skip is told: the folder, and the files in it that are of no type the ingesters read
SkipHandler = Callable[[Path, list[Path]], None]


def expand(paths: Iterable[str | Path], on_skip: SkipHandler | None = None) -> Iterator[Path]:
    """Files named, and every file of a known type under folders named (sorted, recursive). Files
    of other types in a folder (.pdf, .docx, .png) are skipped and, when there are some, passed to
    `on_skip(folder, files)` before the folder's first file; hidden files and folders are ignored."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            read, skipped = [], []
            for f in sorted(p.rglob("*")):
                if not f.is_file() or f.name.startswith("."):
                    continue
                if f.suffix.lower() in READERS:
                    read.append(f)
                elif not any(part.startswith(".") for part in f.relative_to(p).parts):
                    skipped.append(f)
            if skipped and on_skip is not None:
                on_skip(p, skipped)
            yield from read
        else:
            yield p


def skipped_types(files: Iterable[Path]) -> str:
    """".docx 1, .pdf 2" for the files skipped ("(none)" for files without an extension)."""
    counts: dict[str, int] = {}
    for f in files:
        kind = f.suffix.lower() or "(none)"
        counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))


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
        if not path.is_file():
            raise InputError(f"{path}: not a regular file")
        for item in reader(path):
            if isinstance(item, InputError):
                yield Result(clean(str(path)), error=clean_error(item))
            else:
                item = clean_document(item)
                yield Result(item.source, document=item)
    except InputError as e:
        yield Result(clean(str(path)), error=clean_error(e))
    except Exception as e:  # noqa: BLE001 - a parser that breaks on hostile input: one error, the batch goes on
        yield Result(clean(str(path)), error=clean_error(InputError(f"{path}: cannot read: {type(e).__name__}: {e}")))


_UNSAFE = re.compile("[\ud800-\udfff\x00]")


def clean(value: str) -> str:
    """Text that can be encoded and stored: lone surrogates (JSON escapes such as "\\ud800", file
    names that are not UTF-8) become U+FFFD; NUL characters, which PostgreSQL refuses, go."""
    if not _UNSAFE.search(value):
        return value
    return _UNSAFE.sub(lambda m: "" if m.group(0) == "\x00" else "\ufffd", value)


def clean_error(error: InputError) -> InputError:
    if error.args and isinstance(error.args[0], str):
        error.args = (clean(error.args[0]), *error.args[1:])
    return error


def clean_document(doc: Document) -> Document:
    """The document with text that can be stored (see clean), and its language in meta["language"]."""
    for name in ("text", "source", "title", "published", "outlet", "url"):
        value = getattr(doc, name)
        if isinstance(value, str):
            setattr(doc, name, clean(value))
    doc.meta.setdefault("language", doc.language or language_of(doc.text))
    return doc


def text_result(text: str, source: str = "<text>") -> Result:
    """An article given as a string (`accordwatch extract --text`), as the ingesters would give it."""
    if not text.strip():
        return Result(source, error=EmptyInput(f"{source}: no article text"))
    doc = clean_document(Document(text=text, source=source))
    return Result(doc.source, document=doc)


def read_stdin_results() -> Iterator[Result]:
    """The articles on standard input ("-"): one text or HTML article, or JSON Lines."""
    from .stdin import SOURCE

    try:
        for item in read_stdin():
            if isinstance(item, InputError):
                yield Result(SOURCE, error=clean_error(item))
            else:
                item = clean_document(item)
                yield Result(item.source, document=item)
    except InputError as e:
        yield Result(SOURCE, error=clean_error(e))
    except Exception as e:  # noqa: BLE001 - as for files: one error line, the batch goes on
        yield Result(SOURCE, error=InputError(f"{SOURCE}: cannot read: {type(e).__name__}: {e}"))


def read_url_results(url: str, allow_private: bool = False) -> Iterator[Result]:
    from .url import read_url

    try:
        for item in read_url(url, allow_private):
            if isinstance(item, InputError):
                yield Result(url, error=item)
            else:
                item = clean_document(item)
                yield Result(item.source, document=item)
    except InputError as e:
        yield Result(url, error=e)
    except Exception as e:  # noqa: BLE001 - as for files: one error line, the batch goes on
        yield Result(url, error=InputError(f"{url}: cannot read: {type(e).__name__}: {e}"))


def read_paths(paths: Iterable[str | Path], allow_private: bool = False,
               on_skip: SkipHandler | None = None) -> Iterator[Result]:
    """Every article in files, folders, URLs, feeds and standard input ("-"), in order; errors as
    results. Files of types not read in the folders named are told to `on_skip` (see expand)."""
    for item in paths:
        if is_url(item):
            yield from read_url_results(str(item), allow_private)
        elif str(item) == STDIN:
            yield from read_stdin_results()
        elif (scheme := url_scheme(item)) is not None:
            yield Result(clean(str(item)), error=clean_error(UnsupportedScheme(
                f"{item}: unsupported URL scheme {scheme!r}: use http(s):// or a file path")))
        else:
            found = False
            for path in expand([item], on_skip):
                found = True
                yield from read_file(path)
            if not found:   # a folder with nothing to read: say so rather than read nothing
                yield Result(clean(str(item)), error=clean_error(EmptyInput(
                    f"{item}: no article files in the folder (expected {', '.join(sorted(READERS))})")))
