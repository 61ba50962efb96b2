// Package eval measures an extractor against annotated articles: it reads a
// gold file in the format of shared/gold/README.md (LoadGold), scores
// records against it with exactly the matching rules of shared/gold/score.py
// (Score, ScoreDocs), and prints the summary in score.py's layout followed
// by the misses and false hits of every article (Report.WriteText). A
// Report marshals to JSON with every key of `score.py --json`.
//
// A test runs score.py (a copy in testdata) and Score on the same inputs
// and compares every number, so the two stay interchangeable.
//
// Typical use, given records made by an extractor:
//
//	g, err := eval.LoadGold(f)
//	...
//	rep := eval.Score(g, records)
//	err = rep.WriteText(os.Stdout, verbose)
package eval
