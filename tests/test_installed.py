"""The installed `trd` entry point, run as a separate process from another directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PINNED_ENV
from trdcli.safety import DISCLAIMER


def trd_command() -> list[str]:
    # The console script next to this interpreter: what `pip install` put on PATH.
    script = Path(sys.executable).with_name("trd")
    found = str(script) if script.exists() else shutil.which("trd")
    assert found, "the trd console script is not installed; run pip install -e '.[test]'"
    return [found]


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **PINNED_ENV, **env}
    environment.pop("TRD_CATALOG", None)
    return subprocess.run([*trd_command(), *args], cwd=cwd, env=environment,
                          capture_output=True, timeout=60, check=False)


def test_installed_list_json_from_another_directory(tmp_path: Path) -> None:
    result = run("list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout.decode("utf-8"))
    assert document["schema_version"] == 1
    assert {t["id"] for t in document["treatments"]} >= {"iv-ketamine", "ect", "vns"}
    assert result.stderr == b""


def test_json_is_utf8_even_in_an_ascii_locale(tmp_path: Path) -> None:
    result = run("explain", "trd", "--json", cwd=tmp_path, LC_ALL="C", LANG="C",
                 PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout.decode("utf-8"))


def test_human_view_through_a_pipe_has_no_escape_codes(tmp_path: Path) -> None:
    result = run("compare", "ketamine", "ect", cwd=tmp_path, NO_COLOR="")
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    assert "\x1b" not in text
    assert text.rstrip().splitlines()[-1] == DISCLAIMER


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("no SIGPIPE on Windows")
    shell = f"{trd_command()[0]} list | head -n 1"
    result = subprocess.run(["sh", "-c", shell], cwd=tmp_path, capture_output=True,
                            env={**os.environ, **PINNED_ENV}, timeout=60, check=False)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1
    assert b"Traceback" not in result.stderr
    assert b"BrokenPipe" not in result.stderr


def test_unknown_name_exit_code_and_stderr(tmp_path: Path) -> None:
    result = run("explain", "ketamne", cwd=tmp_path)
    assert result.returncode == 3
    assert result.stdout == b""
    assert b"did you mean ketamine" in result.stderr


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    result = run("--version", cwd=tmp_path)
    assert result.stdout.decode().strip() == f"trd {version('trd')}"
