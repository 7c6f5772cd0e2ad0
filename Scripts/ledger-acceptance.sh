#!/usr/bin/env bash
# Acceptance of `congkhai publish`, the publication ledger and `congkhai minutes` (issue #5), and of
# an interrupted publish (issue #8 item 4), on a copy of the sample Content/. Runs the binary:
#   CONGKHAI=.build/debug/congkhai bash Scripts/ledger-acceptance.sh
# Ends with "ledger acceptance: OK" or exits non-zero naming the failed step.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${CONGKHAI:-$root/.build/debug/congkhai}"
[ -x "$bin" ] || { echo "no congkhai binary at $bin (build it, or set CONGKHAI)" >&2; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
work="$(mktemp -d /tmp/ledger-acceptance.XXXXXX)"
trap 'rm -rf "$work"' EXIT
c="$work/c"; www="$work/www"
cp -r "$root/Content" "$c"; rm -f "$c/ledger.jsonl"

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }
# check --format json, then a Python expression over `r` (the report) that must hold.
expect_check() {
  local want_exit="$1" expr="$2" code=0
  "$bin" check --content "$c" --format json >"$work/check.json" || code=$?
  [ "$code" = "$want_exit" ] || { cat "$work/check.json" >&2; fail "check exited $code, expected $want_exit"; }
  python3 - "$work/check.json" "$expr" <<'EOF' || fail "check report: $2"
import json, sys
r = json.load(open(sys.argv[1]))
findings = [f for rec in r.get("records", []) for f in rec.get("findings", [])] + r.get("findings", [])
def items(node):
    if isinstance(node, dict):
        if "code" in node and "severity" in node: yield node
        for v in node.values(): yield from items(v)
    elif isinstance(node, list):
        for v in node: yield from items(v)
all_findings = list(items(r))
ledger = [f for f in all_findings if f["code"].startswith("ledger-") or f["code"].startswith("posting-cut") or f["code"] in ("posting-altered", "published-site-changed")]
ok = eval(sys.argv[2], {"ledger": ledger, "all": all_findings})
if not ok:
    print(json.dumps(ledger, ensure_ascii=False, indent=1), file=sys.stderr)
    sys.exit(1)
EOF
}
errors='[f["code"] for f in ledger if f["severity"] == "error"]'

step "publish twice (06/02, 20/02), simulated"
"$bin" publish --content "$c" --to "$www" --clock 2024-02-06T08:00:00+07:00 >"$work/p1.txt" 2>"$work/p1.err" || { cat "$work/p1.err"; fail "publish 1"; }
"$bin" publish --content "$c" --to "$www" --clock 2024-02-20T08:00:00+07:00 >"$work/p2.txt" 2>"$work/p2.err" || fail "publish 2"
grep -q "Head of the chain: sha256:" "$work/p2.txt" || fail "publish does not print the head"
[ "$(wc -l <"$c/ledger.jsonl")" = 2 ] || fail "the ledger should have 2 lines"
head="$(tail -n 1 "$c/ledger.jsonl" | sha256sum | cut -d' ' -f1)"
grep -q "$head" "$www/api/ledger-head.json" || fail "the site does not carry the head of the chain"
grep -q "$head" "$www/so-cai/index.html" || fail "the ledger page does not show the head"
cmp -s "$c/ledger.jsonl" "$www/so-cai/ledger.jsonl" || fail "the site's ledger copy differs"
grep -q '"du-thao-quy-che-dan-chu"' "$c/ledger.jsonl" || fail "the posted draft is not in the ledger"
(cd "$www" && sha256sum -c --quiet so-cai/manifest.sha256) || fail "manifest does not verify"
digest="$(cd "$www" && find . -type f ! -path './so-cai/*' ! -path './api/ledger-head.json' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
grep -q "\"site_digest\":\"sha256:$digest\"" "$www/api/ledger-head.json" || fail "the site digest cannot be reproduced with sha256sum"
expect_check 1 "$errors == [] and any(f['code'] == 'ledger-simulated' for f in ledger)"

step "minutes for the sample posting"
(cd "$work" && "$bin" minutes du-thao-quy-che-dan-chu --kind posting-end --content "$c" >"$work/minutes.path" 2>/dev/null) || fail "minutes"
minutes="$work/$(cat "$work/minutes.path")"
[ -f "$minutes" ] || fail "minutes file not written"
for text in "BIÊN BẢN KẾT THÚC" "từ ngày 05/02/2024 đến hết ngày 25/02/2024" "26/02/2024" "không có ý kiến thắc mắc, phản hồi" "dòng 1" "dòng 2" "mô phỏng"; do
  grep -q "$text" "$minutes" || fail "minutes do not say “$text”"
done

step "editing an earlier line is caught, naming it"
cp "$c/ledger.jsonl" "$work/ledger.bak"
sed -i '1s/2024-02-06T08:00:00/2024-02-05T08:00:00/' "$c/ledger.jsonl"
expect_check 1 "any(f['severity'] == 'error' and 1 in f.get('ledger_lines', []) for f in ledger)"
{ "$bin" check --content "$c" || true; } | grep -q "Dòng 1" || fail "the text report does not name line 1"
cp "$work/ledger.bak" "$c/ledger.jsonl"

step "the draft taken down on 22/02, before its legal end"
rm "$c/documents/2024/du-thao-quy-che-dan-chu.md"
"$bin" publish --content "$c" --to "$www" --clock 2024-02-22T08:00:00+07:00 >/dev/null 2>&1 || fail "publish 3"
expect_check 1 "any(f['code'] == 'posting-cut-short' and f['severity'] == 'error' and f.get('ledger_lines') == [2, 3] for f in ledger)"
{ "$bin" check --content "$c" || true; } | grep -q "26/02/2024" || fail "the cut is not reported against the legal end 26/02/2024"

step "unreadable content: exit 2, nothing published"
before="$(cat "$c/ledger.jsonl" | sha256sum)"
printf -- '---\ntitle: [broken\n' >"$c/documents/2024/broken.md"
code=0; "$bin" publish --content "$c" --to "$www" --clock 2024-02-23T08:00:00+07:00 >/dev/null 2>&1 || code=$?
[ "$code" = 2 ] || fail "publish on unreadable content exited $code, expected 2"
[ "$(cat "$c/ledger.jsonl" | sha256sum)" = "$before" ] || fail "the ledger changed"
rm "$c/documents/2024/broken.md"

step "--strict refuses to publish over compliance errors"
code=0; "$bin" publish --strict --content "$c" --to "$www" --clock 2024-02-23T08:00:00+07:00 >/dev/null 2>&1 || code=$?
[ "$code" = 1 ] || fail "publish --strict exited $code, expected 1"
[ "$(cat "$c/ledger.jsonl" | sha256sum)" = "$before" ] || fail "the ledger changed under --strict"

step "hidden entries of the build never reach the web root"
find "$www" -name '.*' | grep -q . && fail "hidden entries in the web root"

step "publish killed at random moments: web root old or new, never mixed; no half line"
verify_site() {
  python3 - "$www" "$c/ledger.jsonl" <<'EOF'
import hashlib, json, os, sys
www, ledger = sys.argv[1], sys.argv[2]
data = open(ledger, "rb").read()
assert data.endswith(b"\n"), "the ledger ends with half a line"
head = json.load(open(os.path.join(www, "api/ledger-head.json")))
lines = []
for base, dirs, files in os.walk(www):
    for f in files:
        p = os.path.relpath(os.path.join(base, f), www)
        if p.startswith("so-cai/") or p == "api/ledger-head.json": continue
        lines.append((p.encode(), hashlib.sha256(open(os.path.join(www, p), "rb").read()).hexdigest()))
text = "".join(f"{h}  {p.decode()}\n" for p, h in sorted(lines))
digest = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
assert digest == head["site_digest"], f"mixed site: {digest} != {head['site_digest']}"
EOF
}
for i in $(seq 1 12); do
  "$bin" publish --content "$c" --to "$www" --clock "2024-03-$(printf %02d $((i + 1)))T08:00:00+07:00" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( (RANDOM % 60) + 5 ))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  verify_site || fail "after a kill (round $i)"
done
"$bin" publish --content "$c" --to "$www" --clock 2024-04-01T08:00:00+07:00 >/dev/null 2>&1 || fail "publish after the kills"
verify_site || fail "after the final publish"
ls -a "$work" | grep -q '\.www\.publishing-' && fail "stray staging folders left beside the web root"
expect_check 1 "not any(f['severity'] == 'error' and f['code'].startswith('ledger-') for f in ledger)"
grep -q "$(tail -n 1 "$c/ledger.jsonl" | sha256sum | cut -d' ' -f1)" "$www/api/ledger-head.json" || fail "the web root is not at the ledger's head"

echo "ledger acceptance: OK"
