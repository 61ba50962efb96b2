package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

const (
	testModel  = "test-model"
	otherModel = "other-model"
	testKey    = "sk-test"
	testBase   = "llm-test-base"
)

var testArticle = &source.Article{
	ID:    "0123456789abcdef",
	Doc:   "007_test.txt",
	Path:  "corpus/007_test.txt",
	Title: "Drone attack on Ain al-Asad",
	Date:  "2024-01-21",
	Text: "Kata’ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday,\nthe group said in a statement.\n\n" +
		"The US military said the attack caused no casualties. Iraqi Prime Minister Mohammed Shia’ Al Sudani condemned the strike.\n\n" +
		"Washington threatened to respond.",
}

// baseExtractor stands in for the rules extractor.
type baseExtractor struct{}

func (baseExtractor) Name() string { return "test-base/1" }

func (baseExtractor) Fingerprint() string { return "test-data" }

func (baseExtractor) Extract(_ context.Context, a *source.Article) (schema.Record, error) {
	return schema.Record{
		Doc:     a.Doc,
		Article: schema.Article{ID: a.ID, Source: a.Path, Title: a.Title},
		Entities: []schema.Entity{
			{ID: "kataib-hezbollah", Type: schema.ArmedGroup, Name: "Kata'ib Hezbollah", Mentions: []string{"Kata’ib Hezbollah"}},
			{ID: "ain-al-asad", Type: schema.MilitaryBase, Name: "Ain al-Asad Air Base", Mentions: []string{"Ain al-Asad"}},
			{ID: "united-states", Type: schema.Country, Name: "United States", Mentions: []string{"Washington"}},
		},
		Facts: []schema.Fact{
			{S: "kataib-hezbollah", P: "attacked", O: "ain-al-asad", Evidence: "Kata’ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday"},
		},
		Events: []schema.Event{
			{ID: "rules-ev1", Type: schema.EvAttack, Agent: "kataib-hezbollah", Target: "ain-al-asad", Kind: schema.Claimed,
				Evidence: "Kata’ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday"},
		},
	}, nil
}

func init() {
	extract.Register(testBase, func(extract.Options) (extract.Extractor, error) { return baseExtractor{}, nil })
}

// goodAnswer is what a well-behaved model answers for testArticle, with the
// usual slips: straight quotes for curly ones, a clause with a period
// added, a mention that is only part of a word ("Iraq" in "Iraqi"), an
// entity the article does not name.
const goodAnswer = `{
 "entities": [
  {"name": "Kata'ib Hezbollah", "type": "ArmedGroup", "mentions": ["Kata'ib Hezbollah"]},
  {"name": "Ain al-Asad Air Base", "type": "MilitaryBase", "mentions": ["Ain al-Asad air base", "Ain al-Asad"]},
  {"name": "United States", "type": "Country", "mentions": ["Washington"]},
  {"name": "US military", "type": "GovernmentBody", "mentions": ["US military"]},
  {"name": "Mohammed Shia al-Sudani", "type": "Person", "mentions": ["Mohammed Shia' Al Sudani"]},
  {"name": "Iraq", "type": "Country", "mentions": ["Iraq"]},
  {"name": "Hamas", "type": "ArmedGroup", "mentions": ["Hamas"]}
 ],
 "facts": [
  {"subject": "Kata'ib Hezbollah", "predicate": "attacked", "object": "Ain al-Asad Air Base", "kind": "claimed",
   "evidence": "Kata'ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday.", "role": null, "asserted_by": null},
  {"subject": "Kata'ib Hezbollah", "predicate": "claimed_responsibility_for", "object": "e1", "kind": "claimed",
   "evidence": "Kata'ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday, the group said in a statement.", "role": null, "asserted_by": null},
  {"subject": "Mohammed Shia al-Sudani", "predicate": "prime_minister_of", "object": "Iraq", "kind": "stated",
   "evidence": "Iraqi Prime Minister Mohammed Shia' Al Sudani condemned the strike.", "role": "Prime Minister", "asserted_by": null},
  {"subject": "Washington", "predicate": "threatened", "object": "Kata'ib Hezbollah", "kind": "threatened",
   "evidence": "Washington threatened to respond.", "role": null, "asserted_by": null}
 ],
 "events": [
  {"ref": "e1", "type": "Attack", "agent": "Kata'ib Hezbollah", "target": "Ain al-Asad Air Base", "location": null, "about": null,
   "date": "2024-01-21", "status": "occurred", "kind": "claimed", "evidence": "claimed a drone attack on Ain al-Asad air base on Sunday"},
  {"ref": "e2", "type": "Statement", "agent": "US military", "target": null, "location": null, "about": "e1",
   "date": "Sunday", "status": null, "kind": "reported", "evidence": "The US military said the attack caused no casualties."}
 ]
}`

// chatCompletion is a chat.completion body as OpenAI-compatible servers
// send it.
func chatCompletion(content string) []byte {
	body, _ := json.Marshal(map[string]any{
		"id":                 "chatcmpl-7f3a9c",
		"object":             "chat.completion",
		"created":            1732280000,
		"model":              testModel,
		"system_fingerprint": "fp_test",
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": content},
			"logprobs":      nil,
			"finish_reason": "stop",
		}},
		"usage": map[string]any{"prompt_tokens": 2048, "completion_tokens": 512, "total_tokens": 2560},
	})
	return body
}

// server is a loopback chat completions server. reply answers request n
// (from 1) after the request has been checked.
type server struct {
	*httptest.Server
	requests atomic.Int64
}

func newServer(t *testing.T, reply func(n int64, w http.ResponseWriter, r *http.Request)) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.requests.Add(1)
		if msg := checkRequest(r); msg != "" {
			t.Errorf("request %d: %s", n, msg)
			http.Error(w, `{"error": {"message": "bad request"}}`, http.StatusBadRequest)
			return
		}
		reply(n, w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// checkRequest checks a request against the protocol and what the
// extractor must send; it returns what is wrong, or "".
func checkRequest(r *http.Request) string {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		return fmt.Sprintf("%s %s, want POST /v1/chat/completions", r.Method, r.URL.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+testKey {
		return fmt.Sprintf("Authorization %q", got)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		return fmt.Sprintf("Content-Type %q", ct)
	}
	var req struct {
		Model    string `json:"model"`
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
		Stream         *bool    `json:"stream"`
		Temperature    *float64 `json:"temperature"`
		ResponseFormat struct {
			Type       string `json:"type"`
			JSONSchema struct {
				Name   string         `json:"name"`
				Strict bool           `json:"strict"`
				Schema map[string]any `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return "body: " + err.Error()
	}
	switch {
	case req.Model != testModel && req.Model != otherModel:
		return fmt.Sprintf("model %q", req.Model)
	case req.Stream == nil || *req.Stream:
		return "stream is not false"
	case req.Temperature == nil || *req.Temperature != 0:
		return "temperature is not 0"
	case len(req.Messages) != 2 || req.Messages[0].Role != "system" || req.Messages[1].Role != "user":
		return fmt.Sprintf("messages %+v", req.Messages)
	case !strings.Contains(req.Messages[0].Content, "claimed_responsibility_for") || !strings.Contains(req.Messages[0].Content, "MilitaryBase"):
		return "system message lacks the vocabulary"
	case !strings.Contains(req.Messages[1].Content, testArticle.Text):
		return "user message lacks the article text"
	case req.ResponseFormat.Type != "json_schema" || req.ResponseFormat.JSONSchema.Name == "" || !req.ResponseFormat.JSONSchema.Strict:
		return fmt.Sprintf("response_format %+v", req.ResponseFormat)
	}
	props, _ := req.ResponseFormat.JSONSchema.Schema["properties"].(map[string]any)
	for _, k := range []string{"entities", "facts", "events"} {
		if props[k] == nil {
			return "schema lacks " + k
		}
	}
	return ""
}

func newExtractor(t *testing.T, s *server, base extract.Extractor, cacheDir string) *Extractor {
	t.Helper()
	x, err := New(extract.LLMOptions{Endpoint: s.URL + "/v1/", Model: testModel, APIKey: testKey, CacheDir: cacheDir}, base)
	if err != nil {
		t.Fatal(err)
	}
	x.Backoff, x.MaxBackoff = time.Millisecond, 20*time.Millisecond
	x.Timeout = 5 * time.Second
	return x
}

func answerWith(content string) func(int64, http.ResponseWriter, *http.Request) {
	return func(_ int64, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(chatCompletion(content))
	}
}

func entityByID(rec schema.Record, id string) *schema.Entity {
	for i := range rec.Entities {
		if rec.Entities[i].ID == id {
			return &rec.Entities[i]
		}
	}
	return nil
}

func TestExtractMergesCheckedAnswerIntoBase(t *testing.T) {
	s := newServer(t, answerWith(goodAnswer))
	x := newExtractor(t, s, baseExtractor{}, "")
	rec, err := x.Extract(context.Background(), testArticle)
	if err != nil {
		t.Fatal(err)
	}
	if s.requests.Load() != 1 {
		t.Errorf("%d requests", s.requests.Load())
	}
	if rec.Doc != testArticle.Doc || rec.Article.ID != testArticle.ID {
		t.Errorf("doc %q article %+v", rec.Doc, rec.Article)
	}

	var ids []string
	for _, e := range rec.Entities {
		ids = append(ids, e.ID)
	}
	if want := []string{"kataib-hezbollah", "ain-al-asad", "united-states", "us-military", "mohammed-shia-al-sudani"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("entities %v, want %v (Iraq is only part of a word, Hamas is not in the text)", ids, want)
	}
	if e := entityByID(rec, "kataib-hezbollah"); !reflect.DeepEqual(e.Mentions, []string{"Kata’ib Hezbollah"}) {
		t.Errorf("mentions %q: want the text's spelling, once", e.Mentions)
	}
	if e := entityByID(rec, "ain-al-asad"); !reflect.DeepEqual(e.Mentions, []string{"Ain al-Asad", "Ain al-Asad air base"}) || e.Name != "Ain al-Asad Air Base" {
		t.Errorf("base entity after merge: %+v", e)
	}
	if e := entityByID(rec, "mohammed-shia-al-sudani"); e == nil || !reflect.DeepEqual(e.Mentions, []string{"Mohammed Shia’ Al Sudani"}) {
		t.Errorf("Sudani: %+v", e)
	}

	facts := map[string]schema.Fact{}
	for _, f := range rec.Facts {
		facts[f.S+" "+f.P+" "+f.O] = f
	}
	if len(facts) != len(rec.Facts) {
		t.Errorf("duplicate facts: %+v", rec.Facts)
	}
	att, ok := facts["kataib-hezbollah attacked ain-al-asad"]
	if !ok || att.Kind != schema.Claimed || att.Evidence != "Kata’ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday" {
		t.Errorf("attack fact %+v: want the base's fact with the model's kind", att)
	}
	if f, ok := facts["kataib-hezbollah claimed_responsibility_for rules-ev1"]; !ok {
		t.Errorf("claim of responsibility not pointed at the base's event: %+v", rec.Facts)
	} else if want := "Kata’ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday,\nthe group said in a statement."; f.Evidence != want {
		t.Errorf("evidence %q, want the verbatim text %q", f.Evidence, want)
	}
	if f, ok := facts["united-states threatened kataib-hezbollah"]; !ok || f.Kind != schema.Threatened {
		t.Errorf("threat fact missing or wrong: %+v", rec.Facts)
	}
	for k := range facts {
		if strings.Contains(k, "prime_minister_of") {
			t.Errorf("fact about a dropped entity kept: %s", k)
		}
	}

	if len(rec.Events) != 2 {
		t.Fatalf("events %+v", rec.Events)
	}
	if e := rec.Events[0]; e.ID != "rules-ev1" || e.Date != "2024-01-21" || e.Status != "occurred" {
		t.Errorf("base event %+v: want the model's date and status filled in", e)
	}
	st := rec.Events[1]
	if st.Type != schema.EvStatement || st.Agent != "us-military" || st.About != "rules-ev1" || st.Date != "" || st.Kind != schema.Reported {
		t.Errorf("statement %+v: want about = the base's event and no date (\"Sunday\" is not ISO)", st)
	}
	if !strings.HasPrefix(st.ID, "statement-") {
		t.Errorf("event id %q", st.ID)
	}

	stats := x.Stats()
	if want := (Drops{Entities: 2, Dangling: 1}); stats.Dropped != want || stats.Requests != 1 {
		t.Errorf("stats %+v, want drops %+v", stats, want)
	}
	if x.Name() != "llm/"+PromptVersion+"-"+promptHash+":"+testModel+"+test-base/1" || len(promptHash) != 8 {
		t.Errorf("name %q", x.Name())
	}
}

func TestUnsupportedAnswerPartsAreDropped(t *testing.T) {
	answer := `{
 "entities": [
  {"name": "Kata'ib Hezbollah", "type": "ArmedGroup", "mentions": ["Kata’ib Hezbollah"]},
  {"name": "Ain al-Asad", "type": "MilitaryBase", "mentions": ["Ain al-Asad"]},
  {"name": "Washington", "type": "City", "mentions": ["Washington"]},
  {"name": "", "type": "Person", "mentions": ["Sunday"]}
 ],
 "facts": [
  {"subject": "Kata'ib Hezbollah", "predicate": "attacked", "object": "Ain al-Asad", "kind": "claimed",
   "evidence": "Kata'ib Hezbollah fired twelve rockets at Ain al-Asad.", "role": null, "asserted_by": null},
  {"subject": "Kata'ib Hezbollah", "predicate": "bombed", "object": "Ain al-Asad", "kind": "stated",
   "evidence": "Kata’ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday", "role": null, "asserted_by": null},
  {"subject": "Kata'ib Hezbollah", "predicate": "attacked", "object": "Ain al-Asad", "kind": "rumoured",
   "evidence": "Kata’ib Hezbollah claimed a drone attack on Ain al-Asad air base on Sunday", "role": null, "asserted_by": null},
  {"subject": "Kata'ib Hezbollah", "predicate": "attacked", "object": "Ain al-Asad", "kind": "claimed",
   "evidence": "  ", "role": null, "asserted_by": null},
  {"subject": "Kata'ib Hezbollah", "predicate": "attacked", "object": "Washington", "kind": "threatened",
   "evidence": "Washington threatened to respond.", "role": null, "asserted_by": null},
  {"subject": "Kata'ib Hezbollah", "predicate": "attacked", "object": "Ain al-Asad", "kind": "claimed",
   "evidence": "claimed a drone attack on Ain al-Asad air base", "role": null, "asserted_by": null}
 ],
 "events": [
  {"ref": "e1", "type": "Attack", "agent": "Kata'ib Hezbollah", "target": "Ain al-Asad", "location": null, "about": null,
   "date": null, "status": null, "kind": "claimed", "evidence": "A second drone struck the base on Monday."},
  {"ref": "e2", "type": "Bombing", "agent": "Kata'ib Hezbollah", "target": null, "location": null, "about": null,
   "date": null, "status": null, "kind": "claimed", "evidence": "claimed a drone attack"}
 ]
}`
	s := newServer(t, answerWith(answer))
	x := newExtractor(t, s, nil, "")
	rec, err := x.Extract(context.Background(), testArticle)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Entities) != 2 || rec.Entities[0].ID != "kataib-hezbollah" || rec.Entities[1].ID != "ain-al-asad" {
		t.Errorf("entities %+v", rec.Entities)
	}
	if len(rec.Facts) != 1 || rec.Facts[0].Evidence != "claimed a drone attack on Ain al-Asad air base" {
		t.Errorf("facts %+v: want only the one with verbatim evidence", rec.Facts)
	}
	if len(rec.Events) != 0 {
		t.Errorf("events %+v", rec.Events)
	}
	want := Drops{Entities: 2, Facts: 1, Events: 1, Vocabulary: 3, Dangling: 1, EmptyEvidence: 1}
	if got := x.Stats().Dropped; got != want {
		t.Errorf("drops %+v, want %+v", got, want)
	}
}

func TestRetryAfterServerError(t *testing.T) {
	s := newServer(t, func(n int64, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			http.Error(w, `{"error": {"message": "model is loading"}}`, http.StatusInternalServerError)
			return
		}
		answerWith(goodAnswer)(n, w, r)
	})
	x := newExtractor(t, s, nil, "")
	rec, err := x.Extract(context.Background(), testArticle)
	if err != nil {
		t.Fatal(err)
	}
	if s.requests.Load() != 2 || len(rec.Entities) == 0 {
		t.Errorf("%d requests, %d entities", s.requests.Load(), len(rec.Entities))
	}
}

func TestRateLimited(t *testing.T) {
	t.Run("then served", func(t *testing.T) {
		s := newServer(t, func(n int64, w http.ResponseWriter, r *http.Request) {
			if n <= 2 {
				w.Header().Set("Retry-After", "1")
				http.Error(w, `{"error": {"message": "rate limit reached"}}`, http.StatusTooManyRequests)
				return
			}
			answerWith(goodAnswer)(n, w, r)
		})
		x := newExtractor(t, s, nil, "")
		if _, err := x.Extract(context.Background(), testArticle); err != nil {
			t.Fatal(err)
		}
		if s.requests.Load() != 3 {
			t.Errorf("%d requests", s.requests.Load())
		}
	})
	t.Run("for good", func(t *testing.T) {
		s := newServer(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
			http.Error(w, `{"error": {"message": "rate limit reached"}}`, http.StatusTooManyRequests)
		})
		x := newExtractor(t, s, nil, "")
		x.MaxRetries = 2
		_, err := x.Extract(context.Background(), testArticle)
		var se *StatusError
		if !errors.As(err, &se) || se.Status != http.StatusTooManyRequests || se.Attempts != 3 {
			t.Fatalf("err = %v", err)
		}
		for _, want := range []string{s.URL + "/v1/chat/completions", "429", "after 3 attempts", "rate limit reached", testArticle.Doc} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q lacks %q", err, want)
			}
		}
		if s.requests.Load() != 3 {
			t.Errorf("%d requests, want 1 + 2 retries", s.requests.Load())
		}
	})
}

func TestClientErrorIsNotRetried(t *testing.T) {
	s := newServer(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
		http.Error(w, `{"error": {"message": "model \"test-model\" not found, try pulling it first"}}`, http.StatusNotFound)
	})
	_, err := newExtractor(t, s, nil, "").Extract(context.Background(), testArticle)
	if err == nil || !strings.Contains(err.Error(), "404 Not Found: model \"test-model\" not found") {
		t.Errorf("err = %v", err)
	}
	if s.requests.Load() != 1 {
		t.Errorf("%d requests", s.requests.Load())
	}
}

func TestMalformedContent(t *testing.T) {
	for name, content := range map[string]string{
		"truncated":  `{"entities": [{"name": "Kata'ib Hezbollah", "type": "ArmedGroup", "mentions": [`,
		"prose":      `Here are the entities: Kata'ib Hezbollah, Ain al-Asad.`,
		"wrong type": `{"entities": "Kata'ib Hezbollah", "facts": [], "events": []}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := newServer(t, answerWith(content))
			_, err := newExtractor(t, s, nil, dir).Extract(context.Background(), testArticle)
			if err == nil || !strings.Contains(err.Error(), "malformed JSON") || !strings.Contains(err.Error(), s.URL) {
				t.Errorf("err = %v", err)
			}
			if files, _ := os.ReadDir(dir); len(files) != 0 {
				t.Errorf("a malformed answer was cached: %v", files)
			}
		})
	}
}

func TestNotAChatCompletion(t *testing.T) {
	for name, body := range map[string]string{
		"html":       `<html>502 Bad Gateway</html>`,
		"no choices": `{"id": "x", "object": "chat.completion", "choices": []}`,
		"cut off":    `{"choices": [{"index": 0, "message": {"role": "assistant", "content": "{\"entities\": ["}, "finish_reason": "length"}]}`,
		"refusal":    `{"choices": [{"index": 0, "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}, "finish_reason": "stop"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			s := newServer(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { io.WriteString(w, body) })
			_, err := newExtractor(t, s, nil, "").Extract(context.Background(), testArticle)
			if err == nil {
				t.Fatal("no error")
			}
			if s.requests.Load() != 1 {
				t.Errorf("%d requests", s.requests.Load())
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	s := newServer(t, func(_ int64, w http.ResponseWriter, r *http.Request) {
		select { // longer than the client waits; ends when the client hangs up
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
			return
		}
		answerWith(goodAnswer)(0, w, r)
	})
	x := newExtractor(t, s, nil, "")
	x.Timeout = 200 * time.Millisecond
	start := time.Now()
	_, err := x.Extract(context.Background(), testArticle)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "timeout of 200ms") {
		t.Errorf("err = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	if s.requests.Load() != 1 {
		t.Errorf("%d requests: a timeout must not be retried", s.requests.Load())
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	s := newServer(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	})
	x := newExtractor(t, s, nil, "")
	x.Backoff, x.MaxBackoff = 10*time.Second, 10*time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := x.Extract(ctx, testArticle)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "503") {
		t.Errorf("err = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestTransportErrorsAreRetried(t *testing.T) {
	s := newServer(t, answerWith(goodAnswer))
	x := newExtractor(t, s, nil, "")
	s.Close() // connections are refused from now on
	x.MaxRetries = 2
	_, err := x.Extract(context.Background(), testArticle)
	if err == nil || !strings.Contains(err.Error(), s.URL) {
		t.Errorf("err = %v", err)
	}
	if got := x.Stats().Requests; got != 3 {
		t.Errorf("%d attempts, want 3", got)
	}
}

func TestResponseSizeLimit(t *testing.T) {
	s := newServer(t, answerWith(goodAnswer))
	x := newExtractor(t, s, nil, "")
	x.MaxResponseBytes = 1000
	_, err := x.Extract(context.Background(), testArticle)
	if err == nil || !strings.Contains(err.Error(), "larger than the limit of 1000 bytes") {
		t.Errorf("err = %v", err)
	}
}

func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	s := newServer(t, answerWith(goodAnswer))
	x := newExtractor(t, s, baseExtractor{}, dir)
	first, err := x.Extract(context.Background(), testArticle)
	if err != nil {
		t.Fatal(err)
	}
	second, err := x.Extract(context.Background(), testArticle)
	if err != nil {
		t.Fatal(err)
	}
	if s.requests.Load() != 1 {
		t.Fatalf("%d requests, want 1: the second extraction should come from the cache", s.requests.Load())
	}
	if !reflect.DeepEqual(first, second) {
		t.Errorf("cached extraction differs:\n%+v\n%+v", first, second)
	}
	if st := x.Stats(); st.CacheHits != 1 || st.Requests != 1 {
		t.Errorf("stats %+v", st)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 || !strings.HasPrefix(filepath.Base(files[0]), "llm-") || !strings.HasSuffix(files[0], ".json") {
		t.Fatalf("cache files %v (temporary files must be gone)", files)
	}
	var entry cacheEntry
	if data, err := os.ReadFile(files[0]); err != nil || json.Unmarshal(data, &entry) != nil ||
		entry.Model != testModel || entry.PromptVersion != PromptVersion || entry.Doc != testArticle.Doc {
		t.Errorf("cache entry %+v (%v)", entry, err)
	}

	// A new extractor over the same directory: still no request.
	if _, err := newExtractor(t, s, nil, dir).Extract(context.Background(), testArticle); err != nil || s.requests.Load() != 1 {
		t.Errorf("new extractor: %d requests, err %v", s.requests.Load(), err)
	}
	// Another text or another model is another key.
	edited := *testArticle
	edited.Text += " The base was hit again on Monday."
	if _, err := x.Extract(context.Background(), &edited); err != nil || s.requests.Load() != 2 {
		t.Errorf("edited article: %d requests, err %v", s.requests.Load(), err)
	}
	other, err := New(extract.LLMOptions{Endpoint: s.URL + "/v1", Model: otherModel, APIKey: testKey, CacheDir: dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Extract(context.Background(), testArticle); err != nil || s.requests.Load() != 3 {
		t.Errorf("other model: %d requests, want a new one; err %v", s.requests.Load(), err)
	}
	// A corrupt file is a miss, and is replaced.
	if err := os.WriteFile(files[0], []byte(`{"prompt_version": "1", "model": "test-`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Extract(context.Background(), testArticle); err != nil || s.requests.Load() != 4 {
		t.Errorf("corrupt cache: %d requests, err %v", s.requests.Load(), err)
	}
	if _, err := x.Extract(context.Background(), testArticle); err != nil || s.requests.Load() != 4 {
		t.Errorf("after replacing the corrupt file: %d requests, err %v", s.requests.Load(), err)
	}
}

func TestCacheDirUnusable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, answerWith(goodAnswer))
	_, err := newExtractor(t, s, nil, file).Extract(context.Background(), testArticle)
	if err == nil || !strings.Contains(err.Error(), "llm: cache") {
		t.Errorf("err = %v", err)
	}
}

func TestFencedContent(t *testing.T) {
	s := newServer(t, answerWith("```json\n"+goodAnswer+"\n```"))
	rec, err := newExtractor(t, s, nil, "").Extract(context.Background(), testArticle)
	if err != nil || len(rec.Entities) == 0 {
		t.Errorf("entities %v, err %v", rec.Entities, err)
	}
}

func TestNewChecksOptions(t *testing.T) {
	for _, c := range []struct {
		opts extract.LLMOptions
		want string
	}{
		{extract.LLMOptions{Model: "m"}, "no endpoint"},
		{extract.LLMOptions{Endpoint: "127.0.0.1:11434/v1", Model: "m"}, "not an http(s) URL"},
		{extract.LLMOptions{Endpoint: "ftp://127.0.0.1/v1", Model: "m"}, "not an http(s) URL"},
		{extract.LLMOptions{Endpoint: "http://127.0.0.1:11434/v1"}, "no model"},
	} {
		if _, err := New(c.opts, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("New(%+v): err = %v, want %q", c.opts, err, c.want)
		}
	}
}

func TestRegistry(t *testing.T) {
	if !slices.Contains(extract.Names(), Name) {
		t.Fatalf("%q not registered: %v", Name, extract.Names())
	}
	opts := extract.Options{LLM: extract.LLMOptions{Endpoint: "http://127.0.0.1:1/v1", Model: testModel}}
	x, err := NewFromRegistry(opts, testBase)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(x.Name(), "+test-base/1") {
		t.Errorf("name %q", x.Name())
	}
	_, err = NewFromRegistry(opts, "no-such-extractor")
	if err == nil || !strings.Contains(err.Error(), `"no-such-extractor" extractor, which is not available`) {
		t.Errorf("err = %v", err)
	}
	if _, err := extract.New(Name, extract.Options{}); err == nil || !(strings.Contains(err.Error(), "no endpoint") || strings.Contains(err.Error(), `"rules"`)) {
		t.Errorf("llm without options: err = %v", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	for in, want := range map[string]time.Duration{"": 0, "3": 3 * time.Second, " 1 ": time.Second, "0": 0, "-1": 0,
		"Wed, 21 Oct 2015 07:28:00 GMT": 0} {
		if got := parseRetryAfter(in); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCacheKey(t *testing.T) {
	x, err := New(extract.LLMOptions{Endpoint: "http://127.0.0.1:1/v1", Model: testModel}, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := x.cacheKey(testArticle)
	if x.cacheKey(testArticle) != key || len(key) != 32 {
		t.Fatalf("key %q is not stable", key)
	}
	retitled := *testArticle
	retitled.Title += "!"
	if x.cacheKey(&retitled) == key {
		t.Error("the title is not part of the key")
	}
	saved := promptHash
	promptHash = "00000000"
	changed := x.cacheKey(testArticle)
	promptHash = saved
	if changed == key {
		t.Error("the prompt hash is not part of the key")
	}
	x.model = otherModel
	if x.cacheKey(testArticle) == key {
		t.Error("the model is not part of the key")
	}
}
