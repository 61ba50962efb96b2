package export

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"github.com/newsgraph/newsgraph/graph"
)

// jsonNode is a node line of the JSON Lines export.
type jsonNode struct {
	Element    string   `json:"element,omitempty"` // "node"; empty in GeoJSON properties
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases,omitempty"`
	Articles   *int     `json:"article_count,omitempty"`
	Outlets    int      `json:"outlets,omitempty"`
	FirstSeen  string   `json:"first_seen,omitempty"`
	LastSeen   string   `json:"last_seen,omitempty"`
	EventType  string   `json:"event_type,omitempty"`
	Kind       string   `json:"kind,omitempty"`
	Date       string   `json:"date,omitempty"`
	DatePrec   string   `json:"date_precision,omitempty"`
	DateNote   string   `json:"date_note,omitempty"`
	Status     string   `json:"status,omitempty"`
	Evidence   string   `json:"evidence,omitempty"`
	Confidence float64  `json:"confidence,omitempty"`
	Article    string   `json:"article,omitempty"`
	Incident   string   `json:"incident,omitempty"`
	Outlet     string   `json:"outlet,omitempty"`
	Author     string   `json:"author,omitempty"`
	Source     string   `json:"source,omitempty"`
	Wikidata   string   `json:"wikidata,omitempty"`
	Lat        *float64 `json:"lat,omitempty"` // nil when not placed; 0 is a latitude
	Lon        *float64 `json:"lon,omitempty"`
	Precision  string   `json:"precision,omitempty"`
	Agents     []string `json:"agents,omitempty"`
	Targets    []string `json:"targets,omitempty"`
	Locations  []string `json:"locations,omitempty"`
}

// jsonNodeOf is a node's attributes as JSON Lines and GeoJSON give them.
func jsonNodeOf(n Node) jsonNode {
	j := jsonNode{
		ID: n.ID, Type: n.Type, Name: n.Name, Aliases: n.Aliases, Outlets: n.Outlets,
		FirstSeen: n.FirstSeen, LastSeen: n.LastSeen, EventType: n.EventType, Kind: n.Kind,
		Date: n.Date, DatePrec: n.DatePrecision, DateNote: n.DateNote, Status: n.Status, Evidence: n.Evidence,
		Confidence: n.Confidence, Article: n.Article, Incident: n.Incident, Outlet: n.Outlet, Author: n.Author, Source: n.Source,
		Wikidata: n.Wikidata, Agents: n.Agents, Targets: n.Targets, Locations: n.Locations,
	}
	if n.Type != "Article" {
		j.Articles = &n.Articles
	}
	if n.Placed {
		j.Lat, j.Lon, j.Precision = &n.Lat, &n.Lon, n.Precision
	}
	return j
}

// jsonEdge is an edge line of the JSON Lines export.
type jsonEdge struct {
	Element     string   `json:"element"` // "edge"
	Source      string   `json:"source"`
	Target      string   `json:"target"`
	Predicate   string   `json:"predicate"`
	Kind        string   `json:"kind,omitempty"`
	Article     string   `json:"article,omitempty"`
	ArticleDate string   `json:"article_date,omitempty"`
	Evidence    string   `json:"evidence,omitempty"`
	Confidence  float64  `json:"confidence,omitempty"`
	Role        string   `json:"role,omitempty"`
	AssertedBy  string   `json:"asserted_by,omitempty"`
	Statement   string   `json:"statement,omitempty"`
	FactArts    int      `json:"fact_articles,omitempty"`
	FactOutlets int      `json:"fact_outlets,omitempty"`
	Count       int      `json:"count,omitempty"`
	Articles    []string `json:"articles,omitempty"`
	Kinds       []string `json:"kinds,omitempty"`
}

// writeJSONL writes one JSON object a line: every node ("element":"node"),
// then every edge ("element":"edge"), with the attributes of the GraphML
// export (lists as JSON arrays, strings exactly as stored).
func writeJSONL(ctx context.Context, rd graph.Reader, out io.Writer, opts Options) error {
	wk, err := newWalker(ctx, rd, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err = wk.walk(func(n Node) error {
		j := jsonNodeOf(n)
		j.Element = "node"
		return enc.Encode(j)
	}, func(e Edge) error {
		return enc.Encode(jsonEdge{
			Element: "edge", Source: e.Source, Target: e.Target, Predicate: e.Predicate, Kind: e.Kind,
			Article: e.Article, ArticleDate: e.ArticleDate, Evidence: e.Evidence, Confidence: e.Confidence,
			Role: e.Role, AssertedBy: e.AssertedBy, Statement: e.Statement,
			FactArts: e.FactArticles, FactOutlets: e.FactOutlets, Count: e.Count,
			Articles: e.Articles, Kinds: e.Kinds,
		})
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
