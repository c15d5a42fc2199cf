"""Dates in news text: the document's date, section datelines, and dates stated in a sentence."""

from __future__ import annotations

import bisect
import re
from datetime import date as _date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d,]\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}")
_BARE_YEAR = re.compile(r"(?<![\d,.\-/$£€])\b(?P<year>(?:19[5-9]|20[0-4])\d)\b(?![\-/]\d|,\d|\.\d)")
_DATELINE = re.compile(r"^[\s(\[—–-]*(?P<date>[^\n]{6,40}?)[\s)\]—–-]*$", re.MULTILINE)
_HEADER_CHARS = 600


def _month_number(name: str) -> int:
    return _MONTHS[
        name.lower().rstrip(".")[:4].rstrip("t")
        if name.lower().startswith("sept")
        else name.lower()[:3]
    ]


def _iso(year: str, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None and month is not None:
            return _date(int(year), month, day).isoformat()
    except ValueError:
        return None
    return f"{year}-{month:02d}" if month is not None else year


def _full_date(match: re.Match[str]) -> str | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else _month_number(month)
    return _iso(match.group("year"), number, int(match.group("day")))


def full_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of every full calendar date in `text`, in order."""
    found = []
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _ISO):
        for match in pattern.finditer(text):
            value = _full_date(match)
            if value:
                found.append((match.start(), match.end(), value))
    found.sort()
    return found


def normalize_date(value: object) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from metadata such as '2020-01-13T08:00Z'."""
    if value is None:
        return None
    text = str(value).strip()
    match = re.match(r"^((?:19|20)\d{2})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if match:
        year, month, day = match.groups()
        return _iso(year, int(month) if month else None, int(day) if day else None)
    dates = full_dates(text)
    return dates[0][2] if dates else None


class DateIndex:
    """The dates a document gives: its own date, and datelines that open sections of it."""

    def __init__(self, text: str, metadata_date: str | None = None) -> None:
        self._section_starts: list[int] = []
        self._section_dates: list[str] = []
        for line in _DATELINE.finditer(text):
            dates = full_dates(line.group("date"))
            if len(dates) == 1 and len(line.group("date").strip()) <= dates[0][1] - dates[0][0] + 4:
                self._section_starts.append(line.start())
                self._section_dates.append(dates[0][2])
        header = full_dates(text[:_HEADER_CHARS])
        self.document_date = (
            normalize_date(metadata_date)
            or (header[0][2] if header else None)
            or (self._section_dates[0] if self._section_dates else None)
        )

    def date_at(self, offset: int) -> str | None:
        """The date in force at `offset`: the latest dateline before it, or the document's."""
        index = bisect.bisect_right(self._section_starts, offset) - 1
        return self._section_dates[index] if index >= 0 else self.document_date


def stated_date(sentence: str, anchor: int | None = None) -> str | None:
    """A date the sentence states ("in 2003", "in January 2020"), nearest to `anchor` if several."""
    candidates: list[tuple[int, int, str]] = list(full_dates(sentence))
    covered = [(s, e) for s, e, _ in candidates]
    for match in _MONTH_YEAR.finditer(sentence):
        if not any(s <= match.start() < e for s, e in covered):
            value = _iso(match.group("year"), _month_number(match.group("month")))
            if value:
                candidates.append((match.start(), match.end(), value))
                covered.append((match.start(), match.end()))
    for match in _BARE_YEAR.finditer(sentence):
        if not any(s <= match.start() < e for s, e in covered):
            candidates.append((match.start(), match.end(), match.group("year")))
    if not candidates:
        return None
    if anchor is None:
        return candidates[0][2]
    return min(candidates, key=lambda c: min(abs(c[0] - anchor), abs(c[1] - anchor)))[2]
