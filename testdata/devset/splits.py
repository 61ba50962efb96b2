#!/usr/bin/env python3
"""Writes copies of gold.full.json with other split labels, for rounds of rule work.

newsgraph eval --split NAME scores the documents whose "split" is NAME. Two
relabellings are used (docs/extraction.md, "Half A and half B"):

  halves  the working split's documents become "devA" (article numbers 01,
          02, 04, 05, 06) or "devB" (08, 09, 10, 12): write rules from half
          A's misses, and keep a rule only if half B's summary gains or holds;
  fresh   part AA's documents (wholly blind, never used to choose anything)
          become "fresh", so that they can be scored apart from the older
          blind quarter.

Usage: python3 splits.py halves|fresh [in.json] [out.json]   (standard library only)
The default input is gold.full.json beside this script (hydrate.py writes it);
the default output is gold.halves.json or gold.fresh.json beside it (git-ignored).
"""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))


def halves(doc):
    if doc["split"] != "dev":
        return doc["split"]
    return "devA" if int(doc["doc"][-6:-4]) in (1, 2, 4, 5, 6) else "devB"


def fresh(doc):
    return "fresh" if doc["doc"].startswith("AA") else doc["split"]


def main(args):
    if not args or args[0] not in ("halves", "fresh"):
        sys.exit(__doc__)
    relabel = {"halves": halves, "fresh": fresh}[args[0]]
    src = args[1] if len(args) > 1 else os.path.join(here, "gold.full.json")
    out = args[2] if len(args) > 2 else os.path.join(here, f"gold.{args[0]}.json")
    with open(src, encoding="utf-8") as f:
        gold = json.load(f)
    for doc in gold["documents"]:
        doc["split"] = relabel(doc)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False)
    print(f"{out} written")


if __name__ == "__main__":
    main(sys.argv[1:])
