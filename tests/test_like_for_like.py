"""Like for like: evidence rows carry what a comparison needs; compare sets one outcome beside
the same outcome, randomised first; `match --priority efficacy` ranks by a stated rule over
comparable randomised trials; costs compare by course within one currency; onset sorts by
sourced days."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import trdcli
from conftest import invoke
from trdcli.model import RANDOMISED
from trdcli.query import (
    MIN_RANKED_PEOPLE,
    course_cost,
    earliest_onset,
    efficacy_figure,
    like_for_like,
    per_100,
)

CATALOGUE = trdcli.load_catalogue()
BY_ID = {t.id: t for t in CATALOGUE.treatments}


def test_every_shipped_evidence_row_says_its_design_and_comparator() -> None:
    for t in CATALOGUE.treatments:
        for row in t.evidence or []:
            assert row.design_kind and row.comparator_kind, (t.id, row.study)
            if row.design_kind in RANDOMISED:
                assert row.comparator_kind != "none", (t.id, row.study)
            if row.design_kind == "single-arm":
                assert row.comparator_kind == "none", (t.id, row.study)


@pytest.mark.parametrize(("names", "outcome"), [
    (["ketamine", "tms"], "remission"),
    (["esketamine", "ect", "vns"], "response"),
])
def test_compare_sets_one_outcome_from_randomised_trials_beside_each_other(
        names: list[str], outcome: str) -> None:
    document = invoke("compare", *names, "--json").json()
    row = next(r for r in document["rows"] if r["key"] == "how_well")
    assert row["question"] == f"How well ({outcome})"
    for best in document["like_for_like"]:
        evidence = best["evidence"]
        assert best["outcome"] == outcome and evidence["outcome"] == outcome
        assert best["randomised"] and evidence["design_kind"] in RANDOMISED
        text = row["answers"][best["treatment"]]
        assert per_100(evidence["treatment_value"]) in text
        assert per_100(evidence["comparator_value"]) in text and evidence["study"] in text


def test_a_figure_that_is_not_randomised_is_never_set_beside_one_as_its_equal() -> None:
    rtms = BY_ID["rtms"]
    registry_only = replace(rtms, evidence=[e for e in rtms.evidence or []
                                            if e.design_kind not in RANDOMISED])
    best = {b.treatment: b for b in like_for_like([BY_ID["deep-tms"], registry_only])}
    assert best["deep-tms"].randomised
    assert not best["rtms"].randomised
    assert best["rtms"].text.startswith("Not randomised, so not comparable")


def test_a_disputed_figure_says_so() -> None:
    stard = BY_ID["switching-optimisation"]
    only_disputed = replace(stard, evidence=[e for e in stard.evidence or [] if e.disputed])
    (best,) = [b for b in like_for_like([only_disputed, BY_ID["ect"]])
               if b.treatment == stard.id]
    assert best.text.startswith("Disputed figure")


def test_an_option_without_the_shared_outcome_says_so_rather_than_showing_another() -> None:
    best = {b.treatment: b for b in like_for_like([BY_ID["ect"], BY_ID["psilocybin"]])}
    assert best["psilocybin"].evidence is None
    assert best["psilocybin"].text.startswith(f"No {best['ect'].outcome} figure")


def test_efficacy_ranks_by_the_stated_rule_and_shows_the_figure_it_used() -> None:
    document = invoke("match", "--priority", "efficacy", "--json").json()
    assert "randomised trials of 100 or more people" in document["ordering_rule"]
    ranks = []
    for screened in document["fits"]:
        figure = efficacy_figure(BY_ID[screened["id"]])
        if figure is None:
            assert screened["ranked_by"].startswith("not ranked")
            ranks.append(None)
            continue
        assert figure.evidence.design_kind in RANDOMISED
        assert (figure.evidence.n or 0) >= MIN_RANKED_PEOPLE
        assert figure.evidence.study in screened["ranked_by"]
        ranks.append(figure.rank)
    known = [r for r in ranks if r is not None]
    assert known == sorted(known) and ranks[:len(known)] == known  # unranked come last
    order = [s["id"] for s in document["fits"]]
    # A 33-person walking trial no longer outranks a 1,522-person trial.
    assert order.index("aripiprazole") < order.index("lifestyle")


def test_cost_sort_uses_course_cost_within_one_currency() -> None:
    document = invoke("list", "--sort", "cost", "--json").json()
    seen = [(course_cost(BY_ID[item["id"]]), item["course_cost"])
            for item in document["treatments"]]
    for derived, shown in seen:
        assert (derived is None) == (shown is None)
    costs = [derived for derived, _ in seen]
    known = [c for c in costs if c is not None]
    assert costs[:len(known)] == known  # options with no course cost come last
    usd = [c.low for c in known if c.currency == "USD"]
    assert usd == sorted(usd) and all(c.currency == "USD" for c in known[:len(usd)])
    rtms = course_cost(BY_ID["rtms"])
    assert rtms is not None and rtms.low == 300 * 30 and "30 sessions" in rtms.assumption


def test_onset_sorts_by_sourced_days_and_every_option_has_some() -> None:
    assert all(earliest_onset(t) is not None for t in CATALOGUE.treatments)
    order = [item["id"] for item in invoke("list", "--sort", "onset", "--json").json()[
        "treatments"]]
    assert order.index("deep-tms") < order.index("dbs")
    assert order.index("rtms") < order.index("psychotherapy")
    days = [earliest_onset(BY_ID[i]) for i in order]
    assert days == sorted(days)


def test_a_clinic_row_that_does_not_say_its_design_is_not_set_beside_randomised_ones(
        tmp_path: Path) -> None:
    overlay = tmp_path / "clinic.yaml"
    overlay.write_text(
        "sources:\n  clinic-audit: {title: Clinic audit, kind: cohort, url: 'https://c.example/a'}\n"
        "treatments:\n  - id: rtms\n    evidence:\n      - {study: Clinic audit, design: audit,"
        " population: our patients, outcome: remission, measure: MADRS 10 or less,"
        " timepoint: 6 weeks, treatment_value: 60, unit: '%', n: 500,"
        " sources: [clinic-audit]}\n", encoding="utf-8")
    document = invoke("--catalog", str(overlay), "compare", "rtms", "ketamine", "--json").json()
    best = {b["treatment"]: b for b in document["like_for_like"]}
    assert best["rtms"]["evidence"]["study"] == "Clinic audit"
    assert not best["rtms"]["randomised"]
    assert best["rtms"]["text"].startswith("Design not stated, so not comparable")
