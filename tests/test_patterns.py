"""The shortcuts extraction takes to its matches find the same ones as the plain way: patterns
tried only in windows (windowed_matches), sentence starts found from the final tokens, a date
pattern per first character, the main pair kept per document."""
from __future__ import annotations

import random
import re

from accordwatch.document import Document, Span
from accordwatch.extract import dates, header, organizations, tokens
from accordwatch.extract.parties import main_parties
from accordwatch.extract.patterns import tokens_back, windowed_matches

ATTRIBUTED = [
    "ASTANA – Kazakhstan and Uzbekistan signed a roadmap, Kazinform reports. According to the Kazakh "
    "Trade Ministry, trade grew 12%. The Business Daily Nation has learned that talks went on; (Reuters "
    "says) more is to come, said,Interfax writes writes. according  to   AKIpress News Agency Office.",
    "Nothing here reports anything: says who? The A B C D E F G reports.",
    "",
]
RUSSIAN = [
    "Национальное агентство и Министерство энергетики Казахстана; казахстанско-российская "
    "межправительственная комиссия по сотрудничеству, «Советский фонд» и Совет министров, Кабинет  "
    "министров, Минэкономики Узбекистана.",
]


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_attribution_windows_find_what_finditer_finds():
    for text in ATTRIBUTED:
        windowed = windowed_matches(header.ATTRIBUTION, text, header._attribution_windows(text),
                                    header.ATTRIBUTION_FIRST)
        assert _spans(windowed) == _spans(header.ATTRIBUTION.finditer(text))
    assert len(list(header.ATTRIBUTION.finditer(ATTRIBUTED[0]))) >= 4


def test_russian_bodies_windows_find_what_finditer_finds():
    for text in RUSSIAN:
        heads = ((tokens_back(text, h.start(), 3), h.start()) for h in organizations.RU_HEADS.finditer(text))
        windowed = windowed_matches(organizations.RU_BODY, text, heads, organizations.RU_BODY_FIRST)
        want = _spans(organizations.RU_BODY.finditer(text))
        assert want and _spans(windowed) == want


def test_windowed_matches_of_a_pattern_with_several_matches_in_one_window():
    pattern = re.compile(r"(?<!\w)[a-z]+ing\b")
    text = "going being doing, none here; seeing"
    windows = [(0, len(text))]
    assert _spans(windowed_matches(pattern, text, windows, re.compile("[a-z]"))) == _spans(pattern.finditer(text))


def test_tokens_back_is_the_start_of_the_nth_token_before():
    def reference(text: str, at: int, n: int, floor: int) -> int:
        pieces = text[floor:at].rsplit(None, n)
        return text.find(pieces[1], floor + len(pieces[0])) if len(pieces) > n else floor

    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(["a", "bb", " ", "  ", "\n", "x" * 40, "é"]) for _ in range(rng.randint(0, 60)))
        at = rng.randint(0, len(text))
        n, floor = rng.randint(1, 8), rng.randint(0, at)
        assert tokens_back(text, at, n, floor) == reference(text, at, n, floor)


def test_sentence_starts_follow_the_sentencizer_rule():
    finals = sorted(tokens.final_punct_ids())

    def reference(orth: list[int], punct: list[int]) -> list[int]:
        starts, seen = [0], False
        for i, (o, p) in enumerate(zip(orth, punct, strict=True)):
            if seen and not p and o not in finals:
                starts.append(i)
                seen = False
            elif o in finals:
                seen = True
        return starts

    rng = random.Random(11)
    for _ in range(5000):
        orth = [rng.choice([*finals[:3], 1, 2, 3]) for _ in range(rng.randint(0, 12))]
        punct = [rng.choice([0, 1]) for _ in orth]
        assert tokens.sentence_starts(orth, punct) == reference(orth, punct)


def test_the_date_pattern_for_a_character_matches_as_the_whole_pattern():
    text = ("By the end of 2024, on 4 March 2024 and March 4-6, 2025, in Q1 2024, the first half of this year, "
            "from January through November 2023, nine months of 2023, 2020-2021, 12.03.2024, 1st quarter of "
            "2025, last Friday, next spring, by year-end, in early May, 2030 tonnes, a year ago, today.")
    for at in range(len(text)):
        want, got = dates.PATTERN.match(text, at), dates.pattern_at(text[at]).match(text, at)
        assert (want and (want.span(), want.groupdict())) == (got and (got.span(), got.groupdict()))


def test_the_main_pair_is_kept_while_the_country_layer_stays():
    doc = Document(text="Kazakhstan and Uzbekistan, then China and China.")
    doc.spans["country"] = [Span(0, 10, "country", "Kazakhstan", "KAZ"), Span(15, 25, "country", "Uzbekistan", "UZB")]
    assert main_parties(doc) == ["KAZ", "UZB"]
    doc.spans["country"] = [Span(32, 37, "country", "China", "CHN"), Span(42, 47, "country", "China", "CHN")]
    assert main_parties(doc) == ["CHN"]
    doc.spans["country"].append(Span(0, 10, "country", "Kazakhstan", "KAZ"))
    assert main_parties(doc) == ["CHN", "KAZ"]
