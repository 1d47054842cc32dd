"""Server-side SVG for the dashboard: the trade chart of a pair and the partner network.

Every function returns markupsafe.Markup built from pieces that are escaped one by one (names, titles,
tooltips); nothing from an article reaches the page unescaped. No JavaScript is needed to read them:
tooltips are SVG <title> elements, points and nodes are plain links.

    trade_chart(points)          figures of a pair over time (x: period, y: value), actuals and targets
    network_svg(nodes, edges)    countries and blocs linked by the events they share
    layout(codes, edges)         the deterministic force layout network_svg draws
    fmt_value(value, unit)       "$4.4 billion", "€1.2 billion", "43,000 tonnes", "2 billion cubic metres", "~1,000"
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup, escape

from ..query.common import period_bounds
from .labels import UNITS, unit_words

# money units written with a symbol; any other unit is written after the number
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "RUB": "₽", "TRY": "₺", "INR": "₹",
            "KRW": "₩"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SHORT = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))
# the series the trade chart draws, in drawing order, with their colours (see static/style.css)
CHART_SERIES = ("trade_turnover", "exports", "imports")
SERIES_LABELS = {"trade_turnover": "Trade turnover", "exports": "Exports", "imports": "Imports"}


# 1. numbers --------------------------------------------------------------------------------------

def _trim(x: float, digits: int = 2) -> str:
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def is_money(unit: str | None) -> bool:
    """A currency code (ISO 4217: three capital letters)."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper() and unit not in UNITS   # not TEU


def fmt_number(value: float) -> str:
    """4.4e9 -> "4.4 billion", 314.6e6 -> "314.6 million", 43000 -> "43,000", 12.5 -> "12.5"."""
    v = float(value)
    for scale, word in _SCALES:
        if abs(v) >= scale:
            return f"{_trim(v / scale)} {word}"
    return _trim(v)


def fmt_value(value: float | None, unit: str | None = None, approximate: bool = False) -> str:
    """A value with its unit for people, the unit in words (labels.unit_words): "$4.4 billion",
    "KZT 500 billion", "43,000 tonnes", "2 billion cubic metres", "~1,000" (an approximate count)."""
    if value is None:
        return "–"
    number = fmt_number(value)
    tilde = "~" if approximate else ""
    if unit in _SYMBOLS:
        return f"{tilde}{_SYMBOLS[unit]}{number}"
    if is_money(unit):
        return f"{tilde}{unit} {number}"
    words = unit_words(unit, value)
    return f"{tilde}{number} {words}" if words else f"{tilde}{number}"


def fmt_short(value: float, unit: str | None = None) -> str:
    """An axis label: "$4B", "$2.5B", "€300M", "40k"."""
    v = float(value)
    text = _trim(v, 1)
    for scale, suffix in _SHORT:
        if abs(v) >= scale:
            text = _trim(v / scale, 1) + suffix
            break
    if unit in _SYMBOLS:
        return _SYMBOLS[unit] + text
    return text


def fmt_pct(change: float | None) -> str:
    """+12.3% / -21.1% / "" for no change."""
    if change is None:
        return ""
    return f"{'+' if change > 0 else ''}{_trim(change, 1)}%"


def nice_ceiling(value: float) -> tuple[float, float]:
    """(axis maximum, tick step) for values up to `value`: 4.6e9 -> (5e9, 1e9), 10e9 -> (10e9, 2e9)."""
    if value <= 0:
        return 1.0, 0.25
    magnitude = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5, 10):
        step = m * magnitude / 5
        if value <= m * magnitude:
            # prefer 4-5 ticks: 5 steps of m*magnitude/5, e.g. 5e9 -> 1e9 steps
            return m * magnitude, step
    return 10 * magnitude, 2 * magnitude   # pragma: no cover - the loop always returns


# 2. the trade chart ----------------------------------------------------------------------------

def _decimal_year(month: str) -> float:
    """ "2023-05" -> 2023.333 (the start of May)."""
    year, _, mon = month.partition("-")
    return int(year) + (int(mon or 1) - 1) / 12


def period_x(period: str | None) -> float | None:
    """Where a period sits in time, in decimal years: the middle of it ("2023" -> 2023.5,
    "2023-01/2023-09" -> 2023.375); None without a usable period."""
    try:
        bounds = period_bounds(period)
        if bounds is None:
            return None
        start = _decimal_year(bounds[0])
        end = _decimal_year(bounds[1]) + 1 / 12
    except ValueError:
        return None
    return (start + end) / 2


def chart_unit(points: Iterable[dict[str, Any]]) -> str | None:
    """The unit the chart draws: the money unit most of the charted points are in (USD on a tie)."""
    counts: dict[str, int] = {}
    for p in points:
        if p["indicator"] in CHART_SERIES and is_money(p["unit"]) and period_x(p["period"]) is not None:
            counts[p["unit"]] = counts.get(p["unit"], 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda u: (counts[u], u == "USD", u))


def chartable(points: Iterable[dict[str, Any]], unit: str | None = None) -> list[dict[str, Any]]:
    """The points the chart draws: trade turnover, exports and imports in one unit, with a period."""
    points = list(points)
    unit = unit or chart_unit(points)
    return [p for p in points if p["indicator"] in CHART_SERIES and p["unit"] == unit
            and period_x(p["period"]) is not None]


def point_href(point: dict[str, Any]) -> str:
    """The article and the mark that state a point: /article/{document_id}#fact-fig-{figure_id}."""
    source = point["sources"][0]
    return f"/article/{int(source['document_id'])}#fact-fig-{int(source['figure_id'])}"


TOOLTIP_SOURCES = 5   # sources a point's tooltip names (a value reported by hundreds of articles: the first)


def point_tooltip(point: dict[str, Any]) -> str:
    label = SERIES_LABELS.get(point["indicator"], point["indicator"].replace("_", " ").capitalize())
    direction = f" {point['from']}→{point['to']}" if point.get("from") and point.get("to") else ""
    lines = [f"{label}{direction} {point['period']}: {fmt_value(point['value'], point['unit'], point['approximate'])}"
             f" ({point['kind']})" + (f", {fmt_pct(point['change_pct'])}" if point["change_pct"] is not None else "")]
    if point["conflict"]:
        lines.append("CONFLICT: other articles report a different value")
    if point.get("review"):
        lines.append(f"verified: {point['review']} by {point['reviewed_by']}, {(point['reviewed_at'] or '')[:10]}")
    for source in point["sources"][:TOOLTIP_SOURCES]:
        title = source.get("title") or f"article {source['document_id']}"
        meta = ", ".join(x for x in (source.get("outlet"), source.get("published")) if x)
        lines.append(f"source: {title}" + (f" ({meta})" if meta else ""))
    if len(point["sources"]) > TOOLTIP_SOURCES:
        lines.append(f"and {len(point['sources']) - TOOLTIP_SOURCES} more sources")
    return "\n".join(lines)


def dodge(centres: Sequence[tuple[float, float]], gap: float = 15.0) -> list[float]:
    """Horizontal offsets that set apart points closer than `gap` to each other at one x: each
    cluster is spread evenly around its x, in the order the points are given."""
    offsets = [0.0] * len(centres)
    columns: dict[float, list[int]] = {}
    for i, (x, _) in enumerate(centres):
        columns.setdefault(x, []).append(i)
    for members in columns.values():
        members.sort(key=lambda i: centres[i][1])
        clusters: list[list[int]] = []
        for i in members:
            if clusters and centres[i][1] - centres[clusters[-1][-1]][1] < gap:
                clusters[-1].append(i)
            else:
                clusters.append([i])
        for cluster in clusters:
            for k, i in enumerate(sorted(cluster)):
                offsets[i] = (k - (len(cluster) - 1) / 2) * gap
    return offsets


def trade_chart(points: Sequence[dict[str, Any]], width: int = 960, height: int = 340,
                title: str = "Trade over time") -> Markup:
    """The figures of a pair as an SVG: x the period, y the value; one colour per series (trade
    turnover, exports, imports), actuals filled and joined by a line, targets hollow with a dashed line
    from the series' latest actual, conflicting values ringed in red. Each point is a link to the
    article mark that states it, with a <title> tooltip. `points` are rows.figure_points dicts; those
    the chart cannot draw (other indicators, other units, no period) are left out."""
    unit = chart_unit(points)
    drawn = chartable(points, unit)
    left, right, top, bottom = 72, 20, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    out: list[str] = [
        f'<svg data-testid="trade-chart" class="chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    if not drawn:
        out.append(f'<text class="empty" x="{width / 2}" y="{height / 2}" text-anchor="middle">'
                   "No trade figures with a period yet</text></svg>")
        return Markup("".join(out))

    xs = [period_x(p["period"]) for p in drawn]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    if x1 - x0 < 1:
        x1 = x0 + 1
    y_max, y_step = nice_ceiling(max(p["value"] for p in drawn))

    def sx(x: float) -> float:
        return round(left + (x - x0) / (x1 - x0) * plot_w, 1)

    def sy(y: float) -> float:
        return round(top + plot_h - y / y_max * plot_h, 1)

    # axes and grid
    out.append('<g class="axis y-axis">')
    ticks = int(round(y_max / y_step))
    for i in range(ticks + 1):
        y = y_step * i
        out.append(f'<line class="grid" x1="{left}" x2="{left + plot_w}" y1="{sy(y)}" y2="{sy(y)}"/>'
                   f'<text x="{left - 8}" y="{sy(y) + 4}" text-anchor="end">{escape(fmt_short(y, unit))}</text>')
    out.append("</g>")
    years = x1 - x0
    every = 1 if years <= 12 else 2 if years <= 24 else 5
    out.append('<g class="axis x-axis">')
    for year in range(x0, x1 + 1):
        out.append(f'<line class="grid year" x1="{sx(year)}" x2="{sx(year)}" y1="{top}" y2="{top + plot_h}"/>')
        if year < x1 and (year - x0) % every == 0:
            out.append(f'<text x="{sx(year + 0.5)}" y="{top + plot_h + 18}" text-anchor="middle">{year}</text>')
    out.append(f'<line class="baseline" x1="{left}" x2="{left + plot_w}" y1="{sy(0)}" y2="{sy(0)}"/>')
    out.append(f'<text class="unit" x="{left - 8}" y="{top + plot_h + 34}" text-anchor="end">{escape(unit)}</text>')
    out.append("</g>")

    # lines: actuals joined in time; a dashed line from the latest actual to each target
    series: dict[str, list[dict[str, Any]]] = {}
    for p in drawn:
        key = "|".join([p["indicator"], *p["parties"], p.get("from") or "", p.get("to") or ""])
        series.setdefault(key, []).append(p)
    for key, pts in series.items():
        indicator = key.split("|", 1)[0]
        actual = sorted((p for p in pts if p["kind"] == "actual"), key=lambda p: (period_x(p["period"]), p["value"]))
        if len(actual) > 1:
            path = " ".join(f"{sx(period_x(p['period']))},{sy(p['value'])}" for p in actual)
            out.append(f'<polyline class="line series-{escape(indicator)}" points="{path}"/>')
        for target in (p for p in pts if p["kind"] == "target"):
            if actual:
                last = actual[-1]
                out.append(f'<line class="target-line series-{escape(indicator)}" '
                           f'x1="{sx(period_x(last["period"]))}" y1="{sy(last["value"])}" '
                           f'x2="{sx(period_x(target["period"]))}" y2="{sy(target["value"])}"/>')

    # points, on top: each a link to the mark that states it; points that would overlap (conflicting
    # values for one period) are set side by side so each can be seen and clicked
    out.append('<g class="points">')
    ordered = sorted(drawn, key=lambda p: (CHART_SERIES.index(p["indicator"]), p["kind"] == "target"))
    shift = dodge([(sx(period_x(p["period"])), sy(p["value"])) for p in ordered])
    for p, dx in zip(ordered, shift, strict=True):
        cx, cy = round(sx(period_x(p["period"])) + dx, 1), sy(p["value"])
        classes = f"point {p['kind']} series-{p['indicator']}" + (" conflict" if p["conflict"] else "")
        ring = (f'<circle class="conflict-ring" cx="{cx}" cy="{cy}" r="10"/>' if p["conflict"] else "")
        out.append(
            f'<a href="{escape(point_href(p))}" class="chart-link">{ring}'
            f'<circle data-testid="chart-point" class="{escape(classes)}" cx="{cx}" cy="{cy}" r="6" '
            f'data-indicator="{escape(p["indicator"])}" data-kind="{escape(p["kind"])}" '
            f'data-period="{escape(p["period"])}" data-value="{p["value"]:.0f}" '
            f'data-conflict="{"true" if p["conflict"] else "false"}" data-review="{escape(p.get("review") or "")}">'
            f"<title>{escape(point_tooltip(p))}</title></circle></a>")
    out.append("</g></svg>")
    return Markup("".join(out))


# 3. the partner network ------------------------------------------------------------------------

def layout(codes: Sequence[str], edges: Sequence[tuple[str, str, float]], width: float = 1.0, height: float = 1.0,
           iterations: int = 120, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in [0, width] x [0, height] for `codes`: a Fruchterman-Reingold force layout started
    from a circle (codes in the order given) with a fixed seed, so one graph always gets one picture.
    `edges` are (a, b, weight); heavier edges pull harder. A little gravity keeps components together."""
    n = len(codes)
    if n == 0:
        return {}
    if n == 1:
        return {codes[0]: (width / 2, height / 2)}
    rng = random.Random(seed)
    index = {c: i for i, c in enumerate(codes)}
    pos = [[math.cos(2 * math.pi * i / n) + rng.uniform(-0.05, 0.05),
            math.sin(2 * math.pi * i / n) + rng.uniform(-0.05, 0.05)] for i in range(n)]
    links = [(index[a], index[b], 1.0 + math.log1p(w)) for a, b, w in edges if a in index and b in index and a != b]
    k = math.sqrt(4.0 / n)          # ideal distance in a 2 x 2 box
    temperature = 0.2
    for step in range(iterations):
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                d2 = dx * dx + dy * dy or 1e-9
                f = k * k / d2
                disp[i][0] += dx * f
                disp[i][1] += dy * f
                disp[j][0] -= dx * f
                disp[j][1] -= dy * f
        for i, j, w in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = math.sqrt(dx * dx + dy * dy) or 1e-9
            f = d * w / k
            disp[i][0] -= dx * f
            disp[i][1] -= dy * f
            disp[j][0] += dx * f
            disp[j][1] += dy * f
        for i in range(n):
            disp[i][0] -= pos[i][0] * 0.1 * k
            disp[i][1] -= pos[i][1] * 0.1 * k
            d = math.sqrt(disp[i][0] ** 2 + disp[i][1] ** 2) or 1e-9
            move = min(d, temperature)
            pos[i][0] += disp[i][0] / d * move
            pos[i][1] += disp[i][1] / d * move
        temperature = max(0.005, 0.2 * (1 - (step + 1) / iterations))
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {c: ((pos[i][0] - min(xs)) / span_x * width, (pos[i][1] - min(ys)) / span_y * height)
            for c, i in index.items()}


def node_radius(node: dict[str, Any]) -> float:
    """A node's radius in the network SVG: by the events it is a party to."""
    return round(min(30.0, 6 + 2.2 * math.sqrt(node.get("events") or 0)), 1)


LABEL_H = 14.0      # the code written under a node: its height ...
LABEL_CHAR = 7.2    # ... and the width of one of its characters (11px monospace)


def _footprint(code: str, r: float) -> tuple[float, float, float]:
    """(half width, height above the centre, height below it) of a node and the code under it."""
    return max(r, len(code) * LABEL_CHAR / 2) + 3, r + 3, r + LABEL_H + 3


def _bridges(codes: Sequence[str], edges: Sequence[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """Light edges (for the layout only, never drawn) from the first node of each component of the graph
    to the first node of the largest, so that a pair apart from the rest is laid out near it, not in a
    far corner that would leave the frame empty between them."""
    parent = {c: c for c in codes}

    def root(c: str) -> str:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for a, b, _ in edges:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    members: dict[str, list[str]] = {}
    for c in codes:                       # in the order given: most active first
        members.setdefault(root(c), []).append(c)
    groups = sorted(members.values(), key=lambda m: (-len(m), codes.index(m[0])))
    return [(group[0], groups[0][0], 0.0) for group in groups[1:]]


def place(codes: Sequence[str], edges: Sequence[tuple[str, str, float]], radii: dict[str, float],
          width: float, height: float, margin: float = 8, rounds: int = 400) -> dict[str, tuple[float, float]]:
    """Node centres in a width x height frame that the nodes fill, none touching another: the force
    layout (layout) spread over the frame (each coordinate half its place in the layout, half its rank
    among the nodes', so that a hub's crowd and a far-off pair do not leave the frame empty), then
    pushed apart until no node's footprint (its circle and the code under it, _footprint) meets
    another's, kept inside the frame. Deterministic."""
    n = len(codes)
    if n == 0:
        return {}
    foot = {c: _footprint(c, radii[c]) for c in codes}
    lo_x = {c: margin + foot[c][0] for c in codes}
    hi_x = {c: width - margin - foot[c][0] for c in codes}
    lo_y = {c: margin + foot[c][1] for c in codes}
    hi_y = {c: height - margin - foot[c][2] for c in codes}
    if n == 1:
        c = codes[0]
        return {c: (width / 2, (lo_y[c] + hi_y[c]) / 2)}
    raw = layout(codes, [*edges, *_bridges(codes, edges)], 1.0, 1.0)

    def ranks(axis: int) -> dict[str, float]:
        order = sorted(codes, key=lambda c: (raw[c][axis], c))
        return {c: i / (n - 1) for i, c in enumerate(order)}

    rank_x, rank_y = ranks(0), ranks(1)
    pos = {c: [lo_x[c] + (raw[c][0] + rank_x[c]) / 2 * (hi_x[c] - lo_x[c]),
               lo_y[c] + (raw[c][1] + rank_y[c]) / 2 * (hi_y[c] - lo_y[c])] for c in codes}
    order = list(codes)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(order):
            for b in order[i + 1:]:
                (ax, ay), (bx, by) = pos[a], pos[b]
                # footprints are boxes: overlap on both axes means they meet
                over_x = foot[a][0] + foot[b][0] - abs(ax - bx)
                if over_x <= 0:
                    continue
                above, below = (a, b) if ay <= by else (b, a)
                over_y = foot[above][2] + foot[below][1] - abs(ay - by)
                if over_y <= 0:
                    continue
                moved = True
                if over_x < over_y:      # part them along the axis where they overlap least
                    step = over_x / 2 + 0.5
                    sign = 1 if ax > bx or (ax == bx and a < b) else -1
                    pos[a][0] += sign * step
                    pos[b][0] -= sign * step
                else:
                    step = over_y / 2 + 0.5
                    sign = 1 if ay > by or (ay == by and a < b) else -1
                    pos[a][1] += sign * step
                    pos[b][1] -= sign * step
        for c in codes:
            pos[c][0] = min(max(pos[c][0], lo_x[c]), hi_x[c])
            pos[c][1] = min(max(pos[c][1], lo_y[c]), hi_y[c])
        if not moved:
            break
    return {c: (round(x, 1), round(y, 1)) for c, (x, y) in pos.items()}


def network_svg(nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]], width: int = 1120,
                height: int = 640) -> Markup:
    """The partner network: a node per country or bloc (`nodes`: dicts with code, name, kind, events,
    figures), a line per pair (`edges`: dicts with a, b, events, figures, documents), its width by the
    events the pair shares (dashed when they share figures only). Nodes link to /country/{code}, edges
    to /pair/{a}/{b}; both carry <title> tooltips. The nodes fill the frame and none overlaps another
    (place); the SVG takes the width of its container."""
    out = [f'<svg data-testid="network" class="network" xmlns="http://www.w3.org/2000/svg" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
           f'aria-label="Partner network"><title>Partner network</title>']
    if not nodes:
        out.append(f'<text class="empty" x="{width / 2}" y="{height / 2}" text-anchor="middle">'
                   "No partners recorded yet</text></svg>")
        return Markup("".join(out))
    codes = [n["code"] for n in nodes]
    radii = {n["code"]: node_radius(n) for n in nodes}
    weights = [(e["a"], e["b"], float(e["events"] or 0.3 * (e["figures"] or 0))) for e in edges]
    pos = place(codes, weights, radii, width, height)
    top_events = max((e["events"] for e in edges), default=0) or 1

    out.append('<g class="edges">')
    for e in edges:
        if e["a"] not in pos or e["b"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        stroke = 1 + 5 * (e["events"] / top_events) if e["events"] else 1
        cls = "edge" if e["events"] else "edge figures-only"
        tip = (f"{e['a']} – {e['b']}: {e['events']} event(s), {e['figures']} figure(s), "
               f"{e['documents']} article(s)")
        out.append(f'<a href="/pair/{escape(e["a"])}/{escape(e["b"])}" data-testid="network-edge" '
                   f'data-a="{escape(e["a"])}" data-b="{escape(e["b"])}" data-events="{int(e["events"])}">'
                   f'<line class="{cls}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{stroke:.1f}">'
                   f"<title>{escape(tip)}</title></line></a>")
    out.append('</g><g class="nodes">')
    for n in nodes:
        x, y = pos[n["code"]]
        r = radii[n["code"]]
        tip = f"{n['name']} ({n['code']}): {n.get('events', 0)} event(s), {n.get('figures', 0)} figure(s)"
        out.append(f'<a href="/country/{escape(n["code"])}" data-testid="network-node" data-code="{escape(n["code"])}"'
                   f' class="node {escape(n.get("kind") or "country")}">'
                   f'<circle cx="{x}" cy="{y}" r="{r}"><title>{escape(tip)}</title></circle>'
                   f'<text x="{x}" y="{round(y + r + 12, 1)}" text-anchor="middle">{escape(n["code"])}</text></a>')
    out.append("</g></svg>")
    return Markup("".join(out))
