package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// runPython runs python3 with args and the given PYTHONHASHSEED in the
// package directory and returns its standard output. It skips the test
// when python3 is missing.
func runPython(t *testing.T, stdin io.Reader, hashSeed string, args ...string) []byte {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skipf("python3 not found (%v): cannot compare with score.py", err)
	}
	cmd := exec.Command(py, args...)
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED="+hashSeed, "PYTHONIOENCODING=utf-8")
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3 %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

func loadGoldFile(t *testing.T, path string) *Gold {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := LoadGold(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func readRecordsFile(t *testing.T, path string) []schema.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadRecords(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// goldRecords converts a gold file to the records a perfect extractor
// would make: per article, the gold entities it mentions (aliases as
// mentions), its facts and its events.
func goldRecords(g *Gold) []schema.Record {
	var out []schema.Record
	for _, d := range g.Documents {
		// Empty lists, not nil: score.py cannot read "entities": null.
		rec := schema.Record{Doc: d.Doc, Article: schema.Article{Source: d.Doc, Title: d.Title, Outlet: d.Outlet, Author: d.Author, Date: d.Date},
			Entities: []schema.Entity{}, Facts: []schema.Fact{}, Events: []schema.Event{}}
		for _, e := range g.Entities {
			if slices.Contains(e.MentionedIn, d.Doc) {
				rec.Entities = append(rec.Entities, schema.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Mentions: e.Aliases})
			}
		}
		for _, f := range g.Facts {
			if f.Doc == d.Doc {
				rec.Facts = append(rec.Facts, schema.Fact{S: f.S, P: f.P, O: f.O, Kind: f.Kind, Evidence: f.Evidence})
			}
		}
		for _, e := range g.Events {
			if e.Doc == d.Doc {
				rec.Events = append(rec.Events, schema.Event{ID: e.ID, Type: e.Type, Agent: e.Agent, Target: e.Target,
					Location: e.Location, Date: e.Date, Evidence: e.Evidence})
			}
		}
		out = append(out, rec)
	}
	return out
}

func writeJSONL(t *testing.T, recs []schema.Record) string {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range recs {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "records.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// compareJSON reports every value of want (score.py's output) that got
// (the Go report) lacks or has otherwise. Extra keys in got are allowed.
func compareJSON(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: score.py has an object, Go has %v", path, got)}
		}
		var diffs []string
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: missing in Go", path, k))
				continue
			}
			diffs = append(diffs, compareJSON(path+"."+k, wv, gv)...)
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: score.py %v, Go %v", path, want, got)}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, compareJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return diffs
	default:
		if !reflect.DeepEqual(want, got) {
			return []string{fmt.Sprintf("%s: score.py %v, Go %v", path, want, got)}
		}
		return nil
	}
}

type scoreCase struct {
	name    string
	gold    string // path
	records string // path; empty: the gold converted to records
	docs    []string
}

var scoreCases = []scoreCase{
	{name: "mini-quirks", gold: "testdata/mini_gold.json", records: "testdata/mini_quirks.jsonl"},
	{name: "mini-quirks-docs", gold: "testdata/mini_gold.json", records: "testdata/mini_quirks.jsonl", docs: []string{"a.txt", "d.txt"}},
	{name: "mini-as-records", gold: "testdata/mini_gold.json"},
	{name: "seeds-partial", gold: "testdata/seeds.json", records: "testdata/seeds_partial.jsonl"},
	{name: "seeds-as-records", gold: "testdata/seeds.json"},
	{name: "seeds-empty", gold: "testdata/seeds.json", records: "testdata/empty.jsonl"},
}

// TestScoreAgreesWithScorePy runs score.py and Score on the same inputs and
// compares every number of the JSON output and the five summary lines.
func TestScoreAgreesWithScorePy(t *testing.T) {
	for _, c := range scoreCases {
		t.Run(c.name, func(t *testing.T) {
			g := loadGoldFile(t, c.gold)
			var recs []schema.Record
			path := c.records
			if path == "" {
				recs = goldRecords(g)
				path = writeJSONL(t, recs)
			} else {
				recs = readRecordsFile(t, path)
			}
			args := []string{"testdata/score.py", c.gold, path}
			if len(c.docs) > 0 {
				args = append(args, "--docs="+strings.Join(c.docs, ","))
			}
			// score.py breaks ties in Python's set order, which depends on
			// the hash seed: a case whose result does too is ambiguous.
			pyJSON := runPython(t, nil, "0", append(args, "--json")...)
			for _, seed := range []string{"1", "2", "3"} {
				if other := runPython(t, nil, seed, append(args, "--json")...); !bytes.Equal(other, pyJSON) {
					t.Fatalf("score.py's result depends on PYTHONHASHSEED (%s vs 0): the input has ties; remove them", seed)
				}
			}
			rep := ScoreDocs(g, recs, c.docs)
			goJSON, err := json.Marshal(rep)
			if err != nil {
				t.Fatal(err)
			}
			var want, got any
			if err := json.Unmarshal(pyJSON, &want); err != nil {
				t.Fatalf("score.py output: %v\n%s", err, pyJSON)
			}
			if err := json.Unmarshal(goJSON, &got); err != nil {
				t.Fatal(err)
			}
			for _, d := range compareJSON("report", want, got) {
				t.Error(d)
			}

			pyText := runPython(t, nil, "0", args...)
			var buf bytes.Buffer
			if err := rep.WriteText(&buf, false); err != nil {
				t.Fatal(err)
			}
			goLines := strings.SplitAfter(buf.String(), "\n")
			if len(goLines) < 5 {
				t.Fatalf("WriteText printed %d lines", len(goLines))
			}
			if goText := strings.Join(goLines[:5], ""); goText != string(pyText) {
				t.Errorf("summary differs\nscore.py:\n%s\nGo:\n%s", pyText, goText)
			}
		})
	}
}

// TestScoreMiniValues pins the mini case's numbers, so that a change in
// Score shows even where python3 is missing.
func TestScoreMiniValues(t *testing.T) {
	g := loadGoldFile(t, "testdata/mini_gold.json")
	rep := Score(g, readRecordsFile(t, "testdata/mini_quirks.jsonl"))
	want := Report{
		Docs: 4, MissingDocs: []string{"d.txt"},
		Entities:             EntityScore{P: 0.526, R: 0.643, F1: 0.579, Sys: 19, Gold: 14, TP: 10, Hits: 9, TypedTP: 9},
		EntitiesTypedP:       0.474,
		SplitGoldEntities:    []string{"asad", "irgc", "kh"},
		MergedSystemEntities: []string{"kataib-hezbollah"},
		SplitBy: map[string][]string{"asad": {"Ain al-Asad", "ain-al-asad"}, "irgc": {"irgc", "kataib-hezbollah"},
			"kh": {"hezbollah", "kataib-hezbollah"}},
		MergedInto:   map[string][]string{"kataib-hezbollah": {"irgc", "kh"}},
		Facts:        FactScore{PRF: PRF{P: 0.333, R: 0.5, F1: 0.4, TP: 3, Sys: 9, Gold: 6}, KindAcc: 0.333, KindOK: 1},
		Events:       PRF{P: 0.571, R: 0.667, F1: 0.615, TP: 4, Sys: 7, Gold: 6},
		UnscoredDocs: []string{"e.txt"},
	}
	rep.Articles = nil
	rep.Causes = Causes{} // TestCauses checks them
	if !reflect.DeepEqual(rep, want) {
		t.Errorf("got  %+v\nwant %+v", rep, want)
	}
}

// TestGoldAsRecordsIsPerfect checks that the gold, converted to records,
// scores 1 on everything and has nothing to report.
func TestGoldAsRecordsIsPerfect(t *testing.T) {
	g := loadGoldFile(t, "testdata/seeds.json")
	rep := Score(g, goldRecords(g))
	for name, v := range map[string]float64{
		"entities.p": rep.Entities.P, "entities.r": rep.Entities.R, "entities.f1": rep.Entities.F1,
		"entities_typed_p": rep.EntitiesTypedP,
		"facts.p":          rep.Facts.P, "facts.r": rep.Facts.R, "facts.f1": rep.Facts.F1, "facts.kind_acc": rep.Facts.KindAcc,
		"events.p": rep.Events.P, "events.r": rep.Events.R, "events.f1": rep.Events.F1,
	} {
		if v != 1 {
			t.Errorf("%s = %v, want 1", name, v)
		}
	}
	if len(rep.SplitGoldEntities)+len(rep.MergedSystemEntities)+len(rep.MissingDocs)+len(rep.UnscoredDocs) != 0 {
		t.Errorf("split %v merged %v missing %v unscored %v", rep.SplitGoldEntities, rep.MergedSystemEntities, rep.MissingDocs, rep.UnscoredDocs)
	}
	if rep.Entities.Gold == 0 || rep.Facts.Gold == 0 || rep.Events.Gold == 0 {
		t.Errorf("empty gold: %+v", rep)
	}
	for _, a := range rep.Articles {
		if !reflect.DeepEqual(a, ArticleReport{Doc: a.Doc}) {
			t.Errorf("%s: errors reported for a perfect extraction: %+v", a.Doc, a)
		}
	}
}

// TestArticleListsAddUp checks that the per-article misses and false hits
// account exactly for the corpus-wide counts.
func TestArticleListsAddUp(t *testing.T) {
	for _, c := range scoreCases {
		if c.records == "" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			rep := ScoreDocs(loadGoldFile(t, c.gold), readRecordsFile(t, c.records), c.docs)
			var me, fe, unmatched, wt, mf, ff, wk, mv, fv int
			for _, a := range rep.Articles {
				me += len(a.MissedEntities)
				fe += len(a.FalseEntities)
				for _, it := range a.FalseEntities {
					if !strings.Contains(it.Reason, "repeats") {
						unmatched++
					}
				}
				wt += len(a.WrongType)
				mf += len(a.MissedFacts)
				ff += len(a.FalseFacts)
				wk += len(a.WrongKind)
				mv += len(a.MissedEvents)
				fv += len(a.FalseEvents)
			}
			e, f, v := rep.Entities, rep.Facts, rep.Events
			check := func(what string, got, want int) {
				if got != want {
					t.Errorf("%s: lists have %d, counts say %d", what, got, want)
				}
			}
			check("missed entities", me, e.Gold-e.Hits)
			check("false entities", fe, e.Sys-e.TP)
			check("wrong types", wt, e.Sys-unmatched-e.TypedTP) // entities matched in their article, less the typed ones
			check("missed facts", mf, f.Gold-f.TP)
			check("false facts", ff, f.Sys-f.TP)
			check("wrong kinds", wk, f.TP-f.KindOK)
			check("missed events", mv, v.Gold-v.TP)
			check("false events", fv, v.Sys-v.TP)
			if len(rep.Articles) != rep.Docs {
				t.Errorf("%d articles for %d docs", len(rep.Articles), rep.Docs)
			}
		})
	}
}

// TestArticleDetails pins the per-article lists of the mini case.
func TestArticleDetails(t *testing.T) {
	rep := Score(loadGoldFile(t, "testdata/mini_gold.json"), readRecordsFile(t, "testdata/mini_quirks.jsonl"))
	byDoc := map[string]ArticleReport{}
	for _, a := range rep.Articles {
		byDoc[a.Doc] = a
	}
	ids := func(items any) string {
		var out []string
		switch it := items.(type) {
		case []EntityItem:
			for _, x := range it {
				out = append(out, x.ID)
			}
		case []FactItem:
			for _, x := range it {
				out = append(out, x.S+" "+x.P+" "+x.O)
			}
		case []EventItem:
			for _, x := range it {
				out = append(out, x.ID)
			}
		}
		return strings.Join(out, "|")
	}
	for _, c := range []struct {
		doc, what string
		items     any
		want      string
	}{
		{"a.txt", "missed entities", byDoc["a.txt"].MissedEntities, "usmil"},
		{"a.txt", "false entities", byDoc["a.txt"].FalseEntities, "us|houthis"},
		{"a.txt", "wrong type", byDoc["a.txt"].WrongType, "us"},
		{"a.txt", "missed facts", byDoc["a.txt"].MissedFacts, "usmil deployed_at asad"},
		{"a.txt", "false facts", byDoc["a.txt"].FalseFacts, "houthis attacked us|houthis attacked iraq|ghost attacked ghost2|us deployed_at Ain al-Asad"},
		{"a.txt", "wrong kind", byDoc["a.txt"].WrongKind, "kataib-hezbollah attacked Ain al-Asad"},
		{"a.txt", "false events", byDoc["a.txt"].FalseEvents, "ev4"},
		{"b.txt", "missed entities", byDoc["b.txt"].MissedEntities, "us"},
		{"b.txt", "false entities", byDoc["b.txt"].FalseEntities, "sudani2|us-government|irgc"},
		{"b.txt", "wrong type", byDoc["b.txt"].WrongType, "ain-al-asad"},
		{"b.txt", "missed facts", byDoc["b.txt"].MissedFacts, "us party_to agreement_2024"},
		{"b.txt", "missed events", byDoc["b.txt"].MissedEvents, "ev_b1"},
		{"b.txt", "false events", byDoc["b.txt"].FalseEvents, "e1"},
		{"c.txt", "false entities", byDoc["c.txt"].FalseEntities, "irgc|kataib-hezbollah|iraq|nothing"},
		{"d.txt", "missed entities", byDoc["d.txt"].MissedEntities, "us|iraq|ev_entity"},
		{"d.txt", "missed events", byDoc["d.txt"].MissedEvents, "ev_d1"},
	} {
		if got := ids(c.items); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.doc, c.what, got, c.want)
		}
	}
	if !byDoc["d.txt"].Missing || byDoc["a.txt"].Missing {
		t.Errorf("Missing flags wrong: %+v", byDoc)
	}
	// The repeated id "us" in a.txt is a false hit for being repeated.
	if r := byDoc["a.txt"].FalseEntities[0].Reason; !strings.Contains(r, "repeats") {
		t.Errorf("reason for repeated id = %q", r)
	}
	if got := byDoc["a.txt"].WrongKind[0].GoldKind; got != "reported" {
		t.Errorf("gold kind = %q, want the last duplicate's, reported", got)
	}
}

// TestTiesGoToGoldOrder pins the deterministic tie-break: the gold entity
// that comes first in the gold file.
func TestTiesGoToGoldOrder(t *testing.T) {
	g := &Gold{
		Documents: []GoldDocument{{Doc: "x.txt"}},
		Entities: []GoldEntity{
			{ID: "b", Type: "Place", Name: "Erbil", Aliases: []string{"Erbil"}, MentionedIn: []string{"x.txt"}},
			{ID: "a", Type: "Place", Name: "Erbil Airport", Aliases: []string{"Erbil Airport"}, MentionedIn: []string{"x.txt"}},
		},
	}
	rec := schema.Record{Doc: "x.txt", Entities: []schema.Entity{{ID: "e", Type: "Place", Name: "E", Mentions: []string{"Erbil", "Erbil Airport"}}}}
	rep := Score(g, []schema.Record{rec})
	if got := rep.Articles[0].MissedEntities; len(got) != 1 || got[0].ID != "a" {
		t.Errorf("missed %+v, want the second gold entity (the first wins the tie)", got)
	}
	g.Entities[0], g.Entities[1] = g.Entities[1], g.Entities[0]
	rep = Score(g, []schema.Record{rec})
	if got := rep.Articles[0].MissedEntities; len(got) != 1 || got[0].ID != "b" {
		t.Errorf("after swapping, missed %+v, want b", got)
	}
}

func TestWriteText(t *testing.T) {
	rep := Score(loadGoldFile(t, "testdata/mini_gold.json"), readRecordsFile(t, "testdata/mini_quirks.jsonl"))
	var short, long bytes.Buffer
	if err := rep.WriteText(&short, false); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteText(&long, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"documents            4 (missing from extraction: 1)\n",
		"entities   P 0.526  R 0.643  F1 0.579   (system 19, gold 14; typed precision 0.474)\n",
		"gold entities split over several system ids: asad (Ain al-Asad | ain-al-asad), irgc (irgc | kataib-hezbollah), kh (hezbollah | kataib-hezbollah)\n",
		"system ids spanning several gold entities: kataib-hezbollah (irgc | kh)\n",
		"records not scored (doc not in the gold): e.txt\n",
		"\na.txt\n",
		"  entity missed   usmil (GovernmentBody) \"US military\"\n",
		"  entity false    houthis (ArmedGroup) \"Houthis\": no gold entity matches\n",
		"  entity type     us (GovernmentBody) \"the US\" -> us (Country)\n",
		"  fact kind       kataib-hezbollah attacked Ain al-Asad [claimed] gold [reported]\n",
		"  fact false      houthis attacked us [stated] -> - attacked us  (entity not recognised)\n",
		"  event missed    Agreement ev_b1 agent=iraq target=us  (entity not recognised)\n",
		"  event false     Agreement e1 agent=iraq target=us-government -> agent=iraq target=-  (entity not recognised)\n",
		"\nd.txt: no record\n",
	} {
		if !strings.Contains(short.String(), want) {
			t.Errorf("text output lacks %q\n%s", want, short.String())
		}
	}
	for _, out := range []string{short.String(), long.String()} {
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("two blank lines in a row:\n%s", out)
		}
	}
	if strings.Contains(short.String(), "The Houthis attacked US ships.") {
		t.Error("non-verbose output has evidence")
	}
	for _, want := range []string{
		"                  \"The Houthis attacked US ships.\"\n",
		"                  \"US forces\", \"American troops\"\n",
	} {
		if !strings.Contains(long.String(), want) {
			t.Errorf("verbose output lacks %q\n%s", want, long.String())
		}
	}
	perfect := Score(loadGoldFile(t, "testdata/seeds.json"), goldRecords(loadGoldFile(t, "testdata/seeds.json")))
	long.Reset()
	if err := perfect.WriteText(&long, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(long.String(), "events     P 1.000  R 1.000  F1 1.000   (system 67, gold 67)\n\n000_7af7e780556d5353.txt: no errors\n") ||
		!strings.Contains(long.String(), "\n003_a81acf474c9df295.txt: no errors\n") {
		t.Errorf("verbose output of a perfect extraction:\n%s", long.String())
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func TestWriteTextReportsWriteErrors(t *testing.T) {
	rep := Score(loadGoldFile(t, "testdata/mini_gold.json"), nil)
	if err := rep.WriteText(failWriter{}, true); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v", err)
	}
}

func TestReportJSONIsClean(t *testing.T) {
	rep := Score(&Gold{Documents: []GoldDocument{{Doc: "x.txt"}}}, nil)
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"missing_docs":["x.txt"]`, `"split_gold_entities":[]`, `"merged_system_entities":[]`,
		`"articles":[{"doc":"x.txt","missing":true}]`, `"facts":{"p":0,"r":0,"f1":0,"tp":0,"sys":0,"gold":0,"kind_acc":0,"kind_ok":0}`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s:\n%s", want, data)
		}
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(back, rep) {
		t.Errorf("round trip: %v\n%+v\n%+v", err, back, rep)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", ``, "empty input"},
		{"syntax", "{\n \"documents\": [,]}", "line 2, column 16"},
		{"truncated", `{"documents": [`, "truncated"},
		{"type", "{\"documents\": [],\n\"entities\": [{\"id\": 3}]}", "line 2, column"},
		{"trailing", `{"documents": [], "entities": [], "facts": []} {}`, "data after the JSON object"},
		{"no documents", `{"entities": [], "facts": []}`, `no "documents" section`},
		{"no entities", `{"documents": [], "facts": []}`, `no "entities" section`},
		{"no facts", `{"documents": [], "entities": []}`, `no "facts" section`},
		{"doc without name", `{"documents": [{"title": "x"}], "entities": [], "facts": []}`, `documents[0]: no "doc"`},
		{"duplicate doc", `{"documents": [{"doc": "a"}, {"doc": "a"}], "entities": [], "facts": []}`, `documents[1]: duplicate doc "a"`},
		{"entity without id", `{"documents": [], "entities": [{"type": "Country"}], "facts": []}`, `entities[0]: no "id"`},
		{"entity without type", `{"documents": [], "entities": [{"id": "x", "name": "X", "aliases": []}], "facts": []}`, `entities[0] ("x"): no "type"`},
		{"entity without name", `{"documents": [], "entities": [{"id": "x", "type": "T", "aliases": []}], "facts": []}`, `no "name"`},
		{"entity without aliases", `{"documents": [], "entities": [{"id": "x", "type": "T", "name": "X", "aliases": null}], "facts": []}`, `no "aliases"`},
		{"duplicate entity", `{"documents": [], "entities": [{"id": "x", "type": "T", "name": "X", "aliases": []}, {"id": "x", "type": "T", "name": "X", "aliases": []}], "facts": []}`, `entities[1] ("x"): duplicate entity id`},
		{"fact without p", `{"documents": [], "entities": [], "facts": [{"s": "a", "o": "b", "doc": "d"}]}`, `facts[0]: no "p"`},
		{"fact without doc", `{"documents": [], "entities": [], "facts": [{"s": "a", "p": "x", "o": "b"}]}`, `facts[0]: no "doc"`},
		{"event without type", `{"documents": [], "entities": [], "facts": [], "events": [{"id": "e", "doc": "d"}]}`, `events[0]: no "type"`},
	} {
		_, err := LoadGold(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestLoadGoldReadsSeeds(t *testing.T) {
	g := loadGoldFile(t, "testdata/seeds.json")
	if len(g.Documents) != 5 || len(g.Entities) == 0 || len(g.Facts) == 0 || len(g.Events) == 0 {
		t.Fatalf("seeds: %d documents, %d entities, %d facts, %d events", len(g.Documents), len(g.Entities), len(g.Facts), len(g.Events))
	}
	e := g.Entities[0]
	if e.ID != "kataib_hezbollah" || e.Type != "ArmedGroup" || len(e.Aliases) == 0 || len(e.MentionedIn) == 0 {
		t.Errorf("first entity: %+v", e)
	}
	var nullAgent bool
	for _, ev := range g.Events {
		if ev.Agent == "" {
			nullAgent = true
		}
	}
	if !nullAgent {
		t.Error("no event with a null agent read as empty")
	}
}

func TestReadRecords(t *testing.T) {
	recs, err := ReadRecords(strings.NewReader("\n{\"doc\": \"a.txt\", \"entities\": [{\"id\": \"x\"}]}\n  \n{\"doc\": \"b.txt\"}"))
	if err != nil || len(recs) != 2 || recs[0].Doc != "a.txt" || recs[0].Entities[0].ID != "x" || recs[1].Doc != "b.txt" {
		t.Fatalf("recs %+v, err %v", recs, err)
	}
	for _, c := range []struct{ in, want string }{
		{"{\"doc\": \"a\"}\n{nope}\n", "line 2"},
		{"{\"doc\": \"a\"}\n\n{\"entities\": []}\n", `line 3: record has no "doc"`},
	} {
		if _, err := ReadRecords(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadRecords(%q): err = %v, want %q", c.in, err, c.want)
		}
	}
}

// TestScorePyCopyIsCurrent fails when shared/gold/score.py (beside the
// repository, where it exists) has changed since testdata/score.py was
// copied from it: the port must then be checked again.
func TestScorePyCopyIsCurrent(t *testing.T) {
	shared, err := os.ReadFile("../../../shared/gold/score.py")
	if err != nil {
		t.Skipf("no shared/gold beside the repository: %v", err)
	}
	ours, err := os.ReadFile("testdata/score.py")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, ours) {
		t.Error("shared/gold/score.py differs from testdata/score.py: copy it, rerun these tests and port any change to score.go")
	}
}
