"""`trd sources` and `trd glossary`: the references behind an entry, the words views use."""

from __future__ import annotations

import re

import pytest

import trdcli
from conftest import invoke
from trdcli.model import citations
from trdcli.safety import DISCLAIMER

CATALOGUE = trdcli.load_catalogue()
# Words the evidence issue says the views use and the glossary must explain.
REQUIRED_TERMS = ["response", "remission", "madrs", "ham-d", "nmda", "bdnf", "rems",
                  "off-label", "cleared"]


@pytest.mark.parametrize("name", ["esketamine", "vns", "trd", "madrs"])
def test_sources_lists_every_reference_numbered_with_identifiers(name: str) -> None:
    topic = trdcli.resolve_topic(CATALOGUE, name)
    result = invoke("sources", name)
    assert result.exit_code == 0, result.stderr
    flat = "".join(result.stdout.split("\n"))
    numbers = re.findall(r"^\[(\d+)\]", result.stdout, flags=re.M)
    assert numbers == [str(n) for n in range(1, len(topic.source_ids()) + 1)]
    for source_id in topic.source_ids():
        source = CATALOGUE.sources[source_id]
        assert source.url[:40] in flat
        if source.pmid:
            assert f"PMID {source.pmid}" in flat
    assert "Backs:" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == DISCLAIMER


def test_sources_json_says_which_field_each_source_backs() -> None:
    document = invoke("sources", "ketamine", "--json").json()
    topic = trdcli.resolve(CATALOGUE, "ketamine")
    expected = citations(topic)
    assert document["id"] == topic.id
    assert [s["id"] for s in document["sources"]] == list(expected)
    for source in document["sources"]:
        assert source["cited_by"] == expected[source["id"]]
    assert "headline" in document["sources"][0]["cited_by"]


def test_explain_numbers_match_sources_numbers() -> None:
    explained = invoke("explain", "ect", "--json").json()["sources"]
    listed = invoke("sources", "ect", "--json").json()["sources"]
    assert [(s["ref"], s["id"]) for s in explained] == [(s["ref"], s["id"]) for s in listed]


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_required_terms_are_explained_with_sources(term: str) -> None:
    result = invoke("glossary", term, "--json")
    assert result.exit_code == 0, result.stderr
    (entry,) = result.json()["terms"]
    assert entry["text"] and entry["sources"]
    assert invoke("explain", term).exit_code == 0


def test_glossary_lists_every_term() -> None:
    result = invoke("glossary")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    for term in CATALOGUE.glossary:
        assert term.name in flat
    assert result.stdout.rstrip().splitlines()[-1] == DISCLAIMER


def test_a_treatment_alias_wins_over_a_term_in_explain() -> None:
    assert invoke("explain", "itbs", "--json").json()["kind"] == "treatment"
    assert invoke("glossary", "theta-burst", "--json").json()["terms"][0]["id"] == "theta-burst"


def test_unknown_term() -> None:
    result = invoke("glossary", "flibbertigibbet")
    assert result.exit_code == 3
    assert "unknown glossary term" in result.stderr


# Names a person reads as names, not as abbreviations to look up: places and currencies,
# journals and a drug reference, roman numerals, and trials named in the text (most trials
# are also named in an evidence row's `study`, which counts by itself).
PROPER_NAMES = {"US", "UK", "EU", "AUD", "CAD", "JAMA", "BMJ", "MIMS", "II", "III",
                "RECOVER", "TRANSCEND", "EMBRACE", "STRIDE-1", "COMET", "TRANSFORM-1"}
ABBREVIATION = re.compile(r"\b[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z](?:[-/][A-Z0-9]+)*s?\b")


def _patient_text(t: trdcli.Treatment) -> list[str]:
    texts = [t.summary, t.description or "", t.who_for or "",
             t.headline.text if t.headline else "", t.onset.text if t.onset else "",
             t.course.summary if t.course else "", t.durability.text if t.durability else "",
             t.cost.text if t.cost else ""]
    return texts + [s.text for s in t.side_effects or []] + [
        c.text for c in t.contraindications or []] + [w.text for w in t.warnings or []]


def test_every_abbreviation_a_patient_reads_can_be_looked_up() -> None:
    from trdcli.errors import NameNotFound

    # "STAR*D" and "TRANSFORM-2" name a trial, and so do "STAR" and "TRANSFORM" within them.
    studies = {word for t in CATALOGUE.treatments for e in t.evidence or []
               for pattern in (r"[A-Z][A-Z0-9*-]+", r"[A-Z][A-Z0-9]+")
               for word in re.findall(pattern, e.study)}
    unexplained = set()
    for treatment in CATALOGUE.treatments:
        for text in _patient_text(treatment):
            for found in ABBREVIATION.findall(text):
                if found in PROPER_NAMES or found in studies or found.rstrip("s") in studies:
                    continue
                try:
                    trdcli.resolve_topic(CATALOGUE, found)
                except NameNotFound:
                    unexplained.add((treatment.id, found))
    assert not unexplained, "add a glossary entry (or, for a name, PROPER_NAMES)"
