"""The per-dialect lowering table: what each engine needs differently from the portable default.

One class per engine family; `lowering_for(dialect)` picks it. Adding an engine
is a small, local change: subclass the closest family, override the methods
whose default spelling is wrong there, and add it to `FAMILIES`.
"""

from __future__ import annotations

from sqlglot import exp

from .. import ir
from .lowering import _ARITH, Lowering, Unsupported, _paren, cast


def _fn(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _str(text: str) -> exp.Literal:
    return exp.Literal.string(text)


def _num(n: int) -> exp.Literal:
    return exp.Literal.number(n)


def _concat(parts: list[exp.Expression]) -> exp.Expression:
    """a || b || c, in parentheses: a literal some engine cannot take in one piece."""
    out = parts[0]
    for part in parts[1:]:
        out = exp.DPipe(this=out, expression=part, safe=True)
    return exp.Paren(this=out)


def _capital_i_first(replace: str, value: exp.Expression) -> exp.Expression:
    """'İ' replaced by 'I' before lowering: Java and ICU lower it to two characters (i and a
    combining dot), segdsl's simple mapping to 'i'."""
    return _fn(replace, value, _str("\u0130"), _str("I"))


_NOT_UTF8_HASH = ("this engine hashes text in the database's character set, which need not be UTF-8, so a "
                  "bucket of non-ASCII text could differ; key the customers by an int and use an ASCII salt")


class DuckDB(Lowering):
    regex_flavour = "re2"  # REGEXP_MATCHES is RE2 with search semantics


class SQLite(Lowering):
    """SQLite has no regex and ASCII-only lower/upper: segdsl registers its own functions.

    The SQL calls `segdsl_regexp`, `segdsl_lower`, `segdsl_upper`, `segdsl_round` and `segdsl_md5`, which
    `segdsl.engines.sqlite.register_functions(connection)` defines; on a connection
    without them the query fails loudly instead of answering differently.
    """

    regex_flavour = "python"
    exact_int_float_compare = True

    def md5_hex(self, text, ascii_only):
        return _fn("segdsl_md5", text)

    def string_literal(self, text):
        # Python's sqlite3 refuses a statement holding NUL: spell each one as CHAR(0).
        if "\x00" not in text:
            return super().string_literal(text)
        parts = []
        for i, piece in enumerate(text.split("\x00")):
            parts += ([_fn("CHAR", _num(0))] if i else []) + ([_str(piece)] if piece else [])
        return _concat(parts)

    def regex(self, operand, pattern, ignore_case):
        return _fn("segdsl_regexp", self.string_literal(("(?i)" if ignore_case else "") + pattern), operand)

    def fn_lower(self, e, args):
        return _fn("segdsl_lower", args[0])

    def fn_upper(self, e, args):
        return _fn("segdsl_upper", args[0])

    def lower_StrTest(self, e):
        # SQLite's text functions stop at a NUL character; compared as UTF-8 bytes, the text is whole.
        blob = cast(self.lower(e.operand), "BLOB")
        data = e.needle.encode()
        needle, n = exp.HexString(this=data.hex()), _num(len(data))
        if not data:
            return exp.Not(this=exp.Is(this=_paren(blob), expression=exp.null()))
        if e.op == "contains":
            return exp.GT(this=exp.StrPosition(this=blob, substr=needle), expression=_num(0))
        part = exp.Substring(this=blob.copy(), start=_num(1), length=n) if e.op == "starts_with" else \
            exp.Substring(this=blob.copy(), start=exp.Neg(this=n.copy()))
        # SUBSTR of an empty blob is null in SQLite, not empty: a text shorter than the needle is
        # decided by its length ('' starts_with " " is false, not unknown)
        long_enough = exp.GTE(this=exp.Length(this=blob), expression=n.copy())
        return exp.and_(long_enough, exp.EQ(this=part, expression=needle), copy=False)

    def round_float(self, value, digits):
        return _fn("segdsl_round", value, digits)  # SQLite's round() keeps only ~15 digits

    # Dates and timestamps are ISO text in SQLite ('2026-11-01', '2026-11-01 10:00:00.500000',
    # the fraction only when there is one), whose text order is time order. Literals are that
    # text as it is: DATETIME('...') would drop the fraction of a second.
    def date_literal(self, d):
        return _str(d.isoformat())

    def timestamp_literal(self, t):
        return _str(t.isoformat(sep=" "))

    def date_shift(self, value, amount, unit, kind):
        if unit in ("month", "year"):
            raise Unsupported(f"moving a {kind} column by {unit}s",
                              help="SQLite rolls Jan 31 + 1 month over into March; compare against a shifted "
                                   "today() instead, e.g. 'signup_date >= today() - 6 months'")
        days = _str(f"{amount:+d} days")
        if kind == "date":
            return _fn("DATE", value, days)
        # DATETIME() answers whole seconds; whole days leave the fraction as it was, so put it back.
        # The whole seconds alone: DATETIME() keeps milliseconds, so '23:59:59.9996' would become the next second.
        seconds = exp.Substring(this=value.copy(), start=_num(1), length=_num(19))
        fraction = exp.Substring(this=value.copy(), start=_num(20))
        return exp.DPipe(this=_fn("DATETIME", seconds, days), expression=fraction, safe=True)


class Postgres(Lowering):
    regex_flavour = "posix_are"

    def string_literal(self, text):
        if "\x00" in text:
            raise Unsupported("the NUL character (\\u0000) in a string",
                              help="PostgreSQL text cannot hold NUL; remove it from the value")
        return super().string_literal(text)

    def text_operand(self, e, ordering=False):
        # Ordering follows the database's locale unless asked for code-point order. In parentheses:
        # `x BETWEEN 'a' COLLATE "C" AND ...` is a syntax error in PostgreSQL.
        if not ordering:
            return e
        return exp.Paren(this=exp.Collate(this=_paren(e), expression=exp.to_identifier("C", quoted=True)))

    def regex(self, operand, pattern, ignore_case):
        cls = exp.RegexpILike if ignore_case else exp.RegexpLike
        return cls(this=operand, expression=self.string_literal(pattern))  # refuses NUL, as for text

    def days_between(self, start, end):
        return exp.Sub(this=end, expression=start)  # date - date is a whole number of days


class MySQL(Lowering):
    """MySQL 8 and MariaDB: default collations ignore case and trailing spaces, so compare bytes."""

    regex_flavour = "icu"  # ICU (MySQL) and PCRE (MariaDB) agree on this rendering

    def text_operand(self, e, ordering=False):
        return cast(e, "BINARY", "mysql")

    def timestamp_literal(self, t):
        # CAST(... AS DATETIME) drops a fraction of a second: keep microseconds when there are some.
        return cast(_str(t.isoformat(sep=" ")), "DATETIME(6)" if t.microsecond else "DATETIME", "mysql")

    def regex(self, operand, pattern, ignore_case):
        # REGEXP_LIKE is missing on MariaDB; REGEXP_INSTR exists on both. The inline flag
        # overrides the column collation's case-insensitivity.
        flagged = ("(?i)" if ignore_case else "(?-i)") + pattern
        return exp.GT(this=_fn("REGEXP_INSTR", operand, _str(flagged)), expression=_num(0))


class Snowflake(Lowering):
    regex_flavour = "posix_ere"

    def regex(self, operand, pattern, ignore_case):
        # REGEXP_LIKE is a full match on Snowflake; REGEXP_INSTR searches.
        call = _fn("REGEXP_INSTR", operand, _str(pattern), _num(1), _num(1), _num(0), _str("i" if ignore_case else "c"))
        return exp.GT(this=call, expression=_num(0))


class BigQuery(Lowering):
    def round_float(self, value, digits):
        # STRING gives the shortest text; BIGNUMERIC keeps 38 places, so round to 22 first as
        # DECIMAL(38, 22) does elsewhere. ROUND on BIGNUMERIC is half away from zero.
        text = cast(cast(value.copy(), "STRING", "bigquery"), "BIGNUMERIC", "bigquery")
        exact = exp.Round(this=text, decimals=_num(22))
        return self.whole_above_2_53(value, cast(exp.Round(this=exact, decimals=digits), "FLOAT64", "bigquery"))

    def date_shift(self, value, amount, unit, kind):
        if kind == "timestamp":
            return exp.DatetimeAdd(this=value, expression=_num(amount), unit=exp.var(unit.upper()))
        return super().date_shift(value, amount, unit, kind)


class Spark(Lowering):
    regex_flavour = "java"

    def days_between(self, start, end):
        return _fn("DATEDIFF", end, start)  # the two-argument form every Spark and Databricks has

    def string_literal(self, text):
        # Spark substitutes ${name} in SQL text (spark.sql.variable.substitute): split '$' from '{'.
        if "${" not in text:
            return super().string_literal(text)
        pieces = text.split("${")
        last = len(pieces) - 1
        return _concat([_str(("{" if i else "") + p + ("$" if i < last else "")) for i, p in enumerate(pieces)])

    def regex(self, operand, pattern, ignore_case):
        # Java's (?i) folds ASCII letters only; (?u) makes it fold every letter, one by one.
        return exp.RegexpLike(this=operand, expression=_str(("(?iu)" if ignore_case else "") + pattern))

    def fn_lower(self, e, args):
        return exp.Lower(this=_capital_i_first("REPLACE", args[0]))

    def date_shift(self, value, amount, unit, kind):
        old = self.dialect in ("hive", "spark2")
        if kind == "timestamp" and not old:
            # Spark 3+: timestamp + INTERVAL keeps the time of day and clamps month ends, as segdsl does.
            return exp.Add(this=value, expression=exp.Interval(this=_str(str(amount)), unit=exp.var(unit.upper())))
        if kind == "timestamp":
            raise Unsupported("moving a timestamp column by a duration",
                              help="compare against a shifted now() instead, e.g. 'last_seen >= now() - 30 days'")
        if unit in ("month", "year") and old:
            # Spark 3 ADD_MONTHS clamps (Jan 31 + 1 month = Feb 28) as segdsl does; Hive and Spark 2
            # also move a month's last day to the last day (Feb 28 + 1 month = Mar 31).
            raise Unsupported(f"moving a date column by {unit}s",
                              help="ADD_MONTHS here moves month ends to month ends; compare against a shifted "
                                   "today() instead, e.g. 'signup_date >= today() - 6 months'")
        return super().date_shift(value, amount, unit, kind)


class Trino(Lowering):
    regex_flavour = "java"

    def prefix(self, operand, n):
        return exp.Substring(this=operand, start=_num(1), length=n)

    def suffix(self, operand, n):
        return exp.Substring(this=operand, start=exp.Neg(this=n))


class ClickHouse(Lowering):
    """ClickHouse: exact int/float comparison, wrapping Int64 arithmetic, narrow Date and DateTime."""

    exact_int_float_compare = True  # Int64 = Float64 compares exactly, as SQLite does

    def prefix(self, operand, n):
        return _fn("leftUTF8", operand, n)

    def suffix(self, operand, n):
        return _fn("rightUTF8", operand, n)

    def fn_lower(self, e, args):
        return _fn("lowerUTF8", _capital_i_first("replaceAll", args[0]))  # lower() is ASCII-only there

    def fn_upper(self, e, args):
        return _fn("upperUTF8", args[0])

    def round_float(self, value, digits):
        # Decimal to Float64 is not correctly rounded on ClickHouse (-8186.59 became -8186.589999999999);
        # parsing the decimal's text is.
        # The cast truncates the text to the scale; segdsl rounds to 22 places: read 40, then round.
        text = cast(cast(value.copy(), "VARCHAR"), "DECIMAL(76, 40)")  # Nullable(...): x may be null
        exact = exp.Round(this=text, decimals=_num(22))
        rounded = cast(cast(exp.Round(this=exact, decimals=digits), "VARCHAR"), "DOUBLE")
        return self.whole_above_2_53(value, rounded)

    # Date and DateTime cover 1970 to 2149 / 2106 and wrap around outside; Date32 and
    # DateTime64 cover every date segdsl has.
    def date_literal(self, d):
        return cast(_str(d.isoformat()), "DATE32", "clickhouse")

    def timestamp_literal(self, t):
        return cast(_str(t.isoformat(sep=" ")), "DATETIME64(6)", "clickhouse")

    def lower_Arith(self, e):
        # Int64 arithmetic wraps around silently: compute in Int128, as the Polars backend does.
        if e.type.kind != "int":
            return super().lower_Arith(e)
        left = _fn("toInt128", self.lower(e.left))  # a CAST to Int128 would refuse nulls
        return _ARITH[e.op](this=left, expression=_paren(self.lower(e.right)))

    def lower_Neg(self, e):
        if e.type.kind != "int":
            return super().lower_Neg(e)
        return exp.Neg(this=_fn("toInt128", self.lower(e.item)))

    def lower_InList(self, e):
        # IN hashes floats by their bits, so -0.0 is not in (0): adding 0.0 turns -0.0 into 0.0.
        if e.operand.type.kind != "float":
            return super().lower_InList(e)
        operand, *items = [exp.Add(this=_paren(v), expression=exp.Literal.number("0.0"))
                           for v in self._operands(e.operand, *e.items)]
        inside = exp.In(this=operand, expressions=items)
        return exp.Not(this=exp.Paren(this=inside)) if e.negated else inside


_BIN2 = exp.to_identifier("Latin1_General_100_BIN2")


class TSQL(Lowering):
    """SQL Server: no boolean type, case-insensitive collations, '=' ignores trailing spaces."""

    has_boolean = False
    plain_text_in = False
    float_text_is_shortest = False  # CAST(float AS VARCHAR) keeps 6 digits

    def string_literal(self, text):
        return exp.National(this=text)  # N'...': non-Latin text survives any database code page

    def text_equal(self, left, right):
        same = exp.EQ(this=exp.Collate(this=_paren(left), expression=_BIN2.copy()), expression=right)
        # '=' pads with spaces, LEN ignores trailing ones: compare lengths with a sentinel appended.
        length = lambda v: exp.Length(this=exp.DPipe(this=_paren(v.copy()), expression=_str(".")))  # noqa: E731
        return exp.and_(same, exp.EQ(this=length(left), expression=length(right)))

    def check_text_ordering(self, construct="ordering comparisons of text (<, <=, >, >=, between)"):
        raise Unsupported(construct, help="SQL Server pads text with spaces when ordering it; compare with == or "
                                          "'in' instead, or use first()/last() of a field that is not text")

    def check_text_grouping(self):
        raise Unsupported("events on a text key, or count_distinct of text",
                          help="SQL Server groups text padded with spaces ('b' and 'b ' are one group); "
                               "key the customers by an int")

    def contains(self, operand, needle, text):
        if text != text.rstrip(" "):
            raise Unsupported("'contains' with trailing spaces")
        pos = _fn("CHARINDEX", exp.Collate(this=needle, expression=_BIN2.copy()), operand)
        return exp.GT(this=pos, expression=_num(0))

    def fn_length(self, e, args):
        # LEN ignores trailing spaces; measure with a sentinel character appended.
        return exp.Sub(this=exp.Length(this=exp.DPipe(this=_paren(args[0]), expression=_str("."))), expression=_num(1))

    def md5_hex(self, text, ascii_only):
        if not ascii_only:
            raise Unsupported("holdouts and splits on a text key or with a non-ASCII salt", help=_NOT_UTF8_HASH)
        # VARCHAR, not the NVARCHAR of N'...': HASHBYTES of NVARCHAR hashes UTF-16
        data = exp.Cast(this=text, to=exp.DataType.build("VARCHAR(8000)", dialect="tsql"))
        digest = _fn("HASHBYTES", _str("MD5"), data)
        return exp.Lower(this=_fn("CONVERT", exp.DataType.build("VARCHAR(32)", dialect="tsql"), digest, _num(2)))

    def regex(self, operand, pattern, ignore_case):
        # REGEXP_LIKE (SQL Server 2025, Azure SQL) is RE2 with search semantics.
        return _fn("REGEXP_LIKE", operand, self.string_literal(pattern), _str("i" if ignore_case else "c"))


class Oracle(Lowering):
    """Oracle: no boolean in SQL, '' is null, and dates depend on NLS settings unless formatted."""

    has_boolean = False
    regex_flavour = "posix_ere"
    float_text_is_shortest = False  # TO_CHAR of a BINARY_DOUBLE is not documented as the shortest text

    def lower_Lit(self, e: ir.Lit):
        if e.value == "":
            raise Unsupported("the empty string \"\"", help="Oracle stores '' as null; use 'is null' instead")
        return super().lower_Lit(e)

    def date_literal(self, d):
        return _fn("TO_DATE", _str(d.isoformat()), _str("YYYY-MM-DD"))

    def timestamp_literal(self, t):
        # The format must match the text exactly: a fraction of a second needs FF6.
        layout = "YYYY-MM-DD HH24:MI:SS.FF6" if t.microsecond else "YYYY-MM-DD HH24:MI:SS"
        return _fn("TO_TIMESTAMP", _str(t.isoformat(sep=" ")), _str(layout))

    def prefix(self, operand, n):
        return exp.Substring(this=operand, start=_num(1), length=n)

    def lower_StrTest(self, e: ir.StrTest):
        if e.op != "ends_with":
            return super().lower_StrTest(e)
        # SUBSTR(x, -n) is null (not shorter) when x is shorter than n: guard with the length.
        operand = self.lower(e.operand)
        n = _num(len(e.needle))
        long_enough = exp.GTE(this=exp.Length(this=operand.copy()), expression=n)
        tail = exp.EQ(this=exp.Substring(this=operand, start=exp.Neg(this=n.copy())), expression=_str(e.needle))
        return exp.and_(long_enough, tail)

    def regex(self, operand, pattern, ignore_case):
        return exp.RegexpLike(this=operand, expression=_str(pattern), flag=_str("i" if ignore_case else "c"))

    def int_text(self, value):
        return _fn("TO_CHAR", value)  # CAST(... AS VARCHAR2) needs a length

    def md5_hex(self, text, ascii_only):
        if not ascii_only:
            raise Unsupported("holdouts and splits on a text key or with a non-ASCII salt", help=_NOT_UTF8_HASH)
        return exp.Lower(this=_fn("RAWTOHEX", _fn("STANDARD_HASH", text, _str("MD5"))))

    def days_between(self, start, end):
        return exp.Sub(this=end, expression=_fn("TRUNC", start))

    def date_shift(self, value, amount, unit, kind):
        if unit in ("month", "year"):
            raise Unsupported(f"moving a {kind} column by {unit}s",
                              help="Oracle's ADD_MONTHS moves month ends to month ends; compare against a shifted today() instead")
        return exp.Add(this=value, expression=_fn("NUMTODSINTERVAL", _num(amount), _str("DAY")))


class Unreviewed(Lowering):
    """Dialects nobody has checked against their engine's documentation yet: refuse what differs most."""

    def regex(self, operand, pattern, ignore_case):
        raise Unsupported("regular expressions ('imatches')" if ignore_case else "regular expressions ('matches')",
                          help="regex support for this dialect has not been reviewed; see docs/dialects.md")


FAMILIES: dict[str, type[Lowering]] = {
    "duckdb": DuckDB, "sqlite": SQLite,
    "postgres": Postgres, "materialize": Postgres, "risingwave": Postgres,
    "mysql": MySQL,
    "snowflake": Snowflake, "bigquery": BigQuery,
    "spark": Spark, "spark2": Spark, "databricks": Spark, "hive": Spark,
    "trino": Trino, "presto": Trino, "athena": Trino,
    "clickhouse": ClickHouse, "tsql": TSQL, "fabric": TSQL, "oracle": Oracle,
}


def lowering_for(dialect: str, segments: dict[str, ir.SegmentIR]) -> Lowering:
    return FAMILIES.get(dialect, Unreviewed)(dialect, segments)
