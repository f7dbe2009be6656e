package build

import (
	"bytes"
	"encoding/gob"
	"io"
	"os"
	"path/filepath"

	"bulletin/internal/content"
	"bulletin/internal/output"
)

// Inputs are the stamps and hashes of a site's input files, by path, as
// a fingerprint found them (FingerprintKnown): the next fingerprint takes
// a file whose stamp is the same, and trusted, without reading it, as the
// store's files are taken back (store.go).
type Inputs map[string]InputFile

// InputFile is one input file's stamp and the hash of its bytes. Trusted
// is false for a file changed too close to its reading (Stamp.Vouches):
// it is read again.
type InputFile struct {
	Stamp   content.Stamp
	Hash    uint64
	Trusted bool
}

// inputsFile is what Save writes: the program that hashed the files (the
// hash is its code), the site folder they lie in, and the files.
type inputsFile struct {
	Program string
	Source  string
	Names   []string
	Files   []InputFile
}

// LoadInputs reads the inputs kept at path for the site folder source, or
// nil when there are none to trust: no file, another program, another
// folder. Like the store, it is a cache: any error reads every file.
func LoadInputs(path, source string) Inputs {
	self, err := program()
	if path == "" || err != nil {
		return nil
	}
	// Looked at before it is opened: a named pipe would hang the build.
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var f inputsFile
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&f) != nil || f.Program != self || f.Source != source || len(f.Names) != len(f.Files) {
		return nil
	}
	in := make(Inputs, len(f.Names))
	for i, n := range f.Names {
		in[n] = f.Files[i]
	}
	return in
}

// Save keeps in at path for the site folder source (output.WriteAside).
func (in Inputs) Save(path, source string) error {
	self, err := program()
	if path == "" || err != nil {
		return err
	}
	f := inputsFile{Program: self, Source: source}
	for n, file := range in {
		f.Names = append(f.Names, n)
		f.Files = append(f.Files, file)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return output.WriteAside(path, func(w io.Writer) error { return gob.NewEncoder(w).Encode(&f) })
}
