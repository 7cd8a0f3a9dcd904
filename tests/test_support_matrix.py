"""docs/support-matrix.md is what tests/support_matrix.py generates from this run's results."""

import os
from pathlib import Path

from servers import start

MATRIX = Path(__file__).resolve().parent.parent / "docs" / "support-matrix.md"


def test_support_matrix_is_current(request):
    import support_matrix

    for engine in support_matrix.EXECUTED:
        start(request, engine)  # every engine must run: the matrix is made of their answers
    text = support_matrix.render()
    if os.environ.get("SEGDSL_UPDATE_MATRIX") == "1":
        MATRIX.write_text(text, encoding="utf-8")
    assert "FAILS" not in text, "a corpus case fails: see tests/test_conformance.py"
    assert MATRIX.read_text(encoding="utf-8") == text, (
        "docs/support-matrix.md is out of date: SEGDSL_UPDATE_MATRIX=1 python -m pytest tests/test_support_matrix.py")
