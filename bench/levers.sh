#!/usr/bin/env bash
# Side by side, alternating: the levers of issue 31 (channels-last memory format, bfloat16 compute
# with FP32 master weights) for resnet-peifer on CIFAR-10 with the cpu preset's recipe, batch 128,
# through plain PyTorch (bench/pytorch_reference.py, --channels-last, --bf16) and through DJL's
# PyTorch engine (and MXNet's, variants mxnet and mxnet-nhwc): its own resnet-peifer,
# resnet-peifer-nhwc (the input made channels-last by NDArray operations in every forward, the
# fast preset's model) and the TorchScript files of bench/torchscript_export.py
# trained by learnability bench (TorchScriptBench). Appends one JSON line per run to a file, each
# with its "variant"; bench/levers_summary.py makes the table.
#
#   bench/levers.sh [OUT.jsonl]          default: bench/results/levers-<date>.jsonl
#
# Environment: PRESET (whose recipe every variant trains and scores with, default cpu), VARIANTS
# (the variants of a round, space-separated, default all in the order below), PYTHON (default
# .venv/bin/python, else /usr/bin/python3), DEBIAN_PYTHON (variant
# debian-fp32, default /usr/bin/python3: Debian's PyTorch 1.13), TS_DIR (where the TorchScript
# files are; written there first if missing, by PYTHON), TS_TORCH (the PyTorch version in their
# names, default PYTHON's; libtorch 2.7.1 reads files of 1.13 and 2.13 alike), CIFAR_DIR (default
# /tmp/cifar-djl; a folder with fewer test records scores faster), THREADS (default 2), REPEAT
# (rounds over all variants, default 2), WARMUP (batches, default 10), BATCHES (measured, default
# 40, in CHUNKS, default 4), ONLY (a regular expression over the variant names), DIST. The bfloat16
# variants, several times slower on a CPU without bf16 instructions (AVX2 only), run in the first
# round only (BF16_ALL_ROUNDS=1: in every round), with BF16_WARMUP (default 2) and BF16_BATCHES
# (default 6, in 2 chunks) and their own BF16_CIFAR_DIR (default CIFAR_DIR; a folder with a few
# hundred test records keeps their scoring short).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
python="${PYTHON:-$([[ -x $root/.venv/bin/python ]] && echo "$root/.venv/bin/python" || echo /usr/bin/python3)}"
dist="${DIST:-$root/experiments/target/learnability}"
cifar="${CIFAR_DIR:-/tmp/cifar-djl}"
threads="${THREADS:-2}"
repeat="${REPEAT:-2}"
only="${ONLY:-.}"
ts="${TS_DIR:-/tmp/learnability-torchscript}"
out="${1:-$here/results/levers-$(date +%Y%m%d-%H%M%S).jsonl}"
mkdir -p "$(dirname "$out")"
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
export MXNET_CPU_WORKER_NTHREADS="$threads" # MXNet's engine threads, read when it loads
export TORCH_CPP_LOG_LEVEL="${TORCH_CPP_LOG_LEVEL:-ERROR}"

fp32=(--data-dir "$cifar" --warmup-batches "${WARMUP:-10}" --batches "${BATCHES:-40}" --chunks "${CHUNKS:-4}")
bf16=(--data-dir "${BF16_CIFAR_DIR:-$cifar}" --warmup-batches "${BF16_WARMUP:-2}" --batches "${BF16_BATCHES:-6}" --chunks 2)
version="${TS_TORCH:-$("$python" -c 'import torch; print(torch.__version__.split("+")[0])')}"
if ! ls "$ts"/resnet-peifer-*-torch"$version".pt > /dev/null 2>&1; then
    "$python" "$here/torchscript_export.py" --model resnet-peifer --out "$ts" >&2 || exit 1
fi

log() { echo "[$(date +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)] $*" >&2; }

label() { # variant: adds "variant" and the CPU's model name to each JSON line
    "$python" -c '
import json, sys
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
for line in sys.stdin:
    if line.startswith("{"):
        r = json.loads(line)
        print(json.dumps(dict(variant=sys.argv[1], cpuModel=cpu, **r)), flush=True)
' "$1"
}

djl() { # main class, arguments; ENGINE (default PyTorch)
    java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.default_engine="${ENGINE:-PyTorch}" -cp "$dist/lib/*" "$@"
}

run() { # variant round
    local variant="$1" round="$2"
    [[ "$variant" =~ $only ]] || return 0
    local common=(--dataset cifar10 --preset "${PRESET:-cpu}" --batch-size 128 --threads "$threads" --interop-threads "$threads"
                  --score-batch-size 128 --format json)
    if [[ "$variant" == *bf16* ]]; then
        [[ $round == 1 || -n "${BF16_ALL_ROUNDS:-}" ]] || return 0
        common+=("${bf16[@]}")
    else
        common+=("${fp32[@]}")
    fi
    log "$variant"
    case "$variant" in
        debian-fp32) "${DEBIAN_PYTHON:-/usr/bin/python3}" "$here/pytorch_reference.py" --model resnet-peifer "${common[@]}" ;;
        plain-fp32) "$python" "$here/pytorch_reference.py" --model resnet-peifer "${common[@]}" ;;
        plain-cl) "$python" "$here/pytorch_reference.py" --model resnet-peifer "${common[@]}" --channels-last ;;
        plain-bf16) "$python" "$here/pytorch_reference.py" --model resnet-peifer "${common[@]}" --bf16 ;;
        plain-bf16-cl) "$python" "$here/pytorch_reference.py" --model resnet-peifer "${common[@]}" --bf16 --channels-last ;;
        djl) djl org.learnability.experiments.cli.Main bench --model resnet-peifer "${common[@]}" ;;
        djl-nhwc) djl org.learnability.experiments.cli.Main bench --model resnet-peifer-nhwc "${common[@]}" ;;
        mxnet) ENGINE=MXNet djl org.learnability.experiments.cli.Main bench --model resnet-peifer "${common[@]}" ;;
        mxnet-nhwc) ENGINE=MXNet djl org.learnability.experiments.cli.Main bench --model resnet-peifer-nhwc "${common[@]}" ;;
        djl-ts-*) djl org.learnability.experiments.bench.TorchScriptBench \
            --torchscript "$ts/resnet-peifer-${variant#djl-ts-}-torch$version.pt" bench --model torchscript "${common[@]}" ;;
    esac | label "$variant" >> "$out"
}

for round in $(seq "$repeat"); do
    for variant in ${VARIANTS:-djl plain-fp32 debian-fp32 djl-ts-fp32 djl-nhwc djl-ts-cl plain-cl mxnet mxnet-nhwc djl-ts-bf16 plain-bf16 djl-ts-bf16-cl plain-bf16-cl}; do
        run "$variant" "$round"
    done
done
log "done: $out"
"$python" "$here/levers_summary.py" "$out"
