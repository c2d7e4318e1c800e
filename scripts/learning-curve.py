#!/usr/bin/env python3
"""How a few labels of a user's own topic change stance on it: a learning curve.

usage: scripts/learning-curve.py BINARY [--user-weight W] [--sizes 0,10,20,50]
                                      [--train-args "ARGS"] [CURVE_DIR...]

For each learning-curve folder (default tests/news/curve-*; one topic, ten articles), the
articles are split in two, fixed: even positions in name order are the user's to label, odd
positions are scored. The built-in model classifies the articles to label, and their quotes
are labeled in the order `demarche label` shows them, least confident first (the labels are
the annotation's; a quote the annotation does not cover is skipped, as a user would skip it),
each row naming its article as `demarche label` does, so `train` reads it in its context.
After N labels, `train --with-builtin` adds them (each counting W rows) to the built-in corpus,
and the model is scored on the other articles (scripts/stance_eval.py: per-quote macro-F1 and
actor accuracy). N = 0 is the built-in corpus alone with the same settings. `--train-args` adds options to that
`train` (for example "--per-topic --global-weight 0.5").
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()[:400]}")
    return r.stdout


def speaker_text(p):
    a, b = p.get("speaker"), p.get("source_text")
    if a and b and a != b:
        return f"{a}; {b}"
    return a or b or ""


def labeler_order(binary, folder, gold, names):
    """Annotated quotes of the articles `names`, least confident first, as training rows."""
    rows = []
    for name in names:
        a = gold[name]
        preds = [json.loads(l) for l in run([binary, "classify", os.path.join(folder, name), "--topic", a["topic"]]).splitlines() if l.strip()]
        used = set()
        for i, p in enumerate(preds):
            hit = next((q for q in a["quotes"] if not q.get("optional") and norm(q["match"]) in norm(p["text"]) and q["match"] not in used), None)
            if hit is None:
                continue
            used.add(hit["match"])
            confidence = max(p["stance_probs"].values())
            rows.append((confidence, name, i, {
                "text": p["text"], "topic": a["topic"], "stance": hit["stance"], "sentiment": hit["sentiment"],
                "speaker": speaker_text(p), "context": p.get("context", ""), "cue": p.get("cue") or "",
                "kind": p["kind"], "on_topic": "true" if hit.get("on_topic", True) else "false",
                "article": os.path.abspath(os.path.join(folder, name)),
            }))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return [r[3] for r in rows]


def main():
    args = sys.argv[1:]
    binary = os.path.abspath(args.pop(0))
    weight, sizes, extra = "5", [0, 10, 20, 50], []
    if "--train-args" in args:
        i = args.index("--train-args"); extra = args[i + 1].split(); del args[i:i + 2]
    if "--user-weight" in args:
        i = args.index("--user-weight"); weight = args[i + 1]; del args[i:i + 2]
    if "--sizes" in args:
        i = args.index("--sizes"); sizes = [int(x) for x in args[i + 1].split(",")]; del args[i:i + 2]
    folders = args or sorted(os.path.join(ROOT, "tests/news", d) for d in os.listdir(os.path.join(ROOT, "tests/news")) if d.startswith("curve-"))
    with tempfile.TemporaryDirectory() as work:
        for folder in folders:
            gold = json.load(open(os.path.join(folder, "gold.json")))
            names = sorted(gold)
            to_label, scored = names[0::2], names[1::2]
            test_dir = os.path.join(work, os.path.basename(folder))
            os.makedirs(test_dir)
            for n in scored:
                os.symlink(os.path.abspath(os.path.join(folder, n)), os.path.join(test_dir, n))
            json.dump({n: gold[n] for n in scored}, open(os.path.join(test_dir, "gold.json"), "w"))
            order = labeler_order(binary, folder, gold, to_label)
            topic = gold[names[0]]["topic"]
            base = json.loads(run([sys.executable, os.path.join(HERE, "stance_eval.py"), binary, "--json", test_dir]))
            print(f"{topic}: built-in model: quote macro-F1 {base['quote_macro_f1']}, actor accuracy {base['actor_accuracy']} ({base['quotes']} quotes, {base['actors']} actors scored; {len(order)} quotes to label)")
            for n in sizes:
                labels = os.path.join(work, f"labels-{n}.csv")
                with open(labels, "w", newline="") as f:
                    w = csv.DictWriter(f, fieldnames=["text", "topic", "stance", "sentiment", "speaker", "context", "cue", "kind", "on_topic", "article"])
                    w.writeheader()
                    w.writerows(order[:n])
                model = os.path.join(work, f"model-{n}.dmm")
                run([binary, "train", labels, "--with-builtin", "--user-weight", weight, *extra, "-o", model])
                r = json.loads(run([sys.executable, os.path.join(HERE, "stance_eval.py"), binary, "--model", model, "--json", test_dir]))
                print(f"{topic}: {n} labels: quote macro-F1 {r['quote_macro_f1']}, actor accuracy {r['actor_accuracy']}", flush=True)


if __name__ == "__main__":
    main()
