"""Source text and spans: where every AST node and diagnostic points to."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets, with the 1-based line/column of its start.

    A plain dataclass, not a pydantic model: the parser makes one per node, and
    pydantic still validates and serialises it as a field of the AST models.
    """

    start: int
    end: int
    line: int
    column: int

    @classmethod
    def model_construct(cls, *, start: int, end: int, line: int, column: int) -> "Span":
        return cls(start, end, line, column)


@dataclass
class Source:
    """The text of one segment file and a name to show for it (a path or '<string>')."""

    text: str
    name: str = "<string>"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        return Span.model_construct(start=start, end=end, line=line, column=column)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)
