package render

import (
	"testing"

	"bulletin/internal/model"
)

func TestSrcset(t *testing.T) {
	p := &model.Photo{Files: []model.PhotoFile{
		{URL: "/ảnh/hội nghị, 2018-480w.jpg", Width: 480},
		{URL: "/ảnh/hội nghị, 2018.jpg", Width: 700},
	}}
	tests := []struct {
		base string
		p    *model.Photo
		want string
	}{
		// a space or a comma in a name would split the list: encoded
		{"https://kiemtra.example.vn/", p, "/%E1%BA%A3nh/h%E1%BB%99i%20ngh%E1%BB%8B%2C%202018-480w.jpg 480w, /%E1%BA%A3nh/h%E1%BB%99i%20ngh%E1%BB%8B%2C%202018.jpg 700w"},
		{"https://example.vn/kiem-tra/", &model.Photo{Files: []model.PhotoFile{{URL: "/a-480w.jpg", Width: 480}, {URL: "/a.jpg", Width: 960}}},
			"/kiem-tra/a-480w.jpg 480w, /kiem-tra/a.jpg 960w"},
		{"/", &model.Photo{Files: []model.PhotoFile{{URL: "/a.jpg", Width: 320}}}, ""}, // one file: src says it all
		{"/", nil, ""},
	}
	for _, tt := range tests {
		if got := tt.p.SrcSet(model.Config{BaseURL: tt.base}.BasePath()); got != tt.want {
			t.Errorf("srcset(%s) = %q, want %q", tt.base, got, tt.want)
		}
	}
}
