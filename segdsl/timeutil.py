"""Calendar arithmetic shared by the checker's constant folding and the Python backends."""

from __future__ import annotations

import calendar
import datetime as dt
import re

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


def shift_or_none(value: dt.date, amount: int, unit: str) -> dt.date | None:
    """`shift` for data values: a date moved beyond year 9999 does not exist, so it is null."""
    try:
        return shift(value, amount, unit)
    except OverflowError:
        return None


def shift_limit(amount: int, unit: str, timestamp: bool) -> dt.date | None:
    """The last value (amount > 0) or the first (amount < 0) that the shift keeps within years 1-9999.

    A shifted date beyond that range is null (`shift_or_none`); engines whose calendars go
    further (Polars, DuckDB) guard the shift with `value <= limit` (`>=` backwards).
    None: no value can be moved that far.
    """
    if timestamp:
        end = dt.datetime.max if amount > 0 else dt.datetime.min
    else:
        end = dt.date.max if amount > 0 else dt.date.min
    return shift_or_none(end, -amount, unit)


# Python's fromisoformat also takes '20261101', '2026-W44-1' and time zones; segdsl does not.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?")
_WHOLE_SECONDS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}")


def parse_date(text: str) -> dt.date:
    """Exactly 'YYYY-MM-DD', a real calendar date; ValueError otherwise."""
    if not _DATE.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def parse_timestamp(text: str, whole_seconds: bool = True) -> dt.datetime:
    """'YYYY-MM-DDTHH:MM:SS' (T or a space); without `whole_seconds` also HH:MM and a fraction."""
    if not (_WHOLE_SECONDS if whole_seconds else _TIMESTAMP).fullmatch(text):
        raise ValueError(text)
    return dt.datetime.fromisoformat(text.replace(" ", "T"))


def parse_as_of(text: str) -> dt.datetime:
    """'YYYY-MM-DD' (midnight) or 'YYYY-MM-DDTHH:MM[:SS[.ffffff]]' -> datetime; ValueError otherwise."""
    text = text.strip()
    if len(text) == 10:
        return dt.datetime.combine(parse_date(text), dt.time())
    return parse_timestamp(text, whole_seconds=False)


def normalise_as_of(as_of: dt.date | dt.datetime | str | None) -> dt.datetime:
    """The as-of moment: `now()` is this instant and `today()` its date. Default: the current time."""
    if as_of is None:
        return dt.datetime.now().replace(microsecond=0)
    if isinstance(as_of, str):
        try:
            return parse_as_of(as_of)
        except ValueError:
            from .diagnostics import SegdslError, error  # diagnostics imports nothing of ours back

            raise SegdslError([error("E405", f"as_of {as_of!r} is not a date or timestamp",
                                     help="write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, a real calendar date")]) from None
    if isinstance(as_of, dt.datetime):
        return as_of
    return dt.datetime.combine(as_of, dt.time())
