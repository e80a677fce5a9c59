"""Refresh the real command output shown in README.md and docs/ (``python tools/readme.py``).

Blocks look like::

    <!-- output: trd compare ketamine ect -->
    ```text
    ...
    ```
    <!-- /output -->

The CSV column reference between ``<!-- csv-columns -->`` markers is generated from
``trdcli.render.flat`` the same way. ``tests/test_readme.py`` fails when a block no longer
matches what the command prints, so the documentation cannot drift from the tool.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# Every page with checked output: the README and the reference in docs/.
PAGES = [README, *sorted(page for page in (ROOT / "docs").rglob("*.md")
                         if "research" not in page.relative_to(ROOT).parts)]


def documentation() -> str:
    """All the pages, for tests that check something is documented somewhere."""
    return "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
BLOCK = re.compile(r"(<!-- output: (?P<cmd>.+?) -->\n)```\w*\n(?P<body>.*?)```\n(<!-- /output -->)",
                   re.S)
ENV = {"NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}


def run(command: str) -> str:
    from trdcli.cli import app

    args = shlex.split(command)
    assert args[0] == "trd", command
    result = CliRunner().invoke(app, args[1:], env=ENV, prog_name="trd")
    return result.stdout + result.stderr


def blocks(text: str) -> list[tuple[str, str]]:
    return [(m["cmd"], m["body"]) for m in BLOCK.finditer(text)]


COLUMNS = re.compile(r"(<!-- csv-columns -->\n).*?(<!-- /csv-columns -->)", re.S)


def refresh(text: str) -> str:
    from trdcli.render.flat import reference

    def replace(m: re.Match[str]) -> str:
        fence = "json" if "--json" in m["cmd"] else "text"
        return f"{m[1]}```{fence}\n{run(m['cmd'])}```\n{m[4]}"

    text = COLUMNS.sub(lambda m: f"{m[1]}{reference()}{m[2]}", text)
    return BLOCK.sub(replace, text)


if __name__ == "__main__":
    for page in PAGES:
        old = page.read_text(encoding="utf-8")
        new = refresh(old)
        if new != old:
            page.write_text(new, encoding="utf-8")
        sys.stdout.write(f"{len(blocks(new))} blocks in {page.relative_to(ROOT)}\n")
