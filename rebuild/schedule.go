package rebuild

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	// robfig/cron rather than go-co-op/gocron: it takes the same five-field
	// specs as crontab, systemd users' cron jobs and Kubernetes CronJobs
	// (plus @hourly, @every 10m), so one schedule string works in every
	// place docs/operations.md describes; it is small, has no dependencies,
	// and its API has been stable for years. gocron's fluent API and
	// distributed-locking features are more than a single process needs.
	"github.com/robfig/cron/v3"
)

// Scheduler runs a Rebuilder on a cron schedule, inside a long-running
// process (`newsgraph serve --schedule`). A run still going when the next
// is due makes that one skip.
type Scheduler struct {
	c    *cron.Cron
	r    *Rebuilder
	log  *slog.Logger
	ctx  context.Context
	stop context.CancelFunc
	wg   sync.WaitGroup
	// OnRun, if set, is called after each run (for tests and metrics).
	OnRun func(Summary, error)
}

// NewScheduler checks spec (five cron fields, or a descriptor such as
// @hourly or @every 10m) and returns a scheduler, not yet started.
func NewScheduler(spec string, r *Rebuilder, log *slog.Logger) (*Scheduler, error) {
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("rebuild: schedule %q: %w", spec, err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, stop := context.WithCancel(context.Background())
	s := &Scheduler{r: r, log: log, ctx: ctx, stop: stop}
	s.c = cron.New(cron.WithChain(cron.SkipIfStillRunning(cronLogger{log})))
	s.c.Schedule(sched, cron.FuncJob(s.run))
	return s, nil
}

func (s *Scheduler) run() {
	s.wg.Add(1)
	defer s.wg.Done()
	if s.ctx.Err() != nil {
		return
	}
	sum, err := s.r.Run(s.ctx)
	if s.OnRun != nil {
		s.OnRun(sum, err)
	}
}

// Start starts the schedule in the background.
func (s *Scheduler) Start() { s.c.Start() }

// Stop stops the schedule, cancels a run in progress (which leaves the live
// generation as it was) and waits for it to end.
func (s *Scheduler) Stop() {
	s.stop()
	<-s.c.Stop().Done()
	s.wg.Wait()
}

// cronLogger sends cron's messages to slog.
type cronLogger struct{ log *slog.Logger }

// Info logs cron's routine messages at debug level.
func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

// Error logs cron's errors.
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
