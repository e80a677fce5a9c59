"""Bring your own catalogue: overlays, precedence, `trd info`, `trd validate` and the cache."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from conftest import documentation, invoke

EXAMPLE = Path(__file__).parents[1] / "examples" / "clinic-overlay.yaml"


def _by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in document["treatments"]}


def test_example_overlay_is_ten_lines_or_fewer() -> None:
    assert len(EXAMPLE.read_text(encoding="utf-8").splitlines()) <= 10


def test_ten_line_overlay_changes_one_price_and_adds_one_option() -> None:
    shipped = _by_id(invoke("list", "--json").json())
    result = invoke("--catalog", str(EXAMPLE), "list", "--json")
    assert result.exit_code == 0, result.stderr
    document = result.json()
    overlaid = _by_id(document)
    assert document["count"] == len(shipped) + 1
    assert set(overlaid) - set(shipped) == {"riverside-walking-group"}
    assert overlaid["rtms"]["price"] == "USD 9,000 per course of 36 sessions"
    assert overlaid["rtms"]["cost"]["sources"] == ["riverside-fees"]
    assert shipped["rtms"]["price"] != overlaid["rtms"]["price"]
    # Everything else about rTMS is the shipped entry, untouched.
    for key in ("name", "status", "onset", "course", "headline", "regulatory"):
        assert overlaid["rtms"][key] == shipped["rtms"][key], key
    changed = [i for i in shipped if i != "rtms" and overlaid[i] != shipped[i]]
    assert changed == []


def test_overlay_shows_in_the_human_list() -> None:
    result = invoke("--catalog", str(EXAMPLE), "list", "--search", "riverside",
                    env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Riverside walking group" in result.stdout and "USD 0 per" in result.stdout


def test_later_files_win(tmp_path: Path) -> None:
    second = tmp_path / "second.yaml"
    second.write_text("treatments:\n  - id: riverside-walking-group\n"
                      "    name: Riverside walk and talk\n", encoding="utf-8")
    result = invoke("--catalog", str(EXAMPLE), "--catalog", str(second), "list", "--json")
    assert _by_id(result.json())["riverside-walking-group"]["name"] == "Riverside walk and talk"


def test_environment_holds_a_path_list_and_the_flag_replaces_it(tmp_path: Path) -> None:
    rename = tmp_path / "rename.yaml"
    rename.write_text("treatments:\n  - {id: ect, name: Electroconvulsive therapy (ECT)}\n",
                      encoding="utf-8")
    env = {"TRD_CATALOG": os.pathsep.join([str(EXAMPLE), str(rename)])}
    from_env = _by_id(invoke("list", "--json", env=env).json())
    assert from_env["ect"]["name"] == "Electroconvulsive therapy (ECT)"
    assert "riverside-walking-group" in from_env
    flag_wins = _by_id(invoke("--catalog", str(rename), "list", "--json", env=env).json())
    assert "riverside-walking-group" not in flag_wins
    info = invoke("info", "--json", env=env).json()
    assert info["files_from"] == "TRD_CATALOG"
    assert [f["file"] for f in info["files"][1:]] == [str(EXAMPLE), str(rename)]


def test_info_lists_the_files_in_force_with_versions_and_changes() -> None:
    document = invoke("--catalog", str(EXAMPLE), "info", "--json").json()
    shipped, clinic = document["files"]
    assert shipped["shipped"] is True and shipped["file"].endswith("treatments.yaml")
    assert document["catalogue"]["version"] == "riverside-2026.11"  # the overlay's own
    assert clinic == {**clinic, "file": str(EXAMPLE), "shipped": False,
                      "version": "riverside-2026.11",
                      "added": {"treatments": ["riverside-walking-group"]},
                      "changed": {"treatments": ["rtms"]}}
    assert len(clinic["sha256"]) == 64
    assert document["files_from"] == "--catalog"
    text = " ".join(invoke("--catalog", str(EXAMPLE), "info").stdout.split())
    assert "adds 1 in treatments: riverside-walking-group" in text
    assert "changes 1 in treatments: rtms" in text
    assert "Precedence" in text


def test_info_with_the_shipped_catalogue_alone() -> None:
    document = invoke("info", "--json").json()
    assert len(document["files"]) == 1 and document["files"][0]["shipped"] is True
    assert document["files_from"] is None
    assert document["files"][0]["version"] == document["catalogue"]["version"]


def test_no_default_starts_empty(tmp_path: Path) -> None:
    result = invoke("--no-default", "list")
    assert result.exit_code == 4
    assert "--no-default needs at least one --catalog" in result.stderr
    result = invoke("--no-default", "--catalog", str(EXAMPLE), "list")
    assert result.exit_code == 4
    assert "missing required field" in result.stderr  # an overlay is not a whole catalogue


def test_a_cited_statement_is_replaced_whole(tmp_path: Path) -> None:
    # Merging a cost field by field would leave the shipped insurance text under the
    # clinic's source; instead the overlay's cost must stand on its own.
    partial = tmp_path / "partial.yaml"
    partial.write_text("treatments:\n  - id: rtms\n    cost: {text: cheaper here, sources: []}\n",
                       encoding="utf-8")
    result = invoke("validate", str(partial))
    assert result.exit_code == 4
    assert f"{partial}:3:5: treatments[0].cost.where: missing required field" in result.stdout


# Each problem `trd validate` must catch: (file text, "line:col: field:" and trd's own words where
# they help a person, the problem code).
PROBLEMS = {
    "yaml syntax": ("treatments: [unclosed\n", ":2:1:", "yaml-syntax"),
    "wrong type": ("treatments:\n  - {id: ect, name: 42}\n",
                   ":2:15: treatments[0].name: expected text, got a number", "wrong-type"),
    "unknown field": ("treatments:\n  - id: ect\n    aliase: [shock]\n",
                      ":3:5: treatments[0].aliase: unknown field (did you mean aliases?)",
                      "unknown-field"),
    "missing field": ("treatments:\n  - {id: new-one, name: New}\n",
                      ":2:6: treatments[0].id: no earlier file has id 'new-one' to change; a new "
                      "entry needs every required field (missing: category, reviewed, summary)",
                      "unknown-id"),
    "duplicate key": ("version: a\nversion: b\n", ":2:1: version: duplicate key", "duplicate-key"),
    "duplicate id in a file": ("treatments:\n  - {id: ect, name: A}\n  - {id: ect, name: B}\n",
                               ":3:6: treatments[1].id: 'ect' appears twice in this file",
                               "duplicate-id"),
    "duplicate alias across files": ("treatments:\n  - {id: vns, aliases: [ketamine]}\n",
                                     ":2:25: treatments[0].aliases[0]: 'ketamine' is already "
                                     "used by 'iv-ketamine'", "duplicate-name"),
    "dangling source": ("treatments:\n  - id: ect\n    headline: {text: t, sources: [nope]}\n",
                        ":3:35: treatments[0].headline.sources[0]: unknown source 'nope'",
                        "unknown-source"),
    "out of range": ("sources:\n  x: {title: t, kind: trial, url: 'https://example.org', "
                     "year: 1066}\n", ":2:58: sources.x.year: year 1066 is not between 1900",
                     "out-of-range"),
    "override of an id that does not exist": (
        "treatments:\n  - {id: esketamin, cost: null}\n",
        ":2:6: treatments[0].id: no earlier file has id 'esketamin' to change "
        "(did you mean esketamine?)", "unknown-id"),
}


@pytest.mark.parametrize("kind", sorted(PROBLEMS))
def test_validate_catches(kind: str, tmp_path: Path) -> None:
    text, expected, code = PROBLEMS[kind]
    path = tmp_path / "clinic.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 4, result.stdout
    (line,) = [line for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert line.startswith(f"{path}{expected}") and line.endswith(f" [{code}]"), line
    assert result.stderr == ""
    (problem,) = invoke("validate", str(path), "--json").json()["problems"]
    assert problem["code"] == code


def test_validate_reports_every_problem_in_every_file_at_once(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: [\n", encoding="utf-8")
    typos = tmp_path / "typos.yaml"
    typos.write_text("treatments:\n  - {id: ect, nmae: X, category: drug}\n", encoding="utf-8")
    result = invoke("validate", str(broken), str(typos), "--json")
    assert result.exit_code == 4
    document = result.json()
    assert document["valid"] is False
    found = {(p["file"], p["field"], p["code"]) for p in document["problems"]}
    assert found == {(str(broken), "", "yaml-syntax"),
                     (str(typos), "treatments[0].nmae", "unknown-field"),
                     (str(typos), "treatments[0].category", "not-a-choice")}
    assert all(p["line"] == 2 for p in document["problems"])


def test_validate_passes_a_good_overlay() -> None:
    result = invoke("validate", str(EXAMPLE))
    assert result.exit_code == 0
    assert "No problems in 1 file." in result.stdout.splitlines()
    assert invoke("validate", str(EXAMPLE), "--json").json()["problems"] == []


def test_a_validated_stack_is_cached_and_a_damaged_cache_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRD_CACHE_DIR", str(tmp_path / "cache"))
    first = invoke("list", "--json").stdout
    entries = list((tmp_path / "cache").glob("trd-cache-*.pickle"))
    assert len(entries) == 1
    assert invoke("list", "--json").stdout == first
    entries[0].write_bytes(entries[0].read_bytes()[:-40])  # damaged: cut short
    assert invoke("list", "--json").stdout == first
    monkeypatch.setenv("TRD_NO_CACHE", "1")
    monkeypatch.setenv("TRD_CACHE_DIR", str(tmp_path / "off"))
    assert invoke("list", "--json").stdout == first
    assert not (tmp_path / "off").exists()


def test_an_edited_file_is_not_served_from_the_cache(tmp_path: Path) -> None:
    overlay = tmp_path / "o.yaml"
    overlay.write_text("treatments:\n  - {id: ect, name: First name}\n", encoding="utf-8")
    assert _by_id(invoke("--catalog", str(overlay), "list", "--json").json())["ect"]["name"] == \
        "First name"
    overlay.write_text("treatments:\n  - {id: ect, name: Second name}\n", encoding="utf-8")
    assert _by_id(invoke("--catalog", str(overlay), "list", "--json").json())["ect"]["name"] == \
        "Second name"


def test_readme_shows_the_example_overlay_as_it_is() -> None:
    readme = documentation()
    assert "```yaml\n" + EXAMPLE.read_text(encoding="utf-8") + "```" in readme


@pytest.mark.parametrize("currency", ["usd", "US$", "Dollars", "EURO"])
def test_a_currency_must_be_an_iso_4217_code(tmp_path: Path, currency: str) -> None:
    path = tmp_path / "clinic.yaml"
    path.write_text("treatments:\n  - id: rtms\n    cost: {text: t, where: here, sources: "
                    f"[anand-2023-elekt-d], low: 100, currency: '{currency}'}}\n",
                    encoding="utf-8")
    (problem,) = invoke("validate", str(path), "--json").json()["problems"]
    assert (problem["code"], problem["field"]) == ("not-a-currency", "treatments[0].cost.currency")


@pytest.mark.parametrize(("given", "ok"), [("usd", True), ("GBP", True), ("US$", False),
                                           ("dollars", False), ("[/]", False)])
def test_the_currency_option_takes_iso_4217_codes(given: str, ok: bool) -> None:
    result = invoke("match", "--budget", "100", "--currency", given, "--json")
    assert (result.exit_code == 0) is ok, result.stderr
    if ok:
        assert result.json()["wishes"]["currency"] == given.upper()
