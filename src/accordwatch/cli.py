"""The command line: a thin layer over the library."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from . import extract_document
from .ingest import read_paths

app = typer.Typer(help="Turn news about international economic cooperation into verified records.",
                  no_args_is_help=True, add_completion=False)
out_console = Console()
err_console = Console(stderr=True)


@app.callback()
def _root() -> None:
    """accordwatch: who agreed what with whom, when, with what figures."""


def _stem(source: str) -> str:
    """A file name for a record: the article file's stem, or stem-LINE for JSON Lines."""
    path, _, line = source.rpartition(":") if source.rsplit(":", 1)[-1].isdigit() else (source, "", "")
    stem = Path(path).stem
    return f"{stem}-{line}" if line else stem


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt .md .html .jsonl).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON record per line.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write each record to OUT/<file stem>.json.")] = None,
) -> None:
    """Extract one record per article: countries, organizations, people, dates (and more)."""
    failed = done = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for result in read_paths(paths):
        if not result.ok:
            failed += 1
            _error(str(result.error))
            continue
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
        err_console.print(f"{done} article(s) extracted, {failed} failed"
                          + (f"; records in {out}" if out is not None else ""), highlight=False)
    if failed:
        raise typer.Exit(1)


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
            t.add_row(f["indicator"], f"{f['value']:,.0f}", f["unit"], f.get("period") or "-", who, change, f["kind"])
        out_console.print(t)
    if record.get("events"):
        t = Table("event", "status", "parties", "date", "sectors", box=None, pad_edge=False)
        t.title, t.title_justify = "events", "left"
        for e in record["events"]:
            t.add_row(e["type"] + (f" ({e['instrument']})" if e.get("instrument") else ""), e["status"],
                      "-".join(e["parties"]), e.get("date") or "-", ", ".join(e["sectors"]) or "-")
        out_console.print(t)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
