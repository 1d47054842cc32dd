"""Organizations: the gazetteer's known names plus general patterns for unseen ones.

Patterns (each finds candidates; `annotate` resolves them into entities with every mention):
  Ministry of Energy of Kazakhstan / Kazakh Energy Ministry / the Foreign Ministry
  Development Bank of Kazakhstan / X Company / X Association   (a capitalised name + a cue word)
  petrochemical concern Belneftekhim / the RomGas company        (a descriptor beside a name)
  Azerbaijani State Oil Company (SOCAR)                          (an acronym defined in brackets)
  KazMunayGas, QazaqGaz                                          (camel-case company names)
  the general director of Nuclearelectrica                       (an office of a named body)
  the 17th meeting of the Kazakh-Romanian intergovernmental commission on ... cooperation
  the first meeting of the joint working group                   (a body that meets exists)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..data import lexicon
from ..document import Document, Span
from . import gazetteer as gz
from . import lang, morph
from .dates import WEEKDAYS
from .datetext import MONTH_NAMES
from .parties import PAIR_DASH
from .patterns import alternation, led, literal_matches, tokens_back, windowed_matches, without_possessive
from .pipeline import component

# one capitalised word; not a place a company is based in ("Abu Dhabi-based | Allied Investment Partners")
CAP = r"(?![A-Z][\w'’&.]*-(?:based|headquartered)\b)(?:[A-Z][\w'’&.–-]*[\w&]|[A-Z])"
RUN = rf"{CAP}(?:\s+(?:of\s+|and\s+|for\s+|&\s+|de\s+)?{CAP}){{0,6}}"


STOP_FIRST = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our", "His",
                        "Her", "In", "On", "At", "For", "By", "With", "From", "And", "But", "As", "If",
                        "When", "While", "During", "After", "Before", "Today", "Currently", "Meanwhile",
                        "Several", "Some", "Many", "Both", "All", "Each", "Other", "New"})


@cache
def not_org_words(after_acronym: bool = False) -> frozenset[str]:
    """The words that make a name no organization's: anywhere in it, or also (`after_acronym`) right
    after it and its acronym ("the Intelligent Transport System (ITS) project", "a ... (FEED) study")."""
    return frozenset(row["word"].lower() for row in lexicon("not_org_words.tsv")
                     if after_acronym or not row.get("only_after"))


# the capitalised word right after a name: with the name's last word, the opening of an office ("... of the
# Prime | Minister") cuts it inside the office
OFFICE_NEXT = re.compile(r" ([A-Z][\w-]*)\b")


@cache
def office_openings() -> frozenset[str]:
    """The first two words, lower-cased, of the offices of several words ("prime minister", "deputy prime")."""
    return frozenset(" ".join(row["title"].lower().split()[:2]) for row in lexicon("titles.tsv")
                     if " " in row["title"])


@cache
def office_words() -> frozenset[str]:
    """One-word offices ("Minister", "Vice-President", "CEO"): a name holding one is a person's title."""
    return frozenset(row["title"] for row in lexicon("titles.tsv") if " " not in row["title"])


@cache
def title_heads() -> frozenset[str]:
    """Words that open or head a person's title (the one-word offices, and "Secretary", "Deputy" of
    org_cues.tsv): one inside a ministry's or a body's remit ends the name where it stands."""
    return office_words() | frozenset(cues().get("title_head", {}))


TITLE_RUN_WORD = re.compile(r"[^\s,]+")   # a word of a run of capitalised words, its commas apart


def before_title(text: str, start: int, end: int) -> int:
    """Where the run of capitalised words text[start:end] ends before the first title word after its
    first word ("Ministry of Foreign Affairs | Spokesperson Mumtaz Zahra Baloch", "Department of Trade
    and Industry | Undersecretary ..."): `end` when there is none."""
    heads = title_heads()
    for k, w in enumerate(TITLE_RUN_WORD.finditer(text, start, end)):
        if k and w.group() in heads:
            return len(text[:w.start()].rstrip(" ,"))
    return end


NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)*")   # a word a person's name may hold


@cache
def remit_words() -> frozenset[str]:
    """Lower-case words that bodies' names and offices are made of ("foreign", "affairs", "trade",
    "planning"): every word of the names of the known institutions (no company's: "John Deere"; short forms
    in capitals aside), of the titles and of the sector terms."""
    out: set[str] = set()
    texts = [t for r in lexicon("organizations.tsv") if r.get("kind") in INSTITUTION_KINDS
             for t in (r["name"], *gz.split(r.get("aliases", "")))]
    texts += [r["title"] for r in lexicon("titles.tsv")] + [r["term"] for r in lexicon("sectors.tsv")]
    for t in texts:
        out.update(w.lower() for w in re.findall(r"[A-Za-z]+", t) if not w.isupper())
    return frozenset(out)


def before_name(text: str, start: int, end: int) -> int:
    """Where a body's remit text[start:end] ends before a person's name run into it ("Ministry of External
    Affairs | Ajay Bisaria told reporters"): two to four capitalised words at its end, none a word bodies'
    names are made of, after one that is. `end` where there are none."""
    words = list(TITLE_RUN_WORD.finditer(text, start, end))
    vocabulary = remit_words()
    # (a word that ends a company's name is none of a person's: "Small and Medium-Sized | Enterprises")
    suffixes = cues().get("suffix", {})
    for k in range(1, len(words) - 1):
        rest = words[k:]
        if len(rest) <= 4 and words[k - 1].group().lower() in vocabulary and \
                all(NAME_WORD.fullmatch(w.group()) and w.group().lower() not in vocabulary for w in rest) and \
                not any(w.group() in suffixes for w in rest):
            return len(text[:words[k].start()].rstrip())
    return end


@cache
def cues() -> dict[str, dict[str, str]]:
    """position -> {word: kind} from data/org_cues.tsv. Positions: `suffix` (a word that ends a name and
    finds it: "Bank"), `legal_form`, `prefix_descriptor`, `title_head` (a person's office, no body's name)
    and `head` (a word that opens a body's name found otherwise and says its kind: "Cabinet")."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicon("org_cues.tsv"):
        out.setdefault(row["position"], {})[row["word"]] = row.get("kind") or "company"
    return out


def list_closed(text: str, lo: int, end: int) -> int:
    """The end of a remit [lo, end) whose list closes with "and" ("Ministry of Industry, Trade and Tourism");
    after a comma with no "and" to close it the name has ended ("Ministry of Foreign Affairs, Nebyat Getachew")."""
    while (comma := text.rfind(",", lo, end)) != -1 and not LIST_CLOSED.search(text, comma, end):
        end = comma
    return end


@cache
def institution_heads() -> frozenset[str]:
    """The one-word heads that end institutions' names (org_cues.tsv: "Institute", "Bank", "Ministry"), which
    close a name before "and" and are never a word of a person's name after its first."""
    return frozenset(w for w, kind in cues().get("suffix", {}).items() if kind in INSTITUTION_KINDS and " " not in w)


@cache
def closing_heads() -> frozenset[str]:
    """Head words that close an organization's name (institution_heads, CLOSING_CORPORATE)."""
    return institution_heads() | CLOSING_CORPORATE


@cache
def suffix_pattern() -> re.Pattern:
    """A cue word that ends an organization's name ("... Bank", "... Company"), optionally with
    "of <country>" after it. The cue must end the capitalised run: "Kazakh Energy Minister" is
    no company."""
    # (?=[A-Z])\b(?P<cue>w1|w2|...): cues not starting with A-Z can never match
    # a legal form ends a company's name too: "Zhongtai Green Power Co. Ltd.", "Caspian Pipe Coatings LLP"
    words = [w for w in sorted({**cues().get("suffix", {}), **cues().get("legal_form", {})}, key=len, reverse=True)
             if re.match("[A-Z]", w)]
    cue = alternation(words, boundary_before=True)
    # the cue ends where no word goes on ("Co." before a space: no \b after its dot)
    return re.compile(rf"(?P<cue>{cue})(?!\w)(?!['’]?\s*[A-Z])(?P<of>\s+of\s+(?:the\s+)?{RUN})?")


# (?:CAP\s+(?:(?:of|and|for|&|de)\s+)?){1,6}$, with its first word written out so that the pattern
# starts with CAP's capital letter and the regex engine skips to capitals
LEFT_WORD = rf"{CAP}\s+(?:(?:of|and|for|&|de)\s+)?"
AND_WORD = re.compile(r" and ")
ARTICLE_FIRST = re.compile(r"(?:[Tt]he\s+)?")
# (a run starts a word: not "Bln" of "$12Bln In Chile's Energy")
LEFT_RUN = re.compile(rf"(?<![^\W_]){LEFT_WORD}(?:{LEFT_WORD}){{0,5}}$")
# cue words that follow a place's name in the name of the place itself ("Vientiane Capital")
PLACE_CUES = frozenset({"Capital"})
# the capitalised prefix joined by a hyphen to a cue word ("Sub-|Committee"), or nothing before the hyphen
HYPHEN_PREFIX = re.compile(r"(?:[A-Z][a-z]*)?-$")


def hyphen_start(text: str, at: int) -> int:
    """Where the word of a cue or head at `at` starts: before the prefix a hyphen joins to it ("Sub-|Committee")."""
    return at if text[at - 1:at] != "-" else HYPHEN_PREFIX.search(text, max(0, at - 12), at).start()


@cache
def descriptor_pattern() -> re.Pattern:
    alt = alternation(sorted(cues().get("prefix_descriptor", {}), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{alt})\s+(?P<a>[A-Z][\w'’.-]*[\w](?:\s+[A-Z][\w'’.-]*[\w]){{0,2}})"
        rf"|\bthe\s+(?P<b>[A-Z][\w'’.-]*[\w](?:\s+[A-Z][\w'’.-]*[\w]){{0,2}})\s+(?P<bcue>{alt})\b")


MINISTRY_OF = re.compile(rf"(?:{alternation(['Ministry'], boundary_before=True)})\s+(?:of|for)\s+(?:the\s+)?"
                         rf"(?P<port>{CAP}(?:,?\s+(?:and\s+)?{CAP}){{0,5}})")
FEDERAL_BEFORE = re.compile(r"\bFederal\s+$")
# (?P<pre>(?:CAP(?:['’]s)?\s+){1,4})Ministry\b, its first word written out (see LEFT_RUN)
PORTFOLIO_WORD = rf"{CAP}(?:['’]s)?\s+"
# "Energy and Natural Resources Ministry": portfolios joined by "and" name one ministry
PORTFOLIO_MINISTRY = re.compile(rf"(?P<pre>{PORTFOLIO_WORD}(?:(?:and\s+)?{PORTFOLIO_WORD}){{0,3}})Ministry\b")
CAPITAL = re.compile("[A-Z]")
# the kinds of a known organization with no country of its own that make it a body of many states (a
# development bank, a fund, an organization of states): it takes no country from the words around it
MULTILATERAL_KINDS = frozenset({"bank", "fund", "international_organization"})
# "State-owned", "Government-backed": how a name's holder is owned, no word of the name
OWNED = re.compile(r"[A-Z][a-z]+-(?:owned|run|backed|controlled|funded)")
# the forms a company's name may be followed by ("PetroChina Co."): after a known name, that name
CORPORATE = frozenset({"Co.", "Corp.", "Corp", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "JSC", "SA", "AG"})
WORD_AFTER = re.compile(r"\)?\s+([A-Za-z-]+)")   # the word after an acronym's brackets
# one word with an adjective's ending ("Asian", "African", "Nordic"): what "the ... giant" says it is
ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ic)")
AND_POSSESSIVE = re.compile(r"\b(?P<and>and\s+)\S+['’]s\s")
AND_BEFORE = re.compile(r",?\s+and\s+(?:the\s+)?$")
LIST_CLOSED = re.compile(r"\s(?:and|&)\s")
AND_AFTER_HEAD = re.compile(r"(?P<head>[A-Z][\w.]*)\s+(?:and|&)\s+(?:the\s+)?")
# the kinds of institution whose head word closes a name ("... Bank and ...", "... Authority and ...", not
# "Oil and Gas") and no surname shares ("Institute", "Ministry"; not "Power", "Gold")
# the words a body's name goes on with to give its remit ("Intergovernmental Commission | on Trade ...")
REMIT_WORDS = frozenset({"for", "on", "of", "по", "при"})
INSTITUTION_KINDS = frozenset({"ministry", "agency", "commission", "bank", "association", "chamber", "university",
                               "international_organization"})
# "Conference on | African Development": the word before the "on" a name's run follows
SUBJECT_ON_BEFORE = re.compile(r"\b([A-Za-z]+)\s+on\s+(?:the\s+)?$")
# a cue that is also the flow a country sends, with a place after it: "Saudi Investments | in Egypt"
FLOW_CUES = frozenset({"Investments"})
FLOW_PLACE_AFTER = re.compile(r"\s+(?:in|into|to|from)\s")
CLOSING_CORPORATE = frozenset({"Company", "Corporation", "Corp.", "Group", "Holding", "Holdings", "Fund", "Foundation"})
# "John Mbadi and Zhu Jia of | China Exim Bank": what stands before a known name joined to it by "of" is
# another phrase ("Trade and | Development Bank of Mongolia" is one name)
JOINED_BEFORE = re.compile(r"\sof\s+(?:the\s+)?$")
# a country's possessive opening a name: "Azerbaijan’s | Export and Investment Promotion Foundation"
POSSESSIVE_AFTER = re.compile(r"['’]s\s+")
ACRONYM_DEF = re.compile(rf"(?P<long>{RUN})\s+\((?P<acr>[A-Z][A-Za-z&-]{{1,9}}[A-Z])\)")
ACRONYM_TAIL = re.compile(r"\([A-Z][A-Za-z&-]{1,9}[A-Z]\)")   # the "(ACR)" ending an ACRONYM_DEF
RUN_TOKENS = 13    # RUN holds at most 7 capitalised words and 6 connectors, whitespace between
# (?<![\w-])(?P<name>(?!Mc|Mac)[A-Z][a-z]+(?:[A-Z][a-z]+)+[A-Za-z]*)(?![\w-]), with the two checks
# made after the first capital, so that the pattern starts with it and the engine skips to capitals
CAMEL = re.compile(r"(?P<name>[A-Z](?<![\w-].)(?<!M(?=a?c))[a-z]+(?:[A-Z][a-z]+)+[A-Za-z]*)(?![\w-])")
# \b(?:director|director-general|...|shareholders?|...)\s+of ..., its words grouped by first letter
# with the boundary checked after them (patterns.alternation): the engine skips ahead to their letters
OFFICE_OF = re.compile("(?:" + alternation(
    ("director", "director-general", "head", "chief", "chairman", "chairwoman", "chair", "CEO", "president",
     "management", "board", "leadership", "shareholders", "shareholder", "representatives", "representative",
     "delegation", "executives", "executive"), boundary_before=True) + ")"
    # (one capitalised word that no other, nor an "of" with one, goes on: "president of the Council | of
    # Ministers" is the head word of a longer name)
    # (a whole word, a possessive's without its ending: "chairman of Eskom's board", but not "People" of "the
    # People's Republic of China")
    r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w-]+[a-z])(?![\w-])(?!['’]s?\s+[A-Z])(?!\s+[A-Z])"
    r"(?!\s+of\s+(?:the\s+)?[A-Z])")
COMMISSION = re.compile(r"""
    (?:(?:meeting|session|sitting|co-?chairs?|co-?chairm[ae]n|chairman|secretariat|members?)\s+of\s+(?:the\s+)?)
    (?P<name>(?:[A-Z][a-z]+[-–][A-Z][a-z]+\s+)?
      (?:[Ii]ntergovernmental|[Jj]oint|[Bb]usiness)\s+(?:[Cc]ommission|[Cc]ommittee|[Cc]ouncil|[Ww]orking\s+[Gg]roup)
      (?:\s+(?:on|for)\s+(?:(?!,\s+(?:that|which|who)\b)[^.;()]){3,120}?\bcooperation)?)
""", re.X)
# "A Serbia-Azerbaijan intergovernmental commission on trade and economic cooperation held its eighth
# session": the two countries' body, named as such with no "meeting of" before it (not one still to be set
# up: "agreed to establish a Kazakh-Omani business council")
PAIRED_COMMISSION = re.compile(r"""
    (?P<name>[A-Z][a-z]+[-–][A-Z][a-z]+\s+
      (?:[Ii]ntergovernmental|[Jj]oint|[Bb]usiness)\s+(?:[Cc]ommission|[Cc]ommittee|[Cc]ouncil)
      (?:\s+(?:on|for)\s+(?:(?!,\s+(?:that|which|who)\b)[^.;()]){3,120}?\bcooperation)?)
    (?!\s+(?:will|would|is\s+to|are\s+to|to|should|shall)\s+be\b)
""", re.X)
AND_THE = re.compile(r"\s+and\s+(?:the\s+)?")
# a joint body's remit after the countries it joins: "... and Hungary | on Economic Cooperation"
JOINT_REMIT = re.compile(r"\s+(?:on|for)\s+(?:(?!,\s+(?:that|which|who)\b)[^.;()]){3,120}?\b[Cc]ooperation\b")
SET_UP_BEFORE = re.compile(r"\b(?:establish\w*|creat\w*|set\w*\s+up|form\w*|launch\w*)\s+(?:a|an|the)\s+$", re.I)

# "U.S. Department of Commerce", "Bureau of Industry and Security", "Cabinet of Ministers of the
# Kyrgyz Republic", "Intergovernmental Kyrgyz-Russian Commission on Trade, Economic, Scientific,
# Technical and Humanitarian Cooperation", "Chamber of Commerce and Industry in Turkmenistan":
# a body's head word and its remit; the country or government it belongs to is read after it
BODY_HEADS = ["Department", "Bureau", "Agency", "Cabinet", "University", "Institute", "Academy", "Chamber", "Service",
              "Committee", "Council", "Commission", "Office", "Administration", "Authority", "Fund", "Court",
              "Assembly", "Parliament", "Senate", "Task Force"]
# a day or a month after "on" or "of" is when, no remit ("the Saudi Press Agency | on Monday")
WHEN = "(?:" + "|".join([*(day.capitalize() for day in WEEKDAYS), *MONTH_NAMES]) + ")"
HEAD_OF = re.compile(rf"""
    (?P<head>{alternation(BODY_HEADS, boundary_before=True)})
    (?P<between>\s+between\s+(?:the\s+)?{CAP}(?:\s+{CAP})?\s+and\s+(?:the\s+)?{CAP}(?:\s+{CAP})?)?
    \s+(?:of|for|on)\s+(?:the\s+)?(?!{WHEN}\b)
    (?P<tail>{CAP}(?:,?\s+(?:and\s+|of\s+|for\s+|&\s+)?{CAP}){{0,8}})
""", re.X)
# the capitalised words right before a head word ("U.S.", "State", "Intergovernmental Kyrgyz-Russian")
HEAD_LEFT = re.compile(rf"(?:(?:{CAP}|(?:[A-Z]\.){{2,}})\s+){{1,3}}$")
# "the Customs Service under the Government of the Republic": a body under a government
UNDER_HEADS = ["Service", "Agency", "Committee", "Inspectorate", "Fund", "Office", "Center", "Centre", "Administration"]
HEAD_UNDER = re.compile(rf"(?P<head>{alternation(UNDER_HEADS, boundary_before=True)})(?=\s+under\s+the\s+)")
UNDER_GOVERNMENT = re.compile(r"\s+(?:under|at|of)\s+the\s+(?:Government|Cabinet\s+of\s+Ministers|President)"
                              r"(?:\s+of\s+(?:the\s+)?(?:Republic(?:\s+of\s+[A-Z][\w-]+)?|[A-Z][\w-]+))?")
IN_COUNTRY = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")
# the bodies a council or union is made of, after their country ("of Saudi | Chambers of Commerce"):
# a plural of a cue word ("Chambers", "Banks"), with its own remit
MEMBER_BODIES = re.compile(r"\s+(?P<kind>[A-Z][a-z]+s)\b"
                           r"(?:\s+(?:of|for)\s+[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?)?(?!\s+[A-Z])")
# "companies such as Megafon, Gemotest and Wildberries", "Russian firms operate in the country, including
# Megafon and Wildberries": names in a list after a kind of company (or after the rest of its clause)
LIST_KINDS = ["companies", "firms", "banks", "enterprises", "corporations", "businesses", "brands", "retailers",
              "operators", "joint ventures"]
LISTED = re.compile(rf"""
    (?:{alternation(LIST_KINDS, boundary_before=True)})
    (?:\s*,?\s+(?:such\s+as|including|like|among\s+them)|[^.;:!?\n]{{1,80}}?,\s+(?:such\s+as|including))\s+
    (?P<list>{CAP}(?:[\s-]+{CAP}){{0,3}}(?:\s*,\s*{CAP}(?:[\s-]+{CAP}){{0,3}}){{0,9}}(?:\s*,?\s+and\s+{CAP}(?:[\s-]+{CAP}){{0,3}})?)
""", re.X)

MINISTRY_PORTFOLIO_SYNONYMS = {"foreign": "foreign affairs", "economy": "national economy"}

# Russian bodies (russian_bodies): up to three adjectives, then the head word
RU_ADJ = (r"(?:[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?"
          r"(?:ой|ая|ого|ому|ым|ом|ую|ые|ых|ий|ый|ое|ей|ие|ими|им|их|его|ему|ее|яя|юю)\s+)")
RU_HEAD = r"""
    (?P<head>[Мм]инистерств\w*|МИД|Мин(?!истр)[а-яё]{3,}(?=\s+[А-ЯЁ])|Кабмин\w*|Кабинет\w*\s+[Мм]инистров|
             [Кк]омисси\w*|[Мм]ежправкомисси\w*|[Сс]овет\w*|[Кк]омитет\w*|
             [Аа]гентств\w*|[Фф]онд\w*|[Пп]алат\w*|[Сс]лужб\w*|[Кк]орпораци\w*|[Аа]ссоциаци\w*|
             [Дд]епартамент\w*|[Уу]правлени\w*|[Аа]кимат\w*|[Хх]окимият\w*|Эксимбанк\w*|[Бб]анк\w*)(?!\w)
"""
RU_BODY = re.compile(rf"(?<![\w-])(?P<adj>{RU_ADJ}{{0,3}}){RU_HEAD}", re.X)
# where RU_BODY is tried (patterns.windowed_matches), instead of at every offset: at each head word
# and the three tokens before it (its adjectives, each a token of its own). A head ends a word
# and starts one (after a space, or where a match starts): none starts inside another.
RU_HEADS = led(re.compile(rf"(?<![\w-]){RU_HEAD}", re.X))
RU_BODY_FIRST = re.compile(r"(?<![\w-])[А-ЯЁа-яё]")   # where a word starts
# the theme, motto or subject of an event or a document, in quotes after its cue
THEME = re.compile(r"""\b(?:on|themed|titled|entitled|theme|motto|slogan|на\s+тему|под\s+(?:девизом|лозунгом))
                       \s*:?\s*(?P<theme>"[^"\n]{8,200}"|“[^”\n]{8,200}”|«[^«»\n]{8,200}»)""", re.X | re.I)
RU_WORD = re.compile(r"«[^»\n]{1,60}»|[\w-]+")
RU_REPORTS = re.compile(r"\b(?:сообща\w+|переда[её]т|передают|информиру\w+|пишет|цитиру\w+)\s+$", re.I)
RU_AND = re.compile(r"\s+и\s+|\s*[–—-]\s*")   # ("комиссии Азербайджан–Турция": a dash joins the pair too)
# a commission's remit: "по торгово-экономическому, техническому и культурному сотрудничеству"
RU_REMIT = re.compile(r"\s+по\s+(?:[а-яё-]+(?:,\s*|\s+и\s+|\s+)){0,8}?(?:сотрудничеству|вопросам\s+[а-яё]+)")
RU_GENERIC_PLACE = frozenset({"страны", "государства", "республики", "региона"})
# "Министерство инвестиций, промышленности и торговли": a list of the remit goes on after a comma
# "культуры, спорта, туризма и молодежи", "торгово-экономическому, научно-техническому и культурному"
RU_LIST_GOES_ON = re.compile(r"[а-яё-]+(?:\s+[а-яё-]+)?(?:\s*,\s*[а-яё-]+(?:\s+[а-яё-]+)?){0,4}\s+и\s+[а-яё]+")
# a company in guillemets after its legal form ("АО «Самрук-Энерго»") or its kind ("концерн «Туркменгаз»");
# the lookahead names every letter a match can start with (a capital, or a kind's lower-case first
# letter), so the search skips the other positions at once (about 4x faster, same matches)
RU_COMPANY = re.compile(r"""
    (?=[А-ЯЁКкХхГгПпБб])
    (?P<kind>(?P<form>\b(?:АО|ТОО|ООО|ОсОО|ОАО|ЗАО|ПАО|НАО|АК|ГП|ГУП|ФГУП|ГК|НК|НАК|НУХ|СП)(?:\s+(?:НК|НАК))?)
      | (?:[А-ЯЁ][а-яё]+\s+)?(?:[Кк]онцерн\w*|[Кк]омпани\w*|[Кк]орпораци\w*|[Хх]олдинг\w*|[Гг]оскорпораци\w*|
                               [Пп]редприяти\w*|[Бб]анк\w*))
    \s+(?P<quoted>«[^«»\n]{0,40}(?:«[^«»\n]{1,60}»(?:[^«».\n]{0,40}»)?|»))   # «X», «НК «X»», «НК «X»
""", re.X)
RU_INSTITUTION = re.compile(r"межправительственн|совместн|делов|двусторонн|казахстанско|российско|узбекско|"
                            r"кыргызско|таджикско|туркменско|белорусско|азербайджанско|китайско|"
                            r"[а-яё]+ско-[а-яё]+", re.I)
RU_COMMISSION = re.compile(r"(?i)комисси|межправкомисси|совет|комитет")


BODY_KINDS = frozenset({"commission", "association", "council", "committee"})


@dataclass
class OrgEntity:
    key: str
    name: str
    country: str | None = None
    kind: str = "company"
    aliases: list[str] = field(default_factory=list)
    known: bool = False

    @property
    def multilateral(self) -> bool:
        """A known body of many states: a development bank, a fund or an organization of states with no
        country of its own."""
        return self.known and self.country is None and self.kind in MULTILATERAL_KINDS

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


POSSESSIVE = re.compile(r"['’]s\b")
NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 14)
def _norm(s: str) -> str:
    """The key of a name: lower case, no possessive, words joined by single spaces, no leading
    "the" (kept per name: an article names an organization many times, and articles share them)."""
    s = POSSESSIVE.sub("", s.lower())
    s = NON_WORD.sub(" ", s).strip()
    return s.removeprefix("the ")


@lru_cache(maxsize=1 << 14)
def _plausible(name: str) -> bool:
    """Can `name` be an organization's, whatever the article (kept per name)? Not when it opens
    with a function word, holds a word that is no organization's or an office, or is a country,
    an outlet or a place that is no known organization."""
    words = name.split()
    if not words or words[0] in STOP_FIRST:
        return False
    if any(w.lower().strip("’'s") in not_org_words() or w in office_words() for w in words):
        return False
    low = name.lower()
    if low in gz.country_index() or low.removeprefix("the ") in gz.outlet_index():
        return False
    return low not in gz.place_index() or low in gz.org_index()


class Finder:
    """Collects candidates for one document, then resolves them to entities."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.entities: dict[str, OrgEntity] = {}
        self.mentions: list[Span] = []
        self.country_spans = doc.layer("country")
        self.country_ends_by_start: dict[int, int] = {}
        for c in reversed(self.country_spans):   # (the first span starting there, as a scan finds it)
            self.country_ends_by_start[c.start] = c.end
        self.country_by_end = {c.end: c for c in reversed(self.country_spans)}
        self.wraps = frozenset(doc.meta.get("wraps", ()))   # the line breaks that only wrap a sentence
        self.blocked = [(s.start, s.end) for layer in ("outlet", "place") for s in doc.layer(layer)]
        if doc.meta.get("dateline_span"):
            # "TASHKENT (UrduPoint News / Sputnik - 18th August, 2022)": the agencies of a dateline are outlets
            self.blocked.append(doc.meta["dateline_span"])
        # a forum's theme in quotes names no body ("a forum on “Trade as a Catalyst for Sustainable Development”")
        self.blocked += [m.span("theme") for m in THEME.finditer(self.text)]
        self.blocked_ranges = gz.Ranges(self.blocked)
        self.titles = sorted((s.start, s.end) for s in doc.layer("title"))
        self.known_mentions: list[Span] = []   # the gazetteer's organizations named (known())

    # ---- helpers ----
    def country_at(self, start: int, end: int) -> str | None:
        for s in self.country_spans:
            if start <= s.start and s.end <= end:
                return s.value
        return None

    def _demonym_at(self, start: int, end: int) -> bool:
        """Is the country word in [start, end) an adjective ("китайским"), not the country's name?"""
        return any(start <= s.start and s.end <= end and s.data.get("form") == "demonym" for s in self.country_spans)

    def sole_country(self, start: int, end: int) -> str | None:
        """The one country named from `start` to `end`; none where two are ("the Iran-Armenia Joint
        Economic Committee", "Indo-Russian ... Commission": a body of two countries is neither's)."""
        named = {c.value for c in self.country_spans if c.start < end and start < c.end}
        return named.pop() if len(named) == 1 else None

    def country_from(self, start: int) -> int | None:
        """The end of a country's name that starts at `start` ("Киргизской Республики"), if one does."""
        return self.country_ends_by_start.get(start)

    def country_after(self, end: int) -> tuple[str | None, int]:
        """The country in an "of <country>" right after `end`, and where the name then ends."""
        tail = re.match(r"\s+of\s+(?:the\s+)?", self.text[end:end + 20])
        if tail:
            pos = end + tail.end()
            for s in self.country_spans:
                if s.start == pos or (s.start > pos and re.fullmatch(r"Republic\s+of\s+", self.text[pos:s.start])):
                    return s.value, s.end
        return None, end

    def country_in(self, end: int) -> tuple[str | None, int]:
        """The country in an "in (the) <country>" (or "of") right after `end`, and where the name then ends."""
        im = IN_COUNTRY.match(self.text, end)
        if im is None:
            return None, end
        return next(((c.value, c.end) for c in self.country_spans if c.start == im.end()), (None, end))

    def country_and(self, end: int) -> int | None:
        """The end of a second country joined by "and" right after `end` ("... of Kazakhstan | and
        (the) Hungary"), if one is."""
        joined = AND_THE.match(self.text, end)
        if joined is None:
            return None
        pos = joined.end()
        return next((s.end for s in self.country_spans if s.start == pos or (
            pos < s.start < pos + 30 and re.fullmatch(r"Republic\s+of\s+", self.text[pos:s.start]))), None)

    def country_before(self, start: int) -> str | None:
        """A demonym or country right before a name, with only lower-case words between
        ('Belarusian state petrochemical concern Belneftekhim', 'Kazakh QazaqGaz')."""
        sent_start = self.doc.sentence_of(start)[0]
        for s in reversed(self.country_spans):
            if s.end <= start and s.start >= sent_start:
                between = self.text[s.end:start]
                # (not one "and" joins to it: "ICBC in Turkey and | Sichuan Airlines")
                if re.fullmatch(r"(?:['’]s)?(?:\s+(?!and\b|or\b)[a-z][\w-]*){0,4}\s+(?:the\s+)?", between) or \
                        re.fullmatch(r"\s+", between):
                    return s.value
                return None
        return None

    def is_blocked(self, start: int, end: int) -> bool:
        if not self.doc.in_body(start, end):
            return True
        return self.blocked_ranges.covers(start, end)

    def plausible(self, name: str) -> bool:
        if self.doc.outlet and name.lower() == self.doc.outlet.lower():
            return False   # the outlet that reports the article (SCHEMA: never an organization)
        return _plausible(name)

    def entity(self, key: str, name: str, kind: str, country: str | None) -> OrgEntity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = OrgEntity(key, name, country, kind)
        elif country and not ent.country:
            ent.country = country
        return ent

    def mention(self, start: int, end: int, ent: OrgEntity) -> None:
        for m in self.mentions:
            if m.start < end and start < m.end:
                if (m.end - m.start) >= (end - start):
                    return
                self.mentions.remove(m)
                break
        self.mentions.append(Span(start, end, "org", self.text[start:end], ent.key))

    def after_possessive_country(self, start: int, limit: int) -> int:
        """Where a name starting at `start` begins once a possessive country opening it is left out
        ("Azerbaijan’s | Export and Investment Promotion Foundation": the country is the organization's,
        as country_before reads it), if the name then starts before `limit`."""
        after = self.possessive_country_end(start)
        return after if after is not None and after < limit else start

    def possessive_country_end(self, start: int) -> int | None:
        """Where a country's possessive that opens at `start` ends ("Azerbaijan’s | "), if one does."""
        cend = self.country_from(start)
        pm = POSSESSIVE_AFTER.match(self.text, cend) if cend is not None else None
        return pm.end() if pm is not None else None

    def suffixed_before(self, start: int, end: int) -> bool:
        """Does a cue word of a name end inside [start, end) ("State Energy Company | and ...")?"""
        return any(m.end("cue") <= end for m in suffix_pattern().finditer(self.text, start, end))

    def before_known(self, start: int, end: int) -> int:
        """Where a name running over [start, end) ends before "and" and a known organization's name
        ("Agency for Development of SMBs | and Enterprise Georgia": two parties), else `end`."""
        for m in self.known_mentions:
            if start < m.start < end and (j := AND_BEFORE.search(self.text, start, m.start)) is not None:
                return j.start()
        return end

    def overlaps_mention(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    # ---- candidates ----
    def known(self) -> None:
        dateline = self.doc.meta.get("dateline_span")
        for s in self.doc.layer("org"):
            if s.text.lower() in gz.country_index():   # blocs are codes in countries, never organizations
                continue
            if dateline and s.start == dateline[0] and s.end <= dateline[1]:
                continue   # "SUEZ, Egypt -": the dateline's city, not the company of that name
            e = gz.org_index().get(s.value.lower())
            kind = (e.kind if e else None) or s.data.get("kind") or "company"
            country = (e.country if e else None) or s.data.get("country")
            if country is None and kind not in MULTILATERAL_KINDS:
                # ("Peru hosted the APEC meeting": a body of many states belongs to none of them)
                country = self.country_before(s.start)
            ent = self.entity(_norm(s.value), s.value, kind, country)
            ent.known = True
            if s.text != s.value:
                ent.add_alias(s.text)
            self.mention(s.start, s.end, ent)
            self.known_mentions.append(s)

    def ministries(self) -> None:
        if "Ministry" not in self.text:   # in every match of both patterns: spare their scans
            return
        for m in MINISTRY_OF.finditer(self.text):
            start, end = m.start(), list_closed(self.text, m.start("port"),
                                                before_title(self.text, m.start("port"), m.end()))
            if (federal := FEDERAL_BEFORE.search(self.text, max(0, start - 10), start)) is not None:
                start = federal.start()   # "Germany's Federal Ministry for Economic Affairs": the federation's
            end = before_name(self.text, m.start("port"), end)
            # "the Saudi Ministry of Investment | and Chinese car maker Human Horizons": a country after "and"
            # opens the other party
            end = next((c.start - len(a.group()) for c in self.country_spans if m.start("port") < c.start < end
                        and (a := AND_BEFORE.search(self.text, max(0, c.start - 8), c.start))), end)
            port = self.text[m.start("port"):end]
            if self._only_country_words(m.start("port"), end):
                continue   # "the Energy Ministry | of Kazakhstan": the country of the ministry named before it
            # "... of Kazakhstan", "... of the Republic of Kazakhstan" closing the name
            country, end = self.country_after(end)
            # a country right before: "Kazakhstan's Ministry of Energy", "the Kazakh Ministry of ..."; or the
            # one it is in, after it ("the Ministry of Investment in the United Arab Emirates")
            country = country or self.country_before(start) or self.country_in(end)[0]
            if self.is_blocked(start, end):
                continue
            self._add_ministry(start, end, port, country)
        # tried only in the four tokens before each "Ministry" (patterns.windowed_matches): a
        # portfolio word is a token (or the end of one) of its own
        for m in windowed_matches(PORTFOLIO_MINISTRY, self.text, self._ministry_windows(), CAPITAL):
            pre_words = m["pre"].split()
            start = m.start()
            joined = AND_POSSESSIVE.search(m["pre"])
            if joined:
                # "Masdar and Azerbaijan’s Ministry": a possessive opens the ministry's name; "and" joins
                # two parties there, not two portfolios
                pre_words = m["pre"][joined.end("and"):].split()
                start = m.start() + joined.end("and")
            # drop sentence-initial function words and anything before a possessive country
            while pre_words and (pre_words[0] in STOP_FIRST):
                start += self.text[start:].index(pre_words[0]) + len(pre_words[0])
                start += len(self.text[start:]) - len(self.text[start:].lstrip())
                pre_words = pre_words[1:]
            if not pre_words or self.is_blocked(start, m.end()):
                continue
            # "the Infrastructure Ministry of Ukraine": the country its "of" names closes the name
            after, end = self.country_after(m.end())
            country = self.country_at(start, m.end()) or self.country_before(start) or after
            port_words = [w for w in pre_words if not self.country_at(
                start + self.text[start:m.end()].find(w), start + self.text[start:m.end()].find(w) + len(w))]
            port = " ".join(without_possessive(w) for w in port_words)
            if not port:
                continue
            self._add_ministry(start, end, port, country)

    def _ministry_windows(self) -> Iterator[tuple[int, int]]:
        at = self.text.find("Ministry")
        while at >= 0:
            yield tokens_back(self.text, at, 5), at
            at = self.text.find("Ministry", at + 1)

    def _add_ministry(self, start: int, end: int, portfolio: str, country: str | None) -> None:
        p = _norm(portfolio)
        p = MINISTRY_PORTFOLIO_SYNONYMS.get(p, p)
        if not p:
            return
        key = f"ministry:{country or '?'}:{p}"
        name = self.text[start:end]
        ent = self.entity(key, name, "ministry", country)
        if country:
            cname = gz.country_names().get(country, country)
            ent.add_alias(f"Ministry of {p.title().replace(' And ', ' and ')} of {cname}")
        self.mention(start, end, ent)

    def suffixed(self) -> None:
        suffix = cues().get("suffix", {})
        for m in suffix_pattern().finditer(self.text):
            if m["cue"] == "Ministry":
                continue
            # ("Joint Sub-Committee on Trade": the cue's word opens with a prefix, whose run goes on before it)
            cue_at = hyphen_start(self.text, m.start())
            lo = max(0, cue_at - 150)
            if (blank := self.text.rfind("\n\n", lo, cue_at)) >= 0:
                lo = blank + 2   # (a headline a blank line sets apart is no part of the name)
            left = LEFT_RUN.search(self.text, lo, cue_at)
            if left is None:
                continue
            start = left.start()
            legal = m["cue"] in cues().get("legal_form", {}) and m["cue"] not in suffix
            if legal:   # "Caspian Pipe Coatings LLP and KazTransOil JSC": two companies, each with its form
                # ("Shionogi & Co. Ltd.": "& Co." is the one company's form)
                amp = self.text.rfind(" & ", start, m.start())
                amp = -1 if amp != -1 and amp + 3 == m.start() and m["cue"].startswith("Co") else amp
                cut = max(self.text.rfind(" and ", start, m.start()), amp)
                start = start if cut < 0 else self.text.index(" ", cut + 1) + 1
            else:
                # "Kazakhstan’s Export Credit Agency and Oman’s Development Bank": a possessive after "and"
                # opens the second name
                joined = list(AND_POSSESSIVE.finditer(self.text, start, m.start()))
                if joined:
                    start = joined[-1].end("and")
                # "China Development Bank and Reliance Power": a name that ends in its own head before "and"
                # is another name ("Oil and Gas Company", "Trade and Development Bank" are one)
                heads = [a for a in AND_AFTER_HEAD.finditer(self.text, start, m.start())
                         if a["head"] in closing_heads()]
                if heads:
                    start = heads[-1].end()
                # "Boeing and China Aviation Supply Holding Company": a known name before "and" is another name
                known_before = [k.end + 5 for k in self.known_mentions if start <= k.start
                                and k.end + 5 <= m.start() and self.text[k.end:k.end + 5] == " and "]
                if known_before:
                    start = max(known_before)
                # "Andes Halal Accreditation and | Peru National Accreditation Council", "ICBC in Turkey and | Sichuan
                # Airlines": a country on one side of "and" only joins two names ("the Kazakhstan and Uzbekistan
                # Business Council", a country on both sides, is one body's)
                for a in AND_WORD.finditer(self.text, start, m.start()):
                    after = a.end() in self.country_ends_by_start
                    lead = ARTICLE_FIRST.match(self.text, start).end()
                    if (a.start() in self.country_by_end) != after or (after and not self._only_country_words(
                            lead, a.start())):   # ("TV Chile and | Peru Broadcasting Corporation")
                        start = a.end()
            # ("Oman’s Development Bank" keeps its country: the cue alone is no name)
            start = self.after_possessive_country(start, m.start())
            words = self.text[start:m.start()].split()
            while words and (words[0] in STOP_FIRST or OWNED.fullmatch(words[0])):
                # "The Eurasian Development Bank", "State-owned China Development Bank"
                start = self.text.index(words[1], start + len(words[0])) if len(words) > 1 else m.start()
                words = words[1:]
            if not words:
                continue
            if suffix.get(m["cue"]) == "company" and " " not in m["cue"] and \
                    (after := self.possessive_country_end(start)) is not None and after >= m.start():
                continue   # "(In) Chile's Energy": a country's sector, no body ("China's Eximbank" is a bank)
            end = m.end("cue")
            if m["of"]:
                # "... Bank of Mongolia": the name ends with the country its "of" names ("... of Mongolia and
                # Russian Export Center" goes on to another name)
                cm = re.match(r"\s+of\s+(?:the\s+)?", m["of"])
                country_end = self.country_from(m.start("of") + cm.end()) if cm else None
                if country_end is not None and country_end <= m.end("of"):
                    end = country_end
            # "Abu Dhabi Future Energy Company" known, after "State Energy Company of Turkmenistan and": a
            # known name after "and" and a name of its own (one holding a country or a cue) is a second name
            # ("Trade and Development Bank of Mongolia" is one)
            cut = self.before_known(start, end)
            if cut < end and (self.country_at(start, cut) or self.suffixed_before(start, cut)):
                if cut < m.end("cue"):
                    start = next(k.start for k in self.known_mentions if cut < k.start < end)
                else:
                    end = cut
            if m["cue"] in CORPORATE and any(k.start == start and self.text[k.end:m.start()].strip(" ,") == ""
                                             for k in self.known_mentions):
                continue   # "China Development Bank Corp.": the known name, with its form
            if any(start < k.start and k.end == end and JOINED_BEFORE.search(self.text, start, k.start)
                   for k in self.known_mentions):
                continue   # "John Mbadi and Zhu Jia of | China Exim Bank": a known name, words joined before it
            full = self.text[start:end]
            if self.is_blocked(start, end) or not self.plausible(full) or self._only_country_words(start, end):
                continue
            if m["cue"] in FLOW_CUES and self._only_country_words(start, m.start()) and \
                    FLOW_PLACE_AFTER.match(self.text, end):
                continue   # "Saudi Investments in Egypt were at a high": what a country puts in, no company
            if any(c.start <= start and end <= c.end for c in self.country_spans):
                continue   # "the Cooperation Council of Turkic Speaking States": inside a bloc's name
            if (on := SUBJECT_ON_BEFORE.search(self.text, max(0, start - 40), start)) and \
                    on.group(1).lower() in not_org_words():
                continue   # "Tokyo International Conference on | African Development": what an event is on
            if m["cue"] in PLACE_CUES and self.text[start:m.start()].strip().lower() in gz.place_index():
                continue   # "Vientiane Capital": a place's name, no fund
            if self.overlaps_mention(start, end) and (legal or not self._longer_than_overlaps(start, end)):
                continue   # a known company keeps its name without the legal form
            country = self.sole_country(start, end) if self.country_at(start, end) else self.country_before(start)
            kind = "commission" if _joint_body(m["cue"], full) else suffix.get(m["cue"], "company")
            ent = self.entity(_norm(full), full, kind, country)
            self.mention(start, end, ent)

    def _only_country_words(self, start: int, end: int) -> bool:
        """Is the stretch a country's name, or countries' names joined by dashes ("Turkmenistan-Afghanistan-
        Pakistan-India", the name of a pipeline's route)?"""
        index = gz.country_index()
        return all(part.lower() in index for part in re.split(r"\s*[-–—]\s*", self.text[start:end].strip()))

    def _longer_than_overlaps(self, start: int, end: int) -> bool:
        return all((end - start) > (m.end - m.start) for m in self.mentions
                   if m.start < end and start < m.end)

    def acronyms(self) -> None:
        for m in acronym_definitions(self.text):
            acr, long_start = m["acr"], m.start("long")
            if self.is_blocked(m.start(), m.end()):
                continue
            if acr.lower() in gz.country_index() or acr.lower() in gz.outlet_index():
                continue
            long = m["long"]
            # keep the tail of the run whose initials can spell the acronym
            words = long.split()
            best = None
            for i in range(len(words)):
                cand = " ".join(words[i:])
                if _initials_fit(cand, acr):
                    best = cand
                    break
            existing = [x for x in self.mentions if x.start < m.end("long") and long_start < x.end]
            after = WORD_AFTER.match(self.text, m.end())
            if existing:
                ent = self.entities[existing[-1].value]
            elif after is not None and after[1].lower() in not_org_words(after_acronym=True):
                # "the Intelligent Transport System (ITS) project": what the name names follows it; before
                # a study, no part of the name is a body's either ("Front-End Engineering and Design (FEED)
                # study"), while a body may hold a meeting ("the 36th Joint Ministerial Commission (JMC) meeting")
                if after[1].lower() not in not_org_words():
                    self.blocked.append((m.end("long") - len(best) if best else long_start, m.end()))
                    self.blocked_ranges = gz.Ranges(self.blocked)
                continue
            elif best and self.plausible(best) and \
                    not self._only_country_words(m.end("long") - len(best), m.end("long")):   # a route's name
                start = m.end("long") - len(best)
                country = self.country_at(start, m.end("long")) or self.country_before(start)
                known = gz.org_index().get(acr.lower())
                if known and not _same_body(best, known.key):
                    # "Pakistan Broadcasting Corporation (PBC)": the text's own body, not the People's Bank of
                    # China the gazetteer knows by "PBC"; every bare "PBC" of the article is this body's
                    known = None
                if known:
                    ent = self.entity(_norm(known.key), known.key, known.kind or "company", known.country or country)
                    ent.add_alias(best)
                else:
                    ent = self.entity(_norm(best), best, _kind_of(best), country)
                self.mention(start, m.end("long"), ent)
            else:
                continue
            ent.add_alias(acr)
            self.mention(m.start("acr"), m.end("acr"), ent)

    def descriptors(self) -> None:
        desc = cues().get("prefix_descriptor", {})
        for m in descriptor_pattern().finditer(self.text):
            g = "a" if m["a"] else "b"
            name, start, end = m[g], m.start(g), m.end(g)
            if self.is_blocked(start, end) or not self.plausible(name):
                continue
            if any(i not in self.wraps for i in range(m.start(), end) if self.text[i] == "\n"):
                continue   # "... state oil firm | File photo:": a headline, then a caption (a line that
                #            only wraps a sentence goes on)
            if g == "b" and ADJECTIVE.fullmatch(name):
                continue   # "the Asian giant", "the European lender": a part of the world's, no name
            if self.overlaps_mention(start, end) or self.country_at(start, end):
                continue
            cue = (m["bcue"] or m.group(0).split()[0]).lower()
            ent = self.entity(_norm(name), name, desc.get(cue, "company"), self.country_before(m.start()))
            self.mention(start, end, ent)

    def camel(self) -> None:
        for m in CAMEL.finditer(self.text):
            start, end = m.span("name")
            if self.is_blocked(start, end) or self.overlaps_mention(start, end):
                continue
            name = m["name"]
            if self.text[start - 1:start] in ("@", "#") or _furniture(name):
                continue   # "@NurlanSmagulovKz", "#KazakhstanOman", "ShareTweetEmail", "SeitkaliPhoto"
            if not self.plausible(name) or self.country_at(start, end):
                continue
            ent = self.entity(_norm(name), name, "company", self.country_before(start))
            self.mention(start, end, ent)

    def offices(self) -> None:
        for m in OFFICE_OF.finditer(self.text):
            start, end = m.span("name")
            name = m["name"]
            if self.is_blocked(start, end) or self.overlaps_mention(start, end) or self.country_at(start, end):
                continue
            if not self.plausible(name) or name.lower() in gz.place_index():
                continue
            if name in BODY_HEADS or name in ("Government", "Ministry", "Company", "Bank"):
                continue   # "the head of the Government": a body the text leaves unnamed
            ent = self.entity(_norm(name), name, "company", None)
            self.mention(start, end, ent)

    def bodies(self) -> None:
        """A body's head word with its remit (HEAD_OF), then whose it is: "of (the Republic of)
        Kazakhstan", "in Turkmenistan", "under the Government of the Republic"."""
        for m in [*HEAD_OF.finditer(self.text), *HEAD_UNDER.finditer(self.text)]:
            tail = "tail" if "tail" in m.re.groupindex else "head"
            start, end = m.start("head"), m.end(tail)
            start = hyphen_start(self.text, start)   # "Joint Sub-|Committee on Trade"
            lm = HEAD_LEFT.search(self.text, max(0, start - 80), start)
            left = lm.group().split() if lm else []
            while left and (left[0] in STOP_FIRST or left[0] in office_words()):
                left = left[1:]
            if left:
                start = self.text.rfind(left[0], lm.start(), m.start("head"))
                start = self.after_possessive_country(start, m.start("head") + 1)   # the head and its remit name it
            elif tail == "head":
                continue   # "Service under the Government": a body needs a name of its own
            # a person's title ends the name where it ends ("Chairman of the Cabinet of Ministers
            # Batyr Amanov") or where it starts inside it ("... Commission Chairman, Ivan Petrov")
            for t0, t1 in self.titles:
                if t0 <= m.start("head") < t1 < end:
                    end = t1
                elif m.start(tail) < t0 < end:
                    end = len(self.text[:t0].rstrip(" ,"))
            if tail == "tail":
                end = before_title(self.text, m.start(tail), end)
                end = list_closed(self.text, m.start(tail), end)
                end = before_name(self.text, m.start(tail), end)
            if end <= m.start(tail):
                continue
            if tail == "tail":
                end = self.before_known(m.start("tail"), end)
            # the tail stops at a country: what follows "and" is another name
            tail_country = None
            skip = False
            for c in self.country_spans:
                if tail == "tail" and m.start("tail") <= c.start < end:
                    # "Department of the Kazakh Foreign Ministry": the object is another body
                    skip = re.match(r"\s+[A-Z]", self.text[c.end:c.end + 2]) is not None
                    end, tail_country = c.end, c.value
                    if skip and (members := MEMBER_BODIES.match(self.text, c.end)) and \
                            members["kind"][:-1] in cues().get("suffix", {}).keys() | {members["kind"]}:
                        # "Council of Saudi Chambers": a body of many bodies of that country is one name
                        skip, end = False, members.end()
                    break
            if skip:
                continue
            country = tail_country or self.sole_country(start, m.start("head"))
            if tail_country is None:
                after, new_end = self.country_after(end)
                if after is None:
                    after, new_end = self.country_in(end)
                country, end = country or after, new_end
            if end in self.country_by_end and _joint_body(m["head"], self.text[start:end]) and \
                    (second := self.country_and(end)) is not None:
                # "Joint Intergovernmental Commission of the Republic of Armenia and the Islamic Republic of
                # Iran (on Economic Cooperation)": the body of both countries, its remit after the second
                country, end = None, second
                if (remit := JOINT_REMIT.match(self.text, end)) is not None:
                    end = remit.end()
            gm = UNDER_GOVERNMENT.match(self.text, end)
            if gm:
                end = gm.end()
            name = self.text[start:end]
            if self.is_blocked(start, end) or not self.plausible(name) or self._only_country_words(start, end):
                continue
            if self.overlaps_mention(start, end) and not self._longer_than_overlaps(start, end):
                continue
            if (office := OFFICE_NEXT.match(self.text, end)) and \
                    f"{name.split()[-1]} {office.group(1)}".lower() in office_openings():
                continue   # "the Cabinet of the Prime | Minister": cut inside an office, no body's name
            kind = "commission" if _joint_body(m["head"], name) else _kind_of(m["head"])
            ent = self.entity(_norm(name), name, kind, country or self.country_before(start))
            self.mention(start, end, ent)

    def listed(self) -> None:
        for m in LISTED.finditer(self.text):
            for nm in re.finditer(rf"{CAP}(?:[\s-]+{CAP}){{0,3}}", m["list"]):
                start, end = m.start("list") + nm.start(), m.start("list") + nm.end()
                name = nm.group()
                if self.is_blocked(start, end) or self.overlaps_mention(start, end) or \
                        self._only_country_words(start, end) or not self.plausible(name):
                    continue
                ent = self.entity(_norm(name), name, "company", self.country_before(m.start()))
                self.mention(start, end, ent)

    def commissions(self) -> None:
        paired = [m for m in PAIRED_COMMISSION.finditer(self.text)
                  if not SET_UP_BEFORE.search(self.text, max(0, m.start() - 40), m.start())]
        for m in [*COMMISSION.finditer(self.text), *paired]:
            start, end = m.span("name")
            if self.is_blocked(start, end):
                continue
            name = m["name"]
            if name.islower() and len(name.split()) == 2:
                continue   # "the next meeting of the intergovernmental commission": a body the text leaves unnamed
            ent = self.entity(_norm(name), name, "commission", None)
            self.mention(start, end, ent)

    def russian_bodies(self) -> None:
        """Bodies named in Russian: a head word ("Министерство", "комиссия", "Совет"), the
        adjectives before it, its remit after it ("внешней торговли", "по торгово-экономическому
        сотрудничеству", «РК – ЕС») and the country it belongs to ("Узбекистана"); an
        abbreviation of the gazetteer ("МИД", "Минэкономики") with its country. The name is put in
        the nominative (morph.py); a lower-case head counts only after an adjective that makes it
        an institution ("межправительственная комиссия")."""
        heads = ((tokens_back(self.text, h.start(), 3), h.start()) for h in RU_HEADS.finditer(self.text))
        for m in windowed_matches(RU_BODY, self.text, heads, RU_BODY_FIRST):
            end = m.end("head")
            head = m["head"]
            # the words before the head that are adjectives agreeing with it (not "заседание",
            # "сопредседателей": nouns end like adjectives)
            # (right before the head: "Генеральным директором | Фонда ОПЕК": a noun between ends them)
            adjs = (m["adj"] or "").split()
            k = len(adjs)
            while k > 0 and morph.pos(adjs[k - 1]) in ("ADJF", "PRTF"):
                k -= 1
            adjs = adjs[k:]
            while adjs and head[:1].isupper() and adjs[0][:1].islower() and morph.pos(adjs[0]) == "PRTF":
                adjs = adjs[1:]   # "кредитов, выделенных | Банком развития Китая": a participle's clause, no name
            start = m.start("head") - len(" ".join(adjs)) - (1 if adjs else 0)
            passing = head[:1].islower() and not RU_INSTITUTION.search(" ".join(adjs)) and \
                not (adjs and adjs[0][:1].isupper() and start > 0 and self.text[start - 1] == " "
                     and not self.text[:start].rstrip().endswith((".", "!", "?")))
            if passing and not (head.startswith("министерств") and not morph.only_plural(head)):
                continue   # "комиссия" in passing; "Национальное агентство" (a capital mid-sentence) names one
            closed = False   # a country closes the name
            # the remit: the words that depend on the head, up to a verb, a full stop or a word
            # that is neither noun nor adjective (nor "по", "при", "и" between them)
            pos_ = m.end("head")
            prev_tag = None
            for w in RU_WORD.finditer(self.text, pos_, min(len(self.text), pos_ + 160)):
                gap = self.text[pos_:w.start()]
                # (a comma goes on in a list, or between adjectives of one noun: "по торгово-экономическому,
                # научно-техническому сотрудничеству")
                if gap.strip() not in ("", ",") or (gap.strip() == "," and not (
                        w.group().startswith("«") or RU_LIST_GOES_ON.match(self.text, w.start())
                        or (prev_tag == "ADJF" and morph.pos(w.group()) == "ADJF"))):
                    break
                word = w.group()
                if word.startswith("«"):
                    pos_ = end = w.end()
                    continue
                if self.country_at(w.start(), w.end()):
                    # ("министерством финансов и | китайским Эксимбанком": an adjective opens the next body)
                    end, closed = w.end(), not self._demonym_at(w.start(), w.end())
                    break   # "... КР", "... Узбекистана": the country closes the name
                opening = self.country_from(w.start())
                if opening is not None:
                    end, closed = opening, True
                    break   # "... Киргизской Республики": a country of two words closes it too
                tag = morph.pos(word)
                if word == "по" and head.lower().startswith(("банк", "эксимбанк")):
                    break   # "директор Всемирного банка | по Центральной Азии": the director's region, no remit
                if word == "между" and RU_COMMISSION.match(head) and \
                        (pair := self._country_pair(w.end() + 1)) is not None:
                    end = pair   # "комиссии ... между Таджикистаном и Узбекистаном": the two countries' body
                    break
                if word in ("по", "при") or (word == "и" and end > m.end("head")):
                    pos_ = w.end()
                    continue
                if word in RU_GENERIC_PLACE:
                    break   # "Кабмин страны": the country's, not a name
                if word[:1].islower() and morph.clause_subject(word):
                    break   # "заседании межправительственной комиссии | стороны рассмотрели": a new clause
                if word[:1].islower() and morph.only_case(word, "ablt"):
                    break   # "инвестиционного фонда | объемом $1 млрд": what it is measured by, no part of its name
                if word[:1].isupper() and (RU_HEADS.match(self.text, w.start())
                                           or RU_COMPANY.match(self.text, w.start())):
                    break   # "по международному сотрудничеству и | Эксимбанком Кореи", "и | ОсОО «X»": the next body
                if word[:1].isupper() and not word.isupper() and self._person_ahead(w):
                    break   # "вице-президентом Европейской комиссии Марошем Шефчовичем": a person's name follows
                if tag not in ("NOUN", "ADJF", "PRTF") or (word[:1].isupper() and self.country_at(w.start(), w.end())
                                                          is None and tag is None):
                    break
                pos_ = end = w.end()
                prev_tag = tag
                if self.country_at(w.start(), w.end()):
                    closed = not self._demonym_at(w.start(), w.end())
                    break   # "... Узбекистана": the country closes the name
            if RU_COMMISSION.match(head) and end > m.end("head") and end in self.country_by_end and \
                    (joined := RU_AND.match(self.text, end)) is not None and \
                    (second := self.country_from(joined.end())) is not None and \
                    self._same_case_country(joined.end()):
                # "Совместной комиссии Республики Таджикистан и Исламской Республики Иран по торгово-экономическому
                # сотрудничеству": a body of the two countries, with its remit after the second
                end = second
                if (remit := RU_REMIT.match(self.text, end)) is not None:
                    end = remit.end()
            if passing and not (closed and end > m.end("head")):
                continue   # "министерства энергетики" in passing; "министерства энергетики Таджикистана" names one
            if end == m.end("head") and (not adjs or (
                    head[:1].islower() and not any(a[:1].isupper() for a in adjs)
                    and self.country_at(start, end) is None)):
                continue   # a bare "Комиссия", "Совет", "совместный фонд": a body named before, or none
            if RU_REPORTS.search(self.text, max(0, start - 25), start):
                continue   # "сообщает Государственное информационное агентство": the outlet
            if self.is_blocked(start, end) or self.overlaps_mention(start, end) and \
                    not self._longer_than_overlaps(start, end):
                continue
            name = morph.nominative_head(self.text[start:end])
            country = self.sole_country(start, end)   # (a body of two countries, "казахско-кыргызский совет")
            low = head.lower()
            kind = "ministry" if low.startswith(("министерств", "мид", "мин")) else (
                "commission" if RU_COMMISSION.match(head) else "company" if low.startswith("корпораци") else
                "fund" if low.startswith("фонд") else "chamber" if low.startswith("палат") else
                "bank" if low.startswith(("банк", "эксимбанк")) else "agency")
            ent = self.entity(_norm(name), name, kind, country)
            self.mention(start, end, ent)

    def _country_pair(self, at: int) -> int | None:
        """The end of two countries joined by "и" from `at` ("Таджикистаном и Узбекистаном"), if two are there."""
        first = self.country_from(at)
        joined = RU_AND.match(self.text, first) if first is not None else None
        return self.country_from(joined.end()) if joined is not None else None

    def _same_case_country(self, at: int) -> bool:
        """Is the country at `at` a second side of the body ("комиссии Таджикистана и | Ирана", "комиссии
        Азербайджан–Турция"), not an adjective of another phrase ("комитетом ... Таджикистана и | чешскими
        компаниями": an adjective that is no genitive)?"""
        first = RU_WORD.match(self.text, at)
        return first is None or morph.pos(first.group()) != "ADJF" or morph.genitive(first.group())

    def _person_ahead(self, w: re.Match) -> bool:
        """Do the capitalised word `w` and the next make a person's name (a first name, or a word read as a
        surname or patronymic, no country: "Марошем Шефчовичем", "Андреем Романцовым"; the particles
        inside the name passed over, "Урсула фон дер Ляйен")?"""
        from .people import particles  # (people reads organizations: imported when first asked)

        nxt = RU_WORD.match(self.text, w.end() + 1)
        for _ in range(2):
            if nxt is None or nxt.group() not in particles("ru"):
                break
            nxt = RU_WORD.match(self.text, nxt.end() + 1)
        if nxt is None or not nxt.group()[:1].isupper() or self.country_at(nxt.start(), nxt.end()):
            return False
        return any(t in p.tag for word in (w.group(), nxt.group()) for p in morph.parses(word.lower())[:2]
                   for t in morph.NAME_TAGS)

    def russian_companies(self) -> None:
        """Companies named in guillemets after their legal form or kind: "АО «Самрук-Энерго»",
        "ТОО «СемАЗ»", "АО «НК «Қазақстан темір жолы»", "Государственный концерн «Туркменгаз»"
        (kept whole), "компании «Гюбреташ»" (the name alone)."""
        for m in RU_COMPANY.finditer(self.text):
            start, end = m.start(), m.end()
            if m["kind"][:1].islower():
                start, end = m.start("quoted"), m.end("quoted")
                name = m["quoted"].strip("«»")
            else:
                name = morph.nominative_head(self.text[start:end]) if not m["form"] else self.text[start:end]
            if self.is_blocked(start, end) or (self.overlaps_mention(start, end)
                                               and not self._longer_than_overlaps(start, end)):
                continue
            ent = self.entity(_norm(name), name, "company", self.country_before(start))
            self.mention(start, end, ent)

    def repeats(self) -> None:
        """Every later mention of a name found once ('Nuclearelectrica expressed ...')."""
        forms: dict[str, str] = {}
        for ent in self.entities.values():
            for form in [ent.name, *ent.aliases]:
                if len(form) >= 2 and form.lower() not in gz.country_index():
                    forms.setdefault(form, ent.key)
        if not forms:
            return
        for start, end, form in literal_matches(self.text, sorted(forms, key=len, reverse=True)):
            if self.doc.in_body(start, end) and not self.overlaps_mention(start, end):
                self.mentions.append(Span(start, end, "org", form, forms[form]))

    def run(self) -> None:
        self.known()
        if lang.of(self.doc).by_lemma:
            self.russian_companies()
            self.russian_bodies()
        self.commissions()
        self.bodies()
        self.ministries()
        self.acronyms()
        self.suffixed()
        self.descriptors()
        self.camel()
        self.offices()
        self.listed()
        self.paired()
        self.shorter_names()
        self.bracketed_names()
        self.repeats()
        self.acronyms_of_names()
        self.mentions.sort(key=lambda s: s.start)

    def acronyms_of_names(self) -> None:
        """A known body's acronym alone ("PBC") is the article's body whose name it spells ("Pakistan
        Broadcasting Corporation", or one that gave it in brackets) where the known body is never named in full."""
        named_in_full = {m.value for m in self.known_mentions if m.text != m.text.upper()}
        bodies = [e for e in self.entities.values() if not e.known]
        moved: set[str] = set()
        for i, m in enumerate(self.mentions):
            if m.value not in self.entities or not self.entities[m.value].known or m.value in named_in_full or \
                    not ACRONYM.fullmatch(m.text):
                continue
            # (one that gave it in brackets, "Pakistan Broadcasting Corporation (PBC)", else one whose name spells it)
            own = next((e for e in bodies if m.text in e.aliases), None) or \
                next((e for e in bodies if _spells(e.name, m.text)), None)
            if own is None:
                continue
            own.add_alias(m.text)
            moved.add(m.value)
            self.mentions[i] = Span(m.start, m.end, "org", m.text, own.key)
        for key in moved - {m.value for m in self.mentions}:
            del self.entities[key]   # (the known body, named by nothing else)

    def paired(self) -> None:
        """A name that opens with a country right after another country and a dash set apart is the two
        countries' body, as if the dash joined them ("the Vietnam – Laos Inter-Governmental Committee",
        written "Vietnam-Laos"): its name opens with the first country, whose it is taken to be."""
        for k, m in enumerate(self.mentions):
            ent = self.entities.get(m.value)
            if ent is None or ent.known or self.country_from(m.start) is None:
                continue
            # (each of PAIR_DASH's matches is two or three characters)
            first = self.country_by_end.get(m.start - 3) or self.country_by_end.get(m.start - 2)
            if first is None or not PAIR_DASH.fullmatch(self.text, first.end, m.start):
                continue
            name = self.text[first.start:m.end]
            paired = self.entity(_norm(name), name, ent.kind, first.value)
            self.mentions[k] = Span(first.start, m.end, "org", name, paired.key)
            if not any(o.value == ent.key for o in self.mentions):
                del self.entities[ent.key]

    def bracketed_names(self) -> None:
        """A name in brackets right after another ("Export-Import Bank of India [Exim Bank]", "... (Exim
        Bank)") is that organization's short name: one organization, the other name an alias (into the known
        one where only one of them is known)."""
        ends = {m.end: m for m in self.mentions}
        into: dict[str, str] = {}
        for m in self.mentions:
            if m.start < 2 or self.text[m.start - 1] not in "[(" or self.text[m.end:m.end + 1] not in ("]", ")"):
                continue
            before = ends.get(m.start - 2) if self.text[m.start - 2] == " " else ends.get(m.start - 1)
            if before is None or before.value == m.value or m.value in into or before.value in into:
                continue
            long, short = self.entities.get(before.value), self.entities.get(m.value)
            if long is None or short is None:
                continue
            if short.known and not long.known:
                into[before.value] = m.value
            else:
                into[m.value] = before.value
        for key, target in into.items():
            for alias in self.entities[key].aliases:
                self.entities[target].add_alias(alias)
        self._merge(into)

    def _merge(self, into: dict[str, str]) -> None:
        """Each entity of `into` is its target's (through a chain of targets): its name an alias of the target,
        its mentions the target's."""
        for key, target in into.items():
            while target in into:
                target = into[target]
            self.entities[target].add_alias(self.entities[key].name)
            for m in self.mentions:
                if m.value == key:
                    m.value = target
            del self.entities[key]

    def shorter_names(self) -> None:
        """A body found by its pattern whose name is the end of a longer name found in the same article
        ("Joint Ministerial Commission" and "Kenya-Uganda Joint Ministerial Commission"; "Intergovernmental
        Commission for Economic Cooperation" and "Armenia-Georgia Intergovernmental Commission for Economic
        Cooperation") is that body: one organization, the shorter name an alias."""
        words = {key: ent.name.lower().replace("-", " ").split() for key, ent in self.entities.items()}
        into: dict[str, str] = {}
        for key, ent in self.entities.items():
            short = words[key]
            if ent.known or len(short) < 2:
                continue
            # (not into a name that joins two: "COSCO Shipping Corporation and Lianyungang Port Holdings Group"),
            # and a body's name may go on with its remit: "Armenia-Georgia Intergovernmental Commission | for ...",
            # "Межправительственная российско-иракская комиссия | по ..."
            longer = [k for k, w in words.items() if k != key and len(w) > len(short) and "and" not in _head(w)
                      and self.entities[k].kind == ent.kind
                      and (w[-len(short):] == short or (ent.kind in BODY_KINDS and w[:len(short)] == short
                                                        and w[len(short)] in REMIT_WORDS)
                           or (ent.kind in BODY_KINDS and _head_without_countries(w) == short))]
            if len(longer) == 1:
                into[key] = longer[0]
        self._merge(into)


def acronym_definitions(text: str) -> Iterator[re.Match]:
    """The matches of ACRONYM_DEF.finditer(text), with the pattern tried only just before each
    "(ACR)" rather than at every capital of the text. A match holds one "(": its acronym's,
    whitespace before it; its name starts at most RUN_TOKENS whitespace-separated tokens before,
    so no match starts earlier, and none reaches past the ")"."""
    pos = 0
    for tail in ACRONYM_TAIL.finditer(text):
        paren = tail.start()
        if paren < pos or not text[paren - 1:paren].isspace():
            continue
        before = text[pos:paren].rsplit(None, RUN_TOKENS)   # [the rest,] the last RUN_TOKENS tokens
        start = pos if len(before) <= RUN_TOKENS else text.find(before[1], pos + len(before[0]))
        m = ACRONYM_DEF.search(text, start, tail.end())
        if m:
            yield m
            pos = m.end()


ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,6}")


def _same_body(name: str, known: str) -> bool:
    """Is `name`, written out before an acronym, the known body's name `known` (or near it)?"""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(name.lower(), known.lower()) >= 80


def _spells(name: str, acr: str) -> bool:
    """Do the capitals of the words of `name` (small words left out) spell `acr` exactly?"""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return len(words) >= 2 and "".join(w[0] for w in words if w[0].isupper()) == acr


def _initials_fit(name: str, acr: str) -> bool:
    """Do the capitals of `name` spell `acr` (allowing skipped small words and extra letters)?"""
    caps = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", name) if w[0].isupper()
                   or w.lower() not in {"of", "and", "the", "for", "de"}).upper()
    humps = "".join(re.findall(r"[A-Z]", name))
    a = re.sub(r"[^A-Z]", "", acr.upper())
    return a in (caps, humps) or (a and caps.startswith(a[:2]) and len(a) <= len(caps) + 1)


HUMP = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")


@cache
def furniture_words() -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon("furniture_words.tsv"))


def _furniture(name: str) -> bool:
    """A camel-case run made of page furniture or of country names run together."""
    humps = [h.lower() for h in HUMP.findall(name)]
    return any(h in furniture_words() for h in humps) or \
        any(len(h) >= 4 and h in gz.country_index() for h in humps)


def _head(words: list[str]) -> list[str]:
    """The words of a name before its remit ("intergovernmental commission | on trade and ...")."""
    cut = next((i for i, w in enumerate(words) if w in REMIT_WORDS), len(words))
    return words[:cut]


def _head_without_countries(words: list[str]) -> list[str]:
    """A body's name before its remit, without the countries' words ("intergovernmental turkmen uzbek
    commission | on trade ..." -> "intergovernmental commission"): what the text calls it for short."""
    index = gz.country_index()
    return [w for w in _head(words) if w not in index]


def _joint_body(head: str, name: str) -> bool:
    """Is the body two countries hold together: a commission, committee or council that its name
    calls intergovernmental, joint, business or of cooperation?"""
    return head in ("Commission", "Council", "Committee") and \
        re.search(r"(?i)intergovernmental|joint|business|cooperation", name) is not None


REMIT = re.compile(r"\s+(?:of|for|on)\s+")   # where a body's head word gives way to its remit


def _kind_of(name: str) -> str:
    """The kind the name's head says: its last word's, or its last two words' ("Task Force"); where its remit
    follows it, the head before the remit ("Department | of Market Surveillance", "Bank | of China")."""
    suffixes = {**cues().get("head", {}), **cues().get("suffix", {})}   # ("Cabinet | of Ministers": a head's own kind)
    head = REMIT.split(name, maxsplit=1)[0]
    for part in ((head, name) if head != name else (name,)):
        words = part.split()
        kind = suffixes.get(" ".join(words[-2:])) or suffixes.get(words[-1])
        if kind:
            return kind
    return "company"


@component("organizations")
def annotate(doc: Document) -> None:
    f = Finder(doc)
    f.run()
    doc.spans["org"] = f.mentions
    doc.meta["organizations"] = f.entities
