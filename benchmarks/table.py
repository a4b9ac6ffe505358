#!/usr/bin/python3
"""Side-by-side tables from the JSON that `nn bench --json` and pytorch_bench.py --json print.

  table.py compare RESULTS_DIR   nn/<threads>-<model>.json beside torch/<threads>-<model>.json
  table.py scaling RESULTS_DIR   epoch time over batch sizes and hidden widths
Prints Markdown, ready for docs/performance.md.
"""
import glob
import json
import os
import sys

FIGURES = [  # key, label, format, whether higher is better
    ("epoch_seconds", "epoch time (s)", "{:.2f}", False),
    ("samples_per_second", "training samples/s", "{:,.0f}", True),
    ("step_ms", "step (ms)", "{:.3f}", False),
    ("step_cpu_ms", "step CPU time, main thread (ms)", "{:.3f}", False),
    ("data_ms", "  data (ms)", "{:.3f}", False),
    ("forward_ms", "  forward + loss (ms)", "{:.3f}", False),
    ("backward_ms", "  backward (ms)", "{:.3f}", False),
    ("optimizer_ms", "  optimizer (ms)", "{:.3f}", False),
    ("heap_bytes_per_step", "Java heap garbage per step (bytes)", "{:,.0f}", False),
    ("inference_images_per_second", "inference images/s (batch 1000)", "{:,.0f}", True),
    ("peak_rss_mb", "peak RSS (MB)", "{:.0f}", False),
]


def load(path):
    with open(path) as f:
        run = json.load(f)
    return run, run["results"][0]


def run_order(path):
    """1-mlp, 1-cnn, 2-mlp, 2-cnn: by threads, the MLP first."""
    threads, model = os.path.basename(path)[:-len(".json")].split("-", 1)
    return int(threads), model != "mlp"


def compare(root):
    ratios = {}
    for nn_path in sorted(glob.glob(os.path.join(root, "nn", "*-*.json")), key=run_order):
        name = os.path.basename(nn_path)
        torch_path = os.path.join(root, "torch", name)
        if not os.path.exists(torch_path):
            continue
        nn_run, a = load(nn_path)
        torch_run, b = load(torch_path)
        print(f"\n### {a['model']}, {nn_run['threads']} thread(s), batch {a['batch']}\n")
        print(f"nn: {nn_run['framework']}, natives {nn_run['natives']}, BLAS {nn_run['blas']} (bundled with ND4J), "
              f"{nn_run['threads']} thread(s). PyTorch: {torch_run['framework']}, BLAS {torch_run['blas']}, "
              f"{torch_run['threads']} thread(s). {a['rounds']} rounds of {a['steps']} steps, medians; "
              f"epoch time = median step time x {a['steps_per_epoch']} steps.\n")
        print("| figure | nn | PyTorch | nn / PyTorch |")
        print("| --- | ---: | ---: | ---: |")
        for key, label, fmt, _ in FIGURES:
            if key not in b:  # a figure only nn measures
                print(f"| {label} | {fmt.format(a[key])} | - | - |")
                continue
            ratio = a[key] / b[key] if b[key] > 0 else float("nan")
            ratios[(a["model"], nn_run["threads"], key)] = ratio
            print(f"| {label} | {fmt.format(a[key])} | {fmt.format(b[key])} | {ratio:.2f} |")
        if a["model"] == "mnist_mlp":
            ratios[("mlp_rss", nn_run["threads"])] = a["peak_rss_mb"]
    targets(ratios)


def targets(ratios):
    """The issue's targets, each checked against the ratios above."""
    checks = [("MLP epoch time <= 0.8 x PyTorch", "mnist_mlp", "epoch_seconds", lambda r: r <= 0.8),
              ("CNN epoch time <= 1.0 x PyTorch", "mnist_cnn", "epoch_seconds", lambda r: r <= 1.0),
              ("MLP inference >= PyTorch", "mnist_mlp", "inference_images_per_second", lambda r: r >= 1.0),
              ("CNN inference >= PyTorch", "mnist_cnn", "inference_images_per_second", lambda r: r >= 1.0)]
    print("\n### Targets\n")
    print("| target | threads | nn / PyTorch | met |")
    print("| --- | ---: | ---: | --- |")
    for threads in sorted({k[1] for k in ratios if len(k) == 3}):
        for label, model, key, ok in checks:
            r = ratios.get((model, threads, key))
            if r is not None:
                print(f"| {label} | {threads} | {r:.2f} | {'yes' if ok(r) else 'no'} |")
        rss = ratios.get(("mlp_rss", threads))
        if rss is not None:
            print(f"| MLP peak RSS <= 1024 MB | {threads} | {rss:.0f} MB | {'yes' if rss <= 1024 else 'no'} |")


def scaling(root):
    for axis, label in (("batch", "batch size"), ("width", "hidden width")):
        rows = {}
        for side in ("nn", "torch"):
            for path in glob.glob(os.path.join(root, side, f"{axis}-*.json")):
                value = int(os.path.basename(path)[len(axis) + 1:-len(".json")])
                rows.setdefault(value, {})[side] = load(path)[1]
        if not rows:
            continue
        print(f"\n### MLP epoch time by {label}\n")
        print(f"| {label} | parameters | nn (s) | PyTorch (s) | nn / PyTorch |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for value in sorted(rows):
            a, b = rows[value].get("nn"), rows[value].get("torch")
            if a is None or b is None:
                continue
            print(f"| {value} | {a['parameters']:,} | {a['epoch_seconds']:.2f} | {b['epoch_seconds']:.2f} | "
                  f"{a['epoch_seconds'] / b['epoch_seconds']:.2f} |")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("compare", "scaling"):
        sys.exit(__doc__)
    (compare if sys.argv[1] == "compare" else scaling)(sys.argv[2])
