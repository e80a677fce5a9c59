"""The terminal writer: draws each view's page (render/pages.py), the same pages the
Markdown and HTML writers draw. Imported only when one is drawn."""

from __future__ import annotations

import os
from io import StringIO
from typing import IO, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..safety import DISCLAIMER
from . import pages
from .blocks import (
    ASCII_GLYPHS,
    UNICODE_GLYPHS,
    Block,
    Cited,
    Grid,
    Heading,
    Inline,
    Items,
    Lines,
    Page,
    Para,
    Pictograms,
    SourceEntry,
    SourceList,
    bar_rows,
    pictogram_rows,
    plain,
)
from .blocks import Bars as BarsBlock

# A column narrower than this (or than its longest text, if shorter) is too narrow to read.
_READABLE_COLUMN = 12
_TONES = {"plain": "", "strong": "bold", "warning": "bold red", "note": "italic"}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit 1 itself; trd's own handler gives the documented exit code.
        self.quiet = True
        raise BrokenPipeError


def make_console(stream: IO[str]) -> Console:
    # Rich honours TERM=dumb and COLUMNS, and drops styles when not a terminal. NO_COLOR
    # alone would still leave bold and underline codes; no colour system means none at all.
    # Markup is off: catalogue text such as "[/]" or "[link=...]" is shown as written.
    plain = bool(os.environ.get("NO_COLOR"))
    return _Console(file=stream, highlight=False, emoji=False, markup=False,
                    no_color=plain or None, color_system=None if plain else "auto")


def render(view: str, stream: IO[str], *args: Any, pager: bool = False) -> None:
    """Draw a view; with ``pager``, through the pager when the output is a terminal."""
    console = make_console(stream)
    drawn = getattr(pages, f"{view}_page")(*args)
    if not (pager and console.is_terminal):
        render_page(console, drawn)
        return
    with console.capture() as captured:
        render_page(console, drawn)
    page(captured.get(), stream)


def page(text: str, stream: IO[str]) -> None:
    """Show ``text`` through $PAGER, else `less`, as git does: LESS=FRX unless set, so colours
    stay, short text is printed as it is and the screen is not cleared. With no pager at
    hand the text is written directly."""
    import shutil
    import subprocess

    command = os.environ.get("PAGER") or ("less" if shutil.which("less") else None)
    if not command or command == "cat":
        stream.write(text)
        return
    environment = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    # $PAGER is a shell command line by convention (git and man run it the same way).
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE,  # noqa: S602
                               env=environment)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    process.communicate(text.encode(encoding, "replace"))


def render_to_text(view: str, *args: Any) -> str:
    """The view as a pipe would get it: no colour, ASCII boxes."""
    buffer = StringIO()
    render(view, buffer, *args)
    return buffer.getvalue()


def _drawing(console: Console) -> bool:
    """Box-drawing characters only on a terminal that has not asked for plain output."""
    return console.is_terminal and not console.no_color and not console.legacy_windows


def _box(console: Console) -> box.Box:
    return box.ROUNDED if _drawing(console) else box.ASCII


def _glyphs(console: Console) -> dict[str, str]:
    return UNICODE_GLYPHS if console.encoding.lower().startswith("utf") else ASCII_GLYPHS


def _inline(text: Inline, style: str = "") -> Text:
    if isinstance(text, Cited):
        return Text.assemble((text.text, style), " " if text.refs else "", (text.refs, "cyan"))
    return Text(text, style=style)


def footer(console: Console) -> None:
    console.print()
    console.print(Text(DISCLAIMER, style="bold"))


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


def _bars(console: Console, block: BarsBlock) -> RenderableType:
    rows = bar_rows(block, _glyphs(console))
    # One label width for the whole chart, so every bar starts in the same column; where a
    # bar and its figure would not fit beside the label, the label goes above the bar.
    width = min(34, max(len(label) for _, shown in rows for label, _ in shown))
    longest_bar = max(cell_len(drawn) for _, shown in rows for _, drawn in shown)
    beside = 2 + width + 1 + longest_bar <= console.width
    parts: list[RenderableType] = [Text(block.title, style="bold")]
    for group, shown in rows:
        grid = Table.grid(padding=(0, 1))
        if beside:
            grid.add_column(width=width, overflow="fold")
        grid.add_column(no_wrap=beside)
        for bar, (label, drawn) in zip(group.bars, shown, strict=True):
            drawn_bar = Text(drawn, style="dim" if bar.comparator else "cyan")
            if beside:
                grid.add_row(label, drawn_bar)
            else:
                drawn_bar.no_wrap = True
                grid.add_row(Text(label, overflow="fold"))
                grid.add_row(drawn_bar)
        parts += [_inline(group.title), Padding(grid, (0, 0, 0, 2))]
    parts.append(Text(block.note, style="italic"))
    return Group(*parts)


def _pictograms(console: Console, block: Pictograms) -> RenderableType:
    parts: list[RenderableType] = [Text(block.title, style="bold")]
    for label, lines in pictogram_rows(block, _glyphs(console)):
        parts.append(_inline(label))
        parts += [Padding(Text(line, style="dim" if n else "magenta"), (0, 0, 0, 2))
                  for n, line in enumerate(lines)]
    parts.append(Text(block.note, style="italic"))
    return Group(*parts)


def _block(console: Console, block: Block) -> RenderableType:
    if isinstance(block, Heading):
        return _heading(block.text)
    if isinstance(block, Para):
        return _inline(block.text, _TONES[block.tone])
    if isinstance(block, Grid):
        return _grid(console, block)
    if isinstance(block, Items):
        style = _TONES["warning" if block.tone == "warning" else "strong"]
        return Group(*(Text.assemble("- ", (label, style), ": ", _inline(text))
                       for label, text in block.items))
    if isinstance(block, BarsBlock):
        return Group(Text(), _bars(console, block))
    if isinstance(block, Pictograms):
        return Group(Text(), _pictograms(console, block))
    assert isinstance(block, SourceList)
    return Group(*(_source(entry) for entry in block.entries))


def _longest_word(*texts: str) -> int:
    return max((cell_len(word) for text in texts for word in text.split()), default=1)


def _grid(console: Console, block: Grid) -> RenderableType:
    """A table when every column can have room for its longest word (and whole cells their
    full length) plus some room to read; otherwise one block per row, so that nothing is
    broken mid-word, cut or squeezed."""
    texts = [[plain(cell) for cell in row] for row in block.rows]
    columns = list(zip(block.header, *texts, strict=True))
    natural = [max(_longest_line(text) for text in column) for column in columns]
    # A row's label is read whole, and so are links.
    whole = {*block.whole, *block.links, *((0,) if block.labelled else ())}
    needed = [
        natural[n] if n in whole else max(_longest_word(*column),
                                                min(natural[n], _READABLE_COLUMN))
        for n, column in enumerate(columns)]
    room = console.width - (3 * len(columns) + 1)  # each column's padding and rule
    if sum(needed) <= room:
        table = Table(box=_box(console), show_lines=True, title=block.title,
                      title_style="bold", title_justify="left")
        for n, (name, width) in enumerate(zip(block.header, _shared(room, needed, natural),
                                              strict=True)):
            table.add_column(name, width=width, style="bold" if block.labelled and n == 0
                             else None)
        for row in block.rows:
            table.add_row(*(_inline(cell) for cell in row))
        return table
    parts: list[RenderableType] = [Text(block.title, style="bold")] if block.title else []
    for row in block.rows:
        # A comparison grid's first column is the question; other grids name the row.
        parts.append(_inline(row[0], "bold underline" if block.labelled else "bold"))
        for n, (label, cell) in enumerate(zip(block.header[1:], row[1:], strict=True), start=1):
            if not plain(cell):
                continue
            if n in block.links:
                parts.append(_unbroken(Text.assemble("  ", (f"{label}: ", "bold"),
                                                     _inline(cell))))
            else:
                parts.append(Padding(Text.assemble((f"{label}: ", "bold"), _inline(cell)),
                                     (0, 0, 0, 2), expand=False))
    return Group(*parts)


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _shared(room: int, needed: list[int], natural: list[int]) -> list[int]:
    """Column widths: each its need, then what room is left shared in proportion to how much
    more each column's longest text wants."""
    wants = [max(0, full - need) for need, full in zip(needed, natural, strict=True)]
    spare = min(room - sum(needed), sum(wants))
    total = sum(wants) or 1
    return [need + want * spare // total for need, want in zip(needed, wants, strict=True)]


def _unbroken(line: Text) -> Text:
    """A line holding a link: never wrapped or cut by Rich (pages are printed uncropped), so
    the terminal wraps it and a reader who copies it gets the whole address."""
    line.no_wrap = True
    line.overflow = "ignore"
    return line


def _source(entry: SourceEntry) -> RenderableType:
    cited = Text.assemble((f"[{entry.ref}] ", "cyan"), entry.text)
    if not entry.url:
        return cited
    return Group(cited, _unbroken(Text("    " + entry.url, style="dim")))


def render_page(console: Console, page: Page) -> None:
    console.print(Text(page.title, style="bold"))
    if page.stamp:
        console.print(Text(page.stamp, style="dim"))
    for block in page.blocks:
        if isinstance(block, Lines):
            for line in block.lines:  # one to a line, however long, for tools that grep
                console.print(Text(line), soft_wrap=True)
        else:
            console.print(_block(console, block), crop=False)  # links are not cut
    footer(console)
