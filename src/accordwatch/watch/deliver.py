"""Delivering what is new: a webhook POST (JSON, signed with HMAC-SHA256) and e-mail (SMTP), through
a ledger in the database.

    queue(engine)        one `deliveries` row per new match, alert and channel (the table's unique key
                         makes a second row impossible: a restart queues nothing twice)
    send_due(engine)     every pending delivery whose time has come; a failure is tried again later
                         (the wait doubles: 30 s, 1 min, 2 min, ... by default), up to MAX_ATTEMPTS

A delivery is marked delivered only after the receiver accepted it (a 2xx answer, or the SMTP server's
OK). A watch killed between the two sends it again on restart with the same delivery id, in the
`X-Accordwatch-Delivery` header and the payload, so a receiver can tell a repeat.

Webhook headers: `X-Accordwatch-Signature: sha256=<hex HMAC-SHA256 of the body with the alert's key>`,
`X-Accordwatch-Delivery: <id>`, `X-Accordwatch-Kind: event|figure`.

E-mail settings come from the environment: ACCORDWATCH_SMTP_HOST (localhost), ACCORDWATCH_SMTP_PORT
(25), ACCORDWATCH_SMTP_FROM (accordwatch@localhost), ACCORDWATCH_SMTP_USER and _PASSWORD (none),
ACCORDWATCH_SMTP_STARTTLS (off).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Any

import httpx
from sqlalchemy import Engine, and_, insert, select, update
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..ingest.url import check_url
from ..query import rows
from ..store import schema as s
from . import alerts as al

MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 30.0
TIMEOUT = 10.0


@dataclass
class Sent:
    delivered: int = 0
    retried: int = 0       # failed this time, to be tried again
    failed: int = 0        # given up after MAX_ATTEMPTS


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str) -> bool:
    """What a receiver does: is `header` the signature of `body` with `secret`? (constant time)"""
    return hmac.compare_digest(sign(secret, body), header or "")


def queue(engine: Engine, when: datetime | None = None) -> int:
    """Add a pending delivery for every new match of every saved search with a webhook or an e-mail
    address; how many were added."""
    when = when or clock.now()
    added = 0
    for alert in al.list_alerts(engine):
        channels = [c for c, on in (("webhook", alert["webhook_url"]), ("email", alert["email"])) if on]
        if not channels:
            continue
        events, figures = al.new_matches(engine, alert)
        items = [("event", i) for i in events] + [("figure", i) for i in figures]
        if not items:
            continue
        d = s.deliveries
        try:
            with engine.begin() as conn:
                have = {(k, i, c) for k, i, c in conn.execute(
                    select(d.c.item_kind, d.c.item_id, d.c.channel).where(d.c.alert_id == alert["id"]))}
                new = [{"alert_id": alert["id"], "item_kind": kind, "item_id": item, "channel": channel,
                        "status": "pending", "attempts": 0, "next_attempt": clock.stamp(when),
                        "created": clock.stamp(when)}
                       for kind, item in items for channel in channels if (kind, item, channel) not in have]
                if new:
                    conn.execute(insert(d), new)
                added += len(new)
        except IntegrityError:
            continue   # another watch queued some of them first: the ledger holds one; the rest come next round
    return added


def payload(engine: Engine, alert: dict[str, Any], kind: str, item_id: int, delivery_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        if kind == "event":
            found = rows.events_by_id(conn, [item_id])
        else:
            found = rows.figure_points(conn, [s.figures.c.id == item_id])
    # a figure comes as its point (rows.figure_points); "id" is the figure delivered
    item = {**found[0], "id": item_id} if found else {"id": item_id, "removed": True}
    return {"delivery_id": delivery_id, "alert": {"id": alert["id"], "name": alert["name"]}, "kind": kind,
            "item": item}


def summary_line(kind: str, item: dict[str, Any]) -> str:
    """One line for an e-mail subject: "agreement signed KAZ-UZB 2024-03-04: Roadmap on ..." ."""
    if item.get("removed"):
        return f"{kind} {item['id']}"
    if kind == "event":
        what = item.get("name") or item["type"]
        return f"{item['type']} {item['status']} {'-'.join(item['parties'])} {item.get('date') or ''}: {what}"
    return (f"{item['indicator']} {'-'.join(item['parties'])} {item.get('period') or ''}: "
            f"{item['value']:,.0f} {item['unit']}")


def _post(client: httpx.Client, alert: dict[str, Any], body: bytes, delivery_id: int, kind: str) -> None:
    headers = {"Content-Type": "application/json", "X-Accordwatch-Delivery": str(delivery_id),
               "X-Accordwatch-Kind": kind}
    if alert.get("webhook_secret"):
        headers["X-Accordwatch-Signature"] = sign(alert["webhook_secret"], body)
    resp = client.post(alert["webhook_url"], content=body, headers=headers)
    if not 200 <= resp.status_code < 300:
        raise RuntimeError(f"{alert['webhook_url']}: HTTP {resp.status_code}")


def _mail(alert: dict[str, Any], data: dict[str, Any]) -> None:
    env = os.environ.get
    msg = EmailMessage()
    msg["From"] = env("ACCORDWATCH_SMTP_FROM", "accordwatch@localhost")
    msg["To"] = alert["email"]
    msg["Subject"] = f"[accordwatch] {alert['name']}: {summary_line(data['kind'], data['item'])}"
    msg["X-Accordwatch-Delivery"] = str(data["delivery_id"])
    msg.set_content(json.dumps(data["item"], ensure_ascii=False, indent=2, default=str))
    with smtplib.SMTP(env("ACCORDWATCH_SMTP_HOST", "localhost"), int(env("ACCORDWATCH_SMTP_PORT", "25")),
                      timeout=TIMEOUT) as smtp:
        if env("ACCORDWATCH_SMTP_STARTTLS", "").lower() in ("1", "true", "yes", "on"):
            smtp.starttls()
        if env("ACCORDWATCH_SMTP_USER"):
            smtp.login(env("ACCORDWATCH_SMTP_USER", ""), env("ACCORDWATCH_SMTP_PASSWORD", ""))
        smtp.send_message(msg)


def send_due(engine: Engine, when: datetime | None = None, client: httpx.Client | None = None,
             retry_base: float = RETRY_BASE_SECONDS, allow_private: bool = False,
             allow_hosts: frozenset[str] = frozenset()) -> Sent:
    """Send every pending delivery that is due; one failing receiver never stops the others. A webhook
    URL is checked again before each POST (ingest.url.check_url: no private address unless allowed)."""
    when = when or clock.now()
    d = s.deliveries
    with engine.connect() as conn:
        due = conn.execute(select(d).where(and_(d.c.status == "pending", d.c.next_attempt <= clock.stamp(when)))
                           .order_by(d.c.id)).all()
    out = Sent()
    if not due:
        return out
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
    cache: dict[int, dict[str, Any]] = {}
    try:
        for row in due:
            alert = cache.get(row.alert_id)
            if alert is None:
                alert = cache[row.alert_id] = al.get_alert(engine, row.alert_id, with_secret=True)
            data = payload(engine, alert, row.item_kind, row.item_id, row.id)
            try:
                if row.channel == "webhook":
                    check_url(alert["webhook_url"], allow_private, allow_hosts)
                    body = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode()
                    _post(client, alert, body, row.id, row.item_kind)
                else:
                    _mail(alert, data)
            except Exception as e:  # noqa: BLE001 - any failure of a receiver: note it, try again later
                attempts = row.attempts + 1
                gave_up = attempts >= MAX_ATTEMPTS
                with engine.begin() as conn:
                    conn.execute(update(d).where(d.c.id == row.id).values(
                        attempts=attempts, last_error=f"{type(e).__name__}: {e}"[:500],
                        status="failed" if gave_up else "pending",
                        next_attempt=clock.later(when, retry_base * 2 ** (attempts - 1))))
                if gave_up:
                    out.failed += 1
                else:
                    out.retried += 1
                continue
            with engine.begin() as conn:
                conn.execute(update(d).where(d.c.id == row.id).values(
                    status="delivered", attempts=row.attempts + 1, last_error=None,
                    delivered_at=clock.stamp(clock.now())))
            out.delivered += 1
    finally:
        if own:
            client.close()
    return out


def ledger(engine: Engine, alert_id: int | None = None) -> list[dict[str, Any]]:
    """The deliveries (of one saved search), newest first."""
    d = s.deliveries
    stmt = select(d).order_by(d.c.id.desc())
    if alert_id is not None:
        stmt = stmt.where(d.c.alert_id == alert_id)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]
