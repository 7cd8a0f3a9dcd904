"""The public API: load a segment file into a Program, inspect it, compile it to SQL."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from . import ast, ir
from .checker import CheckedProgram, check
from .diagnostics import Diagnostic, SegdslError, did_you_mean, error, first_line, has_errors
from .gcpause import gc_paused
from .parser import parse
from .source import Source
from .sql import DEFAULT_DIALECT
from .timeutil import normalise_as_of

if TYPE_CHECKING:  # (polars and sqlglot load when data is evaluated or SQL compiled: check, lint and fmt need neither)
    import polars as pl


_AS_OF_CACHE = 16  # checked programs kept per Program, one per as-of moment


class Program:
    """A checked segment file. Build one with `segdsl.load(path)` or `segdsl.loads(text)`."""

    def __init__(self, source: Source, tree: ast.Program, checked: CheckedProgram):
        self.source = source
        self.ast = tree
        self._checked = {checked.as_of: checked}
        self.as_of = checked.as_of
        self.diagnostics: list[Diagnostic] = checked.diagnostics  # warnings only: errors raise
        self._compiled_records = None  # the per-record backend, compiled on first use
        self._record_checks: dict = {}  # segment -> its compiled check, for the fast path of matches()

    # -- what is in it
    @property
    def segments(self) -> list[str]:
        return list(self.checked().segments)

    @property
    def labels(self) -> list[str]:
        """The partitions and rulesets: each gives every customer one text label (or none)."""
        return list(self.checked().labels)

    @property
    def schema(self):
        return self.checked().schema

    @property
    def key(self) -> str | None:
        return self.schema.key

    @property
    def table(self) -> str | None:
        return self.schema.name

    def checked(self, as_of: dt.date | dt.datetime | str | None = None) -> CheckedProgram:
        """The typed IR, folded against `as_of` (default: the program's own as-of)."""
        moment = self.as_of if as_of is None else normalise_as_of(as_of)
        checked = self._checked.pop(moment, None) or check(self.ast, moment)
        self._checked[moment] = checked  # most recently used last
        if len(self._checked) > _AS_OF_CACHE:  # a service evaluating as of every minute: keep the last few
            oldest = next(m for m in self._checked if m != self.as_of)
            del self._checked[oldest]
        return checked

    def segment(self, name: str):
        segments = self.checked().segments
        if name not in segments:
            raise SegdslError([error("E202", f"unknown segment '{name}'",
                                     help=did_you_mean(name, segments) or "segments: " + ", ".join(segments))], self.source)
        return segments[name]

    # -- SQL
    def to_sql(self, segment: str | None = None, *, dialect: str = DEFAULT_DIALECT, table: str | None = None,
               as_of: dt.date | dt.datetime | str | None = None, key: str | None = None, pretty: bool = True,
               counts: bool = False) -> str:
        """The members query of `segment`, or without it the flags query of every segment.

        With `counts=True`: one row holding the number of members of each segment (or of `segment`).
        """
        from .sql.compile import build_queries, dialect_names, is_dialect, to_sql_text

        checked = self.checked(as_of)
        if not is_dialect(dialect):
            raise SegdslError([error("E403", f"unknown SQL dialect '{dialect}'",
                                     help=did_you_mean(dialect, dialect_names()) or "dialects: " + ", ".join(dialect_names()))])
        if segment is not None:
            self.segment(segment)
        table = table or checked.schema.name
        key = key or checked.schema.key
        problems = []
        if not table:
            problems.append(error("E404", "no table to query: the file has no entity block",
                                  help="pass a table name (--table, or table=...)"))
        if not key:
            problems.append(error("E404", "no key column: the file has no entity block",
                                  help="pass the key column (--key, or key=...)"))
        if problems:
            raise SegdslError(problems, self.source)
        with gc_paused():
            try:
                query, diags = build_queries(checked, dialect, table, key, segment, counts)
            except ValueError as exc:  # a malformed --table
                raise SegdslError([error("E404", str(exc))], self.source) from None
            if query is None:
                raise SegdslError(diags, self.source)
            text, diags = to_sql_text(query, dialect, pretty)
        if text is None:
            raise SegdslError(diags, self.source)
        return text

    # -- tables: Polars, pandas, PyArrow, lists of dicts
    def evaluate(self, data, segment: str | None = None, *, as_of: dt.date | dt.datetime | str | None = None,
                 events: dict | None = None):
        """Without `segment`: the key, one true/false column per segment and one text column per
        partition and ruleset (the customer's cell or rule, null for none). With it: its members' keys.

        The answer is the same kind of table as `data` (Polars DataFrame or LazyFrame, pandas
        DataFrame, PyArrow Table, or a list of dicts). `events` maps each event table the
        segments read to its table, of any of those kinds: `events={"orders": orders}`.
        """
        from .vectorized import from_polars

        if segment is not None:
            self.segment(segment)  # an unknown name (E202) before any data is read
        frame, kind, checked, key = self._table(data, as_of)
        tables = self._event_tables(events, checked, [segment] if segment else None)
        return from_polars(self._evaluate_fitted(frame, checked, key, segment, tables), kind)

    def _evaluate_fitted(self, frame: pl.DataFrame, checked: CheckedProgram, key: str, segment: str | None,
                         events: dict[str, pl.DataFrame] | None = None):
        """evaluate() on frames already fitted to the schema (segdsl eval has fitted them when reading)."""
        import polars as pl

        from .vectorized import PolarsCompiler

        compiler = PolarsCompiler(checked.segments)
        lazy_events = {name: table.lazy() for name, table in (events or {}).items()}
        if segment is not None:
            query = compiler.query(frame.lazy(), [segment], lazy_events, key).filter(compiler.flag(segment)).select(key)
        else:  # the whole file in one pass: every segment's flag, every partition's and ruleset's label
            names = list(checked.segments)
            labels = {name: label.value for name, label in checked.labels.items()}
            query = compiler.query(frame.lazy(), names, lazy_events, key, tuple(labels.values())).select(
                pl.col(key), *(compiler.flag(n) for n in names),
                *(compiler.expr(value).alias(name) for name, value in labels.items()))
        return _collect(query, self)

    def count(self, data, *, as_of: dt.date | dt.datetime | str | None = None, events: dict | None = None) -> dict[str, int]:
        """Members per segment, in file order. `events` as for `evaluate`."""
        frame, _kind, checked, key = self._table(data, as_of)
        return self._count_fitted(frame, checked, key, self._event_tables(events, checked, None))

    def _count_fitted(self, frame: pl.DataFrame, checked: CheckedProgram, key: str | None = None,
                      events: dict[str, pl.DataFrame] | None = None) -> dict[str, int]:
        from .vectorized import PolarsCompiler

        compiler = PolarsCompiler(checked.segments)
        if not checked.segments:
            return {}
        names = list(checked.segments)
        lazy_events = {name: table.lazy() for name, table in (events or {}).items()}
        query = compiler.query(frame.lazy(), names, lazy_events, key or checked.schema.key or frame.columns[0])
        counts = _collect(query.select(compiler.flag(n).sum() for n in names), self)
        return {name: int(counts.get_column(name)[0]) for name in checked.segments}

    def event_tables_read(self, segments: list[str] | None = None) -> list[str]:
        """The event tables the segments (default: all) read, directly or through segments they name."""
        checked = self.checked()
        names = ir.with_references(checked.segments, segments or list(checked.segments))
        used = {a.table for n in names for a in ir.aggregates(checked.segments[n].condition)}
        return [t for t in checked.schema.events if t in used]

    def require_events(self, given, segments: list[str] | None, how: str,
                       missing: str = "no such table was given") -> None:
        """E501 for the first event table the segments read that is not in `given`; `how` says how
        to pass it, with `{name}` for the table's name."""
        for name in self.event_tables_read(segments):
            if name not in given:
                raise SegdslError([error("E501", f"the segments read the events '{name}', but {missing}",
                                         help=how.format(name=name))], self.source)

    def _event_tables(self, events: dict | None, checked: CheckedProgram, segments: list[str] | None) -> dict:
        """Each event table the segments read, fitted to its declaration (E501 when one is missing)."""
        from .data import fit_events
        from .vectorized import to_polars

        events = dict(events or {})
        for name in events:
            if name not in checked.schema.events:
                raise SegdslError([error("E501", f"no event table '{name}' is declared",
                                         help=did_you_mean(name, checked.schema.events)
                                         or "declare it: events NAME of ENTITY by COLUMN at COLUMN { ... }")],
                                  self.source)
        self.require_events(events, segments, "pass it: evaluate(customers, events={{'{name}': {name}}})")
        tables = {}
        for name in self.event_tables_read(segments):
            table = checked.schema.events[name]
            frame, _kind = to_polars(events[name], list(table.fields))
            tables[name] = fit_events(frame, table, name)
        return tables

    @functools.cached_property
    def _used_columns(self) -> set[str]:
        """The fields some segment reads (the same for every as-of date)."""
        return {n.name for s in self.checked().segments.values() for n in ir.walk(s.condition) if isinstance(n, ir.Col)}

    def _table(self, data, as_of):
        from .data import prepare
        from .vectorized import to_polars

        checked = self.checked(as_of)
        frame, kind = to_polars(data, None if checked.schema.trusted else list(checked.schema.fields))
        if not frame.width:  # without an entity nothing says which column is the key
            raise SegdslError([error("E501", "the table has no columns")])
        frame = prepare(frame, checked.schema, used=self._used_columns)  # DataError (E501) names the column
        key = checked.schema.key or frame.columns[0]
        return frame, kind, checked, key

    # -- one record at a time
    def matches(self, segment: str, record) -> bool:
        """Is `record` (a mapping of field names to Python values) a member of `segment`?"""
        check = self._record_checks.get(segment)
        if check is None:
            if segment not in self.checked().segments:
                self.segment(segment)  # raises E202 with a did-you-mean
            self._record_program().refuse_ranking([segment])
            check = self._record_checks[segment] = self._record_program().is_true[segment]
        try:
            return check(record)
        except Exception as exc:  # noqa: BLE001 - the generated code is ours: the record's values failed it
            raise self._record_program().explain(record, exc) from None

    def segments_of(self, record) -> list[str]:
        """The names of every segment `record` is a member of, in file order."""
        return self._record_program().segments_of(record)

    def labels_of(self, record) -> dict:
        """The record's label of every partition and ruleset: its cell or rule, None for none."""
        return self._record_program().labels_of(record)

    def record_source(self) -> str:
        """The Python that `matches` and `segments_of` run, for inspection."""
        return self._record_program().source

    def _record_program(self):
        if self._compiled_records is None:
            from .record import RecordProgram

            self._compiled_records = RecordProgram(self.checked())
        return self._compiled_records

    def __repr__(self) -> str:
        return f"<segdsl.Program {self.source.name!r}: {len(self.segments)} segments>"


def loads(text: str, *, name: str = "<string>", as_of: dt.date | dt.datetime | str | None = None) -> Program:
    """Parse and check segment-file text; raise SegdslError with every diagnostic on any error."""
    source = Source(text, name)
    tree, diags = parse(source)
    checked = check(tree, normalise_as_of(as_of))
    all_diags = diags + checked.diagnostics
    if has_errors(all_diags):
        raise SegdslError(sorted(all_diags, key=_position), source)
    checked.diagnostics = all_diags
    return Program(source, tree, checked)


def load(path: str | Path, *, as_of: dt.date | dt.datetime | str | None = None) -> Program:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SegdslError([error("E901", f"no such file: {path}")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SegdslError([error("E901", f"cannot read {path}: {exc}")]) from None
    return loads(text, name=str(path), as_of=as_of)


def _collect(query: pl.LazyFrame, program: Program) -> pl.DataFrame:
    try:
        return query.collect()
    except Exception as exc:  # noqa: BLE001 - Polars errors, and Python ones from map_elements (round of a text)
        raise engine_failure(program, "polars could not evaluate the segments", exc) from None


def engine_failure(program: Program, what: str, exc: Exception) -> SegdslError:
    """E903: an engine refused to run what segdsl gave it; its first line of error text, no traceback."""
    help_text = "without an entity block, check that every name is a column of the data" if program.schema.trusted else None
    return SegdslError([error("E903", f"{what}: {first_line(exc)}", help=help_text)], program.source)


def _position(d: Diagnostic) -> tuple[int, int]:
    return (d.span.start if d.span else -1, 0 if d.is_error else 1)
