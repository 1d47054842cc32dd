"""Sectors of cooperation from data/sectors.tsv, with the fixed labels of SCHEMA.md.

Every sector word in the article body becomes a Span in layer "sector" (not inside organization
names or people's titles: "Energy Ministry" says nothing about the subject). "trade" is a sector
only where trade promotion itself is the subject ("to boost trade", "cooperation in trade").
"""
from __future__ import annotations

import re
from functools import cache

from ..document import Document, Span
from . import lang, morph
from .gazetteer import Ranges, longest, phrases
from .patterns import led
from .pipeline import component

TRADE = led(re.compile(r"""
    \b(?:cooperation|partnership|ties|relations|interaction)\s+in\s+(?:the\s+)?(?:[\w-]+,\s+)*trade\b
  | \b(?:areas|fields|sectors|spheres)\s*,?\s+(?:such\s+as|including|like)\s+(?:[\w-]+(?:\s+[\w-]+)?,\s+)*
       trade\b(?!\s+turnover)
  | \b(?:boost|boosting|increase|increasing|expand|expanding|develop|developing|step(?:ping)?\s+up|enhance|
       enhancing|promote|promoting|deepen|deepening|diversify|diversifying|balanced|raise|raising|
       strengthen|strengthening|facilitate|facilitating|establish|establishing)\s+(?:[\w-]+\s+){0,3}?trade\b
       (?!\s+turnover)
  | \b(?:goal|target|aim)\s+of\s+(?:reaching\s+)?[^.;]{0,30}?\b(?:bilateral\s+|mutual\s+)?trade\b(?!\s+turnover)
  | \btrade\s+(?:missions?|promotion|houses?|fairs?|cooperation|and\s+economic\s+cooperation)\b
  | \b(?:development|promotion|expansion|diversification|growth)\s+of\s+(?:[\w-]+\s+){0,2}?trade\b(?!\s+turnover)
  | \b(?:export|trade)\s+(?:promotion|contracts|opportunities)\b
  | \bselling\s+\w+\s+products\b
""", re.X | re.I))


TRADE_WORDS = ("trade", "selling", "export")
MARKET_WORDS = ("barriers", "market")


def words_at(low: str, words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Where the words stand as whole words in the lower-cased text (str.find: far quicker than a
    case-blind regex scan of the whole article)."""
    out = []
    for w in words:
        i = low.find(w)
        while i != -1:
            j = i + len(w)
            if not (i and (low[i - 1].isalnum() or low[i - 1] == "_")) and \
                    not (j < len(low) and (low[j].isalnum() or low[j] == "_")):
                out.append((i, j, w))
            i = low.find(w, j)
    return sorted(out)

# a trade goal: "lift trade to $10 billion", "bring bilateral trade turnover to $1 billion"
GOAL_TAIL = re.compile(r"trade(?:\s+turnover)?\s+to\s+(?:\$|US\$|€|\d|USD|EUR)", re.I)
GOAL_HEAD = led(re.compile(r"\b(?:bring|bringing|lift|lifting|raise|raising|increase|increasing|boost|boosting|"
                           r"double|doubling|triple|tripling)\s+(?:\w+\s+){0,2}?$", re.I))
# opening a market is trade promotion too: "lowering barriers to trade", "remove the barriers in the
# internal market", "expand supplies to the Kazakh market"
BARRIERS = led(re.compile(r"\b(?:lower|lowering|remove|removing|eliminate|eliminating|reduce|reducing|dismantle|"
                          r"dismantling)\s+(?:[\w’'-]+\s+){0,3}?(?:trade\s+)?$", re.I))
SUPPLIES = led(re.compile(r"\b(?:expand|expanding|increase|increasing|boost|boosting)\s+(?:\w+\s+){0,2}?"
                          r"(?:supplies|exports|deliveries)\s+to\s+(?:the\s+)?[\w’'-]+\s+$", re.I))


# "trade and economic cooperation" named as the field of a body ("the Joint Commission on Trade and
# Economic Cooperation", "the working group on trade and economic cooperation") is its name, not
# trade promotion
BODY_ON = re.compile(r"\b(?:commission|committee|council|group|forum)\s+(?:on|for)\s+(?:the\s+)?$", re.I)

# the rest of an office or body name the title/org layers cut short: "Minister of Trade[, Industry
# and Energy]", "[Investment, Industry and ]Trade Minister", "Federal Ministry[ for Economic Affairs
# and Climate Action]", "Vice-President[ for Investments and Marketing]"
NAME_TAIL = re.compile(r"(?:(?:\s+(?:of|for|on)|,)\s+(?:the\s+)?[A-Z][\w-]*)"
                       r"(?:(?:\s+(?:of|for|on|and|&)|,)?\s+[A-Z][\w-]*)*")
NAME_HEAD = re.compile(r"(?<![\w-])(?:[A-Z][\w-]*(?:,\s+|\s+and\s+|\s+&\s+))+$")

# "German industry", "our industry": a country's firms, not industry as a subject
INDUSTRY_OWNER = re.compile(r'(?:\b(?:our|their|its)|[a-z,;]\s+[A-Z][a-z]+|'
                            r'(?:^|[.!?\n]\s*|[“"]|— )[A-Z][a-z]+(?:an|ese|ish|ch|i|k))\s+$')

# what a country's trade is made of, share by share ("machinery made up 30 percent of imports, followed
# by chemical products at 12 percent"): goods in a statistic, not subjects of cooperation
COMPOSITION = led(re.compile(r"\b(?:made\s+up|followed\s+by|accounted\s+for|consisted\s+of|comprised)\b", re.I))
SHARE = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b)", re.I)
TRADE_FLOW = re.compile(r"\b(?:exports?|imports?|shipments)\b", re.I)

# office words whose names the title/org layers may miss ("the Estonian Ministry for Climate Affairs")
OFFICE = re.compile(r"\b(?:Ministry|Minister|Department|Commissioner|Secretary|Agency)\b")


@cache
def terms(code: str = "en") -> dict[str, str]:
    return {row["term"]: row["sector"] for row in lang.LANGUAGES[code].lexicon("sectors.tsv")}


# building a pipeline or a railway is a transport project, not the construction sector ("started
# construction of the gas pipeline"); roads, housing and plants still are construction
LINE_BUILT = re.compile(r"\b(?:pipelines?|railways?|railroads?|rail\s+lines?)\b", re.I)
OTHER_BUILT = led(re.compile(r"\b(?:roads?|highways?|housing|buildings?|plants?|factor(?:y|ies)|facilit(?:y|ies)|"
                             r"infrastructure|cent(?:er|re)s?|airports?|bridges?)\b", re.I))


def sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(". ", max(0, start - 300), start), text.rfind("\n", max(0, start - 300), start))
    e = [i for i in (text.find(". ", end, end + 300), text.find("\n", end, end + 300)) if i != -1]
    return text[s + 1 if s != -1 else max(0, start - 300):min(e) if e else end + 300]


GENITIVE_RUN = re.compile(r"(?:[\s,]+(?:и\s+)?[а-яё-]+)*?[\s,]+$", re.I)   # (a list: "инвестиций, промышленности и")


def _in_office_tail(text: str, start: int, names: list[tuple[int, int]]) -> bool:
    """In a language whose titles are written in lower case, the genitive words right after a
    title or a body name belong to it: "министр промышленности и энергетики" names an office,
    not the subjects of cooperation."""
    for _, b in names:
        if b <= start <= b + 60:
            gap = text[b:start]
            if GENITIVE_RUN.fullmatch(gap) and all(morph.genitive(w) for w in re.findall(r"[а-яё-]+", gap, re.I)
                                                   if w.lower() != "и"):
                return True
    return False


# "non-oil trade", "non-energy exports": the word before a sector word that takes it out
NEGATED_BEFORE = re.compile(r"(?i:non)[-\s]?$")

def find_sectors(doc: Document) -> list[Span]:
    known = terms(lang.of(doc).code)
    # (and the titles read with people's names: "Adviser on Commerce and Investment")
    names = [(s.start, s.end) for layer in ("org", "title", "outlet") for s in doc.layer(layer)]
    names += doc.meta.get("title_spans", [])
    named = Ranges(names)
    text_ = doc.text

    by_words = lang.of(doc).by_lemma

    def in_name(start: int, end: int) -> bool:
        if named.covers(start, end):
            return True
        if by_words:
            return _in_office_tail(text_, start, names)
        if not text_[start:start + 1].isupper():
            return False   # the rest of a name is capitalised words
        lo, hi = max(0, start - 150), min(len(text_), end + 80)
        near = [(a, b) for a, b in names if lo <= b <= start or end <= a <= hi]
        near += [m.span() for m in OFFICE.finditer(text_, lo, hi)]
        for a, b in near:
            if b <= start:
                m = NAME_TAIL.match(text_, b)
                if m and m.end() >= end:
                    return True
            elif a >= end:
                h = NAME_HEAD.search(text_, max(0, a - 80), a)
                if h and h.start() <= start:
                    return True
        return False

    sentences_told: dict[tuple[int, int], bool] = {}

    def composition(pos: int) -> bool:
        """Is the word in a sentence that tells what trade is made of, share by share?"""
        s0, s1 = doc.sentence_of(pos)
        if (s0, s1) not in sentences_told:
            sentences_told[s0, s1] = bool(SHARE.search(text_, s0, s1) and COMPOSITION.search(text_, s0, s1)
                                          and TRADE_FLOW.search(text_, s0, s1))
        return sentences_told[s0, s1]

    out = []
    for start, end, term, fold in longest(phrases(doc, "sector")):
        text = text_[start:end]
        if fold and term.islower() and not (text.islower() or text[:1].isupper()):
            continue
        if known[term] == "none" or not doc.in_body(start, end) or in_name(start, end):
            continue   # "business environment": a sector word in a phrase that names no sector
        if text.lower() == "construction":
            sent = sentence(text_, start, end)
            if LINE_BUILT.search(sent) and not OTHER_BUILT.search(sent):
                continue
        if text == "industry" and INDUSTRY_OWNER.search(text_, max(0, start - 30), start):
            continue
        if composition(start):
            continue
        if NEGATED_BEFORE.search(text_, max(0, start - 4), start):
            continue   # "non-oil trade", "ненефтяной": all but the sector
        if known[term] == "energy" and out and out[-1].value == "renewables" and \
                not text_[out[-1].end:start].strip():
            continue   # "solar power plants", "wind energy storage": a kind of renewable energy
        out.append(Span(start, end, "sector", text, known[term]))
    # the trade-promotion patterns all hold the word: read only around it
    low = text_.lower()
    if len(low) != len(text_):   # "İ" lower-cases to two characters: keep the offsets
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text_)
    for t0, t1, word in words_at(low, TRADE_WORDS):
        m = None
        if word == "trade" and GOAL_TAIL.match(text_, t0):
            m = GOAL_HEAD.search(text_, max(0, t0 - 60), t0)
        if m is None:
            for m in TRADE.finditer(text_, max(0, t0 - 90), min(len(text_), t1 + 40)):
                if m.start() <= t0 < m.end():
                    break
            else:
                continue
        a, b = m.start(), max(m.end(), t1)
        if doc.in_body(a, b) and not in_name(a, a + 1) and not (
                text_[a:b].lower().startswith("trade and economic") and
                BODY_ON.search(text_, max(0, a - 40), a)):
            out.append(Span(a, b, "sector", text_[a:b], "trade"))
    for t0, t1, word in words_at(low, MARKET_WORDS):
        if word == "barriers":
            m = BARRIERS.search(text_, max(0, t0 - 60), t0)
        else:
            w = low[max(0, t0 - 90):t0]
            m = SUPPLIES.search(text_, max(0, t0 - 90), t0) if (
                "supplies" in w or "exports" in w or "deliveries" in w) else None
        if m and doc.in_body(m.start(), t1):
            out.append(Span(m.start(), t1, "sector", text_[m.start():t1], "trade"))
    return sorted(out, key=lambda s: s.start)


@component("sectors")
def annotate(doc: Document) -> None:
    doc.spans["sector"] = find_sectors(doc)
