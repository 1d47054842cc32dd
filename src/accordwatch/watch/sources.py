"""The sources `accordwatch watch` polls: a feed or page URL, how often, and how it went.

A source is due when its `next_poll` has come. After a poll that worked, the next is `every` later;
after one that failed, the wait doubles with each failure in a row (up to a day), and a server's
Retry-After is honoured when it asks for longer.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from .. import clock
from ..errors import InputError
from ..ingest.url import check_url
from ..store import schema as s

DEFAULT_EVERY = "30m"
MIN_EVERY_SECONDS = 1
MAX_BACKOFF_SECONDS = 24 * 3600
_EVERY = re.compile(r"^\s*(\d+)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


class SourceError(InputError):
    code = "AW301"


def parse_every(value: str | int) -> int:
    """Seconds of an interval written "90s", "30m", "2h", "1d" (a bare number is minutes)."""
    if isinstance(value, int):
        seconds = value
    else:
        m = _EVERY.match(value or "")
        if m is None:
            raise SourceError(f"--every {value!r}: write an interval such as 90s, 30m, 2h or 1d")
        seconds = int(m.group(1)) * _UNIT[(m.group(2) or "m").lower()]
    if seconds < MIN_EVERY_SECONDS:
        raise SourceError(f"--every {value!r}: an interval of at least {MIN_EVERY_SECONDS} second")
    return seconds


def _row(r) -> dict[str, Any]:
    return dict(r._mapping)


def add_source(engine: Engine, url: str, name: str | None = None, every: str | int = DEFAULT_EVERY,
               allow_private: bool = False, when: datetime | None = None,
               allow_hosts: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Add a source, due at once; a URL already watched is a SourceError naming it."""
    url = (url or "").strip()
    check_url(url, allow_private, allow_hosts)   # the same rules as ingest: http(s), no private address unless allowed
    seconds = parse_every(every)
    when = when or clock.now()
    with engine.begin() as conn:
        if conn.execute(select(s.sources.c.id).where(s.sources.c.url == url)).first() is not None:
            raise SourceError(f"{url}: already a source")
        sid = conn.execute(insert(s.sources).values(
            url=url, name=name, every_seconds=seconds, failures=0, articles_added=0,
            next_poll=clock.stamp(when), created=clock.stamp(when))).inserted_primary_key[0]
        return _row(conn.execute(select(s.sources).where(s.sources.c.id == sid)).one())


def list_sources(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [_row(r) for r in conn.execute(select(s.sources).order_by(s.sources.c.id))]


def get_source(engine: Engine, which: str | int) -> dict[str, Any]:
    """A source by its id or its URL; SourceError when there is none."""
    cond = s.sources.c.id == int(which) if str(which).isdigit() else s.sources.c.url == str(which).strip()
    with engine.connect() as conn:
        row = conn.execute(select(s.sources).where(cond)).first()
    if row is None:
        raise SourceError(f"no source {which!r} (see `accordwatch sources list`)")
    return _row(row)


def remove_source(engine: Engine, which: str | int) -> dict[str, Any]:
    src = get_source(engine, which)
    with engine.begin() as conn:
        conn.execute(delete(s.sources).where(s.sources.c.id == src["id"]))
    return src


def import_opml(engine: Engine, path: str | Path, every: str | int = DEFAULT_EVERY,
                allow_private: bool = False, allow_hosts: frozenset[str] = frozenset()
                ) -> tuple[list[dict[str, Any]], list[str]]:
    """Add every feed of an OPML subscription list (what feed readers export): (added, and a
    one-line reason for each feed not added: already a source, not a safe URL)."""
    import listparser

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SourceError(f"{path}: cannot read it ({e.strerror})") from e
    parsed = listparser.parse(raw)
    if not parsed.feeds and parsed.bozo:
        raise SourceError(f"{path}: not an OPML subscription list ({parsed.bozo_exception})")
    seconds = parse_every(every)
    added, skipped = [], []
    for feed in parsed.feeds:
        try:
            added.append(add_source(engine, feed.url, feed.title or None, seconds, allow_private,
                                    allow_hosts=allow_hosts))
        except InputError as e:
            skipped.append(str(e))
    return added, skipped


def due(engine: Engine, when: datetime) -> list[dict[str, Any]]:
    """The sources whose time has come, the longest waiting first."""
    with engine.connect() as conn:
        return [_row(r) for r in conn.execute(
            select(s.sources).where(s.sources.c.next_poll <= clock.stamp(when))
            .order_by(s.sources.c.next_poll, s.sources.c.id))]


def next_due(engine: Engine) -> datetime | None:
    with engine.connect() as conn:
        first = conn.execute(select(s.sources.c.next_poll).order_by(s.sources.c.next_poll).limit(1)).scalar()
    return clock.parse(first) if first else None


def record_success(engine: Engine, source: dict[str, Any], when: datetime, added: int,
                   etag: str | None, last_modified: str | None) -> None:
    with engine.begin() as conn:
        conn.execute(update(s.sources).where(s.sources.c.id == source["id"]).values(
            last_poll=clock.stamp(when), last_success=clock.stamp(when), last_error=None, failures=0,
            articles_added=s.sources.c.articles_added + added, etag=etag, last_modified=last_modified,
            next_poll=clock.later(when, source["every_seconds"])))


def record_failure(engine: Engine, source: dict[str, Any], when: datetime, error: str,
                   retry_after: float | None = None) -> float:
    """Note a failed poll; the seconds until the next try: `every` doubled per failure in a row,
    at most a day, or longer when the server asked for it (Retry-After)."""
    failures = source["failures"] + 1
    wait = min(source["every_seconds"] * 2 ** failures, MAX_BACKOFF_SECONDS)
    if retry_after is not None:
        wait = max(wait, retry_after)
    with engine.begin() as conn:
        conn.execute(update(s.sources).where(s.sources.c.id == source["id"]).values(
            last_poll=clock.stamp(when), last_error=error[:500], failures=failures,
            next_poll=clock.later(when, wait)))
    return wait
