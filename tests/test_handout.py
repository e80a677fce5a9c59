"""The printable handout in a real browser: headless Chromium prints it to PDF, and the
PDF's text must carry every option, every source, the catalogue version and the disclaimer.

CI installs Chromium and poppler-utils (see .ci/run); without them this test is skipped
and says which program is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import invoke
from trdcli import load_catalogue
from trdcli.safety import DISCLAIMER

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
PDFTOTEXT = shutil.which("pdftotext")
MISSING = "the handout browser test needs Chromium and pdftotext " \
          "(Debian: apt-get install chromium poppler-utils); .ci/run installs both"
if CHROMIUM is None or PDFTOTEXT is None:
    # CI sets TRD_REQUIRE_BROWSER so that a failed install fails the run instead of skipping.
    if os.environ.get("TRD_REQUIRE_BROWSER"):
        raise RuntimeError(MISSING)
    pytestmark = pytest.mark.skip(reason=MISSING)


def squeeze(text: str) -> str:
    """Text without whitespace, so a line or word broken across PDF lines still matches."""
    return re.sub(r"\s+", "", text)


def print_to_pdf(html: Path, pdf: Path) -> str:
    assert CHROMIUM and PDFTOTEXT
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    result = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True,
                            capture_output=True, timeout=60)
    return result.stdout.decode("utf-8")


def test_compare_handout_prints_with_every_name_source_and_the_disclaimer(
        tmp_path: Path) -> None:
    handout = tmp_path / "handout.html"
    result = invoke("compare", "ketamine", "tms", "ect", "--format", "html", "-o", str(handout))
    assert result.exit_code == 0, result.stderr
    text = squeeze(print_to_pdf(handout, tmp_path / "handout.pdf"))
    document = invoke("compare", "ketamine", "tms", "ect", "--json").json()
    catalogue = load_catalogue()
    for treatment in document["treatments"]:
        assert squeeze(treatment["name"]) in text, treatment["name"]
    for source in document["sources"]:
        assert squeeze(catalogue.sources[source["id"]].title) in text, source["id"]
    assert squeeze(f"catalogue {catalogue.version}, released {catalogue.released}") in text
    assert squeeze(DISCLAIMER) in text
    assert squeeze("in 100") in text
    assert squeeze("Response and remission, against the comparator") in text
