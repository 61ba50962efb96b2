package export

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// A Key is one GraphML attribute, declared once as a <key> with its
// GraphML type and written as <data> on every node or edge that has it.
type Key struct {
	ID   string // the key's id in the file: "n.type", "e.predicate"
	For  string // "node" or "edge"
	Name string // attr.name: what Gephi, networkx and igraph call it
	Type string // attr.type: "string", "int", "double"
	Doc  string // what it holds
}

// NodeKeys are the node attributes of a GraphML export, in file order.
// List-valued attributes (aliases) are JSON arrays in a string, since
// GraphML has no list type.
var NodeKeys = []Key{
	{"n.type", "node", "type", "string", "entity type (ArmedGroup, Person, …), Event, Incident, or Article"},
	{"n.name", "node", "name", "string", "canonical name; events: event type and date"},
	{"n.label", "node", "label", "string", "the name again, for Gephi's and yEd's labels"},
	{"n.aliases", "node", "aliases", "string", "JSON array of every surface form seen"},
	{"n.article_count", "node", "article_count", "int", "number of articles it appears in; incidents: that report it"},
	{"n.outlets", "node", "outlets", "int", "incidents: independent outlets that report it (copies of one wire story count once)"},
	{"n.first_seen", "node", "first_seen", "string", "date of the earliest dated article it appears in"},
	{"n.last_seen", "node", "last_seen", "string", "date of the latest dated article it appears in"},
	{"n.event_type", "node", "event_type", "string", "events and incidents: Attack, Airstrike, Withdrawal, …"},
	{"n.kind", "node", "kind", "string", "events: claim kind (stated, reported, claimed, denied, threatened)"},
	{"n.date", "node", "date", "string", "events: when it happened; incidents: the date of the first report; articles: publication date"},
	{"n.date_precision", "node", "date_precision", "string", "events and incidents: what the date rests on: day, month or year of the text, or reported (the article's date)"},
	{"n.date_note", "node", "date_note", "string", "events: why the date is missing or not trusted"},
	{"n.status", "node", "status", "string", "events: occurred, planned, in_progress, …"},
	{"n.evidence", "node", "evidence", "string", "events: the sentence it rests on"},
	{"n.confidence", "node", "confidence", "double", "events: the extractor's confidence, 0..1"},
	{"n.article", "node", "article", "string", "events: the article that reports it"},
	{"n.incident", "node", "incident", "string", "events: node id of the incident it is a report of, when articles of several report one"},
	{"n.outlet", "node", "outlet", "string", "articles: publishing outlet"},
	{"n.author", "node", "author", "string", "articles: author"},
	{"n.source", "node", "source", "string", "articles: path or URL it was read from"},
	{"n.wikidata", "node", "wikidata", "string", "entities: Wikidata id (Q796), where the lexicon has one"},
	{"n.lat", "node", "lat", "double", "latitude in degrees (WGS 84): where an entity is or an event happened"},
	{"n.lon", "node", "lon", "double", "longitude in degrees (WGS 84)"},
	{"n.precision", "node", "precision", "string", "what lat and lon stand for: site, town, province or country"},
}

// EdgeKeys are the edge attributes of a GraphML export, in file order.
var EdgeKeys = []Key{
	{"e.predicate", "edge", "predicate", "string", "relation: a predicate (attacked, member_of, …), an event role (agent, target, location, about, assertedBy), or an incident's report"},
	{"e.label", "edge", "label", "string", "the predicate again, for Gephi's and yEd's labels"},
	{"e.kind", "edge", "kind", "string", "claim kind: stated, reported, claimed, denied, threatened"},
	{"e.article", "edge", "article", "string", "IRI of the article it comes from (merged: the earliest)"},
	{"e.article_date", "edge", "article_date", "string", "that article's date"},
	{"e.evidence", "edge", "evidence", "string", "the sentence it rests on, verbatim"},
	{"e.confidence", "edge", "confidence", "double", "the extractor's confidence, 0..1 (merged: the highest)"},
	{"e.role", "edge", "role", "string", "the title, for holds_role and the like"},
	{"e.asserted_by", "edge", "asserted_by", "string", "node id of who asserts it"},
	{"e.statement", "edge", "statement", "string", "IRI of the statement node holding its provenance"},
	{"e.fact_articles", "edge", "fact_articles", "int", "facts that two articles or more state: the number of articles that state it (not those that deny it)"},
	{"e.fact_outlets", "edge", "fact_outlets", "int", "those articles' independent outlets (copies of one wire story count once); absent: one article at most states it"},
	{"e.count", "edge", "count", "int", "merged edges: number of reports (articles, those that report one incident counting once)"},
	{"e.articles", "edge", "articles", "string", "merged edges: JSON array of the articles, earliest first"},
	{"e.kinds", "edge", "kinds", "string", "merged edges: JSON array of the distinct claim kinds"},
}

func nodeData(n Node) []string {
	return []string{
		n.Type, n.Name, n.Name, jsonList(n.Aliases), intOrEmpty(n.Articles, n.Type != "Article"), intOrEmpty(n.Outlets, n.Outlets > 0),
		n.FirstSeen, n.LastSeen, n.EventType, n.Kind, n.Date, n.DatePrecision, n.DateNote, n.Status, n.Evidence,
		floatOrEmpty(n.Confidence), n.Article, n.Incident, n.Outlet, n.Author, n.Source, n.Wikidata,
		coordOrEmpty(n.Lat, n.Placed), coordOrEmpty(n.Lon, n.Placed), n.Precision,
	}
}

func edgeData(e Edge) []string {
	return []string{
		e.Predicate, e.Predicate, e.Kind, e.Article, e.ArticleDate, e.Evidence, floatOrEmpty(e.Confidence),
		e.Role, e.AssertedBy, e.Statement, intOrEmpty(e.FactArticles, e.FactArticles > 0), intOrEmpty(e.FactOutlets, e.FactOutlets > 0),
		intOrEmpty(e.Count, e.Count > 0), jsonList(e.Articles), jsonList(e.Kinds),
	}
}

func intOrEmpty(n int, show bool) string {
	if !show {
		return ""
	}
	return strconv.Itoa(n)
}

// coordOrEmpty writes a coordinate, 0 included, when the node is placed.
func coordOrEmpty(f float64, placed bool) string {
	if !placed {
		return ""
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func floatOrEmpty(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// jsonList encodes a list as a JSON array, "" for an empty list.
func jsonList(l []string) string {
	if len(l) == 0 {
		return ""
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	clean := make([]string, len(l))
	for i, s := range l {
		clean[i] = xmlClean(s)
	}
	enc.Encode(clean) // cannot fail on strings
	return strings.TrimSuffix(b.String(), "\n")
}

// xmlClean drops what XML 1.0 cannot carry: control characters other than
// tab, newline and carriage return (C0 and C1), surrogates, U+FFFE and
// U+FFFF, and bytes that are not UTF-8. Everything else, right-to-left
// scripts and bidirectional marks included, is kept.
func xmlClean(s string) string {
	ok := true
	for i, r := range s {
		if !xmlChar(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			continue // an invalid byte
		}
		if xmlChar(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlChar(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r':
		return true
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return false
	case r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// xmlWriter writes escaped XML to a buffer and remembers the first error.
type xmlWriter struct {
	*bufio.Writer
}

// text writes s as escaped character data (also safe in quoted attributes).
func (w xmlWriter) text(s string) {
	xml.EscapeText(w, []byte(xmlClean(s)))
}

func writeData(w xmlWriter, keys []Key, vals []string) {
	for i, v := range vals {
		if v == "" {
			continue
		}
		w.WriteString("      <data key=\"")
		w.WriteString(keys[i].ID)
		w.WriteString("\">")
		w.text(v)
		w.WriteString("</data>\n")
	}
}

const graphmlHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

// writeGraphML writes GraphML 1.0: typed <key>s, then every node, then
// every edge, streamed.
func writeGraphML(ctx context.Context, rd graph.Reader, out io.Writer, opts Options) error {
	wk, err := newWalker(ctx, rd, opts)
	if err != nil {
		return err
	}
	w := xmlWriter{newBufWriter(out)}
	w.WriteString(graphmlHeader)
	for _, k := range append(append([]Key{}, NodeKeys...), EdgeKeys...) {
		w.WriteString(`  <key id="` + k.ID + `" for="` + k.For + `" attr.name="` + k.Name + `" attr.type="` + k.Type + `">` + "\n    <desc>")
		w.text(k.Doc)
		w.WriteString("</desc>\n  </key>\n")
	}
	w.WriteString(`  <graph id="newsgraph" edgedefault="directed">` + "\n")
	edges := 0
	err = wk.walk(func(n Node) error {
		w.WriteString(`    <node id="`)
		w.text(n.ID)
		w.WriteString("\">\n")
		writeData(w, NodeKeys, nodeData(n))
		w.WriteString("    </node>\n")
		return nil
	}, func(e Edge) error {
		edges++
		w.WriteString(`    <edge id="e` + strconv.Itoa(edges) + `" source="`)
		w.text(e.Source)
		w.WriteString(`" target="`)
		w.text(e.Target)
		w.WriteString("\">\n")
		writeData(w, EdgeKeys, edgeData(e))
		w.WriteString("    </edge>\n")
		return nil
	})
	if err != nil {
		return err
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return w.Flush()
}

func newBufWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }
