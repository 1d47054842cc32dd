"""Russian morphology with pymorphy3 (its dictionaries ship as a package: nothing is downloaded).

Lemmas match inflected words against gazetteers and cue lists ("Казахстаном" -> "казахстан");
`nominative` turns a name found in another case into the form a record holds ("встрече с Олжасом
Бектеновым" -> "Олжас Бектенов"). pymorphy3 parses some 6,000 words a second, so every word form is
parsed once per process and kept; so are the nominatives of names and titles, which articles repeat.
"""
from __future__ import annotations

import os
import re
from functools import cache, lru_cache

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
NAME_TAGS = ("Name", "Surn", "Patr")


@cache
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1 << 16)
def parses(word: str) -> tuple:
    """pymorphy3's readings of a word (kept: a word form is parsed once per process)."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=1 << 17)
def lemma(word: str) -> str:
    """The normal form of a Russian word, lower-cased; other words lower-cased as they are."""
    low = word.lower()
    if not _CYRILLIC.search(low):
        return low
    if "-" in low and not low.startswith("-") and not low.endswith("-"):
        # "торгово-экономического" -> "торгово-экономический": only the last part inflects
        head, _, tail = low.rpartition("-")
        return f"{head}-{lemma(tail)}"
    readings = parses(low)
    if len(readings) > 1 and readings[0].tag.POS == "NOUN" and readings[0].normal_form not in office_heads():
        # "премьера": "премьер" in the genitive before a first night's nominative, where a reading names an office
        # (another noun's only: "после" is a preposition before it is "посол")
        office = next(iter(_office_readings(low)), None)
        if office is not None:
            return office.normal_form.replace("ё", "е")
    return readings[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=1 << 15)
def _name_form(word: str, gender: str | None) -> tuple[str, str | None]:
    """(nominative, gender) of one word of a person's name, keeping its capitals."""
    readings = parses(word)
    named = [p for p in readings if any(t in p.tag for t in NAME_TAGS) and "sing" in p.tag]
    if gender:
        same = [p for p in named if gender in p.tag]
        named = same or named
    best = named[0] if named else None
    if best is None:
        return word, gender
    form = best.inflect({"nomn"})
    word_form = form.word if form else best.normal_form
    return _recase(word, word_form), gender or (best.tag.gender if best.tag.gender in ("masc", "femn") else None)


def _recase(original: str, form: str) -> str:
    """`form` with the capitals of `original` ("ОЛЖАС" stays upper, "Олжас" title case), and "е" where
    the text writes "е" for the dictionary's "ё" ("Мохсен", not "Мохсён")."""
    if "ё" not in original.lower():
        form = form.replace("ё", "е")
    if original.isupper():
        return form.upper()
    parts = form.split("-")
    return "-".join(p[:1].upper() + p[1:] for p in parts)


# the endings a man's surname declined like a noun ("Тозик") takes in each case but the nominative
MASCULINE_ENDINGS = {"gent": "а", "accs": "а", "datv": "у", "ablt": "ом", "loct": "е"}
VOWELS = frozenset("аеёиоуыэюяй")
NOUN_DECLINED_SURNAME = re.compile(r"[А-ЯЁ][а-яё-]+(?:ов|ев|ёв)ом")


@lru_cache(maxsize=1 << 14)
def nominative_name(name: str, title: str | None = None) -> str:
    """A person's name in the nominative: "Олжасом Бектеновым" -> "Олжас Бектенов". The words of the
    name agree in gender and case, so they are read together: the gender and case every word can
    have, the likeliest first ("Ильхама Алиева" is a man's name in the genitive, not a woman's in the
    nominative). A title before the name (`title`, as written) has its case, which settles the rest
    ("министра Микаила Джаббарова" -> "Микаил Джаббаров"). Of a hyphenated word only the last part
    inflects ("Касым-Жомартом" -> "Касым-Жомарт")."""
    if not _CYRILLIC.search(name):
        return name
    words = name.split()
    cases = title_cases(title) if title else frozenset()
    if cases == {"nomn"}:
        # the title is in the nominative, so is the name beside it, even where the dictionary reads a word
        # otherwise ("министр Фелипе Сола": "Фелипе" no dative of a "Фелипа"): as written
        return name
    reading = _agreeing_reading(tuple(words), cases)
    if cases and len(words) == 1 and reading is not None and reading[0] is not None and \
            reading[0].tag.case not in cases:
        # one word with no reading in the case its title gives does not decline: as written ("премьер-министром
        # Индии Н.Моди", not "Модь" of a noun's genitive)
        return name
    out = []
    if reading is None:
        gender = None
        for word in words:
            # (no one gender fits every word, "пресс-секретарь Махабат Маматова": a word with a reading in
            # the case the title gives is in that case)
            in_case = [p for p in _named(word) if p.tag.case in cases]
            if in_case:
                out.append(_in_nominative(word, max(in_case, key=lambda p: p.score)))
                continue
            form, gender = _name_form(word, gender)
            out.append(form)
    else:
        known = [p for p in reading if p is not None]
        case = known[0].tag.case if known else None
        masculine = bool(known) and all("masc" in p.tag for p in known if "Name" in p.tag or "Surn" in p.tag)
        for word, parse in zip(words, reading, strict=True):
            if parse is None:
                # a man's surname the dictionary does not know, in the case the other words settle:
                # the ending of nouns like it comes off ("Анатолия Тозика" -> "Тозик")
                ending = MASCULINE_ENDINGS.get(case) if masculine else None
                out.append(word[:-len(ending)] if ending and word.endswith(ending) and len(word) > 4
                           and word[-len(ending) - 1] not in VOWELS else word)
                continue
            out.append(_in_nominative(word, parse))
    # a surname in -ов declined as a noun ("с Гурбангулы Бердымухамедовом"): the dictionary reads it
    # as an adjective or a woman's name; its nominative is the word without the ending
    return " ".join(word[:-2] if NOUN_DECLINED_SURNAME.fullmatch(word) else form
                    for word, form in zip(words, out, strict=True))


def _in_nominative(word: str, parse) -> str:
    """A name's word in the nominative from `parse`, a reading of its last part (of a hyphenated word only the
    last part inflects: "Касым-Жомартом" -> "Касым-Жомарт"), keeping its capitals."""
    head, dash, last = word.rpartition("-")
    form = parse.inflect({"nomn"})
    return head + dash + _recase(last, form.word if form else parse.normal_form)


def given_name(word: str) -> bool:
    """Is the word's likeliest reading a first name ("Андрей"; not "Дельта", "Романцов")?"""
    readings = parses(word)
    return bool(readings) and "Name" in readings[0].tag


def _named(word: str) -> list:
    """The readings of a name's word (of its last part when hyphenated) as a first name, surname or
    patronymic, singular."""
    last = word.rpartition("-")[2]
    named = [p for p in parses(last) if any(t in p.tag for t in NAME_TAGS) and "sing" in p.tag]
    if all("Infr" in p.tag or "voct" in p.tag for p in named):
        # a name the dictionary does not know ("Даниром"): read as the noun it declines like, "Данир"
        named += [p for p in parses(last) if p.tag.POS == "NOUN" and "sing" in p.tag
                  and not any(t in p.tag for t in NAME_TAGS) and p.tag.case != "voct"]
    return named


@lru_cache(maxsize=1 << 14)
def _agreeing_reading(words: tuple[str, ...], cases: frozenset[str]) -> tuple | None:
    """One reading per word (None for a word with no reading as a name), all of one gender and case,
    the likeliest such choice, within `cases` where it can be; None where no choice agrees."""
    named = [_named(w) for w in words]
    if not any(named):
        return None
    best: tuple[float, bool, tuple] | None = None
    for gender in ("masc", "femn"):
        for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
            score, chosen = 1.0, []
            for readings in named:
                if not readings:
                    chosen.append(None)
                    continue
                # (a word read as the noun it declines like may be of either gender: a man's name in
                # -а declines like a woman's noun, "Луисом Инасио Лулой")
                fits = [p for p in readings if p.tag.case == case
                        and (gender in p.tag or "ms-f" in p.tag or "Fixd" in p.tag
                             or not any(t in p.tag for t in NAME_TAGS))]
                if not fits and case in cases and len(named) > 1 and all(p.tag.case != case for p in readings):
                    # the case a title gives, which this word has no form in as a name: read as the noun
                    # it declines like ("вице-президента Джевдета Йылмаза" -> "Йылмаз"), or a foreign
                    # name that does not decline ("коллегой Салимом Аль-Ауфи"), kept as written
                    chosen.append(next((p for p in parses(words[len(chosen)].rpartition("-")[2].lower())
                                        if p.tag.POS == "NOUN" and p.tag.case == case and gender in p.tag
                                        and "sing" in p.tag), None))
                    if chosen[-1] is None:
                        score *= 0.1   # a case in which a word has no reading at all is the less likely
                    continue
                if not fits:
                    break
                # (of the nouns an unknown name may decline like, one of the name's gender first, and one of
                # another gender counts half: "президенту Тамашу Шуйоку" is a man's "Шуйок" in the dative,
                # not a neuter "Шуйоко")
                pick = max(fits, key=lambda p: (gender in p.tag, p.score))
                own = gender in pick.tag or any(t in pick.tag for t in NAME_TAGS)
                score *= pick.score if own else pick.score / 2
                chosen.append(pick)
            else:
                if not any(chosen):
                    continue
                key = (case in cases, score)
                if best is None or key > best[:2]:
                    best = (*key, tuple(chosen))
    return best[2] if best else None


def title_cases(title: str) -> frozenset[str]:
    """The cases the head of a title can be in as a noun ("министра" -> gent, accs), in the
    singular where it can be (one person's title: "главы" is a genitive, not the plural nominative)."""
    words = title.split(" ")
    # the head noun: past the adjectives before it ("генеральный директор", "первого заместителя")
    head = next((w for w in words[:3] if _CYRILLIC.search(w) and parses(w.lower())[0].tag.POS not in ("ADJF", "PRTF")),
                words[0]).rpartition("-")[2]
    if not _CYRILLIC.search(head):
        return frozenset()
    nouns = [p for p in parses(head.lower()) if p.tag.POS == "NOUN" and p.tag.case]
    # the readings as an office, where the word has one ("премьера": "премьер" in the genitive, not
    # the nominative of "премьера", a first night)
    offices = [p for p in _office_readings(head.lower()) if p.tag.case]
    nouns = offices or nouns
    singular = frozenset(p.tag.case for p in nouns if p.tag.number == "sing")
    return singular or frozenset(p.tag.case for p in nouns)


def _office_readings(word: str) -> list:
    """The readings of a lower-case Russian word as a noun heading an office ("премьера": "премьер"
    in the genitive, not the nominative of "премьера", a first night)."""
    return [p for p in parses(word) if p.tag.POS == "NOUN" and p.normal_form in office_heads()]


@cache
def office_heads() -> frozenset[str]:
    """The last part of each word of the Russian offices of titles.tsv ("премьер", "министр", "глава")."""
    from . import lang

    return frozenset(w.rpartition("-")[2] for row in lang.RUSSIAN.lexicon("titles.tsv")
                     for w in row["title"].lower().split())


def nominative_phrase(phrase: str) -> str:
    """A title or a body's name with its head word in the nominative ("министром иностранных дел"
    -> "министр иностранных дел", "Министерства энергетики" -> "Министерство энергетики"): the
    first word is put in the nominative singular and the rest, which depends on it, is kept."""
    words = phrase.split(" ", 1)
    head = words[0]
    if not _CYRILLIC.search(head):
        return phrase
    readings = parses(head)
    best = next((p for p in readings if p.tag.POS == "NOUN"), readings[0])
    form = best.inflect({"nomn", "sing"}) if "plur" not in best.tag else best.inflect({"nomn"})
    word = form.word if form else head.lower()
    if head.isupper():
        word = word.upper()
    elif head[:1].isupper():
        word = word[:1].upper() + word[1:]
    return " ".join([word, *words[1:]])


@lru_cache(maxsize=1 << 15)
def pos(word: str) -> str | None:
    """The part of speech pymorphy3 reads first for a Russian word ("NOUN", "ADJF", "PREP", ...)."""
    if not _CYRILLIC.search(word):
        return None
    return parses(word.lower())[0].tag.POS


@lru_cache(maxsize=1 << 16)
def may_agree(adjective: str, noun: str) -> bool:
    """Can the adjective stand in a case the noun can be in ("успешным" and "визит": no; "рабочий" and
    "визит": yes)? Of a hyphenated word the last part is read; a word with no case (not Russian) agrees."""
    def cases(word: str, kinds: tuple[str, ...]) -> set[str]:
        last = word.rpartition("-")[2].lower()
        if not _CYRILLIC.search(last):
            return set()
        return {p.tag.case for p in parses(last) if p.tag.POS in kinds and p.tag.case}
    a, n = cases(adjective, ("ADJF", "PRTF")), cases(noun, ("NOUN",))
    return not a or not n or bool(a & n)


@lru_cache(maxsize=1 << 16)
def genitive(word: str) -> bool:
    """Can the Russian word be a noun or adjective in the genitive ("промышленности", "энергетики")?"""
    return bool(_CYRILLIC.search(word)) and any(
        p.tag.POS in ("NOUN", "ADJF") and "gent" in p.tag for p in parses(word.lower()))


@lru_cache(maxsize=1 << 15)
def common_genitive(word: str) -> bool:
    """Is the Russian word one of the dictionary's, a noun or adjective that can be in the genitive,
    and no person's name ("Главного", "управления", "Организации"; not "Ивана", not an unknown
    "Реджепа")?"""
    low = word.lower()
    if not _CYRILLIC.search(low) or not analyzer().word_is_known(low):
        return False
    readings = parses(low)
    return not any(t in p.tag for p in readings for t in NAME_TAGS) and \
        any(p.tag.POS in ("NOUN", "ADJF") and "gent" in p.tag for p in readings)


@lru_cache(maxsize=1 << 15)
def only_case(word: str, case: str) -> bool:
    """Is the Russian word a noun that can only be in `case` ("Внешэкономбанку": "datv")?"""
    readings = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"] if _CYRILLIC.search(word) else []
    return bool(readings) and all(p.tag.case == case for p in readings)


# "на заседании комиссии | стороны обсудили": "the sides", the subject of the clause that follows, never a word that
# depends on the one before ("стороны" reads as a genitive too, so morphology alone cannot tell)
CLAUSE_SUBJECTS = frozenset({"стороны"})


def clause_subject(word: str) -> bool:
    """Is the Russian word the subject of a new clause (nominative_only, or "стороны"), never a word of a name?"""
    return word.lower() in CLAUSE_SUBJECTS or nominative_only(word)


@lru_cache(maxsize=1 << 15)
def nominative_only(word: str) -> bool:
    """Is the Russian word a noun or adjective that can only be in the nominative ("лидеры",
    "министры"): the subject of a clause, never a word that depends on another?"""
    readings = [p for p in parses(word.lower()) if p.tag.POS in ("NOUN", "ADJF")] if _CYRILLIC.search(word) else []
    return bool(readings) and all(p.tag.case == "nomn" for p in readings)


@lru_cache(maxsize=1 << 14)
def nominative_head(phrase: str) -> str:
    """A body's name with its head in the nominative: the adjectives before the head noun agree
    with it ("казахстанско-российской межправительственной комиссии по сотрудничеству" ->
    "казахстанско-российская межправительственная комиссия по сотрудничеству"); what follows the
    head depends on it and keeps its case."""
    words = phrase.split(" ")
    head = None
    conjunctions = set()   # "чрезвычайного и полномочного посла": "и" joins two adjectives of the head
    for i, word in enumerate(words):
        readings = parses(word.lower()) if _CYRILLIC.search(word) else []
        if readings and readings[0].tag.POS == "CONJ":
            conjunctions.add(i)
            continue
        noun = next(iter(_office_readings(word.lower())), None) if readings else None
        noun = noun or next((p for p in readings if p.tag.POS == "NOUN"), None)   # ("премьера": the office's first)
        if noun is not None and not any(p.tag.POS in ("ADJF", "PRTF") for p in readings[:1]):
            head = (i, noun)
            break
    if head is None:
        return phrase
    i, noun = head
    plural = "plur" in noun.tag
    form = noun.inflect({"nomn"} if plural else {"nomn", "sing"})
    grammemes = {"nomn", "plur"} if plural else {"nomn", noun.tag.gender or "masc"}
    out = [w if k in conjunctions else _adjective(w, grammemes) for k, w in enumerate(words[:i])] + \
        [_keep_case(words[i], form.word if form else words[i])]
    return " ".join(out + words[i + 1:])


def _adjective(word: str, grammemes: set[str]) -> str:
    """An adjective in the given case, gender or number; of a compound ("казахстанско-российской")
    only the last part inflects."""
    first, dash, last = word.rpartition("-")
    parse = next((p for p in parses(last.lower()) if p.tag.POS in ("ADJF", "PRTF")), None)
    form = parse.inflect(grammemes) if parse else None
    low = last.lower()
    if form is not None and parse is not None and len(os.path.commonprefix([form.word, low])) < len(low) - 2:
        # more than the ending changed, as in a lexeme with two forms of a degree ("высшей" -> "высочайшая",
        # not "высшая"): the form that keeps most of the word's own letters
        own = [f for f in parse.lexeme if grammemes <= f.tag.grammemes and f.tag.POS == parse.tag.POS]
        form = max(own, key=lambda f: len(os.path.commonprefix([f.word, low])), default=form)
    new = form.word if form else low
    return _keep_case(word, first + dash + _keep_case(last, new))


def _keep_case(original: str, form: str) -> str:
    if original.isupper():
        return form.upper()
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


@lru_cache(maxsize=1 << 14)
def only_plural(word: str) -> bool:
    """Is a Russian noun plural in every reading ("соглашений", "документов"; not "соглашения",
    which may be one agreement's genitive)?"""
    found = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
    return bool(found) and all("plur" in p.tag for p in found)


@lru_cache(maxsize=1 << 14)
def plural(word: str) -> bool:
    """Is a Russian noun in the plural ("вице-премьеры", "министры")?"""
    last = word.rpartition("-")[2].lower()
    if not _CYRILLIC.search(last):
        return False
    return any(p.tag.POS == "NOUN" and "plur" in p.tag and "nomn" in p.tag for p in parses(last))


@lru_cache(maxsize=1 << 14)
def plural_office(word: str) -> bool:
    """Is a Russian word an office in the plural, of any case ("министры", "президентов",
    "вице-премьеры": premiers, not a premiere's genitive; not "экономики", "дел")?"""
    last = word.rpartition("-")[2].lower()
    if not _CYRILLIC.search(last):
        return False
    offices = _office_readings(last)
    return bool(offices) and all("plur" in p.tag for p in offices)


def genitive_singular(word: str) -> str:
    """An office in the genitive plural put in the genitive singular ("министров" -> "министра")."""
    first, dash, last = word.rpartition("-")
    parse = next(iter(_office_readings(last.lower())), None)
    form = parse.inflect({"gent", "sing"}) if parse else None
    return first + dash + _keep_case(last, form.word) if form else word


def genitive_singular_phrase(words: list[str]) -> list[str]:
    """The first noun in the genitive plural after a title's head, with the adjectives before it, put in
    the genitive singular ("аграрных ведомств" -> "аграрного ведомства", "кабинетов министров" ->
    "кабинета министров": what depends on that noun stays); unchanged where a word has no such form."""
    out = list(words)
    for k, word in enumerate(words):
        readings = parses(word.lower())
        noun = next((p for p in readings if p.tag.POS == "NOUN" and {"gent", "plur"} <= p.tag.grammemes), None)
        if noun is not None:
            form = noun.inflect({"gent", "sing"})
            if form is None:
                return list(words)
            out[k] = _keep_case(word, form.word)
            for a in range(k):
                adj = next(p for p in parses(words[a].lower()) if p.tag.POS == "ADJF")
                adj_form = adj.inflect({"gent", "sing", form.tag.gender})
                if adj_form is None:
                    return list(words)
                out[a] = _keep_case(words[a], adj_form.word)
            return out
        if not any(p.tag.POS == "ADJF" and {"gent", "plur"} <= p.tag.grammemes for p in readings):
            return list(words)
    return list(words)


def singular(phrase: str, known: frozenset[str] = frozenset()) -> str:
    """A title in the plural put in the nominative singular ("вице-премьеры" -> "вице-премьер"),
    preferring the reading whose singular is a `known` title ("премьеры": premiers, not premières)."""
    words = phrase.split(" ")
    head = words[-1]
    first, dash, last = head.rpartition("-")
    readings = parses(last.lower())
    parse = next((p for p in readings if (first + dash + p.normal_form).lower() in known), readings[0])
    form = parse.inflect({"nomn", "sing"})
    words[-1] = first + dash + _keep_case(last, form.word if form else last)
    return " ".join(words)
