"""spaCy tokens and sentences.

Tokens come from spaCy's blank English tokenizer (its exceptions keep "Feb.", "U.S." and
"Sept." whole). Sentences follow the rule of spaCy's sentencizer: after a token of sentence-final
punctuation, the next token that is not punctuation starts a sentence. It is computed here from
token arrays, which costs a tenth of running the sentencizer component; line breaks also end
sentences (titles, stamps and captions have no full stop).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache

import numpy
from spacy.attrs import IDX, IS_PUNCT, LEMMA, LENGTH, LOWER, ORTH

from ..data import lexicon
from ..document import Document
from . import lang, morph
from .pipeline import component

LINE = re.compile(r"[^\n]+")
NONBLANK = re.compile(r"\S")
# spaCy strips prefixes and suffixes from a chunk one at a time, rescanning the rest each time:
# a chunk of thousands of "(", "$" or emoji with no space costs seconds, 40,000 emoji two
# minutes. No word is this long; longer runs (junk, base64, a very long URL) are cut for the
# tokenizer by a space every MAX_CHUNK characters, one character for one, so offsets hold.
MAX_CHUNK = 100
LONG_RUN = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")
# Sentences of news run to 400 characters. A longer "sentence" (a line of junk, a table with no
# stops) is cut at a space before this length: every figure and event carries its sentence as
# evidence, and one 100,000-character line with 5,000 amounts would carry it 5,000 times.
MAX_SENTENCE = 1000
MAX_TEXT = 20_000_000
# the sentencizer's default punctuation, the most common of it
FINAL_PUNCT = ("!", ".", "?", "։", "؟", "۔", "܀", "܁", "܂", "।", "॥", "။", "።", "፧", "፨", "᙮", "…", "‼", "‽",
               "⁇", "⁈", "⁉", "。", "！", "？", "｡")


@cache
def nlp(language: str = "en"):
    """The blank spaCy pipeline of a language, shared by every component (no statistical model)."""
    import spacy

    pipeline = spacy.blank(language)
    # spaCy refuses texts over 1,000,000 characters to spare its parser and NER the memory; only
    # the tokenizer runs here, in time and memory in proportion to the text, so the ingesters'
    # own limits (5 MB a file or a JSON line) are the ones that count.
    pipeline.max_length = MAX_TEXT
    keep_abbreviations(pipeline.tokenizer)
    split_loose_hyphens(pipeline)
    return pipeline


# A hyphen with a space on one side only ("the Cambodia- Thailand commission", "Kazakhstan -Kyrgyzstan
# trade"): spaCy keeps it on the word, which then matches no gazetteer entry; it is a token of its own.
LOOSE_HYPHEN_SUFFIX = r"(?<=[^\W\d_])-"
LOOSE_HYPHEN_PREFIX = r"-(?=[^\W\d_])"


def split_loose_hyphens(pipeline) -> None:
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    tokenizer = pipeline.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([*pipeline.Defaults.prefixes, LOOSE_HYPHEN_PREFIX]).search
    tokenizer.suffix_search = compile_suffix_regex([*pipeline.Defaults.suffixes, LOOSE_HYPHEN_SUFFIX]).search


def keep_abbreviations(tokenizer) -> None:
    """Make each abbreviation of abbreviations.tsv ("Co.", "Amb.") one token, where the tokenizer cuts it."""
    rules = tokenizer.rules
    for row in lexicon("abbreviations.tsv"):
        if row["form"] not in rules:
            tokenizer.add_special_case(row["form"], [{ORTH: row["form"]}])


@cache
def final_punct_ids() -> frozenset[int]:
    strings = nlp("en").vocab.strings
    return frozenset(strings.add(p) for p in FINAL_PUNCT)


def sentence_starts(orth: list[int], punct: list[int], lower: Callable[[int], bool] | None = None) -> list[int]:
    """Token indices that start a sentence (the sentencizer's rule): the first token after each
    run of sentence-final punctuation that is neither punctuation nor final, and (where `lower`
    tells which tokens open in lower case) not a word in lower case: "203,9 млн. долларов", an
    abbreviation's stop the tokenizer split off, ends no sentence. Looked for from the final
    tokens, which are few, rather than token by token."""
    finals = final_punct_ids()
    starts = [0]
    n = len(orth)
    i = -1   # the last token looked at
    for f in [k for k, o in enumerate(orth) if o in finals]:
        if f <= i:
            continue   # a final of the run already passed
        i = f + 1
        while i < n and (punct[i] or orth[i] in finals):
            i += 1
        if i < n and i != starts[-1] and not (lower is not None and lower(i)):
            starts.append(i)
    return starts


def sentence_spans(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of sentences, cut again at every line break, blanks trimmed (a break that
    only wraps a sentence is a space in `text` here: see wrap.py)."""
    out = []
    for s0, s1 in bounds:
        for m in LINE.finditer(text, s0, s1):
            s, e = m.span()
            piece = m.group(0)
            s += len(piece) - len(piece.lstrip())
            e -= len(piece) - len(piece.rstrip())
            while e - s > MAX_SENTENCE:
                cut = text.rfind(" ", s + 1, s + MAX_SENTENCE)
                if cut <= s:
                    cut = s + MAX_SENTENCE
                end = cut
                while text[end - 1].isspace():
                    end -= 1
                out.append((s, end))
                nxt = NONBLANK.search(text, cut, e)
                s = nxt.start() if nxt else e
            if e > s:
                out.append((s, e))
    return out


def tokenizer_text(text: str) -> str:
    """The text with a space in place of every MAX_CHUNK+1th character of runs without one."""
    # str.split() cuts at the whitespace \s matches: its pieces are the runs of \S (and splitting
    # is quicker than a search for LONG_RUN, which tries a run at every offset)
    if max(map(len, text.split()), default=0) <= MAX_CHUNK:
        return text
    pieces, pos = [], 0
    for m in LONG_RUN.finditer(text):
        for cut in range(m.start() + MAX_CHUNK, m.end(), MAX_CHUNK + 1):
            pieces += (text[pos:cut], " ")
            pos = cut + 1
    pieces.append(text[pos:])
    return "".join(pieces)


@cache
def special_forms(language: str = "en") -> tuple[frozenset[str], int]:
    """The strings of the tokenizer's special cases ("Nov.", "’s", ":)", "\\n", "г."), and the longest's length."""
    rules = nlp(language).tokenizer.rules
    return frozenset(rules), max(map(len, rules), default=0)


def may_hit_special(chunk: str, language: str = "en") -> bool:
    """Could tokenizing `chunk` use a special case? Only where one of their strings is what is
    left of it once prefixes and suffixes are split off: no prefix ends with a letter or digit,
    and a suffix starts with one only after a digit ("5km"). (Russian's spaCy rules are English's
    but for one suffix, a full stop after a combining accent, which starts with no letter either.)"""
    forms, longest = special_forms(language)
    if chunk.isalpha():
        return chunk in forms
    starts = [0] + [i + 1 for i, c in enumerate(chunk) if not c.isalnum()]
    ends = [j for j in range(1, len(chunk)) if not chunk[j].isalnum() or chunk[j - 1].isdigit()]
    ends.append(len(chunk))
    return any(chunk[i:j] in forms
               for i in starts for j in ends[bisect_right(ends, i):bisect_right(ends, i + longest)])


# spaCy caches the tokens of every whitespace-separated chunk it splits, but stops saving to its
# cache for the rest of a text once a special case ("\n", "Nov.", "—") was used in it: most
# articles have one near the top, so most of their chunks were split afresh, with the prefix,
# suffix and infix regexes, in every article. So chunks not seen before are tokenized first, apart
# from the article: all those that cannot meet a special case in one text, the others one text
# each. That saves to the cache exactly the tokens the article's own tokenization computes for
# them (a chunk is split the same wherever it stands). The cache holds max_cache_size chunks;
# once that many have been primed, priming stops.
_primed: dict[str, set[str]] = {}    # the chunks tokenized apart so far, by spaCy language


def prime_cache(text: str, language: str = "en", chunks: list[str] | None = None) -> None:
    """Put the chunks of `text` (its whitespace-separated pieces, `chunks` when already split) the
    tokenizer of `language` has not cached yet into its cache."""
    tokenizer = nlp(language).tokenizer
    primed = _primed.setdefault(language, set())
    room = tokenizer.max_cache_size - len(primed)
    if room <= 0:
        return
    new = sorted(set(text.split() if chunks is None else chunks).difference(primed))[:room]
    if not new:
        return
    primed.update(new)
    clean: list[str] = []
    risky: list[str] = []
    for c in new:
        (risky if may_hit_special(c, language) else clean).append(c)
    if clean:
        tokenizer(" ".join(clean))
    for c in risky:   # one text each: a special case met in one cannot stop the others' saving
        tokenizer(c)


# a word's lemma as a string id, by the id of the word (ids are hashes of the strings, the same in
# every document; both strings stay in the vocabulary once added): at most LEMMA_IDS words kept
_lemma_ids: dict[str, dict[int, int]] = {}
LEMMA_IDS = 1 << 17


def unwrapped(text: str, wraps: list[int]) -> str:
    """The text with a space for every line break that only wraps a sentence."""
    if not wraps:
        return text
    chars = list(text)
    for i in wraps:
        chars[i] = " "
    return "".join(chars)


@component("tokens")
def tokenize(doc: Document) -> None:
    flowing = unwrapped(doc.text, doc.meta.get("wraps", []))
    chunks = flowing.split()   # split once: for the length of the longest chunk, and for the cache
    if max(map(len, chunks), default=0) <= MAX_CHUNK:
        text = flowing
    else:
        text, chunks = tokenizer_text(flowing), None
    language = lang.of(doc)
    prime_cache(text, language.spacy, chunks)
    sdoc = nlp(language.spacy).make_doc(text)
    if language.by_lemma and len(sdoc):
        # inflected words meet the gazetteers by lemma (morph.py): set as one column, as setting
        # token.lemma_ word by word cost twice as much
        ids = _lemma_ids.setdefault(language.spacy, {})
        if len(ids) > LEMMA_IDS:
            ids.clear()
        orths = sdoc.to_array(ORTH).tolist()
        if not all(orth in ids for orth in orths):
            strings, lemma = sdoc.vocab.strings, morph.lemma
            for orth in orths:
                if orth not in ids:
                    ids[orth] = strings.add(lemma(strings[orth]))
        sdoc.from_array([LEMMA], numpy.array([ids[orth] for orth in orths], dtype="uint64"))
    doc.tokens = sdoc
    arr = sdoc.to_array([IDX, LENGTH, ORTH, IS_PUNCT, LOWER])   # a row per token, a column per attribute
    starts = arr[:, 0].tolist()
    # character offsets of every token, for matchers that map token spans back to the text; the
    # string ids of their texts and lower-case forms, read once for the components that look
    # tokens up by them (dates, amounts)
    doc.meta["token_starts"] = starts
    doc.meta["token_ends"] = (arr[:, 0] + arr[:, 1]).tolist()
    orths = doc.meta["token_orths"] = arr[:, 2].tolist()
    doc.meta["token_lowers"] = arr[:, 4].tolist()
    # (a line break still ends a sentence whatever case the next line opens in: sentence_spans)
    first = sentence_starts(orths, arr[:, 3].tolist(), lambda i: flowing[starts[i]].islower()) \
        if starts else []   # "" has no tokens
    char_starts = [starts[i] for i in first] + [len(doc.text)]
    doc.sentences = sentence_spans(flowing, list(zip(char_starts, char_starts[1:], strict=False)))
