"""The catalogue model: the one definition of what a catalogue holds.

Validation (``structure``), JSON output (``to_jsonable``) and the JSON Schema
(``schema``) are all derived from these dataclasses, so a field added here is
checked, printed and documented without touching a second list.

Optional fields use ``None`` for "nobody has checked this yet"; an empty list
means "checked, and there is none".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Category = Literal[
    "medication", "neuromodulation", "psychotherapy", "psychedelic", "lifestyle", "digital"
]
RegulatoryStatus = Literal["approved", "cleared", "off-label", "investigational", "not-regulated"]
Product = Literal["drug", "device", "procedure", "therapy", "software"]
Stance = Literal["recommended", "option", "not-recommended", "research-only", "no-position"]
OutcomeKind = Literal["response", "remission", "score-change", "relapse", "other"]
Unit = Literal["%", "points", "RR", "OR", "SMD", "NNT", "HR", "days", "mg"]
# What a comparison needs to know about a study, so only like is set beside like: its
# design, what it compared against, and how resistant the people in it were.
DesignKind = Literal["randomised-blinded", "randomised-open", "meta-analysis", "single-arm",
                     "cohort"]
DESIGN_LABELS: dict[str, str] = {
    "randomised-blinded": "randomised, blinded", "randomised-open": "randomised, open-label",
    "meta-analysis": "meta-analysis", "single-arm": "single group, no comparison",
    "cohort": "observational (registry or cohort)"}
RANDOMISED: frozenset[str] = frozenset({"randomised-blinded", "randomised-open"})
ComparatorKind = Literal["placebo", "sham", "active", "usual-care", "mixed", "none"]
COMPARATOR_KIND_LABELS: dict[str, str] = {
    "placebo": "against placebo", "sham": "against a sham treatment",
    "active": "against another treatment", "usual-care": "against usual care",
    "mixed": "against various controls", "none": "no comparison group"}
ResistanceKind = Literal["two-or-more", "one-or-more", "unspecified", "not-selected", "remitted"]
RESISTANCE_LABELS: dict[str, str] = {
    "two-or-more": "people with 2 or more failed treatments",
    "one-or-more": "people with 1 or more inadequate responses",
    "unspecified": "people called treatment-resistant (definition not given here)",
    "not-selected": "people not selected for treatment resistance",
    "remitted": "people already in remission (relapse prevention)"}
# What a price is for: one session, a month of medicine, a whole course, or a one-time
# procedure; with the usual course it gives a course cost that can be compared.
CostUnit = Literal["session", "month", "course", "one-time"]
# A sourced position on one situation: do not use; use with care; the label or guideline
# raises no specific concern; or not studied (the trials left such people out).
Level = Literal["exclude", "caution", "no-specific-concern", "not-studied"]
LEVEL_LABELS: dict[str, str] = {"exclude": "do not use", "caution": "caution",
                                "no-specific-concern": "no specific concern",
                                "not-studied": "not studied"}
# What `trd match --priority` can order by.
Priority = Literal["efficacy", "speed", "visits", "side-effects", "cost"]
# Driving after a session or dose: banned, advised against, allowed with care, no restriction.
DriveAfter = Literal["not-allowed", "advised-against", "take-care", "allowed"]
WarningKind = Literal["boxed", "rems", "restricted-access", "other"]
WARNING_LABELS: dict[str, str] = {"boxed": "Boxed warning",
                                  "rems": "Restricted safety programme (REMS)",
                                  "restricted-access": "Restricted access", "other": "Warning"}
# What a source is, so a reader can weigh it: papers (trial ... cohort), official records
# (label, regulator, guideline, registry), and pages that back prices, access and services
# only, or are named as such (news, manufacturer, clinic, price...).
SourceKind = Literal[
    "trial", "meta-analysis", "review", "cohort", "label", "regulator", "guideline",
    "registry", "textbook", "encyclopedia", "drug-reference", "commentary", "news",
    "manufacturer", "clinic", "price", "patient-organisation", "crisis-service",
]
# How each kind reads to a person, in `trd sources`.
SOURCE_KIND_LABELS: dict[str, str] = {
    "trial": "trial", "meta-analysis": "meta-analysis", "review": "review",
    "cohort": "observational study", "label": "prescribing information (label)",
    "regulator": "regulator's record", "guideline": "guideline", "registry": "trial registry",
    "textbook": "textbook", "encyclopedia": "reference work", "drug-reference": "drug reference",
    "commentary": "commentary", "news": "news", "manufacturer": "manufacturer",
    "clinic": "clinic or hospital page", "price": "price page",
    "patient-organisation": "patient organisation", "crisis-service": "crisis service",
}
# Kinds whose pages may carry efficacy and safety figures on their own.
PRIMARY_KINDS = frozenset({"trial", "meta-analysis", "review", "cohort", "label", "regulator",
                           "guideline", "registry", "textbook"})
PAPER_KINDS = frozenset({"trial", "meta-analysis", "review", "cohort"})
# The screening vocabulary: `trd match` and the data tests depend on these exact tags.
ContraindicationTag = Literal[
    "pregnancy",
    "breastfeeding",
    "seizure-disorder",
    "bipolar",
    "psychosis",
    "substance-use",
    "uncontrolled-hypertension",
    "cardiovascular-disease",
    "implanted-metal",
    "implanted-device",
    "raised-intracranial-pressure",
    "aneurysm",
    "recent-stroke",
    "young-age",
    "older-age",
    "serotonergic-drugs",
    "tyramine-diet",
    "liver-disease",
    "kidney-disease",
    "thyroid-disease",
    "metabolic-risk",
    "dementia",
    "anaesthesia-risk",
    "none-known",
]


# One human label per tag, for views (the tags themselves are for files and scripts).
TAG_LABELS: dict[str, str] = {
    "pregnancy": "pregnancy", "breastfeeding": "breastfeeding",
    "seizure-disorder": "epilepsy or past seizures", "bipolar": "bipolar disorder",
    "psychosis": "psychosis", "substance-use": "alcohol or drug problems",
    "uncontrolled-hypertension": "high blood pressure that is not under control",
    "cardiovascular-disease": "heart or blood-vessel disease",
    "implanted-metal": "metal implants in the head", "implanted-device": "an implanted device",
    "raised-intracranial-pressure": "raised pressure inside the skull",
    "aneurysm": "an aneurysm", "recent-stroke": "a recent stroke",
    "young-age": "under 18", "older-age": "over 65",
    "serotonergic-drugs": "other medicines that affect serotonin",
    "tyramine-diet": "foods rich in tyramine", "liver-disease": "liver disease",
    "kidney-disease": "kidney disease", "thyroid-disease": "thyroid disease",
    "metabolic-risk": "diabetes, weight or cholesterol problems", "dementia": "dementia",
    "anaesthesia-risk": "risks with anaesthesia", "none-known": "none known",
}


# Marks the field that identifies an entry, so catalogue overlays change entries by it.
MERGE_KEY = {"merge_key": True}


class Cites:
    """For entries whose views number their sources."""

    def source_ids(self) -> list[str]:
        """Every source the entry cites, in order of first use."""
        return list(citations(self))


@dataclass(frozen=True)
class Source:
    """A reference that a claim rests on, with the page that was checked."""

    title: str
    kind: SourceKind
    url: str
    publisher: str | None = None
    authors: str | None = None
    year: int | None = None
    pmid: str | None = None
    doi: str | None = None
    # The copy that was actually read, when it was not the page ``url`` names (a mirror, a
    # reprint): kept for the record, shown only in `trd sources` detail and JSON.
    read_at: str | None = None


@dataclass(frozen=True)
class Claim:
    """A statement in plain words and the sources it rests on."""

    text: str
    sources: list[str]


@dataclass(frozen=True)
class Regulatory:
    agency: str
    status: RegulatoryStatus
    product: Product
    indication: str
    sources: list[str]
    year: int | None = None
    pathway: str | None = None


@dataclass(frozen=True)
class GuidelinePosition:
    guideline: str
    stance: Stance
    line: str
    text: str
    sources: list[str]


@dataclass(frozen=True)
class Evidence:
    study: str
    design: str
    population: str
    outcome: OutcomeKind
    measure: str
    timepoint: str
    sources: list[str]
    # None where the source gives a finding but no figure (the note says what it found).
    treatment_value: float | None = None
    unit: Unit | None = None
    # None where the source read did not state it: never filled in from memory.
    year: int | None = None
    publisher: str | None = None
    n: int | None = None
    comparator: str | None = None
    comparator_value: float | None = None
    note: str | None = None
    design_kind: DesignKind | None = None
    comparator_kind: ComparatorKind | None = None
    timepoint_weeks: float | None = None
    resistance: ResistanceKind | None = None  # how resistant the people studied were
    disputed: bool = False  # the figure is contested in the literature (say why in note)


@dataclass(frozen=True)
class Onset:
    label: str  # a few words for `trd list`, e.g. "hours to days"
    text: str
    sources: list[str]
    days_min: int | None = None
    days_max: int | None = None


@dataclass(frozen=True)
class Course:
    label: str  # a few words for `trd list`, e.g. "2/wk x 3 wk, IV drip"
    summary: str
    setting: str
    anaesthesia: bool
    observation: str
    driving: str
    time_off_work: str
    sources: list[str]
    sessions_per_week: float | None = None
    weeks: float | None = None
    minutes_per_visit: float | None = None
    # For `trd match`; each restates, as a value, what the text above already says.
    at_home: bool | None = None  # taken or done at home, with no treatment sessions elsewhere
    drive_after: DriveAfter | None = None


@dataclass(frozen=True)
class SideEffect:
    name: str
    text: str
    sources: list[str]
    per_100: float | None = None
    comparator_per_100: float | None = None
    comparator: str | None = None  # what comparator_per_100 was measured on: "placebo", "ECT"


@dataclass(frozen=True)
class Contraindication:
    tag: ContraindicationTag
    level: Level
    text: str
    sources: list[str]
    # Set by trd, never in a file: the class this statement is inherited from.
    from_class: str | None = None


@dataclass(frozen=True)
class Warning:
    kind: WarningKind
    text: str
    sources: list[str]


@dataclass(frozen=True)
class Cost:
    text: str
    where: str
    sources: list[str]
    insurance: str | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    per: str | None = None
    year: int | None = None
    unit: CostUnit | None = None
    # Sessions (or months) in the usual course the price assumes, where the course fields
    # do not give it; with `basis`, the assumption in words ("10 sessions, as the page says").
    course_units: float | None = None
    basis: str | None = None


@dataclass(frozen=True)
class Treatment(Cites):
    """One option. Only what identifies it is required, so a clinic's overlay can add an
    option with what it knows; the shipped catalogue fills every field (a data test)."""

    id: str = field(metadata=MERGE_KEY)
    name: str
    category: Category
    summary: str
    reviewed: date
    aliases: list[str] = field(default_factory=list)
    # Classes whose shared statements this option inherits (ids in the catalogue's `classes`).
    classes: list[str] = field(default_factory=list)
    description: str | None = None
    mechanism: str | None = None
    who_for: str | None = None
    headline: Claim | None = None
    regulatory: list[Regulatory] | None = None
    evidence: list[Evidence] | None = None
    onset: Onset | None = None
    course: Course | None = None
    guidelines: list[GuidelinePosition] | None = None
    durability: Claim | None = None
    maintenance: Claim | None = None
    side_effects: list[SideEffect] | None = None
    contraindications: list[Contraindication] | None = None
    warnings: list[Warning] | None = None
    cost: Cost | None = None

    def status_for(self, agency: str = "FDA") -> Regulatory | None:
        return next((r for r in self.regulatory or [] if r.agency == agency), None)


@dataclass(frozen=True)
class Factor:
    name: str
    text: str
    sources: list[str]


@dataclass(frozen=True)
class Condition(Cites):
    """The condition itself, for `trd explain trd`."""

    id: str
    name: str
    aliases: list[str]
    definition: Claim
    contributing_factors: list[Factor]
    reviewed: date | None = None
    how_common: Claim | None = None
    pseudo_resistance: Claim | None = None


@dataclass(frozen=True)
class Term(Cites):
    """A word the views use, for `trd glossary` and `trd explain TERM`."""

    id: str = field(metadata=MERGE_KEY)
    name: str
    aliases: list[str]
    text: str
    sources: list[str]


@dataclass(frozen=True)
class CrisisService:
    name: str
    contact: str  # as the service publishes it: "Call or text 988"
    sources: list[str]
    hours: str | None = None


@dataclass(frozen=True)
class CrisisCountry:
    country: str
    code: str = field(metadata=MERGE_KEY)  # ISO 3166-1 alpha-2
    services: list[CrisisService]


@dataclass(frozen=True)
class Directory:
    name: str
    url: str
    text: str
    sources: list[str]


@dataclass(frozen=True)
class Crisis:
    """Where to get urgent help, for `trd crisis`."""

    general: Claim
    countries: list[CrisisCountry]
    directories: list[Directory] = field(default_factory=list)


@dataclass(frozen=True)
class TreatmentClass:
    """What every member of a class shares (antipsychotics, magnetic stimulation...), declared
    once and inherited; a member differs only by a statement of its own on the same situation,
    which cites its own sources."""

    id: str = field(metadata=MERGE_KEY)
    name: str
    contraindications: list[Contraindication] = field(default_factory=list)


@dataclass(frozen=True)
class Catalogue:
    schema_version: int
    version: str
    released: date
    sources: dict[str, Source]
    condition: Condition
    treatments: list[Treatment] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    crisis: Crisis | None = None
    classes: list[TreatmentClass] = field(default_factory=list)


def with_classes(catalogue: Catalogue) -> Catalogue:
    """The catalogue with each option's class statements added to its own, marked with the
    class they come from; an option's own statement on a situation replaces the class's."""
    import dataclasses

    if not catalogue.classes:
        return catalogue
    by_id = {c.id: c for c in catalogue.classes}
    treatments = []
    for treatment in catalogue.treatments:
        own = treatment.contraindications
        said = {c.tag for c in own or []}
        inherited = [dataclasses.replace(c, from_class=by_id[class_id].name)
                     for class_id in treatment.classes if class_id in by_id
                     for c in by_id[class_id].contraindications if c.tag not in said]
        if inherited:
            treatment = dataclasses.replace(treatment,
                                            contraindications=[*(own or []), *inherited])
        treatments.append(treatment)
    return dataclasses.replace(catalogue, treatments=treatments)


def catalogue_name(catalogue: Catalogue) -> str:
    """How views name the catalogue that answered: the shipped version alone, or with the
    files laid over it ("catalogue 2026.11.22 + clinic.yaml"), so an overlay that copies
    the shipped version string cannot pass for the shipped catalogue."""
    return getattr(catalogue, "_name", None) or f"catalogue {catalogue.version}"


def name_catalogue(catalogue: Catalogue, name: str) -> None:
    """Set what ``catalogue_name`` says; the loader calls it with the files in force. It is
    not a field: it describes where the data came from, not the data."""
    object.__setattr__(catalogue, "_name", name)


def citations(node: object) -> dict[str, list[str]]:
    """Each source an entry cites, in order of first use, with the fields that cite it."""
    cited: dict[str, list[str]] = {}

    def walk(value: object, where: str) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                child = getattr(value, name)
                if name == "sources" and isinstance(child, list):
                    for source_id in child:
                        cited.setdefault(source_id, []).append(where or "entry")
                else:
                    walk(child, f"{where}.{name}" if where else name)

    walk(node, "")
    return cited
