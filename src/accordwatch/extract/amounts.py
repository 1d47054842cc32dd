"""Amounts: money, physical quantities and counts, each with its value in base units.

    $2.9 billion -> 2_900_000_000 USD     €1.2bn -> 1_200_000_000 EUR     KZT 500 billion -> KZT
    5 billion dollars -> USD              over 43,000 tonnes -> 43_000 tonnes (approximate)
    49 Kazakh-capital legal entities -> 49 count (indicator: companies)

Currency symbols, codes and words, units and counted nouns come from data/currencies.tsv and
data/units.tsv. Percentages, bare years and numbers with no unit are not amounts.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from spacy.attrs import LOWER

from ..data import lexicon
from ..document import Document, Span
from . import lang
from .gazetteer import Ranges
from .patterns import alternation, led
from .pipeline import component

# (and "EUR 1,65 B": a decimal comma, as European outlets write in English, only right before a multiplier)
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3},\d{1,2}(?=[\s-]?(?i:billion|bln|bn|million|mln|mn|b|m)\b)|\d+(?:\.\d+)?"
DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
# "$500-700 million", "$ 500−700 млн": a range of money, valued at its lower end with the multiplier they share
RANGE_TO = r"\s?[-–—−]\s?"
RANGED = re.compile(rf"\d{RANGE_TO}\d")
MULTIPLIERS = {"trillion": 10**12, "tln": 10**12, "tn": 10**12, "billion": 10**9, "bln": 10**9, "bn": 10**9,
               "bil": 10**9, "b": 10**9, "million": 10**6, "mln": 10**6, "mil": 10**6, "mn": 10**6, "m": 10**6,
               "thousand": 10**3, "k": 10**3}
MULT = r"(?i:trillion|tln|tn|billion|bln|bil|bn|million|mln|mil|mn|thousand|m|b|k)\b"
QUALIFIER = (r"(?:(?:just\s+|well\s+)?(?:over|more\s+than|almost|nearly|about|around|approximately|roughly|some|"
             r"up\s+to|at\s+least|less\s+than|under|close\s+to|exceeding|above|below|an\s+estimated)\s+)")
QUALIFIER_BEFORE = re.compile(rf"\b{QUALIFIER}$", re.I)
APPROXIMATE = re.compile(r"over|more|almost|nearly|about|around|approx|roughly|some|up|least|less|under|close|"
                         r"exceed|above|below|estimated", re.I)
# "In 2021 companies from ...": a year after a word of time, not a count of what follows it
YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|of|early|late|mid)\s+$", re.I)
YEAR = re.compile(r"(?:19|20)\d\d")
WORDLIKE_CURRENCIES = frozenset({"won", "pounds", "som", "soms", "sums", "manat", "francs", "yen"})
SCALED_UNITS = {"cubic_metres_bn": ("cubic_metres", 10**9)}
# No economic figure comes near 10^18 base units (world output is about 10^14 dollars); a longer
# number is noise, and past 28 digits its value would be rounded, past 10^308 not a float at all.
MAX_VALUE = 10**18


def _alt(terms) -> str:
    return alternation(sorted(terms, key=len, reverse=True))


@cache
def currencies(code: str = "en") -> tuple[dict[str, str], dict[str, str]]:
    before, after = {}, {}
    for row in lang.LANGUAGES[code].lexicon("currencies.tsv"):
        if not row.get("when"):
            (before if row["position"] == "before" else after)[row["term"]] = row["code"]
    return before, after


@cache
def contextual_currencies() -> dict[str, list[tuple[str, str]]]:
    """Signs shared by two currencies: term -> [(country code, currency code)] ("¥": JPN -> JPY)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in lexicon("currencies.tsv"):
        if row.get("when"):
            out.setdefault(row["term"], []).append((row["when"], row["code"]))
    return out


def _in_context(term: str, code: str, countries: set[str]) -> str:
    """"¥" is yen in an article that names Japan and not China, yuan in one that names China and
    not Japan; otherwise the sign's default."""
    named = {other for country, other in contextual_currencies().get(term, ()) if country in countries}
    return named.pop() if len(named) == 1 else code


@cache
def units(code: str = "en") -> dict[str, tuple[str, str]]:
    return {row["term"]: (row["unit"], row["indicator"]) for row in lang.LANGUAGES[code].lexicon("units.tsv")}


# Russian numbers: a comma is the decimal mark, spaces group thousands ("2,9 млрд", "1 500 тонн")
NUM_COMMA = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# a smaller part after the first ("38 млрд | 607,6 млн"): up to three digits, a decimal comma allowed
PART_NUM = r"\d{1,3}(?:,\d+)?"


@cache
def multipliers(code: str = "en") -> dict[str, int]:
    if code == "en":
        return MULTIPLIERS
    return {row["word"]: int(row["factor"]) for row in lang.LANGUAGES[code].lexicon("multipliers.tsv")}


@cache
def cue_patterns(code: str) -> dict[str, str]:
    """name -> pattern of a language's data/<code>/figure_cues.tsv (the amounts' cues are among the figures')."""
    return {r["name"]: r["pattern"] for r in lang.LANGUAGES[code].lexicon("figure_cues.tsv")}


@cache
def year_before(code: str = "en") -> re.Pattern:
    if code == "en":
        return YEAR_BEFORE
    rows = cue_patterns(code)
    return re.compile(rf"(?:{rows['YEAR_BEFORE']})\s+$", re.I) if "YEAR_BEFORE" in rows else re.compile(r"(?!)")


@cache
def qualifier_before(code: str = "en") -> re.Pattern:
    if code == "en":
        return QUALIFIER_BEFORE
    words = [row["word"] for row in lang.LANGUAGES[code].lexicon("qualifiers.tsv")]
    return re.compile(rf"\b(?:{_alt(words)})\s+$", re.I)


# the amount in another currency in brackets between a number and its own currency: "200 million
# ($218 million) euro loan", "200 млн ($218 млн) евро" (SCHEMA.md: the first currency is the amount's)
RESTATED_BEFORE_CURRENCY = r"(?:\s+\([^()\n]{1,40}\))?"


@cache
def pattern(code: str = "en") -> re.Pattern:
    before, after = currencies(code)
    if code == "en":
        return re.compile(rf"""
            (?=[\dA-Z$€£¥₸₽₺₹₩])      # fail fast where no number or currency can start
            (?:
                (?P<cur1>{_alt(before)})\s?(?P<n1>{NUM})(?:{RANGE_TO}(?:{NUM}))?(?:[\s-]?(?P<m1>{MULT}))?(?!\s*(?:%|percent))
              | (?<![\w.,])(?P<n2>{NUM})(?:{RANGE_TO}(?:{NUM}))?(?:[\s-]?(?P<m2>{MULT}))?{RESTATED_BEFORE_CURRENCY}
                (?:\s+|(?<=[a-z])-)(?P<cur2>(?i:{_alt(after)}))\b   # "a 27-million-U.S. dollar loan", "Riyals"
              | (?<![\w.,$€£¥])(?P<n3>{NUM})(?:[\s-]?(?P<m3>{MULT}))?\s+
                (?P<pre>(?:(?!(?:from|of|with|in|at|to|for|by|and|or)\s)[a-z][\w-]*\s+|
                           [A-Z][a-z]+(?:-[A-Za-z]+)*\s+){{0,3}})
                (?P<unit>{_alt(units())})\b
            )
        """, re.X)
    mult = rf"(?:{_alt(multipliers(code))})(?!\w)"
    # led: the engine skips ahead to a digit or a currency's first character
    return led(re.compile(rf"""
        (?:
            (?P<cur1>{_alt(before)})\s?(?P<n1>{NUM_COMMA})(?:{RANGE_TO}(?:{NUM_COMMA}))?
            (?:\s?(?P<m1>{mult})(?P<parts1>(?:\.?\s+{PART_NUM}\s?{mult}){{1,2}})?)?(?!\s*%)   # "$1 млрд 200 миллионов"
          | (?<![\w.,])(?P<n2>{NUM_COMMA})(?:{RANGE_TO}(?:{NUM_COMMA}))?(?:\s?(?P<m2>{mult})\.?
            (?P<parts>(?:\s+{PART_NUM}\s?{mult}){{0,2}}))?     # "4 млрд 637 млн долларов": one amount ("млн.": too)
            {RESTATED_BEFORE_CURRENCY}\s+(?P<cur2>{_alt(after)})(?!\w)
          | (?<![\w.,$€])(?P<n3>{NUM_COMMA})(?:\s?(?P<m3>{mult})\.?)?\s+
            (?P<pre>(?:[а-яё][\w-]*\s+|[А-ЯЁ][а-яё]+(?:-[А-Яа-яЁё]+)*\s+){{0,2}})
            (?P<unit>{_alt(units(code))})(?!\w)
        )
    """, re.X))


# "885,719 тонн" in a Russian text: commas grouping thousands, as English writes them (no multiplier
# follows; "2,9 млрд", "0,125" and "1,5 тонны" keep the decimal comma)
GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")


def number(text: str, mult: str | None, code: str = "en") -> int | float | None:
    if code == "en" and DECIMAL_COMMA.fullmatch(text):
        raw = text.replace(",", ".")
    elif code == "en" or (not mult and GROUPED.fullmatch(text)):
        raw = text.replace(",", "")
    else:
        raw = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    if mult:
        value *= multipliers(code)[mult.lower()] if code == "en" else multipliers(code)[mult]
    return int(value) if value == value.to_integral_value() else float(value)


PART = re.compile(rf"({PART_NUM})\s?(\S+)")


def _with_parts(value: int | float, mult: str, parts: str, code: str) -> int | float | None:
    """"4 млрд 637 млн", "38 млрд 607,6 млн": the amount of the first number and the smaller parts
    after it, each smaller than the one before; None where they are not ("5 млн 3 млрд" is no amount)."""
    factors = multipliers(code)
    last = factors[mult]
    total = Decimal(str(value))
    for n, word in PART.findall(parts):
        factor = factors.get(word)
        if factor is None or factor >= last:
            return None
        part = Decimal(n.replace(",", ".")) * factor
        if part >= last:
            return None
        total += part
        last = factor
    return int(total) if total == total.to_integral_value() else float(total)


def find_amounts(doc: Document) -> list[Span]:
    out: list[Span] = []
    code = lang.of(doc).code
    before, after = currencies(code)
    known_units = units(code)
    countries: set[str] | None = None
    dates: Ranges | None = None
    for m in pattern(code).finditer(doc.text):
        if not doc.in_body(m.start(), m.end()):
            continue
        if m["n1"]:
            value, unit, hint = number(m["n1"], m["m1"], code), before[m["cur1"]], None
            if m.groupdict().get("parts1") and value is not None:
                value = _with_parts(value, m["m1"], m["parts1"].replace(".", ""), code)
            if m["cur1"] in contextual_currencies():
                if countries is None:
                    countries = {s.value for s in doc.layer("country")}
                unit = _in_context(m["cur1"], unit, countries)
        elif m["n2"]:
            # a currency word that is also an English word ("won", "pounds") needs a multiplier
            # or a grouped number: "270 billion won", not "in 2021 won the tender"
            if m["cur2"].lower() in WORDLIKE_CURRENCIES and not m["m2"] and "," not in m["n2"]:
                continue
            value, unit, hint = number(m["n2"], m["m2"], code), currency_after(code, m["cur2"]), None
            if (term := m["cur2"].lower()) in contextual_currencies():   # "7.79 billion riyals" in an article on Qatar
                if countries is None:
                    countries = {s.value for s in doc.layer("country")}
                unit = _in_context(term, unit, countries)
            if m.groupdict().get("parts") and value is not None:
                value = _with_parts(value, m["m2"], m["parts"], code)
        else:
            if dates is None:
                dates = Ranges((s.start, s.end) for s in doc.layer("date"))
            if dates.covers(*m.span("n3")) or (YEAR.fullmatch(m["n3"]) and year_before(code).search(
                    doc.text, max(0, m.start("n3") - 12), m.start("n3"))):
                continue   # "in March 2020 enterprises from ...", "в сентябре 2021 года предприятия": a year
            unit, hint = known_units[m["unit"]]
            # words between a count and its noun must describe it ("28 joint Kazakh-Romanian
            # enterprises"), not start a new phrase
            if m["pre"] and unit != "count":
                continue
            value = number(m["n3"], m["m3"], code)
            if unit in SCALED_UNITS:
                unit, scale = SCALED_UNITS[unit]
                value = value * scale if value is not None else None
            if m["pre"] and ("joint" in m["pre"].lower() or "совместн" in m["pre"].lower()) and hint == "companies":
                hint = "joint_ventures"
        if value is None or value <= 0 or value >= MAX_VALUE:
            continue
        start = m.start("cur1") if m["cur1"] else m.start("n2") if m["n2"] else m.start("n3")
        out.append(amount_span(doc, code, start, m.end(), value, unit, hint))
        if RANGED.search(m.group(0)):
            out[-1].data["approximate"] = True   # "$500-700 million": its lower end, approximately
    return out


def amount_span(doc: Document, code: str, start: int, end: int, value: int | float, unit: str,
                indicator: str | None) -> Span:
    """The amount doc.text[start:end], with the qualifier before it ("more than", "около") and whether
    that makes it approximate."""
    q = qualifier_before(code).search(doc.text, max(0, start - 30), start)
    qual = q.group(0).strip() if q else ""
    return Span(start, end, "amount", doc.text[start:end], value,
                {"unit": unit, "indicator": indicator or None, "qualifier": qual or None,
                 "approximate": bool(qual and (APPROXIMATE.search(qual) or code != "en"))})


REFERENCE_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|our|all)\s+$", re.I)


@cache
def number_words() -> dict[str, int]:
    return {row["word"]: int(row["value"]) for row in lexicon("number_words.tsv")}


@cache
def number_word_ids() -> frozenset[int]:
    """The string ids (hashes, the same in every spaCy vocabulary) of the number words, as
    spaCy's LOWER attribute of a token holds its lower-case form's."""
    from spacy.strings import hash_string

    return frozenset(hash_string(w) for w in number_words())


@cache
def counted_pattern() -> re.Pattern:
    """A count in words before a counted noun that decides its indicator: "three joint ventures"."""
    counted = [t for t, (unit, ind) in units().items() if unit == "count" and ind]
    words = "(?i:" + alternation(sorted(number_words(), key=len, reverse=True), ignore_case=True) + ")"
    nouns = alternation(sorted(counted, key=len, reverse=True))
    return re.compile(rf"(?P<n>{words})\s+(?:(?i:new|major|large)\s+)?(?:[A-Z][\w’'-]+\s+)?(?P<unit>{nouns})\b")


def counts_in_words(doc: Document, found: list[Span]) -> list[Span]:
    out = []
    taken = [(s.start, s.end) for s in found]
    text = doc.text
    starts = doc.meta.get("token_starts")
    if starts is None:
        tries = [m.start() for m in counted_pattern().finditer(text)]
    else:   # only where a token is a number word: its lower-case form's id among the words' ids
        ids = number_word_ids()
        lowers = doc.meta.get("token_lowers")
        if lowers is None:
            lowers = doc.tokens.to_array(LOWER).tolist()
        tries = [starts[i] for i, low in enumerate(lowers) if low in ids]
    for at in tries:
        m = counted_pattern().match(text, at)
        if m is None:
            continue
        start, end = m.span()
        if not doc.in_body(start, end) or any(a < end and start < b for a, b in taken):
            continue
        if REFERENCE_BEFORE.search(doc.text, max(0, start - 12), start):
            continue   # "the two companies": those already named, not a count
        unit, hint = units()[m["unit"]] if m["unit"] in units() else units()[m["unit"].lower()]
        if "joint" in m.group().lower() and hint == "companies":
            hint = "joint_ventures"
        out.append(Span(start, end, "amount", m.group(), number_words()[m["n"].lower()],
                        {"unit": unit, "indicator": hint, "qualifier": None, "approximate": False}))
    return out


# "the number of Turkish investment projects in Uzbekistan is estimated at more than 250": a count
# stated after what it counts; its opening words and the verbs that state a level (not a change:
# "rose by 20", "grew fourfold" are no count)
NUMBER_OF = r"\bnumber\s+of"
NUMBER_OF_WORDS = {"en": ("number of", "Number of"), "ru": ("оличеств", "исло")}   # a cheap test before the scan
LEVEL = (r"is|are|was|were|stands?|stood|reached|has\s+reached|exceeds?|exceeded|has\s+exceeded|totals?|totalled|"
         r"totaled|amounts?\s+to|is\s+estimated\s+at|was\s+estimated\s+at")


@cache
def number_of_pattern(code: str = "en") -> re.Pattern | None:
    if code == "en":
        head, level, num = NUMBER_OF, LEVEL, NUM
    else:
        rows = cue_patterns(code)
        if "NUMBER_OF" not in rows or "LEVEL" not in rows:
            return None
        head, level, num = rows["NUMBER_OF"], rows["LEVEL"], NUM_COMMA
    counted = alternation(sorted((t for t, (unit, ind) in units(code).items() if unit == "count" and ind),
                                 key=len, reverse=True))
    return re.compile(rf"""
        (?:{head})\s+(?:[\w’'-]+\s+){{0,3}}?(?P<unit>{counted})(?!\w)
        [^.;:!?\d]{{0,80}}?\b(?:{level})\b
        (?P<between>[^.;:!?\d]{{0,30}}?)
        (?P<n>{num})(?!\d|[.,]\d|-?\s*(?:%|percent|per\s+cent|times|fold|раз|процент|{MULT}|млн|млрд|тыс))
    """, re.X | re.I)


def counts_stated_after(doc: Document, found: list[Span]) -> list[Span]:
    """Counts stated after what they count: "the number of joint ventures reached 120"."""
    code = lang.of(doc).code
    pattern = number_of_pattern(code)
    if pattern is None or not any(w in doc.text for w in NUMBER_OF_WORDS.get(code, ())):
        return []   # no word that opens such a count: the text is not scanned
    out = []
    taken = [(s.start, s.end) for s in found]
    for m in pattern.finditer(doc.text):
        start, end = m.span("n")
        if not doc.in_body(start, end) or any(a < end and start < b for a, b in taken):
            continue
        value = number(m["n"], None, code)
        if value is None or value <= 0 or value >= MAX_VALUE:
            continue
        unit, hint = units(code).get(m["unit"]) or units(code)[m["unit"].lower()]
        out.append(amount_span(doc, code, start, end, value, unit, hint))
    return out


# "half a billion dollars", "a quarter of a billion dollars", "полмиллиарда долларов", "четверть миллиарда
# долларов": a part of a multiplier
HALF = {"en": r"\b(?P<f>half|(?:a|one)\s+quarter|(?:a|one)\s+third|three\s+quarters)\s+(?:of\s+)?(?:an?\s+)?"
              r"(?P<m>billion|million|trillion)",
        "ru": r"\b(?P<f>полу?|четверть\s+)(?P<m>миллиард\w*|миллион\w*|триллион\w*)"}
HALF_WORDS = {"en": ("half", "Half", "quarter", "third"), "ru": ("олмилл", "олумилл", "олтрил", "олутрил", "етверть")}
HALF_OF = {"billion": 10**9, "million": 10**6, "trillion": 10**12, "миллиард": 10**9, "миллион": 10**6,
           "триллион": 10**12}
PARTS = {"half": 2, "quarter": 4, "third": 3, "пол": 2, "полу": 2, "четверть": 4}   # the multiplier over ...


def currency_after(code: str, word: str) -> str:
    """The code of a currency word written after its amount, as a case-insensitive pattern matched it
    ("Dollars", "ДОЛЛАРОВ")."""
    _, after = currencies(code)
    return after.get(word) or next(v for k, v in after.items() if k.lower() == word.lower())


@cache
def half_pattern(code: str) -> re.Pattern | None:
    if code not in HALF:
        return None
    _, after = currencies(code)
    return re.compile(rf"{HALF[code]}\s+(?P<cur>{_alt(after)})(?!\w)", re.I)


def halves(doc: Document, found: list[Span]) -> list[Span]:
    """Money written as half a multiplier: "half a billion dollars", "полмиллиарда долларов"."""
    code = lang.of(doc).code
    pattern = half_pattern(code)
    if pattern is None or not any(w in doc.text for w in HALF_WORDS.get(code, ())):
        return []   # no word that can open half a multiplier: the text is not scanned
    out = []
    for m in pattern.finditer(doc.text):
        start, end = m.span()
        if not doc.in_body(start, end) or any(s.start < end and start < s.end for s in found):
            continue
        factor = next(v for k, v in HALF_OF.items() if m["m"].lower().startswith(k))
        part = m["f"].lower().split()
        value = factor * 3 // 4 if part[0] == "three" else factor // PARTS[part[-1]]
        out.append(amount_span(doc, code, start, end, value, currency_after(code, m["cur"]), None))
    return out


# "two billion dollars", "более трех миллиардов долларов": a number in words, a multiplier, a currency
# (in Russian the singular alone is one: "миллиарда долларов", but "миллиардов долларов" is no amount)
SINGULAR_ALONE = {"ru": re.compile(r"(?i:миллиард|миллион|триллион)(?:а|у|ом|е)?")}
MONEY_MULTIPLIERS = {"en": {"trillion": 10**12, "billion": 10**9, "million": 10**6}}
MONEY_WORDS = {"en": ("illion",), "ru": ("иллион", "иллиард")}   # a cheap test before the scan


@cache
def money_number_words(code: str) -> dict[str, float]:
    """Numbers in words that may open money: data/number_words.tsv ("one" too: "one billion dollars")."""
    if code == "en":   # ("a billion dollars": one)
        return {**{w: float(v) for w, v in number_words().items()}, "one": 1.0, "a": 1.0}
    return {row["word"]: float(row["value"]) for row in lang.LANGUAGES[code].lexicon("number_words.tsv")}


@cache
def money_multipliers(code: str) -> dict[str, int]:
    """The multipliers written as words that money in words takes ("billion"; "миллиарда", not "млрд")."""
    return MONEY_MULTIPLIERS.get(code) or {w: f for w, f in multipliers(code).items() if w.isalpha() and len(w) > 4}


@cache
def money_words_pattern(code: str) -> re.Pattern | None:
    words = money_number_words(code)
    if not words:
        return None
    mults = money_multipliers(code)
    _, after = currencies(code)
    hundred = r"(?:\s+(?P<h>hundred))?" if code == "en" else ""   # "seven hundred million dollars"
    # "twenty-five billion dollars": a ten and a unit joined by a hyphen are one number
    tens = r"(?:(?P<t>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?" if code == "en" else ""
    # "one billion and 328 million euros": a smaller part in digits after the first
    part = r"(?:\s+and\s+(?P<pn>\d{1,3})\s+(?P<pm>million|thousand))?" if code == "en" else ""
    # "товарооборот достиг миллиарда долларов": a multiplier in the singular alone is one of it
    number = rf"(?:(?P<n>{_alt(words)}){hundred}\s+)" + ("?" if code in SINGULAR_ALONE else "")
    return re.compile(rf"(?<![\w-]){tens}{number}(?P<m>{_alt(mults)}){part}\s+"
                      rf"(?P<cur>{_alt(after)})(?!\w)", re.I)


def money_in_words(doc: Document, found: list[Span]) -> list[Span]:
    """Money with its number written as a word: "two billion dollars", "два миллиарда долларов"."""
    code = lang.of(doc).code
    text = doc.text
    # tried only around each multiplier word ("million", "миллиард"), not at every offset of the text
    at = sorted(i for stem in MONEY_WORDS.get(code, ()) for i in _occurrences(text, stem))
    pattern = money_words_pattern(code) if at else None
    if pattern is None:
        return []
    words, mults = money_number_words(code), money_multipliers(code)
    out = []
    # the match whose multiplier is the word at i (an earlier one may start in the same window)
    matches = {m.span(): m for i in at for m in pattern.finditer(text, max(0, i - 40), i + 60)
               if m.start("m") <= i < m.end("m")}
    for m in matches.values():
        start, end = m.span()
        # (an amount found inside it, "328 million euros" of "one billion and 328 million euros", is its part)
        if not doc.in_body(start, end) or any(s.start < end and start < s.end and not start < s.start
                                              for s in found):
            continue
        if m["n"] is None and (code not in SINGULAR_ALONE or not SINGULAR_ALONE[code].fullmatch(m["m"]) or
                               text[max(0, start - 1):start].isalnum()):
            continue
        number = (words[m["n"].lower()] if m["n"] else 1) + (words[m["t"].lower()] if m.groupdict().get("t") else 0)
        value = number * (100 if m.groupdict().get("h") else 1) * mults[m["m"].lower()]
        if m.groupdict().get("pm"):
            if MONEY_MULTIPLIERS["en"].get(m["pm"].lower(), 10**3) >= mults[m["m"].lower()]:
                continue
            value += int(m["pn"]) * MONEY_MULTIPLIERS["en"].get(m["pm"].lower(), 10**3)
        out.append(amount_span(doc, code, start, end, int(value), currency_after(code, m["cur"]), None))
    return out


# a number and a multiplier with no currency, and what may follow it: the end of a clause or a joining word
# ("... reached 2.5 billion dollars and should double to 5 billion.", "до 5 миллиардов, ...")
ELLIPTIC_END = r"(?=\s*(?:[.,;:)!?»\"”]|$)|\s+(?:in|by|and|or|to|from|within|в|к|и|а|до|на|за|по|с)(?!\w))"
ELLIPTIC_REACH = 150


@cache
def elliptic_pattern(code: str = "en") -> re.Pattern:
    if code == "en":
        return re.compile(rf"(?<![\w.,$€£¥₸₽])(?P<n>{NUM})[\s-]?(?P<m>{MULT}){ELLIPTIC_END}")
    mult = rf"(?:{_alt(multipliers(code))})(?!\w)"
    return re.compile(rf"(?<![\w.,$€₸₽])(?P<n>{NUM_COMMA})\s?(?P<m>{mult})\.?{ELLIPTIC_END}")


@cache
def money_codes(code: str = "en") -> frozenset[str]:
    before, after = currencies(code)
    return frozenset(before.values()) | frozenset(after.values())


def elliptic_money(doc: Document, found: list[Span]) -> list[Span]:
    """Money whose currency is left out after money in one: "trade reached 2.5 billion dollars, and the sides
    intend to double it, to 5 billion", "до 5 миллиардов": a number with a multiplier and no unit, later in the
    sentence of money and at most ELLIPTIC_REACH characters after it, is in its currency."""
    code = lang.of(doc).code
    money = [s for s in found if s.data["unit"] in money_codes(code)]
    if not money:
        return []
    out: list[Span] = []
    taken = [(s.start, s.end) for s in found]
    pat = elliptic_pattern(code)
    for prev in money:
        s1 = min(doc.sentence_of(prev.start)[1], prev.end + ELLIPTIC_REACH)
        for m in pat.finditer(doc.text, prev.end, s1):
            start, end = m.start("n"), m.end("m")
            if any(a < end and start < b for a, b in taken) or not doc.in_body(start, end):
                continue
            if doc.text.rfind("(", prev.end, start) > doc.text.rfind(")", prev.end, start):
                continue   # "$25 billion (TL 240.43 billion)": the amount restated in another currency, in brackets
            value = number(m["n"], m["m"], code)
            if value is None or value <= 0 or value >= MAX_VALUE:
                continue
            out.append(amount_span(doc, code, start, end, value, prev.data["unit"], None))
            taken.append((start, end))
    return out


def _occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i != -1:
        out.append(i)
        i = text.find(word, i + 1)
    return out


@component("amounts")
def annotate(doc: Document) -> None:
    found = find_amounts(doc)
    found += counts_stated_after(doc, found)
    found += halves(doc, found)
    found += elliptic_money(doc, found)
    worded = money_in_words(doc, found)
    found = [s for s in found if not any(w.start < s.start and s.end <= w.end for w in worded)] + worded
    words = counts_in_words(doc, found) if lang.of(doc).code == "en" else []
    doc.spans["amount"] = sorted(found + words, key=lambda s: s.start)
