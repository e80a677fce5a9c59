"""Round 3 of the currency sweep, first half (round3-a.yaml): rTMS clearances for depression
with anxiety symptoms, and the RECOVER randomised VNS trial.

The three 510(k) records were read on a copy of the FDA 510(k) database, as K231926 was. The
RECOVER paper's abstract was read on a DOAJ-derived library record and a MEDLINE-style record,
and its journal, volume and pages on Washington University's record; the citation is the
publisher's own address (printed on the DOAJ record). No PMID or DOI was printed on any page,
so the paper joins the reviewed list in tests/test_citations.py. Nothing from the extension
(news only) enters, and the RCT's funding line was not read, so it is not stated.

Run from the project root: .venv/bin/python docs/research/currency-2026-12/apply-4.py
"""
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import add_sources, load, save

HERE = Path(__file__).parent
data = load()
by_id = {t["id"]: t for t in data["treatments"]}
found = yaml.safe_load((HERE / "round3-a.yaml").read_text(encoding="utf-8"))
new_sources = {**found["rtms"]["new_sources"], **found["vns"]["new_sources"]}
new_sources["recover-2025-rct"] = new_sources.pop("conway-2025-recover-rct")
add_sources(data, new_sources)
data["sources"]["recover-2025-rct"].pop("authors", None)  # not read on the pages seen

fda_rtms = next(r for r in by_id["rtms"]["regulatory"] if r["agency"] == "FDA")
ANXIETY = (" Some systems are also cleared for adults whose depression comes with anxiety "
           "symptoms, to treat the depression and ease the anxiety (Magstim Horizon 3.0 in 2023, "
           "MagVenture in 2025, and NeuroStar). These clearances too apply only when "
           "antidepressant medicine has not helped enough in the current episode.")
if ANXIETY not in fda_rtms["indication"]:
    fda_rtms["indication"] += ANXIETY
for source_id in ("fda-510k-k223154", "fda-510k-k251119", "fda-510k-k220127"):
    if source_id not in fda_rtms["sources"]:
        fda_rtms["sources"].append(source_id)

vns = by_id["vns"]
RECOVER = {
    "study": "RECOVER randomised sham-controlled trial",
    "year": 2025,
    "publisher": "Brain Stimulation",
    "design": "12-month multicentre double-blind randomised trial; the device was implanted in "
              "everyone and switched on, or left off (sham)",
    "population": "adults with markedly treatment-resistant major depression (at least 4 failed "
                  "antidepressant trials in the current episode)",
    "n": 493,
    "outcome": "other",
    "measure": "share of time in response (MADRS down by at least half) over months 3 to 12",
    "timepoint": "12 months",
    "sources": ["recover-2025-rct", "recover-2025-durability-preprint"],
    "comparator": "sham VNS (device implanted but not switched on)",
    "note": "The main result did not separate active from sham VNS, and the abstract gives no "
            "numbers for it. Other measures favoured VNS: time in response on the clinician's "
            "overall rating (P = 0.004) and on the patients' own rating (P = 0.049), and time "
            "with at least a 30% improvement on two scales. Breathlessness was more common with "
            "the device on (P = 0.035). 88.4% finished the trial.",
    "design_kind": "randomised-blinded",
    "comparator_kind": "sham",
    "timepoint_weeks": 52,
    "resistance": "two-or-more",
}
if not any(row["study"] == RECOVER["study"] for row in vns["evidence"]):
    vns["evidence"].append(RECOVER)
vns["durability"]["text"] = vns["durability"]["text"].replace(
    "Note that the main randomised RECOVER result (about 500 people) did not separate active from "
    "inactive devices. This was on its main depression scale at 12 months.",
    "Note that the main randomised RECOVER result (493 adults) did not separate active from "
    "inactive devices on its main depression scale over months 3 to 12.")
if "recover-2025-rct" not in vns["durability"]["sources"]:
    vns["durability"]["sources"].append("recover-2025-rct")
breath = next(e for e in vns["side_effects"] if e["name"] == "shortness of breath")
SENTENCE = (" In a 12-month trial of 493 adults, it was more common with the device switched on "
            "than off.")
if SENTENCE not in breath["text"]:
    breath["text"] += SENTENCE
    breath["sources"].append("recover-2025-rct")
save(data)
