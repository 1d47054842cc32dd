"""accordwatch: news about international economic cooperation -> a verified, queryable record.

    >>> import accordwatch
    >>> rec = accordwatch.extract("ASTANA – Kazakh Energy Minister Almasadam Satkaliyev met ...")
    >>> rec["people"][0]["name"]
    'Almasadam Satkaliyev'
"""
from __future__ import annotations

from functools import cache
from typing import Any

# The subpackage accordwatch.extract is imported first, on purpose: importing it later would set
# the package attribute `extract` to the subpackage and hide the function defined below.
from . import extract as _extract_package  # noqa: F401
from .document import Document, Span
from .errors import AccordwatchError, InputError

__all__ = ["Document", "Span", "AccordwatchError", "InputError", "extract", "extract_document", "pipeline"]
__version__ = "0.1.0"


@cache
def pipeline():
    """The default extraction pipeline (built once, shared).

    Its gazetteers are loaded and their matchers built here, once, and then moved out of the
    garbage collector's sight (gc.freeze): they live as long as the process, and scanning their
    hundreds of thousands of objects on every collection cost about a tenth of extraction time."""
    import gc

    from .extract.pipeline import Pipeline

    pipe = Pipeline()
    pipe.warm_up()
    gc.freeze()
    return pipe


def extract_document(doc: Document) -> dict[str, Any]:
    """Run the pipeline over a Document and return its record (SCHEMA.md)."""
    from .extract.assemble import build_record

    return build_record(pipeline()(doc))


def extract(text: str, *, published: str | None = None, title: str | None = None,
            source: str = "<text>") -> dict[str, Any]:
    """The record of one article given as text."""
    return extract_document(Document(text=text, published=published, title=title, source=source))
