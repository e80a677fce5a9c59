"""Start-up cost of trd's commands, as a multiple of the floor measured in the same run.

    python bench/startup.py [--runs N] [--warmup N] [--python PATH] [--no-cache] [--json]

The floor is a bare Python that parses the shipped catalogue with the C YAML loader and
serialises it to JSON: what any catalogue command must pay at least. The budgets are for a
warm cache, as on every run after the first; with --no-cache the ratios are shown without
budgets. Exits 1 if a command is over its budget, 2 if a command fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass

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
    measure,
    memory_note,
    own_peak_mb,
)

FLOOR = "floor (parse + json)"


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    budget: float  # the most the median may be, as a multiple of the floor's median


CASES = (
    Case("list --json", ("list", "--json"), 1.5),
    Case("list", ("list",), 2.0),
    Case("compare ketamine tms ect", ("compare", "ketamine", "tms", "ect"), 2.0),
    Case("explain vns", ("explain", "vns"), 2.0),
    Case("--help", ("--help",), 3.0),
)


@dataclass(frozen=True)
class Row:
    command: str
    median_ms: float
    ratio: float
    budget: float | None
    peak_mb: float

    @property
    def passed(self) -> bool:
        return self.budget is None or self.ratio <= self.budget


def run_benchmark(args: argparse.Namespace) -> list[Row]:
    trd = find_trd(args.python)
    commands = {FLOOR: floor_argv(args.python, SHIPPED_CATALOGUE)}
    commands |= {case.name: [trd, *case.args] for case in CASES}
    with child_env(args.no_cache) as env:
        samples = measure(commands, args.runs, args.warmup, env)
    summaries = {name: Summary.of(s) for name, s in samples.items()}
    floor = summaries[FLOOR].median_ms
    budgets: dict[str, float | None] = {FLOOR: None} | {
        case.name: None if args.no_cache else case.budget for case in CASES}
    return [Row(name, s.median_ms, s.median_ms / floor, budgets[name], s.peak_mb)
            for name, s in summaries.items()]


def render_table(rows: list[Row]) -> str:
    def verdict(row: Row) -> str:
        return "-" if row.budget is None else ("PASS" if row.passed else "FAIL")

    cells = [[f"trd {row.command}" if row.command != FLOOR else row.command,
              f"{row.median_ms:.1f}", f"{row.ratio:.2f}x",
              "-" if row.budget is None else f"<= {row.budget:.1f}x",
              verdict(row), f"{row.peak_mb:.1f}"]
             for row in rows]
    headers = ["command", "median ms", "ratio", "budget", "result", "peak MB"]
    return format_table(headers, cells, "lrrrlr")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_options(parser, runs=15, warmup=2)
    args = parser.parse_args(argv)
    machine = Machine.probe(args.python)
    try:
        rows = run_benchmark(args)
    except CommandFailed as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    ok = all(row.passed for row in rows)
    if args.json:
        document = {"machine": asdict(machine), "runs": args.runs, "warmup": args.warmup,
                    "no_cache": args.no_cache, "catalogue": str(SHIPPED_CATALOGUE),
                    "bench_peak_mb": own_peak_mb(), "ok": ok,
                    "commands": [asdict(row) | {"passed": row.passed} for row in rows]}
        print(json.dumps(document, indent=2))
    else:
        print(machine.describe())
        print(f"{args.runs} runs per command after {args.warmup} warm-up, round-robin; "
              f"ratio = median / floor median; {cache_note(args.no_cache)}\n")
        print(render_table(rows))
        print(memory_note())
        print(f"\n{'all budgets met' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
