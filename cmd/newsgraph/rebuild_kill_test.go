package main

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/rebuild"
)

// TestRebuildSurvivesSIGKILL kills `newsgraph rebuild` with SIGKILL at
// every step between writing a generation and making it live, and after
// random delays, while a "server" (a graph.Handle, as serve holds) follows
// the store. After every kill the live generation must open, answer
// Gizmo queries and hold one complete graph, the old or the new; the next
// rebuild must succeed.
func TestRebuildSurvivesSIGKILL(t *testing.T) {
	boltOnly(t, "kills rebuilds between writing a generation and making it live; PostgreSQL has no generations")
	if testing.Short() {
		t.Skip("builds the binary and runs many rebuilds")
	}
	ctx := context.Background()
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const n = 100
	corpora := [2]string{filepath.Join(tmp, "a"), filepath.Join(tmp, "b")}
	for i, dir := range corpora {
		if _, err := corpus.WriteDir(dir, int64(i+1), n, 2); err != nil {
			t.Fatal(err)
		}
	}
	articles := filepath.Join(tmp, "articles")

	// rebuild runs the binary on articles with dataDir, --full if full;
	// extra is added to its environment.
	rebuild := func(dataDir string, full bool, extra ...string) *exec.Cmd {
		cmd := exec.Command(bin, "rebuild", "--format", "json", "--source", articles)
		if full {
			cmd.Args = append(cmd.Args, "--full")
		}
		cmd.Env = append(os.Environ(), append([]string{"NEWSGRAPH_DATA_DIR=" + dataDir, "NEWSGRAPH_LOG_LEVEL=error", "NEWSGRAPH_EXTRACT_WORKERS=2"}, extra...)...)
		return cmd
	}
	complete := func(dataDir string) (quads int64, took time.Duration) {
		t.Helper()
		start := time.Now()
		cmd := rebuild(dataDir, false)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("rebuild: %v\n%s%s", err, out, stderr.String())
		}
		var sum struct{ Quads int64 }
		if err := json.Unmarshal(out, &sum); err != nil {
			t.Fatalf("rebuild printed %q: %v", out, err)
		}
		return sum.Quads, time.Since(start)
	}
	use := func(c int) {
		t.Helper()
		if err := os.RemoveAll(articles); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(articles, os.DirFS(corpora[c])); err != nil {
			t.Fatal(err)
		}
	}

	// The two complete graphs, each built alone.
	var want [2]int64
	var slowest time.Duration
	fastest := time.Duration(math.MaxInt64)
	for c := range corpora {
		use(c)
		q, took := complete(filepath.Join(tmp, "ref", string(rune('a'+c))))
		want[c], slowest, fastest = q, max(slowest, took), min(fastest, took)
	}
	if want[0] == want[1] {
		t.Fatalf("both corpora give %d quads: the test could not tell them apart", want[0])
	}
	t.Logf("complete graphs: %v quads; a full rebuild takes %s to %s", want, fastest, slowest)

	dataDir := filepath.Join(tmp, "data")
	storeCfg := graph.Config{Path: filepath.Join(dataDir, "store")}
	use(0)
	complete(dataDir)
	h, err := graph.OpenHandle(ctx, storeCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	live := 0 // which corpus the live graph holds

	// verify checks the served graph after a kill and returns which
	// corpus it holds.
	verify := func(what string) int {
		t.Helper()
		if _, err := h.Reload(ctx, storeCfg); err != nil {
			t.Fatalf("%s: the server cannot open the live generation: %v", what, err)
		}
		if _, err := h.Query(ctx, `g.V("<ng:entity/iraq>").In().Count()`, graph.QueryOptions{Timeout: 10 * time.Second}); err != nil {
			t.Fatalf("%s: Gizmo query on the live generation: %v", what, err)
		}
		st, release := h.Acquire()
		defer release()
		s, err := st.Stats(ctx)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		i := slices.Index(want[:], s.Quads)
		if i < 0 {
			t.Fatalf("%s: the live generation %s holds %d quads, neither complete graph %v", what, h.Generation(), s.Quads, want)
		}
		return i
	}
	killed := 0 // runs the SIGKILL caught before they finished
	kill := func(what string, cmd *exec.Cmd) {
		t.Helper()
		err := cmd.Wait()
		var ee *exec.ExitError
		if err != nil && !(errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL) {
			t.Fatalf("%s: rebuild ended with %v, not a SIGKILL", what, err)
		}
		if err != nil {
			killed++
		}
	}

	kills := 0
	// Each step of making a generation live.
	for _, point := range []string{"after-begin", "before-commit", "before-rename", "before-current", "after-current"} {
		target := 1 - live
		use(target)
		// Full builds, but for after-begin, which kills an incremental
		// rebuild right after it recycled or copied a generation.
		cmd := rebuild(dataDir, point != "after-begin", "NEWSGRAPH_CRASH_AT="+point)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		kill(point, cmd)
		kills++
		live = verify("killed at " + point)
		if s := status(t, dataDir); !s.Interrupted || s.Unfinished == nil || s.Unfinished.PID != cmd.Process.Pid {
			t.Errorf("killed at %s: status shows interrupted %v, unfinished %+v; want the killed process %d", point, s.Interrupted, s.Unfinished, cmd.Process.Pid)
		}
		if wantLive := map[bool]int{true: target, false: 1 - target}[point == "after-current"]; live != wantLive {
			t.Errorf("killed at %s: the live graph is corpus %d, want %d", point, live, wantLive)
		}
	}
	// Random moments, most of them in the middle of extraction.
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 12; i++ {
		target := 1 - live
		use(target)
		cmd := rebuild(dataDir, i%2 == 1) // incremental (every article replaced) and full in turn
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Once the run has recorded that it began (a process killed
		// before it leaves no run to count), and within the fastest build
		// seen, so that a machine whose load goes away still sees its
		// rebuilds killed mid-way.
		waitBegun(t, dataDir, cmd.Process.Pid)
		time.Sleep(time.Duration(rng.Int64N(int64(fastest * 8 / 10))))
		cmd.Process.Signal(syscall.SIGKILL)
		kill("random kill", cmd)
		kills++
		live = verify("random kill")
	}

	if killed < kills*2/3 {
		t.Errorf("only %d of %d rebuilds were killed before they finished", killed, kills)
	}
	t.Logf("%d of %d rebuilds killed mid-way", killed, kills)

	// The next rebuild (incremental, after the kills) succeeds,
	// cleans up, and the server follows it.
	target := live
	use(target)
	if q, _ := complete(dataDir); q != want[target] {
		t.Errorf("rebuild after %d kills: %d quads, want %d", kills, q, want[target])
	}
	if got := verify("after the final rebuild"); got != target {
		t.Errorf("final graph holds corpus %d, want %d", got, target)
	}
	// Every killed run was recorded as one that could not complete when
	// the next began; none is left unfinished.
	if s := status(t, dataDir); s.Interrupted || s.Unfinished != nil || s.Failures != int64(killed) || !s.LastRun.OK {
		t.Errorf("status after the final rebuild: interrupted %v, unfinished %+v, %d failures (want %d), last run ok %v",
			s.Interrupted, s.Unfinished, s.Failures, killed, s.LastRun.OK)
	}
	if g := h.Generation(); g != mustCurrent(t, storeCfg.Path) {
		t.Errorf("the server serves %s, not the live generation", g)
	}
	ents, _ := os.ReadDir(storeCfg.Path)
	var gens []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "gen-") {
			gens = append(gens, e.Name())
		}
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("leftover partial %s after a successful rebuild", e.Name())
		}
	}
	if len(gens) > 3 {
		t.Errorf("generations not pruned: %v", gens)
	}
}

func mustCurrent(t *testing.T, root string) string {
	t.Helper()
	cur, err := graph.NewGenerations(root).Current()
	if err != nil || cur == "" {
		t.Fatalf("CURRENT: %q, %v", cur, err)
	}
	return cur
}

// status runs newsgraph status on a data directory.
// waitBegun waits until the rebuild of process pid has recorded in the
// status file that it began.
func waitBegun(t *testing.T, dataDir string, pid int) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		var s rebuild.Status
		if b, err := os.ReadFile(rebuild.StatusPath(dataDir)); err == nil && json.Unmarshal(b, &s) == nil &&
			s.Unfinished != nil && s.Unfinished.PID == pid {
			return
		}
	}
	t.Fatalf("the rebuild of process %d did not record that it began within 30 s", pid)
}

func status(t *testing.T, dataDir string) rebuild.Status {
	t.Helper()
	c := &cli{t: t, env: map[string]string{"NEWSGRAPH_DATA_DIR": dataDir}}
	var s rebuild.Status
	if err := json.Unmarshal([]byte(c.mustRun("status", "--format", "json")), &s); err != nil {
		t.Fatal(err)
	}
	return s
}
