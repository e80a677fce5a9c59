"""Lay in the currency-sweep findings confirmed on a regulator's own page (the rest of the
sweep is recorded in the files here and not yet applied; see the closing note).

Run from the project root: .venv/bin/python docs/research/currency-2026-12/apply.py
"""
import re
from pathlib import Path

import yaml

CATALOGUE = Path("data/treatments.yaml")
text = CATALOGUE.read_text(encoding="utf-8")
first_line = text.split("\n", 1)[0]
data = yaml.safe_load(text)
by_id = {t["id"]: t for t in data["treatments"]}

# esketamine.md 2c/3b: the FDA's own REMS record (REMS@FDA, last update 31 Dec 2024).
data["sources"]["fda-rems-spravato"] = {
    "title": "Approved Risk Evaluation and Mitigation Strategies (REMS): Spravato (esketamine), "
             "NDA 211243",
    "authors": "U.S. Food and Drug Administration", "year": 2024,
    "publisher": "U.S. Food and Drug Administration (REMS@FDA)", "kind": "regulator",
    "url": "https://www.accessdata.fda.gov/scripts/cder/rems/index.cfm?event=IndvRemsDetails.page"
           "&REMS=386"}
warnings = by_id["esketamine"]["warnings"]
rems = next(w for w in warnings if w["kind"] == "rems")
rems["text"] = ("Only available through the SPRAVATO REMS: clinics and pharmacies must be "
                "certified, outpatients must be enrolled, and every dose is self-given in the "
                "clinic under direct observation. A prescriber must be on site, and staff check "
                "breathing with a pulse oximeter. You are watched for at least 2 hours and until "
                "any sleepiness, detached feeling or slowed breathing has passed. It is never "
                "given out for home use.")
rems["sources"] = ["fda-rems-spravato", *[s for s in rems["sources"] if s != "fda-rems-spravato"]]
boxed = next(w for w in warnings if w["kind"] == "boxed")
if "fda-rems-spravato" not in boxed["sources"]:
    boxed["sources"].append("fda-rems-spravato")

# psychotherapy.md 3.1/3.2: a TRD-specific meta-analysis (PubMed abstract read) and NICE's
# January 2026 surveillance decision (NICE's own page read).
data["sources"]["giguere-2025-psychotherapy-trd"] = {
    "title": "Effectiveness of Psychological Therapy for Treatment-Resistant Depression in "
             "Adults: A Systematic Review and Meta-Analysis",
    "authors": "Giguère S, Fortier A, Azrak J, Giguère CÉ, Potvin S, Dumais A", "year": 2025,
    "publisher": "Journal of Personalized Medicine (MDPI)", "kind": "meta-analysis",
    "pmid": "40863400", "doi": "10.3390/jpm15080338",
    "url": "https://pubmed.ncbi.nlm.nih.gov/40863400/",
    "read_at": "https://suppr.wilddata.cn/browses/detail/pubmed/40863400"}
data["sources"]["nice-2026-ng222-surveillance"] = {
    "title": "January 2026 exceptional surveillance of depression in adults: treatment and "
             "management (NICE guideline NG222)",
    "authors": "National Institute for Health and Care Excellence", "year": 2026,
    "publisher": "National Institute for Health and Care Excellence", "kind": "guideline",
    "url": "https://www.nice.org.uk/guidance/ng222/evidence/january-2026-exceptional-"
           "surveillance-of-depression-in-adults-treatment-and-management-nice-15604053805"
           "?tab=evidence"}
therapy = by_id["psychotherapy"]
if not any(e["study"] == "Giguère meta-analysis" for e in therapy["evidence"]):
    therapy["evidence"].append({
        "study": "Giguère meta-analysis", "year": 2025,
        "publisher": "Journal of Personalized Medicine",
        "design": "systematic review and meta-analysis",
        "population": "adults whose depression had not responded to at least two earlier "
                      "treatments (medicine and/or therapy); 12 studies",
        "outcome": "score-change",
        "measure": "standardised mean difference in depression symptoms, psychotherapy vs control",
        "treatment_value": -0.49, "comparator": "control conditions", "unit": "SMD",
        "timepoint": "end of treatment",
        "note": "95% CI -0.63 to -0.34, a small-to-moderate benefit. Similar effects for "
                "mindfulness-based cognitive therapy (-0.51), CBT (-0.53) and cognitive therapy "
                "(-0.51). The authors say the number of studies in this group is still small.",
        "sources": ["giguere-2025-psychotherapy-trd"]})
nice_row = next(g for g in therapy["guidelines"] if g["guideline"].startswith("NICE"))
if "nice-2026-ng222-surveillance" not in nice_row["sources"]:
    nice_row["text"] = nice_row["text"].rstrip() + (" NICE reviewed this guideline in January "
                                                     "2026 and did not change it.")
    nice_row["sources"].append("nice-2026-ng222-surveillance")

# Entries whose sweep found nothing to change in 2023-2026, or whose findings are all laid in
# above (each entry's file here records the date and the searches).
for treatment_id in ("maoi", "quetiapine-xr", "olanzapine-fluoxetine", "ect", "snt", "itbs",
                     "deep-tms", "aripiprazole", "thyroid-augmentation", "psychotherapy"):
    by_id[treatment_id]["reviewed"] = "2026-12-01"

out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
             flags=re.MULTILINE)
CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
print("esketamine REMS warning now cites the FDA's REMS record")
