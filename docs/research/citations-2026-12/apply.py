"""Apply the citation research (result-*.yaml) to data/treatments.yaml and report what is left.

Run from the project root: .venv/bin/python docs/research/citations-2026-12/apply.py
"""
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, "src")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import SOURCE_FIELDS as FIELDS  # noqa: E402
from trdcli.citations import copy_host_reason  # noqa: E402

HERE = Path(__file__).parent
CATALOGUE = Path("data/treatments.yaml")

text = CATALOGUE.read_text(encoding="utf-8")
first_line = text.split("\n", 1)[0]
data = yaml.safe_load(text)
sources = data["sources"]
applied, unresolved = 0, []
for part in sorted(HERE.glob("result-*.yaml")):
    for source_id, result in yaml.safe_load(part.read_text(encoding="utf-8")).items():
        source = sources[source_id]
        for field in FIELDS:
            if field in result and not (field == "url" and "unresolved" in result):
                value = result[field]
                source[field] = str(value) if field in ("pmid", "doi") else value
        if source.get("read_at") == source["url"]:
            del source["read_at"]
        # Keep the model's field order.
        sources[source_id] = {f: source[f] for f in FIELDS if f in source}
        applied += 1
        if "unresolved" in result:
            unresolved.append(source_id)


def dump(catalogue):
    out = yaml.safe_dump(catalogue, sort_keys=False, allow_unicode=True, width=100)
    out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
                 flags=re.MULTILINE)
    return first_line + "\n" + out


CATALOGUE.write_text(dump(data), encoding="utf-8")
copies = {k: copy_host_reason(s["url"]) for k, s in sources.items() if copy_host_reason(s["url"])}
print(f"applied {applied}; unresolved {len(unresolved)}; still on a copy host {len(copies)}")
for k, why in copies.items():
    print(f"  {k}: {why}: {sources[k]['url']}")
print("kind other:", [k for k, s in sources.items() if s["kind"] == "other"])
