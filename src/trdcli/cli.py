"""The `trd` command: parse options, ask the core, hand the result to a renderer."""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar, get_args

import typer
from typer.core import TyperGroup

from .errors import CannotWrite, ExitCode, TrdError, UsageError
from .model import Catalogue, Category, ContraindicationTag, Priority, RegulatoryStatus
from .query import ChartOutcome
from .staging import Severity
from .text import codepoint, first_control, visible

if TYPE_CHECKING:
    from .merge import Stack

CategoryChoice = Enum("CategoryChoice", {v: v for v in get_args(Category)}, type=str)  # type: ignore[misc]
StatusChoice = Enum("StatusChoice", {v: v for v in get_args(RegulatoryStatus)}, type=str)  # type: ignore[misc]
SituationChoice = Enum(  # type: ignore[misc]
    "SituationChoice", {v: v for v in get_args(ContraindicationTag) if v != "none-known"}, type=str)
# A row per situation in compare and the handout: each option's sourced position on it.
SituationRows = Annotated[
    list[SituationChoice] | None,
    typer.Option("--situation", help="Add a row for something that applies to the person "
                 "(repeat for several), e.g. pregnancy: each option's sourced position."),
]


class SortChoice(str, Enum):
    category = "category"
    name = "name"
    status = "status"
    onset = "onset"
    cost = "cost"


class TrdGroup(TyperGroup):
    """Turns every domain error into one line on stderr and its documented exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Arguments end up in views and error lines; a terminal control in one is refused
        # before anything else reads it.
        for position, argument in enumerate(args, start=1):
            control = first_control(argument)
            if control is not None:
                _fail(f"argument {position} holds {codepoint(control)}, a terminal control; "
                      "trd takes plain text", ExitCode.USAGE)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TrdError as error:
            _fail(str(error), error.exit_code, debug=True)
        except KeyboardInterrupt:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except (typer.Exit, typer.Abort, typer.TyperException):  # Click's own: usage and exit
            raise
        except Exception as error:  # a bug: still one line, and the traceback on request
            _fail(f"internal error ({type(error).__name__}); please report it with the "
                  "output of the same command with --debug", ExitCode.INTERNAL, debug=True)


def _fail(message: str, code: ExitCode, debug: bool = False) -> NoReturn:
    if debug and _DEBUG.get():
        import traceback

        sys.stderr.write(visible(traceback.format_exc()))
    typer.echo(visible(f"trd: error: {message}"), err=True)
    raise typer.Exit(int(code))


# --debug: the traceback behind a one-line error.
_DEBUG: ContextVar[bool] = ContextVar("trd_debug", default=False)


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



class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"


@dataclass(frozen=True)
class Output:
    """How and where a command's data goes, from the options every data command shares."""

    format: Format = Format.table
    path: Path | None = None  # None: stdout
    force: bool = False
    pager: bool = False  # through the pager when stdout is a terminal


# Set by the shared options for the length of one command, read by `_show`.
_OUTPUT: ContextVar[Output | None] = ContextVar("trd_output", default=None)
Command = TypeVar("Command", bound=Callable[..., Any])


def _shared_options(pager: bool) -> list[inspect.Parameter]:
    options: dict[str, tuple[Any, Any]] = {
        "output_format": (Format.table, Annotated[Format, typer.Option(
            "--format", "-f", help="table (for people), json, csv, markdown or html.")]),
        "as_json": (False, Annotated[bool, typer.Option(
            "--json", help="Short for --format json (UTF-8, with a schema_version).")]),
        "output": (None, Annotated[Path | None, typer.Option(
            "--output", "-o", metavar="FILE", help="Write to FILE instead of the screen.")]),
        "force": (False, Annotated[bool, typer.Option(
            "--force", help="Let -o replace a file that already exists.")]),
    }
    if pager:
        options["pager"] = (True, Annotated[bool, typer.Option(
            "--pager/--no-pager", help="On a terminal, show the view through $PAGER (else "
            "less, which prints short views as they are); never when piped.")])
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                              annotation=annotation)
            for name, (default, annotation) in options.items()]


def shows_data(pager: bool = False) -> Callable[[Command], Command]:
    """Give a command --format, --json, -o/--output and --force (and --pager for long views).

    The options are added to the command's signature, so Typer parses and documents them
    like any other, and `_show` reads the choice back.
    """

    def decorate(command: Command) -> Command:
        shared = _shared_options(pager)
        names = {p.name for p in shared}

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            chosen = {name: kwargs.pop(name) for name in names}
            token = _OUTPUT.set(Output(
                Format.json if chosen["as_json"] else chosen["output_format"],
                chosen["output"], chosen["force"], chosen.get("pager", False)))
            try:
                return command(*args, **kwargs)
            finally:
                _OUTPUT.reset(token)

        signature = inspect.signature(command, eval_str=True)
        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[*signature.parameters.values(), *shared])
        return wrapper  # type: ignore[return-value]

    return decorate


_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


def _number(whole: bool) -> Callable[[str], float]:
    """An option's parser: digits 0-9 only (Python would also take 'nan', 'inf' and other
    scripts' digits), and nothing past any plausible value."""
    from .structure import number_problem

    def parse(text: str) -> float:
        if not _PLAIN_NUMBER.fullmatch(text.strip()) or (whole and "." in text):
            kind = "a whole number" if whole else "a number"
            raise typer.BadParameter(f"{text!r} is not {kind} written with the digits 0-9")
        value = int(text) if whole else float(text)
        problem = number_problem(value)
        if problem is not None:
            raise typer.BadParameter(problem[1])
        return value

    return parse


def _currency_code(text: str) -> str:
    from .validate import CURRENCY

    code = text.strip().upper()
    if not CURRENCY.fullmatch(code):
        raise typer.BadParameter(f"{text!r} is not an ISO 4217 currency code (e.g. USD, GBP)")
    return code


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
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback behind an error.")
    ] = False,
) -> None:
    """Compare treatment options for treatment-resistant depression, with sources."""
    _DEBUG.set(debug)
    for path in catalog or []:  # from TRD_CATALOG too, which parse_args does not see
        control = first_control(str(path))
        if control is not None:
            raise UsageError(f"catalogue path holds {codepoint(control)}, a terminal control")
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


def _show(view: str, *args: Any) -> None:
    """Draw ``view`` in the format and to the place the shared options chose.

    Renderers are imported only when used, so `--json` never loads Rich.
    """
    out = _OUTPUT.get() or Output()
    if out.format is Format.table and out.path is None:
        from .render import human

        with _stdout_faults():
            human.render(view, sys.stdout, *args, pager=out.pager)
            sys.stdout.flush()
        return
    # Every text format escapes what it must (JSON strings, CSV formulas, Markdown, HTML);
    # and no control character, from anywhere, reaches a file or pipe as itself.
    text = visible(_render_text(out.format, view, *args))
    if out.path is None or str(out.path) == "-":
        with _stdout_faults():
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
    else:
        from .files import write_atomically

        write_atomically(out.path, text, replace=out.force)


@contextlib.contextmanager
def _stdout_faults() -> Iterator[None]:
    """A reader that went away (`| head`) ends trd quietly; a full disk is one line."""
    try:
        yield
    except BrokenPipeError:
        # Nothing more can be shown; keep the interpreter's last flush from failing too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(int(ExitCode.OUTPUT_CLOSED)) from None
    except OSError as error:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise CannotWrite(f"cannot write the output: {error.strerror or error}") from None


def _render_text(fmt: Format, view: str, *args: Any) -> str:
    if fmt is Format.json:
        from . import documents
        from .render.json_out import dumps

        return dumps(getattr(documents, f"{view}_document")(*args))
    if fmt is Format.csv:
        from io import StringIO

        from .render.flat import write_csv

        buffer = StringIO()
        write_csv(buffer, view, *args)
        return buffer.getvalue()
    if fmt is Format.table:  # to a file: the plain-text view, as a pipe would get it
        from .render.human import render_to_text

        return render_to_text(view, *args)
    from .render import pages
    from .render.html import render as html
    from .render.markdown import render as markdown

    page = getattr(pages, f"{view}_page")(*args)
    return html(page) if fmt is Format.html else markdown(page)


@app.command("list")
@shows_data(pager=True)
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
    _show("list", catalogue, treatments)


@app.command()
@shows_data(pager=True)
def compare(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(metavar="NAME...", help="2 to 5 options.")],
    situation: SituationRows = None,
) -> None:
    """Put 2 to 5 options side by side.

    Example: trd compare ketamine esketamine ect --situation pregnancy
    """
    from .query import compare_rows, resolve_many

    catalogue = _catalogue(ctx)
    treatments = resolve_many(catalogue, names)
    rows = compare_rows(treatments, [s.value for s in situation or []])
    _show("compare", catalogue, treatments, rows)


class PaperChoice(str, Enum):
    letter = "letter"
    a4 = "a4"


@app.command()
@shows_data(pager=True)
def handout(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(metavar="NAME...", help="2 or 3 options.")],
    situation: SituationRows = None,
    paper: Annotated[
        PaperChoice | None, typer.Option("--paper", help="Paper size for --format html "
                                         "(letter or a4); the printer's choice if left out.")
    ] = None,
) -> None:
    """A printable decision aid for 2 or 3 options: the questions people ask, side by side,
    what matters to you, questions for your clinician, and short sources.

    Example: trd handout esketamine ect rtms --format html > handout.html
    """
    from .errors import UsageError
    from .query import resolve_many

    catalogue = _catalogue(ctx)
    treatments = resolve_many(catalogue, names)
    if len(treatments) > 3:
        raise UsageError("a handout compares 2 or 3 options; trd compare takes up to 5")
    _show("handout", catalogue, treatments, [s.value for s in situation or []],
          paper.value if paper else None)


@app.command()
@shows_data(pager=True)
def explain(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME",
                            help="An option, 'trd' for the condition, or a term such as madrs.")
    ],
    brief: Annotated[
        bool, typer.Option("--brief", help="Only the summary: what it is, how well, how soon, "
                           "what it involves, main risks, status and cost.")
    ] = False,
) -> None:
    """Everything about one option, each statement marked with its numbered sources.

    It opens with a one-screen summary; --brief shows only that. 'trd explain trd' explains
    the condition; 'trd explain madrs' explains a term.

    Example: trd explain vns --brief
    """
    from .query import resolve_topic

    catalogue = _catalogue(ctx)
    topic = resolve_topic(catalogue, name)
    _show("explain", catalogue, topic, brief)


@app.command()
@shows_data(pager=True)
def sources(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="An option, 'trd', or a term.")],
) -> None:
    """The references behind one entry, numbered, with PMID, DOI, URL and what each backs.

    Example: trd sources esketamine
    """
    from .query import resolve_topic

    catalogue = _catalogue(ctx)
    topic = resolve_topic(catalogue, name)
    _show("sources", catalogue, topic)


@app.command()
@shows_data(pager=True)
def glossary(
    ctx: typer.Context,
    term: Annotated[
        str | None, typer.Argument(metavar="[TERM]", help="One term; all of them if left out.")
    ] = None,
) -> None:
    """The words the views use: response, remission, MADRS, REMS, off-label, cleared...

    Example: trd glossary remission
    """
    from .query import resolve_term

    catalogue = _catalogue(ctx)
    terms = [resolve_term(catalogue, term)] if term else catalogue.glossary
    _show("glossary", catalogue, terms)


@app.command()
@shows_data()
def crisis(
    ctx: typer.Context,
    country: Annotated[
        str | None,
        typer.Argument(metavar="[COUNTRY]", help="A country code or name, e.g. gb or Canada."),
    ] = None,
) -> None:
    """Where to get urgent help now, by country, with the source of every number.

    Example: trd crisis uk
    """
    from .query import crisis_countries

    catalogue = _catalogue(ctx)
    countries = crisis_countries(catalogue, country)
    _show("crisis", catalogue, countries)


@app.command()
@shows_data()
def info(ctx: typer.Context) -> None:
    """Which catalogue files are in force, in order, with their versions and what each changes.

    Example: trd --catalog examples/clinic-overlay.yaml info
    """
    source = ctx.find_root().get_parameter_source("catalog")
    given_by = {"COMMANDLINE": "--catalog", "ENVIRONMENT": "TRD_CATALOG"}.get(
        getattr(source, "name", ""))
    _show("info", _stack(ctx), given_by)


@app.command()
@shows_data()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Catalogue files to check.")
    ],
) -> None:
    """Check catalogue files and report every problem as file:line:column: field: message.

    The files are checked as they would be used: laid in order over the catalogues already
    in force (the shipped one unless --no-default, then any --catalog). Exit code 4 when
    any problem is found.

    Example: trd validate examples/clinic-overlay.yaml
    """
    from .loader import check_stack

    files: CatalogueFiles = ctx.find_root().obj
    every = [*files.paths, *paths]
    _, problems = check_stack(every, default=files.default)
    _show("validate", [str(p) for p in every], problems)
    if problems:
        raise typer.Exit(int(ExitCode.BAD_CATALOGUE))


class SchemaChoice(str, Enum):
    catalogue = "catalogue"
    overlay = "overlay"
    output = "output"


@app.command()
def schema(
    which: Annotated[
        SchemaChoice,
        typer.Argument(help="A whole catalogue file, an overlay file, or trd's JSON output."),
    ] = SchemaChoice.catalogue,
) -> None:
    """Print a JSON Schema generated from the model: of catalogue files or of the JSON output.

    Save it and point your editor at it, e.g. first line of clinic.yaml:
    # yaml-language-server: $schema=overlay.schema.json

    Example: trd schema output > trd-output.schema.json
    """
    from .render.json_out import dumps
    from .schema import catalogue_schema, output_schema

    document = (output_schema() if which is SchemaChoice.output
                else catalogue_schema(overlay=which is SchemaChoice.overlay))
    sys.stdout.buffer.write(dumps(document).encode("utf-8"))


ChartChoice = Enum("ChartChoice", {v: v for v in get_args(ChartOutcome)}, type=str)  # type: ignore[misc]


@app.command()
@shows_data()
def chart(
    ctx: typer.Context,
    outcome: Annotated[ChartChoice, typer.Argument(metavar="OUTCOME",
                                                   help="response, remission or relapse.")],
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[NAME]...", help="Only these options (all of them if left out)."),
    ] = None,
) -> None:
    """Bars for one outcome across every option that reports it, with the study behind each.

    Example: trd chart remission
    """
    from .query import chart_bars, resolve

    catalogue = _catalogue(ctx)
    treatments = [resolve(catalogue, n) for n in names] if names else catalogue.treatments
    _show("chart", catalogue, outcome.value, chart_bars(treatments, [outcome.value]))


PriorityChoice = Enum("PriorityChoice", {v: v for v in get_args(Priority)}, type=str)  # type: ignore[misc]


@app.command()
@shows_data(pager=True)
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
                           help="Nobody can drive the person home, so they must be able to "
                           "drive after a session: rules out options after which driving is "
                           "not allowed (the same day) and asks a clinician about those where "
                           "it is advised against.")
    ] = False,
    budget: Annotated[
        float | None, typer.Option("--budget", metavar="AMOUNT", parser=_number(whole=False),
                                   help="Most the person can pay for a usual course, in "
                                   "--currency (set against trd's course-cost estimate).")
    ] = None,
    currency: Annotated[
        str, typer.Option("--currency", parser=_currency_code,
                          help="Currency of --budget, as an ISO 4217 code (USD, GBP, AUD).")
    ] = "USD",
    priority: Annotated[
        list[PriorityChoice] | None,
        typer.Option("--priority", help="What matters most, in order (repeat): efficacy, "
                     "speed, visits, side-effects, cost."),
    ] = None,
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
        currency=currency, priorities=tuple(p.value for p in priority or []))
    catalogue = _catalogue(ctx)
    _show("match", catalogue, screen(catalogue, wishes))


SeverityChoice = Enum("SeverityChoice", {v: v for v in get_args(Severity)}, type=str)  # type: ignore[misc]


@app.command()
@shows_data()
def stage(
    duration_months: Annotated[
        float | None,
        typer.Option("--duration-months", metavar="MONTHS", parser=_number(whole=False),
                     help="How long the current episode has lasted."),
    ] = None,
    severity: Annotated[
        SeverityChoice | None, typer.Option("--severity", help="Severity at baseline.")
    ] = None,
    failed: Annotated[
        int | None,
        typer.Option("--failed", metavar="N", parser=_number(whole=True),
                     help="Adequate antidepressant trials that did not work."),
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
        _show("stage", compute(history, trials))
        return
    missing = [name for name, value in given.items() if value is None]
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or give --history FILE)")
    assert duration_months is not None and severity is not None and failed is not None
    history = History(duration_months, severity.value, failed, augmentation, ect)
    _show("stage", compute(history))
