#!/usr/bin/python3
"""Writes a model of bench/pytorch_reference.py as TorchScript files for DJL's PyTorch engine.

One file per lever: the network as it is ("fp32"), its forward turning the input into the
channels-last memory format with the parameters saved channels-last ("cl"), its convolutions and
dense layers computing in bfloat16 ("bf16": each casts its input, weight and bias to bfloat16 in
the forward, so the parameters stay FP32 master weights and their gradients FP32; batch norm,
ReLU, pooling and the residual add run on the bfloat16 activations, as under CPU autocast), and
both ("bf16-cl"). DJL sees FP32 at the edges (an FP32 NCHW input, FP32 logits, FP32 parameters
it trains), so no bfloat16 array reaches DJL, whose PyTorch engine ends the JVM on one.

"autocast" is the forward under `with torch.autocast("cpu", dtype=torch.bfloat16)` in TorchScript:
TorchScript's autocast pass casts a convolution's input and weight but not its bias (an optional
argument), so every convolution with a bias fails with "Input type (c10::BFloat16) and bias type
(float) should be the same" (PyTorch 1.13 and 2.13 alike); the file is written if the forward runs. bench/torchscript-bench.sh trains them through learnability
bench (TorchScriptBench), as the model "torchscript".

    .venv/bin/python bench/torchscript_export.py --model resnet-peifer --out /tmp/ts
    /usr/bin/python3 bench/torchscript_export.py --model resnet-peifer --out /tmp/ts

writes /tmp/ts/resnet-peifer-<lever>-torch<version>.pt, for <lever> in fp32, cl, bf16, bf16-cl
(--levers chooses; autocast too), with the version of the PyTorch that wrote them.
"""

import argparse
import os
import sys

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_reference import MODELS  # noqa: E402 (the same networks, written once)

SHAPES = {"cifar10": (3, 32, 32), "fashion-mnist": (1, 28, 28)}
LEVERS = {"fp32": (False, "none"), "cl": (True, "none"), "bf16": (False, "casts"), "bf16-cl": (True, "casts"),
          "autocast": (False, "autocast")}
DEFAULT_LEVERS = "fp32,cl,bf16,bf16-cl"


class CastConv2d(nn.Conv2d):
    """A convolution in bfloat16 of FP32 parameters: input, weight and bias cast in the forward."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        bias = self.bias
        if bias is not None:
            bias = bias.to(torch.bfloat16)
        return self._conv_forward(x.to(torch.bfloat16), self.weight.to(torch.bfloat16), bias)


class CastLinear(nn.Linear):
    """A dense layer in bfloat16 of FP32 parameters: input, weight and bias cast in the forward."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        bias = self.bias
        if bias is not None:
            bias = bias.to(torch.bfloat16)
        return F.linear(x.to(torch.bfloat16), self.weight.to(torch.bfloat16), bias)


def cast_to_bf16(net):
    """The network with its convolutions and dense layers computing in bfloat16 (the same parameters)."""
    for module in net.modules():
        if type(module) is nn.Conv2d:
            module.__class__ = CastConv2d
        elif type(module) is nn.Linear:
            module.__class__ = CastLinear
    return net


class Levered(nn.Module):
    """The network, its input made channels-last and its forward run under bfloat16 autocast as
    asked; the logits FP32 either way."""

    def __init__(self, net: nn.Module, channels_last: bool, autocast: bool):
        super().__init__()
        self.net = net
        self.channels_last = channels_last
        self.autocast = autocast

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        if self.autocast:
            with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
                y = self.net(x)
            return y.float()
        return self.net(x).float()


def export(model, dataset, lever, out, seed):
    channels_last, bf16 = LEVERS[lever]
    torch.manual_seed(seed)
    net = MODELS[model](*SHAPES[dataset], 10)
    if channels_last:
        net = net.to(memory_format=torch.channels_last)
    if bf16 == "casts":
        net = cast_to_bf16(net)
    scripted = torch.jit.script(Levered(net, channels_last, bf16 == "autocast"))
    version = torch.__version__.split("+")[0]
    path = os.path.join(out, "%s-%s-torch%s.pt" % (model, lever, version))
    x = torch.randn(4, *SHAPES[dataset])
    try:
        y = scripted(x)
        y.sum().backward()
    except RuntimeError as e:
        print("%s: not written, its forward fails: %s" % (path, str(e).strip().splitlines()[-1]))
        return
    scripted.zero_grad()
    scripted.save(path)
    print("%s: logits %s %s, trained in %s, parameters %s" % (
        path, tuple(y.shape), y.dtype, {"none": "FP32", "casts": "bfloat16 (casts)", "autocast": "autocast"}[bf16],
        sorted({str(q.dtype) for q in scripted.parameters()})))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default="resnet-peifer", choices=sorted(MODELS))
    p.add_argument("--dataset", default="cifar10", choices=sorted(SHAPES))
    p.add_argument("--levers", default=DEFAULT_LEVERS, help="comma-separated, of %s (default: %s)" % (
        ", ".join(LEVERS), DEFAULT_LEVERS))
    p.add_argument("--out", required=True, help="directory, made if missing")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for lever in a.levers.split(","):
        export(a.model, a.dataset, lever, a.out, a.seed)


if __name__ == "__main__":
    main()
