"""Engines on database servers beyond the corpus: an unreachable server or a missing URL is one
clear error, never a traceback, and never shows the password."""

import pytest

from segdsl.diagnostics import SegdslError
from segdsl.engines import engine_class

from servers import free_port, unavailable

URLS = {"postgres": ("postgresql", "SEGDSL_POSTGRES_URL"), "mysql": ("mysql", "SEGDSL_MYSQL_URL")}  # scheme, variable


def _engine_class(name: str):
    try:
        return engine_class(name)
    except SegdslError as err:  # its driver is not installed: skipped locally, a failure in CI
        unavailable(err.diagnostics[0].message)


@pytest.mark.parametrize("name", list(URLS))
def test_unreachable_server_is_one_clear_error_without_the_password(name):
    engine = _engine_class(name)
    scheme = URLS[name][0]
    with pytest.raises(SegdslError) as info:
        engine(f"{scheme}://someone:s3cret-pw@127.0.0.1:{free_port()}/nowhere")
    diagnostic = info.value.diagnostics[0]
    assert diagnostic.code == "E903" and "cannot connect to" in diagnostic.message
    assert "s3cret-pw" not in str(info.value)


@pytest.mark.parametrize("name", list(URLS))
def test_no_url_at_all(monkeypatch, name):
    engine = _engine_class(name)
    monkeypatch.delenv(URLS[name][1], raising=False)
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
