"""Partitions and rulesets: checked into labels (one text value per customer) and rule segments.

A partition labels each customer with its cell of a cross product of dimensions: the values of
an enum or bool, numeric or date bands with open ends, or listed values with `other` for the
rest, and `null` for a null value on any axis (`road/amateur/F`, `road/null/F`). With `min_size n`
cells with fewer than n customers fold into the cell `other`. A ruleset labels each customer with
the first rule whose condition is true (else the `else` label, or none), and each rule is also a
segment, `ruleset.rule`, of the customers it labels.
"""

from __future__ import annotations

import datetime as dt

from . import ast, ir
from .diagnostics import did_you_mean, error
from .typecheck import ExprChecker, _Invalid
from .types import STRING, with_article

NULL_CELL = "null"
OTHER_CELL = "other"
_NO_LABEL = ir.Lit(None, STRING)


def check_partition(node: ast.Partition, checker: ExprChecker) -> ir.LabelIR | None:
    axes, parts, failed = [], [], False
    for dim in node.dimensions:
        try:
            value, labels = _dimension(dim, checker)
            parts.append(value)
            axes.append(labels)
        except _Invalid:
            failed = True
    of = _of(node.of, checker)
    if node.min_size is not None and node.min_size < 1:
        checker.diags.append(error("E321", "min_size is a number of customers, at least 1", node.min_size_span))
        return None
    if failed or of is False:
        return None
    label = parts[0] if len(parts) == 1 else ir.Concat(tuple(_joined(parts)))
    label = _within(of, label)
    if node.min_size is not None:  # a cell smaller than min_size folds into 'other'
        label = ir.Case((ir.Cmp("<", ir.GroupSize(label), ir.Lit(node.min_size, ir.INT)),),
                        (ir.Lit(OTHER_CELL, STRING),), label)
    return ir.LabelIR(node.name, "partition", label, tuple(axes), of, node.name_span)


def check_ruleset(node: ast.Ruleset, checker: ExprChecker) -> tuple[ir.LabelIR, list[ir.SegmentIR]] | None:
    """The ruleset's label and a segment per rule (and for its `else`)."""
    of = _of(node.of, checker)
    conditions, failed, seen = [], False, {}
    for rule in node.rules:
        if rule.name in seen or rule.name == node.otherwise:
            checker.diags.append(error("E204", f"rule '{rule.name}' is defined twice in ruleset '{node.name}'",
                                       rule.name_span, help="give each rule a label of its own"))
            failed = True
        seen[rule.name] = rule
        condition = checker.condition(rule.condition)
        failed = failed or condition is None
        conditions.append(condition)
    if failed or of is False:
        return None
    scope = [] if of is None else [ir.IsTrue(ir.SegRef(of))]
    segments, earlier = [], []
    for rule, condition in zip(node.rules, conditions):
        # Two-valued: a rule whose condition is unknown does not match, and the next one is tried.
        items = (*scope, *earlier, ir.IsTrue(condition))
        segments.append(ir.SegmentIR(f"{node.name}.{rule.name}", _and(items), None, (), rule.name_span,
                                     None, "rule"))
        earlier.append(ir.Not(ir.IsTrue(condition)))
    if node.otherwise is not None:
        segments.append(ir.SegmentIR(f"{node.name}.{node.otherwise}", _and((*scope, *earlier)) if scope or earlier
                                     else ir.Lit(True, ir.BOOL), None, (), node.otherwise_span, None, "rule"))
    names = tuple(r.name for r in node.rules) + ((node.otherwise,) if node.otherwise else ())
    default = _NO_LABEL if node.otherwise is None else ir.Lit(node.otherwise, STRING)
    label = ir.Case(tuple(conditions), tuple(ir.Lit(r.name, STRING) for r in node.rules), default) if conditions else default
    return ir.LabelIR(node.name, "ruleset", _within(of, label), (names,), of, node.name_span), segments


def _and(items: tuple[ir.Expr, ...]) -> ir.Expr:
    return items[0] if len(items) == 1 else ir.And(items)


def _of(path: ast.Path | None, checker: ExprChecker):
    """The segment a partition or ruleset labels within: its name, None for everyone, False after an error."""
    if path is None:
        return None
    if path.name not in checker.segments:
        checker.diags.append(error("E202", f"unknown segment '{path.name}'", path.span,
                                   help=did_you_mean(path.name, checker.segments) or "'of' names the segment whose "
                                                                                     "members are labelled"))
        return False
    try:
        ref = checker.expr(ast.Name.build(kind="name", span=path.span, name=path.name))
    except _Invalid:
        return False
    if not isinstance(ref, ir.SegRef):
        checker.diags.append(error("E202", f"'{path.name}' is not a segment", path.span,
                                   help="'of' names the segment whose members are labelled"))
        return False
    return ref.name


def _within(of: str | None, label: ir.Expr) -> ir.Expr:
    if of is None:
        return label
    return ir.Case((ir.Not(ir.IsTrue(ir.SegRef(of))),), (_NO_LABEL,), label)


def _joined(parts: list[ir.Expr]):
    for i, part in enumerate(parts):
        if i:
            yield ir.Lit("/", STRING)
        yield part


def _dimension(dim: ast.Dimension, checker: ExprChecker) -> tuple[ir.Expr, tuple[str, ...]]:
    """A dimension's label expression (never null) and its labels, in order."""
    value = checker.expr(dim.expr)
    kind = value.type.kind
    what = checker._describe(dim.expr)
    if dim.kind == "values":
        if kind == "enum":
            return _listed(value, [ir.Lit(v, STRING) for v in value.type.values], list(value.type.values), other=False)
        if kind == "bool":
            labels = ("true", "false", NULL_CELL)
            return ir.Case((ir.IsTrue(value), ir.Not(value)), (ir.Lit("true", STRING), ir.Lit("false", STRING)),
                           ir.Lit(NULL_CELL, STRING)), labels
        help_text = (f"cut it into bands: {_source_text(dim)} bands [...]" if value.type.is_numeric or value.type.is_temporal
                     else f'list the values that get a cell of their own: {_source_text(dim)} in ["...", "..."]')
        raise checker.fail("E321", f"a partition cannot take every value of {what} ({value.type}) as a cell",
                           dim.span, help=help_text)
    items = checker._all(dim.items.items)
    if not items:
        raise checker.fail("E312", "an empty list gives no cells", dim.items.span)
    for item, item_node in zip(items, dim.items.items):
        if not isinstance(item, ir.Lit) or item.value is None:
            raise checker.fail("E321", "a partition's values and bands are constants", item_node.span)
    if dim.kind == "list":
        for item, item_node in zip(items, dim.items.items):
            checker._check_comparable(value, item, dim.expr, item_node, "in")
        labels = [_text(item.value) for item in items]
        if len(set(labels)) != len(labels):
            raise checker.fail("E321", "a value is listed twice", dim.items.span)
        return _listed(value, items, labels, other=True)
    if not (value.type.is_numeric or value.type.is_temporal):
        raise checker.fail("E321", f"bands cut numbers, dates or timestamps, but {what} is {with_article(value.type)}",
                           dim.expr.span, help=f"list its values instead: {_source_text(dim)} in [...]")
    for item, item_node in zip(items, dim.items.items):
        checker._check_comparable(value, item, dim.expr, item_node, "<")
    bounds = [item.value for item in items]
    if any(b >= c for b, c in zip(bounds, bounds[1:])):
        raise checker.fail("E321", "bands must go up: each bound greater than the one before", dim.items.span)
    labels = _band_labels(bounds, whole=value.type.kind == "int" and all(isinstance(b, int) for b in bounds))
    conditions = [ir.IsNull(value, False)] + [ir.Cmp("<", value, item) for item in items]
    return ir.Case(tuple(conditions), tuple(ir.Lit(t, STRING) for t in (NULL_CELL, *labels[:-1])),
                   ir.Lit(labels[-1], STRING)), (*labels, NULL_CELL)


def _listed(value: ir.Expr, items: list[ir.Expr], labels: list[str], other: bool):
    """Each listed value is its own cell (compared exactly, as ==), null is `null`, the rest `other`."""
    conditions = [ir.IsNull(value, False)] + [ir.Cmp("==", value, item) for item in items]
    values = [ir.Lit(NULL_CELL, STRING)] + [ir.Lit(t, STRING) for t in labels]
    return ir.Case(tuple(conditions), tuple(values), ir.Lit(OTHER_CELL, STRING)), (
        *labels, *((OTHER_CELL,) if other else ()), NULL_CELL)


def _band_labels(bounds: list, whole: bool) -> list[str]:
    """`<18`, `18-24`, `25+` for whole numbers; `<0.5`, `0.5..<2`, `>=2` for the rest."""
    text = [_text(b) for b in bounds]
    labels = [f"<{text[0]}"]
    for i in range(len(bounds) - 1):
        if whole:
            last = bounds[i + 1] - 1
            labels.append(text[i] if last == bounds[i] else f"{text[i]}-{last}")
        else:
            labels.append(f"{text[i]}..<{text[i + 1]}")
    labels.append(f"{text[-1]}+" if whole else f">={text[-1]}")
    return labels


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, str)):
        return str(value)
    return repr(value) if isinstance(value, float) else str(value)


def _source_text(dim: ast.Dimension) -> str:
    return dim.expr.name if isinstance(dim.expr, ast.Name) else "x"
