package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/server"
)

// serving starts `newsgraph serve` in-process on a loopback port of the
// CLI's store and returns the server's URL and a func that stops it (as a
// signal would) and returns its exit code.
func serving(t *testing.T, c *cli, args ...string) (string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var out strings.Builder
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), &syncWriter{b: &out}, &syncWriter{b: &out}, func(k string) string { return c.env[k] })
	}()
	addrFile := filepath.Join(c.env["NEWSGRAPH_DATA_DIR"], "store", server.AddrFileName)
	deadline := time.Now().Add(20 * time.Second)
	for {
		b, err := os.ReadFile(addrFile)
		if err == nil {
			var info server.AddrInfo
			if json.Unmarshal(b, &info) == nil && info.URL != "" {
				stopped := false
				stop := func() int {
					if stopped {
						return 0
					}
					stopped = true
					cancel()
					return <-done
				}
				t.Cleanup(func() { stop() })
				return info.URL, stop
			}
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d before listening: %s", code, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve wrote no address file: %s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeSharesTheStore(t *testing.T) {
	c := seeded(t)
	direct := c.mustRun("path", "Kataib Hizbollah", "Ain al-Asad", "--format", "json")
	base, stop := serving(t, c)
	// The store is locked by the server: path and repl go through it and
	// answer exactly as they did on the store itself.
	if got := c.mustRun("path", "Kataib Hizbollah", "Ain al-Asad", "--format", "json"); got != direct {
		t.Errorf("path through the server differs:\n%s\nvs\n%s", got, direct)
	}
	_, errs, code := c.run("path", "Kataib", "Ain al-Asad")
	if code == 0 || !strings.Contains(errs, "Kata'ib Sayyid al-Shuhada") {
		t.Errorf("ambiguous name through the server: exit %d: %s", code, errs)
	}
	if out := c.mustRun("timeline", "Nujaba"); !strings.Contains(out, "2 event(s)") {
		t.Errorf("timeline through the server: %s", out)
	}
	if out := runIn(t, c, `g.V("<ng:entity/kataib-hezbollah>").Out("<ng:threatened>").All()`+"\n:quit\n", "repl"); !strings.Contains(out, "ng:entity/us-military") {
		t.Errorf("repl through the server: %s", out)
	}
	if code, body := httpGet(t, base+"/api/status"); code != 200 || !strings.Contains(body, `"allow_writes":false`) {
		t.Errorf("status: %d %s", code, body)
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exit %d after the signal", code)
	}
	if _, err := os.Stat(filepath.Join(c.env["NEWSGRAPH_DATA_DIR"], "store", server.AddrFileName)); !os.IsNotExist(err) {
		t.Errorf("address file left behind: %v", err)
	}
	// The store is free again.
	if got := c.mustRun("path", "Kataib Hizbollah", "Ain al-Asad", "--format", "json"); got != direct {
		t.Error("path after the server stopped differs")
	}
}

func TestServeWriteFlags(t *testing.T) {
	c := seeded(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:0", "--allow-writes"}, "--allow-remote-writes"},
		{[]string{"serve", "--allow-remote-writes"}, "needs --allow-writes"},
	} {
		_, errs, code := c.run(tt.args...)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, %s", tt.args, code, errs)
		}
	}
	base, _ := serving(t, c, "--allow-writes")
	if code, body := httpPost(t, base+"/api/v2/write", `<ng:entity/x> <ng:allied_with> <ng:entity/y> <ng:article/w> .`); code != 200 {
		t.Errorf("write with --allow-writes: %d %s", code, body)
	}
}

// runIn runs a command line that must succeed, with the given input.
func runIn(t *testing.T, c *cli, stdin string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(k string) string { return c.env[k] })
	if code != 0 {
		t.Fatalf("newsgraph %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

// syncWriter lets a server goroutine and the test share a buffer.
type syncWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func httpGet(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func httpPost(t *testing.T, u, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(u, "text/plain", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
