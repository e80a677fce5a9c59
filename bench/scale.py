"""How trd's time and memory grow with the catalogue: the shipped one, then synthetic ones.

    python bench/scale.py [--sizes 1000 10000] [--lean] [--runs 5] [--warmup 0]
                          [--python PATH] [--no-cache] [--json]

For each catalogue it times the parse-only floor and four trd commands, and checks that
`list --json` grows no faster than the catalogue (time(largest)/time(smallest) at most
largest/smallest entries). Exits 1 if that check fails, 2 if a command fails (the other
catalogues are still measured).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from _common import (
    SHIPPED_CATALOGUE,
    CommandFailed,
    Machine,
    Summary,
    add_common_options,
    cache_note,
    child_env,
    find_trd,
    floor_argv,
    format_table,
    int_at_least,
    measure,
    memory_note,
    own_peak_mb,
)

PARSE = "parse"
LIST_JSON = "list --json"
COMMANDS = (PARSE, LIST_JSON, "list", "compare", "explain")


@dataclass(frozen=True)
class Target:
    """A catalogue to measure, with two of its treatment ids to compare (explain the 2nd)."""

    label: str
    path: Path
    entries: int
    first_id: str
    last_id: str
    file_mb: float  # kept here: synthetic files are deleted once measured

    @classmethod
    def of(cls, label: str, path: Path, ids: list[str]) -> Target:
        return cls(label, path, len(ids), ids[0], ids[-1], path.stat().st_size / 2**20)


@dataclass(frozen=True)
class Result:
    target: Target
    summaries: dict[str, Summary]  # empty if a command failed
    error: str | None = None

    def ratio_to_parse(self, command: str) -> float:
        return self.summaries[command].median_ms / self.summaries[PARSE].median_ms

    def ms_per_entry(self, command: str) -> float:
        return self.summaries[command].median_ms / self.target.entries


@dataclass(frozen=True)
class Scaling:
    """``list --json`` between the smallest and the largest synthetic catalogue."""

    small: Result
    large: Result

    @property
    def time_ratio(self) -> float:
        return self.large.summaries[LIST_JSON].median_ms / self.small.summaries[LIST_JSON].median_ms

    @property
    def budget(self) -> float:  # linear growth at most
        return self.large.target.entries / self.small.target.entries

    @property
    def passed(self) -> bool:
        return self.time_ratio <= self.budget

    def marginal_ms(self, command: str) -> float:
        """Extra milliseconds per extra entry, start-up cost excluded."""
        extra = self.large.summaries[command].median_ms - self.small.summaries[command].median_ms
        return extra / (self.large.target.entries - self.small.target.entries)


# shipped_target and synthetic_target run in a worker process (see prepare_targets), and so
# import synth (and with it yaml) there, not here.


def shipped_target() -> Target:
    from synth import load_catalogue_data

    ids = [t["id"] for t in load_catalogue_data(SHIPPED_CATALOGUE)["treatments"]]
    return Target.of("shipped", SHIPPED_CATALOGUE, ids)


def synthetic_target(n: int, directory: Path, lean: bool) -> Target:
    from synth import write_synthetic

    path = directory / f"synthetic-{n}.yaml"
    start = time.perf_counter()
    ids = write_synthetic(n, path, lean)
    target = Target.of(f"{'lean' if lean else 'synthetic'} {n}", path, ids)
    progress(f"generated {n} entries ({target.file_mb:.1f} MB) "
             f"in {time.perf_counter() - start:.1f} s")
    return target


def catalogue_options(trd: str, path: Path) -> list[str]:
    """Options that make trd read ``path`` alone. Where trd can lay a file over the shipped
    catalogue, --no-default leaves the shipped one out, so the count is the file's own."""
    help_text = subprocess.run([trd, "--help"], capture_output=True, text=True).stdout
    return [*(["--no-default"] if "--no-default" in help_text else []), "--catalog", str(path)]


def commands_for(target: Target, python: str, trd: str) -> dict[str, list[str]]:
    base = [trd, *catalogue_options(trd, target.path)]
    return {
        PARSE: floor_argv(python, target.path),
        LIST_JSON: [*base, "list", "--json"],
        "list": [*base, "list"],
        "compare": [*base, "compare", target.first_id, target.last_id],
        "explain": [*base, "explain", target.last_id],
    }


def measure_target(target: Target, args: argparse.Namespace, warmup: int,
                   env: dict[str, str]) -> Result:
    progress(f"measuring {target.label}: {args.runs} runs x {len(COMMANDS)} commands")
    commands = commands_for(target, args.python, find_trd(args.python))
    try:
        samples = measure(commands, args.runs, warmup, env)
    except CommandFailed as error:  # report it and go on to the next catalogue
        progress(f"{target.label} failed: {error}")
        return Result(target, {}, str(error))
    return Result(target, {name: Summary.of(s) for name, s in samples.items()})


def progress(message: str) -> None:
    print(f"[scale] {message}", file=sys.stderr, flush=True)


def render_table(results: list[Result]) -> str:
    rows = []
    for result in results:
        target = result.target
        if result.error:
            rows.append([target.label, str(target.entries), f"{target.file_mb:.1f}",
                         "FAILED (below)", "-", "-", "-", "-"])
        for index, command in enumerate(COMMANDS if not result.error else ()):
            summary = result.summaries[command]
            rows.append([
                target.label if index == 0 else "",
                str(target.entries) if index == 0 else "",
                f"{target.file_mb:.1f}" if index == 0 else "",
                command,
                f"{summary.median_ms:.1f}",
                f"{result.ratio_to_parse(command):.2f}x",
                f"{result.ms_per_entry(command):.3f}",
                f"{summary.peak_mb:.1f}",
            ])
    headers = ["catalogue", "entries", "file MB", "command", "median ms", "x parse",
               "ms/entry", "peak MB"]
    return format_table(headers, rows, "lrrlrrrr")


def render_errors(results: list[Result]) -> str:
    return "\n".join(f"{r.target.label} FAILED: {r.error.strip().splitlines()[-1]}"
                     for r in results if r.error)


def render_scaling(scaling: Scaling) -> str:
    small, large = scaling.small.target.entries, scaling.large.target.entries
    verdict = "PASS" if scaling.passed else "FAIL"
    return "\n".join([
        f"list --json time({large})/time({small}) = {scaling.time_ratio:.2f}x "
        f"(budget <= {scaling.budget:.1f}x, no worse than linear): {verdict}",
        f"marginal cost per extra entry ({small} -> {large}): "
        + ", ".join(f"{c} {scaling.marginal_ms(c):.3f} ms" for c in COMMANDS),
    ])


def to_json(machine: Machine, args: argparse.Namespace, results: list[Result],
            scaling: Scaling | None) -> str:
    catalogues = [{
        "label": r.target.label, "entries": r.target.entries,
        "file_mb": round(r.target.file_mb, 2),
        "ids": [r.target.first_id, r.target.last_id], "error": r.error,
        "commands": {c: asdict(s) | {"ratio_to_parse": r.ratio_to_parse(c),
                                     "ms_per_entry": r.ms_per_entry(c)}
                     for c, s in r.summaries.items()},
    } for r in results]
    scaling_doc = None if scaling is None else {
        "command": LIST_JSON, "small": scaling.small.target.entries,
        "large": scaling.large.target.entries, "time_ratio": scaling.time_ratio,
        "budget": scaling.budget, "passed": scaling.passed,
        "marginal_ms_per_entry": {c: scaling.marginal_ms(c) for c in COMMANDS},
    }
    document = {"machine": asdict(machine), "runs": args.runs, "warmup": args.warmup,
                "no_cache": args.no_cache, "bench_peak_mb": own_peak_mb(),
                "catalogues": catalogues, "scaling": scaling_doc}
    return json.dumps(document, indent=2)


def prepare_targets(sizes: list[int], directory: Path, lean: bool) -> list[Target]:
    """The shipped catalogue and the synthetic ones, written by a separate process.

    A child's ru_maxrss is never below the peak RSS of the process that started it, so this
    one must never hold a big catalogue in memory.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as worker:
        targets = [worker.submit(shipped_target).result()]
        targets += [worker.submit(synthetic_target, n, directory, lean).result() for n in sizes]
    return targets


def run_benchmark(args: argparse.Namespace) -> list[Result]:
    with (tempfile.TemporaryDirectory(prefix="trd-scale-") as directory,
          child_env(args.no_cache) as env):
        shipped, *synthetic = prepare_targets(args.sizes, Path(directory), args.lean)
        # The shipped baseline is cheap: it always gets a warm-up, which also writes .pyc files.
        results = [measure_target(shipped, args, max(1, args.warmup), env)]
        results += [measure_target(target, args, args.warmup, env) for target in synthetic]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int_at_least(1), nargs="+", default=[1000, 10000],
                        help="synthetic catalogue sizes (default 1000 10000)")
    parser.add_argument("--lean", action="store_true",
                        help="lean synthetic copies (see synth.py --lean): for smaller files")
    add_common_options(parser, runs=5, warmup=0)
    args = parser.parse_args(argv)
    args.sizes = sorted(set(args.sizes))
    machine = Machine.probe(args.python)
    start = time.perf_counter()
    results = run_benchmark(args)
    synthetic = [r for r in results[1:] if not r.error]  # in ascending size
    scaling = Scaling(synthetic[0], synthetic[-1]) if len(synthetic) > 1 else None
    if args.json:
        print(to_json(machine, args, results, scaling))
    else:
        print(machine.describe())
        print(f"{args.runs} runs per command, round-robin within each catalogue; "
              f"x parse = median / parse median; {cache_note(args.no_cache)}; "
              f"took {time.perf_counter() - start:.0f} s\n")
        print(render_table(results))
        print(memory_note())
        if any(r.error for r in results):
            print("\n" + render_errors(results))
        if scaling:
            print("\n" + render_scaling(scaling))
    if any(r.error for r in results):
        return 2
    return 0 if scaling is None or scaling.passed else 1


if __name__ == "__main__":
    sys.exit(main())
