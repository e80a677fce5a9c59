"""Write a synthetic catalogue of N treatments that trd accepts.

    python bench/synth.py [--lean] N OUT.yaml

Each synthetic treatment is a copy of a shipped one (taken round-robin) under a new id
(synthetic-00042), name (Synthetic option 00042) and aliases (each shipped alias with the id
appended, so every name stays unique). Its text, dates and source references are kept as
shipped, and the shipped sources, condition, glossary and crisis sections are kept whole, so
the file passes trd's validation exactly as the shipped one does. --lean copies one item
of each list instead (see ``lean``), for smaller, quicker files.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml
from _common import SHIPPED_CATALOGUE, int_at_least


class _NoAliasDumper(yaml.CSafeDumper):
    """Writes each copy out in full: no &anchors, which would make the file unrealistically
    small and hand the loader shared objects."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def load_catalogue_data(path: Path = SHIPPED_CATALOGUE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.load(stream, Loader=yaml.CSafeLoader)
    return data


def synthetic_ids(n: int) -> list[str]:
    """The ids ``synthesise(base, n)`` gives, zero-padded so no id is a prefix of another."""
    width = max(5, len(str(n)))
    return [f"synthetic-{number:0{width}d}" for number in range(1, n + 1)]


def lean(treatment: dict[str, Any]) -> dict[str, Any]:
    """``treatment`` with one item in each list of records (evidence, side effects...) and one
    alias: the same shape and fields in about 60% of the bytes."""
    return {key: value[:1] if isinstance(value, list) and value and isinstance(value[0], dict)
            else value
            for key, value in treatment.items()} | {"aliases": treatment["aliases"][:1]}


def synthesise(base: dict[str, Any], n: int, lean_copies: bool = False) -> dict[str, Any]:
    """``base`` with its treatments replaced by ``n`` renamed copies of them."""
    templates = base["treatments"]
    if lean_copies:
        templates = [lean(template) for template in templates]
    treatments = []
    for index, new_id in enumerate(synthetic_ids(n)):
        template = templates[index % len(templates)]
        number = new_id.removeprefix("synthetic-")
        treatments.append({
            **template,
            "id": new_id,
            "name": f"Synthetic option {number}",
            "aliases": [f"{alias} {new_id}" for alias in template["aliases"]],
        })
    return {**base, "treatments": treatments}


def write_synthetic(n: int, out: Path, lean_copies: bool = False,
                    base_path: Path = SHIPPED_CATALOGUE) -> list[str]:
    """Write a catalogue of ``n`` synthetic treatments to ``out``; the ids, in order."""
    data = synthesise(load_catalogue_data(base_path), n, lean_copies)
    with out.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True,
                  width=100)
    return [treatment["id"] for treatment in data["treatments"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int_at_least(1), help="how many treatments")
    parser.add_argument("out", type=Path, help="the YAML file to write")
    parser.add_argument("--lean", action="store_true",
                        help="copy one item of each list and one alias (about half the size)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    ids = write_synthetic(args.n, args.out, args.lean)
    seconds = time.perf_counter() - start
    size_mb = args.out.stat().st_size / 2**20
    print(f"wrote {len(ids)} treatments ({ids[0]} .. {ids[-1]}) to {args.out}: "
          f"{size_mb:.1f} MB in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
