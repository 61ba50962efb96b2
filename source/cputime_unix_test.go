//go:build unix

package source

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time this process has used, so that a
// benchmark on a shared machine can report throughput per CPU-second,
// which other processes' load does not dilute the way it dilutes wall
// time.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
