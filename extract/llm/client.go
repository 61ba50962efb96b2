package llm

// The client speaks the OpenAI chat completions protocol with plain
// net/http and encoding/json rather than an SDK: newsgraph needs one
// endpoint and one request shape, the servers it targets (Ollama, vLLM,
// llama.cpp, OpenAI itself) differ in what else they support, and an SDK
// would add a large dependency tree with OpenAI-specific defaults (base
// URL, retries, environment variables) that would have to be overridden.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// StatusError is a non-200 answer of the endpoint.
type StatusError struct {
	URL      string // the chat completions URL
	Status   int    // HTTP status code
	Message  string // the server's error message, or the start of its body
	Attempts int    // requests made, retries included
}

// Error names the URL, the status, the attempts and the server's message.
func (e *StatusError) Error() string {
	msg := fmt.Sprintf("llm: POST %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// retryable reports whether the status is worth another try: rate limits
// and server errors.
func retryable(status int) bool { return status == http.StatusTooManyRequests || status >= 500 }

type (
	chatRequest struct {
		Model          string         `json:"model"`
		Messages       []chatMessage  `json:"messages"`
		Temperature    float64        `json:"temperature"`
		Stream         bool           `json:"stream"`
		ResponseFormat responseFormat `json:"response_format"`
	}
	chatMessage struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	}
	responseFormat struct {
		Type       string     `json:"type"`
		JSONSchema jsonSchema `json:"json_schema"`
	}
	jsonSchema struct {
		Name   string         `json:"name"`
		Strict bool           `json:"strict"`
		Schema map[string]any `json:"schema"`
	}
	chatResponse struct {
		Choices []struct {
			Message struct {
				Content *string `json:"content"`
				Refusal *string `json:"refusal"`
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
	}
	errorBody struct {
		Error json.RawMessage `json:"error"` // an object with "message", or a string
	}
)

// chat sends one chat completion request, retrying on 429, 5xx and
// transport errors, and returns the message content. A request that takes
// longer than x.Timeout is not retried: a server that slow will be as slow
// again.
func (x *Extractor) chat(ctx context.Context, req chatRequest) (string, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return "", fmt.Errorf("llm: encoding request: %w", err)
	}
	var lastErr error
	for attempt := 1; ; attempt++ {
		content, retryAfter, err := x.attempt(ctx, body)
		if err == nil {
			return content, nil
		}
		var se *StatusError
		if errors.As(err, &se) {
			se.Attempts = attempt
		}
		lastErr = err
		if retryAfter < 0 || attempt > x.MaxRetries {
			return "", lastErr
		}
		wait := x.Backoff
		for i := 1; i < attempt && wait < x.MaxBackoff; i++ {
			wait *= 2
		}
		if retryAfter > 0 {
			wait = retryAfter
		}
		wait = min(wait, x.MaxBackoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return "", fmt.Errorf("llm: %s: gave up waiting to retry: %w (last error: %v)", x.url, ctx.Err(), lastErr)
		case <-t.C:
		}
	}
}

// attempt makes one request. retryAfter is negative when the error is not
// worth a retry, positive when the server asked for a delay, else 0.
func (x *Extractor) attempt(ctx context.Context, body []byte) (content string, retryAfter time.Duration, err error) {
	actx, cancel := context.WithTimeout(ctx, x.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, x.url, bytes.NewReader(body))
	if err != nil {
		return "", -1, fmt.Errorf("llm: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if x.apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+x.apiKey)
	}
	x.stats.requests.Add(1)
	resp, err := x.client.Do(req)
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return "", -1, fmt.Errorf("llm: POST %s: %w", x.url, ctx.Err())
		case errors.Is(err, context.DeadlineExceeded):
			return "", -1, fmt.Errorf("llm: POST %s: no answer within the timeout of %v: %w", x.url, x.Timeout, context.DeadlineExceeded)
		}
		return "", 0, fmt.Errorf("llm: POST %s: %w", x.url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, x.MaxResponseBytes+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return "", -1, fmt.Errorf("llm: POST %s: answer not complete within the timeout of %v: %w", x.url, x.Timeout, err)
		}
		return "", -1, fmt.Errorf("llm: POST %s: reading the answer: %w", x.url, err)
	}
	if int64(len(data)) > x.MaxResponseBytes {
		return "", -1, fmt.Errorf("llm: POST %s: answer larger than the limit of %d bytes", x.url, x.MaxResponseBytes)
	}
	if resp.StatusCode != http.StatusOK {
		se := &StatusError{URL: x.url, Status: resp.StatusCode, Message: errorMessage(data)}
		if !retryable(resp.StatusCode) {
			return "", -1, se
		}
		return "", parseRetryAfter(resp.Header.Get("Retry-After")), se
	}
	var cr chatResponse
	if err := json.Unmarshal(data, &cr); err != nil {
		return "", -1, fmt.Errorf("llm: POST %s: answer is not a chat completion: %w", x.url, err)
	}
	if len(cr.Choices) == 0 {
		return "", -1, fmt.Errorf("llm: POST %s: answer has no choices", x.url)
	}
	c := cr.Choices[0]
	switch {
	case c.Message.Refusal != nil && *c.Message.Refusal != "":
		return "", -1, fmt.Errorf("llm: model %s refused: %s", x.model, *c.Message.Refusal)
	case c.FinishReason == "length":
		return "", -1, fmt.Errorf("llm: POST %s: the answer was cut off at the token limit (finish_reason length)", x.url)
	case c.Message.Content == nil:
		return "", -1, fmt.Errorf("llm: POST %s: answer has no message content", x.url)
	}
	return *c.Message.Content, 0, nil
}

// errorMessage is the server's error message, or the start of the body.
func errorMessage(data []byte) string {
	var eb errorBody
	if json.Unmarshal(data, &eb) == nil && len(eb.Error) > 0 {
		var obj struct {
			Message string `json:"message"`
		}
		var s string
		if json.Unmarshal(eb.Error, &obj) == nil && obj.Message != "" {
			return obj.Message
		}
		if json.Unmarshal(eb.Error, &s) == nil && s != "" {
			return s
		}
	}
	msg := strings.TrimSpace(string(data))
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return msg
}

// parseRetryAfter reads a Retry-After header given in seconds; an HTTP
// date or garbage gives 0 (use the backoff).
func parseRetryAfter(v string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}
