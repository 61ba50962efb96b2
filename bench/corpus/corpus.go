// Package corpus generates a deterministic synthetic news corpus for scale
// tests: N articles in the language of conflict and security reporting —
// armed groups claiming drone and rocket attacks on bases, spokesmen
// threatening, officials meeting, forces withdrawing — about many actors,
// each written with several spellings.
//
// The same seed, size and index always give the same article, whatever
// else is generated, so articles can be made in parallel. Each article also comes with
// the record an ideal extractor would make of it, so that the store can be
// loaded at scale without the extractor.
//
// The actors are drawn with a Zipf law: a few hubs (Iraq, the United
// States, Kata'ib Hezbollah) appear in many articles, most actors in few,
// as in real news. The pools of actors grow with N (about one new group
// per 25 articles, one new person per 10), so that a larger corpus is not
// just the same graph with more edges.
package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// Article is one generated article.
type Article struct {
	Name   string        // file name, e.g. "000042.txt"
	Text   string        // the file's content
	Record schema.Record // what a perfect extractor would make of it
}

// Generator makes the articles of one corpus.
type Generator struct {
	seed                                 int64
	groups, people, places, bases, media []actor
	countries, coalitions, officials     []actor
}

// actor is an entity with its canonical name and the spellings used for it.
type actor struct {
	id, typ, name string
	spellings     []string
	of            int // for people: index of the group they speak for
}

// New returns the generator of corpus (seed, n): n sizes the actor pools.
func New(seed int64, n int) *Generator {
	r := rand.New(rand.NewSource(seed))
	g := &Generator{seed: seed}
	g.countries = fixed(schema.Country, "Iraq", "United States|US|U.S.|America", "Iran|Islamic Republic of Iran", "Syria", "Israel", "Jordan", "Turkey|Türkiye", "Kuwait", "Lebanon", "Yemen")
	g.coalitions = fixed(schema.Coalition, "Islamic Resistance in Iraq|IRI|Iraqi Islamic Resistance", "Global Coalition to Defeat ISIS|international coalition|anti-ISIS coalition", "Axis of Resistance")
	g.media = fixed(schema.MediaOutlet, "Al Mayadeen", "Shafaq News", "Rudaw", "Al Sumaria", "Sabereen News", "Iraqi News Agency|INA", "Baghdad Today")
	g.officials = fixed(schema.Person, "Mohammed Shia al-Sudani|Mohammed Shia' al-Sudani|al-Sudani", "Lloyd Austin|Austin", "Fuad Hussein|Fouad Hussein", "Hossein Amir-Abdollahian|Amir-Abdollahian|Amir Abdollahian", "Antony Blinken|Blinken", "Abdul Latif Rashid|Abdul Latif Rashed")
	g.groups = append(fixed(schema.ArmedGroup,
		"Kata'ib Hezbollah|Kataib Hezbollah|Kata'ib Hizballah|Hezbollah Brigades|KH",
		"Harakat Hezbollah al-Nujaba|al-Nujaba|Nujaba Movement|Harakat al-Nujaba",
		"Kata'ib Sayyid al-Shuhada|Kataib Sayyid al-Shuhada|Kataeb Sayyed al-Shuhada",
		"Asa'ib Ahl al-Haq|Asaib Ahl al-Haq|League of the Righteous"),
		made(r, schema.ArmedGroup, 40+n/25, groupName)...)
	g.people = made(r, schema.Person, 60+n/10, personName)
	for i := range g.people {
		g.people[i].of = r.Intn(len(g.groups))
	}
	g.places = append(fixed(schema.Place, "Baghdad", "Erbil|Arbil|Irbil", "Anbar|al-Anbar", "Deir ez-Zor|Deir al-Zour|Deir Ezzor", "Jurf al-Sakhar|Jurf al-Nasr", "al-Qa'im|Al Qaim|Qaim"),
		made(r, schema.Place, 40+n/50, placeName)...)
	g.bases = append(fixed(schema.MilitaryBase, "Ain al-Asad|Ain al-Assad|Al-Asad Airbase|Ayn al-Asad", "Tower 22", "Al-Tanf|al-Tanf garrison|Tanf", "Harir Air Base|Harir base", "Victory Base|Camp Victory", "Conoco gas field|Conoco base", "Al-Omar oil field|Omar field"),
		made(r, schema.MilitaryBase, 20+n/100, baseName)...)
	return g
}

func fixed(typ string, specs ...string) []actor {
	out := make([]actor, len(specs))
	for i, s := range specs {
		sp := strings.Split(s, "|")
		out[i] = actor{id: schema.Slug(sp[0]), typ: typ, name: sp[0], spellings: sp}
	}
	return out
}

// made generates n actors whose names (and spellings) come from mk; names
// that collide (same slug) are skipped.
func made(r *rand.Rand, typ string, n int, mk func(*rand.Rand) []string) []actor {
	seen := map[string]bool{}
	var out []actor
	for tries := 0; len(out) < n && tries < 20*n; tries++ {
		sp := mk(r)
		id := schema.Slug(sp[0])
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, actor{id: id, typ: typ, name: sp[0], spellings: sp})
	}
	return out
}

var syll = strings.Fields("ba da fa ha ja ka la ma na qa ra sa ta wa za bi di fi hi ki li mi ni ri si ti zi bu du hu ku lu mu nu ru su tu zu bad dar far had jab kar lam mar nas qar rab sal tam war zah")

// word makes a name-like word of 2-3 syllables, and a variant spelling.
func word(r *rand.Rand) (string, string) {
	n := 2 + r.Intn(2)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syll[r.Intn(len(syll))])
	}
	w := b.String()
	w = strings.ToUpper(w[:1]) + w[1:]
	v := w
	switch {
	case strings.Contains(w, "u"):
		v = strings.Replace(w, "u", "ou", 1)
	case strings.Contains(w, "i"):
		v = strings.Replace(w, "i", "ee", 1)
	case strings.Contains(w, "a"):
		v = strings.Replace(w, "a", "e", 1)
	}
	return w, v
}

func groupName(r *rand.Rand) []string {
	w, v := word(r)
	switch r.Intn(4) {
	case 0:
		return []string{"Kata'ib " + w, "Kataib " + v, w + " Brigades"}
	case 1:
		return []string{"Saraya al-" + w, "Saraya " + v, "al-" + w + " Companies"}
	case 2:
		return []string{"Liwa al-" + w, "Liwa " + v, "al-" + w + " Brigade"}
	default:
		return []string{"Harakat al-" + w, "Harakat " + v, "al-" + w + " Movement"}
	}
}

var given = strings.Fields("Ali Hussein Mohammed Kadhim Akram Qais Hadi Falih Ahmed Jaafar Haidar Abbas Mustafa Hamid Karim Salih Yasser Nasser")

func personName(r *rand.Rand) []string {
	w, v := word(r)
	g := given[r.Intn(len(given))]
	if r.Intn(3) == 0 {
		return []string{"Abu " + g + " al-" + w, "Abu " + g + " " + v}
	}
	return []string{g + " al-" + w, g + " al-" + v, g + " " + w}
}

func placeName(r *rand.Rand) []string {
	w, v := word(r)
	return []string{"Tal " + w, "Tell " + v}
}

func baseName(r *rand.Rand) []string {
	w, v := word(r)
	if r.Intn(2) == 0 {
		return []string{"Camp " + w, "Camp " + v}
	}
	return []string{w + " Air Base", v + " airbase"}
}

// Article returns article i of the corpus (0 ≤ i).
func (g *Generator) Article(i int) Article {
	r := rand.New(rand.NewSource(g.seed*1_000_003 + int64(i)))
	w := &writer{g: g, r: r, ents: map[string]*schema.Entity{}, idx: i}
	w.compose()
	text := w.text()
	rec := w.rec
	rec.Doc = fmt.Sprintf("%06d.txt", i)
	rec.Article.ID = source.ContentID([]byte(text))
	rec.Article.Source = rec.Doc
	return Article{Name: rec.Doc, Text: text, Record: rec}
}

type writer struct {
	g     *Generator
	r     *rand.Rand
	idx   int
	title string
	paras [][]string
	rec   schema.Record
	ents  map[string]*schema.Entity
	nev   int
}

// pick draws from a pool with a Zipf law (index 0 the most frequent).
func (w *writer) pick(pool []actor) actor {
	if len(pool) == 1 {
		return pool[0]
	}
	z := rand.NewZipf(w.r, 1.15, 2, uint64(len(pool)-1))
	return pool[z.Uint64()]
}

// say returns a spelling of the actor and records the mention.
func (w *writer) say(a actor) string {
	s := a.spellings[w.r.Intn(len(a.spellings))]
	e := w.ents[a.id]
	if e == nil {
		e = &schema.Entity{ID: a.id, Type: a.typ, Name: a.name}
		w.ents[a.id] = e
	}
	if !contains(e.Mentions, s) {
		e.Mentions = append(e.Mentions, s)
	}
	return s
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func (w *writer) event(typ, agent, target, loc, kind, evidence string) string {
	w.nev++
	id := fmt.Sprintf("ev-%d-%d", w.idx, w.nev)
	w.rec.Events = append(w.rec.Events, schema.Event{ID: id, Type: typ, Agent: agent, Target: target, Location: loc,
		Date: w.rec.Article.Date, Status: "occurred", Kind: kind, Evidence: evidence})
	return id
}

func (w *writer) fact(s, p, o, kind, evidence string) {
	w.rec.Facts = append(w.rec.Facts, schema.Fact{S: s, P: p, O: o, Kind: kind, Evidence: evidence})
}

var (
	weekdays = strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
	weapons  = []string{"drone", "rocket", "one-way attack drone", "missile", "mortar", "suicide drone"}
	months   = strings.Fields("January February March April May June July August September October November December")
	filler   = []string{
		"Analysts say the escalation reflects a wider regional struggle over the future of foreign forces in the country.",
		"No casualties were reported, and the extent of the damage could not be independently verified.",
		"The attack was the latest in a series of strikes on facilities hosting foreign troops since October.",
		"Security sources said air defence systems intercepted part of the salvo before it reached the perimeter.",
		"Officials in Baghdad have repeatedly said the government is committed to protecting diplomatic missions and advisers.",
		"The statement could not be independently confirmed, and a spokesperson for the ministry declined to comment.",
		"Residents reported hearing several explosions shortly after midnight, followed by the sound of sirens.",
		"Talks on the future of the mission are expected to resume after the holiday, according to two officials.",
	}
)

func (w *writer) compose() {
	r := w.r
	y, m, d := 2023+r.Intn(2), 1+r.Intn(12), 1+r.Intn(28)
	w.rec.Article.Date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	outlet := w.pick(w.g.media)
	w.rec.Article.Outlet = outlet.name
	day := weekdays[r.Intn(7)]
	nPara := 3 + r.Intn(5)
	for p := 0; p < nPara; p++ {
		var sents []string
		for s := 0; s < 2+r.Intn(3); s++ {
			sents = append(sents, w.sentence(day))
		}
		w.paras = append(w.paras, sents)
	}
	w.title = w.headline()
	w.rec.Article.Title = w.title
	_ = months
}

func (w *writer) headline() string {
	for _, e := range w.rec.Events {
		if e.Type == schema.EvAttack && e.Agent != "" && e.Target != "" {
			return fmt.Sprintf("%s claims %s strike on %s", w.ents[e.Agent].Name, weapons[w.r.Intn(len(weapons))], w.ents[e.Target].Name)
		}
	}
	return "Tensions rise over the presence of foreign forces"
}

func (w *writer) sentence(day string) string {
	r := w.r
	switch r.Intn(10) {
	case 0, 1: // attack claimed
		g, b, p := w.pick(w.g.groups), w.pick(w.g.bases), w.pick(w.g.places)
		s := fmt.Sprintf("%s claimed responsibility for a %s attack on %s near %s on %s.", w.say(g), weapons[r.Intn(len(weapons))], w.say(b), w.say(p), day)
		ev := w.event(schema.EvAttack, g.id, b.id, p.id, schema.Claimed, s)
		w.fact(g.id, "attacked", b.id, schema.Claimed, s)
		w.fact(g.id, "claimed_responsibility_for", ev, schema.Stated, s)
		w.fact(b.id, "located_in", p.id, schema.Stated, s)
		return s
	case 2: // spokesman statement
		pe := w.pick(w.g.people)
		g := w.g.groups[pe.of]
		c := w.g.countries[1]
		s := fmt.Sprintf("%s, a spokesman for %s, said the group would continue its operations until %s forces leave %s.", w.say(pe), w.say(g), w.say(c), w.say(w.g.countries[0]))
		w.event(schema.EvStatement, pe.id, "", "", schema.Stated, s)
		w.fact(pe.id, "spokesperson_for", g.id, schema.Stated, s)
		w.fact(g.id, "demanded_withdrawal_of", c.id, schema.Reported, s)
		return s
	case 3: // airstrike
		c, g, p := w.pick(w.g.countries[1:3]), w.pick(w.g.groups), w.pick(w.g.places)
		s := fmt.Sprintf("%s forces carried out air strikes on positions of %s near %s, officials said.", w.say(c), w.say(g), w.say(p))
		w.event(schema.EvAirstrike, c.id, g.id, p.id, schema.Reported, s)
		w.fact(c.id, "attacked", g.id, schema.Reported, s)
		return s
	case 4: // meeting
		a, b := w.pick(w.g.officials), w.pick(w.g.officials)
		if a.id == b.id {
			return filler[r.Intn(len(filler))]
		}
		city := w.g.places[r.Intn(2)]
		s := fmt.Sprintf("%s met with %s in %s to discuss the future of the coalition's mission.", w.say(a), w.say(b), w.say(city))
		w.event(schema.EvMeeting, a.id, b.id, city.id, schema.Stated, s)
		w.fact(a.id, "met_with", b.id, schema.Stated, s)
		return s
	case 5: // threat
		g, b := w.pick(w.g.groups), w.pick(w.g.bases)
		s := fmt.Sprintf("%s threatened to strike %s if the attacks on its fighters continued.", w.say(g), w.say(b))
		w.event(schema.EvThreat, g.id, b.id, "", schema.Claimed, s)
		w.fact(g.id, "threatened", b.id, schema.Claimed, s)
		return s
	case 6: // membership
		g, c := w.pick(w.g.groups), w.g.coalitions[0]
		s := fmt.Sprintf("%s is part of the %s, an umbrella of Iran-backed factions, according to %s.", w.say(g), w.say(c), w.say(w.pick(w.g.media)))
		w.fact(g.id, "member_of", c.id, schema.Reported, s)
		return s
	case 7: // denial
		g := w.pick(w.g.groups)
		s := fmt.Sprintf("%s denied any role in the attack in a statement on %s.", w.say(g), day)
		return s
	default:
		return filler[r.Intn(len(filler))]
	}
}

func (w *writer) text() string {
	// Entities in order of first mention.
	w.rec.Entities = w.rec.Entities[:0]
	seen := map[string]bool{}
	var b strings.Builder
	b.WriteString(w.title)
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "%s | %s\n\n", w.rec.Article.Outlet, w.rec.Article.Date)
	for _, p := range w.paras {
		b.WriteString(strings.Join(p, " "))
		b.WriteString("\n\n")
	}
	for _, e := range w.order() {
		if !seen[e] {
			seen[e] = true
			w.rec.Entities = append(w.rec.Entities, *w.ents[e])
		}
	}
	return b.String()
}

// order lists entity ids in a stable order (by first use in facts and
// events, then the rest sorted).
func (w *writer) order() []string {
	var out []string
	add := func(ids ...string) {
		for _, id := range ids {
			if _, ok := w.ents[id]; ok {
				out = append(out, id)
			}
		}
	}
	for _, e := range w.rec.Events {
		add(e.Agent, e.Target, e.Location)
	}
	for _, f := range w.rec.Facts {
		add(f.S, f.O)
	}
	var rest []string
	for id := range w.ents {
		rest = append(rest, id)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// WriteDir writes articles [0, n) of corpus (seed, n) into dir, 1000 to a
// subdirectory, with the given number of parallel writers. It returns the
// total size of the texts in bytes.
func WriteDir(dir string, seed int64, n, workers int) (int64, error) {
	g := New(seed, n)
	if workers < 1 {
		workers = 1
	}
	var (
		mu    sync.Mutex
		total int64
		first error
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a := g.Article(i)
				sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
				err := os.MkdirAll(sub, 0o755)
				if err == nil {
					err = os.WriteFile(filepath.Join(sub, a.Name), []byte(a.Text), 0o644)
				}
				mu.Lock()
				total += int64(len(a.Text))
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return total, first
}
