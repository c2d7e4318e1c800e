#!/usr/bin/env bash
# How time grows with the size of one hostile article: each pattern at three sizes, each size
# doubling the last, timed through the release binary (best of ROUNDS wall times, and peak
# memory), and the growth exponent: the least-squares slope of log(time) against log(size).
# Linear work gives 1; the target for every pattern is <= 1.2.
#
#   scripts/bench-growth.sh [PATTERN...]      # ROUNDS=3 by default; needs GNU time
#
# Patterns (all by default):
#   html        '<div>' * N, read by `quotes` from an .html file (the tree builder was quadratic
#               in the depth, and 100,000 levels overflowed the stack)
#   names       'John Smith<i> met Bob. ' for i < N            (quotes)
#   pronoun     one named speaker, then N paragraphs each quoting "he"   (quotes)
#   said        'said ' * N                                    (quotes)
#   quoted      '"a" said X. ' * N                             (quotes)
#   repeated    a team article repeated into one file of 4, 8, 16 MiB: `quotes`, `report`, and
#               report minus quotes (everything after extraction and speakers: context, topic
#               signals, features, the model, the report)
#   dedup       N distinct small articles plus N copies, one JSONL stream, `report` (hashing
#               and the duplicate set)
#   walk        a directory of N small files with links among them, `report` (the walk)
#   merge       N partial reports of 100 articles each, `merge` (the checks and the article
#               hash union)
# Inputs are made in a temporary directory; nothing is written inside the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${ROUNDS:-3}"
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 1; }
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
patterns=("$@")
[[ ${#patterns[@]} -gt 0 ]] || patterns=(html names pronoun said quoted repeated dedup walk merge)

python3 - "$root/target/release/demarche" "$root" "$work" "$rounds" "${patterns[@]}" <<'PY'
import json, math, os, subprocess, sys

binary, root, work, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
topic = "restoring IAEA inspections in Iran"
article = open(os.path.join(root, "tests/fixtures/gold-a/iran-nuclear-inspections.txt"),
               encoding="utf-8").read()


def timed(args, stdin=None):
    """Best wall time (s) and its peak RSS (MiB) over the rounds."""
    best = None
    for _ in range(rounds):
        tfile = os.path.join(work, "time")
        with open(stdin or os.devnull, "rb") as inp:
            r = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", tfile, binary, *args],
                               stdin=inp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            sys.exit(f"{' '.join(args)} failed ({r.returncode}): {r.stderr.decode()[-500:]}")
        secs, kb = open(tfile).read().split()
        got = (float(secs), int(kb) / 1024)
        best = got if best is None or got[0] < best[0] else best
    return best


def exponent(sizes, times):
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-3)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def report(name, sizes, unit, times, mems):
    cells = "  ".join(f"{s:>9,} {unit}: {t:6.2f} s {m:6.1f} MiB" for s, t, m in zip(sizes, times, mems))
    print(f"{name:<18} {cells}  exponent {exponent(sizes, times):.2f}", flush=True)


def file_pattern(name, sizes, unit, make, ext=".txt", command=("quotes",)):
    times, mems = [], []
    for n in sizes:
        path = os.path.join(work, f"{name}-{n}{ext}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(make(n))
        t, m = timed([*command, path, "--quiet"])
        times.append(t)
        mems.append(m)
        os.remove(path)
    report(name, sizes, unit, times, mems)


def repeated():
    sizes = [4, 8, 16]
    rows = {"quotes": ([], []), "report": ([], [])}
    for mb in sizes:
        path = os.path.join(work, f"repeated-{mb}.txt")
        unit = (article + "\n\n").encode()
        data = unit * (mb * 2**20 // len(unit) + 1)
        with open(path, "wb") as f:
            f.write(data[: mb * 2**20].decode("utf-8", "ignore").encode())
        for cmd, extra in (("quotes", []), ("report", ["--topic", topic])):
            t, m = timed([cmd, path, "--quiet", *extra])
            rows[cmd][0].append(t)
            rows[cmd][1].append(m)
        os.remove(path)
    for cmd, (times, mems) in rows.items():
        report(f"repeated {cmd}", sizes, "MiB", times, mems)
    rest = [r - q for r, q in zip(rows["report"][0], rows["quotes"][0])]
    print(f"{'repeated rest':<18} " + "  ".join(f"{s:>9,} MiB: {t:6.2f} s" for s, t in zip(sizes, rest))
          + f"  exponent {exponent(sizes, rest):.2f}  (report minus quotes)", flush=True)


def dedup():
    sizes = [20_000, 40_000, 80_000]
    times, mems = [], []
    for n in sizes:
        path = os.path.join(work, f"dedup-{n}.jsonl")
        with open(path, "w") as f:
            for copy in range(2):
                for i in range(n):
                    text = f"\u201cWe will talk,\u201d minister {i} said on day {i}."
                    f.write(json.dumps({"id": f"{copy}-{i}", "text": text}) + "\n")
        t, m = timed(["report", "-", "--topic", topic, "--quiet", "--partial"], stdin=path)
        times.append(t)
        mems.append(m)
        os.remove(path)
    report("dedup", [2 * s for s in sizes], "articles", times, mems)


def walk():
    sizes = [5_000, 10_000, 20_000]
    times, mems = [], []
    for n in sizes:
        top = os.path.join(work, f"walk-{n}")
        for i in range(n):
            d = os.path.join(top, f"d{i // 100}")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, f"{i}.txt"), "w") as f:
                f.write(f"Minister {i} said talks would go on.")
            if i % 100 == 0:
                os.symlink("..", os.path.join(d, "up"))          # a loop
                os.symlink(f"missing-{i}", os.path.join(d, "gone"))  # dangling
        t, m = timed(["report", top, "--topic", topic, "--quiet", "--partial"])
        times.append(t)
        mems.append(m)
        subprocess.run(["rm", "-rf", top], check=True)
    report("walk", sizes, "files", times, mems)


def merge():
    sizes = [100, 200, 400]
    times, mems = [], []
    for n in sizes:
        parts = []
        for p in range(n):
            src = os.path.join(work, "shard.jsonl")
            with open(src, "w") as f:
                for i in range(100):
                    k = p * 100 + i
                    f.write(json.dumps({"id": str(k), "text": f"\u201cWe agree,\u201d envoy {k % 50} said about item {k}."}) + "\n")
            out = os.path.join(work, f"part-{p}.json")
            subprocess.run([binary, "report", src, "--topic", topic, "--partial", "--quiet", "-o", out], check=True)
            parts.append(out)
        t, m = timed(["merge", *parts])
        times.append(t)
        mems.append(m)
        for p in parts:
            os.remove(p)
    report("merge", sizes, "partials", times, mems)


patterns = {
    "html": lambda: file_pattern("html", [400_000, 800_000, 1_600_000], "divs",
                                 lambda n: "<div>" * n + "<p>\u201cNo,\u201d Putin said.</p>", ".html"),
    "names": lambda: file_pattern("names", [20_000, 40_000, 80_000], "names",
                                  lambda n: " ".join(f"John Smith{i} met Bob." for i in range(n))),
    "pronoun": lambda: file_pattern("pronoun", [20_000, 40_000, 80_000], "paragraphs",
                                    lambda n: "Vladimir Putin spoke on Monday.\n\n"
                                    + "\u201cWe will not yield,\u201d he said.\n\n" * n),
    "said": lambda: file_pattern("said", [200_000, 400_000, 800_000], "words", lambda n: "said " * n),
    "quoted": lambda: file_pattern("quoted", [50_000, 100_000, 200_000], "sentences",
                                   lambda n: '"a" said X. ' * n),
    "repeated": repeated,
    "dedup": dedup,
    "walk": walk,
    "merge": merge,
}
for name in sys.argv[5:]:
    if name not in patterns:
        sys.exit(f"unknown pattern {name!r}; known: {', '.join(patterns)}")
    patterns[name]()
PY
