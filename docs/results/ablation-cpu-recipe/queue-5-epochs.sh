#!/usr/bin/env bash
# Issue 22's ablation of the CPU recipe: one change added per line, 5 epochs, seed 1, the full
# 45,000/5,000 split, one engine thread (the other core trains the study's grid).
L=experiments/target/learnability/bin/learnability
export JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
base=(--dataset cifar10 --data-dir data/cifar10 --model resnet-peifer --train-size 45000 --val-size 5000 --seeds 1 --strategies mean-ratio:gamma=2 --mode posthoc --no-progress --batch-size 128 --max-weight-ratio 0)
run() { name=$1; shift; [ -f results/ablation/$name/runs.jsonl ] && grep -q uniform results/ablation/$name/runs.jsonl && return; echo "== $name $(date -Is) load $(cut -d' ' -f1 /proc/loadavg)"; /usr/bin/time -v $L run "${base[@]}" --out results/ablation/$name "$@" > results/ablation/$name.log 2>&1; echo "rc $? $(date -Is)"; grep -h 'test accuracy\|Elapsed' results/ablation/$name.log; }
adam=(--optimizer adam --lr 0.001 --momentum 0.9 --weight-decay 0 --schedule constant --warmup 0)
sgd=(--optimizer nesterov --lr 0.1 --momentum 0.9 --weight-decay 0.0005 --schedule linear --warmup 0.15)
run a0-adam-constant "${adam[@]}" --epochs 5 --no-augment --label-smoothing 0 --averaging none --test-time none
run a1-augment "${adam[@]}" --epochs 5 --augment --label-smoothing 0 --averaging none --test-time none
run a2-nesterov-onecycle "${sgd[@]}" --epochs 5 --augment --label-smoothing 0 --averaging none --test-time none
run a3-label-smoothing "${sgd[@]}" --epochs 5 --augment --label-smoothing 0.1 --averaging none --test-time none
run a4-ema "${sgd[@]}" --epochs 5 --augment --label-smoothing 0.1 --averaging ema --test-time none --save-models baselines
run a6-recipe-10-epochs "${sgd[@]}" --epochs 10 --augment --label-smoothing 0.1 --averaging ema --test-time flip --save-models baselines
echo done
