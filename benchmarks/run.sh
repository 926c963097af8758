#!/usr/bin/env bash
# Builds the modules and runs every benchmark (or the ones named: crud bulk scale migrate compile),
# writing docs/BENCHMARKS.md. The JVM is pinned to one CPU (BENCH_CPU, default 0) with taskset; the
# embedded PostgreSQL it starts inherits that affinity, so every client thread and every backend
# share the CPU. Extra flags: --quick (tiny sizes, to check the harness), --out FILE.
# Set SLEET_DATABASE_URL to measure against an existing server instead (not pinned by this script).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q install -DskipTests
fi

cpu="${BENCH_CPU:-0}"
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "$cpu")
else
  echo "taskset not found: running unpinned; the ratios will be noisy" >&2
fi

exec "${pin[@]}" java -Xms1g -Xmx4g -XX:+UseParallelGC \
  -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
  dev.sleet.bench.RunAll "$@"
