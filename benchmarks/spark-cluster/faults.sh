#!/usr/bin/env bash
# The two faults of docs/distributed.md on the loopback cluster, each against an undisturbed run:
#  1. kill -9 of one executor JVM in the middle of epoch 2: the run finishes on what is left;
#  2. kill -9 of the driver in the middle of epoch 2: --resume from model.nnc (epoch 1) finishes it.
# Prints each outcome and whether the final parameters equal the undisturbed run's.
#
#   benchmarks/spark-cluster/faults.sh [MODEL.nn]     (default examples/mnist-mlp.nn)
#
# EPOCHS (3), TRAIN_LIMIT (4000), TEST_LIMIT (500); UNDISTURBED=DIR reuses an earlier undisturbed run. Starts and stops its own cluster unless
# MASTER names a running one (NN_SPARK_MASTER_PORT and NN_SPARK_DIR, as for nn-spark/cluster.sh, put it beside another).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
model="${1:-examples/mnist-mlp.nn}"
out="$(mktemp -d /tmp/nn-spark-faults.XXXXXX)"
if [[ -z "${MASTER:-}" ]]; then
  MASTER="$(nn-spark/cluster.sh start)"
  trap 'nn-spark/cluster.sh stop' EXIT
fi
args=(train "$model" --spark "$MASTER" --epochs "${EPOCHS:-3}" --train-limit "${TRAIN_LIMIT:-4000}"
  --test-limit "${TEST_LIMIT:-500}" --no-progress)

# Waits until the log shows epoch 1, then a little into epoch 2.
await_epoch_one() { until grep -q "^epoch  1" "$1"; do sleep 0.2; done; sleep "${INTO_EPOCH:-2}"; }

same() { # two checkpoints: bit-identical, or how far the second run's test figures are from the first's (dropout)
  unzip -p "$1" params.bin | cmp -s - <(unzip -p "$2" params.bin) && echo "bit-identical parameters" \
    || python3 - "$(dirname "$1")/metrics.jsonl" "$(dirname "$2")/metrics.jsonl" <<'PY'
import json, sys
a, b = ([json.loads(l) for l in open(f) if l.strip()] for f in sys.argv[1:3])
diffs = ", ".join(f'epoch {x["epoch"]}: {100 * x["test_accuracy"]:.2f} -> {100 * y["test_accuracy"]:.2f} %'
                  f' (test loss {x["test_loss"]:.4f} -> {y["test_loss"]:.4f})' for x, y in zip(a, b))
print("parameters differ; " + diffs)
PY
}

if [[ -n "${UNDISTURBED:-}" ]]; then # the run directory of an earlier undisturbed run with the same settings
  ln -s "$UNDISTURBED" "$out/undisturbed"
else
  echo "undisturbed run..."
  ./nn "${args[@]}" --out "$out/undisturbed" >"$out/undisturbed.log" 2>&1
  grep "final test accuracy" "$out/undisturbed.log"
fi

echo "kill -9 of one executor in epoch 2..."
./nn "${args[@]}" --out "$out/executor" >"$out/executor.log" 2>&1 &
driver=$!
await_epoch_one "$out/executor.log"
victim="$(nn-spark/cluster.sh executors | sed -n 1p)"
kill -9 "$victim" && echo "killed executor pid $victim at $(date -u +%T)"
wait "$driver" && echo "run finished (exit 0)" || echo "run FAILED (exit $?)"
grep "communication per sync\|final test accuracy" "$out/executor.log" || true
python3 -c "import json,sys; c=json.load(open(sys.argv[1])); print('failed tasks rerun:', c['spark_failed_tasks'])" "$out/executor/communication.json"
echo "against the undisturbed run: $(same "$out/undisturbed/model.nnc" "$out/executor/model.nnc")"

echo "kill -9 of the driver in epoch 2, then --resume..."
./nn "${args[@]}" --out "$out/driver" >"$out/driver.log" 2>&1 &
driver=$!
await_epoch_one "$out/driver.log"
# The checkpoint is written after the epoch line: on a busy machine it can take longer than INTO_EPOCH.
until [[ -f "$out/driver/model.nnc" ]]; do sleep 0.2; done
# ./nn execs java, so $driver is the driver JVM itself.
kill -9 "$driver" && echo "killed driver pid $driver at $(date -u +%T)"
wait "$driver" 2>/dev/null || true
./nn train --resume "$out/driver/model.nnc" --spark "$MASTER" --no-progress >"$out/resume.log" 2>&1 \
  && echo "resumed run finished (exit 0)" || echo "resumed run FAILED (exit $?)"
grep "resuming\|final test accuracy" "$out/resume.log" || true
echo "against the undisturbed run: $(same "$out/undisturbed/model.nnc" "$out/driver/model.nnc")"
echo "runs and logs in $out"
