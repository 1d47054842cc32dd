"""The JSON bodies of the API's write routes: their schemas (as the OpenAPI document declares them) and the
checks that hold a body to them before the library judges its values.

The library's checks (review.facts.check_fields, watch.alerts.check_filters) read a value the way the CLI
does: a country's name for its code, a blank for none, any case. A JSON body is held to its schema as it
is written (tests/test_api_fuzz.py sends what the schema refuses and expects a 400), so the strict part is
here: the shape, the types, a code exactly as the gazetteer spells it, a date exactly as the Date schema
says; then the library's own checks, with its messages.
"""
from __future__ import annotations

import json
import re
from typing import Any

from fastapi import HTTPException, Request

from ..query.common import codes

MAX_BODY = 100_000     # bytes: a review or a saved search is small
MAX_ID = 2**31 - 1


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


async def json_body(request: Request) -> Any:
    """The request's JSON value: 415 for another content type, 413 past MAX_BODY, 400 for no JSON."""
    from .api import _read_body

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("application/json", ""):
        raise HTTPException(415, f"send a JSON body (application/json), not {ctype}")
    body = await _read_body(request, MAX_BODY)
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise HTTPException(400, f"the body is not valid JSON: {e}") from None


def bad(message: str) -> HTTPException:
    return HTTPException(400, message)


def check_object(value: Any, name: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
    if not isinstance(value, dict):
        raise bad(f"{name}: a JSON object, not {type(value).__name__}")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise bad(f"{name}: no field {', '.join(map(repr, unknown))} (fields: {', '.join(allowed)})")
    missing = [k for k in required if k not in value]
    if missing:
        raise bad(f"{name}: {', '.join(missing)} missing")
    return value


def check_int(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise bad(f"{name}: an integer from {low} to {high:,}, not {value!r}")
    return value


def check_enum(value: Any, name: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise bad(f"{name} {value!r}: one of {', '.join(choices)}")
    return value


def check_code(value: Any, name: str, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or value not in codes():
        raise bad(f"{name} {value!r}: a country or bloc code as the gazetteer writes it (KAZ, EU)")
    return value


def check_pattern(value: Any, name: str, pattern: str, what: str, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or re.fullmatch(pattern.removeprefix("^").removesuffix("$"), value) is None:
        raise bad(f"{name} {value!r}: {what}")
    return value


def check_text(value: Any, name: str, max_length: int, nullable: bool = True) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or len(value) > max_length or "\x00" in value:
        raise bad(f"{name}: text of at most {max_length} characters (no NUL)")
    return value
