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
from dataclasses import dataclass, field
from functools import cache

from ..data import lexicon, split
from ..document import Document, Span
from . import gazetteer as gz
from .datetext import MONTHS
from .pipeline import component

WORD = re.compile(r"[^\W\d_](?:[\w'’.]*[^\W_])?(?:-[^\W\d_][\w'’]*)*|\d+|[^\w\s]")
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "at", "in", "to"})
NOT_NAMES = frozenset("""
The A An This That These Those It Its He She They We I You Our Their His Her Mr Mrs Ms Dr Sir
Monday Tuesday Wednesday Thursday Friday Saturday Sunday And But Or In On At For From With By As
Also Meanwhile However According Today Yesterday Tomorrow Earlier Later Currently Both Some Several
Photo Credit Source Read More Related
""".split()) | {m.capitalize() for m in MONTHS}
SPEECH_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|says|noted|notes|added|adds|stressed|stresses|emphasized|"
                          r"emphasised|told|stated|explained|announced|highlighted|pointed\s+out|remarked|"
                          r"underlined|underscored|recalled|observed)\b")
SPEECH_BEFORE = re.compile(r"(?:\bsaid|\bsays|\bnoted|\badded|\bstressed|\bemphasized|\baccording\s+to)\s*$")


@cache
def title_words() -> frozenset[str]:
    words = {row["word"].lower() for row in lexicon("title_words.tsv")}
    for row in lexicon("titles.tsv"):
        for w in WORD.findall(row["title"]):
            if w[:1].isupper():
                words.add(w.lower())
    return frozenset(words)


@cache
def known_people() -> dict[str, dict[str, str]]:
    """lowercased full name or alias -> row of data/people.tsv."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicon("people.tsv"):
        for n in [row["name"], *split(row.get("aliases", ""))]:
            out.setdefault(n.lower(), dict(row))
    return out


@dataclass
class Word:
    start: int
    end: int
    text: str
    kind: str            # ent | title | conn | name | punct | other
    anchor: bool = False  # inside a title from the titles lexicon
    ent: Span | None = None


@dataclass
class Person:
    name: str
    title: str | None = None
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)
    titles: list[tuple[str, str | None]] = field(default_factory=list)   # (title, country)


def _bare(w: str) -> str:
    return re.sub(r"['’]s$", "", w)


class PeopleFinder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.ents = sorted(doc.layer("country") + doc.layer("org"), key=lambda s: s.start)
        self.anchors = [s for s in doc.layer("title")]
        self.orgs = doc.meta.get("organizations", {})
        self.places = doc.layer("place")
        self.people: dict[str, Person] = {}

    def words(self, start: int, end: int) -> list[Word]:
        out = []
        tw = title_words()
        for m in WORD.finditer(self.text, start, end):
            s, e, t = m.start(), m.end(), m.group(0)
            ent = next((x for x in self.ents if x.start <= s and e <= x.end), None)
            anchor = any(a.start <= s and e <= a.end for a in self.anchors)
            bare = _bare(t)
            if ent is not None:
                kind = "ent"
            elif anchor and bare[:1].isupper():
                kind = "title"
            elif bare.lower() in tw and bare[:1].isupper():
                kind = "title"
            elif t in CONNECTORS:
                kind = "conn"
            elif bare[:1].isupper() and bare not in NOT_NAMES and not bare.isupper() and bare.isalpha() \
                    or (bare[:1].isupper() and "-" in bare and bare.replace("-", "").isalpha()):
                kind = "name"
            elif not t[0].isalnum():
                kind = "punct"
            else:
                kind = "other"
            if kind == "name" and any(p.start <= s and e <= p.end for p in self.places):
                kind = "other"
            out.append(Word(s, e, t, kind, anchor, ent))
        return out

    # ---- finding ----
    def run(self) -> None:
        for s, e in self.doc.sentences or [(0, len(self.text))]:
            if not self.doc.in_body(s, e) and not any(s <= b0 < e for b0, _ in (self.doc.body or [])):
                continue
            ws = self.words(s, e)
            self.title_then_name(ws)
            self.name_then_title(ws)
            self.speech(ws)
        self.link_mentions()

    def title_then_name(self, ws: list[Word]) -> None:
        i = 0
        while i < len(ws):
            if ws[i].kind not in ("title", "ent"):
                i += 1
                continue
            # a title segment: title/entity words and connectors between them
            j = i
            last_content = i
            has_anchor = False
            while j < len(ws) and (ws[j].kind in ("title", "ent") or (
                    ws[j].kind == "conn" and j + 1 < len(ws) and ws[j + 1].kind in ("title", "ent", "conn"))):
                if ws[j].kind != "conn":
                    last_content = j
                has_anchor |= ws[j].anchor
                j += 1
            k = last_content + 1
            # "Board of Directors Chairman, Sanzhar Zharkeshov"
            if k < len(ws) and ws[k].text == "," and ws[last_content].anchor:
                k += 1
            n = k
            while n < len(ws) and ws[n].kind == "name" and n - k < 4:
                n += 1
            if has_anchor and n > k and not (n < len(ws) and ws[n].kind == "name"):
                name_words = ws[k:n]
                title_ws = self._trim_title(ws[i:last_content + 1])
                if title_ws and ws[last_content].anchor or any(w.anchor for w in title_ws[-3:]):
                    self.add(name_words, title_ws)
                i = n
            else:
                i = max(j, i + 1)

    def name_then_title(self, ws: list[Word]) -> None:
        """'Roman Vassilenko, Deputy Foreign Minister of Kazakhstan, said'."""
        for i in range(len(ws) - 3):
            if ws[i].kind != "name" or (i > 0 and ws[i - 1].kind == "name"):
                continue
            n = i
            while n < len(ws) and ws[n].kind == "name":
                n += 1
            if not 2 <= n - i <= 4 or n >= len(ws) or ws[n].text != ",":
                continue
            j = n + 1
            if j < len(ws) and ws[j].text.lower() in ("the", "a", "an"):
                j += 1
            t = j
            while t < len(ws) and (ws[t].kind in ("title", "ent") or (
                    ws[t].kind == "conn" and t + 1 < len(ws) and ws[t + 1].kind in ("title", "ent"))):
                t += 1
            seg = ws[j:t]
            if seg and any(w.anchor for w in seg) and (t >= len(ws) or ws[t].kind in ("punct", "other", "conn")):
                self.add(ws[i:n], self._trim_title(seg))

    def speech(self, ws: list[Word]) -> None:
        """Names of two or three words beside a speech verb: 'said Aigerim Bekova'."""
        for i, w in enumerate(ws):
            if w.kind != "name" or (i > 0 and ws[i - 1].kind in ("name", "title", "ent")):
                continue
            n = i
            while n < len(ws) and ws[n].kind == "name":
                n += 1
            if not 2 <= n - i <= 3 or (n < len(ws) and ws[n].kind in ("title", "ent")):
                continue
            start, end = ws[i].start, ws[n - 1].end
            if SPEECH_AFTER.match(self.text[end:end + 30]) or SPEECH_BEFORE.search(self.text[max(0, start - 25):start]):
                self.add(ws[i:n], [])

    @staticmethod
    def _trim_title(seg: list[Word]) -> list[Word]:
        while seg and seg[0].kind == "conn":
            seg = seg[1:]
        while seg and (seg[-1].kind == "conn" or seg[-1].text == ","):
            seg = seg[:-1]
        return seg

    # ---- recording ----
    def add(self, name_words: list[Word], title_ws: list[Word]) -> None:
        name = self.text[name_words[0].start:name_words[-1].end]
        name = _bare(name)
        title, country = self.title_and_country(title_ws)
        span = Span(name_words[0].start, name_words[0].start + len(name), "person", name)
        if len(name_words) == 1:
            # a bare surname after a title: only as a mention of someone named in full
            person = self.by_surname(name)
            if person is None:
                return
        else:
            person = self.people.get(name.lower()) or self.by_surname(name_words[-1].text, first=name)
            if person is None:
                person = self.people[name.lower()] = Person(name)
        span.value = person.name
        person.mentions.append(span)
        if title:
            person.titles.append((title, country))
        elif country:
            person.titles.append(("", country))

    def by_surname(self, surname: str, first: str | None = None) -> Person | None:
        surname = _bare(surname)
        for p in self.people.values():
            parts = p.name.split()
            if parts[-1] == surname and (first is None or first.split()[0][0] == parts[0][0]):
                return p
        return None

    def title_and_country(self, ws: list[Word]) -> tuple[str | None, str | None]:
        if not ws:
            return None, None
        country = None
        keep: list[Word] = []
        i = 0
        while i < len(ws):
            w = ws[i]
            if w.kind == "ent" and w.ent is not None and w.ent.label == "country":
                country = country or w.ent.value
                # drop "of (the Republic of) Kazakhstan" with the country words
                while keep and keep[-1].kind == "conn" or (keep and keep[-1].text in ("Republic",)):
                    keep.pop()
                i += 1
                continue
            if w.kind == "ent" and w.ent is not None and w.ent.label == "org" and country is None:
                ent = self.orgs.get(w.ent.value)
                if ent is not None and ent.country:
                    country = ent.country
            keep.append(w)
            i += 1
        keep = self._trim_title(keep)
        if not keep:
            return None, country
        title = self.text[keep[0].start:keep[-1].end]
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
                for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", self.text):
                    if (m.start(), m.end()) in taken or any(
                            s <= m.start() < e for s, e in taken) or not self.doc.in_body(m.start(), m.end()):
                        continue
                    taken.add((m.start(), m.end()))
                    p.mentions.append(Span(m.start(), m.end(), "person", m.group(0), p.name))

    def resolve(self) -> list[Person]:
        fallback = None
        if self.doc.dateline:
            place = gz.place_index().get(self.doc.dateline.lower())
            fallback = place[1] if place else None
        out = []
        for p in self.people.values():
            titles = [t for t, _ in p.titles if t]
            p.title = max(titles, key=len) if titles else None
            p.country = next((c for _, c in p.titles if c), None)
            known = known_people().get(p.name.lower())
            if p.country is None and known:
                p.country = known["country"]
            if p.title is None and known:
                p.title = known["title"]
            if p.country is None and p.title and fallback:
                p.country = fallback
            p.mentions.sort(key=lambda s: s.start)
            out.append(p)
        return out


@component("people")
def annotate(doc: Document) -> None:
    f = PeopleFinder(doc)
    f.run()
    people = f.resolve()
    doc.meta["people"] = people
    doc.spans["person"] = sorted((m for p in people for m in p.mentions), key=lambda s: s.start)
