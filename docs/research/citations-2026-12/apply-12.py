"""One work, one citation: sources that are the same paper under two or three ids (an
abstract read on a copy, a summary page, the bookshelf record of a PMC article) are folded
into one, so a reader does not meet the same paper as [3], [7] and [9]. Table pages of a
paper, and the sections of a label or a guideline, stay apart: they point at the exact table
or section a statement comes from. The copies each id was
read at are listed here; the kept record shows one of them.

Run from the project root: .venv/bin/python docs/research/citations-2026-12/apply-12.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import load, merge_sources, save

# old id -> kept id   (the old id's copy read, for the record)
MERGED = {
    # drstubbeman.com and tmsneurovations.com reprints of the Lancet abstract.
    "blumberger-2018-three-d-abstract": "blumberger-2018-three-d",
    "three-d-abstract-copy": "blumberger-2018-three-d",
    # The same PubMed record, read through a proxy.
    "milev-2016-canmat-neurostim-abstract": "milev-2016-canmat-neurostim",
    # The JCP article's abstract, read on booksci.cn.
    "iosifescu-2022-gemini-abstract-full": "iosifescu-2022-gemini",
    # PMC4781198 again (read on a PubMed copy, 24824481).
    "wiles-2014-cobalt-hta-bookshelf": "wiles-2014-cobalt-hta",
    # The CANMAT 2023 paper's recommendation tables, read on a machine-readable copy on GitHub.
    "lam-2024-canmat-2023-text": "lam-2024-canmat-2023",
    # PMC5282719 again (a summary read on healthprotocols.wiki).
    "jacka-2017-smiles-summary": "jacka-2017-smiles",
    # The same STAR*D paper, the same news items and commentary, the same LCD: one address each.
    "rush-2006-stard": "rush-2006-stard-outcomes",
    "usmedicine-2022-vadod-mdd": "usmedicine-2022-vadod",
    "consultant360-vadod-mdd-2022": "consultant360-2022-vadod",
    "shaughnessy-vadod-mdd-poem": "cma-poem-2023-vadod",
    "lcd-l34998-summary": "cms-lcd-l34998",
}
save(merge_sources(load(), MERGED))
