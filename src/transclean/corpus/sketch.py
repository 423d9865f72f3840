"""A bounded frequent-items counter (Misra-Gries, in its mergeable form) for the corpus profile.

Why Misra-Gries and not a count-min sketch: the profile must *list* what it counts (the spellings that fit a
damaged word, the lines of a site that are templates), and a count-min sketch only answers point queries for
keys one already has. Why not space-saving: its counts over-estimate, so a line seen in 5% of a site's
documents could pass for a template; Misra-Gries counts never exceed the truth (a template is never
invented) and fall short by at most ``total / (capacity + 1)``, where ``total`` is the sum of all counts
fed in. Two summaries merge by adding their counters and shrinking again (Agarwal et al., "Mergeable
summaries", 2012), with the same bound: chunks of a corpus are summarised apart and added up.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class FrequentItems(Generic[K]):
    """Counts of at most ``capacity`` keys (twice that between two shrinks), under-estimated by at most
    :attr:`error`.

    >>> f = FrequentItems(2)
    >>> for word in "a a a b c a d".split():
    ...     f.add(word)
    >>> f.shrink(); f.counts
    {'a': 3}
    >>> f.error
    1
    """

    __slots__ = ("capacity", "counts", "error")

    def __init__(self, capacity: int, counts: dict[K, int] | None = None, error: int = 0) -> None:
        self.capacity = capacity
        self.counts: dict[K, int] = counts if counts is not None else {}
        #: the most any count falls short of the truth (the sum of the amounts cut by each shrink).
        self.error = error

    def add(self, key: K, count: int = 1) -> None:
        """Count ``key``; the table shrinks when it holds twice its capacity (amortised O(1) per add)."""
        self.counts[key] = self.counts.get(key, 0) + count
        if len(self.counts) >= 2 * self.capacity:
            self.shrink()

    def update(self, keys: Iterable[K]) -> None:
        for key in keys:
            self.add(key)

    def shrink(self) -> None:
        """Keep at most ``capacity`` keys: subtract the (capacity+1)-th largest count from every count and
        drop those left at zero. Ties are cut whole, so the result does not depend on insertion order."""
        if len(self.counts) <= self.capacity:
            return
        cut = sorted(self.counts.values(), reverse=True)[self.capacity]
        self.counts = {k: c - cut for k, c in self.counts.items() if c > cut}
        self.error += cut

    def __add__(self, other: FrequentItems[K]) -> FrequentItems[K]:
        merged = FrequentItems(max(self.capacity, other.capacity), dict(self.counts), self.error + other.error)
        for key, count in other.counts.items():
            merged.counts[key] = merged.counts.get(key, 0) + count
        merged.shrink()
        return merged

    def __iter__(self) -> Iterator[K]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def get(self, key: K) -> int:
        return self.counts.get(key, 0)
