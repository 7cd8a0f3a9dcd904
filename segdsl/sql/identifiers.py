"""Identifiers: quoted where a dialect needs it, never built from strings by hand."""

from __future__ import annotations

import re
from functools import lru_cache

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect

_PLAIN = re.compile(r"^[a-z_][a-z0-9_]*$")
# Dialects that fold unquoted names to upper case: a quoted name must be upper case to match.
_UPPER_FOLDING = {"snowflake", "oracle", "exasol"}


# Words reserved in at least one major engine; sqlglot's tokenizer keywords miss some
# (PostgreSQL's ORDER, for one), and quoting one word too many is harmless.
_RESERVED = frozenset("""
all alter and any array as asc at between both by case cast check collate column constraint create cross
current_date current_time current_timestamp current_user date day default delete desc distinct drop else end
escape except exists false fetch for foreign from full function grant group having hour in index inner insert
intersect interval into is join key leading left level like limit map minus minute month natural not null of
offset on only option or order outer over partition position primary qualify range references return returns
right row rows sample second select session_user set some struct table then time timestamp to top trailing
trigger true union unique update user using value values view when where window with year zone
""".split())


@lru_cache(maxsize=64)
def _keywords(dialect: str) -> frozenset[str]:
    tokenizer = Dialect.get_or_raise(dialect).tokenizer_class
    words = {k.lower() for k in tokenizer.KEYWORDS if k.replace("_", "").isalpha()}
    return frozenset(words) | _RESERVED


def check_name(name: str, dialect: str) -> None:
    """ValueError for a name the dialect cannot hold as it is, rather than one it would change."""
    if "\x00" in name:
        raise ValueError(f"{name!r} holds the NUL character, which no SQL name can hold")
    if dialect == "mysql":  # docs: identifiers cannot end with a space, hold characters beyond U+FFFF or pass 64
        if name.endswith(" ") or any(ord(c) > 0xFFFF for c in name) or len(name) > 64 or name.endswith("\n"):
            raise ValueError(f"{name!r} cannot be a MySQL/MariaDB name: names end with no space or line break, "
                             "hold no character beyond U+FFFF (emoji) and have at most 64 characters")
    if dialect == "postgres" and len(name.encode()) > 63:
        raise ValueError(f"{name!r} is longer than the 63 bytes PostgreSQL keeps of a name")


def identifier(name: str, dialect: str) -> exp.Identifier:
    """Quote names that are not plain lower-case words or that the dialect treats as keywords."""
    check_name(name, dialect)
    if _PLAIN.match(name) and name not in _keywords(dialect):
        return exp.to_identifier(name, quoted=False)
    if dialect in _UPPER_FOLDING and _PLAIN.match(name):
        return exp.to_identifier(name.upper(), quoted=True)
    return exp.to_identifier(name, quoted=True)


def column(name: str, dialect: str) -> exp.Column:
    return exp.Column(this=identifier(name, dialect))


def table(name: str, dialect: str) -> exp.Table:
    """A table name, optionally qualified: 'customers', 'analytics.customers', 'db.analytics.customers'."""
    pieces = name.split(".")
    if len(pieces) > 3 or not all(pieces):
        raise ValueError(f"'{name}' is not a table name: use table, schema.table or catalog.schema.table")
    parts = [identifier(p, dialect) for p in pieces]
    args = dict(zip(("this", "db", "catalog"), reversed(parts)))
    return exp.Table(**args)
