#!/usr/bin/env bash
# Side-by-side: demarche train/eval against scikit-learn (../shared/tools/sklearn_baseline.py)
# on SemEval-2016 task A (--per-topic), Emergent (official split) and P-Stance, in one run.
#
#   scripts/bench-models.sh [ROUNDS]      # needs ../shared/data, python3 with scikit-learn
#
# Prints one line per engine, data set and round: the score, the training seconds each tool
# reports, the whole process's wall seconds, peak memory (GNU time) and prediction rows/s.
# Nothing from the data sets is written inside the repository (a temporary directory is used).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
data="$shared/data"
rounds="${1:-1}"
[[ -d "$data" ]] || { echo "no $data: nothing to benchmark" >&2; exit 0; }
python3 -c "import sklearn" 2>/dev/null || { echo "needs scikit-learn: pip install scikit-learn" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 1; }

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/demarche"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Inputs as both tools read them: one training file and one test file per data set.
sem="$data/semeval2016-task6"
{ cat "$sem/trainingdata-all-annotations.txt"; tail -n +2 "$sem/trialdata-all-annotations.txt"; } > "$work/semeval-train.tsv"
cp "$sem/testdata-taskA-all-annotations.txt" "$work/semeval-test.tsv"
ps="$data/pstance"
for part in train test; do
    { head -n 1 "$ps/raw_${part}_trump.csv"
      for f in "$ps"/raw_"$part"_*.csv; do tail -n +2 "$f" | sed -e '$a\'; done
    } > "$work/pstance-$part.csv"
done
python3 - "$data/emergent" "$work" <<'PY'
import csv, sys
src, out = sys.argv[1], sys.argv[2]
test = set()
for name in ("url-versions-2015-06-14-clean-test-correct.csv", "url-versions-2015-06-14-clean-test-errors.csv"):
    test |= {r[""] for r in csv.DictReader(open(f"{src}/{name}", newline=""))}
rows = list(csv.DictReader(open(f"{src}/url-versions-2015-06-14-clean.csv", newline="")))
for part, keep in (("train", lambda r: r["id"] not in test), ("test", lambda r: r["id"] in test)):
    with open(f"{out}/emergent-{part}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(r for r in rows if keep(r))
PY

peak() { awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.2f", s}' "$1"; }

# name, extra demarche train flags, sklearn flags, demarche column flags
run() {
    local name=$1 ours_flags=$2 sk_flags=$3 cols=$4 round=$5
    local train="$work/$name-train.${6:-csv}" test="$work/$name-test.${6:-csv}"
    # shellcheck disable=SC2086
    /usr/bin/time -v "$bin" train "$train" $cols $ours_flags -o "$work/$name.dmm" --format json \
        > "$work/ours-train.json" 2> "$work/ours-train.time"
    # The eval runs alone, its output to a file: piping it into python3 would start the
    # interpreter on the same two cores while the predictions are timed (measured: half the
    # rows per second on SemEval).
    # shellcheck disable=SC2086
    "$bin" eval "$test" $cols --model "$work/$name.dmm" --format json > "$work/ours-eval.json"
    # shellcheck disable=SC2086
    /usr/bin/time -v python3 "$shared/tools/sklearn_baseline.py" --train "$train" --test "$test" $sk_flags \
        > "$work/sk.json" 2> "$work/sk.time"
    python3 - "$name" "$round" "$work" "$(wall "$work/ours-train.time")" "$(peak "$work/ours-train.time")" \
        "$(wall "$work/sk.time")" "$(peak "$work/sk.time")" <<'PY'
import json, sys
name, rnd, work, o_wall, o_mb, s_wall, s_mb = sys.argv[1:]
card = json.load(open(f"{work}/ours-train.json"))
ours = json.load(open(f"{work}/ours-eval.json"))
ev = ours["stance"]
sk = json.load(open(f"{work}/sk.json"))
def score(d):
    return f"acc {d['accuracy']:.4f} macroF1 {d['macro_f1']:.4f}" + (f" F_avg {d['f_avg']:.4f}" if d.get("f_avg") is not None else "")
print(f"{name:9} r{rnd} demarche     {score(ev)}  train {card['seconds']:.2f}s  process {o_wall}s  peak {o_mb} MiB")
print(f"{name:9} r{rnd} scikit-learn {score(sk)}  train {sk['train_seconds']:.2f}s  process {s_wall}s  peak {s_mb} MiB"
      f"  predict {sk['predict_rows_per_second']:.0f} rows/s")
print(f"{name:9} r{rnd} demarche     predict {ours['predict_rows_per_second']:.0f} rows/s (stance, 2 threads)")
print(f"{name:9} r{rnd} ratio        train {card['seconds']/sk['train_seconds']:.2f}x  peak {float(o_mb)/float(s_mb):.2f}x"
      f"  predict {ours['predict_rows_per_second']/sk['predict_rows_per_second']:.1f}x")
PY
}

for round in $(seq 1 "$rounds"); do
    run semeval "--per-topic" \
        "--text-col Tweet --label-col Stance --topic-col Target --per-topic --delimiter tab" \
        "--text-col Tweet --topic-col Target --stance-col Stance --delimiter tab --no-sentiment" "$round" tsv
    run pstance "" "--text-col Tweet --label-col Stance" \
        "--text-col Tweet --topic-col Target --stance-col Stance" "$round"
    run emergent "" "--text-col articleHeadline --label-col articleHeadlineStance" \
        "--text-col articleHeadline --topic-col claimHeadline --stance-col articleHeadlineStance" "$round"
done
