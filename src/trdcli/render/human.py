"""Rich views for people. Imported only when one is drawn.

`trd list` and `trd compare` have their own layouts, which change with the terminal's
width; the other views draw the same pages as the Markdown and HTML writers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from io import StringIO
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..errors import Problem
from ..model import (
    SOURCE_KIND_LABELS,
    Catalogue,
    Condition,
    CrisisCountry,
    Term,
    Treatment,
    catalogue_name,
    citations,
)
from ..query import UNCONFIRMED, ChartBar, CompareRow, price, status_label
from ..safety import DISCLAIMER
from ..staging import Staging
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
    Page,
    Para,
    Pictograms,
    Refs,
    SourceEntry,
    SourceList,
    bar_rows,
    pictogram_rows,
)
from .blocks import Bars as BarsBlock

if TYPE_CHECKING:
    from ..match import Match, Screened
    from ..merge import Stack

# From this width, `trd list` gives every fact its own column.
WIDE_LIST = 120
# Below this width the crisis table would squeeze phone numbers out of their column.
NARROWEST_CRISIS_TABLE = 72
# Below this many columns per treatment, compare stacks answers instead of side by side.
MIN_COMPARE_COLUMN = 22
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
    draw = globals()[f"render_{view}"]
    if not (pager and console.is_terminal):
        draw(console, *args)
        return
    with console.capture() as captured:
        draw(console, *args)
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


_ASCII_SIMPLE_HEAD = box.Box(
    "    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


def _drawing(console: Console) -> bool:
    """Box-drawing characters only on a terminal that has not asked for plain output."""
    return console.is_terminal and not console.no_color and not console.legacy_windows


def _list_box(console: Console) -> box.Box:
    return box.SIMPLE_HEAD if _drawing(console) else _ASCII_SIMPLE_HEAD


def _box(console: Console) -> box.Box:
    return box.ROUNDED if _drawing(console) else box.ASCII


def _glyphs(console: Console) -> dict[str, str]:
    return UNICODE_GLYPHS if console.encoding.lower().startswith("utf") else ASCII_GLYPHS


class References(Refs):
    """Source numbering, with the [n] drawn in colour."""

    def cite(self, text: str, source_ids: Sequence[str]) -> Text:
        return _inline(self.cited(text, source_ids))


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
        table = Table(box=_box(console), show_lines=True, title=block.title,
                      show_header=not block.labelled)
        for n, name in enumerate(block.header):
            table.add_column(name, style="bold" if block.labelled and n == 0 else None,
                             ratio=1, overflow="fold")
        for row in block.rows:
            table.add_row(*(_inline(cell) for cell in row))
        return table
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


def _source(entry: SourceEntry) -> Text:
    return Text.assemble((f"[{entry.ref}] ", "cyan"), entry.text, (" " + entry.url, "dim")
                         if entry.url else "")


def render_page(console: Console, page: Page) -> None:
    console.print(Text(page.title, style="bold"))
    if page.stamp:
        console.print(Text(page.stamp, style="dim"))
    for block in page.blocks:
        console.print(_block(console, block))
    footer(console)


def render_explain(console: Console, catalogue: Catalogue, topic: Any,
                   brief: bool = False) -> None:
    render_page(console, pages.explain_page(catalogue, topic, brief))


def render_chart(console: Console, catalogue: Catalogue, outcome: str,
                 found: Sequence[ChartBar]) -> None:
    render_page(console, pages.chart_page(catalogue, outcome, found))


def _longest_word(*texts: str) -> int:
    return max((cell_len(word) for text in texts for word in text.split()), default=1)


def render_list(console: Console, catalogue: Catalogue, treatments: Sequence[Treatment]) -> None:
    # Wide terminals get a column per fact; narrower ones share cells so the headline keeps
    # room to be read. No column is narrower than its longest word, so nothing is broken
    # mid-word or cut; where even that cannot fit, each option gets a block of its own.
    rows = [_list_row(t) for t in treatments]
    title = f"TRD options ({len(treatments)}), {catalogue_name(catalogue)}"
    layouts = (_WIDE_LIST, _NARROW_LIST) if console.width >= WIDE_LIST else (_NARROW_LIST,)
    for layout in layouts:
        widths = [max(minimum, _longest_word(header, *(cell(r) for r in rows)))
                  for header, minimum, cell in layout]
        table = Table(box=_list_box(console), show_lines=True, pad_edge=False, title=title)
        for (header, _, _), width in zip(layout, widths, strict=True):
            table.add_column(header, width=width)
        table.add_column("Headline result", width=1)
        # What padding and rules take is Rich's to say: measure the table with a 1-wide
        # headline column, and give the headline what is left.
        from rich.measure import Measurement

        used = Measurement.get(console, console.options.update_width(10_000), table).maximum
        headline = console.width - used + 1
        if headline >= max(20, _longest_word(*(r["headline"] for r in rows))):
            table.columns[-1].width = headline
            break
    else:
        _stacked_list(console, title, rows)
        return
    for r in rows:
        name = Text.assemble((r["name"], "bold"), "\n", (r["id"], "dim"))
        if layout is _WIDE_LIST:
            table.add_row(name, r["category"], r["status"], r["onset"], r["course"], r["cost"],
                          r["headline"])
        else:
            name.append(f" | {r['category']}\nUS: {r['status']}", style="dim")
            table.add_row(name, f"{r['onset']}\n{r['course']}\n{r['cost']}", r["headline"])
    console.print(table)
    if not treatments:
        console.print("No option matches those filters.")
    _list_footer(console)


def _stacked_list(console: Console, title: str, rows: list[dict[str, str]]) -> None:
    console.print(Text(title, style="bold"))
    for r in rows:
        console.print(Text.assemble(("\n" + r["name"], "bold"), (f" ({r['id']})", "dim")))
        for label in ("category", "status", "onset", "course", "cost", "headline"):
            console.print(Padding(Text.assemble((f"{_LIST_LABELS[label]}: ", "bold"), r[label]),
                                  (0, 0, 0, 2)))
    _list_footer(console)


def _list_footer(console: Console) -> None:
    console.print(Text("Details: trd explain NAME   Side by side: trd compare A B", style="dim"))
    footer(console)


Cell = Callable[[dict[str, str]], str]
# (header, narrowest width, the text that goes in it) for each column before the headline.
_WIDE_LIST: tuple[tuple[str, int, Cell], ...] = (
    ("Option", 22, lambda r: f"{r['name']} {r['id']}"),
    ("Type", 10, lambda r: r["category"]), ("US status", 12, lambda r: r["status"]),
    ("How soon", 12, lambda r: r["onset"]), ("Course", 14, lambda r: r["course"]),
    ("Price", 14, lambda r: r["cost"]))
_NARROW_LIST: tuple[tuple[str, int, Cell], ...] = (
    ("Option", 22, lambda r: f"{r['name']} {r['id']} {r['category']} {r['status']}"),
    ("How soon\nCourse\nPrice", 13, lambda r: f"{r['onset']} {r['course']} {r['cost']}"))


_LIST_LABELS = {"category": "Type", "status": "US status", "onset": "How soon",
                "course": "Course", "cost": "Price", "headline": "Headline result"}


def _list_row(t: Treatment) -> dict[str, str]:
    return {"name": t.name, "id": t.id, "category": t.category,
            "status": status_label(t).removeprefix("FDA: "),
            "onset": t.onset.label if t.onset else "?",
            "course": t.course.label if t.course else "?",
            "cost": price(t) or "price not confirmed",
            "headline": t.headline.text if t.headline else UNCONFIRMED}


def render_handout(console: Console, catalogue: Catalogue, treatments: Sequence[Treatment],
                   situations: Sequence[str], paper: str | None) -> None:
    render_page(console, pages.handout_page(catalogue, treatments, situations, paper))


def render_compare(console: Console, catalogue: Catalogue, treatments: Sequence[Treatment],
                   rows: Sequence[CompareRow]) -> None:
    label_width = max(len(row.question) for row in rows)
    side_by_side = console.width >= (MIN_COMPARE_COLUMN + 3) * len(treatments) + label_width + 4
    if side_by_side:
        table = Table(box=_box(console), show_lines=True)
        table.add_column("", style="bold", no_wrap=True, min_width=label_width)
        for t in treatments:
            table.add_column(t.name, ratio=1, overflow="fold")
        for row in rows:
            table.add_row(row.question, *(row.answers[t.id] for t in treatments))
        console.print(table)
    else:
        # Too narrow for columns: one block per question, each treatment's answer under it.
        for row in rows:
            console.print(Text(row.question, style="bold underline"))
            for t in treatments:
                answer = Text.assemble((t.name + ": ", "bold"), row.answers[t.id])
                console.print(Padding(answer, (0, 0, 0, 2), expand=False))
            console.print()
    refs = References([s for t in treatments for s in t.source_ids()])
    for block in [*pages.bars(treatments, refs), *pages.pictograms(treatments, refs)]:
        console.print(_block(console, block))
    if refs.shown:  # every [n] above is listed here, numbered as in the JSON
        _print_sources(console, catalogue, refs)
    console.print(Text(f"\nEvery source behind an option: trd sources NAME "
                       f"({catalogue_name(catalogue)})", style="dim"))
    footer(console)


def _print_sources(console: Console, catalogue: Catalogue, refs: References,
                   cited_by: dict[str, list[str]] | None = None) -> None:
    if not refs.shown:
        return
    console.print(_heading("Sources"))
    entries = pages.source_entries(catalogue, refs).entries
    for (source_id, _), entry in zip(refs.listed(), entries, strict=True):
        line = _source(entry)
        if cited_by is not None:  # `trd sources`: the detail
            source = catalogue.sources[source_id]
            line.append(f"\n    {SOURCE_KIND_LABELS[source.kind]}", style="italic")
            if source.read_at:
                line.append(f"; read at {source.read_at}", style="italic")
            line.append("\n    backs: " + ", ".join(cited_by[source_id]), style="italic")
        console.print(line)


def render_glossary(console: Console, catalogue: Catalogue, terms: Sequence[Term]) -> None:
    """All terms as a table; a single term (`trd glossary remission`) in full."""
    if len(terms) == 1:
        render_page(console, pages.term_page(catalogue, terms[0]))
        return
    refs = References()
    term_width = max((_longest_word(t.name) for t in terms), default=4)
    if console.width >= term_width + 30:
        table = Table(box=_list_box(console), show_lines=True, pad_edge=False,
                      title="Words trd uses")
        table.add_column("Term", width=max(term_width, min(24, max(
            (cell_len(t.name) for t in terms), default=4))))
        table.add_column("Meaning", ratio=1)
        for term in terms:
            table.add_row(Text(term.name, style="bold"), refs.cite(term.text, term.sources))
        console.print(table)
    else:  # too narrow for two columns: one block per term
        console.print(Text("Words trd uses", style="bold"))
        for term in terms:
            console.print(Text("\n" + term.name, style="bold"))
            console.print(Padding(refs.cite(term.text, term.sources), (0, 0, 0, 2)))
    _print_sources(console, catalogue, refs)
    footer(console)


def render_sources(console: Console, catalogue: Catalogue,
                   topic: Treatment | Condition | Term) -> None:
    """The references behind one entry, each with the fields it backs."""
    cited = {source_id: list(dict.fromkeys(pages.field_label(topic, path) for path in paths))
             for source_id, paths in citations(topic).items()}
    console.print(Text(f"Sources for {topic.name} ({len(cited)})", style="bold"))
    _print_sources(console, catalogue, References(list(cited), all_cited=True), cited_by=cited)
    footer(console)


def render_crisis(console: Console, catalogue: Catalogue,
                  countries: Sequence[CrisisCountry]) -> None:
    refs = References()
    crisis = catalogue.crisis
    if crisis is not None:
        console.print(Text("Urgent help", style="bold"))
        console.print(refs.cite(crisis.general.text, crisis.general.sources))
    if console.width >= NARROWEST_CRISIS_TABLE:
        table = Table(box=_list_box(console), show_lines=True, pad_edge=False)
        table.add_column("Where", width=16)
        table.add_column("Service", ratio=1)
        table.add_column("How to reach it", ratio=1)
        table.add_column("Hours", width=6)
        for country in countries:
            for index, service in enumerate(country.services):
                table.add_row(f"{country.country} ({country.code})" if index == 0 else "",
                              service.name, refs.cite(service.contact, service.sources),
                              service.hours or "")
        console.print(table)
    else:  # a table would squeeze out the numbers: one block per service instead
        for country in countries:
            console.print(Text(f"\n{country.country} ({country.code})", style="bold"))
            for service in country.services:
                console.print(Padding(Group(
                    Text(service.name, style="bold"), refs.cite(service.contact, service.sources),
                    *([Text(f"Hours: {service.hours}")] if service.hours else [])), (0, 0, 0, 2)))
    for directory in crisis.directories if crisis else []:
        console.print(Text.assemble((directory.name, "bold"), f" {directory.url}: ",
                                    refs.cite(directory.text, directory.sources)))
    console.print(Text(pages.ELSEWHERE, style="bold"))
    _print_sources(console, catalogue, refs)
    footer(console)


def render_stage(console: Console, staging: Staging) -> None:
    render_page(console, pages.stage_page(staging))


def render_info(console: Console, found: Stack, given_by: str | None) -> None:
    catalogue = found.catalogue
    console.print(Text.assemble(("Catalogue in force: ", "bold"), catalogue_name(catalogue),
                                f", released {catalogue.released.isoformat()}; "
                                f"{len(catalogue.treatments)} options, "
                                f"{len(catalogue.sources)} sources, "
                                f"{len(catalogue.glossary)} glossary terms"))
    console.print("Files, each laid over the ones before it"
                  + (f" (extra files from {given_by}):" if given_by else ":"))
    for n, layer in enumerate(found.layers, start=1):
        label = "shipped catalogue" if layer.shipped else layer.file
        dated = ", ".join(f"{k} {v}" for k, v in (("version", layer.version),
                                                  ("released", layer.released)) if v)
        console.print(Text.assemble((f"{n}. {label}", "bold"), f" ({dated})" if dated else "",
                                    f" sha256 {layer.sha256[:12]}"))
        for verb, lists in (("adds", layer.added), ("changes", layer.changed)):
            for list_name, ids in lists.items():
                console.print(f"   {verb} {len(ids)} in {list_name}: {', '.join(ids)}")
    console.print(Text(pages.PRECEDENCE, style="italic"))
    footer(console)


def render_validate(console: Console, files: Sequence[str], problems: Sequence[Problem]) -> None:
    for problem in problems:
        console.print(Text(str(problem)), soft_wrap=True)
    with_problems = len({p.file for p in problems})
    console.print(Text(f"{len(problems)} problem{'s' * (len(problems) != 1)} in "
                       f"{with_problems} of {len(files)} file{'s' * (len(files) != 1)}"
                       if problems else f"No problems in {len(files)} "
                       f"file{'s' * (len(files) != 1)}.", style="bold"))
    footer(console)


_VERDICT_COLOURS = {"fits": "green", "caution": "yellow", "not-assessed": "magenta",
                    "excluded": "red"}


def render_match(console: Console, catalogue: Catalogue, result: Match) -> None:
    refs = References()
    console.print(Text("Screening the options against your answers", style="bold"))
    console.print(pages.asked(result))
    console.print(Text(pages.MATCH_NOTE, style="italic"))
    console.print(Text.assemble(("Order: ", "bold"), result.ordering_rule))
    for attribute, verdict, title in pages.MATCH_GROUPS:
        colour = _VERDICT_COLOURS[verdict]
        group: list[Screened] = getattr(result, attribute)
        console.print(_heading(f"{title} ({len(group)})"))
        if not group:
            console.print("None.")
        for screened in group:
            console.print(Text.assemble((f"- {screened.name}", f"bold {colour}"),
                                        (f" ({screened.id}; {screened.status})", "dim")))
            for reason in screened.reasons:
                console.print(Padding(Text.assemble(
                    (f"{reason.criterion}: ", "bold"), refs.cite(reason.text, reason.sources),
                    (f" [{reason.field}]", "dim")), (0, 0, 0, 4)))
    questions = pages.clinician_questions(result)
    if questions:
        console.print(_heading("Questions to ask a clinician"))
        for name, question in questions:
            console.print(f"- {name}: {question}")
    _print_sources(console, catalogue, refs)
    footer(console)
