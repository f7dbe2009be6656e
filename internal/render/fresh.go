package render

import "html/template"

// Fresh returns a Renderer that shares r's parsed layouts and nothing
// else: the template sets it binds and the partials it keeps
// (partialCached) are its own. The browser editor renders a page of a
// site that holds a form's unsaved text; rendered by r, the partials of
// that text would stay in r's cache until the preview's next build.
func (r *Renderer) Fresh() *Renderer {
	f := &Renderer{kinds: r.kinds, common: r.common, files: r.files, hash: r.hash,
		bound: map[string]map[string]*template.Template{}, partials: map[string]*template.Template{}}
	f.Forget()
	return f
}
