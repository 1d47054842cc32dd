"""`accordwatch watch`: poll every source that is due, ingest what is new, deliver what matches a saved
search, and sleep until the next source is due, until stopped (or once, with `once`).

The first answer of each due source is fetched on a few threads (`workers`), spaced per host by the
Fetcher; reading and writing happen on this one thread, one source at a time, so the database sees
one writer. A stop request (SIGTERM, Ctrl-C:
`request_stop`) is honoured between sources: nothing half-written is left, and what was not polled
stays due. A kill loses nothing either: ingest is idempotent and every time and validator lives in
the database.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from .. import clock
from ..errors import InputError
from ..store import Store
from . import deliver
from . import sources as src
from .fetch import Fetcher, RetryLater
from .poll import fetch_source, poll_source


@dataclass
class Round:
    """What one round of the watch did."""

    polled: int = 0
    not_modified: int = 0
    new_articles: int = 0
    source_errors: list[str] = field(default_factory=list)
    queued: int = 0
    delivered: int = 0
    retried: int = 0
    failed: int = 0


class Watch:
    def __init__(self, store: Store, fetcher: Fetcher | None = None, workers: int = 4,
                 allow_private: bool = False, retry_base: float = deliver.RETRY_BASE_SECONDS,
                 now: Callable[[], datetime] = clock.now, report: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.fetcher = fetcher or Fetcher(allow_private=allow_private)
        self.workers = max(1, workers)
        self.allow_private = allow_private
        self.retry_base = retry_base
        self.now = now
        self.report = report or (lambda line: None)
        self.stopping = threading.Event()

    def request_stop(self, *_: object) -> None:
        """Stop after the source being written (a signal handler: takes and ignores its arguments)."""
        self.stopping.set()

    def _poll(self, source: dict, answer: Future, out: Round) -> None:
        """Read and write one source whose first answer is being fetched; note how it went."""
        engine = self.store.engine
        when = self.now()
        try:
            poll = poll_source(self.store, self.fetcher, source, answer.result())
        except RetryLater as e:
            wait = src.record_failure(engine, source, when, str(e), e.retry_after)
            out.source_errors.append(f"{e} (next try in {wait:g} s)")
            self.report(f"error: {e} (next try in {wait:g} s)")
            return
        except Exception as e:  # noqa: BLE001 - one broken source never stops the others
            reason = str(e) if isinstance(e, InputError) else f"{source['url']}: {type(e).__name__}: {e}"
            wait = src.record_failure(engine, source, when, reason)
            out.source_errors.append(f"{reason} (next try in {wait:g} s)")
            self.report(f"error: {reason} (next try in {wait:g} s)")
            return
        src.record_success(engine, source, when, poll.new, poll.etag, poll.last_modified)
        out.polled += 1
        out.not_modified += poll.not_modified
        out.new_articles += poll.new
        for err in poll.errors:
            self.report(f"error: {err}")
        self.report(f"{source['url']}: " + ("not modified" if poll.not_modified else
                                           f"{poll.new} new, {poll.seen} seen, {poll.failed} failed"))

    def round(self) -> Round:
        """Poll every source that is due now, then queue and send what is new."""
        out = Round()
        engine = self.store.engine
        due = src.due(engine, self.now())
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="watch-fetch") as pool:
            answers = [pool.submit(fetch_source, self.fetcher, source) for source in due]
            for source, answer in zip(due, answers, strict=True):
                if self.stopping.is_set():
                    for a in answers:
                        a.cancel()
                    break
                self._poll(source, answer, out)
        out.queued = deliver.queue(engine, self.now())
        sent = deliver.send_due(engine, self.now(), retry_base=self.retry_base, allow_private=self.allow_private,
                                allow_hosts=self.fetcher.allow_hosts)
        out.delivered, out.retried, out.failed = sent.delivered, sent.retried, sent.failed
        return out

    def run(self, once: bool = False, idle: float = 60.0) -> Round:
        """Rounds until stopped (or one, with `once`); the totals. Between rounds it sleeps until the
        next source is due (at most `idle` seconds, so that deliveries to retry go out too)."""
        total = Round()
        while not self.stopping.is_set():
            r = self.round()
            for name in ("polled", "not_modified", "new_articles", "queued", "delivered", "retried", "failed"):
                setattr(total, name, getattr(total, name) + getattr(r, name))
            total.source_errors += r.source_errors
            if once:
                break
            nxt = src.next_due(self.store.engine)
            wait = idle if nxt is None else min(idle, max(0.0, (nxt - self.now()).total_seconds()))
            self.stopping.wait(max(wait, 0.05))
        return total

    def close(self) -> None:
        self.fetcher.close()
