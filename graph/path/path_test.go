package path

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// openStore loads records into a fresh store of the given backend.
func openStore(t testing.TB, backend string, recs ...schema.Record) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: backend, Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, r := range recs {
		qs, rej := schema.ToQuads(r, "test/1")
		if len(rej) > 0 {
			t.Fatalf("record %s: rejects %v", r.Doc, rej)
		}
		if _, err := st.Replace(ctx, nil, qs); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func ent(id, typ string, mentions ...string) schema.Entity {
	return schema.Entity{ID: id, Type: typ, Name: id, Mentions: append([]string{id}, mentions...)}
}

// seedLike is a small graph in the shape of the seed articles: a US
// base struck by a member group of an umbrella, the group's commander,
// and Iraq as a hub mentioned by many articles.
func seedLike() []schema.Record {
	a1 := schema.Record{
		Doc:     "a1.txt",
		Article: schema.Article{ID: "a1", Source: "a1.txt", Title: "Drone strike kills three US soldiers at Tower 22", Date: "2024-01-28"},
		Entities: []schema.Entity{
			ent("Kata'ib Hezbollah", schema.ArmedGroup, "Kataib Hezbollah"),
			ent("Islamic Resistance in Iraq", schema.Coalition),
			ent("Tower 22", schema.MilitaryBase),
			ent("Jordan", schema.Country),
			ent("United States", schema.Country, "US"),
		},
		Facts: []schema.Fact{
			{S: "Kata'ib Hezbollah", P: "member_of", O: "Islamic Resistance in Iraq", Kind: schema.Reported, Evidence: "Kata'ib Hezbollah, a member of the Islamic Resistance in Iraq, ..."},
			{S: "Tower 22", P: "located_in", O: "Jordan", Kind: schema.Stated, Evidence: "Tower 22, a US outpost in Jordan near the Syrian border."},
			{S: "United States", P: "deployed_at", O: "Tower 22", Kind: schema.Stated, Evidence: "About 350 US troops are stationed at Tower 22."},
		},
		Events: []schema.Event{{
			ID: "a1-attack", Type: schema.EvAttack, Agent: "Islamic Resistance in Iraq", Target: "Tower 22", Date: "2024-01-28",
			Kind: schema.Claimed, Evidence: "The Islamic Resistance in Iraq claimed the drone attack on Tower 22.",
		}},
	}
	a2 := schema.Record{
		Doc:     "a2.txt",
		Article: schema.Article{ID: "a2", Source: "a2.txt", Title: "Who is Abu Fadak?", Date: "2024-02-08"},
		Entities: []schema.Entity{
			ent("Abu Fadak al-Mohammadawi", schema.Person, "Abu Fadak"),
			ent("Kata'ib Hezbollah", schema.ArmedGroup),
			ent("Popular Mobilization Forces", schema.ArmedGroup, "PMF"),
			ent("Iraq", schema.Country),
		},
		Facts: []schema.Fact{
			{S: "Abu Fadak al-Mohammadawi", P: "holds_role", O: "Popular Mobilization Forces", Kind: schema.Stated, Role: "chief of staff", Evidence: "Abu Fadak al-Mohammadawi, the PMF chief of staff, ..."},
			{S: "Abu Fadak al-Mohammadawi", P: "holds_role", O: "Kata'ib Hezbollah", Kind: schema.Reported, Role: "commander", Evidence: "Abu Fadak, a former Kata'ib Hezbollah commander, ..."},
			{S: "Kata'ib Hezbollah", P: "active_in", O: "Iraq", Kind: schema.Stated, Evidence: "Kata'ib Hezbollah operates across Iraq."},
			{S: "Popular Mobilization Forces", P: "active_in", O: "Iraq", Kind: schema.Stated, Evidence: "The PMF is an Iraqi state body."},
		},
	}
	recs := []schema.Record{a1, a2}
	// Iraq is everywhere: many articles mention it, and link it to Jordan.
	for i := 0; i < 400; i++ {
		recs = append(recs, schema.Record{
			Doc:      fmt.Sprintf("f%d.txt", i),
			Article:  schema.Article{ID: fmt.Sprintf("f%d", i), Source: fmt.Sprintf("f%d.txt", i), Date: "2024-03-01"},
			Entities: []schema.Entity{ent("Iraq", schema.Country), ent("Jordan", schema.Country)},
			Facts:    []schema.Fact{{S: "Iraq", P: "allied_with", O: "Jordan", Kind: schema.Stated, Evidence: fmt.Sprintf("Iraq and Jordan are allies (%d).", i)}},
		})
	}
	return recs
}

// finders returns a Finder that reads the store and one with a link index.
func finders(t testing.TB, st *graph.Store) map[string]*Finder {
	t.Helper()
	indexed := New(st.Reader())
	if _, err := indexed.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !indexed.Indexed() {
		t.Fatal("BuildIndex left no index")
	}
	return map[string]*Finder{"cold": New(st.Reader()), "indexed": indexed}
}

func names(p Path) string {
	var s []string
	for _, n := range p.Nodes {
		s = append(s, n.Name)
	}
	return strings.Join(s, " > ")
}

func TestPaths(t *testing.T) {
	ctx := context.Background()
	for _, backend := range graphtest.Local() {
		st := openStore(t, backend, seedLike()...)
		tests := []struct {
			name     string
			from, to quad.Value
			opts     Options
			want     []string // node names of each path, in order
		}{
			{"one hop out", schema.EntityIRI("Kata'ib Hezbollah"), schema.EntityIRI("Islamic Resistance in Iraq"), Options{K: 1},
				[]string{"Kata'ib Hezbollah > Islamic Resistance in Iraq"}},
			{"one hop in", schema.EntityIRI("Islamic Resistance in Iraq"), schema.EntityIRI("Kata'ib Hezbollah"), Options{K: 1},
				[]string{"Islamic Resistance in Iraq > Kata'ib Hezbollah"}},
			// Through the event: the umbrella's attack targeted the base.
			{"via event", schema.EntityIRI("Kata'ib Hezbollah"), schema.EntityIRI("Tower 22"), Options{K: 2},
				[]string{
					"Kata'ib Hezbollah > Islamic Resistance in Iraq > Attack of 2024-01-28 > Tower 22",
					"Kata'ib Hezbollah > Iraq > Jordan > Tower 22",
				}},
			// Two ways from Abu Fadak to Jordan: 3 hops through the hub Iraq,
			// or 5 through the group, the umbrella's attack and the base. The
			// specific path wins (cost 5 + ln 3 + 3 ln 2 = 8.2); the hub paths
			// come after it (3 + ln 2 + ln 402 = 9.7, 3 + ln 3 + ln 402 = 10.1).
			{"hub ranked last", schema.EntityIRI("Abu Fadak al-Mohammadawi"), schema.EntityIRI("Jordan"), Options{K: 3, MaxHops: 5},
				[]string{
					"Abu Fadak al-Mohammadawi > Kata'ib Hezbollah > Islamic Resistance in Iraq > Attack of 2024-01-28 > Tower 22 > Jordan",
					"Abu Fadak al-Mohammadawi > Popular Mobilization Forces > Iraq > Jordan",
					"Abu Fadak al-Mohammadawi > Kata'ib Hezbollah > Iraq > Jordan",
				}},
			{"max hops leaves the hub", schema.EntityIRI("Abu Fadak al-Mohammadawi"), schema.EntityIRI("Jordan"), Options{K: 3, MaxHops: 3},
				[]string{
					"Abu Fadak al-Mohammadawi > Popular Mobilization Forces > Iraq > Jordan",
					"Abu Fadak al-Mohammadawi > Kata'ib Hezbollah > Iraq > Jordan",
				}},
			{"via armed groups only", schema.EntityIRI("Abu Fadak al-Mohammadawi"), schema.EntityIRI("Iraq"), Options{K: 3, Via: []string{schema.ArmedGroup}},
				[]string{
					"Abu Fadak al-Mohammadawi > Popular Mobilization Forces > Iraq",
					"Abu Fadak al-Mohammadawi > Kata'ib Hezbollah > Iraq",
				}},
			{"via persons only", schema.EntityIRI("Kata'ib Hezbollah"), schema.EntityIRI("Popular Mobilization Forces"), Options{K: 3, Via: []string{schema.Person}},
				[]string{"Kata'ib Hezbollah > Abu Fadak al-Mohammadawi > Popular Mobilization Forces"}},
			{"to an event", schema.EntityIRI("United States"), schema.EventIRI("a1-attack"), Options{K: 1},
				[]string{"United States > Tower 22 > Attack of 2024-01-28"}},
			{"no path within the limit", schema.EntityIRI("Abu Fadak al-Mohammadawi"), schema.EntityIRI("United States"), Options{K: 3, MaxHops: 2},
				nil},
		}
		for mode, f := range finders(t, st) {
			for _, tt := range tests {
				t.Run(backend+"/"+mode+"/"+tt.name, func(t *testing.T) {
					res, err := f.Paths(ctx, tt.from, tt.to, tt.opts)
					if err != nil {
						t.Fatal(err)
					}
					var got []string
					for _, p := range res.Paths {
						got = append(got, names(p))
						if len(p.Hops) != len(p.Nodes)-1 {
							t.Errorf("%d hops for %d nodes", len(p.Hops), len(p.Nodes))
						}
						for _, h := range p.Hops {
							if h.Predicate == "" || h.Kind == "" || h.Evidence == "" || !strings.HasPrefix(h.Article, "ng:article/") {
								t.Errorf("hop without evidence: %+v", h)
							}
						}
					}
					if !slices.Equal(got, tt.want) {
						t.Errorf("paths:\n got %q\nwant %q", got, tt.want)
					}
				})
			}
		}
	}
}

// TestEventType: an event is of type Event whether it has no rdf:type
// (layout 2) or rdf:type ng:Event (layout 1): a path may pass through it
// where only events may be passed, and it is named by its type and date.
func TestEventType(t *testing.T) {
	ctx := context.Background()
	for _, layout1 := range []bool{false, true} {
		st := openStore(t, graphtest.Volatile(t), seedLike()...)
		if layout1 {
			ev := schema.EventIRI("a1-attack")
			if _, err := st.Replace(ctx, nil, []quad.Quad{{Subject: ev, Predicate: schema.RDFType, Object: schema.ClassEvent, Label: schema.ArticleIRI("a1")}}); err != nil {
				t.Fatal(err)
			}
		}
		for mode, f := range finders(t, st) {
			res, err := f.Paths(ctx, schema.EntityIRI("Islamic Resistance in Iraq"), schema.EntityIRI("Tower 22"), Options{K: 1, Via: []string{"Event"}})
			if err != nil {
				t.Fatal(err)
			}
			want := "Islamic Resistance in Iraq > Attack of 2024-01-28 > Tower 22"
			if len(res.Paths) != 1 || names(res.Paths[0]) != want || res.Paths[0].Nodes[1].Type != "Event" {
				t.Errorf("layout 1 %v, %s: %+v, want %s through an Event", layout1, mode, res.Paths, want)
			}
		}
	}
}

func TestHopEvidence(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, graph.DefaultBackend, seedLike()...)
	res, err := New(st.Reader()).Paths(ctx, schema.EntityIRI("Jordan"), schema.EntityIRI("United States"), Options{K: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Paths) != 1 {
		t.Fatalf("%d paths", len(res.Paths))
	}
	want := []Hop{
		{From: "ng:entity/jordan", FromName: "Jordan", To: "ng:entity/tower-22", ToName: "Tower 22", Link: Link{
			Predicate: "located_in", Direction: "in", Support: 1,
			Claim: Claim{Kind: "stated", Evidence: "Tower 22, a US outpost in Jordan near the Syrian border.", Article: "ng:article/a1",
				ArticleTitle: "Drone strike kills three US soldiers at Tower 22", ArticleDate: "2024-01-28"}}},
		{From: "ng:entity/tower-22", FromName: "Tower 22", To: "ng:entity/united-states", ToName: "United States", Link: Link{
			Predicate: "deployed_at", Direction: "in", Support: 1,
			Claim: Claim{Kind: "stated", Evidence: "About 350 US troops are stationed at Tower 22.", Article: "ng:article/a1",
				ArticleTitle: "Drone strike kills three US soldiers at Tower 22", ArticleDate: "2024-01-28"}}},
	}
	got := res.Paths[0].Hops
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("hops:\n got %+v\nwant %+v", got, want)
	}
	if c := res.Paths[0].Cost; math.Abs(c-(2+math.Log1p(1))) > 1e-9 {
		t.Errorf("cost %v, want 2 + ln 2", c)
	}
	// The hub link is backed by 400 articles; the strongest claim is shown.
	res, err = New(st.Reader()).Paths(ctx, schema.EntityIRI("Iraq"), schema.EntityIRI("Jordan"), Options{K: 1})
	if err != nil {
		t.Fatal(err)
	}
	if h := res.Paths[0].Hops[0]; h.Support != 400 || h.Predicate != "allied_with" || h.Direction != "out" {
		t.Errorf("hub hop %+v, want allied_with out with support 400", h)
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, graphtest.Volatile(t), seedLike()...)
	f := New(st.Reader())
	if _, err := f.Paths(ctx, schema.EntityIRI("nobody"), schema.EntityIRI("Iraq"), Options{}); err == nil || !strings.Contains(err.Error(), "not in the graph") {
		t.Errorf("unknown node: %v", err)
	}
	if _, err := f.Paths(ctx, schema.EntityIRI("Iraq"), schema.EntityIRI("Iraq"), Options{}); err == nil {
		t.Error("same node at both ends: no error")
	}
	if _, err := f.Paths(ctx, schema.EntityIRI("Iraq"), schema.EntityIRI("Jordan"), Options{Via: []string{"Planet"}}); err == nil {
		t.Error("unknown via type: no error")
	}
	if _, err := f.Paths(ctx, schema.EntityIRI("Iraq"), schema.EntityIRI("Jordan"), Options{MaxHops: 99}); err == nil {
		t.Error("huge max hops: no error")
	}
}

// TestAgainstBruteForce checks the search on random graphs against every
// simple path enumerated by depth-first search, costed independently
// from the quads.
func TestAgainstBruteForce(t *testing.T) {
	shifts, avoided := 0, 0
	for seed := uint64(1); seed <= 12; seed++ {
		recs := randomRecords(seed)
		local := graphtest.Local()
		fs := finders(t, openStore(t, local[seed%uint64(len(local))], recs...))
		s, a := againstBruteForce(t, seed, recs, 15,
			func(q int) *Finder { return fs[[]string{"cold", "indexed"}[q%2]] },
			func(q int) int { return []int{-1, 6}[(q/2)%2] })
		shifts += s
		avoided += a
	}
	// Both ways the search departs from plain bidirectional Dijkstra must
	// have been exercised for the comparison to vouch for them.
	if shifts == 0 || avoided == 0 {
		t.Errorf("the random queries moved the hop split %d times and avoided %d hubs: both should happen", shifts, avoided)
	}
}

// randomRecords makes articles over a small population, with a few hubs.
func randomRecords(seed uint64) []schema.Record {
	r := rand.New(rand.NewPCG(seed, 1))
	type e struct{ id, typ string }
	var pop []e
	for i := 0; i < 25; i++ {
		typ := []string{schema.ArmedGroup, schema.Country, schema.Person, schema.MilitaryBase}[i%4]
		pop = append(pop, e{fmt.Sprintf("n%02d", i), typ})
	}
	var recs []schema.Record
	for a := 0; a < 30; a++ {
		rec := schema.Record{Doc: fmt.Sprint(a), Article: schema.Article{ID: fmt.Sprintf("r%d", a), Source: fmt.Sprint(a)}}
		in := map[int]bool{}
		for k := 0; k < 4; k++ {
			i := r.IntN(len(pop))
			if r.IntN(3) == 0 {
				i = r.IntN(3) // hubs
			}
			in[i] = true
		}
		var ids []int
		for i := range in {
			ids = append(ids, i)
		}
		sort.Ints(ids)
		for _, i := range ids {
			rec.Entities = append(rec.Entities, ent(pop[i].id, pop[i].typ))
		}
		for k := 0; k < 3; k++ {
			x, y := pop[ids[r.IntN(len(ids))]], pop[ids[r.IntN(len(ids))]]
			if x == y {
				continue
			}
			for _, p := range schema.Predicates {
				if slices.Contains(p.Domain, x.typ) && slices.Contains(p.Range, y.typ) {
					rec.Facts = append(rec.Facts, schema.Fact{S: x.id, P: p.Name, O: y.id, Kind: schema.Stated, Evidence: fmt.Sprintf("%s %s %s.", x.id, p.Name, y.id)})
					break
				}
			}
		}
		if len(ids) >= 2 && r.IntN(3) == 0 {
			x, y := pop[ids[0]], pop[ids[1]]
			rec.Events = append(rec.Events, schema.Event{ID: fmt.Sprintf("ev%d", a), Type: schema.EvAttack, Agent: x.id, Target: y.id, Kind: schema.Claimed, Evidence: "An attack."})
			if x.typ != schema.ArmedGroup || y.typ == schema.Country {
				rec.Events[0].Agent, rec.Events[0].Target = "", ""
				rec.Events[0].About = x.id
			}
		}
		recs = append(recs, rec)
	}
	return recs
}

// bruteGraph builds the undirected link graph and mention counts straight
// from the records' quads.
func bruteGraph(t *testing.T, recs []schema.Record) (map[string]map[string]bool, map[string]int) {
	links := map[quad.IRI]bool{}
	for _, p := range linkPredicates {
		links[p] = true
	}
	adj := map[string]map[string]bool{}
	mentions := map[string]int{}
	for _, r := range recs {
		qs, _ := schema.ToQuads(r, "test/1")
		for _, q := range qs {
			p := q.Predicate.(quad.IRI)
			s := string(q.Subject.(quad.IRI))
			if p == schema.MentionedIn {
				mentions[s]++
			}
			if !links[p] {
				continue
			}
			o := string(q.Object.(quad.IRI))
			for _, x := range [][2]string{{s, o}, {o, s}} {
				if adj[x[0]] == nil {
					adj[x[0]] = map[string]bool{}
				}
				adj[x[0]][x[1]] = true
			}
		}
	}
	return adj, mentions
}

// againstBruteForce runs random queries on the graph of recs, each
// through finder(q) with hub limit limit(q), and checks each answer
// against brutePaths: as many paths as there are (up to k), the exact
// costs of the k cheapest, simple and within the hop limit. It returns how
// often the searches moved their hop split and how many hubs they avoided.
func againstBruteForce(t *testing.T, seed uint64, recs []schema.Record, queries int, finder func(q int) *Finder, limit func(q int) int) (shifts, avoided int) {
	t.Helper()
	ctx := context.Background()
	adj, mentions := bruteGraph(t, recs)
	nodes := make([]string, 0, len(adj))
	for n := range adj {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	r := rand.New(rand.NewPCG(seed, 7))
	for q := 0; q < queries; q++ {
		a, b := nodes[r.IntN(len(nodes))], nodes[r.IntN(len(nodes))]
		if a == b {
			continue
		}
		for _, hops := range []int{2, 3, 5} {
			const k = 4
			// The three hubs of randomRecords are mentioned in about 13
			// articles each, the others in about 3.
			lim := limit(q)
			want := brutePaths(adj, mentions, a, b, hops, lim)
			res, err := finder(q).Paths(ctx, quad.IRI(a), quad.IRI(b), Options{K: k, MaxHops: hops, HubLimit: lim})
			if err != nil {
				t.Fatal(err)
			}
			shifts += res.stats.Shifts
			avoided += len(res.HubsAvoided)
			if len(res.Paths) != min(k, len(want)) {
				t.Fatalf("query %d: seed %d %s -> %s (%d hops, hub limit %d): %d paths, want %d", q, seed, a, b, hops, lim, len(res.Paths), min(k, len(want)))
			}
			for i, p := range res.Paths {
				if math.Abs(p.Cost-want[i]) > 1e-9 {
					t.Errorf("seed %d %s -> %s (%d hops): path %d (%s) costs %v, want %v (all: %v)", seed, a, b, hops, i, names(p), p.Cost, want[i], want[:min(len(want), k)])
				}
				if len(p.Hops) > hops {
					t.Errorf("path %s has %d hops, limit %d", names(p), len(p.Hops), hops)
				}
				seen := map[string]bool{}
				for _, n := range p.Nodes {
					if seen[n.IRI] {
						t.Errorf("path %s is not simple", names(p))
					}
					seen[n.IRI] = true
				}
			}
		}
	}
	return shifts, avoided
}

// brutePaths returns the sorted costs of every simple path a..b of at most
// maxHops hops that passes through no node mentioned in more than
// hubLimit articles (when hubLimit >= 0).
func brutePaths(adj map[string]map[string]bool, mentions map[string]int, a, b string, maxHops, hubLimit int) []float64 {
	pen := func(x string) float64 {
		if x == a || x == b {
			return 0
		}
		return math.Log1p(float64(max(mentions[x], 1)))
	}
	var out []float64
	onPath := map[string]bool{a: true}
	var dfs func(x string, hops int, cost float64)
	dfs = func(x string, hops int, cost float64) {
		if x == b {
			out = append(out, cost)
			return
		}
		if hops == maxHops {
			return
		}
		for y := range adj[x] {
			if onPath[y] || (y != b && hubLimit >= 0 && mentions[y] > hubLimit) {
				continue
			}
			onPath[y] = true
			dfs(y, hops+1, cost+1+(pen(x)+pen(y))/2)
			delete(onPath, y)
		}
	}
	dfs(a, 0, 0)
	sort.Float64s(out)
	return out
}

func TestNeighbors(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, graph.DefaultBackend, seedLike()...)
	for mode, f := range finders(t, st) {
		ns, truncated, err := f.Neighbors(ctx, schema.EntityIRI("Kata'ib Hezbollah"), NeighborOptions{Hops: 2})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range ns {
			got = append(got, fmt.Sprintf("%d %s %s/%s", n.Hops, n.Name, n.Via.Predicate, n.Via.Direction))
		}
		// By distance, then by articles mentioning the node (Iraq: 401), then by IRI.
		want := []string{
			"1 Iraq active_in/out",
			"1 Abu Fadak al-Mohammadawi holds_role/in",
			"1 Islamic Resistance in Iraq member_of/out",
			"2 Jordan allied_with/out",
			"2 Popular Mobilization Forces active_in/in",
			"2 Attack of 2024-01-28 agent/in",
		}
		if truncated || !slices.Equal(got, want) {
			t.Errorf("%s: neighbours (truncated %v):\n got %q\nwant %q", mode, truncated, got, want)
		}
		ns, truncated, _ = f.Neighbors(ctx, schema.EntityIRI("Kata'ib Hezbollah"), NeighborOptions{Hops: 2, Limit: 2})
		if len(ns) != 2 || !truncated {
			t.Errorf("%s: limit 2 gave %d, truncated %v", mode, len(ns), truncated)
		}
	}
}

func TestTimeline(t *testing.T) {
	ctx := context.Background()
	recs := seedLike()
	recs = append(recs, schema.Record{
		Doc: "a3.txt", Article: schema.Article{ID: "a3", Source: "a3.txt", Date: "2024-01-31"},
		Entities: []schema.Entity{ent("Kata'ib Hezbollah", schema.ArmedGroup), ent("United States", schema.Country), ent("Tower 22", schema.MilitaryBase)},
		Events: []schema.Event{
			{ID: "a3-suspension", Type: schema.EvSuspension, Agent: "Kata'ib Hezbollah", Date: "2024-01-30", Kind: schema.Stated,
				Evidence: "Kata'ib Hezbollah announced the suspension of its operations."},
			{ID: "a3-strike", Type: schema.EvAirstrike, Agent: "United States", Target: "Kata'ib Hezbollah", Kind: schema.Threatened,
				Evidence: "Washington vowed to respond.", DateNote: "no date given"},
			{ID: "a3-attack", Type: schema.EvAttack, Agent: "Kata'ib Hezbollah", Target: "Tower 22", Date: "2024-01", Kind: schema.Reported, Evidence: "Officials blamed the group."},
		},
		Facts: []schema.Fact{{S: "Kata'ib Hezbollah", P: "claimed_responsibility_for", O: "a3-attack", Kind: schema.Denied, Evidence: "The group denied it."}},
	})
	st := openStore(t, graph.DefaultBackend, recs...)
	for mode, f := range finders(t, st) {
		tl, err := f.Timeline(ctx, schema.EntityIRI("Kata'ib Hezbollah"))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range tl {
			got = append(got, fmt.Sprintf("%s %s %v %s", e.Date, e.Type, e.Roles, e.Kind))
		}
		want := []string{
			"2024-01 Attack [agent claimed_responsibility_for] reported",
			"2024-01-30 Suspension [agent] stated",
			" Airstrike [target] threatened",
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: timeline\n got %q\nwant %q", mode, got, want)
		}
		if len(tl) > 0 && (tl[0].Participants["target"] != "Tower 22" || tl[0].Evidence != "Officials blamed the group." || tl[0].Article != "ng:article/a3") {
			t.Errorf("%s: first entry %+v", mode, tl[0])
		}
	}
}
