#!/usr/bin/env bash
# The embedded grid against run, side by side in one sitting, on the same plan: 8 cnn-small models
# on Fashion-MNIST (4 seeds x the baseline and mean-ratio:gamma=2, two-stage, 2 epochs, TRAIN_SIZE
# training images: default 0, every image the 2,000 validation images leave). run trains them one
# after another with 2 engine threads; grid runs them as Spark tasks of one seed chain each,
# --threads-per-task 1, so 2 at once on 2 cores.
#
#   mvn -B -DskipTests package
#   bench/grid-vs-run.sh [OUT_DIR]        # default bench/results/grid-vs-run
#
# Writes OUT_DIR/{machine.txt,times.csv} and each command's log and results. The order of the two
# alternates with ROUND (grid first when odd) so that a drift of the machine shows.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/bench/results/grid-vs-run}"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
round="${ROUND:-1}"
train="${TRAIN_SIZE:-0}"
run_bin="$root/experiments/target/learnability/bin/learnability"
grid_bin="$root/cluster/target/learnability-cluster/bin/learnability"
for bin in "$run_bin" "$grid_bin"; do
    [[ -x $bin ]] || { echo "error: $bin is missing; build it: mvn -B -DskipTests package" >&2; exit 1; }
done
mkdir -p "$out"
{
    echo "date: $(date -u +%FT%TZ)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
    echo "cores: $(nproc)"
    echo "avx512: $(grep -m1 -o 'avx512[a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
    echo "flags: $(grep -m1 flags /proc/cpuinfo | grep -o -w -E 'avx2|avx512f|avx512bw|avx512_vnni|fma' | tr '\n' ' ')"
    echo "java: $(java -version 2>&1 | head -n 1)"
} >"$out/machine.txt"
plan=(--dataset fashion-mnist --data-dir "$data" --model cnn-small --epochs 2 --seeds 4
    --strategies mean-ratio:gamma=2 --mode two-stage --train-size "$train" --val-size 2000)
cat >"$out/grid.json" <<JSON
{
  "fixed": {"dataset": "fashion-mnist", "dataDir": "$data", "model": "cnn-small", "epochs": 2,
            "seeds": 4, "strategies": ["mean-ratio:gamma=2"], "mode": "two-stage",
            "trainSize": $train, "valSize": 2000}
}
JSON
timed() { # NAME COMMAND...: appends NAME,seconds to times.csv
    local name=$1 start end
    shift
    rm -rf "${out:?}/$name"
    start=$(date +%s.%N)
    "$@" >"$out/$name.log" 2>&1
    end=$(date +%s.%N)
    echo "$name,$round,$train,$(echo "$end - $start" | bc)" | tee -a "$out/times.csv"
}
[[ -f $out/times.csv ]] || echo "command,round,train_size,seconds" >"$out/times.csv"
run_cmd=("$run_bin" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 run "${plan[@]}" --no-progress
    --out "$out/run")
grid_cmd=("$grid_bin" -Dai.djl.offline=true grid --grid "$out/grid.json" --out "$out/grid"
    --threads-per-task 1)
if ((round % 2 == 1)); then
    timed grid "${grid_cmd[@]}"
    timed run "${run_cmd[@]}"
else
    timed run "${run_cmd[@]}"
    timed grid "${grid_cmd[@]}"
fi
