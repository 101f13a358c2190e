#!/usr/bin/env python3
"""Writes a JSON Lines corpus repeated under new ids (ID~N), for the tests and
benchmarks that need a large import.

usage: replicate_corpus.py SOURCE.jsonl OUT.jsonl (--copies N | --mb M)

--copies N repeats the whole source N times; --mb M repeats it until the
article text adds up to at least M megabytes. Prints "TEXT_BYTES ARTICLES".
"""
import argparse
import json


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source")
    ap.add_argument("out")
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--copies", type=int)
    size.add_argument("--mb", type=float)
    a = ap.parse_args()
    with open(a.source, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    text_bytes = articles = copy = 0
    with open(a.out, "w", encoding="utf-8") as f:
        while (copy < a.copies) if a.copies is not None else (text_bytes < a.mb * 1e6):
            for r in rows:
                f.write(json.dumps(dict(r, id=f"{r['id']}~{copy}"), ensure_ascii=False) + "\n")
                text_bytes += len(r["text"].encode("utf-8"))
                articles += 1
            copy += 1
    print(text_bytes, articles)


if __name__ == "__main__":
    main()
