package editor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"bulletin/internal/build"
	"bulletin/internal/importer"
	"bulletin/internal/scaffold"
)

// upload imports a bulletin dropped on the list page, a plain text or a
// Word document, as "bulletin import" does: the file is read into memory
// (never stored as it is), parsed, and the article written; the form then
// opens on it for review, the fields the import found marked.
func (e *Editor) upload(w http.ResponseWriter, r *http.Request) {
	mr, err := r.MultipartReader()
	if err != nil {
		e.fail(w, http.StatusBadRequest, errors.New("send the bulletin as a file of the import form"))
		return
	}
	var token, name string
	var data []byte
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			e.fail(w, statusOf(err), fmt.Errorf("the upload could not be read: %w", err))
			return
		}
		switch part.FormName() {
		case "token":
			b, _ := io.ReadAll(io.LimitReader(part, 256))
			token = string(b)
		case "file":
			name = path.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
			if data, err = io.ReadAll(part); err != nil {
				e.fail(w, statusOf(err), fmt.Errorf("the upload could not be read: %w", err))
				return
			}
		}
		part.Close()
	}
	if !e.tokenOK(token) {
		e.fail(w, http.StatusForbidden, errToken)
		return
	}
	ext := strings.ToLower(path.Ext(name))
	switch {
	case len(data) == 0:
		e.list(w, r, "Chưa nhập: hãy chọn hoặc thả một tệp bản tin (.txt hoặc .docx).", http.StatusBadRequest)
		return
	case ext != ".txt" && ext != ".docx" && ext != "" || ext == ".docx" && !importer.IsDocx(data):
		e.list(w, r, "Chưa nhập "+name+": chỉ nhận bản tin dạng văn bản (.txt) hoặc Word (.docx).", http.StatusUnsupportedMediaType)
		return
	}
	taken, err := e.taken(r.Context())
	if err != nil {
		e.fail(w, http.StatusServiceUnavailable, err)
		return
	}
	rep, err := scaffold.ImportData(e.cfg.Source, name, data, e.loc(), taken)
	if err != nil {
		e.list(w, r, "Chưa nhập: "+err.Error(), http.StatusUnprocessableEntity)
		return
	}
	rel, err := filepath.Rel(filepath.Join(e.cfg.Source, "content"), rep.Path)
	if err != nil {
		e.fail(w, http.StatusInternalServerError, err)
		return
	}
	target := Prefix + escape(filepath.ToSlash(rel))
	if rep.Skipped {
		http.Redirect(w, r, target+"?already=1", http.StatusSeeOther)
		return
	}
	if e.cfg.Saved != nil {
		e.cfg.Saved(r.Context(), "content/"+filepath.ToSlash(rel))
	}
	http.Redirect(w, r, target+"?imported="+strings.Join(found(rep.Bulletin), ","), http.StatusSeeOther)
}

// taken is the URLs of the pages of the site as the preview holds it,
// drafts and articles not yet due included, for an import to give its
// article a URL of its own; read from the files (build.ReadArticleURLs, a
// second or two at 10,000 articles) when the preview holds no site.
func (e *Editor) taken(ctx context.Context) (scaffold.URLs, error) {
	if lk, err := e.cfg.Look(ctx, "", nil); err == nil && lk.Site != nil {
		return build.SiteURLs(lk.Site), nil
	}
	return build.ReadArticleURLs(ctx, e.cfg.Source)
}

// found lists the form fields an import filled in.
func found(b *importer.Bulletin) []string {
	out := []string{fTitle}
	for _, f := range []struct{ field, missing string }{
		{fDate, "date"}, {fLeadName, "team_lead"}, {fLeadRole, "role"}, {fUnit, "inspected_unit"}, {fDocuments, "documents"},
	} {
		if !slices.Contains(b.Missing, f.missing) {
			out = append(out, f.field)
		}
	}
	return append(out, fBody)
}

// createProject writes the project file of a code no file describes, as
// "bulletin new project" does, and answers with its path as JSON.
func (e *Editor) createProject(w http.ResponseWriter, r *http.Request) {
	code, title := strings.TrimSpace(r.PostForm.Get("code")), strings.TrimSpace(r.PostForm.Get("title"))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if title == "" {
		title = code
	}
	p, err := scaffold.Project(e.cfg.Source, code, title, e.now(), e.loc())
	if err != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	rel, _ := filepath.Rel(e.cfg.Source, p)
	if e.cfg.Saved != nil {
		e.cfg.Saved(r.Context(), filepath.ToSlash(rel))
	}
	json.NewEncoder(w).Encode(map[string]string{"path": filepath.ToSlash(rel)})
}
