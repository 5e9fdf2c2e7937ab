#!/usr/bin/env bash
# The matrix-multiply rate through DJL's PyTorch engine (libtorch 2.7.1 in DJL 0.36), as
# bench/matmul_rate.py measures it through a Python PyTorch: one JSON line per data type, each type
# in a JVM of its own (a BFLOAT16 array ends DJL's JVM; then the line says so).
#
#   bench/djl-matmul-rate.sh [TYPES] [SIZE] [SECONDS]     default: "float32 float16 bfloat16" 2048 5
#
# Environment: THREADS (default 2), DIST (the distribution, see bench/learnability.sh).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="${DIST:-$root/experiments/target/learnability}"
threads="${THREADS:-2}"
types="${1:-float32 float16 bfloat16}"
size="${2:-2048}"
seconds="${3:-5}"
if [[ ! -d "$dist/lib" ]]; then
    echo "error: $dist/lib is missing; build it first: mvn -B -DskipTests package" >&2
    exit 1
fi
export OMP_NUM_THREADS="$threads"
for type in $types; do
    java -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch -Dai.djl.pytorch.num_threads="$threads" \
        -Dai.djl.pytorch.num_interop_threads="$threads" -cp "$dist/lib/*" \
        org.learnability.experiments.bench.MatmulRate "$type" "$size" "$seconds"
    rc=$?
    if (( rc != 0 )); then
        printf '{"runner": "djl", "engine": "PyTorch", "kernel": "matmul %sx%s", "dtype": "%s", "error": "the JVM ended (exit code %s)"}\n' \
            "$size" "$size" "$type" "$rc"
    fi
done
