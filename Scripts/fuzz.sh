#!/usr/bin/env bash
# Runs the libFuzzer targets over the parsers that read what people type or paste (issue 8):
#   front-matter  the record file splitter          date    the date parser (and times)
#   number        the document-number parser        record  a whole record file through the loader
#   import        `congkhai import`'s text recogniser, and the front matter it writes
# Each target runs FUZZ_SECONDS (default 60) from its committed seed corpus Fuzz/corpus/<target>/;
# inputs it discovers go to .build-fuzz/corpus/<target>/ (not committed), crashes to
# .build-fuzz/crashes/<target>/. Exit status 1 when any target crashed or broke a property.
#
#   bash Scripts/fuzz.sh                 # every target, 60 s each
#   FUZZ_SECONDS=10 bash Scripts/fuzz.sh date number
#   bash Scripts/fuzz.sh --reproduce record .build-fuzz/crashes/record/crash-…   # run one input
#
# The build uses the toolchain's own libFuzzer (`-sanitize=fuzzer`) in .build-fuzz, release mode;
# CONGKHAI_FUZZ=1 adds the `congkhai-fuzz` target (Fuzz/Targets) to Package.swift for it only.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-60}"
scratch="$root/.build-fuzz"
all_targets=(front-matter date number record import)

build() {
  echo "fuzz: building congkhai-fuzz with -sanitize=fuzzer in .build-fuzz …" >&2
  CONGKHAI_FUZZ=1 swift build --scratch-path "$scratch" -c release --product congkhai-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library >&2
  binary="$(CONGKHAI_FUZZ=1 swift build --scratch-path "$scratch" -c release --show-bin-path)/congkhai-fuzz"
}

# A crash must not hang in Swift's backtracer for minutes.
export SWIFT_BACKTRACE=enable=no

if [ "${1:-}" = "--reproduce" ]; then
  [ $# -eq 3 ] || { echo "usage: $0 --reproduce TARGET INPUT" >&2; exit 2; }
  build
  CONGKHAI_FUZZ_TARGET="$2" exec "$binary" "$3"
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [ -d "Fuzz/corpus/$target" ] || { echo "fuzz: no target “$target” (known: ${all_targets[*]})" >&2; exit 2; }
done
build

failed=()
for target in "${targets[@]}"; do
  work="$scratch/corpus/$target"
  crashes="$scratch/crashes/$target"
  mkdir -p "$work" "$crashes"
  echo "fuzz: $target for ${seconds} s" >&2
  if CONGKHAI_FUZZ_TARGET="$target" "$binary" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$crashes/" "$work" "Fuzz/corpus/$target" \
      > "$scratch/$target.log" 2>&1; then
    grep -E "^(stat::number_of_executed_runs|Done)" "$scratch/$target.log" | sed "s/^/fuzz: $target: /" >&2 || true
  else
    failed+=("$target")
    echo "fuzz: $target FAILED; the input is in $crashes/, the log in $scratch/$target.log:" >&2
    grep -E "property broken|ERROR: libFuzzer|Fatal error|SUMMARY|Test unit written" "$scratch/$target.log" | head -n 8 >&2 || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} target(s), ${seconds} s each, no crash" >&2
