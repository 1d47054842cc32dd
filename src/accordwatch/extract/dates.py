"""Date expressions, normalised against the publication date.

Each match becomes a Span in layer "date" whose value is "YYYY", "YYYY-MM", "YYYY-MM-DD", a span
"YYYY-MM/YYYY-MM" (or "YYYY/YYYY"), or None when the text gives no year and the article no
publication date. `data` holds the precision (year, month, day, span), whether the expression is
relative ("last year"), and whether it is a deadline ("by the end of ...").
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from spacy.attrs import ORTH

from ..document import Document, Span
from . import dates_ru, lang
from .datetext import (
    FULL_DATE,
    MONTH,
    MONTH_NAMES,
    MONTHS,
    full_date,
    month_number,
    names_the_year,
    past_day,
    weekday_date,
    year_named_before,
)
from .patterns import alternation, may_start
from .pipeline import component

ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
       "last": 4, "final": 4}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12}
YEAR = r"(?:19|20)\d\d"
# "the first six months of the year": in news, the year of publication
REL_YEAR = r"(?:(?:this|last|next|the\s+previous|the\s+past|the\s+current|the\s+same)\s+year|" \
           r"(?<=\bof\s)the\s+year\b(?!\s+(?:before|earlier|ago)\b))"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = "(?:" + alternation(WEEKDAYS, ignore_case=True) + ")"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
# a month written in full (no "Mar", no "Jun."), for a month with neither day nor year: "in September"
FULL_MONTH = "(?:" + alternation(MONTH_NAMES, ignore_case=True) + ")"
# the clause before a weekday or a bare month says the event is still to come
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|would|could|might|(?-i:may)|is\s+to|are\s+to|to\s+be\s+held|scheduled|"
                           r"due\s+to|expected\s+to|plans?\s+to|planned|set\s+to|intends?\s+to|upcoming|"
                           r"(?:suggest|propos)\w*\s+(?:to\s+)?(?:hold|holding|meet|meeting|sign|signing)|"
                           r"(?:leaves|departs|heads|flies)\s+for)\b[^.;!?]*$", re.I)   # (a trip told in the present)
# an event that opens on a day, told in the present, is still to come ("the summit, which opens in Johannesburg on
# Wednesday")
OPENS = r"(?:opens|begins|starts|kicks\s+off|convenes)"   # (events.MEETING_FUTURE reads them too)
OPENS_BEFORE = re.compile(rf"\b{OPENS}(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)?\s+(?:on\s+)?$",
                          re.I)
UNTIL = re.compile(r"\b(?:until|till|through|up\s+to)\s+$", re.I)
# (after the weekday, its clause's subject may come first: "On Sunday, Mexico's Foreign Secretary Luis
# Derbez will begin a trip")
FUTURE_AFTER = re.compile(r"\s*,?\s*(?:(?-i:[A-Z][\w’'.-]*)\s+|(?:the|of|and|van|von|de|da|del|bin|al)\s+){0,8}"
                          r"(?:will|shall)\b", re.I)

# where a date expression may begin: a cheap look-ahead that fails fast at every other position
STARTS = (r"(?:by|before|until|till|the|first|second|third|fourth|1st|2nd|3rd|4th|last|final|q[1-4]|h[12]|"
          r"from|between|early|mid|late|this|next|a\s+year|today|yesterday|tomorrow|\d|jan|feb|mar|apr|may|"
          r"jun|jul|aug|sep|oct|nov|dec|two|three|four|five|six|seven|eight|nine|ten|eleven|"
          r"mon|tue|wed|thu|fri|sat|sun|coming)")

# where a date expression starts: at a word, before an optional deadline ("by the end of ...")
DEADLINE = r"(?P<deadline>\b(?:by|before|until|till)\s+(?:the\s+)?(?:end|close)\s+of\s+)"
HEAD = rf"\b(?={STARTS}){DEADLINE}?"
# its forms, each a branch of PATTERN, tried in this order
BRANCHES = (
    # 1. Q1 2024 / the first quarter of 2024 / the second half of this year / the first half
    #    (January-June) of 2021 (the months it spans in brackets)
    rf"""(?P<part>(?:the\s+)?(?P<pord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+
               (?P<pkind>quarter|half)(?:\s+\([^()\n]{{3,30}}\))?(?:\s+of)?\s+(?P<pyear>{YEAR}|{REL_YEAR}))""",
    # Q1 2024 / H1 2020, and as agencies write them short: 1Q2024 / 1H2020
    rf"""(?P<qshort>\b(?:(?P<qk>Q|H)(?P<qn>[1-4])(?<![Hh][34])\s+|(?P<qn2>[1-4])(?P<qk2>Q|(?<=[12])H)\s*)(?P<qy>{YEAR})\b)""",
    # 2. January-September 2023 / from January through November 2023 / nine months of 2023
    rf"""(?P<mrange>(?:from\s+)?(?P<m1>{MONTH})\s*(?:[-–—]|to|through|till|until)\s*(?P<m2>{MONTH})
                 (?:(?:\s+of)?\s*,?\s*(?P<mry>{YEAR}|{REL_YEAR}))?)""",
    # between January and April (2024)
    rf"""(?P<mbetween>between\s+(?P<bm1>{MONTH})\s+and\s+(?P<bm2>{MONTH})
                 (?:(?:\s+of)?\s*,?\s*(?P<bmy>{YEAR}|{REL_YEAR}))?)""",
    rf"""(?P<nmonths>(?:the\s+)?(?:first\s+)?(?P<nm>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})
                  \s+months\s+(?:of\s+)?(?P<nmy>{YEAR}|{REL_YEAR})
               | \b(?P<nmc>[2-9]|1[01])(?-i:M)\s*(?P<nmcy>{YEAR})\b)""",   # (9M2020: its first nine months)
    # "in the first nine months": of the year of publication (not "the first two months of operation",
    # "... after the agreement takes effect")
    r"""(?P<firstn>(?:the\s+)?first\s+(?P<fn>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months)
        (?!\s+(?:of|in|after|since|following|from)\b)""",
    # 3. full dates and day ranges
    rf"""(?P<drange_md>(?P<rm>{MONTH})\s+(?P<rd1>[0-3]?\d)\s*[-–]\s*(?P<rd2>[0-3]?\d)\b(?:,?\s+(?P<ry>{YEAR}))?)""",
    rf"""(?P<drange_dm>\b(?P<rd1b>[0-3]?\d)\s*[-–]\s*(?P<rd2b>[0-3]?\d)\s+(?P<rmb>{MONTH})(?:,?\s+(?P<ryb>{YEAR}))?)""",
    rf"""(?P<full>{FULL_DATE.pattern})""",
    rf"""(?P<md>\b(?P<mdm>{MONTH})\s+(?P<mdd>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]?\d|\s*(?:million|billion|percent|%)))""",
    rf"""(?P<daymon>\b(?P<dmd>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<dmm>{MONTH})\b)""",
    # 4. March 2020 / February, 2019 / early this month / this year / from 1995 to 2021
    rf"""(?P<my>(?:(?:early|mid|late)[-\s])?(?P<mym>{MONTH})(?:\s+of|,)?\s+(?P<myy>{YEAR}|{REL_YEAR}))""",
    r"""(?P<relm>(?:(?:early|mid|late)[-\s])?(?:this|last|next|the\s+previous)\s+month)""",
    # last May / next March / this September: the month of that name before, after or in the publication's year
    rf"""(?P<relmon>(?P<rmrel>last|next|this)\s+(?P<rmm>(?=(?-i:[A-Z])){FULL_MONTH})\b(?!\s*[-–]?\s*[0-3]?\d\b|,?\s+(?:of\s+)?(?:19|20)\d\d))""",
    rf"""(?P<yspan>(?:from|between)\s+(?P<ys1>{YEAR})\s+(?:to|and|through|till|until)\s+(?P<ys2>{YEAR})\b
              | \b(?P<ys1b>{YEAR})\s*[-–]\s*(?P<ys2b>{YEAR})\b
              | \b(?P<fy1>{YEAR})[-–/](?P<fy2>\d\d)\b(?![-–/.]?\d))""",   # "2007-08" (a fiscal year), "2025-27"
    rf"""(?P<rely>\b{REL_YEAR}\b|a\s+year\s+(?:earlier|ago|before))""",
    r"""(?P<today>\b(?:today|yesterday|tomorrow)\b)""",
    # 5. on Monday / last Friday / next Tuesday (not "Monday, March 4": that date is read on its own)
    rf"""(?P<wday>(?:(?P<wrel>last|next|this\s+coming|coming)\s+)?(?P<wdn>{WEEKDAY})\b
               (?!,?\s+(?:the\s+)?(?:[0-3]?\d\b|{MONTH})))""",
    # 6. this autumn / next spring
    rf"""(?P<season>(?P<srel>this|next|last|the\s+coming)\s+{SEASON}\b)""",
    # 7. by the end of the year / by year-end: a deadline in the publication year
    r"""(?P<yearend>(?(deadline)the\s+year\b|(?:by|before|until|till)\s+(?:the\s+)?year[-\s]end\b))""",
    # 8. in September / in early May / from July / by the end of September: a month with neither day nor year
    rf"""(?P<bmon>(?:(?(deadline)|(?!))|(?<=\bin\s)|(?<=\bfrom\s))(?:(?:early|mid|late)[-\s])?(?P<bmm>{FULL_MONTH})\b
               (?!\s*[-–]?\s*[0-3]?\d\b|,?\s+(?:of\s+)?(?:19|20)\d\d|\s+(?:this|last|next)\b))""",
    rf"""(?P<year>(?<![\d,.$€£])\b(?P<yy>{YEAR})\b(?![\d,.]?\d|\s*(?:tonnes|tons|barrels|units|people|companies|%)))""",
)
FLAGS = re.X | re.I
PATTERN = re.compile(HEAD + "(?:\n" + "\n|".join(BRANCHES) + "\n)", FLAGS)


@lru_cache(maxsize=256)
def pattern_at(char: str) -> re.Pattern:
    """PATTERN for an offset holding `char`: the branches no match of which starts with it fail
    at once (a group of theirs is still there, unset), so a try costs a few branches instead of
    all of them; at a digit, STARTS (which opens with \\d) holds and is not looked at. The same
    match: those branches could not have matched there (patterns.may_start, from each one's first
    characters; all branches where the deadline could start)."""
    if may_start(DEADLINE, FLAGS, char):
        return PATTERN
    kept = tuple(may_start(b, FLAGS, char) for b in BRANCHES)
    return _pattern_of(kept, re.fullmatch(r"\d", char) is None)


@cache
def _pattern_of(kept: tuple[bool, ...], look_ahead: bool) -> re.Pattern:
    head = HEAD if look_ahead else rf"\b{DEADLINE}?"
    branches = (b if keep else "(?!)" + b for b, keep in zip(BRANCHES, kept, strict=True))
    return re.compile(head + "(?:\n" + "\n|".join(branches) + "\n)", FLAGS)


def _base(doc: Document) -> date | None:
    if doc.published:
        try:
            return date.fromisoformat(doc.published)
        except ValueError:
            return None
    return None


def _rel_year(phrase: str, base: date | None, m: re.Match | None = None) -> int | None:
    if re.fullmatch(YEAR, phrase):
        return int(phrase)
    p = phrase.lower()
    if "same" in p and m is not None:
        # "In 2021, Tanzania exported ... In the same year, it imported ...": the year named last
        named = year_named_before(m.string, m.start())
        if named is not None:
            return named
    if base is None:
        return None
    if "last" in p or "previous" in p or "past" in p or "earlier" in p or "ago" in p or "before" in p:
        return base.year - 1
    if "next" in p:
        return base.year + 1
    return base.year


def _future(text: str, m: re.Match) -> bool:
    """Whether the clause around a weekday or a bare month speaks of something still to come."""
    return FUTURE_BEFORE.search(text, max(0, m.start() - 160), m.start()) is not None or \
        FUTURE_AFTER.match(text, m.end()) is not None or \
        OPENS_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None


def _weekday(m: re.Match, base: date | None, past: bool = False) -> str | None:
    """A past weekday is the latest one on or before publication (the publication day itself
    when they agree), "last Monday" the one before it; "next Monday", or one in a clause about
    what is still to come, the first after publication (datetext.weekday_date). With `past`, the
    past reading."""
    if base is None:
        return None
    rel = (m["wrel"] or "").lower()
    return weekday_date(base, WEEKDAYS.index(m["wdn"].lower()), before=rel == "last",
                        after=not past and bool(rel or _future(m.string, m)), named=bool(rel))


def _bare_month(m: re.Match, base: date | None) -> str | None:
    """"in September": the publication year's, or the next year's when the month has passed and
    the clause speaks of what is to come."""
    if base is None:
        return None
    mon = month_number(m["bmm"]) or 0
    y = base.year + (_future(m.string, m) and mon < base.month)
    return f"{y}-{mon:02d}"


def normalise(m: re.Match, base: date | None) -> tuple[str | None, str, bool]:
    """(value, precision, relative) for one PATTERN match."""
    g = m   # its groups by name, each read as it is needed (groupdict() built all seventy)
    if g["yearend"]:
        return (f"{base.year}-12" if base else None), "month", True
    if g["wday"]:
        return _weekday(m, base), "day", True
    if g["season"]:
        y = _rel_year(g["srel"] + " year", base, m)
        return (str(y) if y else None), "year", True
    if g["bmon"]:
        return _bare_month(m, base), "month", True
    if g["part"] or g["qshort"]:
        if g["qshort"]:
            kind = "quarter" if (g["qk"] or g["qk2"]).upper() == "Q" else "half"
            n, y = int(g["qn"] or g["qn2"]), int(g["qy"])
            rel = False
        else:
            kind, n = g["pkind"].lower(), ORD[g["pord"].lower()]
            if kind == "half":
                n = min(n, 2)
            y = _rel_year(g["pyear"], base, m)
            rel = not re.fullmatch(YEAR, g["pyear"])
        if y is None:
            return None, "span", rel
        size = 3 if kind == "quarter" else 6
        first, last = (n - 1) * size + 1, n * size
        if g["deadline"]:
            return f"{y}-{last:02d}", "month", rel
        return f"{y}-{first:02d}/{y}-{last:02d}", "span", rel
    if g["mrange"] or g["mbetween"]:
        # ("January-September 2023" or "between January and April": one of the two branches matched)
        m1, m2 = month_number(g["m1"] or g["bm1"]), month_number(g["m2"] or g["bm2"])
        yr = g["mry"] or g["bmy"]
        y = _rel_year(yr, base, m) if yr else (base.year if base else None)
        if y is None or not m1 or not m2 or (g["mbetween"] and m2 < m1):
            return None, "span", True
        return f"{y}-{m1:02d}/{y}-{m2:02d}", "span", not (yr and re.fullmatch(YEAR, yr))
    if g["nmonths"] or g["firstn"]:
        # ("nine months of 2023", or "the first nine months" of the year of publication)
        word = g["nm"] or g["fn"] or g["nmc"]
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)
        if g["nmc"]:
            return f"{g['nmcy']}-01/{g['nmcy']}-{n:02d}", "span", False
        y = _rel_year(g["nmy"], base, m) if g["nmonths"] else (base.year if base else None)
        if y is None or not 1 <= n <= 12:
            return None, "span", True
        return f"{y}-01/{y}-{n:02d}", "span", not (g["nmonths"] and re.fullmatch(YEAR, g["nmy"]))
    if g["drange_md"] or g["drange_dm"]:
        mon = month_number(g["rm"] or g["rmb"])
        d1 = int(g["rd1"] or g["rd1b"])
        yr = g["ry"] or g["ryb"]
        y = int(yr) if yr else (base.year if base else None)
        if y is None or not mon:
            return None, "day", not yr
        try:
            return date(y, mon, d1).isoformat(), "day", not yr
        except ValueError:
            return None, "day", not yr
    if g["full"]:
        d = full_date(re.match(FULL_DATE.pattern, g["full"], re.X))
        return (d.isoformat() if d else None), "day", False
    if g["md"] or g["daymon"]:
        mon = month_number(g["mdm"] or g["dmm"])
        day = int(g["mdd"] or g["dmd"])
        if base is None or not mon:
            return None, "day", True
        # "will meet on March 3" in an article of September: the next March
        y = base.year + ((mon, day) < (base.month, base.day) and _future(m.string, m))
        try:
            return date(y, mon, day).isoformat(), "day", True
        except ValueError:
            return None, "day", True
    if g["my"]:
        mon = month_number(g["mym"])
        y = _rel_year(g["myy"], base, m)
        if y is None or not mon:
            return None, "month", True
        return f"{y}-{mon:02d}", "month", not re.fullmatch(YEAR, g["myy"])
    if g["relm"]:
        if base is None:
            return None, "month", True
        p = g["relm"].lower()
        y, mon = base.year, base.month
        if "last" in p or "previous" in p:
            y, mon = (y - 1, 12) if mon == 1 else (y, mon - 1)
        elif "next" in p:
            y, mon = (y + 1, 1) if mon == 12 else (y, mon + 1)
        return f"{y}-{mon:02d}", "month", True
    if g["relmon"]:
        mon = month_number(g["rmm"])
        if base is None or not mon:
            return None, "month", True
        rel = g["rmrel"].lower()
        y = base.year - (rel == "last" and mon >= base.month) + (rel == "next" and mon <= base.month)
        return f"{y}-{mon:02d}", "month", True
    if g["yspan"]:
        if g["fy1"]:
            a = int(g["fy1"])
            b = a - a % 100 + int(g["fy2"])
            if not a < b <= a + 10:
                return str(a), "year", False   # "2007-03": no span of years, its year as before
            return f"{a}/{b}", "span", False
        a, b = g["ys1"] or g["ys1b"], g["ys2"] or g["ys2b"]
        return f"{a}/{b}", "span", False
    if g["rely"]:
        y = _rel_year(g["rely"], base, m)
        return (str(y) if y else None), "year", True
    if g["today"]:
        if base is None:
            return None, "day", True
        shift = {"yesterday": -1, "tomorrow": 1}.get(g["today"].lower(), 0)
        return date.fromordinal(base.toordinal() + shift).isoformat(), "day", True
    if g["year"]:
        return g["yy"], "year", False
    return None, "unknown", True


# words a date expression can begin with; PATTERN is tried only where one of them starts a token
# (or a number starts inside one: "17:53,27-03-2024"), which finds what a run over the whole
# text finds at a fifth of the cost
START_WORDS = frozenset((
    "by", "before", "until", "till", "the", "from", "between", "early", "mid", "late", "this", "next", "today",
    "yesterday", "tomorrow", "previous", "past", "current", "same", "q1", "q2", "q3", "q4", "h1", "h2",
    "coming",
)) | frozenset(WEEKDAYS) | frozenset(ORD) | frozenset(NUMBER_WORDS) | frozenset(MONTHS)
DIGITS = re.compile(r"\d+")
NUMBER, START_WORD, A_YEAR, THE = 1, 2, 3, 4    # how a token may begin a date expression (0: it cannot)
# the words that may follow "the" where PATTERN matches at it ("the first quarter", "the two months",
# "the previous month", "the past year", "the year", "the coming winter"): "the" is the commonest
# start word and seldom starts a date, and this costs a twentieth of trying PATTERN there
AFTER_THE = re.compile(r"the\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final|two|three|four|five|six|"
                       r"seven|eight|nine|ten|eleven|\d|previous|past|current|same|year|coming)", re.I)


@lru_cache(maxsize=1 << 16)
def start_kind(token: str) -> int:
    """NUMBER (it starts with a digit), START_WORD, THE ("the", a start word only before the words
    of AFTER_THE), A_YEAR ("a", a start before " year") or 0. Tokens recur across articles: their
    kinds are kept (a bounded cache, as numbers are many)."""
    word = token.lower()
    if word[:1].isdigit():
        return NUMBER
    if word.rstrip(".") in START_WORDS:
        return THE if word.rstrip(".") == "the" else START_WORD
    return A_YEAR if word == "a" else 0


_kinds: dict[int, int] = {}   # start_kind of a token's text, by the text's spaCy string id
MAX_KINDS = 1 << 16


def matches(doc: Document):
    text = doc.text
    starts, ends = doc.meta.get("token_starts"), doc.meta.get("token_ends")
    if starts is None:
        yield from PATTERN.finditer(text)
        return
    # a token's kind by its string id: the token's text is the text's at its offsets (the
    # tokenizer's text differs from it only in whitespace, and no token holds whitespace but
    # whitespace tokens, of kind 0 either way)
    orths = doc.meta.get("token_orths")
    if orths is None and doc.tokens is not None:
        orths = doc.tokens.to_array(ORTH).tolist()
    if orths is None or len(orths) != len(starts):
        orths = [None] * len(starts)
    kinds = _kinds
    if len(kinds) > MAX_KINDS:
        kinds.clear()
    last = -1
    # the tokens that are not known to start no date (most words, found in one pass over the ids)
    for i in [i for i, orth in enumerate(orths) if kinds.get(orth, NUMBER)]:
        st, en, orth = starts[i], ends[i], orths[i]
        if st < last:
            continue
        kind = kinds.get(orth) if orth is not None else None
        if kind is None:
            kind = start_kind(text[st:en])
            if orth is not None:
                kinds[orth] = kind
        if not kind or (kind == A_YEAR and not text.startswith(" year", en)) or \
                (kind == THE and not AFTER_THE.match(text, st)):
            continue
        if kind == NUMBER:
            word = text[st:en].lower()
            tries = [st] + [st + d.start() for d in DIGITS.finditer(word) if d.start() > 0]
        else:
            tries = [st]
        for pos in tries:
            if pos < last:
                continue
            m = pattern_at(text[pos]).match(text, pos)
            if m:
                yield m
                last = m.end()
                break


def find_dates(doc: Document) -> list[Span]:
    base = _base(doc)
    out = []
    for m in matches(doc):
        if not doc.in_body(m.start(), m.end()):
            continue
        if m.group("year") and names_the_year(doc.text, m.start()):
            continue   # "Astana International Forum 2025": the name's year, no date
        value, precision, relative = normalise(m, base)
        year = None
        if value and precision == "year" and m.group("deadline"):
            year, value, precision = value, f"{value}-12", "month"   # "by the end of 2024": its last month
        data = {"precision": precision, "relative": relative, "deadline": bool(m.group("deadline") or
                                                                               m.group("yearend"))}
        if year:
            data["year"] = year   # (the level a figure had reached by then is the year's)
        if m.group("wday") and value:
            data["past"] = _weekday(m, base, past=True)   # for a meeting held or a signing
        elif relative and precision == "day" and (past := past_day(value, base)) is not None:
            data["past"] = past
        if precision == "year" and UNTIL.search(doc.text, max(0, m.start() - 8), m.start()):
            data["until"] = True   # "a contract extended until 2044": the end of a term
        out.append(Span(m.start(), m.end(), "date", m.group(0), value, data))
    return out


@component("dates")
def annotate(doc: Document) -> None:
    if lang.of(doc).code == "ru":
        doc.spans["date"] = dates_ru.find_dates(doc, _base(doc))
    else:
        doc.spans["date"] = find_dates(doc)
