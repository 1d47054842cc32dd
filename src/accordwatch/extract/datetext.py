"""Absolute dates written in text: month names, numeric stamps; the day a weekday names. Shared by header
and dates (both languages), and the year "the same year" refers to."""
from __future__ import annotations

import re
from datetime import date

from .patterns import alternation

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# January|February|...|December|Jan\.?|Feb\.?|...|Dec\.?, its words grouped by first letter
# (patterns.alternation): a date pattern tries it several times at every offset it is tried at
MONTH = "(?:" + alternation([*MONTH_NAMES, *(a + dot for a in MONTH_ABBREVIATIONS for dot in (".", ""))]) + ")"

# full dates with a year, in the forms news pages stamp them
FULL_DATE = re.compile(rf"""
    (?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d))(?![\d:])
  | (?P<dmy>(?<![\d:])(?P<dd>[0-3]?\d)[-./](?P<dm>[01]?\d)[-./](?P<dy>(?:19|20)\d\d))
  | (?P<dmy_text>(?<!\d)(?P<td>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<tm>{MONTH}),?\s+(?P<ty>(?:19|20)\d\d))
  | (?P<mdy_text>(?P<um>{MONTH})\s+(?P<ud>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<uy>(?:19|20)\d\d)(?!\d))
""", re.X)
# the same in any case, for a stamp alone on its line: "22 november 2024" (a page that sets its dates in lower case)
FULL_DATE_ANY_CASE = re.compile(FULL_DATE.pattern, re.X | re.I)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def full_date(m: re.Match) -> date | None:
    """The date of a FULL_DATE match."""
    if m["iso"]:
        return safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
    if m["dmy"]:
        d, mo = int(m["dd"]), int(m["dm"])
        if mo > 12 and d <= 12:   # month-first after all
            d, mo = mo, d
        return safe_date(int(m["dy"]), mo, d)
    if m["dmy_text"]:
        return safe_date(int(m["ty"]), month_number(m["tm"]) or 0, int(m["td"]))
    if m["mdy_text"]:
        return safe_date(int(m["uy"]), month_number(m["um"]) or 0, int(m["ud"]))
    return None


def weekday_date(base: date, want: int, before: bool = False, after: bool = False, named: bool = False) -> str:
    """The day of the week `want` (Monday 0) told against `base`: the one before it when `before`
    ("last Monday"), the first after it when `after` ("next Monday", or one still to come: `base` itself
    when they agree and no word but the clause's tense says so, not `named`, as a paper writes of its
    own day, "will leave for Shanghai on Friday" in Friday's), else the latest on or before it (`base`
    itself when they agree)."""
    if before:
        return date.fromordinal(base.toordinal() - ((base.weekday() - want) % 7 or 7)).isoformat()
    if after and not named and want == base.weekday():
        return base.isoformat()
    if after:
        return date.fromordinal(base.toordinal() + ((want - base.weekday()) % 7 or 7)).isoformat()
    return date.fromordinal(base.toordinal() - (base.weekday() - want) % 7).isoformat()


PAST_DAY_REACH = 60   # days before the publication a day with no year may be read as last year's


def past_day(value: str | None, base: date | None) -> str | None:
    """For a day with no year read in the publication's year but after it ("held in Tashkent on Dec
    29-30" in an article of January 1): the same day a year before, the day a meeting held or a signing
    had (a day more than one after the publication; "tomorrow" has none), if that is at most
    PAST_DAY_REACH days before the publication, else None."""
    if not value or base is None or len(value) != 10:
        return None
    day = date.fromisoformat(value)
    if (day - base).days <= 1:
        return None
    try:
        past = day.replace(year=day.year - 1)
    except ValueError:   # February 29
        past = day.replace(year=day.year - 1, day=28)
    # news tells of the weeks just gone: a day further back is no day the article can be sure of
    return past.isoformat() if (base - past).days <= PAST_DAY_REACH else None


# "In 2021 ... In the same year", "В 2021 году ... В том же году": the year named this near before
SAME_REACH = 600
NAMED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def year_named_before(text: str, at: int) -> int | None:
    """The year named last before `at`, within SAME_REACH characters: the one "the same year" means."""
    named = NAMED_YEAR.findall(text, max(0, at - SAME_REACH), at)
    return int(named[-1]) if named else None


# a year that ends a name in capitals ("Astana International Forum 2025", "Kazakhstan Energy Week — 2025",
# "Vision 2030"): part of the name, no date; not after a preposition or a month ("In 2025", "В 2025", "May 2025")
NAME_BEFORE_YEAR = re.compile(
    r"(?<![\w’'-])(?!(?:In|During|Since|By|Until|Till|Through|From|For|Of|Before|After|To|And|Or|Between|Within|"
    r"Over|Under|Late|Early|Mid|End|Around|About|As|At|On|The|Than|Also|Only|В|Во|С|Со|До|После|За|На|К|По|"
    r"Около|И|Или|От|Из|Для|Между|Начиная|Уже|Еще|Ещё|Также)\b)"
    rf"(?!{MONTH}\b)[A-ZА-ЯЁ][\w’'-]{{2,}}\s*[—–-]?\s*$")


def names_the_year(text: str, at: int) -> bool:
    """Is the year at `at` the last word of a name in capitals ("Astana International Forum 2025")?"""
    return NAME_BEFORE_YEAR.search(text, max(0, at - 40), at) is not None
