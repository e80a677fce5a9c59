"""The README shows real output, the real test command, and every documented code."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import readme  # noqa: E402

TEXT = readme.README.read_text(encoding="utf-8")
BLOCKS = [(page.name, command, shown) for page in readme.PAGES
          for command, shown in readme.blocks(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("page", "command", "shown"), BLOCKS, ids=lambda v: v[:40])
def test_documented_output_is_what_the_command_prints(page: str, command: str,
                                                      shown: str) -> None:
    assert readme.run(command) == shown, f"run: python tools/readme.py ({page}: {command})"


def test_the_readme_reads_as_one_page() -> None:
    assert len(TEXT.splitlines()) <= 300
    assert "Information, not medical advice" in TEXT and "988" in TEXT
    assert len(readme.blocks(TEXT)) == 5
    for link in re.findall(r"\]\((docs/[^)#]+)\)", TEXT):
        assert (ROOT / link).is_file(), link


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci
    assert re.search(r"<!-- test-command -->\n```sh\n.+\n```\n<!-- /test-command -->", TEXT)


def test_every_exit_code_is_documented() -> None:
    from trdcli.errors import ExitCode

    documented = readme.documentation()
    for code in ExitCode:
        assert f"| {int(code)} |" in documented, code


def test_every_problem_code_is_documented() -> None:
    from trdcli.errors import PROBLEM_CODES

    page = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z0-9-]+)` \|", page, re.MULTILINE)
    assert documented == list(PROBLEM_CODES)
