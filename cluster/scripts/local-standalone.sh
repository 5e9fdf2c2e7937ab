#!/usr/bin/env bash
# A real Spark standalone cluster on this machine: a master and one worker on 127.0.0.1, started
# from the Spark jars of the cluster distribution (the Maven jars, laid out as SPARK_HOME), a small
# real grid submitted to it through spark-submit's own class with the jar `mvn package` builds for
# spark-submit, its report checked, and both stopped, whatever happens.
#
#   mvn -B package -DskipTests                   # once: builds cluster/target/...
#   cluster/scripts/local-standalone.sh [WORK_DIR]
#
# Environment: FASHION_MNIST_DIR (default /usr/share/datasets/fashion-mnist, the Debian package
# dataset-fashion-mnist), SPARK_MASTER_PORT (7077), SPARK_WORKER_CORES (all), EPOCHS (1),
# SEEDS (2). Exits non-zero, naming the step, when anything fails.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
dist="$here/target/learnability-cluster"
app_jar="$(ls "$here"/target/learnability-cluster-*-spark.jar 2>/dev/null | head -n 1 || true)"
work="$(mkdir -p "${1:-$here/target/local-standalone}" && cd "${1:-$here/target/local-standalone}" && pwd -P)"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
port="${SPARK_MASTER_PORT:-7077}"
cores="${SPARK_WORKER_CORES:-$(nproc)}"
epochs="${EPOCHS:-1}"
seeds="${SEEDS:-2}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

fail() {
    echo "error: $*" >&2
    exit 1
}
[[ -d $dist/spark/jars && -n $app_jar ]] \
    || fail "$dist or the -spark.jar is missing; build it first: mvn -B package -DskipTests"
[[ -f $data/train-images-idx3-ubyte.gz || -f $data/train-images-idx3-ubyte ]] \
    || fail "$data has no Fashion-MNIST; apt-get install -y dataset-fashion-mnist or set FASHION_MNIST_DIR"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port on 127.0.0.1 is taken; set SPARK_MASTER_PORT to a free one"
fi

# Spark's own processes: SPARK_HOME is the distribution's spark/ (spark/jars holds Spark 4 and its
# dependencies); Java 17 must open some modules to Spark, as bin/spark-class would do.
export SPARK_HOME="$dist/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
opens=(-XX:+IgnoreUnrecognizedVMOptions
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)
spark_class() {
    "$java" -Xmx512m "${opens[@]}" -cp "$SPARK_HOME/jars/*" "$@"
}
# daemon LOG CLASS ARGS...: starts one of Spark's processes in the background, remembered in pids
daemon() {
    local log=$1
    shift
    "$java" -Xmx512m "${opens[@]}" -cp "$SPARK_HOME/jars/*" "$@" >"$log" 2>&1 &
    pids+=($!)
}

pids=()
stop() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    [[ ${#pids[@]} -eq 0 ]] || echo "stopped the master and the worker"
}
trap stop EXIT

# wait_for LOG PATTERN WHAT: waits up to a minute for a line of a process's log
wait_for() {
    for _ in $(seq 600); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    fail "$3 did not start within a minute; see $1"
}

rm -rf "$work/out" "$work/worker"
mkdir -p "$work/worker"
master="spark://127.0.0.1:$port"
daemon "$work/master.log" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
    --webui-port 0
wait_for "$work/master.log" "I have been elected leader" "the Spark master"
echo "master: $master (log $work/master.log)"
daemon "$work/worker.log" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
    --cores "$cores" --memory 6g --webui-port 0 --work-dir "$work/worker" "$master"
wait_for "$work/worker.log" "Successfully registered with master" "the Spark worker"
echo "worker: $cores cores registered (log $work/worker.log)"

cat >"$work/grid.json" <<JSON
{
  "fixed": {"dataset": "fashion-mnist", "dataDir": "$data", "model": "cnn-small",
            "epochs": $epochs, "seeds": $seeds, "mode": "two-stage"},
  "vary": {"strategies": [["mean-ratio:gamma=2"], ["difficulty"]]}
}
JSON
echo "submitting $app_jar"
# spark-submit's class runs the driver in this JVM (client mode): its options go on this command
# line; Learnability's log configuration keeps Spark's INFO lines out, as bin/learnability does
spark_class -Xmx2g -Dai.djl.offline=true \
    -Dlog4j2.configurationFile="$here/src/main/resources/log4j2.properties" \
    org.apache.spark.deploy.SparkSubmit --master "$master" \
    --class org.learnability.cluster.GridMain \
    --conf spark.executor.cores=1 --conf spark.executor.memory=2g \
    --conf "spark.executor.extraJavaOptions=-Dai.djl.offline=true" \
    "$app_jar" grid --grid "$work/grid.json" --out "$work/out" --threads-per-task 1

# The check: each experiment has every model once (baseline + strategy per seed) and a report
for experiment in "$work"/out/*/; do
    models=$(wc -l <"$experiment/runs.jsonl")
    [[ $models -eq $((2 * seeds)) ]] \
        || fail "$experiment/runs.jsonl has $models models; expected $((2 * seeds))"
    [[ -s $experiment/report.md ]] || fail "$experiment has no report.md"
done
[[ -s $work/out/report.md ]] || fail "the grid's report $work/out/report.md is missing"
echo "checked: $(cat "$work"/out/*/runs.jsonl | wc -l) models, one report per experiment and $work/out/report.md"
