"""Plain text and Markdown articles."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import EmptyInput
from .decode import read_text

# Each pattern stops at the first character that cannot be inside it (the next bracket, star,
# backtick or line end), so a line of stray markup costs time in proportion to its length.
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1|([*`])(?=\S)((?:(?!\3)[^\n])+?)(?<=\S)\3")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_MD_QUOTE = re.compile(r"^>[ \t]?", re.M)
_MD_TITLE = re.compile(r"^#[ \t]+(.+)$", re.M)


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Markdown to the plain text the extractor reads, and the first heading as the title."""
    m = _MD_TITLE.search(md)
    title = m.group(1).strip() if m else None
    text = _MD_LINK.sub(r"\1", md)
    text = _MD_EMPH.sub(lambda m: m[2] if m[1] else m[4], text)
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
