#!/usr/bin/env python3
"""Rebuilds the full gold file of the development set from its committed parts.

gold.json holds no article text: each fact's and event's evidence is a
character span [start, end) into its article. With the articles restored
into texts/ (see README.md), this script checks every text against the
sha256 in MANIFEST.tsv and writes gold.full.json, with the evidence strings
and the titles put back: the file shared/gold/check.py verifies and
`newsgraph eval --gold` reads.

Usage: python3 hydrate.py [--skip-missing] [texts_dir] [out.json]   (standard library only)

With --skip-missing, an article that could not be restored is left out of
gold.full.json (its document, facts, events and mentions) with a warning,
so that the rest can be scored; a text whose sha256 differs still stops it.
"""
import csv, hashlib, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
skip_missing = "--skip-missing" in args
args = [a for a in args if a != "--skip-missing"]
texts_dir = args[0] if len(args) > 0 else os.path.join(here, "texts")
out = args[1] if len(args) > 1 else os.path.join(here, "gold.full.json")

with open(os.path.join(here, "MANIFEST.tsv"), encoding="utf-8") as f:
    manifest = {r["file"]: r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
texts, problems, missing = {}, [], set()
for name, row in manifest.items():
    path = os.path.join(texts_dir, name)
    try:
        data = open(path, "rb").read()
    except OSError as e:
        if skip_missing:
            missing.add(name)
            print(f"hydrate.py: {name}: not restored ({e.strerror}); left out", file=sys.stderr)
        else:
            problems.append(f"{name}: not restored ({e.strerror})")
        continue
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        problems.append(f"{name}: sha256 differs from MANIFEST.tsv: not the text as annotated")
        continue
    texts[name] = data.decode("utf-8")
if problems:
    sys.exit("hydrate.py: " + "; ".join(problems))

g = json.load(open(os.path.join(here, "gold.json"), encoding="utf-8"))
if missing:
    g["documents"] = [d for d in g["documents"] if d["doc"] not in missing]
    g["facts"] = [f for f in g["facts"] if f["doc"] not in missing]
    g["events"] = [e for e in g["events"] if e["doc"] not in missing]
    for e in g["entities"]:
        e["mentioned_in"] = [d for d in e.get("mentioned_in", []) if d not in missing]
        if "mentions_without_alias" in e:
            e["mentions_without_alias"] = [m for m in e["mentions_without_alias"] if m["doc"] not in missing]
    g["entities"] = [e for e in g["entities"] if e["mentioned_in"] or e.get("mentions_without_alias")]
def fill(item):
    if "evidence_span" in item:
        a, b = item.pop("evidence_span")
        item["evidence"] = texts[item["doc"]][a:b]
for d in g["documents"]:
    d["title"] = manifest[d["doc"]]["title"]
    d.setdefault("language_noise", [])
for e in g["entities"]:
    for m in e.get("mentions_without_alias", []):
        fill(m)
for item in g["facts"] + g["events"]:
    fill(item)
with open(out, "w", encoding="utf-8") as f:
    json.dump(g, f, ensure_ascii=False, indent=1)
print(f"hydrate.py: {len(texts)} articles checked, {out} written")
