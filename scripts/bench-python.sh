#!/usr/bin/env bash
# The Python package against the command line on the same input: `demarche.classify` over ten
# copies of BBC News politics (../shared/data/bbc-news/bbc/politics, 417 articles, 11 MB),
# timed inside Python after import (articles read into a DataFrame beforehand), and
# `demarche classify` on the same articles as one JSONL file. Rounds alternate between the two.
#
#   scripts/bench-python.sh [ROUNDS]   # needs ../shared/data and the package built by .ci/python
#
# DEMARCHE_VENV names the virtual environment with the package (default target/python-venv).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data/bbc-news/bbc/politics"
rounds="${1:-5}"
venv="${DEMARCHE_VENV:-$root/target/python-venv}"
[[ -d "$data" ]] || { echo "no $data: nothing to benchmark" >&2; exit 1; }
[[ -x "$venv/bin/python" ]] || { echo "no $venv: run .ci/python first" >&2; exit 1; }
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/demarche"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
topic="the government's immigration policy"

python3 - "$data" "$work/x10.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
texts = [open(os.path.join(src, n), encoding="utf-8", errors="replace").read() for n in names]
with open(out, "w") as f:
    for r in range(10):
        for n, t in zip(names, texts):
            f.write(json.dumps({"id": f"{r}/{n}", "text": t}) + "\n")
PY

for round in $(seq "$rounds"); do
    start=$(date +%s.%N)
    "$bin" classify "$work/x10.jsonl" --topic "$topic" --quiet > "$work/cli.jsonl"
    end=$(date +%s.%N)
    cli=$(python3 -c "print(f'{$end - $start:.3f}')")
    py=$("$venv/bin/python" - "$work/x10.jsonl" "$topic" <<'PY'
import sys, time
import pandas as pd
import demarche
df = pd.read_json(sys.argv[1], lines=True, dtype={"id": str})
start = time.perf_counter()
rows = demarche.classify(df, topic=sys.argv[2])
seconds = time.perf_counter() - start
print(f"{seconds:.3f} {len(rows)}")
PY
)
    read -r pys pyrows <<< "$py"
    clirows=$(wc -l < "$work/cli.jsonl")
    python3 -c "import sys; c, p = map(float, sys.argv[1:3]); print(f'round {sys.argv[3]}: CLI {c:.3f} s ({sys.argv[4]} rows), Python {p:.3f} s ({sys.argv[5]} rows), ratio {p / c:.2f}')" \
        "$cli" "$pys" "$round" "$clirows" "$pyrows"
done
