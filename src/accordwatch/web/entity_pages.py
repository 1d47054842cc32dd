"""The article page's entity reviews (P13): what templates/article.html needs to show the review marks and
history of the people, organizations and countries an article names, and their review forms (static/
entity-review.js posts them to web/api_entities.py without leaving the page).

install(env) gives the dashboard's Jinja environment (web/pages.py) the globals `entity_mark` / `entity_history`,
which look an entity up in the page's `entity_reviews`: {"marks", "history"} of review.entities.of_article, kept
with the article's data (web/pages.py _article_data).
"""
from __future__ import annotations

from typing import Any

from jinja2 import Environment

# what a list on the article page may correct, and the choices of an organization's kind
ORG_KINDS = ("company", "bank", "fund", "ministry", "agency", "commission", "chamber", "exchange", "association",
             "university", "parliament", "international_organization")


def entity_mark(state: dict[str, Any], kind: str, mentions: list[tuple[int, int]] | None = None,
                code: str | None = None) -> dict[str, Any] | None:
    """The newest review mark of an entity's mentions in the article (or of a country it names)."""
    marks = state["marks"]
    found = [marks[("country", code)]] if code is not None and ("country", code) in marks else [
        marks[(kind, a, b)] for a, b in mentions or () if (kind, a, b) in marks]
    return max(found, key=lambda m: m["reviewed_at"] or "", default=None)


SHOWN = ("name", "title", "country", "org_kind", "code")


def changes(before: Any, after: Any) -> list[dict[str, Any]]:
    """[{"field", "before", "after"}] of the values an entity review changed."""
    b = before if isinstance(before, dict) else {}
    a = after if isinstance(after, dict) else {}
    return [{"field": k, "before": b.get(k), "after": a[k]} for k in SHOWN if k in a and b.get(k) != a[k]]


def entity_history(state: dict[str, Any], kind: str, mentions: list[tuple[int, int]] | None = None,
                   code: str | None = None) -> list[dict[str, Any]]:
    """The audit entries of an entity's mentions in the article (or of a country it names), newest first, each
    with its "changes"."""
    history = state["history"]
    keys = [("country", code)] if code is not None else [(kind, a, b) for a, b in mentions or ()]
    out = sorted((e for k in keys for e in history.get(k, [])), key=lambda e: e["id"], reverse=True)
    for e in out:
        e.setdefault("changes", changes(e["before"], e["after"]))
    return out


def install(env: Environment) -> None:
    env.globals.update(entity_mark=entity_mark, entity_history=entity_history, org_kinds=ORG_KINDS)
