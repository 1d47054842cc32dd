"""The library entry point `accordwatch.extract(text, published=..., title=...)`."""
from __future__ import annotations

import accordwatch
from accordwatch import Document, extract_document


def test_extract_document_returns_the_record():
    record = extract_document(Document(text="Kazakhstan and Oman signed a memorandum.", published="2024-05-14",
                                       title="Oman deal"))
    assert record["document"]["published"] == "2024-05-14"
    assert record["document"]["title"] == "Oman deal"
    assert record["countries"] == ["KAZ", "OMN"]


def test_extract_can_be_called_twice():
    first = accordwatch.extract("Kazakhstan and Oman signed a memorandum.", published="2024-05-14")
    second = accordwatch.extract("Belarus ships tractors to Kyrgyzstan.", title="Tractors")
    assert first["countries"] == ["KAZ", "OMN"]
    assert second["countries"] == ["BLR", "KGZ"]
    assert second["document"]["title"] == "Tractors"
