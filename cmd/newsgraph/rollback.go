package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) rollbackCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rollback",
		Short: "Make the previous generation of the store live again",
		Long: `Make the generation the live one was built from live again (the embedded
store keeps rebuild.keep earlier generations). A server following the store
switches to it without a restart. The generation rolled back from is
removed by the next rebuild, which starts from the one now live.

Only the embedded store (bolt) has generations: on a server backend
(postgres), rebuilds write in place and rollback refuses.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !a.storeConfig(false).Capabilities().Generations {
				return fmt.Errorf("rollback needs generations, which the %s backend does not have; see docs/operations.md", a.cfg.Store.Backend)
			}
			gens := graph.NewGenerations(a.cfg.Store.Path)
			unlock, err := gens.Lock()
			if err != nil {
				return err
			}
			defer unlock()
			from, to, err := gens.Rollback()
			if err != nil {
				return err
			}
			a.log.Info("rolled back", "from", from, "to", to)
			fmt.Fprintf(a.stdout, "rolled back from %s to %s\n", from, to)
			return nil
		},
	}
}
