"""Lay the December 2026 screen research (the *.yaml files here) into data/treatments.yaml.

Conservative by design (the maintainer's decisions, recorded here):
- classes and their statements are added; sources a helper marked `unresolved` are left out,
  and a statement left with no source is dropped;
- an option's existing statements stay; a helper's statement is added only where the option
  says nothing on that situation and no class of the option covers it, or where it differs
  in level from the class (an override, with its own sources);
- an option's own statement that repeats its class (same level, no source the class lacks)
  is removed, so the class says it once;
- 'not recommended' in pregnancy is caution, not exclude (the labels do not contraindicate).

Run from the project root: .venv/bin/python docs/research/screen-2026-12/integrate.py
"""
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import source_record

HERE = Path(__file__).parent
CATALOGUE = Path("data/treatments.yaml")
STATEMENT_FIELDS = ("tag", "level", "text", "sources")

text = CATALOGUE.read_text(encoding="utf-8")
first_line = text.split("\n", 1)[0]
data = yaml.safe_load(text)
sources = data["sources"]
by_id = {t["id"]: t for t in data["treatments"]}
classes: dict[str, dict] = {}
memberships: dict[str, list[str]] = {}
proposed: dict[str, list[dict]] = {}
unresolved: set[str] = set()

# therapy-lifestyle-digital.yaml only restates earlier records: its helper could read no page
# (the session's search budget was spent), so none of it is laid in.
SKIPPED = {"therapy-lifestyle-digital.yaml"}

for part in sorted(p for p in HERE.glob("*.yaml") if p.name not in SKIPPED):
    research = yaml.safe_load(part.read_text(encoding="utf-8"))
    for source_id, source in (research.get("new_sources") or {}).items():
        if source.get("unresolved"):
            unresolved.add(source_id)
        elif source_id not in sources:
            sources[source_id] = source_record(source)
    for class_id, declared in (research.get("classes") or {}).items():
        classes[class_id] = {"id": class_id, "name": declared["name"],
                             "contraindications": declared.get("contraindications") or []}
        for member in declared.get("members") or []:
            memberships.setdefault(member, []).append(class_id)
    for member, said in (research.get("members") or {}).items():
        proposed.setdefault(member, []).extend(said.get("contraindications") or [])


def usable(statement: dict) -> dict | None:
    kept = [s for s in statement["sources"] if s in sources and s not in unresolved]
    if not kept:
        return None
    return {**{f: statement[f] for f in STATEMENT_FIELDS}, "sources": kept}


# The maintainer's corrections to what the research proposed.
FDA_2011 = (" FDA changed the pregnancy section of every antipsychotic label in 2011 to say "
            "this.")
for statement in classes["antipsychotics"]["contraindications"]:
    statement["text"] = statement["text"].replace(FDA_2011, "")  # its page was not confirmed
for statement in classes["nmda-antagonists"]["contraindications"]:
    if statement["tag"] == "pregnancy":
        statement["level"] = "caution"

for declared in classes.values():
    declared["contraindications"] = [s for s in map(usable, declared["contraindications"]) if s]
data["classes"] = list(classes.values())

added, removed = [], []
for member, class_ids in memberships.items():
    treatment = by_id[member]
    treatment["classes"] = class_ids
    inherited = {s["tag"]: s for c in class_ids for s in classes[c]["contraindications"]}
    own = treatment.get("contraindications") or []
    kept = []
    for statement in own:
        shared = inherited.get(statement["tag"])
        if (shared and shared["level"] == statement["level"]
                and set(statement["sources"]) <= set(shared["sources"])):
            removed.append((member, statement["tag"]))
            continue
        kept.append(statement)
    treatment["contraindications"] = kept

for member, statements in proposed.items():
    treatment = by_id[member]
    own = treatment.setdefault("contraindications", [])
    said = {s["tag"] for s in own}
    inherited = {s["tag"]: s for c in treatment.get("classes", [])
                 for s in classes[c]["contraindications"]}
    for statement in filter(None, map(usable, statements)):
        tag = statement["tag"]
        shared = inherited.get(tag)
        if tag in said or (shared and shared["level"] == statement["level"]):
            continue
        own.append(statement)
        said.add(tag)
        added.append((member, tag, statement["level"]))

# Keep the model's field order: `classes` comes after `aliases` in each treatment.
for treatment in data["treatments"]:
    if "classes" in treatment:
        order = list(treatment)
        order.remove("classes")
        order.insert(order.index("aliases") + 1, "classes")
        by_id[treatment["id"]] = {k: treatment[k] for k in order}
data["treatments"] = [by_id[t["id"]] for t in data["treatments"]]

out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
             flags=re.MULTILINE)
CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
print(f"{len(classes)} classes; {len(added)} statements added; {len(removed)} repeats of a "
      f"class removed: {removed}")
