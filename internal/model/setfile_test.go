package model

import (
	"reflect"
	"testing"
	"time"
)

// fill gives every exported field of v (addressable) a value that is not
// its zero: a text, a time, true, a list of one, what a pointer points to.
func fill(v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("giá trị " + string(rune('A'+seed%26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(seed + 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), seed+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), seed+1)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2018, 8, 6, 16, seed%60, 0, 0, time.UTC)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), seed+i)
			}
		}
	}
}

// An Article's own copies of its file's fields (which spare layouts
// reflect's slow lookup of an embedded field) hold the file's values once
// SetFile gives it the file: each field of Article that shadows one of
// ArticleFile, the ones there now and any added later.
func TestSetFileCopiesEveryFieldItShadows(t *testing.T) {
	f := new(ArticleFile)
	fill(reflect.ValueOf(f).Elem(), 0)
	a := new(Article).SetFile(f)
	at, ft := reflect.TypeFor[Article](), reflect.TypeFor[ArticleFile]()
	shadows := 0
	for i := range at.NumField() {
		sf := at.Field(i)
		if sf.Anonymous || !sf.IsExported() {
			continue
		}
		if _, ok := ft.FieldByName(sf.Name); !ok {
			continue
		}
		shadows++
		got, want := reflect.ValueOf(a).Elem().Field(i).Interface(), reflect.ValueOf(f).Elem().FieldByName(sf.Name).Interface()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Article.%s = %v after SetFile, the file's is %v", sf.Name, got, want)
		}
	}
	if shadows == 0 {
		t.Fatal("Article shadows none of its file's fields")
	}
	if a.ArticleFile != f {
		t.Error("SetFile did not set the file")
	}
}
