"""Bytes to text: UTF-8 first, then the encodings news sites still use.

A file is read only up to MAX_BYTES (looked up on every call, so a caller or a test can lower
it); binary files (NUL bytes, the signature of an image, archive or PDF, many control
characters) and empty files are refused with the reason. Text that is not UTF-8 is decoded by
its byte-order mark, by the charset its markup declares (`<meta charset>`, `<?xml encoding>`),
else as Windows-1251 (Cyrillic) or Windows-1252 (Western European, a superset of Latin-1),
whichever makes words of one script.
"""
from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from ..errors import EmptyInput, InputError

MAX_BYTES = 5_000_000   # per file; JSON Lines files are streamed and limited per line instead
SAMPLE = 8192           # bytes looked at to tell text from binary

# (signature, what it is): the formats most often saved by mistake under a text extension
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"), (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"\x7fELF", "executable"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
)
BOMS = (   # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls that never occur in text (tab, line feed, form feed, carriage return and escape do)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9][A-Za-z0-9_.:-]{1,30})""", re.I)
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]{0,200}?\bencoding\s*=""")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file of at most `max_bytes` (default MAX_BYTES), or an InputError."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file")
        if st.st_size > limit:
            raise InputError(f"{path}: file is {st.st_size:,} bytes, over the {limit:,}-byte limit")
        with path.open("rb") as f:
            raw = f.read(limit + 1)    # never more than the limit, even if the file grows meanwhile
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    if len(raw) > limit:
        raise InputError(f"{path}: file is over the {limit:,}-byte limit")
    return raw


def read_text(path: Path, max_bytes: int | None = None) -> str:
    return decode(read_bytes(path, max_bytes), str(path))


def binary_kind(raw: bytes) -> str | None:
    """Why a file is not text ("PNG image", "NUL bytes"), or None when it is."""
    for signature, kind in MAGIC:
        if raw.startswith(signature):
            return kind
    sample = raw[:SAMPLE]
    if b"\x00" in sample:
        return "NUL bytes"
    if sample and len(sample.translate(None, _CONTROL)) < len(sample) * 0.9:
        return "control characters"   # more than a tenth of them
    return None


def decode(raw: bytes, where: str) -> str:
    """The text of `raw`, line ends normalised to \\n; EmptyInput or InputError when it has none."""
    text = None
    for bom, enc in BOMS:
        if raw.startswith(bom):
            text = raw.decode(enc, errors="replace")
            break
    if text is None:
        if not raw.strip():
            raise EmptyInput(f"{where}: empty file")
        kind = binary_kind(raw)
        if kind:
            raise InputError(f"{where}: binary file ({kind}), not text")
        text = _decode_unmarked(raw)
    if not text.strip():
        raise EmptyInput(f"{where}: empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_unmarked(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(raw)
    if declared:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    mostly = raw.decode("utf-8", errors="replace")
    bad = mostly.count("\ufffd")
    good = sum(1 for ch in mostly if ord(ch) > 127) - bad
    if good >= 10 * bad:   # UTF-8 with a stray byte or two (a truncated or patched file)
        return mostly
    return legacy_decode(raw)


def _declared_charset(raw: bytes) -> str | None:
    """The charset an HTML or XML file declares in its head, if Python knows it."""
    head = raw[:4096]
    if b"<" not in head:
        return None
    m = _DECLARED.search(head)
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name.startswith("utf-8") else name


def declares_encoding(raw: bytes) -> bool:
    """Does an XML file say how it is encoded (a byte-order mark, `<?xml ... encoding="...">`)?"""
    return raw.startswith(tuple(bom for bom, _ in BOMS)) or _XML_ENCODING.match(raw) is not None


def legacy_decode(raw: bytes) -> str:
    """Windows-1251 when the high bytes make Cyrillic words, else Windows-1252 (Latin-1 where
    1252 leaves a byte undefined). Latin text read as 1251 mixes scripts inside words
    ("prйsident"); Russian read as 1251 gives words of Cyrillic letters only."""
    cyr = raw.decode("cp1251", errors="replace")
    cyrillic_words = mixed_words = 0
    for w in _WORD.findall(cyr):
        if _CYRILLIC.search(w):
            if _LATIN.search(w):
                mixed_words += 1
            else:
                cyrillic_words += 1
    if cyrillic_words > mixed_words:
        return cyr
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
