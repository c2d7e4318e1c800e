#!/usr/bin/env bash
# Retrains the built-in model (models/default.dmm) from the corpus in training/*.csv.
#
#   models/train-default.sh          # then commit models/default.dmm
#
# The model card records each training file's SHA-256; the test
# `builtin_model_is_not_stale_against_training` fails until this is rerun after training/
# changes. Topics listed in training/heldout-topics.txt (one a line), when that file exists,
# are scored by a model trained without them and the scores go into the card.
# The card's date is the last commit touching training/, so a rerun on the same corpus
# writes the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(train training/*.csv -o models/default.dmm --cv 5)
if [[ -f training/heldout-topics.txt ]]; then
    args+=(--holdout-topics training/heldout-topics.txt)
fi
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct -- training 2>/dev/null || true)}"
if [[ -n "$SOURCE_DATE_EPOCH" ]]; then export SOURCE_DATE_EPOCH; else unset SOURCE_DATE_EPOCH; fi
cargo run --release --quiet -- "${args[@]}"
