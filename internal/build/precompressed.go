package build

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"

	"bulletin/internal/diag"
)

// A site may ship a compressed copy of a static file beside it
// ("css/site.css.gz", made by a stronger compressor than the build's):
// nginx's gzip_static sends it to every browser that accepts gzip, and
// the build makes no copy of its own for that file (output.Precompressed),
// so no two writes race for one name. The copy must hold the file's very
// bytes: a copy left from an older stylesheet would be what most readers
// get, and a reader without gzip the new one. A ".gz" beside a page or
// feed the build makes can only be a stale copy of it, and is refused.

// precompressed marks the static files the site ships compressed too, and
// returns the problems of the copies: one beside a generated file, one
// that does not hold its file's bytes.
func (s *Snapshot) precompressed(static map[string]staticFile) diag.List {
	var problems diag.List
	for name, z := range static {
		plain, ok := strings.CutSuffix(name, ".gz")
		if !ok || s.files[name].static == nil { // refused already (StaticClash)
			continue
		}
		f, isStatic := s.files[plain]
		if !isStatic || f.static == nil {
			if _, taken := s.lookup(plain); taken {
				// Whether or not the build compresses that file (a photo,
				// a page under 512 bytes), a server sends x.gz for x.
				p := diag.New(diag.StaticClash, "static/"+z.name, 0, "",
					"a compressed copy of %s, which the build makes: a server would send it instead, stale once %s changes", plain, plain)
				p.Hint = "remove it: the build writes a compressed copy beside each text file it makes"
				problems.Add(p)
			}
			continue
		}
		if p := sameBytes(*f.static, z); p != nil {
			problems.Add(p)
			continue
		}
		f.ownGz = true
		s.files[plain] = f
	}
	return problems
}

// sameBytes checks that z, a static ".gz" file, decompresses to the bytes
// of f, the file beside it.
func sameBytes(f, z staticFile) *diag.Problem {
	data, err := f.read()
	if err != nil {
		return diag.New(diag.Read, "static/"+f.name, 0, "", "%v", err)
	}
	zdata, err := z.read()
	if err != nil {
		return diag.New(diag.Read, "static/"+z.name, 0, "", "%v", err)
	}
	var got []byte
	r, err := gzip.NewReader(bytes.NewReader(zdata))
	if err == nil {
		// One byte more than the file: a copy that holds more differs,
		// and is not inflated further.
		got, err = io.ReadAll(io.LimitReader(r, int64(len(data))+1))
	}
	var p *diag.Problem
	switch {
	case err != nil:
		p = diag.New(diag.StaticGzip, "static/"+z.name, 0, "", "not a gzip file (%v)", err)
	case !bytes.Equal(got, data):
		p = diag.New(diag.StaticGzip, "static/"+z.name, 0, "", "does not hold the bytes of static/%s beside it: an older copy?", f.name)
	default:
		return nil
	}
	p.Hint = "compress the file again (gzip -k -9 static/" + f.name + "), or remove the copy: the build makes one itself"
	return p
}
