package build

import (
	"hash/crc64"

	"bulletin/internal/model"
	"bulletin/internal/output"
)

// reuse writes the page p to name when sink keeps keys (output.Reuser, a
// one-off build's output folder): the file of the last build, linked in,
// when that build made it from the same key; else the page rendered,
// with its key. done is false when it wrote nothing and the caller
// renders the page.
//
// Keys are made over an output a build wrote, not into an empty folder
// (Reuser.Keyed): the first rebuild of an output makes them, and from the
// one after, pages are linked in.
//
// The key is the page's render.Key (a replay of what its layouts print,
// whatever they read) with the program that rendered it, whose code and
// built-in theme make the bytes too. On the generator's 10,000 articles,
// after one new article 16,301 of its 17,288 pages are linked in (the
// front page's pages all shift), after a title edited all but 4; a
// build by another program links none in.
func (s *Snapshot) reuse(sink output.Sink, name string, p *model.Page) (done bool, err error) {
	ru, ok := sink.(output.Reuser)
	if !ok || !ru.Keyed() {
		// Keys cost a cold build of 10,000 articles a quarter more
		// CPU (the replays, and the collections of what they
		// allocate): made only over a site a build wrote, which is
		// then likely to be built again.
		return false, nil
	}
	key := s.pageKey(p)
	if key == 0 {
		return false, nil
	}
	if done, err := ru.Reuse(name, key); done || err != nil {
		return done, err
	}
	return true, s.rnd.Page(keyedFile{ru, name, key}, p)
}

// pageKey is p's key, or 0 when it has none.
func (s *Snapshot) pageKey(p *model.Page) uint64 {
	k, ok := s.rnd.Key(p)
	if !ok {
		return 0
	}
	return withProgram(k)
}

// withProgram is key k of a file mixed with the program's checksum, whose
// code makes the file's bytes too; 0 when either is none.
func withProgram(k uint64) uint64 {
	self, err := program()
	if err != nil || k == 0 {
		return 0
	}
	if k = crc64.Update(k, crcTable, []byte(self)); k == 0 {
		k = 1 // 0 is no key
	}
	return k
}

// programKeyed is a Reuser whose keys are mixed with the program's, as
// pages' are: the search index's document chunks are keyed by what they
// hold, and made by this program's code.
type programKeyed struct{ output.Reuser }

func (p programKeyed) Reuse(name string, key uint64) (bool, error) {
	return p.Reuser.Reuse(name, withProgram(key))
}

func (p programKeyed) WriteKeyed(name string, key uint64, data []byte) error {
	return p.Reuser.WriteKeyed(name, withProgram(key), data)
}

// keyedFile is sinkFile for a page written with its key.
type keyedFile struct {
	sink output.Reuser
	name string
	key  uint64
}

func (f keyedFile) Write(data []byte) (int, error) {
	if err := f.sink.WriteKeyed(f.name, f.key, data); err != nil {
		return 0, err
	}
	return len(data), nil
}
