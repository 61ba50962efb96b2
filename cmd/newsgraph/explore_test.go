package main

import (
	"cmp"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestExplorerInChromium walks the explorer (/explore/) as a new user
// would, in headless Chromium on the seed graph: finds groups by
// misspelled names, reads a card's evidence with its outlet, follows the
// paths from Kata'ib Hezbollah to Ain al-Asad, filters a timeline and
// opens a neighbourhood graph. Screenshots of every view go to the
// test's artefacts (explore-*.png; two of them are in the README).
func TestExplorerInChromium(t *testing.T) {
	ctx, shot := headlessChromium(t, 120*time.Second)
	c := seeded(t)
	base, _ := serving(t, c)
	wait := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(30*time.Second))
	}
	search := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(
			clearValue(`input[name=q]`),
			chromedp.SendKeys(chromedp.CSS(`input[name=q]`), name+"\n"),
		)
	}
	var text string
	pageText := evaluate(`document.querySelector("main").innerText`, &text)

	// A misspelled name opens the one entity it means.
	var title, evidence string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore/"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)),
		search("Islamik Resistance in Irak"),
		wait(`document.querySelector("article.card h1") !== null`),
		into(chromedp.Text(chromedp.CSS(`article.card h1`)), &title),
		// The evidence of "attacked Ain al-Asad Air Base", with its source.
		evaluate(`[...document.querySelectorAll(".evidence")].map(e => e.innerText).find(t => t.includes("Ain Al-Assad")) || ""`, &evidence),
		shot("explore-card.png"),
	)
	if err != nil {
		t.Fatalf("card: %v", err)
	}
	if !strings.Contains(title, "Islamic Resistance in Iraq") || !strings.Contains(title, "ArmedGroup") {
		t.Errorf("card title %q", title)
	}
	if !strings.Contains(evidence, "the resistance attacks against these bases in Erbil") || !strings.Contains(evidence, "Iraqi News") {
		t.Errorf("no evidence sentence with its outlet on the card; found %q", evidence)
	}

	// Kata'ib Hezbollah by a transliteration with a typo; an ambiguous
	// name lists the groups it may mean.
	err = chromedp.Do(ctx,
		search("Kataib Hizbolah"),
		wait(`(document.querySelector("article.card h1") || {}).innerText?.includes("Hezbollah")`),
		into(chromedp.Text(chromedp.CSS(`article.card h1`)), &title),
		pageText,
	)
	if err != nil {
		t.Fatalf("card of Kata'ib Hezbollah: %v", err)
	}
	if !strings.Contains(title, "Kata'ib Hezbollah") || !strings.Contains(text, "Our jihadi operations against the American occupiers") {
		t.Errorf("Kata'ib Hezbollah's card: %q\n%.600s", title, text)
	}
	err = chromedp.Do(ctx,
		search("Kataib"),
		wait(`document.querySelector(".candidates") !== null`),
		pageText,
		shot("explore-ambiguous.png"),
	)
	if err != nil {
		t.Fatalf("ambiguous name: %v", err)
	}
	if !strings.Contains(text, "Kata'ib Sayyid al-Shuhada") || !strings.Contains(text, "Kata'ib Hezbollah") {
		t.Errorf("the candidates of an ambiguous name: %.600s", text)
	}

	// Paths from a card: every hop carries its evidence.
	var hops, withEvidence, withOutlet int
	var url, fromBox string
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.candidates a`)), // Kata'ib Hezbollah, the best match, comes first
		wait(`document.querySelector("article.card") !== null`),
		chromedp.Click(`//nav[@class="entity-nav"]/a[text()="Paths from here"]`),
		chromedp.WaitVisible(chromedp.CSS(`input[name=to]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=to]`), "Ain al-Asad\n"),
		wait(`document.querySelectorAll(".path .hop").length > 0`),
		evaluate(`document.querySelectorAll(".path .hop").length`, &hops),
		evaluate(`[...document.querySelectorAll(".path .hop")].filter(h => h.querySelector(".evidence q")?.innerText.length > 20 && h.querySelector(".evidence .source")).length`, &withEvidence),
		// The outlet of every hop's article, where the article names one.
		evaluate(`[...document.querySelectorAll(".path .hop .evidence .source .outlet")].filter(o => o.innerText && o.innerText !== "outlet not given").length`, &withOutlet),
		// The form opened from the card shows the entity's name, not its IRI.
		evaluate(`document.querySelector("input[name=from]").value`, &fromBox),
		into(chromedp.Location(), &url),
		pageText,
		shot("explore-path.png"),
	)
	if err != nil {
		t.Fatalf("paths: %v", err)
	}
	if hops < 2 || withEvidence != hops {
		t.Errorf("%d hops, %d with evidence:\n%.1000s", hops, withEvidence, text)
	}
	if withOutlet == 0 {
		t.Errorf("no hop's evidence names its outlet:\n%.1000s", text)
	}
	if fromBox != "Kata'ib Hezbollah" || !strings.Contains(url, "from=ng%3Aentity%2Fkataib-hezbollah") {
		t.Errorf("the path form opened from the card shows %q in its from box (want the name), at %s", fromBox, url)
	}
	if !strings.Contains(text, "Ain al-Asad Air Base") || !strings.Contains(url, "view=path") || !strings.Contains(url, "to=Ain+al-Asad") {
		t.Errorf("path view at %s: %.500s", url, text)
	}

	// The shared link of the path view shows the same paths.
	var again int
	err = chromedp.Do(ctx,
		chromedp.Navigate(url),
		wait(`document.querySelectorAll(".path .hop").length > 0`),
		evaluate(`document.querySelectorAll(".path .hop").length`, &again),
	)
	if err != nil || again != hops {
		t.Errorf("the path view's link shows %d hops (%v), want %d", again, err, hops)
	}

	// The neighbourhood graph is labelled with names, not IRIs.
	var labels []string
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore/?view=graph&e=ng:entity/islamic-resistance-in-iraq"),
		wait(`window.newsgraphGraph !== undefined && window.newsgraphGraph.nodes().length > 1`),
		evaluate(`window.newsgraphGraph.nodes().map(n => n.style("label"))`, &labels),
		chromedp.Sleep(300*time.Millisecond), // the canvas paints on the next frame
		shot("explore-graph.png"),
	)
	if err != nil {
		t.Fatalf("graph: %v", err)
	}
	joined := strings.Join(labels, "|")
	if len(labels) < 10 || !strings.Contains(joined, "Islamic Resistance in Iraq") || !strings.Contains(joined, "Ain al-Asad Air Base") {
		t.Errorf("graph labels: %q", labels)
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "ng:") {
			t.Errorf("a graph node is labelled %q, not by a name", l)
		}
	}

	// The timeline, filtered by type in its URL.
	var types, outlets []string
	err = chromedp.Do(ctx,
		// Unfiltered first: the evidence names its outlets.
		chromedp.Navigate(base+"/explore/?view=timeline&e=ng:entity/islamic-resistance-in-iraq"),
		wait(`document.querySelector(".events") !== null`),
		evaluate(`[...document.querySelectorAll(".event .evidence .source .outlet")].map(o => o.innerText)`, &outlets),
		chromedp.Navigate(base+"/explore/?view=timeline&e=ng:entity/islamic-resistance-in-iraq&types=Airstrike"),
		wait(`document.querySelector(".events") !== null`),
		evaluate(`[...document.querySelectorAll(".event")].map(e => e.dataset.type)`, &types),
		shot("explore-timeline.png"),
	)
	if err != nil {
		t.Fatalf("timeline: %v", err)
	}
	if len(types) == 0 {
		t.Error("the timeline filtered to airstrikes is empty")
	}
	if !slices.ContainsFunc(outlets, func(o string) bool { return o != "outlet not given" }) {
		t.Errorf("the timeline's evidence names outlets %q", outlets)
	}
	for _, ty := range types {
		if ty != "Airstrike" {
			t.Errorf("a %s event on a timeline filtered to airstrikes", ty)
		}
	}
}

// TestCardEvidenceInChromium: a fact that seven articles of
// testdata/evidence state shows five evidence sentences on its card and,
// on asking, all seven with their outlets (/api/fact).
func TestCardEvidenceInChromium(t *testing.T) {
	ctx, shot := headlessChromium(t, 60*time.Second)
	c := newCLI(t)
	c.mustRun("build", filepath.Join("..", "..", "testdata", "evidence", "articles"))
	base, _ := serving(t, c)
	wait := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(30*time.Second))
	}
	const fact = `document.querySelector('.facts[data-predicate="backed_by"] .fact')`
	var before, after int
	var count, sources string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore/?view=card&e=Kataib+Hezbollah"),
		wait(fact+` !== null`),
		evaluate(fact+`.querySelectorAll(".evidence").length`, &before),
		evaluate(fact+`.querySelector(".evidence-count")?.innerText ?? ""`, &count),
		chromedp.Evaluate[chromedp.Void](fact+`.querySelector("button.more-evidence").click()`),
		wait(fact+`.querySelectorAll(".evidence").length > 5`),
		evaluate(fact+`.querySelectorAll(".evidence").length`, &after),
		evaluate(`[...`+fact+`.querySelectorAll(".evidence .outlet")].map(o => o.innerText).join("|")`, &sources),
		shot("explore-card-more.png"),
	)
	if err != nil {
		t.Fatalf("card: %v", err)
	}
	if before != 5 || !strings.Contains(count, "5 of 7 statements shown") || after != 7 {
		t.Errorf("the fact shows %d sentences (%q), then %d; want 5 of 7, then 7", before, count, after)
	}
	for _, o := range []string{"Basra Daily", "Levant Observer", "Evening Post"} {
		if !strings.Contains(sources, o) {
			t.Errorf("the fact's sentences name the outlets %q, not %s", sources, o)
		}
	}
}

// TestExplorerTimings measures the explorer on a store of one's own, in
// headless Chromium: the page's first load in a fresh browser, then each
// card's load from its link (the page again, from the browser's cache,
// and the card), twice, and the card route's own time. It runs only when NEWSGRAPH_EXPLORE_DATA_DIR names a data
// directory with a built store (the figures in docs/performance.md are
// from the 10k-article benchmark corpus); NEWSGRAPH_EXPLORE_NAMES lists
// the names whose cards to load, separated by "|".
func TestExplorerTimings(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_EXPLORE_DATA_DIR")
	if dir == "" {
		t.Skip("set NEWSGRAPH_EXPLORE_DATA_DIR to a data directory with a built store to measure the explorer on it")
	}
	names := strings.Split(cmp.Or(os.Getenv("NEWSGRAPH_EXPLORE_NAMES"), "Kataib Hizbollah|Ain al-Asad|Iraq"), "|")
	c := &cli{t: t, env: map[string]string{"NEWSGRAPH_DATA_DIR": dir}}
	base, _ := serving(t, c)
	ctx, shot := headlessChromium(t, 10*time.Minute)
	var nav map[string]float64
	t0 := time.Now()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore/"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)),
		evaluate(`(() => { const n = performance.getEntriesByType("navigation")[0];
			return {response: n.responseEnd, dom: n.domContentLoadedEventEnd, load: n.loadEventEnd,
				bytes: performance.getEntriesByType("resource").reduce((s, r) => s + r.transferSize, n.transferSize)} })()`, &nav),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first page load: search box on screen after %s; document %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms, %.0f kB transferred",
		time.Since(t0).Round(time.Millisecond), nav["response"], nav["dom"], nav["load"], nav["bytes"]/1000)
	for round := 1; round <= 2; round++ {
		for _, name := range names {
			var route float64
			var facts int
			t0 := time.Now()
			err := chromedp.Do(ctx,
				chromedp.Navigate(base+"/explore/?view=card&e="+url.QueryEscape(name)),
				chromedp.Poll[chromedp.Void](`document.querySelector("article.card") !== null`, chromedp.WithPollingTimeout(5*time.Minute)),
				evaluate(`performance.getEntriesByType("resource").filter(r => r.name.includes("/api/entity")).map(r => r.duration).pop() || 0`, &route),
				evaluate(`document.querySelectorAll(".fact").length`, &facts),
			)
			if err != nil {
				t.Fatalf("card of %q: %v", name, err)
			}
			t.Logf("round %d: card of %q (%d facts) on screen after %s; /api/entity took %.0f ms",
				round, name, facts, time.Since(t0).Round(time.Millisecond), route)
		}
	}
	// The first name's neighbourhood at its largest, for a look at its
	// labels (explore-graph-large.png).
	t0 = time.Now()
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore/?view=graph&e="+url.QueryEscape(names[0])),
		chromedp.Poll[chromedp.Void](`window.newsgraphGraph !== undefined`, chromedp.WithPollingTimeout(5*time.Minute)),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("graph of %q on screen after %s", names[0], time.Since(t0).Round(time.Millisecond))
	if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond), shot("explore-graph-large.png")); err != nil {
		t.Fatal(err)
	}
}
