"""Dates in news text: the document's date, section datelines, and dates stated in a sentence.

A relation is dated by its own clause (`clause_date`): a date stated in another clause of the
sentence ("Since US forces left in 2011, militias have struck the base") belongs to another
event.  Dates without a year ("On February 7") and relative ones ("yesterday", "last month")
are resolved against a reference date, the date in force where the sentence stands.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date
from datetime import timedelta
from typing import Any

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


@dataclass(frozen=True)
class StatedDate:
    """A date expression found in a text: its character span and its ISO value."""

    start: int
    end: int
    value: str


_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}(?![\d:])(?!\s*,?\s*(?:19|20)\d\d)")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH}(?![A-Za-z])(?!\s*,?\s*(?:19|20)\d\d)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Capitalised names only: news writes weekdays with a capital, and "on Fridays" (plural) is a
# habit, not a day.
_WEEKDAY = re.compile(
    r"\b(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his\s+(?:past|coming)|[Cc]oming)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)(?![a-z])"
)
# "over the last year" and "in the past month" are durations, not a time an event happened.
_NOT_A_DURATION = r"(?<!the\s)"
_RELATIVE = [
    (re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), kind)
    for pattern, kind in (
        (r"(?:earlier\s+|later\s+)?today|tonight|this\s+(?:morning|afternoon|evening)", "today"),
        (r"yesterday|last\s+night", "yesterday"),
        (rf"{_NOT_A_DURATION}(?:last|past)\s+week|a\s+week\s+ago", "last_week"),
        # the week up to the reference day: its month, whichever month the week began in
        (r"(?:earlier\s+|later\s+)?this\s+week", "this_month"),
        (rf"{_NOT_A_DURATION}(?:last|past)\s+month|a\s+month\s+ago", "last_month"),
        (r"(?:earlier\s+|later\s+|early\s+|late\s+)?this\s+month", "this_month"),
        (rf"{_NOT_A_DURATION}(?:last|past)\s+year|a\s+year\s+ago", "last_year"),
        (r"(?:earlier\s+|later\s+|early\s+|late\s+)?this\s+year", "this_year"),
    )
]


def _reference_parts(reference: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO reference date at whatever precision it has."""
    if not reference:
        return None
    match = re.match(r"^((?:19|20)\d{2})(?:-(\d{2}))?(?:-(\d{2}))?$", reference)
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _reference_day(reference: str | None) -> _date | None:
    parts = _reference_parts(reference)
    if parts is None or parts[1] is None or parts[2] is None:
        return None
    try:
        return _date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def resolve_month_day(month: int, day: int, reference: str | None) -> str | None:
    """The ISO day of "February 7" in a text dated `reference`: the reference's year, or the
    year before when the day would fall after the reference (news reports what happened)."""
    parts = _reference_parts(reference)
    if parts is None:
        return None
    year, ref_month, ref_day = parts
    if ref_month is not None and (
        month > ref_month or (month == ref_month and ref_day is not None and day > ref_day)
    ):
        year -= 1
    return _iso(str(year), month, day)


def resolve_weekday(
    weekday: int, reference: str | None, strictly_before: bool = False
) -> str | None:
    """The most recent `weekday` (0 = Monday) on or before the reference day ("on Tuesday"),
    or strictly before it ("last Tuesday")."""
    today = _reference_day(reference)
    if today is None:
        return None
    back = (today.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return (today - timedelta(days=back)).isoformat()


def resolve_relative(kind: str, reference: str | None) -> str | None:
    """A relative date (`kind`: today, yesterday, last_week, last_month, this_month, last_year,
    this_year) at the precision it gives, or None when the reference is too coarse to say."""
    parts = _reference_parts(reference)
    if parts is None:
        return None
    year, month, _ = parts
    if kind in {"today", "yesterday"}:
        today = _reference_day(reference)
        if today is None:
            return None
        return (today - timedelta(days=1 if kind == "yesterday" else 0)).isoformat()
    if kind == "last_week":
        today = _reference_day(reference)
        if today is None:
            return None
        # ISO has no way to write a week: the week's month when the whole week lies in one
        # month, else the reference's month (the week ran up to it).
        day = today - timedelta(days=7)
        monday = day - timedelta(days=day.weekday())
        sunday = monday + timedelta(days=6)
        if monday.month == sunday.month:
            return f"{day.year}-{day.month:02d}"
        return f"{today.year}-{today.month:02d}"
    if kind == "last_year":
        return str(year - 1)
    if kind == "this_year":
        return str(year)
    if month is None:
        return None
    if kind == "this_month":
        return f"{year}-{month:02d}"
    if kind == "last_month":
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    raise ValueError(f"unknown relative date kind: {kind!r}")


def _relative_dates(text: str, reference: str | None) -> Iterator[StatedDate]:
    for match in _WEEKDAY.finditer(text):
        which = (match.group("which") or "").lower()
        if "next" in which or "coming" in which:
            continue  # a day still to come dates no event that was reported
        weekday = _WEEKDAYS.index(match.group("weekday").lower())
        value = resolve_weekday(weekday, reference, strictly_before=bool(which))
        if value:
            yield StatedDate(match.start(), match.end(), value)
    for pattern, kind in _RELATIVE:
        for match in pattern.finditer(text):
            value = resolve_relative(kind, reference)
            if value:
                yield StatedDate(match.start(), match.end(), value)


def dates_in(text: str, reference: str | None = None) -> list[StatedDate]:
    """Every date `text` states, in order: calendar dates, months, years, and (resolved against
    the ISO `reference`, when given) days without a year and relative dates."""
    found: list[StatedDate] = [StatedDate(s, e, v) for s, e, v in full_dates(text)]

    def add(start: int, end: int, value: str | None) -> None:
        if value and not any(d.start < end and start < d.end for d in found):
            found.append(StatedDate(start, end, value))

    for match in _MONTH_YEAR.finditer(text):
        add(
            match.start(),
            match.end(),
            _iso(match.group("year"), _month_number(match.group("month"))),
        )
    if reference:
        for pattern in (_MONTH_DAY, _DAY_MONTH):
            for match in pattern.finditer(text):
                month, day = _month_number(match.group("month")), int(match.group("day"))
                add(match.start(), match.end(), resolve_month_day(month, day, reference))
        for stated in _relative_dates(text, reference):
            add(stated.start, stated.end, stated.value)
    for match in _BARE_YEAR.finditer(text):
        add(match.start(), match.end(), match.group("year"))
    found.sort(key=lambda d: (d.start, d.end))
    return found


def stated_date(
    sentence: str, anchor: int | None = None, reference: str | None = None
) -> str | None:
    """A date the sentence states ("in 2003", "in January 2020"), nearest to `anchor` if several.
    With a `reference` date, "On February 7" and "yesterday" count too."""
    candidates = dates_in(sentence, reference)
    if not candidates:
        return None
    if anchor is None:
        return candidates[0].value
    return min(candidates, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor))).value


# ----------------------------------------------------------------------------- clauses
# Dependencies that open a clause of their own: a date under one belongs to that clause's event.
_CLAUSE_DEPS = {
    "advcl",
    "ccomp",
    "relcl",
    "acl",
    "xcomp",
    "csubj",
    "csubjpass",
    "pcomp",
    "parataxis",
}
# "since 2011" is where a state of things began, "until 2011" where it ended, "after the
# 2003 invasion" a point before the event: none is the event's own date.
_BOUNDARY_WORDS = {"since", "until", "till", "before", "after"}
_VERBS = {"VERB", "AUX"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# Participles and infinitives that lean on the clause they depend on for subject and time.
_DEPENDENT_DEPS = {"acl", "amod", "xcomp", "advcl"}
_MAX_LEVELS = 8  # a guard on the walk up nested clauses; real sentences nest a few deep


def _clause_head(cue: Any) -> Any:
    """The verb whose clause the cue stands in: the cue itself if a verb, else its nearest
    verb ancestor, else the top of its tree (a headline without a verb)."""
    token = cue
    while token.pos_ not in _VERBS and token.head.i != token.i:
        token = token.head
    return token


def _opens_clause(token: Any) -> bool:
    if token.dep_ in _CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ in _VERBS):
        return True
    return any(child.dep_ == "mark" and child.lower_ in _BOUNDARY_WORDS for child in token.children)


def _reaches(token: Any, goals: set[int]) -> bool:
    """Whether walking up from `token` reaches one of `goals` (token indices) before passing
    another clause's head, a since/until/before/after phrase, or the top of the tree."""
    while token.i not in goals:
        if _opens_clause(token) or token.lower_ in _BOUNDARY_WORDS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _has_subject(verb: Any) -> bool:
    return any(child.dep_ in _SUBJECT_DEPS for child in verb.children)


def _predicates(head: Any) -> set[int]:
    """The verbs that share `head`'s subject through "and"/"but" ("invaded Iraq in 2003 and
    toppled its government"), `head` among them: one clause with several predicates."""
    first = head
    while first.dep_ == "conj" and first.head.pos_ in _VERBS and not _has_subject(first):
        first = first.head
    members: set[int] = set()
    pending = [first]
    while pending:
        verb = pending.pop()
        members.add(verb.i)
        pending.extend(
            child
            for child in verb.children
            if child.dep_ == "conj" and child.pos_ in _VERBS and not _has_subject(child)
        )
    return members


def _governing_head(head: Any) -> Any | None:
    """For a clause with neither a subject nor a "since"/"when"/"that" of its own ("backed by
    the UK", "returning in 2014 to fight Islamic State"), the head of the clause it depends
    on: that clause's time is its time.  None for a clause that is an event of its own."""
    if head.dep_ not in _DEPENDENT_DEPS or _has_subject(head) or head.head.i == head.i:
        return None
    if any(child.dep_ == "mark" for child in head.children):
        return None
    return _clause_head(head.head)


def clause_date(cue: Any, sentence: Any, reference: str | None = None) -> str | None:
    """The date a relation's own clause states, nearest its cue: `cue` a spaCy Token, `sentence`
    the Span it stands in, `reference` the ISO date relative dates are resolved against.

    A date counts when, walking up the parse from it, one reaches the cue or its clause's head
    without passing through the head of another clause:
    "On February 7, a US drone strike killed a commander" dates the killing; in "Since US
    forces left in 2011, militias have struck the base" 2011 dates the leaving, not the strikes.
    When the clause states no date, the predicates sharing its subject ("invaded Iraq and
    toppled Saddam Hussein in 2003") and then the clause a subjectless participle or infinitive
    depends on ("The US, backed by the UK, invaded Iraq in 2003") are asked in turn."""
    doc = sentence.doc
    stated: list[tuple[Any, StatedDate]] = []
    for found in dates_in(sentence.text, reference):
        span = doc.char_span(
            sentence.start_char + found.start,
            sentence.start_char + found.end,
            alignment_mode="expand",
        )
        if span is not None and len(span) > 0:
            stated.append((span, found))
    if not stated:
        return None

    def distance(candidate: tuple[Any, StatedDate]) -> int:
        span = candidate[0]
        return min(abs(span.start - cue.i), abs(span.end - 1 - cue.i))

    head: Any | None = _clause_head(cue)
    levels: list[set[int]] = []
    while head is not None and len(levels) < _MAX_LEVELS:
        levels.append({head.i} | ({cue.i} if not levels else set()))
        levels.append(_predicates(head) - {head.i})
        head = _governing_head(head)
    for goals in levels:
        candidates = [c for c in stated if goals and _reaches(c[0].root, goals)]
        if candidates:
            return min(candidates, key=distance)[1].value
    return None
