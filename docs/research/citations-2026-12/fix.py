"""Second step of the December 2026 citation clean-up (after apply.py): retire the sources that
could only be read on copies, re-source or rewrite the statements that rested on them alone
(replacements-1.md, replacements-2.md), and fix the six statements of issue 13
(six-statements-2026-12.md). Every new source and figure here was confirmed by a helper on the
page named in those files; the decisions are the maintainer's.

Run from the project root after apply.py: .venv/bin/python docs/research/citations-2026-12/fix.py
"""
import re
from pathlib import Path

import yaml

CATALOGUE = Path("data/treatments.yaml")
text = CATALOGUE.read_text(encoding="utf-8")
first_line = text.split("\n", 1)[0]
data = yaml.safe_load(text)
sources = data["sources"]
by_id = {t["id"]: t for t in data["treatments"]}

# Sources whose only readable copy is a mirror, staging host or aggregator, with no canonical
# record confirmed (result-*.yaml, replacements-*.md): cited by nothing after this script.
RETIRED = [
    "popova-2019-transform2", "popova-2019-transform2-copy", "sustain1-poster",
    "reif-2023-escape-trd", "mdedge-neurostar-fast-facts", "oreardon-2007-pivotal",
    "neurostar-faq-risks", "itbs-vs-hfrtms-meta", "cole-2022-kudos", "snt-2022-counts-summary",
    "etg-ect-adverse-effects", "medpath-2024-recover", "dougherty-2018-dbs-review",
    "medpath-transcend", "axsome-2023-auvelity-isi", "mims-abilify-hk",
    "mims-abilify-maintena-th", "mdedge-2015-rexulti", "polaris-brexpiprazole-abstract",
    "wikidoc-brexpiprazole", "jodrugs-brexpiprazole-leaflet", "medx-vraylar-cost",
    "nhs-ggc-lithium-monitoring", "nice-cks-summary-guidelinegenius", "zoloft-label-table3",
    "fda-k231209-rejoyn", "zhdanava-2021-prevalence", "optum-vns-ced-summary",
    "pmc8382305-outcomes-figure", "hl7-rems-ig", "neurostar-contraindication-form",
    "crossley-2007-lithium-ma", "psychnews-2018-itbs-clearance",
]

NEW_SOURCES = {
    "swainson-2021-canmat-ketamine": {
        "title": "The Canadian Network for Mood and Anxiety Treatments (CANMAT) Task Force "
                 "Recommendations for the Use of Racemic Ketamine in Adults with Major Depressive "
                 "Disorder",
        "authors": "Swainson et al.", "year": 2021,
        "publisher": "Canadian Journal of Psychiatry", "kind": "guideline",
        "pmid": "33174760", "doi": "10.1177/0706743720970860",
        "url": "https://pubmed.ncbi.nlm.nih.gov/33174760/"},
    "oha-what-are-psilocybin-services": {
        "title": "Oregon Psilocybin Services: What are Psilocybin Services?",
        "authors": "Oregon Health Authority", "publisher": "Oregon Health Authority",
        "kind": "regulator",
        "url": "https://www.oregon.gov/oha/ph/preventionwellness/pages/"
               "psilocybin-what-are-psilocybin-services.aspx"},
    "oha-psilocybin-services-overview": {
        "title": "Oregon Psilocybin Services", "authors": "Oregon Health Authority",
        "publisher": "Oregon Health Authority", "kind": "regulator",
        "url": "https://www.oregon.gov/oha/PH/PREVENTIONWELLNESS/Pages/"
               "Oregon-Psilocybin-Services.aspx"},
    "co-dor-natural-medicine": {
        "title": "Natural Medicine Division", "authors": "Colorado Department of Revenue",
        "publisher": "Colorado Department of Revenue", "kind": "regulator",
        "url": "https://dnm.colorado.gov/"},
    "co-dora-natural-medicine": {
        "title": "Natural Medicine Program",
        "authors": "Colorado Department of Regulatory Agencies, Division of Professions and "
                   "Occupations",
        "publisher": "Colorado DORA", "kind": "regulator",
        "url": "https://dpo.colorado.gov/NaturalMedicine"},
    "rmpbs-2025-colorado-first-healing-center": {
        "title": "Q&A: Colorado issued its first psilocybin healing center license",
        "authors": "Rocky Mountain PBS", "year": 2025, "publisher": "Rocky Mountain PBS",
        "kind": "news",
        "url": "https://www.rmpbs.org/blogs/health/psilocybin-healing-center-colorado"},
    "sheppardpratt-tms-safety": {
        "title": "TMS Safety", "authors": "Sheppard Pratt", "publisher": "Sheppard Pratt",
        "kind": "clinic",
        "url": "https://www.sheppardpratt.org/care-finder/transcranial-magnetic-stimulation/"
               "tms-safety/"},
    "tendler-2023-tms-implants": {
        "title": '"Can We Deliver TMS to Patients With Implanted Devices?" A Practical Summary of '
                 "the Recent Safety Recommendations",
        "authors": "Tendler A, Roth Y, Hanlon CA", "year": 2023,
        "publisher": "Journal of Clinical Psychiatry (letter)", "kind": "commentary",
        "url": "https://www.psychiatrist.com/jcp/can-we-deliver-tms-patients-implanted-devices-"
               "practical-summary-recent-safety-recommendations/"},
    "northernlight-ect-side-effects": {
        "title": "What Are the Side-Effects of ECT?", "authors": "Northern Light Health",
        "publisher": "Northern Light Health (Acadia Hospital)", "kind": "clinic",
        "url": "https://northernlighthealth.org/Our-System/Acadia-Hospital/"
               "Care-Centers-Services/Electroconvulsive-Therapy/FAQ/"
               "What-Are-the-Side-Effects-of-ECT"},
    "oxfordhealth-ect-side-effects": {
        "title": "What are the side effects of ECT?",
        "authors": "Oxford Health NHS Foundation Trust",
        "publisher": "Oxford Health NHS Foundation Trust", "kind": "clinic",
        "url": "https://www.oxfordhealth.nhs.uk/ips/ect-2/what-are-the-side-effects-of-ect/"},
    "mayo-ect-risks": {
        "title": "Electroconvulsive therapy (ECT): risks", "authors": "Mayo Clinic",
        "year": 2012, "publisher": "Mayo Clinic", "kind": "clinic",
        "url": "http://www.mayoclinic.org/tests-procedures/electroconvulsive-therapy/basics/"
               "risks/prc-20014161"},
    "nice-2022-ng222-relapse": {
        "title": "Depression in adults: treatment and management (NG222), recommendations 1.8.1 "
                 "to 1.8.5 (preventing relapse)",
        "authors": "National Institute for Health and Care Excellence", "year": 2022,
        "publisher": "NICE", "kind": "guideline",
        "url": "https://www.nice.org.uk/guidance/ng222/chapter/Recommendations",
        "read_at": "http://old.bansdoc.gov.bd/eBook/14/files/basic-html/page57.html"},
    "who-mhgap-antidepressant-duration": {
        "title": "mhGAP evidence resource: Duration of antidepressant treatment",
        "authors": "World Health Organization", "publisher": "World Health Organization",
        "kind": "guideline",
        "url": "http://www.who.int/mental_health/mhgap/evidence/depression/q2/en/"},
    "zoloft-label-fdalabel-2023": {
        "title": "ZOLOFT (sertraline hydrochloride) tablets and oral solution: US prescribing "
                 "information, section 6.1",
        "authors": "Viatris Specialty LLC", "year": 2023,
        "publisher": "US Food and Drug Administration (FDALabel)", "kind": "label",
        "url": "https://nctr-crs.fda.gov/fdalabel/services/spl/set-ids/"
               "fda754f6-d0f3-4dce-a17a-927d64f912f7/spl-doc",
        "read_at": "https://mdtodate.com/zoloft-side-effects"},
    "auvelityhcp-comet-long-term": {
        "title": "AUVELITY long-term data (COMET 12-month open-label safety study)",
        "authors": "Axsome Therapeutics", "publisher": "Axsome Therapeutics (AuvelityHCP.com)",
        "kind": "manufacturer", "url": "https://www.auvelityhcp.com/additional-one-year-data"},
    "sps-lithium-monitoring": {
        "title": "Lithium monitoring", "authors": "Specialist Pharmacy Service, NHS England",
        "publisher": "Specialist Pharmacy Service (NHS)", "kind": "guideline",
        "url": "https://sps.nhs.uk/monitorings/lithium-monitoring"},
    "mims-abilify-maintena-my": {
        "title": "Abilify Maintena (aripiprazole): concise prescribing information (Malaysia)",
        "authors": "Otsuka (summarised by MIMS)", "publisher": "MIMS Malaysia",
        "kind": "drug-reference",
        "url": "https://www.mims.com/malaysia/drug/info/abilify%20maintena"},
    "mims-abilify-maintena-my-precautions": {
        "title": "Abilify Maintena (aripiprazole): special precautions (Malaysia)",
        "authors": "Otsuka (reproduced by MIMS)", "publisher": "MIMS Malaysia",
        "kind": "drug-reference",
        "url": "https://www.mims.com/malaysia/drug/info/abilify%20maintena/special-precautions"},
    "mims-abilify-maintena-my-pregnancy": {
        "title": "Abilify Maintena (aripiprazole): use in pregnancy and lactation (Malaysia)",
        "authors": "Otsuka (reproduced by MIMS)", "publisher": "MIMS Malaysia",
        "kind": "drug-reference",
        "url": "https://www.mims.com/malaysia/drug/info/abilify%20maintena/"
               "use-in-pregnancy-lactation"},
    "fda-2016-aripiprazole-impulse-control": {
        "title": "FDA Drug Safety Podcast: FDA warns about new impulse-control problems associated "
                 "with mental health drug aripiprazole (Abilify, Abilify Maintena, Aristada)",
        "authors": "US Food and Drug Administration", "year": 2016,
        "publisher": "US Food and Drug Administration", "kind": "regulator",
        "url": "https://www.fda.gov/drugs/fda-drug-safety-podcasts/fda-drug-safety-podcast-fda-"
               "warns-about-new-impulse-control-problems-associated-mental-health-drug"},
    "rexultihcp-mdd-safety": {
        "title": "REXULTI (brexpiprazole) + antidepressants: safety profile in adult patients "
                 "with MDD",
        "authors": "Otsuka America Pharmaceutical and Lundbeck",
        "publisher": "rexultihcp.com", "kind": "manufacturer",
        "url": "https://www.rexultihcp.com/mdd/safety"},
    "rexulti-ca-dosing": {
        "title": "REXULTI: dosing in MDD (from the Canadian Product Monograph)",
        "authors": "Otsuka Canada Pharmaceutical and Lundbeck Canada",
        "publisher": "rexulti.ca", "kind": "manufacturer", "url": "https://rexulti.ca/dosing"},
    "drugscom-brexpiprazole-pregnancy": {
        "title": "Brexpiprazole Pregnancy and Breastfeeding Warnings", "authors": "Drugs.com",
        "year": 2018, "publisher": "Drugs.com", "kind": "drug-reference",
        "url": "https://www.drugs.com/pregnancy/brexpiprazole.html"},
    "lactmed-brexpiprazole": {
        "title": "Brexpiprazole. In: Drugs and Lactation Database (LactMed)",
        "authors": "National Institute of Child Health and Human Development", "year": 2024,
        "publisher": "NCBI Bookshelf, US National Library of Medicine",
        "kind": "drug-reference", "url": "https://www.ncbi.nlm.nih.gov/books/NBK500749/"},
}


def at(path):
    """The statement at 'treatment.field[index]...'."""
    treatment, _, rest = path.partition(".")
    node = by_id[treatment]
    for name, index in re.findall(r"([a-z_]+)(?:\[(\d+)\])?", rest):
        node = node[name]
        if index:
            node = node[int(index)]
    return node


def cite(path, *ids, **fields):
    statement = at(path)
    statement.update(fields)
    statement["sources"] = list(ids)


removed_rows = []


def drop(path):
    treatment, _, rest = path.partition(".")
    name, index = re.fullmatch(r"([a-z_]+)\[(\d+)\]", rest).groups()
    removed_rows.append((path, by_id[treatment][name][int(index)]))
    by_id[treatment][name][int(index)] = None


sources.update(NEW_SOURCES)
# kinds still 'other' after apply.py, for the sources that stay
sources["cole-2022-snt"].update(url="https://doi.org/10.1176/appi.ajp.2021.20101429",
                                doi="10.1176/appi.ajp.2021.20101429", kind="trial")

# --- statements that rested only on retired copies ---------------------------------------
drop("rtms.evidence[0]")  # O'Reardon 2007: the abstract was read only on a copy
cite("rtms.side_effects[0]", "sheppardpratt-tms-safety", "neurostar-safety-clinic")
cite("rtms.side_effects[2]", "sheppardpratt-tms-safety", "neurostar-safety-clinic",
     per_100=None, comparator_per_100=None,
     text="The manufacturer's safety information, as hospitals and clinics restate it, says "
          "fewer than 5 in 100 people on active TMS in its trials stopped because of side "
          "effects.")
drop("itbs.evidence[1]")  # Shen & Fang meta-analysis: DOI seen only on an index copy
for treatment in ("itbs", "snt", "deep-tms"):
    cite(f"{treatment}.contraindications[1]", "sheppardpratt-tms-safety",
         "neurostar-safety-clinic", "tendler-2023-tms-implants")
drop("snt.evidence[1]")  # remission counts only in lay summaries; the abstract has none
snt_trial = at("snt.evidence[0]")
# The remission counts (11 of 14 vs 2 of 15) were seen only in lay summaries and news, whose
# sources were retired, so the row says only what its own source says.
snt_trial["note"] = snt_trial["note"] + " The journal abstract reports no remission rate."
cite("snt.headline", "cole-2022-snt", "kratter-2026-snt",
     text="In a 29-person sham-controlled trial, depression scores fell by about half (52.5%) "
          "in the 4 weeks after a 5-day course, against 11% with sham; a 48-person trial found "
          "remission in 50 in 100 vs 21 in 100 with sham.")
cite("ect.side_effects[1]", "northernlight-ect-side-effects", "oxfordhealth-ect-side-effects",
     "mayo-ect-risks",
     text="Confusion on waking is one of the most common side effects. It usually clears within "
          "about half an hour to an hour, but can last a few hours, and is more noticeable in "
          "older people.")
cite("switching-optimisation.maintenance", "nice-2022-ng222-relapse",
     "who-mhgap-antidepressant-duration",
     text="After recovery, staying on the antidepressant lowers the chance of the depression "
          "coming back. NICE advises deciding together whether to continue, weighing this against "
          "the downsides of long-term use; people at higher risk of relapse may be advised to "
          "stay on the same dose. The World Health Organization advises not stopping before 9 to "
          "12 months after recovery.")
SERTRALINE = {
    0: "Feeling sick is one of the most common side effects when starting sertraline, used here "
       "as an example SSRI. In the US label's pooled placebo-controlled trials (3,066 adults "
       "with depression or anxiety disorders) it affected at least 5 in 100 people and at least "
       "twice as many as placebo.",
    1: "One of the most common side effects in the same trials (at least 5 in 100, at least "
       "twice placebo).",
    2: "Trouble sleeping can occur; in the label it was among the most common side effects in "
       "the OCD and social anxiety trials.",
    3: "Some people feel drowsy instead; in the label's depression trials sleepiness was among "
       "the most common side effects.",
    5: "A shake (tremor) is one of the most common side effects in the pooled trials (at least 5 "
       "in 100, at least twice placebo).",
}
for index, words in SERTRALINE.items():  # the old label's figures had no canonical record
    cite(f"switching-optimisation.side_effects[{index}]", "zoloft-label-fdalabel-2023",
         text=words, per_100=None, comparator_per_100=None)
cite("dxm-bupropion.durability", "auvelityhcp-comet-long-term",
     text="The maker reports an open-label safety study (COMET) of up to 12 months in 876 "
          "people, in which side effects were in line with the short trials and about 8 in 100 "
          "left because of them; without a placebo group it cannot show lasting benefit.")
cite("dxm-bupropion.contraindications[1]", "auvelity-label-fdalabel-2026")
cite("dxm-bupropion.contraindications[2]", "auvelity-label-fdalabel-2026")
cite("lithium.maintenance", "sps-lithium-monitoring",
     text="If lithium is continued, routine checks carry on: a lithium blood level every 3 "
          "months in the first year, then every 3 to 6 months once stable, and kidney function, "
          "calcium, thyroid tests and weight every 6 months. Levels are checked more often in "
          "people aged 65 or over and in people taking medicines that interact with lithium.")
cite("lithium.contraindications[6]", "sps-lithium-monitoring",
     text="Lithium poisoning can happen even when the blood level looks normal. People aged 65 "
          "or over are among those who need their lithium level checked more often.")
cite("aripiprazole.maintenance", "mims-abilify-maintena-my-precautions",
     "mims-abilify-maintena-my",
     text="No set length of add-on treatment was found in the sources checked. While it is "
          "taken, watch for tardive dyskinesia, weight gain and high blood sugar; if signs of "
          "tardive dyskinesia appear, a lower dose or stopping should be considered.")
cite("aripiprazole.side_effects[3]", "mims-abilify-maintena-my",
     name="weight gain and high blood sugar",
     text="Weight gain, high blood sugar and diabetes are listed in the prescribing "
          "information; weight and blood sugar should be checked.")
cite("aripiprazole.side_effects[4]", "mims-abilify-maintena-my-precautions",
     name="tardive dyskinesia",
     text="Uncontrolled movements, often of the face or tongue, were reported uncommonly in "
          "trials of up to a year. If they appear, a lower dose or stopping should be considered.")
cite("aripiprazole.side_effects[5]", "fda-2016-aripiprazole-impulse-control",
     name="compulsive urges (gambling and others)",
     text="The FDA warns that urges to gamble, binge eat, shop or have sex that are hard to "
          "control have been reported with aripiprazole. They stopped when the dose was lowered "
          "or the medicine was stopped.")
cite("aripiprazole.contraindications[2]", "mims-abilify-maintena-my",
     text="High blood sugar and diabetes are listed as precautions, so people who have diabetes "
          "or are at risk of it should have their blood sugar watched.")
cite("aripiprazole.contraindications[3]", "mims-abilify-maintena-my-pregnancy",
     text="Babies exposed to antipsychotics in the last 3 months of pregnancy can have movement "
          "or withdrawal symptoms after birth; use in pregnancy needs a discussion of risks and "
          "benefits.")
cite("brexpiprazole.maintenance", "rexulti-ca-dosing", "drugcentral-rexulti-label",
     text="The prescribing information says to check from time to time whether it is still "
          "needed and at what dose. How long add-on treatment should last is not known.")
cite("brexpiprazole.side_effects[0]", "rexultihcp-mdd-safety",
     name="akathisia (inner restlessness)", per_100=9, comparator_per_100=2,
     text="The maker's summary of two 6-week add-on trials in depression (1 to 3 mg a day, "
          "pooled) gives 9 in 100 on brexpiprazole against 2 in 100 on placebo. Akathisia, "
          "weight gain and sleepiness were the most common side effects.")
cite("brexpiprazole.side_effects[1]", "rexultihcp-mdd-safety", name="weight gain",
     per_100=7, comparator_per_100=2,
     text="The maker's summary of the same two trials gives weight gain as a side effect in 7 "
          "in 100 on brexpiprazole against 2 in 100 on placebo over 6 weeks.")
cite("brexpiprazole.contraindications[3]", "drugscom-brexpiprazole-pregnancy",
     text="Tell the prescriber if you are pregnant or planning a pregnancy; use needs a "
          "risk-benefit discussion, and babies exposed late in pregnancy are watched for "
          "movement or withdrawal symptoms.")
cite("brexpiprazole.contraindications[4]", "lactmed-brexpiprazole",
     text="Tell the prescriber if breastfeeding. Little is known about brexpiprazole in breast "
          "milk, so another medicine may be preferred.")
cite("digital.maintenance", "so-2013-ccbt",
     text="No maintenance schedule for Rejoyn was found. For computer-based CBT in general, one "
          "review found no clear benefit at long-term follow-up.")

# --- the six statements of issue 13 ---------------------------------------------------------
psilocybin = by_id["psilocybin"]
psilocybin["warnings"][0].update(
    text="Psilocybin is still a Schedule I drug under US federal law, and the FDA has not "
         "approved it for depression. Outside research, two states let adults aged 21 or over "
         "take it legally at licensed centres with a trained facilitator: Oregon (licences from "
         "2023) and Colorado (licences from 2025). These state programmes are not FDA-approved "
         "treatments.",
    sources=["oha-what-are-psilocybin-services", "oha-psilocybin-services-overview",
             "co-dor-natural-medicine", "co-dora-natural-medicine",
             "rmpbs-2025-colorado-first-healing-center", "mindmedicinelaw-csa-schedule-i"])
psilocybin["description"] = psilocybin["description"].replace(
    "Outside research it is a Schedule I drug in the US; Australia lets specially authorised "
    "psychiatrists prescribe it for treatment-resistant depression.",
    "In the US it is a Schedule I drug under federal law; Oregon and Colorado license supervised "
    "use for adults at state-licensed centres, and Australia lets specially authorised "
    "psychiatrists prescribe it for treatment-resistant depression.")
psilocybin["cost"]["where"] = ("Australia: authorised psychiatrists' clinics. US: state-licensed "
                               "service centres in Oregon and healing centres in Colorado (not "
                               "a medical treatment; no price confirmed). Elsewhere: clinical "
                               "trials and special access programmes.")
psilocybin["cost"]["text"] = psilocybin["cost"]["text"].replace(
    "Not available to buy in the US.", "Not available on prescription in the US.")
psilocybin["cost"]["sources"] += ["oha-what-are-psilocybin-services", "co-dor-natural-medicine"]

canmat = next(g for g in by_id["iv-ketamine"]["guidelines"]
              if g["guideline"].startswith("CANMAT Task Force"))
canmat.update(
    line="third-line; Level 1 evidence for a single IV infusion, Level 3 for a series of "
         "infusions or maintenance",
    text="Canadian experts found strong evidence (Level 1) that a single IV ketamine infusion "
         "helps adults with treatment-resistant depression in the short term, but placed "
         "ketamine as a third-line choice. Evidence for a course of several infusions, or for "
         "ongoing infusions, was weak (Level 3), and evidence for ketamine by mouth, nose or "
         "muscle was weak or very weak (Level 3 or 4).",
    sources=["swainson-2021-canmat-ketamine", "zarate-2021-canmat-ketamine-commentary"])

three_d = next(e for e in by_id["itbs"]["evidence"] if e["study"] == "THREE-D")
three_d["note"] = ("205 randomised to 10 Hz rTMS and 209 to iTBS. Scores fell from 23.6 to 13.4 "
                   "(iTBS) and from 23.5 to 13.4 (10 Hz); iTBS was judged non-inferior. Response "
                   "and remission percentages for each arm were not captured.")

lithium = by_id["lithium"]
lithium["headline"] = {
    "text": "Across 9 placebo-controlled trials, adding lithium to an antidepressant roughly "
            "tripled the odds of a response (odds ratio 2.89); a 2021 analysis of 14 trials "
            "found 51 in 100 responded vs 31 in 100 with placebo.",
    "sources": ["nelson-2014-lithium-ma", "vazquez-2021-adjuncts-ma"]}
lithium["evidence"] = [e for e in lithium["evidence"]
                       if e["study"] != "Crossley & Bauer meta-analysis"]

auvelity = by_id["dxm-bupropion"]["regulatory"][0]
auvelity["indication"] = auvelity["indication"].replace("approval came on 19 August 2022.",
                                                        "approval came in August 2022.")


# --- figures whose remaining sources are not primary: name the source or cite a primary one --
for side_effect in by_id["esketamine"]["side_effects"]:
    if side_effect["sources"] == ["spravatohcp-safety"]:
        side_effect["text"] = side_effect["text"].rstrip(".") + (
            " (figure from the maker's summary of the label's trial table).")
for side_effect in by_id["deep-tms"]["side_effects"]:
    if side_effect["sources"] == ["brainsway-side-effects"]:
        side_effect["text"] = side_effect["text"].rstrip(".") + " (as reported by the maker)."
comp006 = next(e for e in psilocybin["evidence"] if e["study"] == "COMP006 (phase 3)")
comp006["note"] += (" Results come from company announcements reported by news pages; no "
                    "peer-reviewed paper was read.")
by_id["aripiprazole"]["side_effects"] = [  # the figure rested on a blog's copy of the tables
    s for s in by_id["aripiprazole"]["side_effects"] if s["name"] != "sleepiness"]
dizziness = next(s for s in by_id["brexpiprazole"]["side_effects"]
                 if s["name"].startswith("dizziness"))
dizziness["text"] = dizziness["text"].replace(
    "Pooled short-term depression studies in the prescribing information",
    "Pooled short-term depression studies in the prescribing information, as MIMS reproduces it")
cite("brexpiprazole.headline", "eu-ctr-polaris",
     text="In a 6-week trial (Polaris), adding 3 mg a day lowered depression scores by 8.3 "
          "points vs 6.3 with placebo on a 60-point scale: a small extra benefit.")
sources["mirai-ct152-abstract"]["kind"] = "trial"  # the trial's own report, as an abstract
quetiapine_escape = next(e for e in by_id["quetiapine-xr"]["evidence"]
                         if e["study"].startswith("ESCAPE-TRD"))
quetiapine_escape["sources"].append("escape-trd-abstract-uantwerp")  # the trial's own record

data["version"], data["released"] = "2026.12.01", "2026-12-01"  # sources and statements changed

# --- retire the copies everywhere ----------------------------------------------------------
def prune(node):
    if isinstance(node, dict):
        if isinstance(node.get("sources"), list):
            node["sources"] = [s for s in node["sources"] if s not in RETIRED]
        for value in node.values():
            prune(value)
    elif isinstance(node, list):
        node[:] = [item for item in node if item is not None]
        for item in node:
            prune(item)


prune(data["treatments"])
prune(data["condition"])
prune(data.get("glossary"))
prune(data.get("crisis"))
for source_id in RETIRED:
    del sources[source_id]

out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
             flags=re.MULTILINE)
CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
print("retired", len(RETIRED), "sources; added", len(NEW_SOURCES), "; dropped rows:",
      [path for path, _ in removed_rows])
