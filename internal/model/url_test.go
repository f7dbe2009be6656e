package model

import "testing"

func TestAbsURL(t *testing.T) {
	for _, c := range []struct{ base, u, want string }{
		{"https://x.vn/", "/2018/08/a/", "https://x.vn/2018/08/a/"},
		{"https://x.vn/kiem-tra/", "/images/a.jpg", "https://x.vn/kiem-tra/images/a.jpg"},
		{"", "/a/", "/a/"},
		{"https://x.vn/", "/images/hội nghị/Ảnh, 2024.jpg", "https://x.vn/images/h%E1%BB%99i%20ngh%E1%BB%8B/%E1%BA%A2nh,%202024.jpg"},
		{"https://x.vn/", "/images/a%20b.jpg", "https://x.vn/images/a%20b.jpg"}, // escaped once, not twice
		{"https://x.vn/", "https://cdn.example.org/ảnh 1.jpg?w=2#x", "https://cdn.example.org/%E1%BA%A3nh%201.jpg?w=2#x"},
		{"https://x.vn/", "//cdn.example.org/a.jpg", "//cdn.example.org/a.jpg"},
		{"https://x.vn/", `/a"<b>.jpg`, "https://x.vn/a%22%3Cb%3E.jpg"},
	} {
		if got := AbsURL(c.base, c.u); got != c.want {
			t.Errorf("AbsURL(%q, %q) = %q, want %q", c.base, c.u, got, c.want)
		}
	}
}
