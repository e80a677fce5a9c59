"""Failing devices, interrupted runs, the cache and provenance: trd loses nothing, shows one
line with a documented exit code, and never serves or shows what no catalogue file says."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import invoke
from trdcli import cache, files
from trdcli.errors import CannotWrite, ExitCode

TRD = str(Path(sys.executable).parent / "trd")
EXAMPLE = Path(__file__).parents[1] / "examples" / "clinic-overlay.yaml"


def _run(*args: str, env: dict[str, str] | None = None, stdout: Any = subprocess.PIPE
         ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([TRD, *args], stdout=stdout, stderr=subprocess.PIPE, timeout=60,
                          check=False, env={**os.environ, **(env or {})})


# -o FILE: all or nothing ----------------------------------------------------------------

def test_a_failed_write_keeps_the_old_file_and_leaves_no_partial_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "handout.html"
    target.write_text("the old handout", encoding="utf-8")

    def disk_full(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(CannotWrite):
        files.write_atomically(target, "new " * 100_000, replace=True)
    assert target.read_text(encoding="utf-8") == "the old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.html"]


def test_o_force_replaces_whole_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "list.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert invoke("list", "--json", "-o", str(target), "--force").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["command"] == "list"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["list.json"]


def test_o_without_force_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "list.json"
    target.write_text("mine", encoding="utf-8")
    result = invoke("list", "--json", "-o", str(target))
    assert result.exit_code == ExitCode.CANNOT_WRITE
    assert target.read_text(encoding="utf-8") == "mine"


# stdout that fails ---------------------------------------------------------------------

@pytest.mark.parametrize("args", [("list",), ("explain", "ect"), ("list", "--json")])
def test_a_full_disk_on_stdout_is_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = _run(*args, stdout=full)
    assert done.returncode == ExitCode.CANNOT_WRITE
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("trd: error: cannot write"), lines


@pytest.mark.parametrize("args", [("list",), ("explain", "ect"), ("sources", "ect", "--json")])
def test_a_closed_pipe_ends_quietly(args: tuple[str, ...]) -> None:
    process = subprocess.Popen([TRD, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    assert process.wait(timeout=60) == ExitCode.OUTPUT_CLOSED
    assert process.stderr.read() == b""


def test_a_terminal_that_cannot_show_unicode_gets_a_fallback() -> None:
    done = _run("explain", "ect", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    done.stdout.decode("ascii")  # nothing it could not carry


# Ctrl-C and bugs --------------------------------------------------------------------------

@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15])
def test_ctrl_c_at_any_moment_exits_130_quietly(delay: float) -> None:
    process = subprocess.Popen([TRD, "--no-default", "--catalog", str(EXAMPLE), "list"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "TRD_NO_CACHE": "1"})
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    # Exit 4 is a run that finished first: --no-default with an overlay is not a catalogue.
    # Before Python's own handler is installed the signal ends the process itself, which a
    # shell reports as 130 too.
    assert process.returncode in (ExitCode.INTERRUPTED, ExitCode.BAD_CATALOGUE,
                                  -signal.SIGINT), err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


def test_debug_shows_the_traceback_behind_the_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    plain = _run("--catalog", str(missing), "list")
    assert plain.returncode == 4 and b"Traceback" not in plain.stderr
    debug = _run("--debug", "--catalog", str(missing), "list")
    assert debug.returncode == 4 and b"Traceback" in debug.stderr
    assert debug.stderr.splitlines()[-1] == plain.stderr.splitlines()[-1]


# The cache --------------------------------------------------------------------------------

@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRD_CACHE_DIR", str(folder))
    return folder


def test_the_cache_deletes_only_its_own_files(cache_dir: Path, tmp_path: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    mine = [cache_dir / f"notes-{n}.json" for n in range(cache.KEEP + 3)]
    for path in mine:
        path.write_text("{}", encoding="utf-8")
    for n in range(cache.KEEP + 2):  # more stacks than the cache keeps
        overlay = tmp_path / f"o{n}.yaml"
        overlay.write_text(f"version: v{n}\n", encoding="utf-8")
        assert invoke("--catalog", str(overlay), "list", "--json").exit_code == 0
    assert all(path.exists() for path in mine)
    assert len(list(cache_dir.glob(f"{cache.PREFIX}*"))) == cache.KEEP


def test_an_edited_cache_entry_is_never_served(cache_dir: Path) -> None:
    first = invoke("crisis", "us", "--json").json()
    (entry,) = cache_dir.glob(f"{cache.PREFIX}*{cache.SUFFIX}")
    number = first["countries"][0]["services"][0]["contact"]
    entry.write_bytes(entry.read_bytes().replace(number.encode(), b"1-900-FORGED"))
    again = invoke("crisis", "us", "--json").json()
    assert again == first and "1-900-FORGED" not in json.dumps(again)


class _Runs:
    """Unpickling this would call a function: what a forged cache entry would try."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return (os.getenv, ("HOME",))


def test_a_sealed_entry_that_holds_anything_but_a_catalogue_is_not_loaded(
        cache_dir: Path) -> None:
    # Even with the seal's key in hand, an entry can hold only catalogue dataclasses.
    import pickle

    first = invoke("list", "--json").stdout
    (entry,) = cache_dir.glob(f"{cache.PREFIX}*{cache.SUFFIX}")
    cache_key = entry.name.removeprefix(cache.PREFIX).removesuffix(cache.SUFFIX)
    secret = (cache_dir / "trd-cache.key").read_bytes()
    payload = pickle.dumps((_Runs(), []))
    entry.write_bytes(cache._seal(secret, cache_key, payload).encode() + b"\n" + payload)
    assert cache.get(cache_key) is None
    assert invoke("list", "--json").stdout == first


def test_a_folder_others_can_write_is_not_used(cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    assert invoke("list", "--json").exit_code == 0
    assert list(cache_dir.iterdir()) == []


@pytest.mark.parametrize(("value", "on"), [("0", True), ("false", True), ("", True),
                                           ("1", False), ("yes", False), ("TRUE", False)])
def test_trd_no_cache_means_what_it_says(cache_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                         value: str, on: bool) -> None:
    monkeypatch.setenv("TRD_NO_CACHE", value)
    assert invoke("list", "--json").exit_code == 0
    assert bool(list(cache_dir.glob(f"{cache.PREFIX}*"))) is on


def test_the_key_covers_no_default(cache_dir: Path) -> None:
    from trdcli.loader import default_catalogue_path

    shipped = str(default_catalogue_path())
    with_default = invoke("info", "--json").json()
    without = invoke("--no-default", "--catalog", shipped, "info", "--json").json()
    assert with_default["files"][0]["shipped"] is True
    assert without["files"][0]["shipped"] is False  # not served from the other's entry


def test_the_cache_lives_where_the_platform_keeps_caches(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.delenv("TRD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == tmp_path / "trd"


# Provenance -------------------------------------------------------------------------------

def test_an_overlay_cannot_pass_for_the_shipped_catalogue(tmp_path: Path) -> None:
    shipped = invoke("info", "--json").json()["catalogue"]["version"]
    forged = tmp_path / "clinic.yaml"
    forged.write_text(f"version: '{shipped}'\n", encoding="utf-8")
    name = f"catalogue {shipped} + clinic.yaml ({shipped})"
    assert invoke("--catalog", str(forged), "list", "--json").json()["catalogue"]["name"] == name
    for args in (["list"], ["explain", "ect"], ["compare", "ect", "vns"],
                 ["explain", "ect", "--format", "markdown"],
                 ["compare", "ect", "vns", "--format", "html"]):
        output = invoke("--catalog", str(forged), *args, env={"COLUMNS": "200"}).stdout
        assert "+ clinic.yaml" in output, args
    assert "+ clinic.yaml" not in invoke("list", env={"COLUMNS": "200"}).stdout


# History files ----------------------------------------------------------------------------

def test_one_medicine_counts_once_however_it_is_spelt(tmp_path: Path) -> None:
    spellings = ["Sertraline", " sertraline ", "SERTRALINE", "sert\u200braline",
                 "sertrali\u0301ne", "\ufeffsertraline"]
    trials = "".join(f"  - {{drug: \"{s}\", weeks: 8, outcome: no-response}}\n"
                     for s in spellings)
    path = tmp_path / "h.yaml"
    path.write_text(f"duration_months: 12\nseverity: moderate\ntrials:\n{trials}",
                    encoding="utf-8")
    result = invoke("stage", "--history", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    items = {i["item"]: i["points"] for i in result.json()["msm"]["items"]}
    assert items["failed antidepressants"] == 1  # one failed medicine, not six


# Numbers in options ----------------------------------------------------------------------

STAGE = ["stage", "--severity", "mild"]


@pytest.mark.parametrize("args", [
    ["match", "--budget", "nan"], ["match", "--budget", "inf"], ["match", "--budget", "-inf"],
    ["match", "--budget", "1e400"], ["match", "--budget", "\u0661\u0660\u0660\u0660"],
    ["match", "--budget", "99999999999"],
    [*STAGE, "--failed", "2", "--duration-months", "nan"],
    [*STAGE, "--failed", "\u0663", "--duration-months", "12"],
    [*STAGE, "--failed", "2.5", "--duration-months", "12"],
    [*STAGE, "--failed", "2", "--duration-months", "\uff11\uff12"],  # full-width digits
])
def test_option_numbers_are_plain_finite_and_plausible(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == ExitCode.USAGE and result.stdout == ""
    assert "--budget" in result.stderr or "--failed" in result.stderr \
        or "--duration-months" in result.stderr


def test_plain_option_numbers_still_work() -> None:
    assert invoke("match", "--budget", "1000.50").exit_code == 0
    assert invoke(*STAGE, "--failed", "2", "--duration-months", "12").exit_code == 0
