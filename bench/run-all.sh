#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md and appends one JSON line per run to a file:
#   cnn-small on Fashion-MNIST and resnet-peifer on CIFAR-10, batch 32, 128 and 512, each with
#   plain PyTorch (bench/pytorch_reference.py) as a user runs it, plain PyTorch with glibc's malloc
#   tuned as Learnability tunes it (MallocTuning), Learnability on DJL's PyTorch engine and on its
#   MXNet engine, one after the other; then 5 measured epochs per engine and model on a training
#   subset, for memory (peak RSS after epoch 1 vs epoch 5).
#
#   bench/run-all.sh [OUT.jsonl]          default: bench/results/<date>.jsonl
#
# Environment: THREADS (default 2), CIFAR_DIR (default /tmp/cifar-djl, DJL's layout or the official
# cifar-10-batches-bin folder), FASHION_DIR (default /usr/share/datasets/fashion-mnist), PYTHON
# (the interpreter of plain PyTorch: default the repository's .venv/bin/python, a current PyTorch
# CPU build as BENCHMARKS.md sets it up, if present, else /usr/bin/python3, Debian's python3-torch
# 1.13; every JSON line gives the version as engineVersion), PYTORCH_ARGS (more options of
# bench/pytorch_reference.py for both plain runners, e.g. "--channels-last --bf16"; give such a
# sweep a file of its own), DIST (the distribution, see
# bench/learnability.sh), ONLY (a regular expression over "model/batch/runner", e.g.
# ONLY='cnn-small/128/'), SCORE_BATCH (scoring batch size, default 128, the application's default
# too: the fastest on this machine's 512 KB caches for every engine and model), PARTS (default
# "throughput memory"), PRESET (quick, paper, cpu or fast: every runner trains and scores as that preset's
# baseline, --preset; default none, Adam 1e-3; give such a sweep a file of its own, since
# bench/summarize.py keys a line by model, batch and runner only).
# A combination run again (ONLY=..., PARTS=...) into the same file replaces the earlier line in the
# tables of bench/summarize.py.
# Each run starts once the machine is idle (under 0.2 cores busy over a second); every JSON line
# carries the load average at its start (about 2 from the run before it) and the cores the run kept
# busy (cpuCoresUsed: about 1.95 for PyTorch, 1.7 for MXNet; less means something else competed,
# and the run should be repeated). Takes about 25 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv/bin/python"
threads="${THREADS:-2}"
cifar="${CIFAR_DIR:-/tmp/cifar-djl}"
fashion="${FASHION_DIR:-/usr/share/datasets/fashion-mnist}"
python="${PYTHON:-$([[ -x $venv ]] && echo "$venv" || echo /usr/bin/python3)}"
read -r -a pytorch_args <<< "${PYTORCH_ARGS:-}"
only="${ONLY:-.}"
score_batch="${SCORE_BATCH:-128}"
parts="${PARTS:-throughput memory}"
preset="${PRESET:-}"
out="${1:-$here/results/$(date +%Y%m%d-%H%M%S).jsonl}"
mkdir -p "$(dirname "$out")"

# The same threads for every runner. MXNet reads these only from the environment; plain PyTorch's
# BLAS (OpenBLAS in Debian's 1.13, MKL in the current CPU build) has its own pool.
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
export MXNET_CPU_WORKER_NTHREADS=1

log() { echo "[$(date +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)] $*" >&2; }

busy_cores() { # CPU cores busy over one second, every process
    local a b
    read -r -a a < /proc/stat
    sleep 1
    read -r -a b < /proc/stat
    local busy=$(( (b[1] + b[2] + b[3] + b[6] + b[7]) - (a[1] + a[2] + a[3] + a[6] + a[7]) ))
    local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) ))
    echo $(( 100 * busy / (busy + idle > 0 ? busy + idle : 1) * $(nproc) ))
}

wait_idle() { # until the machine is idle (under 0.2 cores busy), at most 10 minutes
    local tries=0 busy
    while busy=$(busy_cores) && (( busy > 20 && tries < 600 )); do
        (( tries % 30 == 0 )) && log "waiting: $busy% of a core busy elsewhere"
        tries=$(( tries + 1 ))
    done
}

run() { # runner model dataset dir args...
    local runner="$1" model="$2" dataset="$3" dir="$4"
    shift 4
    local key="$model/$(sed -n 's/.*--batch-size \([0-9]*\).*/\1/p' <<< "$*")/$runner"
    [[ "$key" =~ $only ]] || return 0
    wait_idle
    log "$key $*"
    local common=(--model "$model" --dataset "$dataset" --data-dir "$dir" --score-batch-size "$score_batch" --format json
                  ${preset:+--preset "$preset"} "$@")
    # Intra-op threads alike; inter-op: PyTorch's pool (both runners), MXNet's one worker thread.
    case "$runner" in
        plain-pytorch) "$python" "$here/pytorch_reference.py" "${common[@]}" --threads "$threads" --interop-threads "$threads" \
            ${pytorch_args[@]+"${pytorch_args[@]}"} ;;
        # The same, with glibc's malloc tuned as Learnability's MallocTuning tunes it inside the JVM.
        plain-pytorch-malloc) MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 \
            MALLOC_TOP_PAD_=268435456 "$python" "$here/pytorch_reference.py" "${common[@]}" \
            --threads "$threads" --interop-threads "$threads" ${pytorch_args[@]+"${pytorch_args[@]}"} ;;
        djl-pytorch) "$here/learnability.sh" -Dai.djl.default_engine=PyTorch bench "${common[@]}" \
            --threads "$threads" --interop-threads "$threads" ;;
        djl-mxnet) "$here/learnability.sh" -Dai.djl.default_engine=MXNet bench "${common[@]}" --threads "$threads" ;;
    esac >> "$out"
}

# Throughput: about 20,480 measured images for cnn-small, 7,680 for resnet-peifer, in 5 chunks,
# after about 2,560 warm-up images (at least 5 batches).
for spec in "cnn-small fashion-mnist $fashion 20480" "resnet-peifer cifar10 $cifar 7680"; do
    [[ " $parts " == *" throughput "* ]] || break
    read -r model dataset dir images <<< "$spec"
    for batch in 32 128 512; do
        batches=$(( images / batch ))
        warmup=$(( 2560 / batch > 5 ? 2560 / batch : 5 ))
        for runner in plain-pytorch plain-pytorch-malloc djl-pytorch djl-mxnet; do
            run "$runner" "$model" "$dataset" "$dir" --batch-size "$batch" --warmup-batches "$warmup" \
                --batches "$batches" --chunks 5
        done
    done
done

# Memory and data share over whole epochs: 5 epochs of a stratified training subset.
for spec in "cnn-small fashion-mnist $fashion 10000" "resnet-peifer cifar10 $cifar 4000"; do
    [[ " $parts " == *" memory "* ]] || break
    read -r model dataset dir size <<< "$spec"
    for runner in plain-pytorch djl-pytorch djl-mxnet; do
        run "$runner" "$model" "$dataset" "$dir" --batch-size 128 --warmup-batches 20 --epochs 5 --train-size "$size"
    done
done
log "plain PyTorch: $("$python" -c 'import torch; print(torch.__version__)') ($python)"
log "done: $out"
"$python" "$here/summarize.py" "$out"
