"""Spark SQL through pyspark: a local Spark in this process (one session, shared by every run).

The session is created on first use with the session time zone UTC (segdsl's timestamps have
no zone) and ANSI mode on, Spark 4's default: an integer overflow is an error there, not a
wrapped number. `SEGDSL_SPARK_MASTER` picks the master (default `local[2]`). A session already
running in the process is used instead, with the same two settings set on it. The frame becomes
a temporary view through Arrow; the answer comes back through Arrow too.
"""

from __future__ import annotations

import os
import warnings
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from ..sql import identifiers
from .server import cannot_connect
from .tables import arrow_rows

_CONFIG = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.ansi.enabled": "true",  # Spark 4's default, unless spark-defaults.conf says otherwise
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",  # small inputs: the default 200 tasks would only cost time
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={Path(__file__).with_name('spark-log4j2.properties')}",
}


@contextmanager
def _no_pandas_warning():
    """pyspark 4.x warns on Arrow transfers that it does not yet fully support pandas 3 (unused here)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
        yield


def session():
    """The running SparkSession, or a new local one configured for segdsl."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:  # a session the caller started: segdsl's SQL needs UTC and ANSI mode in it too
        active.conf.set("spark.sql.session.timeZone", "UTC")
        active.conf.set("spark.sql.ansi.enabled", "true")
        return active
    builder = SparkSession.builder.master(os.environ.get("SEGDSL_SPARK_MASTER", "local[2]")).appName("segdsl")
    for key, value in _CONFIG.items():
        builder = builder.config(key, value)
    with _no_pandas_warning():
        spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("OFF")  # failures reach the user as segdsl diagnostics, not Java logs
    return spark


class SparkEngine:
    dialect = "spark"

    def __init__(self) -> None:
        try:
            self.spark = session()
        except Exception as exc:  # noqa: BLE001 - no Java, a bad master URL: one line, no traceback
            raise cannot_connect("Spark", str(exc) or type(exc).__name__) from None
        self.views: list[str] = []

    def load(self, table: str, frame: pl.DataFrame) -> None:
        # A temporary view, gone with close(); Spark parses the quoted name as SQL does.
        view = identifiers.table(table, self.dialect).sql(dialect=self.dialect)
        with _no_pandas_warning():
            self.spark.createDataFrame(frame.to_arrow()).createOrReplaceTempView(view)
        self.views.append(view)

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        with _no_pandas_warning():
            answer = self.spark.sql(sql).toArrow()
        return arrow_rows(answer)

    def close(self) -> None:
        for view in self.views:
            self.spark.catalog.dropTempView(view)
