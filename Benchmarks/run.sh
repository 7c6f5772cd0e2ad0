#!/usr/bin/env bash
# Full builds side by side: Hugo, the cmark floor, cp, and congkhai (release build), in one run.
#
#   Benchmarks/run.sh N [R]        e.g. Benchmarks/run.sh 10000 3
#
# Wraps ../shared/bench/run.sh (read-only; see its README) with CANDIDATE_CMD set to this
# repository's release binary. Everything runs on tmpfs unless BENCH_WORK says otherwise.
# --as-of is fixed so that repeated runs build the same site.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
SCRATCH=${SCRATCH:-.build-bench}
export BENCH_WORK=${BENCH_WORK:-/dev/shm/congkhai-bench}
if [ -z "${CONGKHAI_BIN:-}" ]; then
  (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product congkhai >&2)
  CONGKHAI_BIN=$ROOT/$SCRATCH/release/congkhai
fi
# Each run starts from an empty output folder, so this times a clean (full) build.
export CANDIDATE_CMD="$CONGKHAI_BIN build --quiet --as-of 2026-06-30 --content {content} --output {output}/Site"
exec bash "$BENCH/run.sh" "$@"
