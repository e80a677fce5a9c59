#!/usr/bin/env bash
# Re-make the handout pictures in docs/sharing.md: the decision aid printed by headless
# Chromium on Letter (the same way tests/test_handout.py prints it), pages 1 and 2 as PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trd handout esketamine ect rtms --format html --paper letter -o "$work/handout.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/handout.pdf" "file://$work/handout.html" 2>/dev/null
rm -f docs/img/handout-page-*.png
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/handout.pdf" docs/img/handout-page-1
pdftoppm -r 60 -png -f 2 -l 2 -singlefile "$work/handout.pdf" docs/img/handout-page-2
ls -l docs/img
