"""Lay in the currency sweep's round-2 findings that were confirmed (round2.yaml): the FDA's
NDC listing of a generic brexpiprazole, and the LQD trial of lithium against quetiapine (its
PubMed record read on a copy, kept as read_at; no effect sizes, which were seen only in news).
The other eight findings stay out: they were read only on copies, news or company pages.

Run from the project root: .venv/bin/python docs/research/currency-2026-12/apply-2.py
"""
import copy
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import add_sources, load, save

HERE = Path(__file__).parent
data = load()
by_id = {t["id"]: t for t in data["treatments"]}
found = yaml.safe_load((HERE / "round2.yaml").read_text(encoding="utf-8"))
for entry in ("brexpiprazole", "lithium"):
    add_sources(data, found[entry]["new_sources"])

brexpiprazole = by_id["brexpiprazole"]
brexpiprazole["description"] = brexpiprazole["description"].replace(
    "In the US it is sold only as the brand Rexulti, so it is expensive.",
    "The brand is Rexulti. The FDA's drug listing also shows a generic brexpiprazole tablet "
    "on the market since February 2023, so ask the pharmacy whether a cheaper generic can be "
    "filled.")
brexpiprazole["cost"]["text"] = (
    "Without insurance a month of brand-name Rexulti costs roughly $1,900 according to a "
    "price-comparison site. The FDA's drug listing shows generic brexpiprazole tablets marketed "
    "since February 2023, but the price site still said generics were not in pharmacies, so "
    "ask whether a generic can be filled and what it costs.")
brexpiprazole["cost"]["sources"].append("openfda-ndc-brexpiprazole-generic")

LQD = {"study": "LQD trial (Cleare 2025)", "year": 2025, "publisher": "Lancet Psychiatry",
       "design": "pragmatic open-label randomised trial at six NHS trusts in England, 12 months",
       "population": "adults with major depression who had not improved enough on 2 or more "
                     "antidepressants; bipolar disorder and psychosis excluded",
       "n": 212, "outcome": "other",
       "measure": "self-rated depression over 12 months, and time until people stopped the "
                  "add-on drug",
       "timepoint": "12 months", "sources": ["cleare-2025-lqd", "kcl-2025-lqd-news"],
       "design_kind": "randomised-open", "comparator_kind": "active", "timepoint_weeks": 52,
       "resistance": "two-or-more"}
# Each entry gets its own copy: shared objects would be written as YAML anchors.
by_id["lithium"]["evidence"].append({
    **copy.deepcopy(LQD), "comparator": "quetiapine added to the antidepressant (107 people; 105 got lithium)",
    "note": "Depression improved in both groups, but more with quetiapine, and the gap lasted "
            "the whole year. Quetiapine was also better value for the NHS. Side effects were "
            "similar. People knew which drug they took."})
by_id["quetiapine-xr"]["evidence"].append({
    **copy.deepcopy(LQD), "comparator": "lithium added to the antidepressant (105 people; 107 got quetiapine)",
    "note": "Depression improved in both groups, but more with quetiapine, and the gap lasted "
            "the whole year. Quetiapine was also better value for the NHS. Side effects were "
            "similar. People knew which drug they took."})
durability = by_id["lithium"]["durability"]
durability["text"] += (" In a 2025 UK trial that followed people for a year, adding quetiapine "
                       "helped depression more than adding lithium, and the difference lasted "
                       "the whole year.")
durability["sources"] += ["cleare-2025-lqd", "kcl-2025-lqd-news"]
for entry in ("brexpiprazole", "lithium", "quetiapine-xr"):
    by_id[entry]["reviewed"] = "2026-12-01"

save(data)
print("applied")
