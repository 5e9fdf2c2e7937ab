#!/usr/bin/env python3
"""The table of bench/levers.sh: training images/s per variant, the median over its runs, as a
ratio to DJL's own resnet-peifer and to plain PyTorch FP32 run in the same sitting, the FLOPs it
reaches (the plain runs' count of a training image, FlopCounterMode) and their share of the FP32
matrix-multiply rate given by --ceiling (bench/matmul_rate.py, bench/djl-matmul-rate.sh). With
other work on the machine, a run's cores used (cpuCoresUsed, 2 when it had both) tell how much
of the machine it got; images/s per core used is the rougher, fairer figure then.

    bench/levers_summary.py bench/results/levers-<date>.jsonl [--ceiling GFLOPS]

Plain Python 3, no torch needed.
"""

import argparse
import json
import statistics


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("path")
    p.add_argument("--ceiling", type=float, help="the FP32 matrix-multiply rate, GFLOP/s")
    a = p.parse_args()
    with open(a.path) as f:
        rows = [json.loads(line) for line in f if line.startswith("{")]
    runs = {}
    for r in rows:
        runs.setdefault(r["variant"], []).append(r)
    flops = next((r["trainFlopsPerImage"] for r in rows if r.get("trainFlopsPerImage")), None)
    speed = {v: statistics.median(r["trainImagesPerSecondMedian"] for r in rs) for v, rs in runs.items()}
    cpu = sorted({r.get("cpuModel", "?") for r in rows})
    versions = sorted({"%s %s" % (r["engine"], r["engineVersion"]) for r in rows})
    print("CPU %s; %s; FLOPs per training image %s\n" % (
        ", ".join(cpu), ", ".join(versions), "not counted" if flops is None else format(flops, ",")))
    print("| variant | runs | images/s (median) | per run | vs djl | vs plain-fp32 | GFLOP/s | share of ceiling "
          "| cores used | per core used | load avg | test accuracy |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---|---|---|---|")
    for v, rs in runs.items():
        s = speed[v]
        gflops = None if flops is None else flops * s / 1e9
        print("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            v, len(rs), format(round(s), ","),
            ", ".join(format(round(r["trainImagesPerSecondMedian"]), ",") for r in rs),
            ratio(s, speed.get("djl")), ratio(s, speed.get("plain-fp32")),
            "" if gflops is None else "%.1f" % gflops,
            "" if gflops is None or not a.ceiling else "%.0f%%" % (100 * gflops / a.ceiling),
            ", ".join("%.2f" % r["cpuCoresUsed"] for r in rs),
            ", ".join(format(round(r["trainImagesPerSecondMedian"] / r["cpuCoresUsed"]), ",") for r in rs),
            ", ".join("%.1f" % r["loadAverage"] for r in rs),
            ", ".join("%.4f" % r["testAccuracy"] for r in rs)))


def ratio(value, base):
    return "%.2fx" % (value / base) if base else ""


if __name__ == "__main__":
    main()
