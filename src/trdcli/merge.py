"""Lay catalogue files over one another, field by field, remembering where each value came from.

The model's type hints drive the merge, as they drive ``structure``:

- a mapping of fields (a dataclass) merges key by key, so an overlay that names one field of
  an entry changes that field and keeps the rest; except that a cited statement (a mapping
  with its own ``sources`` list: a claim, a cost, a course...) is replaced whole, so no
  statement ends up attributed to sources that do not back it;
- ``sources`` (a mapping of id -> source) merges source by source;
- a list of keyed entries (``treatments``, ``glossary``, crisis ``countries``: dataclasses with
  a field marked ``merge_key``) merges entry by entry: an id seen before is changed field by
  field, a new id is added at the end;
- anything else (text, numbers, plain lists such as ``aliases`` or ``evidence``) is replaced.

Problems are reported against the file and the path inside that file, never the merged whole.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import types
from dataclasses import dataclass, field
from typing import Any, Union, get_args, get_origin

from .model import Catalogue
from .structure import Path, required_fields, type_hints

Origin = tuple[int, Path]  # (index of the file in the stack, path inside that file)


@dataclass
class Changes:
    """What one file did to the keyed lists, for `trd info`."""

    added: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)


# What a stack of files came to; here rather than in loader so that code which only
# describes a stack (the JSON documents, the cache) need not import YAML.
@dataclass(frozen=True)
class LayerInfo:
    """What `trd info` shows about one file in force."""

    file: str
    shipped: bool
    sha256: str
    version: str | None
    released: str | None
    added: dict[str, list[str]]
    changed: dict[str, list[str]]


@dataclass(frozen=True)
class Stack:
    catalogue: Catalogue
    layers: list[LayerInfo]

    def __post_init__(self) -> None:
        from pathlib import PurePath

        from .model import name_catalogue

        parts = [layer.version or "" if layer.shipped
                 else PurePath(layer.file).name + (f" ({layer.version})" if layer.version else "")
                 for layer in self.layers]
        name_catalogue(self.catalogue, "catalogue " + " + ".join(parts))


@dataclass
class Merged:
    data: Any = None
    origins: dict[Path, Origin] = field(default_factory=dict)
    problems: list[tuple[int, Path, str, str]] = field(  # (file, path, code, message)
        default_factory=list)
    changes: list[Changes] = field(default_factory=list)

    def origin(self, path: Path) -> Origin:
        """The file and in-file path a merged path came from (the deepest file that set it)."""
        for cut in range(len(path), -1, -1):
            found = self.origins.get(path[:cut])
            if found is not None:
                layer, inner = found
                return layer, inner + path[cut:]
        return 0, path


@functools.cache
def merge_key(tp: Any) -> str | None:
    """The field that identifies an entry of a keyed list, if ``tp`` is such an entry."""
    if not (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
        return None
    return next((f.name for f in dataclasses.fields(tp) if f.metadata.get("merge_key")), None)


@functools.cache
def cited_unit(tp: type) -> bool:
    """A statement whose fields all rest on its one ``sources`` list."""
    return type_hints(tp).get("sources") == list[str]


def _unwrap(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return inner[0] if len(inner) == 1 else tp
    return tp


def stack(root_type: type, layers: list[Any]) -> Merged:
    """Merge each file's plain data over the ones before it."""
    merged = Merged()
    for index, data in enumerate(layers):
        merged.changes.append(Changes())
        if merged.data is None:
            merged.data = data
            merged.origins[()] = (index, ())
        else:
            merged.data = _merge(root_type, merged.data, data, (), (), index, merged)
    return merged


def _merge(tp: Any, old: Any, new: Any, at: Path, inner: Path, layer: int, m: Merged) -> Any:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if isinstance(old, dict) and isinstance(new, dict):
        if isinstance(tp, type) and dataclasses.is_dataclass(tp) and not cited_unit(tp):
            hints = type_hints(tp)
            out = dict(old)
            for key, value in new.items():
                child_type = hints.get(key) if isinstance(key, str) else None
                out[key] = (_merge(child_type, old[key], value, (*at, key), (*inner, key), layer, m)
                            if key in old and child_type is not None
                            else _take(value, (*at, key), (*inner, key), layer, m))
            return out
        if origin is dict:
            (_, value_type) = get_args(tp)
            out = dict(old)
            for key, value in new.items():
                out[key] = (_merge(value_type, old[key], value, (*at, key), (*inner, key), layer, m)
                            if key in old
                            else _take(value, (*at, key), (*inner, key), layer, m))
            return out
    if origin is list and isinstance(old, list) and isinstance(new, list):
        (item_type,) = get_args(tp)
        key = merge_key(item_type)
        if key is not None:
            return _merge_keyed(item_type, key, old, new, at, inner, layer, m)
    return _take(new, at, inner, layer, m)


def _take(value: Any, at: Path, inner: Path, layer: int, m: Merged) -> Any:
    m.origins[at] = (layer, inner)
    return value


def _merge_keyed(item_type: Any, key: str, old: list[Any], new: list[Any], at: Path,
                 inner: Path, layer: int, m: Merged) -> list[Any]:
    out = list(old)
    position = {item.get(key): i for i, item in enumerate(old) if isinstance(item, dict)}
    seen: set[object] = set()
    changes = m.changes[layer]
    list_name = str(at[-1]) if at else ""
    for j, item in enumerate(new):
        ident = item.get(key) if isinstance(item, dict) else None
        if not isinstance(ident, str):
            out.append(_take(item, (*at, len(out)), (*inner, j), layer, m))
            continue
        if ident in seen:
            m.problems.append((layer, (*inner, j, key), "duplicate-id",
                               f"{ident!r} appears twice in this file"))
            continue
        seen.add(ident)
        if ident in position:
            i = position[ident]
            out[i] = _merge(item_type, out[i], item, (*at, i), (*inner, j), layer, m)
            changes.changed.setdefault(list_name, []).append(ident)
            continue
        missing = sorted(required_fields(item_type) - item.keys())
        if missing:
            close = difflib.get_close_matches(ident, [str(k) for k in position], n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            m.problems.append((layer, (*inner, j, key), "unknown-id",
                               f"no earlier file has {key} {ident!r} to change{hint}; a new entry "
                               f"needs every required field (missing: {', '.join(missing)})"))
            continue
        position[ident] = len(out)
        out.append(_take(item, (*at, len(out)), (*inner, j), layer, m))
        changes.added.setdefault(list_name, []).append(ident)
    return out
