#!/usr/bin/env bash
# How fast this machine is right now: CPU seconds of a fixed single-thread loop. On a shared virtual machine the
# figure moves from minute to minute; run it between benchmark runs and compare runs only within one sitting.
set -euo pipefail
python3 -c "
import time
start = time.process_time()
total = 0
for i in range(10_000_000):
    total += i * i % 7
print(f'calibration loop: {time.process_time() - start:.2f} s of CPU')
"
