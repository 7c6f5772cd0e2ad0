#!/usr/bin/env bash
# Incremental build after one record is edited, against a full build, same corpus, same run.
#
#   Benchmarks/incremental.sh N [R]     e.g. Benchmarks/incremental.sh 10000 5
#
# Uses the corpus ../shared/bench/run.sh generated (run Benchmarks/run.sh N first, or this script
# generates it). Per repeat, alternately: a full build into an empty folder, then, on a site
# built before, one record's body edited and the build run again (the cache in
# Site/.congkhai-cache is used). Prints medians, the ratio, and one JSON line.
set -euo pipefail
N=${1:?usage: incremental.sh N [repeats]}
R=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
SCRATCH=${SCRATCH:-.build-bench}
WORK=${BENCH_WORK:-/dev/shm/congkhai-bench}
SEED=${SEED:-42}
if [ -z "${CONGKHAI_BIN:-}" ]; then
  (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product congkhai >&2)
  CONGKHAI_BIN=$ROOT/$SCRATCH/release/congkhai
fi
CORPUS=$WORK/corpus-$N-s$SEED-$(md5sum "$BENCH/gen_corpus.py" | cut -c1-8)
if [ ! -f "$CORPUS/corpus.json" ]; then
  mkdir -p "$WORK"; python3 "$BENCH/gen_corpus.py" "$N" "$CORPUS" --seed "$SEED" >&2
fi
RUN=$(mktemp -d "$WORK/incremental-$N-XXXX")
trap 'rm -rf "$RUN"' EXIT
# Copied with their times: a record file written within two seconds of a build is parsed again by
# the next one (docs/incremental.md, "racily clean"), and a real commune's files are not all new.
cp -a "$CORPUS/Content" "$RUN/Content"
RECORD=$(find "$RUN/Content/documents" -name '*.md' | sort | sed -n "$((N / 2))p")
build() { /usr/bin/time -f '%e %M %U %S' -o "$RUN/time" "$CONGKHAI_BIN" build --quiet --as-of 2026-06-30 --content "$RUN/Content" --output "$1" >/dev/null; cat "$RUN/time"; }

build "$RUN/inc/Site" >/dev/null   # the site the incremental builds start from
: >"$RUN/samples"
for rep in $(seq 1 "$R"); do
  rm -rf "$RUN/full"
  t0=$EPOCHREALTIME; read -r _ rss_f usr_f sys_f < <(build "$RUN/full/Site"); t1=$EPOCHREALTIME
  printf '\n\nEdited for the benchmark, round %s.\n' "$rep" >>"$RECORD"
  t2=$EPOCHREALTIME; read -r _ rss_i usr_i sys_i < <(build "$RUN/inc/Site"); t3=$EPOCHREALTIME
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}') $(awk -v a="$t2" -v b="$t3" 'BEGIN{print b-a}') $rss_f $rss_i $usr_f $sys_f $usr_i $sys_i" >>"$RUN/samples"
  echo "rep $rep: full $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')s incremental $(awk -v a="$t2" -v b="$t3" 'BEGIN{printf "%.3f", b-a}')s" >&2
done
# The incremental site must equal the full build of the same content byte for byte.
rm -rf "$RUN/check"; build "$RUN/check/Site" >/dev/null
if diff -r -q -x .congkhai-cache "$RUN/check/Site" "$RUN/inc/Site" >/dev/null; then SAME=true; else SAME=false; fi
python3 - "$RUN/samples" "$N" "$SAME" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, statistics as st, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
full = st.median(r[0] for r in rows); inc = st.median(r[1] for r in rows)
out = {"n": int(sys.argv[2]), "runs": len(rows), "full_median_s": round(full, 3), "incremental_median_s": round(inc, 3),
       "ratio": round(inc / full, 3), "full_rss_mb": round(st.median(r[2] for r in rows) / 1024, 1),
       "incremental_rss_mb": round(st.median(r[3] for r in rows) / 1024, 1),
       "full_cpu_s": round(st.median(r[4] + r[5] for r in rows), 2), "incremental_cpu_s": round(st.median(r[6] + r[7] for r in rows), 2),
       "identical_to_clean_build": sys.argv[3] == "true", "loadavg_after": sys.argv[4]}
print(f"N={out['n']} full {full:.3f}s incremental {inc:.3f}s ratio {out['ratio']} identical={out['identical_to_clean_build']}")
print(json.dumps(out))
PY
