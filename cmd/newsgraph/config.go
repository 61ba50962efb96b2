package main

import (
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/redact"
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

// masked hides secrets (the API key, and passwords in the DSN and in
// every URL), so that the output can be pasted into a bug report.
func masked(c config.Config) config.Config {
	if c.Extract.LLM.APIKey != "" {
		c.Extract.LLM.APIKey = "********"
	}
	c.Store.DSN = redact.Secrets(c.Store.DSN)
	c.Extract.LLM.Endpoint = redact.Secrets(c.Extract.LLM.Endpoint)
	srcs := make([]config.Source, len(c.Sources))
	for i, s := range c.Sources {
		s.Name, s.Feed = redact.Secrets(s.Name), redact.Secrets(s.Feed)
		s.URLs = make([]string, len(c.Sources[i].URLs))
		for j, u := range c.Sources[i].URLs {
			s.URLs[j] = redact.Secrets(u)
		}
		srcs[i] = s
	}
	c.Sources = srcs
	return c
}
