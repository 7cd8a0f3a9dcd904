"""The SQL backend: `compile` builds the queries, `lowering` and `dialects` make each engine return the same
members, `events` joins the event tables, `identifiers` quotes names. Importing this package loads none of
them (nor sqlglot): `segdsl check`, `lint` and `fmt` never need them."""

DEFAULT_DIALECT = "duckdb"
