"""Standard input ("-" among the sources): one article as text or HTML, or JSON Lines.

The first line that is not blank tells them apart: a JSON object there makes the input JSON Lines,
read line by line (one article per line, named <stdin>:LINE); anything else is one article, read up
to decode.MAX_BYTES like a file and decoded the same way (HTML when it starts as an HTML page).
"""
from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from ..document import Document
from ..errors import EmptyInput, InputError
from . import decode as _decode
from .html import html_to_document
from .jsonl import MAX_LINE_BYTES, decode_line, parse_line

STDIN = "-"
SOURCE = "<stdin>"


def binary_stdin() -> BinaryIO:
    """sys.stdin as bytes (a test's text stream is encoded as UTF-8)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO((sys.stdin.read() if sys.stdin else "").encode("utf-8"))


def _is_json_object(line: bytes) -> bool:
    text = decode_line(line, first=True).strip()
    if not text.startswith("{"):
        return False
    try:
        return isinstance(json.loads(text), dict)
    except json.JSONDecodeError:
        return False


def _is_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in head)


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """The articles on standard input (or `stream`)."""
    stream = binary_stdin() if stream is None else stream
    head: list[bytes] = []
    while True:   # up to the first line that is not blank
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            break
        head.append(line)
        if line.strip():
            break
    if not head or not head[-1].strip():
        raise EmptyInput(f"{SOURCE}: nothing on standard input")
    if len(head[-1]) <= MAX_LINE_BYTES and _is_json_object(head[-1]):
        yield from _json_lines(stream, head)
        return
    limit = _decode.MAX_BYTES
    raw = b"".join(head)
    raw += stream.read(max(0, limit + 1 - len(raw)))
    if len(raw) > limit:
        raise InputError(f"{SOURCE}: standard input is over the {limit:,}-byte limit of one article "
                         f"(give JSON Lines, one article per line, for more)")
    text = _decode.decode(raw, SOURCE)
    if _is_html(raw):
        yield html_to_document(text, SOURCE)
    else:
        yield Document(text=text, source=SOURCE)


def _json_lines(stream: BinaryIO, head: list[bytes]) -> Iterator[Document | InputError]:
    n = len(head)
    line: bytes | None = head[-1]
    while line:
        where = f"{SOURCE}:{n}"
        if len(line) > MAX_LINE_BYTES:
            yield InputError(f"{where}: line over the {MAX_LINE_BYTES:,}-byte limit")
            while line and not line.endswith(b"\n"):   # skip the rest of it
                line = stream.readline(MAX_LINE_BYTES + 1)
        else:
            item = parse_line(decode_line(line, first=n == 1), where)
            if item is not None:
                yield item
        line = stream.readline(MAX_LINE_BYTES + 1)
        n += 1
