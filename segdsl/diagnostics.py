"""Diagnostics: code, severity, message, span and help, rendered the way Rust and Ruff do."""

from __future__ import annotations

import difflib
from enum import Enum
from typing import Iterable

from pydantic import BaseModel

from .source import Source, Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(BaseModel):
    code: str
    severity: Severity = Severity.ERROR
    message: str
    span: Span | None = None
    help: str | None = None
    file: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self, source: Source | None = None) -> str:
        return render(self, source)


class SegdslError(Exception):
    """Raised by the API for any user mistake; `.diagnostics` holds every one found."""

    def __init__(self, diagnostics: Iterable[Diagnostic], source: Source | None = None):
        self.diagnostics = list(diagnostics)
        self.source = source
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(render(d, self.source) for d in self.diagnostics)


class DataError(SegdslError):
    """Data that cannot be read or does not fit the schema (exit code 2 in the CLI). Defined here, not in
    `data`, so that catching it loads no Polars."""


def error(code: str, message: str, span: Span | None = None, help: str | None = None) -> Diagnostic:
    return Diagnostic.model_construct(
        code=code, severity=Severity.ERROR, message=message, span=span, help=help, file=None
    )


def warning(code: str, message: str, span: Span | None = None, help: str | None = None) -> Diagnostic:
    return Diagnostic.model_construct(
        code=code, severity=Severity.WARNING, message=message, span=span, help=help, file=None
    )


def first_line(failure: BaseException | str) -> str:
    """The first line of an error's text (or its type's name): what a diagnostic quotes from a library."""
    text = str(failure).strip()
    return text.splitlines()[0] if text else (type(failure).__name__ if isinstance(failure, BaseException) else "")


def did_you_mean(word: str, candidates: Iterable[str], quote: str = "'") -> str | None:
    """A 'did you mean' hint for a misspelt name (or, quoted with '"', a string value)."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in candidates}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
    return f"did you mean {quote}{close[0]}{quote}?" if close else None


def render(diag: Diagnostic, source: Source | None = None) -> str:
    """Rust-style text: header, location arrow, the source line and a caret under the span."""
    lines = [f"{diag.severity.value}[{diag.code}]: {diag.message}"]
    name = diag.file or (source.name if source else None)
    pad = ""
    if diag.span is not None and source is not None:
        span = diag.span
        lines.append(f" --> {name}:{span.line}:{span.column}")
        text = source.line_text(span.line)
        gutter = str(span.line)
        pad = " " * len(gutter)
        line_end = len(text) - (span.column - 1)
        width = max(1, min(span.end - span.start, line_end))
        lines.append(f"{pad} |")
        lines.append(f"{gutter} | {text}")
        lines.append(f"{pad} | {' ' * (span.column - 1)}{'^' * width}")
    elif name:
        lines.append(f" --> {name}")
    if diag.help:
        lines.append(f"{pad} = help: {diag.help}")
    return "\n".join(lines)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)
