#!/usr/bin/env bash
# How time grows with the size of one hostile article: each pattern at three sizes, each size
# doubling the last, timed through the release binary (the best of ROUNDS runs: wall time, CPU
# time (user + system) and peak memory), and the growth exponent: the least-squares slope of
# log(time) against log(size), for wall and for CPU time. Linear work gives 1; the target for
# every pattern is <= 1.2. On a machine shared with other work the CPU time is the steadier
# figure: waiting for a core adds to the wall time, not to it.
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
#   signs       'They waved banners reading ' + '"a", ' * N: one sentence of N quotes (quotes:
#               each quote walked back over the ones before it, looking for a sign's verb)
#   adverbs     'He said ' + 'also ' * N + 'that it is.' (quotes: a run of adverbials was walked
#               back over once per token)
#   given       'John Doe<i> met John. ' for i < N (quotes: every John was rechecked for each
#               lone John)
#   longname    'Bob said ' + 'Cat ' * N + '.' (quotes: every word ending of a name was indexed)
#   speechnoun  'Cat ' * N + 'warning that it is so ' + 'and warning that it is so ' * N
#               (quotes: each speech noun read the whole run opening the sentence)
#   dots        'He said' + '.' * N + ' then' (quotes: the sentence splitter walked a run of end
#               marks once per mark)
#   paragraph   one paragraph of N quotes, '"We agree," Putin said. ' * N: `quotes`, `report`,
#               and report minus quotes (the quote contexts scanned and copied the paragraph's
#               sentences once per quote)
#   repeated    a team article repeated into one file of 4, 8, 16 MiB: `quotes`, `report`, and
#               report minus quotes (everything after extraction and speakers: context, topic
#               signals, features, the model, the report)
#   dedup       N small articles, half of them copies, one JSONL stream, `report` (hashing
#               and the duplicate set)
#   walk        a directory of N small files with links among them, `report` (the walk)
#   merge       N partial reports of 2,000 articles and 50 actors each, `merge` (the checks,
#               the actor sums and the article hash index)
# Inputs are made in a temporary directory; nothing is written inside the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${ROUNDS:-3}"
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 1; }
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
patterns=("$@")
[[ ${#patterns[@]} -gt 0 ]] || patterns=(html dots paragraph names pronoun said quoted signs adverbs given longname speechnoun repeated dedup walk merge)

python3 - "$root/target/release/demarche" "$root" "$work" "$rounds" "${patterns[@]}" <<'PY'
import json, math, os, subprocess, sys

binary, root, work, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
topic = "restoring IAEA inspections in Iran"
article = open(os.path.join(root, "tests/fixtures/gold-a/iran-nuclear-inspections.txt"),
               encoding="utf-8").read()


def timed(args, stdin=None):
    """Best wall time (s), its CPU time (s) and peak RSS (MiB) over the rounds."""
    best = None
    for _ in range(rounds):
        tfile = os.path.join(work, "time")
        with open(stdin or os.devnull, "rb") as inp:
            r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile, binary, *args],
                               stdin=inp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            sys.exit(f"{' '.join(args)} failed ({r.returncode}): {r.stderr.decode()[-500:]}")
        wall, user, system, kb = open(tfile).read().split()
        got = (float(wall), float(user) + float(system), int(kb) / 1024)
        best = got if best is None or got[0] < best[0] else best
    return best


def exponent(sizes, times):
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-2)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def report(name, sizes, unit, runs):
    walls, cpus, mems = zip(*runs)
    cells = "  ".join(f"{s:>9,} {unit}: {w:6.2f} s ({c:6.2f} cpu) {m:6.1f} MiB"
                      for s, w, c, m in zip(sizes, walls, cpus, mems))
    print(f"{name:<16} {cells}  exponent {exponent(sizes, walls):.2f} wall, "
          f"{exponent(sizes, cpus):.2f} cpu", flush=True)


def file_pattern(name, sizes, unit, make, ext=".txt", command=("quotes",)):
    runs = []
    for n in sizes:
        path = os.path.join(work, f"{name}-{n}{ext}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(make(n))
        runs.append(timed([*command, path, "--quiet"]))
        os.remove(path)
    report(name, sizes, unit, runs)


def quotes_and_report(name, sizes, unit, make):
    """`quotes`, `report`, and everything after extraction and speakers (context, topic
    signals, features, the model, the report) as the difference of the two."""
    runs = {"quotes": [], "report": []}
    for n in sizes:
        path = os.path.join(work, f"{name}-{n}.txt")
        with open(path, "wb") as f:
            f.write(make(n))
        for cmd, extra in (("quotes", []), ("report", ["--topic", topic])):
            runs[cmd].append(timed([cmd, path, "--quiet", *extra]))
        os.remove(path)
    for cmd, rows in runs.items():
        report(f"{name} {cmd}", sizes, unit, rows)
    rest = [(r[0] - q[0], r[1] - q[1], r[2]) for r, q in zip(runs["report"], runs["quotes"])]
    report(f"{name} rest", sizes, unit, rest)


def repeated():
    def make(mb):
        unit = (article + "\n\n").encode()
        data = unit * (mb * 2**20 // len(unit) + 1)
        return data[: mb * 2**20].decode("utf-8", "ignore").encode()
    quotes_and_report("repeated", [4, 8, 16], "MiB", make)


def dedup():
    sizes = [40_000, 80_000, 160_000]
    runs = []
    for n in sizes:
        path = os.path.join(work, f"dedup-{n}.jsonl")
        with open(path, "w") as f:
            for copy in range(2):
                for i in range(n // 2):
                    text = f"\u201cWe will talk,\u201d minister {i} said on day {i}."
                    f.write(json.dumps({"id": f"{copy}-{i}", "text": text}) + "\n")
        runs.append(timed(["report", "-", "--topic", topic, "--quiet", "--partial"], stdin=path))
        os.remove(path)
    report("dedup", sizes, "articles", runs)


def walk():
    sizes = [5_000, 10_000, 20_000]
    runs = []
    for n in sizes:
        top = os.path.join(work, f"walk-{n}")
        for i in range(n):
            d = os.path.join(top, f"d{i // 100}")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, f"{i}.txt"), "w") as f:
                f.write(f"Minister {i} said talks would go on.")
            if i % 100 == 0:
                os.symlink("..", os.path.join(d, "up"))              # a loop
                os.symlink(f"missing-{i}", os.path.join(d, "gone"))  # dangling
        runs.append(timed(["report", top, "--topic", topic, "--quiet", "--partial"]))
        subprocess.run(["rm", "-rf", top], check=True)
    report("walk", sizes, "files", runs)


def merge():
    """Partial reports of 2,000 articles each, 50 actors each, no actor or article shared."""
    src = os.path.join(work, "shard.jsonl")
    with open(src, "w") as f:
        for k in range(2000):
            f.write(json.dumps({"id": str(k), "text": f"\u201cWe agree,\u201d envoy {k % 50} "
                                f"said about item {k}."}) + "\n")
    base = json.loads(subprocess.run([binary, "report", src, "--topic", topic, "--partial",
                                      "--quiet"], check=True, stdout=subprocess.PIPE).stdout)
    sizes = [400, 800, 1600]
    runs = []
    for n in sizes:
        parts = []
        for p in range(n):
            shard = json.loads(json.dumps(base))
            for t in shard["actors"]:
                t["key"] += f" {p}"
                t["names"] = {f"{name} {p}": c for name, c in t["names"].items()}
            hashes = sorted(((p * 2000 + i) * 0x9E3779B97F4A7C15) % 2**64 for i in range(2000))
            shard["article_hashes"] = "".join(f"{h:016x}" for h in hashes)
            path = os.path.join(work, f"part-{p}.json")
            with open(path, "w") as f:
                f.write(json.dumps(shard) + "\n")
            parts.append(path)
        runs.append(timed(["merge", *parts]))
        for p in parts:
            os.remove(p)
    report("merge", sizes, "partials", runs)


patterns = {
    "html": lambda: file_pattern("html", [1_000_000, 2_000_000, 4_000_000], "divs",
                                 lambda n: "<div>" * n + "<p>\u201cNo,\u201d Putin said.</p>", ".html"),
    "dots": lambda: file_pattern("dots", [2_000_000, 4_000_000, 8_000_000], "dots",
                                 lambda n: "He said" + "." * n + " then"),
    "paragraph": lambda: quotes_and_report(
        "paragraph", [5_000, 10_000, 20_000], "quotes",
        lambda n: ("\u201cWe agree,\u201d Putin said. " * n).encode()),
    "names": lambda: file_pattern("names", [10_000, 20_000, 40_000], "names",
                                  lambda n: " ".join(f"John Smith{i} met Bob." for i in range(n))),
    "pronoun": lambda: file_pattern("pronoun", [10_000, 20_000, 40_000], "paragraphs",
                                    lambda n: "Vladimir Putin spoke on Monday.\n\n"
                                    + "\u201cWe will not yield,\u201d he said.\n\n" * n),
    "said": lambda: file_pattern("said", [50_000, 100_000, 200_000], "words", lambda n: "said " * n),
    "quoted": lambda: file_pattern("quoted", [25_000, 50_000, 100_000], "sentences",
                                   lambda n: '"a" said X. ' * n),
    "signs": lambda: file_pattern("signs", [200_000, 400_000, 800_000], "quotes",
                                  lambda n: "They waved banners reading " + '"a", ' * n + "then."),
    "adverbs": lambda: file_pattern("adverbs", [1_000_000, 2_000_000, 4_000_000], "words",
                                    lambda n: "He said " + "also " * n + "that it is."),
    "given": lambda: file_pattern("given", [10_000, 20_000, 40_000], "names",
                                  lambda n: " ".join(f"John Doe{i} met John." for i in range(n))),
    "longname": lambda: file_pattern("longname", [50_000, 100_000, 200_000], "words",
                                     lambda n: "Bob said " + "Cat " * n + "."),
    "speechnoun": lambda: file_pattern("speechnoun", [10_000, 20_000, 40_000], "nouns",
                                       lambda n: "Cat " * n + "warning that it is so "
                                       + "and warning that it is so " * n + "."),
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
