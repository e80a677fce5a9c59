"""One self-contained HTML file that prints well on A4 and Letter.

No network fetches: styles are inline, fonts are the reader's own, there is no script.
The paper size is left to the printer, so the same file fits A4 and Letter.
"""

from __future__ import annotations

from html import escape

from .blocks import (
    PICTOGRAM_CELLS,
    Block,
    Cited,
    Grid,
    Heading,
    Inline,
    Items,
    Lines,
    Page,
    Para,
    Pictogram,
    Pictograms,
    SourceList,
    people_cells,
    percent,
)
from .blocks import Bars as BarsBlock

STYLE = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #bbb; --bar: #1f5f8b; --cmp: #b8b8b8;
        --warn: #8b1a1a; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: var(--ink); margin: 2rem auto; max-width: 64rem; padding: 0 1rem;
       line-height: 1.4; font-size: 11pt; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.stamp, .note { color: var(--muted); }
.note { font-style: italic; }
.strong { font-weight: 600; }
.warning, .warning strong { color: var(--warn); font-weight: 600; }
.footer { margin-top: 1.5rem; padding: .6rem .8rem; border: 2px solid var(--ink);
          font-weight: 600; }
sup.ref { color: var(--bar); font-size: .75em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .4rem 0; }
th, td { border: 1px solid var(--rule); padding: .3rem .4rem; vertical-align: top;
         text-align: left; overflow-wrap: anywhere; }
th { background: #f0f0f0; }
td.label { font-weight: 600; }
th.label { width: 10rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
ul.items { padding-left: 1.2rem; margin: .3rem 0; }
ol.sources { padding-left: 2.2rem; font-size: .9em; }
ol.sources a { color: var(--muted); overflow-wrap: anywhere; }
.study { margin: .5rem 0 .2rem; font-size: .95em; }
.bar-row { display: grid; grid-template-columns: 14rem 1fr 3.5rem; gap: .5rem;
           align-items: center; font-size: .9em; }
.track { background: #f3f3f3; height: .9rem; }
.fill { height: 100%; background: var(--bar); }
.fill.cmp { background: var(--cmp); }
.people { display: grid; grid-template-columns: repeat(50, 1fr); gap: 1px; max-width: 26rem; }
.people span { height: .55rem; background: #e6e6e6; border-radius: 50%; }
.people span.hit { background: var(--bar); }
.people.cmp span.hit { background: #7a7a7a; }
.people span.hit.half { background: linear-gradient(90deg, var(--bar) 50%, #e6e6e6 50%); }
.people.cmp span.hit.half { background: linear-gradient(90deg, #7a7a7a 50%, #e6e6e6 50%); }
.picto { display: grid; grid-template-columns: 16rem 1fr; gap: .2rem .6rem;
         margin: .35rem 0; font-size: .9em; align-items: center; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; }
  h2 { break-after: avoid; }
  .bar-group, .picto, li, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  ol.sources a { color: var(--ink); }
  ol.sources { font-size: .85em; line-height: 1.25; }
}
"""


PAPER_SIZES = {"letter": "letter", "a4": "A4"}


def _inline(text: Inline) -> str:
    if isinstance(text, Cited):
        ref = f' <sup class="ref">{escape(text.refs)}</sup>' if text.refs else ""
        return escape(text.text) + ref
    return escape(text)


def _grid(grid: Grid) -> str:
    caption = f"<caption>{escape(grid.title)}</caption>" if grid.title else ""
    head = "".join(f'<th class="label">{escape(h)}</th>' if grid.labelled and n == 0
                   else f"<th>{escape(h)}</th>" for n, h in enumerate(grid.header))
    body = []
    for row in grid.rows:
        cells = [f'<td class="label">{_inline(row[0])}</td>' if grid.labelled
                 else f"<td>{_inline(row[0])}</td>"]
        cells += [f"<td>{_inline(c)}</td>" for c in row[1:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>"
            + "\n".join(body) + "</tbody></table>")


def _bars(block: BarsBlock) -> str:
    groups = []
    for group in block.groups:
        rows = "".join(
            f'<div class="bar-row"><span>{escape(bar.label)}</span>'
            f'<div class="track"><div class="fill{" cmp" if bar.comparator else ""}" '
            f'style="width:{percent(bar.value):g}%"></div></div>'
            f"<span>{bar.value:g}%</span></div>" for bar in group.bars)
        groups.append(f'<div class="bar-group"><div class="study">{_inline(group.title)}</div>'
                      f"{rows}</div>")
    return (f"<h3>{escape(block.title)}</h3>" + "\n".join(groups)
            + f'<p class="note">{escape(block.note)}</p>')


def _people(per_100: float, comparator: bool) -> str:
    # 100 people as 50 dots of two, so the row stays one line on paper; a half dot is one.
    full, half = people_cells(per_100)
    dots = ('<span class="hit"></span>' * full + '<span class="hit half"></span>' * half
            + "<span></span>" * (PICTOGRAM_CELLS - full - half))
    return f'<div class="people{" cmp" if comparator else ""}">{dots}</div>'


def _pictogram(row: Pictogram) -> str:
    lines = [f"<div>{_people(row.per_100, False)}{row.per_100:g} in 100</div>"]
    if row.comparator_per_100 is not None:
        lines.append(f"<div>{_people(row.comparator_per_100, True)}"
                     f"{row.comparator_per_100:g} in 100 on "
                     f"{escape(row.comparator or 'the comparator')}</div>")
    return f'<div class="picto"><span>{_inline(row.label)}</span><div>{"".join(lines)}</div></div>'


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h2>{escape(block.text)}</h2>"
    if isinstance(block, Para):
        return f'<p class="{block.tone}">{_inline(block.text)}</p>'
    if isinstance(block, Grid):
        return _grid(block)
    if isinstance(block, Lines):
        return "<pre>" + escape("\n".join(block.lines)) + "</pre>"
    if isinstance(block, Items):
        items = "".join(f"<li><strong>{escape(label)}</strong>: {_inline(text)}</li>"
                        for label, text in block.items)
        return f'<ul class="items {block.tone}">{items}</ul>'
    if isinstance(block, BarsBlock):
        return _bars(block)
    if isinstance(block, Pictograms):
        return (f"<h3>{escape(block.title)}</h3>" + "\n".join(_pictogram(r) for r in block.rows)
                + f'<p class="note">{escape(block.note)}</p>')
    assert isinstance(block, SourceList)
    items = "".join(f'<li value="{e.ref}">{escape(e.text)}'
                    + (f' <a href="{escape(e.url)}">{escape(e.url)}</a>' if e.url else "")
                    + "</li>" for e in block.entries)
    return f'<ol class="sources">{items}</ol>'


def render(page: Page) -> str:
    stamp = f'<p class="stamp">trd {escape(page.stamp)}</p>' if page.stamp else ""
    paper = f"@page {{ size: {PAPER_SIZES[page.paper]}; }}" if page.paper else ""
    body = "\n".join(_block(block) for block in page.blocks)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(page.title)} - trd</title><style>{STYLE}{paper}</style></head>\n"
        f'<body><h1>{escape(page.title)}</h1>{stamp}<p class="strong">{escape(page.footer)}</p>'
        f"\n{body}\n"
        f'<p class="footer">{escape(page.footer)}</p></body></html>\n'
    )
