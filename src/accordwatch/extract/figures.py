"""Economic figures: an amount with what it measures, its period, parties, direction and growth.

Each amount owns the stretch of its sentence between the previous amount and the next one (its
zone): the words there say what it measures (data/indicator_cues.tsv, nearest cue first), which
period (a date in the zone), between whom (countries in the zone, else the article's main pair),
in which direction (exporter/importer, investor/recipient) and how it changed ("up 8.5%").
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise
from types import SimpleNamespace

from ..data import lexicon
from ..document import Document, Span
from . import lang, morph
from .dates import NUMBER_WORDS
from .gazetteer import Ranges
from .parties import drop_third_parties, main_parties
from .patterns import POSSESSIVE_ENDS, alternation, led
from .pipeline import component

PCT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)")
# ("making up $75.2 billion" states the amount, not a rise)
# ("57% above the 2021 level", "12% below last year's": a comparison with an earlier period)
EARLIER_LEVEL = r"(?=\s+(?:the\s+)?(?:(?:19|20)\d\d|last|previous|a\s+year|its|levels?)\b)"
UP = re.compile(r"increas|grew|grow|rose|rise|(?<!making )(?<!makes )(?<!made )(?<!make )\bup\b|\bmore\b|higher|surg|"
                r"jump|expan|add|gain|climb|soar|boost|\babove" + EARLIER_LEVEL, re.I)
DOWN = re.compile(r"decreas|declin|fell|fall|drop|\bdown\b|less\s+than|lower|shr[ai]nk|contract|reduc|slump|plung|"
                  r"\bbelow" + EARLIER_LEVEL, re.I)
# ("FCFA 11.15-billion (US | $15 million)": a country's letters before a currency sign)
RESTATED = re.compile(r"\s*(?:\(|,\s*or\s+|\bor\s+)(?:about|around|approximately|some|roughly|nearly|over|"
                      r"almost|equivalent\s+to)?\s*(?:US|U\.S\.)?\s*")
SHARE_AFTER = re.compile(r"\s+of\b")
BRACKETS_AFTER = re.compile(r"\s*\([^()\n]{1,40}\)")   # "SR2 billion | ($533 million)"
# a multiple is a change: group x2 doubles, x3 triples, half halves (named groups, so that another
# language's words map to the same values)
MULTIPLE = re.compile(r"\b(?:(?P<x2>doubled)|(?P<x3>tripled)|(?P<half>halved))\b", re.I)
# "more than doubled in three years", "tripled from 2015 to 2020": growth over several years is not
# the change on the period before, which is what change_pct holds
MULTIPLE_SPAN = re.compile(r"\s+(?:in|over|within)\s+(?:the\s+(?:last|past)\s+)?(?:[\w-]+\s+)?(?:years|decades?)\b"
                           r"|\s+(?:from|between|since)\s+(?:19|20)\d\d\b", re.I)
# "grew 1.5 times", "a 2.5-fold increase": a multiple in figures
TIMES = re.compile(r"\b(?:grew|rose|increased|jumped|expanded|surged|climbed)\s+(?:by\s+)?"
                   r"(?:almost\s+|nearly\s+|about\s+|more\s+than\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:times|-fold|fold)\b|"
                   r"\b(?P<n2>\d+(?:\.\d+)?)-fold\s+(?:increase|rise|growth)\b", re.I)
# "the share fell from 32.5% | to 18.1%": a share moving, not the amount's change (either end of it)
PCT_TO_PCT = re.compile(r"\s+to\s+\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)", re.I)
PCT_FROM_PCT = re.compile(r"\d\s*(?:%|percent|per\s+cent)\s+to\s+$", re.I)
VERB_AFTER_REACH = 30
CLAUSE_SPLIT = re.compile(r",| and ")
BY_BEFORE = re.compile(r"\b(?:by|before)\s+(?:the\s+end\s+of\s+)?$", re.I)   # "by | 2030 ...": a deadline
# "trade with other countries", "between Iran and various countries", "with the world": no one partner
WORLD_PARTNER = re.compile(r"\b(?:with|and)\s+(?:the\s+)?(?:(?:various|other|foreign|all|many|\d+)\s+(?:other\s+)?"
                           r"countries|rest\s+of\s+the\s+world|world)\b", re.I)
# ", most of which is Russian exports,": a clause set aside by commas, closed before the amount
ASIDE = re.compile(r",\s+(?:(?:most|much|part|half|some|the\s+bulk)\s+of\s+)?(?:which|whose)\b[^,;]{0,120},", re.I)
# "In June, exports rose ... During this month, imports ...": a date that names the month told just before,
# not the month of publication
THIS_MONTH = re.compile(r"this\s+month\b", re.I)
# "during the six-month period": the last span of that many months told before
MONTHS_PERIOD = re.compile(r"\b(?:during|over|in|for)\s+the\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve|\d{1,2})[-\s]month\s+period\b", re.I)
# "over the same period", "in the reporting month": the period of the figure told just before
SAME_PERIOD = re.compile(r"\b(?:over|in|during|for)\s+the\s+(?:same\s+(?:period|months|time)|reporting\s+"
                         r"(?:period|month|quarter|year))\b", re.I)
# "an increase of $572.7 million, or nearly 6.9%": the percentage restates the change before it
RESTATED_CHANGE = re.compile(r"""
    \b(?:an?\s+)?(?:increas\w*|grew|grow\w*|growth|rose|rise|gain\w*|decreas\w*|declin\w*|drop\w*|fell|fall\w*)
    \s+(?:by|of)\s+[^,;%]{1,30}?,?\s+or\s+(?:about|around|approximately|some|roughly|nearly|almost|over|
    more\s+than)?\s*$""", re.X | re.I)
# (", with Kyrgyzstan it doubled": the next partner's clause)
# a year written before an occasion's noun dates the occasion, not a figure: "during his 2017 | trip to Riyadh"
OCCASION_AFTER = re.compile(r"\s+(?:(?:state|official|working)\s+)?(?:visits?|trips?|tours?|summits?|meetings?|talks|"
                            r"forums?|sessions?|conferences?|agreements?|deals?|memorand(?:um|a|ums))\b", re.I)
# an aside about the words before it, still open at the amount: ", which have a total trade worth | $18 billion"
ASIDE_OPEN = re.compile(r",\s+(?:which|whose)\b[^,;()]*$", re.I)
CLAUSE_END = re.compile(r",\s+(?:while|whereas|but|and)\b|;|\bwhile\b|\bwhereas\b|,\s+with\s+(?-i:[A-Z])")
# where one clause of a sentence ends and another begins: "they signed a memorandum, | and ... exported"
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\b|;")
# a clause with a subject of its own after a comma: ", | Peru invested", ", | Казахстан инвестировал" (not a list:
# "Turkey, China and Russia")
NEW_SUBJECT = re.compile(r",\s+(?=[A-ZА-ЯЁ][\w-]*\s+(?!(?:and|or|и|или)\b)[a-zа-яё])")
CONTRAST = re.compile(r",\s+(?:while|whereas)\s+|;\s*")
# "..., with an investment portfolio of $4 billion": a clause with a measure of its own may open
WITH_OWN = re.compile(r",\s+with\s+(?:an?|the|its|their)\s+", re.I)
# a price of a unit after the amount: "$0.029 | per kWh", "$300 a tonne"
PER_UNIT = re.compile(r"\s*(?:per|a|/)\s*(?:(?:1|1,000|one|one\s+thousand|a\s+thousand)\s+)?"
                      r"(?:kwh|kilowatt[-\s]hours?|mwh|megawatt[-\s]hours?|tonnes?|tons?|"
                      r"barrels?|cubic\s+met(?:re|er)s?|thousand\s+cubic|kg|kilograms?|litres?|liters?|gallons?|"
                      r"ounces?)\b|\s*for\s+(?:every|each)\b", re.I)   # "$1.5 for every dollar imported": a rate
# "$125 per 1,000 cubic metres": the quantity a price is given for, no figure of its own
PER_BEFORE = re.compile(r"\bper\s*$", re.I)
# "in line with the $100 billion target", "the US$30 billion goal was achievable": the amount a goal names
# ("a $5 billion (TL144.64 billion) bilateral trade volume target": a restatement, and up to three words, between)
TARGET_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:(?:bilateral|mutual|annual|trade|turnover|volume|export|"
                          r"import)\s+){0,3}(?:target|goal)\b", re.I)
# "exports reached $5 billion, | imports from China $3 billion": the other flow's clause after a comma
NEXT_FLOW = re.compile(r"(?:,\s*(?:(?:and|while)\s+)?|\s+(?:and|while)\s+)(?:its\s+|the\s+)?(?:imports?|exports?)\b",
                       re.I)
TARGET = re.compile(r"""
    \b(?:aim|aims|aimed|aiming|goal|goals|target|targets|targeted|potential|objective|task|
         plan\s+to|plans\s+to|planned\s+to|intend|intends|seek|seeks|strive|want|wants|
         have\s+to|has\s+to|need\s+to|needs\s+to)\b
  | \b(?:bring|bringing|raise|raising|increase|increasing|boost|boosting|lift|lifting|take|taking|
         double|doubling|expand|expanding|reach|reaching)\b[^.;]{0,60}\bto\s*$
  | \b(?:projected|expected|forecast|forecasted|poised|set)\s+to\s+(?:surpass|reach|exceed|hit|top|cross)\b
  | \b(?:should|must)\s+(?:reach|exceed|hit|top|surpass|cross)\b     # "trade should reach $100 billion"
""", re.X | re.I)
TARGETABLE = {"trade_turnover", "exports", "imports", "volume"}
# "... imports to $500 million, | and exports to | $600 million": another goal, listed after one
# (after a phrase of when or where the first holds: "to $1 billion in the first phase and eventually to $5 billion")
TARGET_LIST = re.compile(r"\s*(?:(?:in|by|at|within|during)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*)?,?\s*(?:and\s+|while\s+)?"
                         r"(?:[\w-]+\s+){0,3}?to\s+(?:about\s+|around\s+|up\s+to\s+|more\s+than\s+|over\s+|some\s+)?",
                         re.I)
# "trade surpassed the target, reaching $1.25 billion": a goal met, the amount a level reached
TARGET_MET = re.compile(r"\b(?:surpassed|exceeded|outstripped|overfulfill?ed|met|achieved)\s+"
                        r"(?:the|its|their|this|that)\s+(?:\w+\s+){0,2}?(?:target|goal|plan)\b|"
                        # "managed to raise trade to $711 million": done
                        r"\b(?:managed\s+to|succeeded\s+in)\s+(?:\w+\s+){0,2}?(?:rais|increas|boost|bring|br[io]ught)\w*",
                        re.I)
CAPACITY = re.compile(r"\b(?:capacity|designed\s+to)\b", re.I)   # a design capacity is a fact, not a goal
ANAPHOR = re.compile(r"\b(?:it|this\s+figure|the\s+figure|this\s+indicator|the\s+indicator)\s+(?:\w+\s+){0,2}?"
                     r"(?:rose|grew|fell|dropped|declined|"
                     r"increased|decreased|totall?ed|amounted|reached|stood|was|jumped|climbed|exceeded|"
                     r"surged|soared|topped|hit|doubled|tripled|"
                     # "It will reach $390 million in 2016": the same measure, still to come
                     r"reach|rise|grow|increase|total|amount|exceed|be)\b"
                     # "That was up from $5.3 billion in 2004": the level before, of the measure just told
                     r"|(?-i:\b(?:That|This))\s+(?:was|is|marks?|marked)\s+(?:\w+\s+){0,2}?(?:up|down)\s+from\b", re.I)
DEAL_WORDS = re.compile(r"\b(?:agreements?|contracts?|deals?|documents?|memorand\w*)\b", re.I)
# the words that may not stand between an amount and the noun it is the worth of ("$300 million | export | contracts")
_FUNCTION_WORDS = r"and|or|of|in|to|for|with|was|were|is|are|the|an?|as|at|by|on|from"
# "signs $14 billion trade agreements", "$300 million export contracts", "$1bln worth contracts", "$533 million
# worth of agreements", "$20.8bn-worth deals": the documents' worth (but "a $2 billion investment deal" is the
# investment it holds)
DOCUMENTS_AFTER = re.compile(r"(?:-worth)?\s+(?:worth\s+of\s+)?(?:(?!(?:investment|loan|credit|financing|" +
                             _FUNCTION_WORDS +
                             r"|while|but|which|that|its|their)\b)[a-z-]+\s+){0,2}"
                             r"(?:agreements?|contracts?|deals?|documents?|memorand\w*)\b", re.I)
# "investment of Turkey | in ...": the investor right after the word for the investment
INVESTOR_BEFORE = re.compile(r"\binvestments?\s+of\s+(?:the\s+)?$", re.I)
# "representatives of 150 companies", "delegates from 80 firms": a count of who attended
ATTENDING_BEFORE = re.compile(r"\b(?:representatives|delegates|participants|executives|heads)\s+(?:of|from)\s+"
                              r"(?:more\s+than\s+|over\s+|some\s+|about\s+|around\s+|nearly\s+)?$", re.I)
# "a $1.5 billion project", "a $300 million fertiliser plant": the cost of what is built
PROJECT_AFTER = re.compile(r"\s+(?:(?!(?:" + _FUNCTION_WORDS + r")\b)[a-z-]+\s+){0,2}"
                           r"(?:projects?|plants?|factory|factories|facilities|"
                           r"refinery|complex|terminal|railway|pipeline|port)\b", re.I)
# "turnover increased by $85.4 million (to $1.2 billion)", "an increase of $40 million": the
# amount is a change, not a level; the level, where stated, is the figure
CHANGE_BY = re.compile(r"""
    (?:\b(?:increas\w*|grew|grow\w*|rose|ris(?:e|es|ing)|decreas\w*|declin\w*|fell|fall\w*|dropp?\w*|jump\w*|
          surg\w*|climb\w*|expand\w*|gain\w*|shr[ai]nk\w*|up|down|higher|lower)\s+by
     | \b(?:an?\s+)?(?:increase|growth|rise|decrease|decline|drop|gain)\s+of
     | \bby\s+\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent),?\s+or(?:\s+by)?)   # ("grew by 8.3%, or $324.3 million")
    \s+(?:about|around|nearly|almost|over|more\s+than|some|approximately|roughly)?\s*$""", re.X | re.I)
# "$14 billion last year": a level the year before, never a goal's deadline
LAST_YEAR_AFTER = re.compile(r"\s+(?:last\s+year|in\s+the\s+(?:past|previous|last)\s+year|"
                             r"a\s+year\s+(?:earlier|ago))\b", re.I)
# "reached $312 million, which is $41 million (15.1%) more than in 2020": the amount before the
# comparative is the difference, not a level
DIFFERENCE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:more|less|higher|lower|greater)\s+(?:than|compared)\b",
                              re.I)
WORTH_LEFT = re.compile(r"\s*(?:with\s+a\s+(?:total\s+)?value\s+of|worth|totall?ing|valued\s+at|estimated\s+at|"
                        r"costing)\s+(?:about|around|over|more\s+than|some|nearly|almost)?\s*", re.I)
# "20 billion cubic metres a year by 2027", "will deliver", "on track to": still to come
BY_YEAR = re.compile(r"(?:\s+[\w-]+){0,6}?\s+(?:by|before)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.I)
# "to projects in Indonesia and | Bangladesh": the words that join countries in a list
LIST_JOINED = re.compile(r"\s*,\s+|\s+and\s+(?:the\s+)?", re.I)
# "trade increased to | $25.3 billion by the end of 2020": a level reached, whatever the year after it says
PAST_LEVEL = re.compile(r"\b(?:increased|rose|grew|climbed|jumped|reached|amounted|totall?ed|stood|expanded|doubled)"
                        r"\s+(?:to\s+|at\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$",
                        re.I)
# "the pipeline will carry up to 33 bcm a year": a design capacity, not a goal
CAPACITY_VERB = re.compile(r"\b(?:carry|handle|hold|accommodate|process|transport)\s+(?:up\s+to\s+)?$", re.I)
RAISE_TO = re.compile(r"(?:\b(?:raise|raising|increase|increasing|expand|expanding|bring|bringing|double|doubling|"
                      r"boost|boosting|carry|carrying)|\b(?:will|would|to)\s+(?:\w+\s+)?(?:rise|grow|climb))\b"
                      r"(?:[^.;]|(?<=\d)\.(?=\d)){0,120}\bto\s+(?:about\s+|around\s+|up\s+to\s+|more\s+than\s+)?$",
                      re.I)   # (the point of a decimal, "$2.7 billion", ends no clause)
# "... from $2.7 billion | to about | $6 billion": all that stands between two amounts of a span
# ("trade will rise from $40 billion to more than $100 billion": a rise still to come is a goal too)
# ("to $50 billion first and then | to $75 billion": a second step of the same goal)
# ("from $25 billion (TL 240 billion) | to $50 billion": past the amount restated in brackets)
TO_ONLY = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s*(?:(?:first|and|then|later|eventually|finally),?\s+)*"
                     r"to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$", re.I)
# "double trade from current levels of | $2.7 billion": the level a goal starts from
FROM_LEVEL = re.compile(r"\bfrom\s+(?:(?:the\s+)?current\s+(?:levels?\s+of\s+)?|about\s+|around\s+|some\s+)?$", re.I)
# "which amounted to", "stood at": the amount is a level reached, whatever goal the clause before names
STOOD_AT = re.compile(r"\b(?:amounted|amounts|stood|stands|totall?ed|totals)\s+(?:to|at)?\s*(?:about\s+|around\s+|"
                      r"nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+|roughly\s+)?$", re.I)
WILL = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|on\s+track\s+to|expected\s+to|set\s+to|due\s+to)\s+"
                  r"(?:\w+\s+){0,3}$", re.I)
# a country's total with the world: "Tajikistan's foreign trade reached $8.9 billion"
WORLD_TOTAL = re.compile(r"\b(?:total|overall|foreign|external)\s+(?:foreign\s+|external\s+)?trade\b"
                         r"(?!\s+(?:with|between)\b)", re.I)
WITH_PARTNER = re.compile(r"\b(?:with|between|and)\b", re.I)
TOTAL_FLOW = re.compile(r"\b(?:total|overall)\s+(?:[\w-]+\s+){0,2}?(?:exports?|imports?)\b", re.I)
DIRECTED = {"exports", "imports", "investment", "fdi"}
PAIR_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})   # "Kazakh-Georgian", "армяно-грузинских": both sides
# cues that value whatever the clause is about: another cue before them names the measure
VALUATIONS = frozenset({"worth", "estimated at"})
PAIR_WORDS = re.compile(r"\b(?:between\s+the\s+(?:two\s+)?countries|bilateral|mutual|two-way|two\s+countries|"
                        r"both\s+countries|our\s+countries|the\s+two\s+sides|both\s+sides|the\s+parties)\b", re.I)
COMPARISON_BEFORE = re.compile(r"(?:than|compared\s+(?:to|with)|from|against|versus|vs\.?|above|below)\s+"
                               r"(?:the\s+|in\s+)?$|"
                               r"\b(?:same|corresponding|comparable)\s+(?:period|months?|quarter)\s+"
                               r"(?:(?:of|in|last)\s+)?$", re.I)
# "10 investment agreements, worth over ...", "five financing agreements totaling": the worth of
# documents, whatever other cue is near
DEAL_WORTH = re.compile(r"\b(?:agreements?|contracts?|deals?|documents?|memorand\w*(?:\s+of\s+understanding)?|"
                        r"letters?\s+of\s+intent)\b"
                        r"[^.;]{0,25}"
                        r"\b(?:worth|totall?ing|valued\s+at|amounting\s+to|"
                        r"(?:total|combined|overall|estimated|potential)\s+value\s+of)\b"
                        r"[^.;]{0,20}$|"
                        # "an agreement for an $11 billion swap": the document's worth
                        r"\b(?:agreements?|contracts?|deals?)\s+(?:for|on)\s+(?:an?\s+)?(?:about\s+|some\s+)?$|"
                        # "the signed agreements exceeded $2 billion": the documents are what the verb measures
                        r"\b(?:agreements|contracts|deals|documents|memoranda)\s+(?:signed\s+)?(?:exceeded|totall?ed|"
                        r"amounted\s+to|reached|topped)\s+(?:over\s+|more\s+than\s+|about\s+|around\s+|nearly\s+)?$|"
                        # "550 agreements signed at the forum for $38 billion", "... have been signed for a total of":
                        # what the documents were signed for
                        r"\b(?:agreements?|contracts?|deals?|documents?|memorand\w*)\b[^.;]{0,50}?\b(?:signed|concluded|"
                        r"inked|sealed)\b[^.;]{0,45}\bfor\s+"
                        r"(?:a\s+total\s+(?:sum\s+)?of\s+|a\s+(?:combined\s+|total\s+)?sum\s+of\s+)?"
                        r"(?:about\s+|some\s+|over\s+|more\s+than\s+|nearly\s+)?$",
                        re.I)
OPENING_REACH = 12   # "In 2023, ...", "По итогам 2025 года": a date this close to a sentence's start opens it
# the words of a total over the years, which no year's opening dates ("total", "общий приток", "накопленные")
STOCK = re.compile(r"(?i:\b(?:total|overall|accumulated|cumulative)\b|(?<!\w)(?:общ|накопленн|совокупн)\w*)")
# "(US$1=RM4.20)": an amount next to an equals sign is an exchange rate
RATE_SIGN = re.compile(r"\s?=")
RATE_SIGN_BEFORE = re.compile(r"=\s?$")
# the word before a country that makes it the flow's source or its destination ("exports of
# Kazakhstan", "imports from Russia"; "supplies to China", "investment in Kazakhstan")
# ("investment in the economy of | Kyrgyzstan": where it goes, though "of" stands before it)
SOURCE_BEFORE = re.compile(r"(?<!\beconomy\s)(?<!\beconomies\s)\b(?:from|of)\s+(?:the\s+)?$", re.I)
DEST_BEFORE = re.compile(r"\b(?:to|into|in)\s+(?:the\s+)?(?:(?:economy|economies)\s+of\s+(?:the\s+)?)?$", re.I)
# a country whose market the other is: "(the UAE is) India's third largest export destination", "(China is)
# Vietnam's biggest export market" make it the exporter; "Kazakhstan's main source of imports" the importer
EXPORTER_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?export\s+(?:destination|market|outlet)s?\b", re.I)
IMPORTER_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:import\s+(?:source|supplier)s?|"
                            r"source\s+of\s+(?:its\s+)?imports|supplier)\b", re.I)
# a loan or a credit: the bank that lends is where it comes from
LOAN_WORDS = re.compile(r"\b(?:loans?|credits?|lent|lends?|lending)\b", re.I)
# a line of a list of documents signed, each with its sum after a dash (read back at most LIST_LINE_REACH)
LISTED_DOCUMENT = re.compile(r"(?m)^\W{0,3}(?:[\w-]+\s+){0,2}(?:agreements?|memorand\w+|contracts?|MoUs?|deals?)\b"
                             r".*\s[–—-]\s*(?:about|over|more\s+than|up\s+to)?\s*$", re.I)
# "- construction of a 300 MW solar plant in Issyk-Kul - $270 million;": the cost of a work listed
LISTED_PROJECT = re.compile(r"(?m)^\W{0,3}(?:[\w-]+\s+){0,1}(?:construction|building|creation|development|"
                            r"moderni[sz]ation|reconstruction|expansion)\b.*\s[–—-]\s*"
                            r"(?:about|over|more\s+than|up\s+to)?\s*$", re.I)
LIST_LINE_REACH = 400
BETWEEN = re.compile(r"\bbetween\b", re.I)   # (where the order of the two sides says nothing of who lends)
REPORTER = re.compile(r"\b(?:statistics|data|figures)\s+(?:[\w-]+\s+){0,3}?(?:from|of|by)\s+(?:the\s+)?$"
                      r"|\baccording\s+to\s+(?:the\s+)?$", re.I)


# what is traded, in money or in physical units (SCHEMA.md): a quantity's worth is the same flow
FLOWS = frozenset({"exports", "imports", "trade_turnover"})
OTHER_WAY = {"exports": "imports", "imports": "exports"}
# what stands between an amount and the measure it is of: "$2 billion | in bilateral | trade", "$8 billion |
# worth of Indian | exports"
IN_MEASURE = re.compile(r"\s+(?:in|of|worth\s+of)\s+(?:the\s+)?(?-i:[A-Z][\w-]+(?:['’]s)?\s+)?"
                        r"(?:(?:bilateral|mutual|two-way|annual|total|overall|new)\s+)?|"
                        # "received a $2 billion loan from China": a loan's amount, whatever verb comes before
                        r"\s+(?:(?:soft|concessional|preferential|new)\s+)?(?=(?:loans?|credits?)\b)", re.I)
# "$38.3 million (+18.5%)", "(-3,2%)": the change, signed, in brackets right after the amount
SIGNED_AFTER = re.compile(r"\s*\(\s*(?P<sign>[+−–-])\s*(?P<num>\d+(?:[.,]\d+)?)\s*%\s*\)")
# "$14.4 million (up 1.76 times)": a multiple in brackets right after the amount
TIMES_AFTER = re.compile(r"\s*\(\s*(?:up|growth\s+of|an?\s+increase\s+of)\s+(?P<n>\d+(?:\.\d+)?)\s+times\s*\)", re.I)
# "compared to | $1.04 billion", "compared to January-April 2022 (| $366.5 million)": the amount compared with
COMPARED_AMOUNT = re.compile(r"(?:compared\s+(?:to|with)|against|versus|vs\.?)\s+(?:(?:the|about|some|around|nearly|"
                             r"almost|over)\s+)*(?:[^.;()$€£\d]{0,30}\d{4}\s*\(\s*)?$", re.I)
# what stands between two amounts of one list, the next closing it with a date: ", with Chilean exports at",
# "and Chinese exports at" (no date or amount between)
LISTED_BEFORE = re.compile(r"(?:,\s*with|,?\s+and)\s[^.;:\d$€£]{0,60}", re.I)
# "the visit to Uzbekistan in | December 2022": a date an occasion named right before it holds
# ("since establishing diplomatic relations in | 1992, ... trade hit $2 billion": history's year, not the figure's)
EVENT_DATE_BEFORE = re.compile(r"\b(?:visit|trip|tour|meeting|talks|summit|session|forum|"
                               r"diplomatic\s+(?:ties|relations))\b[^.;,]{0,40}?\bin\s+$|"
                               # ("the FTA signed in 2009 helped meet the target of $70 billion": the signing's)
                               r"\b(?:signed|concluded|ratified|launched|adopted|established)\s+in\s+$", re.I)
# a goal set, or agreed on, between a date and a target ("In 2024, the presidents set a goal of reaching $2 billion"):
# the date is when it was set, not the target's period
GOAL_SET = re.compile(r"\b(?:set|sets|setting|adopted|announced)\s+(?:themselves\s+)?(?:(?:a|an|the|new|ambitious|"
                      r"joint|common)\s+){0,2}(?:goal|target|task)\b|\bagreed\s+(?:to|on)\b", re.I)
# what stands between an amount and its own date: "$27 million | in | 2000", "27 млн долларов | в | 2000 году"
OWN_DATE = re.compile(r"\s+(?:in|for|during|в)\s+(?:the\s+)?", re.I)
CHANGE_VERB_REACH = 110   # how far before a percentage the verb of its clause may stand
NEXT_AMOUNT_GAP = 8   # "in 2022, at | $27.7 billion"
PAST_WORDS = re.compile(r"earlier|previous|ago|(?:same|corresponding|comparable)\s+period|аналогичн\w+\s+период", re.I)
# the patterns a language gives the figure finder: English's are the constants above, another
# language's come from its data/<code>/figure_cues.tsv (a pattern it lacks never matches);
# each pattern led by the letters its matches start with (patterns.led: same matches, found faster)
CUE_NAMES = ("PCT", "UP", "DOWN", "RESTATED", "DIFFERENCE_AFTER", "LAST_YEAR_AFTER", "TIMES", "SAME_PERIOD", "ASIDE",
             "WORLD_PARTNER", "BY_BEFORE", "SHARE_AFTER", "PCT_TO_PCT", "PCT_FROM_PCT", "MULTIPLE", "CLAUSE_END",
             "TARGET", "CAPACITY", "ANAPHOR", "DEAL_WORDS", "PROJECT_AFTER", "ATTENDING_BEFORE", "INVESTOR_BEFORE",
             "LISTED_PROJECT", "CHANGE_BY", "MULTIPLE_SPAN", "RESTATED_CHANGE",
             "WORTH_LEFT", "BY_YEAR", "CAPACITY_VERB", "RAISE_TO", "WILL", "STOOD_AT", "TO_ONLY", "FROM_LEVEL",
             "WORLD_TOTAL", "WITH_PARTNER", "PAIR_WORDS", "COMPARISON_BEFORE", "DEAL_WORTH", "REPORTER",
             "SOURCE_BEFORE", "DEST_BEFORE", "EXPORTER_AFTER", "IMPORTER_AFTER", "PAST_LEVEL", "LIST_JOINED",
             "TARGET_MET", "TARGET_LIST", "TOTAL_FLOW",
             "CLAUSE_BREAK", "NEXT_FLOW", "PER_UNIT", "PER_BEFORE", "TARGET_AFTER",
             "EVENT_DATE_BEFORE", "LISTED_BEFORE", "COMPARED_AMOUNT", "TIMES_AFTER", "LOAN_WORDS",
             "BETWEEN", "LISTED_DOCUMENT", "THIS_MONTH", "DOCUMENTS_AFTER", "MONTHS_PERIOD", "ASIDE_OPEN",
             "OCCASION_AFTER", "GOAL_SET")
NEVER = re.compile(r"(?!)")


@cache
def cues(code: str = "en") -> SimpleNamespace:
    if code == "en":
        return SimpleNamespace(**{n: led(globals()[n]) for n in CUE_NAMES})
    patterns = {r["name"]: r["pattern"] for r in lang.LANGUAGES[code].lexicon("figure_cues.tsv")}
    return SimpleNamespace(**{n: led(re.compile(patterns[n], re.I)) if n in patterns else NEVER for n in CUE_NAMES})


@cache
def stem_cues(code: str) -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, indicator) of a language whose cues are stems ("товарооборот" + any ending)."""
    return tuple((re.compile(rf"(?<!\w){row['cue']}\w*", re.I), row["indicator"])
                 for row in lang.LANGUAGES[code].lexicon("indicator_cues.tsv"))


@cache
def stem_openings(code: str) -> tuple[str, ...]:
    """The literal opening of each stem cue of stem_cues, lower-cased ("" for one that opens with
    a pattern): a text without it, lower-cased, holds no match of the cue."""
    return tuple(re.match(r"[^\\\[\](){}.*+?|^$]*", row["cue"]).group(0).lower()
                 for row in lang.LANGUAGES[code].lexicon("indicator_cues.tsv"))


# the letters re.I matches to a letter whose lower case they are not ("ı", "ſ", the old Cyrillic
# forms of "в", "д", "о", "с", "т", "ъ"), and "İ", whose lower case is two characters
UNFOLDED = re.compile("[\u0130\u0131\u017f\u1c80-\u1c88]")


def _folded(text: str) -> str | None:
    """The text lower-cased, when lower() folds its letters as re.I compares them; else None."""
    return None if UNFOLDED.search(text) else text.lower()


@cache
def cue_pattern() -> tuple[re.Pattern, dict[str, str]]:
    cues = {row["cue"].lower(): row["indicator"] for row in lexicon("indicator_cues.tsv")}
    cues.setdefault("worth", "investment")
    alt = alternation(sorted(cues, key=len, reverse=True), ignore_case=True)
    # led: the engine skips ahead to the cues' first letters (a \b opening gets no skip of its own)
    return led(re.compile(rf"\b(?:{alt})\b", re.I)), cues


@cache
def worth_of_what_before(worth: re.Pattern) -> re.Pattern:
    """`worth` after at most three words ("of wheat worth", "пшеницы на сумму"): what the amount before measured."""
    return re.compile(rf"(?:\s*[^\W\d_]+){{0,3}}?(?:{worth.pattern})", worth.flags)


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in lexicon("currencies.tsv"))


@dataclass
class Zone:
    start: int
    end: int
    left: str        # text before the amount in its zone
    right: str       # text after the amount, up to the end of its clause


def _span_of_months(figs: list[dict], n: str) -> str | None:
    """The period of the last figure in `figs` spanning `n` months ("six", "6") in one year, if any."""
    months = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 0)
    for f in reversed(figs):
        p = f["period"] or ""
        if re.fullmatch(r"(\d{4})-(\d\d)/\1-(\d\d)", p) and int(p[-2:]) - int(p[5:7]) + 1 == months:
            return p
    return None


def _zones(doc: Document, amounts: list[Span], clause_end: re.Pattern, aside_open: re.Pattern) -> list[Zone]:
    zones = []
    for i, a in enumerate(amounts):
        s0, s1 = doc.sentence_of(a.start)
        lo = max(s0, amounts[i - 1].end if i and amounts[i - 1].end > s0 else s0)
        hi = min(s1, amounts[i + 1].start if i + 1 < len(amounts) and amounts[i + 1].start < s1 else s1)
        right = doc.text[a.end:hi]
        cut = clause_end.search(right)
        if cut:
            right = right[:cut.start()]
            hi = a.end + cut.start()
        if aside_open.search(doc.text, lo, a.start) and (comma := right.find(",")) >= 0:
            # "Thailand and Indonesia, which have a total trade worth $18 billion, | will work with ...": the
            # aside the amount is in closes at its comma; what the main clause goes on to is no side of it
            right = right[:comma]
            hi = a.end + comma
        zones.append(Zone(lo, hi, doc.text[lo:a.start], right))
    return zones


def _ordered(values: list[int]) -> list[int] | None:
    return values if all(a <= b for a, b in zip(values, values[1:], strict=False)) else None


class FigureFinder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.code = lang.of(doc).code
        self.recipient_case = lang.of(doc).recipient_case
        self.c = cues(self.code)
        self.measured: dict[int, str] = {}   # amount start -> the indicator its words give (indicator())
        # the amounts a cue says measure something else ("a trade surplus of $3.8 billion", "сальдо"),
        # which no figure before lends its measure to
        self.said_other: set[int] = set()
        self.bases: set[int] = set()   # the amounts that are the earlier level a change is compared with (_as_base)
        # where the dates a figure read stand: the periods of flows of trade and the points of comparison
        # ("in 2015 trade passed $1 billion", "twice the 2013 level"), which date no event
        self.dates_read: set[int] = set()
        self._period_at: int | None = None   # the start of the date period() chose last
        self._compared: list[int] = []       # the dates period() passed over last as points of comparison
        self.countries = doc.layer("country")
        # cue words inside names and titles measure nothing ("the minister of industry and trade said")
        self.blocked = Ranges([(s.start, s.end) for layer in ("org", "title", "person") for s in doc.layer(layer)]
                              + doc.meta.get("title_spans", []))
        self.dates = doc.layer("date")
        self.main = main_parties(doc)
        self.regions = [p for p in doc.layer("place") if p.data.get("country") is None]   # continents, regions
        # who can be an exporter or investor: countries, and organizations whose country is known
        orgs = doc.meta.get("organizations", {})
        self.actors = sorted(self.countries + [
            Span(s.start, s.end, "country", s.text, orgs[s.value].country)
            for s in doc.layer("org") if s.value in orgs and orgs[s.value].country], key=lambda s: s.start)
        # where countries and dates start (and dates end), to find those in a zone by binary
        # search rather than by a scan per amount, which made long texts quadratic; None when a
        # layer is not in text order (never, from the built-in components): then they are scanned
        self.country_starts = _ordered([c.start for c in self.countries])
        self.actor_starts = [a.start for a in self.actors]
        # the banks whose country is known, which lend ("China's Eximbank"): (start, country)
        self.banks = sorted((s.start, orgs[s.value].country) for s in doc.layer("org")
                            if s.value in orgs and orgs[s.value].country and orgs[s.value].kind == "bank")
        self.date_starts = _ordered([d.start for d in self.dates])
        self.date_ends = _ordered([d.end for d in self.dates])
        self.amount_spans = sorted(doc.layer("amount"), key=lambda a: a.start)
        self.amount_starts = [a.start for a in self.amount_spans]

    def countries_in(self, lo: int, hi: int) -> list[Span]:
        """The country mentions starting in [lo, hi), in text order."""
        if self.country_starts is None:
            return [c for c in self.countries if lo <= c.start < hi]
        return self.countries[bisect_left(self.country_starts, lo):bisect_left(self.country_starts, hi)]

    def dates_over(self, lo: int, hi: int) -> list[Span]:
        """The dates that reach into [lo, hi), in text order."""
        if self.date_starts is None or self.date_ends is None:
            return [d for d in self.dates if not (d.end <= lo or d.start >= hi)]
        return self.dates[bisect_right(self.date_ends, lo):bisect_left(self.date_starts, hi)]

    @cached_property
    def reporter(self) -> str | None:
        """The country whose statistics the article reports ('Statistics from Kazakhstan showed'):
        looked for when a trade figure's direction is otherwise unknown (most articles never ask)."""
        for s in self.countries:
            if self.c.REPORTER.search(self.text[max(0, s.start - 40):s.start]):
                return s.value
        return None

    def indicator(self, amount: Span, zone: Zone) -> str:
        if amount.data.get("indicator"):
            return amount.data["indicator"]
        unit = amount.data["unit"]
        # the amount restated in brackets after it: "US$30 billion (RM141 billion) | in bilateral trade",
        # "two billion riyals ($533 million) | worth of agreements"
        restated = BRACKETS_AFTER.match(self.text, amount.end)
        if self.code != "en":
            ind, cued = self.stem_indicator(amount, zone)
            if ind == "other" and cued:
                self.said_other.add(amount.start)
        else:
            pat, cues = cue_pattern()
            best = None
            # "$30 billion in trade turnover", "$500 million in investment", "brought in $12.1 billion worth of
            # imports": the measure named right after the amount is its own, whatever cue comes before
            named = IN_MEASURE.match(zone.right, restated.end() - amount.end if restated else 0)
            if named is not None and (m := pat.match(zone.right, named.end())) is not None and \
                    not self.blocked.holds(amount.end + m.start()):
                best = m
            aside = [m.span() for m in self.c.ASIDE.finditer(zone.left)] if best is None else []
            for m in pat.finditer(zone.left) if best is None else ():
                pos = zone.start + m.start()
                if self.blocked.holds(pos):
                    continue
                if any(a <= m.start() < b for a, b in aside) and best is not None:
                    continue   # ("trade, most of which is Russian exports, exceeded ...": a part, set aside)
                # the last one before the amount is the nearest; a bare valuation ("worth", "estimated
                # at") yields to any other cue ("trade flows estimated at $4 billion": trade)
                if best is None or m.group(0).lower() not in VALUATIONS or best.group(0).lower() in VALUATIONS:
                    best = m
            if best is None:
                for m in pat.finditer(zone.right):
                    pos = amount.end + m.start()
                    if not self.blocked.holds(pos):
                        best = m
                        break
            elif best.group(0).lower() in VALUATIONS:
                # "goods worth $52 billion were traded": the verb right after a bare valuation says what it is
                near = CLAUSE_SPLIT.split(zone.right[:VERB_AFTER_REACH], maxsplit=1)[0]   # (its own clause)
                m = pat.search(near)
                if m is not None and not self.blocked.holds(amount.end + m.start()) and \
                        m.group(0).lower() not in VALUATIONS:
                    best = m
            ind = cues[best.group(0).lower()] if best else "other"
            if best is not None and ind == "other":
                self.said_other.add(amount.start)
            if best is not None and best.group(0).lower() in ("worth", "loan", "loans") and \
                    self.c.DEAL_WORDS.search(zone.left.rsplit(",", 1)[-1]):
                # "contracts worth ...", "a finance contract for a €100 million loan" (not a document of
                # another clause: "With the agreement, China will provide a loan of ...")
                ind = "deal_value"
        if ind == "other" and unit in currency_codes() and self.c.PROJECT_AFTER.match(self.text, amount.end):
            ind = "investment"   # "a $1.5 billion project", "a $300 million plant": what it costs
        if self.c.DEAL_WORTH.search(zone.left[-120:]) or (
                ind in ("other", "trade_turnover", "exports", "imports", "investment") and
                self.c.DOCUMENTS_AFTER.match(self.text, restated.end() if restated else amount.end)):
            ind = "deal_value"   # "10 investment agreements, worth over ...", "$14 billion trade agreements"
        elif unit in currency_codes() and self.listed(amount, self.c.LISTED_DOCUMENT):
            ind = "deal_value"   # "- Investment agreement between ... on a fertiliser plant - $260 million;"
        elif ind == "other" and unit in currency_codes() and self.listed(amount, self.c.LISTED_PROJECT):
            ind = "investment"   # "- construction of a 300 MW solar plant in Issyk-Kul - $270 million;"
        self.measured[amount.start] = ind   # what the words say it measures, before the unit has its say
        physical = unit != "count" and unit not in currency_codes()
        if physical and ind not in ("exports", "imports", "volume"):
            return "volume"
        if not physical and ind == "volume":
            return "other"
        return ind

    def listed(self, amount: Span, item: re.Pattern) -> bool:
        """Is the amount the sum of what opens its line, as `item` reads it: a document ("- Agreement on a
        fertiliser plant - $260 million"), a work ("- construction of a solar plant - $270 million")? Only a
        line that starts within LIST_LINE_REACH characters is read (a text without line breaks would be read
        back to its start for every amount)."""
        lo = max(0, amount.start - LIST_LINE_REACH)
        line = self.text.rfind("\n", lo, amount.start)
        if line < 0 and lo > 0:
            return False
        return item.search(self.text, line + 1, amount.start) is not None

    def stem_indicator(self, amount: Span, zone: Zone) -> tuple[str, bool]:
        """The indicator of the nearest cue stem before the amount in its zone, else after it, and whether a
        cue gave it (else it is the default, "other")."""
        best: tuple[int, int, str] | None = None   # (end, length, indicator): the nearest, then the longest
        openings, low = stem_openings(self.code), _folded(zone.left)
        # ("товарооборот, большую часть которого составляет российский экспорт, превысил ...": a cue in a
        # clause set aside by commas says what part of it is, not what the amount measures)
        aside = [m.span() for m in self.c.ASIDE.finditer(zone.left)]
        set_aside: tuple[int, int, str] | None = None
        for (pat, ind), opening in zip(stem_cues(self.code), openings, strict=True):
            if low is not None and opening not in low:
                continue   # its opening is nowhere in the zone: no match (a scan spared)
            for m in pat.finditer(zone.left):
                if self.blocked.holds(zone.start + m.start()):
                    continue
                cand = (m.end(), m.end() - m.start(), ind)
                if any(a <= m.start() < b for a, b in aside):
                    if set_aside is None or cand[:2] > set_aside[:2]:
                        set_aside = cand
                elif best is None or cand[:2] > best[:2]:
                    best = cand
        best = best or set_aside
        if best is not None:
            return best[2], True
        after: tuple[int, str] | None = None
        low = _folded(zone.right)
        for (pat, ind), opening in zip(stem_cues(self.code), openings, strict=True):
            if low is not None and opening not in low:
                continue
            m = pat.search(zone.right)
            if m and not self.blocked.holds(amount.end + m.start()) and (after is None or m.start() < after[0]):
                after = (m.start(), ind)
        return (after[1], True) if after else ("other", False)

    def future(self, amount: Span, zone: Zone) -> bool:
        """A quantity still to come is a goal: "deliver 20 billion cubic metres a year by 2027",
        "will export 2 million tonnes in 2026" (a year after the publication's, or a deadline)."""
        by_year = self.c.BY_YEAR.match(zone.right)
        if by_year and not self.c.PAST_LEVEL.search(zone.left[-40:]) and not (
                self.doc.published and by_year.group()[-4:] < self.doc.published[:4]):
            return True   # (not "increased to $25.3 billion by the end of 2020", nor a deadline before publication)
        if self.c.WILL.search(zone.left[-80:]):
            return True
        if not self.doc.published:
            return False
        for d in self.dates_over(zone.start, zone.end):
            # (a year to come before it too: "к 2010 году Беларусь будет иметь ... 1,5 миллиарда долларов")
            if d.value and d.value[:4].isdigit() and d.value.split("/")[-1][:4] > self.doc.published[:4] \
                    and (amount.end <= d.start or self.c.BY_BEFORE.search(self.text, max(0, d.start - 12), d.start)):
                return True
        return False

    def cue_before(self, amount: Span) -> str | None:
        """The indicator of the last cue in the sentence before the amount's."""
        s0, _ = self.doc.sentence_of(amount.start)
        previous = self.doc.sentence_before(s0) if s0 else None
        if previous is None:
            return None
        p0, p1 = previous
        if "\n\n" in self.text[p1:s0]:
            return None   # another paragraph
        if self.code != "en":
            # ("Объем товарооборота ... стал самым крупным. ... данный показатель составил ..."): the cue
            # stems, the last one ending before the sentence's end
            text = self.text[p0:p1]
            found = [(m.end(), ind) for pat, ind in stem_cues(self.code) for m in pat.finditer(text)
                     if not self.blocked.holds(p0 + m.start())]
            return max(found)[1] if found else None
        pat, cues = cue_pattern()
        last = None
        for m in pat.finditer(self.text, p0, p1):
            if not self.blocked.holds(m.start()):
                last = m
        return cues[last.group(0).lower()] if last else None

    def period(self, amount: Span, zone: Zone, kind: str) -> str | None:
        best, dist = None, None
        self._period_at, self._compared = None, []
        asides: list[tuple[int, int]] | None = None
        for d in self.dates_over(zone.start, zone.end):
            if amount.start <= d.start < amount.end:
                continue
            if d.end <= amount.start:
                if asides is None:
                    asides = [(zone.start + m.start(), zone.start + m.end()) for m in self.c.ASIDE.finditer(zone.left)]
                if any(a <= d.start < b for a, b in asides):
                    continue   # "growth, which was seen in 2018, will help raise trade to $20 billion": the aside's
            if d.data.get("precision") == "day":
                continue
            before = self.text[max(0, d.start - 30):d.start]
            if self.c.COMPARISON_BEFORE.search(before):
                self._compared.append(d.start)
                continue
            if PAST_WORDS.search(d.text):
                continue
            if d.text.isdigit() and self.c.OCCASION_AFTER.match(self.text, d.end):
                continue   # "echoing comments he made during his 2017 | trip", "the 2019 | visit of Xi Jinping"
            if d.end <= amount.start and self.c.EVENT_DATE_BEFORE.search(self.text, max(0, d.start - 60), d.start):
                continue   # "signed after the visit to Chile in December 2022, ... to $10 billion": the visit's
            if kind == "target" and d.end <= amount.start and self.c.GOAL_SET.search(self.text, d.end, amount.start):
                continue   # "In 2024, the presidents set a goal of reaching $2 billion": when it was set
            if d.end <= amount.start and self.dated_amount_before(d, amount):
                continue   # "from $27 million in 2000 to $450 million": the year of the amount before
            if d.start >= amount.end and self.nearer_amount_after(d, amount):
                continue   # "averaged $24.7 billion, the highest value in 2022, at $27.7 billion": the next one's
            if d.start >= amount.end and self.bracketed_amount_before(d, amount):
                continue   # "exports at $208.7 million ($150.8 million in 2016)": the bracketed amount's year
            gap = amount.start - d.end if d.end <= amount.start else d.start - amount.end
            if dist is None or gap < dist:
                best, dist = d, gap
        if best is None:
            return None
        self._period_at = best.start
        value = best.value
        if kind == "actual" and best.data.get("year"):
            value = best.data["year"]   # "by the end of 2012 trade had reached $11 billion": the year's level
        if value and re.search(r"\bsince\s+$", self.text[max(0, best.start - 8):best.start], re.I) and len(value) == 4:
            end = self.doc.published[:4] if self.doc.published else None
            value = f"{value}/{int(end) - 1}" if end and int(end) - 1 > int(value) else value
        return value

    def same_clause(self, at: int, amount: Span) -> bool:
        """Is the offset `at` in the clause of `amount` (no clause ends between them)?"""
        lo, hi = (at, amount.start) if at < amount.start else (amount.end, at)
        return self.c.CLAUSE_BREAK.search(self.text, lo, hi) is None

    def nearer_amount_after(self, d: Span, amount: Span) -> bool:
        """Is the date `d`, after `amount` and past a clause of its own, the date of the next amount right
        after it ("in 2022, at $27.7 billion")?"""
        k = bisect_left(self.amount_starts, d.end)
        return k < len(self.amount_spans) and self.amount_spans[k].start - d.end <= NEXT_AMOUNT_GAP and \
            "," in self.text[amount.end:d.start]

    def bracketed_amount_before(self, d: Span, amount: Span) -> bool:
        """Is the date `d`, after `amount`, inside brackets opened after it that hold another amount before the
        date ("$208.7 million | ($150.8 million in 2016)")?"""
        bracket = self.text.rfind("(", amount.end, d.start)
        if bracket == -1 or ")" in self.text[bracket:d.start]:
            return False
        k = bisect_left(self.amount_starts, bracket)
        return k < len(self.amount_spans) and self.amount_spans[k].start < d.start

    def dated_amount_before(self, d: Span, amount: Span) -> bool:
        """Is the date `d`, before `amount`, the period of another amount right before it ("from $27 million
        in 2000 | to $450 million", "с 27 млн долларов в 2000 году до ...")? Not when that amount is a change
        ("rose by $27.3 million in June 2020, having surpassed $130.2 million": the rise's month is the level's)."""
        return any(other.end <= d.start and other.start != amount.start and
                   OWN_DATE.fullmatch(self.text, other.end, d.start) is not None and
                   not self.c.CHANGE_BY.search(self.text, max(0, other.start - 40), other.start)
                   for other in self.amount_spans[max(0, bisect_left(self.amount_starts, d.start) - 2):
                                                  bisect_left(self.amount_starts, d.start)])

    @staticmethod
    def own_measure(zone: Zone) -> Zone:
        """The zone from the "with" that opens the amount's own clause, where that clause names another
        measure than the words before it ("trade has grown by 14% this year, | with an investment portfolio
        now exceeding $4 billion": neither the growth nor the year is the portfolio's; but in "trade grew by
        12%, with turnover reaching $3 billion" they are the turnover's)."""
        openers = list(WITH_OWN.finditer(zone.left))
        if not openers:
            return zone
        opener = openers[-1]
        pat, cues = cue_pattern()
        before = [cues[m.group(0).lower()] for m in pat.finditer(zone.left, 0, opener.start())]
        after = [cues[m.group(0).lower()] for m in pat.finditer(zone.left, opener.end())]
        if not before or not after or before[-1] == after[0] or after[0] in ("other", "volume"):
            return zone   # (a capacity, a stock: what the clause before says may still be theirs)
        return Zone(zone.start + opener.end(), zone.end, zone.left[opener.end():], zone.right)

    def change_of(self, k: int, amounts: list[Span], zones: list[Zone]) -> float | None:
        """The change stated next to the k-th amount; of a span "grew by 56.9%: from $2 billion | to $3.1
        billion", the change is the level reached's, told before the level it started from."""
        a, z = amounts[k], zones[k]
        s0, s1 = self.doc.sentence_of(a.start)
        prev_end = amounts[k - 1].end if k and amounts[k - 1].end > s0 else None
        next_start = amounts[k + 1].start if k + 1 < len(amounts) and amounts[k + 1].start < s1 else None
        if next_start is not None and self.c.FROM_LEVEL.search(z.left[-50:]) and \
                self.c.TO_ONLY.match(self.text[a.end:next_start]):
            return None   # the level it started from
        if prev_end is not None and self.c.TO_ONLY.match(self.text[prev_end:a.start]) and \
                self.c.FROM_LEVEL.search(zones[k - 1].left[-50:]):
            start = zones[k - 1].start
            joined = Zone(start, z.end, self.text[start:a.start], z.right)
            return self.change(a, joined, amounts[k - 2].end if k > 1 and amounts[k - 2].end > s0 else None,
                               next_start)
        return self.change(a, z, prev_end, next_start)

    def change(self, amount: Span, zone: Zone, prev_end: int | None = None,
               next_start: int | None = None) -> float | None:
        """The change on the period before, stated next to the amount. A percentage between two
        amounts of one sentence belongs to the nearer one ("exceeded $1 billion, up 30%, and set the
        goal of $5 billion": the 30% is the billion's)."""
        signed = SIGNED_AFTER.match(self.text, amount.end)
        if signed is not None:   # "$38.3 million (+18.5%)": a signed percentage in brackets after the amount
            value = float(signed["num"].replace(",", "."))
            return -value if signed["sign"] in "−–-" else value
        times = self.c.TIMES_AFTER.match(self.text, amount.end)
        if times is not None and (n := float(times["n"].replace(",", "."))) > 1:
            return round((n - 1) * 100, 1)   # "14,35 миллиона долларов (рост в 1,76 раза)": +76%
        for text, offset in ((zone.right, amount.end), (zone.left, zone.start)):
            for m in self.c.PCT.finditer(text):
                if self.c.SHARE_AFTER.match(text, m.end()) or self.c.PCT_TO_PCT.match(text, m.end()) or \
                        self.c.PCT_FROM_PCT.search(text, max(0, m.start() - 30), m.start()):
                    continue   # "40 percent of which was grain", "fell from 32.5% to 18.1%": shares, not a change
                p0, p1 = offset + m.start(), offset + m.end()
                if text is zone.left and prev_end is not None and p0 - prev_end < amount.start - p1:
                    continue
                if text is zone.right and next_start is not None and next_start - p1 < p0 - amount.end and \
                        not self.c.CLAUSE_BREAK.search(self.text, p1, next_start):
                    # (but "exported $1.08 billion to the Philippines, up 17.5 per cent, while importing
                    # $443 million": a clause of its own begins before the next amount)
                    continue
                window = text[max(0, m.start() - 45):m.end() + 40]   # ("увеличившись в годовом исчислении на 97%")
                restated = self.c.RESTATED_CHANGE.search(self.text, max(0, p0 - 80), p0)
                if restated:
                    window = restated.group(0)   # "an increase of $8.4 billion, or about 6.3%"
                sign = self.sign(window)
                if sign is None and text is zone.left:
                    # "торговля увеличилась по сравнению с показателями января-сентября 2020 года на 35,4%": the
                    # verb of its clause, further back
                    sign = self.sign(text[max(0, m.start() - CHANGE_VERB_REACH):m.start()])
                if sign is None:
                    continue
                value = float(m["num"].replace(",", "."))
                if not math.isfinite(value):
                    continue   # "up 1000...000%": more digits than a float holds
                return -value if sign < 0 else value
            tm = self.c.TIMES.search(text)
            # (one of a clause before the amount's own is that clause's: "trade grew 2.5 times, | Peru invested $1.7
            # billion", "увеличился в 2,5 раза, | Азербайджан инвестировал $1,7 млрд")
            if tm and not self.c.MULTIPLE_SPAN.match(text, tm.end()) and \
                    not (text is zone.left and self.new_clause(offset + tm.end(), amount.start)) and \
                    (n := float((tm["n"] or tm.groupdict().get("n2")).replace(",", "."))) > 1:
                return round((n - 1) * 100, 1)   # "grew 1.5 times", "вырос в 1,5 раза": +50%
            mm = self.c.MULTIPLE.search(text)
            if mm and not self.c.MULTIPLE_SPAN.match(text, mm.end()) and \
                    not (text is zone.left and self.new_clause(offset + mm.end(), amount.start)):
                return 100.0 if mm["x2"] else 200.0 if mm["x3"] else -50.0
        return None

    def new_clause(self, lo: int, hi: int) -> bool:
        """Does a clause of its own open between lo and hi (", and", ";", a comma before a capital)?"""
        return self.c.CLAUSE_BREAK.search(self.text, lo, hi) is not None or \
            NEW_SUBJECT.search(self.text, lo, hi) is not None

    def sign(self, window: str) -> int | None:
        """Whether the words around a percentage tell a rise (1) or a fall (-1), the later of the two winning (a
        rise told by "more" stands whatever follows it); None where they tell neither."""
        down, up = self.c.DOWN.search(window), self.c.UP.search(window)
        if not (down or up):
            return None
        return -1 if down and (not up or down.start() > up.start() and "more" not in up.group(0)) else 1

    def parties(self, zone: Zone, amount: Span, indicator: str = "other") -> list[str]:
        s0, s1 = self.doc.sentence_of(amount.start)
        lo, hi = zone.start, zone.end
        if not self.countries_in(lo, hi):
            lo, hi = s0, s1
        spans = self.countries_in(lo, hi)
        named = {c.value for c in spans}
        total = self.c.WORLD_TOTAL if indicator == "trade_turnover" else \
            self.c.TOTAL_FLOW if indicator in ("exports", "imports") else None
        if total is not None and len(named) == 1 and total.search(zone.left) \
                and not self.c.WITH_PARTNER.search(self.text, max(s0, zone.start), amount.start):
            # a country's trade with the world is its own figure ("Georgia's foreign trade", "the total
            # imports of wheat into Egypt")
            return sorted(named)
        if len(named) > 2 and (pair := self.named_pair(spans)) is not None:
            return pair   # "Canada edged out Mexico as the US's top partner, with Canadian-American trade ..."
        found = drop_third_parties(self.text, spans, lo, named, self.main, code=self.code)
        if len(found) == 1 and (self.c.WORLD_PARTNER.search(self.text, lo, hi) or any(
                lo <= p.start and p.end <= hi and p.data.get("kind") in ("continent", "region")
                and self.c.WITH_PARTNER.search(self.text, max(s0, p.start - 10), p.start) for p in self.regions)):
            # "Iran's trade with other countries", "trade between China and Africa": the other side has no code
            # (not the article's pair)
            return sorted(found)
        if len(found) < 2:
            for c in self.main:
                if len(found) >= 2:
                    break
                found.add(c)
        return sorted(found)

    def named_pair(self, spans: list[Span]) -> list[str] | None:
        """The one pair of `spans` named as a pair, two names joined by a hyphen ("Canadian-American trade",
        "Sino-U.S. trade", "казахстанско-китайский") or "between A and B" ("между Казахстаном и Китаем"); None where
        there is none or more than one."""
        pairs = {frozenset((a.value, b.value)) for a, b in pairwise(spans)
                 if a.value != b.value and (
                     self.text[a.end:b.start] in PAIR_HYPHENS or
                     (self.c.LIST_JOINED.fullmatch(self.text, a.end, b.start) is not None
                      and self.c.BETWEEN.search(self.text, max(0, a.start - 12), a.start) is not None))}
        return sorted(pairs.pop()) if len(pairs) == 1 else None

    def partner_parties(self, zone: Zone, told: dict, own: list[str]) -> list[str]:
        """The parties of a figure that measures what the figure `told` before it did: that one's, unless the
        zone names one country it is not of ("Georgia's trade with Armenia fell to $950 million, | with
        Azerbaijan it doubled to $1.2 billion"): then that country's with the side of `told` named first in
        the sentence, not as a partner (the one whose trade is listed; where the sentence names it nowhere,
        "trade with China reached $85 billion, with Japan $30 billion", the country's own parties)."""
        named = {c.value for c in self.countries_in(zone.start, zone.end)}
        if len(named) != 1 or named <= set(told["parties"]):
            return told["parties"]
        s0 = self.doc.sentence_of(zone.start)[0]
        first = next((c.value for c in self.countries_in(s0, zone.start) if c.value in told["parties"] and
                      not self.c.WITH_PARTNER.search(self.text, max(s0, c.start - 10), c.start)), None)
        return sorted(named | {first}) if first else own

    def near_before(self, before: int, at: int) -> bool:
        """Is the offset `before` in the sentence of `at` or the one right before it?"""
        previous = self.doc.sentence_before(self.doc.sentence_of(at)[0])
        return previous is None or previous[0] <= before

    def direction(self, indicator: str, zone: Zone, parties: list[str],
                  amount_end: int | None = None) -> tuple[str | None, str | None]:
        if indicator not in DIRECTED or len(parties) < 2:
            return None, None
        src = dst = subject = None
        both = False
        # the end of the actor before, what it was and whether it was an adjective
        prev: tuple[int, str | None, bool] | None = None
        starts = self.actor_starts   # the actors are in text order: those in the zone are one slice
        # ("Brazil invests $2 billion a year in Mexico, | while Mexico's investments in Brazil total $23 billion":
        # the clause of the other way opens after the contrast)
        # (so does one with a subject of its own: "trade grew 2.5 times, | Kazakhstan invested $1.7 billion in ...")
        contrast = [m.end() for m in CONTRAST.finditer(zone.left)] + [m.end() for m in NEW_SUBJECT.finditer(zone.left)]
        lo = zone.start + max(contrast) if contrast else zone.start
        for c in self.actors[bisect_left(starts, lo):bisect_left(starts, zone.end)]:
            if amount_end is not None and c.start >= amount_end and (
                    self.c.CLAUSE_BREAK.search(self.text, amount_end, c.start) or
                    self.c.NEXT_FLOW.search(self.text, amount_end, c.start)):
                break   # "экспорт белорусских товаров - $56,8 млн, | импорт из Сербии": the next clause's
            before = self.text[max(zone.start, c.start - 30):c.start]
            if self.c.REPORTER.search(self.text[max(zone.start, c.start - 40):c.start]):
                continue   # the source of the statistics ("according to", "figures from the Kazakh ..."), no side
            joined = prev is not None and prev[1] is not None and c.data.get("form") != "demonym" and \
                self.c.LIST_JOINED.fullmatch(self.text, prev[0], c.start)
            if joined and prev[1] != "subject":
                # "to projects in Indonesia and Bangladesh": both where it goes (or comes from), neither the other side
                return None, None
            if joined or (prev is not None and prev[2] and c.data.get("form") == "demonym" and
                          self.text[prev[0]:c.start] in PAIR_HYPHENS):
                # "investment of Kazakhstan and Georgia in joint projects", "армяно-грузинских проектов": both
                # sides together, a direction only where words tell it ("... from the Iranian partner")
                both = True
            role: str | None = None
            # ("comes from | Turkey's energy imports": the preposition governs what the country has, and
            # the country's own flow makes it the subject)
            possessive = self.text[c.end:c.end + 2] in POSSESSIVE_ENDS
            market = possessive and indicator in ("exports", "imports")   # ("India's | export destination")
            if market and self.c.EXPORTER_AFTER.match(self.text, c.end):
                src, role = src or c.value, "src"
            elif market and self.c.IMPORTER_AFTER.match(self.text, c.end):
                dst, role = dst or c.value, "dst"
            elif (self.c.SOURCE_BEFORE.search(before) or (indicator == "investment" and
                                                        self.c.INVESTOR_BEFORE.search(before))) and not possessive:
                # ("инвестиции Турции в нашу страну", "investment of Turkey in ...": whose investment it is)
                src, role = src or c.value, "src"
            elif self.c.DEST_BEFORE.search(before) and not possessive:
                dst, role = dst or c.value, "dst"
            elif indicator == "investment" and self.recipient_case and \
                    morph.only_case(self.text[c.start:c.end].split()[0], self.recipient_case):
                dst, role = dst or c.value, "dst"   # "ГБРК предоставит Внешэкономбанку кредит": who receives
            elif subject is None:
                subject, role = c.value, "subject"
            prev = (c.end, role, c.data.get("form") == "demonym")
        if indicator == "investment" and src is None and dst is None and len(parties) == 2 and \
                (lender := self.lender(zone, parties)) is not None:
            # "the credit agreed between the Angolan government and China's Eximbank": the bank lends
            return lender, parties[1 - parties.index(lender)]
        if both and src is None and dst is None:
            return None, None
        if indicator == "imports":
            src, dst = src, dst or subject
            if src is None and dst is None and self.reporter in parties:
                dst = self.reporter
        else:
            src = src or subject
            if src is None and dst is None and indicator == "exports" and self.reporter in parties:
                src = self.reporter
        if src is None and dst is None:
            return None, None
        others = [p for p in parties if p not in (src, dst)]
        if src is None and len(others) == 1:
            src = others[0]
        if dst is None and len(others) == 1:
            dst = others[0]
        if src == dst or src not in parties or dst not in parties:
            return None, None
        return src, dst

    def lender(self, zone: Zone, parties: list[str]) -> str | None:
        """The one side whose banks the zone names, where it speaks of a loan or a credit agreed between
        the two ("the credit agreed between the Angolan government and China's Eximbank")."""
        if not (self.c.LOAN_WORDS.search(self.text, zone.start, zone.end)
                and self.c.BETWEEN.search(self.text, zone.start, zone.end)):
            return None
        lenders = {country for _, country in self.banks[bisect_left(self.banks, (zone.start, "")):
                                                        bisect_left(self.banks, (zone.end, ""))] if country in parties}
        return lenders.pop() if len(lenders) == 1 else None

    def run(self) -> list[dict]:
        amounts: list[Span] = []
        for a in self.doc.layer("amount"):
            # an amount restated in another currency, "(about $196 million)" or ", or $1.3
            # billion", is not a second figure
            if amounts and self.c.RESTATED.fullmatch(self.text[amounts[-1].end:a.start]):
                continue
            # "increased by $85.4 million": a change; the level after it takes the whole clause
            if a.data["unit"] != "count" and (self.c.CHANGE_BY.search(self.text, max(0, a.start - 40), a.start)
                                              or self.c.DIFFERENCE_AFTER.match(self.text, a.end)):
                continue
            if self.c.PER_UNIT.match(self.text, a.end):
                continue   # "at $0.029 per kWh", "по цене 0,029 долларов за киловатт-час": a price, no flow or worth
            if self.c.PER_BEFORE.search(self.text, max(0, a.start - 30), a.start):
                continue   # "$125 per 1,000 cubic metres": what the price is of
            if RATE_SIGN.match(self.text, a.end) or RATE_SIGN_BEFORE.search(self.text, max(0, a.start - 3), a.start):
                continue   # "(US$1=RM4.20)": the exchange rate the article used
            amounts.append(a)
        zones = _zones(self.doc, amounts, self.c.CLAUSE_END, self.c.ASIDE_OPEN)
        if self.code == "en":
            zones = [self.own_measure(z) for z in zones]
        out: list[dict] = []
        spans: list[Span] = []
        seen: set[tuple] = set()
        dated: set[tuple] = set()           # the facts (keys but the period) of figures kept with a period
        undated: dict[tuple, dict] = {}     # ... and the figure kept of each without one
        # every amount of the body, restatements in another currency too ("SR45 billion ($12
        # billion)"), against which a headline's figure is checked
        body_values = [(a.value, a.data["unit"]) for a in self.doc.layer("amount") if not self._in_title(a)]
        for k, (a, z) in enumerate(zip(amounts, zones, strict=True)):
            if a.data["unit"] == "count" and (a.data.get("indicator") is None or
                                              self.c.ATTENDING_BEFORE.search(self.text, max(0, a.start - 50), a.start)):
                continue   # ("350 representatives of 150 companies": who came to an event, no measure of ties)
            if self._in_title(a) and any(u == a.data["unit"] and abs(v - a.value) <= 0.015 * a.value
                                         for v, u in body_values):
                continue   # a headline restates a figure the body gives
            ind = self.indicator(a, z)
            parties = self.parties(z, a, ind)
            # "exported 2 million tonnes of wheat worth $500 million", "885 тыс. тонн на сумму 192 млн
            # долларов": the money is the worth of the quantity just stated, the same flow
            flow = out[-1] if out and spans[-1] is amounts[k - 1] and \
                self.measured.get(spans[-1].start, out[-1]["indicator"]) in FLOWS and \
                out[-1]["unit"] not in currency_codes() and out[-1]["unit"] != "count" and \
                a.data["unit"] in currency_codes() and worth_of_what_before(self.c.WORTH_LEFT).fullmatch(z.left) and \
                self.doc.sentence_of(spans[-1].start) == self.doc.sentence_of(a.start) else None
            if flow is not None:
                # (a turnover in tonnes is a volume; its worth in money, the turnover)
                ind, parties = self.measured.get(spans[-1].start, flow["indicator"]), flow["parties"]
            if a.start in self.said_other:
                pass   # (its cue says what it measures: no figure before lends it theirs)
            elif ind == "other" and out and (anaphor := self.c.ANAPHOR.search(z.left) or self.c.TARGET.search(z.left)) \
                    and self.near_before(spans[-1].start, a.start):
                # "In January–April 2023, it totalled $130.2 million", "The goal is $5 billion":
                # the figure just before says what is measured (not one paragraphs away); "That was up
                # from ...": the one the sentence before opened with ("Trade soared to $7.1 billion, with
                # exports at ...")
                told = out[-1]
                if anaphor.group().lower().endswith(" from"):
                    before = self.doc.sentence_of(spans[-1].start)
                    told = next(f for f, sp in zip(out, spans, strict=True)
                                if self.doc.sentence_of(sp.start) == before)
                ind = told["indicator"]
                parties = self.partner_parties(z, told, parties)
            elif ind == "other" and k and amounts[k - 1].data.get("indicator") == "projects" and \
                    self.c.WORTH_LEFT.fullmatch(z.left):
                ind = "investment"   # "three projects totaling $450 million": what the projects cost
            elif ind == "other" and out and spans and spans[-1].data["unit"] == a.data["unit"] and \
                    self.doc.sentence_of(spans[-1].start) == self.doc.sentence_of(a.start):
                # "trade reached $3 billion in 2018 and $1.1 billion in January–April 2019": the
                # same measure again, for another period (or of another partner its clause names: "with Turkey
                # it fell to $3.4 billion, with Kyrgyzstan it doubled to $40 million")
                ind = out[-1]["indicator"]
                parties = self.partner_parties(z, out[-1], parties)
            elif ind == "other" and self.c.ANAPHOR.search(z.left):
                # "The ministers discussed trade. In 2023 the figure reached $300 million": the
                # sentence before says what is measured
                ind = self.cue_before(a) or ind
            # the patterns that end at the amount are tried on the end of its zone only
            raise_to = self.c.RAISE_TO.search(z.left[-170:]) if ind in TARGETABLE else None
            if raise_to is None and ind in TARGETABLE and self.c.TO_ONLY.match(z.left):
                # "double trade from $2.7 billion to about $6 billion": the verb is before the amount
                # the zone starts after
                s0 = self.doc.sentence_of(a.start)[0]
                raise_to = self.c.RAISE_TO.search(self.text, max(s0, a.start - 170), a.start)
            target = (self.c.TARGET.search(z.left) or self.c.TARGET_AFTER.match(self.text, a.end)) \
                if ind in TARGETABLE else None
            if (raise_to or target) and (self.c.STOOD_AT.search(z.left[-40:])
                                         or self.c.FROM_LEVEL.search(z.left[-50:])
                                         or self.c.TARGET_MET.search(z.left[-80:])):
                # "an agreement to boost commerce, which amounted to $3.6 billion", "to double trade from
                # current levels of $2.7 billion", "surpassed the target, reaching $1.25 billion": the level
                # it stood at
                raise_to = target = None
            goal = target or raise_to or (ind in TARGETABLE and self.future(a, z)) or (
                # "to increase imports to $500 million, and exports to $600 million": the next goal of a list
                ind in TARGETABLE and out and out[-1]["kind"] == "target" and spans and
                self.doc.sentence_of(spans[-1].start) == self.doc.sentence_of(a.start) and
                self.c.TARGET_LIST.fullmatch(z.left) is not None)
            if goal and self.c.LAST_YEAR_AFTER.match(self.text, a.end):
                goal = False   # "aims to diversify trade, with commerce near $14 billion last year": a level reached
            capacity = goal and ((self.c.CAPACITY.search(z.left) and not raise_to) or (
                self.c.CAPACITY_VERB.search(z.left[-40:]) and not target))
            kind = "target" if ind in TARGETABLE and goal and not capacity else "actual"
            src, dst = self.direction(ind, z, parties, a.end) if flow is None else (flow["from"], flow["to"])
            s0, s1 = self.doc.sentence_of(a.start)
            other_way = out[-1] if ind in ("exports", "imports") and out and spans and \
                out[-1]["indicator"] == OTHER_WAY[ind] and out[-1]["from"] and out[-1]["to"] and \
                set(out[-1]["parties"]) == set(parties) and self.doc.sentence_of(spans[-1].start) == (s0, s1) else None
            if other_way is not None and (src, dst) in ((None, None), (other_way["from"], other_way["to"])):
                # "Kazakhstan's exports stood at $96 million, and imports at $436 million": the other way
                # (so too where the words of the flow before, "exported $1 billion to the Philippines
                # while importing $443 million", seemed to say this one's way: both flows one way)
                src, dst = other_way["to"], other_way["from"]
            elif (src, dst) == (None, None) and ind in DIRECTED and out and spans and out[-1]["indicator"] == ind \
                    and out[-1]["from"] and set(out[-1]["parties"]) == set(parties) and \
                    self.doc.sentence_of(spans[-1].start) == (s0, s1):
                # "led its supplies to Uzbekistan of margarine — $122.6 million, of cocoa — $38.3 million, ...":
                # the items of one flow's list go its way
                src, dst = out[-1]["from"], out[-1]["to"]
            fig = {
                "indicator": ind, "value": a.value, "unit": a.data["unit"],
                # the worth of documents signed has no period (a signing's date is not one)
                "period": None if ind == "deal_value" else self.period(a, z, kind), "parties": parties,
                "from": src, "to": dst,
                "change_pct": self.change_of(k, amounts, zones),
                "kind": kind,
                "approximate": a.data.get("approximate", False),
                "evidence": self.text[s0:s1],
                "evidence_span": {"start": s0, "end": s1},
                "amount": a.as_offsets(),
            }
            if out and fig["kind"] == "actual" and out[-1]["kind"] == "actual" and a.data["unit"] != "count" and \
                    ind in ("other", out[-1]["indicator"]) and self.near_before(spans[-1].start, a.start) and \
                    self.c.COMPARED_AMOUNT.search(self.text, max(s0, a.start - 60), a.start):
                self._as_base(fig, out[-1], a, s1)
            elif fig["period"] is None and out and fig["kind"] == "actual" and \
                    self.near_before(spans[-1].start, a.start) and self.c.SAME_PERIOD.search(self.text, s0, s1):
                fig["period"] = out[-1]["period"]   # "Imports grew 1.5 times over the same period, to $361.6 million"
            elif fig["period"] is None and out and fig["kind"] == "actual" and \
                    (months := self.c.MONTHS_PERIOD.search(self.text, s0, s1)) is not None:
                fig["period"] = _span_of_months(out, months["n"])
            elif fig["period"] and out and fig["kind"] == "actual" and self._period_at is not None and \
                    self.c.THIS_MONTH.match(self.text, self._period_at) and len(out[-1]["period"] or "") == 7 and \
                    self.near_before(spans[-1].start, a.start):
                fig["period"] = out[-1]["period"]
            if flow is not None and flow["kind"] == kind:
                # one flow, one period: "2 million tonnes of wheat worth $500 million in 2023"
                fig["period"] = fig["period"] or flow["period"]
                flow["period"] = flow["period"] or fig["period"]
            if ind != "deal_value":
                # (a figure said again too: "... to achieve the target of $50 billion before 2030")
                self.dates_read.update(self._compared)
                if self._period_at is not None and fig["period"] is not None and (
                        ind in FLOWS or "/" in fig["period"] or self.c.BY_YEAR.match(self.text, a.end)) and \
                        self.same_clause(self._period_at, a):
                    # (and the span of any measure: "has loaned $6.68 billion since 2009", and the deadline of any
                    # goal: "the target of $50 billion before 2030"; not a date that another clause shares:
                    # "In 2023 they signed a memorandum, and Kazakhstan exported ...")
                    self.dates_read.add(self._period_at)
            key = _key(fig)
            if key in seen:
                continue   # the same figure said again (a quote restating the lead): one figure
            # the same figure again, its period said once ("... $30 billion by 2025" and the quote "... to $30
            # billion"): one figure, the mention that says its period
            fact = key[:3] + key[4:]
            if fig["period"] is None and fact in dated:
                continue
            if fig["period"] is not None and (undated_fig := undated.pop(fact, None)) is not None:
                k = next(i for i, f in enumerate(out) if f is undated_fig)
                del out[k], spans[k]
            if ind == "other" and any((f["value"], f["unit"], f["parties"]) == (a.value, a.data["unit"], parties)
                                      for f in out):
                continue   # "with a value exceeding SR45 billion": a figure found already, its measure unsaid
            seen.add(key)
            out.append(fig)
            spans.append(a)
            if fig["period"] is None:
                undated.setdefault(fact, fig)
            else:
                dated.add(fact)
        self._changes_told_after(out, spans)
        self._from_level_measures(out, spans)
        self._inherit_periods(out, spans)
        self._world_totals(out, spans)
        # "Речь идёт о почти 300 млрд рублей. ... достиг рекордной отметки - почти 300 млрд рублей": an amount
        # whose measure goes unsaid that a figure after it states is that figure
        told = {(f["value"], f["unit"], tuple(f["parties"])) for f in out if f["indicator"] != "other"}
        return [f for f in out if f["indicator"] != "other" or (f["value"], f["unit"], tuple(f["parties"])) not in told]

    def _from_level_measures(self, figs: list[dict], spans: list[Span]) -> None:
        """"с $5,3 млрд до $10 млрд ... товарооборота", "from $2 billion to $5 billion in trade": the level a rise
        starts from measures what the level it goes to does, named after them both."""
        for k in range(len(figs) - 1, 0, -1):
            f, to = figs[k - 1], figs[k]
            if f["indicator"] == "other" and to["indicator"] != "other" and f["unit"] == to["unit"] and \
                    spans[k - 1].start not in self.said_other and \
                    self.c.TO_ONLY.fullmatch(self.text, spans[k - 1].end, spans[k].start) is not None:
                f["indicator"] = to["indicator"]

    def _changes_told_after(self, figs: list[dict], spans: list[Span]) -> None:
        """"Trade reached $4.22 billion. This figure grew by 8.3% (or by $324.3 million) ...": the change the
        next sentence gives of the figure, naming it and no level of its own, is that figure's."""
        sentences = self.doc.sentences
        for i, (f, a) in enumerate(zip(figs, spans, strict=True)):
            if f["change_pct"] is not None:
                continue
            k = bisect_left(sentences, (self.doc.sentence_of(a.start)[1],))
            if k >= len(sentences):
                continue
            n0, n1 = sentences[k]
            if "\n\n" in self.text[a.end:n0] or (i + 1 < len(spans) and spans[i + 1].start < n1):
                continue   # (another paragraph, or a figure of its own there)
            told = self.c.ANAPHOR.search(self.text, n0, min(n1, n0 + 80))
            pct = self.c.PCT.search(self.text, n0, n1) if told is not None and told.start() - n0 <= 20 else None
            if pct is None:
                continue
            sign = self.sign(self.text[max(n0, pct.start() - 45):pct.end() + 40])
            if sign is not None:
                value = float(pct["num"].replace(",", "."))
                f["change_pct"] = -value if sign < 0 else value

    def _world_totals(self, figs: list[dict], spans: list[Span]) -> None:
        """A flow of one country whose sentence names no other, larger than the two sides' whole trade in
        the same period (or five times larger where a period is unsaid), is that country's trade with the
        world ("The trade turnover between Turkey and China reached $10.9 billion in the first half ...
        In the first half, Turkey's imports amounted to $98.8 billion"): its only party is that country."""
        # the smallest whole trade of each pair told so far: per period, over all periods, and where unsaid
        least: dict[tuple, float] = {}
        if not any(f["indicator"] == "trade_turnover" and len(f["parties"]) == 2 for f in figs):
            return
        # (and the smallest the article tells anywhere: a flow twenty times larger is the world's, told before it
        # or after: "Vietnam's export is projected at $500 billion this year. Trade with Laos topped $1 billion")
        anywhere: dict[tuple, float] = {}
        for f in figs:
            if f["indicator"] == "trade_turnover" and f["kind"] == "actual" and len(f["parties"]) == 2:
                key = (tuple(f["parties"]), f["unit"])
                anywhere[key] = min(anywhere.get(key, f["value"]), f["value"])
        for f, a in zip(figs, spans, strict=True):
            pair = (tuple(f["parties"]), f["unit"])
            if f["indicator"] in ("exports", "imports", "trade_turnover") and f["kind"] == "actual" and \
                    len(f["parties"]) == 2 and (least or pair in anywhere) and \
                    not self.c.PAIR_WORDS.search(self.text, *(sentence := self.doc.sentence_of(a.start))):
                # ("trade between the two countries": the pair's, whatever its size)
                named = {c.value for c in self.countries_in(*sentence)}
                same = least.get((*pair, "period", f["period"]))
                unsaid = least.get((*pair, "any")) if f["period"] is None else least.get((*pair, "period", None))
                if len(named) == 1 and named <= set(f["parties"]) and (
                        (same is not None and f["value"] > same) or (unsaid is not None and f["value"] > 5 * unsaid)
                        or (pair in anywhere and f["value"] > 20 * anywhere[pair])):
                    f["parties"], f["from"], f["to"] = sorted(named), None, None
            if f["indicator"] == "trade_turnover" and f["kind"] == "actual" and len(f["parties"]) == 2:
                for key in ((*pair, "period", f["period"]), (*pair, "any")):
                    least[key] = min(least.get(key, f["value"]), f["value"])

    def _inherit_periods(self, figs: list[dict], spans: list[Span]) -> None:
        """Exports and imports stated right after a turnover figure share its period (that of the
        last turnover figure with one before them, within two sentences), or, after the other flow in
        their sentence, that flow's."""
        starts = [s for s, _ in self.doc.sentences]
        turnover = None   # index of the last actual turnover figure with a period so far
        for i, f in enumerate(figs):
            if f["indicator"] == "trade_turnover" and f["kind"] == "actual" and f["period"]:
                if spans[i].start not in self.bases:   # (not the level compared with: "compared to 2020 ($985
                    turnover = i                         # million)" dates no flow after it)
                continue
            if f["period"] is None and f["kind"] == "actual" and i and figs[i - 1]["period"] and \
                    self.opened_with(figs[i - 1]["period"], spans[i - 1], spans[i]):
                # "In 2023, exports rose to ..., imports reached ..., and the balance showed a deficit of ...":
                # the period the sentence opens with is each of its figures'
                f["period"] = figs[i - 1]["period"]
                continue
            if f["period"] is not None or f["indicator"] not in ("exports", "imports") or f["kind"] != "actual":
                continue
            prev = figs[i - 1] if i else None
            if prev is not None and prev["indicator"] in ("exports", "imports") and prev["kind"] == "actual" and \
                    prev["period"] and self.doc.sentence_of(spans[i - 1].start) == self.doc.sentence_of(spans[i].start):
                # "В 2023 году экспорт вырос до 3,3 млрд долларов, а импорт составил 1,3 млрд": the other
                # flow of the sentence, in the period its opening gives
                f["period"] = prev["period"]
            elif turnover is not None and \
                    bisect_right(starts, spans[i].start) - bisect_right(starts, spans[turnover].start) <= 2:
                f["period"] = figs[turnover]["period"]
        for i in range(len(figs) - 2, -1, -1):
            f, nxt = figs[i], figs[i + 1]
            if f["period"] is None and f["kind"] == "actual" and nxt["period"] and nxt["kind"] == "actual" and \
                    self.c.LISTED_BEFORE.fullmatch(self.text, spans[i].end, spans[i + 1].start) and \
                    self.dated_after(nxt["period"], spans[i + 1]):
                # "trade soared to $7.1 billion, with Chilean exports at $4.6 billion and Chinese exports at
                # $2.5 billion in 2005": the date closing a list of amounts is each one's
                f["period"] = nxt["period"]

    def _as_base(self, fig: dict, measured: dict, a: Span, s1: int) -> None:
        """"exports totalled $1.08 billion, up 4 percent compared to $1.04 billion over the same period of
        2022": the amount compared with is the earlier level of the measure just told (its indicator, sides
        and way), in the period of the comparison; the change is the measure's, not the base's."""
        self.bases.add(a.start)
        fig.update(indicator=measured["indicator"], parties=measured["parties"],
                   **{"from": measured["from"], "to": measured["to"]})
        if measured["change_pct"] is None:
            measured["change_pct"] = fig["change_pct"]
        fig["change_pct"] = None
        dates = [d for d in self.dates_over(max(0, a.start - 60), min(s1, a.end + 60))
                 if d.value and d.data.get("precision") != "day"]
        before = [d for d in dates if d.end <= a.start and self.c.COMPARISON_BEFORE.search(
            self.text, max(0, d.start - 30), d.start)]
        after = [d for d in dates if d.start >= a.end and self.c.COMPARISON_BEFORE.search(
            self.text, max(0, d.start - 30), d.start)]
        # ("compared to January-April 2022 ($366.5 million)", "compared to $1.04 billion over the same period of 2022")
        fig["period"] = (after[0] if after else before[-1]).value if after or before else fig["period"]

    def dated_after(self, period: str, amount: Span) -> bool:
        """Is `period` the value of a date after `amount`, in its sentence?"""
        s1 = self.doc.sentence_of(amount.start)[1]
        return any(d.value == period and d.start >= amount.end for d in self.dates_over(amount.end, s1))

    def opened_with(self, period: str, before: Span, amount: Span) -> bool:
        """Do the amounts `before` and `amount` share a sentence that opens with the date whose value is
        `period` ("In 2023, ...", "В 2023 году ...")?"""
        s0, s1 = self.doc.sentence_of(amount.start)
        if self.doc.sentence_of(before.start) != (s0, s1) or STOCK.search(self.text, before.end, amount.start):
            return False   # (not a stock: "..., а общий приток европейских инвестиций – 200 млрд долларов")
        return any(d.value == period and d.start - s0 <= OPENING_REACH for d in self.dates_over(s0, amount.start))

    def _in_title(self, amount: Span) -> bool:
        title = (self.doc.title or "").strip()
        if not title:
            return False
        s0, s1 = self.doc.sentence_of(amount.start)
        return self.text[s0:s1].strip() == title


def _key(fig: dict) -> tuple:
    """What makes two figures of one article the same fact."""
    return (fig["indicator"], fig["value"], fig["unit"], fig["period"], tuple(fig["parties"]), fig["kind"])


@component("figures")
def annotate(doc: Document) -> None:
    finder = FigureFinder(doc)
    doc.meta["figures"] = finder.run() if doc.meta.get("prose", True) else []
    doc.meta["figure_dates"] = finder.dates_read
