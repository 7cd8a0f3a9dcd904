"""Lint and format settings from `[tool.segdsl]` in pyproject.toml (as Ruff reads `[tool.ruff]`).

    [tool.segdsl]
    select = ["L1", "L201"]          # the lint rules that run: codes or prefixes, or "ALL"
    extend-select = ["L302"]         # added to `select` (or to the default rules)
    ignore = ["L102", "W201"]        # rules and checker warnings never reported
    per-file-ignores = { "legacy/*.seg" = ["L201"] }
    severity = { L102 = "error" }    # a rule's or checker warning's level
    exclude = ["generated/**"]       # files skipped when a directory is linted or formatted
    line-length = 88                 # segdsl fmt

Checker warnings (W...) are always reported unless ignored; `select` picks lint rules only.
Errors of the checker (E...) cannot be ignored nor have their severity changed. A mistake in
the table is E904 (exit 2), pointing at the line of pyproject.toml that holds it.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import SegdslError, Severity, did_you_mean, error
from ..source import Source
from .registry import CHECKER_WARNINGS, RULES

DEFAULT_LINE_LENGTH = 88
_KEYS = {"select", "extend-select", "ignore", "per-file-ignores", "severity", "exclude", "line-length"}


@dataclass
class Settings:
    select: list[str] | None = None  # None: the rules on by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    line_length: int = DEFAULT_LINE_LENGTH
    root: Path = field(default_factory=Path.cwd)  # per-file-ignores and exclude are relative to it

    def rules_for(self, path: str | None = None) -> set[str]:
        """The codes of the lint rules that run on the file at `path`."""
        chosen = {c for c, r in RULES.items() if r.default} if self.select is None else _matching(self.select)
        return (chosen | _matching(self.extend_select)) & set(RULES) - self.ignored_for(path)

    def ignored_for(self, path: str | None = None) -> set[str]:
        """Rule and warning codes never reported for the file at `path`."""
        ignored = _matching(self.ignore)
        relative = self._relative(path)
        if relative is not None:
            for pattern, codes in self.per_file_ignores.items():
                if _glob(relative, pattern):
                    ignored |= _matching(codes)
        return ignored

    def excluded(self, path: str) -> bool:
        relative = self._relative(path)
        return relative is not None and any(_glob(relative, p) for p in self.exclude)

    def _relative(self, path: str | None) -> str | None:
        if path is None:
            return None
        resolved = Path(path).resolve()
        try:
            return resolved.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return resolved.as_posix()


def _known() -> set[str]:
    from . import rules  # noqa: F401 - registers them

    return set(RULES) | CHECKER_WARNINGS


def _matching(selectors: list[str]) -> set[str]:
    """The codes a list of selectors names: "ALL", a code, or a prefix of codes ("L2")."""
    known = _known()
    return {c for c in known for s in selectors if s == "ALL" or c.startswith(s)}


def _glob(relative: str, pattern: str) -> bool:
    """fnmatch on the path relative to the settings' directory (where '*' also crosses '/'), or on the
    file's name for a pattern without '/'."""
    pattern = pattern.removeprefix("./")
    return fnmatch.fnmatchcase(relative, pattern) or ("/" not in pattern
                                                      and fnmatch.fnmatchcase(relative.rsplit("/", 1)[-1], pattern))


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml at or above `start` (default: the current directory) with a
    [tool.segdsl] table."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and re.search(r"^\s*\[\s*tool\s*\.\s*segdsl\b", _read(candidate), re.M):
            return candidate
    return None


def load_settings(config: str | None = None, isolated: bool = False) -> Settings:
    """The settings of `config` (a pyproject.toml, or a TOML file whose top level is the table), else
    of the nearest pyproject.toml with [tool.segdsl], else the defaults. SegdslError E904 on a mistake."""
    if isolated:
        return Settings()
    path = Path(config) if config else find_pyproject()
    if path is None:
        return Settings()
    text = _read(path)
    source = Source(text, _shown(path))
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SegdslError([error("E904", f"{source.name} is not valid TOML: {exc}")], source) from None
    table = document
    if path.name == "pyproject.toml" or "tool" in document:
        tool = document.get("tool", {})
        table = tool.get("segdsl") if isinstance(tool, dict) else None
    if table is None:
        if config:
            raise SegdslError([error("E904", f"{source.name} has no [tool.segdsl] table")], source)
        return Settings()
    if not isinstance(table, dict):
        raise SegdslError([error("E904", f"{source.name}: tool.segdsl is {type(table).__name__} {table!r}, not a table",
                                 help="write the settings under a [tool.segdsl] header")], source)
    return settings_from(table, path.parent, source)


def settings_from(table: dict, root: Path, source: Source | None = None, command_line: bool = False) -> Settings:
    """Settings from the [tool.segdsl] table as a dict (with `command_line`, from the options of that
    name); E904 for every mistake in it."""
    problems = []

    def problem(message: str, near: str | None, help: str | None = None) -> None:
        if command_line:  # "[tool.segdsl] select: ..." -> "--select: ..."
            message = re.sub(r"^\[tool\.segdsl\] ([a-z-]+)", r"--\1", message)
        span = None
        if source is not None and near:  # the line that sets the key, else where the text first appears
            after = max(source.text.find("segdsl"), 0)
            line = re.compile(rf'^[ \t]*"?{re.escape(near)}"?[ \t]*=', re.M).search(source.text, after)
            at = line.start() + line.group().index(near) if line else source.text.find(near, after)
            span = source.span(at, at + len(near)) if at >= 0 else None
        problems.append(error("E904", message, span, help=help))

    known = _known()

    def codes(key: str, value, exact: bool = False) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem(f"[tool.segdsl] {key} is a list of rule codes, like [\"L201\"]", key)
            return []
        for v in value:
            errors = v.startswith("E")
            if errors:
                problem(f"[tool.segdsl] {key}: {v} is an error of the checker; errors are always reported", f'"{v}"')
            elif not (v == "ALL" and not exact) and not (v in known if exact else any(c.startswith(v) for c in known)):
                problem(f"[tool.segdsl] {key}: '{v}' is not a {'' if exact else 'prefix of a '}lint rule or warning code",
                        f'"{v}"', help=did_you_mean(v, sorted(known)) or "the codes are listed in docs/rules.md")
        return [v for v in value if not v.startswith("E")]

    settings = Settings(root=root)
    for key, value in table.items():
        if key not in _KEYS:
            problem(f"[tool.segdsl] has no setting '{key}'", key,
                    help=did_you_mean(key, sorted(_KEYS)) or "settings: " + ", ".join(sorted(_KEYS)))
        elif key == "select":
            settings.select = codes(key, value)
        elif key == "extend-select":
            settings.extend_select = codes(key, value)
        elif key == "ignore":
            settings.ignore = codes(key, value)
        elif key == "exclude":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problem("[tool.segdsl] exclude is a list of path patterns, like [\"generated/*.seg\"]", key)
            else:
                settings.exclude = value
        elif key == "line-length":
            if type(value) is not int or not 20 <= value <= 400:
                problem("[tool.segdsl] line-length is a whole number of characters from 20 to 400", key)
            else:
                settings.line_length = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                problem("[tool.segdsl] per-file-ignores maps path patterns to codes: "
                        "{ \"legacy/*.seg\" = [\"L201\"] }", key)
            else:
                settings.per_file_ignores = {p: codes(f"per-file-ignores \"{p}\"", c) for p, c in value.items()}
        elif key == "severity":
            if not isinstance(value, dict):
                problem("[tool.segdsl] severity maps codes to \"error\" or \"warning\": { L102 = \"error\" }", key)
                continue
            for code, level in value.items():
                codes("severity", [code], exact=True)
                if level not in ("error", "warning"):
                    problem(f"[tool.segdsl] severity: {code} = {level!r}; a level is \"error\" or \"warning\"", code)
                elif code in known:
                    settings.severity[code] = Severity(level)
    if problems:
        raise SegdslError(problems, source)
    return settings


def _shown(path: Path) -> str:
    """The path as messages show it: relative to the current directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SegdslError([error("E904", f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}")]) from None
