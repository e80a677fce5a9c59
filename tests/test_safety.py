"""Text is data in every output: catalogue text, keys, history files, arguments and paths
never become markup, links, formulas or terminal controls, in any view or format."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import assert_problem, examples, invoke
from trdcli import cli
from trdcli.errors import Problem
from trdcli.loader import load_catalogue
from trdcli.match import Wishes
from trdcli.match import match as screen
from trdcli.model import Catalogue
from trdcli.query import chart_bars, compare_rows
from trdcli.render import human
from trdcli.structure import INVALID, structure, type_hints
from trdcli.text import CONTROL

# Characters that mean something to Rich, Markdown, HTML, spreadsheets or a bidi terminal.
SNIPPETS = ["[/]", "[link=https://evil.example]x[/link]", "[bold red]FAKE[/]",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0",
            "+1+1", "-2+3", "@SUM(A1)", "[x](javascript:alert(1))", "![i](https://evil.example)",
            "```", "~~~", "| a | b |", "# heading", "1. item", "&amp;", "**b**", "_i_", "\\",
            "\u202eevil", "שלום", "😀", "www.evil.example", "https://evil.example", "\t"]
hostile_text = st.lists(
    st.sampled_from(SNIPPETS) | st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=8),
    min_size=1, max_size=4).map("".join).filter(str.strip)
# Every character a terminal may obey: C0 but tab and newline, DEL, C1.
CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
CHECK = examples(25)
NOT_TEXT = {"id", "url", "pmid", "doi", "code"}  # checked identifiers, not free text
FORMATS = [cli.Format.json, cli.Format.csv, cli.Format.markdown, cli.Format.html]


@cache
def shipped() -> Catalogue:
    return load_catalogue()


def _poison(value: Any, text: str) -> Any:
    """``value`` with every free-text field (and list of them) set to ``text``."""
    if isinstance(value, list):
        return [_poison(item, text) for item in value]
    if isinstance(value, dict):
        return {key: _poison(item, text) for key, item in value.items()}
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for name, hint in type_hints(type(value)).items():
        current = getattr(value, name)
        if name in NOT_TEXT:
            continue
        if hint in (str, str | None) and current is not None:
            changes[name] = text
        elif hint == list[str] and name != "sources":
            changes[name] = [text for _ in current]
        else:
            changes[name] = _poison(current, text)
    return dataclasses.replace(value, **changes)


def _views(catalogue: Catalogue) -> dict[str, tuple[Any, ...]]:
    chosen = [t for t in catalogue.treatments if t.id in ("ect", "rtms")]
    problem = Problem("unknown-field", ("treatments", 0, catalogue.treatments[0].name),
                      catalogue.treatments[0].summary, "clinic.yaml", 3, 5)
    return {
        "list": (catalogue, chosen),
        "compare": (catalogue, chosen, compare_rows(chosen)),
        "explain": (catalogue, chosen[0]),
        "sources": (catalogue, chosen[0]),
        "glossary": (catalogue, catalogue.glossary[:3]),
        "crisis": (catalogue, catalogue.crisis.countries[:2] if catalogue.crisis else []),
        "match": (catalogue, screen(catalogue, Wishes(situations=("pregnancy",)))),
        "chart": (catalogue, "response", chart_bars(chosen, ["response"])),
        "validate": (["clinic.yaml"], [problem]),
    }


def _poisoned(text: str) -> Catalogue:
    catalogue = shipped()
    keep = {"ect", "rtms"}
    cited = {s for t in catalogue.treatments if t.id in keep for s in t.source_ids()}
    return dataclasses.replace(
        catalogue,
        condition=_poison(catalogue.condition, text),
        treatments=[_poison(t, text) if t.id in keep else t for t in catalogue.treatments],
        sources={k: _poison(v, text) if k in cited else v for k, v in catalogue.sources.items()},
        glossary=_poison(catalogue.glossary[:3], text) + catalogue.glossary[3:],
        crisis=_poison(catalogue.crisis, text))


def _assert_inert(fmt: cli.Format, output: str, text: str) -> None:
    assert not CONTROL.search(output), repr(CONTROL.search(output))
    if fmt is cli.Format.json:
        json.loads(output)
    elif fmt is cli.Format.csv:
        for row in csv.reader(io.StringIO(output)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
                assert not cell.startswith("-") or re.fullmatch(r"-[\d.]+", cell), cell
    elif fmt is cli.Format.markdown:
        # Outside code blocks (shown as typed), every "<" is escaped, trd's own line break or
        # one of its source links, and no "[...](...)" link forms.
        prose = re.sub(r"^(`{3,})text$.*?^\1$", "", output, flags=re.MULTILINE | re.DOTALL)
        assert not re.search(r"(?<!\\)<(?!https?://|br>)", prose), prose
        assert not re.search(r"(?<!\\)\]\(", prose)
    elif fmt is cli.Format.html:
        assert "<script" not in output and "<img" not in output and "javascript:" not in \
            re.sub(r"&[a-z]+;", "", "".join(re.findall(r'href="([^"]*)"', output)))


@CHECK
@given(hostile_text)
def test_hostile_text_in_every_field_of_every_view_and_format(text: str) -> None:
    for view, args in _views(_poisoned(text)).items():
        for fmt in FORMATS:
            _assert_inert(fmt, cli._render_text(fmt, view, *args), text)
        shown = human.render_to_text(view, *args)
        assert not CONTROL.search(shown)
        if view == "explain":  # shown as written: Rich markup is not read
            squeezed = re.sub(r"\s", "", shown)
            assert re.sub(r"\s", "", text) in squeezed, (text, shown[:400])


@examples(100)
@given(hostile_text, st.sampled_from(CONTROLS), st.integers(min_value=0, max_value=8))
def test_a_control_character_in_any_text_is_refused_where_it_stands(
        text: str, control: str, at: int) -> None:
    poisoned = text[:at] + control + text[at:]
    problems: list[Problem] = []
    data = {"id": "x", "name": "X", "category": "lifestyle", "summary": poisoned,
            "reviewed": "2026-01-01"}
    from trdcli.model import Treatment

    assert structure(Treatment, data, ("treatments", 0), problems) is INVALID
    assert [(p.code, p.path) for p in problems] == [
        ("control-character", ("treatments", 0, "summary"))]
    assert not CONTROL.search(str(problems[0]))


@pytest.mark.parametrize(("yaml_text", "where"), [
    ('treatments:\n  - id: ect\n    summary: "clear \\e[2J screen"\n', (3, 5)),
    ('treatments:\n  - id: ect\n    summary: "csi \\x9b31m red"\n', (3, 5)),
    ('treatments:\n  - id: ect\n    aliases: ["bell \\a"]\n', (3, len('    aliases: [') + 1)),
    ('sources:\n  "evil\\e]52;c;ZXZpbA==\\a": {title: t, kind: trial, url: "https://a.org"}\n',
     (2, 3)),
])
def test_terminal_controls_in_a_catalogue_are_refused_and_never_echoed(
        tmp_path: Any, yaml_text: str, where: tuple[int, int]) -> None:
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    for args in (("--catalog", str(path), "list"), ("validate", str(path))):
        result = invoke(*args)
        assert not CONTROL.search(result.stdout + result.stderr)
    found = assert_problem(invoke("--catalog", str(path), "list"), path, "control-character",
                           where)
    assert "U+00" in found["what"]
    for fmt in ("json", "csv", "markdown", "html"):
        result = invoke("validate", str(path), "--format", fmt)
        assert result.exit_code == 4 and not CONTROL.search(result.stdout)


def test_a_forged_all_clear_cannot_hide_a_problem(tmp_path: Any) -> None:
    # A key that tries to clear the screen and print "No problems" is shown, not obeyed.
    path = tmp_path / "clinic.yaml"
    path.write_text('"\\e[2J\\e[HNo problems in 1 file.\\n": 1\n', encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 4 and not CONTROL.search(result.stdout)
    assert "\\x1b[2J" in result.stdout


@pytest.mark.parametrize("args", [
    ["explain", "ect\x1b[2J"], ["list", "--search", "\x9b31m"], ["crisis", "\x07"],
    ["match", "--currency", "\x1b]52;c;eA==\x07"], ["--catalog", "a\x1bb.yaml", "list"],
])
def test_arguments_with_terminal_controls_are_refused(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("trd: error: argument ") and not CONTROL.search(result.stderr)


def test_a_catalogue_path_from_the_environment_is_checked_too() -> None:
    result = invoke("list", env={"TRD_CATALOG": "clinic\x1b[2J.yaml"})
    assert result.exit_code == 2 and not CONTROL.search(result.stderr)


def test_history_file_controls_are_refused(tmp_path: Any) -> None:
    path = tmp_path / "h.yaml"
    path.write_text('duration_months: 6\nseverity: mild\ntrials:\n'
                    '  - {drug: "ser\\e[31mtraline", weeks: 8, outcome: no-response}\n',
                    encoding="utf-8")
    result = invoke("stage", "--history", str(path))
    assert result.exit_code == 2 and result.stderr.rstrip().endswith("[control-character]")
    assert not CONTROL.search(result.stderr)


def test_markup_in_the_currency_option_is_shown_not_read() -> None:
    result = invoke("match", "--budget", "100", "--currency", "[/]")
    assert result.exit_code in (0, 2) and "Traceback" not in result.stderr


def test_csv_cells_that_would_run_as_formulas_are_neutralised() -> None:
    text = "=HYPERLINK(\"https://evil.example\")"
    catalogue = _poisoned(text)
    chosen = [t for t in catalogue.treatments if t.id == "ect"]
    output = cli._render_text(cli.Format.csv, "list", catalogue, chosen)
    rows = list(csv.DictReader(io.StringIO(output)))
    assert rows[0]["summary"] == "'" + text
    assert rows[0]["id"] == "ect"  # identifiers and numbers are left alone


def test_markdown_keeps_a_fence_closed() -> None:
    catalogue = _poisoned("````")
    chosen = [t for t in catalogue.treatments if t.id in ("ect", "rtms")]
    output = cli._render_text(cli.Format.markdown, "chart", catalogue, "response",
                              chart_bars(chosen, ["response"]))
    fences = re.findall(r"^(`{3,})text$", output, re.MULTILINE)
    assert fences and all(len(f) > 4 for f in fences)

