package build

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
)

// hasher feeds values to a 64-bit hash that keys the Builder's caches.
// The sums outlive the process, in the store (store.go): FNV-1a, the same
// in every process, where maphash is seeded per process. What it hashes
// is small (the code-link table, a body's links).
type hasher struct{ h hash.Hash64 }

func newHasher() *hasher { return &hasher{fnv.New64a()} }

func (h *hasher) str(s string) *hasher {
	h.h.Write([]byte(s))
	h.h.Write([]byte{0xff}) // separator: ("ab","c") ≠ ("a","bc"); 0xff is never in UTF-8
	return h
}

func (h *hasher) u64(v uint64) *hasher {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.h.Write(b[:])
	return h
}

func (h *hasher) sum() uint64 { return h.h.Sum64() }
