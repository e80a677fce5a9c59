"""Notes a reader sees say what the catalogue gives, not how the research went: "not
captured", "on the pages read", "(see notes)" become plain statements of what is not given.

Run from the project root: .venv/bin/python docs/research/plain-2026-12/process-words.py
"""
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import load, save

REWORDED = {
    "patient groups and protocols differed (see notes).": "patient groups and protocols differed.",
    "Total patient N not captured.": "The total number of patients is not given here.",
    "Response and remission percentages for each arm were not captured.":
        "Response and remission percentages for each arm are not given here.",
    "but those response and remission figures were not captured.":
        "but its response and remission figures are not given here.",
    "SNT-specific frequencies of headache or scalp discomfort were not captured.":
        "how often SNT itself causes headache or scalp discomfort is not given here.",
    "but the exact figures were not captured.": "but the exact figures are not given here.",
    "Longer-term controlled data were not captured.":
        "No longer-term controlled data are given here.",
    "but that name was not shown on the pages read.": "but that name is not confirmed here.",
    "because the journal and publication year were not shown on the page read.":
        "because the journal and publication year are not confirmed here.",
    "Rejoyn itself has no pregnancy data in the pages read.":
        "No pregnancy data on Rejoyn itself were found.",
    "Rejoyn itself has no heart-disease data in the pages read.":
        "No heart-disease data on Rejoyn itself were found.",
    "Rejoyn itself has no epilepsy data in the pages read.":
        "No epilepsy data on Rejoyn itself were found.",
    "Publication year not confirmed on a page read (brief says 2010).":
        "The publication year is not confirmed here.",
    "Publication year not confirmed on a page read (brief says 2020).":
        "The publication year is not confirmed here.",
    "Often called RECLAIM; that name and the print year (2015) were not shown on the page read "
    "(online 12 Dec 2014).": "Often called RECLAIM, a name not confirmed here. Published online "
                             "on 12 December 2014; the print issue is from 2015.",
    "the response and remission percentages were not confirmed on a page read.":
        "the response and remission percentages are not given here.",
    "(drug not named on page read; strength not confirmed)":
        "(no single drug named; strength not confirmed)",
    "; the page read did not name individual drugs.": "; the summary names no single drug.",
    "(as of the page read)": "(as of the source's date)",
    "Journal not confirmed (abstract read via scite.ai); trial record on the EU Clinical Trials "
    "Register": "Journal not confirmed; trial record on the EU Clinical Trials Register",
    "UK Priadel product information (read on a third-party copy) lists":
        "UK Priadel product information lists",
}


def reword(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: value if key == "sources" else reword(value) for key, value in node.items()}
    if isinstance(node, list):
        return [reword(item) for item in node]
    if isinstance(node, str):
        for old, new in REWORDED.items():
            node = node.replace(old, new)
    return node


data = load()
save({**data, "treatments": reword(data["treatments"])})
