package content

import (
	"strings"
	"testing"

	"bulletin/internal/model"
)

// TestImageField reads the lead image as a path and as a map, in each
// frontmatter format.
func TestImageField(t *testing.T) {
	full := model.Image{Src: "/images/kiem-tra.jpg", Alt: "Đoàn kiểm tra làm việc tại hội trường",
		Caption: "Quang cảnh buổi làm việc", Credit: "Văn phòng Tỉnh ủy"}
	tests := []struct {
		name, src string
		want      model.Image
	}{
		{"a path", "---\ntitle: a\ndate: 2018-08-06\nimage: /images/kiem-tra.jpg\n---\n",
			model.Image{Src: "/images/kiem-tra.jpg"}},
		{"an address", "---\ntitle: a\ndate: 2018-08-06\nimage: https://example.vn/a.jpg\n---\n",
			model.Image{Src: "https://example.vn/a.jpg"}},
		{"YAML map", "---\ntitle: a\ndate: 2018-08-06\nimage:\n  src: /images/kiem-tra.jpg\n  alt: Đoàn kiểm tra làm việc tại hội trường\n  caption: Quang cảnh buổi làm việc\n  credit: Văn phòng Tỉnh ủy\n---\n", full},
		{"YAML flow map", "---\ntitle: a\ndate: 2018-08-06\nimage: {src: /images/kiem-tra.jpg, alt: Đoàn kiểm tra làm việc tại hội trường, caption: Quang cảnh buổi làm việc, credit: Văn phòng Tỉnh ủy}\n---\n", full},
		{"TOML table", "+++\ntitle = \"a\"\ndate = 2018-08-06\n[image]\nsrc = \"/images/kiem-tra.jpg\"\nalt = \"Đoàn kiểm tra làm việc tại hội trường\"\ncaption = \"Quang cảnh buổi làm việc\"\ncredit = \"Văn phòng Tỉnh ủy\"\n+++\n", full},
		{"JSON object", "{\n\"title\": \"a\",\n\"date\": \"2018-08-06\",\n\"image\": {\"src\": \"/images/kiem-tra.jpg\", \"alt\": \"Đoàn kiểm tra làm việc tại hội trường\",\n \"caption\": \"Quang cảnh buổi làm việc\", \"credit\": \"Văn phòng Tỉnh ủy\"}\n}\n\n", full},
		{"no alt", "---\ntitle: a\ndate: 2018-08-06\nimage:\n  src: /images/kiem-tra.jpg\n  caption: Quang cảnh\n---\n",
			model.Image{Src: "/images/kiem-tra.jpg", Caption: "Quang cảnh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, msgs := messages(t, one(art, tt.src))
			if len(msgs) > 0 {
				t.Fatalf("problems: %s", strings.Join(msgs, "\n"))
			}
			if got := set.Articles[0].Image; got != tt.want {
				t.Errorf("image = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestImageProblems: a bad image field names the file, the line of the
// part that is wrong, the field, and what is accepted.
func TestImageProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a list", "---\ntitle: a\ndate: 2018-08-06\nimage: [/a.jpg, /b.jpg]\n---\n", []string{
			`content/articles/a.md:4: image: expected an image, got a list (a path such as /images/kiem-tra.jpg, or a map with src:, alt:, caption: and credit:)`}},
		{"a relative path", "---\ntitle: a\ndate: 2018-08-06\nimage: images/a.jpg\n---\n", []string{
			`content/articles/a.md:4: image: "images/a.jpg" is not an image address (a file of the site such as /images/kiem-tra.jpg, or an http(s) address)`}},
		{"no src", "---\ntitle: a\ndate: 2018-08-06\nimage:\n  alt: Hội trường\n---\n", []string{
			`content/articles/a.md:4: image.src: the image has no src (add src: with the file, such as src: /images/kiem-tra.jpg)`}},
		{"bad src on its line", "---\ntitle: a\ndate: 2018-08-06\nimage:\n  alt: Hội trường\n  src: \"javascript:alert(1)\"\n---\n", []string{
			`content/articles/a.md:6: image.src: "javascript:alert(1)" is not an image address (a file of the site such as /images/kiem-tra.jpg, or an http(s) address)`}},
		{"caption a list", "---\ntitle: a\ndate: 2018-08-06\nimage:\n  src: /a.jpg\n  caption: [a, b]\n---\n", []string{
			`content/articles/a.md:6: image.caption: expected text, got a list (write the text, in quotes if it could be read as something else)`}},
		{"misspelt key", "---\ntitle: a\ndate: 2018-08-06\nimage:\n  src: /a.jpg\n  atl: Hội trường\n---\n", []string{
			`content/articles/a.md:6: warning: image.atl: unknown field, ignored (did you mean "alt"?)`}},
		{"TOML credit true", "+++\ntitle = \"a\"\ndate = 2018-08-06\n[image]\nsrc = \"/a.jpg\"\ncredit = true\n+++\n", []string{
			`content/articles/a.md:6: image.credit: expected text, got true (true/false) (write the text, in quotes if it could be read as something else)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := messages(t, one(art, tt.src))
			if strings.Join(msgs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
