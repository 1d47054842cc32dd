"""The command line: `accordwatch extract FILE... [--json] [--out DIR]`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accordwatch.cli import app

ARTICLE = ("Kazakhstan and Oman agree on fertilizer plant\n\n"
           "ASTANA – Kazakh Energy Minister Yerzhan Tulegenov and Omani officials agreed to build a plant.\n")
FEED = ('{"title": "Kazakh wheat for Iran", "text": "Kazakhstan shipped wheat to Iran."}\n'
        '{"text": "Belarus will send tractors to Kyrgyzstan.", "published": "2024-03-27"}\n')


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    src = tmp_path / "in"
    src.mkdir()
    out = {"txt": src / "oman.txt", "jsonl": src / "feed.jsonl"}
    out["txt"].write_text(ARTICLE, encoding="utf-8")
    out["jsonl"].write_text(FEED, encoding="utf-8")
    return out


def stderr_text(result) -> str:
    """stderr with runs of whitespace (including wrapped line ends) as single spaces."""
    return " ".join(result.stderr.split())


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_json_prints_one_line_per_article(runner, files):
    result = runner.invoke(app, ["extract", str(files["txt"]), str(files["jsonl"]), "--json"])
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert len(records) == len(result.stdout.strip().splitlines()) == 3
    assert [r["document"]["source"] for r in records] == [
        str(files["txt"]), f"{files['jsonl']}:1", f"{files['jsonl']}:2"]
    first = records[0]
    assert first["document"]["title"] == "Kazakhstan and Oman agree on fertilizer plant"
    assert first["document"]["dateline"] == "Astana"
    assert first["countries"] == ["KAZ", "OMN"]
    assert [(p["name"], p["title"], p["country"]) for p in first["people"]] == [
        ("Yerzhan Tulegenov", "Energy Minister", "KAZ")]
    assert records[2]["document"]["published"] == "2024-03-27"
    assert records[2]["countries"] == ["BLR", "KGZ"]


def test_json_records_have_the_schema_keys(runner, files):
    result = runner.invoke(app, ["extract", str(files["txt"]), "--json"])
    [record] = json_lines(result.stdout)
    assert {"document", "countries", "organizations", "people", "events", "figures", "sectors"} <= set(record)
    assert {"title", "published", "outlet", "dateline"} <= set(record["document"])


def test_folder_argument(runner, files):
    result = runner.invoke(app, ["extract", str(files["txt"].parent), "--json"])
    assert result.exit_code == 0
    assert len(json_lines(result.stdout)) == 3


def test_out_writes_one_file_per_article(runner, files, tmp_path):
    out = tmp_path / "records" / "run1"          # created if missing
    result = runner.invoke(app, ["extract", str(files["txt"]), str(files["jsonl"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["feed-1.json", "feed-2.json", "oman.json"]
    record = json.loads((out / "oman.json").read_text(encoding="utf-8"))
    assert record["countries"] == ["KAZ", "OMN"]
    assert record["document"]["source"] == str(files["txt"])
    assert json.loads((out / "feed-2.json").read_text(encoding="utf-8"))["countries"] == ["BLR", "KGZ"]
    assert result.stdout.strip() == ""
    assert "3 article(s) extracted, 0 failed" in stderr_text(result)


def test_summary_without_json(runner, files):
    result = runner.invoke(app, ["extract", str(files["txt"])])
    assert result.exit_code == 0
    assert "Kazakhstan and Oman agree on fertilizer plant" in result.stdout
    assert "KAZ, OMN" in result.stdout
    assert "Yerzhan Tulegenov" in result.stdout
    assert "1 article(s) extracted, 0 failed" in stderr_text(result)


def test_summary_marks_an_approximate_figure_as_the_database_does(runner):
    text = ("Ankara, 4 March 2024. Trade between Kazakhstan and Turkey reached about $6.4 billion in 2023, "
            "while grain exports rose to 1.2 million tonnes.")
    result = runner.invoke(app, ["extract", "--text", text], terminal_width=200)
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()
            if line.startswith(("trade_turnover", "exports"))}
    assert rows == {"trade_turnover": "~6,400,000,000", "exports": "1,200,000"}


def test_bad_file_is_reported_and_good_files_are_still_extracted(runner, files, tmp_path):
    bad = tmp_path / "in" / "report.pdf"
    bad.write_text("%PDF-1.4", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(files["txt"]), str(bad), str(files["jsonl"]), "--json"])
    assert result.exit_code == 1
    assert len(json_lines(result.stdout)) == 3
    flat = re.sub(r"\s+", "", result.stderr)
    assert str(bad) in flat
    assert "unknownfiletype'.pdf'" in flat
    assert result.stderr.count("error: [AW") == 1


def test_broken_jsonl_line_is_reported_with_its_line(runner, tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"text": "Kazakhstan shipped wheat to Iran."}\n{oops\n{"text": "Belarus sells buses."}\n',
                    encoding="utf-8")
    result = runner.invoke(app, ["extract", str(feed), "--json"])
    assert result.exit_code == 1
    assert [r["document"]["source"] for r in json_lines(result.stdout)] == [f"{feed}:1", f"{feed}:3"]
    assert f"{feed}:2:" in re.sub(r"\s+", "", result.stderr)


def test_bad_file_with_out_still_writes_good_records(runner, files, tmp_path):
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(empty), str(files["txt"]), "--out", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["oman.json"]
    assert "1 article(s) extracted, 1 failed" in stderr_text(result)


def test_missing_file_exit_code(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "absent.txt"), "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no such file or folder" in stderr_text(result)


def test_error_is_one_line(runner, files, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    # a deep path makes the message longer than any terminal is wide
    bad = tmp_path.joinpath(*[f"archive-{'x' * 240}"] * 5, "report.pdf")
    bad.parent.mkdir(parents=True)
    bad.write_text("%PDF-1.4", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(bad), str(files["txt"]), "--json"])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1
    assert str(bad) in lines[0] and "unknown file type" in lines[0]


def test_ingest_reports_a_summary_and_is_idempotent(tmp_path):
    from accordwatch.cli import app

    db = tmp_path / "news.db"
    article = tmp_path / "a.txt"
    article.write_text("ASTANA – Kazakhstan and Uzbekistan signed a roadmap on industrial cooperation on Monday, "
                       "the Kazakh Ministry of Trade said. Trade between the two countries reached $4.4 billion "
                       "in 2023, up 12.3% year on year.", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--quiet"])
    assert first.exit_code == 0, first.output
    assert "1 read: 1 new, 0 duplicate" in first.stderr and "1 figures" in first.stderr
    second = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--quiet"])
    assert "1 read: 0 new, 1 duplicate" in second.stderr


def test_ingest_names_what_failed_and_exits_nonzero(tmp_path):
    from accordwatch.cli import app

    good = tmp_path / "good.txt"
    good.write_text("Kazakhstan and Türkiye signed a memorandum on logistics in Ankara on Friday.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(good), str(tmp_path / "missing.txt"), "--db",
                                      str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.stderr and "1 new" in result.stderr and "1 failed" in result.stderr
