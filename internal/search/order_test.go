package search

import (
	"encoding/json"
	"math/rand"
	"slices"
	"testing"
)

func TestAppendRuns(t *testing.T) {
	for _, tt := range []struct {
		order []int32
		want  string
	}{
		{nil, `[]`},
		{[]int32{0}, `[[0,0]]`},
		{[]int32{4, 3, 2, 1, 0}, `[[4,0]]`},                         // dated only
		{[]int32{6, 5, 4, 0, 1, 2, 3}, `[[6,4],[0,3]]`},             // undated pages last, by URL
		{[]int32{6, 5, 3, 2, 1, 4, 0}, `[[6,5],[3,1],[4,4],[0,0]]`}, // a project shown at its older date
		{[]int32{2, 1, 0, 3, 4}, `[[2,0],[3,4]]`},
	} {
		if got := string(appendRuns(nil, tt.order)); got != tt.want {
			t.Errorf("appendRuns(%v) = %s, want %s", tt.order, got, tt.want)
		}
	}
}

// TestRunsReadBack reads runs back as search.js does, over random orders.
func TestRunsReadBack(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 500 {
		order := make([]int32, rng.Intn(40))
		for i := range order {
			order[i] = int32(i)
		}
		// Mostly in order, as a site is: a few moves.
		for range rng.Intn(6) {
			if len(order) > 1 {
				i, j := rng.Intn(len(order)), rng.Intn(len(order))
				order[i], order[j] = order[j], order[i]
			}
		}
		if rng.Intn(2) == 0 {
			slices.Reverse(order)
		}
		var runs [][2]int32
		if err := json.Unmarshal(appendRuns(nil, order), &runs); err != nil {
			t.Fatal(err)
		}
		var got []int32
		for _, r := range runs {
			step := int32(1)
			if r[1] < r[0] {
				step = -1
			}
			for id := r[0]; ; id += step {
				got = append(got, id)
				if id == r[1] {
					break
				}
			}
		}
		if !slices.Equal(got, order) {
			t.Fatalf("%v read back as %v", order, got)
		}
	}
}
