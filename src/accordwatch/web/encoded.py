"""Kept JSON answers, compressed once: a large answer (a busy pair's profile is megabytes at 200,000
articles) is kept gzip-compressed, made when its data version is, and sent as it is to every client that
accepts gzip (browsers and HTTP libraries do); a client that does not gets it decompressed. Small
answers are kept and sent as they are.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

GZIP_FROM = 16_384   # bytes: a smaller answer is sent as it is (JSON shrinks about tenfold)
LEVEL = 5            # zlib's speed/size trade-off: made once per data version


@dataclass(frozen=True)
class Body:
    data: bytes
    gzipped: bool


def pack(raw: bytes) -> Body:
    """What the cache keeps of an encoded answer."""
    if len(raw) < GZIP_FROM:
        return Body(raw, False)
    return Body(gzip.compress(raw, compresslevel=LEVEL, mtime=0), True)


def accepts_gzip(header: str | None) -> bool:
    """Does an Accept-Encoding header take gzip ("gzip, deflate, br"; not "gzip;q=0")?"""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().lower().removeprefix("q=")
            try:
                return not params or float(q) > 0
            except ValueError:
                return False
    return False


def respond(request: Request, body: Body, media_type: str = "application/json") -> Response:
    if not body.gzipped:
        return Response(body.data, media_type=media_type)
    if accepts_gzip(request.headers.get("accept-encoding")):
        return Response(body.data, media_type=media_type,
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(gzip.decompress(body.data), media_type=media_type, headers={"Vary": "Accept-Encoding"})
