"""The command line: a thin layer over the library."""
from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from . import __version__, extract_document
from .ingest import read_paths

HELP = """Turn news about international economic cooperation into verified records.

The record, key by key: docs/record.md"""
app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False)
out_console = Console()
err_console = Console(stderr=True)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"accordwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """accordwatch: who agreed what with whom, when, with what figures."""


def _stem(source: str) -> str:
    """A file name for a record: the article file's stem, or stem-LINE for JSON Lines (standard input
    is "stdin", a --text article "text")."""
    path, _, line = source.rpartition(":") if source.rsplit(":", 1)[-1].isdigit() else (source, "", "")
    stem = Path(path).stem.strip("<>") or "article"
    return f"{stem}-{line}" if line else stem


def languages_read() -> tuple[str, ...]:
    """The codes of the languages extraction reads: those the extraction layer lists (extract.lang,
    where there is one), else ingest.language.SUPPORTED (English)."""
    from .ingest.language import SUPPORTED

    try:
        from .extract.lang import LANGUAGES
    except ImportError:
        return SUPPORTED
    return tuple(LANGUAGES) or SUPPORTED


class _Notes:
    """What a batch skipped or cannot read well: warned about as it happens, counted for the summary."""

    def __init__(self, console: Console | None = None) -> None:
        self.skipped = 0
        self.languages: dict[str, int] = {}    # language name -> articles in it that extraction cannot read
        self.console = console

    def _warn(self, message: str) -> None:
        if self.console is not None:   # above a live progress bar
            self.console.print(f"warning: {message}", highlight=False, soft_wrap=True, markup=False)
        else:
            typer.echo(f"warning: {message}", err=True)

    def skip(self, folder: Path, files: list[Path]) -> None:
        from .ingest import READERS, skipped_types

        self.skipped += len(files)
        self._warn(f"{folder}: {len(files)} file(s) skipped, of types accordwatch does not read "
                   f"({skipped_types(files)}; it reads {' '.join(sorted(READERS))})")

    def article(self, result) -> None:
        from .ingest.language import language_warning, unsupported_language

        if result.ok:
            language, supported = result.document.meta.get("language"), languages_read()
            warning = language_warning(result.source, language, supported)
            if warning:
                name = unsupported_language(language, supported)
                self.languages[name] = self.languages.get(name, 0) + 1
                self._warn(warning)

    def summary(self) -> str:
        """"; 3 file(s) skipped by type; 1 article(s) in Russian, not read yet" (the parts that are not 0)."""
        parts = [f"{self.skipped} file(s) skipped by type"] if self.skipped else []
        parts += [f"{n} article(s) in {name}, not read yet" for name, n in sorted(self.languages.items())]
        return "".join(f"; {p}" for p in parts)


class Ranking(StrEnum):
    events = "events"
    trade = "trade"


class Lang(StrEnum):
    en = "en"
    ru = "ru"


LangOption = Annotated[Lang | None, typer.Option(
    "--lang", help="The articles' language (default: told from each text's script).", show_default=False)]
InLangOption = Annotated[Lang | None, typer.Option(
    "--lang", help="Only what articles in this language report.", show_default=False)]


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Article files or folders (.txt .md .html .jsonl), or - for standard input (one article, "
             "or JSON Lines).", show_default=False)] = None,
    text: Annotated[str | None, typer.Option("--text", help="Extract this text as one article.",
                                             show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON record per line.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write each record to OUT/<file stem>.json.")] = None,
    lang: LangOption = None,
) -> None:
    """Extract one record per article: countries, organizations, people, dates (and more)."""
    from itertools import chain

    from .ingest import text_result

    if not paths and text is None:
        _error("nothing to extract: give files or folders, - for standard input, or --text TEXT")
        raise typer.Exit(2)
    failed = done = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    notes = _Notes()
    results = read_paths(paths or [], on_skip=notes.skip)
    if text is not None:
        results = chain([text_result(text)], results)
    results = _in_language(results, lang)
    for result in results:
        if not result.ok:
            failed += 1
            _error(str(result.error))
            continue
        notes.article(result)
        try:
            record = extract_document(result.document)
        except Exception as e:  # one broken article never stops the batch
            failed += 1
            _error(f"{result.source}: extraction failed: {e!r}")
            continue
        done += 1
        if out is not None:
            (out / f"{_stem(result.source)}.json").write_text(
                json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif as_json:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            show_summary(record)
    if out is not None or not as_json:
        err_console.print(f"{done} article(s) extracted, {failed} failed" + notes.summary()
                          + (f"; records in {out}" if out is not None else ""), highlight=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


def _in_language(results, lang: Lang | None):
    """The results with every article's language set to `lang` (--lang), where one is given."""
    for result in results:
        if lang is not None and result.ok:
            result.document.language = lang.value
            result.document.meta["language"] = lang.value
        yield result


def _error(message: str) -> None:
    """One line on stderr, never wrapped, whatever the terminal width."""
    typer.echo(f"error: {message}", err=True)


def show_summary(record: dict) -> None:
    d = record["document"]
    out_console.rule(f"[bold]{d.get('title') or d.get('source')}", style="cyan")
    out_console.print(f"source {d['source']}  published {d.get('published') or '-'}  "
                      f"outlet {d.get('outlet') or '-'}  dateline {d.get('dateline') or '-'}", highlight=False)
    out_console.print(f"countries: {', '.join(record['countries']) or '-'}", highlight=False)
    out_console.print(f"dyads: {', '.join('-'.join(d) for d in record['dyads']) or '-'}   "
                      f"sectors: {', '.join(record['sectors']) or '-'}", highlight=False)
    if record["organizations"]:
        t = Table("organization", "country", "kind", "aliases", "mentions", box=None, pad_edge=False)
        for o in record["organizations"]:
            t.add_row(o["name"], o["country"] or "-", o["kind"], ", ".join(o["aliases"]) or "-",
                      str(len(o["mentions"])))
        out_console.print(t)
    if record["people"]:
        t = Table("person", "title", "country", "mentions", box=None, pad_edge=False)
        for p in record["people"]:
            t.add_row(p["name"], p["title"] or "-", p["country"] or "-", str(len(p["mentions"])))
        out_console.print(t)
    if record.get("figures"):
        t = Table("indicator", "value", "unit", "period", "parties", "change %", "kind", box=None, pad_edge=False)
        t.title, t.title_justify = "figures", "left"
        for f in record["figures"]:
            who = f"{f['from']}→{f['to']}" if f.get("from") else "-".join(f["parties"]) or "-"
            change = "-" if f.get("change_pct") is None else f"{f['change_pct']:+g}"
            value = ("~" if f.get("approximate") else "") + f"{f['value']:,.0f}"
            t.add_row(f["indicator"], value, f["unit"], f.get("period") or "-", who, change, f["kind"])
        out_console.print(t)
    if record.get("events"):
        t = Table("event", "status", "parties", "date", "sectors", box=None, pad_edge=False)
        t.title, t.title_justify = "events", "left"
        for e in record["events"]:
            t.add_row(_cell(event_label(e)), e["status"],
                      "-".join(e["parties"]), e.get("date") or "-", ", ".join(e["sectors"]) or "-")
        out_console.print(t)


# ---- queries over the database: partners, profile, events, figures, search, export ------------------
# Each command opens the database, calls one function of accordwatch.query and prints its result as Rich
# tables (or JSON with --json). Errors the user can fix (an unknown code, a bad filter or search) exit 2,
# others (no database, an export path in the way) exit 1, each as one line on stderr.

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database URL or SQLite file (default: $ACCORDWATCH_DB, else ./accordwatch.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def _run_query(db: str | None, function, *args, **kwargs):
    """Open the database, call `function(engine, ...)`, and turn what goes wrong into one error line and an
    exit code."""
    from sqlalchemy.exc import SQLAlchemyError

    from .errors import AccordwatchError
    from .query import QueryInputError
    from .store.engine import describe_error, make_engine, migrate, sqlite_path

    url = _database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        _error(f"no database at {path}: ingest articles first, or give --db URL or set $ACCORDWATCH_DB")
        raise typer.Exit(1)
    engine = None
    try:
        engine = make_engine(url)
        migrate(engine)
        return function(engine, *args, **kwargs)
    except QueryInputError as e:
        _error(str(e))
        raise typer.Exit(2) from None
    except AccordwatchError as e:
        _error(str(e))
        raise typer.Exit(1) from None
    except SQLAlchemyError as e:
        _error(describe_error(url, e))
        raise typer.Exit(1) from None
    finally:
        if engine is not None:
            engine.dispose()


def _database_url(db: str | None) -> str:
    """The database URL (see store.engine.database_url); a URL of a kind we do not open is one error
    line and exit code 2."""
    from .store.engine import StoreError, database_url

    try:
        return database_url(db)
    except StoreError as e:
        _error(str(e))
        raise typer.Exit(2) from None


def _open_store(db: str | None):
    """The store to write to, or one error line naming the database and the problem, and exit 1."""
    from .errors import AccordwatchError
    from .store import open_store
    from .store.engine import check_sqlite_file, describe_error, sqlite_path

    url = _database_url(db)
    try:
        if (path := sqlite_path(url)) is not None:
            check_sqlite_file(path, write=True)
        return open_store(url)
    except AccordwatchError as e:   # open_store says StoreError whatever the driver raised
        _error(describe_error(url, e))
        raise typer.Exit(1) from None


def _print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _cell(value) -> str:
    """A table cell from data: markup characters escaped, None as '-'."""
    from rich.markup import escape

    return "-" if value is None or value == "" else escape(str(value))


def _amount(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.2f}"


def _series(point: dict) -> tuple:
    """What makes figures one series over time: indicator, parties, direction, unit and kind."""
    return (point["indicator"], tuple(point["parties"]), point.get("from"), point["unit"], point["kind"])


def _usd(point: dict) -> str:
    """A money figure in another currency in US dollars at its period's rate ("no rate" where the ECB
    has none); blank for dollars and for what is no money."""
    if point.get("unit") == "USD" or not point.get("usd_note"):
        return ""
    return _amount(point["value_usd"]) if point.get("value_usd") is not None else "[dim]no rate[/]"


def _change(pct: float | None) -> str:
    return "-" if pct is None else f"{pct:+g}%"


def _table(*columns: str, title: str | None = None) -> Table:
    return Table(*columns, box=None, pad_edge=False, title=title, title_justify="left", title_style="bold")


def _source_line(src: dict, evidence: bool = False) -> str:
    """"Outlet 2024-03-05 #12" (the title's start when there is no outlet), and the evidence if asked."""
    title = src.get("title") or ""
    name = src.get("outlet") or (title if len(title) <= 32 else title[:31].rstrip() + "…") or None
    line = " ".join(x for x in (name, src.get("published"), f"#{src['document_id']}") if x)
    if evidence and src.get("evidence"):
        line += f"\n  “{src['evidence']}”"
    return _cell(line)


def _sources(sources: list[dict], evidence: bool = False) -> str:
    """One line per article (one per evidence span with `evidence`)."""
    lines = [_source_line(x, evidence) for x in sources]
    return "\n".join(lines if evidence else dict.fromkeys(lines))


def event_label(e: dict) -> str:
    """What to call an event: its name, its first letter capitalised ("Memorandum on sustainable raw materials
    ..."), else its type and instrument ("agreement (memorandum)")."""
    name = e.get("name")
    if name:
        return name[:1].upper() + name[1:]
    return e["type"] + (f" ({e['instrument']})" if e.get("instrument") else "")


def _event_table(title: str, rows: list[dict], evidence: bool = False) -> None:
    if not rows:
        out_console.print(f"[bold]{title}[/bold]: none", highlight=False)
        return
    t = _table("date", "event", "status", "parties", "sectors", "location", "sources", title=title)
    for e in rows:
        t.add_row(_cell(e["date"]), _cell(event_label(e)), _cell(e["status"]), _cell("-".join(e["parties"])),
                  _cell(", ".join(e["sectors"])), _cell(e["location"]),
                  f"{e['sources_count']}: " + _sources(e["sources"], evidence))
    out_console.print(t)


@app.command()
def partners(
    code: Annotated[str, typer.Argument(help="A country or bloc: code (KAZ, EU) or name.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many partners.")] = 20,
    by: Annotated[Ranking, typer.Option(
        "--by", help="Rank by shared events (then articles), or by the latest trade turnover in US dollars.")
    ] = "events",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Partners of a country or bloc, ranked by shared events, then articles (or --by trade), with their
    latest trade."""
    from .query import QueryError, code_name, resolve_code
    from .query import partners as find_partners
    from .query.common import check_limit

    def ranked(engine):
        # all of them, to say how many the limit leaves out (there are at most a few hundred)
        return find_partners(engine, code, limit=sys.maxsize, by=by.value if isinstance(by, Ranking) else by)

    try:
        check_limit(limit)
    except QueryError as e:
        _error(str(e))
        raise typer.Exit(2) from None
    everyone = _run_query(db, ranked)
    rows = everyone[:limit]
    if as_json:
        return _print_json(rows)
    try:
        who = resolve_code(code)
    except QueryError:       # a code only the database knows
        who = code.strip().upper()
    t = _table("#", "code", "partner", "events", "articles", "figures", "trade turnover", "unit", "period",
               "change", "", title=f"partners of {code_name(who)} ({who})")
    for i, r in enumerate(rows, 1):
        trade = r["trade_turnover"] or {}
        t.add_row(str(i), _cell(r["code"]), _cell(r["name"]), str(r["events"]), str(r["documents"]),
                  str(r["figures"]), _amount(trade.get("value")), _cell(trade.get("unit")), _cell(trade.get("period")),
                  _change(trade.get("change_pct")), "[bold red]CONFLICT[/]" if trade.get("conflict") else "")
    out_console.print(t if rows else f"no partners of {who} in the database", highlight=False)
    if len(everyone) > len(rows):
        out_console.print(f"showing {len(rows)} of {len(everyone)} partners (--limit to see more)", highlight=False)


@app.command()
def profile(
    a: Annotated[str, typer.Argument(help="A country or bloc (code or name).")],
    b: Annotated[str, typer.Argument(help="The other one.")],
    evidence: Annotated[bool, typer.Option("--evidence", help="Show each source's evidence sentence.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Everything about one pair: figures over time, agreements, working groups, meetings, projects, people,
    companies and sectors, each with its sources."""
    from .query import profile as pair_profile

    p = _run_query(db, pair_profile, a, b)
    if as_json:
        return _print_json(p)
    x, y = p["pair"]
    out_console.rule(f"[bold]{_cell(p['names'][x])} ({x}) – {_cell(p['names'][y])} ({y})", style="cyan")
    out_console.print(f"{p['documents']} article(s)", highlight=False)
    if not p["figures"]:
        out_console.print("[bold]figures[/bold]: none", highlight=False)
    for indicator, points in p["figures"].items():
        t = _table("period", "value", "unit", "kind", "change", "parties", "sources", "", title=indicator)
        for pt in points:
            who = f"{pt['from']}→{pt['to']}" if pt.get("from") else "-".join(pt["parties"])
            value = ("~" if pt["approximate"] else "") + _amount(pt["value"])
            flag = "[bold red]CONFLICT[/]: other articles differ" if pt["conflict"] else ""
            t.add_row(_cell(pt["period"]), f"[red]{value}[/]" if pt["conflict"] else value, _cell(pt["unit"]),
                      "[yellow]target[/]" if pt["kind"] == "target" else pt["kind"], _change(pt["change_pct"]),
                      _cell(who), _sources(pt["sources"], evidence), flag)
        out_console.print(t)
    for title, key in (("agreements", "agreements"), ("working groups", "working_groups"),
                       ("meetings", "meetings"), ("projects", "projects")):
        _event_table(title, p[key], evidence)
    for title, rows, columns in (
            ("people", p["people"], ("name", "title", "country", "documents", "mentions")),
            ("companies", p["companies"], ("name", "kind", "country", "documents", "mentions")),
            ("sectors", p["sectors"], ("sector", "events", "documents"))):
        if not rows:
            out_console.print(f"[bold]{title}[/bold]: none", highlight=False)
            continue
        t = _table(*[c.replace("documents", "articles") for c in columns], title=title)
        for r in rows:
            t.add_row(*[_cell(r[c]) for c in columns])
        out_console.print(t)


@app.command()
def events(
    country: Annotated[str | None, typer.Option("--country", help="A party (code or name).")] = None,
    pair: Annotated[str | None, typer.Option("--pair", help="Both parties, as KAZ-TUR.")] = None,
    sector: Annotated[str | None, typer.Option(
        "--sector", help="A sector (energy, oil_gas, ...); energy also finds oil_gas, nuclear, renewables.")] = None,
    exact: Annotated[bool, typer.Option("--exact", help="The sector only, not its family.")] = False,
    type: Annotated[str | None, typer.Option("--type", help="agreement | working_group | meeting | project")] = None,
    status: Annotated[str | None, typer.Option("--status", help="signed | agreed | planned | discussed")] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before YYYY[-MM[-DD]].")] = None,
    name: Annotated[str | None, typer.Option(
        "--name", help="Its name holds every one of these words, in any case ('raw materials').")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many events.")] = 100,
    evidence: Annotated[bool, typer.Option("--evidence", help="Show each source's evidence sentence.")] = False,
    lang: InLangOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Events (agreements, working groups, meetings, projects), newest first, filtered; each shown by its
    name where an article names it."""
    from .query import events as find_events

    rows = _run_query(db, find_events, country=country, pair=pair, sector=sector, type=type, status=status,
                      since=since, until=until, name=name, limit=limit,
                      language=lang and lang.value, exact=exact)
    if as_json:
        return _print_json(rows)
    _event_table(f"{len(rows)} event(s)", rows, evidence)


@app.command()
def figures(
    indicator: Annotated[str | None, typer.Option("--indicator", help="trade_turnover, exports, ...")] = None,
    pair: Annotated[str | None, typer.Option("--pair", help="Exactly these two parties, as KAZ-TUR.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="One of the parties (code or name).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="actual | target")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Periods ending on or after YYYY[-MM].")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many (the latest).")] = 500,
    evidence: Annotated[bool, typer.Option("--evidence", help="Show each source's evidence sentence.")] = False,
    lang: InLangOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Figures over time: one row per period and value, targets beside actuals, with growth and sources."""
    from .query import figures as find_figures

    rows = _run_query(db, find_figures, indicator=indicator, pair=pair, country=country, kind=kind, since=since,
                      limit=limit, language=lang and lang.value)
    if as_json:
        return _print_json(rows)
    usd = any(_usd(pt) for pt in rows)   # a column of dollar values where some money is in another currency
    t = _table("period", "indicator", "parties", "actual", "target", "unit", *(["in USD"] if usd else []),
               "change", "sources", "", title=f"{len(rows)} figure(s)")
    full_years = {_series(pt) for pt in rows if pt.get("partial_year") is False}
    for pt in rows:
        who = f"{pt['from']}→{pt['to']}" if pt.get("from") else "-".join(pt["parties"])
        period = _cell(pt["period"])
        if pt.get("partial_year") and _series(pt) in full_years:   # part of a year beside whole years
            period += " [yellow](part)[/]"
        value = ("~" if pt["approximate"] else "") + _amount(pt["value"])
        value = f"[red]{value}[/]" if pt["conflict"] else value
        t.add_row(period, _cell(pt["indicator"]), _cell(who),
                  value if pt["kind"] == "actual" else "", value if pt["kind"] == "target" else "",
                  _cell(pt["unit"]), *([_usd(pt)] if usd else []), _change(pt["change_pct"]),
                  _sources(pt["sources"], evidence),
                  "[bold red]CONFLICT[/]" if pt["conflict"] else "")
    out_console.print(t)


@app.command()
def search(
    q: Annotated[str, typer.Argument(help='Words, "a phrase", oil AND gas, pipe* (SQLite FTS5 syntax).')],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many articles.")] = 20,
    plain: Annotated[bool, typer.Option("--plain", help="Match the words as words: no operators.")] = False,
    duplicates: Annotated[bool, typer.Option("--duplicates", help="Include near-duplicate articles.")] = False,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Only articles in this language.",
                                              show_default=False)] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over the articles, best match first."""
    from rich.text import Text

    from .query import search as find
    from .query.search import MARK

    hits = _run_query(db, find, q, limit=limit, include_duplicates=duplicates, plain=plain,
                      language=lang and lang.value)
    if as_json:
        return _print_json(hits)
    t = _table("#", "published", "outlet", "title", "snippet", title=f"{len(hits)} article(s)")
    for h in hits:
        snippet = Text()
        for i, part in enumerate(h["snippet"].replace(MARK[1], MARK[0]).split(MARK[0])):
            snippet.append(part, style="bold yellow" if i % 2 else "")
        t.add_row(str(h["document_id"]), _cell(h["published"]), _cell(h["outlet"]), _cell(h["title"]), snippet)
    out_console.print(t)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="A folder (csv, parquet) or a file (json, graphml).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv | json | parquet | graphml")] = "csv",
    country: Annotated[str | None, typer.Option(
        "--country", help="Only events and figures with this party (code or name), and their articles.")] = None,
    pair: Annotated[str | None, typer.Option(
        "--pair", help="Only events with both parties and figures about exactly these two (KAZ-TUR).")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Only events dated, and figures whose period ends, on or after YYYY[-MM[-DD]].")] = None,
    db: DbOption = None,
) -> None:
    """Export the database: tables as CSV or Parquet files, one JSON file, or the partner network as GraphML.
    Event, event source and figure rows carry their evidence and their article's title, outlet, date and URL."""
    from .query import export as write_export

    done = _run_query(db, write_export, fmt, out, country=country, pair=pair, since=since)
    rows = ", ".join(f"{n} {name}" for name, n in done["rows"].items())
    err_console.print(f"wrote {len(done['files'])} file(s) ({rows}):", highlight=False, soft_wrap=True)
    for path in done["files"]:
        typer.echo(path)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, JSON Lines, feeds (.rss/.atom/.xml), "
                                                       "http(s) URLs of articles and feeds, or - for standard "
                                                       "input (one article, or JSON Lines).")],
    db: DbOption = None,
    batch: Annotated[int, typer.Option(help="Articles per transaction.")] = 100,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Allow fetching URLs on loopback or private networks.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int, typer.Option(help="Extract on a local Dask cluster of N worker processes "
                                              "(0: in this process).")] = 0,
    scheduler: Annotated[str | None, typer.Option(help="Extract on an existing Dask cluster "
                                                       "(tcp://HOST:PORT).")] = None,
    lang: LangOption = None,
) -> None:
    """Read articles, extract their records and store them: duplicates are skipped, near-duplicates
    linked to their original, entities, events and figures resolved across articles. With
    --workers or --scheduler, extraction runs on Dask and this process writes."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from sqlalchemy.exc import OperationalError

    from .errors import AccordwatchError
    from .ingest import read_paths

    store = _open_store(db)
    with Progress(TextColumn("[bold]ingest"), BarColumn(bar_width=None), MofNCompleteColumn(),
                  TextColumn("articles"), TimeElapsedColumn(), TextColumn("{task.description}"),
                  console=err_console, disable=quiet, transient=False) as bar:
        task = bar.add_task("", total=None)
        notes = _Notes(bar.console)
        results = _in_language(read_paths(sources, allow_private=allow_private, on_skip=notes.skip), lang)
        if workers or scheduler:
            from .scale.dask import records

            results = records(results, workers=workers or 2, scheduler=scheduler, sketch=True)

        shown: set[str] = set()

        def step(result) -> None:
            bar.update(task, advance=1, description=Path(result.source).name[:40])
            if not result.ok:
                shown.add(str(result.error))
                bar.console.print(f"error: {result.error}", highlight=False, soft_wrap=True, markup=False)
            notes.article(result)

        try:
            summary = store.ingest(results, progress=step, batch=batch)
        except AccordwatchError as e:   # the cluster could not be reached
            _error(str(e))
            raise typer.Exit(1) from None
        except OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            _error(f"database is busy: another process has been writing to {database_url_for_display(db)} "
                   f"for over 30 s; try again when it has finished (committed batches are kept)")
            raise typer.Exit(1) from None
    for line in summary.errors:   # articles read but not stored (extraction or writing failed)
        if line not in shown:
            _error(line)
    store.close()
    err_console.print(
        f"{summary.read} read: {summary.new} new, {summary.duplicate} duplicate, {summary.near_duplicate} "
        f"near-duplicate, {summary.failed} failed; added {summary.entities} entities, {summary.events} events "
        f"({summary.event_reports} reports), {summary.figures} figures, {summary.conflicts} figure conflicts"
        f"{notes.summary()} -> {database_url_for_display(db)}", highlight=False, soft_wrap=True)
    if summary.failed:
        raise typer.Exit(1)


def database_url_for_display(db: str | None) -> str:
    from sqlalchemy.engine import make_url

    from .store.engine import database_url

    return make_url(database_url(db)).render_as_string(hide_password=True)


# ---- serve: the REST API and the dashboard (accordwatch.web) --------------------------------------

@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    ingest_token: Annotated[str | None, typer.Option(
        "--ingest-token", envvar="ACCORDWATCH_INGEST_TOKEN", show_default=False,
        help="Bearer token that POST /api/ingest requires (prefer the environment variable: a command line "
             "is visible to other users). Without one, ingest over HTTP is disabled.")] = None,
    max_upload_bytes: Annotated[int, typer.Option(
        "--max-upload-bytes", min=1, help="Largest request body POST /api/ingest accepts.")] = 5_000_000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes (one per core).")] = 1,
    private: Annotated[bool, typer.Option(
        "--private", envvar="ACCORDWATCH_PRIVATE",
        help="Nothing is read without a login: pages redirect to /login, /api answers 401 without a session or "
             "'Authorization: Bearer <API token>' (accordwatch users token NAME).")] = False,
) -> None:
    """Serve the REST API (/api), its documentation (/docs) and the dashboard over the database."""
    import uvicorn

    from .errors import AccordwatchError
    from .store.engine import describe_error
    from .web import create_app

    url = _database_url(db)
    _check_port(host, port)       # before anything says it is serving
    try:
        web_app = create_app(url, ingest_token=ingest_token, max_upload_bytes=max_upload_bytes, private=private)
    except AccordwatchError as e:
        _error(describe_error(url, e))
        raise typer.Exit(1) from None
    where = f"[{host}]" if ":" in host else host
    ingest_state = "enabled" if web_app.state.ingest_token else "disabled"
    typer.echo(f"accordwatch: serving {database_url_for_display(db)} at http://{where}:{port} "
               f"(API at /api, docs at /docs; ingest {ingest_state}{'; private: log in to read' if private else ''})")
    if private:
        from .review.accounts import has_users

        if not has_users(web_app.state.engine):
            typer.echo("warning: --private and no users yet: nobody can log in (add one with `accordwatch users add "
                       "NAME --role admin`)", err=True)
    if workers > 1:
        # each worker process builds its own app from the environment
        import os

        from .store.engine import database_url

        os.environ["ACCORDWATCH_DB"] = database_url(db)
        os.environ["ACCORDWATCH_MAX_UPLOAD_BYTES"] = str(max_upload_bytes)
        os.environ["ACCORDWATCH_PRIVATE"] = "1" if private else "0"
        if not os.environ.get("ACCORDWATCH_SECRET"):   # one CSRF secret for every worker: a form works on any
            import secrets

            os.environ["ACCORDWATCH_SECRET"] = secrets.token_urlsafe(32)
        if ingest_token:
            os.environ["ACCORDWATCH_INGEST_TOKEN"] = ingest_token
        web_app.state.engine.dispose()
        uvicorn.run("accordwatch.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level="warning")
        return
    uvicorn.run(web_app, host=host, port=port, log_level="info")


def _check_port(host: str, port: int) -> None:
    """Exit with one line unless a server can listen on host:port now (bound as uvicorn binds it: with
    SO_REUSEADDR, so a port only left in TIME_WAIT by an old server counts as free)."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            _error(f"port {port} is in use: pass --port N")
        elif isinstance(e, socket.gaierror):
            _error(f"cannot listen on {host}: no such host or address ({e.strerror}): pass --host ADDRESS")
        else:
            _error(f"cannot listen on {host}:{port}: {e.strerror or e}")
        raise typer.Exit(1) from None


# `sources`, `watch` and `alerts` live in cli_watch.py, `users` in cli_review.py; each adds its commands
# to `app` (imported last: they take the helpers above from this module)
from . import cli_review, cli_watch  # noqa: E402, F401


def main() -> None:
    app()


if __name__ == "__main__":
    # `python -m accordwatch.cli`: run the app of the package's module, to which cli_watch added its commands
    from accordwatch.cli import main as _main

    _main()
