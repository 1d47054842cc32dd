"""The command line of accordwatch.watch: `sources`, `watch` and `alerts` (thin, as cli.py is)."""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Annotated

import typer

from .cli import DbOption, JsonOption, _cell, _error, _open_store, _print_json, _table, app, out_console

sources_app = typer.Typer(help="Feeds and pages that `accordwatch watch` polls.", no_args_is_help=True)
alerts_app = typer.Typer(help="Saved searches, and where to tell of what newly matches them.",
                         no_args_is_help=True)
app.add_typer(sources_app, name="sources")
app.add_typer(alerts_app, name="alerts")

AllowPrivate = Annotated[bool, typer.Option(
    "--allow-private", help="Allow addresses on loopback and private networks (refused by default).")]
AllowHost = Annotated[list[str] | None, typer.Option(
    "--allow-host", help="A private host (or host:port) to allow, all others still refused; repeatable.")]
Every = Annotated[str, typer.Option("--every", help="How often to poll: 90s, 30m, 2h, 1d.")]


@contextmanager
def _store(db: str | None):
    """The store, with library input errors as one line and exit code 2."""
    from .errors import InputError
    from .query import QueryInputError

    store = _open_store(db)
    try:
        yield store
    except (InputError, QueryInputError) as e:
        _error(str(e))
        raise typer.Exit(2) from None
    finally:
        store.close()


def _source_rows(rows: list[dict]) -> None:
    t = _table("id", "url", "name", "every", "last poll", "last success", "added", "next poll", "last error")
    for r in rows:
        t.add_row(str(r["id"]), _cell(r["url"]), _cell(r["name"]), f"{r['every_seconds']}s", _cell(r["last_poll"]),
                  _cell(r["last_success"]), str(r["articles_added"]), _cell(r["next_poll"]), _cell(r["last_error"]))
    out_console.print(t if rows else "no sources (add one with `accordwatch sources add URL`)", highlight=False)


@sources_app.command("add")
def sources_add(
    url: Annotated[str, typer.Argument(help="A feed (RSS, Atom) or page URL.")],
    name: Annotated[str | None, typer.Option("--name", help="What to call it.")] = None,
    every: Every = "30m",
    allow_private: AllowPrivate = False,
    allow_host: AllowHost = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Watch a feed or page: `accordwatch watch` polls it from now on."""
    from .watch.sources import add_source

    with _store(db) as store:
        row = add_source(store.engine, url, name, every, allow_private, allow_hosts=frozenset(allow_host or ()))
    if as_json:
        return _print_json(row)
    out_console.print(f"source {row['id']} added: {row['url']} (every {row['every_seconds']}s)", highlight=False)


@sources_app.command("list")
def sources_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The sources and their health: last poll, last success, articles added, next poll, last error."""
    from .watch.sources import list_sources

    with _store(db) as store:
        rows = list_sources(store.engine)
    if as_json:
        return _print_json(rows)
    _source_rows(rows)


@sources_app.command("remove")
def sources_remove(which: Annotated[str, typer.Argument(help="The source's id or URL.")], db: DbOption = None) -> None:
    """Stop watching a source (the articles it brought stay)."""
    from .watch.sources import remove_source

    with _store(db) as store:
        row = remove_source(store.engine, which)
    out_console.print(f"source {row['id']} removed: {row['url']}", highlight=False)


@sources_app.command("import")
def sources_import(
    path: Annotated[str, typer.Argument(help="An OPML file (what feed readers export).")],
    every: Every = "30m",
    allow_private: AllowPrivate = False,
    allow_host: AllowHost = None,
    db: DbOption = None,
) -> None:
    """Watch every feed of an OPML subscription list."""
    from .watch.sources import import_opml

    with _store(db) as store:
        added, skipped = import_opml(store.engine, path, every, allow_private, frozenset(allow_host or ()))
    for reason in skipped:
        typer.echo(f"warning: skipped: {reason}", err=True)
    out_console.print(f"{len(added)} source(s) added, {len(skipped)} skipped", highlight=False)


@app.command()
def watch(
    once: Annotated[bool, typer.Option("--once", help="Poll every due source one time, deliver, and exit.")] = False,
    workers: Annotated[int, typer.Option("--workers", help="Sources fetched at the same time.")] = 4,
    per_host: Annotated[float, typer.Option("--per-host", help="Seconds between two requests to one host.")] = 1.0,
    allow_private: AllowPrivate = False,
    allow_host: AllowHost = None,
    db: DbOption = None,
) -> None:
    """Poll the sources when they are due, ingest what is new, and deliver saved-search alerts; runs until
    SIGTERM or Ctrl-C (which stop it between sources), or one round with --once."""
    from .watch.fetch import Fetcher
    from .watch.loop import Watch

    with _store(db) as store:
        fetcher = Fetcher(allow_private=allow_private, per_host_interval=per_host,
                          allow_hosts=frozenset(allow_host or ()))
        w = Watch(store, fetcher, workers=workers,
                  allow_private=allow_private, report=lambda line: typer.echo(line, err=line.startswith("error")))
        old = {sig: signal.signal(sig, w.request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            total = w.run(once=once)
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)
            w.close()
    out_console.print(f"polled {total.polled} source(s) ({total.not_modified} not modified, "
                      f"{len(total.source_errors)} failed): {total.new_articles} new article(s); "
                      f"alerts: {total.queued} queued, {total.delivered} delivered, {total.retried} to retry, "
                      f"{total.failed} given up", highlight=False)


@alerts_app.command("add")
def alerts_add(
    name: Annotated[str, typer.Argument(help="A name for the saved search.")],
    country: Annotated[str | None, typer.Option("--country", help="A party: code or name.")] = None,
    pair: Annotated[str | None, typer.Option("--pair", help="Both are parties: KAZ-UZB.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Events of this type.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="Events with this status.")] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="Events in this sector (and its family).")] = None,
    indicator: Annotated[str | None, typer.Option("--indicator", help="Figures of this indicator.")] = None,
    query: Annotated[str | None, typer.Option("--query", help="The article matches this full-text query.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Reported in articles in this language.")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each new match here (JSON).")] = None,
    secret: Annotated[str | None, typer.Option(
        "--secret", help="The webhook's HMAC-SHA256 key (default: a new random one, printed once).")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Mail each new match here (SMTP: see docs).")] = None,
    allow_private: AllowPrivate = False,
    allow_host: AllowHost = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Save a search; its Atom feed is /feeds/<id>.atom, and what newly matches it goes to --webhook and
    --email when `accordwatch watch` runs."""
    from .watch.alerts import add_alert

    filters = {"country": country, "pair": pair, "type": type, "status": status, "sector": sector,
               "indicator": indicator, "query": query, "language": lang}
    with _store(db) as store:
        alert, key = add_alert(store.engine, name, filters, webhook, email, secret, allow_private,
                               allow_hosts=frozenset(allow_host or ()))
    if as_json:
        return _print_json({**alert, "webhook_secret": key})
    out_console.print(f"saved search {alert['id']} {alert['name']!r}: feed /feeds/{alert['id']}.atom", highlight=False)
    if key and not secret:
        out_console.print(f"webhook signing key (shown once): {key}", highlight=False)


@alerts_app.command("list")
def alerts_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The saved searches."""
    from .watch.alerts import list_alerts

    with _store(db) as store:
        rows = list_alerts(store.engine)
    if as_json:
        return _print_json(rows)
    t = _table("id", "name", "filters", "webhook", "email", "feed")
    for r in rows:
        t.add_row(str(r["id"]), _cell(r["name"]), _cell(" ".join(f"{k}={v}" for k, v in sorted(r["filters"].items()))),
                  _cell(r["webhook_url"]), _cell(r["email"]), f"/feeds/{r['id']}.atom")
    out_console.print(t if rows else "no saved searches (add one with `accordwatch alerts add NAME --country KAZ`)",
                      highlight=False)


@alerts_app.command("remove")
def alerts_remove(which: Annotated[str, typer.Argument(help="The saved search's id or name.")],
                  db: DbOption = None) -> None:
    """Delete a saved search and its delivery log."""
    from .watch.alerts import remove_alert

    with _store(db) as store:
        row = remove_alert(store.engine, which)
    out_console.print(f"saved search {row['id']} {row['name']!r} removed", highlight=False)
