"""Lay identifier rounds 4 to 6 (result-9-*.yaml, result-10-*.yaml, result-11.yaml) into data/treatments.yaml.

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
from catalogue_file import load, merge_sources, rename_references, save

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
    # suppr.wilddata.cn/browses/detail/pubmed/37792613: "N Engl J Med. 2023 Oct 5;389(14):1298-1309.
    # doi: 10.1056/NEJMoa2304145." with the authors' affiliations and the esketamine-versus-
    # quetiapine abstract; the title and author order are on the KCL research-portal record.
    # The University of Antwerp record the catalogue cited is what was read.
    "reif-2023-escape-trd": {
        "title": "Esketamine Nasal Spray versus Quetiapine for Treatment-Resistant Depression",
        "authors": "Reif A, Bitter I, Buyze J, et al.",
        "publisher": "New England Journal of Medicine",
        "pmid": "37792613", "doi": "10.1056/NEJMoa2304145",
        "url": "https://pubmed.ncbi.nlm.nih.gov/37792613/",
        "read_at": "https://repository.uantwerpen.be/link/irua/200542",
    },
    # peeref.com/zh/works/69491377 (a Crossref-derived index): Biological Psychiatry 58(5):347-354,
    # "DOI: 10.1016/j.biopsych.2005.05.025", beside the abstract (235 outpatients; response
    # 15.2% vs 10.0%, p = .251). The Duke record the catalogue cited is what was read.
    "rush-2005-vns-d02": {
        "doi": "10.1016/j.biopsych.2005.05.025",
        "url": "https://doi.org/10.1016/j.biopsych.2005.05.025",
        "read_at": "https://scholars.duke.edu/display/pub1237718",
    },
    # qigonginstitute.org/abstract/14217 (a PubMed-derived abstract copy): the six authors,
    # "J Clin Psychiatry", "2018 Aug 21", "Volume ID: 79, Issue ID: 5", "doi:
    # 10.4088/JCP.18m12178", and the abstract (328 VNS + TAU and 271 TAU patients).
    "conway-2018-vns-qol": {"doi": "10.4088/JCP.18m12178"},
    # Round 6 (result-11.yaml): peeref.com/zh/works/5086204 (a Crossref-derived index) prints
    # "BRITISH JOURNAL OF PSYCHIATRY 卷 214, 期 1, 页码 11-19 ... DOI: 10.1192/bjp.2018.66"
    # above the abstract the Cambridge Core page shows, word for word.
    "chamberlain-2018-crp": {"doi": "10.1192/bjp.2018.66"},
    # The catalogue cited CRD's DARE abstract of this review; the statement it backs reports the
    # review's findings, so the citation is now the review, and the DARE record what was read.
    # DOI from the "Cite" block of the OUP article page (read through a library proxy), same
    # title, authors, volume, issue and pages as the Cambridge Core page.
    "cooper-kazaz-2008-t3-ssri": {
        "title": "Efficacy and safety of triiodothyronine supplementation in patients with major "
                 "depressive disorder treated with specific serotonin reuptake inhibitors",
        "authors": "Cooper-Kazaz R, Lerer B",
        "year": 2008,
        "publisher": "International Journal of Neuropsychopharmacology",
        "doi": "10.1017/S1461145707008206",
        "url": "https://doi.org/10.1017/S1461145707008206",
        "read_at": "http://www.crd.york.ac.uk/crdweb/ShowRecord.asp?LinkFrom=OAI&ID=12008106069",
    },
    # The Pharmacological Reviews table the catalogue cited is "based on Dold and Kasper (2017)";
    # the citation is now that review. DOI in the Taylor & Francis article page's own address,
    # with the title and the abstract (dose, duration, plasma levels, adherence, comorbidity);
    # PMID from the QxMD copy of the PubMed record (same title and abstract word for word).
    "dold-kasper-2017-trd-pharmacotherapy": {
        "title": "Evidence-based pharmacotherapy of treatment-resistant unipolar depression",
        "authors": "Dold M, Kasper S",
        "publisher": "International Journal of Psychiatry in Clinical Practice",
        "pmid": "27848269", "doi": "10.1080/13651501.2016.1248852",
        "url": "https://doi.org/10.1080/13651501.2016.1248852",
        "read_at": "http://pharmrev.aspetjournals.org/highwire/markup/21969/expansion?width=1000"
                   "&height=500&iframe=true&postprocessors=highwire_tables%2Chighwire_reclass%2C"
                   "highwire_figures%2Chighwire_math%2Chighwire_inline_linked_media%2Chighwire_embed",
    },
}
# Two ids for one article (the same JAMA Psychiatry page): keep the first.
MERGED = {"opt-tms-design-jama": "opt-tms-abstract"}
# Ids that named the copy rather than the work.
RENAMED = {
    "escape-trd-abstract-uantwerp": "reif-2023-escape-trd",
    "crd-dare-t3-ssri-review": "cooper-kazaz-2008-t3-ssri",
    "dold-kasper-2017-pseudoresistance-checklist": "dold-kasper-2017-trd-pharmacotherapy",
}


data = load()
# Re-running the script is harmless: a merge or rename already done is skipped.
data = merge_sources(data, MERGED)
for old, new in RENAMED.items():
    if old not in data["sources"]:
        continue
    data["sources"] = {new if key == old else key: value for key, value in data["sources"].items()}
    data = rename_references(data, old, new)
for source_id, fields in CONFIRMED.items():
    data["sources"][source_id].update(fields)
save(data)
