//go:build !unix

package source

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
