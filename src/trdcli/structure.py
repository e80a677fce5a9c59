"""Turn plain YAML data into the model's dataclasses, collecting every problem.

No library does all of what this needs at once: field paths with list indices
(so a problem can be traced back to a line of YAML), "did you mean" for a
misspelt field, every problem reported rather than the first, and a start-up
cost small enough for a command-line tool. It is driven by the dataclasses'
type hints alone, so the model stays the single source of truth.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import types
import typing
from datetime import date, datetime
from typing import Any, Literal, Union, get_args, get_origin

from .errors import Problem
from .text import codepoint, first_control

Path = tuple[str | int, ...]


class _Invalid:
    """Marks a value that failed; its problems are already recorded."""


INVALID: Any = _Invalid()


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def required_fields(cls: type) -> frozenset[str]:
    return frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def describe(tp: Any) -> str:
    """A type as a person reads it in an error message."""
    origin = get_origin(tp)
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(tp))
    if origin in (Union, types.UnionType):
        return " or ".join(describe(a) for a in get_args(tp) if a is not type(None))
    if origin is list:
        return f"a list of {describe(get_args(tp)[0])}"
    if origin is dict:
        return "a mapping"
    if dataclasses.is_dataclass(tp):
        return "a mapping"
    names = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}
    return names.get(tp, "a date (YYYY-MM-DD)" if tp is date else getattr(tp, "__name__", str(tp)))


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", date: "a date"}.get(type(value), type(value).__name__)


def structure(tp: Any, value: Any, path: Path, problems: list[Problem]) -> Any:
    """Build ``tp`` from ``value``; on failure record problems and return INVALID."""

    def wrong() -> Any:
        problems.append(Problem("wrong-type", path,
                                f"expected {describe(tp)}, got {_type_name(value)}"))
        return INVALID

    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in get_args(tp):
            return None
        (inner,) = [a for a in get_args(tp) if a is not type(None)]
        return structure(inner, value, path, problems)
    if origin is Literal:
        allowed = get_args(tp)
        if value in allowed and isinstance(value, str):
            return value
        close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        problems.append(Problem("not-a-choice", path, f"{value!r} is not {describe(tp)}{hint}"))
        return INVALID
    if origin is list:
        if not isinstance(value, list):
            return wrong()
        (item_type,) = get_args(tp)
        items = [structure(item_type, v, (*path, i), problems) for i, v in enumerate(value)]
        return INVALID if any(i is INVALID for i in items) else items
    if origin is dict:
        if not isinstance(value, dict):
            return wrong()
        _, value_type = get_args(tp)
        out = {}
        for key, v in value.items():
            if not isinstance(key, str) or _text(key, (*path, key), problems) is INVALID:
                if not isinstance(key, str):
                    problems.append(Problem("wrong-type", (*path, str(key)), "keys must be text"))
                out[key] = INVALID
                continue
            out[key] = structure(value_type, v, (*path, key), problems)
        return INVALID if any(v is INVALID for v in out.values()) else out
    if dataclasses.is_dataclass(tp):
        return _structure_dataclass(tp, value, path, problems)
    if tp is float or tp is int:
        wanted = (int, float) if tp is float else (int,)
        if not isinstance(value, wanted) or isinstance(value, bool):
            return wrong()
        problem = number_problem(value)
        if problem is not None:
            problems.append(Problem(problem[0], path, problem[1]))
            return INVALID
        return tp(value)
    if tp is date:
        return _date(value, path, problems)
    if type(value) is not tp:
        return wrong()
    if tp is str:
        return _text(value, path, problems)
    return value


def _text(value: str, path: Path, problems: list[Problem]) -> Any:
    control = first_control(value)
    if control is None:
        return value
    problems.append(Problem("control-character", path, f"character {codepoint(control)} is a "
                            "terminal control, not text"))
    return INVALID


# Larger than any count, price, duration or year in this field; a value past it is a typo or an
# attack on whatever formats it.
MAX_MAGNITUDE = 10**9


def number_problem(value: float) -> tuple[str, str] | None:
    """(code, message) when ``value`` is NaN, infinite or absurdly large; None when usable."""
    if value != value or value in (float("inf"), float("-inf")):
        return "not-finite", f"{value} is not a number that can be compared"
    if abs(value) > MAX_MAGNITUDE:
        return "too-big", f"{value:g} is larger than {MAX_MAGNITUDE:,}"
    return None


def _date(value: Any, path: Path, problems: list[Problem]) -> Any:
    # Quoted ISO dates keep the file plain JSON-compatible data; YAML makes a date (or, for
    # "2026-01-01 10:00", a datetime, which is a date too in Python) of an unquoted one.
    if isinstance(value, datetime):
        problems.append(Problem("not-a-date", path, "a date has no time of day: write YYYY-MM-DD"))
        return INVALID
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(Problem("not-a-date", path,
                            f"expected a date (YYYY-MM-DD), got {_type_name(value)}"))
    return INVALID


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _structure_dataclass(cls: Any, value: Any, path: Path, problems: list[Problem]) -> Any:
    if not isinstance(value, dict):
        problems.append(Problem("not-a-mapping", path,
                                f"expected a mapping, got {_type_name(value)}"))
        return INVALID
    hints = type_hints(cls)
    before = len(problems)
    for key in value:
        if key not in hints:
            close = difflib.get_close_matches(str(key), list(hints), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            problems.append(Problem("unknown-field", (*path, str(key)), f"unknown field{hint}"))
    missing = sorted(required_fields(cls) - value.keys())
    for name in missing:
        problems.append(Problem("missing-field", (*path, name), "missing required field"))
    kwargs = {
        name: structure(hints[name], value[name], (*path, name), problems)
        for name in hints
        if name in value
    }
    if len(problems) > before:
        return INVALID
    return cls(**kwargs)


def to_jsonable(value: Any) -> Any:
    """Plain JSON data from a model object, keys in the dataclass's field order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def iter_values(value: Any, path: Path = ()) -> typing.Iterator[tuple[Path, Any]]:
    """Every field of a model object, depth first, with its path."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            child = getattr(value, f.name)
            yield (*path, f.name), child
            yield from iter_values(child, (*path, f.name))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield (*path, i), child
            yield from iter_values(child, (*path, i))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key), child
            yield from iter_values(child, (*path, key))
