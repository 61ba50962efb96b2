// Package synth generates large, deterministic, realistic-looking news
// graphs for benchmarks: records shaped like an extractor's output (entities
// with aliases, facts with evidence and claim kinds, events with agents,
// targets and places), mapped to quads by schema.ToQuads so that the quads
// have exactly the shape of a real newsgraph store.
//
// The distribution is what makes path queries hard in a real store: a few
// hubs (Iraq, the United States, Iran, Syria) appear in a large share of the
// articles, group and person popularity follows a Zipf law, and a stable
// "world" (who belongs to which group, which base is in which country) is
// repeated across articles, so that the same fact is backed by many
// statements. The same seed always gives the same graph.
package synth

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Extractor is the extractor name recorded on generated articles.
const Extractor = "synth/1"

// hubCountries appear in many articles, with these probabilities.
var hubCountries = []struct {
	name string
	p    float64
}{{"Iraq", 0.45}, {"United States", 0.35}, {"Iran", 0.2}, {"Syria", 0.15}, {"Israel", 0.1}}

var otherCountries = []string{
	"Lebanon", "Yemen", "Turkey", "Jordan", "Saudi Arabia", "Kuwait", "Qatar",
	"United Arab Emirates", "Bahrain", "Oman", "Egypt", "Russia", "France",
	"United Kingdom", "Germany", "Italy", "Spain", "China", "Pakistan",
	"Afghanistan", "Libya", "Sudan", "Somalia", "Ethiopia", "Algeria",
	"Tunisia", "Morocco", "Cyprus", "Greece", "Azerbaijan", "Armenia",
	"Georgia", "Ukraine", "India", "Japan",
}

var syllables = []string{
	"ka", "ta", "ib", "hiz", "bul", "lah", "sar", "aya", "nu", "ja", "ba",
	"dr", "asa", "haq", "im", "am", "ali", "kar", "bal", "rad", "zan", "fat",
	"mir", "qas", "dh", "wal", "sha", "mun", "ras", "kha", "tim", "yah",
}

var groupPrefixes = []string{"Kata'ib", "Harakat", "Saraya", "Liwa", "Asa'ib", "Jaysh", "Ansar", "Firqat"}
var firstNames = []string{"Abu", "Ali", "Hadi", "Qais", "Akram", "Hassan", "Karim", "Ahmed", "Mahdi", "Yusuf", "Omar", "Faleh", "Hamid", "Jamal", "Nouri", "Sami", "John", "Lloyd", "Mark", "Anna"}
var bodyKinds = []string{"Ministry of Defence", "Ministry of Foreign Affairs", "Ministry of Interior", "Parliament", "Security Council", "Armed Forces", "Intelligence Service", "Joint Operations Command"}

// word is a pronounceable, unique word for index i.
func word(i int) string {
	var b strings.Builder
	n := len(syllables)
	for {
		b.WriteString(syllables[i%n])
		i /= n
		if i == 0 {
			break
		}
		i--
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

type entity struct {
	id, typ, name string
	aliases       []string
	// stable world facts, as (predicate, object index into world.all)
	world []worldFact
}

type worldFact struct {
	p string
	o int
}

type world struct {
	all       []entity
	countries []int // hubs first
	groups    []int
	persons   []int
	bases     []int
	places    []int
	bodies    []int
	coalition []int
}

// Sizes of the entity population. They scale with the target size so
// that the graph keeps its shape.
type sizes struct{ groups, persons, bases, places, bodies, coalitions int }

func sizesFor(targetQuads int) sizes {
	f := float64(targetQuads) / 1e6
	at := func(n float64) int { return max(4, int(n*f)) }
	return sizes{groups: at(2000), persons: at(8000), bases: at(600), places: at(3000), bodies: at(300), coalitions: at(40)}
}

func newWorld(r *rand.Rand, sz sizes) *world {
	w := &world{}
	add := func(e entity) int {
		w.all = append(w.all, e)
		return len(w.all) - 1
	}
	for _, h := range hubCountries {
		w.countries = append(w.countries, add(entity{id: h.name, typ: schema.Country, name: h.name}))
	}
	for _, c := range otherCountries {
		w.countries = append(w.countries, add(entity{id: c, typ: schema.Country, name: c}))
	}
	country := func() int { return w.countries[zipf(r, len(w.countries))] }
	for i := 0; i < sz.coalitions; i++ {
		n := "Axis of " + word(i+7000)
		w.coalition = append(w.coalition, add(entity{id: n, typ: schema.Coalition, name: n, aliases: []string{"the " + n}}))
	}
	for i := 0; i < sz.groups; i++ {
		core := word(i + 100)
		n := groupPrefixes[i%len(groupPrefixes)] + " " + core
		// Transliteration variants, as real articles spell them.
		alias := strings.ReplaceAll(strings.ReplaceAll(n, "'", ""), "q", "k")
		e := entity{id: n, typ: schema.ArmedGroup, name: n, aliases: []string{alias}}
		e.world = append(e.world, worldFact{"active_in", country()})
		if len(w.coalition) > 0 && r.IntN(3) > 0 {
			e.world = append(e.world, worldFact{"member_of", w.coalition[zipf(r, len(w.coalition))]})
		}
		if r.IntN(4) == 0 {
			e.world = append(e.world, worldFact{"backed_by", country()})
		}
		w.groups = append(w.groups, add(e))
	}
	for i := 0; i < sz.bodies; i++ {
		c := country()
		n := w.all[c].name + " " + bodyKinds[i%len(bodyKinds)]
		if i >= len(bodyKinds)*len(w.countries) {
			n += " " + word(i)
		}
		e := entity{id: n + fmt.Sprint(i), typ: schema.GovernmentBody, name: n}
		w.bodies = append(w.bodies, add(e))
	}
	for i := 0; i < sz.places; i++ {
		n := word(i + 3000)
		e := entity{id: n + " city", typ: schema.Place, name: n, aliases: []string{"al-" + n}}
		e.world = append(e.world, worldFact{"located_in", country()})
		w.places = append(w.places, add(e))
	}
	for i := 0; i < sz.bases; i++ {
		n := word(i+5000) + " Air Base"
		e := entity{id: n, typ: schema.MilitaryBase, name: n, aliases: []string{"the " + n}}
		e.world = append(e.world, worldFact{"located_in", country()})
		if len(w.places) > 0 {
			e.world = append(e.world, worldFact{"located_near", w.places[r.IntN(len(w.places))]})
		}
		w.bases = append(w.bases, add(e))
	}
	for i := 0; i < sz.persons; i++ {
		n := firstNames[i%len(firstNames)] + " " + word(i+9000)
		e := entity{id: n, typ: schema.Person, name: n, aliases: []string{strings.Fields(n)[1]}}
		switch i % 5 {
		case 0, 1, 2:
			e.world = append(e.world, worldFact{"holds_role", w.groups[zipf(r, len(w.groups))]})
		case 3:
			e.world = append(e.world, worldFact{"spokesperson_for", w.groups[zipf(r, len(w.groups))]})
		case 4:
			e.world = append(e.world, worldFact{"minister_of", w.bodies[r.IntN(len(w.bodies))]})
		}
		w.persons = append(w.persons, add(e))
	}
	return w
}

// zipf draws an index in [0,n) with probability falling as 1/(i+1):
// a few entities are everywhere, most are rare.
func zipf(r *rand.Rand, n int) int {
	// Inverse transform of the continuous 1/x law on [1, n+1).
	u := r.Float64()
	i := int(math.Exp(u*math.Log(float64(n+1)))) - 1
	return min(max(i, 0), n-1)
}

// Generator yields records one article at a time.
type Generator struct {
	r *rand.Rand
	w *world
	n int
}

// New returns a generator for a graph of about targetQuads quads. The
// target only scales the entity population; Next decides when to stop.
func New(seed uint64, targetQuads int) *Generator {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &Generator{r: r, w: newWorld(r, sizesFor(targetQuads))}
}

var kinds = []string{schema.Stated, schema.Stated, schema.Stated, schema.Reported, schema.Reported, schema.Claimed, schema.Denied, schema.Threatened}

// Record returns the next article's record.
func (g *Generator) Record() schema.Record {
	r, w := g.r, g.w
	i := g.n
	g.n++
	id := fmt.Sprintf("%016x", uint64(i)*0x9e3779b97f4a7c15+1)
	date := fmt.Sprintf("%04d-%02d-%02d", 2019+i%6, 1+i%12, 1+i%28)
	rec := schema.Record{
		Doc:     fmt.Sprintf("synth/%06d.txt", i),
		Article: schema.Article{ID: id, Source: fmt.Sprintf("synth/%06d.txt", i), Title: fmt.Sprintf("Synthetic report %d", i), Outlet: "Synth News", Date: date},
	}
	picked := map[int]bool{}
	var ids []int
	pick := func(e int) {
		if !picked[e] {
			picked[e] = true
			ids = append(ids, e)
		}
	}
	for j, h := range hubCountries {
		if r.Float64() < h.p {
			pick(w.countries[j])
		}
	}
	many := func(pool []int, lo, hi int) {
		for k := lo + r.IntN(hi-lo+1); k > 0; k-- {
			pick(pool[zipf(r, len(pool))])
		}
	}
	many(w.countries, 0, 1)
	many(w.groups, 1, 3)
	many(w.persons, 0, 2)
	many(w.bases, 0, 2)
	many(w.places, 0, 2)
	many(w.bodies, 0, 1)
	many(w.coalition, 0, 1)
	// Pull in the objects of some world facts, so that they are reported.
	var facts []schema.Fact
	sentence := func(s, p, o string) string {
		return fmt.Sprintf("%s %s %s, according to report %d.", s, strings.ReplaceAll(p, "_", " "), o, i)
	}
	for _, e := range append([]int(nil), ids...) {
		for _, wf := range w.all[e].world {
			if r.IntN(2) == 0 {
				continue
			}
			pick(wf.o)
			f := schema.Fact{S: w.all[e].id, P: wf.p, O: w.all[wf.o].id, Kind: kinds[r.IntN(3)], Evidence: sentence(w.all[e].name, wf.p, w.all[wf.o].name)}
			if wf.p == "holds_role" {
				f.Role = "commander"
			}
			facts = append(facts, f)
		}
	}
	for _, e := range ids {
		x := w.all[e]
		mentions := []string{x.name}
		if len(x.aliases) > 0 && r.IntN(2) == 0 {
			mentions = append(mentions, x.aliases[r.IntN(len(x.aliases))])
		}
		rec.Entities = append(rec.Entities, schema.Entity{ID: x.id, Type: x.typ, Name: x.name, Mentions: mentions})
	}
	// Facts between entities of the article, of a predicate their types admit.
	for k := 2 + r.IntN(5); k > 0 && len(ids) > 1; k-- {
		a, b := w.all[ids[r.IntN(len(ids))]], w.all[ids[r.IntN(len(ids))]]
		if a.id == b.id {
			continue
		}
		var ok []string
		for _, p := range schema.Predicates {
			if has(p.Domain, a.typ) && has(p.Range, b.typ) {
				ok = append(ok, p.Name)
			}
		}
		if len(ok) == 0 {
			continue
		}
		p := ok[r.IntN(len(ok))]
		facts = append(facts, schema.Fact{S: a.id, P: p, O: b.id, Kind: kinds[r.IntN(len(kinds))], Evidence: sentence(a.name, p, b.name)})
	}
	rec.Facts = facts
	// Events: attacks by a group on a base or place, statements by persons.
	var groups, targets, places, persons []entity
	for _, e := range ids {
		switch x := w.all[e]; x.typ {
		case schema.ArmedGroup:
			groups = append(groups, x)
		case schema.MilitaryBase:
			targets = append(targets, x)
		case schema.Place:
			places = append(places, x)
		case schema.Person:
			persons = append(persons, x)
		}
	}
	if len(groups) > 0 && len(targets) > 0 {
		a, t := groups[r.IntN(len(groups))], targets[r.IntN(len(targets))]
		ev := schema.Event{ID: id + "-attack", Type: schema.EvAttack, Agent: a.id, Target: t.id, Date: date, Status: "occurred",
			Kind: kinds[r.IntN(len(kinds))], Evidence: fmt.Sprintf("%s struck %s with drones on %s.", a.name, t.name, date)}
		if len(places) > 0 {
			ev.Location = places[0].id
		}
		rec.Events = append(rec.Events, ev)
		if r.IntN(2) == 0 {
			rec.Facts = append(rec.Facts, schema.Fact{S: a.id, P: "claimed_responsibility_for", O: ev.ID, Kind: schema.Claimed, Evidence: a.name + " claimed the attack in a statement."})
		}
	}
	if len(persons) > 0 && r.IntN(2) == 0 {
		p := persons[r.IntN(len(persons))]
		rec.Events = append(rec.Events, schema.Event{ID: id + "-statement", Type: schema.EvStatement, AssertedBy: p.id, Date: date,
			Kind: schema.Stated, Evidence: fmt.Sprintf("%s said the operations would continue.", p.name)})
	}
	return rec
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Load generates records and writes them into st until the store holds
// at least target quads, in transactions of about batch quads. It returns
// the number of articles written.
func Load(ctx context.Context, st *graph.Store, seed uint64, target, batch int) (int, error) {
	g := New(seed, target)
	var buf []quad.Quad
	written := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if _, err := st.Replace(ctx, nil, buf); err != nil {
			return err
		}
		written += len(buf)
		buf = buf[:0]
		return nil
	}
	for written+len(buf) < target {
		if err := ctx.Err(); err != nil {
			return g.n, err
		}
		qs, _ := schema.ToQuads(g.Record(), Extractor)
		buf = append(buf, qs...)
		if len(buf) >= batch {
			if err := flush(); err != nil {
				return g.n, err
			}
		}
	}
	return g.n, flush()
}

// Entities returns the IRIs of every entity of the generator's world, in a
// stable order, for choosing query endpoints.
func (g *Generator) Entities() []quad.IRI {
	out := make([]quad.IRI, len(g.w.all))
	for i, e := range g.w.all {
		out[i] = schema.EntityIRI(e.id)
	}
	return out
}
