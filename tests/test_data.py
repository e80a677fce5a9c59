"""The shipped catalogue passes every data rule, and each rule catches a careless edit."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import trdcli
from conftest import documentation, invoke, write_catalogue
from trdcli import loader
from trdcli.errors import CatalogueError
from trdcli.model import ContraindicationTag

CATALOGUE = trdcli.load_catalogue()


def test_shipped_catalogue_has_no_problems() -> None:
    # As a file is checked: before class statements are laid into their members.
    assert loader.check_stack()[1] == []


def test_every_claim_cites_a_source_that_exists() -> None:
    cited = {s for t in CATALOGUE.treatments for s in t.source_ids()}
    cited |= set(CATALOGUE.condition.source_ids())
    assert cited <= set(CATALOGUE.sources)
    for treatment in CATALOGUE.treatments:
        for item in treatment.evidence:
            assert item.sources, (treatment.id, item.study)


def test_every_source_names_the_page_that_was_checked() -> None:
    for source_id, source in CATALOGUE.sources.items():
        assert source.url.startswith(("https://", "http://")), source_id


def test_source_urls_are_the_pages_themselves_not_proxies() -> None:
    # A proxy or redirector address (another URL inside the query) hides where the page is.
    wrapped = {source_id: source.url for source_id, source in CATALOGUE.sources.items()
               if re.search(r"[?&=]https?(:|%3A)", source.url, re.I) or "%2F%2F" in source.url}
    assert wrapped == {}


def test_off_label_and_investigational_are_labelled_in_the_summary() -> None:
    for treatment in CATALOGUE.treatments:
        status = treatment.status_for("FDA")
        assert status is not None, treatment.id
        if status.status in ("off-label", "investigational"):
            assert status.status in treatment.summary.casefold(), treatment.id


def test_devices_are_not_called_approved_unless_through_pma() -> None:
    for treatment in CATALOGUE.treatments:
        for reg in treatment.regulatory:
            if reg.product == "device" and reg.status == "approved":
                assert reg.pathway and "PMA" in reg.pathway, treatment.id


MUTATIONS: dict[str, tuple[Any, str]] = {
    "pmid": (lambda d: d["sources"][next(iter(d["sources"]))].update(pmid="PMID123"),
             "is not a PubMed id"),
    "doi": (lambda d: d["sources"][next(iter(d["sources"]))].update(doi="doi:10/x"),
            "is not a DOI"),
    "url": (lambda d: d["sources"][next(iter(d["sources"]))].update(url="pubmed"),
            "is not an http(s) URL"),
    "negative count": (lambda d: d["treatments"][0]["course"].update(weeks=-6),
                       "course.weeks: -6 is negative"),
    "percentage": (lambda d: d["treatments"][0]["evidence"][0].update(
        unit="%", treatment_value=140.0), "is not between 0 and 100"),
    "per_100": (lambda d: d["treatments"][0]["side_effects"].append(
        {"name": "x", "text": "x", "sources": d["treatments"][0]["headline"]["sources"],
         "per_100": -3}), "is not between 0 and 100"),
    "future year": (lambda d: d["treatments"][0]["evidence"][0].update(year=2999),
                    "is not between 1900"),
    "future review": (lambda d: d["treatments"][0].update(reviewed=date(2999, 1, 1)),
                      "is in the future"),
    "stale review": (lambda d: d["treatments"][0].update(reviewed=date(2001, 1, 1)),
                     "more than two years before"),
    "empty sources": (lambda d: d["treatments"][0]["headline"].update(sources=[]),
                      "cites no source"),
    "tag": (lambda d: d["treatments"][0]["contraindications"].append(
        {"tag": "pregnant", "level": "exclude", "text": "x",
         "sources": d["treatments"][0]["headline"]["sources"]}), "did you mean pregnancy?"),
    "range": (lambda d: d["treatments"][0]["onset"].update(days_min=30, days_max=2),
              "is more than days_max"),
    "n": (lambda d: d["treatments"][0]["evidence"][0].update(n=0), "must be at least 1"),
}


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_each_rule_catches_a_careless_edit(rule: str, tmp_path: Path,
                                           shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    mutate, message = MUTATIONS[rule]
    mutate(data)
    path = write_catalogue(tmp_path / "careless.yaml", data)
    with pytest.raises(CatalogueError) as caught:
        trdcli.load_catalogue(path, default=False)
    assert any(message in str(p) for p in caught.value.problems), caught.value.problems


def test_contraindication_vocabulary_is_the_documented_one() -> None:
    from typing import get_args

    documented = documentation()
    for tag in get_args(ContraindicationTag):
        assert f"`{tag}`" in documented, tag


# Optional in the model so an overlay can add an option with what it knows; never
# missing from what trd ships.
SHIPPED_REQUIRED = ("aliases", "description", "mechanism", "who_for", "headline", "regulatory",
                    "evidence", "onset", "course")


@pytest.mark.parametrize("treatment", CATALOGUE.treatments, ids=lambda t: t.id)
def test_shipped_entries_fill_every_core_field(treatment: trdcli.Treatment) -> None:
    missing = [name for name in SHIPPED_REQUIRED if getattr(treatment, name) in (None, [])]
    assert not missing


def test_shipped_catalogue_uses_no_yaml_anchors() -> None:
    # Anchors send every run through the slower alias-bomb check (see yamlfile._check_shape).
    text = trdcli.default_catalogue_path().read_text(encoding="utf-8")
    from trdcli import yamlfile

    assert not yamlfile._ANCHOR.search(text)


@pytest.mark.parametrize("treatment", CATALOGUE.treatments, ids=lambda t: t.id)
def test_shipped_courses_say_whether_they_are_at_home(treatment: trdcli.Treatment) -> None:
    # `trd match --at-home` depends on it; drive_after may stay unknown where no rule was found.
    assert treatment.course is not None and treatment.course.at_home is not None


def test_every_side_effect_comparison_names_its_comparator() -> None:
    compared = [(t.id, s) for t in CATALOGUE.treatments for s in t.side_effects or []
                if s.comparator_per_100 is not None]
    assert compared
    for treatment_id, effect in compared:
        assert effect.comparator, (treatment_id, effect.name)
        shown = invoke("explain", treatment_id, env={"COLUMNS": "400"}).stdout
        assert f"in 100 on {effect.comparator}" in shown, (treatment_id, effect.name)
