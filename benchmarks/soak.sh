#!/usr/bin/env bash
# The migration soak (issue 18): many random schema evolutions from fresh seeds on the embedded server.
#   benchmarks/soak.sh [MODEL_EVOLUTIONS] [SOURCE_EVOLUTIONS]      (defaults: 10000 and 1000)
# Model evolutions: EvolutionSoak in runtime (random schema pairs through the differ, Up, Down and a
# direct create, every failure recorded and the run continued; failing pairs are written to
# runtime/target/evolution-failures/). Source evolutions: SourceEvolutionTest in processor (random annotated
# sources through the processor's drafts). Each part prints its seed; set SOAK_SEED to reuse one.
# Exits non-zero when any evolution failed. Nothing is installed: the reactor builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

model="${1:-10000}"
source="${2:-1000}"
seed="${SOAK_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
log_dir="target/soak"
mkdir -p "$log_dir"
status=0
start=$(date +%s)

# soak_part NAME PASSED FAILED MODULE TEST -Dproperty=value…: runs one soak test class of MODULE with its output
# in $log_dir/NAME.log and prints "NAME: PASSED", or "NAME: FAILED (FAILED)" and returns 1 (status becomes 1).
soak_part() {
  local name="$1" passed="$2" failed="$3" module="$4" test="$5"
  shift 5
  if mvn -B -q -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
      > "$log_dir/$name.log" 2>&1; then
    echo "$name: $passed"
  else
    status=1
    echo "$name: FAILED ($failed)"
    return 1
  fi
}

echo "soak: $model model evolutions, $source source evolutions, seed $seed"
if [[ "$model" -gt 0 ]]; then
  soak_part model "passed" "see $log_dir/model.log and runtime/target/evolution-failures/" runtime EvolutionSoak \
      -Dsleet.soak.evolutions="$model" -Dsleet.soak.seed="$seed" || true
  grep -E '^soak: seed' "$log_dir/model.log" || true
fi
if [[ "$source" -gt 0 ]]; then
  soak_part source "passed ($source cases from seed $seed, plus the regression seeds)" \
      "see $log_dir/source.log; each failing case names its seed" processor SourceEvolutionTest \
      -Dsleet.sourceEvolution.cases="$source" -Dsleet.sourceEvolution.seed="$seed" \
    || grep -E 'seed [0-9]+.*(FAILURE|ERROR)|Tests run:' "$log_dir/source.log" | tail -5 || true
fi
echo "soak: $(( $(date +%s) - start )) s in total"
exit $status
