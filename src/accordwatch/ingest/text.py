"""Plain text and Markdown articles."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import EmptyInput
from .decode import read_text

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_RULE = re.compile(r"^\s*([-*_]\s*){3,}$", re.M)
_MD_QUOTE = re.compile(r"^>\s?", re.M)


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Markdown to the plain text the extractor reads, and the first heading as the title."""
    m = re.search(r"^#\s+(.+)$", md, re.M)
    title = m.group(1).strip() if m else None
    text = _MD_LINK.sub(r"\1", md)
    text = _MD_EMPH.sub(r"\2", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    return text, title


def read_text_file(path: Path) -> Iterator[Document]:
    text = read_text(path)
    title = None
    if path.suffix.lower() in (".md", ".markdown"):
        text, title = markdown_to_text(text)
    if not text.strip():
        raise EmptyInput(f"{path}: no article text")
    yield Document(text=text, source=str(path), title=title)
