package main

import (
	"encoding/json"
	"testing"
)

func TestTimelineGolden(t *testing.T) {
	c := seeded(t)
	golden(t, "timeline/nujaba.txt", c.mustRun("timeline", "Harakat Hizballah al-Nujaba"))
	out := c.mustRun("timeline", "Islamic Resistance in Iraq", "--format", "json")
	golden(t, "timeline/islamic-resistance-in-iraq.json", out)
	var res struct {
		Events []struct {
			Date     string `json:"date"`
			Evidence string `json:"evidence"`
			Article  string `json:"article"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Events) == 0 {
		t.Fatal("no events")
	}
	last := ""
	for _, e := range res.Events {
		if e.Evidence == "" || e.Article == "" {
			t.Errorf("event without evidence: %+v", e)
		}
		if e.Date != "" && e.Date < last {
			t.Errorf("dates out of order: %s after %s", e.Date, last)
		}
		if e.Date != "" {
			last = e.Date
		}
	}
}
