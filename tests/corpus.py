"""The conformance corpus: tests/conformance/<group>.seg with its rows in <group>.jsonl.

A group is a segment file whose entity block is the schema, and a JSON-lines file of rows
(every declared field in every row; null is null, dates and timestamps are ISO text; NaN and
Infinity are allowed for floats). Each segment of the file is one case, with directives in the
comment lines just above it:

    # expect: 1 4 7          the keys of the members, worked out by hand (`none` for no row)
    # xfail(duckdb): why     that backend gives another answer; the reason says what and why
    # refused(sqlite): E401  that backend refuses to compile the case, with this code
    segment name: condition

A `# as_of: YYYY-MM-DD[THH:MM:SS]` line anywhere sets the group's as-of date (default 2026-11-01).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import polars as pl

import segdsl
from segdsl.data import fit_to_schema

CORPUS = Path(__file__).resolve().parent / "conformance"
DEFAULT_AS_OF = "2026-11-01"
_DIRECTIVE = re.compile(r"#\s*(expect|xfail|refused|as_of)(?:\((\w+)\))?\s*:\s*(.*?)\s*$")
_SEGMENT = re.compile(r"segment\s+(\w+)\s*:")
_SOURCE_TYPES = {"int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean}  # others start as text


@dataclass
class Case:
    group: str
    name: str
    text: str  # the segment's source lines
    line: int
    members: frozenset | None = None
    xfail: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.group}:{self.name}"


@dataclass
class Group:
    name: str
    header: str  # the file before its first segment: the entity block
    cases: dict[str, Case]
    as_of: str
    raw_rows: list[dict]

    def program(self, names=None) -> segdsl.Program:
        """The group's program, or one with only the named segments."""
        chosen = [c.text for n, c in self.cases.items() if names is None or n in names]
        return segdsl.loads(self.header + "\n".join(chosen) + "\n", as_of=self.as_of, name=f"{self.name}.seg")

    @cached_property
    def frame(self) -> pl.DataFrame:
        """The rows as a Polars frame fitted to the schema, by the same code that loads data files."""
        schema = self.program().schema
        columns = []
        for column, type_ in schema.fields.items():
            dtype = _SOURCE_TYPES.get(type_.kind, pl.String)
            columns.append(pl.Series(column, [r[column] for r in self.raw_rows], dtype=dtype, strict=False))
        return fit_to_schema(pl.DataFrame(columns), schema, f"{self.name}.jsonl")

    @cached_property
    def rows(self) -> list[dict]:
        """The fitted rows as Python values (what the reference and per-record backends take)."""
        return self.frame.to_dicts()

    @property
    def key(self) -> str:
        return self.program().key


def load_group(path: Path) -> Group:
    name = path.stem
    lines = path.read_text(encoding="utf-8").splitlines()
    cases: dict[str, Case] = {}
    pending: dict = {"xfail": {}, "refused": {}}
    as_of = DEFAULT_AS_OF
    header_end = None
    current: Case | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        directive = _DIRECTIVE.match(stripped)
        segment = _SEGMENT.match(stripped)
        if directive:
            current = None
            kind, backend, value = directive.groups()
            if kind == "as_of":
                as_of = value
            elif kind == "expect":
                pending["members"] = frozenset() if value == "none" else frozenset(int(v) for v in value.split())
            else:
                pending[kind][backend] = value
        elif segment:
            if header_end is None:
                header_end = number - 1
            if "members" not in pending:
                raise ValueError(f"{path.name}:{number}: segment {segment.group(1)} has no '# expect:' line")
            current = Case(name, segment.group(1), line, number, pending["members"], pending["xfail"], pending["refused"])
            if current.name in cases:
                raise ValueError(f"{path.name}:{number}: segment {current.name} appears twice")
            cases[current.name] = current
            pending = {"xfail": {}, "refused": {}}
        elif not stripped or stripped.startswith("#"):
            current = None
        elif current is not None:
            current.text += "\n" + line  # a condition continued on the next line
    header = "\n".join(lines[:header_end]) + "\n"
    raw_rows = [json.loads(line) for line in path.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    group = Group(name, header, cases, as_of, raw_rows)
    _check(group, path)
    return group


def _check(group: Group, path: Path) -> None:
    """Catch mistakes in the corpus itself: a misspelt column, a key that no row has."""
    schema = group.program().schema
    keys = set()
    for number, row in enumerate(group.raw_rows, start=1):
        if set(row) != set(schema.fields):
            raise ValueError(f"{path.stem}.jsonl:{number}: fields {sorted(set(row) ^ set(schema.fields))} "
                             "are missing or not declared")
        keys.add(row[schema.key])
    for case in group.cases.values():
        unknown = case.members - keys
        if unknown:
            raise ValueError(f"{path.name}:{case.line}: expected keys {sorted(unknown)} are not rows")


def load_corpus() -> dict[str, Group]:
    return {p.stem: load_group(p) for p in sorted(CORPUS.glob("*.seg"))}
