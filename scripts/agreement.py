#!/usr/bin/env python3
"""Agreement between the two labeling passes of the held-out news articles.

usage: scripts/agreement.py [SECOND_PASS]   (default tests/news/second-pass.json)

The second pass labeled the statements of some held-out articles without seeing the first
pass (their gold.json). Prints Cohen's kappa and raw agreement for stance, sentiment, whether
a statement is on the topic, and actor stance; and the second pass scored as if it were a
model against the first (per-quote stance macro-F1, actor accuracy).
"""
import collections
import json
import os
import sys


def kappa(pairs):
    n = len(pairs)
    labels = {a for a, _ in pairs} | {b for _, b in pairs}
    observed = sum(a == b for a, b in pairs) / n
    first = collections.Counter(a for a, _ in pairs)
    second = collections.Counter(b for _, b in pairs)
    expected = sum(first[l] * second[l] for l in labels) / n / n
    return (observed - expected) / (1 - expected), observed, n


def macro_f1(pairs, labels):
    out = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(out) / len(out)


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    second = json.load(open(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "tests/news/second-pass.json")))
    stance, sentiment, on_topic, actors = [], [], [], []
    for path, a in second.items():
        folder, name = path.rsplit("/", 1)
        gold = json.load(open(os.path.join(root, folder, "gold.json")))[name]
        statements = [q for q in gold["quotes"] if not q.get("optional")]
        if len(statements) != len(a["statements"]):
            raise SystemExit(f"{path}: {len(a['statements'])} statements in the second pass, {len(statements)} in the first")
        for q, s in zip(statements, a["statements"]):
            if q["match"] != s["match"]:
                raise SystemExit(f"{path}: statements out of order at {q['match']!r}")
            stance.append((q["stance"], s["stance"]))
            sentiment.append((q["sentiment"], s["sentiment"]))
            on_topic.append((q["on_topic"], s["on_topic"]))
        actors += [(v, a["actors"][k]) for k, v in gold["actors"].items()]
    for name, pairs in [("stance", stance), ("sentiment", sentiment), ("on the topic", on_topic), ("actor stance", actors)]:
        k, po, n = kappa(pairs)
        print(f"{name}: kappa {k:.3f}, agreement {po:.3f}, n {n}")
    print(f"second pass against the first: stance macro-F1 {macro_f1(stance, ['favor', 'against', 'none']):.3f}, "
          f"actor accuracy {sum(a == b for a, b in actors) / len(actors):.3f}")


if __name__ == "__main__":
    main()
