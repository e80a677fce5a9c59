"""Lay identifier rounds 4 and 5 (result-9-*.yaml, result-10-*.yaml) into data/treatments.yaml.

Only the values below enter the catalogue: each was checked against the page quoted beside it
(the helpers' files hold the full look-up logs). Identifiers read on a copy of a PubMed record
or on a Crossref-derived index are accepted when the copy's text matches the paper (grade C in
BRIEF-ids-5.md), as rounds 1-3 did for PubFacts, curehunter and QxMD; the citation keeps the
publisher's page, or points at PubMed/doi.org.

Run from the project root: .venv/bin/python docs/research/citations-2026-12/apply-10.py
"""
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import load, save

# source id -> fields to set, with the page that confirmed them.
CONFIRMED: dict[str, dict[str, Any]] = {
    # suppr.wilddata.cn/browses/detail/pubmed/34851558 (a PubMed-record copy): "J Clin
    # Psychiatry. 2021 Nov 30;83(1):21m13964. doi: 10.4088/JCP.21m13964." above the abstract the
    # publisher's page shows (296,055 and 277,941 PTD patients; 6.0% and 5.8% TRD).
    "liu-2021-epidemiology": {"pmid": "34851558", "doi": "10.4088/JCP.21m13964"},
    # The publisher's page (the catalogue url) names the article and its seven authors
    # (result-9-b.yaml); the catalogue held placeholders.
    "cambridge-2020-ketamine-older-adults-review": {
        "title": "A systematic review of ketamine for the treatment of depression among older adults",
        "authors": "Gupta A, Dhar R, Patadia P, Funaro M, Bhattacharya G, Farheen SA, Tampi RR",
    },
}
# Two ids for one article (the same JAMA Psychiatry page): keep the first.
MERGED = {"opt-tms-design-jama": "opt-tms-abstract"}


def rename_references(node: Any, old: str, new: str) -> Any:
    if isinstance(node, dict):
        return {key: rename_references(value, old, new) for key, value in node.items()}
    if isinstance(node, list):
        renamed = [rename_references(item, old, new) for item in node]
        # A list that already named the kept id must not name it twice.
        return list(dict.fromkeys(renamed)) if all(isinstance(i, str) for i in renamed) else renamed
    return new if node == old else node


data = load()
for old, new in MERGED.items():
    del data["sources"][old]
    data = rename_references(data, old, new)
for source_id, fields in CONFIRMED.items():
    data["sources"][source_id].update(fields)
save(data)
