"""The safety screen of the shipped catalogue: every option states a sourced position on every
situation people screen for, and the cells no source could yet fill are listed here, each with
what was searched, so that none goes missing silently (`trd match` shows them as not assessed)."""

from __future__ import annotations

import trdcli
from conftest import invoke

CATALOGUE = trdcli.load_catalogue()
SCREENED = ("pregnancy", "breastfeeding", "bipolar", "psychosis", "seizure-disorder",
            "substance-use", "cardiovascular-disease", "uncontrolled-hypertension", "young-age",
            "older-age", "serotonergic-drugs")
# Interactions with serotonergic medicines concern what is taken, not devices or therapy.
TAKEN = ("medication", "psychedelic")

# (option, situation): what the December 2026 screen research searched without finding a
# sourced statement (docs/research/screen-2026-12/round2-*.yaml has the queries).
OPEN_CELLS: dict[tuple[str, str], str] = {
    ("esketamine", "seizure-disorder"): "Spravato label sections read say nothing on seizures",
    ("snt", "older-age"): "SAINT trial ages not reached",
    ("vns", "breastfeeding"): "VNS physician's manual not reached",
    ("vns", "substance-use"): "VNS trial exclusions not reached",
    ("lithium", "substance-use"): "no label or guideline text found",
    ("thyroid-augmentation", "seizure-disorder"): "no label or review text found",
    ("brexpiprazole", "uncontrolled-hypertension"): "no adult blood-pressure warning found",
    ("cariprazine", "substance-use"): "Vraylar label section 9 not reached",
    ("olanzapine-fluoxetine", "seizure-disorder"): "warning seen only on an unofficial label copy",
    ("olanzapine-fluoxetine", "uncontrolled-hypertension"): "no blood-pressure warning found",
    ("digital", "bipolar"): "Mirai trial exclusions not reached",
    ("digital", "psychosis"): "Mirai trial exclusions not reached",
    ("digital", "substance-use"): "Mirai trial exclusions not reached",
    ("digital", "uncontrolled-hypertension"): "Rejoyn labelling read only on an unofficial copy",
    ("dxm-bupropion", "psychosis"):
        "Auvelity label section 5 not reached; the warning was read only on a monograph mirror",
}


def empty_cells() -> set[tuple[str, str]]:
    empty = set()
    for treatment in CATALOGUE.treatments:
        said = {c.tag for c in treatment.contraindications or []}
        for situation in SCREENED:
            applies = situation != "serotonergic-drugs" or treatment.category in TAKEN
            if applies and situation not in said:
                empty.add((treatment.id, situation))
    return empty


def test_every_cell_of_the_screen_is_sourced_or_listed_as_open() -> None:
    # A cell filled since is taken off the list too, so the list stays what is still open.
    assert empty_cells() == set(OPEN_CELLS)
    assert all(OPEN_CELLS.values())


def test_every_statement_of_the_screen_cites_a_source() -> None:
    for treatment in CATALOGUE.treatments:
        for statement in treatment.contraindications or []:
            assert statement.sources and statement.text, (treatment.id, statement.tag)
            assert all(s in CATALOGUE.sources for s in statement.sources)


def test_an_open_cell_is_shown_as_not_assessed_never_as_fitting() -> None:
    for option, situation in sorted(OPEN_CELLS)[:5]:
        document = invoke("match", "--situation", situation, "--json").json()
        assert option in {s["id"] for s in document["not_assessed"]}, (option, situation)
        assert option not in {s["id"] for s in document["fits"]}
