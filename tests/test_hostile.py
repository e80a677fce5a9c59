"""Hostile and broken catalogue files: a clean one-line error and exit 4, never a traceback,
never a hang, never anything run. Each row is what a person would see."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import invoke
from trdcli import loader

BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(8)])


def _write(content: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / "catalogue.yaml"
        path.write_bytes(content)
        return path
    return make


def _directory(tmp: Path) -> Path:
    return tmp


def _missing(tmp: Path) -> Path:
    return tmp / "nowhere.yaml"


def _oversize(tmp: Path) -> Path:
    path = tmp / "huge.yaml"
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(loader.MAX_FILE_BYTES + 1)
    return path


# name: (make the file, expected message fragment)
HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty file": (_write(b""), "empty file: expected a mapping of catalogue fields"),
    "only a comment": (_write(b"# nothing here\n"), "empty file"),
    "a directory": (_directory, "is a directory, not a catalogue file"),
    "a missing file": (_missing, "no such file"),
    "invalid UTF-8": (_write(b"version: caf\xe9\n"), "not UTF-8 text (bad byte at offset 12)"),
    "binary junk": (_write(bytes(range(256)) * 4), "not UTF-8 text"),
    "NUL bytes in UTF-8": (_write(b"version: 1\n\x00\x00\n"),
                           "binary data, not YAML text (NUL byte at offset 11)"),
    "a YAML list of strings": (_write(b"- ketamine\n- ect\n"),
                               ":1:1: expected a mapping of catalogue fields, got a list"),
    "a single value": (_write(b"42\n"), "got a single value"),
    "deep flow nesting": (_write(b"x: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
                          f"nested deeper than {loader.MAX_DEPTH} levels"),
    "deep block nesting": (_write(b"x:\n" + b"- " * 50_000 + b"y\n"),
                           f"nested deeper than {loader.MAX_DEPTH} levels"),
    "alias bomb": (_write(BOMB.encode()), "YAML aliases expand to more than"),
    "python object tag": (_write(b"x: !!python/object/apply:os.system ['echo ran']\n"),
                          ":1:4: YAML tag not allowed"),
    "unknown local tag": (_write(b"x: !include other.yaml\n"), "YAML tag not allowed"),
    "over the size limit": (_oversize, f"larger than the {loader.MAX_FILE_BYTES // 2**20} MiB"),
    "a device that never ends": (lambda _: Path("/dev/zero"),
                                 f"larger than the {loader.MAX_FILE_BYTES // 2**20} MiB"),
    "tabs for indentation": (_write(b"treatments:\n\t- id: ect\n"), "YAML syntax error"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file(name: str, tmp_path: Path) -> None:
    make, expected = HOSTILE[name]
    path = make(tmp_path)
    for args in (("--no-default", "--catalog", str(path), "list"),
                 ("--catalog", str(path), "list", "--json")):
        result = invoke(*args)
        assert result.exit_code == 4, (args, result.stderr)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines == [lines[0]] and lines[0].startswith(f"trd: error: {path}"), lines
        assert expected in lines[0], lines[0]
    validated = invoke("validate", str(path))
    assert validated.exit_code == 4 and expected in validated.stdout


def test_the_bomb_would_really_explode() -> None:
    # 10 ** 9 values if expanded: the check refuses it without building it.
    assert BOMB.count("*") == 80


def test_nothing_is_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(f"x: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    invoke("--catalog", str(path), "list")
    assert not marker.exists()


@pytest.mark.parametrize("name", ["deep flow nesting", "deep block nesting", "alias bomb"])
def test_installed_trd_survives(name: str, tmp_path: Path) -> None:
    # In a real process: the C parser would crash the interpreter on deep nesting
    # (a segfault is not a Python exception, so only a subprocess shows it is refused).
    make, expected = HOSTILE[name]
    path = make(tmp_path)
    trd = Path(sys.executable).parent / "trd"
    done = subprocess.run([str(trd), "--catalog", str(path), "list"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 4
    assert expected in done.stderr and "Traceback" not in done.stderr


def test_shallow_anchors_are_still_allowed(tmp_path: Path) -> None:
    path = tmp_path / "anchors.yaml"
    path.write_text("sources:\n  a: &src {title: t, kind: other, url: 'https://example.org'}\n"
                    "  b: *src\n", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 0, result.stdout
