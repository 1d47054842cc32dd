"""Known names from the bundled data: countries, blocs, places, organizations, outlets, titles.

Terms go through spaCy's PhraseMatcher: acronyms and camel-case names match case-sensitively
(ORTH), the rest case-insensitively (LOWER) but only where the text capitalises them. Each
match becomes a Span in the layer of its kind; within a layer the longest match wins.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.matcher import PhraseMatcher

from ..data import lexicon, split
from ..document import Document, Span
from . import lang, morph
from .pipeline import component

LAYERS = ("country", "place", "org", "outlet", "title")


@dataclass(frozen=True, slots=True)
class Entry:
    layer: str            # country | place | org | outlet | title
    key: str              # code, canonical name, or title text
    form: str = "name"    # name | alias | demonym
    country: str | None = None
    kind: str | None = None
    flags: frozenset[str] = frozenset()


def case_sensitive(term: str) -> bool:
    """Acronyms (EU, KMG, U.S.) and camel-case names (KazMunayGas), and terms with one, match only
    as written. A name in title case ("Energy Minister", "Asian Development Bank") matches case-folded:
    where a name must be capitalised, `find` sees that it is; a title may be written in lower case."""
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and (term.isupper() or any(sum(c.isupper() for c in w) >= 2 for w in term.split()))


APOSTROPHES = (("'", "’"), ("’", "'"))
COMBINING = frozenset({"combining"})
HYPHENS = ("-", "–")


@cache
def entries(code: str = "en") -> dict[str, list[Entry]]:
    """Surface term -> the entries it may stand for, from the data of one language."""
    language = lang.LANGUAGES[code]
    out: dict[str, list[Entry]] = {}

    def add(term: str, entry: Entry) -> None:
        term = term.strip()
        if len(term) >= 2:
            out.setdefault(term, []).append(entry)
            # "People's Republic of China" is typeset "People’s" as often: both apostrophes match
            for a, b in APOSTROPHES:
                if a in term:
                    out.setdefault(term.replace(a, b), []).append(entry)

    def rows(fname: str) -> tuple[dict[str, str], ...]:
        return lexicon(language.data(fname)) if language.has(fname) else ()

    for fname in ("countries.tsv", "blocs.tsv"):
        for row in rows(fname):
            flags = frozenset(split(row.get("flags", "")))
            code_ = row["code"]
            add(row["name"], Entry("country", code_, "name", flags=flags))
            for a in split(row.get("aliases", "")):
                add(a, Entry("country", code_, "alias", flags=flags))
            for d in split(row.get("demonyms", "")):
                add(d, Entry("country", code_, "demonym", flags=flags))
                if language.by_lemma and d.endswith(("ский", "цкий")):
                    # the first part of a compound adjective: "казахстанско-узбекский"
                    add(d[:-2] + "о", Entry("country", code_, "demonym", flags=flags))
    # English's first parts of compound adjectives ("Sino-Russian", "Indo-Pak"): a country only
    # before a hyphen and another country ("Indo-Pacific" is an ocean's)
    for row in rows("combining_forms.tsv"):
        add(row["form"], Entry("country", row["code"], "demonym", flags=COMBINING))
    return _other_entries(language, out, add, rows)


def _other_entries(language, out, add, rows) -> dict[str, list[Entry]]:
    for row in rows("places.tsv"):
        e = Entry("place", row["name"], country=row.get("country") or None, kind=row.get("kind"))
        add(row["name"], e)
        for a in split(row.get("aliases", "")):
            add(a, e)
    for row in rows("organizations.tsv"):
        e = Entry("org", row["name"], country=row.get("country") or None, kind=row.get("kind"))
        add(row["name"], e)
        for a in split(row.get("aliases", "")):
            add(a, Entry("org", row["name"], "alias", country=e.country, kind=e.kind))
    for row in rows("outlets.tsv"):
        e = Entry("outlet", row["name"], country=row.get("country") or None)
        add(row["name"], e)
        for a in split(row.get("aliases", "")):
            add(a, e)
    for row in rows("titles.tsv"):
        add(row["title"], Entry("title", row["title"], kind=row.get("kind")))
    # sector words and event triggers ride along, so one matcher pass serves every component
    for row in rows("sectors.tsv"):
        add(row["term"], Entry("sector", row["sector"]))
    for row in rows("event_triggers.tsv"):
        add(row["term"], Entry("trigger", row["type"], kind=row["instrument"] or None))
    return out


def phrase_matchers(terms, language: lang.Language = lang.ENGLISH) -> tuple[PhraseMatcher, PhraseMatcher,
                                                                           dict[int, str]]:
    """Two PhraseMatchers over `terms` (case-sensitive for acronyms and camel case, case-folded
    for the rest, or compared by lemma in a language that inflects) and the map from match id back
    to the term as written.

    The patterns get a tokenizer of their own: pushing thousands of terms through the shared one
    fills its cache and makes every later article three times slower to tokenize. Matching works
    across the two, as both hash strings the same way: each pattern is given to its matcher as the
    hashes of its tokens' text, case-folded text or lemma (what the matcher reads from an article's
    tokens), so the patterns' own vocabulary needs no attributes for its words."""
    import spacy
    from spacy.attrs import LOWER

    from .tokens import keep_abbreviations

    pipeline = spacy.blank(language.spacy)
    keep_abbreviations(pipeline.tokenizer)   # a term is cut as an article's words are ("Amb.")
    fold = pipeline.vocab.lex_attr_getters[LOWER]   # what an article's tokens are folded with
    pipeline.vocab.lex_attr_getters = {}
    strings = pipeline.vocab.strings
    exact = PhraseMatcher(pipeline.vocab, attr="ORTH")
    folded = PhraseMatcher(pipeline.vocab, attr="LEMMA" if language.by_lemma else "LOWER")
    ids: dict[int, str] = {}
    terms = list(terms)
    for term, tokens in zip(terms, term_tokens(pipeline.tokenizer, terms), strict=True):
        if not tokens:
            continue
        ids[strings.add(term)] = term
        if language.by_lemma:
            # an inflected name ("Республики Узбекистан") meets its entry by lemma; only acronyms
            # ("РК", "ЕС") must match as written
            sensitive = len(tokens) == 1 and len(tokens[0]) > 1 and tokens[0].isupper()
            key = morph.lemma
        else:
            sensitive = case_sensitive(term)
            key = fold
        if sensitive:
            exact.add(term, [[strings.add(t) for t in tokens]])
        else:
            folded.add(term, [[strings.add(key(t)) for t in tokens]])
    return exact, folded, ids


def term_tokens(tokenizer, terms: list[str]) -> list[list[str]]:
    """The text of each term's tokens as `tokenizer` cuts the term alone. The tokenizer cuts a text
    at whitespace first and each piece by itself, so a term's tokens are its words' tokens, and a
    word of letters alone that is no special case of the tokenizer's ("cannot") is one token: it
    has no punctuation for a prefix, suffix or infix rule to cut at. The other words (hyphens,
    apostrophes, dots: a tenth of them) are cut in one pass over them all, a line each (a call per
    term cost 0.6 s for the 25,000 terms of a language, one pass over all the terms 1.2 s). A term
    with other whitespace than single spaces between its words (its blanks would become tokens of
    their own) is cut alone."""
    rules = tokenizer.rules or {}
    plain = [bool(t) and t == " ".join(t.split()) for t in terms]
    hard = sorted({w for t, ok in zip(terms, plain, strict=True) if ok for w in t.split()
                   if not w.isalpha() or w in rules})
    cut: dict[str, list[str]] = {w: [] for w in hard}
    starts, at = [], 0
    for w in hard:
        starts.append(at)
        at += len(w) + 1
    for tok in tokenizer("\n".join(hard)):
        if not tok.text.isspace():   # the line breaks between the words
            cut[hard[bisect_right(starts, tok.idx) - 1]].append(tok.text)
    out: list[list[str]] = []
    for term, ok in zip(terms, plain, strict=True):
        if ok:
            out.append([piece for w in term.split() for piece in cut.get(w) or (w,)])
        else:
            out.append([tok.text for tok in tokenizer(term)])
    return out


def match_terms(doc: Document, matchers_) -> list[tuple[int, int, str, bool]]:
    """(start_char, end_char, term, case_folded) for every match in the document's tokens."""
    exact, folded, ids = matchers_
    starts, ends = doc.meta["token_starts"], doc.meta["token_ends"]
    out = []
    for matcher, fold in ((exact, False), (folded, True)):
        for key, s, e in matcher(doc.tokens):
            out.append((starts[s], ends[e - 1], ids[key], fold))
    return out


class Taken:
    """Non-empty [start, end) ranges that do not overlap, kept sorted: whether a new one overlaps
    any is one binary search (a scan of all of them made long texts quadratic)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1   # the last range starting before `end` ends last
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


class Ranges:
    """[start, end) ranges (they may overlap) asked whether one of them covers a stretch or holds
    an offset: one binary search over the ranges sorted by start, with the farthest end so far,
    instead of a scan of all of them per question."""

    def __init__(self, ranges) -> None:
        pairs = sorted(ranges)
        self.starts = [s for s, _ in pairs]
        self.reach: list[int] = []
        for _, e in pairs:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def _reach(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1    # the ranges starting at or before pos
        return self.reach[i] if i >= 0 else None

    def covers(self, start: int, end: int) -> bool:
        """Is there a range with s <= start and end <= e?"""
        reach = self._reach(start)
        return reach is not None and end <= reach

    def holds(self, pos: int) -> bool:
        """Is there a range with s <= pos < e?"""
        reach = self._reach(pos)
        return reach is not None and pos < reach


def longest(matches: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The longest matches, none overlapping, in text order."""
    taken: list[tuple[int, int, str, bool]] = []
    ranges = Taken()
    for m in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if not ranges.overlaps(m[0], m[1]):
            taken.append(m)
            ranges.add(m[0], m[1])
    return sorted(taken)


@cache
def matchers(code: str = "en") -> tuple[PhraseMatcher, PhraseMatcher, dict[int, str]]:
    return phrase_matchers(entries(code), lang.LANGUAGES[code])


@cache
def place_index(code: str = "en") -> dict[str, tuple[str, str | None]]:
    """lowercased place name or alias -> (canonical name, country code)."""
    out: dict[str, tuple[str, str | None]] = {}
    for term, es in entries(code).items():
        for e in es:
            if e.layer == "place":
                out.setdefault(term.lower(), (e.key, e.country))
    return out


@cache
def outlet_index() -> dict[str, str]:
    """lowercased outlet name or alias (without a leading 'the') -> canonical name."""
    out: dict[str, str] = {}
    for term, es in entries().items():
        for e in es:
            if e.layer == "outlet":
                out.setdefault(term.lower().removeprefix("the "), e.key)
    return out


@cache
def org_index() -> dict[str, Entry]:
    """lowercased organization name or alias -> its entry."""
    out: dict[str, Entry] = {}
    for term, es in entries().items():
        for e in es:
            if e.layer == "org":
                out.setdefault(term.lower(), e)
    return out


@cache
def country_index() -> dict[str, Entry]:
    """lowercased country/bloc name, alias or demonym -> its entry."""
    out: dict[str, Entry] = {}
    for term, es in entries().items():
        for e in es:
            if e.layer == "country":
                out.setdefault(term.lower(), e)
    return out


@cache
def country_names() -> dict[str, str]:
    """code -> the common English name."""
    return {row["code"]: row["name"] for f in ("countries.tsv", "blocs.tsv") for row in lexicon(f)}


# "U.S. dollars", "a multi-billion-US-dollar swap", "US$5 billion": the currency, not the country
CURRENCY_AFTER = re.compile(r"[\s-]+(?:dollars?|cents?)\b|\$\s?\d", re.I)
# "US $1,077 million", "U.S. $406 million": a short form before a spaced dollar sign is the currency's;
# a name is not ("lent Argentina $7.5 billion")
SPACED_DOLLAR = re.compile(r"\s\$\s?\d")
CURRENCY_BEFORE = re.compile(r"(?:доллар[а-я]*|долл\.?)\s+$", re.I)   # "долларов США": the currency's name
PARTY_JOIN = re.compile(r"^\s*(?:[-–+]|\+\s*\d)")


AMBIGUOUS_BEFORE = re.compile(r"(?:(?<!according\s)\b(?:in|to|from|of|with|and|between|for|by|visit|visited)|"
                              r"[,;(])\s*$", re.I)
NEXT_WORD = re.compile(r"\s+([A-Z][\w-]*)")


@cache
def title_vocabulary() -> frozenset[str]:
    """Capitalised words of titles and offices ("Prime", "Minister", "Foreign")."""
    words = {row["word"] for row in lexicon("title_words.tsv")}
    for row in lexicon("titles.tsv"):
        words.update(w for w in re.findall(r"[A-Z][\w-]*", row["title"]))
    return frozenset(words)


def _ambiguous_ok(doc: Document, start: int, end: int) -> bool:
    """An ambiguous name (Georgia, Jordan, Chad, Turkey) counts unless it begins a run of
    capitalised words that reads like a person's name ("Jordan Henderson said"); a title after
    it is no surname ("Georgia Prime Minister ...")."""
    nxt = NEXT_WORD.match(doc.text, end)
    if nxt is None or nxt.group(1) in title_vocabulary():
        return True
    return bool(AMBIGUOUS_BEFORE.search(doc.text[max(0, start - 20):start]))


GEOGRAPHY_AFTER = re.compile(r"\s+(?:Ocean|Sea|Gulf|Peninsula|Basin|Plateau|Steppe)\b")
REGION_BEFORE = re.compile(r"\b(?:Latin|Sub-Saharan)\s+$")
# the name of a news outlet that opens with a country ("Pakistan Point News", "Georgia Today")
MEDIA_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,2}?\s+(?:News|Times|Post|Today|Daily|Herald|Tribune|Observer|"
                         r"Gazette|Telegraph|Chronicle|Monitor)\b(?!\s+(?:of|on|about)\b)")
INFRASTRUCTURE_AFTER = re.compile(r"^[\s\w–-]{0,30}?\b(?:pipeline|railway|railroad|route|corridor|highway|road|"
                                  r"power\s+line|transmission\s+line)\b", re.I)


def _side_only_ok(doc: Document, start: int, end: int) -> bool:
    """'Central Asia' is C5 only when it acts as a side: 'EU-Central Asia', 'Central Asia+China'."""
    before = doc.text[max(0, start - 2):start]
    after = doc.text[end:end + 3]
    if INFRASTRUCTURE_AFTER.match(doc.text[end:end + 60]):
        return False   # "the Central Asia–China gas pipeline" names a pipe, not a side
    return bool(re.search(r"[-–+]\s?$", before) or PARTY_JOIN.match(after))


@cache
def layer_entries(code: str = "en") -> dict[str, tuple[Entry, ...]]:
    """Surface term -> its entries in LAYERS (not the sector words and event triggers), if any."""
    out: dict[str, tuple[Entry, ...]] = {}
    for term, es in entries(code).items():
        kept = tuple(e for e in es if e.layer in LAYERS)
        if kept:
            out[term] = kept
    return out


def find(doc: Document) -> dict[str, list[Span]]:
    """Gazetteer matches by layer, longest first, none overlapping within a layer."""
    language = lang.of(doc)
    known = layer_entries(language.code)
    cands: list[tuple[int, int, str, Entry]] = []
    for start, end, term, fold in doc.meta["phrases"]:
        found = known.get(term)
        if found is None:
            continue
        text = doc.text[start:end]
        capitalised = None
        for entry in found:
            # names match case-insensitively only where the text capitalises them;
            # titles also in lower case ("deputy general manager of ...")
            # (an adjective of a language that writes them in lower case needs no capital)
            if entry.layer != "title" and fold and not (language.by_lemma and entry.form == "demonym"):
                if capitalised is None:
                    # Russian capitalises only a name's first word ("Банк развития Казахстана"); a
                    # name written as the lexicon writes it is one ("North Kazakhstan region")
                    capitalised = text[:1].isupper() if language.by_lemma else (text == term or _capitalised(text))
                if not capitalised:
                    continue
            if entry.layer == "country" and (
                    CURRENCY_AFTER.match(doc.text, end)           # "U.S. dollars"
                    or (end - start <= 4 and SPACED_DOLLAR.match(doc.text, end))
                    or CURRENCY_BEFORE.search(doc.text, max(0, start - 12), start)   # "долларов США"
                    or GEOGRAPHY_AFTER.match(doc.text, end)       # "the Indian Ocean"
                    or MEDIA_AFTER.match(doc.text, end)           # "Georgia Today reports"
                    or REGION_BEFORE.search(doc.text, max(0, start - 15), start)):
                continue
            cands.append((start, end, text, entry))
    if any("combining" in c[3].flags for c in cands):
        countries_at = {c[0] for c in cands if c[3].layer == "country" and "combining" not in c[3].flags}
        cands = [c for c in cands if "combining" not in c[3].flags
                 or (doc.text[c[1]:c[1] + 1] in HYPHENS and c[1] + 1 in countries_at)]
    out: dict[str, list[Span]] = {layer: [] for layer in LAYERS}
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = {layer: Taken() for layer in LAYERS}
    for start, end, text, entry in cands:
        if not doc.in_body(start, end):
            continue
        if taken[entry.layer].overlaps(start, end):
            continue
        if entry.layer == "country":
            if "ambiguous" in entry.flags and entry.form != "demonym" and not _ambiguous_ok(doc, start, end):
                continue
            if "side_only" in entry.flags and not _side_only_ok(doc, start, end):
                continue
        taken[entry.layer].add(start, end)
        out[entry.layer].append(Span(start, end, entry.layer, text, entry.key,
                                     {"form": entry.form, "country": entry.country, "kind": entry.kind}))
    out["country"] = _region_abbreviations_dropped(doc.text, _shared_names_resolved(out["country"], language),
                                                    language)
    out["org"] = [o for o in out["org"]
                  if not (o.data["form"] == "alias" and _defined_otherwise(doc.text, o.text, o.value, language.code))]
    # a country's name inside a longer name of a place is the place's ("Latin America", "Южная
    # Америка", "the Korean Peninsula", "Mexico City", "Thai Binh" in Vietnam): no country
    regions = [(p.start, p.end) for p in out["place"]]
    if regions:
        inside = Ranges(regions)   # (most countries are in no place's name: those are spared the scan)
        out["country"] = [c for c in out["country"]
                          if not (inside.covers(c.start, c.end) and
                                  any(a <= c.start and c.end <= b and b - a > c.end - c.start for a, b in regions))]
    # a place that is also a longer-or-equal country/org/outlet name is that, not a place
    others = Ranges((s.start, s.end) for layer in ("country", "org", "outlet") for s in out[layer])
    out["place"] = [p for p in out["place"] if not others.covers(p.start, p.end)]
    for layer in LAYERS:
        out[layer].sort(key=lambda s: s.start)
    return out


def _defined_otherwise(text: str, alias: str, name: str, code: str) -> bool:
    """Does the text spell out the short form `alias` as something else than the organization `name`,
    in brackets after the words whose initials it is ("a Production Sharing Agreement (PSA)": not
    PSA International)? Words are compared by their first four letters, so any case of a name and
    any of its other names count as its own ("Всемирную Торговую Организацию (ВТО)")."""
    if not alias.isupper() or len(alias) < 2:
        return False
    at = text.find(f"({alias})")
    if at < 0:
        return False
    words = [w for w in WORDS.findall(text, max(0, at - 120), at) if w[:1].isupper()]
    spelled = words[-len(alias):]
    if len(spelled) < len(alias) or "".join(w[0] for w in spelled).upper() != alias.upper():
        return False
    return not {w[:4].lower() for w in spelled} <= org_stems(code).get(name, frozenset())


@cache
def org_stems(code: str = "en") -> dict[str, frozenset[str]]:
    """Organization -> the first four letters of the words of its name and other names."""
    stems: dict[str, set[str]] = {}
    for term, es in entries(code).items():
        for e in es:
            if e.layer == "org":
                stems.setdefault(e.key, set()).update(w[:4].lower() for w in WORDS.findall(term))
    return {k: frozenset(v) for k, v in stems.items()}


@cache
def shared_names(code: str = "en") -> dict[str, frozenset[str]]:
    """Lower-cased short name or demonym two countries share ("Congo") -> their codes (shared_names.tsv)."""
    return {row["name"].lower(): frozenset(split(row["codes"]))
            for row in lang.LANGUAGES[code].lexicon("shared_names.tsv")}


def _shared_names_resolved(spans: list[Span], language: lang.Language) -> list[Span]:
    """A shared short name ("Congo", "Congolese") stands for the one of its countries the article
    names by a name of its own ("Congo-Brazzaville"), when it names just one of them so."""
    shared = shared_names(language.code)
    if not shared:
        return spans
    own = {s.value for s in spans if s.text.lower() not in shared}
    for s in spans:
        codes = shared.get(s.text.lower())
        if codes and s.value not in own and len(meant := codes & own) == 1:
            s.value = next(iter(meant))
    return spans


@cache
def region_abbreviations(code: str) -> dict[str, re.Pattern]:
    """A country's short form a region shares ("РТ": Tatarstan too) -> a pattern of those regions' names."""
    return {row["abbreviation"]: re.compile(rf"(?<!\w)(?:{'|'.join(split(row['regions']))})\w*")
            for row in lang.LANGUAGES[code].lexicon("region_abbreviations.tsv")}


def _region_abbreviations_dropped(text: str, spans: list[Span], language: lang.Language) -> list[Span]:
    """A short form a region shares ("РТ") in an article that names the region ("Татарстан") and names
    the country no other way is the region's: no country."""
    shared = region_abbreviations(language.code)
    if not shared:
        return spans
    named = {s.value for s in spans if s.text not in shared}
    return [s for s in spans if not (s.text in shared and s.value not in named and shared[s.text].search(text))]


WORDS = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=1 << 14)
def _capitalised(text: str) -> bool:
    """Every content word of a case-folded match starts with a capital ('Foreign Ministry',
    not 'foreign ministry'); small words (of, the, and) may stay lower case. Kept per text: most
    matches are names an article repeats."""
    return text[:1].isupper() and all(w[0].isupper() or w.lower() in SMALL for w in WORDS.findall(text))


SMALL = frozenset({"of", "the", "and", "for", "de", "la", "du", "al", "el", "on", "in", "to", "a"})


@cache
def term_layers(code: str = "en") -> dict[str, frozenset[str]]:
    """Surface term -> the layers of the entries it may stand for."""
    return {term: frozenset(e.layer for e in es) for term, es in entries(code).items()}


def phrases(doc: Document, layer: str) -> list[tuple[int, int, str, bool]]:
    """The matches of one lexicon layer ("sector", "trigger") from the shared matcher pass."""
    layers = term_layers(lang.of(doc).code)
    return [m for m in doc.meta["phrases"] if layer in layers[m[2]]]


@component("gazetteer")
def annotate(doc: Document) -> None:
    doc.meta["phrases"] = match_terms(doc, matchers(lang.of(doc).code))
    for layer, spans in find(doc).items():
        doc.spans[layer] = spans
