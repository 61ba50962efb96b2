package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestMapInChromium opens the explorer's map on the seed graph in
// headless Chromium, offline: points appear at the seeds' bases (Ain
// al-Asad, Harir), a date filter hides them, and a click on a point opens
// the card of its place beside the events there. Screenshots go to the
// test's artefacts (explore-map*.png; one is in the README).
func TestMapInChromium(t *testing.T) {
	ctx, shot := headlessChromium(t, 120*time.Second)
	c := seeded(t)
	base, _ := serving(t, c)
	wait := func(js string) chromedp.Action {
		return chromedp.Poll(js, nil, chromedp.WithPollingTimeout(30*time.Second))
	}
	var places []string
	var countries, all int
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/explore/"),
		chromedp.WaitVisible(`input[name=q]`, chromedp.ByQuery),
		chromedp.Click(`//header//nav/a[text()="Map"]`, chromedp.BySearch),
		wait(`document.querySelectorAll("svg.map-box circle.point").length > 0`),
		chromedp.Evaluate(`document.querySelectorAll("svg.map-box path.country").length`, &countries),
		chromedp.Evaluate(`document.querySelectorAll("svg.map-box circle.point").length`, &all),
		chromedp.Evaluate(`[...document.querySelectorAll("svg.map-box circle.point")].map(p => p.dataset.place)`, &places),
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
	err = chromedp.Run(ctx,
		chromedp.SendKeys(`input[name=since]`, "2030\n", chromedp.ByQuery),
		chromedp.Blur(`input[name=since]`, chromedp.ByQuery),
		wait(`document.querySelectorAll("svg.map-box circle.point").length === 0`),
		chromedp.Evaluate(`document.querySelectorAll("svg.map-box circle.point").length`, &left),
		shot("explore-map-filtered.png"),
		chromedp.SetValue(`input[name=since]`, "", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=since]`, "\n", chromedp.ByQuery),
		chromedp.Blur(`input[name=since]`, chromedp.ByQuery),
		wait(`document.querySelectorAll("svg.map-box circle.point").length === `+strconv.Itoa(all)),
	)
	if err != nil || left != 0 {
		t.Fatalf("date filter: %d points left (%v)", left, err)
	}

	// A click on the point at Ain al-Asad opens the base's card.
	var title, side string
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector('svg.map-box circle.point[data-place="Ain al-Asad Air Base"]').dispatchEvent(new MouseEvent("click", {bubbles: true}))`, nil),
		wait(`document.querySelector(".map-side article.card h1") !== null`),
		chromedp.Text(`.map-side article.card h1`, &title, chromedp.ByQuery),
		chromedp.Text(`.map-side`, &side, chromedp.ByQuery),
		shot("explore-map-card.png"),
	)
	if err != nil {
		t.Fatalf("click: %v", err)
	}
	if !strings.Contains(title, "Ain al-Asad Air Base") || !strings.Contains(side, "Withdrawal") || !strings.Contains(side, "Ayn al-Asad") {
		t.Errorf("the card beside the map: %q\n%.600s", title, side)
	}
}
