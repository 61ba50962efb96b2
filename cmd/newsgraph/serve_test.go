package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/graph/server"
)

// serving starts `newsgraph serve` in-process on a loopback port of the
// CLI's store and returns the server's URL and a func that stops it (as a
// signal would) and returns its exit code.
func serving(t *testing.T, c *cli, args ...string) (string, func() int) {
	t.Helper()
	u, _, stop := servingOut(t, c, args...)
	return u, stop
}

// servingOut is serving that also returns what the server printed so far.
func servingOut(t *testing.T, c *cli, args ...string) (string, func() string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var out strings.Builder
	w := &syncWriter{b: &out}
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), w, w, c.environ())
	}()
	printed := func() string {
		w.mu.Lock()
		defer w.mu.Unlock()
		return out.String()
	}
	addrFile := filepath.Join(c.env["NEWSGRAPH_DATA_DIR"], server.AddrFileName)
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
				return info.URL, printed, stop
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
	if _, err := os.Stat(filepath.Join(c.env["NEWSGRAPH_DATA_DIR"], server.AddrFileName)); !os.IsNotExist(err) {
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
	base, printed, _ := servingOut(t, c, "--allow-writes")
	quad := `<ng:entity/x> <ng:allied_with> <ng:entity/y> <ng:article/w> .`
	if code, body := httpPost(t, base+"/api/v2/write", quad); code != 401 {
		t.Errorf("write without the token: %d %s", code, body)
	}
	// The token is printed with the console's address, as Jupyter does.
	m := regexp.MustCompile(`(?m)^    (http://\S+)/\?token=([0-9a-f]{48})$`).FindStringSubmatch(printed())
	if m == nil || m[1] != base {
		t.Fatalf("no token printed for %s:\n%s", base, printed())
	}
	req, _ := http.NewRequest("POST", base+"/api/v2/write", strings.NewReader(quad))
	req.Header.Set("Authorization", "Bearer "+m[2])
	req.Header.Set("Content-Type", "application/n-quads")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("write with the printed token: %s", resp.Status)
	}
}

// runIn runs a command line that must succeed, with the given input.
func runIn(t *testing.T, c *cli, stdin string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, c.environ())
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

// headlessChromium starts Debian's Chromium headless, offline, with a
// profile of its own, and returns a browser context for a test of at
// most timeout, with an action that saves a screenshot into the test's
// artefacts ($NEWSGRAPH_ARTIFACTS, default: a temporary directory). The
// test is skipped where no Chromium is installed.
func headlessChromium(t *testing.T, timeout time.Duration) (context.Context, func(name string) chromedp.Action[chromedp.Void]) {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("no chromium binary found (install Debian's chromium: apt-get install chromium)")
	}
	artifacts := os.Getenv("NEWSGRAPH_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	// Chromium's helper processes may still write to the profile while the
	// browser exits, so it is removed best effort rather than by t.TempDir,
	// whose cleanup fails the test on a late write.
	profile, err := os.MkdirTemp("", "newsgraph-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(profile) })
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancel()
		cancelBrowser()
		cancelAlloc()
		t.Logf("screenshots in %s", artifacts)
	})
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
			buf, err := chromedp.CaptureScreenshot()(ctx, tab)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(artifacts, name), buf, 0o644)
		})
	}
	return ctx, shot
}

// into is an action that runs a and keeps its value in *out, so that a
// sequence of steps can read values from the page between its other steps.
func into[T any](a chromedp.Action[T], out *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tab *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, tab)
		if err != nil {
			return chromedp.Void{}, err
		}
		*out = v
		return chromedp.Void{}, nil
	}
}

// evaluate is an action that evaluates the JavaScript expression js in
// the page and keeps its value in *out.
func evaluate[T any](js string, out *T) chromedp.Action[chromedp.Void] {
	return into(chromedp.Evaluate[T](js), out)
}

// clearValue empties the value of the first element that the CSS selector
// sel matches and fires its input and change events, as
// chromedp.SetValue(sel, "", chromedp.ByQuery) did with chromedp v0.11.2.
// SetValue cannot set an empty value with v0.24.0: it passes the value to
// the page as a cdproto runtime.CallArgument, whose value field is
// omitempty under encoding/json/v2 (cdproto v0.160.1), which leaves out a
// JSON "", so the page gets undefined, the input holds "undefined" and
// SetValue fails with "could not set value on node".
func clearValue(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitReady(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](`(() => {
			const e = document.querySelector(`+strconv.Quote(sel)+`);
			e.value = "";
			e.dispatchEvent(new Event("input", {bubbles: true}));
			e.dispatchEvent(new Event("change", {bubbles: true}));
			if (e.value !== "") throw new Error("could not clear " + `+strconv.Quote(sel)+`);
		})()`),
	)
}

// TestConsoleInChromium opens the console served by `newsgraph serve` in a
// real headless Chromium, offline: types a Gizmo query into the editor,
// runs it and reads the results from the page, then the query-shape and
// visualize pages. Screenshots go to the test's artefacts.
func TestConsoleInChromium(t *testing.T) {
	ctx, shot := headlessChromium(t, 90*time.Second)
	c := seeded(t)
	base, _ := serving(t, c)

	// typeQuery clears the editor and types q key by key, as a person would.
	typeQuery := func(q string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(
			// Empty the query editor (the result viewers are JSON editors).
			chromedp.Evaluate[chromedp.Void](`monaco.editor.getModels().forEach(m => { if (m.getModeId() !== "json") m.setValue("") })`),
			chromedp.Click(chromedp.CSS(".monaco-editor textarea")),
			chromedp.SendKeys(chromedp.CSS(".monaco-editor textarea"), q),
		)
	}
	editorText := func(out *string) chromedp.Action[chromedp.Void] {
		return evaluate(`window.monaco ? monaco.editor.getModels().map(m => m.getValue()).join("\n") : ""`, out)
	}
	// The results are shown in a read-only editor of their own.
	waitEditors := func(text string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](`window.monaco && monaco.editor.getModels().some(m => m.getValue().includes(`+strconv.Quote(text)+`))`, chromedp.WithPollingTimeout(30*time.Second))
	}
	run := chromedp.Click(`//button[contains(., "Run")]`)
	nav := func(label string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(`//*[normalize-space(text())="` + label + `"]`)
	}

	const q = `g.V("<ng:entity/kataib-hezbollah>").Out("<ng:threatened>").All()`
	var typed, results string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(".monaco-editor textarea")), // the editor loaded, from our server
		typeQuery(q),
		editorText(&typed),
		shot("console-typed.png"),
		run,
		waitEditors("ng:entity/us-military"),
		editorText(&results),
		shot("console-query.png"),
	)
	if err != nil {
		t.Fatalf("query page: %v (typed %q)", err, typed)
	}
	if !strings.Contains(typed, q) {
		t.Errorf("the editor holds %q, want %q", typed, q)
	}
	if !strings.Contains(results, "ng:entity/us-military") {
		t.Errorf("results not on the page: %.500s", results)
	}

	// The query-shape page calls /api/v1/shape/gizmo.
	var shape string
	err = chromedp.Do(ctx,
		nav("Query Shape"),
		chromedp.WaitVisible(chromedp.CSS(".monaco-editor textarea")),
		typeQuery(`g.V("<ng:entity/kataib-hezbollah>").Tag("group").Out("<ng:threatened>").All()`),
		run,
		chromedp.Sleep(2*time.Second),
		shot("console-shape.png"),
		waitEditors("is_link_node"),
		editorText(&shape),
		shot("console-shape.png"),
	)
	if err != nil {
		t.Fatalf("query shape page: %v", err)
	}
	if !strings.Contains(shape, `"<ng:threatened>"`) {
		t.Errorf("shape page shows %q", shape)
	}

	// The visualize page draws a tagged query's source -> target links.
	var lines int
	err = chromedp.Do(ctx,
		nav("Visualize"),
		chromedp.WaitVisible(chromedp.CSS(".monaco-editor textarea")),
		// A small tagged query, so that the picture can be read: which
		// group attacked which base.
		typeQuery("g.V().Has(\"<rdf:type>\", \"<ng:ArmedGroup>\").Tag(\"source\")\n"+
			".Out(\"<ng:attacked>\").Has(\"<rdf:type>\", \"<ng:MilitaryBase>\").Tag(\"target\")\n"+
			".All()"),
		run,
		chromedp.WaitVisible(chromedp.CSS("svg line")),
		chromedp.Sleep(1500*time.Millisecond), // let the force layout settle for the picture
		evaluate(`document.querySelectorAll("svg line").length`, &lines),
		shot("console-visualize.png"),
	)
	t.Logf("visualize drew %d links", lines)
	if err != nil {
		t.Fatalf("visualize page: %v", err)
	}
	if lines < 3 {
		t.Errorf("visualize drew %d links", lines)
	}
}
