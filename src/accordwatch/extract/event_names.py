"""An event's name: the shortest stretch of its sentence that says which event it is (SCHEMA.md).

Found from the trigger word the event was recognised by, in two directions:
    left   over the modifiers in front of it: "Enhanced Partnership and Cooperation Agreement",
           "14th India-UAE Joint Commission Meeting", "two solar power plants", "loan agreement"
    right  over its complement: "memorandum of understanding on sustainable raw materials,
           batteries, and renewable hydrogen value chains", "working group on cooperation in
           transport", "25th meeting of the Intergovernmental Kyrgyz-Russian Commission on Trade,
           Economic, Scientific, Technical and Humanitarian Cooperation", a quoted title
A bare trigger ("the talks", "signed an agreement") names nothing: None. Which words end a name
lives in data/event_name_words.tsv.
"""
from __future__ import annotations

import re
from functools import cache
from itertools import islice

from ..data import lexicon
from . import lang
from .dates import FULL_MONTH, SEASON, WEEKDAYS
from .datetext import month_number
from .patterns import POSSESSIVE_ENDS

# the capitalised end of a word glued to the one before it, as a page's caption runs into its text
GLUED_TAIL = re.compile(r"[a-z]([A-Z][a-z]*)$")
NUMERIC_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# "China–Kyrgyzstan" is one word, "16th" too
# (a plural's possessive is one word: "the ASEAN-India Foreign Ministers' Meeting"; so is a short word's
# abbreviation before a capital: "the St. Petersburg International Economic Forum")
TOKEN = re.compile(rf"{NUMERIC_ORDINAL.pattern}\b|[A-Z][a-z]\.(?=\s[A-Z])|\d[\d.,]*\d|"
                   r"\w[\w’'&\-–./]*s['’](?=\s)|\w[\w’'&\-–./]*\w|\w|"
                   r"[“”\"«»]|[^\w\s]")
# "on February 18", "of $100 million": a date or an amount after the trigger is no subject
# (an ordinal is no number: "the protocol of the 7th session")
NO_SUBJECT = re.compile(r"\s*(?:the\s+)?(?:\d(?!\d*(?:st|nd|rd|th)\b)|[$€£¥₸]|"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                        r"\.?\s+\d|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                        r"(?:this|last|next)\s+\w+\b)", re.I)
TO_VERB = re.compile(r"\bto\s+$", re.I)
TO_VERB_AHEAD = re.compile(r"\s+to\s+([a-z]+)\b")
# a month or season named next: "... in November", "... from early spring" (dates.py's words for them)
SEASON_AHEAD = re.compile(rf"\s+(?:(?:early|mid|late)[-\s]+)?(?:the\s+)?(?:{FULL_MONTH}|{SEASON}|"
                          r"(?:first|second|third|fourth|last)\s+(?:quarter|half)|end\s+of\s+(?:the\s+)?year|"
                          # "signed twinning agreements | in the past and in the recent year": when, not which
                          r"past|recent\s+(?:years?|months?|weeks?|past)|coming\s+(?:years?|months?|weeks?)|"
                          r"(?:near\s+)?future|previous\s+(?:years?|months?))\b", re.I)
FIRST_WORD = re.compile(r"\s*(\w+)")
# a sum next: "for a total of $15 billion", "for $2 million", "for about 300 million dollars"
SUM_AHEAD = re.compile(r"\s+(?:a\s+total\s+(?:value\s+|amount\s+|sum\s+)?of\s+|an?\s+(?:amount|sum|value)\s+of\s+)?"
                       r"(?:about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+|some\s+)?"
                       r"(?:(?:[$€£¥]|US\$|USD|EUR|RMB)\s?\d|"
                       r"\d[\d.,]*\s*(?:million|billion|bln|mln|bn|trillion|thousand|dollars|euros|yuan)\b)", re.I)
SIDELINES_AHEAD = re.compile(r"\s+the\s+(?:sidelines|margins)\b", re.I)
# "... on Bilateral Cooperation | with the participation of the prime minister": who took part, not the partner
PARTICIPATION_AHEAD = re.compile(r"\s+(?:the\s+)?(?:participation|presence|attendance)\b", re.I)
IN_FIELD = re.compile(r"\s*in\s+the\s+(?:fields?|areas?|spheres?)\b", re.I)
# the words a complement can open with (the `complement` words and the special openers below)
OPENERS = frozenset({"of", "on", "for", "regarding", "concerning", "towards", "toward", "to", "in", "between",
                     "near", "at"})
QUOTED = re.compile(r"\s*([“\"«])(?=[^\W_])(?![a-zа-яё])([^“”\"«»\n]{3,120})([”\"»])")   # (a title opens in capitals)
ABBREVIATION = re.compile(r"\s*\(([A-Z][\w&-]{1,11})\)")
# a meeting named only by its kind is no name ("the talks", "met")
BARE_MEETINGS = frozenset({"met", "meets", "talks", "negotiations", "visit", "trip", "meeting", "meetings",
                           "press conference", "news conference", "press briefing", "briefing"})
QUANTIFIERS = frozenset({"most", "largest", "biggest", "several", "many", "some", "various", "other", "further",
                         "more", "number", "all", "both", "each", "every", "such", "any", "new", "first-ever",
                         "multiple", "numerous"})
FIELDS = frozenset({"sectors", "areas", "fields", "spheres", "industries", "directions", "domains"})
SPEECH = frozenset({"reports", "reported", "said", "says", "told", "noted", "added", "writes", "informs"})
CURRENCY_SIGNS = tuple("$€£¥₸")
MULTIPLIERS = frozenset({"thousand", "million", "billion", "trillion", "mln", "bln", "bn"})
GLUED_MULTIPLIERS = frozenset({"m", "mn", "b", "k"})   # "a $250m deal": the letter right after the digits
MAX_LEFT = 6
MAX_LEFT_TITLED = 10
MAX_EXPANSION = 12   # words inside the brackets that spell out a short form in a name
LEFT_REACH = 110   # characters
MAX_RIGHT = 32


@cache
def _words() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in lexicon("event_name_words.tsv"):
        roles.setdefault(row["role"], set()).add(row["word"].lower())
    return {role: frozenset(words) for role, words in roles.items()}


@cache
def _ru_words() -> dict[str, frozenset[str]]:
    """data/ru/event_name_words.tsv: role -> lemmas."""
    roles: dict[str, set[str]] = {}
    for row in lang.RUSSIAN.lexicon("event_name_words.tsv"):
        roles.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in roles.items()}


def ordinal_words() -> frozenset[str]:
    """Lower-case ordinals that belong to a meeting's name ("first", "fifth", "next")."""
    return _words()["ordinal"]


def generic_triggers() -> frozenset[str]:
    """Triggers that name no object by themselves ("projects", "investment", "supplies")."""
    return _words()["generic"]


@cache
def shared_words() -> frozenset[str]:
    """The words many projects' names hold ("Development Project"), which tell no two of them apart."""
    return _words()["shared"] | _words()["generic"] | _words()["vague"]


def _is_title(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


def _ends_left(tok: str, words: dict[str, frozenset[str]]) -> bool:
    """Does this word, met going left from the trigger, end the name (it is not a modifier)?"""
    low = tok.lower()
    if not tok[:1].isalnum():
        return True
    if low in words["stop"] or low in words["complement"] or low in QUANTIFIERS:
        return True
    glued = GLUED_TAIL.search(tok)
    if glued is not None and glued.group(1).lower() in words["stop"]:
        return True   # "acuerdosThe 15th Session": a caption glued to the sentence's "The"
    if low in words["left_stop"] and (tok.islower() or low not in words["verb_left"]):
        return True   # "will open direct flights" (a verb), not "Open Skies Agreement" (a title)
    # "signed", "recently", "maintaining": verbs and adverbs, no modifiers
    return tok.islower() and len(low) > 4 and (_past_or_adverb(low, words)
                                               or (low.endswith("ing") and low not in words["noun_ing"]))


def _past_or_adverb(low: str, words: dict[str, frozenset[str]]) -> bool:
    """Does a lower-case word read as a past form or an adverb ("signed", "recently"; not the noun
    "assembly", nor the adjective "mixed")?"""
    return (low.endswith("ed") and low not in words["adjective_ed"]) or \
        (low.endswith("ly") and low not in words["noun_ly"])


def _check_openers() -> None:
    """OPENERS holds every complement word of the data file (checked by the tests)."""
    missing = _words()["complement"] - OPENERS
    if missing:
        raise ValueError(f"event_name_words.tsv complement words missing from OPENERS: {sorted(missing)}")


# (a name in straight quotes opens after a blank: the quote after a word closes a citation)
RU_TOKEN = re.compile(r"«[^»\n]{1,80}»|(?<![^\s(])\"(?=\S)[^\"\n]{1,80}\"|\d+-[а-яё]+|(?:Co|Ltd|Inc|LLC|JSC|Corp)\.|"
                      r"№\s?\d+|\w+(?:[-–]+\w+)*|[^\w\s]")
# ("дополнительное соглашение №2 к контракту ...", "протокол к соглашению ...": "к" the document it amends)
RU_JOINERS = frozenset({"о", "об", "по", "между", "и", "с", "для", "на", "к"})
# "между Грузией и Республикой | Армения": a state's name in the nominative after the word for its form
RU_STATE_FORM = re.compile(r"(?:республик|королевств|федераци|эмират|султанат|княжеств)\w*", re.I)
RU_FIELD = re.compile(r"\s+(?:сфер|област|част|направлени)\w*", re.I)   # "в сфере ...": the field, not a place
RU_COOPERATION = ("сотрудничеств", "взаимодейств", "партнерств", "партнёрств")
RU_LOWER_WORD = re.compile(r"\s+[а-яё]")
# names listed up to their last after "и": "Азербайджана и Турции", "Казахстана, Киргизии и Таджикистана"
RU_PROPER_LIST = re.compile(r"[А-ЯЁ][а-яё-]+(?:\s*,\s*[А-ЯЁ][а-яё-]+)*\s+и\s+[А-ЯЁ][а-яё-]+")
RU_WHEN_AHEAD = re.compile(r"\s+(?:[а-яё]+\s+)?(?:год|году|года|месяц\w*|недел\w*|квартал\w*|полугоди\w*|"
                           r"ближайш\w*|будущем|настоящ\w*|период\w*|течени\w*)(?!\w)")
RU_BARE = frozenset({"встреча", "переговоры", "визит", "заседание", "проект", "соглашение", "документ"})
# "контракт на поставку автобусов": what a document is for, after "на"
RU_PURPOSE = re.compile(r"\s+(?:поставк|строительств|создани|реализаци|разработк|закупк|производств|модернизаци)\w*",
                        re.I)
# "заседание совета | с участием премьер-министра", "при участии", "под председательством": who took part, not
# which; "брифинг | по итогам встречи", "визит | по приглашению президента": what it followed or who asked
RU_CIRCUMSTANCE = re.compile(r"(?:с\s+участием|при\s+участии|под\s+(?:со)?председательством|под\s+руководством|"
                             r"по\s+(?:итогам|результатам|случаю|приглашению|инициативе)|"
                             r"в\s+ходе|во\s+время|на\s+полях|"
                             # (an occasion it falls within; "в рамках ЕАЭС" may be the frame of the cooperation)
                             r"в\s+рамках\s+(?:[а-яё-]+\s+){0,2}?(?:визит|форум|заседани|саммит|встреч|переговор|"
                             r"выставк|конференци|сесси))\w*", re.I)
RU_WORTH = re.compile(r"\s+(?:\d|\$|(?:общую\s+)?сумм|(?:более|свыше|около|почти)\s)", re.I)
# "инвестируют в проект | 35 миллиардов долларов": an amount right after the name is what is put in, not which
RU_AMOUNT_AHEAD = re.compile(r"\d[\d\s]*(?:,\d+)?\s*(?:млн|млрд|трлн|тыс|миллион|миллиард|триллион)", re.I)
# "этому контракту", "аналогичное соглашение": the words point to an event told elsewhere, they name none
RU_DEICTIC = re.compile(r"^(?:эт|тот|того|тому|тем|той|ту|те|тех|тем|та|то|данн|указанн|подписанн|аналогичн|подобн|"
                        r"нынешн|текущ|предстоящ|"
                        r"друг|таки|такой|такого|такому|таком|такая|такую|такое|сво|наш|ваш|"
                        # "ряд документов, среди | которых соглашения": a relative word, the clause's link
                        r"котор|как|чь)\w*$|"
                        # "во время моего визита": whose, not which
                        r"^(?:мой|моего|моему|моим|моём|моем|моя|моей|мою|моё|мое|мои|моих|моими|его|её|ее|их)$", re.I)
# a count after "и": another item of a list of documents ("и три кредитных соглашения", "и 5 меморандумов")
RU_COUNT_AHEAD = re.compile(r"\s+(?:\d+|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько|ряд)\s", re.I)
# (and a number in Roman numerals: "XVI заседание")
ORDINAL_RU = re.compile(r"(?i:\d+-(?:е|го|й|м|ом|ое|ая|ой)$|^(?:перв|втор|трет|очередн|следующ)\w*$)|^[IVXL]{1,7}$")


RU_DATE_AHEAD = re.compile(r"(?:19|20)\d\d\b|[0-3]?\d\s+([а-яё]+)", re.I)


def _date_ahead(text: str, at: int, hi: int) -> bool:
    """Does a date ("1 января", "2018 года") begin at `at`?"""
    from .dates_ru import month_of

    m = RU_DATE_AHEAD.match(text, at, hi)
    return m is not None and (m.group(1) is None or month_of(m.group(1)) is not None)


def _month_word(word: str) -> bool:
    from .dates_ru import months

    return months()[0].fullmatch(word) is not None


def _where(words: str) -> bool:
    """Do the English words open with a place or a country of the gazetteer (of up to three words: "New
    Delhi"), or a weekday or a month (a when)?"""
    from .gazetteer import country_index, place_index

    low = words.lower().split()
    places, countries = place_index("en"), country_index()
    if not low:
        return False
    if month_number(low[0]) is not None or low[0] in WEEKDAYS:
        return True
    return any(" ".join(low[:n]) in places or " ".join(low[:n]) in countries for n in (1, 2, 3))


def _place(word: str) -> bool:
    """Is the Russian word a place of the gazetteer, in any case ("Улан-Баторе")?"""
    from .gazetteer import place_index
    from .morph import lemma

    return lemma(word) in place_index("ru")


@cache
def _document_words() -> frozenset[str]:
    """The Russian words, in any case, of documents (the agreement triggers: "соглашения", "меморандум")."""
    from . import morph

    terms = [row["term"] for row in lang.RUSSIAN.lexicon("event_triggers.tsv") if row["type"] == "agreement"
             and " " not in row["term"]]
    return frozenset(p.word for t in terms for form in morph.parses(t)[:1] for p in form.lexeme)


def name_span_by_words(text: str, lo: int, hi: int, start: int, end: int, etype: str) -> tuple[int, int] | None:
    """The name of an event in a language whose words say their part of speech (Russian, through
    morph.py): the adjectives and ordinal before the trigger ("18-го заседания", "совместного
    бизнес-форума") and the words that depend on it after ("меморандум о взаимопонимании и
    сотрудничестве между ...", "заседания межправительственной комиссии по сотрудничеству",
    «quoted titles»), up to a verb, an adverb or a full stop."""
    from . import morph

    lo, hi = max(lo, start - 100), min(hi, end + 300)
    trigger = text[start:end].split()[0]
    if start > lo and text[start - 1] == "«" and text[end:end + 1] == "»":
        start, end = start - 1, end + 1   # "«дорожная карта» развития ...": the trigger in quotes, its words after
    left = start
    before = [m for m in RU_TOKEN.finditer(text, lo, start)]
    for m in reversed(before[-4:]):
        word = m.group()
        if RU_DEICTIC.match(word):
            break
        if etype != "meeting" and ORDINAL_RU.search(word):
            break   # "второе соглашение": a count, not a name (a meeting's ordinal is: "18-е заседание")
        if ORDINAL_RU.search(word) or (morph.pos(word) in ("ADJF", "PRTF") and morph.may_agree(word, trigger)) or \
                ("-" in word and word[:1].isupper() and not word.isupper() and not _place(word)):
            # (a hyphenated name may open it, "Бизнес-форума"; a place does not: "в Улан-Баторе | производства")
            # (an adjective in another case is no part of the name: "считает успешным | визит")
            left = m.start()
        else:
            break
    right = end
    count = 0
    word = ""
    # a word that no preposition governs depends on the noun before it in the genitive ("заседание
    # комиссии", "визит президента"); in another case it starts what the clause says of the event
    # ("назвал визит | поворотным пунктом"). After a preposition or "и", any case.
    governed = False
    taken: list[tuple[int, str | None]] = []   # (end, part of speech) of each word taken into the name
    apposed = False   # inside a state's name after the word for its form
    for m in RU_TOKEN.finditer(text, end, hi):
        prev, word = word, m.group()
        count += 1
        if count > 25 or word in (".", ";", ":", "!", "?", "(", ")", "—", "–"):
            break
        if word == ",":
            # "по торгово-экономическому, научно-техническому и культурному сотрудничеству": a comma
            # between adjectives of one noun goes on
            nxt = RU_TOKEN.match(text, m.end() + (1 if text[m.end():m.end() + 1] == " " else 0))
            if nxt is not None and count > 1 and morph.pos(nxt.group()) == "ADJF" and morph.pos(prev) == "ADJF":
                continue
            if nxt is not None and prev[:1].isupper() and RU_PROPER_LIST.match(text, nxt.start()) and \
                    morph.genitive(prev) and morph.genitive(nxt.group()):
                continue   # "саммите Туркменистана, | Азербайджана и Турции": the list of its members goes on
            break
        low = word.lower()
        if word[:1].isupper() and (RU_STATE_FORM.fullmatch(prev) or (apposed and morph.pos(prev) == "ADJF")):
            # ("Республикой Армения", "Королевством Саудовская Аравия": the name apposed to the form)
            apposed = True
            right = m.end()
            taken.append((right, None))
            continue
        if apposed and word[:1].isupper():
            break   # "... и Республикой Армения | Пашинян назвал": the state's name is whole, a new clause starts
        apposed = False
        if etype == "meeting" and low in _document_words():
            break   # "на полях саммита ШОС | соглашения на ...": what was signed there, not the meeting's name
        if (len(word) > 1 and word.startswith(("«", '"'))) or (word[:1].isascii() and word[:1].isalpha()) or \
                (word.isupper() and len(word) <= 6):
            right = m.end()   # a quoted title, a Latin company name, a short form ("Правительством КР")
            taken.append((right, None))
            continue
        if low.startswith("котор"):
            break   # "комиссия, заседание которой состоялось": a relative clause, no name
        if RU_CIRCUMSTANCE.match(text, m.start()):
            break
        if low == "на" and RU_WORTH.match(text, m.end()):
            break   # "соглашение о кредите | на 100 миллионов евро": its worth, not which one
        if low == "и" and RU_COUNT_AHEAD.match(text, m.end()):
            break   # "... о выделении кредита | и три кредитных соглашения": the next documents of a list
        if low == "и" and (nxt := RU_TOKEN.match(text, m.end() + 1)) is not None and \
                nxt.group().lower() in _document_words():
            break   # "соглашение о воздушном сообщении | и соглашение в сфере образования": the next document
        if low in RU_JOINERS or (low in ("в", "во") and (RU_FIELD.match(text, m.end()) or
                                                        prev.lower().startswith(("изменени", "дополнени")) or
                                                        (prev.lower().startswith(RU_COOPERATION) and
                                                         RU_LOWER_WORD.match(text, m.end()) and
                                                         not RU_WHEN_AHEAD.match(text, m.end())))):
            # ("протокол о внесении изменений | в соглашение ...": the document it amends; "о сотрудничестве |
            # в энергетике": the field of the cooperation, not a place or a time)
            governed = True
            if right == end and low in ("и", "с", "на") and not (low == "на" and RU_PURPOSE.match(text, m.end())) \
                    and not (low == "и" and " " in text[start:end]):
                # "и" right after the trigger starts a new phrase ("на сумму": its worth follows);
                # after a trigger of several words it joins its complement ("меморандум о
                # взаимопонимании и сотрудничестве")
                break
            continue
        if word[:1].isdigit() and RU_AMOUNT_AHEAD.match(text, m.start()):
            break
        if word[:1].isdigit() and _date_ahead(text, m.start(), hi):
            break   # "... между Грузией и Китаем 1 января 2018 года": when, not which
        if _month_word(low):
            break   # "сервис между портами Актау и Поти с сентября": from when, not which
        if morph.clause_subject(word):
            break   # "в ходе встречи лидеры обсудили": the subject of a new clause, which no name governs
        tag = morph.pos(word)
        if tag in ("NOUN", "ADJF", "PRTF", "NUMR") or word[:1].isdigit() or word.startswith("№"):
            if tag in ("NOUN", "ADJF") and not governed and (
                    (word[:1].islower() and not morph.genitive(word))
                    or (taken and taken[-1][0] == m.start() - 1 and text[m.start() - 2] in "»\"")):
                break   # (a capital after a quoted title opens a new clause: "форума «...» | Азербайджан подписал")
            if tag == "NOUN":
                governed = False
            right = m.end()
            taken.append((right, tag if word.islower() else None))
            continue
        break
    while taken and taken[-1][1] == "ADJF":
        # "бизнес-форума узбекской | стороной": an adjective whose noun is not the name's ends no name
        taken.pop()
        right = taken[-1][0] if taken else end
    if left == start and right == end:
        lemmas = " ".join(morph.lemma(w) for w in text[start:end].lower().split())
        return (start, end) if lemmas in _ru_words()["self_named"] else None
    if left == start and text[start:end].lower() in RU_BARE and right - end < 3:
        return None
    if right == end and left < start and " " not in text[start:end]:
        words = _ru_words()
        if morph.lemma(trigger.lower()) in words["kind"] and \
                all(morph.lemma(w.lower()) in words["vague"] for w in text[left:start].split()):
            return None   # "официальных переговоров", "хорошая встреча", "четыре новых документа": kinds, not names
    return left, right


def name_span(text: str, lo: int, hi: int, start: int, end: int, etype: str,
              by_words: bool = False) -> tuple[int, int] | None:
    """(start, end) of the name of the event whose trigger is text[start:end], within the
    sentence text[lo:hi]; None when the trigger alone is all the text says of it."""
    if by_words:
        return name_span_by_words(text, lo, hi, start, end, etype)
    words = _words()
    trigger = text[start:end]
    low = trigger.lower()
    if low.rsplit(" ", 1)[-1] in ("met", "meets", "meet"):   # (and "will meet", "may meet")
        return None   # a verb: the meeting's name, if any, is elsewhere
    opens = lo   # where the sentence opens
    lo, hi = max(lo, start - LEFT_REACH), min(hi, end + 300)   # no name reaches further
    toks = [(m.start(), m.group()) for m in TOKEN.finditer(text, lo, start)]
    if toks and toks[0][0] == lo and lo > 0 and text[lo - 1].isalnum():
        del toks[0]   # (the end of a word cut by the reach)
    left = _left(text, toks, start, trigger, etype, words, opens)
    if left < start:
        # the words from `left` on (a word's start, or a word's after "and "): as TOKEN reads them from there
        modifiers = [t for a, t in toks if a >= left]
        # (so is one whose trigger holds its kind in lower case: "four-day official visit")
        bare = low in BARE_MEETINGS or (" " in low and low.split()[-1] in BARE_MEETINGS and trigger.islower())
        if bare and not any(_is_title(t) or t.lower() in words["ordinal"] for t in modifiers):
            left = start   # "three-day visit", "wide-ranging talks": kinds of meeting, not names
        elif low in words["generic"] and all(t.lower() in words["vague"] for t in modifiers):
            left = start   # "joint projects", "possible supplies": kinds, not names
        elif all(t.lower() in words["deictic"] for t in modifiers):
            left = start   # "a similar agreement", "another memorandum": which one is said elsewhere
    takes_object = low in words["takes_object"] or low.endswith(" of") or (
        low in ("supply", "deliver") and TO_VERB.search(text, max(lo, start - 4), start) is not None)
    right = _right(text, end, hi, etype, words, title=_is_title(trigger) or left < start, opened=takes_object,
                   generic=low in words["generic"], named=all(w[:1].isupper() for w in text[left:end].split()))
    if right == end and low in words["kind"] and all(t.lower() in words["vague"] for a, t in toks if a >= left):
        return None   # "signed bilateral documents", "new agreements": kinds, not names
    if left == start and right == end and low not in words["self_named"]:
        return None
    return left, right


ARTICLE = re.compile(r"\s*(?:(?:a|an|the)\s+)?", re.I)


def object_span(text: str, at: int, hi: int) -> tuple[int, int] | None:
    """The object of the verb that ends at `at` ("to establish | a joint investment company in
    Turkmenistan"), as far as a name's complement runs, without its article; None if none follows."""
    right = _right(text, at, min(hi, at + 300), "project", _words(), title=False, opened=True)
    begin = ARTICLE.match(text, at).end()
    return (begin, right) if right > begin else None


def _expansion_opens(toks: list[tuple[int, str]], close: int) -> int | None:
    """The index of the "(" whose ")" is toks[close], where the brackets spell out the short form
    before them ("SCO (Shanghai Cooperation Organisation)", "I2U2 (India, Israel, the UAE and the
    US)"): a short form in capitals, a few words inside opening with a capital, no number."""
    j = close - 1
    while j > 0 and close - j <= MAX_EXPANSION and toks[j][1] not in "()":
        j -= 1
    inside = [t for _, t in toks[j + 1:close]]
    if j < 1 or toks[j][1] != "(" or not inside or not inside[0][:1].isupper() or \
            any(t[:1].isdigit() for t in inside):
        return None
    short = toks[j - 1][1]
    return j if len(short) >= 2 and short.isupper() else None


def _left(text: str, toks: list[tuple[int, str]], start: int, trigger: str, etype: str,
          words: dict[str, frozenset[str]], opens: int = 0) -> int:
    """Where the name begins, from the words (start, text) before the trigger, in a sentence that
    opens at `opens`."""
    begin = start
    taken = 0
    titled = True   # every word taken so far in title case (or a small word of a title)
    i = len(toks) - 1
    while i >= 0 and taken < MAX_LEFT_TITLED:
        a, tok = toks[i]
        low = tok.lower()
        if taken >= MAX_LEFT and not (titled and (tok[:1].isupper() or NUMERIC_ORDINAL.fullmatch(low))):
            break   # (a name in title case runs further: "12th Peru-Chile Inter-Governmental Joint ... Commission")
        if titled and taken and trigger[:1].isupper() and tok[:1].islower() and low not in ("and", "of") \
                and low not in words["ordinal"]:
            break   # "a landmark | Comprehensive Economic Partnership Agreement": a title opens at its first capital
        titled = titled and (tok[:1].isupper() or low in ("and", "of"))
        if tok == ")" and i >= 2 and toks[i - 2][1] == "(" and toks[i - 1][1].isupper():
            i -= 3   # "Joint Trade Committee (JTC) | meeting": a short form inside the name
            continue
        if tok == ")" and (opening := _expansion_opens(toks, i)) is not None:
            i = opening - 1   # "the I2U2 (India, Israel, the UAE and the US) | summit": a short form spelt out
            continue
        if low == "and":
            # "Partnership and Cooperation Agreement": only inside a name in title case, or between two
            # subjects ("trade and economic cooperation agreement")
            if not (_is_title(text[begin:start] or trigger) and i > 0 and toks[i - 1][1][:1].isupper()) and \
                    not (i > 0 and toks[i - 1][1].lower() in words["coordinated"] and begin < start
                         and text[begin:start].split(None, 1)[0].lower() in words["coordinated"]):
                break
        elif low in words["ordinal"] or (etype == "meeting" and NUMERIC_ORDINAL.fullmatch(low)):
            # ("the 12th Term JEC Protocol": a document's numbered name takes its number as any word)
            if etype == "meeting":
                begin = a   # "first meeting", "16th session": the ordinal opens a meeting's name
            break           # "second agreement": a count, not a name
        elif _ends_left(tok, words):
            break
        elif a == opens and tok[1:].islower() and (toks[i + 1][1] if i + 1 < len(toks) else trigger)[:1].islower() \
                and _ends_left(low, words):
            break   # "Signed agreements between ...": a verb that opens the sentence, not a title
        elif etype == "meeting" and ((tok.isdigit() and not text[a + len(tok):a + len(tok) + 1].isalpha())
                                     or month_number(tok) is not None):
            break   # "the October 12 visit", "their 2014 talks": when, not which
        elif etype in ("agreement", "project") and (
                low in MULTIPLIERS or (tok[:1].isdigit() and text[a - 1:a] in CURRENCY_SIGNS)
                or (low in GLUED_MULTIPLIERS and text[a - 1:a].isdigit())):
            # "a $2.4 billion deal", "a $20 billion joint investment programme": what it is worth, not which
            # ("26 commercial agreements" says which)
            break
        if tok.endswith(POSSESSIVE_ENDS):
            break   # "Tuesday's meeting", "the committee's session"
        if text[a - 2:a - 1].isdigit() and text[a - 1:a] in "-–":
            break   # "a 45-year contract", "a 10-year loan": how long it runs, not which
        begin = a
        taken += 1
        i -= 1
    # a name never opens with "and"
    while begin < start and text[begin:begin + 4].lower() == "and ":
        begin += 4
    return begin


@cache
def _english_documents() -> frozenset[str]:
    """The one-word agreement triggers ("agreement", "memorandum", "MoUs"), in lower case."""
    return frozenset(row["term"].lower() for row in lexicon("event_triggers.tsv")
                     if row["type"] == "agreement" and " " not in row["term"])


def _document_next(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Does a document word (after an article or a count) stand at toks[k]?"""
    while k < len(toks) and (toks[k][2].lower() in ("a", "an", "the") or toks[k][2].isdigit()):
        k += 1
    return k < len(toks) and toks[k][2].lower() in _english_documents()


def _right(text: str, end: int, hi: int, etype: str, words: dict[str, frozenset[str]], title: bool,
           opened: bool = False, generic: bool = False, named: bool = False) -> int:
    q = QUOTED.match(text, end, hi)
    if q:   # Business Seminar “Kazakhstan: New Economic Opportunities ...”
        return q.end()
    # "a working group to prepare ...", "projects to upgrade the route": what the body or work is to do
    # names it; "agreements to further cement ties" says what the documents are for, no name
    # (a body named in title case has its name: "a Bi-National Commission | to expand cooperation")
    to_opens = (etype == "working_group" and not named) or (generic and etype != "agreement")
    stop = end
    ab = ABBREVIATION.match(text, end, hi)
    if ab:   # "Free Trade Agreement (FTA)"
        stop = ab.end()
    fm = FIRST_WORD.match(text, stop, hi)
    first_word = fm[1].lower() if fm else ""
    # "a protocol to avoid double taxation": what it does is its subject
    to_subject = etype == "agreement" and first_word == "to" and \
        (verb := TO_VERB_AHEAD.match(text, stop, hi)) is not None and verb[1].lower() in words.get("subject_verb", ())
    to_opens = to_opens or to_subject
    if not opened and not (first_word in words["complement"] or first_word == "between"
                           or (first_word == "to" and to_opens)
                           or (first_word == "in" and (generic or etype == "project" or IN_FIELD.match(text, stop)))
                           or (first_word in ("at", "near") and etype == "project")):
        return stop   # no complement opens here: most triggers, spared the tokenizing below
    toks = [(m.start(), m.end(), m.group()) for m in islice(TOKEN.finditer(text, stop, hi), MAX_RIGHT + 8)]
    if not toks:
        return stop
    first = toks[0][2].lower()
    if NO_SUBJECT.match(text, toks[1][0] if len(toks) > 1 else hi, hi):
        return stop
    opens = first in words["complement"] or to_subject or (
        etype == "working_group" and first == "to" and len(toks) > 1 and toks[1][2].islower()) or (
        first == "in" and len(toks) > 3 and toks[1][2].lower() == "the"
        and toks[2][2].lower() in ("field", "area", "sphere", "areas", "fields", "spheres"))
    if first == "between":
        # "container service between the ports of Aktau and Poti": where a project runs is its object
        opens = etype == "project" or _between_then_subject(toks, words)
    if generic and first == "in" and len(toks) > 2 and (toks[1][2].lower() in words["vague"] or toks[1][2].lower()
                                                          in QUANTIFIERS) and toks[2][2].lower() in FIELDS:
        return stop   # "joint projects in various sectors": no object, only where
    if generic and (first == "in" or (first == "to" and to_opens)) and len(toks) > 2 and (
            toks[1][2].lower() not in words["stop"] or toks[1][2].lower() in ("the", "a", "an")):
        # "joint projects in maritime logistics", "investment in acquiring ...", "projects to
        # upgrade the route", "supplies to the Kazakh market"
        opens = True
    if etype == "project" and first in ("in", "near", "at") and len(toks) > 1 and toks[1][2][:1].isupper():
        opens = True   # "a car assembly plant in Almaty": where the object is belongs to its name
    if opened and (first not in words["stop"] or first in ("the", "a", "an")):
        # the object of a verb trigger: "acquiring the Rompetrol company", "construction of a plant"
        toks.insert(0, (stop, stop, "of"))
        opens = True
    if not opens:
        return stop
    last = stop
    prev = ""
    inside = -1   # the end of a parenthesis taken whole: "Free Trade Agreement (EVFTA)'s Trade Committee"
    for k, (a, b, tok) in enumerate(toks[:MAX_RIGHT]):
        if a < inside:
            continue
        low = tok.lower()
        if tok in ("–", "-") and prev[:1].isdigit() and k + 1 < len(toks) and toks[k + 1][2][:1].isdigit() \
                and toks[k + 1][0] == b:
            prev = tok   # "for 2024–2026": a span of years
            continue
        if low == "and" and k + 1 < len(toks) and toks[k + 1][2].islower() and (
                toks[k + 1][2] in words.get("clause_verb", ())
                or (k + 2 < len(toks) and toks[k + 2][2].lower() == "to")):
            break   # "... raw materials and aim to ...", "... on science and start training courses": a new clause
        if low == "and" and etype != "agreement" and _document_next(toks, k + 1):
            break   # "the 5th session of the commission | and an Agreement on ...": the next item, a document
        if low == "and" and etype == "agreement" and to_subject and \
                any(t.lower() in _english_documents() for _, _, t in toks[k + 1:k + 5]):
            break   # "a protocol to avoid double taxation | and a framework of agreement": the next document
        if tok == "-" and text[a - 1:a].isspace() and text[b:b + 1].isspace():
            break   # "two declarations of intent - highlights ...": a dash set apart ends the name
        if tok in (".", ";", ":", "!", "?", "—", "–", "(", ")") or tok in "“”\"«»":
            if tok == "(":
                close = text.find(")", a, min(hi, a + 40))
                if close != -1 and k > 0:
                    last = inside = close + 1
                    prev = ")"
                    j = next((i for i in range(k + 1, len(toks)) if toks[i][0] >= last), len(toks))
                    if j + 2 < len(toks) and toks[j][2] == "and" and toks[j + 1][2][:1].isupper() and \
                            toks[j + 2][2] in words["stop"]:
                        break   # "... on Transit Trade (AUPTT) | and Uzbekistan would ...": a new clause
                    continue
            break
        if tok == ",":
            if (k > 0 and toks[k - 1][2] == ")") or not _list_goes_on(toks, k, words, title):
                break   # (a short form in brackets closes the name it spells: "... Cooperation (FOCAC), Kenya and")
            prev = ","
            continue
        if low in ("the", "a", "an") and prev in words["complement"] | {"in", "between", "and", "to", "with",
                                                                    "of", "into", "within", "across"}:
            prev = low
            continue
        if low == "to" and to_opens and k == 0:
            prev = low
            continue
        if prev == "to" and k == 1 and to_opens and low not in ("the", "a", "an"):
            last, prev = b, "of"   # "working group to prepare a ...": the verb, then its object
            continue
        if low in ("in", "from") and SEASON_AHEAD.match(text, b, hi):
            break   # "direct flights between Almaty and Tashkent in November": when, not which
        if low in ("for", "worth", "totalling", "totaling") and SUM_AHEAD.match(text, b, hi):
            break   # "agreements on priority projects for a total of $15 billion": what they are worth, not which
        if low == "on" and SIDELINES_AHEAD.match(text, b, hi):
            break   # "an MoU | on the sidelines of the meeting": where it was signed, not what it is on
        if low in ("in", "on", "at") and k > 0 and (NO_SUBJECT.match(text, b, hi) or (
                etype != "project" and k + 1 < len(toks) and toks[k + 1][2][:1].isupper()
                and (low != "on" or not (title or toks[k - 1][2][:1].isupper()))
                and not (low == "in" and title and toks[k - 1][2][:1].isupper()
                         and not _where(" ".join(t for _, _, t in toks[k + 1:k + 4]))))):
            # ("meeting of the Joint Commission | on Economic Cooperation": a name in title case goes on over "on";
            # so does one over "in" and a word that names no place: "Agreement for Traffic in Transit")
            break   # "... in Tashkent on Monday": where and when it happened, not what it is
        if low.endswith("ing") and prev in words["complement"]:
            last, prev = b, "ing"   # "memorandum on setting up a ... platform": a gerund subject
            continue
        if prev == "ing" and low in ("a", "an", "the", "up", "out"):
            prev = "ing" if low in ("up", "out") else low
            continue
        if low == "between" or low == "with":
            if low == "between" and k == 0 or (low == "with" and prev in ("cooperation", "opportunities")
                                               and not PARTICIPATION_AHEAD.match(text, b, hi)):
                prev = low
                continue
            break
        if k > 0 and (low in words["stop"] or low in words["verb_ing"]):
            break
        if k > 0 and tok.islower() and len(low) > 4 and _past_or_adverb(low, words) and not (
                low.endswith("ed") and prev in ("on", "of", "for", "in") and k + 1 < len(toks)
                and toks[k + 1][2].isalpha() and toks[k + 1][2].islower() and toks[k + 1][2] not in words["stop"]):
            break   # (after a preposition and before a noun, an -ed word is an adjective: "on allied relations")
        if low in ("and", "in", "of", "on", "for", "to"):
            prev = low   # (a name never ends with one: "a meeting of | their commission")
            continue
        last = b
        prev = low
    return last


def _between_then_subject(toks: list[tuple[int, int, str]], words: dict[str, frozenset[str]]) -> bool:
    """"memorandum between the ministries on ...": the parties are part of the name only when
    the document's subject follows them in the clause."""
    for _, _, tok in toks[1:24]:
        low = tok.lower()
        if tok in (".", ";", ",") or (low in words["stop"] and low not in ("the", "a", "an")):
            return False
        if low in ("on", "regarding", "concerning"):
            return True
    return False


TITLE_JOINERS = frozenset({"of", "the", "on", "in", "for", "and", "or"})   # lower-case words inside a title


def _list_goes_on(toks: list[tuple[int, int, str]], k: int, words: dict[str, frozenset[str]], title: bool) -> bool:
    """After a comma inside a complement: another item of a list ("raw materials, batteries, and
    renewable hydrogen", "Trade, Economic, Scientific, Technical and Humanitarian Cooperation")
    goes on; a new clause (", which", ", officials said") ends the name."""
    rest = toks[k + 1:k + 8]
    if not rest:
        return False
    nxt = rest[0][2]
    low = nxt.lower()
    if low in words["stop"] or low in words["verb_ing"] or not nxt[:1].isalnum():
        return False
    if low == "and":
        # (", and other issues of mutual interest": what else was done, no item of the name; ", and an
        # administrative agreement": another document of the list)
        return len(rest) < 2 or rest[1][2].lower() not in words["deictic"] | {"a", "an"}
    if any(t.lower() in SPEECH for _, _, t in rest[:4]):
        return False   # ", Trend reports", ", the minister said": a new clause
    if title and nxt[:1].isupper():
        # (but ", Rahmani Fazli voiced satisfaction": a name and its verb, a new clause)
        for _, _, tok in rest[1:]:
            if tok.lower() in ("and", "or") or not tok[:1].isalnum():
                return True
            if tok[:1].islower() and tok not in TITLE_JOINERS:
                return False
        return True
    for _, _, tok in rest[1:]:
        if tok.lower() == "and":
            return True
        if tok in (".", ";", ":") or tok.lower() in words["stop"]:
            return False
    return False
