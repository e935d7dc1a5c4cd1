"""The event's date and ACLED's time precision (1 day, 2 week, 3 month or vaguer).

Absolute dates ('On 9 May 2020', 'May 9, 2020', '2020-05-09') are read as written; relative ones
('on Wednesday', 'yesterday', 'last night') are resolved against the document's publication date.
A text with no date is dated from its publication date, at time precision 3: the day before it by
default, as news reports the previous day's events (`lag_days=0` for the publication day itself).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from conflictdb.models import Span

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}  # fmt: skip
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_VAGUE = r"(?P<vague>around|about|approximately|circa|in the week of|as reported|reported on|by|before|prior to|sometime (?:on|around))?"
_DMY = re.compile(
    rf"(?:{_VAGUE}\s+)?(?:on\s+)?(?:the\s+)?(?:night of\s+)?(?:between\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*(?:-|–|and|to|&)\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?(?:\s+of)?\s+{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_MDY = re.compile(
    rf"(?:{_VAGUE}\s+)?(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*(?P<day2>\d{{1,2}}))?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_MONTH_ONLY = re.compile(
    rf"\b(?:in|during|early|late|mid|end of|beginning of|throughout)[- ]+(?:the month of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|tonight|this (?:morning|afternoon|evening)|last night|overnight|"
    r"the day before yesterday|(?:last|this|earlier this|on|late|early|on the night of)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?|last week(?:end)?|this week(?:end)?|earlier this week|over the weekend|"
    r"(?P<ago>\d+|two|three|four|five|six|seven|a) (?P<unit>days?|weeks?) ago)\b",
    re.IGNORECASE,
)
# 'on the 12th', 'the 25th': a day of the publication month (or the month before).
_ORDINAL_DAY = re.compile(
    r"\b(?:on|since|until|to|from|by)\s+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])", re.IGNORECASE
)
# '(4/02)', '(24/01)': day/month in brackets, as South Asian and European papers write it.
_DAY_MONTH = re.compile(r"\((?P<day>\d{1,2})/(?P<month>\d{1,2})\)")
# A date this far before publication is a reference ('the 26 October poll'), not the event's.
MAX_AGE_DAYS = 14
_UNKNOWN = re.compile(r"\bon an unknown date\b|\bunknown date\b|\bsometime in\b", re.IGNORECASE)
# Something every date pattern needs (a digit, a month, 'day', 'night', 'this', 'week', 'ago'): most
# sentences have none.
_DATEISH = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|night|this|week|ago", re.IGNORECASE)
_NUMWORDS = {"a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None
    precision: int
    spans: tuple[Span, ...]


def reference(published: str | None) -> dt.date | None:
    """The publication date as a date, from an ISO date or datetime."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: dt.date | None) -> int | None:
    """The year of a date written without one: the latest not after the publication date."""
    if ref is None:
        return None
    try:
        candidate = dt.date(ref.year, month, day)
    except ValueError:
        return None
    return ref.year if candidate <= ref + dt.timedelta(days=1) else ref.year - 1


def _absolute(m: re.Match[str], ref: dt.date | None) -> tuple[dt.date, int] | None:
    month_text = m.group("month").lower().rstrip(".")
    month = MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
    if month is None:
        return None
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else _year_for(month, day, ref)
    if year is None:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    groups = m.groupdict()
    vague = bool(groups.get("vague")) and groups["vague"].lower() not in ("reported on", "by")
    precision = 2 if vague or groups.get("day2") else 1
    return date, precision


def _relative(m: re.Match[str], ref: dt.date, *, lag_days: int = 1) -> tuple[dt.date, int]:
    word = m.group("word").lower().strip()
    if word == "last week":
        # no day in it: dated as an undated report is, at the week's precision (ACLED codes a vague
        # date to its report, not to a guessed day)
        return ref - dt.timedelta(days=lag_days), 2
    if word.startswith(("today", "tonight", "this morning", "this afternoon", "this evening")):
        return ref, 1
    if word in ("yesterday", "last night", "overnight"):
        return ref - dt.timedelta(days=1), 1
    if word == "the day before yesterday":
        return ref - dt.timedelta(days=2), 1
    if m.group("weekday"):
        target = WEEKDAYS[m.group("weekday").lower()]
        back = (ref.weekday() - target) % 7
        if word.startswith("last ") and back == 0:
            back = 7
        return ref - dt.timedelta(days=back), 1
    if m.group("ago"):
        n = _NUMWORDS.get(m.group("ago").lower()) or int(m.group("ago"))
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        return ref - dt.timedelta(days=days), 1 if days < 7 else 2
    if "weekend" in word:
        back = (ref.weekday() - 5) % 7
        return ref - dt.timedelta(days=back), 2
    return ref - dt.timedelta(days=ref.weekday() + (7 if word.startswith("last") else 0)), 2


_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40}(?:\([A-Za-z]+\))?,\s*(?P<date>[^-–—\n]{4,30}?)\s*(?:\([A-Za-z]+\)\s*)?[-–—]")


def dateline(text: str) -> tuple[str, Span] | None:
    """The date of a wire story's dateline ('MOPTI, 14 March 2024 - ...') and its span."""
    m = _DATELINE.match(text)
    if not m:
        return None
    date_text = m.group("date")
    for pattern in (_ISO, _DMY, _MDY):
        found = pattern.search(date_text)
        if found and (pattern is _ISO or found.group("year")):
            got = (
                dt.date(int(found["year"]), int(found["month"]), int(found["day"]))
                if pattern is _ISO
                else _absolute(found, None)
            )
            if isinstance(got, tuple):
                got = got[0]
            if got is not None:
                return got.isoformat(), Span(m.start("date"), m.end("date"))
    return None


def find(
    text: str, sentences: list[Span], *, published: str | None, skip: Span | None = None, lag_days: int = 1
) -> EventDate | None:
    """The first date in `sentences`, resolved; None when they hold none. `skip`: a dateline's date;
    `lag_days`: as for `default`, for a reference with no day in it ('last week')."""
    ref = reference(published)
    for sent in sentences:
        if not _DATEISH.search(text, sent.start, sent.end):
            continue
        chunk = sent.of(text)
        found: list[tuple[int, int, dt.date, int, bool]] = []
        for pattern in (_ISO, _DMY, _MDY):
            for m in pattern.finditer(chunk):
                if pattern is _ISO:
                    with contextlib.suppress(ValueError):
                        found.append(
                            (m.start(), m.end(), dt.date(int(m["year"]), int(m["month"]), int(m["day"])), 1, False)
                        )
                    continue
                got = _absolute(m, ref)
                if got:
                    found.append((m.start(), m.end(), got[0], got[1], False))
        if ref is not None:
            for m in _RELATIVE.finditer(chunk):
                if m.group("word").strip():
                    date, precision = _relative(m, ref, lag_days=lag_days)
                    found.append((m.start(), m.end(), date, precision, True))
        if ref is not None:
            for m in _ORDINAL_DAY.finditer(chunk):
                day = int(m.group("day"))
                month, year = (ref.month, ref.year) if day <= ref.day + 1 else _previous_month(ref)
                with contextlib.suppress(ValueError):
                    found.append((m.start(), m.end(), dt.date(year, month, day), 1, False))
            for m in _DAY_MONTH.finditer(chunk):
                day, month = int(m.group("day")), int(m.group("month"))
                bracket_year = _year_for(month, day, ref)
                if bracket_year is not None and 1 <= month <= 12:
                    with contextlib.suppress(ValueError):
                        found.append((m.start(), m.end(), dt.date(bracket_year, month, day), 1, False))
        for m in _MONTH_ONLY.finditer(chunk):
            month = MONTHS[m.group("month").lower().rstrip(".")]
            month_year = int(m.group("year")) if m.group("year") else _year_for(month, 1, ref)
            if month_year is not None:
                found.append((m.start(), m.end(), dt.date(month_year, month, 1), 3, False))
        if skip is not None:
            found = [f for f in found if sent.start + f[1] <= skip.start or sent.start + f[0] >= skip.end]
        if ref is not None:
            found = [f for f in found if -2 <= (ref - f[2]).days <= MAX_AGE_DAYS]
        if found:
            # a written date ('Wednesday [18 August]', 'today (10/02)') beats a relative one
            found.sort(key=lambda f: (2 if f[3] == 3 and not f[4] else int(f[4]), f[0], -f[1]))
            start, end, date, precision, _ = found[0]
            if _UNKNOWN.search(chunk[max(0, start - 25) : start]):
                precision = 3
            return EventDate(date.isoformat(), precision, (Span(sent.start + start, sent.start + end),))
    return None


def default(published: str | None, *, lag_days: int = 1) -> EventDate:
    """No date in the text: `lag_days` before the publication date, at the vaguest precision."""
    ref = reference(published)
    return EventDate((ref - dt.timedelta(days=lag_days)).isoformat() if ref else None, 3, ())


def _previous_month(ref: dt.date) -> tuple[int, int]:
    return (12, ref.year - 1) if ref.month == 1 else (ref.month - 1, ref.year)
