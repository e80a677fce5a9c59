"""`trd crisis`: urgent-help routes by country, every number with its source."""

from __future__ import annotations

import pytest

import trdcli
from conftest import invoke, widest_line
from trdcli.safety import DISCLAIMER

CATALOGUE = trdcli.load_catalogue()


def test_crisis_lists_every_country_and_service_with_sources() -> None:
    result = invoke("crisis")
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert CATALOGUE.crisis is not None
    assert len(CATALOGUE.crisis.countries) >= 6
    for country in CATALOGUE.crisis.countries:
        assert country.code in flat
        for service in country.services:
            assert service.sources
            assert service.contact.split()[-1] in flat
    assert "local emergency number" in flat
    assert result.stdout.rstrip().splitlines()[-1] == DISCLAIMER


@pytest.mark.parametrize(("typed", "code"), [("us", "US"), ("UK", "GB"), ("canada", "CA"),
                                             ("New Zealand", "NZ")])
def test_one_country_by_code_or_name(typed: str, code: str) -> None:
    document = invoke("crisis", typed, "--json").json()
    assert [c["code"] for c in document["countries"]] == [code]
    assert document["general"]["text"]
    cited = {s["id"] for s in document["sources"]}
    for service in document["countries"][0]["services"]:
        assert set(service["sources"]) <= cited


def test_the_988_line_in_every_view_is_backed_by_the_catalogue() -> None:
    us = invoke("crisis", "us", "--json").json()["countries"][0]
    assert any("988" in service["contact"] for service in us["services"])
    assert "988 (US)" in DISCLAIMER


def test_unlisted_country_points_to_local_emergency_number() -> None:
    result = invoke("crisis", "atlantis")
    assert result.exit_code == 3
    assert "call your local emergency number" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("columns", [20, 24, 30, 36, 50, 71, 72, 80])
def test_no_phone_number_disappears_at_narrow_widths(columns: int) -> None:
    import re

    document = invoke("crisis", "--json").json()
    contacts = [s["contact"] for c in document["countries"] for s in c["services"]]
    shown = invoke("crisis", env={"COLUMNS": str(columns)}).stdout
    flat = re.sub(r"\s+", " ", shown)
    for contact in contacts:
        for number in re.findall(r"\d[\d ]*\d|\d", contact):
            assert number in flat, (columns, number)
    assert widest_line(shown) <= columns
