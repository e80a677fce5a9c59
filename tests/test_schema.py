"""The JSON Schema comes from the model, matches the shipped file, and accepts real catalogues."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import invoke
from trdcli.loader import default_catalogue_path

ROOT = Path(__file__).parents[1]


def _schema(which: str) -> dict[str, Any]:
    result = invoke("schema", which)
    assert result.exit_code == 0
    document: dict[str, Any] = result.json()
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def test_shipped_schema_file_is_the_generated_one() -> None:
    shipped = json.loads((ROOT / "data" / "catalogue.schema.json").read_text(encoding="utf-8"))
    assert shipped == _schema("catalogue"), "run: trd schema > data/catalogue.schema.json"


def test_shipped_catalogue_names_its_schema_for_editors() -> None:
    first = default_catalogue_path().read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=catalogue.schema.json"


def test_shipped_catalogue_is_valid_against_the_schema(shipped_data: dict[str, Any]) -> None:
    jsonschema.validate(shipped_data, _schema("catalogue"))


def test_example_overlay_is_valid_against_the_overlay_schema() -> None:
    overlay = yaml.safe_load((ROOT / "examples" / "clinic-overlay.yaml").read_text("utf-8"))
    jsonschema.validate(overlay, _schema("overlay"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(overlay, _schema("catalogue"))  # an overlay is not a catalogue


@pytest.mark.parametrize(("mutate", "complaint"), [
    (lambda d: d["treatments"][0].update(aliase=[]), "Additional properties"),
    (lambda d: d["treatments"][0].update(category="drug"), "is not one of"),
    (lambda d: d["treatments"][0].pop("name"), "'name' is a required property"),
    (lambda d: d["sources"][next(iter(d["sources"]))].update(year="2020"), "is not of type"),
])
def test_schema_rejects_what_the_loader_rejects(shipped_data: dict[str, Any], mutate: Any,
                                                complaint: str) -> None:
    data = copy.deepcopy(shipped_data)
    mutate(data)
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate(data, _schema("catalogue"))
    assert complaint in caught.value.message
