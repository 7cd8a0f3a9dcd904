"""`lower` and `upper` as segdsl defines them: the simple (one character to one) case mapping.

Python's str.lower/upper apply the full mapping ('ß' -> 'SS', 'İ' -> 'i' + a combining dot),
which changes lengths and differs from what database engines do. segdsl's SQLite functions,
the reference interpreter and the Python backends use this instead.
"""

from __future__ import annotations

import unicodedata


def _simple_upper(ch: str) -> str:
    mapped = ch.upper()
    if len(mapped) == 1:
        return mapped
    # Python gives the full mapping ('ß' -> 'SS', 'ᾀ' -> 'ἈΙ'). The simple mapping, where one
    # exists, is the single-character titlecase ('ᾀ' -> 'ᾈ'); otherwise the letter stays.
    titled = ch.title()
    return titled if len(titled) == 1 else ch


def _simple_lower(ch: str) -> str:
    mapped = ch.lower()
    if len(mapped) == 1:
        return mapped
    # Only 'İ' has a longer full lowercase, 'i' + a combining dot; its simple mapping is 'i'.
    return mapped[0] if all(unicodedata.combining(c) for c in mapped[1:]) else ch


def simple_case(text, upper: bool):
    """Per-character (simple) case mapping, as database engines do: 'ß' stays 'ß', 'İ' lowers to 'i'."""
    if text is None:
        return None
    if text.isascii():
        return text.upper() if upper else text.lower()
    one = _simple_upper if upper else _simple_lower
    return "".join(one(ch) for ch in text)
