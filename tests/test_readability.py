"""Plain language, measured: the text a patient reads first stays at about US grade 8
(Flesch-Kincaid, computed by textstat), while clinician detail stays exact in the evidence
rows and notes, which are not measured here."""

from __future__ import annotations

import statistics

import textstat

import trdcli

CATALOGUE = trdcli.load_catalogue()


def patient_texts(treatment: trdcli.Treatment) -> list[str]:
    """The fields a person reads: summary, description, who it is for, headline, onset,
    course, durability and side effects."""
    claims = (treatment.headline, treatment.onset, treatment.durability)
    texts = [treatment.summary, treatment.description, treatment.who_for]
    texts += [claim.text for claim in claims if claim is not None]
    texts += [treatment.course.summary] if treatment.course else []
    texts += [effect.text for effect in treatment.side_effects or []]
    return [text for text in texts if text]


def grades(texts: list[str]) -> list[float]:
    return sorted(textstat.flesch_kincaid_grade(text) for text in texts)


def test_patient_text_reads_at_about_grade_eight() -> None:
    every = grades([text for t in CATALOGUE.treatments for text in patient_texts(t)])
    summaries = grades([t.summary for t in CATALOGUE.treatments])
    assert statistics.median(summaries) <= 9, statistics.median(summaries)
    assert statistics.median(every) <= 8, statistics.median(every)
    assert every[int(0.9 * len(every))] <= 11, every[int(0.9 * len(every))]


def test_the_measure_tells_plain_from_dense() -> None:
    # The measure itself: if it stopped separating these, the test above would mean nothing.
    plain = "The spray works fast. Many people feel better in a day or two."
    dense = ("Pharmacological augmentation with second-generation antipsychotic medications "
             "demonstrated statistically significant improvements in depressive symptomatology.")
    assert textstat.flesch_kincaid_grade(plain) < 8 < textstat.flesch_kincaid_grade(dense)


def test_catalogue_text_speaks_of_the_evidence_not_of_the_research_notes() -> None:
    # "Not captured", "on the page read", "the brief says" tell how the research went, not what
    # the sources hold; a reader is told plainly what is not given. Source titles are exempt.
    import re

    notes = re.compile(r"not captured|\bpages? read\b|\bbrief says|see notes", re.IGNORECASE)
    shown = repr([CATALOGUE.treatments, CATALOGUE.condition, CATALOGUE.glossary])
    assert notes.findall(shown) == []
