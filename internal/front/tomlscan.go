package front

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The TOML scanner's pieces: keys, values and strings, enough of TOML to
// tell where a statement ends.

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func nextLine(s string, i int) int {
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return i + k + 1
	}
	return len(s)
}

// tomlKeyPath reads a dotted key (bare or quoted parts) from s[i:], up to
// "=" or "]".
func tomlKeyPath(s string, i int) ([]string, int, error) {
	var path []string
	for {
		i = skipSpace(s, i)
		if i >= len(s) {
			return nil, i, errors.New("a key is cut short")
		}
		switch c := s[i]; {
		case c == '"' || c == '\'':
			end := tomlStringEnd(s, i)
			var part string
			if c == '\'' {
				part = s[i+1 : end-1]
			} else if err := tomlUnquote(s[i:end], &part); err != nil {
				return nil, i, err
			}
			path, i = append(path, part), end
		default:
			j := i
			for j < len(s) && (isBare(s[j])) {
				j++
			}
			if j == i {
				return nil, i, fmt.Errorf("unexpected %q in a key", s[i])
			}
			path, i = append(path, s[i:j]), j
		}
		i = skipSpace(s, i)
		if i < len(s) && s[i] == '.' {
			i++
			continue
		}
		if i < len(s) && s[i] == ']' {
			for i < len(s) && s[i] == ']' {
				i++
			}
		}
		return path, i, nil
	}
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func tomlUnquote(q string, out *string) error {
	s, err := strconv.Unquote(q)
	if err != nil {
		return fmt.Errorf("bad quoted key %s", q)
	}
	*out = s
	return nil
}

// tomlValueEnd returns the offset just past the value that starts at i:
// a string of any kind, an array or inline table (nested, with strings
// and comments inside), or a bare word up to a comment or the line end.
func tomlValueEnd(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '"', '\'':
		return tomlStringEnd(s, i)
	case '[', '{':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '"', '\'':
				j = tomlStringEnd(s, j) - 1
			case '#':
				j = nextLine(s, j) - 1
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(s)
	}
	j := i
	for j < len(s) && s[j] != '\n' && s[j] != '#' {
		j++
	}
	return i + len(strings.TrimRight(s[i:j], " \t\r"))
}

// tomlStringEnd returns the offset just past the string that opens at
// s[i] (a quote).
func tomlStringEnd(s string, i int) int {
	q := s[i]
	if strings.HasPrefix(s[i:], strings.Repeat(string(q), 3)) {
		j := strings.Index(s[i+3:], strings.Repeat(string(q), 3))
		if j < 0 {
			return len(s)
		}
		end := i + 3 + j + 3
		for end < len(s) && s[end] == q {
			end++
		}
		return end
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q, '\n':
			return j + 1
		}
	}
	return len(s)
}
