"""Engines on database servers beyond the corpus: an unreachable server or a missing URL is one
clear error, never a traceback, and never shows the password."""

import importlib

import pytest

from segdsl.diagnostics import SegdslError

from servers import free_port

ENGINES = {  # engine -> (module, class, driver, URL scheme, URL variable)
    "postgres": ("segdsl.engines.postgres", "PostgresEngine", "psycopg", "postgresql", "SEGDSL_POSTGRES_URL"),
    "mysql": ("segdsl.engines.mysql", "MySQLEngine", "pymysql", "mysql", "SEGDSL_MYSQL_URL"),
}


def _engine_class(name: str):
    module, cls, driver, *_ = ENGINES[name]
    pytest.importorskip(driver, reason=f"{driver} is not installed (pip install 'segdsl[{name}]')")
    return getattr(importlib.import_module(module), cls)


@pytest.mark.parametrize("name", list(ENGINES))
def test_unreachable_server_is_one_clear_error_without_the_password(name):
    engine = _engine_class(name)
    scheme = ENGINES[name][3]
    with pytest.raises(SegdslError) as info:
        engine(f"{scheme}://someone:s3cret-pw@127.0.0.1:{free_port()}/nowhere")
    diagnostic = info.value.diagnostics[0]
    assert diagnostic.code == "E903" and "cannot connect to" in diagnostic.message
    assert "s3cret-pw" not in str(info.value)


@pytest.mark.parametrize("name", list(ENGINES))
def test_no_url_at_all(monkeypatch, name):
    engine = _engine_class(name)
    monkeypatch.delenv(ENGINES[name][4], raising=False)
    with pytest.raises(SegdslError) as info:
        engine()
    assert info.value.diagnostics[0].code == "E902"


@pytest.mark.parametrize("url", ["mysql://u:p@host:abc/db", "mysql://u:p@host:99999/db", "mysql://[::1/db",
                                 "http://host/db"])
def test_malformed_mysql_url(url):
    engine = _engine_class("mysql")
    with pytest.raises(SegdslError) as info:
        engine(url)
    assert info.value.diagnostics[0].code == "E902" and "p@" not in str(info.value)
