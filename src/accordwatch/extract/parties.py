"""Who an event or figure is about: the article's main pair, and countries that are no party.

Shared by figures and events.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from types import SimpleNamespace

from ..data import lexicon
from ..document import Document, Span
from . import lang

# The patterns below are English's; another language's come from its data/<code>/party_cues.tsv (CUE_NAMES;
# a pattern it lacks never matches).
# "via Georgia", "along the Tajikistan–Iran railway", "via the grids of Uzbekistan"
ROUTE_BEFORE = re.compile(r"\b(?:to|via|through|into|towards|across|along|transiting|cross(?:es|ing|ed)?|travers\w*)"
                          r"\s+(?:the\s+)?(?:\w+\s+(?:of\s+)?)?$", re.I)
# "the third largest trading partner for the year, after China and the United States": those ranked above
# ("Canada edged out Mexico as the top partner of the US": the rival left behind in the ranking)
# ("Thailand's largest trading partner in ASEAN": the group it ranks in)
RANK_BEFORE = re.compile(r"\b(?:largest|biggest|leading|main|top)\b[^.;]{0,80}\b(?:after|behind|in|within|among)\s+"
                         r"(?:the\s+)?$|"
                         r"\b(?:overt(?:ook|aken|akes|aking)|edg(?:ed|es|ing)\s+out|outpac(?:ed|es|ing)|"
                         r"displac(?:ed|es|ing)|unseat(?:ed|s|ing))\s+(?:the\s+)?$", re.I)
RANK_REACH = 120
LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+|[–—-]\s*)(?:the\s+)?$")
# a country joined to the next by a dash or a slash: "the Turkmenistan–Afghanistan–Pakistan (TAP) line",
# "China-Tajikistan-Kyrgyzstan-Uzbekistan-Turkmenistan/Kazakhstan"
CHAIN_JOIN = re.compile(r"^\s?[–—/-]\s?$")
# "the Vietnam – Laos Inter-Governmental Committee": a dash set apart between two countries' names joins them
# as a hyphen does (read by events' names and organizations' names alike); so does one with a space on one
# side only ("the Cambodia- Thailand Joint Commission"), or an em dash ("бизнес-форум Иран — Таджикистан")
PAIR_DASH = re.compile(r" [–—-] ?|[–—-] ")
# "coordination within the Organization of Turkic States": a framework, not a side
FRAME_BEFORE = re.compile(r"\b(?:within|sidelines\s+of|margins\s+of)\s+(?:the\s+)?(?:framework\s+of\s+(?:the\s+)?)?"
                          # ("the 48th | ASEAN Economic Ministers' Meeting")
                          r"(?:\d+(?:st|nd|rd|th)\s+|(?:first|second|third|[a-z]+th|annual)\s+)?$|"
                          # "on the sidelines of the session of the UN General Assembly"
                          r"\b(?:sidelines|margins)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){1,3}of\s+(?:the\s+)?$|"
                          r"\bsummit\s+of\s+(?:the\s+)?$|"
                          r"\bin\s+the\s+framework\s+of\s+(?:the\s+)?$", re.I)
# "the crossing on the border with China", "bordering Russia": a neighbour, no side
BORDER_BEFORE = re.compile(r"\b(?:borders?\s+with|bordering|borders|neighbou?ring)\s+(?:the\s+)?$", re.I)
# a name's abbreviation in brackets right after it: "Шанхайской организации сотрудничества (ШОС)"
ABBREVIATION_AFTER = re.compile(r"\s*\(\s*")
FRAME_REACH = 60   # "в ходе заседания Совета глав правительств | СНГ"
# "in the C5+1 format", "the SCO summit", "the EAEU framework": a format or forum, not a side
FRAME_AFTER = re.compile(r"\s*(?:\+\s*\d+\s*)?(?:format|framework|platform|summit|dialogue)\b", re.I)
# "the talks held in Kazakhstan", "scheduled to be held from November 30 to December 1 in Switzerland":
# where the event takes place
VENUE_BEFORE = re.compile(r"\b(?:held|hosted|take\s+place|takes\s+place|took\s+place|taking\s+place|convened)\b"
                          r"[^.;,]{0,60}?\bin\s+(?:the\s+)?$", re.I)
# "in the Chinese city of Shenzhen": a city of the country, where it happens
IN_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
# "Montevideo, | Uruguay", "Монтевидео (| Уругвай": the country of a city named just before it
CITY_COUNTRY = re.compile(r"(?:,|\s\()\s*$")
CITY_AFTER = re.compile(r"\s+(?:city|town|capital|port|resort)\b", re.I)
# the five Central Asian states acting together (SCHEMA.md: a region acting as a side -> C5)
C5_PHRASE = re.compile(r"\b(?:the\s+)?five\s+Central\s+Asian\s+(?:countries|states|republics|nations)\b")
# "the EU and Central Asia", "Central Asia and China": the region named as a side
C5_SIDE = re.compile(r"\b(?:and|with)\s+Central\s+Asia\b(?!n)|\bCentral\s+Asia\s+(?:and|with)\b|" + C5_PHRASE.pattern)

# "has joint trade committees with 20 countries, including Indonesia, Vietnam and India": examples of a
# count, no sides
EXAMPLES_BEFORE = re.compile(r"\b(?:countries|states|nations|partners|economies)\s*,?\s+(?:including|such\s+as|like|"
                             r"among\s+them|notably|in\s+particular)\s+(?:the\s+)?$", re.I)
EXAMPLES_REACH = 40

# "despite the pressures of the U.S. sanctions", "sanctions imposed by the EU": who imposes sanctions on
# the sides is no side of their trade
SANCTIONS_AFTER = re.compile(r"(?:[’']s)?\s*(?:-led\s+)?(?:(?:economic|trade|financial|unilateral|secondary|new)\s+)?"
                             r"sanctions\b", re.I)
SANCTIONS_BEFORE = re.compile(r"\bsanctions\s+(?:imposed\s+|introduced\s+)?(?:by|of|from)\s+(?:the\s+)?$", re.I)
SANCTIONS_REACH = 40

# "an undertaking they want Chile and Colombia to join": countries that may join later are no sides yet
JOIN_AFTER = re.compile(r"\s+(?:(?:to|could|may|might|will|would)\s+(?:also\s+|later\s+|eventually\s+)?join|"
                        r"joining)\b", re.I)

CUE_NAMES = ("ROUTE_BEFORE", "RANK_BEFORE", "LIST_JOIN", "FRAME_BEFORE", "BORDER_BEFORE", "FRAME_AFTER", "VENUE_BEFORE",
             "IN_BEFORE", "CITY_AFTER", "EXAMPLES_BEFORE", "SANCTIONS_AFTER", "SANCTIONS_BEFORE", "JOIN_AFTER")
NEVER = re.compile(r"(?!)")


@cache
def cues(code: str = "en") -> SimpleNamespace:
    """The patterns of a language that tell a country named as no side (CUE_NAMES)."""
    if code == "en":
        return SimpleNamespace(**{n: globals()[n] for n in CUE_NAMES})
    patterns = {r["name"]: r["pattern"] for r in lang.LANGUAGES[code].lexicon("party_cues.tsv")}
    return SimpleNamespace(**{n: re.compile(patterns[n], re.I) if n in patterns else NEVER for n in CUE_NAMES})


@cache
def bloc_codes() -> frozenset[str]:
    """The codes of blocs (data/blocs.tsv): EU, EAEU, SCO, ..."""
    return frozenset(row["code"] for row in lexicon("blocs.tsv"))


def main_parties(doc: Document) -> list[str]:
    """The article's main pair: the two countries or blocs named most (the title counts twice).
    Kept in the document's meta for as long as its country layer and title stay the same (people,
    figures and events each ask)."""
    countries = doc.layer("country")
    kept = doc.meta.get("main_parties")
    if kept is not None and kept[0] is countries and kept[1] == len(countries) and kept[2] == doc.title:
        return list(kept[3])
    pair = _main_parties(doc)
    doc.meta["main_parties"] = (countries, len(countries), doc.title, pair)
    return list(pair)


def _main_parties(doc: Document) -> list[str]:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    title_end = len(doc.title) + 2 if doc.title and doc.text.startswith(doc.title) else 0
    spans = doc.layer("country")
    c = cues(lang.of(doc).code)
    frames = framed(doc.text, spans, 0, among=bloc_codes(), c=c)
    routes = _in_chains(doc.text, spans)
    for s, is_frame, on_route in zip(spans, frames, routes, strict=True):
        first.setdefault(s.value, s.start)
        if on_route or c.BORDER_BEFORE.search(doc.text, max(0, s.start - 20), s.start):
            # "the CAREC corridor (China-Tajikistan-Kyrgyzstan-Uzbekistan)": where a route runs, not who;
            # "a crossing on the border with China": a neighbour
            continue
        if is_frame:   # (framed reads blocs only)
            counts.setdefault(s.value, 0)   # "on the sidelines of the SCO summit": where, not who (ranked last)
            continue
        counts[s.value] += 2 if s.start < title_end else 1
    if "C5" in counts:
        # the Central Asian states as one side, in words the gazetteer leaves out
        c5 = [(s.start, s.end) for s in doc.layer("country") if s.value == "C5"]
        for m in C5_SIDE.finditer(doc.text):
            if not any(a < m.end() and m.start() < b for a, b in c5):
                counts["C5"] += 2 if m.start() < title_end else 1
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    if len(ranked) >= 2 and counts[ranked[0]] > 1 and \
            _region_side(doc, title_end) >= max(2, counts[ranked[1]] + 1):
        # "Companies from China and Africa signed ...", "the Turkey-Africa forum": the other side is a continent,
        # which has no code, named more often than any second country (those named are examples, hosts, guests)
        return ranked[:1]
    return sorted(ranked[:2])


@cache
def side_regions() -> frozenset[str]:
    """The regions that act as a side with no bloc code of their own (data/side_regions.tsv)."""
    return frozenset(row["name"] for row in lexicon("side_regions.tsv"))


def _region_side(doc: Document, title_end: int) -> int:
    """How often the article names its most named side region ("Africa", "Latin America"; the title twice)."""
    counts: Counter[str] = Counter()
    regions = side_regions()
    for p in doc.layer("place"):
        if p.data.get("country") is None and p.value in regions:
            counts[p.value] += 2 if p.start < title_end else 1
    return max(counts.values(), default=0)


def _links(text: str, spans: list[Span]) -> list[bool]:
    """For each two neighbours of `spans` (in text order), are they joined by a dash or a slash?"""
    return [CHAIN_JOIN.match(text[a.end:b.start]) is not None for a, b in zip(spans, spans[1:], strict=False)]


def _in_chains(text: str, spans: list[Span]) -> list[bool]:
    """For each of `spans` (in text order), is it one of three or more countries joined by dashes or
    slashes ("China-Tajikistan-Kyrgyzstan-Uzbekistan/Kazakhstan"): a route's, not a side's?"""
    joined = _links(text, spans)
    out = [False] * len(spans)
    i = 0
    while i < len(spans):
        j = i
        while j < len(joined) and joined[j]:
            j += 1
        if j - i >= 2:   # spans i..j, three or more
            out[i:j + 1] = [True] * (j - i + 1)
        i = j + 1
    return out


def route_only(text: str, spans: list[Span], lo: int, c: SimpleNamespace | None = None) -> set[str]:
    """Countries that `spans` (in text order, within a stretch starting at `lo`) name only as a
    destination or a route: "primarily to China", "through Georgia, Türkiye and Greece", "через
    Монголию" (`c`: the language's cues)."""
    c = c or cues()
    return _listed_only(text, spans, lo, c.ROUTE_BEFORE, 20, c)


def rank_only(text: str, spans: list[Span], lo: int, c: SimpleNamespace | None = None) -> set[str]:
    """Countries that `spans` name only as those ranked above in a ranking: "India's third largest
    trading partner, after China and the United States", "после Китая и России"."""
    c = c or cues()
    return _listed_only(text, spans, lo, c.RANK_BEFORE, RANK_REACH, c)


def example_only(text: str, spans: list[Span], lo: int, c: SimpleNamespace | None = None) -> set[str]:
    """Countries that `spans` name only as examples of a count: "with 20 countries including
    Indonesia, Vietnam and India", "с 20 странами, в том числе с Индонезией и Вьетнамом"."""
    c = c or cues()
    return _listed_only(text, spans, lo, c.EXAMPLES_BEFORE, EXAMPLES_REACH, c)


def sanctions_only(text: str, spans: list[Span], lo: int, c: SimpleNamespace | None = None) -> set[str]:
    """Countries that `spans` name only as imposing sanctions: "despite the U.S. sanctions", "sanctions
    imposed by the EU", "санкций США"."""
    c = c or cues()
    return _only(spans, lambda s: c.SANCTIONS_AFTER.match(text, s.end) is not None
                 or c.SANCTIONS_BEFORE.search(text[max(lo, s.start - SANCTIONS_REACH):s.start]) is not None)


def joining_only(text: str, spans: list[Span], c: SimpleNamespace | None = None) -> set[str]:
    """Countries that `spans` name only as ones that may join later, in a list that ends before the verb
    ("want Chile and Colombia to join", "пригласили Чили и Колумбию присоединиться")."""
    c = c or cues()
    marks = [False] * len(spans)
    for k in range(len(spans) - 1, -1, -1):
        s = spans[k]
        marks[k] = c.JOIN_AFTER.match(text, s.end) is not None or (
            k + 1 < len(spans) and marks[k + 1] and c.LIST_JOIN.match(text[s.end:spans[k + 1].start]) is not None)
    return _only_marked(spans, marks)


def _listed_only(text: str, spans: list[Span], lo: int, before: re.Pattern, reach: int,
                 c: SimpleNamespace) -> set[str]:
    """Countries that `spans` name only right after `before` (within `reach` characters) or in a list
    joined to one that is ("to Georgia, Türkiye and Greece")."""
    marks: list[bool] = []
    for k, s in enumerate(spans):
        marks.append(bool(before.search(text[max(lo, s.start - reach):s.start])) or (
            k > 0 and marks[-1] and c.LIST_JOIN.match(text[spans[k - 1].end:s.start]) is not None))
    return _only_marked(spans, marks)


def _only(spans: list[Span], named_so: Callable[[Span], object]) -> set[str]:
    """The values of `spans` every span of which `named_so` holds for (a value also named otherwise stays)."""
    return _only_marked(spans, [bool(named_so(s)) for s in spans])


def _only_marked(spans: list[Span], marks: list[bool]) -> set[str]:
    """The values of `spans` every span of which is marked (a value also named unmarked stays)."""
    so: set[str] = set()
    elsewhere: set[str] = set()
    for s, marked in zip(spans, marks, strict=True):
        (so if marked else elsewhere).add(s.value)
    return so - elsewhere


def venue_only(text: str, spans: list[Span], lo: int, places: list[Span] = (), code: str = "en") -> set[str]:
    """Countries that `spans` name only as where an event is held ("held talks in Kazakhstan", "met in
    the Chinese city of Shenzhen", "в китайском городе Шэньчжень", "signed in Montevideo, Uruguay",
    "в Монтевидео (Уругвай)"): the place, not a side. `places` are the place names of the stretch."""
    after_place = {p.end: p.start for p in places}
    c = cues(code)

    def of_city(s: Span) -> bool:
        """Is `s` named right after a city it holds, the city after "in" or "at"?"""
        comma = CITY_COUNTRY.search(text, max(lo, s.start - 4), s.start)
        city = after_place.get(comma.start()) if comma else None
        return city is not None and c.IN_BEFORE.search(text, max(lo, city - 8), city) is not None

    return _only(spans, lambda s: (c.CITY_AFTER.match(text, s.end) is not None
                                   and c.IN_BEFORE.search(text, max(lo, s.start - 8), s.start) is not None)
                 or c.VENUE_BEFORE.search(text[max(lo, s.start - 90):s.start]) or of_city(s))


def in_names(text: str, spans: list[Span], found: set[str], actors: set[str],
             main: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """Countries that `spans` name only inside a dash-joined name ("the Turkmenistan–Afghanistan–
    Pakistan–India (TAPI) gas pipeline"), where two other parties remain (named alone, or the
    countries of people and companies acting). In a name of countries' names ("the China – Kyrgyzstan –
    Uzbekistan railway") the `main` pair are sides wherever they are named; in one of their adjectives
    ("монголо-китайско-российское совместное предприятие") each is a side of what they make together."""
    joined: set[str] = set()
    alone: set[str] = set()
    adjectival = False
    links = _links(text, spans)
    for i, s in enumerate(spans):
        dash = (i > 0 and links[i - 1]) or (i < len(links) and links[i])
        (joined if dash else alone).add(s.value)
        adjectival = adjectival or (dash and s.data.get("form") == "demonym")
    joined -= alone | actors | (set() if adjectival else set(main))
    return joined if len(found - joined) >= 2 else set()


def framed(text: str, spans: list[Span], lo: int, among: frozenset[str] | None = None,
           c: SimpleNamespace | None = None) -> list[bool]:
    """For each of `spans` (in text order, within a stretch starting at `lo`), is it named as the
    framework of cooperation ("within the OTS", "in the C5+1 format", "on the sidelines of the SCO
    summit")? A name's abbreviation in brackets right after it is the same mention: "the summit of
    the Shanghai Cooperation Organisation (SCO)". With `among`, only spans of those values are looked at
    (the others are not framed)."""
    c = c or cues()
    out: list[bool] = []
    for k, s in enumerate(spans):
        prev = spans[k - 1] if k else None
        if among is not None and s.value not in among:
            out.append(False)
        elif prev is not None and prev.value == s.value and ABBREVIATION_AFTER.fullmatch(text, prev.end, s.start):
            out.append(out[-1])
        else:
            out.append(bool(c.FRAME_BEFORE.search(text[max(lo, s.start - FRAME_REACH):s.start])
                            or c.FRAME_AFTER.match(text, s.end)))
    return out


def frame_only(text: str, spans: list[Span], lo: int, code: str = "en") -> set[str]:
    """Blocs or countries named only as the framework of cooperation."""
    return _only_marked(spans, framed(text, spans, lo, c=cues(code)))


def drop_third_parties(text: str, spans: list[Span], lo: int, found: set[str], main: list[str],
                       sides: bool = False, actors: set[str] | frozenset[str] = frozenset(),
                       code: str = "en") -> set[str]:
    """A third country named only as a route or destination, as the framework ("within the
    EAEU") or inside the name of a line or route is no party: where both main parties are
    present, or where the text names the sides themselves ("the two countries discussed oil
    deliveries via Russia")."""
    c = cues(code)
    examples = example_only(text, spans, lo, c) - set(main)
    if examples and found - examples:
        found = found - examples   # (a count's examples are no side even where one side alone is left)
    frames = frame_only(text, spans, lo, code) - set(main)
    if frames and (found - frames or len(main) >= 2):
        # ("Mirziyoyev and Xi signed, on the sidelines of the SCO summit, deals worth ...": the occasion, no side,
        # even where one side or none is left, whom the article's pair completes)
        found = found - frames
    if len(found) <= 2 and not sides:
        return found
    third = (route_only(text, spans, lo, c) | rank_only(text, spans, lo, c)
             | in_names(text, spans, found, set(actors), set(main))
             | frame_only(text, spans, lo, code) | sanctions_only(text, spans, lo, c) | joining_only(text, spans, c))
    third -= set(main)
    # where two sides remain (the main pair, or two others named as actors)
    if sides or set(main) <= found or len(found - third) >= 2:
        return found - third
    return found
