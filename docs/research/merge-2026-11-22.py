"""Merge helper research fragments into one catalogue and report problems."""
import datetime
import sys
from pathlib import Path

import yaml

sys.path.insert(0, "/work/main/src")
from trdcli.model import Catalogue
from trdcli.structure import INVALID, structure
from trdcli.validate import check_catalogue

R = Path("/work/research")
ORDER = ["ketamine", "tms", "ect_vns_dbs", "psilo_maoi_dxm", "antipsychotics",
         "lithium_t3_switch", "therapy_digital_lifestyle"]
sources, treatments = {}, []
def add_sources(d, origin):
    for k, v in (d or {}).items():
        if k in sources and sources[k] != v:
            print(f"CONFLICT source {k} in {origin}")
            # keep the first; later one is reported
            continue
        sources[k] = v
for name in ORDER:
    p = R / f"{name}.yaml"
    if not p.exists():
        print("missing", name); continue
    d = yaml.safe_load(p.read_text())
    add_sources(d.get("sources"), name)
    treatments += d.get("treatments", [])
cond = yaml.safe_load((R / "condition.yaml").read_text())
add_sources(cond.get("sources"), "condition")
condition = cond["condition"]
condition = {"id": "trd", **condition}
# Fix-ups decided while reviewing the fragments.
for t in treatments:
    for e in t.get("evidence", []):
        if e.get("unit") == "mg fluoxetine equivalents":
            e["unit"] = "mg"
LABELS = {  # id: (onset label, course label), condensed from each entry's own sourced text
    "iv-ketamine": ("hours to days", "2/wk x 3 wk, IV drip"),
    "esketamine": ("1 day to 4 weeks", "2/wk x 4 wk, then less"),
    "rtms": ("3-6 weeks", "daily x 4-6 wk, 37.5 min"),
    "itbs": ("over weeks", "daily x 4-6 wk, 3 min"),
    "snt": ("within days", "10/day for 5 days"),
    "deep-tms": ("about 3 weeks", "daily x 4 weeks"),
    "ect": ("1-4 weeks", "2-3/wk, 6-12 sessions"),
    "vns": ("months", "implant surgery"),
    "dbs": ("months", "brain surgery"),
    "psilocybin": ("about a week", "1-2 dosing days"),
    "maoi": ("weeks", "daily pill, diet rules"),
    "dextromethorphan-bupropion": ("1-2 weeks", "tablet twice a day"),
    "lithium": ("weeks", "daily pill, blood tests"),
    "thyroid-augmentation": ("about 2 weeks", "daily pill"),
    "switching-optimisation": ("a few weeks", "daily pills"),
    "psychotherapy": ("weeks to months", "12-18 sessions"),
    "digital": ("about 6 weeks", "6-week app course"),
    "lifestyle": ("about 12 weeks", "e.g. walk 5 days/wk"),
    "olanzapine-fluoxetine": ("weeks", "daily capsule"),
    "aripiprazole": ("weeks", "daily tablet"),
    "brexpiprazole": ("weeks", "daily tablet"),
    "quetiapine-xr": ("from week 1", "daily tablet"),
    "cariprazine": ("about 2 weeks", "daily capsule"),
}
SUMMARIES = {
    "psilocybin": "Investigational: one or two supervised doses of psilocybin, the active substance in 'magic mushrooms', given with therapist support; it is not approved in the US.",
    "lithium": "Off-label in the US for this use: lithium, an old and cheap mood-stabiliser pill, added to an antidepressant that has not worked well enough; in pooled placebo-controlled trials about 4 in 10 responded vs about 1 in 7 on placebo, and it needs regular blood tests.",
    "thyroid-augmentation": "Off-label: a small daily dose of the thyroid hormone T3 (liothyronine) added to an antidepressant that has not worked; in the large STAR*D study about 1 in 4 people reached remission this way, and it was easier to tolerate than lithium.",
    "dbs": "Investigational, research only: thin wires placed deep in the brain are driven by a battery in the chest; it is not approved for depression, and the two main sham-controlled trials did not show a clear benefit.",
}
ORDER_IDS = ["iv-ketamine", "esketamine", "rtms", "itbs", "snt", "deep-tms", "ect", "vns", "dbs",
             "psilocybin", "switching-optimisation", "maoi", "dextromethorphan-bupropion",
             "lithium", "thyroid-augmentation", "aripiprazole", "brexpiprazole", "cariprazine",
             "quetiapine-xr", "olanzapine-fluoxetine", "psychotherapy", "digital", "lifestyle"]
HEADLINES = {
    "snt": "In a 29-person sham-controlled trial, about 79 in 100 were in remission 4 weeks after a 5-day course (vs about 13 in 100 with sham); a 48-person trial found 50 vs 21 in 100.",
    "ect": "In a large US study, 75 in 100 people reached remission with a course of ECT; in a 2023 TRD trial, 41 in 100 responded within 3 weeks (55 in 100 with ketamine).",
    "digital": "In a 386-person trial, adding the Rejoyn app to antidepressants lowered MADRS scores 1.8 points more than a sham app; the main analysis was not statistically significant.",
    "switching-optimisation": "In STAR*D, remission was about 37, 31, 14 and 13 in 100 at steps 1 to 4; the reported 67% overall is disputed by a 2023 reanalysis that found 35%.",
    "lifestyle": "Across 218 trials (14,170 people), walking or jogging eased depression moderately (Hedges' g -0.62) vs active controls; TRD-specific trials are small.",
}
# Pages with no visible date were given the year they were read; a year must be the page's own.
UNDATED = {"nardil-label-text", "mpr-nardil-monograph", "marplan-label-text",
           "emsam-hcp-adverse-reactions", "emsam-dosing-diet-summary", "mims-emsam-monograph",
           "auvelity-connectrx-label-summary", "mpr-auvelity-monograph"}
for key in UNDATED:
    if key in sources:
        sources[key]["year"] = None
for t in treatments:
    if t["id"] in LABELS:
        t["onset"] = {"label": LABELS[t["id"]][0], **t["onset"]}
        t["course"] = {"label": LABELS[t["id"]][1], **t["course"]}
    if t["id"] in HEADLINES:
        t["headline"]["text"] = HEADLINES[t["id"]]
    for key in ("durability", "maintenance"):
        if t.get(key) is not None and not t[key].get("sources"):
            t[key] = None  # "nothing found in the sources read" is no claim: leave it unconfirmed
    if t["id"] in SUMMARIES:
        t["summary"] = SUMMARIES[t["id"]]
    if t.get("guidelines") == []:
        t["guidelines"] = None  # researchers used [] for "not confirmed"; [] means "none exist"
# Guideline positions read by the guideline researcher replace another researcher's
# position from the same guideline; positions from other guidelines are kept.
import re


def guideline_key(name):
    return " ".join(re.sub(r"\(.*?\)", "", name).split()[:2])
g = yaml.safe_load((R / "guidelines.yaml").read_text())
add_sources(g.get("sources"), "guidelines")
for t in treatments:
    new = g["positions"].get(t["id"])
    if new is None:
        continue
    keys = {guideline_key(p["guideline"]) for p in new}
    kept = [p for p in (t.get("guidelines") or []) if guideline_key(p["guideline"]) not in keys]
    t["guidelines"] = new + kept
treatments.sort(key=lambda t: ORDER_IDS.index(t["id"]))
for t in treatments:
    if t["id"] == "dextromethorphan-bupropion":
        t["id"] = "dxm-bupropion"  # short enough to read in an 80-column list
        if "dextromethorphan-bupropion" not in t["aliases"]:
            t["aliases"].append("dextromethorphan-bupropion")
gl = yaml.safe_load((R / "glossary.yaml").read_text())
add_sources(gl.get("sources"), "glossary")
from trdcli.names import normalise

taken = {normalise(k) for t in treatments for k in (t["id"], t["name"], *t["aliases"])}
glossary = []
for term in gl["glossary"]:
    slug = normalise(term["term"].split(" /")[0]).replace(" ", "-")
    aliases = [a for a in term.get("aliases", []) if normalise(a) not in taken]
    glossary.append({"id": slug, "name": term["term"], "aliases": aliases,
                     "text": term["text"], "sources": term["sources"]})
doc = {"schema_version": 1, "version": "2026.11.22", "released": datetime.date(2026, 11, 22),
       "sources": sources, "condition": condition, "treatments": treatments,
       "glossary": glossary}
problems = []
cat = structure(Catalogue, doc, (), problems)
if cat is not INVALID:
    problems += check_catalogue(cat)
for p in problems:
    print(p)
print(len(treatments), "treatments", len(sources), "sources", len(problems), "problems")
if "--write" in sys.argv:
    out = Path(sys.argv[-1])
    out.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100))
