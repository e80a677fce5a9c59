"""Resolve what a person types to a catalogue entry."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

from .errors import NameNotFound

# Shorter prefixes match too much to be what a person meant.
MIN_PREFIX = 3
_SEPARATORS = re.compile(r"[\s\-_./]+")


def normalise(name: str) -> str:
    """Case-, accent- and separator-insensitive form: 'Deep-TMS' == 'deep tms'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", plain).strip()


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> list[str]: ...


T = TypeVar("T", bound=Named)


class Resolver(Generic[T]):
    """Exact id, name or alias first; then a prefix that points to one entry only.

    A typo is never silently corrected: it fails with the closest names as suggestions.
    """

    def __init__(self, entries: Iterable[T], kind: str = "treatment"):
        self.kind = kind
        self._by_key: dict[str, T] = {}
        for entry in entries:
            for key in (entry.id, entry.name, *entry.aliases):
                self._by_key.setdefault(normalise(key), entry)

    def resolve(self, query: str) -> T:
        key = normalise(query)
        if key in self._by_key:
            return self._by_key[key]
        matches = {e.id: e for k, e in self._by_key.items()
                   if len(key) >= MIN_PREFIX and k.startswith(key)}
        if len(matches) == 1:
            return next(iter(matches.values()))
        if matches:
            names = sorted(matches)
            raise NameNotFound(
                f"{query!r} matches several {self.kind}s: {', '.join(names)}; "
                "type more of the name", names)
        close = difflib.get_close_matches(key, list(self._by_key), n=3, cutoff=0.6)
        suggestions = list(dict.fromkeys(close))
        hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
        raise NameNotFound(
            f"unknown {self.kind} {query!r}{hint} (see 'trd list' for every name)", suggestions)
