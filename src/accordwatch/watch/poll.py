"""One poll of one source: fetch it (conditionally), read the articles that are new in it, and write
them through store/ as `accordwatch ingest` would.

A feed's entries that carry their text are read from the feed; a teaser's page is fetched, unless
an article with that URL is stored already (a re-poll fetches nothing it has). A URL that is no feed
is one article. Ingest is idempotent (articles are keyed by their content), so a poll repeated after
a kill adds nothing twice.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from ..errors import InputError
from ..ingest import Result, clean_document, clean_error
from ..ingest.feed import is_feed, read_feed
from ..ingest.html import html_to_document
from ..ingest.url import Response, page_text
from ..store import Store
from ..store import schema as s
from .fetch import Fetcher


@dataclass
class Poll:
    """What one poll found and did."""

    url: str
    not_modified: bool = False          # a 304: the validators held, nothing was read
    new: int = 0                        # articles added to the database
    seen: int = 0                       # articles it had already (duplicates, pages not fetched again)
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None


def _stored_urls(engine: Engine, urls: list[str]) -> set[str]:
    if not urls:
        return set()
    with engine.connect() as conn:
        return {u for (u,) in conn.execute(select(s.documents.c.url).where(s.documents.c.url.in_(urls)))}


def _result(doc_or_error, where: str) -> Result:
    """A Result as the ingesters give one (cleaned text, language told)."""
    if isinstance(doc_or_error, InputError):
        return Result(where, error=clean_error(doc_or_error))
    doc = clean_document(doc_or_error)
    return Result(doc.source, document=doc)


def _articles(engine: Engine, fetcher: Fetcher, url: str, body: bytes, content_type: str,
              poll: Poll) -> Iterator[Result]:
    if not ("xml" in content_type or "rss" in content_type or "atom" in content_type or is_feed(body)):
        yield _result(html_to_document(page_text(body, content_type, url), url, url=url), url)
        return
    entries = list(read_feed(body, url))
    known = _stored_urls(engine, [link for _, link, _ in entries if link])
    for doc, link, err in entries:
        if doc is not None:
            yield _result(doc, url)
        elif err is not None:
            yield _result(err, url)
        elif link in known:
            poll.seen += 1      # a teaser whose page is stored already
        else:
            try:
                page = fetcher.get(link)
                yield _result(html_to_document(page_text(page.body, page.content_type, link), link, url=link), link)
            except InputError as e:
                yield _result(e, link)


def fetch_source(fetcher: Fetcher, source: dict) -> Response:
    """The source's answer to a conditional GET (with the validators of its last one)."""
    return fetcher.get(source["url"], source.get("etag"), source.get("last_modified"))


def poll_source(store: Store, fetcher: Fetcher, source: dict, answer: Response | None = None) -> Poll:
    """Poll one source (given its `answer` when fetch_source ran already); an InputError (or
    fetch.RetryLater) when the source itself cannot be read, while a broken entry or page only counts
    as failed and says why in `errors`."""
    url = source["url"]
    poll = Poll(url)
    answer = answer if answer is not None else fetch_source(fetcher, source)
    poll.etag = answer.headers.get("etag") or source.get("etag")
    poll.last_modified = answer.headers.get("last-modified") or source.get("last_modified")
    if answer.status == 304:
        poll.not_modified = True
        return poll
    summary = store.ingest(_articles(store.engine, fetcher, answer.url, answer.body, answer.content_type, poll))
    poll.new = summary.new
    poll.seen += summary.duplicate + summary.near_duplicate
    poll.failed = summary.failed
    poll.errors = list(summary.errors)
    return poll
