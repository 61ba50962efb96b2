package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The seeds and the test articles of testdata/incidents give one incident:
// the drone attack on Harir Air Base of 2024-03-10, in six articles from
// five outlets (two mastheads carry one AFP story). The rocket attack on
// the base a week later is told by one article, so it is no incident.
func TestIncidentsGolden(t *testing.T) {
	c := newCLI(t)
	c.mustRun("build", seedDir, incidentDir)
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"incidents/all.txt", nil},
		{"incidents/all.json", []string{"--format", "json"}},
		// By any spelling, bounded by a month.
		{"incidents/harir.txt", []string{"--around", "Harir Airbase", "--since", "2024-03"}},
		// The agent of one report only: the rival attribution.
		{"incidents/nujaba.txt", []string{"--around", "Harakat al-Nujaba"}},
		// Named in the test articles, but in no report of an incident.
		{"incidents/iran.txt", []string{"--around", "Iran"}},
		{"incidents/since.txt", []string{"--since", "2024-03-11"}},
	} {
		golden(t, tt.golden, c.mustRun(append([]string{"incidents"}, tt.args...)...))
	}

	var res struct {
		Incidents []struct {
			ID, Type, Date, Precision string
			Articles, Outlets         int
			Reports                   []struct{ Article, Outlet, Event, Evidence string }
		} `json:"incidents"`
	}
	direct := c.mustRun("incidents", "--format", "json")
	if err := json.Unmarshal([]byte(direct), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Incidents) != 1 {
		t.Fatalf("%d incidents, want 1", len(res.Incidents))
	}
	// The counts agree with the reports they rest on.
	inc := res.Incidents[0]
	articles, outlets := map[string]bool{}, map[string]bool{}
	for _, r := range inc.Reports {
		if r.Article == "" || r.Event == "" || r.Evidence == "" || r.Outlet == "" {
			t.Errorf("a report without article, event, evidence or outlet: %+v", r)
		}
		articles[r.Article], outlets[r.Outlet] = true, true
	}
	if inc.Articles != len(articles) || inc.Outlets >= len(outlets) || inc.Outlets < 1 {
		t.Errorf("%d articles and %d outlets, from reports in %d articles of %d mastheads (one wire copy: want fewer outlets than mastheads)",
			inc.Articles, inc.Outlets, len(articles), len(outlets))
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--since", "2024-3-10"}, "--since"},
		{[]string{"--since", "2024-02-30"}, "not a date"},
		{[]string{"--format", "xml"}, "--format"},
		{[]string{"--around", "Nowhere At All"}, "Nowhere At All"},
		{[]string{"Harir"}, "unknown command"},
	} {
		if _, errs, code := c.run(append([]string{"incidents"}, tt.args...)...); code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("incidents %v: exit %d, stderr %q (want it to say %q)", tt.args, code, errs, tt.want)
		}
	}

	// Through a server holding the store (bolt), the same answer; its
	// route checks dates as the command does.
	base, _ := serving(t, c)
	if got := c.mustRun("incidents", "--format", "json"); got != direct {
		t.Errorf("incidents through the server differ:\n%s\nvs\n%s", got, direct)
	}
	id := strings.Trim(inc.ID, "<>") // the route's JSON escapes < and >
	for _, tt := range []struct {
		query string
		code  int
		want  string
	}{
		{"", 200, id},
		{"?name=Harir+Air+Base&since=2024", 200, id},
		{"?since=2024-03-11", 200, `"incidents":[]`},
		{"?since=March", 400, "not a date"},
		{"?name=Nowhere+At+All", 404, "Nowhere At All"},
	} {
		if code, body := httpGet(t, base+"/api/incidents"+tt.query); code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("/api/incidents%s: %d %s, want %d and %q", tt.query, code, body, tt.code, tt.want)
		}
	}
}
