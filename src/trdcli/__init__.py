"""trd: treatment options for treatment-resistant depression, with sources.

A script gets the same answers as the command line::

    import trdcli
    catalogue = trdcli.load_catalogue()
    ketamine = trdcli.resolve(catalogue, "ketamine")
    rows = trdcli.compare_rows(trdcli.resolve_many(catalogue, ["ketamine", "ect"]))

Nothing here imports Typer or Rich.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Catalogue", "CatalogueError", "Condition", "ExitCode", "NameNotFound", "Problem",
    "Treatment", "compare_rows", "course_cost", "default_catalogue_path", "efficacy_figure",
    "like_for_like", "load_catalogue", "match", "numbers_needed", "resolve", "resolve_many",
    "resolve_topic", "select", "status_label",
]

_HOMES = {
    "Catalogue": "model", "Condition": "model", "Treatment": "model",
    "CatalogueError": "errors", "ExitCode": "errors", "NameNotFound": "errors",
    "Problem": "errors",
    "default_catalogue_path": "loader", "load_catalogue": "loader",
    "compare_rows": "query", "resolve": "query", "resolve_many": "query",
    "resolve_topic": "query", "select": "query", "status_label": "query",
    "course_cost": "query", "efficacy_figure": "query", "like_for_like": "query",
    "numbers_needed": "query", "match": "match",
}


def __getattr__(name: str) -> Any:
    # Lazy, so `trd --help` does not pay for YAML and the model.
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'trdcli' has no attribute {name!r}")
