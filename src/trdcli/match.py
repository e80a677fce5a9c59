"""Screen the catalogue against a person's situation and preferences.

Every verdict is traced to the catalogue field behind it (a contraindication, the course,
the onset, the cost) and that field's sources. Nothing here recommends: it sorts options
into what fits the answers given, what needs a clinician's view first, and what the
answers rule out, and says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from .errors import UsageError
from .model import TAG_LABELS, Catalogue, ContraindicationTag, Priority, Treatment
from .query import (
    EFFICACY_RULE,
    MIN_RANKED_PEOPLE,
    course_cost,
    course_cost_order,
    course_cost_text,
    earliest_onset,
    efficacy_figure,
    price,
    statement_words,
    status_label,
)

# "not-assessed": the catalogue has no sourced statement on one of the person's situations.
# Silence is never "fits": an option fits a situation only on a sourced statement.
Verdict = Literal["fits", "caution", "not-assessed", "excluded"]
PRECEDENCE: tuple[Verdict, ...] = ("excluded", "caution", "not-assessed")
_BY_LEVEL: dict[str, Verdict] = {"exclude": "excluded", "caution": "caution",
                                 "not-studied": "caution", "no-specific-concern": "fits"}
SITUATIONS: tuple[str, ...] = tuple(t for t in get_args(ContraindicationTag) if t != "none-known")
FAST_DAYS = 7  # "fast onset": the catalogue reports benefit within a week
COMMON = 10  # a side effect is "common" from 10 in 100 people


# Results here are built and written out, never compared or printed with repr: without
# eq and repr their classes are made in about half the time, which start-up feels.
@dataclass(frozen=True, eq=False, repr=False)
class Wishes:
    """What the person said: situations (contraindication tags) and preferences."""

    situations: tuple[str, ...] = ()
    avoid_anaesthesia: bool = False
    fast: bool = False
    at_home: bool = False
    cannot_drive: bool = False
    budget: float | None = None
    currency: str = "USD"
    priorities: tuple[Priority, ...] = ()

    def __post_init__(self) -> None:
        unknown = [s for s in self.situations if s not in SITUATIONS]
        if unknown:
            raise UsageError(f"unknown situation {unknown[0]!r}; known: {', '.join(SITUATIONS)}")
        if self.budget is not None and self.budget < 0:
            raise UsageError("--budget cannot be negative")


@dataclass(frozen=True, eq=False, repr=False)
class Reason:
    verdict: Verdict
    criterion: str  # which answer it comes from, e.g. "pregnancy", "at home"
    text: str
    field: str  # the catalogue field it rests on, e.g. "contraindications[2]"
    sources: list[str]


@dataclass(frozen=True, eq=False, repr=False)
class Screened:
    id: str
    name: str
    status: str  # US regulatory status, so investigational and off-label options say so
    verdict: Verdict
    reasons: list[Reason]
    # With `--priority efficacy`: the figure the option was ranked by, or why it was not.
    ranked_by: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Match:
    wishes: Wishes
    fits: list[Screened]
    caution: list[Screened]
    not_assessed: list[Screened]
    excluded: list[Screened]
    ordering_rule: str
    asked: list[str] = field(default_factory=list)  # the answers in words, for the views


def _contraindications(t: Treatment, wishes: Wishes) -> list[Reason]:
    reasons = []
    for situation in wishes.situations:
        said = [(i, c) for i, c in enumerate(t.contraindications or []) if c.tag == situation]
        if not said:
            reasons.append(Reason("not-assessed", TAG_LABELS[situation], "the catalogue has "
                                  "no sourced "
                                  "statement about this situation for this option",
                                  "contraindications", []))
        reasons += [Reason(_BY_LEVEL[c.level], TAG_LABELS[situation], statement_words(c),
                           f"contraindications[{i}]", c.sources) for i, c in said]
    return reasons


def _course(t: Treatment, wishes: Wishes) -> list[Reason]:
    c = t.course
    wanted = wishes.avoid_anaesthesia or wishes.at_home or wishes.cannot_drive
    if not wanted:
        return []
    if c is None:
        return [Reason("caution", "course", "the catalogue does not yet describe a course",
                       "course", [])]
    reasons = []
    if wishes.avoid_anaesthesia and c.anaesthesia:
        reasons.append(Reason("excluded", "avoid anaesthesia",
                              f"needs anaesthesia ({c.setting})", "course.anaesthesia",
                              c.sources))
    if wishes.at_home and c.at_home is not True:
        verdict: Verdict = "excluded" if c.at_home is False else "caution"
        reasons.append(Reason(verdict, "stay at home", f"given at: {c.setting}",
                              "course.at_home", c.sources))
    if wishes.cannot_drive and c.drive_after != "allowed":
        driving: dict[str | None, Verdict] = {"not-allowed": "excluded", "take-care": "fits"}
        verdict = driving.get(c.drive_after, "caution")
        reasons.append(Reason(verdict, "must drive after a session", c.driving,
                              "course.driving", c.sources))
    return reasons


def _onset(t: Treatment, wishes: Wishes) -> list[Reason]:
    if not wishes.fast:
        return []
    days = earliest_onset(t)
    if days is not None and days <= FAST_DAYS:
        return []
    onset = t.onset
    said = f"how soon: {onset.label}" if onset else "how soon it works is not recorded"
    return [Reason("excluded", "fast onset",
                   f"{said}; no benefit within {FAST_DAYS} days is reported in the catalogue",
                   "onset", onset.sources if onset else [])]


def _budget(t: Treatment, wishes: Wishes) -> list[Reason]:
    # The budget is set against the estimated cost of the usual course, in the same
    # currency only; a price per month or in another currency is never compared with it.
    if wishes.budget is None:
        return []
    cost = t.cost
    sources = cost.sources if cost else []
    found = course_cost(t)
    if found is None:
        listed = price(t)
        said = (f"no course cost can be estimated from the listed price ({listed})"
                if listed else "no price is recorded in the catalogue")
        return [Reason("caution", "budget", said, "cost", sources)]
    if found.currency != wishes.currency:
        return [Reason("caution", "budget", f"priced in {found.currency}: "
                       f"{course_cost_text(t)}", "cost", sources)]
    if found.low > wishes.budget:
        return [Reason("excluded", "budget",
                       f"estimated course cost {course_cost_text(t)} is over "
                       f"{wishes.currency} {wishes.budget:,.0f}", "cost", sources)]
    return []


CHECKS: tuple[Callable[[Treatment, Wishes], list[Reason]], ...] = (
    _contraindications, _course, _onset, _budget)


def screen(t: Treatment, wishes: Wishes) -> Screened:
    reasons = [r for check in CHECKS for r in check(t, wishes)]
    verdicts = {r.verdict for r in reasons}
    verdict: Verdict = next((v for v in PRECEDENCE if v in verdicts), "fits")
    ranked_by = None
    if "efficacy" in wishes.priorities:
        figure = efficacy_figure(t)
        ranked_by = figure.text if figure else (
            f"not ranked: no randomised trial of {MIN_RANKED_PEOPLE} or more people here "
            "gives remission or response for both arms")
    return Screened(t.id, t.name, status_label(t), verdict, reasons, ranked_by)


# Per priority: how to measure an option (lower sorts first, None = not known, goes last)
# and the rule in words, shown with the result.
def _efficacy(t: Treatment) -> tuple[Any, ...] | None:
    found = efficacy_figure(t)
    return None if found is None else found.rank


def _visits(t: Treatment) -> float | None:
    c = t.course
    if c is None:
        return None
    if c.at_home:
        return 0.0
    if c.sessions_per_week is None or c.weeks is None:
        return None
    return c.sessions_per_week * c.weeks


def _common_side_effects(t: Treatment) -> float | None:
    if t.side_effects is None:
        return None
    return float(sum(1 for s in t.side_effects if (s.per_100 or 0) >= COMMON))


Measure = Callable[[Treatment], "float | tuple[Any, ...] | None"]
MEASURES: dict[str, tuple[Measure, str]] = {
    "efficacy": (_efficacy, EFFICACY_RULE),
    "speed": (earliest_onset, "earliest reported onset of benefit, in days"),
    "visits": (_visits, "fewest treatment visits in a first course (at-home options count 0)"),
    "side-effects": (_common_side_effects, f"fewest side effects reported in {COMMON} or more "
                     "in 100 people"),
    "cost": (course_cost_order, "lowest estimated course cost, in US dollars first and other "
             "currencies after, each apart; options priced only per month or with no price "
             "come last"),
}


def ordering_rule(priorities: Sequence[str]) -> str:
    if not priorities:
        return "catalogue order (no priority given)"
    steps = [f"{n}. {MEASURES[p][1]}" for n, p in enumerate(priorities, start=1)]
    return ("sorted by " + "; then ".join(steps)
            + "; options the catalogue has no figure for come after those it has")


def _sort_key(priorities: Sequence[str]) -> Callable[[tuple[int, Treatment]], tuple[Any, ...]]:
    def key(item: tuple[int, Treatment]) -> tuple[Any, ...]:
        position, t = item
        parts: list[Any] = []
        for p in priorities:
            value = MEASURES[p][0](t)
            # Unknown after known; a measure's parts line up, as every option's has the same.
            parts += [True] if value is None else [
                False, *(value if isinstance(value, tuple) else (value,))]
        return (*parts, position)
    return key


def match(catalogue: Catalogue, wishes: Wishes) -> Match:
    ordered = [t for _, t in sorted(enumerate(catalogue.treatments),
                                    key=_sort_key(wishes.priorities))]
    screened = [screen(t, wishes) for t in ordered]
    groups = {v: [s for s in screened if s.verdict == v] for v in get_args(Verdict)}
    return Match(wishes, groups["fits"], groups["caution"], groups["not-assessed"],
                 groups["excluded"], ordering_rule(wishes.priorities), asked=describe(wishes))


def describe(wishes: Wishes) -> list[str]:
    """The answers in plain words."""
    said = [f"situation: {TAG_LABELS[s]}" for s in wishes.situations]
    said += [text for wanted, text in (
        (wishes.avoid_anaesthesia, "wants to avoid anaesthesia"),
        (wishes.fast, f"wants benefit within {FAST_DAYS} days"),
        (wishes.at_home, "wants to stay at home"),
        (wishes.cannot_drive, "has nobody to drive them home after a session"),
    ) if wanted]
    if wishes.budget is not None:
        said.append(f"budget: {wishes.currency} {wishes.budget:,.0f}")
    return said
