"""`trd explain`: everything about one option, each claim pointing at its sources."""

from __future__ import annotations

import re

import pytest

import trdcli
from conftest import invoke
from trdcli.safety import DISCLAIMER

SECTIONS = ["Warnings", "What it is", "How it is thought to work", "Who it is for",
            "How well it works", "How soon", "What a course involves", "How long it lasts",
            "Maintenance", "Side effects", "Who should avoid it or take care",
            "Regulatory status", "What guidelines say", "Cost and access", "Sources"]
CATALOGUE = trdcli.load_catalogue()
OPTIONAL_BLOCKS = ("guidelines", "durability", "maintenance", "side_effects",
                   "contraindications", "warnings", "cost")
# The options the core issue requires, each with every field filled.
CORE_SET = ["iv-ketamine", "esketamine", "rtms", "ect", "vns", "psilocybin",
            "switching-optimisation", "lithium", "aripiprazole", "psychotherapy", "digital",
            "lifestyle"]


@pytest.mark.parametrize("treatment", CATALOGUE.treatments, ids=lambda t: t.id)
def test_explain_view_has_every_section_and_numbered_sources(treatment: trdcli.Treatment) -> None:
    result = invoke("explain", treatment.id)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    positions = [text.index("\n" + section + "\n") for section in SECTIONS]
    assert positions == sorted(positions)
    sources_part = text[positions[-1]:]
    listed = re.findall(r"^\[(\d+)\]", sources_part, flags=re.M)
    assert listed == [str(n) for n in range(1, len(treatment.source_ids()) + 1)]
    for source_id in treatment.source_ids():
        assert CATALOGUE.sources[source_id].url[:40] in "".join(sources_part.split("\n"))
    cited = {int(n) for group in re.findall(r"\[([\d,]+)\]", text[:positions[-1]])
             for n in group.split(",")}
    assert cited == set(range(1, len(listed) + 1))
    unconfirmed = [name for name in OPTIONAL_BLOCKS if getattr(treatment, name) is None]
    assert text.count("No confirmed information yet.") == len(unconfirmed)
    assert text.rstrip().splitlines()[-1] == DISCLAIMER


@pytest.mark.parametrize("treatment", CATALOGUE.treatments, ids=lambda t: t.id)
def test_explain_json_carries_the_whole_entry(treatment: trdcli.Treatment) -> None:
    document = invoke("explain", treatment.id, "--json").json()
    entry = document["treatment"]
    assert document["kind"] == "treatment"
    assert entry["evidence"], "every entry cites at least one evidence item"
    assert entry["regulatory"] and entry["onset"] and entry["course"]
    if treatment.id in CORE_SET:
        for field in OPTIONAL_BLOCKS:
            assert entry[field] is not None, field
    assert [s["id"] for s in document["sources"]] == treatment.source_ids()
    assert [s["ref"] for s in document["sources"]] == list(range(1, len(document["sources"]) + 1))


def test_core_set_is_in_the_catalogue() -> None:
    assert set(CORE_SET) <= {t.id for t in CATALOGUE.treatments}


def test_explain_trd_covers_definition_and_contributing_factors() -> None:
    result = invoke("explain", "treatment-resistant depression")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split()).casefold()
    assert "two" in text and "antidepressant" in text
    for factor in ("neurotransmitter", "neuroplasticity", "inflammation", "stress"):
        assert factor in text, factor
    assert result.stdout.rstrip().splitlines()[-1] == DISCLAIMER


def test_boxed_warnings_and_rems_come_first_in_the_card_and_before_the_detail() -> None:
    text = invoke("explain", "esketamine").stdout
    card = text[text.index("At a glance"):text.index("\nWarnings\n")]
    assert "Main risks: Boxed warning; Restricted safety programme (REMS)" in card
    warnings = text.index("\nWarnings\n")
    assert warnings < text.index("\nWhat it is\n")
    block = text[warnings:text.index("\nWhat it is\n")]
    assert "Boxed warning:" in block and "(REMS):" in block


CARD = ["What it is", "How well, and against what", "How soon", "What it involves",
        "Main risks", "Status (US)", "Cost"]


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_explain_opens_with_the_summary_card_in_every_format(fmt: str) -> None:
    full = invoke("explain", "esketamine", "--format", fmt).stdout
    brief = invoke("explain", "esketamine", "--format", fmt, "--brief").stdout
    positions = [full.index(label) for label in CARD]
    assert positions == sorted(positions)
    assert positions[-1] < full.index("How it is thought to work")
    assert all(label in brief for label in CARD)
    assert "How it is thought to work" not in brief and len(brief) < len(full) / 3


def test_the_card_is_in_json_with_its_sources() -> None:
    document = invoke("explain", "esketamine", "--json").json()
    assert [line["label"] for line in document["card"]] == CARD
    numbered = {s["id"] for s in document["sources"]}
    assert all(set(line["sources"]) <= numbered for line in document["card"])
    how_well = document["card"][1]
    assert how_well["text"] == document["treatment"]["headline"]["text"]
