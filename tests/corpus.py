"""The conformance corpus: tests/conformance/<group>.seg with its rows in <group>.jsonl.

A group is a segment file whose entity block is the schema, and a JSON-lines file of rows
(every declared field in every row; null is null, dates and timestamps are ISO text; NaN and
Infinity are allowed for floats). Each segment of the file is one case, with directives in the
comment lines just above it:

    # expect: 1 4 7          the keys of the members, worked out by hand (`none` for no row;
                             text keys as JSON strings: "A" "b ")
    # xfail(duckdb): why     that backend gives another answer; the reason says what and why
    # refused(sqlite): E401  that backend refuses to compile the case, with this code
    segment name: condition

A `# as_of: YYYY-MM-DD[THH:MM:SS]` line anywhere sets the group's as-of date (default 2026-11-01).

A group whose file declares event tables has their rows in <group>.<table>.jsonl, in the same form
(every field of the `events` block, its `by` and `at` columns included).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import polars as pl

import segdsl
from segdsl.data import fit_events, fit_to_schema
from segdsl.reference import attach_events

CORPUS = Path(__file__).resolve().parent / "conformance"
DEFAULT_AS_OF = "2026-11-01"
_DIRECTIVE = re.compile(r"#\s*(expect|xfail|refused|as_of)(?:\(([\w-]+)\))?\s*:\s*(.*?)\s*$")
_TEXT_KEY = re.compile(r'"(?:[^"\\]|\\.)*"')
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
    raw_events: dict[str, list[dict]] = field(default_factory=dict)

    def program(self, names=None) -> segdsl.Program:
        """The group's program, or one with only the named segments."""
        chosen = [c.text for n, c in self.cases.items() if names is None or n in names]
        return segdsl.loads(self.header + "\n".join(chosen) + "\n", as_of=self.as_of, name=f"{self.name}.seg")

    @cached_property
    def frame(self) -> pl.DataFrame:
        """The rows as a Polars frame fitted to the schema, by the same code that loads data files."""
        schema = self.program().schema
        return fit_to_schema(_source_frame(self.raw_rows, schema.fields), schema, f"{self.name}.jsonl")

    @cached_property
    def events(self) -> dict[str, pl.DataFrame]:
        """Each event table's rows, fitted to its `events` block."""
        tables = self.program().schema.events
        return {name: fit_events(_source_frame(rows, tables[name].fields), tables[name], f"{self.name}.{name}.jsonl")
                for name, rows in self.raw_events.items()}

    @cached_property
    def rows(self) -> list[dict]:
        """The fitted rows as Python values (what the reference and per-record backends take), each
        with its events: `row["orders"]` is the list of that customer's orders."""
        rows = self.frame.to_dicts()
        if not self.events:
            return rows
        tables = self.program().schema.events
        events = {name: (tables[name].by, frame.to_dicts()) for name, frame in self.events.items()}
        return attach_events(rows, self.key, events)

    @cached_property
    def key(self) -> str:
        return self.program().key


def _source_frame(rows: list[dict], fields: dict) -> pl.DataFrame:
    columns = [pl.Series(column, [r[column] for r in rows], dtype=_SOURCE_TYPES.get(type_.kind, pl.String), strict=False)
               for column, type_ in fields.items()]
    return pl.DataFrame(columns)


def _read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _keys(value: str) -> frozenset:
    """`1 4 7`, or text keys as JSON strings: `"A" "b "`; `none` for no row."""
    if value == "none":
        return frozenset()
    if value.startswith('"'):
        return frozenset(json.loads(m) for m in _TEXT_KEY.findall(value))
    return frozenset(int(v) for v in value.split())


def load_group(path: Path) -> Group:
    name = path.stem
    lines = path.read_text(encoding="utf-8").splitlines()
    cases: dict[str, Case] = {}
    pending: dict = {"xfail": {}, "refused": {}}
    as_of = DEFAULT_AS_OF
    current: Case | None = None
    # The header runs to the first directive: the entity block, and any segments, partitions and
    # rulesets the cases build on (a hierarchy's children are named in cases as parent.child).
    first = next((i for i, line in enumerate(lines) if _DIRECTIVE.match(line.strip())
                  and _DIRECTIVE.match(line.strip()).group(1) != "as_of"), len(lines))
    header_end = first
    for line in lines[:first]:
        directive = _DIRECTIVE.match(line.strip())
        if directive:  # as_of
            as_of = directive.group(3)
    for number, line in enumerate(lines[first:], start=first + 1):
        stripped = line.strip()
        directive = _DIRECTIVE.match(stripped)
        segment = _SEGMENT.match(stripped)
        if directive:
            current = None
            kind, backend, value = directive.groups()
            if kind == "as_of":
                as_of = value
            elif kind == "expect":
                pending["members"] = _keys(value)
            else:
                pending[kind][backend] = value
        elif segment:
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
    raw_rows = _read_rows(path.with_suffix(".jsonl"))
    group = Group(name, header, cases, as_of, raw_rows)
    group.raw_events = {table: _read_rows(path.with_name(f"{name}.{table}.jsonl"))
                        for table in group.program().schema.events}
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
    for table, rows in group.raw_events.items():
        declared = set(schema.events[table].fields)
        for number, row in enumerate(rows, start=1):
            if set(row) != declared:
                raise ValueError(f"{path.stem}.{table}.jsonl:{number}: fields {sorted(set(row) ^ declared)} "
                                 "are missing or not declared")
    for case in group.cases.values():
        unknown = case.members - keys
        if unknown:
            raise ValueError(f"{path.name}:{case.line}: expected keys {sorted(unknown)} are not rows")


def load_corpus() -> dict[str, Group]:
    return {p.stem: load_group(p) for p in sorted(CORPUS.glob("*.seg"))}
