"""Answers kept while the data stays the same.

A pair profile gathers hundreds of figures and events from a dozen queries; the data behind it only
changes when an ingest commits, and every such commit moves the database's version on
(store.version). So the encoded answer is kept, keyed by what was asked, next to the version it was
made from: while the version is unchanged a request costs one indexed read and a dictionary lookup;
after an ingest every entry is stale and is made again on its next request. The newest `size`
answers are kept (least recently used go first).

What is kept must depend on the data alone: an API answer, or the data a dashboard page shows, never
a rendered page, which names the user logged in and carries their CSRF token.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Engine

from ..store import version


class VersionedCache:
    def __init__(self, engine: Engine, size: int = 256) -> None:
        self.engine = engine
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def version(self) -> int:
        with self.engine.connect() as conn:
            return version.current(conn)

    def _kept(self, key: Hashable, now: int) -> Any:
        """The kept answer for `key` if it was made at version `now` (counted as a hit), else None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == now:
                self._entries.move_to_end(key)
                self.hits += 1
                return entry[1]
        return None

    def peek(self, key: Hashable) -> Any:
        """The kept answer for `key` if it was made at the current version, else None."""
        return self._kept(key, self.version())

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The answer for `key` at the database's current version: kept, or made by `make` now."""
        now = self.version()
        body = self._kept(key, now)
        if body is not None:
            return body
        with self._lock:
            self.misses += 1
        body = make()
        with self._lock:
            self._entries[key] = (now, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return body


def app_cache(state: Any, name: str, engine: Engine, size: int = 256) -> VersionedCache:
    """The app's cache called `name` (an attribute of app.state), made on first use: an app may include
    a router alone, and each kind of answer has a cache of its own so that one kind read in bulk (many
    articles) does not push the busy answers of another out."""
    cache = getattr(state, name, None)
    if cache is None:
        cache = VersionedCache(engine, size=size)
        setattr(state, name, cache)
    return cache
