"""The types of the language: what a field, literal or expression can be."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Type:
    kind: str  # int float string bool date timestamp enum null any duration
    values: tuple[str, ...] = ()  # for enum

    def __str__(self) -> str:
        if self.kind == "enum":
            return "enum(" + ", ".join(f'"{v}"' for v in self.values) + ")"
        return self.kind

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("int", "float")

    @property
    def is_text(self) -> bool:
        return self.kind in ("string", "enum")

    @property
    def is_temporal(self) -> bool:
        return self.kind in ("date", "timestamp")

    @property
    def is_unknown(self) -> bool:
        """'any' (a file without an entity block) or 'null' (the null literal) fit everywhere."""
        return self.kind in ("any", "null")


INT = Type("int")
FLOAT = Type("float")
STRING = Type("string")
BOOL = Type("bool")
DATE = Type("date")
TIMESTAMP = Type("timestamp")
NULL = Type("null")
ANY = Type("any")
DURATION = Type("duration")

SCALAR_TYPES = {"int": INT, "float": FLOAT, "string": STRING, "bool": BOOL, "date": DATE, "timestamp": TIMESTAMP}


def enum(values: tuple[str, ...]) -> Type:
    return Type("enum", tuple(values))


def comparable(a: Type, b: Type) -> bool:
    """Can a value of type a be compared with one of type b?"""
    if a.is_unknown or b.is_unknown:
        return True
    if a.is_numeric and b.is_numeric:
        return True
    if a.is_text and b.is_text:
        return True
    return a.kind == b.kind


def common(a: Type, b: Type) -> Type:
    """The type of coalesce(a, b) and of a list holding both."""
    if a.kind == "null":
        return b
    if b.kind == "null":
        return a
    if a.kind == "any" or b.kind == "any":
        return ANY
    if a.is_numeric and b.is_numeric:
        return FLOAT if FLOAT in (a, b) else INT
    if a.is_text and b.is_text:
        return a if a == b else STRING
    return a


def with_article(t: Type) -> str:
    """'an int', 'a string', 'an enum', 'null': a type as a message names it."""
    word = str(t) if t.kind != "enum" else "an enum"
    if t.kind == "null":
        return "null"
    return word if word.startswith("an ") else article(word)


def article(word: str) -> str:
    """'an int', 'a dict': a word with its indefinite article."""
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"
