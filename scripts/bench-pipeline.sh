#!/usr/bin/env bash
# The whole pipeline (read, extract, resolve, classify, report) on BBC News politics
# (../shared/data/bbc-news/bbc/politics, 417 articles) and on 10x that input, plus the startup
# cost of classifying one small article with the built-in model.
#
#   scripts/bench-pipeline.sh [ROUNDS]     # needs ../shared/data and GNU time
#
# Prints, per command and input: megabytes, wall seconds, MB/s and peak memory (max RSS).
# The 10x input is the 417 articles repeated ten times as one JSONL stream on standard input,
# built in a temporary directory (nothing from the data set is written inside the repository).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data/bbc-news/bbc/politics"
rounds="${1:-3}"
[[ -d "$data" ]] || { echo "no $data: nothing to benchmark" >&2; exit 0; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 1; }
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/demarche"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$data" "$work" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
texts = [open(os.path.join(src, n), encoding="utf-8", errors="replace").read() for n in names]
for k in (1, 10):
    with open(os.path.join(out, f"x{k}.jsonl"), "w") as f:
        for r in range(k):
            for n, t in zip(names, texts):
                f.write(json.dumps({"id": f"{r}/{n}", "text": t}) + "\n")
PY

topic="the government's immigration policy"
run() {  # label, input file, command...
    local label="$1" input="$2"; shift 2
    local mb; mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$input")
    for _ in $(seq "$rounds"); do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" < "$input" > /dev/null
        read -r secs kb < "$work/time"
        python3 -c "import sys; mb, s, kb = map(float, sys.argv[2:]); print(f'{sys.argv[1]:<28} {mb:7.1f} MB {s:7.2f} s {mb / s:6.2f} MB/s  peak {kb / 1024:6.1f} MiB')" \
            "$label" "$mb" "$secs" "$kb"
    done
}
for k in 1 10; do
    run "quotes x$k" "$work/x$k.jsonl" "$bin" quotes - --quiet
    run "classify x$k" "$work/x$k.jsonl" "$bin" classify - --topic "$topic" --quiet
    run "report x$k" "$work/x$k.jsonl" "$bin" report - --topic "$topic" --quiet
done
for t in 1; do
    run "classify x1, 1 thread" "$work/x1.jsonl" env RAYON_NUM_THREADS=$t "$bin" classify - --topic "$topic" --quiet
done

# Startup: one small article (the first BBC politics one), classified with the built-in model.
small="$data/001.txt"
python3 - "$bin" "$small" "$topic" <<'PY'
import statistics, subprocess, sys, time
binary, path, topic = sys.argv[1:]
times = []
for _ in range(30):
    t = time.perf_counter()
    subprocess.run([binary, "classify", path, "--topic", topic], check=True, stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"startup: classify one article ({path.rsplit('/', 1)[-1]}), 30 runs: "
      f"median {statistics.median(times):.1f} ms, min {times[0]:.1f} ms, max {times[-1]:.1f} ms")
PY
