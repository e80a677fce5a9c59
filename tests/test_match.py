"""`trd match`: every verdict follows from a catalogue field, and every reason cites it."""

from __future__ import annotations

from typing import Any, get_args

import pytest

import trdcli
from conftest import invoke
from trdcli.model import ContraindicationTag

CATALOGUE = trdcli.load_catalogue()
TREATMENTS = {t.id: t for t in CATALOGUE.treatments}
SITUATIONS = [t for t in get_args(ContraindicationTag) if t != "none-known"]


def run(*args: str) -> dict[str, Any]:
    result = invoke("match", *args, "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = result.json()
    return document


def ids(document: dict[str, Any], verdict: str) -> set[str]:
    return {entry["id"] for entry in document[verdict]}


VERDICT_OF_LEVEL = {"exclude": "excluded", "caution": "caution", "not-studied": "caution",
                    "no-specific-concern": "fits"}
GROUPS = ("fits", "caution", "not_assessed", "excluded")


@pytest.mark.parametrize("situation", SITUATIONS)
def test_situation_sorts_by_sourced_statements_and_silence_is_not_fit(situation: str) -> None:
    document = run("--situation", situation)
    said = {t.id: {VERDICT_OF_LEVEL[c.level] for c in t.contraindications or []
                   if c.tag == situation} for t in CATALOGUE.treatments}
    worst = {i: next((v for v in ("excluded", "caution", "fits") if v in verdicts),
                     "not_assessed") for i, verdicts in said.items()}
    for group in GROUPS:
        assert ids(document, group) == {i for i, v in worst.items() if v == group}, group
    assert sum(len(document[g]) for g in GROUPS) == len(TREATMENTS)


def test_an_option_the_catalogue_is_silent_on_is_listed_apart_in_every_format(
        tmp_path: Any) -> None:
    overlay = tmp_path / "clinic.yaml"
    overlay.write_text("treatments:\n  - {id: quiet-walk, name: Quiet walk, category: lifestyle,"
                       " summary: A walk., reviewed: '2026-11-01'}\n", encoding="utf-8")
    document = invoke("--catalog", str(overlay), "match", "--situation", "pregnancy",
                      "--json").json()
    assert "quiet-walk" in ids(document, "not_assessed")
    assert "quiet-walk" not in ids(document, "fits")
    for fmt, marker in (("table", "Not assessed"), ("markdown", "Not assessed"),
                        ("html", "Not assessed"), ("csv", "quiet-walk,")):
        shown = invoke("--catalog", str(overlay), "match", "--situation", "pregnancy",
                       "--format", fmt).stdout
        assert marker in shown, fmt
        if fmt == "csv":
            (row,) = [line for line in shown.splitlines() if line.startswith("quiet-walk,")]
            assert "not-assessed" in row


def test_the_issue_situations_exist_and_rule_something_out() -> None:
    # The screening vocabulary covers what people ask about; each of these removes at least
    # one option in the shipped catalogue, so the data is not silent on them.
    for situation in ("pregnancy", "seizure-disorder", "bipolar", "psychosis", "substance-use",
                      "uncontrolled-hypertension", "implanted-metal", "implanted-device"):
        document = run("--situation", situation)
        assert document["excluded"] or document["caution"], situation


def _field(entry: dict[str, Any], path: str) -> Any:
    node: Any = entry
    for part in path.replace("]", "").replace("[", ".").split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    return node


def test_every_reason_traces_to_a_catalogue_field_and_its_sources() -> None:
    document = run("--situation", "pregnancy", "--situation", "seizure-disorder",
                   "--situation", "implanted-device", "--avoid-anaesthesia", "--fast",
                   "--at-home", "--cannot-drive", "--budget", "500")
    seen = 0
    for verdict in GROUPS:
        for screened in document[verdict]:
            entry = invoke("explain", screened["id"], "--json").json()["treatment"]
            for reason in screened["reasons"]:
                seen += 1
                field = _field(entry, reason["field"].split(".")[0]
                               if reason["field"].startswith("course.") else reason["field"])
                if field is not None and "sources" in field:
                    assert reason["sources"] == field["sources"], reason
                if reason["field"].startswith("course."):
                    assert reason["field"].split(".")[1] in field
                if reason["verdict"] == "excluded":
                    assert verdict == "excluded"
    assert seen > 30


def test_preferences_follow_the_course_onset_and_cost_fields() -> None:
    no_anaesthesia = run("--avoid-anaesthesia")
    assert ids(no_anaesthesia, "excluded") == {
        i for i, t in TREATMENTS.items() if t.course and t.course.anaesthesia}
    at_home = run("--at-home")
    assert ids(at_home, "excluded") == {
        i for i, t in TREATMENTS.items() if t.course and t.course.at_home is False}
    fast = run("--fast")
    quick = {i for i, t in TREATMENTS.items()
             if t.onset and (t.onset.days_min if t.onset.days_min is not None
                             else t.onset.days_max or 99) <= 7}
    assert ids(fast, "fits") == quick
    assert {"esketamine", "iv-ketamine", "ect"} <= quick  # what the onset texts say
    driving = run("--cannot-drive")
    assert ids(driving, "excluded") == {
        i for i, t in TREATMENTS.items() if t.course and t.course.drive_after == "not-allowed"}


def test_budget_compares_the_estimated_course_cost_in_the_same_currency() -> None:
    from trdcli.query import course_cost

    document = run("--budget", "1000")
    for i, t in TREATMENTS.items():
        course = course_cost(t)
        if course is None or course.currency != "USD":
            assert i in ids(document, "caution"), i  # never compared: said, not judged
        elif course.low > 1000:
            assert i in ids(document, "excluded"), i
        else:
            assert i in ids(document, "fits"), i
    # USD 300 a session fits a 1,000 budget; the 30-session course does not.
    assert "rtms" in ids(document, "excluded")
    assert "psilocybin" in ids(document, "caution")  # priced in AUD, not compared
    assert "lithium" in ids(document, "caution")  # priced per month: no course to compare


def test_priority_orders_what_fits_and_the_rule_is_shown() -> None:
    document = run("--priority", "speed", "--priority", "cost")
    assert document["ordering_rule"].startswith("sorted by 1. earliest reported onset")
    days = [TREATMENTS[e["id"]].onset for e in document["fits"]]
    earliest = [o.days_min if o.days_min is not None else o.days_max for o in days if o]
    known = [d for d in earliest if d is not None]
    assert known == sorted(known)
    assert earliest[:len(known)] == known  # the unknown come last
    human = invoke("match", "--priority", "speed")
    assert "Order: sorted by 1. earliest reported onset" in " ".join(human.stdout.split())


def test_human_view_never_recommends_and_says_what_to_ask() -> None:
    result = invoke("match", "--situation", "bipolar", "--at-home")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "This is not a recommendation." in text
    screening = text.split(" Sources ")[0]  # source titles may say "recommendations"
    assert screening.lower().count("recommend") == 1
    assert "Questions to ask a clinician" in text
    assert "Ruled out by your answers" in text
    assert "Information, not medical advice." in text
    assert "investigational" in " ".join(invoke("match").stdout.split())


@pytest.mark.parametrize(("args", "message"), [
    (["--budget", "-5"], "--budget cannot be negative"),
    (["--situation", "pregnant"], "pregnant"),
    (["--priority", "price"], "price"),
])
def test_bad_answers_are_usage_errors(args: list[str], message: str) -> None:
    result = invoke("match", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_compare_and_the_handout_show_each_position_for_the_situations_asked() -> None:
    document = invoke("compare", "aripiprazole", "psychotherapy", "--situation", "pregnancy",
                      "--json").json()
    (row,) = [r for r in document["rows"] if r["key"] == "situation:pregnancy"]
    for treatment_id, answer in row["answers"].items():
        said = [c for c in TREATMENTS[treatment_id].contraindications or []
                if c.tag == "pregnancy"]
        assert answer.startswith("not assessed") is (not said), (treatment_id, answer)
        for statement in said:
            assert statement.text in answer
    handout = invoke("compare", "aripiprazole", "psychotherapy", "--situation", "pregnancy",
                     "--format", "html").stdout
    assert "If you have: pregnancy" in handout
