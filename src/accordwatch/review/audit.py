"""The audit log: every change, with who made it, when, and what it was before and after."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from .. import clock
from ..store import schema as s


def record(conn: Connection, user: str, action: str, target: str, before: Any = None, after: Any = None) -> None:
    conn.execute(insert(s.audit_log).values(
        at=clock.stamp(clock.now()), user_name=user, action=action, target=target,
        before=None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True, default=str),
        after=None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True, default=str)))


def entries(engine: Engine, target: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """The newest entries first (those of one target when given: "figure 12", "user alice")."""
    a = s.audit_log
    stmt = select(a).order_by(a.c.id.desc()).limit(limit)
    if target is not None:
        stmt = stmt.where(a.c.target == target)
    with engine.connect() as conn:
        out = []
        for row in conn.execute(stmt):
            e = dict(row._mapping)
            e["before"] = json.loads(e["before"]) if e["before"] else None
            e["after"] = json.loads(e["after"]) if e["after"] else None
            out.append(e)
    return out
