"""Each view as a page of blocks, for the Markdown and HTML writers and the Rich explain view.

Pages hold only plain text and numbers; how a grid, a bar or a pictogram looks is the
writers' business.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import (
    LEVEL_LABELS,
    SOURCE_KIND_LABELS,
    TAG_LABELS,
    WARNING_LABELS,
    Catalogue,
    Claim,
    Condition,
    CrisisCountry,
    Source,
    Term,
    Treatment,
    catalogue_name,
    citations,
)
from ..query import (
    CLINICIAN_QUESTIONS,
    UNCONFIRMED,
    WHAT_MATTERS,
    ChartBar,
    CompareRow,
    chart_bars,
    cost_text,
    handout_rows,
    numbers_needed,
    per_100,
    price_and_course,
    status_label,
    summary_card,
    warning_text,
)
from ..staging import Staging
from .blocks import (
    Bar,
    BarGroup,
    Bars,
    Block,
    Cited,
    Grid,
    Heading,
    Inline,
    Items,
    Lines,
    Page,
    Para,
    Pictogram,
    Pictograms,
    Refs,
    SourceEntry,
    SourceList,
)

if TYPE_CHECKING:
    from ..errors import Problem
    from ..match import Match
    from ..merge import Stack

BARS_NOTE = ("Each pair of bars is one study: the option, then what it was compared with. "
             "Studies differ in people, comparators and timepoints, so compare bars from "
             "different studies with care.")
PICTOGRAM_NOTE = ("Out of 100 people in the study behind each figure; the second row, where "
                  "the source gives it, is the group the option was compared with, named on "
                  "the row.")


def stamp(catalogue: Catalogue) -> str:
    return f"{catalogue_name(catalogue)}, released {catalogue.released.isoformat()}"


def identifiers(pmid: str | None, doi: str | None) -> str:
    """' PMID 1. DOI 10.x/y.', leaving out what is missing."""
    return "".join(f" {label} {value}." for label, value in (("PMID", pmid), ("DOI", doi))
                   if value)


def source_line(source: Source) -> str:
    """'Authors. Title. Publisher, 2023. PMID 1. DOI 10.x/y.' without the URL."""
    ids = identifiers(source.pmid, source.doi)
    authors = source.authors.rstrip(".") + ". " if source.authors else ""
    published = ", ".join(str(part) for part in (source.publisher, source.year) if part)
    return f"{authors}{source.title}. {published + '.' if published else ''}{ids}".strip()


def source_entries(catalogue: Catalogue, refs: Refs) -> SourceList:
    """The sources ``refs`` has numbered, in that order."""
    return SourceList([SourceEntry(n, source_line(catalogue.sources[source_id]),
                                   catalogue.sources[source_id].url)
                       for source_id, n in refs.listed()])


def source_list(catalogue: Catalogue, refs: Refs) -> list[Block]:
    return [Heading("Sources"), source_entries(catalogue, refs)] if refs.shown else []


def _claim(refs: Refs, claim: Claim | None) -> Inline:
    if claim is None:
        return UNCONFIRMED.capitalize() + "."
    return refs.cited(claim.text, claim.sources)


def _items(refs: Refs, items: Sequence[tuple[str, str, Sequence[str]]] | None,
           tone: str = "plain") -> Block:
    if items is None:
        return Para(UNCONFIRMED.capitalize() + ".", tone="note")
    if not items:
        return Para("None known.", tone="note")
    return Items([(label, refs.cited(text, sources)) for label, text, sources in items],
                 tone="warning" if tone == "warning" else "plain")


def bars(treatments: Sequence[Treatment], refs: Refs,
         outcomes: Sequence[str] = ("response", "remission")) -> list[Block]:
    found = chart_bars(treatments, outcomes)
    if not found:
        return []
    title = "Response and remission, against the comparator" if len(outcomes) > 1 else (
        f"{outcomes[0].capitalize()}, against the comparator")
    return [Bars(title, [bar_group(bar, refs) for bar in found], BARS_NOTE)]


def bar_group(bar: ChartBar, refs: Refs) -> BarGroup:
    about = ", ".join(part for part in (
        f"{bar.study}" + (f" ({bar.year})" if bar.year else ""),
        f"N={bar.n}" if bar.n else "", f"{bar.outcome} at {bar.timepoint}") if part)
    shown = [Bar(bar.name, bar.value)]
    if bar.comparator_value is not None and bar.comparator:
        shown.append(Bar(bar.comparator, bar.comparator_value, comparator=True))
    return BarGroup(refs.cited(about, bar.sources), shown)


def pictograms(treatments: Sequence[Treatment], refs: Refs) -> list[Block]:
    rows = [
        Pictogram(refs.cited(s.name if len(treatments) == 1 else f"{t.name}: {s.name}",
                             s.sources), s.per_100, s.comparator_per_100, s.comparator)
        for t in treatments for s in t.side_effects or [] if s.per_100 is not None
    ]
    return [Pictograms("Side effects, N in 100 people", rows, PICTOGRAM_NOTE)] if rows else []


def list_page(catalogue: Catalogue, treatments: Sequence[Treatment]) -> Page:
    rows: list[list[Inline]] = [
        [f"{t.name} ({t.id})", t.category, status_label(t), t.onset.label if t.onset else "?",
         t.course.label if t.course else "?", price_and_course(t) or "not confirmed",
         t.headline.text if t.headline else UNCONFIRMED]
        for t in treatments]
    found: Block = Grid(["Option", "Type", "US status", "How soon", "Course", "Price",
                         "Headline result"], rows, whole=(2,)) if rows else Para(
        "No option matches those filters.")
    return Page(f"TRD options ({len(treatments)})", [
        found, Para("Details: trd explain NAME. Side by side: trd compare A B.", tone="note"),
    ], stamp(catalogue))


def compare_page(catalogue: Catalogue, treatments: Sequence[Treatment],
                 rows: Sequence[CompareRow]) -> Page:
    refs = Refs([s for t in treatments for s in t.source_ids()])
    grid = Grid(["", *(t.name for t in treatments)],
                [[row.question, *(row.answers[t.id] for t in treatments)] for row in rows],
                labelled=True)
    return Page("Compare: " + ", ".join(t.name for t in treatments), [
        grid, *bars(treatments, refs), *pictograms(treatments, refs),
        *source_list(catalogue, refs)], stamp(catalogue))


def handout_page(catalogue: Catalogue, treatments: Sequence[Treatment],
                 situations: Sequence[str] = (), paper: str | None = None) -> Page:
    """A decision aid for two or three options: the summary card of each as rows of
    questions people ask, what matters to the person, questions for the clinician, and short
    citations; made to print on a few pages."""
    refs = Refs()
    rows: list[list[Inline]] = [
        [row.question, *(refs.cited(answer.text, answer.sources) if answer.sources
                         else answer.text for answer in row.answers.values())]
        for row in handout_rows(treatments, situations)]
    blocks: list[Block] = [
        Para("This sheet sets the options side by side so you and your clinician can talk "
             "them through. The numbers in brackets point to the sources at the end."),
        Grid(["", *(t.name for t in treatments)], rows, labelled=True),
        Heading("What matters to you?"),
        Grid(["", "A lot", "Somewhat", "Not much"], [[item, "", "", ""] for item in WHAT_MATTERS],
             labelled=True),
        Heading("Questions to ask your clinician"),
        Items([(str(n), question) for n, question in enumerate(CLINICIAN_QUESTIONS, start=1)]),
        Heading("Sources"), short_sources(catalogue, refs)]
    return Page("Choosing between: " + ", ".join(t.name for t in treatments), blocks,
                stamp(catalogue), paper=paper)


def short_sources(catalogue: Catalogue, refs: Refs) -> SourceList:
    """'Smith J et al. NEJM, 2023. PMID 1.': the link only where there is no identifier."""
    entries = []
    for source_id, n in refs.listed():
        source = catalogue.sources[source_id]
        first = (source.authors or "").split(",")[0].strip().rstrip(".")
        who = f"{first} et al." if first and "," in (source.authors or "") else first
        published = ", ".join(str(p) for p in (source.publisher, source.year) if p)
        ids = identifiers(source.pmid, source.doi)
        text = " ".join(part for part in (who, f"{source.title}.", published + "." if published
                                          else "", ids.strip()) if part)
        entries.append(SourceEntry(n, text, "" if ids else source.url))
    return SourceList(entries)


def explain_page(catalogue: Catalogue, topic: Treatment | Condition | Term,
                 brief: bool = False) -> Page:
    if isinstance(topic, Condition):
        return condition_page(catalogue, topic)
    if isinstance(topic, Term):
        return term_page(catalogue, topic)
    return treatment_page(catalogue, topic, brief)


def card(refs: Refs, t: Treatment) -> list[Block]:
    """The summary a person reads first, each answer marked with its sources."""
    return [Heading("At a glance"),
            Items([(line.label, refs.cited(line.text, line.sources) if line.sources
                    else line.text) for line in summary_card(t)])]


def _text(value: str | None) -> Para:
    return Para(UNCONFIRMED.capitalize() + ".", tone="note") if value is None else Para(value)


def treatment_page(catalogue: Catalogue, t: Treatment, brief: bool = False) -> Page:
    # The full page numbers every source the entry cites; the brief one only those it shows.
    refs = Refs() if brief else Refs(t.source_ids())
    head: list[Block] = [
        Para(f"{t.category} | {status_label(t)} | id {t.id} | reviewed {t.reviewed}",
             tone="note"),
        *card(refs, t)]
    if brief:
        return Page(t.name, [*head, Para(f"More: trd explain {t.id}", tone="note"),
                             *source_list(catalogue, refs)], stamp(catalogue))
    blocks: list[Block] = [
        *head,
        Para("Also called: " + ", ".join(t.aliases), tone="note"),
        # Boxed warnings and restricted programmes come first, where nobody can miss them.
        Heading("Warnings"),
        _items(refs, None if t.warnings is None else [
            (WARNING_LABELS[w.kind], warning_text(w), w.sources) for w in t.warnings],
            tone="warning"),
        Heading("What it is"), _text(t.description),
        Heading("How it is thought to work"), _text(t.mechanism),
        Heading("Who it is for"), _text(t.who_for),
        Heading("How well it works"), Para(_claim(refs, t.headline)),
    ]
    if t.evidence:
        blocks.append(_evidence_grid(refs, t))
    blocks += bars([t], refs)
    blocks += [Heading("How soon"), Para(_claim(refs, t.onset)),  # type: ignore[arg-type]
               Heading("What a course involves"), *_course(refs, t),
               Heading("How long it lasts"), Para(_claim(refs, t.durability)),
               Heading("Maintenance"), Para(_claim(refs, t.maintenance)),
               Heading("Side effects"),
               _items(refs, None if t.side_effects is None else [
                   (s.name + (f" - {per_100(s.per_100)} people" if s.per_100 is not None else "")
                    + (f" (vs {per_100(s.comparator_per_100)} on {s.comparator})"
                       if s.comparator_per_100 is not None else ""), s.text, s.sources)
                   for s in t.side_effects]),
               *pictograms([t], refs),
               Heading("Who should avoid it or take care"),
               _items(refs, None if t.contraindications is None else [
                   (f"{TAG_LABELS[x.tag]} ({LEVEL_LABELS[x.level]}"
                    + (f"; shared by all {x.from_class})" if x.from_class else ")"), x.text,
                    x.sources) for x in t.contraindications]),
               Heading("Regulatory status"),
               _items(refs, None if t.regulatory is None else [
                   (f"{r.agency}: {r.status}" + (f" ({r.product}, {r.pathway})" if r.pathway
                                                 else f" ({r.product})")
                    + (f", {r.year}" if r.year else ""), r.indication, r.sources)
                   for r in t.regulatory]),
               Heading("What guidelines say"),
               _items(refs, None if t.guidelines is None else [
                   (f"{g.guideline}: {g.stance} ({g.line})", g.text, g.sources)
                   for g in t.guidelines]),
               Heading("Cost and access")]
    if t.cost is None:
        blocks.append(_text(None))
    else:
        blocks += [Para(refs.cited(cost_text(t), t.cost.sources)),
                   Para(f"Insurance: {t.cost.insurance or UNCONFIRMED}"),
                   Para(f"Where: {t.cost.where}")]
    return Page(t.name, [*blocks, *source_list(catalogue, refs)], stamp(catalogue))


def _evidence_grid(refs: Refs, t: Treatment) -> Grid:
    rows: list[list[Inline]] = []
    found = {(n.study, n.outcome): n for n in numbers_needed(t)}
    nnts = {id(e): found[(e.study, e.outcome)] for e in t.evidence or []
            if (e.study, e.outcome) in found}
    for e in t.evidence or []:
        unit = e.unit if e.unit == "%" else f" {e.unit or ''}"
        result = f"{e.treatment_value:g}{unit}" if e.treatment_value is not None else ""
        if e.comparator and e.treatment_value is not None:
            other = f"{e.comparator_value:g}{unit}" if e.comparator_value is not None else "-"
            result += f" vs {other} ({e.comparator})"
        study = e.study + (f" ({e.year})" if e.year else "") + (
            f", {e.publisher}" if e.publisher else "")
        derived = nnts.get(id(e))
        if derived:
            result += (f"; number needed to treat {derived.nnt} (derived by trd: "
                       f"{derived.arithmetic})")
        rows.append([refs.cited(study, e.sources),
                     f"{e.design}; {e.population}" + (f"; N={e.n}" if e.n else ""),
                     f"{e.outcome}: {e.measure}; {e.timepoint}",
                     "; ".join(part for part in (result, e.note or "") if part)])
    return Grid(["Study", "Design and people", "Outcome", "Result"], rows)


def _course(refs: Refs, t: Treatment) -> list[Block]:
    c = t.course
    if c is None:
        return [_text(None)]
    facts = [
        ("Sessions", f"{c.sessions_per_week:g} a week for {c.weeks:g} weeks"
         if c.sessions_per_week is not None and c.weeks is not None else None),
        ("Time per visit", f"{c.minutes_per_visit:g} minutes"
         if c.minutes_per_visit is not None else None),
        ("Where", c.setting),
        ("Anaesthesia", "yes" if c.anaesthesia else "no"),
        ("Observation", c.observation),
        ("Driving", c.driving),
        ("Time off work", c.time_off_work),
    ]
    return [Para(refs.cited(c.summary, c.sources)),
            Items([(label, value) for label, value in facts if value])]


def condition_page(catalogue: Catalogue, c: Condition) -> Page:
    refs = Refs(c.source_ids())
    return Page(c.name, [
        Para("Also called: " + ", ".join(c.aliases), tone="note"),
        Heading("Definition"), Para(refs.cited(c.definition.text, c.definition.sources)),
        Heading("How common it is"), Para(_claim(refs, c.how_common)),
        Heading("What is thought to contribute"),
        _items(refs, [(f.name, f.text, f.sources) for f in c.contributing_factors]),
        Heading("When it is not really resistance"), Para(_claim(refs, c.pseudo_resistance)),
        Para("Options: trd list. One option: trd explain NAME.", tone="note"),
        *source_list(catalogue, refs)], stamp(catalogue))


def term_page(catalogue: Catalogue, term: Term) -> Page:
    refs = Refs(term.source_ids())
    return Page(term.name, [Para("Also: " + ", ".join(term.aliases), tone="note"),
                            Para(refs.cited(term.text, term.sources)),
                            *source_list(catalogue, refs)], stamp(catalogue))


def glossary_page(catalogue: Catalogue, terms: Sequence[Term]) -> Page:
    if len(terms) == 1:
        return term_page(catalogue, terms[0])
    refs = Refs()
    grid = Grid(["Term", "Meaning"], [[t.name, refs.cited(t.text, t.sources)] for t in terms],
                whole=(0,))
    return Page("Words trd uses", [grid, *source_list(catalogue, refs)], stamp(catalogue))


def sources_page(catalogue: Catalogue, topic: Treatment | Condition | Term) -> Page:
    cited = citations(topic)
    refs = Refs(list(cited))
    rows: list[list[Inline]] = [
        [f"[{n}] {source_line(catalogue.sources[source_id])}",
         SOURCE_KIND_LABELS[catalogue.sources[source_id].kind],
         _where(catalogue.sources[source_id]),
         ", ".join(dict.fromkeys(field_label(topic, path) for path in cited[source_id]))]
        for source_id, n in refs.order.items()]
    return Page(f"Sources for {topic.name} ({len(rows)})",
                [Grid(["Source", "Kind", "Link", "Backs"], rows, links=(2,))], stamp(catalogue))


def _where(source: Source) -> str:
    """The canonical link, and the copy that was read when it was another page."""
    return source.url + (f" (read at {source.read_at})" if source.read_at else "")


_ITEM_LABELS = ("study", "guideline", "agency", "name", "tag", "kind")


def field_label(topic: object, path: str) -> str:
    """'evidence[0]' -> 'evidence (ELEKT-D)', so a reader sees which claim a source backs."""
    field, _, rest = path.partition("[")
    if not rest:
        return path.replace("_", " ")
    item = getattr(topic, field)[int(rest.split("]")[0])]
    label = next((getattr(item, a) for a in _ITEM_LABELS if hasattr(item, a)), "")
    return f"{field.replace('_', ' ')} ({label})"


def crisis_page(catalogue: Catalogue, countries: Sequence[CrisisCountry]) -> Page:
    refs = Refs()
    crisis = catalogue.crisis
    blocks: list[Block] = []
    if crisis is not None:
        blocks.append(Para(refs.cited(crisis.general.text, crisis.general.sources),
                           tone="strong"))
    blocks.append(Grid(["Where", "Service", "How to reach it", "Hours"], [
        [f"{country.country} ({country.code})", service.name,
         refs.cited(service.contact, service.sources), service.hours or ""]
        for country in countries for service in country.services]))
    blocks += [Items([(d.name, refs.cited(f"{d.url}: {d.text}", d.sources))
                      for d in (crisis.directories if crisis else [])]),
               Para(ELSEWHERE, tone="strong")]
    return Page("Urgent help", [*blocks, *source_list(catalogue, refs)], stamp(catalogue))


def stage_page(staging: Staging) -> Page:
    msm = staging.msm
    blocks: list[Block] = [
        Heading("Maudsley Staging Method"),
        Grid(["Item", "Given", "Level", "Points"],
             [[i.item, i.given, i.level, str(i.points)] for i in msm.items])]
    if staging.trials:
        blocks.append(Grid(["Medication", "Counted as failed", "Why"],
                           [[t.drug, "yes" if t.counted else "no", t.why]
                            for t in staging.trials], title="Trials in the history"))
    if msm.total is not None:
        blocks.append(Para(f"Total: {msm.total} of 15, {msm.band} (bands: mild 3-6, moderate "
                           "7-10, severe 11-15)", tone="strong"))
    blocks += [Para("Not scored: " + flag, tone="warning") for flag in msm.flags]
    verdict = "meets" if staging.meets_trd_definition else "does not meet"
    blocks += [
        Para(f"This history {verdict} the usual definition of treatment-resistant depression: "
             + staging.trd_rule),
        Para("Assumed: " + staging.adequate_trial_rule, tone="note"),
        Para("A staging score describes a history; it is not a diagnosis or a treatment "
             "choice.", tone="note"),
        Heading("Sources"),
        SourceList([SourceEntry(n, ref.citation + identifiers(ref.pmid, ref.doi), ref.url)
                    for n, ref in enumerate(staging.references, start=1)]),
    ]
    return Page("How resistant is this depression?", blocks)


# Wording the match, crisis and info pages use.
MATCH_NOTE = ("This is not a recommendation. It shows which options fit what you told it, and "
              "what to ask a clinician, who knows your history. The catalogue's lists of who "
              "should avoid an option are not complete.")
PRECEDENCE = ("Precedence: --catalog files, else TRD_CATALOG, over the shipped catalogue "
              "(unless --no-default); later files win.")
ELSEWHERE = "Anywhere else: call your local emergency number."


def asked(result: Match) -> str:
    return "You said: " + ("; ".join(result.asked) or "nothing yet (every option fits)")


def clinician_questions(result: Match) -> list[tuple[str, str]]:
    """For each caution or unassessed situation, the option and the question to put to a
    clinician about it."""
    return [(s.name, f"is it safe or practical for me, given {r.criterion}?")
            for s in [*result.caution, *result.not_assessed] for r in s.reasons
            if r.verdict in ("caution", "not-assessed")]


# (attribute of Match, heading)
MATCH_GROUPS = (
    ("fits", "Sourced statements say nothing against your answers"),
    ("caution", "Possible, but ask a clinician first"),
    ("not_assessed",
     "Not assessed: the catalogue has no sourced statement for one of your situations"),
    ("excluded", "Ruled out by your answers"),
)


def match_page(catalogue: Catalogue, result: Match) -> Page:
    refs = Refs()
    blocks: list[Block] = [
        Para(asked(result)),
        Para(MATCH_NOTE, tone="note"),
        Para("Order: " + result.ordering_rule)]
    for attribute, title in MATCH_GROUPS:
        group = getattr(result, attribute)
        ranked = any(s.ranked_by for s in group)
        blocks += [Heading(f"{title} ({len(group)})"),
                   Grid(["Option", "US status", "Why", *(["Ranked by"] if ranked else [])], [
                       [s.name, s.status, Cited("; ".join(
                           f"{r.criterion}: {r.text}" for r in s.reasons),
                           refs.mark([src for r in s.reasons for src in r.sources])),
                        *([s.ranked_by or ""] if ranked else [])]
                       for s in group]) if group else Para("None.")]
    questions = clinician_questions(result)
    if questions:
        blocks += [Heading("Questions to ask a clinician"), Items(list(questions))]
    return Page("Screening the options against your answers",
                [*blocks, *source_list(catalogue, refs)], stamp(catalogue))


def chart_page(catalogue: Catalogue, outcome: str, found: Sequence[ChartBar]) -> Page:
    refs = Refs()
    groups = [bar_group(bar, refs) for bar in found]
    blocks: list[Block] = [Bars(f"{outcome.capitalize()}: percent of people, by study", groups,
                                BARS_NOTE)] if groups else [
        Para(f"No option in the catalogue reports {outcome} as a percentage.")]
    return Page(f"{outcome.capitalize()} across the options",
                [*blocks, *source_list(catalogue, refs)], stamp(catalogue))


def info_page(found: Stack, given_by: str | None) -> Page:
    catalogue = found.catalogue
    rows: list[list[Inline]] = [
        [str(n), "shipped catalogue" if layer.shipped else layer.file, layer.version or "",
         layer.released or "", layer.sha256[:12],
         "; ".join(f"{verb} {len(ids)} in {name}: {', '.join(ids)}"
                   for verb, lists in (("adds", layer.added), ("changes", layer.changed))
                   for name, ids in lists.items())]
        for n, layer in enumerate(found.layers, start=1)]
    return Page("Catalogue in force", [
        Para(f"Version {catalogue.version}, released {catalogue.released.isoformat()}; "
             f"{len(catalogue.treatments)} options, {len(catalogue.sources)} sources, "
             f"{len(catalogue.glossary)} glossary terms."
             + (f" Extra files from {given_by}." if given_by else "")),
        Grid(["#", "File", "Version", "Released", "sha256", "Changes"], rows),
        Para(PRECEDENCE, tone="note")], stamp(catalogue))


def validate_page(files: Sequence[str], problems: Sequence[Problem]) -> Page:
    # Problems first, one to a line as compilers print them, so editors and grep can jump
    # to each; the count last, where a reader's eye ends.
    with_problems = len({p.file for p in problems})
    summary = (f"{_count(len(problems), 'problem')} in {with_problems} of "
               f"{_count(len(files), 'file')}." if problems
               else f"No problems in {_count(len(files), 'file')}.")
    return Page("Catalogue check", [Lines([str(p) for p in problems]),
                                    Para(summary, tone="strong")])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"
