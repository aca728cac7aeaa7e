#!/usr/bin/env bash
# `make benchmark`: runs every tests/benchmarks/bench_*.py against a kept benchmark site ($MQ_BENCH_SITE).
# Benchmarks print their figures; they are not tests and never fail on speed.
source "$(dirname "$0")/lib.sh"
: "${MQ_BENCH_SITE:=bench.mehrwert.localhost}"
shopt -s nullglob
scripts=(tests/benchmarks/bench_*.py)
if [ ${#scripts[@]} -eq 0 ]; then
	log "no benchmarks in tests/benchmarks yet"
	exit 0
fi
scripts/site.sh create "$MQ_BENCH_SITE"
for script in "${scripts[@]}"; do
	log "benchmark: $script"
	MQ_BENCH_SITE="$MQ_BENCH_SITE" env/bin/python "$script"
done
