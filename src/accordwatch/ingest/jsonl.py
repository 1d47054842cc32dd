"""JSON Lines: one article per line with text, title, url, published (and optionally outlet)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError
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
            try:
                yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                yield n, legacy_decode(raw)   # a line saved in a legacy code page


def read_jsonl(path: Path) -> Iterator[Document | InputError]:
    empty = True
    for n, line in _lines(path):
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        empty = False
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"{where}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
            continue
        body = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
        if body is None:
            yield InputError(f"{where}: no article text (expected a 'text' field)")
            continue
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        full = f"{title.strip()}\n\n{body}" if title and not body.lstrip().startswith(title.strip()) else body
        yield Document(
            text=full,
            source=where,
            title=title.strip() if title else None,
            published=iso_date(obj.get("published") or obj.get("date")),
            outlet=obj.get("outlet") if isinstance(obj.get("outlet"), str) else None,
            url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        )
    if empty:
        yield InputError(f"{path}: empty file")
