"""Calendar arithmetic shared by the checker's constant folding and the Python backends."""

from __future__ import annotations

import calendar
import datetime as dt

UNIT_DAYS = {"day": 1, "week": 7}


def shift(value: dt.date, amount: int, unit: str) -> dt.date:
    """Move a date or datetime by `amount` units; month/year steps clamp to the month's end."""
    if unit in UNIT_DAYS:
        return value + dt.timedelta(days=amount * UNIT_DAYS[unit])
    months = amount * (12 if unit == "year" else 1)
    index = value.year * 12 + (value.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    day = min(value.day, calendar.monthrange(year, month)[1])
    return value.replace(year=year, month=month, day=day)


def parse_as_of(text: str) -> dt.datetime:
    """'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS' -> datetime (midnight for a bare date)."""
    text = text.strip()
    if len(text) == 10:
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
    return dt.datetime.fromisoformat(text.replace(" ", "T"))


def normalise_as_of(as_of: dt.date | dt.datetime | str | None) -> dt.datetime:
    """The as-of moment: `now()` is this instant and `today()` its date. Default: the current time."""
    if as_of is None:
        return dt.datetime.now().replace(microsecond=0)
    if isinstance(as_of, str):
        return parse_as_of(as_of)
    if isinstance(as_of, dt.datetime):
        return as_of
    return dt.datetime.combine(as_of, dt.time())
