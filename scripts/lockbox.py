#!/usr/bin/env python3
"""The lockbox: scores an events export on the tune and check halves of the gold.

usage: lockbox.py SCORER GOLD.jsonl EVENTS.jsonl [--half tune|check|both] [--misses N]
       lockbox.py --list GOLD.jsonl        (prints each gold article id and its half)

The gold articles are split once and for all by a hash of their id: an article is in
the tune half when the first eight hex digits of SHA-256(id), taken as a number, are
below 70% of 2^32; the rest is the check half. Rules are written by reading the tune
half's misses only (--misses shows them, and refuses to for the check half); both halves
are reported, and a fact-F1 gap over 0.05 between them is flagged as overfitting.
The split never changes: it depends on nothing but the article id.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

TUNE_SHARE = 0.70


def half_of(article_id):
    h = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "tune" if h < TUNE_SHARE * 2**32 else "check"


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_half(half, gold, events, folder):
    """Writes the gold lines and the events of one half; returns the two paths."""
    gold_path = os.path.join(folder, f"gold.{half}.jsonl")
    pred_path = os.path.join(folder, f"events.{half}.jsonl")
    with open(gold_path, "w", encoding="utf-8") as f:
        for g in gold:
            if half_of(g["article_id"]) == half:
                f.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(pred_path, "w", encoding="utf-8") as f:
        for e in events:
            kept = [m for m in e.get("mentions", []) if half_of(m.get("article_id", "")) == half]
            if kept:
                f.write(json.dumps(dict(e, mentions=kept), ensure_ascii=False) + "\n")
    return gold_path, pred_path


def score(scorer, gold_path, pred_path, misses):
    args = [sys.executable, scorer, gold_path, pred_path]
    text = subprocess.run(args + ["--misses", str(misses)] if misses else args,
                          capture_output=True, text=True, check=True).stdout
    report = json.loads(subprocess.run(args + ["--json"], capture_output=True, text=True,
                                       check=True).stdout)
    return text, report


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("scorer", nargs="?")
    ap.add_argument("gold")
    ap.add_argument("events", nargs="?")
    ap.add_argument("--half", choices=["tune", "check", "both"], default="both")
    ap.add_argument("--misses", type=int, default=0,
                    help="list up to N misses and false alarms (tune half only)")
    ap.add_argument("--list", action="store_true", help="print each gold article and its half")
    a = ap.parse_args()
    gold = load_jsonl(a.gold)
    if a.list:
        for aid in sorted({g["article_id"] for g in gold}):
            print(aid, half_of(aid))
        return 0
    if not a.scorer or not a.events:
        ap.error("SCORER and EVENTS are needed unless --list")
    if a.misses and a.half != "tune":
        ap.error("--misses reads the tune half only: add --half tune")
    events = load_jsonl(a.events)
    halves = ["tune", "check"] if a.half == "both" else [a.half]
    facts = {}
    with tempfile.TemporaryDirectory() as folder:
        for half in halves:
            n = len({g["article_id"] for g in gold if half_of(g["article_id"]) == half})
            text, report = score(a.scorer, *write_half(half, gold, events, folder), a.misses)
            facts[half] = report["fact"]["f1"]
            print(f"== {half} half ({n} articles)")
            print(text.rstrip())
    if len(facts) == 2:
        gap = facts["tune"] - facts["check"]
        flag = "  OVERFITTING: gap over 0.05" if abs(gap) > 0.05 else ""
        print(f"== lockbox: fact F1 tune {facts['tune']:.3f} check {facts['check']:.3f} "
              f"gap {gap:+.3f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
