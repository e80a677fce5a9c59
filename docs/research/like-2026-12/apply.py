"""Issue 16 (like for like): lay the comparison fields, onset days and prices into
data/treatments.yaml.

1. Each evidence row gets design_kind, comparator_kind, timepoint_weeks and resistance. These
   are the maintainer's classification of what the row's own sourced text (design, comparator,
   population, timepoint) already says; nothing new is asserted. Where that text does not say
   (a blinding not stated, a resistance not defined), the weaker kind is chosen or the field
   left out. STAR*D's cumulative 67% is marked disputed (the reanalysis row beside it).
2. Onset days from onset.yaml, with these decisions: figures resting on clinic or maker
   pages or on sources marked unresolved are left out (rTMS's day 14, VNS's day 365,
   olanzapine-fluoxetine's day 7); days_max is the trial's judged timepoint where that is
   what the source gives (the research notes say which).
3. Prices from prices.yaml where the price page or paper was read, with the unit a price is
   for and the course it assumes.

Run from the project root: .venv/bin/python docs/research/like-2026-12/apply.py
"""
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import load, save

HERE = Path(__file__).parent
data = load()
by_id = {t["id"]: t for t in data["treatments"]}

RB, RO, MA, SA, CO = "randomised-blinded", "randomised-open", "meta-analysis", "single-arm", "cohort"
PL, SH, AC, UC, MX, NO = "placebo", "sham", "active", "usual-care", "mixed", "none"
TWO, ONE, UNS, NOT, REM = "two-or-more", "one-or-more", "unspecified", "not-selected", "remitted"
# option -> one (design, comparator, weeks, resistance) per evidence row, in order.
ROWS = {
    "iv-ketamine": [(RO, AC, 3, UNS), (RO, AC, 4, NOT), (MA, PL, None, NOT)],
    "esketamine": [(RB, PL, 4, TWO), (RB, PL, None, REM), (RO, AC, 8, TWO)],
    "rtms": [(RB, SH, 6, None), (MA, SH, None, UNS), (CO, NO, None, NOT)],
    "itbs": [(RO, AC, 6, UNS)],
    "snt": [(RB, SH, 5, UNS), (RB, SH, 5, UNS), (SA, NO, 1, UNS)],
    "deep-tms": [(RB, SH, 5, ONE), (RO, AC, 6, ONE), (CO, NO, 6, NOT), (SA, NO, None, None)],
    "ect": [(SA, NO, None, NOT), (RO, AC, 3, UNS), (RO, AC, 4, NOT), (RB, PL, 24, REM),
            (RO, AC, 26, REM)],
    "vns": [(CO, UC, 260, TWO), (CO, UC, 260, TWO), (RB, SH, 10, TWO)],
    "dbs": [(RB, SH, 26, UNS), (RB, SH, 16, UNS), (SA, NO, None, UNS)],
    "psilocybin": [(RB, PL, 3, UNS), (RB, PL, 6, UNS), (RB, PL, 6, UNS), (RB, PL, 6, NOT)],
    "switching-optimisation": [(SA, NO, None, NOT), (RO, AC, 14, ONE), (RO, AC, 12, ONE),
                               (MA, AC, 8, NOT), (SA, NO, None, NOT)],
    "maoi": [(RO, AC, None, TWO)],
    "dxm-bupropion": [(RB, PL, 6, NOT), (RB, PL, 6, NOT), (RB, AC, 6, NOT)],
    "lithium": [(MA, PL, None, ONE), (RO, AC, 14, TWO), (MA, PL, None, NOT), (RB, PL, 52, NOT)],
    "thyroid-augmentation": [(RO, AC, 14, TWO), (MA, MX, None, ONE), (RB, PL, 2, ONE)],
    "aripiprazole": [(RO, AC, 12, ONE), (RB, PL, 6, TWO), (MA, PL, None, UNS)],
    "brexpiprazole": [(RB, PL, 6, TWO), (RB, PL, 6, ONE), (RB, PL, 6, TWO), (MA, PL, None, UNS)],
    "cariprazine": [(RB, PL, 6, ONE), (RB, PL, 6, ONE), (RB, PL, 8, ONE), (MA, PL, None, UNS)],
    "quetiapine-xr": [(RB, PL, 6, ONE), (RB, PL, 6, ONE), (RO, AC, 8, TWO), (MA, PL, None, UNS),
                      (MA, PL, None, UNS)],
    "olanzapine-fluoxetine": [(RB, AC, 8, TWO), (RB, AC, 8, TWO), (MA, AC, None, UNS),
                              (MA, PL, None, UNS)],
    "psychotherapy": [(RO, UC, 26, ONE), (RO, UC, 200, ONE), (MA, UC, None, UNS),
                      (MA, MX, None, TWO)],
    "digital": [(RB, SH, 6, ONE), (MA, AC, None, NOT), (MA, MX, None, NOT), (MA, MX, None, NOT)],
    "lifestyle": [(MA, AC, None, NOT), (RO, UC, 12, UNS), (RO, AC, 12, NOT)],
}
for option, kinds in ROWS.items():
    rows = by_id[option]["evidence"]
    assert len(rows) == len(kinds), option
    for row, (design, comparator, weeks, resistance) in zip(rows, kinds):
        row["design_kind"], row["comparator_kind"] = design, comparator
        if weeks is not None:
            row["timepoint_weeks"] = weeks
        if resistance is not None:
            row["resistance"] = resistance
stard = by_id["switching-optimisation"]["evidence"][0]
assert stard["study"] == "STAR*D overall outcomes"
stard["disputed"] = True

# Onset: (days_min, days_max, sources to add) per option; None leaves a bound unset.
ONSET = {
    "iv-ketamine": (1, 21, ["molero-2018-cns-drugs", "anand-2023-elekt-d"]),
    "esketamine": (2, 28, ["turkoz-2021-transform-early-response"]),
    "rtms": (None, 42, ["opt-tms-abstract"]),
    "itbs": (None, 42, ["blumberger-2018-three-d"]),
    "deep-tms": (21, 28, ["tendler-2023-postmarketing"]),
    "ect": (7, 28, ["husain-2004-core"]),
    "vns": (90, None, ["conway-2018-vns-qol"]),
    "dbs": (None, 180, ["holtzheimer-2017-scc-dbs-rct"]),
    "switching-optimisation": (7, 98, ["trivedi-2006-stard-level1", "taylor-2007-rapid-onset"]),
    "maoi": (7, 42, ["bodkin-2002-transdermal-selegiline"]),
    "lithium": (None, 14, ["bauer-1999-lithium-ma", "joffe-1993-li-t3"]),
    "aripiprazole": (None, 42, ["berman-2007-aripiprazole"]),
    "brexpiprazole": (None, 42, ["hobart-2018-brexpiprazole"]),
    "cariprazine": (14, 42, ["sachs-2023-cariprazine"]),
    "quetiapine-xr": (7, 42, ["bauer-2009-quetiapine-xr", "quetiapine-xr-2010-ijnp"]),
    "olanzapine-fluoxetine": (None, 56, ["thase-2007-ofc"]),
    "psychotherapy": (None, 180, ["wiles-2013-cobalt"]),
    "digital": (None, 42, ["mirai-ct152-abstract"]),
    "lifestyle": (None, 84, ["mota-pereira-trd-walking"]),
}
research = yaml.safe_load((HERE / "onset.yaml").read_text(encoding="utf-8"))
for source_id in ("trivedi-2006-stard-level1", "taylor-2007-rapid-onset",
                  "bodkin-2002-transdermal-selegiline", "turkoz-2021-transform-early-response"):
    proposed = research["new_sources"].get(source_id)
    if proposed and source_id not in data["sources"]:
        data["sources"][source_id] = {k: proposed[k] for k in (
            "title", "authors", "year", "publisher", "kind", "pmid", "doi", "url", "read_at")
            if proposed.get(k)}
for option, (low, high, cited) in ONSET.items():
    onset = by_id[option]["onset"]
    if low is not None:
        onset["days_min"] = low
    if high is not None:
        onset["days_max"] = high
    missing = [s for s in cited if s not in data["sources"]]
    assert not missing, (option, missing)
    onset["sources"] = list(dict.fromkeys([*onset["sources"], *cited]))

# Prices: the unit each price is for, the course it assumes, and the prices found.
UNITS = {"iv-ketamine": "session", "rtms": "session", "ect": "session", "psilocybin": "course",
         "lithium": "month", "aripiprazole": "month", "brexpiprazole": "month",
         "cariprazine": "month"}
for option, unit in UNITS.items():
    by_id[option]["cost"]["unit"] = unit
by_id["ect"]["cost"].update(course_units=10, basis="10 sessions (the price page's course)")
by_id["rtms"]["cost"]["high"] = 500
by_id["rtms"]["cost"]["sources"].append("carecredit-2024-tms-cost")
NEW_COSTS = {
    "esketamine": {"low": 590, "high": 885, "currency": "USD", "unit": "session", "year": 2019,
                   "per": "treatment session (56 or 84 mg), list price at launch, drug only",
                   "sources": ["medicallysound-2019-spravato-cost",
                               "peoplespharmacy-spravato-cost"]},
    "vns": {"low": 40000, "high": 45000, "currency": "USD", "unit": "one-time",
            "per": "implant: surgery and device; later adjustment visits extra",
            "sources": ["bmad-somatic-therapies-table1"]},
    "dbs": {"low": 200000, "high": 250000, "currency": "USD", "unit": "one-time",
            "per": "surgery and device (research use only for depression)",
            "sources": ["bmad-somatic-therapies-table1"]},
    "psychotherapy": {"low": 149.64, "high": 149.64, "currency": "USD", "unit": "session",
                      "year": 2024, "course_units": 12,
                      "basis": "12 sessions, the planned CBT course in CoBalT (up to 18)",
                      "per": "60-minute session (Medicare payment for CPT 90837)",
                      "sources": ["therathink-90837-rates", "wiles-2014-cobalt-hta-bookshelf"]},
    "dxm-bupropion": {"low": 900, "high": 1300, "currency": "USD", "unit": "month",
                      "year": 2026, "per": "month, retail cash price (brand only)",
                      "sources": ["medfinder-2026-auvelity", "goodrx-auvelity-dosage"]},
    "maoi": {"low": 288, "high": 288, "currency": "USD", "unit": "month",
             "per": "month of generic tranylcypromine at 30 mg a day (three 10 mg tablets at "
                    "USD 3.20, one US online pharmacy)",
             "sources": ["mailmyprescriptions-tranylcypromine"]},
    "switching-optimisation": {"low": 13, "high": 15, "currency": "CAD", "unit": "month",
                               "year": 2025, "per": "month of generic sertraline, cash, Canada",
                               "sources": ["maple-2025-sertraline-cost"]},
}
prices = yaml.safe_load((HERE / "prices.yaml").read_text(encoding="utf-8"))
for option, fields in NEW_COSTS.items():
    for source_id in fields["sources"]:
        if source_id not in data["sources"]:
            proposed = prices["new_sources"][source_id]
            assert not proposed.get("unresolved"), source_id
            data["sources"][source_id] = {k: proposed[k] for k in (
                "title", "authors", "year", "publisher", "kind", "pmid", "doi", "url",
                "read_at") if proposed.get(k)}
    cost = by_id[option].setdefault("cost", {"text": "", "where": "US", "sources": []})
    cost["sources"] = list(dict.fromkeys([*cost.get("sources", []), *fields.pop("sources")]))
    cost.update(fields)
# Each price's words, in plain language, to match its new figures.
TEXTS = {
    "esketamine": "At launch in 2019 the list price was about $590 to $885 a treatment session "
                  "for the drug alone, so the first month of twice-weekly sessions came to "
                  "roughly $4,700 to $7,100 before clinic fees. It is usually billed to "
                  "insurance as a drug plus clinic fees. Most US commercial plans and Medicare "
                  "cover it, often needing prior authorisation and proof of at least two failed "
                  "antidepressants; a savings programme can cut costs for some insured "
                  "patients.",
    "vns": "A review table in a psychiatry journal put the implant (surgery and device) at "
           "about $40,000 to $45,000, plus $350 to $620 for each later adjustment visit. An "
           "older US estimate put the device at about $16,000 plus about $4,000 for surgery.",
    "dbs": "DBS is not sold as a depression treatment. A review table estimated the surgery "
           "and device at about $200,000 to $250,000, plus $350 to $620 for each later "
           "adjustment visit.",
    "switching-optimisation": "Most commonly used antidepressants, such as sertraline (generic "
                              "since 2006), are low-cost generics. One Canadian price page put "
                              "a month of generic sertraline at about CAD 13 to 15 paid in "
                              "cash; no US cash price was confirmed.",
    "maoi": "Tranylcypromine and phenelzine tablets are sold as generics by several makers in "
            "the US. One US online pharmacy listed generic tranylcypromine 10 mg at $3.20 a "
            "tablet, about $290 a month at 30 mg a day. The Emsam patch is a brand product; its "
            "maker has offered a copay savings card.",
    "dxm-bupropion": "Auvelity is a brand-only product made by Axsome Therapeutics. In early "
                     "2026 its retail cash price was roughly $900 to $1,300 a month, depending "
                     "on the pharmacy.",
    "psychotherapy": "In England, NHS Talking Therapies are free to use and you can usually "
                     "refer yourself. In the US, Medicare paid about $150 for a 60-minute "
                     "therapy session in 2024, so a 12-session course like the one in the UK "
                     "trial comes to about $1,800 at that rate. In the UK trial, adding CBT "
                     "appeared to be cost-effective for the NHS.",
}
for option, words in TEXTS.items():
    by_id[option]["cost"]["text"] = words
for source_id in ("carecredit-2024-tms-cost",):
    if source_id not in data["sources"]:
        proposed = prices["new_sources"][source_id]
        data["sources"][source_id] = {k: proposed[k] for k in (
            "title", "authors", "year", "publisher", "kind", "url", "read_at") if proposed.get(k)}

save(data)
print("applied")
