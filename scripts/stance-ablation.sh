#!/usr/bin/env bash
# Stance on news the models were not tuned on, one part of the built-in model's recipe added
# at a time: per-quote macro-F1, actor accuracy and the topic swap (scripts/stance_eval.py)
# on the topic-held-out news articles (tests/news/heldout-*), the team's fixtures
# (tests/fixtures/gold-*) and, when ../shared/data is present, BBC business articles
# annotated for stance (tests/bbc/stance.json; the texts stay in ../shared/data).
#
#   scripts/stance-ablation.sh            # prints one line per model and test set
#
# 1. statements: the hand-written statements of training/*.csv, quote features only
# 2. + news: and the annotated news articles of training/news
# 3. + context: features of the topic, the statement's sentence, speaker and article
# 4. + relevance: articles paired with three other topics, a classifier of whether the
#    article is about the topic gating positions, quotes on other matters without a vote
#    (the built-in model pairs each with 24)
# 5. + speaker stage: each quote decided with its speaker's other quotes in the article: the
#    built-in model itself (models/train-default.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/demarche
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sets=(tests/news/heldout-1 tests/news/heldout-2 tests/news/heldout-3)
bbc=()
if [[ -d ../shared/data/bbc-news ]]; then
    python3 tests/bbc/materialize.py stance "$work/bbc" > /dev/null
    bbc=("$work/bbc")
else
    echo "../shared/data absent: BBC business set skipped" >&2
fi
train() {
    local name=$1
    shift
    "$bin" train "$@" --c 8 -o "$work/$name.dmm" --format json > /dev/null
}
train statements training/*.csv
train news training/*.csv training/news
train context training/*.csv training/news --context
train relevance training/*.csv training/news --context --swap-topics 3
for m in statements news context relevance built-in; do
    model=(--model "$work/$m.dmm")
    [[ $m == built-in ]] && model=()
    echo "$m  held-out news: $(python3 scripts/stance_eval.py "$bin" "${model[@]}" --swap "${sets[@]}")"
    echo "$m  fixtures:      $(python3 scripts/stance_eval.py "$bin" "${model[@]}" --swap tests/fixtures/gold-a tests/fixtures/gold-b)"
    if [[ ${#bbc[@]} -gt 0 ]]; then
        echo "$m  BBC business:  $(python3 scripts/stance_eval.py "$bin" "${model[@]}" --swap "${bbc[@]}")"
    fi
done
