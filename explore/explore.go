// Package explore holds the explorer page that `newsgraph serve` serves
// at /explore/: a search box, entity cards, timelines, paths and a graph
// view over the server's JSON routes. Its source is the TypeScript in
// src/, built with Vite from the packages pinned in package-lock.json;
// the built page (dist/) is committed, so building newsgraph needs
// neither Node.js nor the npm registry. After changing src/, run
// `go generate ./explore` and commit dist/.
package explore

import (
	"embed"
	"io/fs"
)

//go:generate npm ci --no-audit --no-fund
//go:generate npm run build

//go:embed dist
var dist embed.FS

// FS returns the built page: index.html and its assets/.
func FS() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded above: it is always there
	}
	return sub
}
