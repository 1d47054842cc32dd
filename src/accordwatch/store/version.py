"""The database's data version: a counter every write that changes the data moves on.

Whatever is computed from the data (a pair profile, the partner network) stays valid while the
version is the same, in this process or any other that reads the same database; one indexed read
tells a cache whether its entries are still good.
"""
from __future__ import annotations

from sqlalchemy import Connection, select, update

from .schema import store_state

KEY = "version"


def current(conn: Connection) -> int:
    """The data version now (0 for a database nothing was written to)."""
    return conn.execute(select(store_state.c.value).where(store_state.c.key == KEY)).scalar_one_or_none() or 0


def bump(conn: Connection) -> None:
    """Move the version on, inside the writer's transaction: readers see the new data and the new
    version together."""
    conn.execute(update(store_state).where(store_state.c.key == KEY).values(value=store_state.c.value + 1))
