"""The resolver's fuzzy match of people (store.resolve `_fuzzy_person`, scored through store.initials) gives the
answers of the loop it replaced, one rapidfuzz call per person of the initial, on thousands of names:
the same key first, else the most alike surname and first name, the first of equals, countries apart."""
from __future__ import annotations

import random

from rapidfuzz import fuzz

from accordwatch.store.resolve import SURNAME_FUZZ, Memory, Resolver


def _reference(people: dict, key: str, country: str | None) -> int | None:
    parts = key.split()
    if len(parts) < 2:
        return None
    best, best_score = None, 0.0
    for (other, eid), other_country in people.get(key[:1], {}).items():
        if country and other_country and country != other_country:
            continue
        if other == key:
            return eid
        o = other.split()
        if len(o) < 2 or (surname := fuzz.ratio(parts[-1], o[-1])) < SURNAME_FUZZ:
            continue
        first = 100.0 if o[0] == parts[0] or len(parts[0]) == 1 else fuzz.ratio(o[0], parts[0])
        if first >= SURNAME_FUZZ and surname + first > best_score:
            best, best_score = eid, surname + first
    return best


def _name(rng: random.Random) -> str:
    first = rng.choice(["kasim", "kasim jomart", "a", "aigerim", "aigerym", "marat", "murat", "dilnosa", "d"])
    last = rng.choice(["tokaev", "tokaiev", "tokayv", "abenov", "abenova", "karimov", "karimof", "nurlanov", "sultanov",
                       "sultanof", "mirsiev", "mirsieva", "bekova"])
    return rng.choice([f"{first} {last}", last, f"{first} {last}", f"{first} {last} {last}"])


def test_fuzzy_person_as_the_loop_did():
    rng = random.Random(11)
    memory = Memory()
    memory.people = {}
    r = Resolver(None, memory)
    checked, found, fuzzy = 0, 0, 0
    for eid in range(1, 3000):
        key = _name(rng)
        country = rng.choice([None, None, "KAZ", "UZB"])
        memory.letters.add(key[:1])   # known: nothing to read from a database
        got = r._fuzzy_person(key, country)
        assert got == _reference(memory.people, key, country), key
        checked += 1
        found += got is not None
        fuzzy += got is not None and (key, got) not in memory.people.get(key[:1], {})
        if rng.random() < 0.3:   # the writer comes to know more people between lookups
            r._remember(key, eid, country)
        if rng.random() < 0.05:   # a known person's country filled later (the entry keeps its place)
            letter = rng.choice(sorted(memory.people))
            entry = rng.choice(list(memory.people[letter]))
            memory.people[letter][entry] = rng.choice(["KAZ", "UZB"])
    assert checked == 2999 and sum(map(len, memory.people.values())) > 500
    assert found > 1000 and fuzzy > 300   # found by their key, and by a name alike
