"""Publication dates from metadata strings and from a dateline line under the title.

Dates come back timezone-aware: a string with an offset or zone name keeps it (as a fixed
offset), a string without one is taken as UTC. We never use the machine's local zone, so the
same input gives the same date anywhere.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from eventscope.errors import InputError

# Only absolute dates: "yesterday" or "3 hours ago" in metadata would resolve against the
# clock of whoever runs ingest, which makes re-runs disagree.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
_TIME = r"(?:\s*[,|\-–]?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?"
_DATELINE = re.compile(
    r"(?:(?:(?:published|posted|updated)(?:\s+on)?|this story is from)\s*:?\s*)?"
    rf"(?P<date>(?:{_WEEKDAY})?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?)"
    rf"{_TIME})",
    re.IGNORECASE,
)


def parse_published(value: object, *, what: str = "published date") -> datetime | None:
    """A timezone-aware datetime from a string, a Unix timestamp or a datetime; ``None`` if blank.

    Raises InputError for a value that is present but is not a full, absolute date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return as_aware(value)
    if isinstance(value, bool):
        raise InputError(f"{what} {value!r} is not a date")
    if isinstance(value, int | float):
        return _from_timestamp(float(value), what)
    if not isinstance(value, str):
        raise InputError(f"{what} {value!r} is not a date; give an ISO 8601 string")
    text = " ".join(value.split())
    if re.fullmatch(r"\d{9,10}(?:\.\d+)?", text):
        return _from_timestamp(float(text), what)
    try:
        return as_aware(datetime.fromisoformat(text))
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for free-form dates

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)  # type: ignore[arg-type]
    if parsed is None or not 1900 <= parsed.year <= 2100:
        raise InputError(f"{what} {value!r} is not a full date; give e.g. 2025-11-13 or 13 November 2025")
    return as_aware(parsed)


def parse_dateline(line: str) -> datetime | None:
    """The date of a line that is only a date ("NOV 13, 2025", "13 November 2025"), else ``None``."""
    stripped = line.strip()
    if len(stripped) > 60:
        return None
    match = _DATELINE.fullmatch(stripped)
    if match is None:
        return None
    try:
        return parse_published(match.group("date"), what="dateline")
    except InputError:
        return None


def as_aware(value: datetime) -> datetime:
    """Naive -> UTC; zone objects from dateparser (pytz-like) -> a plain fixed offset."""
    offset = value.utcoffset()
    if offset is None:
        return value.replace(tzinfo=UTC)
    return value.replace(tzinfo=UTC if offset == timedelta(0) else timezone(offset))


def _from_timestamp(seconds: float, what: str) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise InputError(f"{what} {seconds!r} is not a valid Unix timestamp") from exc
