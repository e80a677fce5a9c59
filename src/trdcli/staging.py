"""How resistant is this depression: the Maudsley Staging Method and the usual TRD definition.

The item levels, points and bands are those of the published instrument, checked against
the Maudsley group's standardisation paper (Table 3) and Hägg et al. 2020 (Panel 1,
original version), which agree on every number. See docs/research/staging.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import CatalogueError, Problem, UsageError
from .names import normalise

Severity = Literal["subsyndromal", "mild", "moderate", "severe", "psychotic"]

# Severity at baseline; "psychotic" is the instrument's "severe with psychosis".
SEVERITY_POINTS: dict[str, int] = {
    "subsyndromal": 1, "mild": 2, "moderate": 3, "severe": 4, "psychotic": 5,
}
# (highest number of failed antidepressants in the level, points)
FAILED_LEVELS = [(2, 1), (4, 2), (6, 3), (10, 4)]
FAILED_ABOVE_TEN = 5
BANDS = [(6, "mild"), (10, "moderate"), (15, "severe")]
MIN_TOTAL, MAX_TOTAL = 3, 15

ADEQUATE_TRIAL_RULE = (
    "Each failed trial counted here is assumed to have been adequate: a proper dose taken for "
    "long enough to judge it, with little or no response (see 'trd glossary adequate trial'). "
    "trd does not check this; count only trials that meet it."
)
# For a history file, where trd sees each trial and so applies a rule rather than assuming one.
MIN_TRIAL_WEEKS = 6
FILE_TRIAL_RULE = (
    f"A trial counts as failed when it lasted at least {MIN_TRIAL_WEEKS} weeks at a dose the "
    "history marks adequate (adequate_dose, true unless said otherwise) with no response or "
    f"only a partial response. {MIN_TRIAL_WEEKS} weeks is the minimum Hägg et al. 2020 used for "
    "an adequate trial. Each medication counts once. Trials stopped for side effects, still "
    "running, or that worked are listed but not counted."
)
TRD_RULE = (
    "At least two adequate antidepressant trials in the current episode without adequate "
    "response."
)


# Results here are built and written out, never compared or printed with repr: without
# eq and repr their classes are made in about half the time, which start-up feels.
@dataclass(frozen=True, eq=False, repr=False)
class Reference:
    citation: str
    url: str
    doi: str | None = None
    pmid: str | None = None


REFERENCES = [
    Reference(
        "Fekadu A, Donocik JG, Cleare AJ. Standardisation framework for the Maudsley staging "
        "method for treatment resistance in depression. BMC Psychiatry 2018;18:100 (Table 3).",
        "https://bmcpsychiatry.biomedcentral.com/articles/10.1186/s12888-018-1679-x/tables/3",
        doi="10.1186/s12888-018-1679-x",
    ),
    Reference(
        "Hägg D, Brenner P, Reutfors J, et al. A register-based approach to identifying "
        "treatment-resistant depression: comparison with clinical definitions. PLoS ONE "
        "2020;15(7):e0236434 (Panel 1, original version).",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC7392234/table/pone.0236434.t001",
        doi="10.1371/journal.pone.0236434",
    ),
    Reference(
        "Fekadu A, et al. The Maudsley Staging Method for treatment-resistant depression: "
        "prediction of longer-term outcome and persistence of symptoms. J Clin Psychiatry "
        "2009;70(7):952-957.",
        "http://togows.dbcls.jp/entry/ncbi-pubmed/19457299",
        doi="10.4088/JCP.08m04728", pmid="19457299",
    ),
]


@dataclass(frozen=True, eq=False, repr=False)
class History:
    """A treatment history as the options (or a history file) give it."""

    duration_months: float
    severity: Severity
    failed: int
    augmentation: bool = False
    ect: bool = False

    def __post_init__(self) -> None:
        if self.duration_months < 0:
            raise UsageError(f"--duration-months must be 0 or more, got {self.duration_months:g}")
        if self.failed < 0:
            raise UsageError(f"--failed must be 0 or more, got {self.failed}")
        if self.severity not in SEVERITY_POINTS:
            choices = ", ".join(SEVERITY_POINTS)
            raise UsageError(f"--severity must be one of {choices}, got {self.severity!r}")


Outcome = Literal["no-response", "partial-response", "response", "remission", "not-tolerated",
                  "ongoing"]


@dataclass(frozen=True, eq=False, repr=False)
class Trial:
    """One antidepressant trial in the current episode, as a clinician records it."""

    drug: str
    weeks: float
    outcome: Outcome
    drug_class: str | None = None
    dose: str | None = None
    adequate_dose: bool = True
    optimised: bool = False  # dose raised during the trial
    augmented_with: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class EctCourse:
    sessions: int | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True, eq=False, repr=False)
class HistoryFile:
    """A treatment history kept as YAML or JSON, to re-run with `trd stage --history`."""

    duration_months: float
    severity: Severity
    trials: list[Trial] = field(default_factory=list)
    ect_courses: list[EctCourse] = field(default_factory=list)


@dataclass(frozen=True, eq=False, repr=False)
class TrialCount:
    drug: str
    counted: bool
    why: str


def count_trial(trial: Trial) -> TrialCount:
    if trial.outcome not in ("no-response", "partial-response"):
        why = {"response": "it worked", "remission": "it worked",
               "not-tolerated": "stopped for side effects, not a failure of effect",
               "ongoing": "still running"}[trial.outcome]
        return TrialCount(trial.drug, False, why)
    if trial.weeks < MIN_TRIAL_WEEKS:
        return TrialCount(trial.drug, False,
                          f"{trial.weeks:g} weeks, shorter than {MIN_TRIAL_WEEKS}")
    if not trial.adequate_dose:
        return TrialCount(trial.drug, False, "dose marked not adequate")
    return TrialCount(trial.drug, True, f"{trial.outcome} after {trial.weeks:g} weeks")


def read_history(path: Path) -> tuple[History, list[TrialCount]]:
    """A history file (YAML or JSON); any problem in it is a usage error naming the field."""
    from .loader import decode, read_bytes
    from .structure import structure
    from .yamlfile import locate_problems, parse_yaml

    file = str(path)
    try:
        text = decode(read_bytes(path), file)
        data = parse_yaml(text, file)
        problems: list[Problem] = []
        history = structure(HistoryFile, data, (), problems)
        problems += [Problem("out-of-range", ("trials", index, "weeks"), "must be 0 or more")
                     for index, trial in enumerate(getattr(history, "trials", []))
                     if trial.weeks < 0]
        if problems:
            raise CatalogueError(locate_problems(text, file, problems))
    except CatalogueError as error:
        raise UsageError(f"history file {error}") from None
    counts: list[TrialCount] = []
    failed_drugs: set[str] = set()
    for trial in history.trials:
        count = count_trial(trial)
        drug = normalise(trial.drug)
        if count.counted and drug in failed_drugs:
            # The instrument counts medications, so a second failed trial of one drug is not
            # a second failure.
            count = TrialCount(trial.drug, False, "same medication as an earlier failed trial")
        if count.counted:
            failed_drugs.add(drug)
        counts.append(count)
    return History(
        duration_months=history.duration_months,
        severity=history.severity,
        failed=sum(c.counted for c in counts),
        augmentation=any(t.augmented_with for t in history.trials),
        ect=bool(history.ect_courses),
    ), counts


@dataclass(frozen=True, eq=False, repr=False)
class Item:
    item: str
    given: str
    level: str
    points: int


@dataclass(frozen=True, eq=False, repr=False)
class MaudsleyScore:
    total: int | None  # None when the instrument cannot place the history
    band: str | None
    items: list[Item]
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True, eq=False, repr=False)
class Staging:
    meets_trd_definition: bool
    trd_rule: str
    adequate_trial_rule: str
    msm: MaudsleyScore
    references: list[Reference]
    trials: list[TrialCount] = field(default_factory=list)  # only from a history file


def _duration_item(months: float) -> Item:
    if months <= 12:
        level, points = "acute (12 months or less)", 1
    elif months <= 24:
        level, points = "sub-acute (13 to 24 months)", 2
    else:
        level, points = "chronic (more than 24 months)", 3
    return Item("duration", f"{months:g} months", level, points)


def _failed_item(failed: int) -> Item:
    low = 1
    for high, points in FAILED_LEVELS:
        if failed <= high:
            return Item("failed antidepressants", str(failed),
                        f"level {points}: {low} to {high} medications", points)
        low = high + 1
    return Item("failed antidepressants", str(failed),
                f"level {FAILED_ABOVE_TEN}: more than 10 medications", FAILED_ABOVE_TEN)


def maudsley(history: History) -> MaudsleyScore:
    items = [
        _duration_item(history.duration_months),
        Item("severity", history.severity,
             "severe with psychosis" if history.severity == "psychotic" else history.severity,
             SEVERITY_POINTS[history.severity]),
    ]
    flags = []
    if history.failed == 0:
        # The instrument's lowest level is one failed medication; it does not score none.
        flags.append("No failed antidepressant trial yet: the Maudsley method starts at one "
                     "failed trial, so no total is given.")
    else:
        items.append(_failed_item(history.failed))
    items += [
        Item("augmentation", "used" if history.augmentation else "not used",
             "used" if history.augmentation else "not used", int(history.augmentation)),
        Item("ECT", "used" if history.ect else "not used",
             "used" if history.ect else "not used", int(history.ect)),
    ]
    if flags:
        return MaudsleyScore(None, None, items, flags)
    total = sum(item.points for item in items)
    band = next(name for highest, name in BANDS if total <= highest)
    return MaudsleyScore(total, band, items, flags)


def stage(history: History, trials: list[TrialCount] | None = None) -> Staging:
    """Stage a history; ``trials`` are the counted trials when it came from a history file."""
    return Staging(
        meets_trd_definition=history.failed >= 2,
        trd_rule=TRD_RULE,
        adequate_trial_rule=ADEQUATE_TRIAL_RULE if trials is None else FILE_TRIAL_RULE,
        msm=maudsley(history),
        references=REFERENCES,
        trials=trials or [],
    )
