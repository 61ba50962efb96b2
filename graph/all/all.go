// Package all links every newsgraph backend into a program, as Cayley's
// graph/all does: a program (or a test) that opens stores by the name in
// its configuration imports it for its side effects.
package all

import (
	_ "github.com/newsgraph/newsgraph/graph/bolt"     // "bolt", the default
	_ "github.com/newsgraph/newsgraph/graph/memory"   // "memory"
	_ "github.com/newsgraph/newsgraph/graph/postgres" // "postgres", "cockroach"
)
