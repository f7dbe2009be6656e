package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync/atomic"
)

// partialsCached is partialCached over a list: the partial of each item,
// each rendered once per value as partialCached renders it, joined.
//
//	{{partialsCached "partials/row.html" .Related}}
//
// A timeline of a thousand rows is then one template call rather than a
// thousand, each a call through reflection: the rows of a 10,000-article
// site's timelines, archives and related articles are 80,000.
func (r *Renderer) partialsCached(base string, set *atomic.Pointer[template.Template]) func(string, any) (template.HTML, error) {
	one := r.partialCached(base, set)
	return func(name string, list any) (template.HTML, error) {
		v := reflect.ValueOf(list)
		if v.Kind() != reflect.Slice {
			return "", fmt.Errorf("partialsCached %q: %T is not a list", name, list)
		}
		parts := make([]template.HTML, v.Len())
		size := 0
		for i := range parts {
			h, err := one(name, v.Index(i).Interface())
			if err != nil {
				return "", err
			}
			parts[i] = h
			size += len(h) + 1
		}
		var b strings.Builder
		b.Grow(size)
		for _, h := range parts {
			b.WriteString(string(h))
			b.WriteByte('\n')
		}
		return template.HTML(b.String()), nil
	}
}
