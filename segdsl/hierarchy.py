"""Segment hierarchies: nested segments flattened to dotted names, and holdouts and splits.

A child's condition is its own ANDed with its parent's (`cyclists.road` is a cyclist whose sport
is road). A holdout takes a share of a segment's members out into `name.holdout`; a split cuts
them into arms `name.a`, `name.b`, ... Both pick customers by `ir.Bucket`, a hash of the key and
a salt, so every engine and Python pick the same ones (docs/semantics.md, "Holdouts and splits").
"""

from __future__ import annotations

from dataclasses import dataclass

from . import ast, ir
from .diagnostics import Diagnostic, error
from .schema import Schema
from .types import INT

BUCKETS = 10_000  # a share is a whole number of hundredths of a percent
ARMS = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class Declared:
    """A segment of the file before its condition is checked: written, or made by a holdout or split."""

    name: str  # full, dotted
    node: ast.Segment  # the segment as written (for a holdout or arm: the segment that made it)
    parent: str | None
    origin: str  # segment holdout split
    arm: int = 0  # a split arm's position


def flatten(segments: list[ast.Segment]) -> list[Declared]:
    """Every segment, children right after their parent, with the segments holdouts and splits make."""
    out: list[Declared] = []

    def visit(node: ast.Segment, prefix: str, parent: str | None) -> None:
        name = prefix + node.name
        out.append(Declared(name, node, parent, "segment"))
        if node.sample is not None and node.sample.kind == "holdout":
            # not a part of `name` (whose members are the rest): a sibling, under the same parent
            out.append(Declared(name + ".holdout", node, parent, "holdout"))
        elif node.sample is not None:
            out.extend(Declared(f"{name}.{letter}", node, name, "split", i)
                       for i, letter in enumerate(ARMS[:len(node.sample.shares)]))
        for child in node.children:
            visit(child, name + ".", name)

    for segment in segments:
        visit(segment, "", None)
    return out


def check_sample(sample: ast.Sample, schema: Schema, diags: list[Diagnostic]) -> list[int] | None:
    """The bucket bounds of a holdout or split (cumulative, in hundredths of a percent), or None after an error."""
    def fail(message: str, help: str | None = None) -> None:
        diags.append(error("E320", message, sample.shares_span, help=help))

    if sample.salt == "":
        fail("an empty salt", help="give a salt of your own, or leave 'salt' out to use the segment's name")
        return None
    if schema.trusted or schema.key is None:
        fail(f"a {sample.kind} picks customers by their key, and without an entity block there is none",
             help="declare the entity with its key field")
        return None
    if schema.fields[schema.key].kind not in ("int", "string"):
        fail(f"a {sample.kind} needs an int or string key")
        return None
    bounds, total = [], 0
    for share in sample.shares:
        hundredths = round(share * 100)
        if abs(share * 100 - hundredths) > 1e-6 or hundredths <= 0 or hundredths >= BUCKETS:
            fail(f"{share:g}% is not a share segdsl can take",
                 help="a share is more than 0% and less than 100%, in steps of 0.01%")
            return None
        total += hundredths
        bounds.append(total)
    if sample.kind == "split":
        if len(sample.shares) > len(ARMS):
            fail(f"a split has at most {len(ARMS)} arms")
            return None
        if total != BUCKETS:
            fail(f"the arms of a split add up to {total / 100:g}%, not 100%",
                 help="give every member an arm: split 50/50, split 20/30/50")
            return None
    return bounds


def sampled(decl: Declared, base: ir.Expr, bounds: list[int], schema: Schema) -> ir.Expr:
    """The condition of a segment with a holdout or split, or of the holdout or an arm it makes.

    `base` is the segment's condition as written (with its parent's)."""
    sample = decl.node.sample
    bucket = ir.Bucket(ir.Col(schema.key, schema.fields[schema.key]), sample.salt or _full_name(decl))
    if sample.kind == "holdout":
        if decl.origin == "holdout":
            return ir.And((base, ir.Cmp("<", bucket, ir.Lit(bounds[0], INT))))
        return ir.And((base, ir.Cmp(">=", bucket, ir.Lit(bounds[0], INT))))
    if decl.origin != "split":
        return base  # a split segment keeps all its members; its arms share them out
    low, high = ([0] + bounds)[decl.arm], bounds[decl.arm]
    tests = [ir.Cmp(">=", bucket, ir.Lit(low, INT))] if low else []
    tests += [ir.Cmp("<", bucket, ir.Lit(high, INT))] if high < BUCKETS else []
    return ir.And((ir.SegRef(decl.parent), *tests))


def _full_name(decl: Declared) -> str:
    """The default salt: the full name of the segment the holdout or split is written on."""
    return decl.name if decl.origin == "segment" else decl.name.rsplit(".", 1)[0]
