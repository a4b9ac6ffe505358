"""torch.mm on the shapes of benchmarks/MatmulCalls.java: wall time per call, best and median.
Run with the same thread count, e.g. OMP_NUM_THREADS=1 python3 benchmarks/torch_matmul.py [CALLS]"""
import os
import sys
import time

import torch

SHAPES = [(1000, 784, 128), (1000, 128, 64), (1000, 64, 10), (64, 784, 128), (64, 128, 64), (64, 64, 10),
          (1, 784, 128), (1, 128, 64), (1, 64, 10)]

def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    torch.set_flush_denormal(True)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), {calls} calls a shape")
    for m, k, n in SHAPES:
        a, b = torch.rand(m, k), torch.rand(k, n)
        times = []
        for i in range(-(calls // 10), calls):
            start = time.perf_counter_ns()
            torch.mm(a, b)
            if i >= 0:
                times.append(time.perf_counter_ns() - start)
        times.sort()
        median = times[calls // 2]
        print(f"{m:4d} x {k:3d} x {n:3d}  best {times[0] / 1e3:8.1f} us  median {median / 1e3:8.1f} us"
              f"  ({2.0 * m * k * n / median:.1f} GFLOP/s at the median)")

if __name__ == "__main__":
    main()
