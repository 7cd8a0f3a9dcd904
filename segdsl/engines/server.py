"""What the engines on database servers share: where the URL comes from, and failing to connect."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from ..diagnostics import SegdslError, error, first_line


def server_url(url: str | None, engine: str, variable: str, example: str) -> str:
    """The URL given, else the one in the environment variable; E902 when there is none."""
    url = url or os.environ.get(variable)
    if not url:
        raise SegdslError([error("E902", f"engine '{engine}' needs a server", help=f"set {variable}={example}")])
    return url


@dataclass
class ServerURL:
    host: str
    port: int | None
    user: str
    password: str
    path: list[str]  # the path's parts: database, or database and schema
    options: dict[str, str]  # the query string


def parse_server_url(url: str, schemes: tuple[str, ...], example: str, options: frozenset = frozenset(),
                     path_parts: int = 1) -> ServerURL:
    """scheme://user:password@host:port/path?options, or E902 (which never shows the URL: it may hold a password)."""
    bad_url = SegdslError([error("E902", f"this is not a {schemes[0]} URL: they look like {example}")])
    try:
        parts = urlsplit(url)
        port = parts.port  # a port that is no number raises here
        query = parse_qsl(parts.query, strict_parsing=bool(parts.query))
    except ValueError:
        raise bad_url from None
    path = [unquote(p) for p in parts.path.split("/") if p]
    if parts.scheme not in schemes or not parts.hostname or len(path) > path_parts or {k for k, _ in query} - options:
        raise bad_url
    return ServerURL(parts.hostname, port, unquote(parts.username or ""), unquote(parts.password or ""), path,
                     dict(query))


def cannot_connect(what: str, message: str, password: str = "") -> SegdslError:
    """E903 with the driver's first line, which names host and port; the password is cut out if it shows."""
    line = first_line(message) or "no answer"
    if password:
        line = line.replace(password, "***")
    return SegdslError([error("E903", f"cannot connect to {what}: {line}")])


def is_number(text: str) -> bool:
    return re.fullmatch(r"[0-9]+", text) is not None
