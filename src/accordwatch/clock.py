"""Times as accordwatch stores them (the watch, reviews, the audit log): ISO 8601 in UTC, to the second
("2024-05-14T09:30:00Z"), which sort as text in both databases."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def later(when: datetime, seconds: float) -> str:
    return stamp(when + timedelta(seconds=seconds))
