package rebuild

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Status is what `newsgraph status` and GET /status report.
type Status struct {
	LastRun     *Run       `json:"last_run,omitempty"`
	LastSuccess *time.Time `json:"last_success,omitempty"`
	Runs        int64      `json:"runs"`     // rebuilds recorded
	Failures    int64      `json:"failures"` // of which could not complete
	// Filled in when read, not stored:
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
	lockDir := filepath.Join(dataDir, "rebuild")
	if graph.SupportsGenerations(store.Backend) {
		lockDir = store.Path
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
	return s, nil
}

// StatusHandler serves ReadStatus as JSON (GET /status). It answers 200
// whatever the last run did, with the reason in the body; 500 only when
// the status cannot be read.
func StatusHandler(dataDir string, store graph.Config) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s, err := ReadStatus(dataDir, store)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
			return
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(s)
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

	path := StatusPath(r.opts.DataDir)
	s, rerr := readStatusFile(path)
	if rerr != nil {
		r.log.Warn("status file unreadable; starting a new one", "err", rerr)
		s = Status{}
	}
	run := &Run{Started: start, Finished: finished, OK: err == nil, Summary: sum}
	if err != nil {
		run.Error = err.Error()
		s.Failures++
	} else {
		s.LastSuccess = &finished
	}
	s.LastRun = run
	s.Runs++
	s.Running, s.Generation, s.Generations = false, "", nil
	b, _ := json.MarshalIndent(s, "", "  ")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
		err = graph.WriteFileAtomic(path, append(b, '\n'))
		if err != nil {
			r.log.Error("writing the rebuild status", "path", path, "err", err)
		}
	}
}
