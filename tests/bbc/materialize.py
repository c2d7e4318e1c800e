#!/usr/bin/env python3
"""Turn the BBC offset annotations into a scorable fixture folder.

usage: python3 tests/bbc/materialize.py stance|speakers OUT_DIR [--split dev|test|all]

Reads the articles from ../shared/data/bbc-news/bbc (relative to the repository root) and
writes, into OUT_DIR (which must lie outside the repository):
  - <section>-NNN.txt   byte-for-byte copies of the annotated articles
  - gold.json           the fixture format read by score_articles.py
                        (match = the text at the annotated byte offsets)
so that `python3 ../shared/tools/score_articles.py BINARY OUT_DIR` scores it.

The article texts are never stored in the repository: only byte offsets (UTF-8, counted
from the start of the file), speakers and labels are. Exits 0 with a message when the data
folder is absent.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "bbc-news", "bbc"))
PLACEHOLDER_TOPIC = "speaker attribution only (no topic annotated)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=["stance", "speakers"])
    ap.add_argument("out_dir")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all",
                    help="speakers.json only: which split to write (default all)")
    args = ap.parse_args()

    if not os.path.isdir(DATA):
        print(f"materialize: data folder {DATA} not found; nothing to do")
        return 0
    out = os.path.abspath(args.out_dir)
    if out == REPO or out.startswith(REPO + os.sep):
        print(f"materialize: refusing to write article texts inside the repository ({out})",
              file=sys.stderr)
        return 2
    if args.set == "stance" and args.split != "all":
        print("materialize: stance.json has no splits; --split ignored", file=sys.stderr)

    ann = json.load(open(os.path.join(HERE, f"{args.set}.json"), encoding="utf-8"))
    os.makedirs(out, exist_ok=True)
    gold = {}
    n_quotes = 0
    problems = []
    for key, art in ann.items():
        if args.set == "speakers" and args.split != "all" and art["split"] != args.split:
            continue
        src = os.path.join(DATA, key)
        if not os.path.isfile(src):
            problems.append(f"{key}: article missing from {DATA}")
            continue
        raw = open(src, "rb").read()
        text = raw.decode("utf-8")
        fname = key.replace("/", "-")
        with open(os.path.join(out, fname), "wb") as fh:
            fh.write(raw)
        quotes = []
        for q in art["quotes"]:
            s, e = q["start"], q["end"]
            if not (0 <= s < e <= len(raw)):
                problems.append(f"{key}: offsets {s}-{e} out of range")
                continue
            try:
                match = raw[s:e].decode("utf-8")
            except UnicodeDecodeError:
                problems.append(f"{key}: offsets {s}-{e} split a UTF-8 character")
                continue
            if match != match.strip() or match not in text:
                problems.append(f"{key}: bad span {s}-{e} {match[:40]!r}")
            g = {"speaker": q["speaker"], "match": match, "kind": q["kind"]}
            for f in ("stance", "sentiment", "on_topic", "denied", "source_type"):
                if f in q:
                    g[f] = q[f]
            quotes.append(g)
        n_quotes += len(quotes)
        if args.set == "stance":
            gold[fname] = {"topic": art["topic"], "quotes": quotes, "actors": art["actors"]}
        else:
            gold[fname] = {"topic": PLACEHOLDER_TOPIC, "split": art["split"],
                           "quotes": quotes, "actors": {}}
    with open(os.path.join(out, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, indent=1, ensure_ascii=False)
    for p in problems:
        print("materialize:", p, file=sys.stderr)
    print(f"materialize: {len(gold)} articles, {n_quotes} statements -> {out}"
          + (f" ({len(problems)} problems)" if problems else " (all matches found)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
