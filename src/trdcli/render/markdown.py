"""Markdown: clean GitHub-style tables and lists a person pastes into notes."""

from __future__ import annotations

import re

from .blocks import (
    UNICODE_GLYPHS,
    Bars,
    Block,
    Grid,
    Heading,
    Items,
    Lines,
    Page,
    Para,
    Pictograms,
    bar_rows,
    pictogram_rows,
    plain,
)

_TONES = {"plain": "{}", "strong": "**{}**", "warning": "**{}**", "note": "_{}_"}

# Catalogue text is data: no character of it may become Markdown syntax, raw HTML or a link.
_SYNTAX = re.compile(r"([\\`*_\[\]<>|~&!])")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp)(:)(?=//)|\b(www)(\.)")


def _text(text: str) -> str:
    """``text`` escaped so a Markdown viewer shows it as written."""
    escaped = _SYNTAX.sub(r"\\\1", text)
    # GitHub links bare addresses; an escaped colon or dot keeps them plain text.
    escaped = _AUTOLINK.sub(lambda m: f"{m[1] or m[3]}\\{m[2] or m[4]}", escaped)
    # Keep a leading '#', '-', '+', '=' or '1.' from turning the text into a heading or list.
    if escaped[:1] in "#-+=":
        escaped = "\\" + escaped
    return re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", escaped)


def _cell(text: str) -> str:
    return _text(text).replace("\n", "<br>")


def _fenced(lines: list[str]) -> list[str]:
    """A code block whose fence is longer than any run of backticks inside it."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *lines, fence]


def _grid(grid: Grid) -> list[str]:
    head = [grid.header[0] or " ", *grid.header[1:]] if grid.labelled else grid.header
    lines = [f"**{_text(grid.title)}**", ""] if grid.title else []
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
        return [f"## {_text(block.text)}"]
    if isinstance(block, Para):
        return [_TONES[block.tone].format(_text(plain(block.text)))]
    if isinstance(block, Grid):
        return _grid(block)
    if isinstance(block, Lines):
        return _fenced(block.lines)
    if isinstance(block, Items):
        return [f"- **{_text(label)}**: {_text(plain(text))}" for label, text in block.items]
    if isinstance(block, Bars):
        drawn: list[str] = []
        for group, shown in bar_rows(block, UNICODE_GLYPHS):
            width = max(len(label) for label, _ in shown)
            drawn.append(plain(group.title))
            drawn += [f"  {label.ljust(width)}  {bar}" for label, bar in shown]
        return [f"### {_text(block.title)}", "", *_fenced(drawn), "", f"_{_text(block.note)}_"]
    if isinstance(block, Pictograms):
        drawn = []
        for label, rows in pictogram_rows(block, UNICODE_GLYPHS):
            drawn += [plain(label), *(f"  {row}" for row in rows)]
        return [f"### {_text(block.title)}", "", *_fenced(drawn), "", f"_{_text(block.note)}_"]
    return [f"{entry.ref}. {_cell(entry.text)}" + (f" <{_url(entry.url)}>" if entry.url else "")
            for entry in block.entries]


def _url(url: str) -> str:
    # Inside <...> only these could end the link or start HTML; a checked URL has no space.
    return url.replace("<", "%3C").replace(">", "%3E")


def render(page: Page) -> str:
    lines = [f"# {_text(page.title)}", ""]
    if page.stamp:
        lines += [f"_trd {_text(page.stamp)}_", ""]
    for block in page.blocks:
        lines += [*_block(block), ""]
    lines += ["---", "", f"**{_text(page.footer)}**"]
    return "\n".join(lines) + "\n"
