"""CSV: one row per entry, flat columns, each documented here (and listed in the README).

Lists are joined with "; ", booleans are true/false, unknown values are empty.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, get_args

from ..model import Catalogue, Condition, SourceKind, Term, Treatment, citations
from ..query import course_cost, handout_rows, price, status_label

if TYPE_CHECKING:
    from ..staging import Staging

Column = tuple[str, str, Callable[[Any], object]]  # name, meaning, value of one entry


def _opt(getter: Callable[[Any], object], attribute: str) -> Callable[[Any], object]:
    """The attribute of an optional block, empty when the block is unknown."""
    return lambda entry: None if getter(entry) is None else getattr(getter(entry), attribute)


def _tags(level: str) -> Callable[[Treatment], object]:
    return lambda t: None if t.contraindications is None else [
        c.tag for c in t.contraindications if c.level == level]


TREATMENT: list[Column] = [
    ("id", "catalogue id", lambda t: t.id),
    ("name", "name", lambda t: t.name),
    ("category", "medication, neuromodulation, psychotherapy, psychedelic, lifestyle, digital",
     lambda t: t.category),
    ("us_status", "US status: approved (drug), cleared (device), off-label, investigational, "
     "no approval needed", status_label),
    ("aliases", "other names", lambda t: t.aliases),
    ("summary", "one-line summary", lambda t: t.summary),
    ("onset", "how soon it works, in a few words", _opt(lambda t: t.onset, "label")),
    ("onset_days_min", "earliest reported benefit, days", _opt(lambda t: t.onset, "days_min")),
    ("onset_days_max", "latest of that range, days", _opt(lambda t: t.onset, "days_max")),
    ("course", "a course, in a few words", _opt(lambda t: t.course, "label")),
    ("sessions_per_week", "sessions or doses a week", _opt(lambda t: t.course,
                                                           "sessions_per_week")),
    ("weeks", "length of an acute course, weeks", _opt(lambda t: t.course, "weeks")),
    ("minutes_per_visit", "time per visit, minutes", _opt(lambda t: t.course,
                                                         "minutes_per_visit")),
    ("anaesthesia", "needs anaesthesia", _opt(lambda t: t.course, "anaesthesia")),
    ("at_home", "taken or done at home", _opt(lambda t: t.course, "at_home")),
    ("drive_after", "driving after a session: not-allowed, advised-against, take-care, allowed",
     _opt(lambda t: t.course, "drive_after")),
    ("headline", "headline result in plain words", _opt(lambda t: t.headline, "text")),
    ("headline_sources", "source ids behind the headline", _opt(lambda t: t.headline,
                                                                "sources")),
    ("price", "price as shown, e.g. USD 300 per session (2024)", price),
    ("cost_low", "lowest listed price", _opt(lambda t: t.cost, "low")),
    ("cost_high", "highest listed price", _opt(lambda t: t.cost, "high")),
    ("currency", "currency of the prices", _opt(lambda t: t.cost, "currency")),
    ("cost_per", "what a price pays for: session, month, course...", _opt(lambda t: t.cost,
                                                                           "per")),
    ("cost_unit", "the unit of the price: session, month, course, one-time",
     _opt(lambda t: t.cost, "unit")),
    ("course_cost_low", "estimated cost of the usual course, low (derived by trd)",
     _opt(course_cost, "low")),
    ("course_cost_high", "estimated cost of the usual course, high (derived by trd)",
     _opt(course_cost, "high")),
    ("course_cost_currency", "currency of the course cost", _opt(course_cost, "currency")),
    ("course_cost_assumption", "the course the estimate assumes, e.g. 30 sessions",
     _opt(course_cost, "assumption")),
    ("warnings", "kinds of warning: boxed, rems, restricted-access, other",
     lambda t: None if t.warnings is None else [w.kind for w in t.warnings]),
    ("not_for", "situations where it must not be used (contraindication tags)", _tags("exclude")),
    ("caution_for", "situations that need caution (contraindication tags)", _tags("caution")),
    ("reviewed", "date the entry was last checked", lambda t: t.reviewed),
]

TERM: list[Column] = [
    ("id", "catalogue id", lambda t: t.id),
    ("name", "name", lambda t: t.name),
    ("aliases", "other names", lambda t: t.aliases),
    ("text", "meaning in plain words", lambda t: t.text),
    ("sources", "source ids", lambda t: t.sources),
]

CONDITION: list[Column] = [
    ("id", "catalogue id", lambda c: c.id),
    ("name", "name", lambda c: c.name),
    ("aliases", "other names", lambda c: c.aliases),
    ("definition", "definition in plain words", lambda c: c.definition.text),
    ("sources", "source ids behind the definition", lambda c: c.definition.sources),
]

SOURCE: list[Column] = [
    ("ref", "the number views cite it by, [n]", lambda s: s[0]),
    ("id", "catalogue source id", lambda s: s[1]),
    ("title", "title", lambda s: s[2].title),
    ("authors", "authors", lambda s: s[2].authors),
    ("publisher", "journal, agency or publisher", lambda s: s[2].publisher),
    ("year", "year", lambda s: s[2].year),
    ("pmid", "PubMed id", lambda s: s[2].pmid),
    ("doi", "DOI", lambda s: s[2].doi),
    ("url", "the canonical record (PubMed, DOI, publisher, regulator...)", lambda s: s[2].url),
    ("read_at", "the copy that was read, when it was another page", lambda s: s[2].read_at),
    ("kind", ", ".join(get_args(SourceKind)), lambda s: s[2].kind),
    ("cited_by", "the entry's fields this source backs", lambda s: s[3]),
]

CRISIS: list[Column] = [
    ("code", "country code (ISO 3166-1)", lambda r: r[0].code),
    ("country", "country", lambda r: r[0].country),
    ("service", "service", lambda r: r[1].name),
    ("contact", "how to reach it, as the service publishes it", lambda r: r[1].contact),
    ("hours", "opening hours", lambda r: r[1].hours),
    ("sources", "source ids", lambda r: r[1].sources),
]

STAGE: list[Column] = [
    ("instrument", "staging instrument", lambda r: "Maudsley Staging Method"),
    ("item", "item, or 'total'", lambda r: r[0]),
    ("given", "what the history gave", lambda r: r[1]),
    ("level", "the instrument's level (for the total: the band)", lambda r: r[2]),
    ("points", "points (empty when the history cannot be scored)", lambda r: r[3]),
]

# One row per question and option: the comparison as tidy data (filter by question or option).
COMPARE: list[Column] = [
    ("question_key", "the question's stable key, e.g. how_well, nnt, situation:pregnancy",
     lambda r: r[0].key),
    ("question", "the question as the table shows it", lambda r: r[0].question),
    ("id", "catalogue id of the option", lambda r: r[1].id),
    ("name", "option", lambda r: r[1].name),
    ("answer", "the answer, as the table shows it", lambda r: r[0].answers[r[1].id]),
]

HANDOUT: list[Column] = [
    ("question", "the question, in a person's words", lambda r: r[0].question),
    ("id", "catalogue id of the option", lambda r: r[1].id),
    ("name", "option", lambda r: r[1].name),
    ("answer", "the answer", lambda r: r[0].answers[r[1].id].text),
    ("sources", "source ids behind the answer", lambda r: r[0].answers[r[1].id].sources),
]

MATCH: list[Column] = [
    ("id", "catalogue id", lambda s: s.id),
    ("name", "name", lambda s: s.name),
    ("us_status", "US regulatory status", lambda s: s.status),
    ("verdict", "fits, caution, not-assessed (no sourced statement for a situation) or "
     "excluded", lambda s: s.verdict),
    ("criteria", "which answers it touches", lambda s: [r.criterion for r in s.reasons]),
    ("reasons", "why, in the catalogue's words", lambda s: [r.text for r in s.reasons]),
    ("fields", "the catalogue fields the reasons rest on", lambda s: [r.field for r in s.reasons]),
    ("sources", "source ids behind the reasons",
     lambda s: list(dict.fromkeys(x for r in s.reasons for x in r.sources))),
    ("ranked_by", "with --priority efficacy: the figure the option was ranked by, or why not",
     lambda s: s.ranked_by),
]

INFO: list[Column] = [
    ("position", "1 = bottom of the stack; later files win", lambda r: r[0]),
    ("file", "path", lambda r: r[1].file),
    ("shipped", "the catalogue shipped with trd", lambda r: r[1].shipped),
    ("version", "version the file declares", lambda r: r[1].version),
    ("released", "release date the file declares", lambda r: r[1].released),
    ("sha256", "SHA-256 of the file's bytes", lambda r: r[1].sha256),
    ("added", "ids it adds, as list:id", lambda r: [f"{k}:{i}" for k, v in r[1].added.items()
                                                    for i in v]),
    ("changed", "ids it changes, as list:id", lambda r: [f"{k}:{i}" for k, v in r[1].changed.items()
                                                        for i in v]),
]

PROBLEM: list[Column] = [
    ("code", "problem code, stable (docs/problems.md)", lambda p: p.code),
    ("file", "file", lambda p: p.file),
    ("line", "line, from 1", lambda p: p.line),
    ("column", "column, from 1", lambda p: p.column),
    ("field", "field path, e.g. treatments[3].cost.low", lambda p: p.field),
    ("message", "what is wrong", lambda p: p.message),
]

CHART: list[Column] = [
    ("treatment", "catalogue id", lambda b: b.treatment),
    ("name", "option", lambda b: b.name),
    ("study", "study", lambda b: b.study),
    ("year", "year", lambda b: b.year),
    ("n", "people in the study", lambda b: b.n),
    ("outcome", "response, remission or relapse", lambda b: b.outcome),
    ("percent", "percent of people on the option", lambda b: b.value),
    ("comparator", "what it was compared with", lambda b: b.comparator),
    ("comparator_percent", "percent of people on the comparator", lambda b: b.comparator_value),
    ("timepoint", "when it was measured", lambda b: b.timepoint),
    ("design", "study design", lambda b: b.design),
    ("sources", "source ids", lambda b: b.sources),
]


def _topic(topic: Treatment | Condition | Term) -> tuple[list[Column], list[Any]]:
    columns = CONDITION if isinstance(topic, Condition) else (
        TERM if isinstance(topic, Term) else TREATMENT)
    return columns, [topic]


def _sources(catalogue: Catalogue, topic: Treatment | Condition | Term) -> list[Any]:
    cited = citations(topic)
    return [(n, source_id, catalogue.sources[source_id], list(dict.fromkeys(paths)))
            for n, (source_id, paths) in enumerate(cited.items(), start=1)]


def _stage(staging: Staging) -> list[Any]:
    msm = staging.msm
    return [*((i.item, i.given, i.level, i.points) for i in msm.items),
            ("total", "", msm.band, msm.total)]


# For each view: its columns and its entries, from the same arguments the other renderers get.
VIEWS: dict[str, Callable[..., tuple[list[Column], list[Any]]]] = {
    "list": lambda catalogue, treatments: (TREATMENT, list(treatments)),
    "compare": lambda catalogue, treatments, rows: (COMPARE, [(row, t) for row in rows
                                                              for t in treatments]),
    "handout": lambda catalogue, treatments, situations, paper: (HANDOUT, [
        (row, t) for row in handout_rows(treatments, situations) for t in treatments]),
    "explain": lambda catalogue, topic, brief=False: _topic(topic),
    "sources": lambda catalogue, topic: (SOURCE, _sources(catalogue, topic)),
    "glossary": lambda catalogue, terms: (TERM, list(terms)),
    "crisis": lambda catalogue, countries: (CRISIS, [(c, s) for c in countries
                                                     for s in c.services]),
    "stage": lambda staging: (STAGE, _stage(staging)),
    "match": lambda catalogue, result: (MATCH, [*result.fits, *result.caution,
                                                *result.not_assessed, *result.excluded]),
    "info": lambda found, given_by: (INFO, list(enumerate(found.layers, start=1))),
    "validate": lambda files, problems: (PROBLEM, list(problems)),
    "chart": lambda catalogue, outcome, bars: (CHART, list(bars)),
}

# Column sets by the name the README gives them.
COLUMN_SETS: dict[str, list[Column]] = {
    "list, explain (an option)": TREATMENT, "compare": COMPARE, "handout": HANDOUT,
    "explain (a term), glossary": TERM,
    "explain trd": CONDITION, "sources": SOURCE, "crisis": CRISIS, "stage": STAGE,
    "match": MATCH, "info": INFO, "validate": PROBLEM, "chart": CHART,
}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, (list, tuple)):
        return _inert("; ".join(_cell(v) for v in value))
    return _inert(str(value))


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """Text that a spreadsheet shows instead of running: a leading quote, as OWASP advises."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(stream: IO[str], view: str, *args: Any) -> None:
    columns, entries = VIEWS[view](*args)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([name for name, _, _ in columns])
    writer.writerows([_cell(value(entry)) for _, _, value in columns] for entry in entries)


def reference() -> str:
    """The README's table of CSV columns."""
    lines = []
    for views, columns in COLUMN_SETS.items():
        lines += [f"**{views}**", "", "| column | meaning |", "|---|---|"]
        lines += [f"| `{name}` | {meaning} |" for name, meaning, _ in columns]
        lines.append("")
    return "\n".join(lines)
