"""JSON Lines: one article per line with text, title, url, published (and optionally outlet)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .decode import read_text
from .metadata import iso_date

TEXT_KEYS = ("text", "body", "content")


def read_jsonl(path: Path) -> Iterator[Document | InputError]:
    text = read_text(path, max_bytes=500_000_000)
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
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
