package render

import (
	"html/template"
	"reflect"

	"bulletin/internal/model"
)

// direct calls fn with in without reflect.Value.Call when fn has one of
// the signatures the default theme's layouts call on every page (a
// function of the page, of an article, a method with no arguments):
// through reflection, the calls were a fifth of a page key's time. ok is
// false for any other signature, and for a call that panics, which the
// caller then makes through reflection to get text/template's error.
func direct(fn reflect.Value, in []reflect.Value) (v reflect.Value, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = reflect.Value{}, false
		}
	}()
	switch f := fn.Interface().(type) {
	case func() bool:
		return reflect.ValueOf(f()), true
	case func() string:
		return reflect.ValueOf(f()), true
	case func() template.HTML:
		return reflect.ValueOf(f()), true
	case func() []*model.Article:
		return reflect.ValueOf(f()), true
	case func(*model.Page) string:
		if p, ok := page(in, 0); ok && len(in) == 1 {
			return reflect.ValueOf(f(p)), true
		}
	case func(*model.Page) template.HTML:
		if p, ok := page(in, 0); ok && len(in) == 1 {
			return reflect.ValueOf(f(p)), true
		}
	case func(*model.Page, string) string:
		if p, ok := page(in, 0); ok && len(in) == 2 && in[1].Kind() == reflect.String {
			return reflect.ValueOf(f(p, in[1].String())), true
		}
	case func(*model.Page) (template.JS, error):
		if p, ok := page(in, 0); ok && len(in) == 1 {
			js, err := f(p)
			if err != nil {
				return reflect.Value{}, false
			}
			return reflect.ValueOf(js), true
		}
	case func(*model.Article) string:
		if len(in) == 1 && in[0].Type() == reflect.TypeFor[*model.Article]() {
			return reflect.ValueOf(f(in[0].Interface().(*model.Article))), true
		}
	}
	return reflect.Value{}, false
}

func page(in []reflect.Value, i int) (*model.Page, bool) {
	if i >= len(in) || in[i].Type() != reflect.TypeFor[*model.Page]() {
		return nil, false
	}
	return in[i].Interface().(*model.Page), true
}
