#!/usr/bin/env bash
# Retrains the built-in model (models/default.dmm) from the corpus in training/: the labeled
# statements of training/*.csv and the annotated news articles of training/news/.
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
# --context: features of each statement's sentence, speaker and article; --swap-topics 24:
# every article's statements also seen under 24 other topics and a near-miss one, so the
# model learns whether an article is about the topic at all; --speaker-stage: each quote
# decided together with its speaker's other quotes in the article (models/README.md).
args=(train training/*.csv training/news --context --swap-topics 24 --speaker-stage --c 8 -o models/default.dmm)
if [[ -f training/heldout-topics.txt ]]; then
    args+=(--holdout-topics training/heldout-topics.txt)
fi
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct -- training 2>/dev/null || true)}"
if [[ -n "$SOURCE_DATE_EPOCH" ]]; then export SOURCE_DATE_EPOCH; else unset SOURCE_DATE_EPOCH; fi
cargo run --release --quiet -- "${args[@]}"
