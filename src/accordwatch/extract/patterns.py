"""Regular-expression pieces built from word lists (cue words, currencies, units), and a search
for literal words that does without a regular expression; shared by components."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# the possessive endings English writes with any of its apostrophes ("Kazakhstan's", "Rwanda’s", "Oman ʼs")
POSSESSIVE_ENDS = ("'s", "’s", "ʼs")


def without_possessive(word: str) -> str:
    """The word without its possessive ending ("Rwanda’s" -> "Rwanda")."""
    return word[:-2] if word.endswith(POSSESSIVE_ENDS) else word

try:   # the regular-expression parser and its opcodes (private to re, Python 3.11+), for led
    from re import _constants as _op
    from re import _parser
except ImportError:   # a Python without them: led() leaves every pattern as it is (slower, the same matches)
    _op = _parser = None

WORD_CHAR = re.compile(r"[\w-]")


def alternation(words: Iterable[str], *, ignore_case: bool = False, boundary_before: bool = False) -> str:
    r"""The words as one alternation, `w1|w2|...` escaped, matching exactly what that matches.

    Words are grouped by their first letter, in their order: "company|concern|holding" becomes
    "c(?:ompany|oncern)|holding". Python's regex engine tries the alternatives of an alternation
    one by one, so at every offset where it is tried a list of a hundred words costs a hundred
    tries; grouped, only the group of the letter found there is entered. Two words with different
    first letters never match at one offset, so only their order within a group counts, and that
    is kept. With `ignore_case` (for a pattern compiled with re.I) the groups go by lower-case
    letter, when every first letter is ASCII.

    With `boundary_before` each word only matches where no word character comes before it, like
    \b(?:w1|w2|...) for words starting with a letter; the look-behind that checks this follows
    the word, so a pattern that starts with the alternation starts with letters, and the engine
    skips ahead to those instead of trying the whole pattern at every offset.
    """
    words = list(words)

    def tail(word: str, rest: str) -> str:
        return re.escape(rest) + (rf"(?<!\w{re.escape(word)})" if boundary_before else "")

    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1].lower() if ignore_case else w[:1], []).append(w)
    if "" in groups or (ignore_case and not all(k.isascii() for k in groups)):
        return "|".join(tail(w, w) for w in words)
    parts = []
    for first, group in groups.items():
        if len(group) == 1:
            parts.append(tail(group[0], group[0]))
        else:
            parts.append(re.escape(first) + "(?:" + "|".join(tail(w, w[1:]) for w in group) + ")")
    return "|".join(parts)


def literal_matches(text: str, forms: list[str]) -> Iterator[tuple[int, int, str]]:
    r"""(start, end, form) for each match of re.finditer(r"(?<![\w-])(?:F1|F2|...)(?![\w-])", text)
    with the non-empty literal `forms` escaped: left to right, not overlapping, at each offset the
    first form listed that fits there. Found with str.find instead: that pattern, made anew for
    the names of each article, cost a compilation per article and, starting with a look-behind,
    a try at every offset of the text."""
    found: dict[int, tuple[int, str]] = {}    # start -> (end, the first form that fits there)
    for form in forms:
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if pos not in found and not (pos and WORD_CHAR.match(text, pos - 1)) \
                    and not WORD_CHAR.match(text, end):
                found[pos] = (end, form)
            pos = text.find(form, pos + 1)
    last = 0
    for start in sorted(found):
        if start >= last:
            last, form = found[start]
            yield start, last, form


def windowed_matches(pattern: re.Pattern, text: str, windows: Iterable[tuple[int, int]],
                     first: re.Pattern) -> Iterator[re.Match]:
    """The matches of pattern.finditer(text), with the pattern tried only inside `windows`.

    `windows` are (lo, hi) stretches in order of `hi` such that every offset where the pattern
    matches (pattern.match(text, offset)) lies in one of them, lo <= offset <= hi; `first` finds
    every offset a match can start at (a class of characters, maybe with a look-behind). A
    pattern that starts with a look-behind, a \\b or an optional part is tried by finditer at
    every offset of the text; found from a word its matches must hold (a verb, a head word), its
    windows are a few stretches of it. The pattern must not match the empty string."""
    pos = 0   # no match starts before pos: it is past the last match, or every offset before it failed
    for lo, hi in windows:
        at = max(lo, pos)
        while at <= hi:
            c = first.search(text, at, hi + 1)
            if c is None:
                break
            m = pattern.match(text, c.start())
            if m is None:
                at = c.start() + 1
            else:
                yield m
                at = pos = m.end()
        pos = max(pos, hi + 1)


def tokens_back(text: str, at: int, n: int, floor: int = 0) -> int:
    """Where the n-th whitespace-separated token before `at` starts (`floor` if there are fewer
    from `floor` on): a match made of at most n such tokens before `at` starts there or later."""
    reach = 12 * (n + 1)   # most words are shorter: a longer stretch is looked at only when needed
    while True:
        lo = max(floor, at - reach)
        pieces = text[lo:at].rsplit(None, n)
        if len(pieces) > n:
            return text.find(pieces[1], lo + len(pieces[0]))
        if lo <= floor:
            return floor
        reach *= 4


def may_start(source: str, flags: int, char: str) -> bool:
    """Could a match of the pattern `source` start with `char`? True unless its first characters
    are known and `char` is not one of them (a pattern the parser does not read alone, one that
    refers to a group outside it, may start with anything)."""
    try:
        pieces = _first_chars(list(_parser.parse(source, flags).data))
    except Exception:   # noqa: BLE001 - unknown: it may
        return True
    return pieces is None or re.match("[" + "".join(pieces) + "]", char, flags & re.I) is not None


def _first_chars(ops: list) -> list[str] | None:
    """Character-class pieces naming every character a match of `ops` (parsed pattern items) can
    start with, or None if that is not known (a match may be empty, or start with \\w, ., ...)."""
    if not ops:
        return None
    op, av = ops[0]
    rest = ops[1:]
    if op is _op.ASSERT and av[0] == 1:
        # a look-ahead: the match starts with what it starts with, when that is known (else
        # with what follows it)
        return _first_chars(list(av[1].data)) or _first_chars(rest)
    if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):   # zero-width: the next item starts the match
        return _first_chars(rest)
    if op is _op.LITERAL:
        return [re.escape(chr(av))]
    if op is _op.IN:
        pieces = []
        for iop, iav in av:
            if iop is _op.LITERAL:
                pieces.append(re.escape(chr(iav)))
            elif iop is _op.RANGE:
                pieces.append(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
            elif iop is _op.CATEGORY and iav is _op.CATEGORY_DIGIT:
                pieces.append(r"\d")
            else:   # NEGATE, other categories, ...
                return None
        return pieces
    if op is _op.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _first_chars(list(sub.data) + rest)
    if op is _op.BRANCH:
        pieces = []
        for branch in av[1]:
            found = _first_chars(list(branch.data) + rest)
            if found is None:
                return None
            pieces += found
        return pieces
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        lo, hi, item = av
        if hi == 0:
            return _first_chars(rest)
        found = _first_chars(list(item.data) + rest)
        if found is None or lo > 0:
            return found
        after = _first_chars(rest)
        return None if after is None else found + after
    return None


def _skips_ahead(ops: list, ignore_case: bool) -> bool:
    """Does the engine find where a match of `ops` may start fast enough by itself (measured: a
    look-ahead there only slows it down)? It does when the pattern (inside any groups) opens with a
    character; with a set of them or an alternation of words opening with characters, only when
    those are not letters re.I folds (it then tries the whole pattern at every offset)."""
    while ops and ops[0][0] is _op.SUBPATTERN and not ops[0][1][1] and not ops[0][1][2]:
        ops = list(ops[0][1][3].data)
    if not ops:
        return False

    def plain(item: tuple) -> bool:
        op, av = item
        return op is _op.LITERAL and (not ignore_case or chr(av).lower() == chr(av).upper()) \
            or op is _op.RANGE and not ignore_case

    op, av = ops[0]
    if op is _op.LITERAL:
        return True
    if op is _op.IN:
        return all(plain(item) for item in av)
    if op is _op.BRANCH:
        return all(b.data and plain(b.data[0]) for b in av[1])
    return False


def led(pattern: re.Pattern) -> re.Pattern:
    r"""The pattern with a look-ahead in front naming the characters a match can start with, when
    they are known: the same matches, but the engine skips ahead to those characters instead of
    trying the whole pattern at every offset (a pattern opening with \b or an alternation of
    words gets no such skip of its own). Under re.I the class folds case as the pattern does."""
    try:
        ops = list(_parser.parse(pattern.pattern, pattern.flags).data)
        if not ops or _skips_ahead(ops, bool(pattern.flags & re.I)):
            return pattern
        pieces = _first_chars(ops)
        if not pieces:
            return pattern
        # the pattern in a group: the look-ahead holds for every alternative of its top level (a
        # verbose pattern's closing parenthesis on a line of its own, after any comment)
        close = "\n)" if pattern.flags & re.X else ")"
        return re.compile("(?=[" + "".join(dict.fromkeys(pieces)) + "])(?:" + pattern.pattern + close,
                          pattern.flags)
    except Exception:   # noqa: BLE001 - a pattern the parser reads otherwise: as it is
        return pattern
