#!/usr/bin/env python3
"""Renders the pictures of `ask ... --format dot` and checks that they read (ctest pictures_*).

  pictures_test.py --readme --cli CLI --source SRC --work DIR
      every README line `build/newsgraph ... --format dot | dot -Tsvg > X.svg`,
      run on a store of data/sample/, rendered to DIR/X.svg;
  pictures_test.py --dev --cli CLI --source SRC --work DIR CORPUS...
      the Wang Yi neighbourhood of the development corpus (the acceptance
      line of issue 12): no taller than 2,000 px.

Each picture goes through scripts/check_dot_layout.py: Graphviz's layout
with -Goverlap=false, no two labels (node or edge) overlapping. Exits 77
when Graphviz or a CORPUS file is absent, 1 when a picture fails.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

from test_folders import fresh_folder, tool_test_parser

README_PICTURE = re.compile(r"^(build/newsgraph .*--format dot)\s*\|\s*dot -Tsvg > (\S+)\.svg\s*$")


def store_of(cli, work, corpus):
    store = os.path.join(work, "store")
    subprocess.run([cli, "import", "-q", "--db", store, *corpus], check=True,
                   capture_output=True)
    return store


def picture(cli, store, args, work, name, source, max_height_px=0):
    """Draws one answer; True when check_dot_layout passes."""
    dot = subprocess.run([cli, *args], check=True, capture_output=True, text=True).stdout
    rows = json.loads(subprocess.run([cli, *[a if a != "dot" else "json" for a in args]],
                                     check=True, capture_output=True, text=True).stdout)
    path = os.path.join(work, f"{name}.dot")
    with open(path, "w", encoding="utf-8") as f:
        f.write(dot)
    command = [sys.executable, os.path.join(source, "scripts", "check_dot_layout.py"), path,
               "--svg", os.path.join(work, f"{name}.svg")]
    if max_height_px:
        command += ["--max-height-px", str(max_height_px)]
    checked = subprocess.run(command, capture_output=True, text=True)
    print(f"{'ok' if checked.returncode == 0 else 'FAIL'}: {' '.join(args[:2])} "
          f"({len(rows)} rows): {checked.stdout.strip()}")
    return checked.returncode == 0


def readme_pictures(args):
    store = store_of(args.cli, args.work, [os.path.join(args.source, "data", "sample",
                                                        "articles.jsonl")])
    failed = found = 0
    with open(os.path.join(args.source, "README.md"), encoding="utf-8") as f:
        for line in f:
            m = README_PICTURE.match(line.strip())
            if not m:
                continue
            found += 1
            words = shlex.split(m.group(1))[1:]
            words = [store if w == "DIR" else w for w in words]
            failed += not picture(args.cli, store, words, args.work, m.group(2), args.source)
    if found < 2:
        print(f"FAIL: the README shows {found} pictures (`... --format dot | dot -Tsvg > X.svg`)")
        return 1
    print(f"{found} README pictures rendered under {args.work}, {failed} failed")
    return 1 if failed else 0


def dev_pictures(args):
    store = store_of(args.cli, args.work, args.corpus)
    base = ["ask", "neighbourhood", "--db", store, "--entity", "Wang Yi", "--format", "dot"]
    ok = picture(args.cli, store, base, args.work, "wang-yi", args.source, max_height_px=2000)
    every = base + ["--factuality", "happened,planned,possible,cancelled,denied"]
    ok &= picture(args.cli, store, every, args.work, "wang-yi-any", args.source,
                  max_height_px=2000)
    path = ["ask", "path", "--db", store, "--a", "Joe Biden", "--b", "Wang Yi", "--format", "dot"]
    ok &= picture(args.cli, store, path, args.work, "biden-wang-yi", args.source)
    return 0 if ok else 1


def main():
    parser = tool_test_parser()
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--dev", action="store_true")
    parser.add_argument("corpus", nargs="*")
    args = parser.parse_args()
    if shutil.which("dot") is None:
        print("skipped: Graphviz's dot is not installed (apt install graphviz)")
        return 77
    for path in args.corpus:
        if not os.path.exists(path):
            print(f"skipped: {path} is absent (the shared data is not on this machine)")
            return 77
    fresh_folder(args.work)
    return readme_pictures(args) if args.readme else dev_pictures(args)


if __name__ == "__main__":
    sys.exit(main())
