"""Golden-SQL snapshots per dialect, parse-back checks, and quoting/escaping checks.

Refresh the snapshot files with:

    SEGDSL_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_sql_snapshots.py

and review the diff before committing: the files are the reviewed SQL.
"""

from __future__ import annotations

import pytest
from entities import PEOPLE
from snapshot import ROOT, SNAPSHOTS, assert_snapshot_file
import sqlglot
from sqlglot import exp

import segdsl
from segdsl.diagnostics import SegdslError
from segdsl.sql.compile import dialect_names

BIKES = ROOT / "examples" / "bikes.seg"
AS_OF = "2026-11-01"

DIALECTS = ["duckdb", "sqlite", "postgres", "mysql", "snowflake", "bigquery", "spark", "tsql", "oracle",
            "clickhouse", "trino", "databricks", "hive", "presto"]
MEMBER_SEGMENTS = ["amateur_women_road", "wroclaw_newsletter", "not_gravel", "gmail", "w_city", "lapsed",
                   "value_per_year", "pro_or_high_value_women"]

# Names that need quoting somewhere, and text that needs escaping everywhere.
TRICKY_TEXT = "it's \"quoted\" back\\slash \\n Łódź ☃ 100%_off"
TRICKY = r'''
entity customers {
  key id: int
  order: int
  CamelCase: string
  note: string
}
segment select: order > 1 and CamelCase == "it's \"quoted\" back\\slash \\n Łódź ☃ 100%_off"
segment plain: note contains "50%_off" or note starts_with "a'b" or note ends_with "\\"
'''

# One segment per construct, so a refusal (E401) stays local to the construct refused.
FEATURES = PEOPLE + r'''segment eq_text: name == "road"
segment neq_text: name != "road"
segment in_text: name in ["road", "ROAD"]
segment not_in_text: name not in ["road"]
segment between_text: name between "a" and "m"
segment lt_text: name < "m"
segment contains_wild: name contains "50%_off"
segment starts: name starts_with "Ro"
segment ends_space: name ends_with "d "
segment contains_space: name contains "d "
segment regex_dot_end: name matches "^a.c$"
segment iregex: name imatches "road"
segment regex_classes: name matches "\\d{2}\\s\\w+"
segment lower_eq: lower(name) == "łódź"
segment upper_eq: upper(name) == "ŁÓDŹ"
segment length_eq: length(name) == 4
segment int_div: n / 2 > 1
segment div_zero: x / (n - n) > 1
segment round_half: round(x) == 3
segment round_digits: round(x, 1) == 2.5
segment abs_neg: abs(-n) > 2
segment coalesce_text: coalesce(note, "none") == "none"
segment bool_col: flag
segment not_bool: not flag
segment bool_false: flag == false
segment bool_cmp: (n > 1) == flag
segment date_today: d >= today() - 1 month
segment date_col_shift_days: d + 10 days <= today()
segment date_col_shift_month: d + 1 month <= today()
segment ts_col_shift: ts + 2 weeks < now()
segment days_date: days_since(d) > 30
segment days_ts: days_since(ts) <= 7
segment empty_str: note == ""
segment enum_in: kind in ["a"]
segment segment_ref: bool_col and not eq_text
'''

# Every kind of aggregate, with where conditions and windows, on a text key (exact on MySQL).
EVENTS_HEADER = '''
entity customers { key code: string  region: string }
events orders of customers by code at ordered_at {
  amount: float
  qty: int
  sku: string
  discounted: bool
}
events visits of customers by code at day { day: date }
'''
EVENTS_SEGMENTS = [
    'segment counts: count(orders where discounted in last 90 days) >= 3 and count(visits) == 0',
    'segment shares: share(orders where discounted before date("2026-06-01")) >= 0.5',
    'segment sums: sum(orders.amount after date("2026-01-01")) > 100 or sum(orders.qty) > 10',
    'segment averages: avg(orders.amount from date("2026-01-01") to date("2026-06-30")) > 20',
    'segment extremes: min(orders.qty) >= 1 and max(visits.day) >= today() - 7 days',
    'segment distinct: count_distinct(orders.sku where amount > 0) >= 2',
    'segment lapsed: days_since(last(orders.ordered_at)) > 180 and first(orders.sku where discounted) == "A"',
]
EVENTS = EVENTS_HEADER + "\n".join(EVENTS_SEGMENTS) + "\n"

# Quantiles: window functions in a ranking subquery, over a field, arithmetic and an aggregate.
QUANTILES = '''
entity customers { key id: int  ltv: float  signup: date }
events orders of customers by id at ordered_at { amount: float }
segment top_spenders: cume_dist(sum(orders.amount in last 1 years)) > 0.8
segment rfm: ntile(last(orders.ordered_at), 5) == 5 and ntile(ltv * 2, 4) >= 3 and signup < today()
segment early: ntile(signup, 10) == 1
'''


def assert_snapshot(text: str, dialect: str, name: str) -> None:
    """Compare `text` with tests/snapshots/<dialect>/<name>.sql; rewrite it under SEGDSL_UPDATE_SNAPSHOTS=1."""
    assert_snapshot_file(text, SNAPSHOTS / dialect / f"{name}.sql", what="SQL")


@pytest.fixture(scope="module")
def bikes() -> segdsl.Program:
    return segdsl.load(BIKES, as_of=AS_OF)


@pytest.fixture(scope="module")
def tricky() -> segdsl.Program:
    return segdsl.loads(TRICKY, as_of=AS_OF)


@pytest.fixture(scope="module")
def events() -> segdsl.Program:
    return segdsl.loads(EVENTS, as_of=AS_OF)


@pytest.fixture(scope="module")
def quantiles() -> segdsl.Program:
    return segdsl.loads(QUANTILES, as_of=AS_OF)


@pytest.fixture(scope="module")
def features() -> segdsl.Program:
    return segdsl.loads(FEATURES, as_of=AS_OF)


def _features_text(program: segdsl.Program, dialect: str) -> str:
    """Every feature segment's members query, or the refusal, in one reviewable file."""
    parts = []
    for name in program.segments:
        try:
            body = program.to_sql(name, dialect=dialect, pretty=False) + ";"
        except SegdslError as err:
            body = "\n".join(f"-- refused {d.code}: {d.message}" for d in err.diagnostics)
        parts.append(f"-- {name}\n{body}\n")
    return "\n".join(parts)


# -- snapshots ---------------------------------------------------------------------------------

@pytest.mark.parametrize("dialect", DIALECTS)
def test_bikes_flags_snapshot(bikes, dialect):
    assert_snapshot(bikes.to_sql(dialect=dialect), dialect, "bikes_flags")


@pytest.mark.parametrize("segment", MEMBER_SEGMENTS)
@pytest.mark.parametrize("dialect", DIALECTS)
def test_bikes_members_snapshot(bikes, dialect, segment):
    assert_snapshot(bikes.to_sql(segment, dialect=dialect), dialect, f"bikes_members_{segment}")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_tricky_snapshot(tricky, dialect):
    text = (tricky.to_sql(dialect=dialect, table="analytics.customers") + ";\n\n"
            + tricky.to_sql("select", dialect=dialect, table="analytics.customers") + ";")
    assert_snapshot(text, dialect, "tricky_names_and_strings")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_events_snapshot(events, dialect):
    """The flags query on a text key and on an int key, then a counts query; refusals listed (T-SQL)."""
    parts = []
    for key_type in ("string", "int"):
        header = EVENTS_HEADER.replace("key code: string", f"key code: {key_type}")
        kept = []
        for line in EVENTS_SEGMENTS:
            try:
                segdsl.loads(header + line, as_of=AS_OF).to_sql(dialect=dialect)
                kept.append(line)
            except SegdslError as err:
                parts += [f"-- key {key_type}: refused {d.code}: {d.message}" for d in err.diagnostics]
        if kept:
            parts.append(segdsl.loads(header + "\n".join(kept), as_of=AS_OF).to_sql(dialect=dialect) + ";")
    if dialect != "tsql":
        parts.append(events.to_sql("lapsed", dialect=dialect, counts=True) + ";")
    assert_snapshot("\n\n".join(parts), dialect, "events_flags_and_counts")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_quantiles_snapshot(quantiles, dialect):
    """The flags query, one segment's members and the counts: each picks from the ranking subquery."""
    parts = [quantiles.to_sql(dialect=dialect), quantiles.to_sql("rfm", dialect=dialect),
             quantiles.to_sql(dialect=dialect, counts=True)]
    assert_snapshot(";\n\n".join(parts) + ";", dialect, "quantiles_flags_members_counts")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_features_snapshot(features, dialect):
    assert_snapshot(_features_text(features, dialect), dialect, "features_members")


def test_no_stale_snapshots():
    """Every file under tests/snapshots is produced by some test above."""
    expected = {f"{d}/bikes_flags.sql" for d in DIALECTS}
    expected |= {f"{d}/bikes_members_{s}.sql" for d in DIALECTS for s in MEMBER_SEGMENTS}
    expected |= {f"{d}/tricky_names_and_strings.sql" for d in DIALECTS}
    expected |= {f"{d}/features_members.sql" for d in DIALECTS}
    expected |= {f"{d}/events_flags_and_counts.sql" for d in DIALECTS}
    expected |= {f"{d}/quantiles_flags_members_counts.sql" for d in DIALECTS}
    found = {p.relative_to(SNAPSHOTS).as_posix() for p in SNAPSHOTS.rglob("*.sql")}
    assert found - expected == set(), "stale snapshot files"


# -- parse-back ----------------------------------------------------------------------------------

def _statements(program: segdsl.Program, dialect: str, table: str | None = None):
    yield program.to_sql(dialect=dialect, table=table)
    for name in program.segments:
        yield program.to_sql(name, dialect=dialect, table=table)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_statement_parses_back(bikes, tricky, dialect):
    statements = [*_statements(bikes, dialect), *_statements(tricky, dialect, "analytics.customers")]
    for sql in statements:
        parsed = sqlglot.parse_one(sql, read=dialect)
        assert isinstance(parsed, exp.Select)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("which", ["features", "events", "quantiles"])
def test_feature_statements_parse_back(request, which, dialect):
    program = request.getfixturevalue(which)
    for name in program.segments:
        try:
            sql = program.to_sql(name, dialect=dialect)
        except SegdslError as err:
            assert {d.code for d in err.diagnostics} <= {"E401", "E402"}
            continue
        assert isinstance(sqlglot.parse_one(sql, read=dialect), exp.Select)


@pytest.mark.parametrize("dialect", dialect_names())
def test_every_sqlglot_dialect_compiles_or_refuses_cleanly(bikes, dialect):
    try:
        sql = bikes.to_sql(dialect=dialect)
    except SegdslError as err:
        assert err.diagnostics, "SegdslError without diagnostics"
        for d in err.diagnostics:
            assert d.code in ("E401", "E402"), d
            assert dialect in d.message, d.message
        return
    assert isinstance(sqlglot.parse_one(sql, read=dialect), exp.Select)
    for name in bikes.segments:
        try:
            member_sql = bikes.to_sql(name, dialect=dialect)
        except SegdslError as err:  # pragma: no cover - the flags query compiled every segment
            pytest.fail(f"flags query compiled but members of {name} did not: {err}")
        assert isinstance(sqlglot.parse_one(member_sql, read=dialect), exp.Select)


def test_unknown_dialect_is_e403(bikes):
    with pytest.raises(SegdslError) as info:
        bikes.to_sql(dialect="duckdbb")
    assert [d.code for d in info.value.diagnostics] == ["E403"]


# -- identifiers and literals ------------------------------------------------------------------------

@pytest.mark.parametrize("dialect", DIALECTS)
def test_qualified_table_name(bikes, dialect):
    for table in ("analytics.customers", "warehouse.analytics.customers"):
        sql = bikes.to_sql("gmail", dialect=dialect, table=table)
        source = sqlglot.parse_one(sql, read=dialect).find(exp.From).this
        assert isinstance(source, exp.Table)
        parts = [p.name.lower() for p in source.parts]
        assert parts == table.split("."), sql


def _strings(tree: exp.Expression) -> list[str]:
    """Every string literal, plain '...' or national N'...' (T-SQL)."""
    out = [lit.this for lit in tree.find_all(exp.Literal) if lit.is_string]
    return out + [n.this for n in tree.find_all(exp.National)]


def _identifier_names(tree: exp.Expression) -> dict[str, exp.Identifier]:
    return {i.name: i for i in tree.find_all(exp.Identifier)}


@pytest.mark.parametrize("dialect", DIALECTS)
def test_identifiers_needing_quotes(tricky, dialect):
    sql = tricky.to_sql(dialect=dialect, table="analytics.customers")
    tree = sqlglot.parse_one(sql, read=dialect)
    names = _identifier_names(tree)
    # A reserved word is quoted (upper case in dialects folding unquoted names to upper case).
    upper = dialect in ("snowflake", "oracle")
    order = names["ORDER" if upper else "order"]
    assert order.quoted, sql
    select = names["SELECT" if upper else "select"]
    assert select.quoted, sql
    # Mixed case keeps its case, which needs quotes wherever unquoted names fold.
    assert names["CamelCase"].quoted, sql
    # The flags column is aliased to the segment name.
    assert [s.alias_or_name for s in tree.selects][1] in ("select", "SELECT")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_string_literals_escaped_by_sqlglot(tricky, dialect):
    sql = tricky.to_sql("select", dialect=dialect, table="analytics.customers")
    tree = sqlglot.parse_one(sql, read=dialect)
    strings = set(_strings(tree))
    assert TRICKY_TEXT in strings, (sql, strings)
    # The text never appears raw: a bare quote would end the literal early.
    assert "it's" not in sql


@pytest.mark.parametrize("dialect", DIALECTS)
def test_needles_escaped_by_sqlglot(tricky, dialect):
    sql = tricky.to_sql("plain", dialect=dialect)
    tree = sqlglot.parse_one(sql, read=dialect)
    # SQLite compares needles as UTF-8 bytes: x'...' literals.
    strings = set(_strings(tree)) | {bytes.fromhex(h.this).decode() for h in tree.find_all(exp.HexString)}
    assert {"50%_off", "a'b", "\\"} <= strings, (sql, strings)
    assert " LIKE " not in sql.upper(), "a needle must not become a LIKE pattern"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_regex_pattern_literal_escaped(dialect):
    program = segdsl.loads('entity t { key id: int s: string }\nsegment r: s matches "it\'s \\\\. \\"q\\""',
                           as_of=AS_OF)
    try:
        sql = program.to_sql("r", dialect=dialect)
    except SegdslError as err:
        assert {d.code for d in err.diagnostics} <= {"E401"}
        return
    strings = _strings(sqlglot.parse_one(sql, read=dialect))
    assert any("it's" in s and '"q"' in s for s in strings), (sql, strings)


# -- dialect judgements: SQL believed wrong for its engine (kept as strict xfails until fixed) ----------

@pytest.mark.parametrize("dialect", ["tsql", "fabric"])
def test_tsql_non_ascii_literals_are_national(bikes, tricky, dialect):
    """SQL Server: 'Wrocław' without N is varchar in the database code page (ł becomes '?' under cp1252)."""
    seen = []
    for sql in (bikes.to_sql(dialect=dialect), tricky.to_sql(dialect=dialect), tricky.to_sql("plain", dialect=dialect)):
        tree = sqlglot.parse_one(sql, read=dialect)
        plain = [lit.this for lit in tree.find_all(exp.Literal) if lit.is_string and not lit.this.isascii()]
        assert not plain, f"non-ASCII literals without N prefix: {plain}"
        seen += [n.this for n in tree.find_all(exp.National) if not n.this.isascii()]
    assert "Wrocław" in seen and TRICKY_TEXT in seen


def _regex_literal(sql: str, dialect: str) -> str:
    tree = sqlglot.parse_one(sql, read=dialect)
    return max(_strings(tree), key=len)


def test_oracle_regex_has_no_backslash_inside_brackets():
    import re

    program = segdsl.loads('entity t { key id: int s: string }\nsegment r: s matches "^a.c$"\n'
                           'segment w: s matches "\\\\s"', as_of=AS_OF)
    for name in ("r", "w"):
        pattern = _regex_literal(program.to_sql(name, dialect="oracle"), "oracle")
        assert not re.search(r"\[[^\]]*\\", pattern), pattern


def test_oracle_fractional_now_has_matching_format():
    """TO_TIMESTAMP('... 10:00:00.500000', 'YYYY-MM-DD HH24:MI:SS') fails with ORA-01830."""
    program = segdsl.loads("entity t { key id: int ts: timestamp }\nsegment q: ts >= now()",
                           as_of="2026-11-01T10:00:00.5")
    sql = program.to_sql("q", dialect="oracle", pretty=False)
    assert "TO_TIMESTAMP('2026-11-01 10:00:00.500000', 'YYYY-MM-DD HH24:MI:SS.FF6')" in sql, sql
    whole = segdsl.loads("entity t { key id: int ts: timestamp }\nsegment q: ts >= now()", as_of="2026-11-01T10:00:00")
    assert "TO_TIMESTAMP('2026-11-01 10:00:00', 'YYYY-MM-DD HH24:MI:SS')" in whole.to_sql("q", dialect="oracle")


@pytest.mark.parametrize("dialect", ["hive", "spark2"])
def test_month_shift_of_column_is_refused_on_hive(dialect):
    """Hive and Spark 2 ADD_MONTHS move a month's last day to the last day (2023-02-28 + 1 month =
    2023-03-31), not segdsl's clamp (2023-03-28); Spark 3 clamps."""
    program = segdsl.loads("entity t { key id: int d: date }\nsegment q: d + 1 month <= today()", as_of=AS_OF)
    with pytest.raises(SegdslError) as info:
        program.to_sql("q", dialect=dialect)
    assert [d.code for d in info.value.diagnostics] == ["E401"]
    assert "ADD_MONTHS" in program.to_sql("q", dialect="spark").upper()


def test_tsql_non_ascii_regex_pattern_is_national():
    program = segdsl.loads('entity t { key id: int s: string }\nsegment q: s matches "^Łó"', as_of=AS_OF)
    tree = sqlglot.parse_one(program.to_sql("q", dialect="tsql"), read="tsql")
    assert not [lit.this for lit in tree.find_all(exp.Literal) if lit.is_string and not lit.this.isascii()]
