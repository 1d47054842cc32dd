"""The dashboard: server-rendered HTML pages over the query layer (Jinja2, autoescaped).

    /                     latest events, the most active countries and blocs, figures that changed
    /country/{code}       a country's or bloc's partners ranked, its recent events
    /pair/{a}/{b}         the pair profile: trade chart (SVG), targets against actuals, agreements, ...
    /network              the partner network (SVG, deterministic layout)
    /events?type=&status=&sector=&country=&pair=&since=&until=&name=&page=   every event, filtered, 50 a page
    /search?q=&country=&sector=&type=   events whose name holds the words, then full-text results with facets
    /article/{id}         the article with every extracted fact highlighted where it is stated; an editor
                          confirms, corrects or rejects its figures and events there (static/app.js posts
                          to /api/reviews), and each shows its reviews (who, when, before and after)
    /sources, /alerts, /feeds/{id}.atom   the watch's sources and saved searches (web/watch_pages.py)
    /login, /logout, /account, /audit     accounts and the audit log (web/account_pages.py)

`router` has no prefix; the app includes it and serves web/static at /static. Handlers read the
engine from `request.app.state.engine`. Article text is only ever escaped: highlighted text is built
from escaped pieces and <mark> tags made here (see highlight()).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from sqlalchemy import Engine, func, select

from .. import query
from ..query import rows
from ..query.common import (
    EVENT_TYPES,
    INDICATORS,
    KINDS,
    SECTORS,
    STATUSES,
    check_choice,
    code_kind,
    code_name,
    live_document,
    live_event,
    live_figure,
    near_duplicates,
    period_key,
)
from ..query.network import cell_counts
from ..query.network import network as partner_network
from ..query.rows import events_by_id, latest
from ..query.search import MARK
from ..query.timeline import events_page, name_words
from ..review import accounts, audit
from ..review import entities as review_entities
from ..store import schema as s
from ..watch.alerts import whats_new
from . import auth, charts, entity_pages
from .cache import app_cache
from .labels import label, unit_words

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

router = APIRouter()

ENTITY_FACTS = {"person": "person", "organization": "org", "place": "place"}   # entity kind -> fact kind
SEARCH_LIMIT = 200
SEARCH_EVENTS = 20   # events whose name matches, shown above the articles a search finds
NETWORK_NODES = 60   # the network SVG draws the most active nodes; the table below it lists every pair


# 1. templates ------------------------------------------------------------------------------------

def event_kind(ev: dict[str, Any]) -> str:
    """ "Agreement (roadmap)", "Meeting"."""
    instrument = ev.get("instrument")
    text = label(ev["type"])
    if instrument and instrument != ev["type"]:
        text += f" ({instrument.replace('_', ' ')})"
    return text


def event_title(ev: dict[str, Any]) -> str:
    """What to call an event: its name, its first letter capitalised ("Memorandum on sustainable raw
    materials ..."), else its kind (event_kind: "Agreement (roadmap)")."""
    name = ev.get("name")
    return name[:1].upper() + name[1:] if name else event_kind(ev)


def pair_href(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"/pair/{x}/{y}"


def event_href(ev: dict[str, Any]) -> str | None:
    """The mark of an event in its first article: /article/{id}#fact-event-{event_id}."""
    if not ev.get("sources"):
        return None
    return f"/article/{int(ev['sources'][0]['document_id'])}#fact-event-{int(ev['id'])}"


def figure_href(point: dict[str, Any], i: int = 0) -> str:
    source = point["sources"][i]
    return f"/article/{int(source['document_id'])}#fact-fig-{int(source['figure_id'])}"


def value_text(value: float | None, unit: str | None, approximate: bool) -> str:
    """The `value` filter: charts.fmt_value, whose `approximate` every template must give, so that an
    approximate value is written "~1,000" on every page (as in the charts' tooltips)."""
    return charts.fmt_value(value, unit, approximate)


def shown_text(value: Any) -> str:
    """The `shown` filter: a value of an audit entry as text ("–" for none, parties joined)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, list):
        return "–".join(map(str, value))
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:,}"
    return str(value)


def plain_number(value: float | None) -> str:
    """The `plain` filter: a number as a form field holds it (4400000000, 12.5), never 4.4e+09."""
    if value is None:
        return ""
    text = f"{float(value):f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def every_text(seconds: int) -> str:
    """The `every` filter: a polling interval as "90 s", "30 min", "2 h", "1 d"."""
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(value=value_text, pct=charts.fmt_pct, label=label, name=code_name,
                       event_title=event_title, event_kind=event_kind, number=charts.fmt_number,
                       unit=unit_words, every=every_text, shown=shown_text, plain=plain_number)
    env.globals.update(pair_href=pair_href, event_href=event_href, figure_href=figure_href, code_name=code_name,
                       code_kind=code_kind)
    return env


ENV = _env()
entity_pages.install(ENV)   # the article page's entity review marks, history and forms


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The template as a page; every page knows who is logged in (`user`), whether anyone can
    (`accounts_exist`) and the CSRF token of its forms (`csrf_token`, web/auth.py)."""
    user = auth.current_user(request)
    accounts_exist = user is not None or accounts.has_users(request.app.state.engine)
    page = ENV.get_template(template).render(request=request, path=request.url.path, user=user,
                                             accounts_exist=accounts_exist, csrf_token=auth.csrf_token(request),
                                             **context)
    return HTMLResponse(page, status_code=status_code)


def render_kept(request: Request, template: str, key: Hashable, make: Callable[[], dict[str, Any]],
                **frame: Any) -> HTMLResponse:
    """`template` as a page whose content (its "content" block, which shows the data alone) is rendered
    once for the data version and kept (web.cache); the frame around it, naming the user logged in and
    carrying their CSRF token, is rendered for each request (with `frame`: the header's search words).
    `make` gives the template's variables, "title" among them; what it raises (an unknown code) is raised
    here and kept nowhere."""
    return render(request, "kept.html", **_kept(request, key, lambda: content_block(template, make())), **frame)


def content_block(template: str, data: dict[str, Any]) -> dict[str, Any]:
    """{"title", "content"}: the "content" block of `template` rendered alone with `data` (which holds the
    title), for kept.html to frame."""
    tmpl = ENV.get_template(template)
    # a block rendered alone runs none of its template's top-level imports: the macros come in here
    macros = ENV.get_template("macros.html").module
    names = {k: getattr(macros, k) for k in dir(macros) if not k.startswith("_")}
    content = Markup("".join(tmpl.blocks["content"](tmpl.new_context({**names, **data}))))
    return {"title": data["title"], "content": content}


ERROR_TITLES = {400: "Bad request", 401: "Not logged in", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
                413: "Too large", 422: "Bad request", 500: "Something went wrong"}


def error_page(request: Request, status: int, message: str, title: str | None = None) -> HTMLResponse:
    """The dashboard's error page (also what the app shows for errors outside /api: web/errors.py calls
    error_page(request, status, message))."""
    title = title or ERROR_TITLES.get(status, "Error")
    return render(request, "error.html", status_code=status, title=title, message=message, status=status)


def _engine(request: Request) -> Engine:
    return request.app.state.engine


# 2. shared queries -------------------------------------------------------------------------------

def network(engine: Engine, top: int | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(nodes, edges) of the partner network: nodes most active first (events, then figures, then
    partners), edges most events first (then figures, then articles); with `top`, only the first `top`
    edges (query.network counts it in the database)."""
    with engine.connect() as conn:
        return partner_network(conn, top=top)


def _newest_report_day(conn, before: str | None) -> str | None:
    """The newest publication date, before `before`, of an article (no near-duplicate) that reports an
    event: the documents' date index read from the end."""
    d, src = s.documents, s.event_sources
    stmt = select(d.c.published).where(d.c.published.is_not(None), live_document(),
                                       select(src.c.event_id).where(src.c.document_id == d.c.id).exists())
    if before is not None:
        stmt = stmt.where(d.c.published < before)
    return conn.execute(stmt.order_by(d.c.published.desc()).limit(1)).scalar()


def _recent_by_day(conn, limit: int) -> dict[int, str | None]:
    """{event id: reported} of the `limit` events most recently reported, in order: read from the newest
    articles back, a publication day at a time, until `limit` events are found (an event's newest
    report is the first one met); then, if need be, the events no dated article reports."""
    e, src, d = s.events, s.event_sources, s.documents
    found: dict[int, tuple[str | None, str | None]] = {}    # event id -> (reported, its date)
    day = None
    while len(found) < limit:
        day = _newest_report_day(conn, day)
        if day is None:
            break
        for event_id, date in conn.execute(
                select(e.c.id, e.c.date).select_from(src.join(e, e.c.id == src.c.event_id)
                                                    .join(d, d.c.id == src.c.document_id))
                .where(d.c.published == day, live_document()).distinct()):
            found.setdefault(event_id, (day, date))
    if len(found) < limit:
        dated = (select(src.c.event_id).join(d, d.c.id == src.c.document_id)
                 .where(src.c.event_id == e.c.id, d.c.published.is_not(None), live_document()))
        for event_id, date in conn.execute(
                select(e.c.id, e.c.date).where(live_event(), ~dated.exists())
                .order_by(e.c.date.is_(None), e.c.date.desc(), e.c.id.desc()).limit(limit - len(found))):
            found[event_id] = (None, date)
    # newest report first, then the newest date (undated last), then the newest id
    order = sorted(found, reverse=True)
    order.sort(key=lambda i: (found[i][1] is not None, found[i][1] or ""), reverse=True)
    order.sort(key=lambda i: (found[i][0] is not None, found[i][0] or ""), reverse=True)
    return {i: found[i][0] for i in order[:limit]}


def _recent_of(conn, country: str, limit: int) -> dict[int, str | None]:
    """{event id: reported} of the `limit` events of `country` most recently reported, in order: its
    events (the party index), their newest live report each, in the database."""
    e, src, d, ep = s.events, s.event_sources, s.documents, s.event_parties
    reported = func.max(d.c.published)
    stmt = (select(e.c.id, reported.label("reported"))
            .select_from(ep.join(e, e.c.id == ep.c.event_id).join(src, src.c.event_id == e.c.id)
                         .join(d, d.c.id == src.c.document_id))
            .where(ep.c.code == country, src.c.document_id.not_in(near_duplicates()))
            .group_by(e.c.id, e.c.date)
            .order_by(reported.is_(None), reported.desc(), e.c.date.is_(None), e.c.date.desc(), e.c.id.desc())
            .limit(limit))
    return {row.id: row.reported for row in conn.execute(stmt)}


def recent_events(engine: Engine, country: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """Events most recently reported first (by their newest article's publication date, then their own
    date), as rows.event_dicts with "reported" (that publication date) added. `country`: a party."""
    with engine.connect() as conn:
        found = _recent_of(conn, country, limit) if country is not None else _recent_by_day(conn, limit)
        events = events_by_id(conn, list(found))
    for ev in events:
        ev["reported"] = found[ev["id"]]
    return events


CHANGED_WINDOW = 5000   # "figures that changed" looks at the latest this many actual points


def changed_figures(engine: Engine, limit: int = 10) -> list[dict[str, Any]]:
    """The latest actual figure of each series (indicator, parties, direction, unit) that states a
    change, newest period first, then the biggest change: among the latest CHANGED_WINDOW actual
    points (query.figures(kind="actual", limit=CHANGED_WINDOW)).

    The database finds those points' keys and which of them state a change; only those are read,
    lightly (rows.point_summaries), and the winners in full."""
    f = s.figures
    actual = [f.c.kind == "actual"]
    with engine.connect() as conn:
        window = rows.last_point_keys(conn, actual, CHANGED_WINDOW)
        if not window:
            return []
        stated = set(conn.execute(select(f.c.point_key).where(live_figure(), *actual, f.c.point_key >= window[0],
                                                              f.c.change_pct.is_not(None)).distinct()).scalars())
        series: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for p in sorted(rows.point_summaries(conn, [k for k in window if k in stated], actual), key=rows.time_order):
            series[(p["indicator"], tuple(p["parties"]), p["from"], p["to"], p["unit"])].append(p)
        points = [latest(pts) for pts in series.values()]
        points.sort(key=lambda p: (period_key(p["period"]), abs(p["change_pct"])), reverse=True)
        keys = [p["_key"] for p in points[:limit]]
        full = {p.pop("_key"): p for p in rows.points_by_key(conn, keys, actual, keep_key=True)}
    return [full[k] for k in keys]


def stats(engine: Engine, cells: tuple[Counter, Counter] | None = None) -> dict[str, int]:
    """Live articles, events and figures; `cells` (query.network.cell_counts) holds the last two."""
    with engine.connect() as conn:
        if cells is None:
            cells = cell_counts(conn)
        articles = conn.execute(select(func.count()).select_from(s.documents).where(live_document())).scalar_one()
    return {"articles": articles, "events": sum(cells[0].values()), "figures": sum(cells[1].values())}


# 3. pages ------------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> HTMLResponse:
    engine = _engine(request)

    def make() -> dict[str, Any]:
        with engine.connect() as conn:
            cells = cell_counts(conn)
            nodes, edges = partner_network(conn, top=8, cells=cells)
        return {"title": "accordwatch", "stats": {**stats(engine, cells), "countries": len(nodes)},
                "events": recent_events(engine, limit=10), "top": nodes[:12], "pairs": edges[:8],
                "changed": changed_figures(engine), "new": whats_new(engine)}   # saving a search moves the version

    return render_kept(request, "home.html", "home", make)


def mark_approximate_trade(engine: Engine, code: str, ranked: list[dict[str, Any]]) -> None:
    """Set "approximate" on each partner's trade turnover (query.partners leaves it out): true when every
    article gave that value as approximate, as on every other page, so that it is written "~$1.2 billion"."""
    f = s.figures
    trade = {pair_href(code, p["code"]): p["trade_turnover"] for p in ranked if p["trade_turnover"]}
    if not trade:
        return
    cells = ["|".join(sorted((code, p["code"]))) for p in ranked if p["trade_turnover"]]
    with engine.connect() as conn:
        points = rows.figure_points(conn, [f.c.indicator == "trade_turnover", f.c.kind == "actual",
                                           f.c.parties.in_(cells)])
    for point in points:
        shown = trade.get(pair_href(*point["parties"])) if len(point["parties"]) == 2 else None
        if shown and (shown["period"], shown["unit"], shown["value"]) == (point["period"], point["unit"],
                                                                          point["value"]):
            shown["approximate"] = point["approximate"]
    for shown in trade.values():
        shown.setdefault("approximate", False)


@router.get("/country/{code}", response_class=HTMLResponse, include_in_schema=False)
def country(request: Request, code: str) -> HTMLResponse:
    engine = _engine(request)
    try:
        resolved = query.resolve_code(code, engine)
    except query.UnknownCode as e:
        return error_page(request, 404, str(e), "Unknown country or bloc")

    def make() -> dict[str, Any]:
        ranked = query.partners(engine, resolved, limit=100)
        mark_approximate_trade(engine, resolved, ranked)
        return {"title": f"{code_name(resolved)} ({resolved})", "code": resolved, "name": code_name(resolved),
                "kind": code_kind(resolved), "partners": ranked,
                "events": recent_events(engine, country=resolved, limit=25)}

    return render_kept(request, "country.html", ("country", resolved), make)


def targets_against_actuals(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target with the latest actual of its series (indicator, parties, direction, unit) and
    how far that actual has got: [{"target": point, "actual": point | None, "progress": 44.0 | None}]."""
    out = []
    for t in (p for p in points if p["kind"] == "target"):
        same = [p for p in points if p["kind"] == "actual" and p["indicator"] == t["indicator"]
                and p["parties"] == t["parties"] and p["from"] == t["from"] and p["to"] == t["to"]
                and p["unit"] == t["unit"]]
        actual = latest(same)
        progress = round(actual["value"] / t["value"] * 100, 1) if actual and t["value"] else None
        out.append({"target": t, "actual": actual, "progress": progress})
    return out


def timeline(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events oldest first (a timeline), undated ones last."""
    return (sorted((e for e in events if e["date"]), key=lambda e: (e["date"], e["id"]))
            + [e for e in events if not e["date"]])


# a busy pair (thousands of facts in an archive) shows the latest of each list, the rest behind a link
PAIR_POINTS = 12     # figure points per indicator
PAIR_EVENTS = 25     # events per kind
PAIR_SOURCES = 3     # sources per figure point
PAIR_CHART_POINTS = 240   # trade chart points (the latest periods)


def latest_events(events: list[dict[str, Any]], limit: int = PAIR_EVENTS) -> list[dict[str, Any]]:
    """The newest `limit` events as a timeline (oldest first; undated ones only to fill the list)."""
    dated = [e for e in timeline(events) if e["date"]]
    undated = [e for e in events if not e["date"]]
    return dated[-limit:] + undated[:max(0, limit - len(dated))]


def latest_points(points: list[dict[str, Any]], limit: int = PAIR_POINTS) -> list[dict[str, Any]]:
    """The `limit` points of the latest periods, in their order; each with its first sources only
    ("more_sources": how many are left out)."""
    order = sorted(range(len(points)), key=lambda i: points[i]["period"] or "")[-limit:]
    return [{**points[i], "sources": points[i]["sources"][:PAIR_SOURCES],
             "more_sources": max(0, len(points[i]["sources"]) - PAIR_SOURCES)} for i in sorted(order)]


def _kept_in_order(items: list[dict[str, Any]], kept: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = {id(x) for x in kept}
    return [x for x in items if id(x) in ids]


@router.get("/pair/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def pair(request: Request, a: str, b: str) -> HTMLResponse:
    engine = _engine(request)

    def make() -> dict[str, Any]:
        prof = query.profile(engine, a, b)
        x, y = prof["pair"]
        points = [p for pts in prof["figures"].values() for p in pts]
        chartable = charts.chartable(points)
        chart_points = latest_points(chartable, PAIR_CHART_POINTS)
        targets = targets_against_actuals(points)
        totals = {"chart": len(chartable), "targets": len(targets),
                  **{key: len(prof[key]) for key in ("agreements", "working_groups", "meetings", "projects")},
                  "points": {ind: len(pts) for ind, pts in prof["figures"].items()}}
        shown = {**prof, "figures": {ind: latest_points(pts) for ind, pts in prof["figures"].items()},
                 **{key: _kept_in_order(prof[key], latest_events(prof[key]))
                    for key in ("working_groups", "meetings", "projects")}}
        return {"title": f"{prof['names'][x]} – {prof['names'][y]}", "p": shown, "a": x, "b": y, "totals": totals,
                "figure_total": len(points),
                "chart": charts.trade_chart(chart_points,
                                            title=f"Trade between {prof['names'][x]} and {prof['names'][y]}"),
                "chart_points": chart_points, "chart_unit": charts.chart_unit(points),
                "series": [s_ for s_ in charts.CHART_SERIES if any(p["indicator"] == s_ for p in chart_points)],
                "series_labels": charts.SERIES_LABELS, "targets": targets[-PAIR_EVENTS:],
                "agreements": latest_events(prof["agreements"])}

    try:
        return render_kept(request, "pair.html", ("pair", a, b), make)
    except query.UnknownCode as e:
        return error_page(request, 404, str(e), "Unknown country or bloc")
    except query.BadFilter as e:
        return error_page(request, 400, str(e), "Not a pair")


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request) -> HTMLResponse:
    def make() -> dict[str, Any]:
        nodes, edges = network(_engine(request))
        shown = nodes[:NETWORK_NODES]
        codes = {n["code"] for n in shown}
        svg = charts.network_svg(shown, [e for e in edges if e["a"] in codes and e["b"] in codes])
        return {"title": "Partner network", "svg": svg, "nodes": nodes, "edges": edges, "shown": len(shown)}

    return render_kept(request, "network.html", "network", make)


def _kept(request: Request, key: Hashable, make: Callable[[], Any], cache_name: str = "page_cache",
          size: int = 256) -> Any:
    """What `make` gives for `key` at the database's current data version: the data a page shows, kept
    until an ingest or a review changes the data (web.cache), so that a busy page is one indexed read.
    Only what is the same for every visitor (the data, or a content block rendered from it: render_kept,
    article): the frame of the page is rendered for each request, since it names the user logged in and
    carries their CSRF token. What `make` raises (an unknown code) is raised here and kept nowhere.
    `cache_name`: the app's cache it is kept in (articles in their own, so that reading many of them
    does not push the busy pages out)."""
    return app_cache(request.app.state, cache_name, _engine(request), size).get(key, make)


# 4. search -----------------------------------------------------------------------------------------

def snippet_html(snippet: str | None) -> Markup:
    """A search snippet with its « » marks as <mark>: every piece escaped, the tags ours."""
    out: list[Markup | str] = []
    rest = snippet or ""
    while True:
        start = rest.find(MARK[0])
        stop = rest.find(MARK[1], start + 1) if start >= 0 else -1
        if start < 0 or stop < 0:
            out.append(escape(rest))
            break
        out.append(escape(rest[:start]))
        out.append(Markup("<mark>") + escape(rest[start + 1:stop]) + Markup("</mark>"))
        rest = rest[stop + 1:]
    return Markup("").join(out)


def _search_url(params: dict[str, str | None]) -> str:
    kept = {k: v for k, v in params.items() if v}
    return "/search" + (f"?{urlencode(kept)}" if kept else "")


_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def name_query(q: str) -> str:
    """The words of a search to look for in event names: its words without the search syntax (AND, OR,
    NOT, NEAR, column: prefixes, quotes, *): 'title:raw AND "hydrogen value"' -> 'raw hydrogen value'."""
    return " ".join(w for w in name_words(re.sub(r"\b\w+:", " ", q)) if w not in _OPERATORS)


def matching_events(engine: Engine, q: str, country: str | None, sector: str | None,
                    type_: str | None) -> tuple[list[dict[str, Any]], int]:
    """(events, total): the events whose name holds every word of the search (name_query), among those
    the filters keep (a party, a sector, a type), as query.events lists them; at most SEARCH_EVENTS."""
    words = name_query(q)
    if not words:
        return [], 0
    return events_page(engine, country=country or None, sector=sector or None, type=type_ or None, name=words,
                       limit=SEARCH_EVENTS)


def _filter_ids(conn, country: str | None, sector: str | None, type_: str | None):
    """Conditions on documents.id for the filters."""
    d = s.documents
    conditions = []
    if country:
        conditions.append(d.c.id.in_(select(s.document_countries.c.document_id)
                                     .where(s.document_countries.c.code == country)))
    if sector:
        conditions.append(d.c.id.in_(select(s.document_sectors.c.document_id)
                                     .where(s.document_sectors.c.sector == sector)))
    if type_:
        conditions.append(d.c.id.in_(select(s.event_sources.c.document_id)
                                     .join(s.events, s.events.c.id == s.event_sources.c.event_id)
                                     .where(s.events.c.type == type_)))
    return conditions


EVENTS_PER_PAGE = 50
EVENT_FILTERS = ("type", "status", "sector", "country", "pair", "since", "until", "name")


def _events_url(params: dict[str, str], page: int = 1) -> str:
    kept = {k: v for k, v in params.items() if v}
    if page > 1:
        kept["page"] = str(page)
    return "/events" + (f"?{urlencode(kept)}" if kept else "")


def _page_links(page: int, pages: int) -> list[int | None]:
    """The page numbers a pager shows: the first, the last, and two either side of `page`; None for a gap."""
    shown = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_list(request: Request, type: str = "", status: str = "", sector: str = "", country: str = "",
                pair: str = "", since: str = "", until: str = "", name: str = "", page: str = "1") -> HTMLResponse:
    """Every event, newest first (undated last), filtered as /api/events filters and paged in the database
    (query.timeline.events_page)."""
    params = {"type": type.strip(), "status": status.strip(), "sector": sector.strip(), "country": country.strip(),
              "pair": pair.strip(), "since": since.strip(), "until": until.strip(), "name": name.strip()}
    ctx: dict[str, Any] = {"title": "Events", "params": params, "types": EVENT_TYPES, "statuses": STATUSES,
                           "sectors": SECTORS, "events": [], "total": 0, "page": 1, "pages": 1, "error": None,
                           "links": [], "url": lambda n: _events_url(params, n)}
    if not page.strip().isdigit() or not 0 < int(page) < 10**9:
        ctx["error"] = f"page takes a number from 1, not {page!r}"
        return render(request, "events.html", status_code=400, **ctx)
    number = int(page)
    def make() -> tuple[list[dict[str, Any]], int, Markup]:
        events, total = events_page(_engine(request), **{k: v or None for k, v in params.items()},
                                    offset=(number - 1) * EVENTS_PER_PAGE, limit=EVENTS_PER_PAGE)
        return events, total, event_rows(events)

    # the page of events and its rows, which show the data alone, kept for the data version (web.cache);
    # the page itself (the form around the rows may carry the visitor's CSRF token) for each request
    try:
        events, total, rows = _kept(request, ("events", tuple(params.items()), number), make)
    except query.QueryInputError as e:
        ctx["error"] = str(e)
        return render(request, "events.html", status_code=400, **ctx)
    pages = max(1, -(-total // EVENTS_PER_PAGE))
    if number > pages:
        return error_page(request, 404, f"page {number} is out of range: {total} event(s) make {pages} page(s) "
                                        f"of {EVENTS_PER_PAGE}", "No such page")
    active = [{"name": {"since": "from", "until": "to"}.get(k, k), "value": v,
               "label": _filter_label(_engine(request), k, v),
               "remove": _events_url({**params, k: ""})} for k, v in params.items() if v]
    ctx.update(events=events, rows=rows, total=total, page=number, pages=pages, active=active,
               links=_page_links(number, pages), first=(number - 1) * EVENTS_PER_PAGE + 1)
    return render(request, "events.html", **ctx)


def event_rows(events: list[dict[str, Any]]) -> Markup:
    """The events as the list items of an events page (macros.html's event_row)."""
    row = ENV.get_template("macros.html").module.event_row
    return Markup("".join(str(row(ev)) for ev in events))


def _filter_label(engine: Engine, name: str, value: str) -> str:
    """A filter in words: "Oil and gas", "Kazakhstan (KAZ)", "KAZ–UZB" (the value is known to be good)."""
    if name in ("type", "status", "sector"):
        return label(value.lower())
    if name == "country":
        code = query.resolve_code(value, engine)
        return f"{code_name(code)} ({code})"
    if name == "pair":
        return "–".join(query.resolve_pair(value, engine))
    return value


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = "", country: str = "", sector: str = "",
                type: str = "") -> HTMLResponse:
    engine = _engine(request)
    q, country, sector, type_ = q.strip(), country.strip(), sector.strip(), type.strip()
    ctx: dict[str, Any] = {"title": f"Search: {q}" if q else "Search", "q": q, "error": None,
                           "results": [], "facets": {}, "active": []}
    try:
        country = query.resolve_code(country, engine) if country else ""
        sector = check_choice("sector", sector or None, SECTORS) or ""
        type_ = check_choice("event type", type_ or None, EVENT_TYPES) or ""
    except query.QueryInputError as e:
        ctx["error"] = str(e)
        return render(request, "search.html", status_code=400, **ctx)
    params = {"q": q, "country": country, "sector": sector, "type": type_}
    def make() -> dict[str, Any]:   # the results, facets and links: the data alone, kept per data version
        data = dict(ctx)
        data["events"], data["events_total"] = matching_events(engine, q, country, sector, type_) if q else ([], 0)

        d = s.documents
        with engine.connect() as conn:
            allowed = None
            conditions = _filter_ids(conn, country, sector, type_)
            if conditions:
                allowed = {row[0] for row in conn.execute(select(d.c.id).where(live_document(), *conditions))}
            if q:
                hits = query.search(engine, q, limit=SEARCH_LIMIT)   # a query without a word raises: a 400
                results = [dict(h, snippet_html=snippet_html(h["snippet"])) for h in hits
                           if allowed is None or h["document_id"] in allowed]
            else:
                rows = conn.execute(select(d.c.id, d.c.title, d.c.published, d.c.outlet, d.c.source, d.c.url,
                                           func.substr(d.c.text, 1, 240).label("head"))
                                    .where(live_document(), *conditions)
                                    .order_by(d.c.published.is_(None), d.c.published.desc(), d.c.id.desc())
                                    .limit(SEARCH_LIMIT))
                results = [{"document_id": r.id, "title": r.title, "published": r.published, "outlet": r.outlet,
                            "source": r.source, "url": r.url,
                            "snippet_html": escape(" ".join((r.head or "").split()) + "…")} for r in rows]
            ids = [r["document_id"] for r in results]
            facets: dict[str, Counter] = {"country": Counter(), "sector": Counter(), "type": Counter()}
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                dc, ds = s.document_countries, s.document_sectors
                for code, n in conn.execute(select(dc.c.code, func.count()).where(dc.c.document_id.in_(chunk))
                                            .group_by(dc.c.code)):
                    facets["country"][code] += n
                for sector_, n in conn.execute(select(ds.c.sector, func.count()).where(ds.c.document_id.in_(chunk))
                                               .group_by(ds.c.sector)):
                    facets["sector"][sector_] += n
                src, e = s.event_sources, s.events
                for type__, n in conn.execute(select(e.c.type, func.count(func.distinct(src.c.document_id)))
                                              .join(src, src.c.event_id == e.c.id)
                                              .where(src.c.document_id.in_(chunk)).group_by(e.c.type)):
                    facets["type"][type__] += n

        def items(name: str, names) -> list[dict[str, Any]]:
            return [{"value": v, "label": names(v), "count": n, "active": params[name] == v,
                     "href": _search_url({**params, name: v})}
                    for v, n in sorted(facets[name].items(), key=lambda kv: (-kv[1], kv[0]))]

        data["facets"] = {"country": items("country", lambda c: f"{code_name(c)} ({c})"),
                         "sector": items("sector", label), "type": items("type", label)}
        data["active"] = [{"name": name, "label": (f"{code_name(v)} ({v})" if name == "country" else label(v)),
                          "remove": _search_url({**params, name: ""})}
                         for name, v in (("country", country), ("sector", sector), ("type", type_)) if v]
        data.update(results=results, params=params, sectors=SECTORS, types=EVENT_TYPES)
        return data

    try:
        return render_kept(request, "search.html", ("search", q, country, sector, type_), make, q=q)
    except query.QueryInputError as e:
        ctx["error"] = str(e)
        return render(request, "search.html", status_code=400, **ctx)


# 5. the article ------------------------------------------------------------------------------------

@dataclass
class Span:
    """One fact to highlight: text[start:end] in a <mark> (or, when it could not be kept, an empty
    anchor at its start so links to it still land)."""

    start: int
    end: int
    kind: str             # fig | event | person | org | place
    id: str               # the element id: fact-fig-12, fact-event-3, fact-person-7-2
    fact: str             # what all marks of one fact share: fig-12, event-3, person-7
    title: str
    rank: int             # which wins when two spans cross: lower first
    attrs: dict[str, str] = field(default_factory=dict)
    anchor: bool = False

    def open(self) -> Markup:
        extra = "".join(f' {k}="{escape(v)}"' for k, v in self.attrs.items())
        if self.anchor:
            return Markup(f'<span class="fact-anchor" id="{escape(self.id)}" data-fact="{escape(self.fact)}"'
                          f"{extra}>")
        return Markup(f'<mark data-testid="fact" class="fact fact-{escape(self.kind)}" id="{escape(self.id)}" '
                      f'data-fact="{escape(self.fact)}" title="{escape(self.title)}"{extra}>')

    def close(self) -> Markup:
        return Markup("</span>" if self.anchor else "</mark>")


# nesting order when two spans cover the same characters: the sentence outside, the amount inside
_OUTER = {"event": 0, "org": 1, "place": 1, "person": 1, "fig": 2}


def _crosses(a: Span, b: Span) -> bool:
    """Overlap without one containing the other: these two cannot both be marks."""
    overlap = a.start < b.end and b.start < a.end
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return overlap and not nested


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with a <mark> around every span. Spans are taken in rank order (figures, then
    entity mentions, then event evidence); one inside another nests, one that partly overlaps a span
    already taken is skipped as a mark and left as an empty anchor at its start, so links to its id
    still land. Spans outside the text are dropped."""
    n = len(text)
    kept: list[Span] = []
    for span in sorted(spans, key=lambda x: (x.rank, x.start, -x.end)):
        if not (0 <= span.start < span.end <= n):
            if 0 <= span.start <= n:
                span.anchor, span.end = True, span.start
                kept.append(span)
            continue
        if any(_crosses(span, other) for other in kept if not other.anchor):
            span.anchor, span.end = True, span.start
        kept.append(span)
    kept.sort(key=lambda x: (x.start, -x.end, _OUTER.get(x.kind, 1), x.anchor))
    out: list[Markup] = []
    stack: list[Span] = []
    pos = 0
    for span in kept:
        while stack and stack[-1].end <= span.start:
            top = stack.pop()
            out.append(escape(text[pos:top.end]))
            pos = top.end
            out.append(top.close())
        out.append(escape(text[pos:span.start]))
        pos = span.start
        out.append(span.open())
        stack.append(span)
    while stack:
        top = stack.pop()
        out.append(escape(text[pos:top.end]))
        pos = top.end
        out.append(top.close())
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _figure_title(f: dict[str, Any]) -> str:
    direction = f" {f['from_code']}→{f['to_code']}" if f["from_code"] and f["to_code"] else ""
    parts = [f"{label(f['indicator'])}{direction}: {charts.fmt_value(f['value'], f['unit'], f['approximate'])}",
             f["period"] or "no period", f["kind"]]
    if f["change_pct"] is not None:
        parts.append(charts.fmt_pct(f["change_pct"]))
    if f["conflict"]:
        parts.append("CONFLICT")
    return ", ".join(parts)


def article_facts(engine: Engine, doc_id: int) -> dict[str, Any]:
    """The facts of one article: figures, events (with the spans of this article), entities (with
    their mentions), and the spans to highlight."""
    f, src, e, m, ent = s.figures, s.event_sources, s.events, s.mentions, s.entities
    spans: list[Span] = []
    with engine.connect() as conn:
        figures = [dict(r._mapping, parties=[x for x in r.parties.split("|") if x])
                   for r in conn.execute(select(f).where(f.c.document_id == doc_id).order_by(f.c.start))]
        reports: dict[int, dict[str, Any]] = {}
        for r in conn.execute(select(src, e.c.type, e.c.name, e.c.instrument, e.c.parties, e.c.location,
                                     e.c.status.label("event_status"), e.c.date.label("event_date"), e.c.review,
                                     e.c.reviewed_by, e.c.reviewed_at)
                              .join(e, e.c.id == src.c.event_id)
                              .where(src.c.document_id == doc_id).order_by(src.c.start, src.c.event_id)):
            ev = reports.setdefault(r.event_id, {
                "id": r.event_id, "type": r.type, "name": r.name, "instrument": r.instrument, "status": r.status,
                "event_status": r.event_status, "date": r.date or r.event_date, "location": r.location,
                "parties": [x for x in r.parties.split("|") if x], "review": r.review,
                "reviewed_by": r.reviewed_by, "reviewed_at": r.reviewed_at, "spans": []})
            ev["spans"].append((r.start, r.end))
        entities: dict[int, dict[str, Any]] = {}
        for r in conn.execute(select(m.c.entity_id, m.c.start, m.c.end, m.c.text, ent.c.kind, ent.c.name,
                                     ent.c.title, ent.c.country, ent.c.org_kind)
                              .join(ent, ent.c.id == m.c.entity_id)
                              .where(m.c.document_id == doc_id).order_by(m.c.start)):
            if r.kind not in ENTITY_FACTS:
                continue
            item = entities.setdefault(r.entity_id, {"id": r.entity_id, "kind": r.kind,
                                                     "fact": ENTITY_FACTS[r.kind], "name": r.name,
                                                     "title": r.title, "country": r.country,
                                                     "org_kind": r.org_kind, "mentions": []})
            item["mentions"].append((r.start, r.end))

    for fig in figures:
        fig["anchor"] = f"fact-fig-{fig['id']}"
        spans.append(Span(fig["start"], fig["end"], "fig", fig["anchor"], f"fig-{fig['id']}", _figure_title(fig),
                          rank=0, attrs={"data-figure-id": str(fig["id"])}))
    for item in entities.values():
        kind = item["fact"]
        item["anchor"] = f"fact-{kind}-{item['id']}"
        what = {"person": item["title"], "org": item["org_kind"], "place": item["country"]}[kind]
        title = item["name"] + (f" ({what})" if what else "")
        for i, (start, end) in enumerate(item["mentions"]):
            spans.append(Span(start, end, kind, item["anchor"] + (f"-{i + 1}" if i else ""), f"{kind}-{item['id']}",
                              title, rank=1))
    events = sorted(reports.values(), key=lambda ev: ev["spans"][0])
    for ev in events:
        ev["anchor"] = f"fact-event-{ev['id']}"
        title = f"{event_title(ev)} · {ev['status']}" + (f", {ev['date']}" if ev["date"] else "")
        for i, (start, end) in enumerate(ev["spans"]):
            spans.append(Span(start, end, "event", ev["anchor"] + (f"-{i + 1}" if i else ""), f"event-{ev['id']}",
                              title, rank=2, attrs={"data-event-id": str(ev["id"])}))
    people = [x for x in entities.values() if x["kind"] == "person"]
    orgs = [x for x in entities.values() if x["kind"] == "organization"]
    places = [x for x in entities.values() if x["kind"] == "place"]
    return {"figures": figures, "events": events, "people": people, "organizations": orgs, "places": places,
            "spans": spans}


@router.get("/article/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def article(request: Request, doc_id: str) -> HTMLResponse:
    """An article with its facts marked in the text. A reader's page is the same for every reader: its
    content is rendered once for the data version and kept (an archive's busiest page); an editor's
    carries the review forms and is rendered for each request from the kept data."""
    data = _kept(request, ("article", doc_id), lambda: _article_data(_engine(request), doc_id), "article_cache", 1024)
    if data is None:
        return error_page(request, 404, f"There is no article {doc_id!r} in the database.", "No such article")
    user = auth.current_user(request)
    if user is not None and user["role"] in auth.EDITORS:
        return render(request, "article.html", **data, can_review=True, choices=REVIEW_CHOICES)
    page = _kept(request, ("article page", doc_id),
                 lambda: content_block("article.html", {**data, "can_review": False}), "article_cache", 1024)
    return render(request, "kept.html", **page)


def _article_data(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    """What the article page shows, the same for every visitor (None: no such article)."""
    d = s.documents
    row = None
    if doc_id.isdigit() and len(doc_id) < 12:
        with engine.connect() as conn:
            row = conn.execute(select(d.c.id, d.c.source, d.c.url, d.c.title, d.c.published, d.c.outlet,
                                      d.c.dateline, d.c.text, d.c.duplicate_of, d.c.similarity)
                               .where(d.c.id == int(doc_id))).first()
            if row is not None:
                countries = [c for (c,) in conn.execute(select(s.document_countries.c.code)
                                                        .where(s.document_countries.c.document_id == row.id)
                                                        .order_by(s.document_countries.c.code))]
                sectors = [x for (x,) in conn.execute(select(s.document_sectors.c.sector)
                                                      .where(s.document_sectors.c.document_id == row.id)
                                                      .order_by(s.document_sectors.c.sector))]
    if row is None:
        return None
    facts = article_facts(engine, row.id)
    rejected = fact_history(engine, row.id, facts)
    body = highlight(row.text, facts["spans"])
    kinds = Counter(sp.kind for sp in facts["spans"] if not sp.anchor)
    return {"title": row.title or Path(row.source).name, "doc": row, "body": body, "facts": facts,
            "countries": countries, "sectors": sectors, "kinds": kinds, "rejected": rejected,
            "entity_reviews": review_entities.of_article(engine, row.id)}


REVIEW_CHOICES = {"indicator": INDICATORS, "kind": KINDS, "type": EVENT_TYPES, "status": STATUSES}


def fact_history(engine: Engine, doc_id: int, facts: dict[str, Any]) -> list[dict[str, Any]]:
    """Give each figure and event of the article its "history": the audit log's entries of its reviews,
    newest first (with "changes", see account_pages.changes); the facts of the article that were rejected,
    each {"kind", "start", "end", "entry", "before", "history"} (its latest entry being the rejection)."""
    from .account_pages import changes

    by_fact = audit.of_article(engine, doc_id)
    for entries in by_fact.values():
        for e in entries:
            e["changes"] = changes(e["before"], e["after"])
    for fig in facts["figures"]:
        fig["history"] = by_fact.pop(("figure", fig["start"], fig["end"]), [])
    for ev in facts["events"]:
        ev["history"] = sorted((e for start, end in ev["spans"] for e in by_fact.pop(("event", start, end), [])),
                               key=lambda e: e["id"], reverse=True)
    rejected = [{"kind": kind, "start": start, "end": end, "entry": entries[0], "before": entries[0]["before"] or {},
                 "history": entries}
                for (kind, start, end), entries in by_fact.items() if entries[0]["action"] == "review.reject"]
    return sorted(rejected, key=lambda x: (x["kind"], x["start"]))


# the watch's pages (sources, saved searches, their Atom feeds) and the account pages (login, logout, the
# password, the audit log) are served with the dashboard
from .account_pages import router as _account_router  # noqa: E402
from .watch_pages import router as _watch_router  # noqa: E402

router.include_router(_watch_router)
router.include_router(_account_router)
