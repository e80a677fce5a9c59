"""Refresh the real command output shown in README.md (``python tools/readme.py``).

Blocks look like::

    <!-- output: trd compare ketamine ect -->
    ```text
    ...
    ```
    <!-- /output -->

The CSV column reference between ``<!-- csv-columns -->`` markers is generated from
``trdcli.render.flat`` the same way. ``tests/test_readme.py`` fails when a block no longer
matches what the command prints, so the README cannot drift from the tool.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner

README = Path(__file__).resolve().parents[1] / "README.md"
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
    new = refresh(README.read_text(encoding="utf-8"))
    README.write_text(new, encoding="utf-8")
    sys.stdout.write(f"refreshed {len(blocks(new))} blocks in {README.name}\n")
