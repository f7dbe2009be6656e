package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// startCPUProfile profiles the build into file; stop ends it. For the
// engineer measuring a large site: the profile of the command as it is run
// (its writes, compression and links included), which a benchmark of the
// build in memory does not show.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// heapEvery is how often the memory profile looks at the live heap.
const heapEvery = 50 * time.Millisecond

// startMemProfile keeps the heap profile of the build at its largest live
// heap, and stop writes it to file. The peak memory is what an engineer
// cutting it needs to see, and a profile taken at the end shows the heap
// after the site was let go. A heap profile is as of the last collection:
// a goroutine reads the live heap after each one (runtime/metrics) and
// takes the profile whenever it is the largest yet. The same profile holds
// every allocation made until then (go tool pprof -sample_index=alloc_space).
func startMemProfile(file string) (stop func() error, err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, fmt.Errorf("-memprofile: %w", err)
	}
	rate := runtime.MemProfileRate
	runtime.MemProfileRate = 64 << 10 // finer than the default 512 KiB: a profile of a small site still shows its owners
	var (
		mu   sync.Mutex
		peak uint64
		best bytes.Buffer
	)
	take := func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		live := s[0].Value.Uint64()
		mu.Lock()
		defer mu.Unlock()
		if live <= peak && best.Len() > 0 {
			return
		}
		peak = live
		best.Reset()
		pprof.Lookup("heap").WriteTo(&best, 0)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(heapEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				take()
			}
		}
	})
	return func() error {
		close(done)
		wg.Wait()
		take()
		runtime.MemProfileRate = rate
		mu.Lock()
		_, werr := f.Write(best.Bytes())
		mu.Unlock()
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("-memprofile: %w", werr)
		}
		return nil
	}, nil
}
