"""The top of an article: title, publication stamp, dateline, outlet.

    date 2022-08-25 By Azernews            -> published 2022-08-25, outlet Azernews
    Updated at 17:53,27-03-2024            -> published 2024-03-27
     date 2024-09-12 ASTANA. KAZINFORM – The ...   (a stamp at the head of the first line,
                                            the article running on after it) -> 2024-09-12
    NUR-SULTAN (TCA) — Kazakhstan is ...   -> dateline Astana, outlet TCA
    Abu Dhabi, Sep 2 (PTI) India and ...   -> dateline Abu Dhabi, outlet PTI (a known city)
    DUSHANBE, July 22. /TASS/. The ...     -> dateline Dushanbe, outlet TASS

Stamps are looked for in the first lines of the page, above and below the title and the
first paragraph (pages put "Updated 18 May 2024" under a photo caption).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from ..document import Document
from . import dates_ru, lang
from . import gazetteer as gz
from .boilerplate import FURNITURE, is_menu
from .datetext import FULL_DATE, FULL_DATE_ANY_CASE, MONTH, full_date
from .patterns import tokens_back, windowed_matches
from .pipeline import component

STAMP_WORDS = re.compile(
    r"\b(?:date|dated|updated|update|published|posted|created|modified|last|at|on|am|pm|gmt|utc|"
    # time zones a stamp's time is given in ("February 09, 2009 19:08 IST")
    r"ist|est|edt|cet|cest|eet|eest|msk|bst|pst|pdt|cst|cdt|jst|kst|hkt|sgt|almt|uzt|hrs|мск|"
    # ("Politics Materials 28 November 2021 15:14 (UTC +04:00)": a news site's section and its word for its items)
    r"local\s+time|time|в|года|г|обновлено|опубликовано|дата|materials|материалы)\b|\d{1,2}:\d{2}(?::\d{2})?"
    r"|[|,:;()\-–—/•.+]"
    r"|\{\{[^{}]*\}\}", re.I)   # (and a page template's placeholder left unfilled: "{{hitsCtrl.values.hits}}")


TITLE_WORD = re.compile(r"[^\W\d_]{2,}")
SHORT_YEAR = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]\d)\.(?P<y>\d\d)(?![\d.])")
# a page's navigation left above the article ("« Back to article", "Print this article") or a photo's caption
# ("Le Thi Thu Hang. Photo: VNA"): no title
NAVIGATION = re.compile(r"\b(?:back\s+to\s+(?:article|top|news|home)|print\s+this\s+(?:article|page)|skip\s+to\s+"
                        r"(?:main\s+)?content|версия\s+для\s+печати|вернуться\s+(?:к|назад))"
                        # (a breadcrumb's opening, alone on its line; a photo's caption with its credit)
                        r"|^(?:you\s+are\s+here|вы\s+здесь)\W*$|\b(?:photo|фото)\s*:"
                        # (a feed's credit line: "Source: ... News"; a call to a reader: "Click Here To Listen ...")
                        r"|^(?:source|источник)\s*:|^(?:click|tap)\s+here\b|^нажмите\s+(?:здесь|сюда)", re.I)


@cache
def ru_full_date() -> re.Pattern:
    """A full date in Russian: "21 января 2021", "3 декабря 2025 года"."""
    return re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<m>{dates_ru.months()[0].pattern})\s+(?P<y>(?:19|20)\d\d)", re.I)


def _ru_date(m: re.Match) -> date | None:
    month = dates_ru.month_of(m["m"])
    try:
        return date(int(m["y"]), month, int(m["d"])) if month else None
    except ValueError:
        return None
BY_OUTLET = re.compile(r"\bBy\s+([A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s*$")

DATELINE = re.compile(rf"""
    ^(?P<city>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){{0,3}})
    (?:,\s*(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=[,\s(]))?
    (?:,?\s*(?P<date>(?i:{MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?))?   # "July 22", "JANUARY 26"
    (?:\.?\s*/(?P<slashed>[^/\n]{{2,40}})/)?          # "DUSHANBE, July 22. /TASS/."
    (?:,\s*(?P<agency>[A-Z][A-Z-]{{2,}}(?:\s[A-Z][A-Z-]{{2,}})?)(?=\.))?   # "YEREVAN, JANUARY 26, ARMENPRESS."
    (?:\s*(?:\((?P<outlet>[^()\n]{{2,40}})\))?\s*(?:[–—]+|-{{1,2}}|:|\.)\s+(?=\S)
     | ,?\s*\((?P<sources>[^()\n]{{2,90}})\)\s*:?\s*(?=[A-Z]))   # "ADDIS ABABA, (Agency / Other - 19th Aug) The ..."
""", re.X)
# a city in title case: only a known place makes it a dateline ("Abu Dhabi, Sep 2 (PTI)",
# "Buenos Aires: Prime Minister ..."), never a sentence that starts with a name and a colon
DATELINE_MIXED = re.compile(rf"""
    # a byline first: "Jayanty Nada Shofa, Jakarta –"
    ^(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){{1,3}},\s+(?=[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){{0,2}}\s+[–—-]))?
    (?P<city>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){{0,2}})
    (?:\s*\[[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\](?=,))?                 # "New Delhi [India], December 6 :"
    (?:,\s*(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s*\())?   # "Tashkent, Uzbekistan (UzDaily.com) --"
    (?:,\s*(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?))?   # "13 September 2014"
    \s*(?:\((?P<outlet>[^()\n]{{2,40}})\)|\((?=\s*[–—-]))?       # (an outlet's brackets left empty: "( --")
    (?:\s*(?:[–—]+|-{{1,2}}|:)\s+|(?<=\))\s+)(?=\S)
""", re.X)
# a Russian dateline: "Ташкент, 22 июня /Синьхуа/ --", "АСТАНА. КАЗИНФОРМ –", "Бишкек (Кабар) —", the date
# first: "6 октября, Минск /Корр. БЕЛТА/."
RU_DAY = r"[0-3]?\d\s+[а-яё]+(?:\s+(?:19|20)\d\d(?:\s*г\.|\s+года)?)?"   # "6 сентября 2024 г."
RU_DATELINE = re.compile(rf"""
    ^(?:(?P<date_first>{RU_DAY}),\s*)?
    (?P<city>[А-ЯЁ][а-яёА-ЯЁ]+(?:[ -][А-ЯЁ][а-яёА-ЯЁ]+)?)
    (?:,\s*(?P<date>{RU_DAY}|[0-3]?\d\.[01]\d\.(?:\d\d){{1,2}}))?
    (?:\.?\s*/(?P<slashed>[^/\n]{{2,40}})/)?
    \s*(?:\((?P<outlet>[^()\n]{{2,40}})\))?
    \s*(?:[–—]+|-{{1,2}}|\.)\s+(?=\S)
""", re.X)
# the correspondent before the agency between slashes ("Корр. БЕЛТА", "корреспондент ТАСС")
SLASHED_WRITER = re.compile(r"^(?:корр\.|корреспондент\w*|спецкорр\.)\s*", re.I)
AGENCY_THEN_WRITER = re.compile(r"([A-ZА-ЯЁ]{2,}(?:[- ][A-ZА-ЯЁ]{2,})*)\s+[A-ZА-ЯЁ][a-zа-яё]+\s+[A-ZА-ЯЁ][a-zа-яё]+$")
# a publication stamp at the head of a line that runs on with the article: a date in figures,
# or any full date after a stamp word, and its time ("12.09.2024, 14:05 ASTANA ...")
HEAD_STAMP = re.compile(rf"""
    ^\s*(?:(?P<word>date|dated|published|posted|updated|update)\s*:?\s*)?
    (?P<date>{FULL_DATE.pattern})
    (?:,?\s*(?:at\s+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC))?)?
    \s*(?:[|·•]\s*)?(?=\S)
""", re.X | re.I)

# a publication stamp that gives only the month ("date 2023-08 ...", "Published: 2023-08"): no day to
# publish on, but the month a signing or a meeting held with no date of its own falls in
MONTH_STAMP = re.compile(r"^\s*(?:date|dated|published|posted|updated)\s*:?\s*(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])"
                         r"(?![\d-])\s*", re.I)

ATTRIBUTION = re.compile(r"""
    (?P<before>(?:^|[,(]\s*|\b))
    (?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})\s+
    (?:reports|reported|has\s+learned|learned|informs|writes|says|cites)\b
  | (?i:according\s+to)\s+(?P<name2>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})
""", re.X)
# a word every ATTRIBUTION match holds (its verbs as written, or "according" in any case, of whose
# letters "ccord" have no case forms but their capitals): a text with none is not scanned with
# ATTRIBUTION, which tries the pattern at every offset
ATTRIBUTION_WORDS = ("report", "learned", "informs", "writes", "says", "cites")
# where ATTRIBUTION is tried (patterns.windowed_matches): a match of the first kind ends with one
# of these verbs and starts at most 7 tokens before it (a name of 5 words, the token holding the
# comma or bracket before it, "has"); one of the second starts at "according"
ATTRIBUTION_ANCHOR = re.compile(r"(?P<verb>reports|reported|learned|informs|writes|says|cites)|(?i:according)")
ATTRIBUTION_FIRST = re.compile(r"[,(A-Za]")
BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*$")


def stamp_date(line: str, strict: bool = False) -> tuple[str, str | None] | None:
    """(YYYY-MM-DD, outlet or None) if the line is a publication stamp, else None.
    A stamp may share its line with other page furniture after a bar:
    "Published: 25 April 2024, 14:20 | Economy | Reading time: 4 min". `strict` (a line below
    the first paragraph): the line holds nothing but the date, its time and stamp words, so
    "Signed on 12 May 2023." is no stamp there."""
    if len(line) > 160:
        return None
    if "|" in line:
        for part in line.split("|"):
            found = _stamp(part, strict)
            if found:
                return found
        return None
    return _stamp(line, strict)


def _stamp(line: str, strict: bool = False) -> tuple[str, str | None] | None:
    if len(line) > 100:
        return None
    m = FULL_DATE.search(line) or FULL_DATE_ANY_CASE.search(line)
    d = full_date(m) if m else None
    if m is None:
        m = ru_full_date().search(line)   # "21 января 2021 в 22:55"
        d = _ru_date(m) if m else None
    if m is None and (m := SHORT_YEAR.search(line)):
        # "12:22  19.06.09": a day with a year of two digits, on a line of nothing else but times
        if STAMP_WORDS.sub(" ", line[:m.start()] + " " + line[m.end():]).strip():
            return None
        d = _short_year_date(m)
    if d is None:
        return None
    rest = line[:m.start()] + " " + line[m.end():]
    outlet = None
    bm = BY_OUTLET.search(rest)
    if bm:
        outlet = bm.group(1) if _outlet_like(bm.group(1)) else None   # "By Azernews", not "By Kamila Aliyeva"
        rest = rest[:bm.start()]
    rest = STAMP_WORDS.sub(" ", rest)
    if len(rest.split()) > (0 if strict else 2):
        return None
    return d.isoformat(), outlet


def head_stamp(line: str) -> tuple[str, int] | None:
    """(YYYY-MM-DD, length of the stamp) when the line opens with a publication stamp and the
    article runs on after it on the same line; a sentence that starts with a date in words
    ("12 March 2024 saw ...") is no stamp: a date in words needs a stamp word before it."""
    m = HEAD_STAMP.match(line)
    if not m:
        return None
    date_m = FULL_DATE.match(m["date"])
    if date_m is None or (not m["word"] and not (date_m["iso"] or date_m["dmy"])):
        return None
    d = full_date(date_m)
    if d is None or len(line[m.end():].split()) < 3:
        return None
    return d.isoformat(), m.end()


def _runs_on(rest: str) -> bool:
    """Does the rest of a stamped line read as article text (a run of words, no more bars)?"""
    return "|" not in rest and len(rest.split()) >= 6


# an item of a site's menu ("  • English", "• About JICA"; no digit: "• 18 июля 2024 в 10:15" is a stamp):
# not one of the page's first lines of text
# (and a breadcrumb's numbered items: "1. Home", "2. West Africa", "3. Senegal")
MENU_ITEM = re.compile(r"\s*(?:[•·▪►]|[1-9]\.)\s*[^\d\s][^\d.!?]{0,40}")


def _lines(text: str, limit: int = 6):
    """(offset, line) of the first `limit` lines with text, a site menu's items passed over."""
    pos, n = 0, 0
    for line in text.split("\n"):
        if line.strip() and not MENU_ITEM.fullmatch(line):
            yield pos, line
            n += 1
            if n >= limit:
                return
        pos += len(line) + 1


def canonical_outlet(name: str) -> str:
    entry = gz.outlet_index().get(name.lower().removeprefix("the "))
    return entry or name


ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def valid_published(value: object) -> str | None:
    """A publication date given with the article as YYYY-MM-DD (a full ISO timestamp is cut to
    its day); anything else ("2024-02-30", "yesterday") is no date: None. Its year has four
    digits and one to spare either side, so "last year" and "next year" have four too."""
    m = ISO_DAY.fullmatch(value) if isinstance(value, str) else None
    if not m or not 1001 <= int(m[1]) <= 9998:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


@component("header")
def read_header(doc: Document) -> None:
    if doc.published is not None:
        doc.published = valid_published(doc.published)
    stamps: list[tuple[int, int]] = []
    title_line = None
    first_para = None
    for pos, line in _lines(doc.text, 8):
        month = MONTH_STAMP.match(line) if first_para is None and doc.published is None else None
        if month:
            doc.meta["published_month"] = f"{month['y']}-{month['m']}"
            stamps.append((pos, pos + month.end()))
            pos, line = pos + month.end(), line[month.end():]
        head = head_stamp(line) if first_para is None else None
        # "2023-11-30 09:40 | Economy | 4 min" is furniture; "2023-11-30 09:40 | Kazakh and
        # Omani officials agreed ..." is a stamp with the article after it
        st = None if head and _runs_on(line[head[1]:]) else stamp_date(line, strict=first_para is not None)
        if st:
            if doc.published is None:
                doc.published = st[0]
            if st[1] and doc.outlet is None:
                doc.outlet = canonical_outlet(st[1])
            stamps.append((pos, pos + len(line)))
            continue
        if head:
            if doc.published is None:
                doc.published = head[0]
            stamps.append((pos, pos + head[1]))
            pos, line = pos + head[1], line[head[1]:]
            if stamp_date(line):
                stamps.append((pos, pos + len(line)))   # " date 2024-07-06 6 July 2024 21:48 (UTC+04:00)": two stamps
                continue
        if first_para is not None:
            continue   # below the first paragraph, only stamps are read
        if doc.title and line.strip() == doc.title.strip():
            continue
        stripped = line.strip()
        if BYLINE.match(stripped) or NAVIGATION.search(stripped) or is_menu(stripped) or FURNITURE.match(stripped):
            continue
        if len(TITLE_WORD.findall(stripped)) < 2 and first_para is None:
            continue   # "• 0", "Share": counters and buttons, neither title nor text
        if (title_line is None and first_para is None and len(stripped) <= 200
                and not stripped.endswith((".", "”", '"')) and not DATELINE.match(stripped)):
            title_line = stripped
            continue
        if first_para is None and doc.in_body(pos, pos + len(line)):
            first_para = (pos, line)
    if doc.title is None and title_line and first_para is not None:
        doc.title = title_line
    if stamps and doc.body is not None:
        doc.body = _without(doc.body, stamps)
    if first_para is not None:
        _read_dateline(doc, *first_para)
    if doc.outlet is None:
        _read_attribution(doc)


def _without(body: list[tuple[int, int]], stamps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The body ranges less the stamps: a whole-line stamp drops its line, a stamp at the head
    of a line leaves the rest of the line in the body."""
    out = []
    for a, b in body:
        for s, e in sorted(stamps):
            if e <= a or s >= b:
                continue
            if s > a:
                out.append((a, s))   # body joined across a wrap before the stamp
            a = max(a, e)
        if a < b:
            out.append((a, b))
    return out


def _read_dateline(doc: Document, pos: int, line: str) -> None:
    lead = len(line) - len(line.lstrip())
    m = DATELINE.match(line.lstrip())
    place = None
    agency = None
    if m:
        city = m["city"]
        if ". " in city:   # "ASTANA. KAZINFORM –": the city, then the agency
            city, agency = city.split(". ", 1)
        if len(city.replace(" ", "")) < 3:
            return
        place = gz.place_index().get(city.lower())
        if place is None and not (m["outlet"] or m["slashed"] or agency) and len(city) < 4:
            return
    else:
        code = lang.of(doc).code
        m = (RU_DATELINE if code == "ru" else DATELINE_MIXED).match(line.lstrip())
        city = m["city"] if m else ""
        place = gz.place_index(code).get(city.lower()) if m else None
        if place is None:
            return
    doc.dateline = place[0] if place else city.title()
    if doc.published is None:
        # "БИШКЕК, 6 сентября 2024 г. /Кабар/.", "Бишкек, 16.06.21 /Кабар/.", "ULAN BATOR,(UrduPoint - 3rd
        # Sep, 2019):": a dateline with a year dates the article
        found = _dateline_date(m["date"] if "date" in m.re.groupindex else None) or \
            _dateline_date(m["date_first"] if "date_first" in m.re.groupindex else None) or \
            _dateline_date(m["sources"] if "sources" in m.re.groupindex else None)
        if found is not None:
            doc.published = found.isoformat()
    start = pos + lead
    doc.meta["dateline_span"] = (start, start + m.end())
    named = m["agency"] if "agency" in m.re.groupindex else None
    if named and (named.lower() in gz.country_index() or named.lower() in gz.place_index()):
        named = None   # "ASTANA, KAZAKHSTAN.": the country of the city, no agency
    slashed = m["slashed"] if "slashed" in m.re.groupindex else None
    if slashed:   # "/Корр. БЕЛТА/", "/Лилия Крапивина - БЕЛТА/": the agency, after its correspondent
        slashed = SLASHED_WRITER.sub("", re.split(r"\s+[-–—]\s+", slashed)[-1])
        if (caps := AGENCY_THEN_WRITER.match(slashed)) is not None:
            slashed = caps[1]   # "Корр. ТАСС Олег Трутнев": the agency, then its correspondent's name
    outlet = m["outlet"] or slashed or agency or named
    if not outlet and "sources" in m.re.groupindex and m["sources"]:
        outlet = re.split(r"\s+[/|-]\s+|,", m["sources"])[0]   # the first of the agencies named
    if outlet and doc.outlet is None:
        doc.outlet = canonical_outlet(outlet.strip())


def _outlet_like(name: str) -> bool:
    """Is the name after "By" an outlet's ("Azernews", "The Astana Times", "TCA") rather than a
    writer's ("Kamila Aliyeva")? A known outlet, or one word, or one with a word in capitals."""
    words = name.split()
    return name.lower().removeprefix("the ") in gz.outlet_index() or len(words) == 1 or \
        any(w.isupper() and len(w) > 1 for w in words)


def _dateline_date(text: str | None) -> date | None:
    """The full date a dateline's date or its bracketed sources state, if any."""
    if not text:
        return None
    if (m := ru_full_date().search(text)) is not None:
        return _ru_date(m)
    if (m := FULL_DATE.search(text)) is not None:
        return full_date(m)
    if (m := SHORT_YEAR.search(text)) is not None:
        return _short_year_date(m)
    return None


def _short_year_date(m: re.Match) -> date | None:
    """The day of a date with a year of two digits ("16.06.21": 2021; "19.06.98": 1998), if it is one."""
    yy = int(m["y"])
    try:
        return date(2000 + yy if yy < 70 else 1900 + yy, int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _attribution_windows(text: str) -> Iterator[tuple[int, int]]:
    for a in ATTRIBUTION_ANCHOR.finditer(text):
        yield (tokens_back(text, a.start(), 7), a.start()) if a["verb"] else (a.start(), a.start())


def _read_attribution(doc: Document) -> None:
    outlets = gz.outlet_index()
    if not any(w in doc.text for w in ATTRIBUTION_WORDS) and "ccord" not in doc.text.lower():
        return
    for m in windowed_matches(ATTRIBUTION, doc.text, _attribution_windows(doc.text), ATTRIBUTION_FIRST):
        name = (m["name"] or m["name2"] or "").strip().rstrip(".,;:")
        # the longest tail of the name that is a known outlet ("Belarusian BelTA" -> BelTA)
        words = name.split()
        for i in range(len(words)):
            cand = " ".join(words[i:])
            key = cand.lower().removeprefix("the ")
            if key in outlets and doc.in_body(m.start()):
                doc.outlet = outlets[key]
                return
