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
