"""The people of one initial as the resolver's fuzzy match reads them (store.resolve, `_fuzzy_person`): their
Latin keys in the order the writer came to know them, looked up by key, and their surnames in one list that
rapidfuzz scores at once (in C) instead of one call from Python for each person of the initial."""
from __future__ import annotations

import itertools
from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process


class Initial:
    """An index of the dict of one initial's people ((Latin key, entity id) -> country), which only grows:
    `sync` adds what was added to it since."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, int]] = []            # (Latin key, entity id), in the dict's order
        self.surnames: list[str] = []                       # the last word of each key
        self.by_key: dict[str, list[int]] = defaultdict(list)   # key -> positions in entries

    def sync(self, people: dict[tuple[str, int], str | None]) -> None:
        for key, eid in itertools.islice(people, len(self.entries), None):
            self.by_key[key].append(len(self.entries))
            self.entries.append((key, eid))
            self.surnames.append((key.split() or [""])[-1])

    def alike(self, surname: str, cutoff: float) -> list[tuple[int, float]]:
        """(position, fuzz.ratio score) of the surnames scoring at least `cutoff` against `surname`, in order."""
        if not self.surnames:
            return []
        scores = process.cdist([surname], self.surnames, scorer=fuzz.ratio, dtype=np.float64, score_cutoff=cutoff)[0]
        return [(int(i), float(scores[i])) for i in np.flatnonzero(scores >= cutoff)]
