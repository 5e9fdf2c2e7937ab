#!/usr/bin/env bash
# Runs the learnability command line in a JVM of its own (not Maven's), so that the benchmark's
# memory and thread figures are the command's alone:
#
#   bench/learnability.sh bench --model cnn-small --batch-size 128 --threads 2
#   OMP_NUM_THREADS=2 bench/learnability.sh -Dai.djl.default_engine=MXNet bench --threads 2
#
# Arguments starting with -D or -X before the command go to the JVM. Build first:
# mvn -q -B install -DskipTests. BUILD_DIR (default experiments/target) is the experiments
# module's build directory; the runtime class path is written there once by Maven.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/experiments/target}"
classpath_file="$build/bench-classpath.txt"
if [[ ! -d "$build/classes" ]]; then
    echo "error: $build/classes is missing; build first: mvn -q -B install -DskipTests" >&2
    exit 1
fi
if [[ ! -s "$classpath_file" ]]; then
    (cd "$root" && mvn -q -B -o -pl experiments "-Dlearnability.buildDir=$build" dependency:build-classpath \
        "-Dmdep.outputFile=$classpath_file" -Dmdep.includeScope=runtime) >&2
fi
jvm=(-Dai.djl.offline=true -Djava.awt.headless=true)
while [[ $# -gt 0 && ( "$1" == -D* || "$1" == -X* ) ]]; do
    jvm+=("$1")
    shift
done
exec java "${jvm[@]}" -cp "$build/classes:$(cat "$classpath_file")" org.learnability.experiments.cli.Main "$@"
