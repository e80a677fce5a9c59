"""`trd list`: one row per option, filters, sort, JSON."""

from __future__ import annotations

import pytest

import trdcli
from conftest import WIDTH, invoke, widest_line
from trdcli.query import status_label
from trdcli.safety import DISCLAIMER

LIST_KEYS = {"id", "name", "aliases", "category", "summary", "status", "regulatory", "onset",
             "course", "headline", "price", "cost", "course_cost", "reviewed"}


def test_every_option_has_a_row_and_the_view_ends_with_the_safety_line() -> None:
    result = invoke("list")
    assert result.exit_code == 0
    for treatment in trdcli.load_catalogue().treatments:
        assert treatment.id in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == DISCLAIMER
    assert widest_line(result.stdout) <= WIDTH


def test_list_json_contract() -> None:
    result = invoke("list", "--json")
    document = result.json()
    assert document["schema_version"] == 1
    assert document["command"] == "list"
    catalogue = trdcli.load_catalogue()
    assert document["catalogue"] == {"version": catalogue.version,
                                     "released": catalogue.released.isoformat(),
                                     "name": f"catalogue {catalogue.version}"}
    assert document["count"] == len(catalogue.treatments) == len(document["treatments"])
    for item in document["treatments"]:
        assert set(item) == LIST_KEYS
        assert item["summary"] and item["aliases"]
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("category", ["medication", "neuromodulation", "psychotherapy"])
def test_category_filter_keeps_only_that_category(category: str) -> None:
    items = invoke("list", "--category", category, "--json").json()["treatments"]
    expected = {t.id for t in trdcli.load_catalogue().treatments if t.category == category}
    assert {i["id"] for i in items} == expected
    assert expected


def test_search_matches_text_case_insensitively() -> None:
    items = invoke("list", "--search", "MAGNETIC", "--json").json()["treatments"]
    ids = {i["id"] for i in items}
    assert "rtms" in ids
    assert "esketamine" not in ids


def test_search_with_no_match_says_so() -> None:
    result = invoke("list", "--search", "no-such-option-anywhere")
    assert result.exit_code == 0
    assert "No option matches those filters." in result.stdout


def test_status_filter_and_sort_by_name() -> None:
    items = invoke("list", "--status", "investigational", "--sort", "name", "--json").json()
    names = [i["name"] for i in items["treatments"]]
    assert names == sorted(names, key=str.casefold)
    assert all(i["status"].startswith("FDA: investigational") for i in items["treatments"])
    assert "psilocybin" in {i["id"] for i in items["treatments"]}


def test_sort_by_onset_puts_fast_options_first() -> None:
    items = invoke("list", "--sort", "onset", "--json").json()["treatments"]
    def first_day(item: dict[str, dict[str, int | None]]) -> float:
        onset = item["onset"]
        day = onset["days_min"] if onset["days_min"] is not None else onset["days_max"]
        return float("inf") if day is None else day

    starts = [first_day(i) for i in items]
    assert starts == sorted(starts)
    assert starts[0] < float("inf")


def test_unknown_category_is_a_usage_error() -> None:
    result = invoke("list", "--category", "surgery")
    assert result.exit_code == 2
    assert result.stdout == ""


VIEWS = [["list"], ["compare", "esketamine", "ect", "vns"], ["explain", "ect"],
         ["match", "--situation", "pregnancy"], ["sources", "ect"], ["glossary"],
         ["chart", "response"], ["crisis"]]


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 160])
@pytest.mark.parametrize("args", VIEWS, ids=lambda a: a[0])
def test_no_view_cuts_or_overflows_at_any_width(args: list[str], columns: int) -> None:
    shown = invoke(*args, env={"COLUMNS": str(columns)}).stdout
    assert "…" not in shown
    assert widest_line(shown) <= columns  # only a link runs past the edge, whole


@pytest.mark.parametrize("columns", [60, 80, 100, 120, 160])
def test_list_breaks_no_word_and_cuts_no_status(columns: int) -> None:
    def tokens(text: str) -> set[str]:
        return {word.strip("(),|") for word in text.split()}

    words = tokens(invoke("list", env={"COLUMNS": str(columns)}).stdout)
    for treatment in trdcli.load_catalogue().treatments:
        wanted = tokens(f"{treatment.id} {treatment.name} {status_label(treatment)}")
        assert wanted - {"FDA:"} <= words, (columns, treatment.id, wanted - words)
