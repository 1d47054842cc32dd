"""Reviews of entities: an article's mention of a person or an organization, or a country it names, confirmed,
corrected or rejected; two entities merged into one; a spelling split off an entity. Each is a `reviews` row
(the overlay of store.entity_overlay, whose docstring says what each does to the stored rows and why), the
change applied to the stored rows, and an audit entry with before and after, in one transaction. Editors
and admins only (review.facts.Forbidden).

    review(engine, user, kind, document_id, action, start=, end=, code=, fields=)
        kind person | organization: the mention at start-end of the article; kind country: the article's `code`
    merge(engine, user, entity_id, into_id)          entity_id's mentions and aliases move to into_id; it goes
    split(engine, user, entity_id, spelling, into_id=None, name=None)
        the mentions of entity_id spelled `spelling` (and the alias) move to into_id, or to the entity named
        `name` (made if need be; by default the spelling as the article writes it)

Merges and splits are rules kept by the entities' stable keys (kind and key, a spelling's name_key), so a
rebuilt database applies them again as its articles are stored (store.entity_overlay.apply_document). They
stay flat: merging A into B makes the rules that ended in A end in B, and voids a rule that merged B away.
"""
from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from .. import clock
from ..query import QueryInputError
from ..query.common import resolve_code
from ..store import entity_overlay as eo
from ..store import schema as s
from ..store import version
from ..store.engine import lock_writers
from ..store.entity_overlay import key_of
from . import audit
from .facts import EDITORS, Forbidden, NoSuchFact, ReviewError, check_choice, check_known, check_text

ACTIONS = ("confirm", "correct", "reject")
KINDS = eo.REVIEW_KINDS
MERGEABLE = eo.MERGEABLE
MAX_NAME = 300
MAX_TITLE = 500
# what a correction may hold; the API's schemas say the same (web/api_entities.py)
NAME = re.compile(r"[^\x00]*[^\x00\t\n\v\f\r ][^\x00]*")   # some character that is not a space
ORG_KIND = re.compile(r"[a-z_]{1,40}")


class Conflict(ReviewError):
    """A merge or a split the entities refuse (one entity into itself, two kinds, a country)."""

    code = "AW409"


def _editor(user: dict[str, Any]) -> None:
    if user.get("role") not in EDITORS:
        raise Forbidden(f"{user.get('name')!r} is a {user.get('role')}: reviewing needs an editor or admin")


def _name(value: Any, what: str = "name") -> str:
    if not isinstance(value, str) or len(value) > MAX_NAME or not NAME.fullmatch(value):
        raise ReviewError(f"{what}: a name of at most {MAX_NAME} characters, not only spaces")
    return value.strip(" \t\n\v\f\r")


def _code(engine: Engine, name: str, value: Any) -> str:
    try:
        return resolve_code(str(value), engine)
    except QueryInputError as e:
        raise ReviewError(f"{name}: {e}") from None


def check_fields(engine: Engine, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The corrected values of a person (name, title, country), an organization (name, country, org_kind) or
    a country (code), checked; markup is kept as text (every face escapes it)."""
    check_known(kind, fields, eo.FIELDS[kind])
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if k == "name":
            out[k] = _name(v)
        elif k == "title":
            out[k] = check_text(k, v, MAX_TITLE)
        elif k == "org_kind":
            if v is not None and (not isinstance(v, str) or not ORG_KIND.fullmatch(v)):
                raise ReviewError(f"org_kind {v!r}: a kind in lower case (company, bank, ministry, agency)")
            out[k] = v
        elif k == "country":
            out[k] = None if v is None else _code(engine, k, v)
        else:   # code
            out[k] = _code(engine, k, v)
    return out


# ---- what is shown before and after ----

def _mention(conn: Connection, kind: str, document_id: int, start: int, end: int) -> dict[str, Any] | None:
    row = eo.mention_row(conn, kind, document_id, start, end)
    if row is None:
        return None
    return {"entity_id": row.entity_id, "kind": kind, "name": row.name, "title": row.title,
            "country": row.entity_country, "org_kind": row.org_kind, "start": row.start, "end": row.end,
            "text": row.text, "review": row.review, "reviewed_by": row.reviewed_by, "reviewed_at": row.reviewed_at}


def _country(conn: Connection, document_id: int, code: str) -> dict[str, Any] | None:
    row = eo.country_row(conn, document_id, code)
    if row is None:
        return None
    from ..query.common import code_name

    return {"code": code, "name": code_name(code), "review": row.review, "reviewed_by": row.reviewed_by,
            "reviewed_at": row.reviewed_at}


def entity(conn: Connection, entity_id: int) -> dict[str, Any] | None:
    """An entity with its aliases and how many mentions it has, or None."""
    row = eo.entity_row(conn, entity_id)
    if row is None:
        return None
    n = conn.execute(select(func.count()).select_from(s.mentions).where(s.mentions.c.entity_id == entity_id)
                     ).scalar_one()
    return {"id": row.id, "kind": row.kind, "key": row.key, "name": row.name, "title": row.title,
            "country": row.country, "org_kind": row.org_kind, "aliases": eo.aliases_of(conn, entity_id),
            "mentions": n}


def _save(conn: Connection, kind: str, document_hash: str, start: int, end: int, subject: str, action: str,
          fields: dict[str, Any], user: dict[str, Any], at: str, document_id: int | None) -> None:
    """The review row: the latest review of its fact, or of its entity rule."""
    r = s.reviews
    key = (r.c.kind == kind, r.c.document_hash == document_hash, r.c.start == start, r.c.end == end,
           r.c.subject == subject)
    values = {"action": action, "fields": json.dumps(fields, sort_keys=True, ensure_ascii=False),
              "user_id": user.get("id"), "user_name": user["name"], "at": at, "document_id": document_id}
    if conn.execute(select(r.c.id).where(*key)).first() is None:
        conn.execute(insert(r).values(kind=kind, document_hash=document_hash, start=start, end=end, subject=subject,
                                      **values))
    else:
        conn.execute(update(r).where(*key).values(**values))


# ---- an article's people, organizations and countries ----

def review(engine: Engine, user: dict[str, Any], kind: str, document_id: int, action: str, start: int = 0,
           end: int = 0, code: str | None = None, fields: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Review one mention (person, organization: its span) or one country (its code) of an article as `user`;
    the mention as it is stored now (None when rejected)."""
    _editor(user)
    check_choice("kind", kind, KINDS)
    check_choice("action", action, ACTIONS)
    fields = check_fields(engine, kind, fields or {}) if action == "correct" else {}
    if kind == "country":
        code, start, end = _code(engine, "code", code), 0, 0
    at = clock.stamp(clock.now())
    with engine.begin() as conn:
        lock_writers(conn)   # it may add rows: after the ingest writer's batch, not within it
        doc = conn.execute(select(s.documents.c.content_hash).where(s.documents.c.id == document_id)).first()
        if doc is None:
            raise NoSuchFact(f"no article {document_id}")
        if kind == "country":
            before = _country(conn, document_id, code)
            if before is None:
                raise NoSuchFact(f"article {document_id} names no country {code}")
            target = f"country {code} (article {document_id})"
        else:
            before = _mention(conn, kind, document_id, start, end)
            if before is None:
                raise NoSuchFact(f"no {kind} named at {start}-{end} of article {document_id}")
            target = f"{kind} {before['entity_id']} (article {document_id}, {start}-{end})"
        _save(conn, kind, doc.content_hash, start, end, code or "", action, fields, user, at, document_id)
        now = eo.apply_review(conn, kind, document_id, start, end, code or "", action, fields, user["name"], at,
                              sweep=True)
        if now is None:
            after = None
        elif kind == "country":
            after = _country(conn, document_id, now)
        else:
            after = _mention(conn, kind, document_id, start, end)
        audit.record(conn, user["name"], f"review.{action}", target, before, after, document_id=document_id)
        version.bump(conn)
    return after


# ---- merges and splits ----

def _pair(conn: Connection, entity_id: int, other_id: int, what: str):
    src, dst = eo.entity_row(conn, entity_id), eo.entity_row(conn, other_id)
    for eid, row in ((entity_id, src), (other_id, dst)):
        if row is None:
            raise NoSuchFact(f"no entity {eid}")
    if src.id == dst.id:
        raise Conflict(f"entity {src.id} cannot be {what} itself")
    if src.kind != dst.kind:
        raise Conflict(f"entity {src.id} is a {src.kind}, entity {dst.id} a {dst.kind}: only one kind is {what} "
                       "another")
    return src, dst


def _mergeable(row) -> None:
    if row.kind not in MERGEABLE:
        raise Conflict(f"entity {row.id} is a {row.kind}: only {', '.join(MERGEABLE)} are merged and split "
                       "(correct an article's country instead)")


def _retarget(conn: Connection, kind: str, old_key: str, new_key: str, new_name: str) -> None:
    """Keep the rules flat: those that ended in entity `old_key` end in `new_key`; one that merged `new_key`
    away is void (it is the entity that stays)."""
    r = s.reviews
    for rule in eo.rules(conn):
        f = json.loads(rule.fields)
        if f["kind"] != kind:
            continue
        if rule.kind == "merge" and f["from"] == new_key:
            conn.execute(delete(r).where(r.c.id == rule.id))
        elif f["into"] == old_key:
            f.update(into=new_key, name=new_name)
            conn.execute(update(r).where(r.c.id == rule.id).values(fields=json.dumps(f, sort_keys=True,
                                                                                       ensure_ascii=False)))


def _rule(conn: Connection, kind: str, subject: str) -> dict[str, Any] | None:
    r = s.reviews
    row = conn.execute(select(r.c.fields).where(r.c.kind == kind, r.c.document_hash == "", r.c.subject == subject)
                       ).first()
    return json.loads(row.fields) if row else None


def _merged_already(conn: Connection, entity_id: int, into_id: int) -> dict[str, Any] | None:
    """`into_id` as it is now when entity `entity_id` (gone) was merged into it here before: a merge repeated
    changes nothing (None for any other case)."""
    dst = eo.entity_row(conn, into_id)
    if dst is None or eo.entity_row(conn, entity_id) is not None:
        return None
    r = s.reviews
    for (fields,) in conn.execute(select(r.c.fields).where(r.c.kind == "merge", r.c.document_hash == "")):
        f = json.loads(fields)
        if f.get("from_id") == entity_id and f["kind"] == dst.kind and f["into"] == dst.key:
            return entity(conn, dst.id)
    return None


def merge(engine: Engine, user: dict[str, Any], entity_id: int, into_id: int) -> dict[str, Any]:
    """Merge entity `entity_id` into `into_id` (same kind): its mentions and aliases move, it disappears; the
    entity `into_id` as it is now. Merging again what was merged changes nothing."""
    _editor(user)
    at = clock.stamp(clock.now())
    with engine.begin() as conn:
        lock_writers(conn)   # it may add rows: after the ingest writer's batch, not within it
        if (same := _merged_already(conn, entity_id, into_id)) is not None:
            return same
        src, dst = _pair(conn, entity_id, into_id, "merged into")
        _mergeable(src)
        before = {"from": entity(conn, src.id), "into": entity(conn, dst.id)}
        spellings = eo.aliases_of(conn, src.id)
        fields = {"kind": src.kind, "from": src.key, "into": dst.key, "name": dst.name, "aliases": spellings,
                  "from_id": src.id}   # (the id in this database: a merge repeated is known again)
        _retarget(conn, src.kind, src.key, dst.key, dst.name)
        _save(conn, "merge", "", 0, 0, f"{src.kind}:{src.key}", "merge", fields, user, at, None)
        eo.merge(conn, src.kind, src.key, dst.key, dst.name, spellings, sweep=True)
        after = entity(conn, dst.id)
        audit.record(conn, user["name"], "review.merge", f"{src.kind} {src.id} into {dst.kind} {dst.id}", before,
                     after)
        version.bump(conn)
    return after


def split(engine: Engine, user: dict[str, Any], entity_id: int, spelling: str, into_id: int | None = None,
          name: str | None = None) -> dict[str, Any]:
    """Split the spelling `spelling` off entity `entity_id`: its mentions so spelled, and the alias, move to
    entity `into_id`, else to the entity named `name` (made when there is none; by default the spelling as an
    article writes it). {"from": the entity split (None if it had nothing left), "into": the other (None if no
    mention is spelled so yet: it is made when one is)}. Splitting again what was split changes nothing."""
    _editor(user)
    alias = key_of(_name(spelling, "spelling"))
    if name is not None:
        name = _name(name)
    at = clock.stamp(clock.now())
    with engine.begin() as conn:
        lock_writers(conn)   # it may add rows: after the ingest writer's batch, not within it
        src = eo.entity_row(conn, entity_id)
        if src is None:
            raise NoSuchFact(f"no entity {entity_id}")
        _mergeable(src)
        m = s.mentions
        texts = list(conn.execute(select(m.c.text).where(m.c.entity_id == src.id).order_by(m.c.document_id,
                                                                                             m.c.start)).scalars())
        spelled = [t for t in texts if key_of(t) == alias]
        if alias not in eo.aliases_of(conn, src.id) and not spelled:
            done = _rule(conn, "split", f"{src.kind}:{alias}")
            if done is not None and done["from"] == src.key:   # split here before: a split repeated changes nothing
                into = eo.by_key(conn, src.kind, done["into"])
                return {"from": entity(conn, src.id), "into": entity(conn, into) if into is not None else None}
            raise NoSuchFact(f"entity {src.id} ({src.name}) is never spelled {spelling!r}")
        if alias == src.key:
            raise Conflict(f"{spelling!r} is the spelling entity {src.id} is known by: split its other spellings off, "
                           "or merge")
        if into_id is not None:
            _, dst = _pair(conn, src.id, into_id, "split into")
            into_key, into_name = dst.key, dst.name
        else:
            into_name = name or (spelled[0].strip() if spelled else spelling.strip())
            into_key = key_of(into_name)
            if into_key == src.key:
                raise Conflict(f"{into_name!r} is the name of entity {src.id} itself: give another name")
            other = eo.by_key(conn, src.kind, into_key)
            if other is not None:
                into_name = eo.entity_row(conn, other).name
        before = entity(conn, src.id)
        fields = {"kind": src.kind, "alias": alias, "from": src.key, "into": into_key, "name": into_name}
        _retarget(conn, src.kind, "", into_key, into_name)   # the spelling is its own entity: no merge takes it away
        _save(conn, "split", "", 0, 0, f"{src.kind}:{alias}", "split", fields, user, at, None)
        eo.split(conn, src.kind, alias, into_key, into_name, None, sweep=True, source=src.id)
        into = eo.by_key(conn, src.kind, into_key)
        after = {"from": entity(conn, src.id), "into": entity(conn, into) if into is not None else None}
        audit.record(conn, user["name"], "review.split", f"{src.kind} {src.id} spelling {alias}", before, after)
        version.bump(conn)
    return after


# ---- what the article page shows ----

_TARGET = re.compile(r"^(person|organization) \d+ \(article \d+, (\d+)-(\d+)\)$|^country (\S+) \(article \d+\)$")


def of_article(engine: Engine, document_id: int) -> dict[str, Any]:
    """The review marks and history of an article's people, organizations and countries:
    {"marks": {(kind, start, end) | ("country", code): mark}, "history": {same keys: [audit entry, ...]}}."""
    m, e, dc = s.mentions, s.entities, s.document_countries
    marks: dict[tuple, dict[str, Any]] = {}
    with engine.connect() as conn:
        for r in conn.execute(select(e.c.kind, m.c.start, m.c.end, m.c.review, m.c.reviewed_by, m.c.reviewed_at)
                              .join(e, e.c.id == m.c.entity_id)
                              .where(m.c.document_id == document_id, m.c.review.is_not(None))):
            marks[(r.kind, r.start, r.end)] = {"review": r.review, "reviewed_by": r.reviewed_by,
                                               "reviewed_at": r.reviewed_at}
        for r in conn.execute(select(dc).where(dc.c.document_id == document_id, dc.c.review.is_not(None))):
            marks[("country", r.code)] = {"review": r.review, "reviewed_by": r.reviewed_by,
                                          "reviewed_at": r.reviewed_at}
    history: dict[tuple, list[dict[str, Any]]] = {}
    for entry in audit.of_document(engine, document_id):
        if (hit := _TARGET.match(entry["target"])) is not None:
            key = ("country", hit[4]) if hit[4] else (hit[1], int(hit[2]), int(hit[3]))
            history.setdefault(key, []).append(entry)
    return {"marks": marks, "history": history}
