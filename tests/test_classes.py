"""Classes: what a class of options shares is declared once, inherited by every member, and
differs in a member only through an override that cites its own source."""

from __future__ import annotations

from pathlib import Path

import trdcli
from conftest import assert_problem, invoke

CATALOGUE = trdcli.load_catalogue()
CLASSES = {c.id: c for c in CATALOGUE.classes}


def test_the_shipped_classes_have_members_and_statements() -> None:
    assert {"antipsychotics", "antidepressants", "nmda-antagonists",
            "magnetic-stimulation"} <= set(CLASSES)
    for declared in CLASSES.values():
        members = [t for t in CATALOGUE.treatments if declared.id in t.classes]
        assert members and declared.contraindications, declared.id


def test_members_agree_with_their_class_unless_an_override_cites_a_source() -> None:
    for treatment in CATALOGUE.treatments:
        for class_id in treatment.classes:
            declared = CLASSES[class_id]
            for shared in declared.contraindications:
                said = [c for c in treatment.contraindications or [] if c.tag == shared.tag]
                inherited = [c for c in said if c.from_class == declared.name]
                overrides = [c for c in said if c.from_class is None]
                if overrides:
                    # An override stands on a source of its own, not on the class's.
                    assert all(set(c.sources) - set(shared.sources) for c in overrides), (
                        treatment.id, shared.tag)
                else:
                    assert inherited == [c for c in said], (treatment.id, shared.tag)
                    assert any(c.text == shared.text for c in inherited)


def test_views_say_which_statements_come_from_the_class() -> None:
    member = next(t for t in CATALOGUE.treatments
                  if any(c.from_class for c in t.contraindications or []))
    inherited = next(c for c in member.contraindications or [] if c.from_class)
    shown = invoke("explain", member.id, "--no-pager", env={"COLUMNS": "400"}).stdout
    assert f"shared by all {inherited.from_class}" in shown
    entry = invoke("explain", member.id, "--json").json()["treatment"]
    assert any((c["tag"], c["from_class"]) == (inherited.tag, inherited.from_class)
               for c in entry["contraindications"])


def test_a_clinic_option_can_join_a_class_and_inherit_its_screen(tmp_path: Path) -> None:
    overlay = tmp_path / "clinic.yaml"
    overlay.write_text("treatments:\n  - {id: local-antipsychotic, name: Local add-on, category: "
                       "medication, summary: An add-on., reviewed: '2026-11-01', "
                       "classes: [antipsychotics]}\n", encoding="utf-8")
    document = invoke("--catalog", str(overlay), "match", "--situation", "older-age",
                      "--json").json()
    (screened,) = [s for group in ("fits", "caution", "not_assessed", "excluded")
                   for s in document[group] if s["id"] == "local-antipsychotic"]
    shared = [c for c in CLASSES["antipsychotics"].contraindications if c.tag == "older-age"]
    assert shared and screened["verdict"] == "caution"
    assert screened["reasons"][0]["sources"] == shared[0].sources


def test_an_unknown_class_and_a_hand_written_from_class_are_refused(tmp_path: Path) -> None:
    overlay = tmp_path / "clinic.yaml"
    overlay.write_text("treatments:\n  - {id: ect, classes: [nonesuch]}\n", encoding="utf-8")
    assert_problem(invoke("--catalog", str(overlay), "list"), overlay, "unknown-class")
    forged = tmp_path / "forged.yaml"
    forged.write_text("treatments:\n  - id: ect\n    contraindications:\n      - {tag: pregnancy, "
                      "level: no-specific-concern, text: t, sources: [anand-2023-elekt-d], "
                      "from_class: Safe things}\n", encoding="utf-8")
    assert_problem(invoke("--catalog", str(forged), "list"), forged, "set-by-trd")
