#!/usr/bin/env bash
# The full performance run behind docs/BENCHMARKS.md (about 25 minutes on 2 cores).
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
} | tee "$out/machine.txt"

echo "== understanding + search latency (JMH, sample mode)"
java -jar "$jar" jmh UnderstandingBenchmark -rf json -rff "$out/understanding.json" | tee "$out/understanding.txt"

echo "== understanding: CPU time per message"
java -jar "$jar" understanding | tee "$out/understanding-cpu.txt"

echo "== index build time and heap"
java -Xmx1g -jar "$jar" index | tee "$out/index.txt"

echo "== pipeline at 500 messages/s, 5,000 services, 10,000 residents, -Xmx256m"
java -Xmx256m -jar "$jar" pipeline --rate 500 --seconds 30 | tee "$out/pipeline-500.txt"

echo "== pipeline, as fast as it goes"
java -Xmx256m -jar "$jar" pipeline --rate 0 --seconds 30 | tee "$out/pipeline-max.txt"

echo "== start-up to first answer, and the smallest heap that answers"
java -jar "$jar" startup --services 5000 --residents 10000 | tee "$out/startup.txt"

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
