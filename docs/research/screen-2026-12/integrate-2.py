"""Lay round 2 of the screen research (round2-*.yaml here) into data/treatments.yaml.

As round 1 (integrate.py): sources a helper marked `unresolved` are left out, a statement left
with no source is dropped, and a statement is added only where the option says nothing on that
situation and no class of the option covers it. The maintainer's decisions on what the helpers
proposed, each with its reason, are in DECISIONS below.

Run from the project root: .venv/bin/python docs/research/screen-2026-12/integrate-2.py
"""
import re
from pathlib import Path

import yaml

HERE = Path(__file__).parent
CATALOGUE = Path("data/treatments.yaml")
SOURCE_FIELDS = ("title", "authors", "year", "publisher", "kind", "pmid", "doi", "url", "read_at")
STATEMENT_FIELDS = ("tag", "level", "text", "sources")

text = CATALOGUE.read_text(encoding="utf-8")
first_line = text.split("\n", 1)[0]
data = yaml.safe_load(text)
sources = data["sources"]
by_id = {t["id"]: t for t in data["treatments"]}
classes = {c["id"]: c for c in data["classes"]}

# (option, situation) -> what to do with the helper's statement, and why.
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
    ("psychotherapy", "older-age"): {"drop": True},
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
proposed: list[tuple[str, dict]] = []
class_statements: list[tuple[str, dict]] = []
parts = [*(HERE / name for name in ROUND_1), *sorted(HERE.glob("round2-*.yaml"))]
for part in parts:
    research = yaml.safe_load(part.read_text(encoding="utf-8"))
    for source_id, source in (research.get("new_sources") or {}).items():
        if source.get("unresolved") or not source.get("url"):
            unresolved.add(source_id)
        elif source_id not in sources:
            sources[source_id] = {f: source[f] for f in SOURCE_FIELDS if source.get(f)}
            if source_id in KINDS:
                sources[source_id]["kind"] = KINDS[source_id]
    if part.name in ROUND_1:
        continue
    for class_id, declared in (research.get("classes") or {}).items():
        class_statements += [(class_id, s) for s in declared.get("contraindications") or []]
    for member, said in (research.get("members") or {}).items():
        proposed += [(member, s) for s in said.get("contraindications") or []]


def usable(statement: dict) -> dict | None:
    kept = [s for s in statement["sources"] if s in sources and s not in unresolved]
    if not kept:
        return None
    return {**{f: statement[f] for f in STATEMENT_FIELDS}, "sources": kept}


added, skipped = [], []
for class_id, statement in class_statements:
    declared = classes[class_id]
    said = {s["tag"] for s in declared["contraindications"]}
    statement = usable(statement)
    if statement and statement["tag"] not in said:
        declared["contraindications"].append(statement)
        added.append((class_id, statement["tag"], statement["level"]))

for member, statement in proposed:
    decision = DECISIONS.get((member, statement["tag"]), {})
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

out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
             flags=re.MULTILINE)
CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
print(f"{len(added)} statements added; skipped: {skipped}")

# One label, one source: the helper's `vraylar-label-highlights` is the catalogue's
# `vraylar-label-dailymed` (same DailyMed record).
text = CATALOGUE.read_text(encoding="utf-8")
text = re.sub(r"\n  vraylar-label-highlights:\n(    .*\n)+", "\n", text)
text = text.replace("vraylar-label-highlights", "vraylar-label-dailymed")
CATALOGUE.write_text(text, encoding="utf-8")
