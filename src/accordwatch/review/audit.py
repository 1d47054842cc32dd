"""The audit log: every change, with who made it, when, and what it was before and after."""
from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from .. import clock
from ..store import schema as s


def record(conn: Connection, user: str, action: str, target: str, before: Any = None, after: Any = None) -> None:
    conn.execute(insert(s.audit_log).values(
        at=clock.stamp(clock.now()), user_name=user, action=action, target=target,
        before=None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True, default=str),
        after=None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True, default=str)))


def _conditions(target: str | None, contains: str | None) -> list:
    a = s.audit_log
    out = []
    if target is not None:
        out.append(a.c.target == target)
    if contains:
        out.append(a.c.target.contains(contains, autoescape=True))
    return out


def _entry(row) -> dict[str, Any]:
    e = dict(row._mapping)
    e["before"] = json.loads(e["before"]) if e["before"] else None
    e["after"] = json.loads(e["after"]) if e["after"] else None
    return e


def entries(engine: Engine, target: str | None = None, limit: int = 500, contains: str | None = None,
            offset: int = 0) -> list[dict[str, Any]]:
    """The newest entries first (those of one target when given: "figure 12", "user alice"; of the
    targets holding `contains`), from `offset`, at most `limit`."""
    a = s.audit_log
    stmt = (select(a).where(*_conditions(target, contains)).order_by(a.c.id.desc()).offset(offset).limit(limit))
    with engine.connect() as conn:
        return [_entry(row) for row in conn.execute(stmt)]


def count(engine: Engine, target: str | None = None, contains: str | None = None) -> int:
    a = s.audit_log
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(a).where(*_conditions(target, contains))).scalar_one()


# the target of a review (review.facts): "figure 12 (article 3, 540-552)"
_FACT_TARGET = re.compile(r"^(figure|event) (\d+) \(article (\d+), (\d+)-(\d+)\)$")


def fact_target(target: str) -> tuple[str, int, int, int] | None:
    """(kind, document id, start, end) of a review's target, or None for another target."""
    m = _FACT_TARGET.match(target)
    return (m[1], int(m[3]), int(m[4]), int(m[5])) if m else None


def of_article(engine: Engine, document_id: int) -> dict[tuple[str, int, int], list[dict[str, Any]]]:
    """The reviews of one article's facts, newest first, by fact: {(kind, start, end): [entry, ...]}."""
    out: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    for e in entries(engine, contains=f" (article {int(document_id)}, ", limit=10_000):
        where = fact_target(e["target"])
        if where is not None and where[1] == document_id:
            out.setdefault((where[0], where[2], where[3]), []).append(e)
    return out
