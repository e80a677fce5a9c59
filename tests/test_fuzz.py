"""Property-based fuzzing: whatever the file or the arguments, trd loads cleanly or says why.

Bounded so CI stays quick: each property has a fixed example budget and no deadline.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import WIDTH, examples, invoke, widest_line, write_catalogue
from trdcli.loader import check_stack

FUZZ = examples(60)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates().map(str))
plain_data = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=30,
)


def _check_file(content: bytes, default: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(content)
        found, problems = check_stack(path, default=default)
        assert (found is None) == bool(problems)
        for problem in problems:
            assert problem.file is not None and problem.message


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_load_or_explain(content: bytes) -> None:
    _check_file(content, default=False)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#\n\t ,?%@`\\0123")),
               max_size=200))
def test_yaml_punctuation_soup_loads_or_explains(text: str) -> None:
    _check_file(text.encode("utf-8"), default=False)


@FUZZ
@given(plain_data)
def test_random_data_as_an_overlay(data: Any) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    _check_file(yaml.dump(data, Dumper=dumper, allow_unicode=True).encode("utf-8"), default=True)


def _paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, (*at, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, (*at, index))
    return found


@examples(40)
@given(data=st.data())
def test_mutating_the_shipped_catalogue(shipped_data: dict[str, Any], data: Any) -> None:
    mutated = copy.deepcopy(shipped_data)
    paths = [p for p in _paths(mutated) if p]
    target = data.draw(st.sampled_from(paths), label="path")
    value = data.draw(plain_data, label="value")
    parent = mutated
    for part in target[:-1]:
        parent = parent[part]
    parent[target[-1]] = value
    with tempfile.TemporaryDirectory() as folder:
        path = write_catalogue(Path(folder) / "mutated.yaml", mutated)
        found, problems = check_stack(path, default=False)
        assert (found is None) == bool(problems)


WORDS = ["list", "compare", "explain", "sources", "glossary", "crisis", "stage", "info",
         "validate", "--json", "--help", "--version", "--category", "--search", "--status",
         "--sort", "--severity", "--failed", "--duration-months", "--ect", "--augmentation",
         "--no-default", "--catalog", "ketamine", "tms", "ect", "vns", "trd", "madrs", "gb",
         "-1", "0", "3", "1e9", "nan", "", "-", "--", "severe", "medication", "onset"]


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6))
def test_random_arguments_never_crash(args: list[str]) -> None:
    result = invoke(*args)  # the runner re-raises anything the CLI did not handle
    assert result.exit_code in (0, 2, 3, 4), (args, result.exit_code)
    assert "Traceback" not in result.stderr


NAMES = {
    "rtl": "علاج بالضوء الساطع",
    "hebrew": "טיפול בהליכה",
    "wide": "散歩療法と運動の組み合わせ",
    "emoji": "Walking group 🚶‍♀️🌳",
    "long": "A very long option name " * 12,
    "combining": "Cafe\u0301 the\u0301rapy",
}


def test_unicode_and_long_names_keep_tables_within_the_width(tmp_path: Path) -> None:
    entries = [
        {"id": f"local-{key}", "name": name, "category": "lifestyle", "reviewed": "2026-11-20",
         "summary": f"{name}: {name}"}
        for key, name in NAMES.items()
    ]
    overlay = tmp_path / "unicode.yaml"
    overlay.write_text(yaml.safe_dump({"treatments": entries}, allow_unicode=True),
                       encoding="utf-8")
    ids = [e["id"] for e in entries]
    for args in (["list"], ["compare", *ids[:3]], ["compare", *ids[3:]], ["explain", ids[0]],
                 ["explain", ids[4]]):
        result = invoke("--catalog", str(overlay), *args)
        assert result.exit_code == 0, (args, result.stderr)
        widest = widest_line(result.stdout)
        assert widest <= WIDTH, (args, widest)
    listed = invoke("--catalog", str(overlay), "list", "--json").json()
    assert {t["name"] for t in listed["treatments"]} >= set(NAMES.values())
