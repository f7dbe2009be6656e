package content

import (
	"bytes"
	"encoding/json"
	"strings"
)

// The decoders used here (yaml.v2, BurntSushi/toml, encoding/json) do not say on
// which line a key stands, so this file finds them by scanning the
// frontmatter text. start is the file line of the text's first line.

// dup is a top-level key given a second time: yaml.v2 and encoding/json
// keep the last value without a word, which hides a mistake.
type dup struct {
	key         string
	first, line int // file lines of the first and the repeated key
}

// yamlKeyLines finds top-level keys: lines at column 0 of the form "key:".
// It also returns the keys written more than once.
func yamlKeyLines(raw []byte, start int) (map[string]int, []dup) {
	out := make(map[string]int)
	var dups []dup
	for i, l := range strings.Split(string(raw), "\n") {
		if l == "" || strings.ContainsRune(" \t#-", rune(l[0])) {
			continue
		}
		if k, ok := yamlKey(l); ok {
			if first, seen := out[k]; seen {
				dups = append(dups, dup{k, first, start + i})
			} else {
				out[k] = start + i
			}
		}
	}
	return out, dups
}

// yamlKey returns the key of a "key: value" line, unquoted.
func yamlKey(l string) (string, bool) {
	for i := 0; i < len(l); i++ {
		if l[i] == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t') {
			return strings.Trim(strings.TrimSpace(l[:i]), `"'`), true
		}
	}
	return "", false
}

// yamlItemLines finds the "- " lines of the block list under key: those at
// the indentation of the first one, up to the next top-level key.
func yamlItemLines(raw []byte, start int, key string) []int {
	lines := strings.Split(string(raw), "\n")
	var out []int
	in, indent := false, -1
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if !in {
			if k, ok := yamlKey(l); ok && len(t) == len(l) && k == key {
				in = true
			}
			continue
		}
		if t == "" || t[0] == '#' {
			continue
		}
		ind := len(l) - len(t)
		if ind == 0 && t[0] != '-' {
			break // the next top-level key
		}
		if t == "-" || strings.HasPrefix(t, "- ") {
			if indent < 0 {
				indent = ind
			}
			if ind == indent {
				out = append(out, start+i)
			}
		}
	}
	return out
}

// tomlKeyLines finds top-level keys: "key = " lines before the first table
// header, and the first header naming each table ("[key]", "[[key]]",
// "[key.sub]").
func tomlKeyLines(raw []byte, start int) map[string]int {
	out := make(map[string]int)
	tables := false
	for i, l := range strings.Split(string(raw), "\n") {
		t := strings.TrimSpace(l)
		var k string
		switch {
		case t == "" || t[0] == '#':
			continue
		case t[0] == '[':
			tables = true
			k = strings.Trim(t, "[] \t")
		case tables:
			continue
		default:
			eq := strings.IndexByte(t, '=')
			if eq < 0 {
				continue
			}
			k = strings.TrimSpace(t[:eq])
		}
		k, _, _ = strings.Cut(k, ".") // a dotted key sets a field of a table
		k = strings.Trim(strings.TrimSpace(k), `"'`)
		if _, seen := out[k]; !seen {
			out[k] = start + i
		}
	}
	return out
}

// tomlItemLines finds the entries of the list under key: the line each
// value of an inline array starts on ("documents = [" with one entry per
// line), or else the "[[key]]" headers of an array of tables.
func tomlItemLines(raw []byte, start int, key string) []int {
	lines := strings.Split(string(raw), "\n")
	off := 0 // of line i in raw
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t != "" && t[0] == '[' {
			break // inline arrays of top-level keys come before any table
		}
		if k, v, ok := strings.Cut(l, "="); ok && t[0] != '#' && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			if strings.HasPrefix(strings.TrimSpace(v), "[") {
				return tomlArrayEntries(raw, off+len(k)+1+strings.IndexByte(v, '['), start)
			}
			break
		}
		off += len(l) + 1
	}
	var out []int
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[[") && strings.Trim(t, "[] \t") == key {
			out = append(out, start+i)
		}
	}
	return out
}

// tomlArrayEntries scans the inline array whose "[" is at raw[at] and
// returns the file line each of its values starts on. It knows enough of
// TOML to skip strings (basic, literal, multi-line), comments, and nested
// arrays and inline tables.
func tomlArrayEntries(raw []byte, at, start int) []int {
	var out []int
	line := start + bytes.Count(raw[:at], []byte("\n"))
	depth, expect := 0, false // expect: the next value starts an entry
	for i := at; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\n':
			line++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#':
			for i+1 < len(raw) && raw[i+1] != '\n' {
				i++
			}
			continue
		}
		if expect && c != ']' && c != ',' {
			out = append(out, line)
			expect = false
		}
		switch c {
		case '[', '{':
			depth++
			if depth == 1 {
				expect = true
			}
		case ']', '}':
			depth--
			if depth == 0 {
				return out
			}
		case ',':
			if depth == 1 {
				expect = true
			}
		case '"', '\'':
			end := tomlStringEnd(raw, i)
			line += bytes.Count(raw[i:end], []byte("\n"))
			i = end - 1
		}
	}
	return out
}

// tomlStringEnd returns the offset just past the string that opens at
// raw[i] (a quote), or len(raw) when it is not closed.
func tomlStringEnd(raw []byte, i int) int {
	q := raw[i]
	if bytes.HasPrefix(raw[i:], []byte{q, q, q}) { // multi-line
		j := bytes.Index(raw[i+3:], []byte{q, q, q})
		if j < 0 {
			return len(raw)
		}
		end := i + 3 + j + 3
		for end < len(raw) && raw[end] == q { // up to two quotes may close the content
			end++
		}
		return end
	}
	for j := i + 1; j < len(raw); j++ {
		switch raw[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q, '\n':
			return j + 1
		}
	}
	return len(raw)
}

// jsonLines walks the top-level object's tokens: the decoder's offsets
// give each key's line and, for lists, each entry's line. It also returns
// the keys written more than once.
func jsonLines(raw []byte, start int) (map[string]int, map[string][]int, []dup) {
	keys, items := make(map[string]int), make(map[string][]int)
	var dups []dup
	lineAt := func(off int64) int {
		o := int(min(off, int64(len(raw))))
		// Skip the separators before the token, to land on its own line.
		for o < len(raw) && strings.ContainsRune(" \t\r\n,:", rune(raw[o])) {
			o++
		}
		return start + bytes.Count(raw[:o], []byte("\n"))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return keys, items, nil
	}
	for dec.More() {
		at := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			break
		}
		k, _ := tok.(string)
		if first, seen := keys[k]; seen {
			dups = append(dups, dup{k, first, lineAt(at)})
			delete(items, k) // the entries of the last value are the ones kept
		} else {
			keys[k] = lineAt(at)
		}
		if !jsonValue(dec, lineAt, func(l int) { items[k] = append(items[k], l) }) {
			break
		}
	}
	return keys, items, dups
}

// jsonValue consumes one value; when it is a list, it reports each entry's
// line to item.
func jsonValue(dec *json.Decoder, lineAt func(int64) int, item func(int)) bool {
	var skip json.RawMessage
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	switch tok {
	case json.Delim('['):
		for dec.More() {
			item(lineAt(dec.InputOffset()))
			if dec.Decode(&skip) != nil {
				return false
			}
		}
		_, err = dec.Token()
	case json.Delim('{'):
		for dec.More() {
			if _, err = dec.Token(); err != nil || dec.Decode(&skip) != nil {
				return false
			}
		}
		_, err = dec.Token()
	}
	return err == nil
}

// entryKeyLines finds, for each entry of the list under key (entries
// starting on the file lines in starts), the line that names each of the
// entry's own keys ("date:", "date =", "\"date\":"), so that a problem
// with one part of an entry points at it. An entry ends where the next
// one starts, the last where the next top-level key does. Keys not found
// are left out; callers fall back to the entry's line.
func (f *front) entryKeyLines(key string, starts []int, subkeys []string) []map[string]int {
	lines := strings.Split(string(f.raw), "\n")
	end := f.start + len(lines)
	for _, l := range f.lines {
		if l > f.lines[key] && l < end {
			end = l
		}
	}
	out := make([]map[string]int, len(starts))
	for i, from := range starts {
		to := end
		if i+1 < len(starts) && starts[i+1] > from {
			to = starts[i+1]
		}
		out[i] = map[string]int{}
		for ln := from; ln < to && ln-f.start < len(lines); ln++ {
			if ln < f.start {
				continue
			}
			for _, k := range subkeys {
				if _, seen := out[i][k]; !seen && namesKey(lines[ln-f.start], k) {
					out[i][k] = ln
				}
			}
		}
	}
	return out
}

// namesKey reports whether line sets key: key, "key" or 'key', then ':'
// or '=', at the start of the line or after "- ", "{" or ",".
func namesKey(line, key string) bool {
	for i := 0; i < len(line); {
		j := strings.Index(line[i:], key)
		if j < 0 {
			return false
		}
		j += i
		before := strings.TrimRight(line[:j], `"'`)
		after := strings.TrimLeft(line[j+len(key):], `"'`)
		after = strings.TrimLeft(after, " \t")
		b := strings.TrimRight(before, " \t")
		if (b == "" || strings.HasSuffix(b, "-") || strings.HasSuffix(b, "{") || strings.HasSuffix(b, ",")) &&
			(strings.HasPrefix(after, ":") || strings.HasPrefix(after, "=")) {
			return true
		}
		i = j + len(key)
	}
	return false
}
