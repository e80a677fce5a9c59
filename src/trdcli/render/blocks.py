"""A page as a list of plain blocks, which the terminal, Markdown and HTML writers each
draw in their own way: every human view is defined once, as a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..safety import DISCLAIMER


@dataclass(frozen=True)
class Cited:
    """Text followed by the numbers of its sources, e.g. ("Works in 1 in 3", "[2,5]")."""

    text: str
    refs: str = ""


Inline = str | Cited


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: Inline
    tone: Literal["plain", "strong", "warning", "note"] = "plain"


@dataclass(frozen=True)
class Grid:
    """A table; with ``labelled``, the first column names each row (a comparison grid)."""

    header: list[str]
    rows: list[list[Inline]]
    labelled: bool = False
    title: str | None = None
    # Columns whose cells are read whole (a status, a phone number): a writer that wraps
    # text gives them room for their longest cell, or lays the grid out another way.
    whole: tuple[int, ...] = ()
    # Columns of web addresses: read whole too, and never broken across lines, so that a link
    # a reader copies from the terminal is one line.
    links: tuple[int, ...] = ()


@dataclass(frozen=True)
class Lines:
    """Lines kept as they are, one to a line (validate's "file:line:col: problem [code]"),
    so that tools that read them line by line still can."""

    lines: list[str]


@dataclass(frozen=True)
class Items:
    """A list of "label: text [n]" lines."""

    items: list[tuple[str, Inline]]
    tone: Literal["plain", "warning"] = "plain"


@dataclass(frozen=True)
class Bar:
    label: str  # the option, or the comparator
    value: float  # percent of people
    comparator: bool = False


@dataclass(frozen=True)
class BarGroup:
    """One study's result: the option's bar, then the comparator's when there is one."""

    title: Cited  # "ELEKT-D (2023), N=365: response, end of 3-week treatment phase [4]"
    bars: list[Bar]


@dataclass(frozen=True)
class Bars:
    title: str
    groups: list[BarGroup]
    note: str


@dataclass(frozen=True)
class Pictogram:
    """How many in 100 people had a side effect, on the option and on its comparator."""

    label: Cited
    per_100: float
    comparator_per_100: float | None = None
    comparator: str | None = None


@dataclass(frozen=True)
class Pictograms:
    title: str
    rows: list[Pictogram]
    note: str


@dataclass(frozen=True)
class SourceEntry:
    ref: int
    text: str
    url: str


@dataclass(frozen=True)
class SourceList:
    entries: list[SourceEntry]


Block = Heading | Para | Grid | Lines | Items | Bars | Pictograms | SourceList


@dataclass(frozen=True)
class Page:
    title: str
    blocks: list[Block]
    stamp: str | None = None  # "catalogue 2026.1, released 2026-11-01"
    footer: str = DISCLAIMER
    paper: str | None = None  # "letter" or "A4" for print; None leaves it to the printer


class Refs:
    """Numbers sources so text can point at them as [n], in order of first use.

    Seeded with an entry's own order, so [3] means the same source in every view,
    in `trd sources` and in the JSON.
    """

    def __init__(self, seed: Sequence[str] = (), *, all_cited: bool = False) -> None:
        self.order: dict[str, int] = {}
        self.shown: dict[str, None] = {}  # the sources some [n] in the output points at
        for source_id in seed:
            self.order.setdefault(source_id, len(self.order) + 1)
        if all_cited:
            self.mark(seed)

    def mark(self, source_ids: Sequence[str]) -> str:
        numbers = [self.order.setdefault(s, len(self.order) + 1) for s in source_ids]
        self.shown.update(dict.fromkeys(source_ids))
        return "[" + ",".join(str(n) for n in numbers) + "]" if numbers else ""

    def listed(self) -> list[tuple[str, int]]:
        """The sources to list with the output: each one cited in it, in number order."""
        return sorted(((s, self.order[s]) for s in self.shown), key=lambda item: item[1])

    def cited(self, text: str, source_ids: Sequence[str]) -> Cited:
        return Cited(text, self.mark(source_ids))


def plain(text: Inline) -> str:
    return text if isinstance(text, str) else f"{text.text} {text.refs}".rstrip()


# Glyphs for text bars and pictograms: Unicode where the output can carry it, else ASCII.
UNICODE_GLYPHS = {"full": "█", "half": "▌", "comparator": "▒", "empty": "·"}
ASCII_GLYPHS = {"full": "#", "half": "+", "comparator": "=", "empty": "."}
BAR_CELLS = 25  # 4 percentage points a cell
PICTOGRAM_CELLS = 50  # 2 people a cell; a half cell is one person


def percent(value: float) -> float:
    """A share of people, held between 0 and 100 so no bar runs off its track."""
    return max(0.0, min(value, 100.0))


def people_cells(per_100: float) -> tuple[int, int]:
    """100 people in 50 cells: how many full cells (two people) and half cells (one)."""
    return divmod(round(percent(per_100)), 2)


def bar_text(value: float, comparator: bool, glyphs: dict[str, str]) -> str:
    cells = round(percent(value) / 100 * BAR_CELLS)
    return glyphs["comparator" if comparator else "full"] * cells


def pictogram_text(per_100: float, glyphs: dict[str, str]) -> str:
    full, half = people_cells(per_100)
    return (glyphs["full"] * full + glyphs["half"] * half).ljust(PICTOGRAM_CELLS, glyphs["empty"])


def bar_rows(block: Bars, glyphs: dict[str, str]) -> list[tuple[BarGroup, list[tuple[str, str]]]]:
    """Each study's title with its bars as (label, "████ 55%") pairs."""
    return [(group, [(bar.label, f"{bar_text(bar.value, bar.comparator, glyphs)} "
                                 f"{bar.value:g}%") for bar in group.bars])
            for group in block.groups]


def pictogram_rows(block: Pictograms, glyphs: dict[str, str]) -> list[tuple[Inline, list[str]]]:
    """Each side effect's label with one line for the option and one for the comparator."""
    rows: list[tuple[Inline, list[str]]] = []
    for row in block.rows:
        lines = [f"{pictogram_text(row.per_100, glyphs)} {row.per_100:g} in 100"]
        if row.comparator_per_100 is not None:
            on = row.comparator or "the comparator"
            lines.append(f"{pictogram_text(row.comparator_per_100, glyphs)} "
                         f"{row.comparator_per_100:g} in 100 on {on}")
        rows.append((row.label, lines))
    return rows
