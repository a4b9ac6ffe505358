#!/usr/bin/python3
"""What oneDNN runs in nn's training step, per primitive kind and implementation, per step.

Runs `nn bench FILE` with DNNL_VERBOSE=1 for a few training steps (no inference), then sums
oneDNN's own timings of every primitive it executed in training steps, divided by the steps
run (warm-up steps included, since oneDNN logs them too; the inference pass is left out):

  benchmarks/onednn_profile.py examples/mnist-cnn.nn [--jar JAR] [--steps N] [--threads N]
      [--java-opt -Dnn.channels-last=false]

DNNL_MAX_CPU_ISA=AVX2 in the environment shows what a machine without AVX-512 runs.
"""
import argparse
import collections
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("file")
p.add_argument("--jar", default=os.path.join(root, "nn-cli", "target", "nn.jar"))
p.add_argument("--steps", type=int, default=10)
p.add_argument("--warmup", type=int, default=3)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--java-opt", action="append", default=[])
args = p.parse_args()

env = dict(os.environ, DNNL_VERBOSE="1", OMP_NUM_THREADS=str(args.threads))
command = ["java", "-Xmx1g", "-XX:+UseSerialGC", "-Xmn24m", *args.java_opt, "-jar", args.jar, "bench", args.file,
           "--threads", str(args.threads), "--steps", str(args.steps),
           "--rounds", "1", "--warmup", str(args.warmup), "--inference-batches", "1"]
run = subprocess.run(command, env=env, capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"onednn_profile: nn bench failed:\n{run.stderr[-2000:]}")
time_ms, calls = collections.defaultdict(float), collections.Counter()
for line in run.stdout.splitlines():
    if not line.startswith("dnnl_verbose,exec") or "mb1000" in line or ",1000x" in line:
        continue  # the inference pass on a batch of 1000 is not part of a training step
    fields = line.split(",")
    key = (fields[3], fields[4], fields[5])  # kind, implementation, propagation
    time_ms[key] += float(fields[-1])
    calls[key] += 1
steps = args.steps + args.warmup
print(f"oneDNN per training step ({steps} steps of {args.file}, {args.threads} thread(s); {' '.join(args.java_opt) or 'defaults'}"
      f"{', DNNL_MAX_CPU_ISA=' + os.environ['DNNL_MAX_CPU_ISA'] if 'DNNL_MAX_CPU_ISA' in os.environ else ''})\n")
print("| primitive | implementation | propagation | calls a step | ms a step |")
print("| --- | --- | --- | ---: | ---: |")
for key in sorted(time_ms, key=lambda k: -time_ms[k]):
    print(f"| {key[0]} | {key[1]} | {key[2]} | {calls[key] / steps:.1f} | {time_ms[key] / steps:.2f} |")
print(f"| all | | | {sum(calls.values()) / steps:.1f} | {sum(time_ms.values()) / steps:.2f} |")
print("\n" + "\n".join(l for l in run.stdout.splitlines() if l.startswith(("  step", "  compute"))))
