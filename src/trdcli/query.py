"""Questions asked of a loaded catalogue: filter, sort, resolve, compare."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

from .errors import NameNotFound, UsageError
from .model import (
    COMPARATOR_KIND_LABELS,
    DESIGN_LABELS,
    LEVEL_LABELS,
    RANDOMISED,
    RESISTANCE_LABELS,
    TAG_LABELS,
    WARNING_LABELS,
    Catalogue,
    Category,
    Claim,
    Condition,
    Contraindication,
    CrisisCountry,
    Evidence,
    Term,
    Treatment,
    Warning,
)
from .names import Resolver, normalise

MIN_COMPARE, MAX_COMPARE = 2, 5
# Shown for a block that is null: nobody has reviewed it, or nothing in it could be confirmed.
UNCONFIRMED = "no confirmed information yet"

STATUS_LABELS = {
    "approved": "approved",
    "cleared": "cleared (device)",
    "off-label": "off-label",
    "investigational": "investigational",
    "not-regulated": "no approval needed",
}
CATEGORY_ORDER = list(get_args(Category))
# Most to least established, for sorting by status.
STATUS_ORDER = list(STATUS_LABELS)


def status_label(treatment: Treatment, agency: str = "FDA") -> str:
    """'FDA: approved', or 'FDA: cleared (device)': devices are never called approved
    unless the regulator approved them (a PMA), which the entry's product field shows."""
    reg = treatment.status_for(agency)
    if reg is None:
        return f"{agency}: not reviewed"
    label = STATUS_LABELS[reg.status]
    if reg.status == "approved" and reg.product == "device":
        label = "approved (device, PMA)"
    # The year of an approval or clearance; an off-label drug's year is not for this use.
    shows_year = reg.year and reg.status in ("approved", "cleared")
    return f"{agency}: {label}" + (f" {reg.year}" if shows_year else "")


def per_100(value: float) -> str:
    """'41 in 100', the form people read most easily; '<1 in 100' for rare events."""
    return "<1 in 100" if 0 < value < 0.5 else f"{value:.0f} in 100"


def _status_rank(treatment: Treatment) -> int:
    reg = treatment.status_for("FDA")
    return STATUS_ORDER.index(reg.status) if reg else len(STATUS_ORDER)


def earliest_onset(treatment: Treatment) -> float | None:
    """The earliest day benefit is reported (days_min, else days_max), if the entry says."""
    onset = treatment.onset
    if onset is None:
        return None
    days = onset.days_min if onset.days_min is not None else onset.days_max
    return None if days is None else float(days)


def _onset_days(treatment: Treatment) -> float:
    days = earliest_onset(treatment)
    return float("inf") if days is None else days


SORT_KEYS: dict[str, Callable[[Treatment], Any]] = {
    "name": lambda t: normalise(t.name),
    "category": lambda t: (CATEGORY_ORDER.index(t.category), normalise(t.name)),
    "status": lambda t: (_status_rank(t), normalise(t.name)),
    "onset": lambda t: (_onset_days(t), normalise(t.name)),
    "cost": lambda t: (*_missing_last(course_cost_order(t)), normalise(t.name)),
}


def _missing_last(order: tuple[Any, ...] | None) -> tuple[bool, tuple[Any, ...]]:
    return (order is None, order or ())


def select(
    catalogue: Catalogue,
    category: Sequence[str] = (),
    search: str | None = None,
    status: Sequence[str] = (),
    sort: str = "category",
) -> list[Treatment]:
    """The treatments a `trd list` would show, in order."""
    wanted = normalise(search) if search else None

    def keep(t: Treatment) -> bool:
        if category and t.category not in category:
            return False
        reg = t.status_for("FDA")
        if status and (reg is None or reg.status not in status):
            return False
        if wanted:
            haystack = " ".join([t.id, t.name, *t.aliases, t.summary, t.description or ""])
            return wanted in normalise(haystack)
        return True

    return sorted(filter(keep, catalogue.treatments), key=SORT_KEYS[sort])


def resolve(catalogue: Catalogue, query: str) -> Treatment:
    return Resolver(catalogue.treatments).resolve(query)


def resolve_topic(catalogue: Catalogue, query: str) -> Treatment | Condition | Term:
    """A treatment, the condition itself ('trd'), or a glossary term ('madrs').

    Treatments come first, so a word that is both a treatment's alias and a term
    ('itbs') explains the treatment; `trd glossary` reaches the term.
    """
    resolver: Resolver[Treatment | Condition | Term] = Resolver(
        [catalogue.condition, *catalogue.treatments, *catalogue.glossary],
        kind="treatment or term")
    return resolver.resolve(query)


def resolve_term(catalogue: Catalogue, query: str) -> Term:
    return Resolver(catalogue.glossary, kind="glossary term").resolve(query)


def crisis_countries(catalogue: Catalogue, country: str | None = None) -> list[CrisisCountry]:
    """Urgent-help routes: every country, or one by ISO code or name ('uk' means GB)."""
    crisis = catalogue.crisis
    if crisis is None:
        return []
    if country is None:
        return crisis.countries
    wanted = normalise(country)
    aliases = {"uk": "gb", "usa": "us", "america": "us", "britain": "gb"}
    wanted = aliases.get(wanted, wanted)
    for entry in crisis.countries:
        if wanted in (normalise(entry.code), normalise(entry.country)):
            return [entry]
    known = ", ".join(f"{c.code} ({c.country})" for c in crisis.countries)
    raise NameNotFound(f"no crisis lines listed for {country!r}; listed: {known}. "
                       "Elsewhere, call your local emergency number", [])


def resolve_many(catalogue: Catalogue, queries: Sequence[str]) -> list[Treatment]:
    if not MIN_COMPARE <= len(queries) <= MAX_COMPARE:
        raise UsageError(
            f"compare takes {MIN_COMPARE} to {MAX_COMPARE} treatments, got {len(queries)}")
    found = [resolve(catalogue, q) for q in queries]
    ids = [t.id for t in found]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise UsageError(f"the same treatment was named twice: {', '.join(repeated)}")
    return found


# Results here are built and written out, never compared or printed with repr: without
# eq and repr their classes are made in about half the time, which start-up feels.
@dataclass(frozen=True, eq=False, repr=False)
class CompareRow:
    key: str
    question: str
    answers: dict[str, str]  # treatment id -> plain-text answer


def _course_text(t: Treatment) -> str:
    c = t.course
    if c is None:
        return UNCONFIRMED
    parts = []
    if c.sessions_per_week is not None and c.weeks is not None:
        parts.append(f"{c.sessions_per_week:g}/week for {c.weeks:g} weeks")
    if c.minutes_per_visit is not None:
        parts.append(f"{c.minutes_per_visit:g} min a visit")
    parts.append(c.setting)
    if c.anaesthesia:
        parts.append("anaesthesia")
    return "; ".join(parts) + ". " + c.summary


def _side_effects_text(t: Treatment, most: int = 4) -> str:
    if t.side_effects is None:
        return UNCONFIRMED
    if not t.side_effects:
        return "none reported"
    ranked = sorted(t.side_effects, key=lambda s: -(s.per_100 or 0))[:most]
    return "; ".join(
        s.name + (f" ({per_100(s.per_100)})" if s.per_100 is not None else "") for s in ranked)


def _contraindications_text(t: Treatment) -> str:
    if t.contraindications is None:
        return UNCONFIRMED
    parts = []
    for level in ("exclude", "caution", "not-studied"):
        tags = list(dict.fromkeys(TAG_LABELS[c.tag] for c in t.contraindications
                                  if c.level == level))
        if tags:
            parts.append(f"{LEVEL_LABELS[level]}: " + ", ".join(tags))
    return "; ".join(parts) or "none listed"


def price(t: Treatment) -> str | None:
    """'USD 590-885 per session (2024)', when the catalogue has a figure."""
    cost = t.cost
    if cost is None or cost.low is None or not cost.currency:
        return None
    span = f"{cost.low:,.0f}" + (f"-{cost.high:,.0f}" if cost.high not in (None, cost.low) else "")
    return (f"{cost.currency} {span}" + (f" per {cost.per}" if cost.per else "")
            + (f" ({cost.year})" if cost.year else ""))


@dataclass(frozen=True, eq=False, repr=False)
class CourseCost:
    """An estimated cost of the usual course: the price per unit times the units in the
    course, with the assumption in words. Derived by trd; the source gives the unit price."""

    low: float
    high: float
    currency: str
    assumption: str  # "30 sessions (5 a week for 6 weeks)"


def course_cost(t: Treatment) -> CourseCost | None:
    """The course cost, where the price's unit and the usual course are both known: a price
    for a course or a one-time procedure is the course cost itself; a price per session is
    multiplied by the sessions in the course; a monthly price only where the entry states
    how many months its course is."""
    cost, course = t.cost, t.course
    if cost is None or cost.low is None or not cost.currency or cost.unit is None:
        return None
    high = cost.high if cost.high is not None else cost.low
    if cost.unit in ("course", "one-time"):
        said = "the whole course" if cost.unit == "course" else "the one-time procedure"
        return CourseCost(cost.low, high, cost.currency, f"{said}, as priced")
    units, basis = cost.course_units, cost.basis
    if units is None and cost.unit == "session" and course and course.sessions_per_week \
            and course.weeks:
        units = course.sessions_per_week * course.weeks
        basis = (f"{units:g} sessions ({course.sessions_per_week:g} a week for "
                 f"{course.weeks:g} weeks)")
    if units is None:
        return None
    # Money to the cent: the product of two floats would otherwise carry binary noise.
    return CourseCost(round(cost.low * units, 2), round(high * units, 2), cost.currency,
                      basis or f"{units:g} {cost.unit}s")


def course_cost_text(t: Treatment) -> str | None:
    """'USD 9,000-15,000 for 30 sessions (5 a week for 6 weeks), trd's estimate'."""
    found = course_cost(t)
    if found is None:
        return None
    span = f"{found.low:,.0f}" + (f"-{found.high:,.0f}" if found.high != found.low else "")
    return f"{found.currency} {span} for {found.assumption}, trd's estimate"


def course_cost_order(t: Treatment) -> tuple[bool, str, float] | None:
    """Where an option's course cost sorts: US dollars first, cheapest first; then other
    currencies, each kept together, never ranked against dollars; None without a course cost."""
    found = course_cost(t)
    return None if found is None else (found.currency != "USD", found.currency, found.low)


def price_and_course(t: Treatment) -> str | None:
    """'USD 300-500 per session; course: USD 9,000-15,000 for 30 sessions (...)': the listed
    price and, for a price per session or month, the estimated course cost."""
    listed = price(t)
    if listed is None:
        return None
    # A price for a whole course or a procedure is its own course cost: said once.
    per_unit = t.cost is not None and t.cost.unit in ("session", "month")
    course = course_cost_text(t) if per_unit else None
    return listed + (f"; course: {course}" if course else "")


def cost_text(t: Treatment) -> str:
    if t.cost is None:
        return UNCONFIRMED
    figure, course = price(t), course_cost_text(t)
    return ((f"{figure}. " if figure else "") + (f"Course: {course}. " if course else "")
            + t.cost.text)


def warning_text(warning: Warning) -> str:
    """A warning's text without a leading repeat of its label ("Boxed warning: ...")."""
    label = WARNING_LABELS[warning.kind]
    head, sep, rest = warning.text.partition(": ")
    return rest if sep and head.casefold() == label.casefold() else warning.text


def _warnings_text(t: Treatment) -> str:
    if t.warnings is None:
        return UNCONFIRMED
    return " ".join(f"{WARNING_LABELS[w.kind]}: {warning_text(w)}" for w in t.warnings) or "none"


@dataclass(frozen=True, eq=False, repr=False)
class CardLine:
    """One line of the summary a person reads first: a question, the answer, its sources."""

    label: str
    text: str
    sources: list[str]


MAIN_RISKS = 3  # side effects named on the card, the most frequent first


def summary_card(t: Treatment) -> list[CardLine]:
    """What it is, how well (against what), how soon, what it involves, main risks, status and
    cost: `trd explain` opens with these, and `--brief` shows only them, in every format."""
    # Named warnings (boxed, REMS, restricted access) say something by their label alone; a
    # plain "Warning" does not, so the card names side effects instead: the most common with
    # their figures, then, while there is room, those the sources name without one.
    flagged = [w for w in t.warnings or [] if w.kind != "other"]
    risks = list(dict.fromkeys(WARNING_LABELS[w.kind] for w in flagged))
    effects = t.side_effects or []
    common = sorted((s for s in effects if s.per_100 is not None),
                    key=lambda s: -(s.per_100 or 0))[:MAIN_RISKS]
    common += [s for s in effects if s.per_100 is None][:MAIN_RISKS - len(common)]
    risks += [s.name + (f" ({s.per_100:g} in 100)" if s.per_100 is not None else "")
              for s in common]
    risk_sources = [x for w in flagged for x in w.sources]
    risk_sources += [x for s in common for x in s.sources]
    return [
        CardLine("What it is", t.summary, []),
        CardLine("How well, and against what",
                 t.headline.text if t.headline else UNCONFIRMED,
                 t.headline.sources if t.headline else []),
        CardLine("How soon", t.onset.text if t.onset else UNCONFIRMED,
                 t.onset.sources if t.onset else []),
        CardLine("What it involves", t.course.summary if t.course else UNCONFIRMED,
                 t.course.sources if t.course else []),
        CardLine("Main risks", "; ".join(risks) if risks else (
            UNCONFIRMED if t.side_effects is None else "none recorded"),
            list(dict.fromkeys(risk_sources))),
        CardLine("Status (US)", status_label(t), []),
        CardLine("Cost", price_and_course(t) or (t.cost.text if t.cost else UNCONFIRMED),
                 t.cost.sources if t.cost else []),
    ]


def guidelines_text(t: Treatment) -> str:
    if t.guidelines is None:
        return UNCONFIRMED
    return "; ".join(f"{g.guideline}: {g.line}" for g in t.guidelines) or "no position found"


@dataclass(frozen=True, eq=False, repr=False)
class NumberNeeded:
    """How many people would need this option rather than the comparator for one more to
    respond (or remit): derived by trd from the two arms of a randomised trial, never from a
    non-randomised comparison. The trial itself may not report it."""

    study: str
    outcome: str
    comparator: str
    treatment_percent: float
    comparator_percent: float
    nnt: int
    arithmetic: str  # e.g. "100 / (27 - 17) = 10.0, rounded up: 10"


# The outcomes a comparison can share, as percentages of people; response first, as the
# outcome most trials report.
SHARED_OUTCOMES = ("response", "remission")
_DESIGN_STRENGTH = ("randomised-blinded", "randomised-open", "meta-analysis", "cohort",
                    "single-arm")
_VERBS = {"response": "responded", "remission": "reached remission"}


def percent_rows(t: Treatment, outcome: str) -> list[Evidence]:
    return [e for e in t.evidence or []
            if e.outcome == outcome and e.unit == "%" and e.treatment_value is not None]


def _strength(e: Evidence) -> tuple[bool, int, bool, int]:
    # Undisputed first; then randomised blinded, randomised open, and the rest; then a
    # figure with its comparator's; then the larger study.
    design = (_DESIGN_STRENGTH.index(e.design_kind) if e.design_kind
              else len(_DESIGN_STRENGTH))
    return (e.disputed, design, e.comparator_value is None, -(e.n or 0))


def best_evidence(t: Treatment, outcome: str) -> Evidence | None:
    rows = percent_rows(t, outcome)
    return min(rows, key=_strength) if rows else None


def shared_outcome(treatments: Sequence[Treatment]) -> str:
    """The outcome the options can best be compared on: response where every option has a
    randomised figure for it, else remission where every one has; failing that, response
    where every option has any figure, else remission, else whichever more of them report
    (response on a tie)."""
    def randomised(t: Treatment, outcome: str) -> bool:
        return any(e.design_kind in RANDOMISED for e in percent_rows(t, outcome))

    for has in (randomised, lambda t, o: bool(percent_rows(t, o))):
        for outcome in SHARED_OUTCOMES:
            if all(has(t, outcome) for t in treatments):
                return outcome
    return max(SHARED_OUTCOMES,
               key=lambda o: (sum(bool(percent_rows(t, o)) for t in treatments),
                              -SHARED_OUTCOMES.index(o)))


@dataclass(frozen=True, eq=False, repr=False)
class BestEvidence:
    """One option's best evidence for the outcome a comparison shares, and how far it can be
    set beside the others'."""

    treatment: str
    outcome: str
    evidence: Evidence | None
    randomised: bool
    text: str


def like_for_like(treatments: Sequence[Treatment]) -> list[BestEvidence]:
    outcome = shared_outcome(treatments)
    found = []
    for t in treatments:
        e = best_evidence(t, outcome)
        randomised = bool(e and e.design_kind in RANDOMISED)
        found.append(BestEvidence(t.id, outcome, e, randomised,
                                  _best_text(t, outcome, e, randomised)))
    return found


def _best_text(t: Treatment, outcome: str, e: Evidence | None, randomised: bool) -> str:
    if e is None or e.treatment_value is None:
        others = sorted({r.outcome for r in t.evidence or []} - {outcome})
        return (f"No {outcome} figure in the catalogue"
                + (f" (it reports: {', '.join(others)})" if others else "") + ".")
    figure = f"{per_100(e.treatment_value)} {_VERBS[outcome]}"
    if e.comparator_value is not None and e.comparator:
        figure += f" vs {per_100(e.comparator_value)} with {e.comparator}"
    how = ", ".join(part for part in (
        DESIGN_LABELS[e.design_kind] if e.design_kind else "",
        COMPARATOR_KIND_LABELS[e.comparator_kind] if e.comparator_kind else "") if part)
    study = e.study + (f" ({e.year})" if e.year and str(e.year) not in e.study else "") + (
        f", N={e.n:,}" if e.n else "")
    when = (f"at {e.timepoint_weeks:g} weeks" if e.timepoint_weeks is not None
            else e.timepoint)
    people = RESISTANCE_LABELS[e.resistance] if e.resistance else "resistance not described"
    text = f"{figure}. " + (f"{how.capitalize()}; " if how else "") + f"{study}; {when}; {people}."
    if e.disputed:
        text = "Disputed figure, not comparable: " + text
    elif e.design_kind is None:  # a clinic's own row may not say its design
        text = "Design not stated, so not comparable with randomised figures: " + text
    elif not randomised:
        text = "Not randomised, so not comparable with randomised figures: " + text
    return text


# For ranking by efficacy: gains over placebo or sham first, then over usual care, then
# over another treatment, as these mean different things.
_COMPARATOR_TIERS = {"placebo": 0, "sham": 0, "usual-care": 1, "mixed": 1, "active": 2}


@dataclass(frozen=True, eq=False, repr=False)
class EfficacyFigure:
    """The figure `match --priority efficacy` ranks an option by, and what it is."""

    evidence: Evidence
    gain: float  # percentage points over the comparator
    rank: tuple[int, int, float]  # outcome tier, comparator tier, minus the gain
    text: str  # "remission 14 vs 5 in 100 with sham (+9 points), OPT-TMS, randomised"


# Smaller trials' gains swing widely by chance; they are shown, not ranked.
MIN_RANKED_PEOPLE = 100
EFFICACY_RULE = (f"randomised trials of {MIN_RANKED_PEOPLE} or more people only, giving "
                 "remission for both arms (else response); for each option the trial with the "
                 "most comparable control (placebo or sham, then usual care, then another "
                 "treatment), then the largest; ranked by outcome (remission first), then by "
                 "that control, then by the gain over it; options without such a trial are "
                 "not ranked and come last")


def efficacy_figure(t: Treatment) -> EfficacyFigure | None:
    for tier, outcome in enumerate(("remission", "response")):
        rows = [e for e in percent_rows(t, outcome)
                if e.design_kind in RANDOMISED and e.comparator_value is not None
                and e.comparator_kind in _COMPARATOR_TIERS and not e.disputed
                and (e.n or 0) >= MIN_RANKED_PEOPLE]
        if not rows:
            continue
        e = min(rows, key=lambda r: (_COMPARATOR_TIERS[str(r.comparator_kind)], -(r.n or 0)))
        assert e.treatment_value is not None and e.comparator_value is not None
        gain = e.treatment_value - e.comparator_value
        return EfficacyFigure(e, gain, (tier, _COMPARATOR_TIERS[str(e.comparator_kind)], -gain),
                              f"{outcome} {e.treatment_value:g} vs {e.comparator_value:g} in "
                              f"100 with {e.comparator} ({gain:+.1f} points), {e.study}"
                              + (f", N={e.n:,}" if e.n else "")
                              + f", {DESIGN_LABELS[str(e.design_kind)]}")
    return None


def numbers_needed(t: Treatment) -> list[NumberNeeded]:
    """The NNT for every randomised trial row that gives response or remission as a
    percentage for both arms, where the option did better than its comparator."""
    found = []
    for e in t.evidence or []:
        if (e.outcome not in SHARED_OUTCOMES or e.unit != "%" or e.disputed
                or e.treatment_value is None or e.comparator_value is None
                or not e.comparator or e.design_kind not in RANDOMISED):
            continue
        difference = e.treatment_value - e.comparator_value
        if difference <= 0:
            continue
        nnt = math.ceil(round(100 / difference, 6))
        found.append(NumberNeeded(
            e.study, e.outcome, e.comparator, e.treatment_value, e.comparator_value, nnt,
            f"100 / ({e.treatment_value:g} - {e.comparator_value:g}) = {100 / difference:.2f}, "
            f"rounded up: {nnt}"))
    return found


def _nnt_text(t: Treatment) -> str:
    found = numbers_needed(t)
    if not found:
        return "no randomised trial here gives both arms' rates"
    return "; ".join(f"{n.nnt} ({n.outcome} vs {n.comparator}, {n.study}; derived: "
                     f"{n.arithmetic})" for n in found)


COMPARE_QUESTIONS: list[tuple[str, str, Callable[[Treatment], str]]] = [
    ("approval", "Approval (US)", lambda t: status_label(t)),
    ("warnings", "Warnings", _warnings_text),
    ("nnt", "Number needed to treat", _nnt_text),
    ("how_soon", "How soon", lambda t: t.onset.text if t.onset else UNCONFIRMED),
    ("involved", "What is involved", _course_text),
    ("side_effects", "Common side effects", _side_effects_text),
    ("who_not", "Who should not have it", _contraindications_text),
    ("cost", "Cost and access", cost_text),
    ("guidelines", "What guidelines say", guidelines_text),
]


def compare_rows(treatments: Sequence[Treatment],
                 situations: Sequence[str] = ()) -> list[CompareRow]:
    """The shared questions, then one row per situation the person has, giving each option's
    sourced position on it (or saying the catalogue has none)."""
    best = like_for_like(treatments)
    how_well = CompareRow("how_well", f"How well ({best[0].outcome})",
                          {b.treatment: b.text for b in best})
    rows = [CompareRow(key, question, {t.id: answer(t) for t in treatments})
            for key, question, answer in COMPARE_QUESTIONS]
    rows.insert(2, how_well)  # after approval and warnings, as before
    rows += [CompareRow(f"situation:{tag}", f"If you have: {TAG_LABELS[tag]}",
                        {t.id: position(t, tag).text for t in treatments})
             for tag in situations]
    return rows


def statement_words(statement: Contraindication) -> str:
    """'caution (shared by all Antidepressants): ...': the level, where it comes from, the text."""
    shared = f" (shared by all {statement.from_class})" if statement.from_class else ""
    return f"{LEVEL_LABELS[statement.level]}{shared}: {statement.text}"


def position(t: Treatment, tag: str) -> Claim:
    """An option's sourced position on one situation, with its sources; never silence as
    safety: with no statement it says the catalogue has not assessed it."""
    said = [c for c in t.contraindications or [] if c.tag == tag]
    if not said:
        return Claim(NOT_ASSESSED, [])
    return Claim("; ".join(map(statement_words, said)),
                 list(dict.fromkeys(s for c in said for s in c.sources)))


NOT_ASSESSED = "not assessed: the catalogue has no sourced statement on this"

# The handout's questions, in a person's words, as in Option Grid and NICE decision aids;
# each is one line of the summary card.
HANDOUT_QUESTIONS = {
    "What it is": "What is it?",
    "How well, and against what": "How well does it work, and compared with what?",
    "How soon": "How soon might I feel better?",
    "What it involves": "What does it involve?",
    "Main risks": "What are the main risks?",
    "Status (US)": "Is it approved?",
    "Cost": "What might it cost?",
}
WHAT_MATTERS = ["Feeling better quickly", "Fewest side effects", "Fewest visits or sessions",
                "Treatment at home", "Avoiding anaesthesia", "Being able to drive afterwards",
                "Cost to me", "How strong the evidence is"]
CLINICIAN_QUESTIONS = [
    "Why might this option suit me, and what would you choose in my place?",
    "How will we know whether it is working, and when will we review it?",
    "Which side effects should I watch for, and what should I do if they happen?",
    "How does it fit with my other medicines and health conditions?",
    "What happens if it does not work, and what would we try next?",
    "What will it cost me, and what will my insurance cover?",
]


@dataclass(frozen=True, eq=False, repr=False)
class HandoutRow:
    question: str
    answers: dict[str, Claim]  # option id -> the answer and its sources


def handout_rows(treatments: Sequence[Treatment],
                 situations: Sequence[str] = ()) -> list[HandoutRow]:
    """The handout's table: each option's summary card as answers to people's questions,
    then its sourced position on each situation asked about."""
    cards = {t.id: {line.label: line for line in summary_card(t)} for t in treatments}
    rows = [HandoutRow(question, {t.id: Claim(cards[t.id][label].text, cards[t.id][label].sources)
                                  for t in treatments})
            for label, question in HANDOUT_QUESTIONS.items()]
    rows += [HandoutRow(f"If I have: {TAG_LABELS[tag]}", {t.id: position(t, tag)
                                                          for t in treatments})
             for tag in situations]
    return rows


# Outcomes `trd chart` can draw: the ones the catalogue reports as a percentage of people.
ChartOutcome = Literal["response", "remission", "relapse"]


@dataclass(frozen=True, eq=False, repr=False)
class ChartBar:
    """One study's result for one option, with its comparator, for a bar chart."""

    treatment: str
    name: str
    study: str
    outcome: ChartOutcome
    value: float  # percent of people
    timepoint: str
    design: str
    sources: list[str]
    year: int | None = None
    n: int | None = None
    comparator: str | None = None
    comparator_value: float | None = None


def chart_bars(treatments: Sequence[Treatment],
               outcomes: Sequence[str] = get_args(ChartOutcome)) -> list[ChartBar]:
    """Every percentage result for these outcomes, option by option, in catalogue order."""
    return [
        ChartBar(treatment=t.id, name=t.name, study=e.study,
                 outcome=cast(ChartOutcome, e.outcome), value=e.treatment_value,
                 timepoint=e.timepoint, design=e.design, sources=e.sources, year=e.year, n=e.n,
                 comparator=e.comparator, comparator_value=e.comparator_value)
        for t in treatments for e in t.evidence or []
        if e.outcome in outcomes and e.unit == "%" and e.treatment_value is not None
    ]
