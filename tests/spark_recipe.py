#!/usr/bin/env python3
"""The README's Spark recipe, run for real.

    tests/spark_recipe.py DEMARCHE        # needs pyspark (PyPI) and Java 17 or later

Runs the python block that follows `<!-- spark-recipe -->` in README.md, as written, on
pyspark in local mode (two cores), with only the input and output locations changed to local
paths. The input is the team's annotated articles as JSONL, with copies of some of them under
other ids far apart in the file (wire copy), read into 200 partitions, most of them empty. The
per-quote rows must be byte for byte those of one `demarche classify` of the same file, and the
merged report byte for byte that of one `demarche report` (JSON and HTML). Exits 0 when both
hold, 1 with a diff otherwise.
"""
import difflib
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(*args):
    """Standard output of a demarche run (its warnings about duplicates are expected)."""
    return subprocess.run(args, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout


def recipe():
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    m = re.search(r"<!-- spark-recipe -->\s*```python\n(.*?)```", readme, re.S)
    if not m:
        sys.exit("README.md has no python block after <!-- spark-recipe -->")
    return m.group(1)


def articles(path):
    """The annotated articles, and copies of three of them near the end under new ids."""
    files = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/gold-*/*.txt")))
    records = []
    for i, f in enumerate(files):
        text = open(f, encoding="utf-8").read()
        rid = os.path.relpath(f, os.path.join(ROOT, "tests/fixtures"))
        records.append({"id": rid, "text": text, "date": f"2024-03-{i % 28 + 1:02d}"})
    for n, i in enumerate([0, 5, 11]):
        records.append(dict(records[i], id=f"wire-{n}"))
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return len(records), len(files)


def same(what, got, want):
    if got == want:
        return True
    diff = difflib.unified_diff(want.decode(errors="replace").splitlines(),
                                got.decode(errors="replace").splitlines(),
                                "single process", "spark", lineterm="", n=1)
    print(f"FAIL: {what} differs\n" + "\n".join(list(diff)[:60]), file=sys.stderr)
    return False


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    from pyspark.sql import SparkSession

    work = tempfile.mkdtemp(prefix="demarche-spark-")
    source = os.path.join(work, "articles.jsonl")
    n, distinct = articles(source)
    quotes_dir = os.path.join(work, "quotes")
    partials_path = os.path.join(work, "partials.jsonl")

    code = recipe()
    for old, new in [('"s3://bucket/articles/*.jsonl"', repr(source)),
                     ('"s3://bucket/quotes"', repr(quotes_dir)),
                     ('"partials.jsonl"', repr(partials_path))]:
        if code.count(old) != 1:
            sys.exit(f"the recipe should name {old} once")
        code = code.replace(old, new)
    topic = re.search(r'^topic = "(.*)"$', code, re.M).group(1)

    # The recipe finds the program on PATH, as a user's would.
    os.environ["PATH"] = os.path.dirname(binary) + os.pathsep + os.environ.get("PATH", "")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    started = time.time()
    spark = (SparkSession.builder.master("local[2]").appName("demarche-recipe")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    scope = {"spark": spark}
    exec(compile(code, "README.md spark-recipe", "exec"), scope)
    sizes = scope["lines"].glom().map(len).collect()
    spark.stop()
    seconds = time.time() - started

    empty = sizes.count(0)
    print(f"{n} articles ({distinct} distinct texts) in {len(sizes)} partitions, {empty} empty; "
          f"topic {topic!r}; spark run {seconds:.1f} s")
    ok = empty > 0 and sum(sizes) == n
    if not ok:
        print(f"FAIL: partitions {sizes}", file=sys.stderr)

    rows = b"".join(open(p, "rb").read()
                    for p in sorted(glob.glob(os.path.join(quotes_dir, "part-*"))))
    want = run(binary, "classify", source, "--topic", topic, "--quiet")
    ok &= same("classify rows", rows, want)
    print(f"classify: {len(rows.splitlines())} rows")

    for fmt in ["json", "html"]:
        got = run(binary, "merge", partials_path, "--format", fmt)
        want = run(binary, "report", source, "--topic", topic, "--quiet", "--format", fmt)
        ok &= same(f"merged report ({fmt})", got, want)
    report = json.loads(run(binary, "merge", partials_path))
    print(f"report: {report['articles']} articles, {report.get('duplicates', 0)} duplicates, "
          f"{report['quotes']} quotes, {len(report['actors'])} actors")
    ok &= report["articles"] == distinct and report.get("duplicates") == n - distinct
    print("spark recipe:", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
