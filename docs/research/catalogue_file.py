"""Read and write data/treatments.yaml for the research scripts, always in the same layout:
the first line (the schema comment) kept, 100 columns, dates double-quoted.

Scripts run from the project root and import it with:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from catalogue_file import load, save
"""
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path("data/treatments.yaml")
# A source record's fields (those of trdcli's Source dataclass), in the order the catalogue
# writes them.
SOURCE_FIELDS = ("title", "authors", "year", "publisher", "kind", "pmid", "doi", "url", "read_at")


def load() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return data


def save(data: dict[str, Any]) -> None:
    first_line = CATALOGUE.read_text(encoding="utf-8").split("\n", 1)[0]
    out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
                 flags=re.MULTILINE)
    CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")


def rename_references(node: Any, old: str, new: str) -> Any:
    """``node`` with every reference to source ``old`` made to ``new`` (a list that already
    named ``new`` does not name it twice)."""
    if isinstance(node, dict):
        return {key: rename_references(value, old, new) for key, value in node.items()}
    if isinstance(node, list):
        renamed = [rename_references(item, old, new) for item in node]
        return list(dict.fromkeys(renamed)) if all(isinstance(i, str) for i in renamed) else renamed
    return new if node == old else node


def merge_sources(data: dict[str, Any], merged: Mapping[str, str]) -> dict[str, Any]:
    """Fold each source ``old`` into ``new`` (several ids for one work); the kept record keeps
    its fields and takes from the other those it lacks (a PMID, a year, the copy read). Done
    merges are skipped."""
    for old, new in merged.items():
        record = data["sources"].pop(old, None)
        if record is None:
            continue
        kept = data["sources"][new]
        kept.update({field: value for field, value in record.items()
                     if value is not None and kept.get(field) is None})
        data = rename_references(data, old, new)
    return data


def source_record(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A research file's source record with only the catalogue's fields, in their order."""
    return {field: raw[field] for field in SOURCE_FIELDS if raw.get(field)}


def add_sources(data: dict[str, Any], records: Mapping[str, Mapping[str, Any]]) -> None:
    """Add research files' new source records; an id the catalogue has already is kept."""
    for source_id, raw in records.items():
        data["sources"].setdefault(source_id, source_record(raw))
