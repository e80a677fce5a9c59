"""Lay rounds 2 to 4 of the screen research (round2-*.yaml, round3-*.yaml, round4.yaml) into
data/treatments.yaml. Running it again adds only what a later round found (cells already
said are skipped).

As round 1 (integrate.py): sources a helper marked `unresolved` are left out, a statement left
with no source is dropped, and a statement is added only where the option says nothing on that
situation and no class of the option covers it. The maintainer's decisions on what the helpers
proposed, each with its reason, are in DECISIONS below.

Run from the project root: .venv/bin/python docs/research/screen-2026-12/integrate-2.py
"""
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import CATALOGUE, load, save, source_record

HERE = Path(__file__).parent
STATEMENT_FIELDS = ("tag", "level", "text", "sources")

data = load()
sources = data["sources"]
by_id = {t["id"]: t for t in data["treatments"]}
classes = {c["id"]: c for c in data["classes"]}

# (option or class, situation) -> what to do with the helper's statement, and why; a key
# that also names a research file applies to that file's statement only.
DECISIONS = {
    # The labels lower the dose with fluoxetine or paroxetine (strong CYP2D6 inhibitors):
    # an interaction to manage is a caution, not "no specific concern".
    ("aripiprazole", "serotonergic-drugs"): {"level": "caution"},
    ("brexpiprazole", "serotonergic-drugs"): {"level": "caution"},
    # "Not recommended" in pregnancy is caution, as in round 1: the label does not
    # contraindicate it.
    ("dxm-bupropion", "pregnancy"): {"level": "caution"},
    # The reviews call the evidence in people 60 and over few, small and of low quality:
    # that is not an all-clear.
    ("iv-ketamine", "older-age"): {"level": "caution"},
    # Its text rests on the APA guideline, whose page was never found (source unresolved).
    ("psychotherapy", "older-age", "round2-nondrug.yaml"): {"drop": True},
    # Round 3. A blood-pressure 'not studied' for TMS rests on trials leaving out unstable
    # physical illness: say that, not what the research did or did not read.
    ("magnetic-stimulation", "uncontrolled-hypertension"): {
        "text": "TMS trials have left out people with unstable physical illness, so TMS has "
                "not been tested in people whose blood pressure is not under control."},
    # Only the 1973 study is left once the UK product information's unofficial copy goes.
    ("lithium", "seizure-disorder"): {
        "sources": ["erwin-1973-lithium-convulsive"],
        "text": "An old small study (1973) gave lithium to 17 people, most with hard-to-control "
                "epilepsy: seizures became less frequent in most but more frequent in one. The "
                "effect is uncertain, so care and monitoring are needed."},
    # The label copy (medthority) is unresolved: keep what the drug reference says.
    ("olanzapine-fluoxetine", "cardiovascular-disease"): {
        "sources": ["drugscom-ofc-disease-interactions"],
        "text": "This combination can make blood pressure drop, especially on standing. A "
                "drug-interaction reference for this exact combination rates heart disease, a "
                "past heart attack and blood-vessel disease of the brain as a major concern."},
    # 'No specific concern' on a question-and-answer page, with the label's abuse section
    # unread, is too weak for an all-clear: the cell stays open.
    ("cariprazine", "substance-use"): {"drop": True},
    # Round 4. Patient text says what the source says, not what the research did not read.
    ("aripiprazole", "substance-use"): {
        "text": "A maker-run study of aripiprazole added to antidepressants (Taiwan) left out "
                "people who had misused alcohol or drugs in the past year, so it has not been "
                "tested in them."},
    ("cariprazine", "uncontrolled-hypertension"): {
        "sources": ["singlecare-vraylar-what-is"],
        "text": "Patient drug information for cariprazine asks people to tell their care team "
                "before starting it if they have high or low blood pressure, or are treated for "
                "high blood pressure."},
    ("vns", "uncontrolled-hypertension"): {
        "text": "VNS needs surgery to place the device. The maker's large dosing trial left out "
                "anyone for whom the implant would be an unacceptable surgical or medical risk, "
                "so people with uncontrolled high blood pressure have not been studied."},
    ("quetiapine-xr", "uncontrolled-hypertension"): {
        "text": "Patient drug information for quetiapine asks people to tell their doctor "
                "before starting it if they have high or low blood pressure. The US label warns "
                "of blood-pressure rises in children and teenagers."},
    # General advice to avoid alcohol is not a statement about people with alcohol or drug
    # problems: the cell stays open.
    ("lithium", "substance-use", "round4.yaml"): {"drop": True},
    # The Malaysian product information's address was not confirmed: keep LactMed alone.
    ("switching-optimisation", "breastfeeding"): {
        "sources": ["lactmed-sertraline"],
        "text": "Small amounts of sertraline pass into breast milk and usually cannot be found "
                "in the baby's blood. The US National Library of Medicine's LactMed says most "
                "experts see sertraline as a preferred antidepressant when breastfeeding, but "
                "premature babies can build it up, so the baby is watched."},
}
# Kinds the helpers left loose: a clinical reference answer page is a textbook, not a review.
KINDS = {"medscape-ect-pregnancy-2019": "textbook"}
# Sources proposed in round 1 that round 2 statements cite.
ROUND_1 = ("antidepressants.yaml",)

unresolved: set[str] = set()
proposed: list[tuple[str, dict, str]] = []
class_statements: list[tuple[str, dict]] = []
parts = [*(HERE / name for name in ROUND_1), *sorted(HERE.glob("round[234]*.yaml"))]
for part in parts:
    research = yaml.safe_load(part.read_text(encoding="utf-8"))
    for source_id, source in (research.get("new_sources") or {}).items():
        if source.get("unresolved") or not source.get("url"):
            unresolved.add(source_id)
        elif source_id not in sources:
            sources[source_id] = source_record(source)
            if source_id in KINDS:
                sources[source_id]["kind"] = KINDS[source_id]
    if part.name in ROUND_1:
        continue
    for class_id, declared in (research.get("classes") or {}).items():
        class_statements += [(class_id, s) for s in declared.get("contraindications") or []]
    for member, said in (research.get("members") or {}).items():
        proposed += [(member, s, part.name) for s in said.get("contraindications") or []]


def usable(statement: dict) -> dict | None:
    kept = [s for s in statement["sources"] if s in sources and s not in unresolved]
    if not kept:
        return None
    return {**{f: statement[f] for f in STATEMENT_FIELDS}, "sources": kept}


added, skipped = [], []
for class_id, statement in class_statements:
    declared = classes[class_id]
    said = {s["tag"] for s in declared["contraindications"]}
    statement = usable({**statement, **DECISIONS.get((class_id, statement["tag"]), {})})
    if statement and statement["tag"] not in said:
        declared["contraindications"].append(statement)
        added.append((class_id, statement["tag"], statement["level"]))

for member, statement, part_name in proposed:
    decision = DECISIONS.get((member, statement["tag"], part_name),
                             DECISIONS.get((member, statement["tag"]), {}))
    if decision.get("drop"):
        skipped.append((member, statement["tag"], "maintainer"))
        continue
    statement = usable({**statement, **decision})
    if statement is None:
        skipped.append((member, "?", "no usable source"))
        continue
    treatment = by_id[member]
    own = treatment.setdefault("contraindications", [])
    covered = {s["tag"] for s in own} | {
        s["tag"] for c in treatment.get("classes", []) for s in classes[c]["contraindications"]}
    if statement["tag"] in covered:
        skipped.append((member, statement["tag"], "already said"))
        continue
    own.append(statement)
    added.append((member, statement["tag"], statement["level"]))

save(data)
print(f"{len(added)} statements added; skipped: {skipped}")

# One label, one source: the helper's `vraylar-label-highlights` is the catalogue's
# `vraylar-label-dailymed` (same DailyMed record).
text = CATALOGUE.read_text(encoding="utf-8")
text = re.sub(r"\n  vraylar-label-highlights:\n(    .*\n)+", "\n", text)
text = text.replace("vraylar-label-highlights", "vraylar-label-dailymed")
CATALOGUE.write_text(text, encoding="utf-8")
