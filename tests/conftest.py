"""Pin the terminal so views are stable, and give tests the real CLI to drive."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import readme

from trdcli.cli import app
from trdcli.loader import default_catalogue_path

# Tests must not read or fill the user's own cache; one per run still exercises it.
os.environ["TRD_CACHE_DIR"] = tempfile.mkdtemp(prefix="trd-test-cache-")
os.environ.pop("TRD_NO_CACHE", None)

# Property tests run a fifth of their examples by default, so the suite stays quick; CI (which
# sets CI=true) and TRD_DEEP_TESTS=1 run them all.
DEEP = bool(os.environ.get("CI") or os.environ.get("TRD_DEEP_TESTS"))


def examples(deep: int) -> settings:
    """Hypothesis settings: ``deep`` examples in CI, a fifth (at least 5) otherwise."""
    return settings(max_examples=deep if DEEP else max(5, deep // 5), deadline=None,
                    suppress_health_check=list(HealthCheck))


WIDTH = 80
PINNED_ENV = {
    "NO_COLOR": "1",
    "COLUMNS": str(WIDTH),
    "TERMINAL_WIDTH": str(WIDTH),
    "TERM": "dumb",
    "_TYPER_FORCE_DISABLE_TERMINAL": "1",
}


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in PINNED_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("TRD_CATALOG", raising=False)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


PROBLEM_LINE = re.compile(r"trd: error: (?P<file>.+?)(?::(?P<line>\d+):(?P<column>\d+))?: "
                          r"(?P<what>.*) \[(?P<code>[a-z0-9-]+)\](?: \(and \d+ more problems?\))?")


def assert_problem(result: Result, file: Path | str, code: str,
                   where: tuple[int, int] | None = None) -> re.Match[str]:
    """trd's error contract: exit 4, nothing on stdout, one stderr line naming the file (at
    ``where``, line and column, when given) and ending in the problem's code."""
    assert result.exit_code == 4, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    found = PROBLEM_LINE.fullmatch(lines[0])
    assert found is not None, lines[0]
    assert (found["file"], found["code"]) == (str(file), code), lines[0]
    if where is not None:
        assert (int(found["line"]), int(found["column"])) == where, lines[0]
    return found


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run `trd ARGS` through Typer's runner, keeping stdout and stderr apart."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def widest_line(text: str) -> int:
    """The width of the widest line that is not a link: a link is drawn on one line, however
    long, for the terminal to wrap, so that it copies whole."""
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.splitlines()
                if not line.lstrip().removeprefix("Link: ").startswith("http")), default=0)


def documentation() -> str:
    """README.md and the reference in docs/: what a user can read."""
    return readme.documentation()


@pytest.fixture(scope="session")
def shipped_data() -> dict[str, Any]:
    """The shipped catalogue as plain data, for tests that mutate a copy."""
    data: dict[str, Any] = yaml.safe_load(default_catalogue_path().read_text(encoding="utf-8"))
    return data


def write_catalogue(path: Path, data: Any) -> Path:
    # libyaml's emitter: the pure-Python one took most of the time of the fuzz tests.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return path
