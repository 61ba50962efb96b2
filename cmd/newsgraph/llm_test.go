package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestBuildWithLLM builds the seeds with --extractor llm against a
// loopback chat-completions server: the binary links the LLM extractor,
// sends each article to the endpoint, and loads the merged records. The
// model finds nothing of its own here, so the graph is the rules
// extractor's, and a second build finds every article unchanged.
func TestBuildWithLLM(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" || r.Header.Get("Authorization") != "Bearer sk-test" {
			http.Error(w, `{"error": {"message": "unexpected request"}}`, http.StatusBadRequest)
			return
		}
		requests.Add(1)
		body, _ := json.Marshal(map[string]any{
			"object": "chat.completion",
			"choices": []any{map[string]any{
				"index":         0,
				"message":       map[string]any{"role": "assistant", "content": `{"entities": [], "facts": [], "events": []}`},
				"finish_reason": "stop",
			}},
		})
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	defer srv.Close()

	c := newCLI(t)
	c.env["NEWSGRAPH_EXTRACT_LLM_ENDPOINT"] = srv.URL + "/v1"
	c.env["NEWSGRAPH_EXTRACT_LLM_MODEL"] = "test-model"
	c.env["NEWSGRAPH_EXTRACT_LLM_API_KEY"] = "sk-test"
	out := c.mustRun("build", "--extractor", "llm", seedDir)
	if !strings.Contains(out, "5 read: 5 added") {
		t.Errorf("first build: %s", out)
	}
	if n := requests.Load(); n != 5 {
		t.Errorf("%d requests to the endpoint, want one per seed article (5)", n)
	}
	if out := c.mustRun("build", "--extractor", "llm", seedDir); !strings.Contains(out, "5 unchanged") {
		t.Errorf("second build: %s", out)
	}
	if _, errs, code := c.run("build", "--extractor", "nosuch", seedDir); code == 0 || !strings.Contains(errs, "llm") {
		t.Errorf("an unknown extractor: exit %d; the message should list llm: %s", code, errs)
	}
}
