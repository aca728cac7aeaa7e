#!/usr/bin/env bash
# `make benchmark`: runs every tests/benchmarks/bench_*.py against a kept benchmark site ($MQ_BENCH_SITE).
# Benchmarks print their figures; they are not tests and never fail on speed. MQ_BENCHMARK=load runs only
# tests/benchmarks/bench_load.py (Locust against the production server on the demo site, docs/production.md).
source "$(dirname "$0")/lib.sh"
: "${MQ_BENCH_SITE:=bench.mehrwert.localhost}"
shopt -s nullglob
scripts=(tests/benchmarks/bench_${MQ_BENCHMARK:-*}.py)
if [ ${#scripts[@]} -eq 0 ]; then
	log "no benchmarks in tests/benchmarks yet"
	exit 0
fi
for script in "${scripts[@]}"; do
	log "benchmark: $script"
	if [ "$script" = tests/benchmarks/bench_load.py ]; then
		# the load runs against the demo site (make run's, with the demo users) under the production server
		scripts/run.sh prepare
		MQ_LOAD_SITE="${MQ_LOAD_SITE:-$MQ_SITE}" MQ_LOAD_PORT="${MQ_LOAD_PORT:-$((MQ_HTTP_PORT + 2))}" \
			env/bin/python "$script"
		continue
	fi
	scripts/site.sh create "$MQ_BENCH_SITE"
	MQ_BENCH_SITE="$MQ_BENCH_SITE" env/bin/python "$script"
done
