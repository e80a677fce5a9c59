"""Rich views for people: list, compare, explain. Imported only when one is drawn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..errors import Problem
from ..model import (
    Catalogue,
    Claim,
    Condition,
    Course,
    CrisisCountry,
    Evidence,
    Onset,
    Term,
    Treatment,
    citations,
)
from ..query import UNCONFIRMED, CompareRow, cost_text, per_100, price, status_label
from ..safety import DISCLAIMER
from ..staging import Staging

if TYPE_CHECKING:
    from ..loader import Stack
    from ..match import Match, Screened

# From this width, `trd list` gives every fact its own column.
WIDE_LIST = 120
# Below this many columns per treatment, compare stacks answers instead of side by side.
MIN_COMPARE_COLUMN = 22


def make_console(stream: IO[str]) -> Console:
    # Rich honours NO_COLOR, TERM=dumb and COLUMNS, and drops colour when not a terminal.
    return Console(file=stream, highlight=False, emoji=False)


_ASCII_SIMPLE_HEAD = box.Box(
    "    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


def _list_box(console: Console) -> box.Box:
    return box.SIMPLE_HEAD if console.is_terminal else _ASCII_SIMPLE_HEAD


def _box(console: Console) -> box.Box:
    """Box-drawing characters for a terminal, plain ASCII for a pipe or a file."""
    return box.ROUNDED if console.is_terminal and not console.legacy_windows else box.ASCII


class References:
    """Numbers sources so text can point at them as [n].

    Seeded with the entry's own order, so [3] means the same source here, in
    `trd sources` and in the JSON.
    """

    def __init__(self, seed: Sequence[str] = ()) -> None:
        self.order: dict[str, int] = {}
        self.mark(seed)

    def mark(self, source_ids: Sequence[str]) -> str:
        numbers = [self.order.setdefault(s, len(self.order) + 1) for s in source_ids]
        return "[" + ",".join(str(n) for n in numbers) + "]" if numbers else ""

    def cite(self, text: str, source_ids: Sequence[str]) -> Text:
        return Text.assemble(text, " ", (self.mark(source_ids), "cyan"))


def footer(console: Console) -> None:
    console.print()
    console.print(Text(DISCLAIMER, style="bold"))


def _unconfirmed() -> Text:
    return Text(UNCONFIRMED.capitalize() + ".", style="italic")


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


def render_list(console: Console, catalogue: Catalogue, treatments: Sequence[Treatment]) -> None:
    # Wide terminals get a column per fact; at 80 columns facts share cells so the
    # headline keeps enough room to be read.
    wide = console.width >= WIDE_LIST
    table = Table(box=_list_box(console), show_lines=True, pad_edge=False,
                  title=f"TRD options ({len(treatments)}), catalogue {catalogue.version}")
    table.add_column("Option", width=26 if wide else 22, overflow="fold")
    if wide:
        table.add_column("Type", width=15)
    table.add_column("US status", width=16 if wide else 11)
    table.add_column("How soon" if wide else "How soon\nCourse\nPrice", width=15 if wide else 13)
    if wide:
        table.add_column("Course", width=16)
        table.add_column("Price", width=14)
    table.add_column("Headline result", ratio=1, min_width=20)
    for t in treatments:
        name = Text.assemble((t.name, "bold"), "\n", (t.id, "dim"))
        status = status_label(t).removeprefix("FDA: ")
        onset = t.onset.label if t.onset else "?"
        course = t.course.label if t.course else "?"
        headline = t.headline.text if t.headline else UNCONFIRMED
        cost = price(t) or "price not confirmed"
        if wide:
            table.add_row(name, t.category, status, onset, course, cost, headline)
        else:
            name.append(f" | {t.category}", style="dim")
            table.add_row(name, status, f"{onset}\n{course}\n{cost}", headline)
    console.print(table)
    if not treatments:
        console.print("No option matches those filters.")
    console.print(Text("Details: trd explain NAME   Side by side: trd compare A B", style="dim"))
    footer(console)


def render_compare(console: Console, catalogue: Catalogue, treatments: Sequence[Treatment],
                   rows: Sequence[CompareRow]) -> None:
    label_width = max(len(row.question) for row in rows)
    side_by_side = console.width >= (MIN_COMPARE_COLUMN + 3) * len(treatments) + label_width + 4
    if side_by_side:
        table = Table(box=_box(console), show_lines=True)
        table.add_column("", style="bold", no_wrap=True, min_width=label_width)
        for t in treatments:
            table.add_column(t.name, ratio=1, overflow="fold")
        for row in rows:
            table.add_row(row.question, *(row.answers[t.id] for t in treatments))
        console.print(table)
    else:
        # Too narrow for columns: one block per question, each treatment's answer under it.
        for row in rows:
            console.print(Text(row.question, style="bold underline"))
            for t in treatments:
                answer = Text.assemble((t.name + ": ", "bold"), row.answers[t.id])
                console.print(Padding(answer, (0, 0, 0, 2), expand=False))
            console.print()
    console.print(Text(f"Sources for every figure: trd sources NAME (catalogue "
                       f"{catalogue.version})", style="dim"))
    footer(console)


def _claim(refs: References, claim: Claim | Onset | None) -> RenderableType:
    if claim is None:
        return _unconfirmed()
    return refs.cite(claim.text, claim.sources)


def _evidence_table(console: Console, refs: References, items: Sequence[Evidence]) -> Table:
    table = Table(box=_box(console), show_lines=True)
    table.add_column("Study", ratio=3)
    table.add_column("Design and people", ratio=4)
    table.add_column("Outcome", ratio=3)
    table.add_column("Result", ratio=3)
    for e in items:
        unit = e.unit if e.unit == "%" else f" {e.unit or ''}"
        result = f"{e.treatment_value:g}{unit}" if e.treatment_value is not None else ""
        if e.comparator and e.treatment_value is not None:
            other = f"{e.comparator_value:g}{unit}" if e.comparator_value is not None else "-"
            result += f" vs {other} ({e.comparator})"
        table.add_row(
            Text.assemble(e.study + (f" ({e.year})" if e.year else ""), "\n",
                          (e.publisher or "", "dim"), " ", (refs.mark(e.sources), "cyan")),
            f"{e.design}; {e.population}" + (f"; N={e.n}" if e.n else ""),
            f"{e.outcome}: {e.measure}; {e.timepoint}",
            "\n".join(part for part in (result, e.note or "") if part),
        )
    return table


def _not_reviewed_or(items: object, body: RenderableType) -> RenderableType:
    return _unconfirmed() if items is None else body


def render_explain(console: Console, catalogue: Catalogue,
                   topic: Treatment | Condition | Term) -> None:
    if isinstance(topic, Condition):
        render_condition(console, catalogue, topic)
    elif isinstance(topic, Term):
        render_term(console, catalogue, topic)
    else:
        render_treatment(console, catalogue, topic)


def render_treatment(console: Console, catalogue: Catalogue, t: Treatment) -> None:
    refs = References(t.source_ids())
    out: list[RenderableType] = [
        Text(t.name, style="bold"),
        Text(f"{t.category} | {status_label(t)} | id {t.id} | reviewed {t.reviewed}",
             style="dim"),
        Text("Also called: " + ", ".join(t.aliases), style="dim"),
        Text(t.summary),
        # Boxed warnings and restricted programmes come first, where nobody can miss them.
        _heading("Warnings"),
        _not_reviewed_or(t.warnings, _lines(refs, [
            (w.kind.upper(), w.text, w.sources) for w in t.warnings or []], style="bold red")),
        _heading("What it is"), _text(t.description),
        _heading("How it is thought to work"), _text(t.mechanism),
        _heading("Who it is for"), _text(t.who_for),
        _heading("How well it works"), _claim(refs, t.headline),
    ]
    if t.evidence:
        out.append(_evidence_table(console, refs, t.evidence))
    out += [
        _heading("How soon"), _claim(refs, t.onset),
        _heading("What a course involves"), _course(refs, t.course),
        _heading("How long it lasts"), _claim(refs, t.durability),
        _heading("Maintenance"), _claim(refs, t.maintenance),
        _heading("Side effects"),
        _not_reviewed_or(t.side_effects, _lines(refs, [
            (s.name + (f" - {per_100(s.per_100)} people" if s.per_100 is not None else "")
             + (f" (vs {per_100(s.comparator_per_100)} on the comparator)"
                if s.comparator_per_100 is not None else ""), s.text, s.sources)
            for s in t.side_effects or []])),
        _heading("Who should avoid it or take care"),
        _not_reviewed_or(t.contraindications, _lines(refs, [
            (f"{x.tag} ({'do not use' if x.level == 'exclude' else 'caution'})", x.text, x.sources)
            for x in t.contraindications or []])),
        _heading("Regulatory status"),
        _not_reviewed_or(t.regulatory, _lines(refs, [
            (f"{r.agency}: {r.status}" + (f" ({r.product}, {r.pathway})" if r.pathway else
                                         f" ({r.product})") + (f", {r.year}" if r.year else ""),
             r.indication, r.sources) for r in t.regulatory or []])),
        _heading("What guidelines say"),
        _not_reviewed_or(t.guidelines, _lines(refs, [
            (f"{g.guideline}: {g.stance} ({g.line})", g.text, g.sources)
            for g in t.guidelines or []])),
        _heading("Cost and access"),
    ]
    if t.cost is None:
        out.append(_unconfirmed())
    else:
        out += [refs.cite(cost_text(t), t.cost.sources),
                Text(f"Insurance: {t.cost.insurance or UNCONFIRMED}"),
                Text(f"Where: {t.cost.where}")]
    console.print(Group(*out))
    _print_sources(console, catalogue, refs)
    footer(console)


def _text(value: str | None) -> RenderableType:
    return _unconfirmed() if value is None else Text(value)


def _course(refs: References, c: Course | None) -> RenderableType:
    if c is None:
        return _unconfirmed()
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
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in facts:
        if value:
            grid.add_row(label, value)
    return Group(refs.cite(c.summary, c.sources), grid)


def _lines(refs: References, items: Sequence[tuple[str, str, Sequence[str]]],
           style: str = "bold") -> RenderableType:
    if not items:
        return Text("None known.", style="italic")
    return Group(*(Text.assemble("- ", (label, style), ": ", refs.cite(text, sources))
                   for label, text, sources in items))


def _print_sources(console: Console, catalogue: Catalogue, refs: References,
                   cited_by: dict[str, list[str]] | None = None) -> None:
    console.print(_heading("Sources"))
    for source_id, n in refs.order.items():
        s = catalogue.sources[source_id]
        ids = "".join(f" {label} {value}." for label, value in (("PMID", s.pmid), ("DOI", s.doi))
                      if value)
        line = Text.assemble(
            (f"[{n}] ", "cyan"), f"{s.authors.rstrip('.') + '. ' if s.authors else ''}{s.title}. "
            f"{s.publisher or ''}{', ' if s.publisher and s.year else ''}{s.year or ''}.{ids} ",
            (s.url, "dim"))
        if cited_by is not None:
            line.append("\n    backs: " + ", ".join(cited_by[source_id]), style="italic")
        console.print(line)


def render_condition(console: Console, catalogue: Catalogue, c: Condition) -> None:
    refs = References(c.source_ids())
    out: list[RenderableType] = [
        Text(c.name, style="bold"),
        Text("Also called: " + ", ".join(c.aliases), style="dim"),
        _heading("Definition"), refs.cite(c.definition.text, c.definition.sources),
        _heading("How common it is"), _claim(refs, c.how_common),
        _heading("What is thought to contribute"),
        _lines(refs, [(f.name, f.text, f.sources) for f in c.contributing_factors]),
        _heading("When it is not really resistance"), _claim(refs, c.pseudo_resistance),
        Text("\nOptions: trd list   One option: trd explain NAME", style="dim"),
    ]
    console.print(Group(*out))
    _print_sources(console, catalogue, refs)
    footer(console)


def render_term(console: Console, catalogue: Catalogue, term: Term) -> None:
    refs = References(term.source_ids())
    console.print(Group(
        Text(term.name, style="bold"),
        Text("Also: " + ", ".join(term.aliases), style="dim"),
        refs.cite(term.text, term.sources),
    ))
    _print_sources(console, catalogue, refs)
    footer(console)


def render_glossary(console: Console, catalogue: Catalogue, terms: Sequence[Term]) -> None:
    """All terms as a table; a single term (`trd glossary remission`) in full."""
    if len(terms) == 1:
        render_term(console, catalogue, terms[0])
        return
    refs = References()
    table = Table(box=_list_box(console), show_lines=True, pad_edge=False,
                  title="Words trd uses")
    table.add_column("Term", width=min(24, max((len(t.name) for t in terms), default=4)))
    table.add_column("Meaning", ratio=1)
    for term in terms:
        table.add_row(Text(term.name, style="bold"), refs.cite(term.text, term.sources))
    console.print(table)
    _print_sources(console, catalogue, refs)
    footer(console)


def render_sources(console: Console, catalogue: Catalogue,
                   topic: Treatment | Condition | Term) -> None:
    """The references behind one entry, each with the fields it backs."""
    cited = {source_id: list(dict.fromkeys(_field_label(topic, path) for path in paths))
             for source_id, paths in citations(topic).items()}
    console.print(Text(f"Sources for {topic.name} ({len(cited)})", style="bold"))
    _print_sources(console, catalogue, References(list(cited)), cited_by=cited)
    footer(console)


_ITEM_LABELS = ("study", "guideline", "agency", "name", "tag", "kind")


def _field_label(topic: object, path: str) -> str:
    """'evidence[0]' -> 'evidence (ELEKT-D)', so a reader sees which claim a source backs."""
    field, _, rest = path.partition("[")
    if not rest:
        return path.replace("_", " ")
    item = getattr(topic, field)[int(rest.split("]")[0])]
    label = next((getattr(item, a) for a in _ITEM_LABELS if hasattr(item, a)), "")
    return f"{field.replace('_', ' ')} ({label})"


def render_crisis(console: Console, catalogue: Catalogue,
                  countries: Sequence[CrisisCountry]) -> None:
    refs = References()
    crisis = catalogue.crisis
    if crisis is not None:
        console.print(Text("Urgent help", style="bold"))
        console.print(refs.cite(crisis.general.text, crisis.general.sources))
    table = Table(box=_list_box(console), show_lines=True, pad_edge=False)
    table.add_column("Where", width=16)
    table.add_column("Service", ratio=1)
    table.add_column("How to reach it", ratio=1)
    table.add_column("Hours", width=6)
    for country in countries:
        for index, service in enumerate(country.services):
            table.add_row(f"{country.country} ({country.code})" if index == 0 else "",
                          service.name, refs.cite(service.contact, service.sources),
                          service.hours or "")
    console.print(table)
    for directory in crisis.directories if crisis else []:
        console.print(Text.assemble((directory.name, "bold"), f" {directory.url}: ",
                                    refs.cite(directory.text, directory.sources)))
    console.print(Text("Anywhere else: call your local emergency number.", style="bold"))
    _print_sources(console, catalogue, refs)
    footer(console)


def render_stage(console: Console, staging: Staging) -> None:
    msm = staging.msm
    console.print(Text("Maudsley Staging Method", style="bold"))
    table = Table(box=_list_box(console), pad_edge=False)
    table.add_column("Item")
    table.add_column("Given")
    table.add_column("Level", ratio=1)
    table.add_column("Points", justify="right")
    for item in msm.items:
        table.add_row(item.item, item.given, item.level, str(item.points))
    console.print(table)
    if staging.trials:
        trials = Table(box=_list_box(console), pad_edge=False, title="Trials in the history")
        trials.add_column("Medication")
        trials.add_column("Counted as failed")
        trials.add_column("Why", ratio=1)
        for trial in staging.trials:
            trials.add_row(trial.drug, "yes" if trial.counted else "no", trial.why)
        console.print(trials)
    if msm.total is not None:
        console.print(Text.assemble(("Total: ", "bold"), f"{msm.total} of 15, ",
                                    (f"{msm.band}", "bold"),
                                    " (bands: mild 3-6, moderate 7-10, severe 11-15)"))
    for flag in msm.flags:
        console.print(Text("Not scored: " + flag, style="bold yellow"))
    verdict = "meets" if staging.meets_trd_definition else "does not meet"
    console.print(Text.assemble(
        "\nThis history ", (verdict, "bold"), " the usual definition of treatment-resistant "
        "depression: " + staging.trd_rule))
    console.print(Text("Assumed: " + staging.adequate_trial_rule, style="italic"))
    console.print(Text("A staging score describes a history; it is not a diagnosis or a "
                       "treatment choice.", style="italic"))
    console.print(_heading("Sources"))
    for n, ref in enumerate(staging.references, start=1):
        ids = "".join(f" {label} {value}." for label, value in (("PMID", ref.pmid),
                                                               ("DOI", ref.doi)) if value)
        console.print(Text.assemble((f"[{n}] ", "cyan"), ref.citation + ids + " ",
                                    (ref.url, "dim")))
    footer(console)


def render_info(console: Console, found: Stack, given_by: str | None) -> None:
    catalogue = found.catalogue
    console.print(Text.assemble(("Catalogue in force: ", "bold"), f"version {catalogue.version}"
                                f", released {catalogue.released.isoformat()}; "
                                f"{len(catalogue.treatments)} options, "
                                f"{len(catalogue.sources)} sources, "
                                f"{len(catalogue.glossary)} glossary terms"))
    console.print("Files, each laid over the ones before it"
                  + (f" (extra files from {given_by}):" if given_by else ":"))
    for n, layer in enumerate(found.layers, start=1):
        label = "shipped catalogue" if layer.shipped else layer.file
        dated = ", ".join(f"{k} {v}" for k, v in (("version", layer.version),
                                                  ("released", layer.released)) if v)
        console.print(Text.assemble((f"{n}. {label}", "bold"), f" ({dated})" if dated else "",
                                    f" sha256 {layer.sha256[:12]}"))
        for verb, lists in (("adds", layer.added), ("changes", layer.changed)):
            for list_name, ids in lists.items():
                console.print(f"   {verb} {len(ids)} in {list_name}: {', '.join(ids)}")
    console.print(Text("Precedence: --catalog files, else TRD_CATALOG, over the shipped "
                       "catalogue (unless --no-default); later files win.", style="italic"))
    footer(console)


def render_validate(console: Console, files: Sequence[str], problems: Sequence[Problem]) -> None:
    for problem in problems:
        console.print(Text(str(problem)), soft_wrap=True)
    with_problems = len({p.file for p in problems})
    console.print(Text(f"{len(problems)} problem{'s' * (len(problems) != 1)} in "
                       f"{with_problems} of {len(files)} file{'s' * (len(files) != 1)}"
                       if problems else f"No problems in {len(files)} "
                       f"file{'s' * (len(files) != 1)}.", style="bold"))
    footer(console)


_GROUPS = (
    ("fits", "Nothing in the catalogue conflicts with your answers", "green"),
    ("caution", "Possible, but ask a clinician first", "yellow"),
    ("excluded", "Ruled out by your answers", "red"),
)


def render_match(console: Console, catalogue: Catalogue, result: Match) -> None:
    refs = References()
    console.print(Text("Screening the options against your answers", style="bold"))
    console.print("You said: " + ("; ".join(result.asked) or "nothing yet (every option fits)"))
    console.print(Text("This is not a recommendation. It shows which options fit what you told "
                       "it, and what to ask a clinician, who knows your history. The catalogue's "
                       "lists of who should avoid an option are not complete.", style="italic"))
    console.print(Text.assemble(("Order: ", "bold"), result.ordering_rule))
    for verdict, title, colour in _GROUPS:
        group: list[Screened] = getattr(result, verdict)
        console.print(_heading(f"{title} ({len(group)})"))
        if not group:
            console.print("None.")
        for screened in group:
            console.print(Text.assemble((f"- {screened.name}", f"bold {colour}"),
                                        (f" ({screened.id}; {screened.status})", "dim")))
            for reason in screened.reasons:
                console.print(Padding(Text.assemble(
                    (f"{reason.criterion}: ", "bold"), refs.cite(reason.text, reason.sources),
                    (f" [{reason.field}]", "dim")), (0, 0, 0, 4)))
    asks = [(s.name, r) for s in result.caution for r in s.reasons if r.verdict == "caution"]
    if asks:
        console.print(_heading("Questions to ask a clinician"))
        for name, reason in asks:
            console.print(f"- {name}: is it safe or practical for me, given {reason.criterion}?")
    _print_sources(console, catalogue, refs)
    footer(console)
