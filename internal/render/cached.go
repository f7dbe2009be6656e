package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// A list page shows ten cards, and an article's card appears on the front
// page, on the page of each of its projects, of its team lead, its unit
// and each of its tags: rendered on every list, the cards are most of the
// work of a build. partialCached renders a partial once per value it is
// given and hands the same bytes to every page that shows it:
//
//	{{partialCached "partials/card.html" .}}
//
// A partial sees nothing but its data and the template functions, which
// are functions of their arguments and the site's base URL, so a partial
// given the same value gives the same bytes: the cache cannot make a page
// stale. Its key is the value's identity (a pointer: the assembler makes
// fresh values for each build) with the partial's name and the base URL.
// The partial runs as the theme's and the site's partials/ define it: a
// page kind's own {{define}} of the same name does not change it. Data
// that is not a pointer is rendered each time.

type memoKey struct {
	name, base string
	data       any
}

type memoEntry struct {
	once sync.Once
	html template.HTML
	err  error
}

// memo holds the partials rendered since the last Forget, and the keys
// of their replays (replay.go). Both are maps of their own type under a
// lock: a sync.Map boxed each key looked up (48 bytes) and made an entry
// for each lookup, found or not, on every card of every list page; for
// the keys, its lookups were a quarter of the partials' replays on 10,000
// articles (a card's key is looked up for each list page that shows it,
// 60,000 times).
type memo struct {
	mu   sync.Mutex
	m    map[memoKey]*memoEntry
	kmu  sync.Mutex
	keys map[memoKey]keyEntry
}

// entry is the entry of k, made when there is none.
func (m *memo) entry(k memoKey) *memoEntry {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.m[k]
	if !ok {
		if m.m == nil {
			m.m = map[memoKey]*memoEntry{}
		}
		e = new(memoEntry)
		m.m[k] = e
	}
	return e
}

// Forget drops every cached partial. A Builder calls it when it prepares
// a new snapshot of the site: the values of the previous one are never
// shown again, and the cache would keep them alive. A one-off build calls
// it once its pages are written, before the feeds and the search index.
func (r *Renderer) Forget() { r.memo.Store(&memo{}) }

// partialCached returns the function bound to the partials of one base
// URL, whose set is given once it exists.
func (r *Renderer) partialCached(base string, set *atomic.Pointer[template.Template]) func(string, any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		run := func() (template.HTML, error) {
			var buf bytes.Buffer
			if err := set.Load().ExecuteTemplate(&buf, name, data); err != nil {
				return "", fmt.Errorf("partialCached %q: %w", name, err)
			}
			return template.HTML(buf.String()), nil
		}
		if v := reflect.ValueOf(data); v.Kind() != reflect.Pointer || v.IsNil() {
			return run()
		}
		entry := r.memo.Load().entry(memoKey{name, base, data})
		entry.once.Do(func() { entry.html, entry.err = run() })
		return entry.html, entry.err
	}
}
