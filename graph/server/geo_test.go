package server

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// mapRecords are six articles of three outlets, written for this test:
// three report one attack on Tower 22 (one claims it for the Islamic
// Resistance in Iraq and one denies it in its name; one places it only in
// Jordan), two one withdrawal from Erbil, and one an airstrike near Erbil
// no other article reports; the first also tells of a statement made
// nowhere in particular.
func mapRecords() []schema.Record {
	irq := schema.Entity{ID: "Islamic Resistance in Iraq", Type: schema.ArmedGroup, Name: "Islamic Resistance in Iraq", Mentions: []string{"IRI"}}
	us := schema.Entity{ID: "United States", Type: schema.Country, Name: "United States", Mentions: []string{"US"}, Coords: []float64{39.8, -98.6}}
	t22 := schema.Entity{ID: "Tower 22", Type: schema.MilitaryBase, Name: "Tower 22", Mentions: []string{"Tower 22"}, Coords: []float64{33.32, 38.69}}
	jordan := schema.Entity{ID: "Jordan", Type: schema.Country, Name: "Jordan", Mentions: []string{"Jordan"}, Coords: []float64{31.2, 36.5}}
	erbil := schema.Entity{ID: "Erbil", Type: schema.Place, Name: "Erbil", Mentions: []string{"Erbil"}, Coords: []float64{36.19, 44.01}}
	rec := func(id, outlet, date string, ents []schema.Entity, evs ...schema.Event) schema.Record {
		return schema.Record{Doc: id, Article: schema.Article{ID: id, Source: id, Title: "Report " + id, Outlet: outlet, Date: date}, Entities: ents, Events: evs}
	}
	attack := func(id, kind, target, evidence string) schema.Event {
		return schema.Event{ID: id, Type: schema.EvAttack, Agent: irq.ID, Target: target, Location: jordan.ID, Date: "2024-01-28", Kind: kind, Evidence: evidence}
	}
	withdrawal := func(id string) schema.Event {
		return schema.Event{ID: id, Type: schema.EvWithdrawal, Agent: us.ID, Location: erbil.ID, Date: "2024-03-01", Kind: schema.Stated, Evidence: "US troops left Erbil (" + id + ")."}
	}
	return []schema.Record{
		rec("m1", "Example Wire", "2024-01-28", []schema.Entity{irq, t22, jordan},
			attack("m1-attack", schema.Claimed, t22.ID, "The IRI said it struck Tower 22."),
			schema.Event{ID: "m1-statement", Type: schema.EvStatement, Agent: irq.ID, Date: "2024-01-28", Kind: schema.Stated, Evidence: "The IRI issued a statement."}),
		rec("m2", "Other Daily", "2024-01-29", []schema.Entity{irq, jordan}, attack("m2-attack", schema.Stated, "", "A drone hit a base in Jordan.")),
		rec("m3", "Third Post", "2024-01-29", []schema.Entity{irq, t22, jordan}, attack("m3-attack", schema.Denied, t22.ID, "The IRI denied striking Tower 22.")),
		rec("m4", "Example Wire", "2024-03-02", []schema.Entity{us, erbil}, withdrawal("m4-withdrawal")),
		rec("m5", "Other Daily", "2024-03-02", []schema.Entity{us, erbil}, withdrawal("m5-withdrawal")),
		rec("m6", "Third Post", "2024-03-05", []schema.Entity{us, erbil},
			schema.Event{ID: "m6-airstrike", Type: schema.EvAirstrike, Agent: us.ID, Target: erbil.ID, Location: erbil.ID, Date: "2024-03-04", Kind: schema.Stated, Evidence: "US jets struck near Erbil."}),
	}
}

func getMap(t *testing.T, base, query string) MapResult {
	t.Helper()
	code, body := get(t, base+"/api/map"+query)
	var m MapResult
	if err := json.Unmarshal([]byte(body), &m); err != nil || code != 200 {
		t.Fatalf("/api/map%.200s: %d %.300s", query, code, body)
	}
	return m
}

// TestMapRoute reads /api/map on a store the analysis has linked: an
// incident is one point at the finest place of its reports, sized by its
// articles and outlets, with every report and its contradiction; its
// reports are not points again; the date, radius and size bounds select
// events and incidents alike; hostile parameters are refused.
func TestMapRoute(t *testing.T) {
	base, _ := startRecords(t, Config{QueryTimeout: 10 * time.Second}, mapRecords(), true)
	m := getMap(t, base, "")
	if len(m.Incidents) != 2 || len(m.Events) != 1 || m.Unplaced != 1 || m.Cut != nil || m.Truncated {
		t.Fatalf("want 2 incidents, 1 event, 1 unplaced, uncut: %+v", m)
	}
	// By date: the attack, then the withdrawal.
	att, wd := m.Incidents[0], m.Incidents[1]
	if att.EventType != "Attack" || att.Date != "2024-01-28" || att.Articles != 3 || att.Outlets != 3 || len(att.Reports) != 3 {
		t.Errorf("the attack: %+v", att)
	}
	// Placed at Tower 22 (site), the finest of Tower 22 and Jordan.
	if att.Place != (Place{33.32, 38.69, schema.GeoSite}) || att.At == nil || att.At.Name != "Tower 22" {
		t.Errorf("the attack is placed at %+v, %+v", att.Place, att.At)
	}
	if len(att.Agents) != 1 || att.Agents[0].Name != "Islamic Resistance in Iraq" {
		t.Errorf("the attack's agents: %+v", att.Agents)
	}
	kinds := map[string]string{}
	for _, r := range att.Reports {
		kinds[r.Kind] = r.Outlet + " | " + r.ArticleTitle + " | " + r.ArticleDate + " | " + r.Evidence
	}
	if kinds["denied"] != "Third Post | Report m3 | 2024-01-29 | The IRI denied striking Tower 22." || kinds["claimed"] == "" || kinds["stated"] == "" {
		t.Errorf("the attack's reports: %q", kinds)
	}
	if len(att.Contradictions) != 1 || att.Contradictions[0].Kind != "claim_denial" {
		t.Errorf("the attack's contradictions: %+v", att.Contradictions)
	}
	if wd.EventType != "Withdrawal" || wd.Articles != 2 || wd.Outlets != 2 || wd.Place.Precision != schema.GeoTown || wd.At == nil || wd.At.Name != "Erbil" || len(wd.Contradictions) != 0 {
		t.Errorf("the withdrawal: %+v", wd)
	}
	// The events of incidents are drawn as the incident, not again.
	if e := m.Events[0]; e.EventType != "Airstrike" || e.Place.Precision != schema.GeoTown || e.Outlet != "Third Post" {
		t.Errorf("the one event: %+v", e)
	}

	// Dates select incidents by their date, events by theirs.
	if m := getMap(t, base, "?since=2024-02"); len(m.Incidents) != 1 || m.Incidents[0].EventType != "Withdrawal" || len(m.Events) != 1 {
		t.Errorf("since 2024-02: %+v", m)
	}
	if m := getMap(t, base, "?until=2024-01"); len(m.Incidents) != 1 || m.Incidents[0].EventType != "Attack" || len(m.Events) != 0 {
		t.Errorf("until 2024-01: %+v", m)
	}
	if m := getMap(t, base, "?since=2030"); len(m.Incidents)+len(m.Events) != 0 {
		t.Errorf("since 2030: %+v", m)
	}
	// Near a place: the incident at Tower 22 and nothing at Erbil, 700 km off.
	m = getMap(t, base, "?near=Tower+22&km=50")
	if len(m.Incidents) != 1 || m.Incidents[0].DistanceKm == nil || *m.Incidents[0].DistanceKm != 0 || len(m.Events) != 0 || m.Near == nil {
		t.Errorf("near Tower 22: %+v", m)
	}
	m = getMap(t, base, "?near=Erbil&km=10")
	if len(m.Incidents) != 1 || len(m.Events) != 1 || m.Incidents[0].EventType != "Withdrawal" {
		t.Errorf("near Erbil: %+v", m)
	}

	// A request may ask for fewer points; the cut says which limit.
	m = getMap(t, base, "?limit=2")
	if len(m.Incidents)+len(m.Events) != 2 || m.Cut == nil || !m.Truncated || m.Cut.Setting != "limit" || m.Cut.Total != 3 ||
		m.Cut.Note != "cut at 2 of 3 map points (events and incidents), as asked (limit=2)" {
		t.Errorf("limit=2: %+v %+v", m, m.Cut)
	}
	// The earliest are kept: the attack and the withdrawal.
	if len(m.Incidents) != 2 {
		t.Errorf("limit=2 kept %+v", m)
	}
	if m := getMap(t, base, "?limit=1000000000"); m.Cut != nil || len(m.Incidents)+len(m.Events) != 3 {
		t.Errorf("a limit past the server's: %+v", m)
	}

	for _, q := range []string{
		"?limit=-1", "?limit=many", "?limit=99999999999999999999999", "?km=far&near=Erbil", "?km=1e999&near=Erbil",
		"?near=Erbil", "?near=Erbil&km=-5", "?near=Erbil&km=NaN", "?near=Islamic+Resistance+in+Iraq&km=5",
	} {
		if code, body := get(t, base+"/api/map"+q); code != 400 || !strings.Contains(body, `"error"`) {
			t.Errorf("/api/map%s: %d %.200s, want 400", q, code, body)
		}
	}
	if code, body := get(t, base+"/api/map?near=Nowhere+At+All&km=5"); code != 404 {
		t.Errorf("near an unknown name: %d %.200s", code, body)
	}
	// Oversized parameters: a date of 4 kB matches nothing and a name of
	// 4 kB is not found; a query string of 100 kB is refused before any
	// route reads it.
	if m := getMap(t, base, "?since="+strings.Repeat("2024", 1000)); len(m.Incidents)+len(m.Events) != 0 {
		t.Errorf("a 4 kB date: %d points", len(m.Incidents)+len(m.Events))
	}
	if code, _ := get(t, base+"/api/map?km=5&near="+url.QueryEscape(strings.Repeat("Erbil ", 700))); code != 404 {
		t.Errorf("a 4 kB name: %d", code)
	}
	if code, _ := get(t, base+"/api/map?since="+strings.Repeat("2024", 25000)); code != 431 {
		t.Errorf("a 100 kB query string: %d, want 431", code)
	}
}

// TestListRoutesCut: /api/incidents, /api/conflicts, /api/timeline and
// /api/map answer with at most the server's query.max_items items (here
// 1), or fewer when asked, and say which limit cut them.
func TestListRoutesCut(t *testing.T) {
	base, _ := startRecords(t, Config{QueryTimeout: 10 * time.Second, MaxItems: 1}, mapRecords(), true)
	type answer struct {
		Incidents      []json.RawMessage `json:"incidents"`
		Contradictions []json.RawMessage `json:"contradictions"`
		Events         []json.RawMessage `json:"events"`
		Cut            *Cut              `json:"cut"`
	}
	for _, tt := range []struct {
		route string
		n     func(a answer) int
		cut   string // the note, "" for none
	}{
		{"/api/incidents", func(a answer) int { return len(a.Incidents) }, "cut at 1 of 2 incidents, the server's limit (query.max_items raises it)"},
		// One contradiction: not cut.
		{"/api/conflicts", func(a answer) int { return len(a.Contradictions) }, ""},
		{"/api/timeline?name=United+States", func(a answer) int { return len(a.Events) }, "cut at 1 of 3 events, the server's limit (query.max_items raises it)"},
		{"/api/map", func(a answer) int { return len(a.Events) + len(a.Incidents) }, "cut at 1 of 3 map points (events and incidents), the server's limit (query.max_items raises it)"},
		// Asking for more than the server's limit gets the server's.
		{"/api/incidents?limit=10", func(a answer) int { return len(a.Incidents) }, "cut at 1 of 2 incidents, the server's limit (query.max_items raises it)"},
	} {
		code, body := get(t, base+tt.route)
		var a answer
		if err := json.Unmarshal([]byte(body), &a); err != nil || code != 200 {
			t.Fatalf("%s: %d %s", tt.route, code, body)
		}
		if tt.n(a) != 1 {
			t.Errorf("%s: %d items, want 1", tt.route, tt.n(a))
		}
		switch {
		case tt.cut == "" && a.Cut != nil:
			t.Errorf("%s: cut %+v, want none", tt.route, a.Cut)
		case tt.cut != "" && (a.Cut == nil || a.Cut.Note != tt.cut || a.Cut.Setting != "query.max_items" || a.Cut.Limit != 1):
			t.Errorf("%s: cut %+v, want %q", tt.route, a.Cut, tt.cut)
		}
	}
	for _, route := range []string{"/api/incidents", "/api/conflicts", "/api/timeline?name=Erbil&"} {
		sep := "?"
		if strings.Contains(route, "?") {
			sep = ""
		}
		if code, _ := get(t, base+route+sep+"limit=-3"); code != 400 {
			t.Errorf("%s with limit=-3: %d", route, code)
		}
	}

	// On a server with the default limit, limit=N asks for fewer.
	base, _ = startRecords(t, Config{QueryTimeout: 10 * time.Second}, mapRecords(), true)
	code, body := get(t, base+"/api/timeline?name=United+States&limit=2")
	if code != 200 || !strings.Contains(body, `"cut":{"limit":2,"total":3,"setting":"limit","note":"cut at 2 of 3 events, as asked (limit=2)"}`) {
		t.Errorf("timeline limit=2: %d %s", code, body)
	}
}
