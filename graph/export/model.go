package export

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	ngraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Node is one exported node: an entity, an event, an incident or, with
// Options.ArticleNodes, an article. Empty fields are unknown and are left
// out of the output.
type Node struct {
	ID        string   // the short IRI without brackets: "ng:entity/kataib-hezbollah"
	Type      string   // entity type ("ArmedGroup"), "Event" for events, "Incident", "Article"
	Name      string   // display name; never empty
	Aliases   []string // every surface form seen, sorted
	Articles  int      // number of articles it appears in (incidents: that report it)
	FirstSeen string   // date of the earliest dated article it appears in
	LastSeen  string   // date of the latest

	// Incidents: the independent outlets that report it (copies of one
	// wire story count once), as the analysis counted them.
	Outlets int

	// Where it is (entities) or happened (events), when known: Placed says
	// Lat and Lon hold; Precision is site, town, province or country.
	Placed    bool
	Lat, Lon  float64
	Precision string
	Wikidata  string // entities: the Wikidata id, "Q796"

	// Events and incidents (and Date for articles).
	EventType     string  // Attack, Airstrike, ...
	Kind          string  // claim kind: stated, reported, claimed, denied, threatened
	Date          string  // when it happened (articles: publication date)
	DatePrecision string  // what Date rests on: day, month, year, or reported (the article's date)
	DateNote      string  // why a date is missing or not trusted
	Incident      string  // events: the incident it reports, when several articles report one
	Status        string  // occurred, planned, ...
	Evidence      string  // the sentence it rests on
	Confidence    float64 // the extractor's estimate; 0 when none
	Article       string  // the article that reports it (the first, if several)
	// Agents, Targets and Locations are the IDs of the event's entities in
	// those roles, sorted (also edges; here for formats without edges).
	Agents, Targets, Locations []string

	// Articles.
	Outlet, Author, Source string
}

// Edge is one exported edge. Without Options.MergeEdges an edge is one
// statement of one article: Count and the lists are empty.
type Edge struct {
	Source, Target string // node IDs
	Predicate      string // local name: "attacked", "agent", "mentionedIn"
	Kind           string // claim kind
	Article        string // article IRI (merged: the earliest)
	ArticleDate    string // that article's date
	Evidence       string
	Confidence     float64 // 0 when none (merged: the highest)
	Role           string  // for holds_role and the like
	AssertedBy     string  // node ID of who asserts it
	Statement      string  // the statement node it comes from, when there is one

	// FactArticles and FactOutlets are the fact's counts, where it has a
	// fact node (two articles or more state it): the articles that state
	// it, and their independent outlets. 0 otherwise.
	FactArticles, FactOutlets int

	// With MergeEdges only.
	Count    int      // number of reports: distinct articles, those of one incident counting once
	Articles []string // those articles, earliest first
	Kinds    []string // distinct claim kinds, sorted

	// incident is the incident the edge's report belongs to, "" for none:
	// merging counts an incident's reports once.
	incident string
}

type nodeKind int

const (
	kindOther nodeKind = iota
	kindEntity
	kindEvent
	kindArticle
	kindStatement
	kindIncident
)

const (
	entityPrefix    = schema.Prefix + "entity/"
	eventPrefix     = schema.Prefix + "event/"
	articlePrefix   = schema.Prefix + "article/"
	statementPrefix = schema.Prefix + "statement/"
	incidentPrefix  = schema.Prefix + "incident/"
)

func kindOf(v quad.Value) nodeKind {
	iri, ok := v.(quad.IRI)
	if !ok {
		return kindOther
	}
	s := string(iri)
	switch {
	case strings.HasPrefix(s, entityPrefix):
		return kindEntity
	case strings.HasPrefix(s, eventPrefix):
		return kindEvent
	case strings.HasPrefix(s, articlePrefix):
		return kindArticle
	case strings.HasPrefix(s, statementPrefix):
		return kindStatement
	case strings.HasPrefix(s, incidentPrefix):
		return kindIncident
	}
	return kindOther
}

// roles are the event properties exported as edges from the event.
var roles = map[quad.Value]bool{
	schema.Agent: true, schema.Target: true, schema.Location: true,
	schema.About: true, schema.AssertedBy: true,
}

// placeRoles are the event roles a node's attributes name (Node.Agents,
// Targets, Locations): who acted where, for formats without edges.
var placeRoles = map[quad.Value]bool{schema.Agent: true, schema.Target: true, schema.Location: true}

func sortedKeys(set map[string]bool) []string {
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// isFact reports whether p is a predicate of the closed set.
func isFact(p quad.Value) bool {
	iri, ok := p.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), schema.Prefix) &&
		schema.LookupPredicate(strings.TrimPrefix(string(iri), schema.Prefix)) != nil
}

// local is an IRI without its prefix: "ng:attacked" gives "attacked".
func local(v quad.Value) string {
	s := text(v)
	if i := strings.LastIndexAny(s, ":/#"); i >= 0 && i < len(s)-1 {
		return s[i+1:]
	}
	return s
}

// text is a value as plain text: an IRI without brackets, a literal without
// quotes or type.
func text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.Float:
		return strconv.FormatFloat(float64(v), 'g', -1, 64)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	case quad.BNode:
		return "_:" + string(v)
	}
	return quad.StringOf(v)
}

func number(v quad.Value) float64 {
	switch v := v.(type) {
	case quad.Float:
		return float64(v)
	case quad.Int:
		return float64(v)
	}
	f, _ := strconv.ParseFloat(text(v), 64)
	return f
}

func isLiteral(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode, nil:
		return false
	}
	return true
}

// walker reads nodes and edges from a store.
type walker struct {
	ctx   context.Context
	qs    graph.QuadStore
	rd    ngraph.Reader // scans qs
	opts  Options
	sel   map[quad.Value]bool // nil: the whole graph
	all   []quad.Value        // the whole graph's nodes, sorted, once listed
	dates *boundedCache[quad.Value, string]
	alive *boundedCache[quad.Value, bool]
	preds *boundedCache[any, quad.Value] // predicates by ref key
	// incidents are, by article, the incidents it reports and the
	// entities each names (read for merging only).
	incidents *boundedCache[quad.Value, []incidentEnds]
}

// cacheSize bounds the walker's caches (article dates, live nodes).
const cacheSize = 1 << 16

// baseWalker is a walker with no options, for selections.
func baseWalker(ctx context.Context, rd ngraph.Reader) *walker {
	return &walker{
		ctx: ctx, qs: rd.QuadStore(), rd: rd,
		dates:     newBoundedCache[quad.Value, string](cacheSize),
		alive:     newBoundedCache[quad.Value, bool](cacheSize),
		preds:     newBoundedCache[any, quad.Value](1024),
		incidents: newBoundedCache[quad.Value, []incidentEnds](cacheSize),
	}
}

func newWalker(ctx context.Context, rd ngraph.Reader, opts Options) (*walker, error) {
	w := baseWalker(ctx, rd)
	w.opts = opts
	if opts.Nodes == nil {
		return w, nil
	}
	w.sel = make(map[quad.Value]bool, len(opts.Nodes))
	for _, n := range opts.Nodes {
		if k := kindOf(n); k == kindEntity || k == kindEvent || k == kindIncident || (k == kindArticle && opts.ArticleNodes) {
			w.sel[n] = true
		}
	}
	if opts.ArticleNodes {
		var arts []quad.Value
		for n := range w.sel {
			if err := w.each(quad.Subject, n, func(q quad.Quad) error {
				if q.Predicate == schema.MentionedIn || q.Predicate == schema.InArticle {
					arts = append(arts, q.Object)
				}
				return nil
			}); err != nil {
				return nil, err
			}
		}
		for _, a := range arts {
			if kindOf(a) == kindArticle {
				w.sel[a] = true
			}
		}
	}
	return w, nil
}

// each calls fn for every quad with value v in direction d, fully read.
func (w *walker) each(d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return w.eachNeed(d, v, nil, fn)
}

// need says which directions of a quad with predicate p a reader needs
// besides the predicate, which is always read.
type need uint8

const (
	needSubject need = 1 << iota
	needObject
	needLabel
	needAll = needSubject | needObject | needLabel
)

// eachNeed calls fn for every quad with value v in direction d. Of each
// quad, the predicate is read, and the other directions that want asks
// for (nil: all); the others are nil. The quads are found with one index
// scan and their values read in one batch, instead of one store
// transaction per quad: most of the export's time goes there.
func (w *walker) eachNeed(d quad.Direction, v quad.Value, want func(p quad.Value) need, fn func(quad.Quad) error) error {
	return w.eachWith(d, v, nil, want, fn)
}

// eachWith is eachNeed on the quads of predicate pred only (nil: all),
// found by the (node, predicate) index where the backend has one: a hub's
// other quads are not read.
func (w *walker) eachWith(d quad.Direction, v, pred quad.Value, want func(p quad.Value) need, fn func(quad.Quad) error) error {
	ref, err := w.qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	var pref graph.Ref
	if pred != nil {
		if pref, err = w.qs.ValueOf(pred); err != nil || pref == nil {
			return err // no quad has that predicate
		}
	}
	qrefs, err := w.rd.Refs(w.ctx, ref, d, pref, 0)
	if err != nil {
		return err
	}
	if len(qrefs) == 0 {
		return nil
	}
	quads := make([]quad.Quad, len(qrefs))
	var (
		batch []graph.Ref
		slots [][2]int // quad index, direction
		index = map[any]int{}
	)
	ask := func(i int, dir quad.Direction) error {
		r, err := w.qs.QuadDirection(qrefs[i], dir)
		if err != nil || r == nil {
			return err
		}
		k := refs.ToKey(r)
		j, ok := index[k]
		if !ok {
			j = len(batch)
			index[k] = j
			batch = append(batch, r)
		}
		slots = append(slots, [2]int{i, j*8 + int(dir)})
		return nil
	}
	// Predicates first: they decide what else to read, and are few.
	for i := range qrefs {
		r, err := w.qs.QuadDirection(qrefs[i], quad.Predicate)
		if err != nil {
			return err
		}
		if p, ok := w.preds.get(refs.ToKey(r)); ok {
			quads[i].Predicate = p
		} else if err := ask(i, quad.Predicate); err != nil {
			return err
		}
	}
	if err := w.resolve(quads, batch, slots); err != nil {
		return err
	}
	for _, s := range slots {
		r, _ := w.qs.QuadDirection(qrefs[s[0]], quad.Predicate)
		w.preds.put(refs.ToKey(r), quads[s[0]].Predicate)
	}
	batch, slots = batch[:0], slots[:0]
	clear(index)
	for i := range qrefs {
		n := needAll
		if want != nil {
			n = want(quads[i].Predicate)
		}
		for _, x := range []struct {
			bit need
			dir quad.Direction
		}{{needSubject, quad.Subject}, {needObject, quad.Object}, {needLabel, quad.Label}} {
			switch {
			case n&x.bit == 0:
			case x.dir == d:
				quads[i].Set(d, v)
			default:
				if err := ask(i, x.dir); err != nil {
					return err
				}
			}
		}
	}
	if err := w.resolve(quads, batch, slots); err != nil {
		return err
	}
	for _, q := range quads {
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

// resolve reads a batch of values and sets them in quads: slot {i, j*8+d}
// is direction d of quads[i], value batch[j].
func (w *walker) resolve(quads []quad.Quad, batch []graph.Ref, slots [][2]int) error {
	if len(batch) == 0 {
		return nil
	}
	vals, err := graph.ValuesOf(w.ctx, w.qs, batch)
	if err != nil {
		return err
	}
	for _, s := range slots {
		quads[s[0]].Set(quad.Direction(s[1]%8), vals[s[1]/8])
	}
	return nil
}

var errStop = fmt.Errorf("stop")

// linked is the other end of every quad p that has v in direction d
// (subject or object), each once.
func (w *walker) linked(d quad.Direction, v quad.Value, p quad.IRI) ([]quad.Value, error) {
	other, n := quad.Object, needObject
	if d == quad.Object {
		other, n = quad.Subject, needSubject
	}
	var out []quad.Value
	seen := map[quad.Value]bool{}
	err := w.eachWith(d, v, p, func(quad.Value) need { return n }, func(q quad.Quad) error {
		if o := q.Get(other); o != nil && !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
		return nil
	})
	return out, err
}

// incidentOf is the incident an event reports, "" for none.
func (w *walker) incidentOf(event quad.Value) (string, error) {
	incs, err := w.linked(quad.Object, event, analysis.ReportOf)
	for _, i := range incs {
		if kindOf(i) == kindIncident {
			return text(i), err
		}
	}
	return "", err
}

// incidentEnds is an incident and the entities its reports name as
// agent, target or place.
type incidentEnds struct {
	id   string
	ends map[quad.Value]bool
}

// incidentsIn are the incidents an article reports.
func (w *walker) incidentsIn(article quad.Value) ([]incidentEnds, error) {
	if l, ok := w.incidents.get(article); ok {
		return l, nil
	}
	nodes, err := w.linked(quad.Object, article, analysis.ReportedIn)
	if err != nil {
		return nil, err
	}
	var out []incidentEnds
	for _, n := range nodes {
		if kindOf(n) != kindIncident {
			continue
		}
		ie := incidentEnds{id: text(n), ends: map[quad.Value]bool{}}
		for _, p := range []quad.IRI{schema.Agent, schema.Target, schema.Location} {
			vs, err := w.linked(quad.Subject, n, p)
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				ie.ends[v] = true
			}
		}
		out = append(out, ie)
	}
	w.incidents.put(article, out)
	return out, nil
}

// factCount is a fact node's counts.
type factCount struct{ articles, outlets int }

// factCounts reads the fact nodes of the facts whose subject is v: their
// counts by predicate (local name) and object (node ID).
func (w *walker) factCounts(v quad.Value) (map[[2]string]factCount, error) {
	facts, err := w.linked(quad.Object, v, analysis.FactSubject)
	if err != nil || len(facts) == 0 {
		return nil, err
	}
	out := map[[2]string]factCount{}
	for _, f := range facts {
		var key [2]string
		var c factCount
		if err := w.each(quad.Subject, f, func(q quad.Quad) error {
			switch q.Predicate {
			case analysis.FactPredicate:
				key[0] = local(q.Object)
			case analysis.FactObject:
				key[1] = text(q.Object)
			case analysis.Articles:
				c.articles = int(number(q.Object))
			case analysis.Outlets:
				c.outlets = int(number(q.Object))
			}
			return nil
		}); err != nil {
			return nil, err
		}
		out[key] = c
	}
	return out, nil
}

// exists reports whether v has quads of its own (as subject): a node whose
// quads were all removed may linger in a store's node list.
func (w *walker) exists(v quad.Value) (bool, error) {
	if ok, hit := w.alive.get(v); hit {
		return ok, nil
	}
	ref, err := w.qs.ValueOf(v)
	if err != nil || ref == nil {
		return false, err
	}
	first, err := w.rd.Refs(w.ctx, ref, quad.Subject, nil, 1)
	if err != nil {
		return false, err
	}
	found := len(first) > 0
	w.alive.put(v, found)
	return found, nil
}

// wanted reports whether v is a node of the export (without checking
// that it still exists).
func (w *walker) wanted(v quad.Value) bool {
	if w.sel != nil {
		return w.sel[v]
	}
	switch kindOf(v) {
	case kindEntity, kindEvent, kindIncident:
		return true
	case kindArticle:
		return w.opts.ArticleNodes
	}
	return false
}

// target reports whether an edge to v is exported.
func (w *walker) target(v quad.Value) (bool, error) {
	if !w.wanted(v) {
		return false, nil
	}
	return w.exists(v)
}

// nodes calls fn for every exported node, sorted by ID: the selection,
// or the whole graph. The whole graph's node list is read once and kept
// (the IDs only) for the walk's second pass: backends list their nodes in
// orders of their own (bolt by insertion, PostgreSQL as its heap lies,
// which updates reorder), and an export must not depend on the backend.
func (w *walker) nodes(fn func(quad.Value) error) error {
	if w.sel == nil && w.all == nil {
		all, err := w.allNodes()
		if err != nil {
			return err
		}
		w.all = all
	}
	list := w.all
	if w.sel != nil {
		list = make([]quad.Value, 0, len(w.sel))
		for v := range w.sel {
			list = append(list, v)
		}
		sortValues(list)
	}
	for _, v := range list {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if ok, err := w.exists(v); err != nil {
			return err
		} else if ok {
			if err := fn(v); err != nil {
				return err
			}
		}
	}
	return nil
}

// allNodes lists the store's nodes that the export wants, sorted by ID.
func (w *walker) allNodes() ([]quad.Value, error) {
	list := []quad.Value{}
	it := w.qs.NodesAllIterator().Iterate()
	defer it.Close()
	for it.Next(w.ctx) {
		v, err := w.qs.NameOf(it.Result())
		if err != nil {
			return nil, err
		}
		if w.wanted(v) {
			list = append(list, v)
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if err := w.ctx.Err(); err != nil {
		return nil, err
	}
	sortValues(list)
	return list, nil
}

func sortValues(list []quad.Value) {
	slices.SortFunc(list, func(a, b quad.Value) int { return cmp.Compare(text(a), text(b)) })
}

// walk calls nodeFn for every node, then edgeFn for every edge.
func (w *walker) walk(nodeFn func(Node) error, edgeFn func(Edge) error) error {
	if err := w.nodes(func(v quad.Value) error {
		n, err := w.node(v)
		if err != nil {
			return err
		}
		return nodeFn(n)
	}); err != nil {
		return err
	}
	return w.nodes(func(v quad.Value) error {
		edges, err := w.edges(v)
		if err != nil {
			return err
		}
		for _, e := range edges {
			if err := edgeFn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// articleDate is the publication date of an article, "" if unknown.
func (w *walker) articleDate(a quad.Value) (string, error) {
	if d, ok := w.dates.get(a); ok {
		return d, nil
	}
	d := ""
	only := func(p quad.Value) need {
		if p == schema.Date {
			return needObject
		}
		return 0
	}
	err := w.eachNeed(quad.Subject, a, only, func(q quad.Quad) error {
		if q.Predicate == schema.Date {
			d = text(q.Object)
			return errStop
		}
		return nil
	})
	if err != nil && err != errStop {
		return "", err
	}
	w.dates.put(a, d)
	return d, nil
}

// tally counts values, to pick the most frequent one.
type tally map[string]int

func (t tally) add(s string) {
	if s != "" {
		t[s]++
	}
}

// best is the most frequent value, the smallest of equals.
func (t tally) best() string {
	out, n := "", 0
	for s, c := range t {
		if c > n || (c == n && s < out) {
			out, n = s, c
		}
	}
	return out
}

// nodeQuads is what a node's own quads say, gathered before its
// attributes are chosen from them.
type nodeQuads struct {
	types, names tally
	lits         map[quad.Value]tally // literal-valued properties
	aliases      map[string]bool
	articles     map[quad.Value]bool            // the articles it appears in
	roleIDs      map[quad.Value]map[string]bool // an event's agents, targets and locations
	confidence   float64
	// told are the articles whose copy of an event has a claim kind,
	// rated those whose copy has a confidence: a copy without one has
	// the default (schema.EventConfidence).
	told, rated map[quad.Value]bool
}

// node reads one node's attributes from its own quads.
func (w *walker) node(v quad.Value) (Node, error) {
	n := Node{ID: text(v)}
	kind := kindOf(v)
	nq, err := w.nodeQuads(v, kind)
	if err != nil {
		return n, err
	}
	n.Confidence = nq.confidence
	for a := range nq.told {
		if !nq.rated[a] {
			n.Confidence = max(n.Confidence, schema.EventConfidence)
		}
	}
	n.Type = nq.types.best()
	n.Name = nq.names.best()
	for a := range nq.aliases {
		n.Aliases = append(n.Aliases, a)
	}
	slices.Sort(n.Aliases)
	lit := func(p quad.IRI) string { return nq.lits[p].best() }
	if lat, lon := lit(schema.Lat), lit(schema.Lon); lat != "" && lon != "" {
		n.Lat, n.Lon = number(quad.String(lat)), number(quad.String(lon))
		n.Placed, n.Precision = true, lit(schema.GeoPrecision)
	}
	n.Wikidata = lit(schema.Wikidata)
	switch kind {
	case kindEvent:
		setEvent(&n, lit, nq.roleIDs)
		if n.Incident, err = w.incidentOf(v); err != nil {
			return n, err
		}
	case kindIncident:
		setIncident(&n, lit)
	case kindArticle:
		n.Type = local(schema.ClassArticle)
		n.Date = lit(schema.Date)
		n.Outlet = lit(schema.Outlet)
		n.Author = lit(schema.Author)
		n.Source = lit(schema.Source)
	}
	if kind != kindArticle && kind != kindIncident {
		if err := w.setSeen(&n, kind, nq.articles); err != nil {
			return n, err
		}
	}
	if n.Name == "" {
		n.Name = local(v)
	}
	return n, nil
}

// nodeQuads reads the quads of node v (of kind kind) that its attributes
// come from. Edges are read in the second pass: their targets are not
// needed here.
func (w *walker) nodeQuads(v quad.Value, kind nodeKind) (nodeQuads, error) {
	nq := nodeQuads{types: tally{}, names: tally{}, lits: map[quad.Value]tally{}, aliases: map[string]bool{},
		articles: map[quad.Value]bool{}, roleIDs: map[quad.Value]map[string]bool{}, told: map[quad.Value]bool{}, rated: map[quad.Value]bool{}}
	want := func(p quad.Value) need {
		if isFact(p) || roles[p] && (kind != kindEvent || !placeRoles[p]) {
			return needLabel
		}
		return needObject | needLabel
	}
	err := w.eachNeed(quad.Subject, v, want, func(q quad.Quad) error {
		if kind != kindArticle && kindOf(q.Label) == kindArticle {
			nq.articles[q.Label] = true
		}
		switch p := q.Predicate; {
		case p == schema.RDFType:
			nq.types.add(local(q.Object))
		case p == schema.Name, p == schema.Title:
			nq.names.add(text(q.Object))
		case p == schema.Alias:
			nq.aliases[text(q.Object)] = true
		case p == schema.Confidence:
			nq.confidence = max(nq.confidence, number(q.Object))
			nq.rated[q.Label] = true
		case p == schema.MentionedIn, p == schema.InArticle:
			nq.articles[q.Object] = true
		case kind == kindEvent && placeRoles[p]:
			if nq.roleIDs[p] == nil {
				nq.roleIDs[p] = map[string]bool{}
			}
			nq.roleIDs[p][text(q.Object)] = true
		case isLiteral(q.Object):
			if kind == kindEvent && p == schema.Kind {
				nq.told[q.Label] = true
			}
			if nq.lits[p] == nil {
				nq.lits[p] = tally{}
			}
			nq.lits[p].add(text(q.Object))
		}
		return nil
	})
	return nq, err
}

// setEvent sets an event's own attributes.
func setEvent(n *Node, lit func(quad.IRI) string, roleIDs map[quad.Value]map[string]bool) {
	n.Type = local(schema.ClassEvent)
	n.EventType = lit(schema.EventType)
	n.Kind = lit(schema.Kind)
	n.Date = lit(schema.Date)
	n.DatePrecision = lit(schema.DatePrecision)
	n.DateNote = schema.DateNoteOf(n.Date, lit(schema.DateNote))
	n.Status = lit(schema.Status)
	n.Evidence = lit(schema.Evidence)
	n.Agents, n.Targets, n.Locations = sortedKeys(roleIDs[schema.Agent]), sortedKeys(roleIDs[schema.Target]), sortedKeys(roleIDs[schema.Location])
	if n.Name == "" {
		n.Name = eventName(n.EventType, n.Date)
	}
}

// setIncident sets an incident's attributes. The analysis counted its
// articles and outlets and dated its reports: its quads are labelled with
// itself, not with articles.
func setIncident(n *Node, lit func(quad.IRI) string) {
	n.Type = local(analysis.ClassIncident)
	n.EventType = lit(schema.EventType)
	n.Date = lit(schema.Date)
	n.DatePrecision = lit(schema.DatePrecision)
	n.Articles = int(number(quad.String(lit(analysis.Articles))))
	n.Outlets = int(number(quad.String(lit(analysis.Outlets))))
	n.FirstSeen, n.LastSeen = lit(analysis.FirstReported), lit(analysis.LastReported)
	n.Name = eventName(n.EventType, n.Date)
}

// setSeen counts the articles an entity or event appears in and the
// dates it was first and last seen; an event's Article is the first of
// them by IRI.
func (w *walker) setSeen(n *Node, kind nodeKind, articles map[quad.Value]bool) error {
	list := make([]quad.Value, 0, len(articles))
	for a := range articles {
		list = append(list, a)
	}
	slices.SortFunc(list, func(a, b quad.Value) int { return cmp.Compare(text(a), text(b)) })
	n.Articles = len(list)
	for _, a := range list {
		d, err := w.articleDate(a)
		if err != nil {
			return err
		}
		if d == "" {
			continue
		}
		if n.FirstSeen == "" || d < n.FirstSeen {
			n.FirstSeen = d
		}
		if d > n.LastSeen {
			n.LastSeen = d
		}
	}
	if kind == kindEvent && len(list) > 0 {
		n.Article = text(list[0])
	}
	return nil
}

// eventName names an event that has no name of its own: "Attack
// 2024-01-28", or "Attack" when undated.
func eventName(eventType, date string) string {
	if eventType == "" {
		eventType = "Event"
	}
	if date == "" {
		return eventType
	}
	return eventType + " " + date
}

// factKey identifies a fact edge of one article.
type factKey struct {
	p, o, article quad.Value
}

// eventInfo is what an event says in one article, copied onto its role
// edges.
type eventInfo struct {
	kind, evidence string
	confidence     float64
}

// edges reads the edges going out of one node: its facts with their
// statements and counts, an event's roles, an incident's reports and,
// with ArticleNodes, its articles.
func (w *walker) edges(v quad.Value) ([]Edge, error) {
	kind := kindOf(v)
	if kind == kindIncident {
		return w.reports(v)
	}
	if kind != kindEntity && kind != kindEvent {
		return nil, nil
	}
	counts, err := w.factCounts(v)
	if err != nil {
		return nil, err
	}
	out, covered, err := w.statementEdges(v, counts)
	if err != nil {
		return nil, err
	}
	own, err := w.ownQuads(v, kind, covered)
	if err != nil {
		return nil, err
	}
	if out, err = w.ownEdges(out, text(v), own, counts); err != nil {
		return nil, err
	}
	if w.opts.MergeEdges {
		if err := w.setIncidents(v, out); err != nil {
			return nil, err
		}
	}
	return w.finish(out)
}

// statementEdges are the fact edges of the statements whose subject is v,
// with their provenance, and the facts they cover (which v's own quads
// state again without it).
func (w *walker) statementEdges(v quad.Value, counts map[[2]string]factCount) ([]Edge, map[factKey]bool, error) {
	var stmts []quad.Value
	subjectsOnly := func(p quad.Value) need {
		if p == schema.RDFSubject {
			return needSubject
		}
		return 0
	}
	if err := w.eachNeed(quad.Object, v, subjectsOnly, func(q quad.Quad) error {
		if q.Predicate == schema.RDFSubject && kindOf(q.Subject) == kindStatement {
			stmts = append(stmts, q.Subject)
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	var out []Edge
	covered := map[factKey]bool{}
	for _, st := range stmts {
		e, f, err := w.statement(st, text(v))
		if err != nil {
			return nil, nil, err
		}
		if f.p == nil || f.o == nil {
			continue
		}
		covered[f] = true
		if ok, err := w.target(f.o); err != nil {
			return nil, nil, err
		} else if !ok {
			continue
		}
		e.Target, e.Predicate, e.Article = text(f.o), local(f.p), text(f.article)
		c := counts[[2]string{e.Predicate, e.Target}]
		e.FactArticles, e.FactOutlets = c.articles, c.outlets
		out = append(out, e)
	}
	return out, covered, nil
}

// statement reads one statement node: the edge from src with its
// provenance, and the fact it states (its article the statement's label
// when it names none).
func (w *walker) statement(st quad.Value, src string) (Edge, factKey, error) {
	e := Edge{Source: src, Statement: text(st), Confidence: schema.StatementConfidence}
	var f factKey
	var label quad.Value
	err := w.each(quad.Subject, st, func(q quad.Quad) error {
		label = q.Label
		switch q.Predicate {
		case schema.RDFPredicate:
			f.p = q.Object
		case schema.RDFObject:
			f.o = q.Object
		case schema.Kind:
			e.Kind = text(q.Object)
		case schema.Evidence:
			e.Evidence = text(q.Object)
		case schema.Role:
			e.Role = text(q.Object)
		case schema.Confidence:
			e.Confidence = number(q.Object)
		case schema.AssertedBy:
			e.AssertedBy = text(q.Object)
		case schema.InArticle:
			f.article = q.Object
		}
		return nil
	})
	if f.article == nil {
		f.article = label
	}
	return e, f, err
}

// roleQuad is one of a node's own quads that makes an edge: an event's
// role, or a link to an article.
type roleQuad struct{ p, o, label quad.Value }

// ownQuads is what a node's own quads give of its edges.
type ownQuads struct {
	direct []factKey                 // facts without a statement
	roles  []roleQuad                // an event's roles
	info   map[quad.Value]*eventInfo // what an event says, by article
	arts   []roleQuad                // with ArticleNodes, its articles
}

// ownQuads reads v's own quads that make edges: facts no statement
// covered, an event's roles and what it says in each article, and its
// articles. Names, aliases and types were read in the first pass.
func (w *walker) ownQuads(v quad.Value, kind nodeKind, covered map[factKey]bool) (ownQuads, error) {
	own := ownQuads{info: map[quad.Value]*eventInfo{}}
	want := func(p quad.Value) need {
		switch {
		case isFact(p), roles[p], p == schema.Kind, p == schema.Evidence, p == schema.Confidence,
			p == schema.MentionedIn, p == schema.InArticle:
			return needObject | needLabel
		}
		return 0
	}
	err := w.eachNeed(quad.Subject, v, want, func(q quad.Quad) error {
		switch p := q.Predicate; {
		case isFact(p):
			if !covered[factKey{p, q.Object, q.Label}] {
				own.direct = append(own.direct, factKey{p, q.Object, q.Label})
			}
		case kind == kindEvent && roles[p]:
			own.roles = append(own.roles, roleQuad{p, q.Object, q.Label})
		case kind == kindEvent && (p == schema.Kind || p == schema.Evidence || p == schema.Confidence):
			in := own.info[q.Label]
			if in == nil {
				in = &eventInfo{confidence: schema.EventConfidence}
				own.info[q.Label] = in
			}
			switch p {
			case schema.Kind:
				in.kind = text(q.Object)
			case schema.Evidence:
				in.evidence = text(q.Object)
			case schema.Confidence:
				in.confidence = number(q.Object)
			}
		case w.opts.ArticleNodes && (p == schema.MentionedIn || p == schema.InArticle):
			own.arts = append(own.arts, roleQuad{p, q.Object, q.Label})
		}
		return nil
	})
	return own, err
}

// ownEdges appends to out the edges from src that its own quads make,
// to targets that are exported.
func (w *walker) ownEdges(out []Edge, src string, own ownQuads, counts map[[2]string]factCount) ([]Edge, error) {
	for _, f := range own.direct {
		if ok, err := w.target(f.o); err != nil {
			return nil, err
		} else if ok {
			c := counts[[2]string{local(f.p), text(f.o)}]
			out = append(out, Edge{Source: src, Target: text(f.o), Predicate: local(f.p), Article: text(f.article),
				FactArticles: c.articles, FactOutlets: c.outlets})
		}
	}
	for _, r := range own.roles {
		if ok, err := w.target(r.o); err != nil {
			return nil, err
		} else if !ok {
			continue
		}
		e := Edge{Source: src, Target: text(r.o), Predicate: local(r.p), Article: text(r.label)}
		if in := own.info[r.label]; in != nil {
			e.Kind, e.Evidence, e.Confidence = in.kind, in.evidence, in.confidence
		}
		out = append(out, e)
	}
	for _, r := range own.arts {
		if ok, err := w.target(r.o); err != nil {
			return nil, err
		} else if ok {
			out = append(out, Edge{Source: src, Target: text(r.o), Predicate: local(r.p), Article: text(r.o)})
		}
	}
	return out, nil
}

// finish dates a node's edges by their articles, sorts them and, with
// MergeEdges, merges them.
func (w *walker) finish(out []Edge) ([]Edge, error) {
	for i := range out {
		if out[i].Article == "" {
			continue
		}
		d, err := w.articleDate(quad.IRI(out[i].Article))
		if err != nil {
			return nil, err
		}
		out[i].ArticleDate = d
	}
	slices.SortFunc(out, compareEdges)
	if w.opts.MergeEdges {
		out = merge(out)
	}
	return out, nil
}

// reports are an incident's edges to the events that report it, each
// with the event's article.
func (w *walker) reports(v quad.Value) ([]Edge, error) {
	events, err := w.linked(quad.Subject, v, analysis.ReportOf)
	if err != nil {
		return nil, err
	}
	var out []Edge
	for _, ev := range events {
		if ok, err := w.target(ev); err != nil {
			return nil, err
		} else if !ok {
			continue
		}
		arts, err := w.linked(quad.Subject, ev, schema.InArticle)
		if err != nil {
			return nil, err
		}
		e := Edge{Source: text(v), Target: text(ev), Predicate: local(analysis.ReportOf)}
		if len(arts) > 0 {
			e.Article = text(arts[0])
		}
		out = append(out, e)
	}
	return w.finish(out)
}

// setIncidents says which incident each of v's edges reports, so that
// merging counts an incident's reports once: an event's edges, its
// incident's; an edge to an event, that event's; a fact between two
// entities, the incident its article reports that names both (the fact is
// part of that article's account of it: Kata'ib Hezbollah attacked Harir
// Air Base, in an article on the attack).
func (w *walker) setIncidents(v quad.Value, edges []Edge) error {
	own := ""
	if kindOf(v) == kindEvent {
		var err error
		if own, err = w.incidentOf(v); err != nil {
			return err
		}
	}
	for i := range edges {
		e := &edges[i]
		target := quad.IRI(e.Target)
		switch {
		case own != "":
			e.incident = own
		case kindOf(target) == kindEvent:
			inc, err := w.incidentOf(target)
			if err != nil {
				return err
			}
			e.incident = inc
		case e.Article != "":
			incs, err := w.incidentsIn(quad.IRI(e.Article))
			if err != nil {
				return err
			}
			for _, ie := range incs {
				if ie.ends[v] && ie.ends[target] {
					e.incident = ie.id
					break
				}
			}
		}
	}
	return nil
}

// compareEdges orders a node's edges by predicate and target, then
// chronologically by article.
func compareEdges(a, b Edge) int {
	return cmp.Or(
		cmp.Compare(a.Predicate, b.Predicate),
		cmp.Compare(a.Target, b.Target),
		compareDated(a.ArticleDate, a.Article, b.ArticleDate, b.Article),
		cmp.Compare(a.Evidence, b.Evidence),
		cmp.Compare(a.Statement, b.Statement),
	)
}

// compareDated orders articles by date, undated ones last, then by IRI.
func compareDated(da, a, db, b string) int {
	switch {
	case da == db:
	case da == "":
		return 1
	case db == "":
		return -1
	default:
		return cmp.Compare(da, db)
	}
	return cmp.Compare(a, b)
}

// merge folds sorted edges with the same predicate and target into one,
// keeping the earliest article's attributes. Its count is of reports, not
// articles: the articles whose reports belong to one incident count once
// (twenty outlets on one attack are one attack), and its fact counts (the
// fact node's, the same on every edge of the fact) say how many
// independent outlets back it.
func merge(edges []Edge) []Edge {
	var out []Edge
	for i := 0; i < len(edges); {
		j := i + 1
		for j < len(edges) && edges[j].Predicate == edges[i].Predicate && edges[j].Target == edges[i].Target {
			j++
		}
		m := edges[i]
		m.Statement = ""
		seen, kinds, reports := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, e := range edges[i:j] {
			if e.Article != "" && !seen[e.Article] {
				seen[e.Article] = true
				m.Articles = append(m.Articles, e.Article)
				reports[cmp.Or(e.incident, e.Article)] = true
			}
			if e.Kind != "" {
				kinds[e.Kind] = true
			}
			m.Confidence = max(m.Confidence, e.Confidence)
		}
		for k := range kinds {
			m.Kinds = append(m.Kinds, k)
		}
		slices.Sort(m.Kinds)
		m.Count = len(reports)
		out = append(out, m)
		i = j
	}
	return out
}

// boundedCache is a map that forgets everything when it grows past its
// size: enough to spare repeated look-ups of the same article while
// keeping memory flat on any graph.
type boundedCache[K comparable, V any] struct {
	m    map[K]V
	size int
}

func newBoundedCache[K comparable, V any](size int) *boundedCache[K, V] {
	return &boundedCache[K, V]{m: map[K]V{}, size: size}
}

func (c *boundedCache[K, V]) get(k K) (V, bool) {
	v, ok := c.m[k]
	return v, ok
}

func (c *boundedCache[K, V]) put(k K, v V) {
	if len(c.m) >= c.size {
		clear(c.m)
	}
	c.m[k] = v
}
