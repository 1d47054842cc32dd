"""The CLI and the library agree (issue P9, item C): one check of dates and periods (query.common.check_date)
for every face, and `partners` says when its limit leaves partners out.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accordwatch import query
from accordwatch.cli import app
from accordwatch.query.common import BadFilter, check_date
from accordwatch.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"




@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# dates and periods -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, kept", [("2024", "2024"), ("2024-02", "2024-02"), ("2024-02-29", "2024-02-29"),
                                         (" 2023-12-31 ", "2023-12-31"), ("", None), (None, None)])
def test_check_date_keeps_real_dates(value, kept):
    assert check_date("since", value) == kept


@pytest.mark.parametrize("value, why", [
    ("2024-13", " (there is no month 13)"), ("2024-00", " (there is no month 00)"),
    ("2023-02-29", " (2023-02 has no day 29)"), ("2024-04-31", " (2024-04 has no day 31)"),
    ("0000", " (there is no year 0000)"), ("24", ""), ("2024-1", ""), ("2024/03", ""), ("March 2024", ""),
    ("2024-03-04T10:00", "")])
def test_check_date_says_what_is_wrong(value, why):
    with pytest.raises(BadFilter) as e:
        check_date("since", value)
    assert str(e.value) == f"[AW502] since takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}{why}"


@pytest.mark.parametrize("command, option", [(["events"], "since"), (["events"], "until"), (["figures"], "since"),
                                             (["export", "out"], "since")])
def test_cli_refuses_an_impossible_date_as_the_library_does(runner, sample_db, tmp_path, monkeypatch, command,
                                                              option):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*command, f"--{option}", "2024-13", "--db", sample_db])
    assert result.exit_code == 2
    with pytest.raises(BadFilter) as library:
        function = query.figures if command == ["figures"] else query.events
        function(open_store(sample_db).engine, **{option: "2024-13"})
    assert result.stderr == f"error: {library.value}\n"
    assert result.stderr == ("error: [AW502] " + option + " takes a date as YYYY, YYYY-MM or YYYY-MM-DD, "
                             "not '2024-13' (there is no month 13)\n")
    assert not (tmp_path / "out").exists()


def test_cli_keeps_real_dates(runner, sample_db):
    # (the window of one month: the sample corpus has more events since then than one page lists)
    result = runner.invoke(app, ["events", "--since", "2024-02-29", "--until", "2024-03-31", "--json",
                                 "--db", sample_db])
    assert result.exit_code == 0, result.output
    assert '"date": "2024-03-04"' in result.stdout


# partners --limit --------------------------------------------------------------------------------------

def test_partners_says_how_many_the_limit_leaves_out(runner, sample_db):
    everyone = query.partners(open_store(sample_db).engine, "KAZ", limit=1000)
    assert len(everyone) > 20   # the sample corpus: Kazakhstan has more partners than the default limit shows
    result = runner.invoke(app, ["partners", "KAZ", "--db", sample_db], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip().splitlines()
    assert lines[-1].rstrip() == f"showing 20 of {len(everyone)} partners (--limit to see more)"
    assert lines[2].split()[:3] == ["1", everyone[0]["code"], everyone[0]["name"].split()[0]]

    three = runner.invoke(app, ["partners", "KAZ", "--limit", "3", "--db", sample_db], env={"COLUMNS": "120"})
    assert [line.split()[1] for line in three.stdout.splitlines()[2:5]] == [p["code"] for p in everyone[:3]]
    assert three.stdout.rstrip().splitlines()[-1].rstrip() == f"showing 3 of {len(everyone)} partners " \
                                                              f"(--limit to see more)"


def test_partners_within_the_limit_has_no_line(runner, sample_db):
    everyone = query.partners(open_store(sample_db).engine, "KAZ", limit=1000)
    result = runner.invoke(app, ["partners", "KAZ", "-n", str(len(everyone)), "--db", sample_db])
    assert result.exit_code == 0
    assert "showing" not in result.stdout
    assert "--limit" not in runner.invoke(app, ["partners", "TKM", "--db", sample_db]).stdout


def test_partners_json_is_the_limited_list(runner, sample_db):
    import json

    result = runner.invoke(app, ["partners", "KAZ", "-n", "5", "--json", "--db", sample_db])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == query.partners(open_store(sample_db).engine, "KAZ", limit=5)


def test_partners_limit_must_be_positive(runner, sample_db):
    result = runner.invoke(app, ["partners", "KAZ", "-n", "0", "--db", sample_db])
    assert result.exit_code == 2
    assert result.stderr == "error: [AW502] limit must be 1 or more, not 0\n"


# --lang on the queries (issue P10) ---------------------------------------------------------------------

def test_events_in_one_language_are_those_its_articles_report(runner, sample_db):
    every = json_out(runner, ["events", "--limit", "500", "--json", "--db", sample_db])
    russian = json_out(runner, ["events", "--lang", "ru", "--limit", "500", "--json", "--db", sample_db])
    english = json_out(runner, ["events", "--lang", "en", "--limit", "500", "--json", "--db", sample_db])
    assert russian and english and len(russian) < len(every) and len(english) < len(every)
    assert all(any(src["language"] == "ru" for src in e["sources"]) for e in russian)
    assert all(any(src["language"] == "en" for src in e["sources"]) for e in english)
    # an event both an English and a Russian article report is in both lists
    both = {e["id"] for e in russian} & {e["id"] for e in english}
    assert both
    assert both == {e["id"] for e in every
                    if {src["language"] for src in e["sources"]} >= {"en", "ru"}}


def test_figures_and_search_in_one_language(runner, sample_db):
    figures = json_out(runner, ["figures", "--lang", "ru", "--json", "--db", sample_db])
    assert figures and all(any(src["language"] == "ru" for src in f["sources"]) for f in figures)
    hits = json_out(runner, ["search", "товарооборот", "--lang", "ru", "--json", "--db", sample_db])
    assert hits and {h["language"] for h in hits} == {"ru"}
    assert json_out(runner, ["search", "товарооборот", "--lang", "en", "--json", "--db", sample_db]) == []


def test_an_unknown_language_is_refused_by_name(runner, sample_db):
    result = runner.invoke(app, ["events", "--lang", "kk", "--db", sample_db])
    assert result.exit_code == 2
    assert "'kk' is not one of 'en', 'ru'" in result.output


def json_out(runner, args: list[str]):
    import json

    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# partial-year periods beside whole years (issue P9, item 7) -------------------------------------------

@pytest.mark.parametrize("period, partial", [("2023", False), ("2021/2023", False), ("2024-03", True),
                                             ("2024-01/2024-09", True), ("2023-07/2024-06", True), (None, None)])
def test_partial_year(period, partial):
    from accordwatch.store.points import partial_year

    assert partial_year(period) is partial


def test_figures_mark_part_of_a_year_beside_whole_years(runner, sample_db):
    points = json_out(runner, ["figures", "--indicator", "trade_turnover", "--pair", "KAZ-RUS", "--json",
                               "--db", sample_db])
    assert {p["period"]: p["partial_year"] for p in points} == {
        "2021": False, "2022-01/2022-04": True, "2023": False, "2024-01/2024-09": True}
    result = runner.invoke(app, ["figures", "--indicator", "trade_turnover", "--pair", "KAZ-RUS", "--db", sample_db],
                           terminal_width=200)
    assert result.stdout.count("(part)") == 2   # the two spans of months, not the years
    # alone, a part of a year is not marked: there is no whole year to mistake it for
    alone = runner.invoke(app, ["figures", "--indicator", "trade_turnover", "--pair", "KAZ-RUS", "--since", "2024",
                                "--db", sample_db], terminal_width=200)
    assert alone.stdout.startswith("1 figure(s)") and "(part)" not in alone.stdout
