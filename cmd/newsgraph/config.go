package main

import (
	"net/url"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/newsgraph/newsgraph/config"
)

func (a *app) configCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration (defaults, file, environment and flags merged)",
		Long: `Print the effective configuration: defaults, then newsgraph.yaml (or
--config), then NEWSGRAPH_* environment variables, then flags. Secrets (the
LLM API key, a DSN's password) are masked.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			enc := yaml.NewEncoder(a.stdout)
			enc.SetIndent(2)
			if err := enc.Encode(masked(a.cfg)); err != nil {
				return err
			}
			return enc.Close()
		},
	}
}

// masked hides secrets, so that the output can be pasted into a bug report.
func masked(c config.Config) config.Config {
	if c.Extract.LLM.APIKey != "" {
		c.Extract.LLM.APIKey = "********"
	}
	if u, err := url.Parse(c.Store.DSN); err == nil {
		c.Store.DSN = u.Redacted()
	}
	return c
}
