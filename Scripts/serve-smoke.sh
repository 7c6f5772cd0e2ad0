#!/usr/bin/env bash
# Acceptance for `congkhai serve` (issue 6, item 1), on a temporary copy of Content/: the server
# answers with the home page; after a record's title is edited on disk the new title is served
# within 2 seconds; SIGINT stops it, it removes its temporary folder and leaves no process.
# Usage: bash Scripts/serve-smoke.sh [--scratch-path DIR]   (PORT=8099 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-8099}"
work="$(mktemp -d /tmp/congkhai-serve-smoke.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/serve.log" ] && sed 's/^/  serve: /' "$work/serve.log" >&2; exit 1; }

cp -R Content "$work/Content"
record="$work/Content/documents/2024/du-thao-quy-che-dan-chu.md"
url="http://127.0.0.1:$port"

swift build "$@" --product congkhai >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bin="$(swift build "$@" --show-bin-path 2>/dev/null)/congkhai"
"$bin" serve --content "$work/Content" --port "$port" --as-of 2024-02-15 >"$work/serve.log" 2>&1 &
pid=$!

# Start-up: the URL is printed and the home page answers.
for _ in $(seq 1 100); do
  curl -fsS "$url/" -o "$work/home.html" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited at start-up"
  sleep 0.1
done
grep -q "<title>Cổng công khai thông tin xã Đông Sơn</title>" "$work/home.html" || fail "GET / did not return the home page"
grep -q "$url/" "$work/serve.log" || fail "start-up did not print the URL"
echo "OK: GET / returns the home page"

# Edit a title on disk: the new title must be served within 2 seconds.
new_title="Dự thảo ĐÃ SỬA $(date +%s)"
sed -i "s/^title: .*/title: \"$new_title\"/" "$record"
start=$(date +%s%N)
served=""
while [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 2000 ]; do
  if curl -fsS "$url/van-ban/du-thao-quy-che-dan-chu/" 2>/dev/null | grep -q "$new_title"; then
    served=$(( ($(date +%s%N) - start) / 1000000 ))
    break
  fi
  sleep 0.05
done
[ -n "$served" ] || fail "the edited title was not served within 2 seconds"
echo "OK: the edited title was served after ${served} ms"

# The staff panel and the reload script come only from the server.
curl -fsS "$url/van-ban/du-thao-quy-che-dan-chu/" | grep -q "congkhai-staff" || fail "no staff panel on the record's page"

# Ctrl-C: the process ends by itself, its temporary folder is gone, no process is left.
temp_folders_before="$(ls -d /tmp/congkhai-serve-"$pid"-* 2>/dev/null || true)"
[ -n "$temp_folders_before" ] || fail "the server's temporary folder /tmp/congkhai-serve-$pid-* was not found"
kill -INT "$pid"
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then fail "the server did not stop within 5 seconds of SIGINT"; fi
status=0; wait "$pid" || status=$?
pid=""
[ "$status" -eq 0 ] || fail "the server exited with status $status after SIGINT"
[ ! -e "$temp_folders_before" ] || fail "the temporary folder $temp_folders_before was left behind"
if pgrep -f -- "--content $work/Content" >/dev/null; then fail "a process is left behind"; fi
curl -fsS "$url/" >/dev/null 2>&1 && fail "something still answers on port $port"
echo "OK: SIGINT stopped the server cleanly; no process and no temporary folder left"
