#!/usr/bin/env bash
# The full performance run behind docs/BENCHMARKS.md (about 35 minutes on 2 cores).
# Run it with nothing else on the machine; the calibration loop between the runs shows how fast the machine was.
# Usage: benchmarks/run.sh [output directory]   (default: benchmarks/target/results)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-benchmarks/target/results}
mkdir -p "$out"
mvn -B -q -DskipTests package
jar=benchmarks/target/benchmarks.jar

{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  lscpu | grep 'Model name' || true
  free -m | awk '/Mem:/ {print "memory: " $2 " MiB"}'
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
  benchmarks/calibrate.sh
} | tee "$out/machine.txt"

echo "== understanding + search latency (JMH, sample mode)"
java -jar "$jar" jmh UnderstandingBenchmark -rf json -rff "$out/understanding.json" | tee "$out/understanding.txt"

echo "== understanding: CPU time per message"
benchmarks/calibrate.sh
java -jar "$jar" understanding --sizes 500,5000,50000 --warmup 3000 --messages 5000 --slowest 8 | tee "$out/understanding-cpu.txt"

echo "== index build time and heap"
java -Xmx1g -jar "$jar" index | tee "$out/index.txt"

echo "== the retention job, and how long a write waits meanwhile"
java -Xmx256m -jar "$jar" retention --days-past-limit 0,2 | tee "$out/retention.txt"

# two minutes of warm-up: on two cores the JIT compilers take a third of the CPU for the first minute
for rate in 0 250 500; do
  echo "== pipeline through the fake Telegram server, rate $rate (0: as fast as it goes), 5,000 services, 10,000 residents, -Xmx256m"
  benchmarks/calibrate.sh
  java -Xmx256m -jar "$jar" pipeline --rate "$rate" --seconds 30 --warmup 120 | tee "$out/pipeline-telegram-$rate.txt"
done
echo "== pipeline through the fake Telegram server, a fixed 500 msg/s after a warm-up as fast as it goes (no queue left by the JIT's first minutes)"
benchmarks/calibrate.sh
java -Xmx256m -jar "$jar" pipeline --rate 500 --warmup-rate 0 --seconds 30 --warmup 120 --slowest 20 | tee "$out/pipeline-telegram-500-warm.txt"
echo "== pipeline, direct to the router, as fast as it goes"
benchmarks/calibrate.sh
java -Xmx256m -jar "$jar" pipeline --channel direct --rate 0 --seconds 30 --warmup 120 | tee "$out/pipeline-direct-max.txt"

echo "== start-up to first answer, and the smallest heap that answers"
benchmarks/calibrate.sh
java -jar "$jar" startup --services 5000 --residents 10000 --runs 3 --heap-steps 256m,128m,96m,64m | tee "$out/startup.txt"

if command -v hyperfine >/dev/null 2>&1; then
  echo "== start-up, timed by hyperfine"
  data=$(mktemp -d)
  java -jar "$jar" generate --services 5000 --residents 10000 --data "$data/ws" >/dev/null
  LUISTERLOKET_DATA_DIRECTORY="$data/ws" LUISTERLOKET_KNOWLEDGE_BASE_SAMPLE_FILE="$data/ws/services.json" \
    hyperfine --warmup 1 --runs 10 --export-markdown "$out/startup-hyperfine.md" \
    "printf 'ik heb schulden\n' | java -Xmx256m -jar bot/target/luisterloket.jar chat"
  rm -rf "$data"
fi
echo "Results in $out"
