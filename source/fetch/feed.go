package fetch

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/newsgraph/newsgraph/source"
)

// Feed is a fetched RSS, Atom or JSON feed.
type Feed struct {
	Title string
	Items []Item // newest first when the feed dates its items, else in feed order
	Page  *Page
}

// Item is one entry of a feed.
type Item struct {
	Title     string
	Link      string // absolute URL of the article page
	GUID      string
	Content   string // the item's own text (HTML or plain), content:encoded or else the description
	Published time.Time
}

// Key is what identifies the item across fetches: its link, or its GUID
// when it has no link.
func (it Item) Key() string {
	if it.Link != "" {
		return it.Link
	}
	return it.GUID
}

// Feed fetches and parses a feed (RSS 0.9x–2.0, Atom 0.3/1.0 or JSON Feed,
// through gofeed). Item links are made absolute against the feed's URL.
// A conditional request for an unchanged feed returns a Feed with no items
// and a NotModified page.
func (f *Fetcher) Feed(ctx context.Context, feedURL string, cond Validators) (*Feed, error) {
	page, err := f.Get(ctx, feedURL, cond)
	if err != nil {
		return nil, err
	}
	if page.NotModified {
		return &Feed{Page: page}, nil
	}
	return ParseFeed(page.URL, page.Body, page)
}

// ParseFeed parses feed bytes read from base (the feed's URL).
func ParseFeed(base string, body []byte, page *Page) (*Feed, error) {
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: not a readable RSS or Atom feed: %w", base, err)
	}
	baseURL, _ := url.Parse(base)
	out := &Feed{Title: parsed.Title, Page: page}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		item := Item{Title: strings.TrimSpace(it.Title), GUID: strings.TrimSpace(it.GUID), Content: it.Content}
		if item.Content == "" {
			item.Content = it.Description
		}
		if link := strings.TrimSpace(it.Link); link != "" {
			if u, err := url.Parse(link); err == nil && baseURL != nil {
				link = baseURL.ResolveReference(u).String()
			}
			item.Link = link
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			item.Published = *it.UpdatedParsed
		}
		if item.Key() == "" {
			continue // nothing to name it by
		}
		out.Items = append(out.Items, item)
	}
	sort.SliceStable(out.Items, func(i, j int) bool { return out.Items[i].Published.After(out.Items[j].Published) })
	return out, nil
}

// ItemArticle reads a feed item's own text as an article (for feeds whose
// items carry the whole article). Doc and Path are the item's key.
func ItemArticle(it Item, opts source.Options) (*source.Article, error) {
	key := it.Key()
	return source.Parse(key, key, ItemHTML(it), "text/html; charset=utf-8", opts)
}

// ItemHTML is the HTML page ItemArticle reads: the item's title and text.
func ItemHTML(it Item) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(it.Title))
	b.WriteString("</title></head><body><article><h1>")
	b.WriteString(html.EscapeString(it.Title))
	b.WriteString("</h1>\n")
	content := it.Content
	if !strings.Contains(content, "<") {
		// Plain text: keep its paragraphs.
		for _, p := range strings.Split(content, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
			}
		}
	} else {
		b.WriteString(content)
	}
	b.WriteString("\n</article></body></html>\n")
	return []byte(b.String())
}
