"""What the engines on database servers share: where the URL comes from, and failing to connect."""

from __future__ import annotations

import os

from ..diagnostics import SegdslError, error, first_line


def server_url(url: str | None, engine: str, variable: str, example: str) -> str:
    """The URL given, else the one in the environment variable; E902 when there is none."""
    url = url or os.environ.get(variable)
    if not url:
        raise SegdslError([error("E902", f"engine '{engine}' needs a server", help=f"set {variable}={example}")])
    return url


def cannot_connect(what: str, message: str) -> SegdslError:
    """E903 with the driver's first line, which names host and port, never the password."""
    return SegdslError([error("E903", f"cannot connect to {what}: {first_line(message) or 'no answer'}")])
