package path

import (
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Claim is how one article supports a link: the claim kind, the evidence
// sentence and the article, with its title, outlet and date.
type Claim struct {
	Kind         string `json:"kind"`
	Evidence     string `json:"evidence"`
	Article      string `json:"article"`
	ArticleTitle string `json:"article_title,omitempty"`
	Outlet       string `json:"outlet,omitempty"`
	ArticleDate  string `json:"article_date,omitempty"`
}

// Link is one edge between two nodes, read in the direction of travel:
// Direction "out" means the quad is <from> <predicate> <to>, "in" means it
// is <to> <predicate> <from>. Support counts the statements (one per
// article and evidence sentence) that assert it; the Claim shown is the
// strongest of them.
type Link struct {
	Predicate string `json:"predicate"`
	Direction string `json:"direction"`
	Claim
	Support int `json:"support"`
}

// kindRank orders claim kinds from the most to the least direct.
var kindRank = map[string]int{schema.Stated: 0, schema.Reported: 1, schema.Claimed: 2, schema.Threatened: 3, schema.Denied: 4}

// links returns every link between a and b, strongest first.
func (v *view) links(a, b nodeID) []Link {
	var out []Link
	es, known := v.between(a, b)
	if !known {
		es = linksTo(v.edges(a), b)
	}
	for _, e := range es {
		pred := linkPredicates[e.pred]
		l := Link{Predicate: localName(pred), Direction: "out"}
		if !e.out {
			l.Direction = "in"
		}
		subj, obj := a, b
		if !e.out {
			subj, obj = b, a
		}
		var claims []Claim
		support := 1
		if rolePredicates[pred] {
			// The event node is the subject and carries the evidence itself.
			claims = []Claim{v.claimOf(subj)}
		} else {
			claims, support = v.statements(subj, v.preds[e.pred], obj)
		}
		if len(claims) > 0 {
			l.Claim = claims[0]
		}
		// A fact quad without its statement (loaded by another tool) still
		// links; it just has nothing to show for it.
		l.Support = support
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank(out[i].Kind), rank(out[j].Kind)
		if ri != rj {
			return ri < rj
		}
		if out[i].Support != out[j].Support {
			return out[i].Support > out[j].Support
		}
		if out[i].Predicate != out[j].Predicate {
			return out[i].Predicate < out[j].Predicate
		}
		return out[i].Direction > out[j].Direction
	})
	return out
}

func rank(kind string) int {
	if r, ok := kindRank[kind]; ok {
		return r
	}
	return len(kindRank)
}

// statements finds the rdf:Statement nodes recording subj pred obj and
// returns the claims of those in the fact's first maxArticles articles by
// IRI, strongest first (see firstArticles), and the number of statements
// found.
//
// The statements of a fact are found from whichever end fewer articles
// mention. When both ends are popular (Iraq and the United States), that
// list runs to thousands; the articles that state the fact are then read
// from the labels of the fact's own quads (one exact index lookup), and
// the statements are looked for among those articles' statements, in the
// maxArticles of them whose IRIs sort first, and the support is the
// number of articles. The claims of every other way of reading are
// bounded to the same articles, so that the claim shown does not depend
// on which way the store was read (bolt reads this way, PostgreSQL
// through its batch reader) nor on the order the store lists labels in.
func (v *view) statements(subj nodeID, pred cgraph.Ref, obj nodeID) ([]Claim, int) {
	from, to, fromDir := v.statementEnd(subj, obj)
	want := func(st stmtProps) bool {
		return st.subj != nil && st.pred != nil && st.obj != nil &&
			st.subj.Key() == v.refOf(subj).Key() && st.pred.Key() == pred.Key() && st.obj.Key() == v.refOf(obj).Key()
	}
	var out []Claim
	if v.batch != nil {
		out = v.statementsBatch(from, to, fromDir, want)
		return firstArticles(out), len(out)
	}
	if v.mentions(from) <= popularEnd || !v.rd.Indexed() {
		dirRef := v.ref(fromDir)
		if dirRef == nil {
			return nil, 0
		}
		v.scan(v.refOf(from), quad.Object, dirRef, func(q cgraph.Ref) bool {
			if st := v.props(v.dir(q, quad.Subject)); want(st) {
				out = append(out, v.claim(st))
			}
			return true
		})
		return firstArticles(out), len(out)
	}
	// Both ends popular: go through the articles that state the fact.
	articleRef := v.ref(schema.InArticle)
	var labels []cgraph.Ref
	if !v.stopped() {
		v.fail(v.rd.Between(v.ctx, v.refOf(subj), pred, v.refOf(obj), func(q cgraph.Ref) bool {
			if l := v.dir(q, quad.Label); l != nil {
				labels = append(labels, l)
			}
			return v.err == nil
		}))
	}
	if articleRef != nil {
		for _, l := range v.firstLabels(labels) {
			v.scan(l, quad.Object, articleRef, func(q cgraph.Ref) bool {
				if st := v.props(v.dir(q, quad.Subject)); want(st) {
					out = append(out, v.claim(st))
				}
				return true
			})
		}
	}
	return firstArticles(out), max(len(out), len(labels))
}

// firstLabels returns the maxArticles of labels (articles) whose IRIs
// sort first. The store lists them in an order of its own (bolt by
// when their quads were written), which must not choose the claim shown.
func (v *view) firstLabels(labels []cgraph.Ref) []cgraph.Ref {
	if len(labels) <= maxArticles {
		return labels
	}
	iris := make(map[any]string, len(labels))
	for _, l := range labels {
		val, err := v.qs.NameOf(l)
		v.fail(err)
		iris[l.Key()] = valueString(val)
	}
	sort.Slice(labels, func(i, j int) bool { return iris[labels[i].Key()] < iris[labels[j].Key()] })
	return labels[:maxArticles]
}

// firstArticles keeps the claims of the maxArticles articles whose IRIs
// sort first, strongest first (sortClaims): the claims a link between
// two popular nodes is read from (see statements), whichever way they
// were read.
func firstArticles(out []Claim) []Claim {
	sort.SliceStable(out, func(i, j int) bool { return out[i].Article < out[j].Article })
	for i, n := 0, 0; i < len(out); i++ {
		if i > 0 && out[i].Article == out[i-1].Article {
			continue
		}
		if n == maxArticles {
			out = out[:i]
			break
		}
		n++
	}
	sortClaims(out)
	return out
}

// statementEnd chooses the end of a fact subj → obj whose statements are
// read to find the fact's: the one fewer articles mention. It returns
// that end, the other, and the statements' predicate that points at the
// first.
func (v *view) statementEnd(subj, obj nodeID) (from, to nodeID, fromDir quad.IRI) {
	if v.mentions(obj) < v.mentions(subj) {
		return obj, subj, schema.RDFObject
	}
	return subj, obj, schema.RDFSubject
}

// popularEnd is the mention count above which a node's statement list is
// too long to read whole for one hop; maxArticles bounds the articles
// read for a link between two such nodes.
const (
	popularEnd  = 60
	maxArticles = 12
)

// sortClaims orders claims strongest first: by claim kind, then with
// evidence before without, then the most recent article first.
func sortClaims(out []Claim) {
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank(out[i].Kind), rank(out[j].Kind); ri != rj {
			return ri < rj
		}
		if (out[i].Evidence == "") != (out[j].Evidence == "") {
			return out[i].Evidence != ""
		}
		if out[i].ArticleDate != out[j].ArticleDate {
			return out[i].ArticleDate > out[j].ArticleDate
		}
		return out[i].Article < out[j].Article
	})
}

// stmtProps are the quads of a statement or event node, read in one scan.
type stmtProps struct {
	subj, pred, obj         cgraph.Ref
	kind, evidence, article cgraph.Ref
}

// props reads the properties of a statement or event node that evidence
// needs, with one scan of the node's quads and no value lookups.
func (v *view) props(node cgraph.Ref) stmtProps {
	var st stmtProps
	if node == nil {
		return st
	}
	if v.batch != nil {
		return v.propsBatch([]cgraph.Ref{node})[node.Key()]
	}
	v.initPropRefs()
	v.scan(node, quad.Subject, nil, func(q cgraph.Ref) bool {
		p := v.dir(q, quad.Predicate)
		if p == nil {
			return true
		}
		i, ok := v.propRefs[p.Key()]
		if !ok {
			return true
		}
		st.set(i, v.dir(q, quad.Object))
		return true
	})
	return st
}

// set sets property i (the order of propPredicates) to o.
func (st *stmtProps) set(i int, o cgraph.Ref) {
	switch i {
	case 0:
		st.subj = o
	case 1:
		st.pred = o
	case 2:
		st.obj = o
	case 3:
		st.kind = o
	case 4:
		st.evidence = o
	case 5:
		st.article = o
	}
}

// propPredicates are the predicates props reads, in stmtProps order.
var propPredicates = []quad.IRI{schema.RDFSubject, schema.RDFPredicate, schema.RDFObject, schema.Kind, schema.Evidence, schema.InArticle}

func (v *view) initPropRefs() {
	if v.propRefs == nil {
		v.propRefs = map[any]int{}
		for i, p := range propPredicates {
			if r := v.ref(p); r != nil {
				v.propRefs[r.Key()] = i
				v.propList = append(v.propList, r)
			}
		}
	}
}

// claim resolves the values of a statement's claim.
func (v *view) claim(st stmtProps) Claim {
	if v.batch != nil {
		return v.claimsBatch([]stmtProps{st})[0]
	}
	str := func(r cgraph.Ref) string {
		if r == nil {
			return ""
		}
		val, err := v.qs.NameOf(r)
		v.fail(err)
		return valueString(val)
	}
	c := Claim{Kind: str(st.kind), Evidence: str(st.evidence)}
	if st.article != nil {
		if a, ok := v.articles[st.article.Key()]; ok {
			c.Article, c.ArticleTitle, c.Outlet, c.ArticleDate = a.Article, a.ArticleTitle, a.Outlet, a.ArticleDate
		} else {
			c.Article = str(st.article)
			id := v.node(st.article)
			c.ArticleTitle = v.literal(id, schema.Title)
			c.Outlet = v.literal(id, schema.Outlet)
			c.ArticleDate = v.literal(id, schema.Date)
			if v.articles == nil {
				v.articles = map[any]Claim{}
			}
			v.articles[st.article.Key()] = c
		}
	}
	return c
}

// claimOf reads the claim recorded on a statement or event node.
func (v *view) claimOf(id nodeID) Claim { return v.claim(v.props(v.refOf(id))) }

// first returns the object of the first quad node pred ?, or nil.
func (v *view) first(id nodeID, pred quad.IRI) quad.Value {
	p := v.ref(pred)
	if p == nil {
		return nil
	}
	var out quad.Value
	v.scan(v.refOf(id), quad.Subject, p, func(q cgraph.Ref) bool {
		if o := v.dir(q, quad.Object); o != nil {
			val, err := v.qs.NameOf(o)
			v.fail(err)
			out = val
		}
		return false
	})
	return out
}

// literal returns the first string value of node pred ?, or "".
func (v *view) literal(id nodeID, pred quad.IRI) string { return literalString(v.first(id, pred)) }

// literalString is a value as literal shows it.
func literalString(val quad.Value) string {
	switch x := val.(type) {
	case quad.String:
		return string(x)
	case nil:
		return ""
	default:
		return x.String()
	}
}

// statementsBatch is statements through the batch reader: the statements
// pointing at from, the other end of each, and the properties and
// claims of those that reach to, in a few queries whatever their number.
// Only the statements of the fact have their six properties read: an
// end's statements can run to thousands, and reading all their
// properties was most of a path query's time on PostgreSQL.
func (v *view) statementsBatch(from, to nodeID, fromDir quad.IRI, want func(stmtProps) bool) []Claim {
	candidates := v.statementsTo(stmtsKey{from, fromDir}, to)
	props := v.propsBatch(candidates)
	var chosen []stmtProps
	for _, st := range candidates {
		if p := props[st.Key()]; want(p) {
			chosen = append(chosen, p)
		}
	}
	return v.claimsBatch(chosen)
}

// stmtsKey names the statements whose fromDir (rdf:subject or
// rdf:object) is the node from.
type stmtsKey struct {
	from    nodeID
	fromDir quad.IRI
}

// stmtEnd is a statement and its other end: its rdf:object when it was
// found by its rdf:subject, and the other way round.
type stmtEnd struct{ stmt, other cgraph.Ref }

// statementsTo returns the statements of the end k whose other end is
// to (batch reader only; the ends are read by readStatementEnds once a
// query).
func (v *view) statementsTo(k stmtsKey, to nodeID) []cgraph.Ref {
	if _, ok := v.stmts[k]; !ok {
		v.readStatementEnds([]stmtsKey{k})
	}
	toKey := v.refOf(to).Key()
	var out []cgraph.Ref
	for _, st := range v.stmts[k] {
		if st.other.Key() == toKey {
			out = append(out, st.stmt)
		}
	}
	return out
}

// readStatementEnds reads the statements of the ends ks not read yet,
// with their other ends, in two queries for each of rdf:subject and
// rdf:object. They are kept for the rest of the query: the k paths of a
// query share hops and ends.
func (v *view) readStatementEnds(ks []stmtsKey) {
	if v.stmts == nil {
		v.stmts = map[stmtsKey][]stmtEnd{}
	}
	for _, dirs := range [][2]quad.IRI{{schema.RDFSubject, schema.RDFObject}, {schema.RDFObject, schema.RDFSubject}} {
		fromDir, otherDir := dirs[0], dirs[1]
		var froms []cgraph.Ref
		byRef := map[any]nodeID{}
		for _, k := range ks {
			if _, ok := v.stmts[k]; ok || k.fromDir != fromDir {
				continue
			}
			v.stmts[k] = nil
			r := v.refOf(k.from)
			if _, ok := byRef[r.Key()]; !ok {
				byRef[r.Key()] = k.from
				froms = append(froms, r)
			}
		}
		dirRef, otherRef := v.ref(fromDir), v.ref(otherDir)
		if len(froms) == 0 || dirRef == nil || otherRef == nil || v.err != nil {
			continue
		}
		ts, err := v.batch.Triples(v.ctx, quad.Object, froms, []cgraph.Ref{dirRef})
		if err != nil {
			v.fail(err)
			return
		}
		stmts := make([]cgraph.Ref, len(ts))
		fromOf := make(map[any]nodeID, len(ts))
		for i, t := range ts {
			stmts[i] = t.Subject
			fromOf[t.Subject.Key()] = byRef[t.Object.Key()]
		}
		ends, err := v.batch.Triples(v.ctx, quad.Subject, stmts, []cgraph.Ref{otherRef})
		if err != nil {
			v.fail(err)
			return
		}
		for _, t := range ends {
			k := stmtsKey{fromOf[t.Subject.Key()], fromDir}
			v.stmts[k] = append(v.stmts[k], stmtEnd{t.Subject, t.Object})
		}
	}
}

// evidenceAll reads the evidence of the hops between the pairs of nodes
// given, all at once, through the batch reader: the statements of the
// ends of their facts (up to four queries), the properties of the
// statements and events that support them (one), and their claims'
// values and articles (three). links then finds everything it reads
// already read; hop by hop, an answer took some thirty queries.
func (v *view) evidenceAll(pairs [][2]nodeID) {
	if v.batch == nil {
		return
	}
	type fact struct {
		to  nodeID
		key stmtsKey
	}
	var facts []fact
	var ends []stmtsKey
	var nodes []cgraph.Ref
	for _, p := range pairs {
		a, b := p[0], p[1]
		es, known := v.between(a, b)
		if !known {
			es = linksTo(v.edges(a), b)
		}
		for _, e := range es {
			subj, obj := a, b
			if !e.out {
				subj, obj = b, a
			}
			if rolePredicates[linkPredicates[e.pred]] {
				nodes = append(nodes, v.refOf(subj)) // the event carries the evidence
				continue
			}
			from, to, fromDir := v.statementEnd(subj, obj)
			k := stmtsKey{from, fromDir}
			facts = append(facts, fact{to, k})
			ends = append(ends, k)
		}
	}
	v.readStatementEnds(ends)
	for _, f := range facts {
		nodes = append(nodes, v.statementsTo(f.key, f.to)...)
	}
	props := v.propsBatch(nodes)
	sts := make([]stmtProps, 0, len(props))
	for _, n := range nodes {
		sts = append(sts, props[n.Key()])
	}
	v.claimsBatch(sts)
}

// propsBatch is props for many nodes, in one query; the properties read
// are kept for the rest of the query.
func (v *view) propsBatch(nodes []cgraph.Ref) map[any]stmtProps {
	out := make(map[any]stmtProps, len(nodes))
	v.initPropRefs()
	if v.propsOf == nil {
		v.propsOf = map[any]stmtProps{}
	}
	var want []cgraph.Ref
	for _, n := range nodes {
		if st, ok := v.propsOf[n.Key()]; ok {
			out[n.Key()] = st
		} else if _, ok := out[n.Key()]; !ok {
			out[n.Key()] = stmtProps{}
			want = append(want, n)
		}
	}
	if len(want) == 0 || len(v.propList) == 0 || v.err != nil {
		return out
	}
	ts, err := v.batch.Triples(v.ctx, quad.Subject, want, v.propList)
	if err != nil {
		v.fail(err)
		return out
	}
	for _, t := range ts {
		st := out[t.Subject.Key()]
		st.set(v.propRefs[t.Predicate.Key()], t.Object)
		out[t.Subject.Key()] = st
	}
	for _, n := range want {
		v.propsOf[n.Key()] = out[n.Key()]
	}
	return out
}

// claimsBatch is claim for many statements: the values of their kinds,
// evidence and articles in one query, and the titles and dates of the
// articles not seen yet in two more.
func (v *view) claimsBatch(sts []stmtProps) []Claim {
	out := make([]Claim, len(sts))
	vals := map[any]quad.Value{}
	var want []cgraph.Ref
	ask := func(r cgraph.Ref) {
		if r == nil {
			return
		}
		if _, ok := vals[r.Key()]; !ok {
			vals[r.Key()] = nil
			want = append(want, r)
		}
	}
	for _, st := range sts {
		ask(st.kind)
		ask(st.evidence)
		if st.article != nil {
			if _, ok := v.articles[st.article.Key()]; !ok {
				ask(st.article)
			}
		}
	}
	v.valuesBatch(want, vals)
	str := func(r cgraph.Ref) string {
		if r == nil {
			return ""
		}
		return valueString(vals[r.Key()])
	}
	// Articles not seen yet: their titles and dates.
	var arts []cgraph.Ref
	seen := map[any]bool{}
	for _, st := range sts {
		if a := st.article; a != nil && !seen[a.Key()] {
			if _, ok := v.articles[a.Key()]; !ok {
				seen[a.Key()] = true
				arts = append(arts, a)
			}
		}
	}
	if len(arts) > 0 && v.err == nil {
		title, outlet, date := v.ref(schema.Title), v.ref(schema.Outlet), v.ref(schema.Date)
		var preds []cgraph.Ref
		for _, p := range []cgraph.Ref{title, outlet, date} {
			if p != nil {
				preds = append(preds, p)
			}
		}
		var ts []graph.Triple
		if len(preds) > 0 {
			var err error
			if ts, err = v.batch.Triples(v.ctx, quad.Subject, arts, preds); err != nil {
				v.fail(err)
			}
		}
		lits := map[any]quad.Value{}
		var litRefs []cgraph.Ref
		for _, t := range ts {
			if _, ok := lits[t.Object.Key()]; !ok {
				lits[t.Object.Key()] = nil
				litRefs = append(litRefs, t.Object)
			}
		}
		v.valuesBatch(litRefs, lits)
		if v.articles == nil {
			v.articles = map[any]Claim{}
		}
		info := map[any]*Claim{}
		for _, a := range arts {
			info[a.Key()] = &Claim{Article: str(a)}
		}
		for _, t := range ts {
			c := info[t.Subject.Key()]
			if c == nil {
				continue
			}
			s := valueString(lits[t.Object.Key()])
			switch {
			case title != nil && t.Predicate.Key() == title.Key() && c.ArticleTitle == "":
				c.ArticleTitle = s
			case outlet != nil && t.Predicate.Key() == outlet.Key() && c.Outlet == "":
				c.Outlet = s
			case date != nil && t.Predicate.Key() == date.Key() && c.ArticleDate == "":
				c.ArticleDate = s
			}
		}
		for k, c := range info {
			v.articles[k] = *c
		}
	}
	for i, st := range sts {
		c := Claim{Kind: str(st.kind), Evidence: str(st.evidence)}
		if st.article != nil {
			a := v.articles[st.article.Key()]
			c.Article, c.ArticleTitle, c.Outlet, c.ArticleDate = a.Article, a.ArticleTitle, a.Outlet, a.ArticleDate
		}
		out[i] = c
	}
	return out
}

// valuesBatch reads the values of refs into vals, in one query; the
// values read are kept for the rest of the query.
func (v *view) valuesBatch(refs []cgraph.Ref, vals map[any]quad.Value) {
	if v.valsOf == nil {
		v.valsOf = map[any]quad.Value{}
	}
	var want []cgraph.Ref
	for _, r := range refs {
		if val, ok := v.valsOf[r.Key()]; ok {
			vals[r.Key()] = val
		} else {
			want = append(want, r)
		}
	}
	if len(want) == 0 || v.err != nil {
		return
	}
	got, err := v.batch.Values(v.ctx, want)
	if err != nil {
		v.fail(err)
		return
	}
	for i, r := range want {
		vals[r.Key()] = got[i]
		v.valsOf[r.Key()] = got[i]
	}
}

// valueString is a value as claim text, as claim shows it.
func valueString(val quad.Value) string {
	switch x := val.(type) {
	case quad.String:
		return string(x)
	case quad.IRI:
		return string(x)
	case nil:
		return ""
	default:
		return x.String()
	}
}
