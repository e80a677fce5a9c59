"""JSON Schemas generated from the dataclasses: the catalogue file and trd's JSON output.

Editors that speak the YAML language server validate a catalogue as it is typed; the
overlay variant drops "required", since an overlay names only what it changes. In the
output every key is always present (null where unknown), so every key is required.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
from datetime import date
from typing import Any, Literal, Union, get_args, get_origin

from .model import Catalogue
from .structure import required_fields, type_hints

Mode = Literal["catalogue", "overlay", "output"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS = {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}, date: {"type": "string", "format": "date"}}


def catalogue_schema(overlay: bool = False) -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = _schema(Catalogue, definitions, "overlay" if overlay else "catalogue")
    title = "trd catalogue overlay" if overlay else "trd catalogue"
    return {"$schema": DIALECT, "title": title, **root, "$defs": definitions}


def output_schema() -> dict[str, Any]:
    """Every JSON document a trd command prints; `command` (and `kind`) tell them apart."""
    from .documents import DOCUMENTS

    definitions: dict[str, Any] = {}
    variants = [_schema(document, definitions, "output") for document in DOCUMENTS]
    return {"$schema": DIALECT, "title": "trd JSON output", "oneOf": variants,
            "$defs": definitions}


def _schema(tp: Any, definitions: dict[str, Any], mode: Mode) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        members = [_schema(a, definitions, mode) for a in get_args(tp)]
        types_ = [m.get("type") for m in members]
        if len(members) == 2 and {"type": "null"} in members and isinstance(types_[0], str):
            return {**members[0], "type": [types_[0], "null"]}
        return {"anyOf": members}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin in (list, tuple):
        return {"type": "array", "items": _schema(get_args(tp)[0], definitions, mode)}
    if origin is dict:
        return {"type": "object",
                "additionalProperties": _schema(get_args(tp)[1], definitions, mode)}
    if tp is type(None):
        return {"type": "null"}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder first: the model may refer back to itself
            fields = [f.name for f in dataclasses.fields(tp)]
            body: dict[str, Any] = {
                "type": "object",
                "properties": {field: _schema(hint, definitions, mode)
                               for field, hint in type_hints(tp).items()},
                "additionalProperties": False,
            }
            doc = inspect.getdoc(tp)
            if doc and not doc.startswith(f"{name}("):
                body["description"] = doc.split("\n\n")[0].replace("\n", " ")
            required = {"catalogue": [f for f in fields if f in required_fields(tp)],
                        "overlay": [], "output": fields}[mode]
            if required:
                body["required"] = required
            definitions[name] = body
        return {"$ref": f"#/$defs/{name}"}
    return dict(_SCALARS[tp])
