"""JSON Lines: one article per line with text, title, url, published (and optionally outlet and
language: "en" or "ru")."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError
from ..language import CODES
from .decode import legacy_decode
from .metadata import iso_date

TEXT_KEYS = ("text", "body", "content")


MAX_LINE_BYTES = 5_000_000


def _lines(path: Path) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines, read one at a time: a file of millions of articles never sits in memory."""
    try:
        f = path.open("rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    with f:
        for n, raw in enumerate(f, start=1):
            if len(raw) > MAX_LINE_BYTES:
                yield n, InputError(f"{path}:{n}: line of {len(raw):,} bytes, over the {MAX_LINE_BYTES:,}-byte limit")
                continue
            yield n, decode_line(raw, first=n == 1)


def parse_line(line: str, where: str) -> Document | InputError | None:
    """One line of JSON Lines: its article, the InputError that says why not, or None when blank."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(f"{where}: not valid JSON ({e.msg} at column {e.colno})")
    if not isinstance(obj, dict):
        return InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    body = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if body is None:
        return InputError(f"{where}: no article text (expected a 'text' field)")
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    full = f"{title.strip()}\n\n{body}" if title and not body.lstrip().startswith(title.strip()) else body
    return Document(
        text=full,
        source=where,
        title=title.strip() if title else None,
        published=iso_date(obj.get("published") or obj.get("date")),
        outlet=obj.get("outlet") if isinstance(obj.get("outlet"), str) else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        language=obj.get("language") if obj.get("language") in CODES else None,
    )


def decode_line(raw: bytes, first: bool = False) -> str:
    """A line's text: UTF-8 (a byte-order mark on the first line dropped), else the legacy code page
    its bytes fit (a line saved in Windows-1251 or -1252)."""
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        return legacy_decode(raw)


def read_jsonl(path: Path) -> Iterator[Document | InputError]:
    empty = True
    for n, line in _lines(path):
        if isinstance(line, InputError):
            yield line
            continue
        item = parse_line(line, f"{path}:{n}")
        if item is not None:
            empty = False
            yield item
    if empty:
        yield InputError(f"{path}: empty file")
