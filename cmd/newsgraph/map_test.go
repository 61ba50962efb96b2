package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestMapInChromium opens the explorer's map on the seeds and the test
// articles of testdata/incidents in headless Chromium, offline: points
// appear at the seeds' bases (Ain al-Asad, Harir), a date filter hides
// them, and a click on a point opens the card of its place beside the
// events there. The drone attack on Harir that six articles report is one
// incident point, its reports not drawn again; a click on it shows its
// reports with their outlets, its contradictions and the base's card.
// Screenshots go to the test's artefacts (explore-map*.png; two are in
// the README).
func TestMapInChromium(t *testing.T) {
	ctx, shot := headlessChromium(t, 120*time.Second)
	c := newCLI(t)
	c.mustRun("build", seedDir, incidentDir)
	base, _ := serving(t, c)
	wait := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(30*time.Second))
	}
	var places []string
	var countries, all int
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore/"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)),
		chromedp.Click(`//header//nav/a[text()="Map"]`),
		wait(`document.querySelectorAll("svg.map-box circle.point").length > 0`),
		evaluate(`document.querySelectorAll("svg.map-box path.country").length`, &countries),
		evaluate(`document.querySelectorAll("svg.map-box circle.point").length`, &all),
		evaluate(`[...document.querySelectorAll("svg.map-box circle.point")].map(p => p.dataset.place)`, &places),
		shot("explore-map.png"),
	)
	if err != nil {
		t.Fatalf("map: %v", err)
	}
	if countries < 200 {
		t.Errorf("%d country outlines drawn, want Natural Earth's 240 or so", countries)
	}
	for _, base := range []string{"Ain al-Asad Air Base", "Harir Air Base"} {
		if !strings.Contains(strings.Join(places, "|"), base) {
			t.Errorf("no point at %s; points at %q", base, places)
		}
	}

	// A date filter after every article hides every point; cleared, they
	// come back.
	var left int
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name=since]`), "2030\n"),
		chromedp.Blur(chromedp.CSS(`input[name=since]`)),
		wait(`document.querySelectorAll("svg.map-box circle.point").length === 0`),
		evaluate(`document.querySelectorAll("svg.map-box circle.point").length`, &left),
		shot("explore-map-filtered.png"),
		clearValue(`input[name=since]`),
		chromedp.SendKeys(chromedp.CSS(`input[name=since]`), "\n"),
		chromedp.Blur(chromedp.CSS(`input[name=since]`)),
		wait(`document.querySelectorAll("svg.map-box circle.point").length === `+strconv.Itoa(all)),
	)
	if err != nil || left != 0 {
		t.Fatalf("date filter: %d points left (%v)", left, err)
	}

	// A click on the point at Ain al-Asad opens the base's card.
	var title, side string
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('svg.map-box circle.point[data-place="Ain al-Asad Air Base"]').dispatchEvent(new MouseEvent("click", {bubbles: true}))`),
		wait(`document.querySelector(".map-side article.card h1") !== null`),
		into(chromedp.Text(chromedp.CSS(`.map-side article.card h1`)), &title),
		into(chromedp.Text(chromedp.CSS(`.map-side`)), &side),
		shot("explore-map-card.png"),
	)
	if err != nil {
		t.Fatalf("click: %v", err)
	}
	if !strings.Contains(title, "Ain al-Asad Air Base") || !strings.Contains(side, "Withdrawal") || !strings.Contains(side, "Ayn al-Asad") {
		t.Errorf("the card beside the map: %q\n%.600s", title, side)
	}

	// The attack on Harir of 2024-03-10 is one incident point, sized by
	// its six articles; the other attack on the base, a week later, is a
	// point of one article: the incident's reports are not drawn again.
	const incident = `svg.map-box circle.point.incident[data-place="Harir Air Base"]`
	var incidents, reports, otherAttacks int
	var otherReports string
	err = chromedp.Do(ctx,
		evaluate(`document.querySelectorAll('svg.map-box circle.point.incident').length`, &incidents),
		evaluate(`+(document.querySelector('`+incident+`')?.dataset.reports ?? 0)`, &reports),
		evaluate(`document.querySelectorAll('svg.map-box circle.point:not(.incident)[data-place="Harir Air Base"][data-type="Attack"]').length`, &otherAttacks),
		evaluate(`[...document.querySelectorAll('svg.map-box circle.point:not(.incident)[data-place="Harir Air Base"][data-type="Attack"]')].map(p => p.dataset.reports).join(",")`, &otherReports),
	)
	if err != nil {
		t.Fatalf("incident point: %v", err)
	}
	if incidents != 1 || reports != 6 || otherAttacks != 1 || otherReports != "1" {
		t.Errorf("%d incident points (want 1) of %d articles (want 6); other attack points at Harir: %d of %s articles (want 1 of 1)",
			incidents, reports, otherAttacks, otherReports)
	}

	// A click on it shows the incident: its reports with their outlets,
	// its contradictions, and the card of the base, a link away too.
	var shown int
	var url, incidentText string
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('`+incident+`').dispatchEvent(new MouseEvent("click", {bubbles: true}))`),
		wait(`document.querySelector(".map-side .incident") !== null && document.querySelector(".map-side article.card h1") !== null`),
		evaluate(`document.querySelectorAll(".map-side .incident .report").length`, &shown),
		into(chromedp.Text(chromedp.CSS(`.map-side .incident`)), &incidentText),
		into(chromedp.Text(chromedp.CSS(`.map-side article.card h1`)), &title),
		into(chromedp.Location(), &url),
		shot("explore-map-incident.png"),
	)
	if err != nil {
		t.Fatalf("click on the incident: %v", err)
	}
	if shown != 6 || !strings.Contains(title, "Harir Air Base") || !strings.Contains(url, "inc=ng%3Aincident%2F") {
		t.Errorf("the incident shows %d reports (want 6), card %q, at %s", shown, title, url)
	}
	for _, want := range []string{"2024-03-10", "6 articles from 5 independent outlets", "Baghdad Gazette", "Levant Observer",
		"claim denial", "rival attribution", "Kata'ib Hezbollah attacked Harir Air Base with drones"} {
		if !strings.Contains(incidentText, want) {
			t.Errorf("the incident does not say %q:\n%.1500s", want, incidentText)
		}
	}
	// The incident's link is its own: loaded afresh, it shows the incident.
	err = chromedp.Do(ctx,
		chromedp.Navigate(url),
		wait(`document.querySelectorAll(".map-side .incident .report").length === 6`),
	)
	if err != nil {
		t.Errorf("the incident's link: %v", err)
	}
}

// TestListLimitSetting: query.max_items (here 1, from the environment)
// bounds what serve's list routes answer with, and their cut note names it.
func TestListLimitSetting(t *testing.T) {
	c := newCLI(t)
	c.mustRun("build", seedDir, incidentDir)
	c.env["NEWSGRAPH_QUERY_MAX_ITEMS"] = "1"
	base, _ := serving(t, c)
	for _, route := range []string{"/api/map", "/api/conflicts", "/api/timeline?name=Kata%27ib+Hezbollah"} {
		code, body := httpGet(t, base+route)
		if code != 200 || !strings.Contains(body, `"limit":1,`) || !strings.Contains(body, `"setting":"query.max_items","note":"cut at 1 of `) {
			t.Errorf("%s with query.max_items 1: %d %.300s", route, code, body)
		}
	}
}
