package editor

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"time"

	"bulletin/internal/content"
	"bulletin/internal/front"
	"bulletin/internal/scaffold"
)

// save handles a POST of a form: a preview (the page and problems as
// JSON, nothing written), or a save ("Lưu"), or a save as published
// ("Xuất bản": draft: false). A save with errors writes nothing and shows
// them. A file that changed on disk since the form was opened is not
// saved over: both versions are shown, the form keeps what was typed, and
// a second save puts the edits into the version on disk. name is the
// article under content/, or "" for a new one. A form whose token is not
// this run's (stale: the server was restarted since it was opened) is
// shown again with what was typed, and nothing written.
func (e *Editor) save(w http.ResponseWriter, r *http.Request, name string, stale bool) {
	action := r.PostForm.Get("action")
	if stale && action == "preview" {
		staleJSON(w)
		return
	}
	loc := e.loc()
	now := formFrom(r.PostForm)
	st := &formState{Form: now, Path: name}
	var f *front.File
	if name == "" {
		f = newFile(now, loc)
		date, _, err := content.ParseDate(now.Date, loc)
		if err != nil {
			date = e.now()
		}
		if slug := newSlug(now); slug != "" {
			st.NewPath = scaffold.ArticleName(slug, date, loc)
			st.taken = e.exists(st.NewPath)
		}
	} else {
		var err error
		if st.Original, err = base64.StdEncoding.DecodeString(r.PostForm.Get("original")); err != nil {
			e.fail(w, http.StatusBadRequest, errors.New("the form lost the file it was opened on: open the article again"))
			return
		}
		st.OnDisk, _ = base64.StdEncoding.DecodeString(r.PostForm.Get("ondisk"))
		if f, err = e.edit(st, now, loc); err != nil {
			e.fail(w, http.StatusUnprocessableEntity, err)
			return
		}
	}
	if action == "publish" && !stale {
		if d, _ := f.Values()["draft"].(bool); d {
			f.Set("draft", false)
		}
		st.Form.Draft = false
	}
	data := f.Bytes()
	target := st.target()
	rv, err := e.review(r.Context(), target, data, f.BodyLine(), action == "preview")
	if err != nil {
		e.fail(w, http.StatusServiceUnavailable, err)
		return
	}
	st.Review = rv
	if st.taken {
		// The build would read the existing file's URL for this text, and
		// the save would be refused: said beside the field that names it.
		field := fTitle
		if strings.TrimSpace(now.Slug) != "" {
			field = fSlug
		}
		rv.problems = append(rv.problems, problem{Field: field, Severity: "error",
			Message: "Đã có bài khác ở tệp content/" + st.NewPath + " (cùng đường dẫn, cùng năm): hãy đổi tiêu đề, hoặc điền một «Đường dẫn» khác.",
			Text:    "content/" + st.NewPath + " exists: the new article's file is another article's"})
		rv.errors++
	}
	switch {
	case stale:
		st.Notice = staleNotice
		e.showForm(w, r, st, http.StatusForbidden)
		return
	case action == "preview":
		e.previewJSON(w, st, data)
		return
	case st.NewPath == "" && name == "":
		st.Notice = "Chưa lưu: bài viết cần tiêu đề (hoặc đường dẫn) để đặt tên tệp."
		st.Refused = true
		e.showForm(w, r, st, http.StatusUnprocessableEntity)
		return
	case rv.errors > 0:
		st.Notice = fmt.Sprintf("Chưa lưu: còn %d lỗi, ghi bên cạnh từng ô. Tệp không bị thay đổi.", rv.errors)
		st.Refused = true
		e.showForm(w, r, st, http.StatusUnprocessableEntity)
		return
	}
	written := name
	if name == "" {
		err = e.writeNew(st.NewPath, data)
		written = st.NewPath
	} else {
		err = e.replace(name, data, st.base())
	}
	var cf *conflictError
	switch {
	case errors.As(err, &cf):
		st.Conflict = &conflict{Disk: string(cf.disk), Mine: string(data)}
		st.OnDisk = cf.disk
		st.Notice = "Chưa lưu: tệp đã được sửa ở nơi khác sau khi anh/chị mở bài này. Nội dung anh/chị gõ vẫn còn trong các ô dưới đây."
		e.showForm(w, r, st, http.StatusConflict)
		return
	case errors.Is(err, errLinked):
		// Saved over, the link would become a copy, and the file it leads
		// to would keep the old text.
		st.Notice = "Chưa lưu: tệp này là một liên kết (symbolic link) tới tệp khác. Lưu ở đây sẽ thay liên kết bằng một bản sao; hãy sửa tệp mà liên kết trỏ tới. Nội dung anh/chị gõ vẫn còn trong các ô dưới đây."
		e.showForm(w, r, st, http.StatusConflict)
		return
	case errors.Is(err, scaffold.ErrExists):
		st.Notice = "Chưa lưu: đã có tệp content/" + st.NewPath + ". Hãy đổi tiêu đề hoặc đường dẫn (slug)."
		e.showForm(w, r, st, http.StatusConflict)
		return
	case err != nil:
		e.fail(w, http.StatusInternalServerError, err)
		return
	}
	if e.cfg.Saved != nil {
		e.cfg.Saved(r.Context(), "content/"+written)
	}
	http.Redirect(w, r, Prefix+escape(written)+"?saved=1", http.StatusSeeOther)
}

// edit applies the form's edits to the file it was opened on or, after a
// conflict, to the version then on disk. It refuses a result that changed
// a field that was not edited, or did not take an edit: front writes each
// key in place, and a file it could not edit so is not saved.
func (e *Editor) edit(st *formState, now Form, loc *time.Location) (*front.File, error) {
	orig, err := front.Parse(st.Original)
	if err != nil {
		return nil, fmt.Errorf("the file's frontmatter cannot be edited in the browser (%v): edit it in a text editor", err)
	}
	was := formOf(orig, loc)
	f, ref := orig, was
	if len(st.OnDisk) > 0 {
		if f, err = front.Parse(st.OnDisk); err != nil {
			return nil, fmt.Errorf("the version on disk cannot be edited in the browser (%v): edit it in a text editor", err)
		}
		ref = formOf(f, loc)
	}
	ed := edited(was, now, loc)
	if err := apply(f, was, now, loc); err != nil {
		return nil, fmt.Errorf("the edits could not be written in place (%v): nothing was saved", err)
	}
	got := formOf(f, loc)
	fromRef, fromNow := edited(ref, got, loc), edited(now, got, loc)
	for _, field := range fieldOrder {
		if ed[field] && fromNow[field] || !ed[field] && fromRef[field] {
			return nil, fmt.Errorf("the field %s could not be written in place: nothing was saved (edit the file in a text editor)", field)
		}
	}
	return f, nil
}

// formState is a form page: what it shows and what it was opened on.
type formState struct {
	Path     string // the article under content/; "" for a new one
	NewPath  string // a new article: where it will be written
	Form     Form
	Original []byte // the file as the form opened it
	OnDisk   []byte // after a conflict: the file on disk then
	Review   *review
	Conflict *conflict
	Notice   string
	Saved    bool
	Imported map[string]bool // fields an import found
	Already  bool            // the bulletin was imported before
	Refused  bool            // a save refused for its errors: the cursor goes to the first
	taken    bool            // a new article: NewPath is another article's file
}

type conflict struct{ Disk, Mine string }

// target is the site path the form's text is checked as.
func (st *formState) target() string {
	if st.Path != "" {
		return "content/" + st.Path
	}
	if st.NewPath != "" && !st.taken {
		return "content/" + st.NewPath
	}
	return "content/articles/.new.md"
}

// base is the file a save expects on disk.
func (st *formState) base() []byte {
	if len(st.OnDisk) > 0 {
		return st.OnDisk
	}
	return st.Original
}

type conflictError struct{ disk []byte }

// errLinked is replace's error for an article that is a link to another
// file inside content/: the rename would replace the link with a file.
var errLinked = errors.New("the article is a link to another file")

func (c *conflictError) Error() string { return "the file changed on disk" }

// replace writes an article's new bytes atomically (a temporary file
// beside it, synced, renamed over it), unless the file on disk is no
// longer base.
func (e *Editor) replace(name string, data, base []byte) error {
	root, err := e.content()
	if err != nil {
		return err
	}
	defer root.Close()
	disk, err := root.ReadFile(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return &conflictError{disk: nil}
		}
		return err
	}
	if !bytes.Equal(disk, base) {
		return &conflictError{disk: disk}
	}
	if fi, err := root.Lstat(name); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return errLinked
	}
	info, err := root.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := scaffold.WriteTemp(root, path.Dir(name), data, info.Mode().Perm())
	if err != nil {
		return err
	}
	// Read once more just before the rename: a save in a text editor in
	// the meantime is not overwritten.
	if again, err := root.ReadFile(name); err != nil || !bytes.Equal(again, base) {
		root.Remove(tmp)
		return &conflictError{disk: again}
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}

// exists reports whether a file is at name under content/.
func (e *Editor) exists(name string) bool {
	root, err := e.content()
	if err != nil {
		return false
	}
	defer root.Close()
	_, err = root.Lstat(name)
	return err == nil
}

func (e *Editor) writeNew(name string, data []byte) error {
	root, err := e.content()
	if err != nil {
		if err := os.MkdirAll(e.cfg.Source+"/content", 0o755); err != nil {
			return err
		}
		if root, err = e.content(); err != nil {
			return err
		}
	}
	defer root.Close()
	return scaffold.WriteNew(root, name, data)
}

// preview is what the form's script shows beside the form as it is
// typed: the page as it will be published, the problems by field, the
// documents as they will be linked, where a new article will be written.
type preview struct {
	HTML      string    `json:"html"`
	PageError string    `json:"pageError"`
	URL       string    `json:"url"`
	Problems  []problem `json:"problems"`
	Others    []problem `json:"others"`
	Errors    int       `json:"errors"`
	Documents []docInfo `json:"documents"`
	Path      string    `json:"path"`
}

func (e *Editor) previewJSON(w http.ResponseWriter, st *formState, data []byte) {
	rv := st.Review
	p := preview{HTML: string(rv.html), PageError: rv.pageErr, Problems: rv.problems, Others: rv.others,
		Errors: rv.errors, Documents: documents(rv.site, st.Form.Documents), Path: strings.TrimPrefix(st.target(), "content/")}
	if rv.article != nil {
		p.URL = rv.article.URL
	}
	if p.Problems == nil {
		p.Problems = []problem{}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(p)
}

// escape percent-encodes a path for a URL, its slashes kept.
func escape(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}
