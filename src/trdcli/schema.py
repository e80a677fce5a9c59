"""JSON Schema of the catalogue file, generated from the model's dataclasses.

Editors that speak the YAML language server validate a catalogue as it is typed; the
overlay variant drops "required", since an overlay names only what it changes.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
from datetime import date
from typing import Any, Literal, Union, get_args, get_origin

from .model import Catalogue
from .structure import required_fields, type_hints

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS = {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}, date: {"type": "string", "format": "date"}}


def catalogue_schema(overlay: bool = False) -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = _schema(Catalogue, definitions, overlay)
    title = "trd catalogue overlay" if overlay else "trd catalogue"
    return {"$schema": DIALECT, "title": title, **root, "$defs": definitions}


def _schema(tp: Any, definitions: dict[str, Any], overlay: bool) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(tp) if a is not type(None)]  # the model's only unions
        schema = _schema(inner, definitions, overlay)
        if isinstance(schema.get("type"), str):
            return {**schema, "type": [schema["type"], "null"]}
        return {"anyOf": [schema, {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _schema(get_args(tp)[0], definitions, overlay)}
    if origin is dict:
        return {"type": "object",
                "additionalProperties": _schema(get_args(tp)[1], definitions, overlay)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder first: the model may refer back to itself
            body: dict[str, Any] = {
                "type": "object",
                "properties": {field: _schema(hint, definitions, overlay)
                               for field, hint in type_hints(tp).items()},
                "additionalProperties": False,
            }
            doc = inspect.getdoc(tp)
            if doc and not doc.startswith(f"{name}("):
                body["description"] = doc.split("\n\n")[0].replace("\n", " ")
            required = [f.name for f in dataclasses.fields(tp) if f.name in required_fields(tp)]
            if required and not overlay:
                body["required"] = required
            definitions[name] = body
        return {"$ref": f"#/$defs/{name}"}
    return dict(_SCALARS[tp])
