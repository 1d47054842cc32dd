"""Bytes to text: UTF-8 first, then the encodings news sites still use."""
from __future__ import annotations

from pathlib import Path

from ..errors import EmptyInput, InputError

MAX_BYTES = 5_000_000


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    return decode(raw, str(path))


def decode(raw: bytes, where: str) -> str:
    if not raw.strip():
        raise EmptyInput(f"{where}: empty file")
    if b"\x00" in raw[:4096]:
        raise InputError(f"{where}: binary file, not text")
    for enc in ("utf-8-sig", "cp1251", "latin-1"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    return text.replace("\r\n", "\n").replace("\r", "\n")
