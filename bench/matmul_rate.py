#!/usr/bin/python3
"""The matrix-multiply rate of this machine through a PyTorch: the ceiling of bench/pytorch_reference.py.

Times torch.mm of two n x n matrices (default 2048) in FP32 and in bfloat16 (and whatever other
types --dtypes names), and a 3x3 convolution (64 to 64 channels, 16x16 pixels, padding 1, batch
128: the second stage of resnet-peifer) forward, each repeated for about --seconds after a
warm-up (a slow call once at least); prints one JSON line per kernel and type with its GFLOP/s
(2 n^3 per product, 2 C_in 9 C_out H W N per convolution: multiplies and adds, as
torch.utils.flop_counter counts them).
Runs on Debian's python3-torch 1.13 and on a current PyTorch (BENCHMARKS.md):

    .venv/bin/python bench/matmul_rate.py --threads 2
    /usr/bin/python3 bench/matmul_rate.py --threads 2

The same matrix product through DJL's libtorch is bench/djl-matmul-rate.sh.
"""

import argparse
import json
import platform
import time

import torch
import torch.nn.functional as F

DTYPES = {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}


def rate(run, flops, seconds):
    """GFLOP/s of run(): (median, min, max) over 5 rounds of about seconds / 5 each after one
    warm-up call; a call slower than a round is a round of its own, at most 5 of them within
    seconds (at least one): bfloat16 without the CPU's bf16 instructions can be 30 times slower."""
    run()
    t = time.perf_counter()
    run()
    once = max(time.perf_counter() - t, 1e-6)
    rounds = [flops / once / 1e9]
    repeats = max(1, int(seconds / 5 / once))
    count = 5 if repeats > 1 else min(5, int(seconds / once))
    for _ in range(count):
        t = time.perf_counter()
        for _ in range(repeats):
            run()
        rounds.append(repeats * flops / (time.perf_counter() - t) / 1e9)
    if len(rounds) > 1:
        rounds = rounds[1:]  # the timed call above only sized the rounds
    rounds.sort()
    return rounds[len(rounds) // 2], rounds[0], rounds[-1]


def matmul(n, dtype):
    a, b = torch.randn(n, n).to(dtype), torch.randn(n, n).to(dtype)
    return (lambda: torch.mm(a, b)), 2.0 * n ** 3, "matmul %dx%d" % (n, n)


def conv(dtype, batch=128, channels=64, size=16):
    x = torch.randn(batch, channels, size, size).to(dtype)
    w = torch.randn(channels, channels, 3, 3).to(dtype)
    flops = 2.0 * channels * 9 * channels * size * size * batch
    return (lambda: F.conv2d(x, w, padding=1)), flops, "conv3x3 %d->%d %dx%d batch %d" % (
        channels, channels, size, size, batch)


def cpu_capability():
    try:
        return torch.backends.cpu.get_cpu_capability()
    except AttributeError:  # before PyTorch 2.0
        return "unknown"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size", type=int, default=2048)
    p.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (default: torch's)")
    p.add_argument("--dtypes", default="fp32,bf16", help="comma-separated, of %s" % ", ".join(DTYPES))
    p.add_argument("--kernels", default="matmul,conv", help="comma-separated, of matmul, conv")
    p.add_argument("--seconds", type=float, default=5.0, help="measured time per kernel and type")
    a = p.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    with torch.no_grad():
        for kernel in a.kernels.split(","):
            for name in a.dtypes.split(","):
                dtype = DTYPES[name]
                run, flops, what = matmul(a.size, dtype) if kernel == "matmul" else conv(dtype)
                median, low, high = rate(run, flops, a.seconds)
                print(json.dumps({
                    "runner": "plain-pytorch", "engineVersion": torch.__version__,
                    "runtime": "Python " + platform.python_version(), "cpuCapability": cpu_capability(),
                    "threads": torch.get_num_threads(), "kernel": what, "dtype": name,
                    "gflopsPerSecond": round(median, 1), "gflopsPerSecondMin": round(low, 1),
                    "gflopsPerSecondMax": round(high, 1), "loadAverage": load_average()}), flush=True)


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


if __name__ == "__main__":
    main()
