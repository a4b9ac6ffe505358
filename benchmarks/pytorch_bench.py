#!/usr/bin/python3
"""The PyTorch side of benchmarks/run: the same models, data, steps and figures as `nn bench`.

Models are the lecture's MLP and CNN exactly as in examples/mnist-mlp.nn and
examples/mnist-cnn.nn (same layers, initialisation, Adam 1e-3, batch 64, inputs scaled to
[0, 1] then normalised with mean 0.5 and std 0.5). MNIST is read from the IDX .gz files.
Run with Debian's PyTorch: /usr/bin/python3 benchmarks/pytorch_bench.py --help
"""
import argparse
import gzip
import json
import os
import platform
import struct
import time

import numpy as np
import torch
from torch import nn

INFERENCE_BATCH = 1000
# Untimed forward passes before inference is timed, as long as nn bench's (BenchSettings).
INFERENCE_WARMUP_SECONDS = 1.0


def read_idx(path):
    """An IDX file (plain or .gz) as a numpy array of its stored shape."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_mnist(data_dir, split):
    prefix = "train" if split == "train" else "t10k"
    def find(kind):
        for name in (f"{prefix}-{kind}-idx{3 if kind == 'images' else 1}-ubyte.gz",
                     f"{prefix}-{kind}-idx{3 if kind == 'images' else 1}-ubyte"):
            if os.path.exists(os.path.join(data_dir, name)):
                return os.path.join(data_dir, name)
        raise SystemExit(f"pytorch_bench: no MNIST {split} {kind} in {data_dir}")
    images = torch.from_numpy(read_idx(find("images")).copy()).unsqueeze(1)  # uint8 [n, 1, 28, 28]
    labels = torch.from_numpy(read_idx(find("labels")).astype(np.int64))
    return images, labels


def normalise(images_uint8):
    """normalize = [0.5, 0.5] of the .nn files: x / 255, minus 0.5, divided by 0.5."""
    return images_uint8.float().mul_(1 / 255).sub_(0.5).div_(0.5)


def mlp(width=None):
    hidden = (128, 64) if width is None else (width, width)
    return nn.Sequential(nn.Flatten(), nn.Linear(784, hidden[0]), nn.ReLU(),
                         nn.Linear(hidden[0], hidden[1]), nn.ReLU(), nn.Linear(hidden[1], 10))


def cnn(width=None):
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Dropout(0.25), nn.Flatten(), nn.Linear(64 * 7 * 7, width or 128), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(width or 128, 10))


def initialise(model):
    """nn's defaults: dense Xavier uniform, conv He normal, biases zero."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)


def reset_peak_rss():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return -1


def blas_in_use():
    """The BLAS library the process really mapped (Debian's libblas.so.3 is an alternatives link)."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open("/proc/self/maps") as f:
        paths = {os.path.realpath(line.split()[-1]) for line in f if "/" in line and "blas" in line.lower()}
    paths = sorted(p for p in paths if "lapack" not in p)
    return ", ".join(os.path.basename(os.path.dirname(p)) + "/" + os.path.basename(p) for p in paths) or "none mapped"


def train_epochs(name, model, train, test, args):
    """The lecture's training loop, whole epochs: a DataLoader over the IDX images (shuffled,
    batch 64, the last short batch kept), Adam, cross-entropy; test accuracy after each epoch.
    Epoch seconds count the training loop only, as nn train's epoch_seconds do."""
    torch.manual_seed(args.seed)
    initialise(model)
    reset_peak_rss()
    images, labels = train
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(normalise(images), labels),
                                         batch_size=args.batch, shuffle=True,
                                         generator=torch.Generator().manual_seed(args.seed))
    test_x, test_y = normalise(test[0]), test[1]
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.CrossEntropyLoss()
    seconds, accuracies = [], []
    for _ in range(args.epochs):
        model.train()
        start = time.perf_counter()
        for x, y in loader:
            loss = loss_fn(model(x), y)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
        model.eval()
        with torch.no_grad():
            correct = sum(int((model(test_x[k:k + INFERENCE_BATCH]).argmax(1) == test_y[k:k + INFERENCE_BATCH]).sum())
                          for k in range(0, len(test_y), INFERENCE_BATCH))
        accuracies.append(correct / len(test_y))
    return {"model": name, "parameters": sum(p.numel() for p in model.parameters()), "batch": args.batch,
            "epochs": args.epochs, "epoch_seconds_each": seconds, "epoch_seconds": float(np.median(seconds)),
            "test_accuracy": accuracies[-1], "peak_rss_mb": peak_rss_mb()}


def bench(name, model, train, test, args):
    torch.manual_seed(args.seed)
    initialise(model)
    reset_peak_rss()
    images, labels = train
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.CrossEntropyLoss()
    n, batch = len(labels), args.batch
    generator = torch.Generator().manual_seed(args.seed)
    state = {"order": torch.randperm(n, generator=generator), "cursor": 0}
    phases = [0.0] * 4  # data, forward + loss, backward, optimizer

    def step():
        t0 = time.perf_counter()
        if state["cursor"] + batch > n:  # only full batches, as nn bench does
            state["order"], state["cursor"] = torch.randperm(n, generator=generator), 0
        idx = state["order"][state["cursor"]:state["cursor"] + batch]
        state["cursor"] += batch
        x, y = normalise(images[idx]), labels[idx]
        t1 = time.perf_counter()
        loss = loss_fn(model(x), y)
        t2 = time.perf_counter()
        loss.backward()
        t3 = time.perf_counter()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        t4 = time.perf_counter()
        for i, dt in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            phases[i] += dt
        return loss.item()

    model.train()
    for _ in range(args.warmup):
        step()
    step_ms, cpu_ms, phase_ms = [], [], [[] for _ in range(4)]
    for _ in range(args.rounds):
        phases[:] = [0.0] * 4
        loss_sum = 0.0
        start, cpu_start = time.perf_counter(), time.thread_time()
        for _ in range(args.steps):
            loss_sum += step()
        step_ms.append((time.perf_counter() - start) * 1e3 / args.steps)
        cpu_ms.append((time.thread_time() - cpu_start) * 1e3 / args.steps)
        for i in range(4):
            phase_ms[i].append(phases[i] * 1e3 / args.steps)

    test_images = normalise(test[0])
    size = min(INFERENCE_BATCH, len(test_images))
    count = min(args.inference_batches, len(test_images) // size)
    batches = [test_images[k * size:(k + 1) * size] for k in range(count)]
    model.eval()
    rates = []
    with torch.no_grad():
        warm_until = time.perf_counter() + INFERENCE_WARMUP_SECONDS
        while True:
            for b in batches:
                model(b)
            if time.perf_counter() >= warm_until:
                break
        for _ in range(args.rounds):
            total = 0.0
            for b in batches:
                start = time.perf_counter()
                model(b)
                total += time.perf_counter() - start
            rates.append(len(batches) * size / total)

    median_step = float(np.median(step_ms))
    steps_per_epoch = (n + batch - 1) // batch
    return {
        "model": name, "parameters": sum(p.numel() for p in model.parameters()), "batch": batch,
        "steps": args.steps, "rounds": args.rounds, "steps_per_epoch": steps_per_epoch,
        "samples_per_second": batch / (median_step / 1e3),
        "epoch_seconds": median_step * steps_per_epoch / 1e3,
        "step_ms": median_step,
        "step_cpu_ms": float(np.median(cpu_ms)),
        "data_ms": float(np.median(phase_ms[0])),
        "forward_ms": float(np.median(phase_ms[1])),
        "backward_ms": float(np.median(phase_ms[2])),
        "optimizer_ms": float(np.median(phase_ms[3])),
        "inference_images_per_second": float(np.median(rates)),
        "peak_rss_mb": peak_rss_mb(),
        "last_round_loss": loss_sum / args.steps,
    }


def main():
    p = argparse.ArgumentParser(description="PyTorch reference for nn bench")
    p.add_argument("models", nargs="+", choices=["mlp", "cnn"])
    p.add_argument("--data-dir", default=os.environ.get("NN_DATA_DIR", os.path.expanduser("~/.nn/datasets/mnist")))
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--width", type=int, help="units of every hidden dense layer")
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--warmup", type=int, default=50)
    p.add_argument("--inference-batches", type=int, default=3, help="batches of 1000 per timed inference round")
    p.add_argument("--train-limit", type=int)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--epochs", type=int, help="train whole epochs with a DataLoader instead of timing steps")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    # Denormal floats slow some of PyTorch's CPU kernels many times over (the CNN's two speeds);
    # flushing them to zero is PyTorch's own advice for CPU training.
    flush_denormal = torch.set_flush_denormal(True)
    train = load_mnist(args.data_dir, "train")
    if args.train_limit:
        train = (train[0][:args.train_limit], train[1][:args.train_limit])
    test = load_mnist(args.data_dir, "test")
    builders = {"mnist_mlp": mlp, "mnist_cnn": cnn}
    run = train_epochs if args.epochs else bench
    results = [run(f"mnist_{m}", builders[f"mnist_{m}"](args.width), train, test, args) for m in args.models]
    info = {"framework": f"PyTorch {torch.__version__}", "blas": blas_in_use(), "flush_denormal": flush_denormal,
            "threads": torch.get_num_threads(), "cpu": platform.processor() or platform.machine(), "results": results}
    if args.json:
        print(json.dumps(info))
        return
    print(f"PyTorch {torch.__version__}: BLAS {info['blas']}, {info['threads']} thread(s), "
          f"flush_denormal {flush_denormal}")
    for r in results:
        if args.epochs:
            print(f"\n{r['model']}: {args.epochs} epochs, median {r['epoch_seconds']:.2f} s "
                  f"({', '.join(f'{t:.2f}' for t in r['epoch_seconds_each'])}), test accuracy {r['test_accuracy']:.4f}, "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB")
            continue
        print(f"\n{r['model']}: {r['parameters']:,} parameters, batch {r['batch']}, {r['rounds']} rounds of {r['steps']} steps")
        print(f"  samples/s     {r['samples_per_second']:,.0f}")
        print(f"  epoch time    {r['epoch_seconds']:.2f} s ({r['steps_per_epoch']} steps x median step time)")
        print(f"  step          {r['step_ms']:.3f} ms: data {r['data_ms']:.3f}, forward+loss {r['forward_ms']:.3f}, "
              f"backward {r['backward_ms']:.3f}, optimizer {r['optimizer_ms']:.3f}")
        print(f"  step CPU      {r['step_cpu_ms']:.3f} ms (main thread)")
        print(f"  inference     {r['inference_images_per_second']:,.0f} images/s (batch {INFERENCE_BATCH})")
        print(f"  peak RSS      {r['peak_rss_mb']:.0f} MB")
        print(f"  loss          {r['last_round_loss']:.4f} (mean of the last round)")


if __name__ == "__main__":
    main()
