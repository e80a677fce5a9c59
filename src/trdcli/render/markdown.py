"""Markdown: clean GitHub-style tables and lists a person pastes into notes."""

from __future__ import annotations

from .blocks import (
    UNICODE_GLYPHS,
    Bars,
    Block,
    Grid,
    Heading,
    Items,
    Page,
    Para,
    Pictograms,
    bar_rows,
    pictogram_rows,
    plain,
)

_TONES = {"plain": "{}", "strong": "**{}**", "warning": "**{}**", "note": "_{}_"}


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _inline(text: str) -> str:
    # Keep a leading '#', '-' or number from turning a paragraph into a heading or a list.
    return ("\\" + text) if text[:1] in "#-+*>" or text[:2].rstrip(".").isdigit() else text


def _grid(grid: Grid) -> list[str]:
    head = [grid.header[0] or " ", *grid.header[1:]] if grid.labelled else grid.header
    lines = [f"**{grid.title}**", ""] if grid.title else []
    lines += ["| " + " | ".join(_cell(h) for h in head) + " |",
              "|" + "|".join("---" for _ in head) + "|"]
    for row in grid.rows:
        cells = [_cell(plain(c)) for c in row]
        if grid.labelled:
            cells[0] = f"**{cells[0]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"## {block.text}"]
    if isinstance(block, Para):
        return [_TONES[block.tone].format(_inline(plain(block.text)))]
    if isinstance(block, Grid):
        return _grid(block)
    if isinstance(block, Items):
        return [f"- **{label}**: {plain(text)}" for label, text in block.items]
    if isinstance(block, Bars):
        lines = [f"### {block.title}", "", "```text"]
        for group, shown in bar_rows(block, UNICODE_GLYPHS):
            width = max(len(label) for label, _ in shown)
            lines.append(plain(group.title))
            lines += [f"  {label.ljust(width)}  {bar}" for label, bar in shown]
        return [*lines, "```", "", f"_{block.note}_"]
    if isinstance(block, Pictograms):
        lines = [f"### {block.title}", "", "```text"]
        for label, rows in pictogram_rows(block, UNICODE_GLYPHS):
            lines += [plain(label), *(f"  {row}" for row in rows)]
        return [*lines, "```", "", f"_{block.note}_"]
    return [f"{entry.ref}. {_cell(entry.text)} <{entry.url}>" for entry in block.entries]


def render(page: Page) -> str:
    lines = [f"# {page.title}", ""]
    if page.stamp:
        lines += [f"_trd {page.stamp}_", ""]
    for block in page.blocks:
        lines += [*_block(block), ""]
    lines += ["---", "", f"**{page.footer}**"]
    return "\n".join(lines) + "\n"
