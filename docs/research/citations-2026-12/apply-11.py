"""Re-sourcing round (BRIEF-copies.md; result-copies-a/b.yaml) and citation fields
(result-fields.yaml), laid into data/treatments.yaml.

1. Statements that rested on a copy host the data test did not yet name (an MPR monograph
   mirror, an unattributed textbook copy, a news aggregator, a reprint, a flipbook) now rest on
   canonical sources. Where the canonical text could not be read, the statement is narrowed to
   what was read, or dropped (the Auvelity psychosis warning: its screen cell is open again).
2. A source's title, authors and publisher name the work, not where or how it was read: notes
   such as "copy held by DrugCentral" or "author list not shown on the page read" leave the
   citation (the copy stays in read_at; an unknown author list is simply absent).

Run from the project root: .venv/bin/python docs/research/citations-2026-12/apply-11.py
"""
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import load, save

data = load()
sources = data["sources"]
by_id = {t["id"]: t for t in data["treatments"]}
glossary = {g["id"]: g for g in data["glossary"]}

NEW_SOURCES: dict[str, dict[str, Any]] = {
    # result-copies-b: PubMed page read (title, J ECT 2003;19(4):234-7, DOI); its abstract
    # summarises the APA 2001 task force on raised intracranial pressure.
    "ject-2003-ect-intracranial-hypertension": {
        "title": "Use of ECT in idiopathic intracranial hypertension", "year": 2003,
        "publisher": "Journal of ECT", "kind": "cohort", "pmid": "14657778",
        "doi": "10.1097/00124509-200312000-00011",
        "url": "https://pubmed.ncbi.nlm.nih.gov/14657778/"},
    # result-copies-b: Duke Scholars record (title, authors, J ECT 16(2):189-197, PubMed ID, DOI).
    "patkar-2000-ect-brain-tumour": {
        "title": "ECT in the presence of brain tumor and increased intracranial pressure: "
                 "evaluation and reduction of risk",
        "authors": "Patkar AA, Hill KP, Weinstein SP, Schwartz SL", "year": 2000,
        "publisher": "Journal of ECT", "kind": "cohort", "pmid": "10868329",
        "doi": "10.1097/00124509-200006000-00011",
        "url": "https://doi.org/10.1097/00124509-200006000-00011",
        "read_at": "https://scholars.duke.edu/display/pub753724"},
    # result-copies-b: the DOI on a repost of the abstract (with the Cochrane Library link) and in
    # independent notes; journal, date and first author on HealthDay's page. What the statement
    # reports was read in Cochrane's press release, kept as read_at.
    "clegg-2026-cochrane-exercise": {
        "title": "Exercise for depression", "authors": "Clegg AJ, et al.", "year": 2026,
        "publisher": "Cochrane Database of Systematic Reviews", "kind": "meta-analysis",
        "doi": "10.1002/14651858.CD004366.pub7",
        "url": "https://doi.org/10.1002/14651858.CD004366.pub7",
        "read_at": "https://press-news.org/218720-exercise-to-treat-depression-yields-similar-"
                   "results-to-therapy.html"},
    # result-copies-b: the company's own release, read on jnj.com (21 January 2025).
    "jnj-2025-spravato-monotherapy": {
        "title": "SPRAVATO (esketamine) approved in the U.S. as the first and only monotherapy "
                 "for adults with treatment-resistant depression",
        "authors": "Johnson & Johnson", "year": 2025,
        "publisher": "Johnson & Johnson (press release)", "kind": "manufacturer",
        "url": "https://jnj.com/media-center/press-releases/spravato-esketamine-approved-in-the-"
               "u-s-as-the-first-and-only-monotherapy-for-adults-with-treatment-resistant-"
               "depression"},
    # result-copies-a: the outlet's own page (28 Nov 2019): the 24/7 line, 1800 111 888.
    "carlow-nationalist-2019-ymh-line": {
        "title": "Ministers say new mental health support line could save lives",
        "authors": "McEnroe J", "year": 2019, "publisher": "The Carlow Nationalist",
        "kind": "news",
        "url": "https://carlow-nationalist.ie/2019/11/28/ministers-say-new-mental-health-"
               "support-line-could-save-lives/"},
    # result-copies-a: FDA's own page on De Novo summaries (novel low-to-moderate-risk devices,
    # class I or II, requests "granted").
    "fda-denovo-summaries": {
        "title": "Evaluation of Automatic Class III Designation (De Novo) Summaries",
        "authors": "US Food and Drug Administration, Center for Devices and Radiological Health",
        "publisher": "US Food and Drug Administration", "kind": "regulator",
        "url": "http://www.fda.gov/aboutfda/centersoffices/officeofmedicalproductsandtobacco/"
               "cdrh/cdrhtransparency/ucm232269.htm"},
    # result-copies-a: the PubMed page (title, PMID, DOI, abstract: nine items scored 0-3;
    # 5, 10, 15 and 20 as the severity cut-points).
    "kroenke-2001-phq9": {
        "title": "The PHQ-9: validity of a brief depression severity measure",
        "authors": "Kroenke K, Spitzer RL, Williams JB", "year": 2001,
        "publisher": "Journal of General Internal Medicine", "kind": "cohort",
        "pmid": "11556941", "doi": "10.1046/j.1525-1497.2001.016009606.x",
        "url": "https://pubmed.ncbi.nlm.nih.gov/11556941/"},
}
RETIRED = ("mpr-auvelity-monograph", "healtham-ect-contraindications",
           "cochrane-exercise-update-news", "mtnewswires-2025-monotherapy",
           "hse-your-mental-health-line", "aoac-spada-denovo", "medtech-510k-vs-denovo",
           "oskarflygare-kroenke2001")
for source_id, record in NEW_SOURCES.items():
    sources.setdefault(source_id, record)


def item(items: list[dict], key: str, value: str) -> dict:
    return next(i for i in items if i[key] == value)


def cite(node: dict, *source_ids: str) -> None:
    node["sources"] = list(source_ids)


# Auvelity (result-copies-a): label section 2 and the maker's safety information were read;
# label sections 4 and 5 were not reachable, so the statements say no more than those.
dxm = by_id["dxm-bupropion"]
dxm["course"]["sources"] = ["auvelity-label-2024", "auvelity-connectrx-label-summary"]
seizures = item(dxm["side_effects"], "name", "seizures")
seizures["text"] = ("The bupropion part can cause seizures, so it is not used in people who have "
                    "a seizure disorder or an eating disorder (bulimia or anorexia).")
cite(seizures, "auvelity-isi-print-2023")
pressure = item(dxm["side_effects"], "name", "raised blood pressure")
pressure["text"] = "Blood pressure should be checked before starting and from time to time during treatment."
cite(pressure, "auvelity-label-2024", "auvelity-connectrx-label-summary")
dxm["side_effects"] = [e for e in dxm["side_effects"]
                       if e["name"] != "confusion, hallucinations or psychosis"]
cite(item(dxm["contraindications"], "tag", "seizure-disorder"), "auvelity-isi-print-2023")
dxm["contraindications"] = [c for c in dxm["contraindications"] if c["tag"] != "psychosis"]
serotonin = next(c for c in item(data["classes"], "id", "antidepressants")["contraindications"]
                 if "mpr-auvelity-monograph" in c["sources"])
serotonin["sources"] = [s for s in serotonin["sources"] if s != "mpr-auvelity-monograph"] + [
    "auvelity-label-2024", "auvelity-isi-print-2023"]

# ECT (result-copies-b): no absolute contraindication; raised intracranial pressure weighed
# case by case (two papers); the other high-risk conditions as the medical-algorithms page
# lists them ("should be carefully evaluated").
ect = by_id["ect"]["contraindications"]
icp = item(ect, "tag", "raised-intracranial-pressure")
icp["text"] = ("Brain tumours or other causes of raised pressure in the skull carry a substantially "
               "higher risk. There is no absolute ban, but risk and benefit are weighed case by "
               "case.")
cite(icp, "ject-2003-ect-intracranial-hypertension", "patkar-2000-ect-brain-tumour",
     "medicalalgorithms-ect-risk")
heart = item(ect, "tag", "cardiovascular-disease")
heart["text"] = heart["text"].replace("need specialist review first", "need careful medical "
                                      "assessment first")
for tag in ("cardiovascular-disease", "recent-stroke", "aneurysm"):
    cite(item(ect, "tag", tag), "medicalalgorithms-ect-risk")
cite(item(ect, "tag", "anaesthesia-risk"), "medicalalgorithms-ect-risk", "nice-2022-ng222")

# Exercise: Cochrane's own release on its 2026 update, named as such.
injury = by_id["lifestyle"]["side_effects"][0]
injury["name"] = "occasional muscle or joint injury"
injury["text"] = ("Cochrane's press release on its 2026 update of the review of exercise for "
                  "depression says side effects of exercise were rare, with occasional muscle or "
                  "joint injuries. This rests on the press release, not on the review's own "
                  "results.")
cite(injury, "clegg-2026-cochrane-exercise")

# Esketamine's January 2025 approval: the company's release instead of a reprint of a wire item.
fda_esketamine = item(by_id["esketamine"]["regulatory"], "agency", "FDA")
fda_esketamine["sources"] = ["jnj-2025-spravato-monotherapy" if s == "mtnewswires-2025-monotherapy"
                             else s for s in fda_esketamine["sources"]]

# The Irish information line: the outlet's own report of the launch instead of a reprint.
for country in data["crisis"]["countries"]:
    for service in country["services"]:
        if "hse-your-mental-health-line" in service.get("sources", []):
            cite(service, "carlow-nationalist-2019-ymh-line")

# Glossary: FDA's own De Novo page; the PHQ-9's own validation paper.
approved = glossary["approved-vs-cleared"]
# A drug label's "Initial U.S. Approval" line (read on the Auvelity FDALabel record) backs
# the clause on medicines.
approved["sources"] = ["auvelity-label-fdalabel-2026", "easconsulting-510k", "supplyside-pma",
                       "fda-denovo-summaries"]
approved["text"] = approved["text"].replace("new lower-risk devices with no match",
                                            "new low- to moderate-risk devices with no match")
phq9 = glossary["phq-9"]
phq9["sources"] = ["kroenke-2001-phq9", "calcipedia-phq9"]

for source_id in RETIRED:
    sources.pop(source_id, None)

# Citation fields (result-fields.yaml): the PubMed page names the benefit-risk analysis
# (Clin Pharmacol Ther 2021;109(2):536-546; a post hoc analysis of the TRANSFORM trials); a
# library record gives the lithium meta-analysis's authors; Janssen's reference list names
# TRANSFORM-2's journal.
sources["cpt-2020-esketamine-benefit-risk"].update({
    "title": "Benefit-Risk Assessment of Esketamine Nasal Spray vs. Placebo in "
             "Treatment-Resistant Depression (Table 1: efficacy and safety per 100 patients in "
             "TRANSFORM-1 and TRANSFORM-2)",
    "authors": "Katz EG, Hough D, Doherty T, et al.", "year": 2021,
    "publisher": "Clinical Pharmacology & Therapeutics", "kind": "trial", "pmid": "32860422"})
sources["nelson-2014-lithium-ma"]["authors"] = "Nelson JC, Baumann P, Delucchi K, Joffe R, Katona C"
transform2 = item(by_id["esketamine"]["evidence"], "study", "TRANSFORM-2 (Popova 2019)")
transform2["publisher"] = "American Journal of Psychiatry"

# What each citation says of itself: the work, not the copy or the reading.
CITATION_TEXT: dict[str, dict[str, str | None]] = {
    "ketamine-esketamine-meta-2022": {"authors": None},
    "ketamine-label-drugcentral": {"authors": "Hospira, Inc.",
                                   "publisher": "DailyMed (US National Library of Medicine)"},
    "sustain1-results-nct02493868": {"authors": "Janssen Research & Development"},
    "opt-tms-abstract": {"authors": "OPT-TMS investigators",
                         "publisher": "Archives of General Psychiatry"},
    "trial-exclusions-pmc10566125": {"authors": None},
    "husain-2004-core": {"authors": "Consortium for Research in ECT (CORE)"},
    "nice-2022-ng222-rationale": {
        "title": "Depression in adults: treatment and management (NG222): rationale for "
                 "further-line treatment"},
    "vns-ae-table-2006": {"authors": None, "publisher": "PubMed Central"},
    "recover-2025-durability-preprint": {"publisher": "medRxiv"},
    "compass-2025-comp005-summary": {"authors": "Compass Pathways"},
    "parnate-label-2021-usage": {"authors": None,
                                 "publisher": "DailyMed (US National Library of Medicine)"},
    "parnate-label-2021-precautions": {"authors": None,
                                       "publisher": "DailyMed (US National Library of Medicine)"},
    "nardil-label-text": {"title": "Nardil (phenelzine) prescribing information: indications "
                                   "and side effects"},
    "marplan-label-text": {"title": "Marplan (isocarboxazid) prescribing information: "
                                    "Indications and Usage"},
    "auvelity-connectrx-label-summary": {
        "title": "AUVELITY prescribing information: boxed warning, indications, dosage and "
                 "administration", "authors": "Axsome Therapeutics"},
    "symbyax-medguide-drugcentral": {"title": "SYMBYAX Medication Guide"},
    "berman-2007-aripiprazole": {"authors": "Berman RM, et al."},
    "drugcentral-rexulti-label": {"title": "REXULTI prescribing information: adverse reactions"},
    "pillsync-rexulti-label": {"title": "REXULTI (brexpiprazole) prescribing information: "
                                        "boxed warning"},
    "mims-rexulti-hk": {"authors": None, "publisher": "MIMS Hong Kong"},
    "quetiapine-xr-2010-ijnp": {"authors": None},
    "drugcentral-seroquel-xr-label": {"title": "SEROQUEL XR prescribing information: warnings "
                                               "and precautions"},
    "sachs-2023-cariprazine": {"authors": None},
    "lithium-continuation-ajp": {"authors": None},
    "liothyronine-ahfs-drugscom": {"authors": "American Society of Health-System Pharmacists "
                                              "(AHFS)"},
    "mirai-ct152-abstract": {"authors": "MIRAI investigators"},
    "meddatax-nct04770285": {"authors": None, "publisher": "ClinicalTrials.gov"},
    "lam-2024-canmat-2023-text": {
        "title": "Canadian Network for Mood and Anxiety Treatments (CANMAT) 2023 Update on "
                 "Clinical Guidelines for Management of Major Depressive Disorder in Adults: "
                 "recommendation tables", "authors": "Lam RW, Kennedy SH, Adams C, et al."},
    "unlv-2023-ketamine-disinhibition": {"authors": None},
    "spravato-label-mirror": {"title": "SPRAVATO prescribing information, sections 5.1-5.3",
                              "authors": "Janssen Pharmaceuticals"},
    "boxed-warning-encyclopedia": {"title": "Boxed warning",
                                   "authors": "Wikipedia contributors"},
    "augmentation-combination-abstract": {"authors": None},
    "trd-delphi-2021-table3": {"authors": None},
    "camh-988-launch-release": {"title": "Canada's 9-8-8 Suicide Crisis Helpline now available",
                                "authors": "Public Health Agency of Canada"},
    "mims-abilify-maintena-my-precautions": {"authors": None},
    "mims-abilify-maintena-my-pregnancy": {"authors": None},
    "auvelity-ahfs-drugscom": {"authors": "American Society of Health-System Pharmacists "
                                          "(AHFS)"},
    "lithobid-label-globalrph": {"authors": None,
                                 "publisher": "US Food and Drug Administration (openFDA)"},
    "jpr-2021-ketamine-age-groups-review": {"authors": None},
    "uofmhealth-dxm-bupropion-leaflet": {"authors": None},
}
for source_id, fields in CITATION_TEXT.items():
    for field, value in fields.items():
        if value is None:
            sources[source_id].pop(field, None)
        else:
            sources[source_id][field] = value
save(data)
