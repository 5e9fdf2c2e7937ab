#!/usr/bin/python3
"""Plain PyTorch, the yardstick of `learnability bench`.

Trains the same architectures as Learnability (cnn-small, resnet-peifer) the way a competent user
would write it by hand: the data read with numpy straight from the official files, normalised per
channel and held as one tensor; one permutation per epoch, batches sliced from it with one gather
each; Adam with learning rate 1e-3 and cross-entropy. It measures what `learnability bench`
measures -- a warm-up, then measured rounds (whole epochs, or chunks of a fixed number of
batches), the time spent making batches, scoring of the test set, peak resident memory -- and
prints it as a table or as one line of JSON with the same keys.

With --preset NAME it trains and scores as `learnability bench --preset NAME` does, with the values
of the preset's file in this repository (experiments/src/main/resources/presets/NAME.json): its
optimizer (adam, adamw, sgd with momentum, nesterov), learning rate, momentum and weight decay, its
schedule (constant, cosine, linear) with its linear warm-up over the run's updates (warm-up and
measured batches), label smoothing, augmentation (random crop with padding 4, flip; CIFAR-10 only,
as in Learnability), the EMA of the parameters (scored, its batch-norm statistics recomputed over
the training set) and test-time flip.

Two levers of plain PyTorch, off unless asked: --channels-last (the model's parameters and every
batch in the channels-last memory format) and --bf16 (forward under CPU autocast to bfloat16, the
parameters, gradients and optimizer staying FP32; the loss is computed in FP32, as autocast does).
With PyTorch 2.1 or later (torch.utils.flop_counter) it counts the FLOPs of one training image,
forward and backward, on a copy of the model before training (convolutions and matrix products,
as FlopCounterMode counts them), and reports them with the rate they are trained at; --flops
prints that count and exits.

Runs on Debian's python3-torch 1.13 (/usr/bin/python3) and on a current PyTorch CPU build in a
virtual environment (BENCHMARKS.md, "Reproduce"):

    python3 -m venv .venv && .venv/bin/pip install torch==2.13.0+cpu numpy
    .venv/bin/python bench/pytorch_reference.py --model cnn-small --dataset fashion-mnist \
        --batch-size 128 --threads 2 --interop-threads 2 --format json
"""

import argparse
import copy
import decimal
import gzip
import json
import math
import os
import platform
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

try:  # PyTorch 2.1 and later
    from torch.utils.flop_counter import FlopCounterMode
except ImportError:
    FlopCounterMode = None

FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist"
SCORING_WARMUP_BATCHES = 2
DATA_TIMING = "next() of the batch generator (permutation slice + one gather per batch)"
MALLOC_ENVIRONMENT = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "LD_PRELOAD")
PRESETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "experiments", "src", "main", "resources",
                       "presets")
# The values Learnability's BaselinePlan declares for the plan options a preset may leave out.
PRESET_DEFAULTS = {"warmup": 0, "labelSmoothing": 0, "averaging": "none", "testTime": "none"}
AUGMENT_PADDING = 4  # Augmentation.cifar10(): random crop with padding 4 and a horizontal flip


# ----------------------------------------------------------------------------------------- data

def read_idx(path, header):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def load_fashion_mnist(directory):
    def images(name):
        return read_idx(os.path.join(directory, name), 16).reshape(-1, 1, 28, 28)

    def labels(name):
        return read_idx(os.path.join(directory, name), 8).astype(np.int64)

    return (images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz"),
            images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))


def read_cifar(paths):
    records = np.concatenate([np.fromfile(p, dtype=np.uint8).reshape(-1, 3073) for p in paths])
    return records[:, 1:].reshape(-1, 3, 32, 32), records[:, 0].astype(np.int64)


def load_cifar10(directory):
    if os.path.exists(os.path.join(directory, "data_batch.bin")):  # DJL's layout
        train = [os.path.join(directory, "data_batch.bin")]
    else:  # the official cifar-10-batches-bin folder
        train = [os.path.join(directory, "data_batch_%d.bin" % i) for i in range(1, 6)]
    x, y = read_cifar(train)
    xt, yt = read_cifar([os.path.join(directory, "test_batch.bin")])
    return x, y, xt, yt


def stratified_subset(y, size, seed):
    """`size` images, an equal count per class, chosen by seed; all of them if size is 0."""
    if size == 0:
        return np.arange(len(y))
    classes = np.unique(y)
    if size % len(classes) != 0:
        sys.exit("error: --train-size %d is not a multiple of the %d classes" % (size, len(classes)))
    rng = np.random.default_rng(seed)
    chosen = [rng.permutation(np.flatnonzero(y == c))[: size // len(classes)] for c in classes]
    return np.sort(np.concatenate(chosen))


def normalise(x, mean, std):
    """(x / 255 - mean_c) / std_c as one float32 tensor (N, C, H, W)."""
    t = torch.from_numpy(x.astype(np.float32))
    return ((t / 255.0 - mean.view(1, -1, 1, 1)) / std.view(1, -1, 1, 1)).contiguous()


# --------------------------------------------------------------------------------------- models

def cnn_small(channels, height, width, classes):
    """conv5x5 32 pad 2, ReLU, max-pool 2, conv5x5 64 pad 2, ReLU, max-pool 2, dense 128, ReLU, dense."""
    return nn.Sequential(
        nn.Conv2d(channels, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(64 * (height // 4) * (width // 4), 128), nn.ReLU(),
        nn.Linear(128, classes))


class ResidualStage(nn.Module):
    """a = BN(conv3x3(x)); y = max-pool 2 (ReLU(BN(conv3x3(a)) + a)), as the source paper's code."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(cout)

    def forward(self, x):
        a = self.bn1(self.conv1(x))
        return F.max_pool2d(F.relu(self.bn2(self.conv2(a)) + a), 2)


def resnet_peifer(channels, height, width, classes):
    """Two residual stages (32, 64), conv3x3 128 unpadded + BN + ReLU + max-pool, dense 256, dropout 0.5."""
    h, w = (height // 4 - 2) // 2, (width // 4 - 2) // 2
    return nn.Sequential(
        ResidualStage(channels, 32), ResidualStage(32, 64),
        nn.Conv2d(64, 128, 3, padding=0), nn.BatchNorm2d(128), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(128 * h * w, 256), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(256, classes))


MODELS = {"cnn-small": cnn_small, "resnet-peifer": resnet_peifer}


# ------------------------------------------------------------------------------------- training

class Recipe:
    """How the model trains and is scored: the bench's own Adam 1e-3, constant, or a preset's."""

    def __init__(self, preset=None, optimizer="adam", learning_rate=1e-3, momentum=0.9, weight_decay=0.0,
                 schedule="constant", warmup=0.0, label_smoothing=0.0, ema_decay=None, augment=False,
                 test_time="none"):
        self.preset, self.optimizer, self.learning_rate = preset, optimizer, learning_rate
        self.momentum, self.weight_decay, self.schedule, self.warmup = momentum, weight_decay, schedule, warmup
        self.label_smoothing, self.ema_decay, self.augment, self.test_time = label_smoothing, ema_decay, augment, test_time

    def __str__(self):
        """The words of BenchRecipe.toString in Learnability, e.g. "adam lr 0.001 constant"."""
        head = ("%s: " % self.preset if self.preset else "") + "%s lr %s" % (self.optimizer, plain(self.learning_rate))
        if self.optimizer in ("sgd", "nesterov"):
            head += " momentum " + plain(self.momentum)
        if self.weight_decay > 0:
            head += " wd " + plain(self.weight_decay)
        head += " " + self.schedule
        if self.warmup > 0:
            head += " warmup " + plain(self.warmup)
        parts = [head]
        if self.label_smoothing > 0:
            parts.append("label smoothing " + plain(self.label_smoothing))
        if self.ema_decay is not None:
            parts.append("ema:decay=" + plain(self.ema_decay))
        if self.augment:
            parts.append("augment")
        if self.test_time != "none":
            parts.append("test-time " + self.test_time)
        return ", ".join(parts)


def plain(value):
    """A number as Java's BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() writes it."""
    return format(decimal.Decimal(repr(float(value))).normalize(), "f")


def preset_names():
    return sorted(f[:-len(".json")] for f in os.listdir(PRESETS) if f.endswith(".json")) \
        if os.path.isdir(PRESETS) else []


def read_preset(p, name, augment):
    """The recipe of a preset's file, each value read once from it (PRESET_DEFAULTS where it has none)."""
    with open(os.path.join(PRESETS, name + ".json")) as f:
        o = dict(PRESET_DEFAULTS, **json.load(f))

    def choice(key, known):
        value = str(o[key]).strip().lower()
        if value not in known:
            p.error("--preset %s: %s %r is not one of %s here" % (name, key, o[key], ", ".join(known)))
        return value

    averaging = str(o["averaging"]).strip().lower()
    ema_decay = None
    if averaging.startswith("ema"):  # ema or ema:decay=D, as Learnability's Averaging reads it
        decay = averaging[len("ema"):]
        if decay and not decay.startswith(":decay="):
            p.error("--preset %s: averaging %r; expected ema or ema:decay=D" % (name, o["averaging"]))
        ema_decay = float(decay[len(":decay="):]) if decay else 0.999
    elif averaging != "none":
        p.error("--preset %s: averaging %r is not none or ema[:decay=D] here" % (name, o["averaging"]))
    return Recipe(preset=name,
                  optimizer=choice("optimizer", ["adam", "adamw", "sgd", "nesterov"]),
                  learning_rate=float(o["learningRate"]), momentum=float(o["momentum"]),
                  weight_decay=float(o["weightDecay"]),
                  schedule=choice("schedule", ["constant", "cosine", "linear"]),
                  warmup=float(o["warmup"]), label_smoothing=float(o["labelSmoothing"]), ema_decay=ema_decay,
                  augment=augment or bool(o["augment"]), test_time=choice("testTime", ["none", "flip"]))


class MomentumSgd(torch.optim.Optimizer):
    """SGD with momentum as Learnability's sgd (DJL's Sgd) updates: v = mu v + lr (g + wd w); w = w - v.

    The rate is inside the momentum, unlike torch.optim.SGD's b = mu b + (g + wd w); w = w - lr b: the
    same at a constant rate, not under a schedule."""

    def __init__(self, params, lr, momentum, weight_decay):
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for w in group["params"]:
                if w.grad is None:
                    continue
                step = w.grad.add(w, alpha=group["weight_decay"]).mul_(group["lr"])
                if group["momentum"]:
                    state = self.state[w]
                    if "v" not in state:
                        state["v"] = torch.zeros_like(w)
                    step = state["v"].mul_(group["momentum"]).add_(step)
                w.sub_(step)


def make_optimizer(recipe, parameters):
    """Each optimizer as Learnability's TrainingSettings.Optimizer: weight decay as L2 on the gradient
    (adam, sgd, nesterov), decoupled (adamw)."""
    lr, wd = recipe.learning_rate, recipe.weight_decay
    if recipe.optimizer == "adam":
        return torch.optim.Adam(parameters, lr=lr, weight_decay=wd)
    if recipe.optimizer == "adamw":
        return torch.optim.AdamW(parameters, lr=lr, weight_decay=wd)
    if recipe.optimizer == "nesterov":
        return torch.optim.SGD(parameters, lr=lr, momentum=recipe.momentum, weight_decay=wd, nesterov=True)
    return MomentumSgd(parameters, lr=lr, momentum=recipe.momentum, weight_decay=wd)


def learning_rates(recipe, updates):
    """The rate of update t (from 1) of a run of `updates`, as Learnability's ModelTrainer.learningRate:
    a linear warm-up from 0 over k = round(warmup T) updates (at most T - 1), lr t / k, then the
    schedule over the S = T - k that remain, from s = t - k = 0: constant lr, cosine lr (1 + cos(pi s / S)) / 2,
    linear lr (1 - s / S), both 0 past S. None for a constant rate without warm-up."""
    lr = recipe.learning_rate
    k = min(int(math.floor(recipe.warmup * updates + 0.5)), max(0, updates - 1))
    rest = updates - k
    if k == 0 and recipe.schedule == "constant":
        return None

    def rate(t):
        if t < k:
            return lr * t / k
        s = t - k
        if recipe.schedule == "cosine":
            return 0.0 if s > rest else lr / 2 * (1 + math.cos(math.pi * s / rest))
        if recipe.schedule == "linear":
            return 0.0 if s > rest else lr * (1 - s / rest)
        return lr

    return rate


class Ema:
    """Learnability's ema:decay=D (ParameterAverage, ModelTrainer.emaDecay): after every step, over the
    trained parameters (batch-norm running statistics are not averaged), a = d a + (1 - d) p with
    d = min(D, (1 + t) / (10 + t)) after t updates, the first update a copy. The averaged model is a
    copy of the model, made before training."""

    def __init__(self, model, decay):
        self.model = copy.deepcopy(model)
        self.model.requires_grad_(False)
        self.averages = list(self.model.parameters())
        self.parameters = list(model.parameters())
        self.decay = decay
        self.updates = 0

    @torch.no_grad()
    def update(self):
        if self.updates == 0:
            for a, w in zip(self.averages, self.parameters):
                a.copy_(w)
        else:
            d = min(self.decay, (1.0 + self.updates) / (10.0 + self.updates))
            torch._foreach_mul_(self.averages, d)
            torch._foreach_add_(self.averages, self.parameters, alpha=1 - d)
        self.updates += 1


class Augmentation:
    """Learnability's Augmentation.cifar10() for a whole batch at once: per image a crop offset uniform
    in -4..4 in each direction and a flip with probability 1/2 (crop, then flip the crop); the padding
    is the normalised value of a black pixel, per channel. One gather moves the batch."""

    def __init__(self, fill, generator, padding=AUGMENT_PADDING):
        self.fill, self.generator, self.padding = fill.view(1, -1, 1, 1), generator, padding

    def __call__(self, xb):
        b, c, h, w = xb.shape
        pad, g = self.padding, self.generator
        dy = torch.randint(-pad, pad + 1, (b, 1), generator=g)
        dx = torch.randint(-pad, pad + 1, (b, 1), generator=g)
        flip = torch.rand(b, 1, generator=g) < 0.5
        j = torch.arange(w).view(1, w)
        rows = torch.arange(h).view(1, h) + dy  # (b, h)
        cols = torch.where(flip, w - 1 - j, j) + dx  # (b, w)
        inside = (((rows >= 0) & (rows < h)).view(b, 1, h, 1) & ((cols >= 0) & (cols < w)).view(b, 1, 1, w))
        out = xb[torch.arange(b).view(b, 1, 1, 1), torch.arange(c).view(1, c, 1, 1),
                 rows.clamp(0, h - 1).view(b, 1, h, 1), cols.clamp(0, w - 1).view(b, 1, 1, w)]
        return torch.where(inside, out, self.fill)


class Levers:
    """How the model computes: the memory format of its parameters and batches (--channels-last),
    and whether its forward runs under CPU autocast to bfloat16 (--bf16), the parameters and
    gradients staying FP32 and the logits returned as FP32."""

    def __init__(self, channels_last=False, bf16=False):
        self.channels_last, self.bf16 = channels_last, bf16

    def prepare(self, model):
        return model.to(memory_format=torch.channels_last) if self.channels_last else model

    def forward(self, model, xb):
        if self.channels_last:
            xb = xb.contiguous(memory_format=torch.channels_last)
        if not self.bf16:
            return model(xb)
        with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
            return model(xb).float()

    def memory_format(self):
        return "channels_last" if self.channels_last else "contiguous"

    def autocast(self):
        return "bfloat16" if self.bf16 else "none"


class Training:
    """One training step: forward, loss, backward, the update at the step's rate, the EMA."""

    def __init__(self, model, optimizer, label_smoothing=0.0, rate=None, ema=None, levers=Levers()):
        self.model, self.optimizer, self.label_smoothing = model, optimizer, label_smoothing
        self.rate, self.ema, self.levers = rate, ema, levers
        self.updates = 0

    def step(self, xb, yb):
        self.optimizer.zero_grad()
        loss = F.cross_entropy(self.levers.forward(self.model, xb), yb, label_smoothing=self.label_smoothing)
        loss.backward()
        self.updates += 1
        if self.rate is not None:
            for group in self.optimizer.param_groups:
                group["lr"] = self.rate(self.updates)
        self.optimizer.step()
        if self.ema is not None:
            self.ema.update()
        return loss.item()


def count_flops(model, xb, yb):
    """FLOPs of one training image, (forward, forward + backward), as FlopCounterMode counts them
    (convolutions and matrix products; not batch norm, activations, pooling or the update): one
    training step of the batch on a copy of the model, without changing the random state. None
    where PyTorch has no FlopCounterMode (before 2.1)."""
    if FlopCounterMode is None:
        return None
    copied = copy.deepcopy(model).train()
    with torch.random.fork_rng():
        with FlopCounterMode(display=False) as forward:
            loss = F.cross_entropy(copied(xb), yb)
        with FlopCounterMode(display=False) as backward:
            loss.backward()
    n = len(yb)
    return forward.get_total_flops() / n, (forward.get_total_flops() + backward.get_total_flops()) / n


# --------------------------------------------------------------------------------------- memory

def status_mib(key):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return -1.0


def reset_peak():
    """Resets VmHWM to VmRSS (Linux 4.0 and later)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def allocator():
    """The C allocator's settings, as far as the environment changes them (bench/run-all.sh's
    plain-pytorch-malloc runner sets the values Learnability's MallocTuning sets in the JVM)."""
    libc = " ".join(platform.libc_ver())
    given = ["%s=%s" % (k, os.environ[k]) for k in MALLOC_ENVIRONMENT if os.environ.get(k)]
    return "%s malloc, %s" % (libc, ", ".join(given) if given else "defaults")


def cpu_capability():
    """The vector instructions PyTorch's own kernels use here (AVX2, AVX512, ...), as it reports them."""
    try:
        return torch.backends.cpu.get_cpu_capability()
    except AttributeError:  # before PyTorch 2.0
        return "unknown (PyTorch %s)" % torch.__version__


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except OSError:
        return -1.0


# ------------------------------------------------------------------------------------ benchmark

class Round:
    def __init__(self, warmup):
        self.warmup = warmup
        self.start = time.perf_counter()
        self.start_cpu = time.process_time()
        self.seconds = self.cpu = self.data = 0.0
        self.batches = self.images = 0

    def end(self):
        self.seconds = time.perf_counter() - self.start
        self.cpu = time.process_time() - self.start_cpu


def epoch_batches(x, y, batch_size, generator, augment=None):
    """One epoch: one permutation, then a slice of it and one gather per batch (then its augmentation)."""
    order = torch.randperm(len(y), generator=generator)
    for i in range(0, len(y), batch_size):
        index = order[i:i + batch_size]
        yield (x[index] if augment is None else augment(x[index])), y[index]


def stream(x, y, batch_size, generator, augment=None):
    while True:
        yield from epoch_batches(x, y, batch_size, generator, augment)


def run_round(round_, batches, limit, training):
    while round_.batches < limit:
        t = time.perf_counter()
        try:
            xb, yb = next(batches)
        except StopIteration:
            round_.data += time.perf_counter() - t
            break
        round_.data += time.perf_counter() - t
        round_.loss = training.step(xb, yb)
        round_.batches += 1
        round_.images += len(yb)
    round_.end()


def score(model, x, y, batch_size, limit=None, flip=False, levers=Levers()):
    """Accuracy; with flip, of the mean logits of each image and its mirror image."""
    model.eval()
    correct = 0
    with torch.no_grad():
        for n, i in enumerate(range(0, len(y), batch_size)):
            if limit is not None and n >= limit:
                break
            xb = x[i:i + batch_size]
            logits = levers.forward(model, xb)
            if flip:
                logits = (logits + levers.forward(model, xb.flip(3))) / 2
            correct += (logits.argmax(1) == y[i:i + batch_size]).sum().item()
    model.train()
    return correct / len(y)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default="cnn-small", choices=sorted(MODELS))
    p.add_argument("--dataset", default="fashion-mnist", choices=["cifar10", "fashion-mnist"])
    p.add_argument("--data-dir", help="default: %s for fashion-mnist" % FASHION_MNIST_DIR)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--warmup-batches", type=int, default=20)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batches", type=int, default=0, help="measure this many batches instead of whole epochs")
    p.add_argument("--chunks", type=int, default=5, help="rounds the --batches are cut into")
    p.add_argument("--train-size", type=int, default=0, help="training images, equal per class (default: all)")
    p.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (default: torch's)")
    p.add_argument("--interop-threads", type=int, default=0, help="torch.set_num_interop_threads (default: torch's)")
    p.add_argument("--score-batch-size", type=int, default=512)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--augment", action="store_true",
                   help="random crop (padding 4) and horizontal flip of every training batch (CIFAR-10)")
    p.add_argument("--preset", type=str.lower, choices=preset_names(),
                   help="train and score as this preset of the repository (experiments/src/main/resources/presets): "
                        "its optimizer, schedule, warm-up, label smoothing, augmentation, EMA and test-time flip; "
                        "model, data and sizes stay these options' (default: Adam, learning rate 1e-3, constant)")
    p.add_argument("--channels-last", action="store_true",
                   help="the model's parameters and every batch in the channels-last memory format")
    p.add_argument("--bf16", action="store_true",
                   help="forward under CPU autocast to bfloat16 (parameters, gradients and optimizer FP32)")
    p.add_argument("--flops", action="store_true",
                   help="print the FLOPs of one training image (forward, backward) and exit (PyTorch 2.1 or later)")
    p.add_argument("--format", default="table", choices=["table", "json"])
    a = p.parse_args(argv)
    for name, least in [("batch_size", 1), ("warmup_batches", 0), ("epochs", 1), ("batches", 0), ("chunks", 1),
                        ("train_size", 0), ("threads", 0), ("interop_threads", 0), ("score_batch_size", 1)]:
        if getattr(a, name) < least:
            p.error("--%s is %d; expected a whole number >= %d" % (name.replace("_", "-"), getattr(a, name), least))
    if a.batches and a.chunks > a.batches:
        p.error("--chunks is %d but --batches is %d" % (a.chunks, a.batches))
    if a.data_dir is None:
        if a.dataset != "fashion-mnist":
            p.error("--data-dir is needed for %s" % a.dataset)
        a.data_dir = FASHION_MNIST_DIR
    if not os.path.isdir(a.data_dir):
        p.error("--data-dir %s: no such directory" % a.data_dir)
    a.recipe = read_preset(p, a.preset, a.augment) if a.preset else Recipe(augment=a.augment)
    return a


def main(argv):
    a = parse_args(argv)
    load = load_average()
    if a.interop_threads:
        torch.set_num_interop_threads(a.interop_threads)  # before any parallel work
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)

    x, y, xt, yt = (load_fashion_mnist if a.dataset == "fashion-mnist" else load_cifar10)(a.data_dir)
    chosen = stratified_subset(y, a.train_size, a.seed)
    x, y = x[chosen], y[chosen]
    pixels = x.reshape(len(x), x.shape[1], -1).astype(np.float64) / 255.0
    mean = torch.tensor(pixels.mean(axis=(0, 2)), dtype=torch.float32)
    std = torch.tensor(pixels.std(axis=(0, 2)), dtype=torch.float32)
    del pixels
    x, xt = normalise(x, mean, std), normalise(xt, mean, std)
    y, yt = torch.from_numpy(y), torch.from_numpy(yt)
    _, channels, height, width = x.shape

    recipe = a.recipe
    model = MODELS[a.model](channels, height, width, 10)
    model.train()
    flops = count_flops(model, x[:a.batch_size], y[:a.batch_size])
    if a.flops:
        if flops is None:
            sys.exit("error: --flops needs PyTorch 2.1 or later (torch.utils.flop_counter); this is %s"
                     % torch.__version__)
        print("%s on %s (%dx%dx%d): %s FLOPs forward, %s backward, %s per training image (%s)" % (
            a.model, a.dataset, channels, height, width, format(round(flops[0]), ","),
            format(round(flops[1] - flops[0]), ","), format(round(flops[1]), ","),
            "FlopCounterMode, PyTorch " + torch.__version__))
        return
    levers = Levers(a.channels_last, a.bf16)
    model = levers.prepare(model)
    optimizer = make_optimizer(recipe, model.parameters())
    generator = torch.Generator().manual_seed(a.seed)
    # Learnability augments CIFAR-10 only (Cifar10Dataset.augmentation)
    augment = Augmentation(-mean / std, torch.Generator().manual_seed(a.seed)) \
        if recipe.augment and a.dataset == "cifar10" else None
    updates = a.warmup_batches + (a.batches or a.epochs * ((len(y) + a.batch_size - 1) // a.batch_size))
    ema = Ema(model, recipe.ema_decay) if recipe.ema_decay is not None else None
    training = Training(model, optimizer, recipe.label_smoothing, learning_rates(recipe, updates), ema, levers)
    reset_peak()  # loading the data is not training

    rounds = []
    if a.warmup_batches:
        r = Round(True)
        run_round(r, iter(stream(x, y, a.batch_size, generator, augment)), a.warmup_batches, training)
        reset_peak()
        print("warm-up: %d batches in %.1f s" % (r.batches, r.seconds), file=sys.stderr)
    measured_rounds = a.chunks if a.batches else a.epochs
    chunk_stream = iter(stream(x, y, a.batch_size, generator, augment))
    memory = {}
    for k in range(measured_rounds):
        r = Round(False)
        if a.batches:
            run_round(r, chunk_stream, a.batches // a.chunks + (1 if k < a.batches % a.chunks else 0), training)
        else:
            run_round(r, iter(epoch_batches(x, y, a.batch_size, generator, augment)), float("inf"), training)
        rounds.append(r)
        peak, resident = status_mib("VmHWM:"), status_mib("VmRSS:")
        if k == 0:
            memory["first"] = (peak, resident)
        memory["last"] = (peak, resident)
        print("%s %d/%d: %s images/s, data %.2f%%, peak RSS %s MiB" % (
            "chunk" if a.batches else "epoch", k + 1, measured_rounds, format(round(r.images / r.seconds), ","),
            100 * r.data / r.seconds, format(round(peak), ",")), file=sys.stderr)

    scored = model
    if ema is not None:
        # as Learnability's ModelTrainer: the averaged parameters, their batch-norm statistics
        # recomputed with a pass over the training set (BatchNormStatistics), not timed
        scored = ema.model
        torch.optim.swa_utils.update_bn(epoch_batches(x, y, a.batch_size, generator, augment), scored)
    flip = recipe.test_time == "flip"
    score(scored, xt, yt, a.score_batch_size, limit=SCORING_WARMUP_BATCHES, flip=flip, levers=levers)
    t = time.perf_counter()
    accuracy = score(scored, xt, yt, a.score_batch_size, flip=flip, levers=levers)
    score_seconds = time.perf_counter() - t
    print("scoring: %s images/s" % format(round(len(yt) / score_seconds), ","), file=sys.stderr)

    seconds = sum(r.seconds for r in rounds)
    images = sum(r.images for r in rounds)
    per_round = [r.images / r.seconds for r in rounds]
    median = float(np.median(per_round))
    data_share = sum(r.data for r in rounds) / seconds
    (peak_first, rss_first), (peak_last, rss_last) = memory["first"], memory["last"]
    result = {
        "runner": "plain-pytorch",
        "engine": "PyTorch",
        "engineVersion": torch.__version__,
        "frameworkVersion": "none (Python " + platform.python_version() + ", numpy " + np.__version__ + ")",
        "runtime": "Python " + platform.python_version(),
        "model": a.model,
        "dataset": a.dataset,
        "trainImages": int(len(y)),
        "testImages": int(len(yt)),
        "batchSize": a.batch_size,
        "threads": torch.get_num_threads(),
        "interopThreads": torch.get_num_interop_threads(),
        "threadsSource": "torch.set_num_threads, torch.set_num_interop_threads",
        "allocator": allocator(),
        "training": str(recipe),
        "augment": recipe.augment,
        "warmupBatches": a.warmup_batches,
        "roundKind": "chunk" if a.batches else "epoch",
        "rounds": len(rounds),
        "measuredBatches": sum(r.batches for r in rounds),
        "measuredImages": images,
        "measuredSeconds": round(seconds, 3),
        "trainImagesPerSecond": round(images / seconds, 1),
        "trainImagesPerSecondMedian": round(median, 1),
        "trainImagesPerSecondMin": round(min(per_round), 1),
        "trainImagesPerSecondMax": round(max(per_round), 1),
        "trainImagesPerSecondRounds": [round(v, 1) for v in per_round],
        "dataShare": round(data_share, 5),
        "computeShare": round(1 - data_share, 5),
        "dataTiming": DATA_TIMING if augment is None else DATA_TIMING[:-1] + " + augmentation)",
        "scoreImagesPerSecond": round(len(yt) / score_seconds, 1),
        "scoreBatchSize": a.score_batch_size,
        "scoreToTrainRatio": round(len(yt) / score_seconds / median, 3),
        "testAccuracy": round(accuracy, 4),
        "peakRssMiBAfterFirst": round(peak_first, 1),
        "peakRssMiBAfterLast": round(peak_last, 1),
        "peakRssGrowth": round(peak_last / peak_first - 1, 4) if peak_first > 0 else None,
        "rssMiBAfterFirst": round(rss_first, 1),
        "rssMiBAfterLast": round(rss_last, 1),
        "cpuCoresUsed": round(sum(r.cpu for r in rounds) / seconds, 2),
        "loadAverage": round(load, 2),
        "memoryFormat": levers.memory_format(),
        "autocast": levers.autocast(),
        "cpuCapability": cpu_capability(),
        "trainFlopsPerImage": None if flops is None else round(flops[1]),
        "trainGflopsPerSecond": None if flops is None else round(flops[1] * median / 1e9, 1),
    }
    if a.format == "json":
        print(json.dumps(result))
    else:
        params = sum(p.numel() for p in model.parameters())
        rows = [
            ("model", "%s on %s, %s training images, batch %d (%s parameters)" % (
                a.model, a.dataset, format(len(y), ","), a.batch_size, format(params, ","))),
            ("recipe", result["training"]),
            ("engine", "plain PyTorch %s (%s), CPU capability %s" % (
                torch.__version__, result["runtime"], result["cpuCapability"])),
            ("levers", "memory format %s, autocast %s" % (result["memoryFormat"], result["autocast"])),
            ("threads", "%d intra-op, %d inter-op" % (result["threads"], result["interopThreads"])),
            ("allocator", result["allocator"]),
            ("measured", "%d %ss, %s batches, %s images in %.1f s, after %d warm-up batches" % (
                len(rounds), result["roundKind"], format(result["measuredBatches"], ","), format(images, ","),
                seconds, a.warmup_batches)),
            ("training", "%s images/s median, min %s, max %s over %ss; %s overall" % (
                format(round(median), ","), format(round(min(per_round)), ","), format(round(max(per_round)), ","),
                result["roundKind"], format(round(images / seconds), ","))),
            ("FLOPs", "not counted (PyTorch before 2.1)" if flops is None else
             "%s per training image (forward and backward), %.1f GFLOP/s at the median" % (
                 format(round(flops[1]), ","), result["trainGflopsPerSecond"])),
            ("scoring", "%s images/s (%s test images, batch %d): %.2fx training; test accuracy %.4f" % (
                format(round(result["scoreImagesPerSecond"]), ","), format(len(yt), ","), a.score_batch_size,
                result["scoreToTrainRatio"], accuracy)),
            ("data / compute", "%.2f%% / %.2f%% of training time (%s)" % (
                100 * data_share, 100 * (1 - data_share), result["dataTiming"])),
            ("peak RSS", "%s MiB after %s 1, %s MiB after %s %d (%+.1f%%); RSS %s -> %s MiB" % (
                format(round(peak_first), ","), result["roundKind"], format(round(peak_last), ","),
                result["roundKind"], len(rounds), 100 * (peak_last / peak_first - 1) if peak_first > 0 else 0,
                format(round(rss_first), ","), format(round(rss_last), ","))),
            ("CPU", "%.2f cores busy while measuring; load average %.2f at start" % (result["cpuCoresUsed"], load)),
        ]
        width = max(len(r[0]) for r in rows)
        for what, value in rows:
            print("%-*s  %s" % (width, what, value))


if __name__ == "__main__":
    main(sys.argv[1:])
