#!/usr/bin/env bash
# Acceptance for the printable notice (issue 6, item 4): builds the sample portal, and checks that
# the posted draft's print view links a QR PNG that zbarimg (Debian zbar-tools) decodes to that
# record's permanent URL. Usage: bash Scripts/check-print-qr.sh [--scratch-path DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

expected="https://congkhai.dongson.example/van-ban/du-thao-quy-che-dan-chu/"
record="van-ban/du-thao-quy-che-dan-chu"

if ! command -v zbarimg >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq zbar-tools >/dev/null
fi

site="$(mktemp -d /tmp/congkhai-print-qr.XXXXXX)"
trap 'rm -rf "$site"' EXIT
swift build "$@" --product congkhai >"$site/build.log" 2>&1 || { cat "$site/build.log" >&2; exit 1; }
"$(swift build "$@" --show-bin-path 2>/dev/null)/congkhai" build --content Content --as-of 2024-02-15 --output "$site/Site" >/dev/null

grep -q '<img src="qr.png"' "$site/Site/$record/in/index.html" \
  || { echo "FAIL: $record/in/index.html does not show qr.png" >&2; exit 1; }
decoded="$(zbarimg --quiet --raw "$site/Site/$record/in/qr.png")"
if [ "$decoded" != "$expected" ]; then
  echo "FAIL: the QR code decodes to “$decoded”, expected “$expected”" >&2
  exit 1
fi
echo "OK: $record/in/qr.png decodes to $decoded"
