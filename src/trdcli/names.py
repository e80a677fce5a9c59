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
    """Case-, accent- and separator-insensitive form: 'Deep-TMS' == 'deep tms'.

    Invisible format characters (zero-width space, joiners, soft hyphen...) are dropped, so
    a name pasted from a web page is the name typed."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed
                    if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
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
        self._by_key: dict[str, tuple[T, str]] = {}  # normalised -> (entry, name as written)
        for entry in entries:
            for name in (entry.id, entry.name, *entry.aliases):
                self._by_key.setdefault(normalise(name), (entry, name))

    def resolve(self, query: str) -> T:
        key = normalise(query)
        if key in self._by_key:
            return self._by_key[key][0]
        matches = {e.id: e for k, (e, _) in self._by_key.items()
                   if len(key) >= MIN_PREFIX and k.startswith(key)}
        if len(matches) == 1:
            return next(iter(matches.values()))
        if matches:
            names = sorted(matches)
            raise NameNotFound(
                f"{query!r} matches several {self.kind}s: {', '.join(names)}; "
                "type more of the name", names)
        # One suggestion per entry, in the words closest to what was typed.
        suggestions: dict[str, str] = {}
        for close in difflib.get_close_matches(key, list(self._by_key), n=6, cutoff=0.6):
            entry, written = self._by_key[close]
            suggestions.setdefault(entry.id, written)
        shown = list(suggestions.values())[:3]
        hint = f"; did you mean {' or '.join(shown)}?" if shown else ""
        raise NameNotFound(
            f"unknown {self.kind} {query!r}{hint} (see 'trd list' for every name)", shown)
