// Command newsgraph builds a knowledge graph of armed groups, bases,
// officials, agreements and events from conflict and security news, loads
// it into Cayley, and answers queries over it.
//
// Each subcommand lives in its own file; subcommands parse flags and call
// packages, with no logic of their own.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	_ "github.com/newsgraph/newsgraph/extract/all" // every extractor, by name
	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/redact"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Environ())
	stop()
	os.Exit(code)
}

// app is what every subcommand shares: its streams, environment ("KEY=value"
// pairs, os.Environ's form) and, once loaded, the configuration and logger.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	environ        []string
	configFile     string
	cfg            config.Config
	log            *slog.Logger
}

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, environ []string) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, environ: environ}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(stderr, "newsgraph:", err)
		return 1
	}
	return 0
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "newsgraph",
		Short:         "Build a knowledge graph of conflict and security news in Cayley",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.load(cmd)
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.configFile, "config", "", "configuration file (default ./"+config.FileName+" if present)")
	pf.String("data-dir", "", "data directory (store, caches); env NEWSGRAPH_DATA_DIR")
	pf.String("backend", "", "store backend: "+fmt.Sprint(graph.Backends()))
	pf.String("dsn", "", "connection string for a server backend")
	pf.String("log-level", "", "log level: debug, info, warn, error")
	root.AddCommand(
		a.configCmd(),
		a.buildCmd(),
		a.extractCmd(),
		a.queryCmd(),
		a.exportCmd(),
		a.evalCmd(),
		a.explainCmd(),
		a.rebuildCmd(),
		a.rollbackCmd(),
		a.statusCmd(),
		a.serveCmd(),
		a.replCmd(),
		a.pathCmd(),
		a.neighborsCmd(),
		a.timelineCmd(),
		a.conflictsCmd(),
		a.incidentsCmd(),
	)
	return root
}

// load reads the configuration for cmd and sets up logging.
func (a *app) load(cmd *cobra.Command) error {
	cfg, err := config.Load(config.Options{
		File:    a.configFile,
		Flags:   cmd.Flags(),
		Environ: a.environ,
		Choices: map[string][]string{
			"store.backend":     graph.Backends(),
			"extract.extractor": extract.Names(),
		},
	})
	if err != nil {
		return err
	}
	a.cfg = cfg
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.Log.Level)); err != nil {
		return err
	}
	hopts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		a.log = slog.New(redact.Handler(slog.NewJSONHandler(a.stderr, hopts)))
	} else {
		a.log = slog.New(redact.Handler(slog.NewTextHandler(a.stderr, hopts)))
	}
	return nil
}

// openReadOnly opens the configured store for commands that only read
// (graph.Config.ReadOnly).
func (a *app) openReadOnly(ctx context.Context) (*graph.Store, error) {
	return a.open(ctx, true)
}

// storeConfig is the configured store.
func (a *app) storeConfig(readOnly bool) graph.Config {
	return graph.Config{Backend: a.cfg.Store.Backend, Path: a.cfg.Store.Path, DSN: a.cfg.Store.DSN, ReadOnly: readOnly}
}

func (a *app) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	st, _, err := a.openAt(ctx, readOnly)
	return st, err
}

// openAt is open that also returns the configuration of the store it
// opened: on bolt, the directory of the generation that was live.
func (a *app) openAt(ctx context.Context, readOnly bool) (*graph.Store, graph.Config, error) {
	cfg, err := graph.ResolveConfig(a.storeConfig(readOnly))
	if err != nil {
		return nil, cfg, err
	}
	st, err := graph.Open(ctx, cfg)
	return st, cfg, err
}

// engine opens the configured store for reading and returns the engine
// that answers path, neighbors, timeline and export's subgraphs on it, and
// the function that closes both. The engine reads the name index kept
// with the store (names.LoadKept), so that a command resolves its names
// without reading every entity while the store is unchanged.
func (a *app) engine(ctx context.Context) (*server.Engine, *graph.Store, func(), error) {
	st, err := a.openReadOnly(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	h := graph.NewHandle(st, "")
	return server.NewEngine(h, false, a.log), st, func() { h.Close() }, nil
}

// extractor builds the configured extractor.
func (a *app) extractor() (extract.Extractor, error) {
	l := a.cfg.Extract.LLM
	return extract.New(a.cfg.Extract.Extractor, extract.Options{LexiconDir: a.cfg.Extract.LexiconDir, LLM: extract.LLMOptions{
		Endpoint: l.Endpoint, Model: l.Model, APIKey: l.APIKey, CacheDir: l.CacheDir,
	}})
}
