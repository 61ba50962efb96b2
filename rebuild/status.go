package rebuild

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/redact"
)

// Status is what `newsgraph status` and GET /status report.
type Status struct {
	LastRun     *Run       `json:"last_run,omitempty"`
	LastSuccess *time.Time `json:"last_success,omitempty"`
	Runs        int64      `json:"runs"`     // rebuilds recorded
	Failures    int64      `json:"failures"` // of which could not complete
	// Unfinished is the rebuild that began and has not recorded its end:
	// the one running now or, when none is (Interrupted), one that was
	// killed or crashed before it could.
	Unfinished *Unfinished `json:"unfinished,omitempty"`
	// Filled in when read, not stored:
	Interrupted bool               `json:"interrupted"`          // Unfinished, and no rebuild runs: it was killed
	Running     bool               `json:"running"`              // a rebuild holds the lock now
	Generation  string             `json:"generation,omitempty"` // the live generation
	Generations []graph.Generation `json:"generations,omitempty"`
}

// Run is one rebuild as recorded.
type Run struct {
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	OK       bool      `json:"ok"`              // it completed (some articles may still have failed)
	Error    string    `json:"error,omitempty"` // why it could not complete
	Summary
}

// Unfinished is a rebuild as recorded when it begins.
type Unfinished struct {
	Started time.Time `json:"started"`
	PID     int       `json:"pid"`
}

// interruptedError is the error recorded for a rebuild that never
// recorded its end.
func (u *Unfinished) interruptedError() string {
	return fmt.Sprintf("interrupted: the rebuild begun by process %d never finished (killed or crashed); the live graph is as it was before it", u.PID)
}

// StatusPath is where rebuilds record their status.
func StatusPath(dataDir string) string {
	return filepath.Join(dataDir, "rebuild", "status.json")
}

// readStatusFile reads the recorded status; a missing file is an empty
// status.
func readStatusFile(path string) (Status, error) {
	var s Status
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return Status{}, fmt.Errorf("rebuild: reading %s: %w", path, err)
	}
	return s, nil
}

// ReadStatus returns the recorded status of the last rebuild, with what
// is live now: whether a rebuild is running and, for an embedded store,
// its generations.
func ReadStatus(dataDir string, store graph.Config) (Status, error) {
	s, err := readStatusFile(StatusPath(dataDir))
	if err != nil {
		return s, err
	}
	s = s.mapText(redact.Secrets) // files written before passwords were masked
	lockDir := lockPath(dataDir, store)
	if store.Capabilities().Generations {
		gens := graph.NewGenerations(store.Path)
		if s.Generation, err = gens.Current(); err != nil {
			return s, err
		}
		if s.Generations, err = gens.List(); err != nil {
			return s, err
		}
	}
	if _, err := os.Stat(lockDir); err == nil {
		unlock, err := graph.NewGenerations(lockDir).Lock()
		if errors.Is(err, graph.ErrBusy) {
			s.Running = true
		} else if err == nil {
			unlock()
		}
	}
	s.Interrupted = s.Unfinished != nil && !s.Running
	return s, nil
}

// StatusHandler serves ReadStatus as JSON (GET /status). It answers 200
// whatever the last run did, with the reason in the body; 500 only when
// the status cannot be read. Paths in it are shown relative to the data
// directory, and paths outside it by their last element: how the
// server's disk is laid out is none of a client's business.
func StatusHandler(dataDir string, store graph.Config) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s, err := ReadStatus(dataDir, store)
		s = s.mapText(relativePaths(dataDir))
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			json.NewEncoder(w).Encode(map[string]string{"error": relativePaths(dataDir)(err.Error())})
			return
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(s)
	})
}

// begin records that a rebuild has begun (the caller holds the lock), so
// that one killed before it can record its end (SIGKILL, the OOM killer, a
// power cut) is seen by status. A rebuild found unfinished from before is
// recorded as a run that could not complete.
func (r *Rebuilder) begin(start time.Time) {
	r.updateStatus(func(s *Status) {
		if u := s.Unfinished; u != nil {
			s.LastRun = &Run{Started: u.Started, OK: false, Error: u.interruptedError()}
			s.Runs++
			s.Failures++
		}
		s.Unfinished = &Unfinished{Started: start, PID: os.Getpid()}
	})
}

// record writes the status file, logs the run and updates the metrics.
func (r *Rebuilder) record(start time.Time, sum Summary, err error) {
	finished := time.Now()
	attrs := []any{"seconds", sum.Seconds, "mode", sum.Mode, "generation", sum.Generation,
		"added", sum.Added, "changed", sum.Changed, "removed", sum.Removed,
		"unchanged", sum.Unchanged, "failed", sum.Failed, "quads", sum.Quads}
	if errors.Is(err, graph.ErrBusy) {
		// Another process is rebuilding: its run is the one to record.
		r.log.Warn("rebuild skipped", "err", err)
		if r.opts.Metrics != nil {
			r.opts.Metrics.Rebuilds.WithLabelValues("skipped").Inc()
		}
		return
	}
	if err != nil {
		r.log.Error("rebuild failed", append(attrs, "err", err)...)
	} else {
		r.log.Info("rebuild finished", attrs...)
	}
	r.opts.Metrics.observe(sum, err, finished)

	r.updateStatus(func(s *Status) {
		run := &Run{Started: start, Finished: finished, OK: err == nil, Summary: sum}
		if err != nil {
			run.Error = redact.Secrets(err.Error())
			s.Failures++
		} else {
			s.LastSuccess = &finished
		}
		s.LastRun = run
		s.Runs++
		if s.Unfinished != nil && s.Unfinished.PID == os.Getpid() {
			s.Unfinished = nil // ours; another's (a run that failed to lock) stays
		}
	})
}

// updateStatus reads the status file, changes it with fn and writes it
// back atomically.
func (r *Rebuilder) updateStatus(fn func(*Status)) {
	path := StatusPath(r.opts.DataDir)
	s, rerr := readStatusFile(path)
	if rerr != nil {
		r.log.Warn("status file unreadable; starting a new one", "err", rerr)
		s = Status{}
	}
	fn(&s)
	s.Interrupted, s.Running, s.Generation, s.Generations = false, false, "", nil
	b, _ := json.MarshalIndent(s, "", "  ")
	err := os.MkdirAll(filepath.Dir(path), 0o755)
	if err == nil {
		err = graph.WriteFileAtomic(path, append(b, '\n'))
	}
	if err != nil {
		r.log.Error("writing the rebuild status", "path", path, "err", err)
	}
}

// mapText returns the status with f applied to every text in it that may
// hold a path or a URL: the run's errors and its sources' names and errors.
func (s Status) mapText(f func(string) string) Status {
	if s.LastRun == nil {
		return s
	}
	r := *s.LastRun
	r.Error = f(r.Error)
	r.Errors = make([]string, len(s.LastRun.Errors))
	for i, e := range s.LastRun.Errors {
		r.Errors[i] = f(e)
	}
	r.Sources = make([]SourceResult, len(s.LastRun.Sources))
	for i, src := range s.LastRun.Sources {
		src.Name, src.Error = f(src.Name), f(src.Error)
		r.Sources[i] = src
	}
	if len(r.Errors) == 0 {
		r.Errors = nil
	}
	if len(r.Sources) == 0 {
		r.Sources = nil
	}
	s.LastRun = &r
	return s
}

// absPath matches an absolute path in a message: a slash at the start or
// after a space, quote, parenthesis or colon, up to the next such
// character. URLs ("http://...") are left alone.
var absPath = regexp.MustCompile(`(^|[\s"'(=])(/[^\s"'(),:]+)`)

// relativePaths returns a func that rewrites the absolute paths in a
// text: under dataDir, relative to it; elsewhere, ".../" and the last
// element.
func relativePaths(dataDir string) func(string) string {
	root := filepath.Clean(dataDir)
	return func(s string) string {
		return absPath.ReplaceAllStringFunc(s, func(m string) string {
			i := strings.Index(m, "/")
			lead, p := m[:i], filepath.Clean(m[i:])
			if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") {
				return lead + rel
			}
			return lead + ".../" + filepath.Base(p)
		})
	}
}
