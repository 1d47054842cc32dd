"""Scoring records against gold records by the rules of SCHEMA.md ("What the scorer reports"), so that a
team measures the extractor on its own reviewed articles (`accordwatch review score`) exactly as the
project measures it on its evaluation sets.

Fields are micro-averaged P/R/F1 over the articles: countries, sectors and dyads as sets; organizations,
people, events and figures paired one to one, best pair first. Attributes are accuracies over the
matched pairs. The matching rules:

    organization  same normalised name (or a gold alias), the same name without spaces or an acronym
                  of the other's words, or token_set_ratio >= 90 sharing a word that is not generic
    person        same normalised name, token_sort_ratio >= 85, or the same first initial and the same
                  (or a >= 85 similar) last name
    event         the same type and the same set of parties; among candidates, best date agreement, then
                  instrument, status, sectors, evidence
    figure        the same indicator family (fdi is investment) and kind, the value within 1.5 %, the
                  period equal (gold without one accepts any; the year alone when either is a span)

tests/test_review_score.py checks that this module and ../shared/eval/score.py agree on our gold.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

FIELDS = ("countries", "dyads", "organizations", "people", "events", "figures", "figures_year", "sectors")
ATTRIBUTES = ("published", "person_title", "person_country", "event_status", "event_date", "event_year",
              "event_name", "event_sectors_jaccard", "figure_parties", "figure_direction", "figure_change_pct",
              "figure_unit")
VALUE_TOLERANCE = 0.015
ORG_SIMILAR, PERSON_SIMILAR, TITLE_SIMILAR, NAME_SIMILAR = 90, 85, 80, 75
CHANGE_TOLERANCE = 0.051
SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "de", "a", "an", "to"})
COMPANY_FORMS = frozenset({"jsc", "nc", "llc", "ltd", "plc", "inc", "co", "ojsc", "cjsc", "pjsc", "ao", "too", "oao",
                           "zao"})
# words that, shared alone, do not make two organization names one organization
COMMON_WORDS = SMALL_WORDS | COMPANY_FORMS | frozenset({
    "ministry", "company", "commission", "committee", "council", "agency", "bank", "fund", "association",
    "corporation", "group", "national", "state", "joint", "stock", "international", "intergovernmental",
    "government", "office", "service", "chamber", "union", "organization", "organisation", "department",
    "board", "center", "centre", "republic", "federal", "public"})


# ---- normalising ----

def plain(value: Any) -> str:
    """Case and accents folded, possessive 's and punctuation dropped, spaces collapsed, no leading 'the'."""
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’‘`ʼ]s\b", "", text)
    text = re.sub(r"\s+", " ", re.sub(r"[^\w\s]|_", " ", text)).strip()
    return re.sub(r"^the ", "", text)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _codes(value: Any) -> set[str]:
    return {str(x).strip().upper() for x in _list(value) if x is not None and str(x).strip()}


def _sectors(value: Any) -> set[str]:
    return {str(x).strip().lower() for x in _list(value) if x is not None and str(x).strip()}


def _dicts(value: Any, names: bool = False) -> list[dict]:
    return [({"name": x} if isinstance(x, str) else x) for x in _list(value)
            if isinstance(x, dict) or (names and isinstance(x, str))]


def _date(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "").replace("_", "").strip())
    except (TypeError, ValueError):
        return None


# ---- counting ----

@dataclass
class Count:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp, self.predicted, self.gold = self.tp + tp, self.predicted + predicted, self.gold + gold

    def prf(self) -> dict[str, Any]:
        if not (self.tp or self.predicted or self.gold):
            p = r = f = 1.0
        else:
            p = self.tp / self.predicted if self.predicted else 0.0
            r = self.tp / self.gold if self.gold else 1.0
            f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": self.gold,
                "predicted": self.predicted, "tp": self.tp}


@dataclass
class Mean:
    values: list[float] = field(default_factory=list)

    def value(self) -> dict[str, Any]:
        n = len(self.values)
        return {"acc": round(sum(self.values) / n, 4) if n else None, "n": n}


def pair_up(golds: list, preds: list, score: Callable[[Any, Any], Any]) -> list[tuple[int, int]]:
    """One-to-one pairs, the best-scored first (score None: no pair); ties keep gold, then prediction order."""
    scored = [(s, g, p) for (g, a), (p, b) in itertools.product(enumerate(golds), enumerate(preds))
              if (s := score(a, b)) is not None]
    scored.sort(key=lambda t: (t[0], -t[1], -t[2]), reverse=True)
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    out = []
    for _, g, p in scored:
        if g not in taken_g and p not in taken_p:
            taken_g.add(g)
            taken_p.add(p)
            out.append((g, p))
    return sorted(out)


# ---- organizations and people ----

def initials(name: str) -> set[str]:
    """The initials of a name's words (with and without small words and company forms) and of its
    camel-case humps ("KazMunayGas" -> kmg)."""
    words = plain(name).split()
    out = set()
    if len(words) >= 2:
        out.add("".join(w[0] for w in words))
        out.add("".join(w[0] for w in words if w not in SMALL_WORDS))
        out.add("".join(w[0] for w in words if w not in SMALL_WORDS | COMPANY_FORMS))
    folded = unicodedata.normalize("NFKD", str(name or ""))
    humps = [h for part in re.split(r"[^A-Za-z0-9]+", folded)
             for h in re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+", part)
             if h.casefold() not in SMALL_WORDS | COMPANY_FORMS]
    if len(humps) >= 2:
        out.add("".join(h[0] for h in humps).casefold())
    return {x for x in out if len(x) >= 2}


def _names(org: dict) -> list[str]:
    aliases = org.get("aliases")
    aliases = [aliases] if isinstance(aliases, str) else _list(aliases)
    return [n for n in [org.get("name"), *aliases] if isinstance(n, str) and plain(n)]


def organization_match(g: dict, p: dict):
    best = None
    for k, a in enumerate(_names(g)):
        for b in _names(p):
            x, y = plain(a), plain(b)
            similar = fuzz.ratio(x, y)
            if x == y:
                rank = 4 if k == 0 else 3
            elif x.replace(" ", "") == y.replace(" ", "") or (" " not in x and x in initials(b)) or \
                    (" " not in y and y in initials(a)):
                rank = 2
            else:
                if not (set(x.split()) & set(y.split())) - COMMON_WORDS:
                    continue
                overlap = fuzz.token_set_ratio(x, y)
                if overlap < ORG_SIMILAR:
                    continue
                rank, similar = 1, (overlap + similar) / 2
            best = max(best, (rank, similar)) if best is not None else (rank, similar)
    return best


def person_match(g: dict, p: dict):
    a, b = plain(g.get("name")), plain(p.get("name"))
    if not a or not b:
        return None
    if a == b:
        return 100.0
    sort_ratio = fuzz.token_sort_ratio(a, b)
    if sort_ratio >= PERSON_SIMILAR:
        return float(sort_ratio)
    wa, wb = a.split(), b.split()
    if len(wa) >= 2 and len(wb) >= 2 and wa[0][0] == wb[0][0]:
        if wa[-1] == wb[-1]:
            return 80.0
        if fuzz.ratio(wa[-1], wb[-1]) >= PERSON_SIMILAR:
            return 75.0
    return None


def _title_ok(g: Any, p: Any) -> bool:
    if not plain(g):
        return not plain(p)
    return bool(plain(p)) and fuzz.token_set_ratio(plain(g), plain(p)) >= TITLE_SIMILAR


# ---- events and figures ----

def _parties(item: dict) -> frozenset[str]:
    return frozenset(_codes(item.get("parties")))


def _same_date(g: Any, p: Any) -> int:
    a, b = _date(g), _date(p)
    return 2 if a == b else 1 if a[:4] and a[:4] == b[:4] else 0


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def event_match(g: dict, p: dict):
    if str(g.get("type") or "").strip().lower() != str(p.get("type") or "").strip().lower() or \
            _parties(g) != _parties(p):
        return None
    evidence = 0.0
    if g.get("evidence") and p.get("evidence"):
        evidence = fuzz.partial_ratio(plain(g["evidence"]), plain(p["evidence"])) / 100
    return (_same_date(g.get("date"), p.get("date")), g.get("instrument") == p.get("instrument"),
            g.get("status") == p.get("status"),
            round(_jaccard(_sectors(g.get("sectors")), _sectors(p.get("sectors"))), 4), evidence)


def _family(indicator: Any) -> str:
    i = str(indicator or "").strip().lower()
    return "investment" if i == "fdi" else i


def _kind(item: dict) -> str:
    return str(item.get("kind") or "actual").strip().lower()


def _same_period(g: Any, p: Any, year_only: bool) -> bool:
    if g is None or str(g).strip() == "":
        return True
    if p is None or str(p).strip() == "":
        return False
    g, p = str(g).strip(), str(p).strip()
    return g[:4] == p[:4] if year_only or "/" in g or "/" in p else g == p


def figure_match(year_only: bool) -> Callable[[dict, dict], Any]:
    def match(g: dict, p: dict):
        if _family(g.get("indicator")) != _family(p.get("indicator")) or _kind(g) != _kind(p):
            return None
        a, b = _number(g.get("value")), _number(p.get("value"))
        if a is None or b is None or abs(b - a) > VALUE_TOLERANCE * abs(a):
            return None
        if not _same_period(g.get("period"), p.get("period"), year_only):
            return None
        return (round(1.0 - (abs(b - a) / abs(a) if a else 0.0), 6), str(g.get("indicator")) == str(p.get("indicator")),
                _date(g.get("period")) == _date(p.get("period")), _parties(g) == _parties(p))
    return match


def _change_ok(a: Any, b: Any) -> bool:
    a, b = _number(a), _number(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < CHANGE_TOLERANCE


def _direction(item: dict) -> tuple:
    return tuple(str(v).strip().upper() if v else None for v in (item.get("from"), item.get("to")))


def _dyads(record: dict) -> set[tuple[str, str]]:
    return {pair for item in _dicts(record.get("events")) + _dicts(record.get("figures"))
            for pair in itertools.combinations(sorted(_parties(item)), 2)}


# ---- scoring ----

class Scorer:
    """Adds articles one by one (`add(gold, predicted)`), then `result()`."""

    def __init__(self) -> None:
        self.counts = {f: Count() for f in FIELDS}
        self.means = {a: Mean() for a in ATTRIBUTES}
        self.articles = 0

    def _field(self, name: str, tp: int, predicted: int, gold: int) -> None:
        self.counts[name].add(tp, predicted, gold)

    def add(self, g: dict, p: dict) -> None:
        self.articles += 1
        m = self.means
        gdoc = g.get("document") if isinstance(g.get("document"), dict) else {}
        pdoc = p.get("document") if isinstance(p.get("document"), dict) else {}
        if _date(gdoc.get("published")):
            m["published"].values.append(float(_date(gdoc.get("published")) == _date(pdoc.get("published"))))
        for name, gold, pred in (("countries", _codes(g.get("countries")), _codes(p.get("countries"))),
                                 ("sectors", _sectors(g.get("sectors")), _sectors(p.get("sectors"))),
                                 ("dyads", _dyads(g), _dyads(p))):
            self._field(name, len(gold & pred), len(pred), len(gold))
        go, po = _dicts(g.get("organizations"), True), _dicts(p.get("organizations"), True)
        self._field("organizations", len(pair_up(go, po, organization_match)), len(po), len(go))
        gp, pp = _dicts(g.get("people"), True), _dicts(p.get("people"), True)
        pairs = pair_up(gp, pp, person_match)
        self._field("people", len(pairs), len(pp), len(gp))
        for i, j in pairs:
            m["person_title"].values.append(float(_title_ok(gp[i].get("title"), pp[j].get("title"))))
            a, b = gp[i].get("country"), pp[j].get("country")
            m["person_country"].values.append(float((str(a).upper() if a else None) == (str(b).upper() if b else None)))
        ge, pe = _dicts(g.get("events")), _dicts(p.get("events"))
        pairs = pair_up(ge, pe, event_match)
        self._field("events", len(pairs), len(pe), len(ge))
        for i, j in pairs:
            a, b = ge[i], pe[j]
            m["event_status"].values.append(float(a.get("status") == b.get("status")))
            m["event_date"].values.append(float(_date(a.get("date")) == _date(b.get("date"))))
            m["event_year"].values.append(float(_date(a.get("date"))[:4] == _date(b.get("date"))[:4]))
            if plain(a.get("name")):
                m["event_name"].values.append(float(bool(plain(b.get("name"))) and fuzz.token_set_ratio(
                    plain(a.get("name")), plain(b.get("name"))) >= NAME_SIMILAR))
            m["event_sectors_jaccard"].values.append(_jaccard(_sectors(a.get("sectors")), _sectors(b.get("sectors"))))
        gf, pf = _dicts(g.get("figures")), _dicts(p.get("figures"))
        pairs = pair_up(gf, pf, figure_match(year_only=False))
        self._field("figures", len(pairs), len(pf), len(gf))
        for i, j in pairs:
            a, b = gf[i], pf[j]
            m["figure_parties"].values.append(float(_parties(a) == _parties(b)))
            m["figure_direction"].values.append(float(_direction(a) == _direction(b)))
            m["figure_change_pct"].values.append(float(_change_ok(a.get("change_pct"), b.get("change_pct"))))
            m["figure_unit"].values.append(float(str(a.get("unit") or "").strip().casefold() ==
                                                 str(b.get("unit") or "").strip().casefold()))
        self._field("figures_year", len(pair_up(gf, pf, figure_match(year_only=True))), len(pf), len(gf))

    def result(self) -> dict[str, Any]:
        return {"articles": self.articles, "fields": {f: c.prf() for f, c in self.counts.items()},
                "attributes": {a: m.value() for a, m in self.means.items()}}


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    """Score (gold, predicted) record pairs: {"articles", "fields": {f: {p, r, f1, support, predicted,
    tp}}, "attributes": {a: {acc, n}}}."""
    scorer = Scorer()
    for gold, predicted in pairs:
        scorer.add(gold, predicted)
    return scorer.result()
