package ingest

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestOrdered checks that results come in the order items were produced
// although workers finish out of order, that errors stop the run, and that
// a cancelled run ends.
func TestOrdered(t *testing.T) {
	errConsume, errProduce := errors.New("consume"), errors.New("produce")
	tests := []struct {
		name        string
		items       int
		workers     int
		failConsume int // item whose consumption fails; -1 for none
		failProduce bool
		want        error
		wantN       int // results consumed
	}{
		{"all in order", 200, 4, -1, false, nil, 200},
		{"one worker", 20, 1, -1, false, nil, 20},
		{"default workers", 50, 0, -1, false, nil, 50},
		{"none", 0, 3, -1, false, nil, 0},
		{"consume fails", 100, 4, 10, false, errConsume, 10},
		{"produce fails after its items", 30, 4, -1, true, errProduce, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			produce := func(yield func(int) bool) error {
				for i := range tt.items {
					if !yield(i) {
						return nil
					}
				}
				if tt.failProduce {
					return errProduce
				}
				return nil
			}
			work := func(_ context.Context, i int) int {
				time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
				return i * i
			}
			consume := func(r int) error {
				if len(got) == tt.failConsume {
					return errConsume
				}
				got = append(got, r)
				return nil
			}
			err := Ordered(context.Background(), tt.workers, produce, work, consume)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if len(got) != tt.wantN {
				t.Fatalf("%d results, want %d", len(got), tt.wantN)
			}
			for i, r := range got {
				if r != i*i {
					t.Fatalf("result %d is %d: out of order (%v)", i, r, got[:min(len(got), 10)])
				}
			}
		})
	}
}

// TestOrderedCancel cancels a run whose producer never ends: Ordered
// returns the context's error.
func TestOrderedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var got []int
	err := Ordered(ctx, 2, func(yield func(int) bool) error {
		for i := 0; ; i++ {
			if !yield(i) {
				return nil
			}
		}
	}, func(_ context.Context, i int) int { return i }, func(r int) error {
		got = append(got, r)
		if r == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if !slices.Equal(got[:6], []int{0, 1, 2, 3, 4, 5}) {
		t.Fatalf("got %v", got)
	}
}
