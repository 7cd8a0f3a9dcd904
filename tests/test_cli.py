"""The command line: outputs, exit codes 0/1/2, and no tracebacks for a user's mistakes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from servers import ENGINES, SERVER_FIXTURES, start

from segdsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
BIKES = str(ROOT / "examples" / "bikes.seg")
BIKES_CSV = str(ROOT / "examples" / "data" / "bikes.csv")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_compile_members_query(capsys):
    code, out, _ = run(capsys, "compile", BIKES, "--dialect", "postgres", "--segment", "road_pros", "--as-of", "2026-11-01")
    assert code == 0
    assert out.startswith("SELECT\n  customer_id\nFROM customers\nWHERE")
    assert "'road'" in out and out.rstrip().endswith(";")


def test_compile_flags_query_with_qualified_table(capsys):
    code, out, _ = run(capsys, "compile", BIKES, "--table", "analytics.customers", "--as-of", "2026-11-01")
    assert code == 0
    assert "FROM analytics.customers" in out
    assert "AS pro_or_high_value_women" in out


@pytest.mark.parametrize("engine", ENGINES)
def test_eval_count(request, capsys, engine):
    start(request, engine)
    code, out, _ = run(capsys, "eval", BIKES, "--data", BIKES_CSV, "--count", "--as-of", "2026-11-01", "--engine", engine)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "segment,members"
    assert len(lines) == 1 + 33  # every segment, children, holdouts, split arms and ruleset rules included
    counts = dict(line.split(",") for line in lines[1:])
    assert int(counts["has_email"]) + int(counts["no_email"]) == 65


def test_eval_segment_lists_member_keys(capsys):
    code, out, _ = run(capsys, "eval", BIKES, "--data", BIKES_CSV, "--segment", "amateur_women_road", "--as-of", "2026-11-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "customer_id"
    assert "61" in lines[1:]
    assert lines[1:] == sorted(lines[1:], key=int)


def test_eval_flags_are_true_or_false(capsys):
    code, out, _ = run(capsys, "eval", BIKES, "--data", BIKES_CSV, "--as-of", "2026-11-01")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split(",")[0] == "customer_id" and len(header.split(",")) == 1 + 33 + 3  # segments, labels
    assert all(v in ("true", "false") for row in rows for v in row.split(",")[1:-3])
    labels = [row.split(",")[-3:] for row in rows]
    assert ["road/pro/M", "25-34", "vip"] in labels  # the cell, the age band, the first rule that matches
    assert any(cell == "" for cell, _, _ in labels)  # no sport: not a cyclist, so no cell of bikes


def test_eval_missing_column_is_exit_2(capsys, tmp_path):
    data = tmp_path / "c.csv"
    data.write_text("customer_id,sport\n1,road\n")
    code, out, err = run(capsys, "eval", BIKES, "--data", str(data))
    assert code == 2 and out == ""
    assert "column 'level' is missing" in err


def test_eval_wrong_type_names_column_and_row(capsys, tmp_path):
    text = Path(BIKES_CSV).read_text().splitlines()
    header = text[0].split(",")
    row = text[1].split(",")
    row[header.index("age")] = "forty"
    data = tmp_path / "c.csv"
    data.write_text("\n".join([text[0], ",".join(row)]) + "\n")
    code, _, err = run(capsys, "eval", BIKES, "--data", str(data))
    assert code == 2
    assert "column 'age' row 1" in err and "'forty' is not a whole number" in err


def test_eval_broken_parquet_is_exit_2(capsys, tmp_path):
    data = tmp_path / "c.parquet"
    data.write_bytes(b"not parquet at all")
    code, _, err = run(capsys, "eval", BIKES, "--data", str(data))
    assert code == 2 and "cannot read" in err


def test_check_exit_codes(capsys, tmp_path):
    good = tmp_path / "good.seg"
    good.write_text('entity c { key id: int  age: int }\nsegment adults: age >= 18\n')
    bad = tmp_path / "bad.seg"
    bad.write_text('entity c { key id: int  age: int }\nsegment a: agee >= 18\nsegment b: age == "x"\n')
    assert run(capsys, "check", str(good))[0] == 0
    code, _, err = run(capsys, "check", str(bad))
    assert code == 1
    assert "error[E201]: unknown field 'agee'" in err and "error[E301]" in err
    assert "help: did you mean 'age'?" in err
    code, _, err = run(capsys, "check", str(tmp_path / "missing.seg"))
    assert code == 2 and "no such file" in err


def test_check_json(capsys, tmp_path):
    bad = tmp_path / "bad.seg"
    bad.write_text('entity c { key id: int  sex: string }\nsegment a: sexx == "F"\n')
    code, out, _ = run(capsys, "check", str(bad), "--format", "json")
    assert code == 1
    [diag] = json.loads(out)
    assert diag["code"] == "E201" and diag["span"]["line"] == 2 and diag["span"]["column"] == 12


def test_parse_json(capsys):
    code, out, _ = run(capsys, "parse", BIKES, "--json")
    assert code == 0
    tree = json.loads(out)
    assert [i["kind"] for i in tree["items"]].count("segment") == 19  # top-level: children are inside theirs


def test_ir_is_printable(capsys):
    code, out, _ = run(capsys, "ir", BIKES, "--as-of", "2026-11-01")
    assert code == 0
    assert 'segment recent_signups: (signup_date:date >= date("2026-10-02"))' in out


def test_usage_errors_are_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["compile"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "compile", BIKES, "--dialect", "postgress")
    assert code == 2 and "did you mean 'postgres'?" in err
    with pytest.raises(SystemExit) as exc:
        main(["compile", BIKES, "--as-of", "yesterday"])
    assert exc.value.code == 2


def test_refused_construct_is_exit_1(capsys, tmp_path):
    f = tmp_path / "r.seg"
    f.write_text('entity c { key id: int  city: string }\nsegment w: city matches "^W"\n')
    code, out, err = run(capsys, "compile", str(f), "--dialect", "teradata")
    assert code == 1 and out == ""
    assert "E401" in err and "teradata" in err and "'w'" in err


def test_console_script_runs_without_traceback(tmp_path):
    bad = tmp_path / "bad.seg"
    bad.write_text("segment x: age >\n")
    proc = subprocess.run([sys.executable, "-m", "segdsl", "check", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "error[E105]" in proc.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_engine_failure_is_a_diagnostic_not_a_traceback(request, capsys, tmp_path, engine):
    start(request, engine)
    f = tmp_path / "t.seg"
    f.write_text("segment s: nosuch >= 18\n")
    code, out, err = run(capsys, "eval", str(f), "--data", BIKES_CSV, "--engine", engine)
    assert code == 2 and out == ""
    assert f"error[E903]: {engine} could not" in err
    assert "check that every name is a column of the data" in err


def test_unknown_engine_reported_before_reading_data(capsys):
    code, _, err = run(capsys, "eval", BIKES, "--data", "missing.csv", "--engine", "oracle")
    assert code == 2 and "E902" in err and "E501" not in err


def test_check_reports_every_file_even_after_a_missing_one(capsys, tmp_path):
    bad = tmp_path / "bad.seg"
    bad.write_text("entity c { key id: int  age: int }\nsegment a: agee > 1\n")
    code, _, err = run(capsys, "check", str(tmp_path / "missing.seg"), str(bad))
    assert code == 2
    assert "no such file" in err and "unknown field 'agee'" in err


def test_table_with_too_many_parts_is_refused(capsys):
    code, out, err = run(capsys, "compile", BIKES, "--table", "a.b.c.d")
    assert code == 2 and out == "" and "E404" in err


@pytest.mark.parametrize("engine", ENGINES)
def test_counts_from_the_engine_match_the_flags(request, capsys, engine):
    start(request, engine)
    common = [BIKES, "--data", BIKES_CSV, "--as-of", "2026-11-01", "--engine", engine]
    _, counted, _ = run(capsys, "eval", *common, "--count")
    _, flags, _ = run(capsys, "eval", *common)
    header, *rows = [line.split(",") for line in flags.splitlines()]
    flags = header[1:len(header) - 3]  # then the labels of bikes, ages and lifecycle
    from_flags = {name: sum(r[i] == "true" for r in rows) for i, name in enumerate(flags, start=1)}
    assert {name: int(n) for name, n in (line.split(",") for line in counted.splitlines()[1:])} == from_flags


def test_counts_query_is_one_aggregate_row(capsys):
    code, out, _ = run(capsys, "compile", BIKES, "--as-of", "2026-11-01", "--segment", "gmail")
    assert code == 0
    import segdsl
    sql = segdsl.load(BIKES, as_of="2026-11-01").to_sql(dialect="postgres", counts=True, pretty=False)
    assert sql.startswith("SELECT COALESCE(SUM(CASE WHEN") and "GROUP BY" not in sql


def _write(tmp_path, seg_text: str, csv_text: str) -> tuple[str, str]:
    (tmp_path / "s.seg").write_text(seg_text)
    (tmp_path / "d.csv").write_text(csv_text)
    return str(tmp_path / "s.seg"), str(tmp_path / "d.csv")


@pytest.mark.parametrize("engine", ENGINES)
def test_eval_count_of_a_file_without_segments(request, capsys, tmp_path, engine):
    start(request, engine)
    seg, data = _write(tmp_path, "entity c { key id: int  x: float }\n", "id,x\n1,2.0\n")
    assert run(capsys, "eval", seg, "--data", data, "--count", "--engine", engine)[:2] == (0, "segment,members\n")


@pytest.mark.parametrize("engine", ENGINES)
def test_nan_is_null_without_an_entity_block(request, capsys, tmp_path, engine):
    start(request, engine)
    seg, data = _write(tmp_path, "segment big: x > 1000\nsegment missing: x is null\n", "id,x\n1,NaN\n2,2000\n")
    code, out, _ = run(capsys, "eval", seg, "--data", data, "--engine", engine)
    assert (code, out) == (0, "id,big,missing\n1,false,true\n2,true,false\n")


@pytest.mark.parametrize("mode", [[], ["--count"], ["--segment", "amateur_women_road"]])
@pytest.mark.parametrize("engine", [e for e in ENGINES if e in SERVER_FIXTURES])
def test_eval_on_a_server_answers_as_polars(request, capsys, engine, mode):
    """`--engine postgres` / `mysql` (the servers from SEGDSL_POSTGRES_URL / SEGDSL_MYSQL_URL)
    give byte-identical output."""
    start(request, engine)
    common = ["eval", BIKES, "--data", BIKES_CSV, "--as-of", "2026-11-01", *mode]
    polars = run(capsys, *common)
    served = run(capsys, *common, "--engine", engine)
    assert served[0] == 0 and served[:2] == polars[:2]


# -- event tables: one --data per table ------------------------------------------------------------

RETAIL = str(ROOT / "examples" / "retail.seg")
ORDERS_CSV = str(ROOT / "examples" / "data" / "orders.csv")
RETAIL_DATA = ["--data", f"customers={BIKES_CSV}", "--data", f"orders={ORDERS_CSV}"]


@pytest.mark.parametrize("mode", [[], ["--count"], ["--segment", "lapsed"]], ids=["flags", "count", "members"])
@pytest.mark.parametrize("engine", ENGINES)
def test_eval_with_event_tables_answers_alike_on_every_engine(request, capsys, engine, mode):
    start(request, engine)
    common = ["eval", RETAIL, *RETAIL_DATA, "--as-of", "2026-11-01", *mode]
    polars = run(capsys, *common)
    assert polars[0] == 0 and len(polars[1].splitlines()) > 1
    assert run(capsys, *common, "--engine", engine)[:2] == polars[:2]


def test_eval_entity_data_may_be_given_without_its_name(capsys):
    named = run(capsys, "eval", RETAIL, *RETAIL_DATA, "--count", "--as-of", "2026-11-01")
    plain = run(capsys, "eval", RETAIL, "--data", BIKES_CSV, "--data", f"orders={ORDERS_CSV}", "--count",
                "--as-of", "2026-11-01")
    assert named == plain and named[0] == 0
    assert "never_bought,10" in named[1]


def test_eval_a_segment_that_reads_no_events_needs_no_event_data(capsys):
    code, out, _ = run(capsys, "eval", RETAIL, "--data", BIKES_CSV, "--segment", "amateur_women_riders_without_a_bike",
                       "--as-of", "2026-11-01")
    assert code == 2  # it does read orders: count(orders where category == "bikes")
    code, out, _ = run(capsys, "eval", BIKES, "--data", BIKES_CSV, "--segment", "road_pros", "--as-of", "2026-11-01")
    assert code == 0


@pytest.mark.parametrize("data, message", [
    (["--data", BIKES_CSV], "the segments read the events 'orders', but no --data gives them"),
    (["--data", f"orders={ORDERS_CSV}"], "no --data for the entity 'customers'"),
    (["--data", BIKES_CSV, "--data", f"order={ORDERS_CSV}"], "'order' is not a table of"),
    (["--data", BIKES_CSV, "--data", f"orders={ORDERS_CSV}", "--data", f"orders={ORDERS_CSV}"],
     "names the table 'orders' twice"),
    (["--data", BIKES_CSV, "--data", f"orders={BIKES_CSV}"], "column 'order_id' is missing from"),
    (["--data", BIKES_CSV, "--data", "orders=nope.csv"], "no such data file: nope.csv"),
])
def test_eval_event_data_mistakes(capsys, data, message):
    code, out, err = run(capsys, "eval", RETAIL, *data, "--as-of", "2026-11-01")
    assert (code, out) == (2, "")
    assert message in err


def test_eval_bad_value_in_an_event_file_names_the_table(capsys, tmp_path):
    bad = tmp_path / "orders.csv"
    bad.write_text("order_id,customer_id,ordered_at,amount,category,discounted\n1,1,2026-01-01T10:00:00,lots,books,true\n")
    code, _, err = run(capsys, "eval", RETAIL, "--data", BIKES_CSV, "--data", f"orders={bad}", "--as-of", "2026-11-01")
    assert code == 2
    assert "column 'amount' row 1" in err and "'orders' declares 'amount: float'" in err


def test_the_example_order_history_is_what_its_generator_writes():
    generated = subprocess.run([sys.executable, str(ROOT / "examples" / "data" / "generate_orders.py")],
                               capture_output=True, text=True, check=True).stdout
    assert generated == Path(ORDERS_CSV).read_text(encoding="utf-8")
