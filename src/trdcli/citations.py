"""What makes a citation one a reader can follow: the rules the catalogue's data tests hold.

A source's ``url`` is the canonical record (PubMed, PMC, doi.org or the publisher for
papers; the regulator's or guideline body's own page; ClinicalTrials.gov); a copy that was
read elsewhere is kept in ``read_at``, never shown as the source.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# Hosts that copy, wrap or stage other people's pages. Matched against the whole host name
# (and its parent domains).
COPY_HOSTS = frozenset({
    "old.bansdoc.gov.bd", "120ty.net", "ouci.dntb.gov.ua", "scite.ai", "researchgate.net",
    "scribd.com", "issuu.com", "docslib.org", "booksci.cn", "zendy.io", "pubfacts.com",
    "biomedsearch.com", "togows.dbcls.jp", "curehunter.com", "trials.co", "medpath.com",
    "innolitics.com", "fda.report", "drugcentral.org", "docketalarm.com", "abcdocz.com",
    "experts123.com", "scilit.com", "peeref.com", "researcher.life", "growkudos.com",
    "elaws.us", "medlibrary.org", "e-haldex.net", "backworkai.com", "livingip.xyz",
    "github.com", "githubusercontent.com", "netlify.app", "platformsh.site", "vercel.app",
    "herokuapp.com", "sciety.org", "culthealth.com", "wikidoc.org", "jodrugs.com",
    "blackboxrx.com", "rxreasoner.com", "guidelinegenius.com", "medx.it.com",
    "butalbitalapap.org", "health.am", "cld.bz", "corksafetyalerts.com", "particle.news",
    "financetom.com", "suppr.wilddata.cn", "qigonginstitute.org", "readbyqxmd.com",
    "dbpia.nl.go.kr", "press-news.org",
})
# A host label that says the page is not the published one.
NOT_PUBLISHED = re.compile(r"^(?:staging|stage|dev|develop|development|uat|test|qa|preview|"
                           r"sandbox|mimsdev|tweb-dev|medauth\d*|mdedge\d+-\w+|dev\d+)"
                           r"(?:-|$)")


def copy_host_reason(url: str) -> str | None:
    """Why ``url`` is not a canonical citation (a copy, staging host or bare address)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return "a bare IP address"
    labels = host.split(".")
    if any(".".join(labels[i:]) in COPY_HOSTS for i in range(len(labels))):
        return "a copy or aggregator of other sites' pages"
    if any(NOT_PUBLISHED.match(label) for label in labels[:-2]):
        return "a staging, development or test host"
    if labels and labels[0] == "https":
        return "a malformed host"
    return None
