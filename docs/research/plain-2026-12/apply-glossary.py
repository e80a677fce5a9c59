"""Lay the glossary entries for abbreviations (glossary-2.yaml here) into data/treatments.yaml.

The maintainer's corrections: the SSRI entry drops the page read on mymlc.com (a copy of Mayo
Clinic's text whose own address was never seen) and keeps WebMD's; the 5-HT2A entry drops the
company page behind its psychedelic sentence and says only what NCBI Gene says.

Run from the project root: .venv/bin/python docs/research/plain-2026-12/apply-glossary.py
"""
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import add_sources, load, save

HERE = Path(__file__).parent
DROPPED_SOURCES = {"mayo-mcc-ssris", "renmab-htr2a"}
TEXTS = {"5-ht2a-receptor": "The 5-HT2A receptor is one of the body's receptors (docking "
                            "sites) for serotonin, a chemical messenger. It is found mostly in "
                            "the brain."}

data = load()
research = yaml.safe_load((HERE / "glossary-2.yaml").read_text(encoding="utf-8"))
add_sources(data, {source_id: source for source_id, source in research["new_sources"].items()
                   if source_id not in DROPPED_SOURCES})
known = {term["id"] for term in data["glossary"]}
for term in research["terms"]:
    if term["id"] in known:
        continue
    entry = {"id": term["id"], "name": term["name"], "aliases": term["aliases"],
             "text": TEXTS.get(term["id"], term["text"]),
             "sources": [s for s in term["sources"] if s not in DROPPED_SOURCES]}
    data["glossary"].append(entry)

save(data)
print(f"{len(data['glossary'])} glossary terms")
