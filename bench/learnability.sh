#!/usr/bin/env bash
# Runs the learnability command line from its distribution (experiments/target/learnability), in a
# JVM of its own (not Maven's), so that the benchmark's memory and thread figures are the
# command's alone:
#
#   bench/learnability.sh bench --model cnn-small --batch-size 128 --threads 2
#   OMP_NUM_THREADS=2 bench/learnability.sh -Dai.djl.default_engine=MXNet bench --threads 2
#
# Arguments starting with -D or -X before the command go to the JVM. Build first, once:
# mvn -B -DskipTests package. DIST (default experiments/target/learnability) is the distribution.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="${DIST:-$root/experiments/target/learnability}"
if [[ ! -x "$dist/bin/learnability" ]]; then
    echo "error: $dist/bin/learnability is missing; build it first: mvn -B -DskipTests package" >&2
    exit 1
fi
exec "$dist/bin/learnability" -Dai.djl.offline=true "$@"
