#!/usr/bin/env python3
"""overlap.py REPO_DIR TEXTS_DIR [N=8]: quoted strings (>=30 chars) in the repo's
Go and YAML files, and lines of its Markdown files, that share an N-word run
with any dev-set text.

Frame examples, test sentences and comments must be the project's own words,
never an article's: run it (with the texts restored) before committing them,
and rewrite what it lists. It exits 1 when it lists anything."""
import glob, re, subprocess, sys
repo, texts_dir = sys.argv[1], sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 8
norm = lambda s: re.sub(r"[’‘']", "'", re.sub(r"[“”]", '"', s.lower()))
texts = {f.split('/')[-1]: norm(open(f).read()) for f in glob.glob(texts_dir + '/*')}
files = subprocess.run(['git', '-C', repo, 'ls-files', 'extract', 'docs', 'README.md', 'cmd', 'graph', 'schema', 'pipeline'],
                       capture_output=True, text=True).stdout.split()
n = 0
for f in files:
    if not re.search(r'\.(go|yaml|md)$', f):
        continue
    prose = f.endswith('.md')  # docs are read whole: a decision may paraphrase, never quote
    for ln, line in enumerate(open(repo + '/' + f, encoding='utf-8', errors='replace'), 1):
        for q in [line] if prose else re.findall(r'["“]([^"”]{30,})["”]', line):
            w = norm(q).split()
            for i in range(len(w) - N + 1):
                g = ' '.join(w[i:i + N])
                hit = [t for t, s in texts.items() if g in s]
                if hit:
                    n += 1
                    print(f"{f}:{ln}: {hit[0]}: {g!r}")
                    break
print(n, 'overlapping strings', file=sys.stderr)
sys.exit(1 if n else 0)
