package render

import (
	"reflect"

	"bulletin/internal/model"
)

// Key identifies what Page writes for p, without writing it: two calls
// that return one key, for pages of the snapshots of one site, one theme
// and one program, write the same bytes. A build keeps each page's key
// beside the file, and the next build links the file of a page whose key
// is the same instead of rendering it again (output.Dir.Reuse).
//
// The key is the hash of a replay of the page's layouts (replay.go): what
// each action prints, each branch taken, each partial's own key, with the
// layouts' hash and the base URL. It follows whatever the layouts read,
// the theme's or a site's own, with no list of what a page depends on to
// keep in step with them. ok is false when the replay cannot follow a
// layout; the page is then rendered every time.
func (r *Renderer) Key(p *model.Page) (key uint64, ok bool) {
	if p == nil {
		return 0, false
	}
	k, found := r.kinds[p.Kind]
	if !found {
		return 0, false
	}
	base := "/"
	if p.Site != nil && p.Site.Config.BaseURL != "" {
		base = p.Site.Config.BaseURL
	}
	e := &replay{r: r, set: k.set, base: base, funcs: r.replayFuncs(base), memo: r.memo.Load()}
	e.num(r.hash)
	e.str(base)
	e.str(p.Kind)
	if err := e.template(k.set, k.entry, reflect.ValueOf(p)); err != nil {
		return 0, false
	}
	return e.sum(), true
}

// replayFuncs are the layouts' functions bound to base, as values to
// call, made once per base URL.
func (r *Renderer) replayFuncs(base string) map[string]reflect.Value {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m, ok := r.keyFuncs[base]; ok {
		return m
	}
	m := map[string]reflect.Value{}
	for name, f := range funcs(base) {
		m[name] = reflect.ValueOf(f)
	}
	if r.keyFuncs == nil {
		r.keyFuncs = map[string]map[string]reflect.Value{}
	}
	r.keyFuncs[base] = m
	return m
}
