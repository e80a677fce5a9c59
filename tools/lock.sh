#!/usr/bin/env bash
# Write requirements/test.txt: every package the test run installs, pinned, with hashes, for every
# platform and Python that pyproject.toml allows. `tools/lock.sh --upgrade` moves every pin to the
# newest release the ranges in pyproject.toml allow; with no argument, pins change only where
# pyproject.toml no longer admits them. Needs uv (pip install uv); installs use plain pip.
set -euo pipefail
cd "$(dirname "$0")/.."
exec uv pip compile pyproject.toml requirements/build.in --extra test --universal \
  --generate-hashes --python-version 3.10 --quiet --output-file requirements/test.txt \
  --custom-compile-command "tools/lock.sh" "$@"
