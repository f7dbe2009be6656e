package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain points the cache folder (stores, stamps, resized photos) at a
// folder of the run's own, removed at the end: a test that does not set
// BULLETIN_CACHE_DIR itself would otherwise keep a store for each of its
// temporary sites in the user's ~/.cache/bulletin.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bulletin-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("BULLETIN_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
