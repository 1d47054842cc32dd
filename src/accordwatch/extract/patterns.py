"""Regular-expression pieces built from word lists (cue words, currencies, units), and a search
for literal words that does without a regular expression; shared by components."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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
