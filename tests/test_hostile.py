"""Hostile and broken catalogue files: a clean one-line error and exit 4, never a traceback,
never a hang, never anything run. Each row is what a person would see."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import assert_problem, invoke
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


# name: (make the file, trd's problem code, (line, column) where trd can say)
HOSTILE: dict[str, tuple[Callable[[Path], Path], str, tuple[int, int] | None]] = {
    "empty file": (_write(b""), "empty-file", None),
    "only a comment": (_write(b"# nothing here\n"), "empty-file", None),
    "a directory": (_directory, "cannot-read", None),
    "a missing file": (_missing, "cannot-read", None),
    "invalid UTF-8": (_write(b"version: caf\xe9\n"), "not-utf8", None),
    "binary junk": (_write(bytes(range(256)) * 4), "not-utf8", None),
    "NUL bytes in UTF-8": (_write(b"version: 1\n\x00\x00\n"), "binary", None),
    "a YAML list of strings": (_write(b"- ketamine\n- ect\n"), "not-a-mapping", (1, 1)),
    "a single value": (_write(b"42\n"), "not-a-mapping", (1, 1)),
    # The top mapping is level 1 and each "[" one more, so level 65 is the 64th "[".
    "deep flow nesting": (_write(b"x: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
                          "too-deep", (1, 3 + loader.MAX_DEPTH)),
    "nesting just past the limit": (_write(b"x: " + b"[" * 70 + b"]" * 70 + b"\n"),
                                    "too-deep", (1, 3 + loader.MAX_DEPTH)),
    # Each "- " opens a level: the 64th starts at column 2 * 64 - 1.
    "deep block nesting": (_write(b"x:\n" + b"- " * 50_000 + b"y\n"),
                           "too-deep", (2, 2 * loader.MAX_DEPTH - 1)),
    "alias bomb": (_write(BOMB.encode()), "alias-bomb", None),
    "python object tag": (_write(b"x: !!python/object/apply:os.system ['echo ran']\n"),
                          "tag-not-allowed", (1, 4)),
    "unknown local tag": (_write(b"x: !include other.yaml\n"), "tag-not-allowed", (1, 4)),
    "over the size limit": (_oversize, "too-large", None),
    "a device that never ends": (lambda _: Path("/dev/zero"), "too-large", None),
    "tabs for indentation": (_write(b"treatments:\n\t- id: ect\n"), "yaml-syntax", None),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file(name: str, tmp_path: Path) -> None:
    make, code, where = HOSTILE[name]
    path = make(tmp_path)
    for args in (("--no-default", "--catalog", str(path), "list"),
                 ("--catalog", str(path), "list", "--json")):
        assert_problem(invoke(*args), path, code, where)
    validated = invoke("validate", str(path), "--json")
    assert validated.exit_code == 4
    assert code in {p["code"] for p in validated.json()["problems"]}


COST_LINE = "    cost: {text: t, where: US, sources: [anand-2023-elekt-d], low: "
LOW = (3, COST_LINE.index("low:") + 1)  # problems point at their field's key


def _rtms_cost(value: str) -> bytes:
    return f"treatments:\n  - id: rtms\n{COST_LINE}{value}}}\n".encode()


# Values no file may hold, each in an overlay that is otherwise valid: (text, code, where).
BAD_VALUES: dict[str, tuple[bytes, str, tuple[int, int]]] = {
    "a date with a time of day": (b"released: 2026-01-01 10:00:00\n", "not-a-date", (1, 1)),
    "a date in another script's digits": ("released: '\u0662\u0660\u0662\u0666-\u0660\u0661-"
                                          "\u0660\u0661'\n".encode(), "not-a-date", (1, 1)),
    "NaN": (_rtms_cost(".nan"), "not-finite", LOW),
    "infinity": (_rtms_cost("-.inf"), "not-finite", LOW),
    "an absurd magnitude": (_rtms_cost("1.0e+300"), "too-big", LOW),
}


@pytest.mark.parametrize("name", list(BAD_VALUES))
def test_bad_values_are_refused_where_they_stand(name: str, tmp_path: Path) -> None:
    text, code, where = BAD_VALUES[name]
    path = _write(text)(tmp_path)
    assert_problem(invoke("--catalog", str(path), "list"), path, code, where)
    assert invoke("validate", str(path), "--json").json()["problems"][0]["code"] == code


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
    make, code, _ = HOSTILE[name]
    path = make(tmp_path)
    trd = Path(sys.executable).parent / "trd"
    done = subprocess.run([str(trd), "--catalog", str(path), "list"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 4
    assert done.stderr.endswith(f" [{code}]\n") and "Traceback" not in done.stderr


def test_shallow_anchors_are_still_allowed(tmp_path: Path) -> None:
    path = tmp_path / "anchors.yaml"
    path.write_text("sources:\n  a: &src {title: t, kind: news, url: 'https://example.org'}\n"
                    "  b: *src\n", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 0, result.stdout
