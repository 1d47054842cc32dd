"""Date expressions in Russian articles, as dates.py reads English ones (same Span values and data).

A module of its own because the grammar differs, not only the words: months and "год" inflect by
case ("15 февраля 2024 года", "в январе–сентябре 2023 г.", "в 2024 году"), the year follows the
day and month, and relative years are adjectives ("в прошлом году", "по итогам прошлого года").
Month stems come from data/ru/months.tsv.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..document import Document, Span
from . import lang
from .datetext import names_the_year, past_day, weekday_date, year_named_before

YEAR = r"(?:19|20)\d\d"
YEAR_WORD = r"(?:\s*(?:года|году|год|годом|г\.|гг\.))?"
REL_YEAR_WORD = r"(?:прошл\w+|текущ\w+|эт\w+|нынешн\w+|следующ\w+|будущ\w+|позапрошл\w+|(?:том|того|тот)\s+же)"
REL = rf"(?P<rel>{REL_YEAR_WORD})\s+(?:год\w*|г\.)"
# a relative year inside a longer expression ("во втором квартале текущего года")
REL_WORDS = rf"{REL_YEAR_WORD}\s+(?:год\w*|г\.)"
DEADLINE = r"(?P<deadline>\bдо\s+(?:конца\s+)?)?"
UNTIL = re.compile(r"\b(?:до|по)\s+$")


@cache
def months() -> tuple[re.Pattern, list[tuple[re.Pattern, int]]]:
    rows = lang.RUSSIAN.lexicon("months.tsv")
    stems = [(re.compile(rf"{r['stem']}\w*", re.I), int(r["month"])) for r in rows]
    alt = "|".join(rf"{r['stem']}\w*" for r in rows)
    return re.compile(alt, re.I), stems


@cache
def weekdays() -> dict[str, int]:
    return {r["word"]: int(r["weekday"]) for r in lang.RUSSIAN.lexicon("weekdays.tsv")}


def month_of(word: str) -> int | None:
    for pat, n in months()[1]:
        if pat.fullmatch(word):
            return n
    return None


@cache
def pattern() -> re.Pattern:
    month = f"(?:{months()[0].pattern})"
    days = "|".join(weekdays())
    # where a date may begin: a digit or one of the words that open one (the engine skips the rest)
    starts = rf"(?<![\w-])(?=\d|до\s|в\s|во\s|за\s|(?:I{{1,3}}|IV)[-\s]|перв|втор|трет|четв|прошл|текущ|эт|" \
             rf"нынешн|следующ|будущ|том\s+же|того\s+же|тот\s+же|" \
             rf"позапрошл|сегодня|вчера|завтра|накануне|дв|тр|пят|шест|сем|вос|девят|десят|одиннадцат|" \
             rf"{months()[0].pattern})"
    return re.compile(rf"""
        {starts}
        {DEADLINE}
        (?:
          (?P<mrange>(?:в\s+|за\s+)?(?P<m1>{month})(?:\s*[-–—]\s*|\s+по\s+)(?P<m2>{month})
            (?:\s+(?:(?P<mry>{YEAR}){YEAR_WORD}|(?P<mrr>{REL_WORDS})))?)
        # ("9-11 октября": a span of days dates what it spans by its first; "24-го февраля": a day with its ending)
        | (?P<full>\b(?P<d>[0-3]?\d)(?:-го)?(?:\s*[-–—]\s*[0-3]?\d(?:-го)?)?\s+(?P<dm>{month})
                   (?:\s+(?P<dy>{YEAR}){YEAR_WORD})?)
        | (?P<numeric>\b(?P<nd>[0-3]?\d)\.(?P<nm>[01]\d)\.(?P<ny>{YEAR})\b)
        | (?P<my>\b(?P<mm>{month})\s+(?P<myy>{YEAR}){YEAR_WORD})
        # "три первых квартала", "первые два квартала"
        | (?P<nquarters>\b(?:(?P<nq1>дв|тр)\w*\s+перв\w*|перв\w*\s+(?P<nq2>дв|тр)\w*)\s+квартал\w*\s+
                        (?:(?P<nqy>{YEAR}){YEAR_WORD}|(?P<nqr>{REL_WORDS})))
        | (?P<quarter>\b(?P<q>[1-4]|I{{1,3}}|IV|перв\w*|втор\w*|трет\w*|четв[её]рт\w*)[-\s]?(?:м|го|й)?\s*
                      (?:квартал\w*)\s+(?:(?P<qy>{YEAR}){YEAR_WORD}|(?P<qr>{REL_WORDS})))
        | (?P<half>\b(?:перв\w+|втор\w+)\s+(?:полугоди\w+|половин\w+)\s+
                   (?:(?P<hy>{YEAR}){YEAR_WORD}|(?P<hr>{REL_WORDS})))
        | (?P<nmonths>\b(?:(?:в|во)\s+(?P<nmp>{REL_YEAR_WORD})\s+году\s*,?\s+за\s+)?   # "в текущем году за 10 месяцев"
                        (?P<nmc>\d{{1,2}}|дв\w+|тр[её]х|четыр\w+|пят\w+|шест\w+|сем\w+|вос[ье]м\w+|девят\w+|десят\w+|
                        одиннадцат\w+)\s+месяц\w*(?(nmp)|\s+(?:(?P<nmy>{YEAR}){YEAR_WORD}|(?P<nmr>{REL_WORDS}))))
        | (?P<yrange>\b(?P<y1>{YEAR})\s*[-–—]\s*(?P<y2>{YEAR}){YEAR_WORD})
        | (?P<rely>{REL})
        | (?P<year>(?<![\d,.])\b(?P<yy>{YEAR})\b(?![\d,.]?\d){YEAR_WORD})
        | (?P<today>\b(?:сегодня|вчера|завтра|накануне)\b)
        | (?P<wday>\bво?\s+(?:(?P<wrel>прошл\w+|следующ\w+|ближайш\w+)\s+)?(?P<wdn>{days})\b)
        | (?P<bmon>(?:(?<=\bв\s)|(?<=\bс\s)|(?<=\bна\s))(?P<bmm>{month})(?![\w-]|\s*[-–—]))
        )
    """, re.X | re.I)


MONTH_COUNTS = (("одиннадцат", 11), ("десят", 10), ("девят", 9), ("восьм", 8), ("восем", 8), ("сем", 7),
                ("шест", 6), ("пят", 5), ("четыр", 4), ("тр", 3), ("дв", 2))


def _months_count(word: str) -> int | None:
    """"девяти" -> 9, "6" -> 6: how many months a period of the year's first months has."""
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    w = word.lower()
    return next((n for stem, n in MONTH_COUNTS if w.startswith(stem)), None)


def _rel_year(word: str, base: date | None, m: re.Match | None = None) -> int | None:
    w = word.lower()
    if w.startswith("т") and " же" in w and m is not None:
        # "В 2021 году Танзания экспортировала ... В том же году ...": the year named last
        named = year_named_before(m.string, m.start())
        if named is not None:
            return named
    if base is None:
        return None
    if w.startswith("позапрошл"):
        return base.year - 2
    if w.startswith("прошл"):
        return base.year - 1
    if w.startswith(("следующ", "будущ")):
        return base.year + 1
    return base.year


# the clause around a bare month speaks of what is still to come
FUTURE_NEAR = re.compile(r"\b(?:будет|будут|пройд[её]т|состоится|состоятся|планиру\w*|намечен\w*|предстоящ\w*|"
                         r"отправляется|вылетает|отбывает)\b",
                         re.I)


WORD = re.compile(r"[а-яё]+", re.I)


def _future_near(text: str, m: re.Match) -> bool:
    """Does the clause around a date speak of what is still to come: a future word near it ("будет",
    "состоится"), or a verb of its sentence in the future tense ("посетит", "отправится", "подпишут")?"""
    if FUTURE_NEAR.search(text, max(0, m.start() - 120), min(len(text), m.end() + 40)):
        return True
    lo = max(text.rfind(".", 0, m.start()) + 1, m.start() - 120)
    stop = text.find(".", m.end())
    hi = min(len(text) if stop == -1 else stop, m.end() + 40)
    return any(_future_verb(w.group().lower(), text[w.end():w.end() + 1] == ",")
               for w in WORD.finditer(text, lo, hi))


def _future_verb(word: str, aside: bool = False) -> bool:
    """Is the word a verb in the future tense (but not one that turns to the reader, "Напомним, ...",
    "Отметим, что ...": a first-person plural set off by a comma, `aside`)?"""
    from . import morph

    tag = morph.parses(word)[0].tag
    return tag.POS == "VERB" and "futr" in tag and not (aside and "1per" in tag and "plur" in tag)


def _bare_month(m: re.Match, base: date | None) -> str | None:
    """"в мае": the publication year's, or the next year's when the month has passed and the
    clause speaks of what is to come (as dates.py reads "in May")."""
    if base is None:
        return None
    mon = month_of(m["bmm"]) or 0
    text = m.string
    # ("намечено на октябрь", "перенесено на март": a month something is set for is still to come)
    future = text[max(0, m.start() - 3):m.start()].lower() == "на " or _future_near(text, m)
    return f"{base.year + (future and mon < base.month)}-{mon:02d}"


def _weekday(m: re.Match, base: date | None, past: bool = False) -> str | None:
    """"во вторник": the latest Tuesday on or before publication; "в прошлый вторник" the one before
    it; "в следующий вторник", or one in a clause about what is still to come, the first after
    publication (as dates.py reads "on Tuesday"). With `past`, the past reading."""
    if base is None:
        return None
    rel, text = (m["wrel"] or "").lower(), m.string
    return weekday_date(base, weekdays()[m["wdn"].lower()], before=rel.startswith("прошл"),
                        after=not past and bool(rel or _future_near(text, m)), named=bool(rel))


def _year(digits: str | None, relative: str | None, base: date | None, m: re.Match | None = None) -> int | None:
    """The year of "2024 года" or of "текущего года" (against the publication date)."""
    return int(digits) if digits else _rel_year(relative, base, m) if relative else None


def normalise(m: re.Match, base: date | None) -> tuple[str | None, str, bool]:
    g = m   # its groups by name, each read as it is needed
    if g["mrange"]:
        m1, m2 = month_of(g["m1"]), month_of(g["m2"])
        # ("январь-август", "с января по август этого года")
        y = int(g["mry"]) if g["mry"] else _rel_year(g["mrr"], base, m) if g["mrr"] else (base.year if base else None)
        if not (m1 and m2 and y):
            return None, "span", True
        return f"{y}-{m1:02d}/{y}-{m2:02d}", "span", not g["mry"]
    if g["full"]:
        mon = month_of(g["dm"])
        y = int(g["dy"]) if g["dy"] else (base.year if base else None)
        try:
            return (date(y, mon, int(g["d"])).isoformat() if y and mon else None), "day", not g["dy"]
        except ValueError:
            return None, "day", True
    if g["numeric"]:
        try:
            return date(int(g["ny"]), int(g["nm"]), int(g["nd"])).isoformat(), "day", False
        except ValueError:
            return None, "day", False
    if g["my"]:
        mon = month_of(g["mm"])
        return (f"{g['myy']}-{mon:02d}" if mon else None), "month", False
    if g["nquarters"]:
        months = 3 * (2 if (g["nq1"] or g["nq2"]).lower() == "дв" else 3)
        y = _year(g["nqy"], g["nqr"], base, m)
        return (f"{y}-01/{y}-{months:02d}" if y else None), "span", not g["nqy"]
    if g["quarter"]:
        word = g["q"].lower()
        q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(word) or next(
            (n for stem, n in (("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4)) if word.startswith(stem)), None) \
            or int(word)
        y = _year(g["qy"], g["qr"], base, m)
        return (f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}" if y else None), "span", not g["qy"]
    if g["half"]:
        first = m.group("half").lower().startswith("перв")
        y = _year(g["hy"], g["hr"], base, m)
        return ((f"{y}-01/{y}-06" if first else f"{y}-07/{y}-12") if y else None), "span", not g["hy"]
    if g["nmonths"]:
        n, y = _months_count(g["nmc"]), _year(g["nmy"], g["nmr"] or g["nmp"], base, m)
        return (f"{y}-01/{y}-{n:02d}" if n and y else None), "span", not g["nmy"]
    if g["yrange"]:
        return f"{g['y1']}/{g['y2']}", "span", False
    if g["rely"]:
        y = _rel_year(g["rel"], base, m)
        return (str(y) if y else None), "year", True
    if g["today"]:
        if base is None:
            return None, "day", True
        shift = {"сегодня": 0, "вчера": -1, "завтра": 1, "накануне": -1}[m.group("today").lower()]
        return date.fromordinal(base.toordinal() + shift).isoformat(), "day", True
    if g["wday"]:
        return _weekday(m, base), "day", True
    if g["bmon"]:
        return _bare_month(m, base), "month", True
    return g["yy"], "year", False


NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")


def _governs(text: str, at: int) -> bool:
    """Is "накануне" before `at` a preposition: the next word is in the genitive ("накануне визита",
    "накануне проведения форума", "накануне Нового года"), not the subject of a verb that follows
    ("Накануне посольство сообщало", "Накануне стороны подписали": then it is an adverb, the day
    before)?"""
    from . import morph

    m = NEXT_WORD.match(text, at)
    if m is None:
        return False
    parses = morph.parses(m.group(1).lower())
    if not any("gent" in p.tag for p in parses):
        return False
    if not any("nomn" in p.tag for p in parses):
        return True
    verb = NEXT_WORD.match(text, m.end())
    return verb is None or morph.pos(verb.group(1)) not in ("VERB", "PRTS")


def find_dates(doc: Document, base: date | None) -> list[Span]:
    out = []
    for m in pattern().finditer(doc.text):
        if not doc.in_body(m.start(), m.end()):
            continue
        if m.group("today") and m.group("today").lower() == "накануне" and _governs(doc.text, m.end()):
            continue   # "накануне визита": on the eve of something, no day of its own
        if m.group("year") and m.group(0).strip().isdigit() and names_the_year(doc.text, m.start()):
            continue   # "Kazakhstan Energy Week — 2025": the name's year, no date
        value, precision, relative = normalise(m, base)
        if value and precision == "year" and m.group("deadline") and "конц" in m.group("deadline").lower():
            # "до конца 2024 года": its last month ("до 2025 года", by the year, is the year, as "by 2025" is)
            value, precision = f"{value}-12", "month"
        data = {"precision": precision, "relative": relative, "deadline": bool(m.group("deadline"))}
        if m.group("wday"):
            data["past"] = _weekday(m, base, past=True)   # for a meeting held or a signing
        elif relative and precision == "day" and (past := past_day(value, base)) is not None:
            data["past"] = past
        if precision == "year" and UNTIL.search(doc.text, max(0, m.start() - 6), m.start()) and not m.group("deadline"):
            data["until"] = True
        out.append(Span(m.start(), m.end(), "date", m.group(0), value, data))
    return out
