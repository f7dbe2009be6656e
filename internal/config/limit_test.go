package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestMaxFileSize reads the size limit of content and imported files in
// the forms an editor writes it.
func TestMaxFileSize(t *testing.T) {
	tests := []struct {
		yaml string
		want int64
		msg  string
	}{
		{"", 10 << 20, ""},
		{"max_file_size: 2048\n", 2048, ""},
		{"max_file_size: 20 MB\n", 20 << 20, ""},
		{"max_file_size: 20MB\n", 20 << 20, ""},
		{"max_file_size: 512 kb\n", 512 << 10, ""},
		{"max_file_size: 1,5 GB\n", 3 << 29, ""},
		{"max_file_size: 1.5 GiB\n", 3 << 29, ""},
		{"max_file_size: 300 bytes\n", 300, ""},
		{"max_file_size: 0\n", 10 << 20, `site.yaml:1: max_file_size: the size must be at least 1 byte, got the number 0 (a size such as "10 MB" or "512 KB", or a number of bytes)`},
		{"max_file_size: ten MB\n", 10 << 20, `site.yaml:1: max_file_size: "ten MB" is not a size (a size such as "10 MB" or "512 KB", or a number of bytes)`},
		{"max_file_size: 10 TB\n", 10 << 20, `site.yaml:1: max_file_size: "10 TB" is not a size (a size such as "10 MB" or "512 KB", or a number of bytes)`},
		{"max_file_size: [1]\n", 10 << 20, `site.yaml:1: max_file_size: expected a size, got a list (a size such as "10 MB" or "512 KB", or a number of bytes)`},
	}
	for _, tt := range tests {
		cfg, probs := Load(fstest.MapFS{"site.yaml": {Data: []byte("base_url: https://x.vn/\n" + tt.yaml)}})
		var msgs []string
		for _, p := range probs {
			p.Line-- // the base_url line above
			msgs = append(msgs, p.Error())
		}
		if cfg.MaxFileSize != tt.want || strings.Join(msgs, "\n") != tt.msg {
			t.Errorf("%q: MaxFileSize %d, problems %q; want %d, %q", tt.yaml, cfg.MaxFileSize, msgs, tt.want, tt.msg)
		}
	}
}
