"""HTTP GETs for the watch: conditional, polite to each host, and as careful as ingest's.

    fetcher = Fetcher(per_host_interval=1.0)
    answer = fetcher.get(url, etag=..., last_modified=...)     # status 200, or 304: nothing new

Every URL, and every redirect it leads to, passes ingest.url.check_url (http and https only, no
loopback or private address unless allowed). Requests to one host are spaced `per_host_interval`
seconds apart, whichever thread makes them. A 429 or 503 raises RetryLater with the wait the server
asked for (Retry-After, in seconds or as a date); any other failure is an InputError naming the URL.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from ..errors import InputError
from ..ingest.url import MAX_BYTES, TIMEOUT, USER_AGENT, Response, http_get


class RetryLater(InputError):
    """The server asked to be asked again later (429, 503)."""

    code = "AW302"

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds of a Retry-After header: "120", or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Fetcher:
    def __init__(self, allow_private: bool = False, per_host_interval: float = 1.0, timeout: float = TIMEOUT,
                 max_bytes: int = MAX_BYTES, allow_hosts: frozenset[str] | set[str] = frozenset(),
                 sleep: Callable[[float], None] = time.sleep, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.allow_private = allow_private
        self.allow_hosts = frozenset(allow_hosts)
        self.per_host_interval = per_host_interval
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._sleep, self._monotonic = sleep, monotonic
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(timeout=timeout, follow_redirects=False,
                                    headers={"User-Agent": USER_AGENT + " watch"})

    def close(self) -> None:
        self._client.close()

    def _wait_turn(self, url: str) -> None:
        """Take the host's next slot and sleep until it comes."""
        host = urlsplit(url).hostname or ""
        with self._lock:
            now = self._monotonic()
            at = max(now, self._next.get(host, 0.0))
            self._next[host] = at + self.per_host_interval
        if at > now:
            self._sleep(at - now)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return http_get(self._client, url, self.allow_private, headers, self.max_bytes, before=self._wait_turn,
                            allow_hosts=self.allow_hosts)
        except httpx.HTTPStatusError as e:
            status = e.response.status_code
            if status in (429, 503):
                wait = retry_after(e.response.headers.get("retry-after"))
                raise RetryLater(f"{e.args[0]}" + (f", retry after {wait:g} s" if wait is not None else ""),
                                 wait) from e
            raise InputError(str(e.args[0])) from e
        except httpx.TimeoutException as e:
            raise InputError(f"{url}: no answer within {self.timeout:g} s") from e
        except httpx.HTTPError as e:
            raise InputError(f"{url}: {type(e).__name__}: {e}") from e
