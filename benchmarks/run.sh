#!/usr/bin/env bash
# Builds the modules and runs every benchmark (or the ones named: crud bulk scale migrate import compile lint fleet),
# writing docs/BENCHMARKS.md. The JVM is pinned to one CPU (BENCH_CPU, default 0) with taskset; the
# embedded PostgreSQL it starts inherits that affinity, so every client thread and every backend
# share the CPU. Extra flags: --quick (tiny sizes, to check the harness), --out FILE.
# Set SLEET_DATABASE_URL to measure against an existing server instead (not pinned by this script).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q install -DskipTests
fi

# Run on private copies of Sleet's own jars and classes, so that an `mvn install` of a sibling module
# during the run cannot swap a jar under the JVM (classes load lazily; a half-written jar fails them).
# private_classpath CLASSPATH_FILE CLASSES_DIR COPY_DIR prints the classpath to use.
private_classpath() {
  local file="$1" classes="$2" dir="$3" cp="" entry
  rm -rf "$dir" && mkdir -p "$dir/classes"
  IFS=':' read -r -a entries < "$file"
  for entry in "${entries[@]}"; do
    case "$entry" in
      */dev/sleet/*) cp "$entry" "$dir/" && entry="$dir/$(basename "$entry")" ;;
    esac
    cp="${cp:+$cp:}$entry"
  done
  cp -r "$classes/." "$dir/classes/"
  echo "$cp:$dir/classes"
}
classpath="$(private_classpath benchmarks/target/classpath.txt benchmarks/target/classes benchmarks/target/bench-lib)"

cpu="${BENCH_CPU:-0}"
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "$cpu")
else
  echo "taskset not found: running unpinned; the ratios will be noisy" >&2
fi

# Figure 4 of the report: the sample app's own scale check (it seeds, then grows to 100,000 bookings and
# prints plans and latencies), run pinned the same way; RunAll copies its output into the report.
sample_out=benchmarks/target/sample-scale.txt
sample_args=()
if [[ "${BENCH_SAMPLE:-1}" == "1" && -d sample-app/target/classes ]] && [[ " $* " != *" --quick "* ]]; then
  mvn -B -q -o -pl sample-app dependency:build-classpath -Dmdep.outputFile="$PWD/benchmarks/target/sample-classpath.txt" -Dmdep.includeScope=runtime >/dev/null
  echo "== sample app --scale 100000" >&2
  sample_cp="$(private_classpath benchmarks/target/sample-classpath.txt sample-app/target/classes benchmarks/target/sample-lib)"
  if "${pin[@]}" java -cp "$sample_cp" \
      dev.sleet.sample.SampleApp --scale 100000 >"$sample_out" 2>&1; then
    sample_args=(--sample-output "$sample_out")
  else
    echo "sample app failed (see $sample_out); the report leaves it out" >&2
  fi
fi

exec "${pin[@]}" java -Xms1g -Xmx4g -XX:+UseParallelGC \
  -cp "$classpath" \
  dev.sleet.bench.RunAll "${sample_args[@]}" "$@"
