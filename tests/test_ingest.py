"""Reading articles from .txt, .md, .html, .jsonl files and folders (accordwatch.ingest.read_paths)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from accordwatch import extract_document
from accordwatch.errors import EmptyInput, InputError, UnsupportedInput
from accordwatch.ingest import read_paths

ARTICLE = ("Kazakhstan and Oman agree on fertilizer plant\n\n"
           "ASTANA – Kazakh and Omani officials agreed to build a nitrogen plant near Aktau.\n")

HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kazakhstan and Oman agree on fertilizer plant | Steppe Herald</title>
<meta property="og:title" content="Kazakhstan and Oman agree on fertilizer plant">
<meta property="og:site_name" content="Steppe Herald">
<meta property="article:published_time" content="2024-05-14T09:30:00+05:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">Headlines from Mongolia</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Kazakhstan and Oman agree on fertilizer plant</h1>
<p>ASTANA – Kazakhstan and Oman agreed to build a nitrogen fertilizer plant in the Mangystau region, the two
governments announced on Tuesday after a round of talks in the capital.</p>
<p>The Omani delegation was led by a deputy minister who said construction could start next year if the
financing is arranged through a regional development fund.</p>
<p>Kazakh officials said the plant would export part of its output to neighbouring countries and employ
several hundred local workers once it reaches full capacity.</p>
</article></main>
<footer><p>Copyright 2024 Steppe Herald. Read our coverage of Mongolia.</p><a href="/about">About us</a></footer>
</body></html>
"""


def read(*paths: Path) -> list:
    return list(read_paths(paths))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---- plain text ----

def test_txt_file(tmp_path):
    path = write(tmp_path / "oman.txt", ARTICLE)
    [result] = read(path)
    assert result.ok and result.error is None
    assert result.source == str(path)
    assert result.document.text == ARTICLE
    assert result.document.title is None          # the header component finds it later
    record = extract_document(result.document)
    assert record["document"]["title"] == "Kazakhstan and Oman agree on fertilizer plant"
    assert record["countries"] == ["KAZ", "OMN"]


def test_txt_windows_line_endings_and_bom(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffKazakh wheat for Iran\r\n\r\nThe first train left Kostanay.\r\n".encode())
    [result] = read(path)
    assert result.document.text == "Kazakh wheat for Iran\n\nThe first train left Kostanay.\n"


def test_txt_legacy_cyrillic_encoding(tmp_path):
    path = tmp_path / "cyr.txt"
    path.write_bytes("Казахстан и Узбекистан\n".encode("cp1251"))
    [result] = read(path)
    assert result.document.text == "Казахстан и Узбекистан\n"


# ---- markdown ----

def test_markdown_heading_becomes_title_and_markup_is_stripped(tmp_path):
    md = ("# Kazakhstan and Oman agree on fertilizer plant\n\n"
          "*Published: 14 May 2024*\n\n"
          "**ASTANA –** Kazakh and [Omani](https://example.om/news) officials agreed to build a `nitrogen` plant.\n\n"
          "## Next steps\n\n"
          "> The plant will be *ready* in 2027.\n\n"
          "---\n")
    [result] = read(write(tmp_path / "oman.md", md))
    doc = result.document
    assert doc.title == "Kazakhstan and Oman agree on fertilizer plant"
    for markup in ("#", "*", "[", "](", "`", ">", "---", "https://"):
        assert markup not in doc.text
    assert "Kazakh and Omani officials agreed to build a nitrogen plant." in doc.text
    record = extract_document(doc)
    assert record["document"]["published"] == "2024-05-14"
    assert record["document"]["dateline"] == "Astana"
    assert record["countries"] == ["KAZ", "OMN"]


# ---- html ----

def test_html_title_date_outlet_from_metadata(tmp_path):
    [result] = read(write(tmp_path / "page.html", HTML))
    doc = result.document
    assert doc.title == "Kazakhstan and Oman agree on fertilizer plant"
    assert doc.published == "2024-05-14"
    assert doc.outlet == "Steppe Herald"


def test_html_navigation_and_footer_not_in_text(tmp_path):
    [result] = read(write(tmp_path / "page.htm", HTML))
    text = result.document.text
    assert "nitrogen fertilizer plant in the Mangystau region" in text
    assert "full capacity" in text
    for furniture in ("Home", "Sport", "About us", "Copyright", "Mongolia"):
        assert furniture not in text
    record = extract_document(result.document)
    assert record["countries"] == ["KAZ", "OMN"]
    assert record["document"]["dateline"] == "Astana"


def test_html_without_article_text_is_an_error(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><title>Nothing</title></head><body></body></html>")
    [result] = read(path)
    assert not result.ok
    assert isinstance(result.error, EmptyInput)
    assert str(path) in str(result.error)
    assert "no article text" in str(result.error)


def test_html_with_only_navigation_is_an_error(tmp_path):
    html = ("<html><head><title>Steppe Herald</title></head><body><nav><a href='/'>Home</a> "
            "<a href='/about'>About</a></nav><footer>Copyright 2024</footer></body></html>")
    [result] = read(write(tmp_path / "nav.html", html))
    assert not result.ok


# ---- json lines ----

def test_jsonl_several_articles_with_metadata(tmp_path):
    lines = [
        {"title": "Kazakh wheat for Iran", "text": "Kazakhstan shipped wheat to Iran.",
         "published": "2024-03-27T10:00:00+05:00", "url": "https://example.kz/1", "outlet": "Kazinform"},
        {"body": "Belarus will send tractors to Kyrgyzstan.", "date": "Wed, 27 Mar 2024 10:00:00 GMT"},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    first, second = read(path)
    assert first.source == f"{path}:1" and second.source == f"{path}:2"
    assert first.document.title == "Kazakh wheat for Iran"
    assert first.document.text.startswith("Kazakh wheat for Iran\n\n")
    assert (first.document.published, first.document.url, first.document.outlet) == (
        "2024-03-27", "https://example.kz/1", "Kazinform")
    assert second.document.published == "2024-03-27"
    assert extract_document(second.document)["countries"] == ["BLR", "KGZ"]


def test_jsonl_broken_line_is_reported_and_the_rest_is_read(tmp_path):
    path = write(tmp_path / "feed.jsonl",
                 '{"text": "Kazakh and Uzbek officials met."}\n'
                 '{"text": "unterminated\n'
                 '\n'
                 '{"text": "Belarus ships tractors to Kyrgyzstan."}\n')
    results = read(path)
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert isinstance(error, InputError)
    assert f"{path}:2:" in str(error)
    assert "not valid JSON" in str(error)
    assert results[2].source == f"{path}:4"


@pytest.mark.parametrize("line, reason", [
    ("[1, 2]", "expected a JSON object"),
    ('{"title": "No body here"}', "no article text"),
    ('{"text": "   "}', "no article text"),
])
def test_jsonl_line_without_article(tmp_path, line, reason):
    path = write(tmp_path / "odd.jsonl", line + "\n")
    [result] = read(path)
    assert not result.ok
    assert f"{path}:1:" in str(result.error)
    assert reason in str(result.error)


# ---- folders ----

def test_folder_is_read_recursively_and_sorted(tmp_path):
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "a.md", "# Heading\n\nKazakh wheat reached Iran.\n")
    write(tmp_path / "nested" / "deeper" / "c.html", HTML)
    write(tmp_path / "nested" / "d.jsonl", '{"text": "One"}\n{"text": "Two"}\n')
    write(tmp_path / "notes.pdf", "not an article")          # unknown types inside folders are skipped
    write(tmp_path / ".hidden.txt", "draft")                  # hidden files too
    results = read(tmp_path)
    assert all(r.ok for r in results)
    sources = [Path(r.source).relative_to(tmp_path).as_posix() for r in results]
    assert sources == ["a.md", "b.txt", "nested/d.jsonl:1", "nested/d.jsonl:2", "nested/deeper/c.html"]


def test_folder_and_file_arguments_mix(tmp_path):
    folder = tmp_path / "batch"
    write(folder / "one.txt", ARTICLE)
    extra = write(tmp_path / "two.txt", ARTICLE)
    assert [Path(r.source).name for r in read(folder, extra)] == ["one.txt", "two.txt"]


# ---- errors ----

def test_unknown_file_type_is_a_clear_error(tmp_path):
    path = write(tmp_path / "report.pdf", "%PDF-1.4")
    [result] = read(path)
    assert isinstance(result.error, UnsupportedInput)
    message = str(result.error)
    assert str(path) in message
    assert "unknown file type '.pdf'" in message
    assert ".txt" in message and ".jsonl" in message


def test_empty_file_is_a_clear_error(tmp_path):
    path = write(tmp_path / "empty.txt", "  \n\n")
    [result] = read(path)
    assert isinstance(result.error, EmptyInput)
    assert str(result.error) == f"[AW103] {path}: empty file"


def test_missing_file_is_a_clear_error(tmp_path):
    [result] = read(tmp_path / "nowhere.txt")
    assert not result.ok
    assert "no such file or folder" in str(result.error)


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    [result] = read(path)
    assert "binary file" in str(result.error)


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    bad = write(tmp_path / "bad.txt", "")
    results = read(bad, good)
    assert [r.ok for r in results] == [False, True]
