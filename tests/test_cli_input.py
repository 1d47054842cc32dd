"""Missing basics (issue P9, item B): --version, standard input (`extract -`, `ingest -`), `extract --text`,
a warning for files of types that are skipped, and one for articles in a language extraction cannot read.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

import accordwatch
from accordwatch.cli import app
from accordwatch.ingest import READERS, read_paths
from accordwatch.ingest.language import language_of, language_warning

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
ARTICLE = EXAMPLES / "a01_kaz_uzb_roadmap.txt"
READS = " ".join(sorted(READERS))

RUSSIAN = (
    "Казахстан и Узбекистан подписали дорожную карту по развитию торговли\n\n"
    "ТАШКЕНТ, 4 марта. Министр торговли и интеграции Казахстана Арман Шаккалиев и министр инвестиций, "
    "промышленности и торговли Узбекистана Лазиз Кудратов подписали дорожную карту по торгово-промышленному "
    "сотрудничеству на 2024 год. По данным казахстанской статистики, товарооборот между странами в 2023 году "
    "достиг 4,4 млрд долларов США, увеличившись на 12,3%. Стороны договорились довести его до 10 млрд "
    "долларов к 2030 году.\n")
KAZAKH = ("Қазақстан мен Өзбекстан 2030 жылға қарай тауар айналымын 10 миллиард долларға жеткізуді "
          "көздейтін жол картасын қабылдады.\n")
ENGLISH_WITH_RUSSIAN_NAMES = (
    "ASTANA – The Kazakh and Russian sides discussed the supply of grain. The memorandum "
    "(«Меморандум о сотрудничестве») was signed by both ministries on Monday, Kazinform reports.\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def one_line(text: str) -> str:
    return " ".join(text.split())


# --version -----------------------------------------------------------------------------------------

def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"accordwatch {accordwatch.__version__}\n"
    assert accordwatch.__version__ == version("accordwatch")


def test_help_points_to_the_record_key_by_key(runner):
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "The record, key by key: docs/record.md" in result.stdout
    assert "--version" in result.stdout


# standard input ------------------------------------------------------------------------------------

def test_extract_reads_an_article_from_standard_input(runner):
    result = runner.invoke(app, ["extract", "-", "--json"], input=ARTICLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["document"]["source"] == "<stdin>"
    assert record["document"]["published"] == "2024-03-04" and record["countries"] == ["KAZ", "UZB"]
    from_file = accordwatch.extract_document(next(read_paths([ARTICLE])).document)
    assert {k: v for k, v in record.items() if k != "document"} == \
        {k: v for k, v in from_file.items() if k != "document"}


def test_extract_reads_json_lines_from_standard_input(runner):
    feed = (EXAMPLES / "feed_sample.jsonl").read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "--json"], input="\n" + feed)
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    expected = [json.loads(line) for line in feed.splitlines() if line.strip()]
    assert len(records) == len(expected) >= 2
    assert [r["document"]["source"] for r in records] == [f"<stdin>:{n}" for n in range(2, len(expected) + 2)]
    assert [r["document"]["title"] for r in records] == [e.get("title") for e in expected]


def test_broken_json_line_on_standard_input_is_named(runner):
    lines = '{"text": "Kazakhstan shipped wheat to Iran."}\n{oops\n{"text": "Belarus sells buses to Kyrgyzstan."}\n'
    result = runner.invoke(app, ["extract", "-", "--json"], input=lines)
    assert result.exit_code == 1
    assert [r["document"]["source"] for r in json_lines(result.stdout)] == ["<stdin>:1", "<stdin>:3"]
    assert result.stderr.startswith("error: [AW101] <stdin>:2: not valid JSON")


def test_extract_reads_an_html_page_from_standard_input(runner):
    page = EXAMPLES / "h01_kz_saudi_wind_investment.html"
    result = runner.invoke(app, ["extract", "-", "--json"], input=page.read_bytes())
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    [from_file] = json_lines(runner.invoke(app, ["extract", str(page), "--json"]).stdout)
    assert record["document"]["title"] == from_file["document"]["title"] is not None
    assert record["countries"] == from_file["countries"]


def test_empty_standard_input(runner):
    result = runner.invoke(app, ["extract", "-"], input="\n  \n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "error: [AW103] <stdin>: nothing on standard input"


def test_extract_out_names_standard_input_records(runner, tmp_path):
    result = runner.invoke(app, ["extract", "-", "--out", str(tmp_path / "out")],
                           input='{"text": "Kazakhstan shipped wheat to Iran."}\n')
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["stdin-1.json"]


def test_ingest_reads_standard_input_in_a_real_pipe(tmp_path):
    feed = EXAMPLES / "feed_sample.jsonl"
    n = sum(1 for line in feed.read_text(encoding="utf-8").splitlines() if line.strip())
    env = {k: v for k, v in os.environ.items() if k != "ACCORDWATCH_DB"}
    with feed.open("rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "accordwatch.cli", "ingest", "-", "--db",
                                 str(tmp_path / "aw.db"), "-q"], stdin=stdin, capture_output=True, text=True,
                                env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{n} read: {n} new, 0 duplicate" in result.stderr
    with ARTICLE.open("rb") as stdin:
        text = subprocess.run([sys.executable, "-m", "accordwatch.cli", "ingest", "-", "--db",
                               str(tmp_path / "aw.db"), "-q"], stdin=stdin, capture_output=True, text=True,
                              env=env, timeout=120)
    assert text.returncode == 0, text.stderr
    assert "1 read: 1 new" in text.stderr


# --text ----------------------------------------------------------------------------------------------

def test_extract_text_given_on_the_command_line(runner):
    text = ("ASTANA – Kazakhstan and Uzbekistan signed a roadmap on trade and industrial cooperation on "
            "March 4, 2024. Trade between the two countries reached $4.4 billion in 2023, up 12.3%.")
    result = runner.invoke(app, ["extract", "--text", text, "--json"])
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record == accordwatch.extract(text)
    assert record["countries"] == ["KAZ", "UZB"]
    assert [(f["indicator"], f["value"]) for f in record["figures"]] == [("trade_turnover", 4.4e9)]


def test_extract_text_and_files_together(runner):
    result = runner.invoke(app, ["extract", "--text", "Belarus will send tractors to Kyrgyzstan.", str(ARTICLE),
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert [r["document"]["source"] for r in json_lines(result.stdout)] == ["<text>", str(ARTICLE)]


def test_extract_with_nothing_to_read(runner):
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2
    assert result.stderr == "error: nothing to extract: give files or folders, - for standard input, or --text TEXT\n"
    empty = runner.invoke(app, ["extract", "--text", "  "])
    assert empty.exit_code == 1 and "error: [AW103] <text>: no article text" in empty.stderr


# files of types that are skipped ---------------------------------------------------------------------

@pytest.fixture
def mixed(tmp_path) -> Path:
    """A folder as a newcomer has it: an article, and a report, a draft and a photo beside it."""
    folder = tmp_path / "inbox"
    (folder / "photos").mkdir(parents=True)
    (folder / "a01.txt").write_bytes(ARTICLE.read_bytes())
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (folder / "draft.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (folder / "photos" / "signing.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return folder


def test_extract_warns_about_skipped_files_and_counts_them(runner, mixed):
    result = runner.invoke(app, ["extract", str(mixed), "--json"])
    assert result.exit_code == 0, result.output
    assert len(json_lines(result.stdout)) == 1
    assert result.stderr.splitlines() == [
        f"warning: {mixed}: 3 file(s) skipped, of types accordwatch does not read (.docx 1, .pdf 1, .png 1; "
        f"it reads {READS})"]
    table = runner.invoke(app, ["extract", str(mixed)])
    assert "1 article(s) extracted, 0 failed; 3 file(s) skipped by type" in one_line(table.stderr)


def test_ingest_warns_about_skipped_files_and_counts_them(runner, mixed, tmp_path):
    result = runner.invoke(app, ["ingest", str(mixed), "--db", str(tmp_path / "aw.db"), "-q"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == (f"warning: {mixed}: 3 file(s) skipped, of types accordwatch does not read "
                        f"(.docx 1, .pdf 1, .png 1; it reads {READS})")
    assert lines[1].startswith("1 read: 1 new, 0 duplicate, 0 near-duplicate, 0 failed; added ")
    assert "figure conflicts; 3 file(s) skipped by type -> sqlite:///" in lines[1]


def test_a_folder_without_skipped_files_has_no_warning(runner):
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--json"])
    assert result.exit_code == 0
    assert "warning" not in result.stderr


# articles in a language extraction cannot read ----------------------------------------------------

def test_language_of():
    assert language_of(ARTICLE.read_text(encoding="utf-8")) == "en"
    assert language_of(RUSSIAN) == "ru"
    assert language_of(KAZAKH) == "ru"          # Cyrillic: warned about like Russian for now
    assert language_of(ENGLISH_WITH_RUSSIAN_NAMES) == "en"
    assert language_of("2024-03-04 12:00 — 4,4 %") == "und"


def test_ingesters_set_the_language(tmp_path):
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "ru-1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "lines.jsonl").write_text(json.dumps({"text": RUSSIAN}, ensure_ascii=False) + "\n"
                                          + json.dumps({"text": ARTICLE.read_text(encoding="utf-8")}) + "\n",
                                          encoding="utf-8")
    languages = {Path(r.source).name: r.document.meta["language"] for r in read_paths([tmp_path])}
    assert languages == {"lines.jsonl:1": "ru", "lines.jsonl:2": "en", "ru-1251.txt": "ru", "ru.txt": "ru"}


@pytest.fixture
def english_only(monkeypatch):
    """Extraction as it reads today unless the extraction layer lists more languages (extract/lang.py):
    English only, so Russian articles are warned about."""
    monkeypatch.setattr("accordwatch.cli.languages_read", lambda: ("en",))


def test_language_warning():
    assert language_warning("a.txt", "ru", ("en",)) == (
        "a.txt: Russian text: Russian extraction is not available yet, the record will be mostly empty")
    assert language_warning("a.txt", "ru", ("en", "ru")) is None
    assert language_warning("a.txt", "en", ("en",)) is None and language_warning("a.txt", "und", ("en",)) is None


def test_no_warning_where_extraction_reads_russian(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("accordwatch.cli.languages_read", lambda: ("en", "ru"))
    result = runner.invoke(app, ["extract", "-", "--json"], input=RUSSIAN)
    assert result.exit_code == 0 and result.stderr == ""


def test_extract_warns_about_a_russian_article(runner, tmp_path, english_only):
    article = tmp_path / "ru_kaz_uzb.txt"
    article.write_text(RUSSIAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), str(ARTICLE)])
    assert result.exit_code == 0, result.output
    assert (f"warning: {article}: Russian text: Russian extraction is not available yet, the record will be "
            f"mostly empty") in result.stderr.splitlines()
    assert "2 article(s) extracted, 0 failed; 1 article(s) in Russian, not read yet" in one_line(result.stderr)


def test_ingest_warns_about_russian_articles_and_counts_them(runner, tmp_path, english_only):
    article = tmp_path / "ru_kaz_uzb.txt"
    article.write_text(RUSSIAN, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(tmp_path / "aw.db"), "-q"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == (f"warning: {article}: Russian text: Russian extraction is not available yet, the record "
                        f"will be mostly empty")
    assert "1 read: 1 new" in lines[1] and "; 1 article(s) in Russian, not read yet -> " in lines[1]


def test_stdin_russian_article_is_warned_about_too(runner, english_only):
    result = runner.invoke(app, ["extract", "-", "--json"], input=RUSSIAN)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: <stdin>: Russian text: Russian extraction is not available yet, the record will be mostly empty"]
