"""Engine 'postgres' beyond the corpus: an unreachable server is a clear error, never a traceback."""

import pytest

from segdsl.diagnostics import SegdslError

from servers import free_port

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'segdsl[postgres]')")


def test_unreachable_server_is_one_clear_error_without_the_password():
    from segdsl.engines.postgres import PostgresEngine

    with pytest.raises(SegdslError) as info:
        PostgresEngine(f"postgresql://someone:s3cret-pw@127.0.0.1:{free_port()}/nowhere")
    diagnostic = info.value.diagnostics[0]
    assert diagnostic.code == "E903" and "cannot connect to PostgreSQL" in diagnostic.message
    assert "s3cret-pw" not in str(info.value)


def test_no_url_at_all(monkeypatch):
    from segdsl.engines.postgres import PostgresEngine

    monkeypatch.delenv("SEGDSL_POSTGRES_URL", raising=False)
    with pytest.raises(SegdslError) as info:
        PostgresEngine()
    assert info.value.diagnostics[0].code == "E902"
