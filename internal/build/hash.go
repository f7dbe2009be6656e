package build

import (
	"encoding/binary"
	"hash/maphash"
)

// hasher feeds values to a 64-bit hash that keys the Builder's caches.
// The sums are compared only within one process, so maphash serves, with
// its per-process seed and the processor's AES instructions.
type hasher struct{ h maphash.Hash }

var hashSeed = maphash.MakeSeed()

func newHasher() *hasher {
	h := &hasher{}
	h.h.SetSeed(hashSeed)
	return h
}

func (h *hasher) str(s string) *hasher {
	h.h.WriteString(s)
	h.h.WriteByte(0xff) // separator: ("ab","c") ≠ ("a","bc"); 0xff is never in UTF-8
	return h
}

func (h *hasher) u64(v uint64) *hasher {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.h.Write(b[:])
	return h
}

func (h *hasher) sum() uint64 { return h.h.Sum64() }
