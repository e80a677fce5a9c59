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

out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
             flags=re.MULTILINE)
CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
print("esketamine REMS warning now cites the FDA's REMS record")
