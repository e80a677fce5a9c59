"""The JSON documents trd prints, as dataclasses.

These classes are the one definition of the output: `to_jsonable` turns them into JSON
and `schema.output_schema` into its JSON Schema, so a key added here is printed and
documented together. A script gets the same documents as the CLI::

    from trdcli import documents, load_catalogue
    doc = documents.list_document(load_catalogue(), load_catalogue().treatments)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .errors import Problem
from .match import Match, Screened, Wishes
from .merge import LayerInfo, Stack
from .model import (
    Catalogue,
    Claim,
    Condition,
    Cost,
    Course,
    CrisisCountry,
    Directory,
    Onset,
    Regulatory,
    Source,
    Term,
    Treatment,
    catalogue_name,
    citations,
)
from .query import (
    CLINICIAN_QUESTIONS,
    WHAT_MATTERS,
    BestEvidence,
    CardLine,
    ChartBar,
    CompareRow,
    CourseCost,
    HandoutRow,
    NumberNeeded,
    course_cost,
    handout_rows,
    like_for_like,
    numbers_needed,
    price,
    status_label,
    summary_card,
)
from .staging import Staging

# Bump when a key is removed or changes meaning; adding keys keeps the version.
SCHEMA_VERSION = 1

TopicKind = Literal["treatment", "condition", "term"]
# Documents are built once and written out, never compared or printed with repr: without
# those methods (eq=False, repr=False) their classes are made in about half the time, which
# start-up feels.


@dataclass(frozen=True, eq=False, repr=False)
class Stamp:
    """The catalogue that answered."""

    version: str
    released: date
    # "catalogue 2026.11.22", or with the files laid over it: "catalogue 2026.11.22 + clinic.yaml"
    name: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Document:
    """The keys every document starts with."""

    schema_version: int = SCHEMA_VERSION
    command: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class CatalogueDocument(Document):
    catalogue: Stamp


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class NumberedSource(Source):
    """A source with the number ([n]) the human view gives it."""

    ref: int
    id: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class CitedSource(NumberedSource):
    cited_by: list[str]  # the entry's fields that cite it, e.g. "evidence[0]"


@dataclass(frozen=True, eq=False, repr=False)
class ListItem:
    id: str
    name: str
    aliases: list[str]
    category: str
    summary: str
    status: str
    regulatory: list[Regulatory] | None
    onset: Onset | None
    course: Course | None
    headline: Claim | None
    price: str | None
    cost: Cost | None
    # Derived by trd: the unit price times the usual course, with the assumption stated.
    course_cost: CourseCost | None
    reviewed: date


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ListDocument(CatalogueDocument):
    command: Literal["list"] = "list"
    count: int
    treatments: list[ListItem]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class CompareDocument(CatalogueDocument):
    command: Literal["compare"] = "compare"
    ids: list[str]
    rows: list[CompareRow]
    # Each option's best evidence for the one outcome they are compared on (rows["how_well"]).
    like_for_like: list[BestEvidence]
    treatments: list[Treatment]
    sources: list[NumberedSource]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class HandoutDocument(CatalogueDocument):
    command: Literal["handout"] = "handout"
    ids: list[str]
    rows: list[HandoutRow]
    what_matters: list[str]
    clinician_questions: list[str]
    sources: list[NumberedSource]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ExplainDocument(CatalogueDocument):
    command: Literal["explain"] = "explain"
    kind: TopicKind
    sources: list[NumberedSource]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ExplainTreatment(ExplainDocument):
    kind: Literal["treatment"] = "treatment"
    card: list[CardLine]  # the summary the views open with, each line with its source ids
    # Derived by trd from randomised trials' two arms (response or remission), with the sums.
    numbers_needed_to_treat: list[NumberNeeded]
    course_cost: CourseCost | None  # derived by trd from the price and the usual course
    treatment: Treatment


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ExplainCondition(ExplainDocument):
    kind: Literal["condition"] = "condition"
    condition: Condition


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ExplainTerm(ExplainDocument):
    kind: Literal["term"] = "term"
    term: Term


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SourcesDocument(CatalogueDocument):
    command: Literal["sources"] = "sources"
    kind: TopicKind
    id: str
    name: str
    sources: list[CitedSource]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class GlossaryDocument(CatalogueDocument):
    command: Literal["glossary"] = "glossary"
    terms: list[Term]
    sources: list[NumberedSource]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class CrisisDocument(CatalogueDocument):
    command: Literal["crisis"] = "crisis"
    general: Claim | None
    countries: list[CrisisCountry]
    directories: list[Directory]
    sources: list[NumberedSource]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class StageDocument(Staging, Document):
    command: Literal["stage"] = "stage"


@dataclass(frozen=True, eq=False, repr=False)
class Counts:
    treatments: int
    sources: int
    glossary: int


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class InfoDocument(CatalogueDocument):
    command: Literal["info"] = "info"
    files_from: str | None  # "--catalog", "TRD_CATALOG", or null for the shipped file alone
    files: list[LayerInfo]
    counts: Counts


@dataclass(frozen=True, eq=False, repr=False)
class ProblemRecord:
    code: str  # stable: see PROBLEM_CODES in trdcli.errors and docs/problems.md
    file: str | None
    line: int | None
    column: int | None
    field: str
    path: list[str | int]
    message: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ValidateDocument(Document):
    command: Literal["validate"] = "validate"
    valid: bool
    files: list[str]
    problems: list[ProblemRecord]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class MatchDocument(CatalogueDocument):
    command: Literal["match"] = "match"
    asked: list[str]
    wishes: Wishes
    ordering_rule: str
    fits: list[Screened]
    caution: list[Screened]
    not_assessed: list[Screened]  # silent on one of the situations asked: never "fits"
    excluded: list[Screened]
    sources: list[NumberedSource]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ChartDocument(CatalogueDocument):
    command: Literal["chart"] = "chart"
    outcome: str
    bars: list[ChartBar]
    sources: list[NumberedSource]


# Every document `trd` prints; the output schema is one of these.
DOCUMENTS: tuple[type[Document], ...] = (
    ListDocument, CompareDocument, HandoutDocument, ExplainTreatment, ExplainCondition, ExplainTerm,
    SourcesDocument, GlossaryDocument, CrisisDocument, StageDocument, InfoDocument,
    ValidateDocument, MatchDocument, ChartDocument,
)


def stamp(catalogue: Catalogue) -> Stamp:
    return Stamp(catalogue.version, catalogue.released, catalogue_name(catalogue))


def numbered_sources(catalogue: Catalogue, ids: Sequence[str]) -> list[NumberedSource]:
    return [NumberedSource(**_fields(catalogue.sources[source_id]),  # type: ignore[arg-type]
                           ref=n, id=source_id)
            for n, source_id in enumerate(ids, start=1)]


def _fields(value: object) -> dict[str, object]:
    """A dataclass's fields, one level deep (dataclasses.asdict would copy nested ones)."""
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}  # type: ignore[arg-type]


def _first_seen(ids: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def list_item(t: Treatment) -> ListItem:
    return ListItem(t.id, t.name, t.aliases, t.category, t.summary, status_label(t),
                    t.regulatory, t.onset, t.course, t.headline, price(t), t.cost,
                    course_cost(t), t.reviewed)


def list_document(catalogue: Catalogue, treatments: Sequence[Treatment]) -> ListDocument:
    return ListDocument(catalogue=stamp(catalogue), count=len(treatments),
                        treatments=[list_item(t) for t in treatments])


def compare_document(catalogue: Catalogue, treatments: Sequence[Treatment],
                     rows: Sequence[CompareRow]) -> CompareDocument:
    cited = _first_seen([s for t in treatments for s in t.source_ids()])
    return CompareDocument(catalogue=stamp(catalogue), ids=[t.id for t in treatments],
                           rows=list(rows), like_for_like=like_for_like(treatments),
                           treatments=list(treatments),
                           sources=numbered_sources(catalogue, cited))


def handout_document(catalogue: Catalogue, treatments: Sequence[Treatment],
                     situations: Sequence[str], paper: str | None) -> HandoutDocument:
    rows = handout_rows(treatments, situations)
    cited = _first_seen([s for row in rows for a in row.answers.values() for s in a.sources])
    return HandoutDocument(catalogue=stamp(catalogue), ids=[t.id for t in treatments],
                           rows=rows, what_matters=list(WHAT_MATTERS),
                           clinician_questions=list(CLINICIAN_QUESTIONS),
                           sources=numbered_sources(catalogue, cited))


def topic_kind(topic: Treatment | Condition | Term) -> TopicKind:
    if isinstance(topic, Condition):
        return "condition"
    return "term" if isinstance(topic, Term) else "treatment"


def explain_document(catalogue: Catalogue, topic: Treatment | Condition | Term,
                     brief: bool = False) -> ExplainDocument:
    """The whole entry; ``brief`` changes only the people's views (the card is always here)."""
    common = {"catalogue": stamp(catalogue),
              "sources": numbered_sources(catalogue, topic.source_ids())}
    if isinstance(topic, Condition):
        return ExplainCondition(condition=topic, **common)  # type: ignore[arg-type]
    if isinstance(topic, Term):
        return ExplainTerm(term=topic, **common)  # type: ignore[arg-type]
    return ExplainTreatment(card=summary_card(topic),
                            numbers_needed_to_treat=numbers_needed(topic),
                            course_cost=course_cost(topic), treatment=topic,
                            **common)  # type: ignore[arg-type]


def sources_document(catalogue: Catalogue,
                     topic: Treatment | Condition | Term) -> SourcesDocument:
    cited = citations(topic)
    return SourcesDocument(
        catalogue=stamp(catalogue), kind=topic_kind(topic), id=topic.id, name=topic.name,
        sources=[CitedSource(**_fields(n), cited_by=cited[n.id])  # type: ignore[arg-type]
                 for n in numbered_sources(catalogue, list(cited))])


def glossary_document(catalogue: Catalogue, terms: Sequence[Term]) -> GlossaryDocument:
    cited = _first_seen([s for term in terms for s in term.sources])
    return GlossaryDocument(catalogue=stamp(catalogue), terms=list(terms),
                            sources=numbered_sources(catalogue, cited))


def crisis_document(catalogue: Catalogue, countries: Sequence[CrisisCountry]) -> CrisisDocument:
    crisis = catalogue.crisis
    directories = crisis.directories if crisis else []
    cited = _first_seen([*(crisis.general.sources if crisis else []),
                         *(s for c in countries for svc in c.services for s in svc.sources),
                         *(s for d in directories for s in d.sources)])
    return CrisisDocument(catalogue=stamp(catalogue), general=crisis.general if crisis else None,
                          countries=list(countries), directories=directories,
                          sources=numbered_sources(catalogue, cited))


def stage_document(staging: Staging) -> StageDocument:
    return StageDocument(**_fields(staging))  # type: ignore[arg-type]


def info_document(found: Stack, given_by: str | None) -> InfoDocument:
    catalogue = found.catalogue
    return InfoDocument(catalogue=stamp(catalogue), files_from=given_by, files=found.layers,
                        counts=Counts(len(catalogue.treatments), len(catalogue.sources),
                                      len(catalogue.glossary)))


def validate_document(files: Sequence[str], problems: Sequence[Problem]) -> ValidateDocument:
    return ValidateDocument(
        valid=not problems, files=list(files),
        problems=[ProblemRecord(p.code, p.file, p.line, p.column, p.field, list(p.path), p.message)
                  for p in problems])


def match_document(catalogue: Catalogue, result: Match) -> MatchDocument:
    screened = [*result.fits, *result.caution, *result.not_assessed, *result.excluded]
    cited = _first_seen([s for x in screened for r in x.reasons for s in r.sources])
    return MatchDocument(catalogue=stamp(catalogue), asked=result.asked, wishes=result.wishes,
                         ordering_rule=result.ordering_rule, fits=result.fits,
                         caution=result.caution, not_assessed=result.not_assessed,
                         excluded=result.excluded,
                         sources=numbered_sources(catalogue, cited))


def chart_document(catalogue: Catalogue, outcome: str, bars: Sequence[ChartBar]) -> ChartDocument:
    cited = _first_seen([s for bar in bars for s in bar.sources])
    return ChartDocument(catalogue=stamp(catalogue), outcome=outcome, bars=list(bars),
                         sources=numbered_sources(catalogue, cited))
