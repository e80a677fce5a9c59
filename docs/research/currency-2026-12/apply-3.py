"""Round 3 of the currency sweep: the loose ends SUMMARY.md found when the records were set
beside the catalogue, and the findings held back only because they were read on a copy.

Identifiers and registry facts read on a faithful copy (a PubMed-record copy, a copy of the
FDA 510(k) database) are accepted with the copy kept as read_at: the convention the catalogue
already used for the LQD trial and for 510(k) K231926, now applied evenly. Figures seen only
in news stay out.

Run from the project root: .venv/bin/python docs/research/currency-2026-12/apply-3.py
"""
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import add_sources, load, save

HERE = Path(__file__).parent
CHECKED = "2026-12-01"
data = load()
by_id = {t["id"]: t for t in data["treatments"]}
round2 = yaml.safe_load((HERE / "round2.yaml").read_text(encoding="utf-8"))


def replace_text(node: dict, field: str, old: str, new: str) -> None:
    if old in node[field]:
        node[field] = node[field].replace(old, new)
    else:
        assert new in node[field], (field, old)


# Every entry's record (this folder) was checked on 2026-12-01; the condition entry too.
for treatment in data["treatments"]:
    treatment["reviewed"] = CHECKED
data["condition"]["reviewed"] = CHECKED

# rTMS: two more adolescent (15-21) add-on clearances, read on a copy of the FDA 510(k)
# database (round2.yaml quotes both indications); the url is the FDA record, as for K231926.
add_sources(data, round2["rtms"]["new_sources"])
fda_rtms = next(r for r in by_id["rtms"]["regulatory"] if r["agency"] == "FDA")
fda_rtms["indication"] = round2["rtms"]["draft_if_mirror_accepted"]["value"]["indication"]
for source_id in round2["rtms"]["draft_if_mirror_accepted"]["value"]["sources_add"]:
    if source_id not in fda_rtms["sources"]:
        fda_rtms["sources"].append(source_id)

# Esketamine: the TRD4005 monotherapy trial. Design and dates from the PubMed record's
# abstract (read on a copy, which stopped before the results); who took part from the
# ClinicalTrials.gov record (read on a copy). The n and the effect sizes were seen only in
# news, so the row gives none.
add_sources(data, round2["esketamine"]["new_sources"])
data["sources"].setdefault("ctgov-nct04599855", {
    "title": "A Study of Esketamine Nasal Spray, Administered as Monotherapy, in Adult "
             "Participants With Treatment-resistant Depression (NCT04599855)",
    "authors": "Janssen Research & Development, LLC",
    "publisher": "ClinicalTrials.gov",
    "kind": "registry",
    "url": "https://clinicaltrials.gov/study/NCT04599855",
    "read_at": "https://meddatax.com/clinical-trials/NCT04599855/results",
})
TRD4005 = {
    "study": "TRD4005 esketamine monotherapy trial (Janik)",
    "year": 2025,
    "publisher": "JAMA Psychiatry",
    "design": "phase 4 double-blind placebo-controlled randomised trial at 51 US outpatient "
              "centres, November 2020 to January 2024; esketamine 56 mg or 84 mg or placebo "
              "spray (1:1:2), with no antidepressant pill",
    "population": "adults with major depression without psychosis who had improved by 25% or "
                  "less on 2 or more antidepressant pills in the current episode, after 2 weeks "
                  "or more without any antidepressant",
    "outcome": "score-change",
    "measure": "change in MADRS total score from day 1 to day 28",
    "timepoint": "day 28",
    "sources": ["janik-2025-esketamine-monotherapy", "ctgov-nct04599855"],
    "comparator": "placebo nasal spray, with no antidepressant pill",
    "note": "Esketamine was tested on its own here, not added to an antidepressant. The "
            "results are not given here: the figures were seen only in news reports.",
    "design_kind": "randomised-blinded",
    "comparator_kind": "placebo",
    "timepoint_weeks": 4,
    "resistance": "two-or-more",
}
evidence = by_id["esketamine"]["evidence"]
if not any(row["study"] == TRD4005["study"] for row in evidence):
    evidence.append(TRD4005)

# Psychotherapy: the January 2026 NICE surveillance reviewed only the section on new episodes
# of less severe depression (whether to add IV ketamine there); it is not a review of the
# psychotherapy recommendation, so that row no longer says so or cites it.
nice_psychotherapy = next(g for g in by_id["psychotherapy"]["guidelines"]
                          if g["guideline"].startswith("NICE NG222"))
replace_text(nice_psychotherapy, "text",
             " NICE reviewed this guideline in January 2026 and did not change it.", "")
if "nice-2026-ng222-surveillance" in nice_psychotherapy["sources"]:
    nice_psychotherapy["sources"].remove("nice-2026-ng222-surveillance")
# ... and it belongs to IV ketamine, whose statement says exactly what it covered.
NICE_KETAMINE = {
    "guideline": "NICE NG222 (surveillance, January 2026)",
    "stance": "no-position",
    "line": "January 2026 surveillance of the section on new episodes of less severe "
            "depression: IV ketamine not added",
    "text": "In January 2026 NICE reviewed the part of its depression guideline on new "
            "episodes of less severe depression and decided not to add IV ketamine there. "
            "That review did not cover depression that has not responded to treatment.",
    "sources": ["nice-2026-ng222-surveillance"],
}
guidelines = by_id["iv-ketamine"]["guidelines"]
if not any(g["guideline"] == NICE_KETAMINE["guideline"] for g in guidelines):
    guidelines.append(NICE_KETAMINE)

# Cariprazine: the maker's page reports children's use for bipolar I mania, so "safety in
# children has not been established" was too broad; what the sources hold is the boxed
# warning and an adults-only approval for depression.
young = next(c for c in by_id["cariprazine"]["contraindications"] if c["tag"] == "young-age")
young["text"] = ("Antidepressant treatment raises the risk of suicidal thoughts and behaviour "
                 "in children, teenagers and young adults (a boxed warning). Cariprazine's "
                 "add-on use for depression is approved for adults only.")
for source_id in ("pharmanewsintel-2022-vraylar", "citeline-2022-vraylar"):
    if source_id not in young["sources"]:
        young["sources"].append(source_id)

# Brexpiprazole: the description now says no more than the cost text about the generic.
replace_text(by_id["brexpiprazole"], "description",
             "The FDA's drug listing also shows a generic brexpiprazole tablet on the market "
             "since February 2023, so ask the pharmacy whether a cheaper generic can be filled.",
             "The FDA's drug listing shows a generic brexpiprazole tablet with a marketing start "
             "in February 2023, but a price site said generics were not yet in pharmacies, so "
             "ask the pharmacy.")


# CANMAT's abbreviation DTD was never defined; guideline lines spell it out.
def spell_out_dtd(node):
    if isinstance(node, dict):
        return {k: spell_out_dtd(v) for k, v in node.items()}
    if isinstance(node, list):
        return [spell_out_dtd(v) for v in node]
    if isinstance(node, str):
        return re.sub(r"\bDTD\b", "difficult-to-treat depression", node)
    return node


data["treatments"] = spell_out_dtd(data["treatments"])
save(data)
