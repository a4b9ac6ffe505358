#!/usr/bin/python3
"""Side-by-side tables from the JSON that `nn bench --json` and pytorch_bench.py --json print.

  table.py compare RESULTS_DIR   nn/<threads>-<model>.json beside torch/<threads>-<model>.json
  table.py scaling RESULTS_DIR   epoch time over batch sizes and hidden widths
  table.py epochs RESULTS_DIR    whole `nn train` epochs beside PyTorch's training loop, and
                                 beside nn bench's extrapolation when the step runs are there
Prints Markdown, ready for docs/performance.md.
"""
import glob
import json
import os
import re
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
    ("step_gflops", "step GFLOP/s (conv2d and dense work)", "{:.1f}", True),
    ("sgemm_peak_gflops", "1024³ SGEMM GFLOP/s, same threads", "{:.1f}", True),
    ("inference_images_per_second", "inference images/s (batch 1000)", "{:,.0f}", True),
    ("peak_rss_mb", "peak RSS (MB)", "{:.0f}", False),
]


def load(path):
    with open(path) as f:
        run = json.load(f)
    return run, run["results"][0]


def run_order(name):
    """1-mlp, 1-cnn, 2-mlp, 2-cnn: by threads, the MLP first."""
    threads, model = name.split("-", 1)
    return int(threads), model != "mlp"


def averaged(root, side, name):
    """A step run over its rounds (NAME-r1.json, ...): the run's description and the mean of every figure."""
    runs = [load(os.path.join(root, side, f"{n}.json")) for n in round_names(root, side, name, ".json")]
    if not runs:
        return None, None
    figures = dict(runs[0][1])
    for key, value in figures.items():
        values = [r[1].get(key) for r in runs]
        if isinstance(value, (int, float)) and not isinstance(value, bool) and len(set(values)) > 1:
            figures[key] = mean(values)
    figures["rounds_run"] = len(runs)
    return runs[0][0], figures


def step_run_names(root):
    """The step runs' names (1-mlp, 2-cnn, ...) without their round suffixes."""
    names = {re.sub(r"-r[0-9]+$", "", os.path.basename(p)[:-len(".json")])
             for p in glob.glob(os.path.join(root, "nn", "*-*.json"))}
    return sorted((n for n in names if re.fullmatch(r"[0-9]+-[a-z_]+", n)), key=run_order)


def compare(root):
    ratios = {}
    for name in step_run_names(root):
        nn_run, a = averaged(root, "nn", name)
        torch_run, b = averaged(root, "torch", name)
        if b is None:
            continue
        print(f"\n### {a['model']}, {nn_run['threads']} thread(s), batch {a['batch']}\n")
        print(f"nn: {nn_run['framework']}, natives {nn_run['natives']}, BLAS {nn_run['blas']} (bundled with ND4J), "
              f"{nn_run['threads']} thread(s). PyTorch: {torch_run['framework']}, BLAS {torch_run['blas']}, "
              f"{torch_run['threads']} thread(s). {a['rounds']} rounds of {a['steps']} steps, medians; "
              f"epoch time = median step time x {a['steps_per_epoch']} steps."
              + (f" The mean of {a['rounds_run']} runs of each side (in the order A B, then B A)."
                 if a["rounds_run"] > 1 else "") + "\n")
        print("| figure | nn | PyTorch | nn / PyTorch |")
        print("| --- | ---: | ---: | ---: |")
        for key, label, fmt, _ in FIGURES:
            if key not in b:  # a figure only nn measures
                print(f"| {label} | {fmt.format(a[key])} | - | - |")
                continue
            ratio = a[key] / b[key] if b[key] > 0 else float("nan")
            ratios[(a["model"], nn_run["threads"], key)] = ratio
            print(f"| {label} | {fmt.format(a[key])} | {fmt.format(b[key])} | {ratio:.2f} |")
    targets(ratios)


def targets(ratios):
    """The targets on the step figures, each checked against the ratios above."""
    checks = [("MLP epoch time (extrapolated) <= 0.7 x PyTorch, 0.8 x with 2 threads", "mnist_mlp", "epoch_seconds",
               lambda r, t: r <= (0.7 if t == 1 else 0.8)),
              ("CNN epoch time (extrapolated) <= 0.8 x PyTorch", "mnist_cnn", "epoch_seconds", lambda r, t: r <= 0.8),
              ("MLP inference >= 1.2 x PyTorch", "mnist_mlp", "inference_images_per_second", lambda r, t: r >= 1.2),
              ("CNN inference >= 1.2 x PyTorch", "mnist_cnn", "inference_images_per_second", lambda r, t: r >= 1.2),
              ("MLP peak RSS <= PyTorch's", "mnist_mlp", "peak_rss_mb", lambda r, t: r <= 1.0),
              ("CNN peak RSS <= PyTorch's", "mnist_cnn", "peak_rss_mb", lambda r, t: r <= 1.0)]
    print("\n### Targets (step runs)\n")
    print("| target | threads | nn / PyTorch | met |")
    print("| --- | ---: | ---: | --- |")
    for threads in sorted({k[1] for k in ratios if len(k) == 3}):
        for label, model, key, ok in checks:
            r = ratios.get((model, threads, key))
            if r is not None:
                print(f"| {label} | {threads} | {r:.2f} | {'yes' if ok(r, threads) else 'no'} |")


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


def nn_epochs_run(root, name):
    """Median epoch_seconds, final test accuracy and peak RSS of one `nn train` run, or None."""
    metrics = os.path.join(root, "nn", f"{name}-run", "metrics.jsonl")
    if not os.path.exists(metrics):
        return None
    with open(metrics) as f:
        lines = [json.loads(line) for line in f if line.strip()]
    seconds = sorted(m["epoch_seconds"] for m in lines)
    median_line = sorted(lines, key=lambda m: m["epoch_seconds"])[(len(lines) - 1) // 2]
    rss = None
    rss_path = os.path.join(root, "nn", f"{name}.rss_kb")
    if os.path.exists(rss_path):
        with open(rss_path) as f:
            rss = int(f.read().split()[-1]) / 1024
    return {"epoch_seconds": seconds[len(seconds) // 2] if len(seconds) % 2 else
            (seconds[len(seconds) // 2 - 1] + seconds[len(seconds) // 2]) / 2,
            "each": [m["epoch_seconds"] for m in lines], "test_accuracy": lines[-1].get("test_accuracy"),
            "peak_rss_mb": rss, "phases": median_line.get("phases"), "steps": median_line.get("steps")}


def round_names(root, side, name, suffix):
    """The names of a run's rounds (`NAME-r1`, `NAME-r2`, ...), or NAME alone from a run before rounds."""
    names, r = [], 1
    while os.path.exists(os.path.join(root, side, f"{name}-r{r}{suffix}")):
        names.append(f"{name}-r{r}")
        r += 1
    return names or ([name] if os.path.exists(os.path.join(root, side, f"{name}{suffix}")) else [])


def mean(values):
    return sum(values) / len(values)


def nn_epochs(root, name):
    """A `nn train` run over its rounds: the mean of their median epochs (and of their split), or None."""
    runs = [nn_epochs_run(root, n) for n in round_names(root, "nn", name, "-run")]
    runs = [r for r in runs if r]
    if not runs:
        return None
    phased = [r for r in runs if r["phases"]]
    return {"epoch_seconds": mean([r["epoch_seconds"] for r in runs]), "rounds": len(runs),
            "each": runs[0]["each"],
            "test_accuracy": runs[-1]["test_accuracy"],
            "peak_rss_mb": max((r["peak_rss_mb"] for r in runs if r["peak_rss_mb"]), default=None),
            "phases": {k: mean([r["phases"][k] / r["steps"] for r in phased]) for k in phased[0]["phases"]}
            if phased else None,
            "steps": 1 if phased else None}


def torch_epochs(root, name):
    """PyTorch's training loop over its rounds: the mean of their median epochs, or None."""
    runs = [load(os.path.join(root, "torch", f"{n}.json"))[1] for n in round_names(root, "torch", name, ".json")]
    if not runs:
        return None
    return {"epoch_seconds": mean([r["epoch_seconds"] for r in runs]), "test_accuracy": runs[-1]["test_accuracy"],
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}


def epochs(root):
    print("\n### Whole epochs: `nn train` against PyTorch's training loop\n")
    print("Median epoch time over the epochs run (training loop only, evaluation excluded on both sides), "
          "the mean over the rounds (run in the order A B, then B A); accuracy after the last epoch of the last "
          "round; the highest peak RSS of a whole process.\n")
    print("| model | threads | rounds x epochs | nn (s) | PyTorch (s) | nn / PyTorch | nn accuracy | PyTorch accuracy "
          "| nn peak RSS (MB) | PyTorch peak RSS (MB) | nn bench extrapolation (s) | train / bench |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    plain, epoch_ratios, phase_rows = {}, {}, []
    for t in (1, 2):
        for model in ("mlp", "cnn", "cnn_bn"):
            a = nn_epochs(root, f"{t}-epochs-{model}")
            if a is None:
                continue
            b = torch_epochs(root, f"{t}-epochs-{model}")
            bench_run = averaged(root, "nn", f"{t}-{model}")[1]
            bench = bench_run["epoch_seconds"] if bench_run else None
            if bench_run and a["phases"]:
                per_step = {k: 1000 * v / a["steps"] for k, v in a["phases"].items()}
                phase_rows.append((f"mnist_{model}", t, per_step, bench_run))
            plain[(model, t)] = a["epoch_seconds"]
            if b:
                epoch_ratios[(model, t)] = a["epoch_seconds"] / b["epoch_seconds"]
            cells = [f"mnist_{model}", str(t), f"{a['rounds']} x {len(a['each'])}", f"{a['epoch_seconds']:.2f}",
                     f"{b['epoch_seconds']:.2f}" if b else "-",
                     f"{a['epoch_seconds'] / b['epoch_seconds']:.2f}" if b else "-",
                     f"{100 * a['test_accuracy']:.2f} %" if a["test_accuracy"] is not None else "-",
                     f"{100 * b['test_accuracy']:.2f} %" if b else "-",
                     f"{a['peak_rss_mb']:.0f}" if a["peak_rss_mb"] else "-",
                     f"{b['peak_rss_mb']:.0f}" if b else "-",
                     f"{bench:.2f}" if bench else "-",
                     (f"{a['epoch_seconds'] / bench:.2f}" + (" (over 10 %: a bug to find)"
                                                             if abs(a["epoch_seconds"] / bench - 1) > 0.10 else ""))
                     if bench else "-"]
            print("| " + " | ".join(cells) + " |")
    if phase_rows:
        print("\n### Where an epoch's step time goes: `nn train` (median epoch) beside `nn bench` (ms a step)\n")
        print("GC overlaps the other phases; `other` is the epoch's time outside the four phases (listeners, the loop).\n")
        print("| model | threads | feed | forward+loss | backward | update | other | GC | bench: data | forward+loss | backward | optimizer |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for model, t, p, b in phase_rows:
            print(f"| {model} | {t} | {p['feed']:.3f} | {p['forward']:.3f} | {p['backward']:.3f} | {p['update']:.3f} | "
                  f"{p['other']:.3f} | {p['gc']:.3f} | {b['data_ms']:.3f} | {b['forward_ms']:.3f} | {b['backward_ms']:.3f} | "
                  f"{b['optimizer_ms']:.3f} |")
    print("\n### Targets (whole epochs)\n")
    print("| target | threads | ratio | met |")
    print("| --- | ---: | ---: | --- |")
    for (model, t), ratio in sorted(epoch_ratios.items()):
        limit = 0.8 if model == "cnn" else (0.7 if t == 1 else 0.8)
        print(f"| {model.upper()} epoch <= {limit} x PyTorch | {t} | {ratio:.2f} | {'yes' if ratio <= limit else 'no'} |")
    if ("cnn", 1) in plain and ("cnn", 2) in plain:
        gain = plain[("cnn", 1)] / plain[("cnn", 2)]
        print(f"| CNN gains from a second thread | 2 | {gain:.2f} x as fast | {'yes' if gain > 1 else 'no'} |")
    if ("mlp", 1) in plain and ("mlp", 2) in plain:
        r = plain[("mlp", 2)] / plain[("mlp", 1)]
        print(f"| MLP does not lose with a second thread | 2 | {r:.2f} x the 1-thread epoch | {'yes' if r <= 1.0 else 'no'} |")
    if ("cnn_bn", 1) in plain and ("cnn", 1) in plain:
        r = plain[("cnn_bn", 1)] / plain[("cnn", 1)]
        print(f"| CNN with batchnorm <= 1.3 x the plain CNN's epoch | 1 | {r:.2f} | {'yes' if r <= 1.3 else 'no'} |")
        print(f"\nBatch-normalised CNN (benchmarks/mnist-cnn-batchnorm.nn: mnist-cnn-best.nn's network, the plain training settings) / plain CNN, 1 thread: "
              f"{plain[('cnn_bn', 1)] / plain[('cnn', 1)]:.2f}")


if __name__ == "__main__":
    commands = {"compare": compare, "scaling": scaling, "epochs": epochs}
    if len(sys.argv) != 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2])
