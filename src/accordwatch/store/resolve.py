"""Cross-article resolution: one entity however it is spelled, one event however many articles
report it, and figures that disagree flagged as conflicts.

Entities resolve through the aliases table (every normalised spelling ever seen), then through the
Latin keys of those spellings (normalize.latin_key, indexed: "КазМунайГаз" finds KazMunayGas, "Астана"
Astana, in either order of arrival, when the countries do not differ); people also by a fuzzy match of
those Latin keys, surname alike with the same first initial and country (Tokayev = Tokaev = Токаев). An
entity is named in Latin letters once an article spells it so ("Касым-Жомарт Токаев" first, then
"Kassym-Jomart Tokayev": the entity is Kassym-Jomart Tokayev, both spellings its aliases). Events
resolve to an earlier one of the same type, parties (and instrument) whose date is within a
window of their own, whatever the language of the reports; a later report fills the date, location
and name it lacks (the first name given is kept, but a name or place in Latin letters replaces one in
Cyrillic) and raises its status. Figures for the same indicator, parties, period, kind and unit
that differ by more than 1.5 % are all marked `conflict`.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import cache, lru_cache

from rapidfuzz import fuzz
from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update

from ..data import lexicon, split
from ..extract.people import known_people
from .initials import Initial
from .normalize import latin_key, name_key
from .schema import aliases, documents, entities, events

EVENT_WINDOW_DAYS = 45
FIGURE_TOLERANCE = 0.015
STATUS_RANK = {"discussed": 0, "planned": 1, "agreed": 2, "signed": 3}
SURNAME_FUZZ = 88
SHORT_KEY = 4   # a Latin key this long or shorter is an acronym's: too ambiguous to join gazetteer rows
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _latin_script(text: str | None) -> bool:
    """Is `text` written without Cyrillic letters (the spelling an English page shows)?"""
    return bool(text) and not _CYRILLIC.search(text)


@cache
def _gazetteer_spellings() -> dict[str, tuple[str, ...]]:
    """The normalised name or alias of a bundled organization (English or Russian gazetteer) -> the
    Latin keys of every spelling the gazetteers give it: an article names it one way, another article
    in another script another way ("КТЖ", "KTZh"), and the gazetteers know both are one. An English and
    a Russian row that share a spelling (in Latin letters, longer than an acronym) are one organization:
    each side then finds the spellings of the other, whichever article came first."""
    rows = [[row["name"], *split(row.get("aliases", ""))]
            for file in ("organizations.tsv", "ru/organizations.tsv") for row in lexicon(file)]
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, names in enumerate(rows):
        for k in map(latin_key, names):
            if len(k) > SHORT_KEY:
                j = owner.setdefault(k, i)
                parent[root(i)] = root(j)
    latins: dict[int, dict[str, None]] = {}
    for i, names in enumerate(rows):
        latins.setdefault(root(i), {}).update(dict.fromkeys(k for k in map(latin_key, names) if k))
    out: dict[str, tuple[str, ...]] = {}
    for i, names in enumerate(rows):
        for n in names:
            key = name_key(n)
            out[key] = tuple(dict.fromkeys((*out.get(key, ()), *latins[root(i)])))
    return out


# a company named with its legal form or kind before its name in guillemets ("АО «QazaqGaz»", "АО «НК
# «Қазақстан темір жолы»", "Государственный концерн «Туркменгаз»"): the name in guillemets is the company's
_FORM_WORD = re.compile(r"[A-ZА-ЯЁ]{2,4}|(?i:государствен|национальн|акционерн|концерн|компани|корпораци|"
                        r"госкорпораци|холдинг|предприяти|банк|фонд)\w*")
_QUOTED = re.compile(r"«([^«»]+)»")


def company_name(name: str) -> str | None:
    """The name in guillemets of a company named with its legal form or kind ("АО «НК «КазМунайГаз»" ->
    "КазМунайГаз"), else None."""
    head, quote, _ = name.partition("«")
    found = _QUOTED.findall(name)
    if not quote or not found or not all(_FORM_WORD.fullmatch(w) for w in head.split()):
        return None
    return found[-1].strip() or None


def _better_spelling(new: str, old: str) -> bool:
    """Does `new` replace `old` as a shown name: it is in Latin letters and `old` is not."""
    return _latin_script(new) and not _latin_script(old)


@lru_cache(maxsize=1 << 14)   # a batch asks for the same few dates again and again
def _as_date(value: str | None) -> date | None:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD value can mean."""
    if not value:
        return None
    parts = value.split("/")[0].split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


@lru_cache(maxsize=1 << 14)
def event_window(when: date) -> tuple[str, str]:
    """The dates (text) between which the events an event of date `when` may be are dated: the window and a
    day more on each side (see Resolver.event)."""
    return ((when - timedelta(days=EVENT_WINDOW_DAYS + 1)).isoformat(),
            (when + timedelta(days=EVENT_WINDOW_DAYS + 1)).isoformat())


@cache
def _candidates(instrument: str):
    """The select of the events an event may be, built once for each test of the instrument ("any":
    only agreements are told apart by theirs; "none"; "equal"): building a statement costs more than
    running it. Parameters: type, parties, instrument, lo, hi."""
    cond = [events.c.type == bindparam("type"), events.c.parties == bindparam("parties")]
    if instrument == "none":
        cond.append(events.c.instrument.is_(None))
    elif instrument == "equal":
        cond.append(events.c.instrument == bindparam("instrument"))
    lo, hi = bindparam("lo"), bindparam("hi")
    near = or_(events.c.date.between(lo, hi), and_(events.c.date.is_(None), documents.c.published.between(lo, hi)))
    return (select(events.c.id, events.c.date, events.c.status, events.c.location, events.c.name,
                   documents.c.published)
            .join(documents, documents.c.id == events.c.first_document_id)
            .where(*cond, near).order_by(events.c.id))


class Memory:
    """What a writer has learnt of the database's entities, kept from batch to batch: which entity
    each spelling resolves to, the name and attributes known to be filled (with their values), the
    people loaded for fuzzy matching (by the first letter of their Latin keys). Rows are only ever
    added (by this writer or another), and a name only ever turns Latin, so what it holds stays true
    (or is checked again); except when a transaction is rolled back: then `forget()`."""

    def __init__(self) -> None:
        self.aliases: dict[tuple[str, str], int] = {}
        self.attrs: dict[int, dict[str, object]] = {}
        self.people: dict[str, dict[tuple[str, int], str | None]] | None = None
        self.letters: set[str] = set()
        self.initials: dict[str, Initial] = {}   # the people of each initial indexed (store.initials)

    def forget(self) -> None:
        self.__init__()


class Resolver:
    """Resolves one batch's entities and events against what the database holds."""

    def __init__(self, conn: Connection, memory: Memory | None = None) -> None:
        self.conn = conn
        self.memory = memory or Memory()
        # the events one document's reports went to: two events the extractor told apart in one
        # article (a meeting on Monday, another on Tuesday) are never merged into one
        self._document_events: tuple[int | None, set[int]] = (None, set())

    # ---- entities ----
    def _by_alias(self, kind: str, keys: list[str]) -> int | None:
        keys = [k for k in keys if k]
        for k in keys:   # what this batch already resolved
            if (kind, k) in self.memory.aliases:
                return self.memory.aliases[(kind, k)]
        if not keys:
            return None
        return self._stored_alias(kind, keys)

    # What the resolver reads and writes, one hook each: here one statement each; store.batch keeps a
    # batch's reads in memory (read once per batch) and its writes until the end of the batch.
    def _stored_alias(self, kind: str, keys: list[str]) -> int | None:
        """The entity of a stored alias of `kind` among `keys` (any one: the first the index gives)."""
        row = self.conn.execute(select(aliases.c.entity_id).where(
            aliases.c.kind == kind, aliases.c.alias.in_(keys)).limit(1)).first()
        return row[0] if row else None

    def _stored_latin(self, kind: str, latins: list[str]) -> list[tuple[int, str | None]]:
        """(entity id, country) of the stored aliases of `kind` with one of these Latin keys, by entity id."""
        return self.conn.execute(select(aliases.c.entity_id, entities.c.country)
                                 .join(entities, entities.c.id == aliases.c.entity_id)
                                 .where(aliases.c.kind == kind, aliases.c.latin.in_(latins))
                                 .order_by(aliases.c.entity_id)).all()

    def _stored_aliases_of(self, entity_id: int, kind: str, keys: list[str]) -> set[str]:
        """Which of `keys` are stored aliases of the entity (of `kind`)."""
        return {r[0] for r in self.conn.execute(select(aliases.c.alias).where(
            aliases.c.entity_id == entity_id, aliases.c.alias.in_(keys)))}

    def _insert_aliases(self, rows: list[dict]) -> None:
        self.conn.execute(insert(aliases), rows)

    def _entity_by_key(self, kind: str, key: str) -> int | None:
        row = self.conn.execute(select(entities.c.id).where(entities.c.kind == kind, entities.c.key == key)).first()
        return row[0] if row else None

    def _insert_entity(self, values: dict) -> int:
        return self.conn.execute(insert(entities).values(**values)).inserted_primary_key[0]

    def _entity_values(self, entity_id: int, cols: list[str]) -> dict[str, object]:
        return dict(zip(cols, self.conn.execute(select(*[entities.c[k] for k in cols])
                                                .where(entities.c.id == entity_id)).first(), strict=True))

    def _update_entity(self, entity_id: int, values: dict) -> None:
        self.conn.execute(update(entities).where(entities.c.id == entity_id).values(**values))

    def _stored_people(self, letter: str) -> list[tuple[str, int, str | None]]:
        """(Latin key, entity id, country) of the people's aliases whose Latin key starts with `letter`."""
        return self.conn.execute(select(aliases.c.latin, aliases.c.entity_id, entities.c.country)
                                 .join(entities, entities.c.id == aliases.c.entity_id)
                                 .where(aliases.c.kind == "person", aliases.c.latin >= letter,
                                        aliases.c.latin < chr(ord(letter) + 1))).all()

    def _event_candidates(self, test: str, params: dict) -> list[tuple]:
        """(id, date, status, location, name, published of its first article) of the events of the type and
        parties (and instrument, by `test`) dated, or first reported, between params lo and hi; by id."""
        return self.conn.execute(_candidates(test), params).all()

    def _update_event(self, event_id: int, changes: dict) -> None:
        self.conn.execute(update(events).where(events.c.id == event_id).values(**changes))

    def _insert_event(self, values: dict) -> int:
        return self.conn.execute(insert(events).values(**values)).inserted_primary_key[0]

    def _by_latin(self, kind: str, latins: list[str], country: str | None) -> int | None:
        """An entity of `kind` one of whose spellings has one of these Latin keys (the same name in
        another script or transliteration), of the same country or one unknown: an index lookup."""
        latins = [k for k in dict.fromkeys(latins) if k]
        if not latins:
            return None
        for eid, other in self._stored_latin(kind, latins):
            if not country or not other or country == other:
                return eid
        return None

    def _add_aliases(self, entity_id: int, kind: str, keys: list[str]) -> None:
        keys = [k for k in dict.fromkeys(keys) if k and self.memory.aliases.get((kind, k)) != entity_id]
        if not keys:
            return
        have = self._stored_aliases_of(entity_id, kind, keys)
        new = [{"entity_id": entity_id, "alias": k, "kind": kind, "latin": latin_key(k)} for k in keys if k not in have]
        if new:
            self._insert_aliases(new)
        for k in keys:
            self.memory.aliases[(kind, k)] = entity_id

    def entity(self, kind: str, key: str, name: str, alias_keys: list[str], latins: list[str] = (),
               **attrs) -> tuple[int, bool]:
        """(entity id, created) for an entity known by `key` or any of `alias_keys`, else by one of the
        Latin keys `latins` (with the same country, or one unknown)."""
        found = self._by_alias(kind, [key, *alias_keys])
        if found is None:
            found = self._entity_by_key(kind, key)
        if found is None and latins:
            found = self._by_latin(kind, list(latins), attrs.get("country"))
        created = found is None
        if created:
            found = self._insert_entity({"kind": kind, "key": key, "name": name, **attrs})
            self.memory.attrs[found] = {"name": name, **{k: v for k, v in attrs.items() if v}}
        else:
            self._fill(found, name, {k: v for k, v in attrs.items() if v})
        self._add_aliases(found, kind, [key, *alias_keys])
        return found, created

    def _fill(self, entity_id: int, name: str, fill: dict[str, object]) -> None:
        """Fill what an earlier article left unknown, and name the entity (and a person's office) in
        Latin letters once an article gives them so, whatever the order of the articles: an entity
        first seen in Russian is shown by its English name. What is known of the row is not read again."""
        latin = _latin_script(name)

        def stale(k: str, v: object, have: object) -> bool:
            return not have or (k == "title" and _latin_script(str(v)) and not _latin_script(str(have)))

        known = self.memory.attrs.setdefault(entity_id, {})
        if not (any(k not in known or stale(k, v, known[k]) for k, v in fill.items())
                or latin and ("name" not in known or not _latin_script(known["name"]))):
            return
        cols = ["name", *fill]
        cur = self._entity_values(entity_id, cols)
        todo = {k: v for k, v in fill.items() if stale(k, v, cur[k])}
        if latin and not _latin_script(cur["name"]):
            todo["name"] = name
        if todo:
            self._update_entity(entity_id, todo)
        known.update({k: v for k, v in {**cur, **todo}.items() if v})

    def country(self, code: str, name: str) -> tuple[int, bool]:
        return self.entity("country", code, name, [name_key(name)])

    def place(self, name: str, country: str | None) -> tuple[int, bool]:
        return self.entity("place", name_key(name), name, [], [latin_key(name)], country=country)

    def organization(self, name: str, alias_names: list[str], country: str | None, kind: str | None
                     ) -> tuple[int, bool]:
        names = [name, *alias_names]
        names += [n for n in map(company_name, names) if n]   # "АО «QazaqGaz»" is QazaqGaz
        keys = [name_key(n) for n in names]
        spellings = _gazetteer_spellings()
        latins = [*map(latin_key, names), *(k for key in keys for k in spellings.get(key, ()))]
        return self.entity("organization", keys[0], name, keys[1:], latins, country=country, org_kind=kind)

    def person(self, name: str, title: str | None, country: str | None) -> tuple[int, bool]:
        known = known_people().get(name.lower())
        canonical = known["name"] if known else name
        key = name_key(canonical)
        keys = [key, name_key(name)]
        latin = latin_key(canonical)
        country = country or (known["country"] if known else None)
        # a name of two words or more meets the people of its initial in memory, its Latin key among
        # them (_fuzzy_person); a one-word name only its Latin key in the index
        found = self._by_alias("person", keys) or (self._fuzzy_person(latin, country) if " " in latin
                                                   else self._by_latin("person", [latin], country))
        if found is not None:
            key = self._key_of(found)
            keys.append(key)
        eid, created = self.entity("person", key, canonical, keys, title=title, country=country)
        self._remember(latin, eid, country)
        return eid, created

    def _key_of(self, entity_id: int) -> str:
        return self._entity_values(entity_id, ["key"])["key"]

    def _people_starting(self, letter: str) -> dict[tuple[str, int], str | None]:
        """People one of whose Latin keys starts with `letter`, loaded once per writer (and kept): a
        fuzzy match compares a name only with these, not with everyone the database holds."""
        if self.memory.people is None:
            self.memory.people = {}
        if letter not in self.memory.letters:
            self.memory.letters.add(letter)
            for latin, eid, country in self._stored_people(letter):
                self._remember(latin, eid, country)
        return self.memory.people.get(letter, {})

    def _remember(self, key: str, eid: int, country: str | None) -> None:
        if self.memory.people is not None and key:
            self.memory.people.setdefault(key[:1], {})[(key, eid)] = country

    def _fuzzy_person(self, key: str, country: str | None) -> int | None:
        """Same first initial, same country (or one unknown), surnames alike, compared on Latin keys:
        Tokayev = Tokaev = Токаев (the same key first, else the most alike; of those alike as much, the
        first the writer came to know)."""
        parts = key.split()
        if len(parts) < 2:
            return None
        people = self._people_starting(key[:1])
        index = self.memory.initials.setdefault(key[:1], Initial())
        index.sync(people)

        def fits(entry: tuple[str, int]) -> bool:
            other_country = people[entry]
            return not (country and other_country and country != other_country)

        for i in index.by_key.get(key, ()):
            if fits(index.entries[i]):
                return index.entries[i][1]
        best, best_score = None, 0.0
        for i, surname in index.alike(parts[-1], SURNAME_FUZZ):
            other, eid = index.entries[i]
            o = other.split()
            if len(o) < 2 or not fits((other, eid)):
                continue
            first = 100.0 if o[0] == parts[0] or len(parts[0]) == 1 else fuzz.ratio(o[0], parts[0])
            if first >= SURNAME_FUZZ and surname + first > best_score:
                best, best_score = eid, surname + first
        return best

    # ---- events ----
    def taken_by(self, document_id: int, event_ids: set[int]) -> None:
        """Events the article `document_id` reports already: an event of it resolved next joins none of
        them (as two events one article tells apart stay two)."""
        self._document_events = (document_id, set(event_ids))

    def event(self, ev: dict, document_id: int, published: str | None) -> tuple[int, bool]:
        """(event id, created): an earlier event of the same type and parties (and instrument)
        with a date within the window, else a new one."""
        parties = "|".join(ev["parties"])
        when = _as_date(ev.get("date")) or _as_date(published)
        if self._document_events[0] != document_id:
            self._document_events = (document_id, set())
        taken = self._document_events[1]
        rows = []
        if when is not None:   # an event with no date at all joins none: it is new
            # Only the candidates dated near it are read, not every event of the pair: dates are
            # YYYY[-MM[-DD]] text, which sorts as the first day it can mean, except that "2024" sorts
            # before "2024-01-01"; a day more on each side keeps those (the loop below decides).
            instrument = ev.get("instrument")
            test = "any" if ev["type"] != "agreement" else "none" if instrument is None else "equal"
            lo, hi = event_window(when)
            rows = self._event_candidates(test, {
                "type": ev["type"], "parties": parties, "instrument": instrument, "lo": lo, "hi": hi})
        for eid, edate, estatus, elocation, ename, epublished in rows:
            other = _as_date(edate) or _as_date(epublished)
            if when is None or other is None or abs((when - other).days) > EVENT_WINDOW_DAYS or eid in taken:
                continue
            if (ev["type"] == "meeting" and ev.get("location") and elocation
                    and latin_key(ev["location"]) != latin_key(elocation)):   # Астана is Astana
                continue
            changes = {}
            if STATUS_RANK.get(ev["status"], 0) > STATUS_RANK.get(estatus, 0):
                changes["status"] = ev["status"]
            if not edate and ev.get("date"):
                changes["date"] = ev["date"]
            # what an earlier report lacked; and in Latin letters once a report gives it so (an event first
            # reported in Russian is named and placed as the first English report has it)
            if ev.get("location") and (not elocation or _better_spelling(ev["location"], elocation)):
                changes["location"] = ev["location"]
            if ev.get("name") and (not ename or _better_spelling(ev["name"], ename)):   # else the first name is kept
                changes["name"] = ev["name"]
            if changes:
                self._update_event(eid, changes)
            taken.add(eid)
            return eid, False
        eid = self._insert_event({
            "type": ev["type"], "name": ev.get("name"), "instrument": ev.get("instrument"), "status": ev["status"],
            "parties": parties, "date": ev.get("date"), "location": ev.get("location"),
            "organizations": "|".join(ev.get("organizations") or []) or None, "first_document_id": document_id})
        taken.add(eid)
        return eid, True

    # ---- figures ----
    def flag_conflicts(self, groups: set[tuple]) -> int:
        """Mark figures that disagree within each (indicator, parties, period, kind, unit) group.
        Figures are only ever added, so a group can only turn conflicting: one grouped query finds
        which of the groups this batch touched now disagree, and only those are updated."""
        keyed = [g for g in groups if g[2]]   # a stock with no period is compared with nothing
        if self.conn.dialect.name == "sqlite":
            return self._flag_sqlite(keyed)
        # PostgreSQL: the groups as five arrays, one statement text whatever their number, which the driver
        # converts once and the server prepares (a VALUES list of hundreds of parameters was split by the
        # driver and planned by the server every batch)
        if not keyed:
            return 0
        now = _disagree(self.conn.exec_driver_sql(_POSTGRES_GROUPS, _arrays(keyed)).all())
        if not now:
            return 0
        return self.conn.exec_driver_sql(_POSTGRES_FLAG, _arrays(now)).rowcount

    def _flag_sqlite(self, keyed: list[tuple]) -> int:
        """On SQLite the groups go as one JSON array (json_each), an index search each, in statements whose
        text is the same whatever the number of groups: SQLite prepares them once (an OR of hundreds of
        groups cost more to parse and plan than to run), and never scans every figure (a row-value IN
        list would)."""
        if not keyed:
            return 0
        now = _disagree(self.conn.exec_driver_sql(_SQLITE_GROUPS, (json.dumps(keyed),)).all())
        if not now:
            return 0
        return self.conn.exec_driver_sql(_SQLITE_FLAG, (json.dumps(now),)).rowcount


_GROUP = ("indicator", "parties", "period", "kind", "unit")
_COLS = ", ".join(f"f.{c}" for c in _GROUP)
_SUMMARY = f"SELECT {_COLS}, min(f.value), max(f.value), count(*), min(CAST(f.conflict AS INTEGER))"
# the groups of a JSON array of [indicator, parties, period, kind, unit], joined to their figures through
# ix_figures_group (CROSS JOIN: the groups are the outer loop)
_SQLITE_JOIN = ("(SELECT " + ", ".join(f"json_extract(value, '$[{i}]') AS {c}" for i, c in enumerate(_GROUP))
                + " FROM json_each(?)) AS v CROSS JOIN figures f ON " + " AND ".join(f"f.{c} = v.{c}" for c in _GROUP))
_SQLITE_GROUPS = f"{_SUMMARY} FROM {_SQLITE_JOIN} GROUP BY {_COLS}"
_SQLITE_FLAG = (f"UPDATE figures SET conflict = true WHERE id IN "
                f"(SELECT f.id FROM {_SQLITE_JOIN} WHERE f.conflict = false)")


def _disagree(rows: list) -> list[tuple]:
    """The groups (of rows: the group's columns, min and max value, count, whether all are flagged) whose
    figures differ by more than the tolerance and are not all flagged yet."""
    return [tuple(key) for *key, lo, hi, n, all_flagged in rows
            if n > 1 and hi - lo > FIGURE_TOLERANCE * hi and not all_flagged]


def _arrays(groups: list[tuple]) -> tuple[list, ...]:
    """PostgreSQL: the groups' columns, one list each (the parameters of _POSTGRES_VALUES)."""
    return tuple([g[i] for g in groups] for i in range(len(_GROUP)))


def _on() -> str:
    return " AND ".join(f"f.{c} = v.{c}" for c in _GROUP)


# PostgreSQL: the groups of five arrays, joined to their figures through ix_figures_group
_POSTGRES_VALUES = (f"unnest({', '.join(['%s::text[]'] * len(_GROUP))}) AS v({', '.join(_GROUP)})")
_POSTGRES_GROUPS = f"{_SUMMARY} FROM figures f JOIN {_POSTGRES_VALUES} ON {_on()} GROUP BY {_COLS}"
_POSTGRES_FLAG = f"UPDATE figures AS f SET conflict = true FROM {_POSTGRES_VALUES} WHERE {_on()} AND f.conflict = false"
