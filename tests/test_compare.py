"""`trd compare`: treatments as columns, questions as rows, readable at 80 columns."""

from __future__ import annotations

import pytest

import trdcli
from conftest import WIDTH, invoke, widest_line
from trdcli.safety import DISCLAIMER

QUESTIONS = ["Approval (US)", "Warnings", "How well (remission)",
             "Number needed to treat", "How soon", "What is involved",
             "Common side effects", "Who should not have it", "Cost and access",
             "What guidelines say"]


@pytest.mark.parametrize("names", [
    ["ketamine", "tms"],
    ["ketamine", "esketamine", "ect"],
    ["ketamine", "esketamine", "ect", "vns", "psilocybin"],
])
def test_compare_shows_every_question_for_every_treatment_within_80_columns(
        names: list[str]) -> None:
    result = invoke("compare", *names)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert widest_line(result.stdout) <= WIDTH
    catalogue = trdcli.load_catalogue()
    flat = " ".join(" ".join(lines).split())
    for name in names:
        treatment = trdcli.resolve(catalogue, name)
        assert treatment.name.split()[0] in flat
    for question in QUESTIONS:
        assert question.split(" (")[0] in flat
    assert lines[-1] == DISCLAIMER


def test_compare_json_has_rows_and_full_entries() -> None:
    document = invoke("compare", "ketamine", "tms", "--json").json()
    assert document["command"] == "compare"
    assert document["ids"] == ["iv-ketamine", "rtms"]
    assert [row["question"] for row in document["rows"]] == QUESTIONS
    for row in document["rows"]:
        assert set(row["answers"]) == {"iv-ketamine", "rtms"}
    assert [t["id"] for t in document["treatments"]] == ["iv-ketamine", "rtms"]
    cited = {s for t in trdcli.resolve_many(trdcli.load_catalogue(), ["ketamine", "tms"])
             for s in t.source_ids()}
    assert {s["id"] for s in document["sources"]} == cited


def test_compare_answers_come_from_the_catalogue() -> None:
    catalogue = trdcli.load_catalogue()
    ect = trdcli.resolve(catalogue, "ect")
    row = next(r for r in trdcli.compare_rows([ect, trdcli.resolve(catalogue, "vns")])
               if r.key == "how_well")
    # Both have randomised response figures, so both cells give response, each from its own
    # randomised trial, with the design named.
    assert row.question == "How well (response)"
    assert "ELEKT-D" in row.answers["ect"] and "D-02" in row.answers["vns"]
    assert all("Randomised" in answer for answer in row.answers.values())


@pytest.mark.parametrize("names", [["ketamine"], ["ect", "vns", "tms", "cbt", "ssri", "digital"]])
def test_compare_needs_two_to_five(names: list[str]) -> None:
    result = invoke("compare", *names)
    assert result.exit_code == 2
    assert "compare takes 2 to 5 treatments" in result.stderr
    assert result.stdout == ""


def test_compare_refuses_the_same_treatment_twice() -> None:
    result = invoke("compare", "tms", "rtms")
    assert result.exit_code == 2
    assert "named twice: rtms" in result.stderr


def test_numbers_needed_to_treat_come_only_from_randomised_arms() -> None:
    import math

    from trdcli.query import numbers_needed

    catalogue = trdcli.load_catalogue()
    seen = 0
    for treatment in catalogue.treatments:
        rows = {(e.study, e.outcome): e for e in treatment.evidence or []}
        for derived in numbers_needed(treatment):
            seen += 1
            row = rows[(derived.study, derived.outcome)]
            assert "randomi" in row.design.lower()
            assert not any(word in row.design.lower()
                           for word in ("non-randomi", "registry", "reanalys"))
            difference = derived.treatment_percent - derived.comparator_percent
            assert difference > 0
            assert derived.nnt == math.ceil(round(100 / difference, 6))
            assert derived.nnt - 1 < 100 / difference <= derived.nnt
    assert seen >= 10
    vns = next(t for t in catalogue.treatments if t.id == "vns")
    assert all("Registry" not in n.study for n in numbers_needed(vns))  # not randomised


def test_nnt_is_labelled_derived_in_explain_compare_and_json() -> None:
    document = invoke("explain", "olanzapine-fluoxetine", "--json").json()
    (derived,) = document["numbers_needed_to_treat"]
    assert (derived["treatment_percent"], derived["comparator_percent"], derived["nnt"]) == (
        27.0, 17.0, 10)
    shown = invoke("explain", "olanzapine-fluoxetine", env={"COLUMNS": "400"}).stdout
    assert "number needed to treat 10 (derived by trd" in shown
    rows = invoke("compare", "olanzapine-fluoxetine", "ect", "--json").json()["rows"]
    (nnt,) = [r for r in rows if r["key"] == "nnt"]
    assert nnt["answers"]["olanzapine-fluoxetine"].startswith("10 (remission vs fluoxetine")
