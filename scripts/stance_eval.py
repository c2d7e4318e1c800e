#!/usr/bin/env python3
"""Stance of quotes and actors on folders of annotated articles, pooled over the folders.

usage: stance_eval.py BINARY [--model MODEL] [--swap] [--json] GOLD_DIR...

For every article of each GOLD_DIR/gold.json: `classify` pairs each annotated quote with the
predicted quote holding its `match` text, and `report` gives the actors, matched to the
annotated ones by name as ../shared/tools/score_articles.py matches them (an actor not found
counts as wrong). Prints per-quote stance macro-F1 (favor, against, none) and actor accuracy,
pooled; with --swap also the share of actors and quotes that keep favor or against when each
article is run with another article's topic from the same folders (a topic none of its
speakers addresses), as ../shared/tools/topic_swap.py does per folder.
"""
import json
import os
import re
import subprocess
import sys

LABELS = ["favor", "against", "none"]


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()[:300]}")
    return r.stdout


def macro_f1(pairs):
    f1s = []
    for lab in LABELS:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(f1s) / len(f1s)


def main():
    args = sys.argv[1:]
    binary = args.pop(0)
    model = []
    if "--model" in args:
        i = args.index("--model")
        model = ["--model", args[i + 1]]
        del args[i : i + 2]
    swap = "--swap" in args
    as_json = "--json" in args
    dirs = [a for a in args if not a.startswith("--")]
    articles = []
    for d in dirs:
        gold = json.load(open(os.path.join(d, "gold.json")))
        articles += [(os.path.join(d, f), a) for f, a in gold.items()]
    pairs, actors_ok, actors = [], 0, 0
    for path, a in articles:
        preds = [json.loads(l) for l in run([binary, "classify", path, "--topic", a["topic"], *model]).splitlines() if l.strip()]
        for q in a["quotes"]:
            if q.get("optional") or "stance" not in q:
                continue
            m = norm(q["match"])
            hit = next((p for p in preds if m in norm(p.get("text", ""))), None)
            if hit is not None:
                pairs.append((q["stance"], hit.get("stance")))
        rep = json.loads(run([binary, "report", path, "--topic", a["topic"], "--format", "json", *model]))
        for key, want in a["actors"].items():
            names = key.split("|")
            actors += 1
            found = [x for x in rep["actors"] if x.get("actor") and any(norm(n) in norm(x["actor"]) for n in names)]
            actors_ok += bool(found) and found[0]["stance"] == want
    result = {
        "articles": len(articles),
        "quotes": len(pairs),
        "quote_macro_f1": round(macro_f1(pairs), 3),
        "actors": actors,
        "actor_accuracy": round(actors_ok / actors, 3) if actors else None,
    }
    if swap:
        act = act_pos = q = q_pos = 0
        topics = [a["topic"] for _, a in articles]
        for i, (path, a) in enumerate(articles):
            # The first topic half the list away that differs from this article's own.
            t = next(topics[(i + j) % len(topics)] for j in range(len(topics) // 2, len(topics) + len(topics) // 2)
                     if topics[(i + j) % len(topics)] != a["topic"])
            rep = json.loads(run([binary, "report", path, "--topic", t, "--format", "json", *model]))
            act += len(rep["actors"])
            act_pos += sum(x["stance"] in ("favor", "against") for x in rep["actors"])
            for l in run([binary, "classify", path, "--topic", t, *model]).splitlines():
                if l.strip():
                    q += 1
                    q_pos += json.loads(l).get("stance") in ("favor", "against")
        result["swap_actor_positions"] = round(act_pos / max(1, act), 3)
        result["swap_quote_positions"] = round(q_pos / max(1, q), 3)
    if as_json:
        print(json.dumps(result))
    else:
        print(" ".join(f"{k} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
