"""Lay the plain-language rewrites (part-*.yaml here) into data/treatments.yaml, refusing any
rewrite that changes a number, drops an acronym or a regulatory word, or reads harder than
the text it replaces.

Run from the project root: .venv/bin/python docs/research/plain-2026-12/apply.py
"""
import re
from collections import Counter
from pathlib import Path

import textstat
import yaml

HERE = Path(__file__).parent
CATALOGUE = Path("data/treatments.yaml")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9*-]{1,}\b")
KEPT_WORDS = ("approved", "cleared", "off-label", "investigational", "not approved",
              "treatment-resistant", "not proven", "about", "vs",
              "Schedule", "disputed", "sham", "placebo")

text = CATALOGUE.read_text(encoding="utf-8")
first_line = text.split("\n", 1)[0]
data = yaml.safe_load(text)
by_id = {t["id"]: t for t in data["treatments"]}


def slot(treatment, path):
    """(container, key) for 'summary', 'headline.text' or 'side_effects[2].text'."""
    node, parts = treatment, re.findall(r"([a-z_]+)(?:\[(\d+)\])?", path)
    for name, index in parts[:-1]:
        node = node[name][int(index)] if index else node[name]
    name, index = parts[-1]
    return (node[name], int(index)) if index else (node, name)


def problems(old, new):
    found = []
    if Counter(NUMBER.findall(old)) != Counter(NUMBER.findall(new)):
        found.append(f"numbers {sorted(NUMBER.findall(old))} -> {sorted(NUMBER.findall(new))}")
    missing = set(ACRONYM.findall(old)) - set(ACRONYM.findall(new))
    if missing:
        found.append(f"acronyms dropped: {sorted(missing)}")
    lost = [w for w in KEPT_WORDS if w.lower() in old.lower() and w.lower() not in new.lower()]
    if lost:
        found.append(f"words dropped: {lost}")
    if textstat.flesch_kincaid_grade(new) > textstat.flesch_kincaid_grade(old):
        found.append("reads harder than before")
    return found


applied, refused = 0, []
for part in sorted(HERE.glob("part-*.yaml")):
    for treatment_id, fields in (yaml.safe_load(part.read_text(encoding="utf-8")) or {}).items():
        for path, new in fields.items():
            container, key = slot(by_id[treatment_id], path)
            old = container[key]
            wrong = problems(old, new)
            if wrong:
                refused.append((treatment_id, path, wrong))
                continue
            container[key] = new
            applied += 1

out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
             flags=re.MULTILINE)
CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
print(f"applied {applied} rewrites; refused {len(refused)}")
for treatment_id, path, wrong in refused:
    print(f"  {treatment_id}.{path}: {'; '.join(wrong)}")
