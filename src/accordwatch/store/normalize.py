"""Keys for matching names across articles: case, accents, punctuation and "the" do not count.

name_key    the spelling as written, normalised: "The KazMunayGas" -> "kazmunaygas", "КазМунайГаз" ->
            "казмунаигаз" (accents and the breve of й go with the other diacritics)
latin_key   the same name in Latin letters, with the usual differences between transliterations
            folded away, so that a name written in Cyrillic meets its English spelling:
            "Касым-Жомарт Токаев" (anyascii: "Kasym-Zhomart Tokaev") and "Kassym-Jomart Tokayev" both
            give "kasim jomart tokaev"; "КазМунайГаз" and "KazMunayGas" both "kasmunaigas"

latin_key is stored beside every alias (aliases.latin, indexed), so finding a name written in another
script is one index lookup, never a scan of the entities. It is a key for matching, never shown.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii


@lru_cache(maxsize=1 << 16)
def name_key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’‘`ʼ]s\b", "", s)
    s = re.sub(r"[^\w\s]|_", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


# The spellings English news and transliteration tables give the same letters, folded to one form
# (longest first; applied left to right, so "yoye" in Mirziyoyev reads as yo, ye): щ shch/sch,
# х kh/h, ж zh/j/dzh, й and ы y/i, е ye/e, ё yo/e, ю yu/u, я ya/a, қ q/k, кс ks/x, в v/w, з z/s
# (Газ in company names: KazMunayGaz/KazMunayGas); then doubled letters as one (Kassym, Касым).
_FOLDS = {"shch": "sh", "sch": "sh", "dzh": "j", "zh": "j", "kh": "h", "yo": "e", "ye": "e", "yu": "u",
          "ya": "a", "ks": "x", "y": "i", "q": "k", "w": "v", "z": "s"}
_FOLD = re.compile("|".join(sorted(_FOLDS, key=len, reverse=True)))
_DOUBLE = re.compile(r"([a-z])\1+")
SHORT = 4


@lru_cache(maxsize=1 << 16)
def latin_key(s: str) -> str:
    """The name's key in Latin letters, transliteration variants folded: Tokayev, Tokaev and Токаев
    all give "tokaev"; Kassym and Касым "kasim"; Mirziyoyev and Мирзиёев "mirsiev". Words stay apart
    (one space between them), so that a person's first name and surname can be compared one by one."""
    s = anyascii(name_key(s)).lower()
    s = re.sub(r"['’`ʼ]", "", s)                  # ь and ъ come out as apostrophes: Il'kham -> ilkham
    return " ".join(map(_fold, re.sub(r"[^a-z0-9]+", " ", s).split()))


def _fold(word: str) -> str:
    """One word with its transliteration variants folded; a word of four letters or fewer is kept as it
    is, since it is mostly an acronym (EEC is not EC; КТЖ and KTZh both give ktzh)."""
    if len(word) <= SHORT:
        return word
    return _DOUBLE.sub(r"\1", _FOLD.sub(lambda m: _FOLDS[m.group()], word))
