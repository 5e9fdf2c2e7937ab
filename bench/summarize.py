#!/usr/bin/env python3
"""Turns the JSON lines of bench/run-all.sh into the Markdown tables of BENCHMARKS.md.

    bench/summarize.py bench/results/<date>.jsonl

Plain Python 3, no torch needed. A runner is "plain PyTorch" (bench/pytorch_reference.py with
glibc's malloc as it comes), "plain PyTorch, tuned malloc" (the same with the MALLOC_* environment
that matches Learnability's MallocTuning) or "DJL <engine>" (learnability bench). Throughput rows come from the runs measured in chunks of
batches; memory rows from the runs measured in whole epochs. If a combination was run more than
once, the last run counts.
"""

import json
import sys

PLAIN = "plain PyTorch"
PLAIN_TUNED = "plain PyTorch, tuned malloc"
RUNNERS = [PLAIN, PLAIN_TUNED, "DJL PyTorch", "DJL MXNet"]


def runner(r):
    if r["runner"] != "plain-pytorch":
        return "DJL " + r["engine"]
    return PLAIN_TUNED if "MALLOC_MMAP_THRESHOLD_" in r.get("allocator", "") else PLAIN


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
    print("Ratios: over plain PyTorch as it comes, and over plain PyTorch with the same malloc tuning.\n")
    print("| model (data) | batch | plain PyTorch | tuned malloc | DJL PyTorch | ratio | ratio (tuned) "
          "| DJL MXNet | ratio | ratio (tuned) | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for model in models:
        for batch in sorted({k[1] for k in chunks if k[0] == model}):
            got = {name: chunks.get((model, batch, name)) for name in RUNNERS}
            cells = []
            for name in RUNNERS:
                r = got[name]
                cells.append("%s (%s-%s)" % (n(r["trainImagesPerSecondMedian"]), n(r["trainImagesPerSecondMin"]),
                                             n(r["trainImagesPerSecondMax"])) if r else "-")
                if name.startswith("DJL"):
                    for base in (got[PLAIN], got[PLAIN_TUNED]):
                        cells.append("**%.2fx**" % (r["trainImagesPerSecondMedian"] / base["trainImagesPerSecondMedian"])
                                     if r and base else "-")
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
    allocators = sorted({"%s: %s" % (runner(r), r.get("allocator", "not recorded")) for r in rows})
    print("\nAllocator: " + "; ".join(allocators) + ".")
    if first:
        print("\nLoad average at the start of each run: %.2f to %.2f." % (
            min(r["loadAverage"] for r in rows), max(r["loadAverage"] for r in rows)))


if __name__ == "__main__":
    main(sys.argv[1])
