"""The test run installs exactly what requirements/test.txt pins; the pins must satisfy
pyproject.toml, so a range changed there without `tools/lock.sh` fails here."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the lock pins tomli for 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "test.txt"


def _locked() -> list[Requirement]:
    """Every pin in the lock, each with its environment marker."""
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    pins = []
    for line in text.splitlines():
        line = re.sub(r"\s--hash=\S+", "", line.split("#", 1)[0]).strip()
        if line:
            pins.append(Requirement(line))
    return pins


def _wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build = (ROOT / "requirements" / "build.in").read_text(encoding="utf-8")
    lines = [*project["dependencies"], *project["optional-dependencies"]["test"],
             *(line for line in build.splitlines() if line and not line.startswith("#"))]
    return [Requirement(line) for line in lines]


def test_every_pin_is_exact_and_hashed() -> None:
    text = LOCK.read_text(encoding="utf-8")
    pins = _locked()
    assert len(pins) > 20
    for pin in pins:
        (specifier,) = pin.specifier
        assert specifier.operator == "==", pin
    assert text.count("--hash=sha256:") >= len(pins)


def test_the_lock_satisfies_pyproject() -> None:
    pins: dict[str, list[Requirement]] = {}
    for pin in _locked():
        pins.setdefault(canonicalize_name(pin.name), []).append(pin)
    for wanted in _wanted():
        found = pins.get(canonicalize_name(wanted.name))
        assert found, f"{wanted.name} is in pyproject.toml but not locked: run tools/lock.sh"
        for pin in found:
            (version,) = (s.version for s in pin.specifier)
            assert wanted.specifier.contains(version, prereleases=True), (
                f"{pin} is outside {wanted} in pyproject.toml: run tools/lock.sh")


def test_this_environment_was_installed_from_the_lock() -> None:
    from importlib.metadata import PackageNotFoundError, version

    for pin in _locked():
        if pin.marker is not None and not pin.marker.evaluate():
            continue
        (locked,) = (s.version for s in pin.specifier)
        try:
            installed = version(pin.name)
        except PackageNotFoundError:
            installed = None
        assert installed == locked, f"{pin.name} {installed} installed, {locked} locked"
