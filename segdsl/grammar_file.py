"""Where the one grammar file lives: packaged inside the wheel, or at the repo root in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

REPO_GRAMMAR = Path(__file__).resolve().parent.parent / "grammar" / "segdsl.lark"


def grammar_path() -> Path:
    packaged = resources.files("segdsl") / "grammar" / "segdsl.lark"
    if packaged.is_file():  # installed wheel: hatch force-includes grammar/segdsl.lark here
        return Path(str(packaged))
    return REPO_GRAMMAR  # source checkout or editable install


def grammar_text() -> str:
    return grammar_path().read_text(encoding="utf-8")


def grammar_cache_path(text: str) -> str | bool:
    """Where Lark keeps its analysis of the grammar between runs (building it takes 0.2 s, loading it 0.01 s):
    `$SEGDSL_CACHE_DIR`, else `$XDG_CACHE_HOME/segdsl` or `~/.cache/segdsl`, a directory only the user may
    write to (Lark stores a pickle there). False, for no cache, when `SEGDSL_CACHE_DIR` is set empty or the
    directory cannot be made. The file is named after the grammar and the versions that read it, and Lark
    checks the grammar's digest inside it; a damaged file is rebuilt."""
    import hashlib
    import os
    import sys

    import lark

    base = os.environ.get("SEGDSL_CACHE_DIR")
    if base == "":
        return False
    if base is None:
        base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                            "segdsl")
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
    except OSError:
        return False
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    version = f"lark{lark.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(base, f"grammar-{digest}-{version}.lark-cache")
