"""How `segdsl lint` prints its findings: human (Rust-style, with a caret), concise
(`file:line:col: CODE message`), json, github (workflow commands, shown as annotations on a pull
request) and sarif (SARIF 2.1.0, for GitHub code scanning and other viewers).

Each renderer takes the report: (path, diagnostic, Source or None) triples in file order.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..diagnostics import render
from .registry import RULES

FORMATS = ("human", "concise", "json", "github", "sarif")


def render_report(report: list[tuple], fmt: str, files: int) -> str:
    return {"human": _human, "concise": _concise, "json": _json, "github": _github, "sarif": _sarif}[fmt](report, files)


def _fixable(d) -> bool:
    return getattr(d, "fix", None) is not None


def _end(d, source) -> tuple[int, int]:
    """1-based line and column of the last character of the span (as editors and SARIF count)."""
    if source is None:
        return d.span.line, d.span.column
    return source.position(max(d.span.start, d.span.end - 1))


def _human(report, files) -> str:
    lines = [render(d, source) + ("\n  = fix: " + d.fix.title + " (segdsl lint --fix)" if _fixable(d) else "")
             for _path, d, source in report]
    errors = sum(1 for _, d, _ in report if d.is_error)
    warnings = len(report) - errors
    summary = (f"{files} file{'s' if files != 1 else ''} linted: {errors} error{'s' if errors != 1 else ''}, "
               f"{warnings} warning{'s' if warnings != 1 else ''}")
    fixable = sum(1 for _, d, _ in report if _fixable(d))
    if fixable:
        summary += f" ({fixable} fixable with --fix)"
    return "\n".join([*lines, summary]) + "\n"


def _concise(report, files) -> str:
    lines = []
    for path, d, _source in report:
        where = f"{path}:{d.span.line}:{d.span.column}" if d.span else path
        lines.append(f"{where}: {d.code}{' [*]' if _fixable(d) else ''} {d.message}")
    return "".join(line + "\n" for line in lines)


def _json(report, files) -> str:
    entries = []
    for path, d, source in report:
        entry = {"file": path, **d.model_dump(mode="json", include={"code", "severity", "message", "span", "help"})}
        if d.span is not None:
            entry["end"] = dict(zip(("line", "column"), _end(d, source)))
        fix = getattr(d, "fix", None)
        entry["fix"] = None if fix is None else {
            "title": fix.title, "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in fix.edits]}
        entries.append(entry)
    return json.dumps(entries, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(report, files) -> str:
    """GitHub Actions workflow commands: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message`."""
    lines = []
    for path, d, source in report:
        props = [f"file={_escape_property(path)}"]
        if d.span is not None:
            end_line, end_column = _end(d, source)
            props += [f"line={d.span.line}", f"col={d.span.column}", f"endLine={end_line}", f"endColumn={end_column}"]
        props.append(f"title={_escape_property(f'segdsl {d.code}')}")
        message = d.message + (f"\nhelp: {d.help}" if d.help else "")
        lines.append(f"::{'error' if d.is_error else 'warning'} {','.join(props)}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def _rule_descriptor(code: str) -> dict:
    rule = RULES.get(code)
    if rule is not None:
        return {"id": code, "name": rule.name, "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": f"{rule.summary}: {rule.why}."},
                "help": {"text": f"{rule.fix} (docs/rules.md#{code.lower()}-{rule.name})"},
                "defaultConfiguration": {"level": rule.severity.value, "enabled": rule.default}}
    return {"id": code, "shortDescription": {"text": f"a diagnostic of segdsl check, {code}"},
            "help": {"text": f"docs/diagnostics.md#{code.lower()}"}}


def _uri(path: str) -> str:
    """A relative path as a URI reference (forward slashes), so code scanning finds it in the repository."""
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _sarif(report, files) -> str:
    codes = sorted({d.code for _, d, _ in report} | set(RULES))
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for path, d, source in report:
        result = {"ruleId": d.code, "ruleIndex": index[d.code], "level": "error" if d.is_error else "warning",
                  "message": {"text": d.message + (f"\nhelp: {d.help}" if d.help else "")}}
        location = {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}
        if d.span is not None:
            end_line, end_column = _end(d, source)
            location["physicalLocation"]["region"] = {
                "startLine": d.span.line, "startColumn": d.span.column,
                "endLine": end_line, "endColumn": end_column + 1}  # SARIF's end column is exclusive
        result["locations"] = [location]
        fix = getattr(d, "fix", None)
        if fix is not None and source is not None:
            result["fixes"] = [{"description": {"text": fix.title}, "artifactChanges": [{
                "artifactLocation": {"uri": _uri(path)},
                "replacements": [{"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                  "insertedContent": {"text": e.text}} for e in fix.edits]}]}]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "segdsl", "version": __version__,
                                "rules": [_rule_descriptor(c) for c in codes]}},
            "columnKind": "unicodeCodePoints",  # spans count characters, not UTF-16 units
            "results": results,
        }],
    }
    return json.dumps(log, indent=2) + "\n"
