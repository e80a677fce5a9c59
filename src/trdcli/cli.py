"""The `trd` command: parse options, ask the core, hand the result to a renderer."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args

import typer
from typer.core import TyperGroup

from .errors import ExitCode, TrdError
from .model import Catalogue, Category, ContraindicationTag, Priority, RegulatoryStatus
from .staging import Severity

if TYPE_CHECKING:
    from .loader import Stack

CategoryChoice = Enum("CategoryChoice", {v: v for v in get_args(Category)}, type=str)  # type: ignore[misc]
StatusChoice = Enum("StatusChoice", {v: v for v in get_args(RegulatoryStatus)}, type=str)  # type: ignore[misc]


class SortChoice(str, Enum):
    category = "category"
    name = "name"
    status = "status"
    onset = "onset"


class TrdGroup(TyperGroup):
    """Turns every domain error into one line on stderr and its documented exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TrdError as error:
            typer.echo(f"trd: error: {error}", err=True)
            raise typer.Exit(int(error.exit_code)) from None
        except KeyboardInterrupt:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None


app = typer.Typer(
    name="trd",
    cls=TrdGroup,
    help="Compare treatment options for treatment-resistant depression, with sources.\n\n"
    "Information, not medical advice.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonFlag = Annotated[
    bool,
    typer.Option("--json", help="Print JSON (UTF-8, with a schema_version) instead of a view."),
]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"trd {version('trd')}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    catalog: Annotated[
        list[Path] | None,
        typer.Option("--catalog", envvar="TRD_CATALOG", metavar="PATH",
                     help="Lay this catalogue file over the shipped one; repeat for several, "
                     "later files win. TRD_CATALOG holds a list like PATH; the flag replaces it."),
    ] = None,
    no_default: Annotated[
        bool, typer.Option("--no-default",
                           help="Start from an empty catalogue instead of the shipped one.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Show the version and exit.")
    ] = False,
) -> None:
    """Compare treatment options for treatment-resistant depression, with sources."""
    ctx.obj = CatalogueFiles(catalog or [], default=not no_default)


@dataclass(frozen=True)
class CatalogueFiles:
    """The catalogue files in force, in the order they are laid over one another."""

    paths: list[Path]
    default: bool


def _stack(ctx: typer.Context) -> Stack:
    from .loader import load_stack

    files: CatalogueFiles = ctx.find_root().obj
    return load_stack(files.paths, default=files.default)


def _catalogue(ctx: typer.Context) -> Catalogue:
    return _stack(ctx).catalogue


def _show(as_json: bool, view: str, *args: Any) -> None:
    """Print ``view`` as JSON (json_out.VIEW_document) or for people (human.render_VIEW).

    Each renderer is imported only when used, so `--json` never loads Rich.
    """
    if as_json:
        from .render import json_out

        json_out.write_json(getattr(json_out, f"{view}_document")(*args), sys.stdout.buffer)
    else:
        from .render import human

        getattr(human, f"render_{view}")(human.make_console(sys.stdout), *args)


@app.command("list")
def list_command(
    ctx: typer.Context,
    category: Annotated[
        list[CategoryChoice] | None,
        typer.Option("--category", "-c", help="Only this category (repeat for several)."),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Only options whose text mentions this.")
    ] = None,
    status: Annotated[
        list[StatusChoice] | None,
        typer.Option("--status", help="Only this US regulatory status (repeat for several)."),
    ] = None,
    sort: Annotated[
        SortChoice, typer.Option("--sort", help="Order of the rows.")
    ] = SortChoice.category,
    as_json: JsonFlag = False,
) -> None:
    """List every option, one row each.

    Example: trd list --category neuromodulation --sort onset
    """
    from .query import select

    catalogue = _catalogue(ctx)
    treatments = select(
        catalogue,
        category=[c.value for c in category or []],
        search=search,
        status=[s.value for s in status or []],
        sort=sort.value,
    )
    _show(as_json, "list", catalogue, treatments)


@app.command()
def compare(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(metavar="NAME...", help="2 to 5 options.")],
    as_json: JsonFlag = False,
) -> None:
    """Put 2 to 5 options side by side.

    Example: trd compare ketamine esketamine ect
    """
    from .query import compare_rows, resolve_many

    catalogue = _catalogue(ctx)
    treatments = resolve_many(catalogue, names)
    rows = compare_rows(treatments)
    _show(as_json, "compare", catalogue, treatments, rows)


@app.command()
def explain(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME",
                            help="An option, 'trd' for the condition, or a term such as madrs.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Everything about one option, each statement marked with its numbered sources.

    'trd explain trd' explains the condition; 'trd explain madrs' explains a term.

    Example: trd explain vns
    """
    from .query import resolve_topic

    catalogue = _catalogue(ctx)
    topic = resolve_topic(catalogue, name)
    _show(as_json, "explain", catalogue, topic)


@app.command()
def sources(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="An option, 'trd', or a term.")],
    as_json: JsonFlag = False,
) -> None:
    """The references behind one entry, numbered, with PMID, DOI, URL and what each backs.

    Example: trd sources esketamine
    """
    from .query import resolve_topic

    catalogue = _catalogue(ctx)
    topic = resolve_topic(catalogue, name)
    _show(as_json, "sources", catalogue, topic)


@app.command()
def glossary(
    ctx: typer.Context,
    term: Annotated[
        str | None, typer.Argument(metavar="[TERM]", help="One term; all of them if left out.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The words the views use: response, remission, MADRS, REMS, off-label, cleared...

    Example: trd glossary remission
    """
    from .query import resolve_term

    catalogue = _catalogue(ctx)
    terms = [resolve_term(catalogue, term)] if term else catalogue.glossary
    _show(as_json, "glossary", catalogue, terms)


@app.command()
def crisis(
    ctx: typer.Context,
    country: Annotated[
        str | None,
        typer.Argument(metavar="[COUNTRY]", help="A country code or name, e.g. gb or Canada."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Where to get urgent help now, by country, with the source of every number.

    Example: trd crisis uk
    """
    from .query import crisis_countries

    catalogue = _catalogue(ctx)
    countries = crisis_countries(catalogue, country)
    _show(as_json, "crisis", catalogue, countries)


@app.command()
def info(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Which catalogue files are in force, in order, with their versions and what each changes.

    Example: trd --catalog clinic.yaml info
    """
    source = ctx.find_root().get_parameter_source("catalog")
    given_by = {"COMMANDLINE": "--catalog", "ENVIRONMENT": "TRD_CATALOG"}.get(
        getattr(source, "name", ""))
    _show(as_json, "info", _stack(ctx), given_by)


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Catalogue files to check.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Check catalogue files and report every problem as file:line:column: field: message.

    The files are checked as they would be used: laid in order over the catalogues already
    in force (the shipped one unless --no-default, then any --catalog). Exit code 4 when
    any problem is found.

    Example: trd validate clinic.yaml
    """
    from .loader import check_stack

    files: CatalogueFiles = ctx.find_root().obj
    every = [*files.paths, *paths]
    _, problems = check_stack(every, default=files.default)
    _show(as_json, "validate", [str(p) for p in every], problems)
    if problems:
        raise typer.Exit(int(ExitCode.BAD_CATALOGUE))


class SchemaChoice(str, Enum):
    catalogue = "catalogue"
    overlay = "overlay"


@app.command()
def schema(
    which: Annotated[
        SchemaChoice, typer.Argument(help="The whole catalogue file, or an overlay file.")
    ] = SchemaChoice.catalogue,
) -> None:
    """Print the JSON Schema of a catalogue file, generated from the model.

    Save it and point your editor at it, e.g. first line of clinic.yaml:
    # yaml-language-server: $schema=overlay.schema.json

    Example: trd schema overlay > overlay.schema.json
    """
    from .render.json_out import write_json
    from .schema import catalogue_schema

    write_json(catalogue_schema(overlay=which is SchemaChoice.overlay), sys.stdout.buffer)


SituationChoice = Enum(  # type: ignore[misc]
    "SituationChoice", {v: v for v in get_args(ContraindicationTag) if v != "none-known"}, type=str)
PriorityChoice = Enum("PriorityChoice", {v: v for v in get_args(Priority)}, type=str)  # type: ignore[misc]


@app.command()
def match(
    ctx: typer.Context,
    situation: Annotated[
        list[SituationChoice] | None,
        typer.Option("--situation", help="Something that applies to the person (repeat for "
                     "several), e.g. pregnancy, bipolar, seizure-disorder, implanted-device."),
    ] = None,
    avoid_anaesthesia: Annotated[
        bool, typer.Option("--avoid-anaesthesia", help="Leave out options that need anaesthesia.")
    ] = False,
    fast: Annotated[
        bool, typer.Option("--fast", help="Only options with benefit reported within 7 days.")
    ] = False,
    at_home: Annotated[
        bool, typer.Option("--at-home", help="Only options taken or done at home.")
    ] = False,
    cannot_drive: Annotated[
        bool, typer.Option("--cannot-drive",
                           help="The person must be able to drive after a session.")
    ] = False,
    budget: Annotated[
        float | None, typer.Option("--budget", metavar="AMOUNT",
                                   help="Highest price the person can pay, in --currency.")
    ] = None,
    currency: Annotated[
        str, typer.Option("--currency", help="Currency of --budget.")
    ] = "USD",
    priority: Annotated[
        list[PriorityChoice] | None,
        typer.Option("--priority", help="What matters most, in order (repeat): efficacy, "
                     "speed, visits, side-effects, cost."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Which options fit a person's situation, which need care, and which are ruled out, and why.

    It does not recommend: it shows what fits the answers and what to ask a clinician.

    Example: trd match --situation pregnancy --avoid-anaesthesia --priority speed
    """
    from .match import Wishes
    from .match import match as screen

    wishes = Wishes(
        situations=tuple(s.value for s in situation or []), avoid_anaesthesia=avoid_anaesthesia,
        fast=fast, at_home=at_home, cannot_drive=cannot_drive, budget=budget,
        currency=currency.upper(), priorities=tuple(p.value for p in priority or []))
    catalogue = _catalogue(ctx)
    _show(as_json, "match", catalogue, screen(catalogue, wishes))


SeverityChoice = Enum("SeverityChoice", {v: v for v in get_args(Severity)}, type=str)  # type: ignore[misc]


@app.command()
def stage(
    duration_months: Annotated[
        float | None,
        typer.Option("--duration-months", help="How long the current episode has lasted."),
    ] = None,
    severity: Annotated[
        SeverityChoice | None, typer.Option("--severity", help="Severity at baseline.")
    ] = None,
    failed: Annotated[
        int | None,
        typer.Option("--failed", help="Adequate antidepressant trials that did not work."),
    ] = None,
    augmentation: Annotated[
        bool, typer.Option("--augmentation/--no-augmentation",
                           help="Has an augmenting drug (e.g. lithium) been tried?")
    ] = False,
    ect: Annotated[bool, typer.Option("--ect/--no-ect", help="Has ECT been tried?")] = False,
    history_file: Annotated[
        Path | None,
        typer.Option("--history", metavar="FILE",
                     help="A YAML or JSON history (episode, trials, ECT courses) instead of "
                     "the options above; see examples/history.yaml."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """How resistant a depression is, by the Maudsley Staging Method, with each item's points.

    Example: trd stage --duration-months 18 --severity severe --failed 3 --augmentation
    """
    from .errors import UsageError
    from .staging import History, read_history
    from .staging import stage as compute

    given = {"--duration-months": duration_months, "--severity": severity, "--failed": failed}
    if history_file is not None:
        if any(v is not None for v in given.values()) or augmentation or ect:
            raise UsageError("give either --history FILE or the history options, not both")
        history, trials = read_history(history_file)
        _show(as_json, "stage", compute(history, trials))
        return
    missing = [name for name, value in given.items() if value is None]
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or give --history FILE)")
    assert duration_months is not None and severity is not None and failed is not None
    history = History(duration_months, severity.value, failed, augmentation, ect)
    _show(as_json, "stage", compute(history))


def run() -> None:
    """Console-script entry point."""
    app()
