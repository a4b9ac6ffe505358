#!/usr/bin/env bash
# One process against a loopback Spark cluster of two workers (one core each, separate JVMs):
# epoch time, test accuracy and bytes per step, for gradient averaging and --sync-every K.
# Prints a Markdown table; every row carries the load average at its end (uptime).
#
#   benchmarks/spark-cluster/run.sh [MODEL.nn ...]      (default: examples/mnist-cnn.nn examples/mnist-mlp.nn)
#
# EPOCHS (2), TRAIN_LIMIT (12000; empty = the whole training set), TEST_LIMIT (2000), SYNC (the K
# values, "4 16") and NN_DATA_DIR as usual. The epoch time is the last epoch's (the first pays
# for the JIT and, on Spark, for starting the executors' ND4J). Measure on an idle machine: the
# two workers need a core each.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
epochs="${EPOCHS:-2}"
train_limit="${TRAIN_LIMIT-12000}"
test_limit="${TEST_LIMIT:-2000}"
syncs="${SYNC:-4 16}"
models=("$@")
(( ${#models[@]} )) || models=(examples/mnist-cnn.nn examples/mnist-mlp.nn)
out="$(mktemp -d /tmp/nn-spark-bench.XXXXXX)"
limits=(--epochs "$epochs" --test-limit "$test_limit" --no-progress --threads 1)
[[ -n "$train_limit" ]] && limits+=(--train-limit "$train_limit")

load() { uptime | sed 's/.*load average: //'; }

# epoch time of the last epoch, final accuracy, bytes per step (both ways) of a run directory.
row() { # name dir
  python3 - "$1" "$2" "$(load)" <<'PY'
import json, sys, pathlib
name, run, load = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
epochs = [json.loads(l) for l in (run / "metrics.jsonl").read_text().splitlines() if l.strip()]
last = epochs[-1]
comm = run / "communication.json"
if comm.exists():
    c = json.loads(comm.read_text())
    per_step = (c["bytes_broadcast_per_sync"] + c["bytes_returned_per_sync"]) / c["sync_every"]
    wall = f'{c["wall_ms_per_sync"]:.1f} ms / {c["compute_ms_per_sync"]:.1f} ms'
    extra = f'{per_step / 1e6:.2f} MB | {wall} | {c["spark_failed_tasks"]}'
else:
    extra = "- | - | -"
print(f'| {name} | {last["epoch_seconds"]:.1f} s | {100 * last["test_accuracy"]:.2f} % | {extra} | {load} |', flush=True)
PY
}

started=$SECONDS
master="$(nn-spark/cluster.sh start)"
echo "cluster (master + 2 workers) up in $((SECONDS - started)) s at $master; load $(load)"
trap 'nn-spark/cluster.sh stop' EXIT

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, epochs $epochs, train limit ${train_limit:-all}, test limit $test_limit"
for model in "${models[@]}"; do
  name="$(basename "$model" .nn)"
  echo
  echo "### $name"
  echo
  echo "| run | epoch $epochs time | test accuracy | bytes per step (both ways) | wall / compute per sync | failed tasks | load (1, 5, 15 min) |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  ./nn train "$model" "${limits[@]}" --out "$out/$name-single" >"$out/$name-single.log" 2>&1
  row "1 process, 1 thread" "$out/$name-single"
  ./nn train "$model" "${limits[@]}" --spark "$master" --out "$out/$name-k1" >"$out/$name-k1.log" 2>&1
  row "2 workers, gradient averaging" "$out/$name-k1"
  for k in $syncs; do
    ./nn train "$model" "${limits[@]}" --spark "$master" --sync-every "$k" --out "$out/$name-k$k" >"$out/$name-k$k.log" 2>&1
    row "2 workers, --sync-every $k" "$out/$name-k$k"
  done
done
echo
echo "runs and logs in $out"
