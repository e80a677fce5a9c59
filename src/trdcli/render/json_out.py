"""JSON output: a versioned envelope around plain data derived from the model."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import IO, TYPE_CHECKING, Any

from ..errors import Problem
from ..model import Catalogue, Condition, CrisisCountry, Term, Treatment, citations
from ..query import CompareRow, price, status_label
from ..staging import Staging
from ..structure import to_jsonable

if TYPE_CHECKING:
    from ..loader import Stack
    from ..match import Match

# Bump when a key is removed or changes meaning; adding keys keeps the version.
SCHEMA_VERSION = 1


def envelope(command: str, catalogue: Catalogue | None, **payload: Any) -> dict[str, Any]:
    """The keys every document starts with; `catalogue` only where one answered."""
    head: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "command": command}
    if catalogue is not None:
        head["catalogue"] = {"version": catalogue.version,
                             "released": catalogue.released.isoformat()}
    return {**head, **payload}


def numbered_sources(catalogue: Catalogue, ids: Sequence[str]) -> list[dict[str, Any]]:
    return [
        {"ref": n, "id": source_id, **to_jsonable(catalogue.sources[source_id])}
        for n, source_id in enumerate(ids, start=1)
    ]


def list_item(treatment: Treatment) -> dict[str, Any]:
    return {
        "id": treatment.id,
        "name": treatment.name,
        "aliases": treatment.aliases,
        "category": treatment.category,
        "summary": treatment.summary,
        "status": status_label(treatment),
        "regulatory": to_jsonable(treatment.regulatory),
        "onset": to_jsonable(treatment.onset),
        "course": to_jsonable(treatment.course),
        "headline": to_jsonable(treatment.headline),
        "price": price(treatment),
        "cost": to_jsonable(treatment.cost),
        "reviewed": treatment.reviewed.isoformat(),
    }


def list_document(catalogue: Catalogue, treatments: Sequence[Treatment]) -> dict[str, Any]:
    return envelope("list", catalogue, count=len(treatments),
                    treatments=[list_item(t) for t in treatments])


def _kind(topic: Treatment | Condition | Term) -> str:
    return {Condition: "condition", Term: "term"}.get(type(topic), "treatment")


def explain_document(catalogue: Catalogue, topic: Treatment | Condition | Term) -> dict[str, Any]:
    kind = _kind(topic)
    return envelope("explain", catalogue, kind=kind, **{kind: to_jsonable(topic)},
                    sources=numbered_sources(catalogue, topic.source_ids()))


def sources_document(catalogue: Catalogue, topic: Treatment | Condition | Term) -> dict[str, Any]:
    cited = citations(topic)
    sources = numbered_sources(catalogue, list(cited))
    for source in sources:
        source["cited_by"] = cited[source["id"]]
    return envelope("sources", catalogue, kind=_kind(topic), id=topic.id, name=topic.name,
                    sources=sources)


def glossary_document(catalogue: Catalogue, terms: Sequence[Term]) -> dict[str, Any]:
    cited = list(dict.fromkeys(s for term in terms for s in term.sources))
    return envelope("glossary", catalogue, terms=[to_jsonable(t) for t in terms],
                    sources=numbered_sources(catalogue, cited))


def compare_document(
    catalogue: Catalogue, treatments: Sequence[Treatment], rows: Sequence[CompareRow]
) -> dict[str, Any]:
    cited = list(dict.fromkeys(s for t in treatments for s in t.source_ids()))
    return envelope(
        "compare", catalogue,
        ids=[t.id for t in treatments],
        rows=[to_jsonable(r) for r in rows],
        treatments=[to_jsonable(t) for t in treatments],
        sources=numbered_sources(catalogue, cited),
    )


def write_json(document: Any, stream: IO[bytes]) -> None:
    """UTF-8 whatever the locale, so a script reads the same bytes everywhere."""
    stream.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    stream.flush()


def crisis_document(catalogue: Catalogue, countries: Sequence[CrisisCountry]) -> dict[str, Any]:
    crisis = catalogue.crisis
    general = to_jsonable(crisis.general) if crisis else None
    directories = to_jsonable(crisis.directories) if crisis else []
    cited = list(dict.fromkeys(
        [*(crisis.general.sources if crisis else []),
         *(s for c in countries for svc in c.services for s in svc.sources),
         *(s for d in (crisis.directories if crisis else []) for s in d.sources)]))
    return envelope("crisis", catalogue, general=general, countries=to_jsonable(countries),
                    directories=directories, sources=numbered_sources(catalogue, cited))


def stage_document(staging: Staging) -> dict[str, Any]:
    return envelope("stage", None, **to_jsonable(staging))


def info_document(found: Stack, given_by: str | None) -> dict[str, Any]:
    catalogue = found.catalogue
    return envelope("info", catalogue, files_from=given_by,
                    files=[asdict(layer) for layer in found.layers],
                    counts={"treatments": len(catalogue.treatments),
                            "sources": len(catalogue.sources),
                            "glossary": len(catalogue.glossary)})


def validate_document(files: Sequence[str], problems: Sequence[Problem]) -> dict[str, Any]:
    return envelope("validate", None, valid=not problems, files=list(files),
                    problems=[{"file": p.file, "line": p.line, "column": p.column,
                               "field": p.field, "path": list(p.path), "message": p.message}
                              for p in problems])


def match_document(catalogue: Catalogue, result: Match) -> dict[str, Any]:
    screened = [*result.fits, *result.caution, *result.excluded]
    cited = list(dict.fromkeys(s for x in screened for r in x.reasons for s in r.sources))
    return envelope("match", catalogue, asked=result.asked, wishes=to_jsonable(result.wishes),
                    ordering_rule=result.ordering_rule,
                    fits=to_jsonable(result.fits), caution=to_jsonable(result.caution),
                    excluded=to_jsonable(result.excluded),
                    sources=numbered_sources(catalogue, cited))
