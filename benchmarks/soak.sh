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

echo "soak: $model model evolutions, $source source evolutions, seed $seed"
if [[ "$model" -gt 0 ]]; then
  if mvn -B -q -pl runtime -am test -Dtest=EvolutionSoak -Dsurefire.failIfNoSpecifiedTests=false \
      -Dsleet.soak.evolutions="$model" -Dsleet.soak.seed="$seed" > "$log_dir/model.log" 2>&1; then
    echo "model: passed"
  else
    status=1
    echo "model: FAILED (see $log_dir/model.log and runtime/target/evolution-failures/)"
  fi
  grep -E '^soak: seed' "$log_dir/model.log" || true
fi
if [[ "$source" -gt 0 ]]; then
  if mvn -B -q -pl processor -am test -Dtest=SourceEvolutionTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dsleet.sourceEvolution.cases="$source" -Dsleet.sourceEvolution.seed="$seed" > "$log_dir/source.log" 2>&1; then
    echo "source: passed ($source cases from seed $seed, plus the regression seeds)"
  else
    status=1
    echo "source: FAILED (see $log_dir/source.log; each failing case names its seed)"
    grep -E 'seed [0-9]+.*(FAILURE|ERROR)|Tests run:' "$log_dir/source.log" | tail -5 || true
  fi
fi
echo "soak: $(( $(date +%s) - start )) s in total"
exit $status
