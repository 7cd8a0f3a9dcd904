"""The rule registry: a rule is a code, a kebab-case name, a default severity, its documentation
and a check function over a `Context` that yields findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .. import ast
from ..diagnostics import Diagnostic, Severity
from ..source import Span


@dataclass(frozen=True)
class Edit:
    """Replace the text at [start, end) of the file with `text`."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """A safe fix: edits that keep every segment's members exactly as they are."""
    title: str  # what it does, shown by --fix and in the json output
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    message: str
    span: Span | None
    help: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class Rule:
    code: str  # L + three digits
    name: str  # kebab-case
    severity: Severity
    summary: str  # what it finds, one line
    why: str  # why that is bad
    example: str  # a segment file it flags
    fix: str  # what to write instead
    check: Callable[["Context"], Iterable[Finding]]
    default: bool = True  # selected unless the configuration says otherwise; False: opt-in
    fixable: bool = False  # some findings carry a safe Fix that `segdsl lint --fix` applies


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, summary: str, why: str, example: str, fix: str,
         default: bool = True, fixable: bool = False):
    """Register the decorated check function as a rule (`default=False`: only when selected)."""
    def register(check):
        if code in RULES or any(r.name == name for r in RULES.values()):  # pragma: no cover - a programming error
            raise ValueError(f"rule {code} {name} is registered twice")
        RULES[code] = Rule(code, name, Severity(severity), summary, why, example.strip() + "\n", fix, check,
                           default, fixable)
        return check
    return register


class Context:
    """What a rule looks at: the checked program (IR) and the segments as written (AST)."""

    def __init__(self, program) -> None:
        self.program = program
        self.checked = program.checked()

    def written_segments(self) -> Iterator[tuple[str, ast.Segment]]:
        """Every segment as written, children included, with its full name."""
        def visit(node: ast.Segment, prefix: str):
            yield prefix + node.name, node
            for child in node.children:
                yield from visit(child, prefix + node.name + ".")
        for segment in self.program.ast.segments:
            yield from visit(segment, "")


def walk_ast(node) -> Iterator[ast.Node]:
    """The node and every AST node below it (not the child segments), parents before children, in order."""
    stack = [node]
    while stack:
        node = stack.pop()
        yield node
        cls = type(node)
        names = _NODE_FIELDS.get(cls)
        if names is None:  # (worked out once per class: the attributes that may hold nodes)
            names = _NODE_FIELDS[cls] = tuple(k for k in cls.model_fields if k not in ("span", "kind")
                                              and not k.endswith("_span"))
        for name in reversed(names):
            value = getattr(node, name)
            if type(value) is list:
                stack += [v for v in reversed(value) if isinstance(v, ast.Node) and not isinstance(v, ast.Segment)]
            elif isinstance(value, ast.Node) and not isinstance(value, ast.Segment):
                stack.append(value)


_NODE_FIELDS: dict[type, tuple[str, ...]] = {}


CHECKER_WARNINGS = {"W001", "W201", "W202"}  # what a suppression may name besides the rules


def lint(program, with_checker_warnings: bool = False, settings=None, path: str | None = None) -> list[Diagnostic]:
    """The findings of the rules `settings` selects (default: the rules on by default) on a program
    that checks clean, in source order, without those a `# segdsl: noqa` comment suppresses (and with
    L001 for a suppression that suppresses nothing) or the settings ignore for `path`, at the
    severity the settings give. With `with_checker_warnings`, the checker's warnings go through the
    same suppressions, ignores and severities."""
    from ..gcpause import gc_paused
    from . import rules  # noqa: F401 - importing the modules registers the rules
    from .config import Settings
    from .suppress import apply

    # the rules and their findings make many small objects; the collector would rescan the program each time
    with gc_paused():
        settings = settings or Settings()
        context = Context(program)
        found = list(program.diagnostics) if with_checker_warnings else []
        for code in sorted(settings.rules_for(path)):
            registered = RULES[code]
            for finding in registered.check(context):
                found.append(LintDiagnostic.model_construct(
                    code=code, severity=registered.severity, message=finding.message, span=finding.span,
                    help=finding.help, file=None, fix=finding.fix))
        ignored = settings.ignored_for(path)
        if "L001" not in settings.rules_for(path):
            ignored = ignored | {"L001"}
        kept = apply([d for d in found if d.code not in ignored], program.source, set(RULES) | CHECKER_WARNINGS)
        return [d.model_copy(update={"severity": settings.severity[d.code]}) if d.code in settings.severity else d
                for d in kept if d.code not in ignored]


class LintDiagnostic(Diagnostic):
    """A lint finding: a diagnostic that may carry a safe fix."""
    fix: Fix | None = None
