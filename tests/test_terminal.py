"""Terminal manners: colour and box drawing only on a terminal that wants them, COLUMNS,
the pager, and a working example in every command's --help."""

from __future__ import annotations

import os
import pty
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import invoke, widest_line
from test_installed import trd_command
from trdcli.cli import app

ROOT = Path(__file__).resolve().parents[1]
BOX_DRAWING = set("─│╭╮╰╯┌┐└┘├┤┬┴┼━┃")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def on_a_terminal(*args: str, **env: str) -> str:
    """Run the installed trd with a pseudo-terminal as stdin and stdout, as a person would."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("NO_COLOR", "TERM", "_TYPER_FORCE_DISABLE_TERMINAL", "MANPAGER",
                                "PAGER", "TRD_CATALOG")}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40", **env})
    main, child = pty.openpty()
    process = subprocess.Popen([*trd_command(), *args], stdin=child, stdout=child,
                               stderr=subprocess.PIPE, env=environment, cwd=ROOT)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes when trd exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_colour_and_box_drawing() -> None:
    text = on_a_terminal("compare", "ketamine", "ect")
    assert "\x1b[" in text
    assert BOX_DRAWING & set(text)


def test_no_color_on_a_terminal_means_no_escapes_and_no_box_drawing() -> None:
    for args in (["compare", "ketamine", "ect"], ["list"], ["explain", "esketamine"]):
        # What trd writes (a pager such as less adds its own terminal codes).
        text = on_a_terminal(*args, NO_COLOR="1", PAGER="cat")
        assert "\x1b[" not in text, args
        assert not BOX_DRAWING & set(text), args


def test_a_long_view_pages_on_a_terminal_unless_told_not_to() -> None:
    pager = {"PAGER": "sed s/^/PAGED:/", "NO_COLOR": "1"}
    paged = on_a_terminal("explain", "vns", **pager)
    assert "PAGED:Vagus nerve stimulation" in paged
    assert "PAGED:Information, not medical advice." in paged
    assert "PAGED:" not in on_a_terminal("explain", "vns", "--no-pager", **pager)


def test_less_keeps_colours_and_prints_a_short_view_as_it_is() -> None:
    # The default pager is less with LESS=FRX: raw colour codes pass (R), one screen is
    # printed and less quits (F), and nothing is cleared (X).
    shown = on_a_terminal("glossary", "remission", LESS="", PAGER="",
                          **({} if shutil.which("less") else {"PAGER": "cat"}))
    assert "Remission" in shown and "\x1b[" in shown


def test_piped_output_is_never_paged() -> None:
    done = subprocess.run([*trd_command(), "explain", "vns"], capture_output=True, timeout=60,
                          env={**os.environ, "PAGER": "sed s/^/PAGED:/"}, check=False)
    assert done.returncode == 0 and b"PAGED:" not in done.stdout


@pytest.mark.parametrize("columns", [50, 80, 100, 160])
def test_columns_is_honoured(columns: int) -> None:
    for args in (["list"], ["compare", "ketamine", "tms", "ect"], ["explain", "ect"]):
        text = invoke(*args, env={"COLUMNS": str(columns)}).stdout
        assert columns - 10 < widest_line(text) <= columns, (args, columns)  # room used


COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands
                  if command.callback)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_help_shows_an_example_that_works(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    help_text = invoke(name, "--help").stdout
    examples = [line.strip().removeprefix("Example: ") for line in help_text.splitlines()
                if line.strip().startswith("Example: trd ")]
    assert examples, f"trd {name} --help has no example"
    monkeypatch.chdir(ROOT)
    for example in examples:
        args = shlex.split(example.split(" > ")[0])[1:]
        result = invoke(*args)
        assert result.exit_code == 0, (example, result.stderr)
        assert result.stdout


def test_completion_can_be_shown_for_a_shell() -> None:
    result = subprocess.run([*trd_command(), "--show-completion", "bash"], capture_output=True,
                            timeout=60, check=False, env=os.environ)
    assert result.returncode == 0, result.stderr
    assert b"complete" in result.stdout and b"trd" in result.stdout
