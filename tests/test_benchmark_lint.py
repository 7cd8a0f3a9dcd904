"""Benchmark: `segdsl lint` with every rule on a generated file of 10,000 segments (issue 7).

The file (`lint_file`, deterministic) describes customers with 16 fields of every type: enums,
ints, floats, bools, strings, a date and a timestamp. Its segments have 1 to 5 tests mixing
`==`, `!=`, `in`, `between`, `<`, `>=`, `is null`, `and`, `or`, `not`, text tests the proofs
cannot decide, references to earlier segments, nested children, a few partitions and tiered
rulesets, and a few deliberately contradictory, redundant, contained and duplicated segments.

Timed, in one run:
- the baseline: a hand-written loop doing the least any rule must (every segment's IR walked once);
- parsing and checking the file (`segdsl.loads`);
- `segdsl.lint.lint(program, with_checker_warnings=True)` with the rules on by default, on the checked
  program: what the rules cost;
- the same with every rule selected (`Settings(select=["ALL"])`, the opt-in ones too);
- `segdsl lint FILE` as a user runs it (`cli.main`, in this process: reading, parsing, checking,
  linting, printing): the target (under 2 s), without the interpreter's start and imports, which a
  command line adds (measured apart: docs/performance.md).

    python -m pytest tests/test_benchmark_lint.py --benchmark-enable

With benchmarks disabled (the default, and in CI) every body runs once on a file of 1,000
segments as a smoke test. The numbers go in docs/performance.md ("Linting 10,000 segments").
"""

from __future__ import annotations

import contextlib
import io
import random

import pytest

import segdsl
from segdsl import ir
from segdsl.cli import main
from segdsl.lint import lint
from segdsl.lint.config import Settings

AS_OF = "2026-11-01"

ENTITY = """entity customers {
  key customer_id: int
  sport: enum("road", "mountain", "gravel", "track")
  level: enum("beginner", "amateur", "pro")
  sex: enum("F", "M")
  region: enum("north", "south", "east", "west", "central")
  channel: enum("web", "store", "app")
  age: int
  children: int
  orders_count: int
  lifetime_value: float
  avg_basket: float
  newsletter: bool
  vip: bool
  city: string
  email: string
  signup_date: date
  last_seen: timestamp
}
"""

ENUMS = {
    "sport": ["road", "mountain", "gravel", "track"], "level": ["beginner", "amateur", "pro"], "sex": ["F", "M"],
    "region": ["north", "south", "east", "west", "central"], "channel": ["web", "store", "app"],
}
CITIES = ["Wrocław", "Kraków", "Gdańsk", "Poznań", "Warszawa", "Katowice", "Łódź", "Lublin"]


def _quoted(values) -> str:
    return ", ".join(f'"{v}"' for v in values)


def _enum_test(r: random.Random, field: str) -> str:
    values = ENUMS[field]
    kind = r.random()
    if kind < 0.6:
        return f'{field} == "{r.choice(values)}"'
    if kind < 0.85:
        return f"{field} in [{_quoted(r.sample(values, r.randint(1, max(1, len(values) // 2))))}]"
    if kind < 0.93:
        return f'{field} != "{r.choice(values)}"'
    return f"{field} is not null"


def _number_test(r: random.Random, field: str) -> str:
    low, high = NUMBERS[field]
    kind = r.random()
    if kind < 0.35:
        a = r.randint(low, high - 1)
        return f"{field} between {a} and {r.randint(a, high)}"
    if kind < 0.65:
        return f"{field} {r.choice(['<', '<=', '>', '>='])} {r.randint(low, high)}"
    if kind < 0.8:
        return f"{field} == {r.randint(low, high)}"
    if kind < 0.9:
        return f"{field} in [{', '.join(str(v) for v in sorted(r.sample(range(low, high), 3)))}]"
    return f"{field} is null"


def _money_test(r: random.Random, field: str) -> str:
    if r.random() < 0.85:
        return f"{field} {r.choice(['<', '>=', '>'])} {r.randint(0, 5000)}.{r.randint(0, 99):02d}"
    return f"{field} is null"


def _bool_test(r: random.Random, field: str) -> str:
    return r.choice([field, field, field, f"not {field}", f"{field} == false", f"{field} is null"])


def _city_test(r: random.Random, field: str) -> str:
    kind = r.random()
    if kind < 0.45:
        return f"city in [{_quoted(r.sample(CITIES, r.randint(1, 3)))}]"
    if kind < 0.75:
        return f'city == "{r.choice(CITIES)}"'
    if kind < 0.8:
        return "city is null"
    return f'lower(city) == "{r.choice(CITIES).lower()}"'  # beyond the proofs: a function


def _email_test(r: random.Random, field: str) -> str:
    if r.random() < 0.5:
        return r.choice(["email is null", "email is not null"])
    return f'email ends_with "@{r.choice(["gmail.com", "wp.pl", "onet.pl"])}"'  # beyond the proofs: text search


def _time_test(r: random.Random, field: str) -> str:
    if field == "signup_date":
        return f'signup_date {r.choice([">=", "<"])} date("20{r.randint(18, 26)}-{r.randint(1, 12):02d}-01")'
    return f"last_seen {r.choice(['<', '>='])} now() - {r.randint(1, 52)} weeks"


NUMBERS = {"age": (16, 90), "children": (0, 6), "orders_count": (0, 200)}
TESTS = {**{f: _enum_test for f in ENUMS}, **{f: _number_test for f in NUMBERS},
         "lifetime_value": _money_test, "avg_basket": _money_test, "newsletter": _bool_test, "vip": _bool_test,
         "city": _city_test, "email": _email_test, "signup_date": _time_test, "last_seen": _time_test}
WEIGHTS = {"sport": 6, "level": 5, "sex": 3, "region": 5, "channel": 3, "age": 6, "children": 2, "orders_count": 3,
           "lifetime_value": 4, "avg_basket": 2, "newsletter": 3, "vip": 2, "city": 4, "email": 2,
           "signup_date": 3, "last_seen": 3}


def _fields(r: random.Random, count: int, avoid: str | None = None) -> list[str]:
    fields = []
    while len(fields) < count:
        field = r.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        if field not in fields and field != avoid:
            fields.append(field)
    return fields


def _test(r: random.Random, field: str | None = None, avoid: str | None = None) -> str:
    field = field or _fields(r, 1, avoid)[0]
    return TESTS[field](r, field)


def _condition(r: random.Random, earlier: list[str]) -> str:
    tests = [_test(r, f) for f in _fields(r, r.choices([1, 2, 3, 4, 5], weights=[0.2, 5, 7, 5, 2])[0])]
    if earlier and r.random() < 0.06:  # a reference to an earlier segment
        tests[0] = r.choice(earlier)
    if len(tests) >= 3 and r.random() < 0.2:  # two of them in an 'or'
        tests[1:3] = [f"({tests[1]} or {tests[2]})"]
    if len(tests) >= 2 and r.random() < 0.08:
        tests[-1] = f"not ({tests[-1]})"
    if len(tests) >= 2 and r.random() < 0.04:
        return " or ".join(tests)
    return " and ".join(tests)


def lint_file(count: int, seed: int = 7) -> str:
    """A segment file of `count` segments (children included); see the module's docstring."""
    r = random.Random(seed)
    lines, names, made = [ENTITY], [], 0
    while made < count:
        roll = r.random()
        name = f"s{made}"
        if roll < 0.015 and names:  # contradictory, redundant, contained, duplicated
            other = r.choice(names)
            lines.append(r.choice([
                f"segment {name}: age > 60 and age < 30",
                f"segment {name}: age > 30 and age > 20 and newsletter",
                f'segment {name}: {other} and region == "north"',
                f"segment {name}: lifetime_value >= 100.0 or lifetime_value >= 500.0",
            ]))
            made += 1
        elif roll < 0.03 and names:  # a copy of an earlier segment's condition, plus a test or not
            source = lines[-1].split(": ", 1)[1].split(" {")[0] if lines[-1].startswith("segment") else "vip"
            extra = r.choice(["", " and newsletter", ' and sex == "F"'])
            lines.append(f"segment {name}: {source}{extra}")
            made += 1
        elif roll < 0.08:  # a parent with children, some with children of their own
            field = r.choice(list(ENUMS))
            children = []
            for i, value in enumerate(ENUMS[field]):
                inner = ""
                if r.random() < 0.3:
                    grand = [f"segment g{j}: {_test(r, avoid=field)}" for j in range(r.randint(2, 3))]
                    inner = " { " + "  ".join(grand) + " }"
                    made += len(grand)
                children.append(f'  segment c{i}: {field} == "{value}"{inner}')
            made += 1 + len(children)
            head = f"segment {name}: {field} is not null and {_test(r, avoid=field)} {{\n"
            lines.append(head + "\n".join(children) + "\n}")
        else:
            lines.append(f"segment {name}: {_condition(r, names[-200:])}")
            made += 1
        names.append(name)
    for i in range(max(1, count // 2000)):
        lines.append(f"partition p{i} by {r.choice(list(ENUMS))}, age bands [18, 30, 45, 65]")
        lines.append(f"ruleset tiers{i} exclusive {{\n  gold: lifetime_value >= {r.randint(2000, 4000)}\n"
                     f"  silver: lifetime_value >= {r.randint(500, 1500)}\n"
                     "  bronze: orders_count > 0\n  else: none\n}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def text(request) -> str:
    return lint_file(10_000 if request.config.getoption("benchmark_enable", False) else 1_000)


def _checked(text: str):
    """A program parsed and checked, not linted yet: the proofs keep what they work out per program."""
    program = segdsl.loads(text, as_of=AS_OF)
    program.checked()
    return (program,), {}


def test_baseline_walk_every_segment_once(benchmark, text):
    """The baseline: what any rule must at least do, walk every segment's IR once."""
    benchmark.group = "lint"

    def walk(program):
        return sum(1 for s in program.checked().segments.values() for _ in ir.walk(s.condition))

    assert benchmark.pedantic(walk, setup=lambda: _checked(text), rounds=5, iterations=1) > 1_000


def test_parse_and_check(benchmark, text):
    """Recorded beside the target, not part of it."""
    benchmark.group = "lint"
    checked = benchmark.pedantic(lambda: segdsl.loads(text, as_of=AS_OF).checked(), rounds=3, iterations=1)
    assert len(checked.segments) >= 1_000


def test_lint_default_rules(benchmark, text):
    """The rules on by default and the checker's warnings, on a checked program."""
    benchmark.group = "lint"
    found = benchmark.pedantic(lambda program: lint(program, with_checker_warnings=True),
                               setup=lambda: _checked(text), rounds=3, iterations=1)
    codes = {d.code for d in found}
    assert {"L101", "L103", "L201"} <= codes and not codes & {"L104", "L105", "L302"}, codes


def test_lint_every_rule(benchmark, text):
    """Every rule (Settings(select=["ALL"])) and the checker's warnings, on a checked program."""
    benchmark.group = "lint"
    settings = Settings(select=["ALL"])
    found = benchmark.pedantic(lambda program: lint(program, with_checker_warnings=True, settings=settings),
                               setup=lambda: _checked(text), rounds=3, iterations=1)
    codes = {d.code for d in found}
    assert {"L101", "L103", "L104", "L105", "L201"} <= codes, codes


def test_segdsl_lint_command(benchmark, text, tmp_path):
    """The target: `segdsl lint FILE --format concise`, reading to printing, in this process."""
    benchmark.group = "lint"
    path = tmp_path / "segments.seg"
    path.write_text(text, encoding="utf-8")

    def run() -> tuple[int, str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["lint", str(path), "--format", "concise"])
        return code, out.getvalue()

    code, printed = benchmark.pedantic(run, rounds=3, iterations=1)
    assert code == 1 and printed.count(": L101 ") >= 1 and printed.count(": L201 ") >= 10, printed[-500:]
