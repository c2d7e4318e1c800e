#!/usr/bin/env bash
# Retrains the speaker ranker (src/actor/ranker.txt) from the team's annotated news articles
# in training/news (never from tests/ or from data sets without a licence to train on).
#
#   models/train-ranker.sh          # then rebuild, measure, and commit src/actor/ranker.txt
#
# The candidates and their features come from the extractor's rules, so rerun this after
# changing them. The file's header records the training data's SHA-256 and the fit.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -- train-speakers training/news -o src/actor/ranker.txt
