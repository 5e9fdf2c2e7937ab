#!/usr/bin/env python3
"""Turns the JSON lines of bench/run-all.sh into the Markdown tables of BENCHMARKS.md.

    bench/summarize.py bench/results/<date>.jsonl

Plain Python 3, no torch needed. A runner is "plain PyTorch" (bench/pytorch_reference.py) or
"DJL <engine>" (learnability bench). Throughput rows come from the runs measured in chunks of
batches; memory rows from the runs measured in whole epochs. If a combination was run more than
once, the last run counts.
"""

import json
import sys

RUNNERS = ["plain PyTorch", "DJL PyTorch", "DJL MXNet"]


def runner(r):
    return "plain PyTorch" if r["runner"] == "plain-pytorch" else "DJL " + r["engine"]


def n(v):
    return format(round(v), ",")


def pct(v):
    return "%.2f%%" % (100 * v)


def main(path):
    with open(path) as f:
        rows = [json.loads(line) for line in f if line.strip().startswith("{")]
    chunks = {}
    epochs = {}
    for r in rows:
        key = (r["model"], r["batchSize"], runner(r))
        (chunks if r["roundKind"] == "chunk" else epochs)[key] = r
    models = sorted({k[0] for k in chunks} | {k[0] for k in epochs}, key=lambda m: (m != "cnn-small", m))

    print("### Training throughput (images/s, median of 5 chunks; min-max)\n")
    print("| model (data) | batch | plain PyTorch | DJL PyTorch | ratio | DJL MXNet | ratio | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for model in models:
        for batch in sorted({k[1] for k in chunks if k[0] == model}):
            got = {name: chunks.get((model, batch, name)) for name in RUNNERS}
            base = got["plain PyTorch"]
            cells = []
            for name in RUNNERS:
                r = got[name]
                if r is None:
                    cells.append("-")
                    if name != "plain PyTorch":
                        cells.append("-")
                    continue
                cells.append("%s (%s-%s)" % (n(r["trainImagesPerSecondMedian"]), n(r["trainImagesPerSecondMin"]),
                                             n(r["trainImagesPerSecondMax"])))
                if name != "plain PyTorch":
                    cells.append("**%.2fx**" % (r["trainImagesPerSecondMedian"] / base["trainImagesPerSecondMedian"])
                                 if base else "-")
            loads = "/".join("%.2f" % got[name]["loadAverage"] for name in RUNNERS if got[name])
            data = next(r["dataset"] for r in got.values() if r)
            print("| %s (%s) | %d | %s | %s |" % (model, data, batch, " | ".join(cells), loads))

    print("\n### Data share, scoring, CPU (same runs)\n")
    print("| model | batch | runner | data + batching share | scoring images/s | scoring / training | "
          "cores busy | test accuracy |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for model in models:
        for batch in sorted({k[1] for k in chunks if k[0] == model}):
            for name in RUNNERS:
                r = chunks.get((model, batch, name))
                if r:
                    print("| %s | %d | %s | %s | %s | %.2fx | %.2f | %.4f |" % (
                        model, batch, name, pct(r["dataShare"]), n(r["scoreImagesPerSecond"]),
                        r["scoreToTrainRatio"], r["cpuCoresUsed"], r["testAccuracy"]))

    if epochs:
        print("\n### Whole epochs: memory and data share (batch 128)\n")
        print("| model | runner | training images | epochs | images/s median (min-max) | data share | "
              "peak RSS after epoch 1 | after last | growth | RSS after 1 -> last |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for (model, batch, name), r in sorted(epochs.items(), key=lambda kv: (kv[0][0] != "cnn-small", kv[0][0],
                                                                            RUNNERS.index(kv[0][2]))):
            print("| %s | %s | %s | %d | %s (%s-%s) | %s | %s MiB | %s MiB | %+.1f%% | %s -> %s MiB |" % (
                model, name, n(r["trainImages"]), r["rounds"], n(r["trainImagesPerSecondMedian"]),
                n(r["trainImagesPerSecondMin"]), n(r["trainImagesPerSecondMax"]), pct(r["dataShare"]),
                n(r["peakRssMiBAfterFirst"]), n(r["peakRssMiBAfterLast"]), 100 * r["peakRssGrowth"],
                n(r["rssMiBAfterFirst"]), n(r["rssMiBAfterLast"])))

    first = rows[0] if rows else {}
    versions = sorted({"%s %s (%s)" % (runner(r), r["engineVersion"], r["runtime"]) for r in rows})
    threads = sorted({"%s: %d intra-op, %d inter-op (%s)" % (runner(r), r["threads"], r["interopThreads"],
                                                              r["threadsSource"]) for r in rows})
    print("\nVersions: " + "; ".join(versions) + ".")
    print("\nThreads: " + "; ".join(threads) + ".")
    if first:
        print("\nLoad average at the start of each run: %.2f to %.2f." % (
            min(r["loadAverage"] for r in rows), max(r["loadAverage"] for r in rows)))


if __name__ == "__main__":
    main(sys.argv[1])
