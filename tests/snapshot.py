"""Snapshot files: compare generated text with a file under tests/snapshots/, or rewrite the file
when SEGDSL_UPDATE_SNAPSHOTS=1 (then review the diff with git)."""

import difflib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"


def updating() -> bool:
    return os.environ.get("SEGDSL_UPDATE_SNAPSHOTS") == "1"


def assert_snapshot_file(text: str, path: Path, what: str = "output") -> None:
    text = text.rstrip("\n") + "\n"
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes().decode("utf-8") != text:
            path.write_bytes(text.encode("utf-8"))  # bytes: keep control characters such as \r as they are
        return
    if not path.exists():
        pytest.fail(f"missing snapshot {path.relative_to(ROOT)}; run with SEGDSL_UPDATE_SNAPSHOTS=1 to create it")
    expected = path.read_bytes().decode("utf-8")
    if expected != text:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            fromfile=f"{path.relative_to(ROOT)} (snapshot)", tofile="generated"))
        pytest.fail(f"{what} differs from snapshot {path.relative_to(ROOT)} "
                    f"(SEGDSL_UPDATE_SNAPSHOTS=1 to accept):\n{diff}")
