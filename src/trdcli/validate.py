"""Checks across the whole catalogue that types alone cannot express."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import Problem
from .model import (
    Catalogue,
    Contraindication,
    Cost,
    Evidence,
    Onset,
    Regulatory,
    SideEffect,
)
from .names import Named, normalise
from .structure import Path, iter_values

PMID = re.compile(r"[1-9][0-9]{0,8}")
# An ISO 4217 code as written: three capital letters (USD, GBP, AUD), not "usd" or "US$".
CURRENCY = re.compile(r"[A-Z]{3}")
DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
URL = re.compile(r"https?://\S+")
EARLIEST_YEAR = 1900
REVIEW_WINDOW = timedelta(days=2 * 366)


def check_catalogue(catalogue: Catalogue, today: date | None = None) -> list[Problem]:
    today = today or date.today()
    problems: list[Problem] = []
    add = problems.append

    entries: list[tuple[Path, Named]] = [(("condition",), catalogue.condition)]
    entries += [(("treatments", i), t) for i, t in enumerate(catalogue.treatments)]
    problems += _duplicate_names(entries)
    # Terms are their own namespace: a treatment wins where a word is both.
    problems += _duplicate_names([(("glossary", i), t) for i, t in enumerate(catalogue.glossary)])

    if catalogue.released > today:
        add(Problem("future-date", ("released",), f"{catalogue.released} is in the future"))
    for i, treatment in enumerate(catalogue.treatments):
        reviewed = treatment.reviewed
        if reviewed > today:
            add(Problem("future-date", ("treatments", i, "reviewed"),
                        f"{reviewed} is in the future"))
        elif catalogue.released - reviewed > REVIEW_WINDOW:
            add(Problem("stale-review", ("treatments", i, "reviewed"),
                        f"{reviewed} is more than two years before the catalogue's release"))

    class_ids = {c.id for c in catalogue.classes}
    for i, treatment in enumerate(catalogue.treatments):
        for j, class_id in enumerate(treatment.classes):
            if class_id not in class_ids:
                add(Problem("unknown-class", ("treatments", i, "classes", j),
                            f"no class {class_id!r} in the catalogue's classes"))

    for source_id, source in catalogue.sources.items():
        base = ("sources", source_id)
        if source.pmid is not None and not PMID.fullmatch(source.pmid):
            add(Problem("bad-identifier", (*base, "pmid"),
                        f"{source.pmid!r} is not a PubMed id (digits only)"))
        if source.doi is not None and not DOI.fullmatch(source.doi):
            add(Problem("bad-identifier", (*base, "doi"),
                        f"{source.doi!r} is not a DOI (10.NNNN/...)"))
        if not URL.fullmatch(source.url):
            add(Problem("bad-identifier", (*base, "url"), f"{source.url!r} is not an http(s) URL"))

    for path, value in iter_values(catalogue):
        leaf = path[-1]
        if isinstance(value, Contraindication) and value.from_class is not None:
            add(Problem("set-by-trd", (*path, "from_class"), "trd sets this for statements "
                        "inherited from a class; leave it out of catalogue files"))
        if isinstance(getattr(value, "sources", None), list):
            cited: list[str] = value.sources
            # "Not a regulated product" states an absence, which no page can show.
            absence = isinstance(value, Regulatory) and value.status == "not-regulated"
            if not cited and not absence:
                add(Problem("no-source", (*path, "sources"), "cites no source"))
            for index, source_id in enumerate(cited):
                if source_id not in catalogue.sources:
                    add(Problem("unknown-source", (*path, "sources", index),
                                f"unknown source {source_id!r}"))
        if leaf == "year" and isinstance(value, int):
            if not EARLIEST_YEAR <= value <= today.year:
                add(Problem("out-of-range", path,
                            f"year {value} is not between {EARLIEST_YEAR} and {today.year}"))
        elif leaf == "n" and isinstance(value, int) and value < 1:
            add(Problem("out-of-range", path, "must be at least 1"))
        elif leaf in NOT_NEGATIVE and isinstance(value, (int, float)) and value < 0:
            add(Problem("out-of-range", path, f"{value:g} is negative"))
        if (isinstance(value, SideEffect) and value.comparator_per_100 is not None
                and not value.comparator):
            add(Problem("missing-field", (*path, "comparator"), "comparator_per_100 needs "
                        "comparator, naming what it was measured on (placebo, sham, ECT...)"))
        if isinstance(value, SideEffect) or (isinstance(value, Evidence) and value.unit == "%"):
            fields = (("per_100", "comparator_per_100") if isinstance(value, SideEffect)
                      else ("treatment_value", "comparator_value"))
            for field_name in fields:
                number = getattr(value, field_name)
                if number is not None and not 0 <= number <= 100:
                    add(Problem("out-of-range", (*path, field_name),
                                f"{number} is not between 0 and 100"))
        if isinstance(value, Cost) and value.currency is not None and not CURRENCY.fullmatch(
                value.currency):
            add(Problem("not-a-currency", (*path, "currency"), f"{value.currency!r} is not an "
                        "ISO 4217 currency code (three capital letters, such as USD)"))
        if isinstance(value, (Onset, Cost)):
            low_name, high_name = ("days_min", "days_max") if isinstance(value, Onset) else (
                "low", "high")
            low, high = getattr(value, low_name), getattr(value, high_name)
            if low is not None and high is not None and low > high:
                add(Problem("low-above-high", (*path, low_name),
                            f"{low} is more than {high_name} ({high})"))
    return problems


# Counts, durations and prices: a negative one is always a typo.
NOT_NEGATIVE = frozenset({"sessions_per_week", "weeks", "minutes_per_visit", "days_min",
                          "days_max", "low", "high"})


def _duplicate_names(entries: list[tuple[Path, Named]]) -> list[Problem]:
    problems = []
    owners: dict[str, tuple[Path, str]] = {}  # name -> (entry path, entry id)
    for base, item in entries:
        names: list[tuple[Path, str]] = [(("id",), item.id), (("name",), item.name)]
        names += [(("aliases", i), alias) for i, alias in enumerate(item.aliases)]
        for where, name in names:
            path = (*base, *where)
            key = normalise(name)
            if not key:
                problems.append(Problem("empty-name", path, "must not be empty"))
                continue
            owner_path, owner_id = owners.setdefault(key, (base, item.id))
            if owner_path != base:
                problems.append(Problem("duplicate-name", path,
                                        f"{name!r} is already used by {owner_id!r}"))
    return problems
