"""SQL backend: the members query of one segment and the flags query of many, for any sqlglot dialect."""

from __future__ import annotations

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import SqlglotError

from .. import ir
from ..checker import CheckedProgram
from ..diagnostics import Diagnostic, error
from ..types import BOOL
from . import DEFAULT_DIALECT, identifiers  # noqa: F401 - DEFAULT_DIALECT: imported from here too
from .dialects import lowering_for
from .events import EventJoins, join_events
from .lowering import Unsupported


def is_dialect(name: str) -> bool:
    """Without importing every dialect module, as listing them all would."""
    try:
        Dialect.get_or_raise(name)
    except ValueError:
        return False
    return bool(name)


def dialect_names() -> list[str]:
    return sorted(name for name in Dialect.classes if name)


def _refusal(construct: str, dialect: str, segment, help: str | None, kind: str = "segment") -> Diagnostic:
    return error("E401", f"{kind} '{segment.name}' uses {construct}, which segdsl cannot compile for {dialect}",
                 segment.span, help=help)


def build_queries(checked: CheckedProgram, dialect: str, table: str, key: str,
                  segment: str | None, counts: bool = False) -> tuple[exp.Select | None, list[Diagnostic]]:
    """The sqlglot expression of one query shape.

    members (`segment` given): the key of each member; flags: the key, one true/false column per
    segment and one text column per partition and ruleset (the whole file in one statement);
    counts (`counts=True`): one row, one member count per segment (or of `segment` alone).
    """
    lowering = lowering_for(dialect, checked.segments)
    key_type = checked.schema.fields.get(key)
    lowering.events = EventJoins(lowering, set(checked.schema.fields), key_type is not None and key_type.is_text)
    names = [segment] if segment else list(checked.segments)
    labels = {} if segment or counts else checked.labels
    ranked = any(ir.ranks_through(checked.segments, e) for e in [*map(ir.SegRef, names), *(lb.value for lb in labels.values())])
    # A quantile or a cell's size is a window function, which SQL allows only in SELECT: with one,
    # every shape is picked from the flags of a ranking subquery (_pick), not written into WHERE or SUM.
    shape = lowering.flag if ranked else lowering.tally if counts else lowering.predicate if segment else lowering.flag
    diags: list[Diagnostic] = []
    lowered, valued = {}, {}
    for name in names:
        cond = checked.segments[name].condition
        try:
            lowered[name] = shape(cond)
        except Unsupported as exc:
            diags.append(_refusal(exc.construct, dialect, checked.segments[name], exc.help))
    for name, label in labels.items():
        try:
            valued[name] = lowering.lower(label.value)
        except Unsupported as exc:
            diags.append(_refusal(exc.construct, dialect, label, exc.help, label.kind))
    if diags:
        return None, diags
    key_col = identifiers.column(key, dialect)
    if ranked:
        flags = {name: lowering.events.name(("flag", name), f"f{i}") for i, name in enumerate(lowered)}
        values = {name: lowering.events.name(("label", name), f"l{i}") for i, name in enumerate(valued)}
        query = exp.select(key_col, *(exp.alias_(flag, identifiers.identifier(flags[name], dialect), copy=False)
                                      for name, flag in lowered.items()),
                           *(exp.alias_(value, identifiers.identifier(values[name], dialect), copy=False)
                             for name, value in valued.items()), copy=False)
        return _pick(lowering, _source(query, table, key, lowering), key, flags, values, segment, counts), []
    if counts:
        query = exp.select(*(exp.alias_(n, identifiers.identifier(name, dialect), copy=False)
                             for name, n in lowered.items()), copy=False)
    elif segment:
        query = exp.select(key_col).where(lowered[segment], copy=False)
    else:
        columns = [exp.alias_(flag, identifiers.identifier(name, dialect), copy=False) for name, flag in lowered.items()]
        columns += [exp.alias_(value, identifiers.identifier(name, dialect), copy=False) for name, value in valued.items()]
        query = exp.select(key_col, *columns, copy=False)
    return _source(query, table, key, lowering), []


def _source(query: exp.Select, table: str, key: str, lowering) -> exp.Select:
    """`query` reading the entity table, with the event subqueries joined when it reads any."""
    source = identifiers.table(table, lowering.dialect)
    if lowering.events.joins():
        return join_events(query, source, key, lowering.events)
    return query.from_(source, copy=False)


def _pick(lowering, ranking: exp.Select, key: str, flags: dict[str, str], values: dict[str, str],
          segment: str | None, counts: bool) -> exp.Select:
    """A query shape over the flags that `ranking` computes (named `flags[segment]`) for every row."""
    dialect = lowering.dialect
    alias = identifiers.identifier(lowering.events.name("ranked", "ranked"), dialect)
    source = exp.alias_(exp.Subquery(this=ranking), alias, table=True, copy=False)
    flag = {name: ir.Col(column, BOOL) for name, column in flags.items()}
    if counts:
        query = exp.select(*(exp.alias_(lowering.tally(f), identifiers.identifier(name, dialect), copy=False)
                             for name, f in flag.items()), copy=False)
    elif segment:
        query = exp.select(identifiers.column(key, dialect)).where(lowering.predicate(flag[segment]), copy=False)
    else:
        query = exp.select(identifiers.column(key, dialect),
                           *(exp.alias_(lowering.lower(f), identifiers.identifier(name, dialect), copy=False)
                             for name, f in flag.items()),
                           *(exp.alias_(identifiers.column(column, dialect), identifiers.identifier(name, dialect), copy=False)
                             for name, column in values.items()), copy=False)
    return query.from_(source, copy=False)


def to_sql_text(query: exp.Select, dialect: str, pretty: bool = True) -> tuple[str | None, list[Diagnostic]]:
    try:
        return query.sql(dialect=dialect, pretty=pretty, unsupported_level="raise", copy=False), []
    except SqlglotError as exc:
        return None, [error("E402", f"sqlglot cannot write this query for {dialect}: {exc}",
                            help="pick another dialect, or report it with the segment file")]
