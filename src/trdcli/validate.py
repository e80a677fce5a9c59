"""Checks across the whole catalogue that types alone cannot express."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import Problem
from .model import Catalogue, Cost, Evidence, Onset, SideEffect
from .names import normalise
from .structure import iter_values

PMID = re.compile(r"[1-9][0-9]{0,8}")
DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
URL = re.compile(r"https?://\S+")
EARLIEST_YEAR = 1900
REVIEW_WINDOW = timedelta(days=2 * 366)


def check_catalogue(catalogue: Catalogue, today: date | None = None) -> list[Problem]:
    today = today or date.today()
    problems: list[Problem] = []
    add = problems.append

    owners: dict[str, str] = {}
    named = [("condition", catalogue.condition.id, catalogue.condition)] + [
        (("treatments", i), t.id, t) for i, t in enumerate(catalogue.treatments)
    ]
    for where, owner_id, item in named:
        base = where if isinstance(where, tuple) else (where,)
        for field_name, names in (("id", [item.id]), ("name", [item.name]),
                                  ("aliases", item.aliases)):
            for index, name in enumerate(names):
                path = (*base, field_name) + ((index,) if field_name == "aliases" else ())
                key = normalise(name)
                if not key:
                    add(Problem(path, "must not be empty"))
                elif owners.setdefault(key, owner_id) != owner_id:
                    add(Problem(path, f"{name!r} is already used by {owners[key]!r}"))

    if catalogue.released > today:
        add(Problem(("released",), f"{catalogue.released} is in the future"))
    for i, treatment in enumerate(catalogue.treatments):
        reviewed = treatment.reviewed
        if reviewed > today:
            add(Problem(("treatments", i, "reviewed"), f"{reviewed} is in the future"))
        elif catalogue.released - reviewed > REVIEW_WINDOW:
            add(Problem(("treatments", i, "reviewed"),
                        f"{reviewed} is more than two years before the catalogue's release"))

    for source_id, source in catalogue.sources.items():
        base = ("sources", source_id)
        if source.pmid is not None and not PMID.fullmatch(source.pmid):
            add(Problem((*base, "pmid"), f"{source.pmid!r} is not a PubMed id (digits only)"))
        if source.doi is not None and not DOI.fullmatch(source.doi):
            add(Problem((*base, "doi"), f"{source.doi!r} is not a DOI (10.NNNN/...)"))
        if not URL.fullmatch(source.url):
            add(Problem((*base, "url"), f"{source.url!r} is not an http(s) URL"))

    for path, value in iter_values(catalogue):
        name = path[-1]
        if name == "sources" and isinstance(value, list):
            if not value:
                add(Problem(path, "cites no source"))
            for index, source_id in enumerate(value):
                if source_id not in catalogue.sources:
                    add(Problem((*path, index), f"unknown source {source_id!r}"))
        elif name == "year" and isinstance(value, int):
            if not EARLIEST_YEAR <= value <= today.year:
                add(Problem(path, f"year {value} is not between {EARLIEST_YEAR} and {today.year}"))
        elif name == "n" and isinstance(value, int) and value < 1:
            add(Problem(path, "must be at least 1"))
        elif isinstance(value, SideEffect) or (isinstance(value, Evidence) and value.unit == "%"):
            fields = (("per_100", "comparator_per_100") if isinstance(value, SideEffect)
                      else ("treatment_value", "comparator_value"))
            for field_name in fields:
                number = getattr(value, field_name)
                if number is not None and not 0 <= number <= 100:
                    add(Problem((*path, field_name), f"{number} is not between 0 and 100"))
        elif isinstance(value, (Onset, Cost)):
            low_name, high_name = ("days_min", "days_max") if isinstance(value, Onset) else (
                "low", "high")
            low, high = getattr(value, low_name), getattr(value, high_name)
            if low is not None and high is not None and low > high:
                add(Problem((*path, low_name), f"{low} is more than {high_name} ({high})"))
    return problems

