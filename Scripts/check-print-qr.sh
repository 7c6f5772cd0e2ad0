#!/usr/bin/env bash
# Acceptance for the printable notice: builds the sample portal, takes the QR code the posted
# draft's print view shows (an inline SVG), rasterises it with rsvg-convert (librsvg2-bin) and
# checks that zbarimg (zbar-tools) decodes it to that record's permanent URL.
# Usage: bash Scripts/check-print-qr.sh [--scratch-path DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

expected="https://congkhai.dongson.example/van-ban/du-thao-quy-che-dan-chu/"
record="van-ban/du-thao-quy-che-dan-chu"

if ! command -v zbarimg >/dev/null || ! command -v rsvg-convert >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq zbar-tools librsvg2-bin >/dev/null
fi

site="$(mktemp -d /tmp/congkhai-print-qr.XXXXXX)"
trap 'rm -rf "$site"' EXIT
swift build "$@" --product congkhai >"$site/build.log" 2>&1 || { cat "$site/build.log" >&2; exit 1; }
"$(swift build "$@" --show-bin-path 2>/dev/null)/congkhai" build --content Content --as-of 2024-02-15 --output "$site/Site" >/dev/null

page="$site/Site/$record/in/index.html"
python3 - "$page" "$site/qr.svg" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
found = re.search(r"<svg[^>]*>.*?</svg>", html, re.S)
if not found:
    sys.exit(f"FAIL: {sys.argv[1]} shows no QR code (no <svg>)")
open(sys.argv[2], "w", encoding="utf-8").write(found.group(0))
PY
rsvg-convert --width 300 --output "$site/qr.png" "$site/qr.svg"
decoded="$(zbarimg --quiet --raw "$site/qr.png")"
if [ "$decoded" != "$expected" ]; then
  echo "FAIL: the QR code decodes to “$decoded”, expected “$expected”" >&2
  exit 1
fi
echo "OK: the QR code of $record/in/ decodes to $decoded"
