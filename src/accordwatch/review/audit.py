"""The audit log: every change, with who made it, when, and what it was before and after.

An entry about an article's fact (a figure, an event, a mention of a person or an organization, a country it
names: "figure 12 (article 3, 540-552)") carries the article's id in `document_id` (indexed), so that the
article page reads its history with one index lookup.
"""
from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from .. import clock
from ..store import schema as s

# the article of a fact's target: "figure 12 (article 3, 540-552)", "country KAZ (article 3)"
_ARTICLE = re.compile(r"\(article (\d+)[,)]")


def record(conn: Connection, user: str, action: str, target: str, before: Any = None, after: Any = None,
           document_id: int | None = None) -> None:
    """One entry; `document_id` is the article the target is a fact of (read from a fact's target when not
    given: "... (article 3, ...)")."""
    if document_id is None and (m := _ARTICLE.search(target)):
        document_id = int(m[1])
    conn.execute(insert(s.audit_log).values(
        at=clock.stamp(clock.now()), user_name=user, action=action, target=target, document_id=document_id,
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


# the target of a review (review.facts, review.entities): "figure 12 (article 3, 540-552)", "person 7 (article 3,
# 10-25)"
_FACT_TARGET = re.compile(r"^(figure|event|person|organization) (\d+) \(article (\d+), (\d+)-(\d+)\)$")
FACT_KINDS = ("figure", "event")


def fact_target(target: str) -> tuple[str, int, int, int] | None:
    """(kind, document id, start, end) of a review's target, or None for another target."""
    m = _FACT_TARGET.match(target)
    return (m[1], int(m[3]), int(m[4]), int(m[5])) if m else None


def of_document(engine: Engine, document_id: int, limit: int = 10_000) -> list[dict[str, Any]]:
    """Every entry about one article's facts, newest first (audit_log.document_id: one index lookup)."""
    a = s.audit_log
    stmt = select(a).where(a.c.document_id == int(document_id)).order_by(a.c.id.desc()).limit(limit)
    with engine.connect() as conn:
        return [_entry(row) for row in conn.execute(stmt)]


def of_article(engine: Engine, document_id: int, kinds: tuple[str, ...] = FACT_KINDS
               ) -> dict[tuple[str, int, int], list[dict[str, Any]]]:
    """The reviews of one article's facts of `kinds` (figures and events unless told), newest first, by fact:
    {(kind, start, end): [entry, ...]}."""
    out: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    for e in of_document(engine, document_id):
        where = fact_target(e["target"])
        if where is not None and where[0] in kinds and where[1] == document_id:
            out.setdefault((where[0], where[2], where[3]), []).append(e)
    return out
