"""People with their titles and countries.

    Kazakh Energy Minister Almasadam Satkaliyev          title before the name
    Roman Vassilenko, Deputy Foreign Minister of Kazakhstan, said   title after the name
    "...," said Tileuberdi                               a bare surname joined to the full name
    SOCAR President Rovshan Najaf                        country from the organization in the title

A sentence is cut into words; each word is an entity word (inside a country, bloc or
organization span), a title word (from the titles lexicon and data/title_words.tsv), a
connector (of, for, and, the), a name-like word, or other. Title words followed by name words
make a person; the country comes from the title's country words, its organization, the
known-people list, or the article's dateline.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..data import lexicon, split
from ..document import Document, Span
from . import gazetteer as gz
from . import lang, morph
from .datetext import MONTHS
from .organizations import closing_heads, institution_heads
from .parties import main_parties
from .patterns import POSSESSIVE_ENDS, alternation, literal_matches, without_possessive
from .pipeline import component

PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "into", "near", "outside", "across", "via", "for"})
BRACKET_IN_TITLE = re.compile(r"\s*\([^()]*(?:\)|$)")
BRACKETED = re.compile(r"\([A-ZА-ЯЁ]{2,}(?:\s[A-ZА-ЯЁ]{2,})?\)")
WORD = re.compile(r"[^\W\d_](?:[\w'’.]*[^\W_])?(?:-[^\W\d_][\w'’]*)*|\d+|[^\w\s]")
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "at", "in", "to"})
RU_CONNECTORS = frozenset({"и", "по"})
# the word before a country's name that goes with it ("President of the Republic of Kazakhstan")
REPUBLIC = frozenset({"Republic", "Республики", "Республика", "Республике"})
USE_DATELINE_FALLBACK = False
EU_OFFICE = re.compile(r"\bEuropean\s+(?:Commission|Commissioner|Council|Parliament|External\s+Action)")


@cache
def particles(code: str) -> frozenset[str]:
    """The lower-case words inside people's names of a language (name_particles.tsv: "bin", "von", "да")."""
    return frozenset(row["particle"] for row in lang.LANGUAGES[code].lexicon("name_particles.tsv"))

SPEECH_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|says|noted|notes|added|adds|stressed|stresses|emphasized|"
                          r"emphasised|told|stated|explained|announced|highlighted|pointed\s+out|remarked|"
                          r"underlined|underscored|recalled|observed)\b")
# \b(?:said|says|...|emphasi[sz]ed|...|according)\b, grouped by first letter with the boundary before
# checked after the word (patterns.alternation): the engine skips ahead to the words' letters
SPEECH_ANYWHERE = re.compile("(?:" + alternation(
    ("said", "says", "noted", "notes", "added", "adds", "stressed", "stresses", "emphasised", "emphasized", "told",
     "stated", "explained", "announced", "highlighted", "pointed", "remarked", "underlined", "underscored",
     "recalled", "observed", "according"), boundary_before=True) + r")\b")
# a run of two or more capitalised words, and its words: where a full name may stand
CAPITAL_RUN = re.compile(r"[A-ZА-ЯЁ][\w'’-]*(?:[ \u00a0]+[A-ZА-ЯЁ][\w'’-]*)+")
NAME_TOKEN = re.compile(r"\S+")
CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-ZА-ЯЁ][\w'’-]{3,}")
# the endings of abstract nouns, which end an office's name ("Enlargement Negotiations"), never a first name
NOMINAL = re.compile(r"(?:tions?|ments?|ships?|ities|ity)$")
REGNAL = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})")
PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|ibn|bin|ben|de|da|di|du|van|von)-[A-Z][a-z]|"
                           r"(?:аль|эль|ад|ас|аш|ат|аз|ибн|бин|бен|де|да|ди|дю|ван|фон)-[А-ЯЁ][а-яё]")   # "ас-Сиси"
INITIAL_NEXT = re.compile(r"\.?\s[A-Z][a-z]")
# "his visiting Egyptian counterpart Abdel Fattah al-Sisi": a person with the title of the one
# whose counterpart they are (the words for a counterpart: data/counterpart_words.tsv)
# "... before greeting his | counterpart": a clause of the sentence's subject, whose counterpart it is
GERUND_POSSESSIVE = re.compile(r"\b(?:before|after|while|when|by)\s+[a-z]+ing\s+(?:his|her|their)\b[^,;.]*$")
FROM_WORDS = frozenset({"from", "из"})   # "his counterpart from Oman", "коллегой из Омана"
VISITING = frozenset({"visiting"})   # "his visiting counterpart": the other one is the host
# "с российской стороны", "from the Kazakh side": which side an official is on, no part of the office
SIDE_FROM = frozenset({"с", "со", "from"})
SIDE = frozenset({"стороны", "side"})
BOTH_SIDES = frozenset({"двух", "обеих", "обоих", "стран", "государств", "республик", "сторон", "of", "the", "two",
                        "both", "countries", "nations", "republics", "sides"})
# a title in the plural before two people: "the Energy Ministers of Kazakhstan and Poland,
# Arman Dauletov and Anna Nowak" -> each an Energy Minister of one of the countries, in order
PLURAL_TITLES = ("Ministers", "Presidents", "Ambassadors", "Chairmen", "Chairs", "Co-chairs", "Co-Chairs", "Cochairs",
                 "Heads", "Governors", "Mayors", "Secretaries", "Envoys", "Leaders", "Commissioners", "Premiers",
                 "Speakers")
PLURAL_TITLE = re.compile(rf"(?:{alternation(PLURAL_TITLES, boundary_before=True)})\b")
SPEECH_BEFORE = re.compile(r"(?:\bsaid|\bsays|\bnoted|\badded|\bstressed|\bemphasized|\baccording\s+to)\s*$")


@cache
def name_suffixes(code: str) -> frozenset[str]:
    """The lower-case words that end people's names of a language (name_suffixes.tsv: "uulu", "кызы")."""
    return frozenset(row["suffix"] for row in lang.LANGUAGES[code].lexicon("name_suffixes.tsv"))


@cache
def delegation_cues(code: str, person: str = "after") -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """A language's (before, after) patterns of the words around a country whose delegation a person heads
    (data/delegation_cues.tsv): with the title that follows (`person` after, the rows with no `person`), or
    named before the words (`person` before: "X led | the | Nepali | delegation", `before` running from the
    name to the country)."""
    return tuple((re.compile(row["before"], re.I), re.compile(row["after"], re.I))
                 for row in lang.LANGUAGES[code].lexicon("delegation_cues.tsv")
                 if (row.get("person") or "after") == person)


@cache
def surname_endings() -> tuple[str, ...]:
    """The endings of Russian surnames (data/ru/surname_endings.tsv: "ов", "ева", "ский")."""
    return tuple(row["ending"] for row in lang.RUSSIAN.lexicon("surname_endings.tsv"))


@cache
def visit_cues(code: str) -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """A language's (before, between) patterns of the words around the place a visitor with the title
    that follows came to (data/visit_cues.tsv)."""
    return tuple((re.compile(row["before"], re.I), re.compile(row["between"], re.I))
                 for row in lang.LANGUAGES[code].lexicon("visit_cues.tsv"))


DELEGATION_REACH = 60   # "the delegation of Hungary was headed by the | Vice Prime Minister": the country this near
# the words between one member of a delegation (from their title on) and the title of the next one listed
MEMBER_NEXT = re.compile(r"[^.;:!?()]*?(?:,\s+|\s+(?:and|и)\s+)(?:the\s+)?$")


@cache
def counterpart_words(code: str) -> tuple[frozenset[str], re.Pattern]:
    """A language's words for a counterpart (data/counterpart_words.tsv; lemmas where words are compared
    by lemma), and a pattern for where one may stand: their stems (a lemma without its last letter:
    "коллег" finds "коллегой")."""
    language = lang.LANGUAGES[code]
    words = frozenset(row["word"] for row in language.lexicon("counterpart_words.tsv"))
    stems = sorted({w[:-1] if language.by_lemma else w for w in words}, key=len, reverse=True)
    return words, re.compile("|".join(map(re.escape, stems)) or "(?!)", re.I)


@cache
def country_references(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """A language's words inside an office that point to a country named elsewhere ("страны"), and the
    words that point with them ("этой"): data/<code>/country_references.tsv."""
    rows = lang.LANGUAGES[code].lexicon("country_references.tsv")
    return (frozenset(r["word"] for r in rows if r["kind"] == "country"),
            frozenset(r["word"] for r in rows if r["kind"] == "pointer"))


@cache
def digraph_initials() -> frozenset[str]:
    """The initials Latin letters write with two ("Zh", "Kh": Ж, Х), from abbreviations.tsv."""
    return frozenset(row["form"].rstrip(".") for row in lexicon("abbreviations.tsv") if row["kind"] == "initial")


@cache
def not_names() -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon("not_names.tsv")) | {m.capitalize() for m in MONTHS}


# parts of speech that open a clause of their own: a lower-case title does not run on over them
# a capitalised word of a name that the dictionary reads as a function word ("Али": a conjunction) is a
# first name no company's name holds
FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "INTJ"})
CLAUSE_POS = frozenset({"VERB", "INFN", "GRND", "PRTS", "NUMR", "NPRO"})   # (a numeral: "президенты | двух стран")


@cache
def title_words() -> frozenset[str]:
    words = {row["word"].lower() for row in lexicon("title_words.tsv")}
    for row in lexicon("titles.tsv"):
        for w in WORD.findall(row["title"]):
            if w[:1].isupper():
                words.add(w.lower())
    return frozenset(words)


@cache
def common_titles() -> dict[str, str]:
    """One government's name of an office -> the name most use (data/counterpart_titles.tsv)."""
    return {row["title"].lower(): row["common"] for row in lexicon("counterpart_titles.tsv")}


@cache
def ru_titles() -> frozenset[str]:
    return frozenset(row["title"].lower() for row in lang.RUSSIAN.lexicon("titles.tsv"))


def ru_heads_of_bodies() -> frozenset[str]:
    """The one-word Russian offices of a body's head (titles.tsv, kind `official`: "глава", "руководитель"):
    several of them head as many bodies ("главы правительств": each the head of a government)."""
    return one_word_titles(("official",), ("ru",))


@cache
def ru_title_heads() -> frozenset[str]:
    """The first word of each Russian office ("министр", "сопредседатель")."""
    return frozenset(t.split(" ")[0] for t in ru_titles())


@cache
def one_word_titles(kinds: tuple[str, ...], codes: tuple[str, ...] | None = None) -> frozenset[str]:
    """The one-word offices of titles.tsv of these kinds, lower-cased, in these languages (all by default)."""
    return frozenset(row["title"].lower() for code in (codes or tuple(lang.LANGUAGES))
                     for row in lang.LANGUAGES[code].lexicon("titles.tsv")
                     if row["kind"] in kinds and " " not in row["title"])


def diplomatic_words() -> frozenset[str]:
    """The one-word offices of diplomats (kind `diplomat`) in every language: an "Ambassador to
    Azerbaijan", a "посол в Азербайджане" serves the other side."""
    return one_word_titles(("diplomat",))


def style_words() -> frozenset[str]:
    """The one-word royal and diplomatic titles (kinds `royal` and `diplomat`), which after a minister's
    office and before the name are a style the person is addressed by, not a second office."""
    return one_word_titles(("royal", "diplomat"))


def royal_words() -> frozenset[str]:
    """The one-word titles of monarchs (kind `royal`: "King", "Emir", "король")."""
    return one_word_titles(("royal",))


def minister_words() -> frozenset[str]:
    """The one-word offices of ministers (kind `minister`) in every language: a "Minister of Finance in
    Qatar" is Qatar's, where a "Mission Director in Ukraine" only works there."""
    return one_word_titles(("minister",))


# Latin letters that look like Cyrillic ones, which real pages type inside Cyrillic words ("Cергей")
LOOKALIKES = str.maketrans("aceopxykmthb", "асеорхукмтнв")
CYRILLIC = re.compile("[а-яё]")
# a capitalised Russian word right before an offset, not the first of its sentence (a letter or a comma before it)
CAPITALISED_BEFORE = re.compile(r"(?<=[\w,])\s+(?P<word>[А-ЯЁ][а-яё]+)\s+$")


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """A name as compared: lower case, "ё" as "е" (Russian text writes either: "Мирзиёев", "Мирзиеев"),
    and in a Cyrillic word the Latin letters that look like Cyrillic ones read as those."""
    name = name.lower()
    if name.isascii():
        return name
    name = name.replace("ё", "е")
    if not CYRILLIC.search(name):
        return name
    return " ".join(w.translate(LOOKALIKES) if CYRILLIC.search(w) else w for w in name.split(" "))


def mixed_script(name: str) -> bool:
    """Does a word of the name mix Latin and Cyrillic letters ("Cергей")?"""
    return any(CYRILLIC.search(w.lower()) and re.search("[A-Za-z]", w) for w in name.split())


@cache
def known_people() -> dict[str, dict[str, str]]:
    """folded full name or alias (`fold`) -> row of data/people.tsv."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicon("people.tsv"):
        for n in [row["name"], *split(row.get("aliases", ""))]:
            out.setdefault(fold(n), dict(row))
    return out


@cache
def known_first_words() -> frozenset[str]:
    """The first words of the names and aliases of data/people.tsv, folded (`fold`)."""
    return frozenset(key.split(" ")[0] for key in known_people())


@cache
def known_surnames() -> dict[str, tuple[str, ...]]:
    """The one-word aliases of data/people.tsv, folded (the surnames a well-known officeholder goes by alone,
    "Tokayev", "Токаев"), by their first four letters."""
    out: dict[str, list[str]] = {}
    for key in known_people():
        if " " not in key:
            out.setdefault(key[:4], []).append(key)
    return {head: tuple(keys) for head, keys in out.items()}


def known_person(name: str) -> dict[str, str] | None:
    """The row of data/people.tsv for a full name or alias as the text writes it, if the list has one."""
    return known_people().get(fold(name))


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    kind: str            # ent | title | conn | name | punct | other
    anchor: bool = False  # inside a title from the titles lexicon
    ent: Span | None = None
    honor: bool = False   # inside an honorific ("His Highness", "Sheikh"): a title word, no title

    @property
    def country(self) -> str | None:
        """The code of the country the word names ("Kazakhstan", "Rwanda’s", "Kazakh"), if it names one."""
        return self.ent.value if self.kind == "ent" and self.ent is not None and self.ent.label == "country" else None


@dataclass
class Person:
    name: str
    title: str | None = None
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)
    titles: list[tuple[str, str | None]] = field(default_factory=list)   # (title, country)


IN_WORDS = frozenset({"in", "в", "во"})
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# a surname written in capitals, as French-language and some African outlets print it
SHOUTED_SURNAME = re.compile(r"[A-Z][A-Z’'-]*[A-Z]{2}")


def styled_known(style: str, name: str) -> dict[str, str] | None:
    """The well-known officeholder the list knows by a style and one name ("King Salman", "Sheikh Tamim")."""
    return known_person(f"{style} {name}") if style and " " not in name else None


def _styled_known(title: list[Word], names: list[Word]) -> dict[str, str] | None:
    """styled_known of the last title word and the one name word, where there is one."""
    return styled_known(title[-1].text, _bare(names[0].text)) if len(names) == 1 and title else None


def _honorific_ends(out: list[Word], k: int) -> bool:
    """Does an honorific ("Mr", "Mr.", "Ms.") end right before out[k]?"""
    return k > 0 and (out[k - 1].honor or (out[k - 1].text == "." and k > 1 and out[k - 2].honor))


APPOSED_GAP = re.compile(r"\s*,\s*")   # "правителя Саудовской Аравии | , | наследного принца"
PRECEDING_WORD = re.compile(r"([а-яё]+)\s+$")   # the lower-case word right before a country's name
POSTED_TO = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?")   # "ambassador of Georgia | to | Azerbaijan"
# title words that name an office's area ("Governor of Córdoba Province"): inside a title, never its first word
AREA_WORDS = frozenset({"Province", "Region", "Oblast", "Prefecture", "Governorate", "County"})


def _same_tail(full: str, short: str) -> bool:
    """Is `short` (two words or more) the end of the name `full`, spelled alike ("Fatemi Amin" of "Syed Reza
    Fatimi Amin", "El Molla" of "Tarek El-Molla"): hyphens read as spaces, one letter in five may differ?"""
    from rapidfuzz.distance import Levenshtein

    words, tail = full.replace("-", " ").split(), short.replace("-", " ").split()
    if len(tail) < 2 or len(tail) >= len(words):
        return False
    end = " ".join(words[-len(tail):]).lower()
    return Levenshtein.distance(end, " ".join(tail).lower()) <= len(end) // 5


_bare = without_possessive   # a word without its possessive ending


# how far back from a word a span covering it may start (no name or title is longer)
COVER_REACH = 400


def _last_covering(spans: list[Span], s: int, e: int) -> Span | None:
    """PeopleFinder._covering over the few spans `PeopleFinder._near` collected."""
    for sp in reversed(spans):
        if sp.start <= s:
            if sp.start <= s - COVER_REACH:
                return None
            if e <= sp.end:
                return sp
    return None


# what words() asks of a word whatever its place, by its text (most words recur): (length without a
# possessive ending, capitalised, a title word, name-like, a lone capital, a particle joined to a
# name, punctuation, lower case); at most MAX_SHAPES words kept
_shapes: dict[str, tuple[int, bool, bool, bool, bool, bool, bool, bool]] = {}
MAX_SHAPES = 1 << 16


def word_shape(t: str) -> tuple[int, bool, bool, bool, bool, bool, bool, bool]:
    shape = _shapes.get(t)
    if shape is None:
        if len(_shapes) >= MAX_SHAPES:
            _shapes.clear()
        bare = _bare(t)
        cap = bare[:1].isupper()
        # (an apostrophe inside a name is the name's: "O'Brien", "Ken'ichi", "D’Souza")
        name = cap and ((bare not in not_names() and not bare.isupper()
                         and bare.replace("'", "").replace("’", "").isalpha())
                        or ("-" in bare and bare.replace("-", "").isalpha())
                        or GLUED_INITIAL.fullmatch(bare) is not None)
        shape = _shapes[t] = (len(bare), cap, bare.lower() in title_words(), name,
                              (len(bare) == 1 and bare.isupper()) or bare in digraph_initials()
                              or DOTTED_INITIALS.fullmatch(bare) is not None,
                              "-" in bare and PARTICLE_NAME.match(bare) is not None,
                              not t[0].isalnum(), bare.islower())
    return shape


NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")   # a capitalised word next
# an initial glued to the surname, as Mongolian names are written: "Б.Лхагважав", "U.Khurelsukh"
# (two of them: "K.A.Chuychenko")
GLUED_INITIAL = re.compile(r"(?:[A-ZА-ЯЁ]\.){1,2}[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?")
# two initials read as one word, the full stop after the last apart: "K.A" of "K.A. Chuychenko"
DOTTED_INITIALS = re.compile(r"[A-ZА-ЯЁ](?:\.[A-ZА-ЯЁ])+")


# a name set apart by commas after an office in lower case ("Belarus' foreign minister, Sergei Aleinik, said"):
# two or three capitalised words, then a comma or the sentence's end
APPOSITIVE = r"(?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w'’.-]+(?:,|\.|$)"


@cache
def name_after(code: str) -> re.Pattern:
    """A capitalised word and another after it (a name), after a space (or set apart by commas): what follows an
    office written in lower case that is a title ("foreign minister Mohamad Hasan", "minister Thani bin Ahmed Al
    Zeyoudi": a particle between; not "the foreign minister said")."""
    between = "|".join(sorted(map(re.escape, particles(code)), key=len, reverse=True))
    # ("the vice-president of the CCPIT, Chen Zhou, said": the body the office is of may come between)
    of_body = r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*(?=,\s+" + APPOSITIVE + "))?"
    return re.compile(rf"{of_body}(?:,(?=\s+{APPOSITIVE}))?\s+(?:[A-Z][a-z]+\.?\s+)?[A-Z][\w'’.-]+\s+"
                      rf"(?:(?:{between})\s+)?[A-Z]")


OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")   # "Prime minister | of Kazakhstan Alikhan Smailov"


@cache
def title_idioms(code: str) -> re.Pattern | None:
    """The phrases of a language in which an office's word names no office ("во главе с"), as one
    pattern (title_idioms.tsv), or None."""
    rows = lang.LANGUAGES[code].lexicon("title_idioms.tsv")
    return re.compile("|".join(f"(?:{r['pattern']})" for r in rows), re.I) if rows else None


def _inside(idioms: re.Pattern, text: str, span: Span) -> bool:
    """Does a match of `idioms` around the title `span` hold it ("во главе с": "главе")?"""
    return any(m.start() <= span.start and span.end <= m.end()
               for m in idioms.finditer(text, max(0, span.start - 20), span.end + 20))


def _one_office(head: str, rest: str) -> str:
    """A Russian title in the plural said of one person: its head in the singular, and an office in the
    genitive plural right after it too ("заместители | министров экономики" -> "заместитель министра
    экономики")."""
    words = rest.split(" ")   # (rest opens with a space: words[0] is "")
    one = morph.singular(head, ru_titles())
    if len(words) > 1 and morph.plural_office(words[1]) and not morph.plural(words[1]):
        words[1] = morph.genitive_singular(words[1])
    elif len(words) > 1 and one.lower() in ru_heads_of_bodies():
        # "главы | аграрных ведомств" -> "глава аграрного ведомства": each heads one body
        words[1:] = morph.genitive_singular_phrase(words[1:])
    return one + " ".join(words)


def _names_then_next_title(seg: list[Word]) -> bool:
    """Does `seg`, read as a title, name a person (two name words) and go on with "and" or a comma to
    another title ("the Minister of Economic Development Waldemar Buda and the Deputy Prime Minister ...")?
    Then it lists other officials, each with their own title, not this person's office."""
    for k in range(len(seg) - 3):
        if seg[k].kind == seg[k + 1].kind == "name" and seg[k + 2].text.lower() in ("and", ",", "и"):
            nxt = k + 3 + (seg[k + 3].text.lower() in ("the", "a", "an") and k + 4 < len(seg))
            if seg[nxt].anchor:
                return True
    return False


def _particle_before_name(ws: list[Word], n: int, particles: frozenset[str]) -> bool:
    """Is ws[n] a particle inside a name: one or two of them, then a name word ("bin | Salman",
    "von der | Leyen")?"""
    k = n
    while k < len(ws) and k - n < 2 and ws[k].text.lower() in particles:
        k += 1
    return n < k < len(ws) and ws[k].kind == "name"


def _nominative_title(title: str) -> str:
    """A Russian title in the nominative, each office of one that lists two ("министром экономики,
    сопредседателем комиссии" -> "министр экономики, сопредседатель комиссии"; but "министром
    инвестиций, промышленности и торговли" lists the fields of one office)."""
    heads = ru_title_heads()
    parts: list[str] = []
    for part in title.split(", "):
        nominative = morph.nominative_head(part)
        if parts and nominative.split(" ")[0].lower() in heads:
            parts.append(nominative)
        elif parts:
            parts[-1] += ", " + part
        else:
            parts.append(nominative)
    return ", ".join(parts)


class PeopleFinder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        # where the titles read with names stand: their words name offices, no events ("Adviser on
        # Commerce and Investment" holds no investment)
        self.title_spans: list[tuple[int, int]] = []
        self.ents = sorted(doc.layer("country") + doc.layer("org"), key=lambda s: s.start)
        self.ent_starts = [s.start for s in self.ents]
        self.countries = {s.value for s in doc.layer("country")}   # the article's countries
        language = lang.of(doc)
        idioms = self.idioms = title_idioms(language.code)
        self.anchors = sorted((s for s in doc.layer("title") if not (idioms and _inside(idioms, doc.text, s))),
                              key=lambda s: s.start)
        self.anchor_starts = [s.start for s in self.anchors]
        self.orgs = doc.meta.get("organizations", {})
        self.places = sorted(doc.layer("place"), key=lambda s: s.start)
        self.place_starts = [s.start for s in self.places]
        self.people: dict[str, Person] = {}
        # Russian writes offices in lower case and inflects names: its titles run on in lower case
        # and every name and title is put in the nominative (morph.py)
        self.lower_titles = language.by_lemma
        self.connectors = CONNECTORS | RU_CONNECTORS if language.by_lemma else CONNECTORS
        self.particles = particles(language.code)
        self.name_after = name_after(language.code)
        self.name_suffixes = name_suffixes(language.code)
        self.counterpart_words, self.counterpart_stem = counterpart_words(language.code)
        self.delegation = delegation_cues(language.code)
        self.leading = delegation_cues(language.code, "before")
        self.visit = visit_cues(language.code)
        self.country_refs, self.country_pointers = country_references(language.code)
        self.delegated: tuple[str, int] | None = None   # the last delegation read: its country, its member's title
        self.sides: list[tuple[Person, str]] = []   # (person, the country of their counterpart)
        self.counterpart_of: list[tuple[Person, Person]] = []   # (counterpart, whose)
        # (index in counterpart_of, sentence start, counterpart word): whose is the sentence's first person
        self.subject_first: list[tuple[int, int, int]] = []

    def _country_then_name(self, at: int) -> bool:
        """Do "of", a country and a name follow `at` ("Prime minister | of Kazakhstan Alikhan Smailov"), or
        the country a diplomat is posted to between ("ambassador | of Georgia to Azerbaijan Zurab Pataradze")?"""
        of = OF_AFTER.match(self.text, at)
        if of is None:
            return False
        country = self._country_at(of.end())
        if country is not None and (to := POSTED_TO.match(self.text, country.end)) is not None:
            country = self._country_at(to.end()) or country
        return country is not None and self.name_after.match(self.text, country.end) is not None

    def _country_at(self, at: int) -> Span | None:
        """The country whose name starts at `at`, if any."""
        k = bisect_left(self.ent_starts, at)
        ent = self.ents[k] if k < len(self.ents) and self.ents[k].start == at else None
        return ent if ent is not None and ent.label == "country" else None

    @staticmethod
    def _covering(spans: list[Span], starts: list[int], s: int, e: int) -> Span | None:
        """The span of `spans` (sorted by start) that covers [s, e), if any: the one starting
        last at or before s, looking back at most COVER_REACH characters."""
        i = bisect_right(starts, s) - 1
        while i >= 0 and starts[i] > s - COVER_REACH:
            if spans[i].start <= s and e <= spans[i].end:
                return spans[i]
            i -= 1
        return None

    @staticmethod
    def _near(spans: list[Span], starts: list[int], start: int, end: int) -> list[Span]:
        """The spans of `spans` (sorted by start) that `_covering` could return for a stretch
        inside [start, end), in the same order: those starting less than COVER_REACH before it
        and reaching into it. A sentence has a few, so they are collected once, not per word."""
        lo, hi = bisect_right(starts, start - COVER_REACH), bisect_left(starts, end)
        return [sp for sp in spans[lo:hi] if sp.end >= start]

    @staticmethod
    def _covering_any(spans: list[Span], starts: list[int], s: int, e: int) -> bool:
        """Does any span of `spans` (sorted by start) start inside [s, e)?"""
        i = bisect_right(starts, s - 1)
        return i < len(starts) and starts[i] < e

    def words(self, start: int, end: int) -> list[Word]:
        out: list[Word] = []
        ents = self._near(self.ents, self.ent_starts, start, end)
        anchors = self._near(self.anchors, self.anchor_starts, start, end)
        # where a span of each may cover a word: none covers a word that starts before the first
        # span or ends after the furthest end (most words of a sentence, checked without a call)
        ent_lo, ent_hi = (ents[0].start, max(sp.end for sp in ents)) if ents else (1, 0)
        anchor_lo, anchor_hi = (anchors[0].start, max(sp.end for sp in anchors)) if anchors else (1, 0)
        in_title = False   # inside a lower-case title ("министр промышленности и энергетики РФ")
        # the brackets of a short form ("(МИД)", "(МИД РФ)"): where the title goes on over them
        brackets = [m.span() for m in BRACKETED.finditer(self.text, start, end)] \
            if "(" in self.text[start:end] else []
        listed = False     # right after a comma inside one
        lower_titles, connectors = self.lower_titles, self.connectors
        places = self._near(self.places, self.place_starts, start, end)
        dotted = -1   # the full stop of an initial read with it ("Exaud S. Kigahe")
        for m in WORD.finditer(self.text, start, end):
            t = m.group()
            s = m.start()
            if s == dotted or (t in ("'", "’") and self.text[s - 1:s] in ("s", "S")):
                continue   # (the possessive of a name ending in s: "Belarus' foreign minister")
            blen, cap, title_word, name, initial, particle, punct, low = word_shape(t)
            be = s + blen   # "QazaqGaz’s": the entity is the word without its possessive
            ent = _last_covering(ents, s, be) if ent_lo <= s and be <= ent_hi else None
            covering = _last_covering(anchors, s, be) if anchor_lo <= s and be <= anchor_hi else None
            if covering is None and low and "-" in t[:blen] and be <= anchor_hi and \
                    anchor_lo <= (tail := s + t.rfind("-", 0, blen) + 1):
                # "vice-president", "co-chair": an office in lower case whose last part is one
                covering = _last_covering(anchors, tail, be)
            anchor = covering is not None
            if brackets and not lower_titles and out and out[-1].kind in ("title", "ent", "conn") and \
                    any(b0 <= s < b1 for b0, b1 in brackets) and \
                    (t == "(" or out[-1].kind == "conn" or self.text[s - 1:s] == "("):
                # "Minister of Economy, Trade and Industry (METI) Ken Saito": a short form inside a title
                kind = "conn"
            elif ent is not None:
                kind = "ent"
            elif cap and anchor and lower_titles and out and out[-1].kind == "name" and \
                    t[:blen].endswith(surname_endings()) and morph.given_name(_bare(out[-1].text)):
                kind = "name"   # "Бахыт Султанов": a surname after a first name, not "of sultans"
            elif cap and (anchor or title_word):
                kind = "title"
            elif covering is not None and low and not lower_titles and (
                    self.name_after.match(self.text, covering.end) or self._country_then_name(covering.end)):
                kind = "title"   # "Malaysian foreign minister Mohamad Hasan": an office in lower case before a name
            elif lower_titles and (anchor or (in_title and low and t not in connectors
                                              and morph.pos(t[:blen]) not in CLAUSE_POS
                                              and (not listed or morph.genitive(t[:blen])))
                                   or (in_title and cap and t.isascii() and not initial)
                                   or (in_title and blen >= 2 and t[:blen].isupper() and not initial)
                                   or (in_title and cap and not initial and out and out[-1].kind != "ent"
                                       and morph.common_genitive(t[:blen]))):
                # (a company's name in Latin letters inside it, "президент Lafarge Vostok S.A.S.": Russian
                # writes people's names in Cyrillic; a body's short form, "председатель ВЭБ Игорь Шувалов"; a body's
                # name, "начальник Главного управления ... Организации государственного планирования Турции"; not
                # after the country, where the person's name begins: "Турции | Метин Экер")
                # "министр иностранных дел": a title written in lower case, with the words that
                # depend on it up to the name ("Верховный представитель ЕС по иностранным делам"),
                # not past a verb ("сопредседателей комиссии сообщил министр ...": a new clause)
                kind = "title"
            elif lower_titles and in_title and cap and places and _last_covering(places, s, be) is not None \
                    and morph.genitive(t[:blen]):
                kind = "title"   # "директор департамента Африки МИД": a place the office's remit names
            elif t in connectors:
                kind = "conn"
            elif name:
                kind = "name"
            elif initial and INITIAL_NEXT.match(self.text, s + blen):
                kind = "name"   # an initial: "S Jaishankar", "A. Satkaliyev"
            elif particle and out and out[-1].kind == "name":
                kind = "name"   # "Abdel Fattah al-Sisi": a particle joined to the surname
            elif low and out and out[-1].kind == "name" and t in self.name_suffixes and \
                    len(out) > 1 and out[-2].kind == "name":
                kind = "name"   # "Шумкарбек Адылбек уулу": "son of" after the father's name
            elif out and out[-1].kind == "name" and REGNAL.fullmatch(t):
                kind = "name"   # "King Mohammed VI", "Charles III": a monarch's number
            elif SHOUTED_SURNAME.fullmatch(t) and out and (
                    _honorific_ends(out, len(out)) or out[-1].kind == "name" and (
                        _honorific_ends(out, len(out) - 1) or SHOUTED_SURNAME.fullmatch(out[-1].text))):
                # "Mr. Mohammed BOUSSAID", "Mr. BOURITA", "Ms. Aissata TALL SALL": a surname in capitals
                # after an honorific
                kind = "name"
            elif punct and t == "." and covering is not None and covering.data.get("kind") == "honorific":
                kind = "title"   # the full stop of "Dr.", "Mr.": part of the honorific, which a name follows
            elif in_title and brackets and any(b0 <= s < b1 for b0, b1 in brackets):
                kind = "conn"   # "министр иностранных дел (МИД) Эфиопии": a short form inside a title
            elif punct:
                kind = "punct"
            else:
                kind = "other"
            if lower_titles:
                # (a comma inside a title lists its fields, "министр инвестиций, промышленности и торговли":
                # the title goes on over it to a word in the genitive)
                listed = in_title and t == ","
                in_title = kind == "title" or (in_title and (kind in ("ent", "conn") or listed))
            honor = covering is not None and covering.data.get("kind") == "honorific"
            if honor and kind == "title" and out and out[-1].kind == "name" and NAME_NEXT.match(self.text, m.end()):
                # "Tengku Zafrul Tengku Abdul Aziz": an honorific between the name words an honorific
                # opened is the father's, in the name (not "Abu Dhabi | Sheikh Mohammed")
                k = len(out) - 1
                while k >= 0 and out[k].kind == "name":
                    k -= 1
                if k >= 0 and out[k].honor:
                    kind, honor = "name", False
            if kind == "name" and initial and self.text[s + len(t):s + len(t) + 1] == "." and \
                    out and out[-1].kind in ("name", "title", "ent") and INITIAL_NEXT.match(self.text, s + len(t)):
                # an initial with its full stop ("Exaud S. Kigahe", "Minister A. Satkaliyev", "Minister of
                # Uzbekistan B. Atdaev"): one name word
                dotted = s + len(t)
                t += "."
            out.append(Word(s, s + len(t), t, kind, anchor, ent, honor))
        # a place name is not a name word, unless a name word stands beside it
        # ("Rovshan Najaf", "Charlotte Adriaen")
        for k, w in enumerate(out):
            if w.kind == "name" and places and _last_covering(places, w.start, w.end):
                beside = (k > 0 and out[k - 1].kind == "name") or (k + 1 < len(out) and out[k + 1].kind == "name") \
                    or (k > 1 and out[k - 1].text.lower() in self.particles and out[k - 2].kind == "name")
                # ("Jose Eduardo dos Santos": a particle between; but "посол Китая в Минске Се Сяоюн": a place
                # after "in" is where, whatever stands beside it)
                after_in = k > 0 and out[k - 1].text.lower() in IN_WORDS
                beside = beside and not after_in
                if after_in and k > 1 and out[k - 2].kind in ("title", "ent") and \
                        any(x.kind == "title" for x in out[max(0, k - 4):k - 1]):
                    w.kind = "title"   # "Ambassador in | Minsk |", "посол Китая в | Минске |": the office's post
                elif not beside:
                    w.kind = "other"
        if not lower_titles:
            for k in range(1, len(out) - 1):
                if out[k].kind == "other" and self._lower_in_remit(out, k):
                    out[k].kind = "title"
        return out

    @staticmethod
    def _lower_in_remit(ws: list[Word], k: int) -> bool:
        """Is word k a word of an office's remit written in lower case, between its capitalised words
        ("Minister of Foreign trade and Investment", "Minister of Agriculture and rural Development")?
        It is when the words on both sides of it (over one "and" or comma) are the title's, the one after
        it opening no office of its own, and the title goes back over "of" to an office of the titles
        lexicon."""
        w = ws[k]
        if not (w.text.isalpha() and w.text.islower()):
            return False
        left = k - 1 if ws[k - 1].kind == "title" else k - 2 if ws[k - 1].text in ("and", ",") else -1
        right = k + 1 if ws[k + 1].kind == "title" else k + 2 if ws[k + 1].text in ("and", ",") else len(ws)
        if left < 0 or ws[left].kind != "title" or right >= len(ws) or ws[right].kind != "title" or ws[right].anchor:
            return False   # (an office of its own after it opens the next title: "... visited and Foreign Minister X")
        j, of = left, False
        while j >= 0 and (ws[j].kind in ("title", "conn") or ws[j].text == ","):
            of = of or ws[j].text == "of"
            if ws[j].anchor and of:
                return True
            j -= 1
        return False

    # ---- finding ----
    def run(self) -> None:
        # where plural titles and counterparts are: looked up per sentence by bisection
        plural_at = [m.start() for m in PLURAL_TITLE.finditer(self.text)]
        counterpart_at = [m.start() for m in self.counterpart_stem.finditer(self.text)]
        known_at = self.known_names_at()
        for s, e in self.doc.sentences or [(0, len(self.text))]:
            if not self.doc.in_body(s, e) and not any(s <= b0 < e for b0, _ in (self.doc.body or [])):
                continue
            # a person is found only beside a title or a speech verb: skip the other sentences
            has_title = self._covering_any(self.anchors, self.anchor_starts, s, e)
            plural = bisect_left(plural_at, e) > bisect_left(plural_at, s)
            known = bisect_left(known_at, e) > bisect_left(known_at, s)
            counterpart = bisect_left(counterpart_at, e) > bisect_left(counterpart_at, s)
            if not (has_title or plural or counterpart or known) and not SPEECH_ANYWHERE.search(self.text, s, e):
                continue
            ws = self.words(s, e)
            if plural or (self.lower_titles and has_title):
                self.plural_title(ws)
            if has_title:
                self.title_then_name(ws)
                self.name_then_title(ws)
            self.speech(ws)
            if counterpart:
                self.counterparts(ws)
        self.link_mentions()

    def known_names_at(self) -> list[int]:
        """Where a well-known officeholder's full name stands (people.tsv), which `speech` reads with no
        title or speech verb beside it ("Александр Лукашенко прибыл в Ташкент"): the starts, in order."""
        out = []
        known, first, alone = known_people(), known_first_words(), known_surnames()
        for m in CAPITAL_RUN.finditer(self.text):
            words = [(w.start(), fold(w.group())) for w in NAME_TOKEN.finditer(m.group())]
            for i in range(len(words) - 1):
                if words[i][1] not in first:
                    continue   # (no known name opens with the word: most runs are spared the joins)
                for n in (2, 3):
                    if i + n <= len(words) and " ".join(t for _, t in words[i:i + n]) in known:
                        out.append(m.start() + words[i][0])
        # and a surname the list knows alone, in any case ending ("Tokayev and Mirziyoyev agreed",
        # "Токаевым"): a word that opens with it, at most three letters longer
        for w in CAPITAL_WORD.finditer(self.text):
            word = w.group()
            if fold(word[:4]) not in alone:
                continue   # (most capitalised words: no known surname opens the same way)
            f = fold(word)
            if any(f.startswith(c) and len(f) - len(c) <= 3 for c in alone.get(f[:4], ())):
                out.append(w.start())
        return sorted(out)

    def plural_title(self, ws: list[Word]) -> None:
        """'the Energy Ministers of Kazakhstan and Poland, Arman Dauletov and Anna Nowak' and
        'Kazakh and Polish Prime Ministers Olzhas Bektenov and Donald Tusk': two or more people,
        each with the title in the singular and, where the countries are as many, one of them."""
        done = 0   # the words up to the last person of a plural title read (none of them opens another)
        for k, w in enumerate(ws):
            if k < done:
                continue
            russian = self.lower_titles and w.kind == "title" and (morph.plural(w.text) or morph.plural_office(w.text))
            if not (PLURAL_TITLE.fullmatch(w.text) or russian):
                continue
            t0 = k
            while t0 > 0 and ws[t0 - 1].kind == "title" and not ws[t0 - 1].honor:
                t0 -= 1
            countries: list[str] = []
            # countries before the title: "Kazakh and Polish Prime Ministers"
            c = t0 - 1
            before: list[str] = []
            while c >= 0 and (ws[c].kind == "ent" or ws[c].text in ("and", ",", "и")):
                if (cc := ws[c].country) and cc not in before:
                    before.insert(0, cc)
                c -= 1
            j = k + 1
            # the words of the office after it: "министры | иностранных дел | двух стран ..."
            # (up to another office in the plural nominative, "вице-премьеры и | министры ...", but over one
            # that depends on it, "заместители | министров экономики и устойчивого развития")
            while self.lower_titles and j < len(ws) and not ws[j].honor and (
                    (ws[j].kind == "title" and not (morph.plural(ws[j].text) and morph.plural_office(ws[j].text)))
                    or (ws[j].text == "и" and j + 1 < len(ws) and ws[j + 1].kind == "title"
                        and not morph.plural_office(ws[j + 1].text))):
                j += 1
            t1 = j - 1
            # countries after it: "Ministers of X and Y", "вице-премьеры Узбекистана и Беларуси"
            if j < len(ws) and (ws[j].text == "of" or (self.lower_titles and ws[j].kind == "ent")):
                j += 1 if ws[j].text == "of" else 0
                while j < len(ws) and (ws[j].kind == "ent" or ws[j].text in ("and", ",", "the", "и")):
                    if (cc := ws[j].country) and cc not in countries:
                        countries.append(cc)
                    j += 1
            countries = countries or before
            # "президенты двух стран Александр Лукашенко и Уго Чавес", "the presidents of the two countries, ...":
            # both sides, no office's words
            while j < len(ws) and ws[j].text.lower() in BOTH_SIDES:
                j += 1
            while j < len(ws) and ws[j].text in (",", "—", "–", ":"):   # "... двух республик — Кохира Расулзода и"
                j += 1
            people: list[list[Word]] = []
            # each one's country: "Presidents X of Uzbekistan and Y of Kazakhstan", "президентов Казахстана X
            # и | Узбекистана Y" (the first one's, the country before them)
            own: list[str | None] = []
            ahead: str | None = None
            while j < len(ws) and ws[j].kind == "name":
                n = j
                while n < len(ws) and (ws[n].kind == "name" or (
                        _particle_before_name(ws, n, self.particles))):
                    n += 1
                people.append(ws[j:n])
                own.append(ahead)
                if n + 1 < len(ws) and ws[n].text == "of" and ws[n + 1].kind == "ent" and ws[n + 1].country:
                    own[-1] = ws[n + 1].country
                    n += 2
                if n < len(ws) and ws[n].text in ("and", ",", "и"):
                    j = n + 1
                    if j < len(ws) and ws[j].text in ("and", "и"):
                        j += 1
                    ahead = None
                    if self.lower_titles and j + 1 < len(ws) and ws[j].kind == "ent" and ws[j].country and \
                            ws[j + 1].kind == "name":
                        ahead = ws[j].country
                        j += 1
                    elif not self.lower_titles and j + 2 < len(ws) and ws[j].kind == "ent" and ws[j].country and \
                            ws[j + 1].text == "," and ws[j + 2].kind == "name":
                        ahead = ws[j].country   # "the Foreign Ministers of Argentina, Jorge Faurie, and | Chile, X"
                        j += 2
                else:
                    break
            if len(people) < 2 or any(len(p) < 2 and not self._known_alone(p[0]) for p in people):
                continue   # (a surname alone names a well-known officeholder: "Presidents Macri and Bachelet")
            title = self.text[ws[t0].start:ws[k].end]
            if self.lower_titles:
                title = _one_office(title, self.text[ws[k].end:ws[t1].end])
            else:
                title = title[:-1] if not title.endswith("men") else title[:-3] + "man"
            if len(own) > 1 and own[0] is None and all(own[1:]) and len(countries) == 1:
                own[0] = countries[0]   # "президентов Казахстана X и Узбекистана Y"
                countries = []
            if all(own) and not countries:
                countries = [c for c in own if c is not None]
            for i, name in enumerate(people):
                # (one country for them all: "заместители министра экономики Грузии X и Y", both Georgia's)
                country = countries[i] if len(countries) == len(people) else \
                    countries[0] if len(countries) == 1 and self.lower_titles else None
                self.add(name, [], given=(title, country), case_of=ws[k].text if self.lower_titles else None)
            done = j + 1

    def counterparts(self, ws: list[Word]) -> None:
        """'... held talks with his visiting Egyptian counterpart Abdel Fattah al-Sisi': the
        counterpart holds the title of the person named nearest them (resolved at the end, when
        that person's titles are all known), unless their own name comes with one."""
        for k, w in enumerate(ws):
            if (morph.lemma(w.text) if self.lower_titles else w.text.lower()) not in self.counterpart_words:
                continue
            first = k + 1
            country = None
            if first + 1 < len(ws) and ws[first].text.lower() in FROM_WORDS and ws[first + 1].country:
                # "his counterpart from Oman, Badr Albusaidi", "коллегой из Омана Бадром Аль-Бусаиди"
                country = ws[first + 1].country
                first += 2
            while first < len(ws) and ws[first].text == ",":
                first += 1   # "his Uzbek counterpart, Shavkat Mirziyoyev", "... from Qatar, Mohammed Al-Khulaifi"
            while first < len(ws) and (ws[first].honor or (ws[first].anchor and ws[first].kind in ("title", "conn"))):
                # "his UAE counterpart Sheikh Abdulla bin Zayed Al Nahyan", "his Jordanian counterpart
                # Minister of Energy Saleh Al-Kharabsheh" (the title their name comes with is read there)
                first += 1
            n = first
            while n < len(ws) and (ws[n].kind == "name" or (
                    _particle_before_name(ws, n, self.particles))):
                n += 1
            if n - first < 2:
                continue
            if country is None:   # "his Saudi counterpart": the country just before the word
                for b in ws[max(0, k - 3):k]:
                    if b.country:
                        country = b.country
            person = self.add(ws[first:n], [], given=("", country), case_of=w.text)
            subject = self._subject(ws, ws[first].start, ws[n - 1].end)
            if person is not None and subject is not None and subject is not person:
                self.counterpart_of.append((person, subject))
                if GERUND_POSSESSIVE.search(self.text, max(ws[0].start, ws[k].start - 80), ws[k].start):
                    # "Mr Zubkov met President Lukashenko before greeting his Belarusian counterpart, Sergey
                    # Sidorsky": the clause is its subject's, the person the sentence opens with (read when every
                    # mention is known)
                    self.subject_first.append((len(self.counterpart_of) - 1, ws[0].start, ws[k].start))
                if country:
                    self.sides.append((subject, country))   # "his UAE counterpart": he is the other side
                elif k > 0 and ws[k - 1].text.lower() in VISITING and (away := self._visitor(ws)) is not None:
                    # "Abe and his visiting counterpart Saikhanbileg ... in Tokyo": the counterpart comes
                    # from the side the place is not in, the host is the other side
                    self.sides.append((subject, away))

    def _visitor(self, ws: list[Word]) -> str | None:
        """The side of the article's pair that the one place the sentence of these words names (its
        capital or a city) is not in: where a visitor comes from."""
        countries = {sp.data.get("country") for sp in self.doc.layer("place")
                     if ws[0].start <= sp.start and sp.end <= ws[-1].end}
        main = main_parties(self.doc)
        if len(countries) != 1 or len(main) != 2 or not countries <= set(main):
            return None
        return main[1] if countries == {main[0]} else main[0]

    def _subject(self, ws: list[Word], start: int, end: int) -> Person | None:
        """Whose counterpart: the person named nearest in the sentence, else the last one named
        before it."""
        best: Person | None = None
        dist: int | None = None
        for p in self.people.values():
            for m in p.mentions:
                if start <= m.start < end:
                    continue
                if ws[0].start <= m.start <= ws[-1].end:
                    gap = abs(m.start - start)
                elif m.start < ws[0].start:
                    gap = 10_000 + ws[0].start - m.start
                else:
                    continue
                if dist is None or gap < dist:
                    best, dist = p, gap
        return best

    def _bridges(self, ws: list[Word], j: int) -> bool:
        """Does word j join two capitalised words of one title-and-name run?"""
        w = ws[j]
        nxt = ws[j + 1] if j + 1 < len(ws) else None
        if nxt is not None and w.kind == "conn" and nxt.kind == "conn":   # "of the Board", "(МИД) Эфиопии"
            k = j + 2
            while k < len(ws) and ws[k].kind == "conn":
                k += 1
            return k < len(ws) and ws[k].kind in ("title", "ent", "name")
        if w.text == "," and nxt is not None and nxt.text.lower() in ("and", "и") and j > 0 and j + 2 < len(ws) and \
                ws[j - 1].kind in ("title", "ent") and ws[j + 2].kind in ("title", "ent"):
            return True   # "Minister of Economy, Trade, and Industry": the serial comma of a title's list
        if _particle_before_name(ws, j, self.particles):
            return True   # "Ursula von | der Leyen"
        if nxt is None or (nxt.kind not in ("title", "ent", "name") and not self._place_in_title(ws, j + 1)):
            return False
        if w.kind == "conn" or w.text.lower() in self.particles:
            return True
        # "Minister of Trade, Industry and Energy", "Board of Directors Chairman, Sanzhar Zharkeshov",
        # "the President of Kazakhstan, Kassym-Jomart Tokayev, said": a title's country or body, then the name
        if w.text == "," and j > 0 and ws[j - 1].kind == "title" and self._whole_name_at(ws, j + 1):
            # "the Governor of Córdoba Province, Juan Schiaretti": an office's remit ends in a title word
            k = j - 1
            while k >= 0 and (ws[k].kind in ("title", "conn") or self._place_in_title(ws, k)):
                if ws[k].anchor:
                    return True
                k -= 1
        return w.text == "," and j > 0 and ws[j - 1].kind in ("title", "ent") and (
            nxt.kind == "title" or ws[j - 1].anchor or (ws[j - 1].kind == "ent" and self._whole_name_at(ws, j + 1)))

    def _place_in_title(self, ws: list[Word], k: int) -> bool:
        """Is word k a place's name inside a title, between "of" and a title word ("Governor of | Córdoba |
        Province")?"""
        return k < len(ws) - 1 and ws[k + 1].kind == "title" and self._place_after_of(ws, k)

    def _place_ends_title(self, ws: list[Word], k: int) -> bool:
        """Is word k a place's name that ends a title after "of" ("..., crown prince of | Dubai |,")?"""
        return (k + 1 == len(ws) or ws[k + 1].kind in ("punct", "conn")) and self._place_after_of(ws, k)

    def _place_after_of(self, ws: list[Word], k: int) -> bool:
        """Is word k a capitalised place's name of the gazetteer right after "of"?"""
        return ws[k].kind == "other" and ws[k].text[:1].isupper() and k > 0 and ws[k - 1].text == "of" and \
            self._covering(self.places, self.place_starts, ws[k].start, ws[k].end) is not None

    @staticmethod
    def _whole_name_at(ws: list[Word], k: int) -> bool:
        """Do two to four name words start at k and end a phrase (the sentence, a comma, "and")?"""
        n = k
        while n < len(ws) and ws[n].kind == "name":
            n += 1
        return 2 <= n - k <= 4 and (n >= len(ws) or ws[n].kind in ("punct", "conn") or ws[n].text in (",", "."))

    def title_then_name(self, ws: list[Word]) -> None:
        """Runs of title, entity and name words: 'Kazakh Energy Minister Almasadam Satkaliyev',
        'Prime Minister of Belarus Roman Golovchenko and Kazakhstan Prime Minister Askar Mamin'."""
        i = 0
        while i < len(ws):
            if ws[i].kind not in ("title", "ent") or (
                    ws[i].kind == "ent" and i + 1 < len(ws) and ws[i + 1].text == "," and not self.lower_titles) or (
                    ws[i].text in AREA_WORDS and not ws[i].anchor):
                # (nor does the word for an area: "Hebei Province | Governor Xu Qin")
                # ("... trade with Azerbaijan, Minister of ... of Uzbekistan Laziz Kudratov said": a country
                # before a comma ends a clause, it opens no title)
                i += 1
                continue
            j = i
            while j < len(ws) and (ws[j].kind in ("title", "ent", "name") or self._bridges(ws, j)
                                   or self._place_in_title(ws, j)):
                j += 1
            self._split_run(ws[self._place_before(ws, i):j])
            i = max(j, i + 1)

    def _place_before(self, ws: list[Word], i: int) -> int:
        """Where a title run that starts at word i starts with the place whose office it is, right
        before it: "Abu Dhabi Crown Prince Sheikh ...", "Moscow Mayor ..." (English; a place after a
        preposition is where the sentence is, "in Doha Prime Minister ...")."""
        if self.lower_titles or ws[i].kind != "title":
            return i
        k = i
        while k > 0 and ws[k - 1].kind in ("other", "name") and ws[k - 1].text[:1].isupper():
            place = self._covering(self.places, self.place_starts, ws[k - 1].start, ws[k - 1].end)
            if place is None or not place.data.get("country"):
                break
            k -= 1
        if k == i or (k > 0 and ws[k - 1].text.lower() in PLACE_PREPOSITIONS):
            return i
        return k

    def _split_run(self, run: list[Word]) -> None:
        if self.lower_titles:
            # "визита в Узбекистан Президента Беларуси ...": a country named before the title is
            # the place of the sentence, not the office's (Russian puts the country after it)
            while run and run[0].kind == "ent" and run[0].ent is not None and \
                    run[0].ent.data.get("form") != "demonym":
                run = run[1:]
        while len(run) > 2 and run[0].country and run[1].text == "of" and run[0].ent is not None and \
                run[0].ent.data.get("form") != "demonym":
            run = run[2:]   # "the visit to Azerbaijan | of Kazakh President ...": the place visited opens no title
        title: list[Word] = []
        p = 0
        while p < len(run):
            w = run[p]
            if w.kind != "name":
                if w.honor and title and title[-1].text.lower() == "and":
                    # "Mr. Saroj Khuntia, General Manager, Exim Bank and | Mr. Adriano Ubisse": an honorific after
                    # "and" opens the next person; the title before it was the first one's
                    title = []
                elif w.country and self._second_office(title, run, p):
                    # "The Indian Minister and | Bangladesh Commerce Minister Mohammad Farukh Khan": an
                    # office with its own country after "and" is the next person's; the one before it had no name
                    title = []
                title.append(w)
                p += 1
                continue
            q = p
            while q < len(run) and (run[q].kind == "name" or (
                    _particle_before_name(run, q, self.particles))):
                q += 1
            names = run[p:q]
            ends_person = q >= len(run) or run[q].kind == "conn" or run[q].text == ","
            has_anchor = any(t.anchor for t in title)
            # "Vice-President for Investments and Marketing Elshad Nasirov": after a connector
            # inside a title, a first word beyond two names is still the title's
            # (not after the bracket closing a short form: "... (МИД РФ) Андреем Кемарским")
            after_conn = bool(title) and title[-1].kind == "conn" and title[-1].text != ")"
            if len(names) >= 3 and (after_conn or NOMINAL.search(names[0].text)) and \
                    not known_person(self._span_text(names)):
                # ("... Policy and Enlargement Negotiations Johannes Hahn": a noun of the office, no first name)
                title.append(names[0])
                names = names[1:]
                after_conn = False
            # "... Economic Attractiveness and French Nationals Abroad": words right after a
            # connector inside a title are the title's, not a name
            if has_anchor and ends_person and not after_conn and (
                    len(names) >= 2 or self.by_surname(names[0].text) or self._known_alone(names[0])
                    or GLUED_INITIAL.fullmatch(names[0].text) or _styled_known(title, names)):
                of = run[q + 1] if q + 1 < len(run) and run[q].text == "of" else None
                if of is not None and not self.lower_titles and of.country and (
                        q + 2 >= len(run) or run[q + 2].kind == "conn" or run[q + 2].text == ","):
                    # "President Denis Sassou Nguesso of Congo-Brazzaville": the country after the name
                    trimmed = self._trim_title(title)
                    office, country = self.title_and_country(trimmed)
                    self.add(names, trimmed, given=(office, country or of.country))
                    title = []
                    p = q + 2
                    continue
                self.add(names, self._trim_title(title))
                title = []
            elif ends_person and q < len(run) and run[q].text in ("and", "и") and title and (
                    all(t.honor or t.kind == "conn" for t in title)
                    or (len(names) == 1 and q + 1 < len(run) and run[q + 1].kind in ("title", "ent"))
                    or (len(names) >= 2 and any(w.kind == "title" for w in run[q + 1:]))):
                # ("Deputy Fidel Espinoza and the Senator Andrés Zaldívar": a full name before "and" is no
                # word of the next person's title)
                # ("between President Aquino and Japan Prime Minister Shinzo Abe": a surname alone ends its
                # title too, when another title follows)
                # "Sheikh Mansour and President Gurbanguly Berdimuhamedov": a first name that is
                # no one's surname ends its own title; the next person's title starts afresh
                title = []
                p = q + 1
                continue
            else:
                title.extend(names)
            p = q

    @staticmethod
    def _second_office(title: list[Word], run: list[Word], p: int) -> bool:
        """Does the country word run[p] open a second office, after "and" closing a whole one (an
        office of the titles lexicon) and before a title word?"""
        return len(title) >= 2 and title[-1].text.lower() in ("and", "и") and title[-2].kind == "title" \
            and any(t.anchor for t in title[:-1]) and p + 1 < len(run) and run[p + 1].kind == "title"

    @staticmethod
    def _leads_to_title(ws: list[Word], k: int) -> bool:
        """Past any connectors from k ("of the"), is the next word part of a title?"""
        while k < len(ws) and ws[k].kind == "conn":
            k += 1
        return k < len(ws) and (ws[k].anchor or ws[k].kind in ("title", "ent"))

    def _span_text(self, ws: list[Word]) -> str:
        return self.text[ws[0].start:ws[-1].end]

    def name_then_title(self, ws: list[Word]) -> None:
        """'Roman Vassilenko, Deputy Foreign Minister of Kazakhstan, said',
        'Li Jian, deputy general manager of Lianyungang Port Holdings, said'."""
        for i in range(len(ws) - 3):
            # "Rwanda’s Vincent Biruta, Minister of Foreign Affairs": a country's possessive before the name
            whose = ws[i - 1].country if i > 0 and ws[i - 1].text.endswith(POSSESSIVE_ENDS) else None
            if ws[i].kind != "name" or (i > 0 and ws[i - 1].kind in ("name", "title", "ent") and whose is None
                                        and not ws[i - 1].honor):   # ("Dr. Abi Ahmed, Prime Minister of ...")
                continue
            if i > 1 and ws[i - 1].text.lower() in self.particles and ws[i - 2].kind == "name":
                continue   # "Hind bint | Hamad Al Thani, chair of ...": inside a name a particle holds together
            n = i
            while n < len(ws) and (ws[n].kind == "name" or (
                    _particle_before_name(ws, n, self.particles))):
                n += 1
            if not 2 <= n - i <= 6 or n >= len(ws) or ws[n].text != ",":
                continue
            if self._covering(self.places, self.place_starts, ws[i].start, ws[n - 1].end) is not None:
                continue   # "... in the city of São Paulo, the vice-president of ...": a place, the next person's title
            j = n + 1
            if j < len(ws) and ws[j].text.lower() in ("and", "и", "or"):
                continue   # "Sheikh Mohamed bin Zayed, and Prime Minister Narendra Modi": the next person's title
            if j < len(ws) and ws[j].text.lower() in ("the", "a", "an"):
                j += 1
            if j < len(ws) and self.idioms and (m := self.idioms.match(self.text, ws[j].start)):
                while j < len(ws) and ws[j].start < m.end():
                    j += 1   # "Хосни Мубарака, тогда занимавшего пост | президента Египта"
            t = j
            # "executive vice president of ...": lower-case words right before the title word open it
            k = j
            while k < len(ws) and k - j < 3 and ws[k].kind == "other" and ws[k].text.islower() and not ws[k].anchor:
                k += 1
            if j < k < len(ws) and ws[k].anchor:
                t = k
            while t < len(ws) and (ws[t].kind in ("title", "ent", "name") or ws[t].anchor or (
                    ws[t].kind in ("conn", "other") and ws[t].text.islower() and t - j < 14
                    and self._leads_to_title(ws, t + 1)) or self._place_ends_title(ws, t)
                    # ("..., министра инвестиций, промышленности и торговли": a comma between the fields of its remit)
                    or (self.lower_titles and ws[t].text == "," and t > j and ws[t - 1].kind == "title"
                        and t + 1 < len(ws) and ws[t + 1].kind == "title" and not ws[t + 1].anchor)
                    or (ws[t].text == "of" and t + 1 < len(ws) and self._place_ends_title(ws, t + 1))):
                if self.lower_titles and ws[t].kind == "name" and t + 1 < len(ws) and ws[t + 1].kind == "name" \
                        and morph.given_name(_bare(ws[t].text)):
                    break   # "..., директор компании X Андрей Романцов": another person's name and title
                t += 1
            seg = self._trim_title(ws[j:t])
            if any(seg[k].anchor and seg[k + 1].kind == seg[k + 2].kind == "name" for k in range(len(seg) - 2)):
                continue   # "Elon Musk, BlackRock CEO | Larry Fink": a list goes on to another person with a title
            if _names_then_next_title(seg):
                continue   # "Denys Shmyhal, the Minister of ... Waldemar Buda and the Deputy Prime Minister ..."
            # the title ends at a comma or a full stop, or at the verb when the comma after it is missing
            # ("..., Minister for International Cooperation conducted the ceremony")
            ended = t >= len(ws) or ws[t].kind in ("punct", "conn") or (
                ws[t].kind == "other" and ws[t].text.islower() and bool(seg) and seg[-1].text[:1].isupper())
            if seg and any(w.anchor for w in seg) and ended:
                given = None
                if whose:   # (else add reads the title's own country, once)
                    title, country = self.title_and_country(seg)
                    given = (title, country or whose)
                self.add(ws[i:n], seg, given=given)

    def speech(self, ws: list[Word]) -> None:
        """Names of two or three words beside a speech verb ('said Aigerim Bekova'), or a well-known
        officeholder's full name (people.tsv)."""
        for i, w in enumerate(ws):
            if w.kind != "name" or (i > 0 and ws[i - 1].kind in ("name", "title")):
                continue
            n = i
            while n < len(ws) and ws[n].kind == "name":
                n += 1
            if n - i == 1 and not (i > 0 and ws[i - 1].kind == "ent") and \
                    not (n < len(ws) and ws[n].kind in ("title", "ent")):
                # a well-known officeholder by the surname alone, in an article about their country:
                # "Tokayev and Mirziyoyev agreed ...", "Токаев и Мирзиёев договорились ..."
                row = self._known_alone(w)
                if row is not None and row["country"] in self.countries:
                    self.add(ws[i:n], [], given=(None, row["country"]))
                continue
            if not 2 <= n - i <= 3 or (n < len(ws) and ws[n].kind in ("title", "ent")):
                continue
            start, end = ws[i].start, ws[n - 1].end
            full = self.text[start:end]
            # (in a case other than the nominative too: "визита Шавката Мирзиёева")
            known = self._known(full) is not None
            if self._covering(self.places, self.place_starts, start, end) is not None:
                continue   # "said Latin American countries ...": a region's adjective, nobody's name
            if i > 0 and ws[i - 1].kind == "ent" and not known:
                continue   # (a country's or a company's name before: "Лидер Узбекистана Шавкат Мирзиеев" only)
            if not known and THE_BEFORE.search(self.text, max(0, start - 5), start):
                continue   # "..., the Chung Wa Dae said": the article names a body or a place, not a person
            if SPEECH_AFTER.match(self.text[end:end + 30]) or \
                    SPEECH_BEFORE.search(self.text[max(0, start - 25):start]) or known:
                # (a well-known officeholder named in full needs neither: "Кобахидзе и Никол Пашинян обсудили")
                self.add(ws[i:n], [])

    @staticmethod
    def _trim_title(seg: list[Word]) -> list[Word]:
        while seg and (seg[0].kind == "conn" or seg[0].text == ","):   # (", President Tayyip Erdogan")
            seg = seg[1:]
        while seg and (seg[-1].kind == "conn" or seg[-1].text == ","):
            seg = seg[:-1]
        if len(seg) >= 2 and seg[-1].text.lower() in style_words() and seg[-2].text.lower() in minister_words():
            seg = seg[:-1]   # "Energy Minister | Prince Abdulaziz", "Foreign Minister | Ambassador Taye": a style
        elif len(seg) >= 2 and CYRILLIC.search(seg[-1].text) and morph.lemma(seg[-1].text) in style_words() and \
                morph.pos(seg[-2].text) != "ADJF" and any(morph.lemma(w.text) in minister_words() for w in seg[:-1]):
            # (not the noun of a title of two words: "министр энергетики, наследный принц")
            seg = seg[:-1]   # "с министром энергетики | принцем Абдель Азизом": Russian puts the office's words between
        if len(seg) >= 3 and seg[0].text.lower() in royal_words() and seg[1].text.lower() in ("and", "и"):
            seg = seg[2:]   # "the King | and President Buhari": a monarch is nobody's second office, but another person
        return seg

    # ---- recording ----
    def add(self, name_words: list[Word], title_ws: list[Word],
            given: tuple[str | None, str | None] | None = None, case_of: str | None = None) -> Person | None:
        """The person these name words name, with the title words' title and country (or `given`);
        None for a bare surname of nobody named in full. `case_of`: a word before the name whose case
        the name shares, where no title gives it ("коллегой Бадром" -> "Бадр")."""
        if self.lower_titles and title_ws:
            heads = [k for k, w in enumerate(title_ws) if morph.lemma(w.text) in ru_title_heads()]
            if len(heads) >= 2 and morph.only_plural(title_ws[heads[0]].text):
                # "для представителей СМИ | Президент ...", "сопредседатели комиссии | министр энергетики ...": an
                # office of many before one's own is theirs all, not this person's (still an office: no event's name)
                self.title_spans.append((title_ws[0].start, title_ws[heads[1] - 1].end))
                title_ws = title_ws[heads[1]:]
        if self.lower_titles and len(name_words) >= 3:
            # "директор компании Дельта Вилмар Андрей Романцов": a company's name before the person's, which
            # opens with the last first name followed by a surname (and a patronymic)
            k = max((i for i, w in enumerate(name_words[:-1]) if morph.given_name(_bare(w.text))), default=0)
            if k > 0 and len(name_words) - k in (2, 3) and \
                    not all(morph.given_name(_bare(w.text)) or morph.pos(_bare(w.text)) in FUNCTION_POS
                            for w in name_words[:k]) and \
                    not any(w.text.lower() in self.particles for w in name_words) and \
                    not any(morph.pos(_bare(w.text)) in (None, "ADJS") for w in name_words[:k]):
                # (not a name a particle holds together: "Лаудемар Гонсальвес де Агиар Нету"; nor a family
                # name no dictionary knows, written first: "Фам Минь Тинь", "Нгуен Минь Тхань", which the
                # dictionary's guess reads as a short adjective)
                # (not where all before it are first names too: "Мохаммед Реза Хашеми-Голпайгани")
                title_ws, name_words = title_ws + name_words[:k], name_words[k:]
        heads = [k for k, w in enumerate(name_words) if w.text in closing_heads()]
        if heads and len(name_words) - heads[-1] > 2:
            # "Chief Executive Officer of Aramco Associates Company Al Buainain Ibrahim Qassim": a body's
            # name closes before the person's, which is the title's
            k = heads[-1] + 1
            title_ws, name_words = title_ws + name_words[:k], name_words[k:]
        if any(w.text in institution_heads() for w in name_words[1:]):
            return None   # "Bandaranaike Diplomatic Training Institute": a body's name, nobody's
        royal = next((w for w in title_ws if morph.lemma(w.text) in royal_words()), None) if self.lower_titles else None
        if royal is not None and royal.start < name_words[0].start and self._named_after(royal.start):
            return None   # "Институт принца Сауда Аль-Фейсала", "Университетом короля Абдель Азиза": a body's name
        name = self.text[name_words[0].start:name_words[-1].end]
        name = _bare(name)
        title, country = given if given is not None else self.title_and_country(title_ws)
        if country is None and title_ws:
            # (the title before the name, or after it: "the delegation was led by | Mohammed Idris, Minister of ...")
            country = self.delegation_country(min(title_ws[0].start, name_words[0].start))
        if country is None and title_ws:
            country = self.led_country(name_words[-1].end)
        if country is None and title_ws and self.lower_titles and title_ws[0].start < name_words[0].start:
            country = self.apposed_country(title_ws[0].start, " ".join(w.text for w in title_ws))
        if country is None and title_ws and title_ws[0].start < name_words[0].start:
            country = self.visitor_country(title_ws[0].start)
        if title and "(" in title:
            title = BRACKET_IN_TITLE.sub("", title).strip() or None   # "... иностранных дел (МИД РФ)"
        if title_ws:
            self.title_spans.append((title_ws[0].start, title_ws[-1].end))
        if self.lower_titles:
            written = name
            if GLUED_INITIAL.fullmatch(name):   # "У.Хурэлсухом": the surname after the initial in the nominative
                initial, _, surname = name.partition(".")
                name = f"{initial}.{morph.nominative_name(surname, case_of or title)}"
            elif any(w.lower() in self.particles for w in name.split()):
                # "Мухаммадом бин Заидом Аль Нахайяном": the particles stay as written, the name words
                # between them agree with each other ("Мухаммад бин Заид Аль Нахайян")
                words = name.split()
                inflecting = [w for w in words if w.lower() not in self.particles]
                forms = iter(morph.nominative_name(" ".join(inflecting), case_of or title).split())
                name = " ".join(w if w.lower() in self.particles else next(forms, w) for w in words)
            else:
                name = morph.nominative_name(name, case_of or title)
            if known_person(name) is None:
                # a surname that does not decline, read as if it did ("Нарендры Моди" -> "Моди", not "Модь"):
                # as written, where the first name put in the nominative makes a name the list knows
                kept = " ".join(name.split()[:-1] + written.split()[-1:])
                name = kept if known_person(kept) is not None else name
            if title and (morph.plural(title.split(" ")[0]) or morph.plural_office(title.split(" ")[0])):
                head = title.split(" ")[0]
                title = _one_office(head, title[len(head):])
            title = _nominative_title(title) if title else title
        surface = _bare(self.text[name_words[0].start:name_words[-1].end])
        span = Span(name_words[0].start, name_words[0].start + len(surface), "person", surface)
        if len(name_words) == 1 and not GLUED_INITIAL.fullmatch(surface):
            # a bare surname after a title: only as a mention of someone named in full, or of a well-known
            # officeholder the list knows by it ("President Tokayev"), named as the text names them
            person = self.by_surname(name)
            if person is None and (title_ws or given is not None) and (
                    row := known_person(name) or _styled_known(title_ws, name_words)) is not None:
                # (kept under the full name the list gives: "Jokowi" and "Widodo" are one person)
                person = self.people.setdefault(fold(row["name"]).replace("-", " "), Person(name))
            if person is None:
                return None
        else:
            # (one name spelt with hyphens or spaces is one person: "Al-Muhammad Al-Sabah", "Al Muhammad Al Sabah")
            # (and one written with "ё" or "е", or with a Latin letter slipped in: "Cергей Цивилев")
            key = fold(name).replace("-", " ")
            person = self.people.get(key) or self.by_surname(name_words[-1].text, first=name)
            if person is None:
                person = self.people[key] = Person(name)
            elif " " not in person.name and " " in name:
                # first met by the surname alone ("Порошенко подписал ..."), now named in full
                person.name = name
                for m in person.mentions:
                    m.value = name
            elif person.name != name and fold(person.name) == fold(name) and mixed_script(person.name) and \
                    not mixed_script(name):
                # the name first met with a Latin letter slipped in: named as the text spells it right
                person.name = name
                for m in person.mentions:
                    m.value = name
        span.value = person.name
        if not any(m.start == span.start and m.end == span.end for m in person.mentions):
            person.mentions.append(span)   # (a name read twice: with its title and as a counterpart)
        if title:
            person.titles.append((title, country))
        elif country:
            person.titles.append(("", country))
        return person

    def _named_after(self, at: int) -> bool:
        """Is the word before offset `at` a capitalised noun inside a sentence, the name of a body or place
        a monarch's title and name follow ("Институт | принца Сауда", "Университетом | короля Абдель Азиза")?"""
        m = CAPITALISED_BEFORE.search(self.text, max(0, at - 40), at)
        return m is not None and morph.pos(m["word"]) == "NOUN" and \
            not self._covering_any(self.anchors, self.anchor_starts, m.start("word"), m.end("word"))

    def _known_alone(self, w: Word) -> dict[str, str] | None:
        """The row of the well-known officeholder whose surname the one name word is ("Tokayev", "Токаевым"),
        if the list knows one."""
        return self._known(_bare(w.text))

    def _known(self, name: str) -> dict[str, str] | None:
        """The row of the well-known officeholder `name` names, as written or (Russian) in the nominative."""
        return known_person(name) or (known_person(morph.nominative_name(name)) if self.lower_titles else None)

    def delegation_country(self, at: int) -> str | None:
        """The country whose delegation the title at `at` heads ("the delegation of Hungary was headed by
        | the Minister of Finance", "делегацию Казахстана возглавил | министр"), if words say so."""
        k = bisect_right(self.ent_starts, at) - 1
        while k >= 0 and self.ents[k].start > at - DELEGATION_REACH:
            c = self.ents[k]
            k -= 1
            if c.label != "country" or c.end > at:
                continue
            before = self.text[max(0, c.start - 40):c.start]
            after = self.text[c.end:at]
            if any(b.search(before) and a.match(after) for b, a in self.delegation):
                self.delegated = (c.value, at)
                return c.value
            break   # the nearest country is the one the words would name
        # "the Russian side was represented by Deputy Prime Minister X and | Deputy Foreign Minister Y":
        # the next one listed with their title is of the same delegation
        if self.delegated is not None:
            country, head = self.delegated
            if 0 < at - head <= DELEGATION_REACH * 2 and MEMBER_NEXT.fullmatch(self.text, head, at) and \
                    not any(c.label == "country" for c in
                            self.ents[bisect_right(self.ent_starts, head):bisect_left(self.ent_starts, at)]):
                self.delegated = (country, at)
                return country
        return None

    def led_country(self, end: int) -> str | None:
        """The country whose delegation the person whose name ends at `end` heads, where the words after
        the name say so ("... Saud | led the | Nepali | delegation", "... возглавил делегацию | Казахстана")."""
        k = bisect_left(self.ent_starts, end)
        while k < len(self.ents) and self.ents[k].start < end + 40:
            c = self.ents[k]
            k += 1
            if c.label != "country":
                continue
            between, after = self.text[end:c.start], self.text[c.end:c.end + 20]
            return c.value if any(b.match(between) and a.match(after) for b, a in self.leading) else None
        return None

    def visitor_country(self, at: int) -> str | None:
        """The country of a visitor whose title starts at `at`, right after the place they came to ("during
        the visit to Cairo of | Crown Prince ...", "во время визита в Каир | наследного принца ..."): the side of
        the article's pair the place is not in."""
        main = main_parties(self.doc)
        if len(main) != 2:
            return None
        spots = [(sp.start, sp.end, sp.data.get("country"))
                 for sp in self._near(self.places, self.place_starts, at - 39, at) if sp.end <= at] + \
            [(c.start, c.end, c.value) for c in self._near(self.ents, self.ent_starts, at - 39, at)
             if c.label == "country" and c.end <= at]
        for start, end, where in spots:
            if where in main and any(b.search(self.text, max(0, start - 40), start) and g.match(self.text[end:at])
                                     for b, g in self.visit):
                return main[1] if where == main[0] else main[0]
        return None

    def apposed_country(self, at: int, title: str) -> str | None:
        """The country of an office set before the title at `at` with a comma, in the title's case ("правителя
        Саудовской Аравии, | наследного принца ...": the ruler of Saudi Arabia and the crown prince are one)."""
        k = bisect_left(self.ent_starts, at) - 1
        if k < 0 or self.ents[k].label != "country" or not APPOSED_GAP.fullmatch(self.text, self.ents[k].end, at):
            return None
        before = PRECEDING_WORD.search(self.text, max(0, self.ents[k].start - 40), self.ents[k].start)
        if before is None or morph.pos(before.group(1)) != "NOUN":
            return None
        return self.ents[k].value if morph.title_cases(before.group(1)) & morph.title_cases(title) else None

    def by_surname(self, surname: str, first: str | None = None) -> Person | None:
        """Someone already named whose surname this is; with `first` (the whole new name), also
        whose full name ends with it ("Al Kuwari", "Saeed Al Mansoori" after the full names)."""
        surname = _bare(surname)
        for p in self.people.values():
            parts = p.name.split()
            if parts[-1] != surname:
                if first is not None and _same_tail(p.name, first):
                    return p
                continue
            if first is None or first.split()[0][0] == parts[0][0] or _same_tail(p.name, first):
                return p
        return None

    def title_and_country(self, ws: list[Word]) -> tuple[str | None, str | None]:
        if not ws:
            return None, None
        country: str | None = None
        posted: str | None = None   # where a diplomat is posted
        keep: list[Word] = []
        i = 0
        while i < len(ws):
            w = ws[i]
            if w.country:
                diplomat = any(k.text.lower() in diplomatic_words() for k in keep)
                if keep and (keep[-1].text.lower() in IN_WORDS or (keep[-1].text.lower() == "to" and diplomat)):
                    # "директор миссии USAID в Украине", "Mission Director in Ukraine", "Ambassador to
                    # Azerbaijan": where the office is, not the state it serves
                    if diplomat:
                        posted = w.country
                    elif keep[-1].text.lower() in IN_WORDS and w.ent.data.get("form") != "demonym" and \
                            any(k.text.lower() in minister_words() for k in keep):
                        country = country or w.country   # "Minister of Finance in Qatar": a government's own
                    keep.pop()
                    i += 1
                    continue
                country = country or w.country
                # drop "of (the Republic of) Kazakhstan" with the country words
                while keep and (keep[-1].kind == "conn" or keep[-1].text in REPUBLIC
                                or keep[-1].text in CONNECTORS):   # "of the" inside an organization's name
                    keep.pop()
                i += 1
                if keep and keep[-1].text.lower() in SIDE_FROM and i < len(ws) and ws[i].text.lower() in SIDE:
                    keep.pop()   # "сопредседатель комиссии с российской стороны": the side, with its country
                    i += 1
                continue
            if country is None and w.kind in ("other", "name"):
                place = self._covering(self.places, self.place_starts, w.start, w.end)
                if place is not None and place.data.get("country"):
                    country = place.data["country"]
            if w.kind == "ent" and w.ent is not None and w.ent.label == "org" and country is None:
                ent = self.orgs.get(w.ent.value)
                if ent is not None and ent.country:
                    country = ent.country
            if w.text.lower() in self.country_refs:
                # "Президент этой страны", "глава МИД страны": the country is named elsewhere, no word of the office
                while keep and (keep[-1].text.lower() in self.country_pointers or (
                        self.lower_titles and keep[-1].text.islower() and morph.pos(keep[-1].text) == "ADJF")):
                    keep.pop()   # (and the words that describe it: "центральноамериканской | страны")
                i += 1
                continue
            if w.honor:
                # "President His Highness Sheikh ...": the honorific is no part of the title
                while keep and keep[-1].kind == "conn":
                    keep.pop()
                i += 1
                continue
            keep.append(w)
            i += 1
        keep = self._trim_title(keep)
        if not keep:
            return None, country
        if self.lower_titles:
            # Russian names the country inside the office ("Верховный представитель ЕС по
            # иностранным делам"): the title is its words without it
            title = self.text[keep[0].start:keep[0].end]
            for a, b in zip(keep, keep[1:], strict=False):
                gap = self.text[a.end:b.start]
                title += (gap if not gap.strip() else "" if b.kind == "punct" else " ") + b.text
        else:
            title = self.text[keep[0].start:keep[-1].end]
        if country is None and EU_OFFICE.search(title):
            country = "EU"
        if country is None and posted is not None:
            # a diplomat posted to one side of the article's pair serves the other
            main = main_parties(self.doc)
            if len(main) == 2 and posted in main:
                country = main[1] if posted == main[0] else main[0]
        title = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.I)
        return title, country

    def link_mentions(self) -> None:
        """Every later mention of a person's full name or surname."""
        taken = {(m.start, m.end) for p in self.people.values() for m in p.mentions}
        for p in self.people.values():
            forms = [p.name]
            parts = p.name.split()
            if len(parts) >= 2 and len(parts[-1]) > 2:
                forms.append(parts[-1])
            for form in forms:
                for start, end, _ in literal_matches(self.text, [form]):
                    if (start, end) in taken or any(
                            s <= start < e for s, e in taken) or not self.doc.in_body(start, end):
                        continue
                    taken.add((start, end))
                    p.mentions.append(Span(start, end, "person", form, p.name))
            if self.lower_titles and len(forms) > 1:
                # a surname in another case ("встреча Рахмона", "с Алиевым"): its stem and an ending
                surname = forms[-1]
                for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}[а-яё]{{1,3}}(?![\w-])", self.text):
                    start, end = m.span()
                    if (start, end) in taken or any(s <= start < e for s, e in taken) or \
                            not self.doc.in_body(start, end) or morph.nominative_name(m.group()) != surname:
                        continue
                    taken.add((start, end))
                    p.mentions.append(Span(start, end, "person", m.group(), p.name))

    def resolve(self) -> list[Person]:
        # a well-known officeholder met by surname first ("President Kagame ... Paul Kagame"), or by
        # another of the names the list knows ("Peña Nieto ... Enrique Peña Nieto"): one person
        for key, p in list(self.people.items()):
            row = known_person(p.name)
            if " " in p.name and row is None:
                continue
            full = next((q for q in self.people.values() if q is not p and " " in q.name and len(q.name) > len(p.name)
                         and (q.name.split()[-1].lower() == p.name.lower() or (
                             row is not None and (known_person(q.name) or {}).get("name") == row["name"]))), None)
            if full is not None:
                full.mentions.extend(m for m in p.mentions if all(m.start != f.start for f in full.mentions))
                full.titles.extend(p.titles)
                del self.people[key]
        fallback = self.dateline_country()
        out = []
        for p in self.people.values():
            titles = [t for t, _ in p.titles if t]
            p.title = max(titles, key=len) if titles else None
            p.country = next((c for _, c in p.titles if c), None)
            known = known_person(p.name) or next((row for t, _ in p.titles if t and (row := styled_known(t, p.name))),
                                                 None)
            if known is None and p.name.count(" ") >= 2:
                # "President Arthur Peter Mutharika": a name the list knows without its first given name
                known = known_person(p.name.split(" ", 1)[1])
            if p.country is None and known:
                p.country = known["country"]
            if p.country is None and p.title and fallback and USE_DATELINE_FALLBACK:
                p.country = fallback
            p.mentions.sort(key=lambda s: s.start)
            out.append(p)
        for k, lo, hi in self.subject_first:
            opening = min(((m.start, p) for p in out for m in p.mentions if lo <= m.start < hi),
                          key=lambda c: c[0], default=None)
            if opening is not None and opening[1] is not self.counterpart_of[k][0]:
                self.counterpart_of[k] = (self.counterpart_of[k][0], opening[1])
        for person, subject in self.counterpart_of:
            if person.title is None and subject.title:
                # "India's External Affairs Minister ... his UAE counterpart": the UAE's Foreign Minister
                person.title = common_titles().get(subject.title.lower(), subject.title)
        for p in out:
            known = known_person(p.name)
            if p.title is None and known and not self.lower_titles:
                # the office the list knows, where the text gives none (its "counterpart" gives one: the
                # office held then, which the list's may not be)
                p.title = known["title"]   # (in English: a Russian record takes no English title)
        self.other_side(out)
        return out

    def dateline_country(self) -> str | None:
        """The country of the article's dateline, where it is a known place."""
        dateline = self.doc.dateline.lower() if self.doc.dateline else None
        place = (gz.place_index().get(dateline) or gz.place_index(lang.of(self.doc).code).get(dateline)) \
            if dateline else None
        return place[1] if place else None

    def other_side(self, people: list[Person]) -> None:
        """In an article between two countries, an official with no country of their own serves
        the side no other official named serves: "his UAE counterpart" makes him the other
        side's; with everyone else named from one side, he is from the other."""
        main = main_parties(self.doc)
        if len(main) != 2:
            return
        for person, country in self.sides:
            if person.country is None and country in main:
                person.country = main[0] if country == main[1] else main[1]
        known = {p.country for p in people if p.country}
        if len(known) != 1 or not known <= set(main):
            return
        if {self.dateline_country()} == known:
            return   # ("Jakarta – ..., according to Investment Minister Bahlil Lahadalia": the press of the side
            # named leaves its own officials' country unsaid; no guess)
        other = main[0] if known == {main[1]} else main[1]
        for p in people:
            if p.country is None and p.title:
                p.country = other


@component("people")
def annotate(doc: Document) -> None:
    f = PeopleFinder(doc)
    f.run()
    people = f.resolve()
    doc.meta["people"] = people
    doc.meta["title_spans"] = f.title_spans
    doc.spans["person"] = sorted((m for p in people for m in p.mentions), key=lambda s: s.start)
