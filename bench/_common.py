"""Helpers shared by the benchmark scripts: run a process, time it, read its peak memory."""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SHIPPED_CATALOGUE = BENCH_DIR.parent / "data" / "treatments.yaml"

# The floor: the least any catalogue command can do, i.e. start Python, parse the YAML with
# the C loader and serialise the result. `default=str` in case the file holds YAML dates.
FLOOR_CODE = (
    "import json, sys, yaml; "
    "json.dumps(yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader), "
    "default=str)"
)

# Variables that would change what a child prints or reads.
_DROPPED_ENV = ("PYTHONDONTWRITEBYTECODE", "TRD_CATALOG", "TRD_CACHE_DIR", "TRD_NO_CACHE",
                "FORCE_COLOR", "CLICOLOR_FORCE")
_CHILD_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}
# ru_maxrss is in KiB on Linux and in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


class CommandFailed(RuntimeError):
    """A measured command exited non-zero: its timing would be meaningless."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_bytes: int


@dataclass(frozen=True)
class Summary:
    median_ms: float
    peak_mb: float  # median of the per-run peaks, in MiB

    @classmethod
    def of(cls, samples: Sequence[Sample]) -> Summary:
        return cls(
            median_ms=statistics.median(s.seconds for s in samples) * 1000,
            peak_mb=statistics.median(s.peak_bytes for s in samples) / 2**20,
        )


@contextmanager
def child_env(no_cache: bool) -> Iterator[dict[str, str]]:
    """The environment every measured process gets: no colour, fixed width, .pyc caching on.

    trd's catalogue cache is either off or in a private directory that starts empty and is
    removed afterwards: results do not depend on earlier runs, and a big catalogue's cache
    entry is not left in ~/.cache.
    """
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV} | _CHILD_ENV
    if no_cache:
        yield env | {"TRD_NO_CACHE": "1"}
        return
    with tempfile.TemporaryDirectory(prefix="trd-bench-cache-") as cache_dir:
        yield env | {"TRD_CACHE_DIR": cache_dir}


def cache_note(no_cache: bool) -> str:
    return ("trd's catalogue cache off (TRD_NO_CACHE=1)" if no_cache
            else "trd's catalogue cache in a fresh private directory (warm after the first run)")


def run_once(argv: Sequence[str], env: Mapping[str, str]) -> Sample:
    """Run ``argv`` to completion; its wall-clock time and its own peak resident memory."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if proc.returncode != 0:
            stderr.seek(0)
            tail = stderr.read().decode("utf-8", "replace").strip()[-2000:]
            raise CommandFailed(f"{' '.join(argv)} exited {proc.returncode}:\n{tail}")
    return Sample(seconds, usage.ru_maxrss * _RSS_UNIT)


def own_peak_mb() -> float:
    """This process's peak RSS. A child's ru_maxrss never reads below it: on Linux the
    parent's memory high-water mark is carried into the child until it execs."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT / 2**20


def memory_note() -> str:
    return (f"peak MB = median of each child's max RSS (never below this bench process's own "
            f"peak, {own_peak_mb():.1f} MB)")


def measure(
    commands: Mapping[str, Sequence[str]], runs: int, warmup: int, env: Mapping[str, str]
) -> dict[str, list[Sample]]:
    """Run every command ``warmup`` times (discarded) then ``runs`` times, round-robin.

    Each round runs every command once, starting one further along each time, so a burst of
    machine noise lands on all commands alike rather than on whichever runs in a block.
    """
    names = list(commands)
    samples: dict[str, list[Sample]] = {name: [] for name in names}
    for round_number in range(warmup + runs):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            sample = run_once(commands[name], env)
            if round_number >= warmup:
                samples[name].append(sample)
    return samples


def floor_argv(python: str, catalogue: Path) -> list[str]:
    return [python, "-c", FLOOR_CODE, str(catalogue)]


def find_trd(python: str) -> str:
    """The `trd` script installed next to ``python``, else the one on PATH."""
    beside = Path(python).parent / "trd"
    if beside.is_file():
        return str(beside)
    found = shutil.which("trd")
    if found is None:
        raise SystemExit(f"bench: no trd script next to {python} nor on PATH")
    return found


@dataclass(frozen=True)
class Machine:
    """What the numbers were measured on (the Python is the one the children run)."""

    python: str
    executable: str
    platform: str
    cpu_count: int | None
    cpus_usable: int | None
    load_average: tuple[float, float, float]

    @classmethod
    def probe(cls, python: str) -> Machine:
        version = subprocess.run(
            [python, "-c", "import platform; print(platform.python_implementation(), "
                           "platform.python_version())"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        affinity = getattr(os, "sched_getaffinity", None)
        load = os.getloadavg()
        return cls(
            python=version,
            executable=python,
            platform=platform.platform(),
            cpu_count=os.cpu_count(),
            cpus_usable=len(affinity(0)) if affinity else os.cpu_count(),
            load_average=(round(load[0], 2), round(load[1], 2), round(load[2], 2)),
        )

    def describe(self) -> str:
        load = " ".join(str(x) for x in self.load_average)
        return (f"python {self.python} ({self.executable}) on {self.platform}\n"
                f"cpus {self.cpu_count} ({self.cpus_usable} usable), load average {load}")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> str:
    """A plain text table; ``align`` has one letter per column, 'l' or 'r'."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = (cell.rjust(width) if how == "r" else cell.ljust(width)
                  for cell, width, how in zip(cells, widths, align, strict=True))
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse ``type`` for whole numbers no smaller than ``minimum``."""

    def whole_number(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value

    return whole_number


def add_common_options(parser: argparse.ArgumentParser, runs: int, warmup: int) -> None:
    parser.add_argument("--runs", type=int_at_least(1), default=runs,
                        help=f"measured runs per command (default {runs})")
    parser.add_argument("--warmup", type=int_at_least(0), default=warmup,
                        help=f"discarded runs per command first (default {warmup})")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter to measure; trd is the script next to it "
                             "(default: this one)")
    parser.add_argument("--no-cache", action="store_true",
                        help="turn trd's catalogue cache off (TRD_NO_CACHE=1)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
