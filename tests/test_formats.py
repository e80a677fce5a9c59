"""Every data command in every format, -o/--force, and the JSON output schema."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from conftest import assert_problem, documentation, examples, invoke
from trdcli import load_catalogue
from trdcli.render import flat
from trdcli.safety import DISCLAIMER
from trdcli.schema import output_schema

ROOT = Path(__file__).resolve().parents[1]
README = documentation()

# One real invocation per view (and per kind of explain), with the CSV columns it must use.
COMMANDS: list[tuple[list[str], list[flat.Column]]] = [
    (["list"], flat.TREATMENT),
    (["compare", "ketamine", "tms", "ect"], flat.COMPARE),
    (["handout", "ketamine", "tms", "ect"], flat.HANDOUT),
    (["explain", "vns"], flat.TREATMENT),
    (["explain", "trd"], flat.CONDITION),
    (["explain", "madrs"], flat.TERM),
    (["sources", "esketamine"], flat.SOURCE),
    (["glossary"], flat.TERM),
    (["crisis", "uk"], flat.CRISIS),
    (["info"], flat.INFO),
    (["validate", str(ROOT / "examples" / "clinic-overlay.yaml")], flat.PROBLEM),
    (["match", "--situation", "pregnancy", "--avoid-anaesthesia"], flat.MATCH),
    (["stage", "--duration-months", "18", "--severity", "severe", "--failed", "3"], flat.STAGE),
    (["stage", "--history", str(ROOT / "examples" / "history.yaml")], flat.STAGE),
    (["chart", "remission"], flat.CHART),
]
IDS = [" ".join(args[:2]) for args, _ in COMMANDS]
VALIDATOR = Draft202012Validator(output_schema())


def run(*args: str) -> Any:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result


@pytest.mark.parametrize(("args", "columns"), COMMANDS, ids=IDS)
def test_json_matches_the_output_schema(args: list[str], columns: list[flat.Column]) -> None:
    document = run(*args, "--format", "json").json()
    errors = sorted(VALIDATOR.iter_errors(document), key=str)
    assert not errors, errors[0]
    assert document["command"] == args[0]
    assert document["schema_version"] == 1
    assert run(*args, "--json").stdout == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_output_schema_tells_a_wrong_document_apart() -> None:
    document = run("list", "--json").json()
    document["treatments"][0]["price"] = 300  # a number where the schema says text
    assert not VALIDATOR.is_valid(document)
    del document["treatments"]
    assert not VALIDATOR.is_valid(document)


def test_trd_schema_output_is_the_generated_schema() -> None:
    assert run("schema", "output").json() == output_schema()


def _entries(args: list[str]) -> list[dict[str, Any]]:
    """What the JSON says the CSV rows should be, so the two are checked against each other."""
    document = run(*args, "--json").json()
    command = document["command"]
    if command == "list":
        return [{"id": t["id"], "name": t["name"]} for t in document["treatments"]]
    if command == "compare":
        return [{"question_key": row["key"], "id": i, "answer": row["answers"][i]}
                for row in document["rows"] for i in document["ids"]]
    if command == "handout":
        return [{"question": row["question"], "id": i, "answer": row["answers"][i]["text"]}
                for row in document["rows"] for i in document["ids"]]
    if command == "explain":
        topic = document[document["kind"]]
        return [{"id": topic["id"], "name": topic["name"]}]
    if command == "glossary":
        return [{"id": t["id"], "name": t["name"]} for t in document["terms"]]
    if command == "sources":
        return [{"ref": str(s["ref"]), "id": s["id"]} for s in document["sources"]]
    if command == "crisis":
        return [{"code": c["code"], "service": s["name"]} for c in document["countries"]
                for s in c["services"]]
    if command == "match":
        return [{"id": s["id"], "verdict": s["verdict"]}
                for group in ("fits", "caution", "not_assessed", "excluded")
                for s in document[group]]
    if command == "stage":
        msm = document["msm"]
        return [*({"item": i["item"], "points": str(i["points"])} for i in msm["items"]),
                {"item": "total", "points": str(msm["total"])}]
    if command == "info":
        return [{"file": f["file"], "sha256": f["sha256"]} for f in document["files"]]
    if command == "validate":
        return [{"message": p["message"]} for p in document["problems"]]
    return [{"treatment": b["treatment"], "study": b["study"]} for b in document["bars"]]


@pytest.mark.parametrize(("args", "columns"), COMMANDS, ids=IDS)
def test_csv_has_one_row_per_entry_with_the_documented_columns(
        args: list[str], columns: list[flat.Column]) -> None:
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    reader = csv.reader(io.StringIO(run(*args, "--format", "csv").stdout))
    assert next(reader) == [name for name, _, _ in columns]
    expected = _entries(args)
    assert [{key: row[key] for key in entry} for row, entry in zip(rows, expected, strict=True)] \
        == expected


def test_csv_columns_are_documented_in_the_readme() -> None:
    assert flat.reference() in README, "run: python tools/readme.py"


def _tables(markdown: str) -> list[list[str]]:
    tables: list[list[str]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    return tables


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


@pytest.mark.parametrize(("args", "columns"), COMMANDS, ids=IDS)
def test_markdown_is_a_page_with_whole_tables(args: list[str], columns: list[flat.Column]) -> None:
    text = run(*args, "--format", "markdown").stdout
    assert text.startswith("# ")
    assert text.rstrip().endswith(f"**{DISCLAIMER}**")
    for table in _tables(text):
        assert table[1].startswith("|---")
        assert {_cells(row) for row in table} == {_cells(table[0])}, table


class _Page(HTMLParser):
    """Collects text, tags and attributes, to check a page without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.mark.parametrize(("args", "columns"), COMMANDS, ids=IDS)
def test_html_is_self_contained(args: list[str], columns: list[flat.Column]) -> None:
    html = run(*args, "--format", "html").stdout
    page = parse(html)
    assert {"script", "link", "img", "iframe"}.isdisjoint(page.tags)
    # The only addresses are the sources' own links, which the reader may follow.
    assert [name for name, _ in page.attributes if name in ("src", "srcset")] == []
    assert "@import" not in html and "url(" not in html
    assert DISCLAIMER in " ".join(page.text)


def test_compare_handout_has_every_name_and_source() -> None:
    catalogue = load_catalogue()
    page = parse(run("compare", "ketamine", "tms", "ect", "--format", "html").stdout)
    text = " ".join(page.text)
    document = run("compare", "ketamine", "tms", "ect", "--json").json()
    for treatment in document["treatments"]:
        assert treatment["name"] in text
    # Every [n] in the page is listed with it, numbered as in the JSON; nothing else is.
    html = run("compare", "ketamine", "tms", "ect", "--format", "html").stdout
    cited = {int(n) for refs in re.findall(r'<sup class="ref">\[([\d,]+)\]</sup>', html)
             for n in refs.split(",")}
    listed = {int(n) for n in re.findall(r'<li value="(\d+)">', html)}
    assert cited and cited == listed
    by_ref = {source["ref"]: source for source in document["sources"]}
    for n in listed:
        assert catalogue.sources[by_ref[n]["id"]].title in text
        assert ("href", by_ref[n]["url"]) in page.attributes
    assert f"catalogue {catalogue.version}, released {catalogue.released}" in text
    assert "in 100" in text and "Response and remission" in text


def test_table_format_to_a_file_is_the_plain_view(tmp_path: Path) -> None:
    target = tmp_path / "list.txt"
    assert run("list", "-o", str(target)).stdout == ""
    assert target.read_text(encoding="utf-8") == run("list").stdout


def test_output_file_is_written_and_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "handout.html"
    assert run("compare", "ketamine", "ect", "-f", "html", "-o", str(target)).stdout == ""
    first = target.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")
    refused = invoke("compare", "ketamine", "tms", "-f", "html", "-o", str(target))
    assert refused.exit_code == 5
    assert refused.stdout == ""
    assert refused.stderr == f"trd: error: {target} already exists; add --force to replace it\n"
    assert target.read_text(encoding="utf-8") == first
    run("compare", "ketamine", "tms", "-f", "html", "-o", str(target), "--force")
    assert "Repetitive transcranial" in target.read_text(encoding="utf-8")


def test_output_to_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    result = invoke("list", "-f", "csv", "-o", str(tmp_path / "no" / "such" / "list.csv"))
    assert result.exit_code == 5
    assert result.stderr.startswith("trd: error: cannot write ")
    assert result.stderr.count("\n") == 1


def test_output_dash_is_stdout() -> None:
    assert run("list", "-f", "csv", "-o", "-").stdout == run("list", "-f", "csv").stdout


def test_unknown_format_is_a_usage_error() -> None:
    result = invoke("list", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_json_surrogate_escapes_get_a_hint(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.json"
    overlay.write_text(json.dumps({"version": "emoji \U0001F600"}), encoding="utf-8")
    result = invoke("--catalog", str(overlay), "list")
    assert result.exit_code == 4
    assert "ensure_ascii=False" in result.stderr and result.stderr.count("\n") == 1


def test_control_character_is_one_located_line(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text('version: "1"\nreleased: "2026-01-01\x7f"\n', encoding="utf-8")
    # Line 2, just after the 21 characters of `released: "2026-01-01`.
    found = assert_problem(invoke("--catalog", str(overlay), "list"), overlay,
                           "control-character", (2, 22))
    assert "U+007F" in found["what"]


def test_chart_draws_the_study_behind_each_bar() -> None:
    document = run("chart", "response", "--json").json()
    studies = {bar["study"] for bar in document["bars"]}
    assert "ELEKT-D" in studies
    assert all(bar["outcome"] == "response" for bar in document["bars"])
    text = run("chart", "response").stdout
    for bar in document["bars"]:
        assert f"{bar['value']:g}%" in text
    only = run("chart", "remission", "ect", "--json").json()
    assert {bar["treatment"] for bar in only["bars"]} == {"ect"}


def test_compare_and_explain_draw_bars_and_pictograms() -> None:
    text = run("compare", "ketamine", "ect").stdout
    assert "Response and remission, against the comparator" in text
    assert "Side effects, N in 100 people" in text
    # 60.4 in 100 is 30 full cells of two people and no half cell.
    assert "█" * 30 + "·" * 20 + " 60.4 in 100" in text
    assert "Side effects, N in 100 people" in run("explain", "esketamine").stdout


# YAML forbids control characters and lone surrogates (test_hostile covers those files).
text_without_surrogates = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                                  max_size=40).filter(lambda s: s.strip() == s and s.strip())


@examples(25)
@given(words=text_without_surrogates, summary=text_without_surrogates)
def test_any_text_survives_csv_markdown_and_html(tmp_path: Path, words: str, summary: str) -> None:
    name = f"Odd {words}"  # so a random name cannot clash with a shipped one
    overlay = tmp_path / "overlay.json"
    overlay.write_text(json.dumps({"treatments": [{
        "id": "odd-entry", "name": name, "category": "digital", "summary": summary,
        "reviewed": "2026-01-01"}]}, ensure_ascii=False), encoding="utf-8")
    args = ["--catalog", str(overlay), "compare", "odd-entry", "vns"]
    rows = list(csv.DictReader(io.StringIO(run("--catalog", str(overlay), "explain",
                                                "odd-entry", "-f", "csv").stdout)))
    # A cell a spreadsheet would run as a formula gets a leading quote (OWASP).
    shown = "'" + summary if summary.startswith(("=", "+", "-", "@")) else summary
    assert (rows[0]["id"], rows[0]["name"], rows[0]["summary"]) == ("odd-entry", name, shown)
    compared = list(csv.DictReader(io.StringIO(run(*args, "-f", "csv").stdout)))
    assert {(row["id"], row["name"]) for row in compared} == {
        ("odd-entry", name), ("vns", "Vagus nerve stimulation (VNS, implanted)")}
    for table in _tables(run(*args, "-f", "markdown").stdout):
        assert {_cells(row) for row in table} == {_cells(table[0])}
    page = parse(run(*args, "-f", "html").stdout)
    assert name in "".join(page.text)


@pytest.mark.parametrize("args", [
    ["compare", "ketamine", "tms", "ect"], ["explain", "vns"], ["explain", "vns", "--brief"],
    ["match", "--situation", "pregnancy"], ["glossary"], ["crisis"], ["chart", "remission"],
    ["handout", "esketamine", "ect", "rtms"]], ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_every_cited_number_is_listed_in_the_same_output(args: list[str], fmt: str) -> None:
    shown = invoke(*args, "--format", fmt, env={"COLUMNS": "400"}).stdout
    body, _, sources = shown.rpartition("Sources")
    # Markdown writes the brackets escaped: \[1,2\].
    cited = {int(n) for refs in re.findall(r"\\?\[([\d,]+)\\?\]", body)
             for n in refs.split(",")}
    pattern = r"^\[(\d+)\] " if fmt == "table" else r"^(\d+)\. "
    listed = {int(n) for n in re.findall(pattern, sources, re.MULTILINE)}
    assert cited == listed, (cited ^ listed)
