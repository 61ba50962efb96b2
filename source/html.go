package source

import (
	"net/url"
	"strings"

	// Main-text extraction uses Readeck's go-readability v2, a port of
	// Mozilla's Readability.js (0.6). It is the maintained successor of
	// github.com/go-shiori/go-readability, whose README marks it
	// deprecated in favour of this module and whose repository its author
	// archived in December 2025; v2 is released (v2.1.3, September 2026),
	// follows Readability.js 0.6 and is faster (see its FORK.md).
	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
)

// extractHTML finds an HTML page's main text with readability, then
// cleans it like plain text. Metadata comes from the page (<title>,
// og:site_name, author and published-time meta tags, JSON-LD) first and
// from the text second.
func extractHTML(text, path string) (meta, error) {
	// html.Parse, not readability's own reader: that one guesses the
	// charset with a statistical detector, and the text is already UTF-8.
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return meta{}, withDetail(ErrNoText, "cannot parse HTML: "+err.Error())
	}
	pageDate := pageDate(doc)

	var pageURL *url.URL
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		pageURL, _ = url.Parse(path)
	}
	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil || art.Node == nil {
		return meta{}, withDetail(ErrNoText, "HTML page has no main text")
	}

	title := strings.Join(strings.Fields(art.Title()), " ")
	m := cleanText(render.InnerText(art.Node), cleanConfig{html: true, title: title})
	if m.Text == "" {
		return meta{}, withDetail(ErrNoText, "HTML page has no main text")
	}

	site := strings.Join(strings.Fields(art.SiteName()), " ")
	m.Title, m.Outlet = title, site
	if t, o := splitTitleOutlet(title, m.Text); o != "" && (site == "" || strings.EqualFold(o, site)) {
		m.Title, m.Outlet = t, o
	} else if site != "" {
		m.Title = stripOutlet(title, site)
	}
	if a := htmlAuthor(art.Byline()); a != "" {
		m.Author = a
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		if d, ok := validDate(t.Year(), int(t.Month()), t.Day()); ok {
			m.Date = d
		}
	} else if pageDate != "" {
		m.Date = pageDate
	}
	if m.Outlet == "" && pageURL != nil {
		m.Outlet = strings.TrimPrefix(strings.ToLower(pageURL.Hostname()), "www.")
	}
	return m, nil
}

// stripOutlet removes the site's name from either end of a title
// ("Headline | Site", "Site - Headline").
func stripOutlet(title, site string) string {
	for _, sep := range titleSeps {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && t != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// htmlAuthor makes a name of a page's byline: "By Jane Roe, Reuters" →
// "Jane Roe".
func htmlAuthor(b string) string {
	b = strings.Join(strings.Fields(b), " ")
	if b == "" {
		return ""
	}
	if a, _, ok := bylineLine(b); ok {
		return a
	}
	if _, start, _, ok := findDate(b); ok {
		b = b[:start]
	}
	if name := cutName(b); plausibleName(name) {
		return name
	}
	return ""
}

// pageDate looks for a publication date readability does not read: a
// <meta> named like a date, or the first <time datetime>.
func pageDate(doc *html.Node) string {
	var metaDate, timeDate string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if metaDate != "" {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				key := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
				switch key {
				case "date", "pubdate", "publishdate", "publish-date", "publish_date", "article:published",
					"og:published_time", "datepublished", "dc.date", "dc.date.issued", "sailthru.date":
					if iso, _, _, ok := findDate(attr(n, "content")); ok {
						metaDate = iso
					}
				}
			case "time":
				if timeDate == "" {
					if iso, _, _, ok := findDate(attr(n, "datetime")); ok {
						timeDate = iso
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if metaDate != "" {
		return metaDate
	}
	return timeDate
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
