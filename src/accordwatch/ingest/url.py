"""Fetching articles and feeds over HTTP(S), safely.

Only http and https; addresses on loopback, private, link-local or reserved networks are
refused unless the caller allows them (a server that fetches URLs for others must not be turned
against its own network); a timeout and a size limit on every response.
"""
from __future__ import annotations

import codecs
import ipaddress
import re
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..document import Document
from ..errors import InputError
from .decode import decode
from .feed import is_feed, read_feed
from .html import html_to_document

USER_AGENT = "accordwatch/0.1 (+offline news analysis)"
TIMEOUT = 20.0
MAX_BYTES = 5_000_000
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


class UnsafeURL(InputError):
    code = "AW104"


def check_url(url: str, allow_private: bool = False, allow_hosts: frozenset[str] = frozenset()) -> None:
    """Refuse what may not be fetched: a scheme other than http(s), and a host on a local or private
    network, unless `allow_private`, or unless the URL's "host" or "host:port" is in `allow_hosts` (one
    intranet feed allowed, every other private address still refused, redirects included)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL(f"{url}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise UnsafeURL(f"{url}: no host in the URL")
    try:
        port = parts.port
    except ValueError as e:   # "http://host:/", "http://host:99999/": a port that is no port
        raise InputError(f"{url}: not a valid port ({e})") from e
    if allow_private or parts.hostname in allow_hosts or f"{parts.hostname}:{port}" in allow_hosts:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as e:
        raise InputError(f"{url}: cannot resolve host {parts.hostname} ({e.strerror})") from e
    except UnicodeError as e:   # a name IDNA cannot encode (a label over 63 characters, ...): no host
        raise InputError(f"{url}: no such host name {parts.hostname!r} ({e})") from e
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast \
                or ip.is_unspecified:
            raise UnsafeURL(f"{url}: refusing to fetch from {ip} (a local or private address); "
                            f"allow it with --allow-private")


@dataclass
class Response:
    url: str                      # where the body came from, after redirects
    status: int                   # 200, or 304 when the validators sent still hold
    body: bytes
    content_type: str
    headers: dict[str, str]


def http_get(client, url: str, allow_private: bool = False, headers: dict[str, str] | None = None,
             max_bytes: int = MAX_BYTES, before: Callable[[str], None] | None = None,
             allow_hosts: frozenset[str] = frozenset()) -> Response:
    """GET `url` with an httpx.Client that follows no redirects itself: each hop is checked by
    check_url (and `before(url)` is called ahead of each request); a 304 is returned, any other
    status from 400 on raises HTTPStatusError (httpx), a body over `max_bytes` an InputError."""
    import httpx

    check_url(url, allow_private, allow_hosts)
    for _ in range(5):   # follow redirects ourselves: each hop is checked like the first
        if before is not None:
            before(url)
        with client.stream("GET", url, headers=headers or {}) as resp:
            if resp.has_redirect_location:   # a 3xx with a Location (a 304 is none)
                url = str(resp.url.join(resp.headers.get("location", "")))
                check_url(url, allow_private, allow_hosts)
                continue
            if resp.status_code >= 400:
                raise httpx.HTTPStatusError(f"{url}: HTTP {resp.status_code}", request=resp.request, response=resp)
            body = bytearray()
            if resp.status_code != 304:
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise InputError(f"{url}: response over the {max_bytes:,}-byte limit")
            return Response(url, resp.status_code, bytes(body), resp.headers.get("content-type", ""),
                            dict(resp.headers))
    raise InputError(f"{url}: too many redirects")


def fetch(url: str, allow_private: bool = False, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES
          ) -> tuple[bytes, str]:
    """(body, content type) of a URL, or an InputError naming the URL and the reason."""
    import httpx

    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
            resp = http_get(client, url, allow_private, max_bytes=max_bytes)
            return resp.body, resp.content_type
    except httpx.HTTPStatusError as e:
        raise InputError(str(e.args[0])) from e
    except httpx.TimeoutException as e:
        raise InputError(f"{url}: no answer within {timeout:g} s") from e
    except httpx.HTTPError as e:
        raise InputError(f"{url}: {type(e).__name__}: {e}") from e


def read_url(url: str, allow_private: bool = False) -> Iterator[Document | InputError]:
    """The article at a URL, or every article of the feed at it."""
    body, ctype = fetch(url, allow_private)
    if "xml" in ctype or "rss" in ctype or "atom" in ctype or is_feed(body):
        for doc, link, err in read_feed(body, url):
            if doc is not None:
                yield doc
            elif err is not None:
                yield err
            else:
                try:
                    page, page_type = fetch(link, allow_private)
                    yield html_to_document(page_text(page, page_type, link), link, url=link)
                except InputError as e:
                    yield e
        return
    yield html_to_document(page_text(body, ctype, url), url, url=url)


def page_text(body: bytes, content_type: str, where: str) -> str:
    """A fetched page's text: in the charset its Content-Type names, else as a file is read (a
    byte-order mark, the charset the page declares, UTF-8, else the legacy code page its bytes fit).
    An empty or binary answer is an InputError naming the URL."""
    m = _CHARSET.search(content_type)
    if m:
        try:
            return body.decode(codecs.lookup(m.group(1)).name, errors="replace")
        except LookupError:
            pass
    return decode(body, where)
