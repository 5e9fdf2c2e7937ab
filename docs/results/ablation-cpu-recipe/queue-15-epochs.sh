#!/usr/bin/env bash
# Issue 22's ablation, second part: the study's 15 epochs without a setting, seed 1, one thread.
L=experiments/target/learnability/bin/learnability
export JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
base=(--dataset cifar10 --data-dir data/cifar10 --model resnet-peifer --train-size 45000 --val-size 5000 --seeds 1 --strategies mean-ratio:gamma=2 --mode posthoc --no-progress --batch-size 128 --max-weight-ratio 0)
run() { name=$1; shift; [ -f results/ablation/$name/runs.jsonl ] && grep -q uniform results/ablation/$name/runs.jsonl && return; echo "== $name $(date -Is) load $(cut -d' ' -f1 /proc/loadavg)"; /usr/bin/time -v $L run "${base[@]}" --out results/ablation/$name "$@" > results/ablation/$name.log 2>&1; echo "rc $? $(date -Is)"; grep -h 'test accuracy\|Elapsed' results/ablation/$name.log; }
sgd=(--optimizer nesterov --lr 0.1 --momentum 0.9 --weight-decay 0.0005 --schedule linear --warmup 0.15)
run a7-15-epochs-no-ls-no-ema "${sgd[@]}" --epochs 15 --augment --label-smoothing 0 --averaging none --test-time none --save-models baselines
run a8-15-epochs-no-augment "${sgd[@]}" --epochs 15 --no-augment --label-smoothing 0.1 --averaging ema --test-time flip
echo done
