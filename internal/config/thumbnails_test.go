package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestThumbnails(t *testing.T) {
	for yaml, want := range map[string]string{
		"":                      "false",
		"thumbnails: true\n":    "true",
		"thumbnails: false\n":   "false",
		"thumbnails: \"yes\"\n": `false site.yaml:2: thumbnails: expected true or false, got the text "yes" (true or false, without quotes)`,
	} {
		cfg, probs := Load(fstest.MapFS{"site.yaml": {Data: []byte("base_url: https://kiemtra.example.vn/\n" + yaml)}})
		got := []string{btoa2(cfg.Thumbnails)}
		for _, p := range probs {
			got = append(got, p.Error())
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: %s, want %s", yaml, strings.Join(got, " "), want)
		}
	}
}

func btoa2(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
