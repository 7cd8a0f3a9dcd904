"""Expression checking: AST expression -> typed IR, reporting names and types in plain words."""

from __future__ import annotations

import datetime as dt

from . import ast, ir
from .diagnostics import Diagnostic, did_you_mean, error
from .regex import RegexProblem, parse_regex
from .schema import Schema
from .source import Span
from .timeutil import parse_date, parse_timestamp, shift
from .types import ANY, BOOL, DATE, DURATION, FLOAT, INT, NULL, STRING, TIMESTAMP, common, comparable
from .types import with_article as _a

FUNCTIONS = {  # name -> (min args, max args or None for no limit)
    "lower": (1, 1), "upper": (1, 1), "length": (1, 1), "abs": (1, 1), "round": (1, 2),
    "coalesce": (2, None), "today": (0, 0), "now": (0, 0), "date": (1, 1), "timestamp": (1, 1),
    "days_since": (1, 1),
}
_ORDERING = {"<", "<=", ">", ">="}


class _Invalid(Exception):
    """An error already reported; stops checking the enclosing expression (no cascades)."""


class ExprChecker:
    def __init__(self, schema: Schema, segments: set[str], as_of: dt.datetime, diagnostics: list[Diagnostic],
                 labels: dict[str, str] | None = None):
        self.schema = schema
        self.segments = segments
        self.labels = labels or {}  # partition/ruleset name -> "partition" or "ruleset": not conditions
        self.as_of = as_of
        self.diags = diagnostics

    # -- entry points
    def condition(self, node: ast.Expr) -> ir.Expr | None:
        try:
            e = self.expr(node)
            self._need_bool(e, node, "a segment's condition")
            return e
        except _Invalid:
            return None

    def fail(self, code: str, message: str, span: Span, help: str | None = None) -> _Invalid:
        self.diags.append(error(code, message, span, help))
        return _Invalid()

    def _need_bool(self, e: ir.Expr, node, what: str) -> None:
        if e.type.kind not in ("bool", "any", "null"):
            raise self.fail("E305", f"{what} must be true or false, but this is {_a(e.type)}", node.span,
                            help="compare it with something, e.g. 'age >= 18'")

    def _describe(self, node) -> str:
        if isinstance(node, ast.Name):
            return f"'{node.name}'"
        if isinstance(node, ast.StringLit):
            return f'"{node.value}"'
        if isinstance(node, ast.NumberLit):
            return node.text
        return "this"

    # -- dispatch
    def expr(self, node) -> ir.Expr:
        method = getattr(self, "_" + node.kind)
        return method(node)

    def _name(self, node: ast.Name) -> ir.Expr:
        name = node.name
        if name in self.schema.fields:
            return ir.Col(name, self.schema.fields[name])
        if name in self.segments:
            return ir.SegRef(name)
        if name in self.labels:
            kind = self.labels[name]
            rules = sorted(s for s in self.segments if s.startswith(name + "."))
            raise self.fail("E218", f"'{name}' is a {kind}: it gives each customer a label, not true or false",
                            node.span, help=(f"name one of its rules: {', '.join(rules)}" if rules else
                                             "a partition's cells cannot be named in a condition; define a segment"))
        if name in self.schema.events:
            raise self.fail("E217", f"'{name}' is a table of events, not one value per customer", node.span,
                            help=f"aggregate it: count({name}), count({name} where ... in last 90 days)")
        if "." in name:  # only a child segment has a dotted name
            raise self.fail("E202", f"unknown segment '{name}'", node.span,
                            help=did_you_mean(name, self.segments) or "a child segment is named parent.child")
        if self.schema.trusted:
            return ir.Col(name, ANY)
        field_hint = did_you_mean(name, self.schema.fields)
        segment_hint = did_you_mean(name, self.segments)
        if segment_hint and not field_hint:
            raise self.fail("E202", f"unknown segment '{name}'", node.span, help=segment_hint)
        raise self.fail("E201", f"unknown field '{name}'", node.span,
                        help=field_hint or f"the fields of '{self.schema.name}' are: " + ", ".join(self.schema.fields))

    def _number(self, node: ast.NumberLit) -> ir.Expr:
        return ir.Lit(node.value, INT if isinstance(node.value, int) else FLOAT)

    def _string(self, node: ast.StringLit) -> ir.Expr:
        return ir.Lit(node.value, STRING)

    def _bool(self, node: ast.BoolLit) -> ir.Expr:
        return ir.Lit(node.value, BOOL)

    def _null(self, node: ast.NullLit) -> ir.Expr:
        return ir.Lit(None, NULL)

    def _duration(self, node: ast.Duration) -> ir.Expr:
        return ir.Lit((node.amount, node.unit), DURATION)

    def _and(self, node: ast.BoolOp) -> ir.Expr:
        return ir.And(self._logic_operands(node))

    def _or(self, node: ast.BoolOp) -> ir.Expr:
        return ir.Or(self._logic_operands(node))

    def _logic_operands(self, node: ast.BoolOp) -> tuple[ir.Expr, ...]:
        return self._conditions(node.operands, f"each side of '{node.kind}'")

    def _conditions(self, nodes, what: str) -> tuple[ir.Expr, ...]:
        items, failed = [], False
        for operand in nodes:  # check every operand, so all mistakes are reported
            try:
                e = self.expr(operand)
                self._need_bool(e, operand, what)
                items.append(e)
            except _Invalid:
                failed = True
        if failed:
            raise _Invalid()
        return tuple(items)

    def _at_least(self, node: ast.AtLeast) -> ir.Expr:
        return ir.AtLeast(node.count, self._counted(node))

    def _at_most(self, node: ast.AtLeast) -> ir.Expr:
        return ir.Not(ir.AtLeast(node.count + 1, self._counted(node)))

    def _counted(self, node: ast.AtLeast) -> tuple[ir.Expr, ...]:
        words = node.kind.replace("_", " ")
        items = self._conditions(node.items, f"each condition of '{words}'")
        if node.count > len(items):
            raise self.fail("E319", f"'{words} {node.count} of' has only {len(items)} "
                            f"condition{'s' if len(items) != 1 else ''}", node.count_span,
                            help=f"the count goes from 0 to {len(items)}")
        return items

    def _set_op(self, node: ast.SetOp) -> ir.Expr:
        left, right = self._conditions([node.left, node.right], f"each side of '{node.op}'")
        # On members: a row where a side is unknown is not among that side's members.
        a, b = ir.IsTrue(left), ir.IsTrue(right)
        if node.op == "union":
            return ir.Or((a, b))
        if node.op == "intersect":
            return ir.And((a, b))
        return ir.And((a, ir.Not(b)))

    def _not(self, node: ast.Not) -> ir.Expr:
        e = self.expr(node.operand)
        self._need_bool(e, node.operand, "what follows 'not'")
        return ir.Not(e)

    # -- comparisons
    def _compare(self, node: ast.Compare) -> ir.Expr:
        left, right = self._pair(node.left, node.right)
        self._check_comparable(left, right, node.left, node.right, node.op)
        return ir.Cmp(node.op, left, right)

    def _pair(self, a, b) -> tuple[ir.Expr, ir.Expr]:
        left, right = self._all([a, b])
        return left, right

    def _all(self, nodes) -> list[ir.Expr]:
        """Check every node even after one fails, so all mistakes are reported in one run."""
        results, failed = [], False
        for n in nodes:
            try:
                results.append(self.expr(n))
            except _Invalid:
                failed = True
        if failed:
            raise _Invalid()
        return results

    def _check_comparable(self, left: ir.Expr, right: ir.Expr, lnode, rnode, op: str) -> None:
        lt, rt = left.type, right.type
        if lt.kind == "duration" or rt.kind == "duration":
            bad = lnode if lt.kind == "duration" else rnode
            raise self.fail("E314", "a duration on its own is not a value", bad.span,
                            help="add it to or subtract it from a date: 'signup_date >= today() - 30 days'")
        if not comparable(lt, rt):
            help_text = None
            if lt.is_temporal and rt.is_temporal:
                help_text = "compare a date with date(\"YYYY-MM-DD\") and a timestamp with timestamp(\"YYYY-MM-DDTHH:MM:SS\")"
            elif lt.is_numeric and rt.is_text or lt.is_text and rt.is_numeric:
                help_text = "numbers are written without quotes and strings with them"
            elif lt.is_temporal and rt.is_text or lt.is_text and rt.is_temporal:
                kind = lt.kind if lt.is_temporal else rt.kind
                text = next((n.value for n in (lnode, rnode) if isinstance(n, ast.StringLit)), None)
                example = text if text else ("2024-06-01" if kind == "date" else "2024-06-01T08:30:00")
                help_text = f'write a {kind} as {kind}("{example}")'
            raise self.fail("E301", f"cannot compare {self._describe(lnode)} ({lt}) with {self._describe(rnode)} ({rt})",
                            rnode.span if not lt.is_unknown else lnode.span, help=help_text)
        if lt.kind == "null" or rt.kind == "null":
            null_node = rnode if rt.kind == "null" else lnode
            if op == "in":
                raise self.fail("E315", "null in a list never matches: a comparison with null is unknown",
                                null_node.span, help="drop null from the list and add 'or x is null' / 'and x is not null'")
            if op in ("==", "!="):
                raise self.fail("E315", f"'{op} null' is never true: a comparison with null is unknown",
                                null_node.span, help=f"write '{'is null' if op == '==' else 'is not null'}'")
            raise self.fail("E315", f"'{op}' with null is never true: a comparison with null is unknown",
                            null_node.span, help="compare with a value, or test 'is null' separately")
        if op in _ORDERING:
            for t, n in ((lt, lnode), (rt, rnode)):
                if t.kind == "enum":
                    picked = _enum_range(t.values, op, lnode, rnode, n)
                    values = ", ".join(f'"{v}"' for v in picked)
                    field = n.name if isinstance(n, ast.Name) else "x"
                    help_text = (f"list the values you mean: '{field} in [{values}]'" if picked
                                 else "no declared value comes before or after it in that direction")
                    raise self.fail("E313", f"'{op}' needs ordered values, but {self._describe(n)} is an enum", n.span,
                                    help=help_text)
                if t.kind == "bool":
                    raise self.fail("E313", f"'{op}' needs ordered values, but {self._describe(n)} is a bool", n.span)
        self._check_enum_value(left, right, rnode)
        self._check_enum_value(right, left, lnode)

    def _check_enum_value(self, side: ir.Expr, other: ir.Expr, other_node) -> None:
        if side.type.kind == "enum" and isinstance(other, ir.Lit) and isinstance(other.value, str):
            if other.value not in side.type.values:
                name = side.name if isinstance(side, ir.Col) else "this value"
                hint = did_you_mean(other.value, side.type.values, quote='"')
                raise self.fail("E302", f'"{other.value}" is not a value of {name}', other_node.span,
                                help=hint or f"the values of {name} are: " + ", ".join(f'"{v}"' for v in side.type.values))

    def _in(self, node: ast.InList) -> ir.Expr:
        operand = self.expr(node.operand)
        if not node.items.items:
            raise self.fail("E312", "an empty list matches nothing", node.items.span,
                            help="list at least one value, or remove the condition")
        items, failed = [], False
        for item_node in node.items.items:
            try:
                item = self.expr(item_node)
                self._check_comparable(operand, item, node.operand, item_node, "in")
                items.append(item)
            except _Invalid:
                failed = True
        if failed:
            raise _Invalid()
        return ir.InList(operand, tuple(items), node.negated)

    def _between(self, node: ast.Between) -> ir.Expr:
        operand = self.expr(node.operand)
        low, high = self._pair(node.low, node.high)
        if operand.type.kind in ("enum", "bool"):
            help_text = None
            if operand.type.kind == "enum":
                values = list(operand.type.values)
                ends = [e.value for e in (low, high) if isinstance(e, ir.Lit) and e.value in values]
                picked = values[values.index(ends[0]):values.index(ends[1]) + 1] if len(ends) == 2 else []
                field = node.operand.name if isinstance(node.operand, ast.Name) else "x"
                help_text = (f"list the values you mean: '{field} in [" + ", ".join(f'"{v}"' for v in picked) + "]'"
                             if picked else "list the values you mean with 'in [...]'")
            raise self.fail("E313", f"'between' needs ordered values, but {self._describe(node.operand)} is "
                            f"{_a(operand.type)}", node.operand.span, help=help_text)
        self._check_comparable(operand, low, node.operand, node.low, "<=")
        self._check_comparable(operand, high, node.operand, node.high, "<=")
        return ir.Between(operand, low, high, node.negated)

    def _is_null(self, node: ast.IsNull) -> ir.Expr:
        operand = self.expr(node.operand)
        return ir.IsNull(operand, node.negated)

    def _string_op(self, node: ast.StringOp) -> ir.Expr:
        operand = self.expr(node.operand)
        if not (operand.type.is_text or operand.type.is_unknown):
            raise self.fail("E303", f"'{node.op}' works on text, but {self._describe(node.operand)} is {_a(operand.type)}",
                            node.operand.span)
        if not isinstance(node.pattern, ast.StringLit):
            raise self.fail("E311", f"'{node.op}' needs a string literal on its right", node.pattern.span,
                            help=f'write the text in quotes: {node.op} "..."')
        text = node.pattern.value
        if node.op in ("matches", "imatches"):
            try:
                pattern = parse_regex(text)
            except RegexProblem as exc:
                raise self.fail("E309" if exc.portable else "E310", exc.message, node.pattern.span, help=exc.help)
            return ir.Regex(operand, pattern, node.op == "imatches")
        if text == "":  # every text contains, starts and ends with ""
            return ir.IsNull(operand, negated=True)
        return ir.StrTest(node.op, operand, text)

    # -- arithmetic
    def _binary(self, node: ast.Binary) -> ir.Expr:
        left, right = self._pair(node.left, node.right)
        lt, rt = left.type, right.type
        if node.op in "+-" and lt.is_temporal and rt.kind == "duration" or node.op == "+" and lt.kind == "duration" and rt.is_temporal:
            base, dur = (left, right) if lt.is_temporal else (right, left)
            amount, unit = dur.value
            return self._shift(base, amount if node.op == "+" else -amount, unit, node)
        for t, n in ((lt, node.left), (rt, node.right)):
            if not (t.is_numeric or t.is_unknown):
                help_text = ("add a duration to a date: 'signup_date + 30 days'" if t.is_temporal else
                             "there is no text concatenation in version 1" if t.is_text else None)
                raise self.fail("E306", f"'{node.op}' needs numbers, but {self._describe(n)} is {_a(t)}", n.span, help=help_text)
        if node.op == "/":
            type_ = FLOAT
        elif lt.is_unknown or rt.is_unknown:
            type_ = ANY if ANY in (lt, rt) else (rt if lt.is_unknown else lt)
        else:
            type_ = INT if lt == INT and rt == INT else FLOAT
        return ir.Arith(node.op, left, right, type_)

    def _shift(self, base: ir.Expr, amount: int, unit: str, node) -> ir.Expr:
        if isinstance(base, ir.Lit) and base.value is not None:
            try:
                return ir.Lit(shift(base.value, amount, unit), base.type)
            except OverflowError:
                raise self.fail("E307", "this date arithmetic leaves the calendar (years 1 to 9999)", node.span)
        return ir.DateShift(base, amount, unit, base.type)

    def _neg(self, node: ast.Neg) -> ir.Expr:
        e = self.expr(node.operand)
        if not (e.type.is_numeric or e.type.is_unknown):
            raise self.fail("E306", f"'-' needs a number, but {self._describe(node.operand)} is {_a(e.type)}", node.operand.span)
        if isinstance(e, ir.Lit) and isinstance(e.value, (int, float)):
            return ir.Lit(-e.value, e.type)
        return ir.Neg(e, e.type)

    # -- events: only an aggregate reads them (segdsl/eventcheck.py)
    def _attr(self, node: ast.Attr) -> ir.Expr:
        table = self.schema.events.get(node.table)
        dotted = ast.Name.build(kind="name", span=node.span, name=f"{node.table}.{node.field}")
        if table is None and node.table in self.labels and dotted.name not in self.segments:
            return self._name(ast.Name.build(kind="name", span=node.table_span, name=node.table))  # E218
        if table is None and (dotted.name in self.segments or node.table in self.segments):
            return self._name(dotted)  # a child segment, or E202 with the names it may have meant
        if table is None:
            hint = did_you_mean(node.table, self.schema.events)
            raise self.fail("E216", f"'{node.table}' is not an event table", node.table_span,
                            help=hint or "'table.field' names a field of an event table, inside an aggregate")
        raise self.fail("E217", f"'{node.table}.{node.field}' is one value per event, not per customer", node.span,
                        help=f"aggregate it: sum({node.table}.{node.field}), last({node.table}.{node.field}) ...")

    def _events_arg(self, node: ast.EventsArg) -> ir.Expr:
        what = "'where'" if node.where is not None else "a time window"
        raise self.fail("E316", f"{what} only goes inside an aggregate, after its event table", node.span,
                        help="for example count(orders where discounted in last 90 days)")

    # -- functions
    def _call(self, node: ast.Call) -> ir.Expr:
        name = node.name
        from .eventcheck import AGGREGATES, check_aggregate  # both build on this module
        from .quantilecheck import QUANTILES, check_quantile

        if name in AGGREGATES:
            return check_aggregate(self, node)
        if name in QUANTILES:
            return check_quantile(self, node)
        if name not in FUNCTIONS:
            if name in self.schema.fields or name in self.segments:
                raise self.fail("E203", f"'{name}' is not a function", node.name_span, help=f"write '{name}' without parentheses")
            raise self.fail("E203", f"unknown function '{name}'", node.name_span,
                            help=did_you_mean(name, [*FUNCTIONS, *AGGREGATES, *QUANTILES])
                            or "functions are " + ", ".join(FUNCTIONS) + "; aggregates are " + ", ".join(AGGREGATES)
                            + "; quantiles are " + ", ".join(QUANTILES))
        low, high = FUNCTIONS[name]
        if not low <= len(node.args) <= (high if high is not None else len(node.args)):
            want = (f"at least {low}" if high is None else f"{low}" if low == high
                    else f"{low} or {high}" if high - low == 1 else f"{low} to {high}")
            raise self.fail("E304", f"{name}() takes {want} argument{'s' if high != 1 else ''}, but got {len(node.args)}",
                            node.span)
        if name in ("today", "now"):
            return ir.Lit(self.as_of.date(), DATE) if name == "today" else ir.Lit(self.as_of, TIMESTAMP)
        if name in ("date", "timestamp"):
            return self._temporal_literal(name, node.args[0])
        return getattr(self, "_fn_" + name)(node, self._all(node.args))

    def _temporal_literal(self, name: str, arg) -> ir.Expr:
        if not isinstance(arg, ast.StringLit):
            raise self.fail("E311", f"{name}() takes a string literal", arg.span,
                            help=f'{name}("2024-06-01")' if name == "date" else f'{name}("2024-06-01T08:30:00")')
        text = arg.value
        try:
            if name == "date":
                return ir.Lit(parse_date(text), DATE)
            return ir.Lit(parse_timestamp(text), TIMESTAMP)
        except ValueError:
            want = "YYYY-MM-DD" if name == "date" else "YYYY-MM-DDTHH:MM:SS"
            raise self.fail("E307" if name == "date" else "E308", f'"{text}" is not a valid {name}', arg.span,
                            help=f"write it as {want}, a real calendar {name}")

    def _arg(self, node: ast.Call, index: int, arg: ir.Expr, ok: bool, want: str) -> None:
        if not (ok or arg.type.is_unknown):
            raise self.fail("E303", f"{node.name}() needs {want}, but its argument is {_a(arg.type)}", node.args[index].span)

    def _fn_lower(self, node, args):
        self._arg(node, 0, args[0], args[0].type.is_text, "text")
        return ir.Func(node.name, tuple(args), STRING)

    _fn_upper = _fn_lower

    def _fn_length(self, node, args):
        self._arg(node, 0, args[0], args[0].type.is_text, "text")
        return ir.Func("length", tuple(args), INT)

    def _fn_abs(self, node, args):
        self._arg(node, 0, args[0], args[0].type.is_numeric, "a number")
        return ir.Func("abs", tuple(args), args[0].type)

    def _fn_round(self, node, args):
        self._arg(node, 0, args[0], args[0].type.is_numeric, "a number")
        if len(args) == 2 and not (isinstance(args[1], ir.Lit) and args[1].type == INT and 0 <= args[1].value <= 12):
            raise self.fail("E303", "round()'s second argument is a whole number of digits from 0 to 12",
                            node.args[1].span, help="round(lifetime_value, 2)")
        type_ = INT if args[0].type == INT and len(args) == 1 else (FLOAT if not args[0].type.is_unknown else ANY)
        return ir.Func("round", tuple(args), type_)

    def _fn_coalesce(self, node, args):
        type_ = args[0].type
        for i, a in enumerate(args[1:], start=1):
            if not comparable(type_, a.type):
                raise self.fail("E303", f"coalesce() mixes {type_} and {a.type}", node.args[i].span,
                                help="give coalesce() values of one type")
            type_ = common(type_, a.type)
        return ir.Func("coalesce", tuple(args), type_)

    def _fn_days_since(self, node, args):
        self._arg(node, 0, args[0], args[0].type.is_temporal, "a date or timestamp")
        if isinstance(args[0], ir.Lit):
            value = args[0].value
            if value is None:
                return ir.Lit(None, INT)
            day = value.date() if isinstance(value, dt.datetime) else value
            return ir.Lit((self.as_of.date() - day).days, INT)
        return ir.DaysSince(args[0], self.as_of.date(), INT)


def _enum_range(values: tuple[str, ...], op: str, lnode, rnode, enum_node) -> tuple[str, ...]:
    """For `level > "amateur"`, the declared values the user probably means: those after it."""
    other = rnode if enum_node is lnode else lnode
    if isinstance(other, ast.StringLit) and other.value in values:
        i = values.index(other.value)
        if enum_node is rnode:  # "amateur" < level reads as level > "amateur"
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}[op]
        return {">": values[i + 1:], ">=": values[i:], "<": values[:i], "<=": values[:i + 1]}[op]
    return values[:2]
