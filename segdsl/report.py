"""`segdsl report`: how big every segment and cell is, the hierarchy with counts, and overlaps.

Built from one evaluation of the whole file (the key, a flag per segment, a label per partition
and ruleset), whichever engine produced it, so the report counts what the campaign would get.
`render_text` is for the terminal; `render_html` draws the same with Plotly (bar charts of sizes
and cells, a sunburst of the hierarchy, an overlap matrix) in one file that needs no network.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

import polars as pl

from .checker import CheckedProgram

MAX_OVERLAP = 60  # segments in the overlap matrix: the first ones, in file order
NO_LABEL = "(none)"


@dataclass
class Report:
    rows: int
    sizes: dict[str, int]  # segment -> members, in file order
    labels: dict[str, dict[str, int]]  # partition/ruleset -> label -> customers, largest first
    tree: list[tuple[int, str, str]]  # (depth, segment, the segment it is drawn under or "")
    overlaps: dict[str, dict[str, int]]  # segment -> segment -> shared members (the first MAX_OVERLAP)

    def to_json(self) -> str:
        return json.dumps({"rows": self.rows, "segments": self.sizes, "labels": self.labels,
                           "hierarchy": [{"segment": s, "under": p or None, "members": self.sizes[s]}
                                         for _, s, p in self.tree],
                           "overlaps": self.overlaps}, indent=2, ensure_ascii=False)


def build_report(checked: CheckedProgram, frame: pl.DataFrame) -> Report:
    """`frame`: the evaluation of every segment and label (the flags query's answer)."""
    names, labels = list(checked.segments), list(checked.labels)
    flags = frame.select(pl.col(n).cast(pl.Boolean) for n in names) if names else pl.DataFrame()
    sizes = dict(zip(names, flags.select(pl.all().sum()).row(0))) if names else {}
    cells = {}
    for name in labels:
        # '#' is in no segdsl name, so the count's column cannot meet the label's
        counted = frame.get_column(name).fill_null(NO_LABEL).value_counts(name="#")
        cells[name] = {str(v): int(n) for v, n in counted.sort(["#", name], descending=[True, False]).rows()}
    picked = names[:MAX_OVERLAP]
    pairs = [(a, b) for i, a in enumerate(picked) for b in picked[i:]]
    shared = flags.select((pl.col(a) & pl.col(b)).sum().alias(f"{i}") for i, (a, b) in enumerate(pairs)).row(0) if pairs else ()
    overlaps: dict[str, dict[str, int]] = {a: {} for a in picked}
    for (a, b), n in zip(pairs, shared):
        overlaps[a][b] = overlaps[b][a] = int(n)
    return Report(frame.height, {n: int(v) for n, v in sizes.items()}, cells, _tree(checked), overlaps)


def _under(checked: CheckedProgram, name: str) -> str | None:
    """The segment a segment is drawn under: its parent, or for a holdout the segment it is taken from."""
    segment = checked.segments[name]
    if segment.origin == "holdout":
        return name.rsplit(".", 1)[0]
    return segment.parent


def _tree(checked: CheckedProgram) -> list[tuple[int, str, str]]:
    """Every segment that has segments under it and those, depth first, in file order."""
    below: dict[str | None, list[str]] = {}
    for name, segment in checked.segments.items():
        if segment.origin != "rule":
            below.setdefault(_under(checked, name), []).append(name)
    out: list[tuple[int, str, str]] = []

    def visit(name: str, depth: int, under: str) -> None:
        out.append((depth, name, under))
        for child in below.get(name, []):
            visit(child, depth + 1, name)

    for root in below.get(None, []):
        if below.get(root):
            visit(root, 0, "")
    return out


def _share(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%" if total else "-"


def render_text(report: Report, checked: CheckedProgram, title: str) -> str:
    total = report.rows
    width = max([len(n) for n in report.sizes] + [len(c) + 2 for cells in report.labels.values() for c in cells] + [20])
    lines = [f"{title}: {total} customers, as of {checked.as_of.isoformat(sep=' ')}", "", "Segments"]
    lines += [f"  {n:<{width}} {v:>9} {_share(v, total):>7}" for n, v in report.sizes.items()]
    if report.tree:
        lines += ["", "Hierarchy"]
        for depth, name, under in report.tree:
            short = name[len(under) + 1:] if under and name.startswith(under + ".") else name
            lines.append(f"  {'  ' * depth + short:<{width}} {report.sizes[name]:>9} {_share(report.sizes[name], total):>7}")
    for name, cells in report.labels.items():
        label = checked.labels[name]
        scope = f" of {label.of}" if label.of else ""
        lines += ["", f"{label.kind.capitalize()} {name}{scope}: {sum(1 for c in cells if c != NO_LABEL)} labels in use"]
        lines += [f"  {cell:<{width}} {n:>9} {_share(n, total):>7}" for cell, n in cells.items()]
    pairs = _notable_overlaps(report, checked)
    if pairs:
        lines += ["", "Largest overlaps (not counting a segment and its own children)"]
        lines += [f"  {a} & {b}: {n} shared, {_share(n, report.sizes[a] + report.sizes[b] - n)} of either"
                  for a, b, n in pairs[:15]]
    return "\n".join(lines) + "\n"


def _notable_overlaps(report: Report, checked: CheckedProgram) -> list[tuple[str, str, int]]:
    def related(a: str, b: str) -> bool:
        return b.startswith(a + ".") or a.startswith(b + ".")
    names = list(report.overlaps)
    found = [(a, b, report.overlaps[a][b]) for i, a in enumerate(names) for b in names[i + 1:]
             if report.overlaps[a][b] and not related(a, b)]
    return sorted(found, key=lambda p: -p[2])


def render_html(report: Report, checked: CheckedProgram, title: str) -> str:
    """One self-contained page: Plotly's JavaScript inline, no network needed to view it."""
    import plotly.graph_objects as go
    import plotly.io as pio

    figures = []
    names = list(report.sizes)
    bars = go.Figure(go.Bar(x=[report.sizes[n] for n in names], y=names, orientation="h",
                            hovertemplate="%{y}: %{x} members<extra></extra>"))
    bars.update_layout(title="Members per segment", height=max(300, 22 * len(names) + 100),
                       yaxis={"autorange": "reversed"}, margin={"l": 220})
    figures.append(("sizes", bars))
    if report.tree:
        ids = [name for _, name, _ in report.tree]
        # A holdout is not part of its segment: a wedge of its own beside it, not inside it.
        parents = [checked.segments[n].parent or "" for n in ids]
        inside: dict[str, int] = {}
        for name, parent in zip(ids, parents):
            inside[parent] = inside.get(parent, 0) + report.sizes[name]
        # "total": a wedge as wide as its members, when the children fit in their parent (disjoint ones do)
        fits = all(n <= report.sizes[p] for p, n in inside.items() if p)
        sunburst = go.Figure(go.Sunburst(ids=ids, labels=[n.rsplit(".", 1)[-1] for n in ids], parents=parents,
                                         values=[report.sizes[n] for n in ids],
                                         branchvalues="total" if fits else "remainder",
                                         hovertemplate="%{id}: %{value} members<extra></extra>"))
        sunburst.update_layout(title="Hierarchy: members at each level", height=600)
        figures.append(("hierarchy", sunburst))
    for name, cells in report.labels.items():
        kind = checked.labels[name].kind
        shown = list(cells.items())[:200]
        chart = go.Figure(go.Bar(x=[c for c, _ in shown], y=[n for _, n in shown],
                                 hovertemplate="%{x}: %{y} customers<extra></extra>"))
        chart.update_layout(title=f"{kind.capitalize()} {name}: customers per label"
                            + (" (the 200 largest)" if len(cells) > 200 else ""), height=450)
        figures.append((f"{kind}-{name}", chart))
    picked = list(report.overlaps)
    if len(picked) > 1:
        matrix = [[report.overlaps[a][b] for b in picked] for a in picked]
        heat = go.Figure(go.Heatmap(z=matrix, x=picked, y=picked, colorscale="Blues",
                                    hovertemplate="%{y} & %{x}: %{z} shared members<extra></extra>"))
        heat.update_layout(title="Overlaps: members two segments share", height=max(500, 18 * len(picked) + 200),
                           yaxis={"autorange": "reversed"}, margin={"l": 220, "b": 220})
        figures.append(("overlaps", heat))
    parts = []
    for i, (anchor, figure) in enumerate(figures):
        div = pio.to_html(figure, include_plotlyjs=(i == 0), full_html=False, div_id=f"chart-{anchor}",
                          config={"displaylogo": False})
        parts.append(f'<section id="{html.escape(anchor)}">{div}</section>')
    text = html.escape(render_text(report, checked, title))
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)} - segdsl report"
            f"</title><style>body{{font-family:system-ui,sans-serif;margin:2em}}pre{{background:#f6f6f6;padding:1em}}"
            f"</style></head><body><h1>{html.escape(title)}</h1>\n{''.join(parts)}\n<h2>As text</h2><pre>{text}</pre>"
            f"</body></html>\n")
