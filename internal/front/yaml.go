package front

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "gopkg.in/yaml.v3"
)

// yamlDoc places the keys of YAML frontmatter by yaml.v3's node tree: each
// key's node gives its line, and a key's lines run to the next key's,
// less the blank and comment lines before it (they belong to what follows).
type yamlDoc struct {
	ls   []string
	eol  string
	ents []yent
}

// yent is one key of a block map, and the lines [from, to) it stands on.
type yent struct {
	key      string
	k, v     *yaml.Node
	from, to int
}

func parseYAML(text, eol string) (*yamlDoc, error) {
	d := &yamlDoc{ls: lines(text), eol: eol}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return d, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, errors.New("the frontmatter is not fields (key: value)")
	}
	if root.Style&yaml.FlowStyle != 0 {
		return nil, errors.New("the frontmatter is one {…} map: only one key a line can be edited in place")
	}
	d.ents = d.pairs(root, len(d.ls))
	return d, nil
}

// pairs lists the keys of the block map m, which ends before line end.
func (d *yamlDoc) pairs(m *yaml.Node, end int) []yent {
	n := len(m.Content) / 2
	out := make([]yent, n)
	for i := range n {
		k, v := m.Content[2*i], m.Content[2*i+1]
		from, to := k.Line-1, end
		if i+1 < n {
			to = m.Content[2*i+2].Line - 1
		}
		out[i] = yent{k.Value, k, v, from, d.trim(from+1, to, v)}
	}
	return out
}

// trim moves the end of an entry back over blank and comment lines. In a
// block scalar (| or >) an indented "#" is text, not a comment.
func (d *yamlDoc) trim(min, to int, v *yaml.Node) int {
	block := v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	for to > min {
		l := d.ls[to-1]
		if !blankOrComment(l, '#') || block && strings.TrimSpace(l) != "" && indentOf(l) != "" {
			break
		}
		to--
	}
	return to
}

func (d *yamlDoc) keys() []string {
	out := make([]string, len(d.ents))
	for i, e := range d.ents {
		out[i] = e.key
	}
	return out
}

func find(ents []yent, key string) *yent {
	for i := range ents {
		if ents[i].key == key {
			return &ents[i]
		}
	}
	return nil
}

func (d *yamlDoc) set(key string, v any) (string, error) {
	e := find(d.ents, key)
	if e == nil {
		at := len(d.ls)
		if len(d.ents) > 0 {
			at = d.ents[len(d.ents)-1].to
		}
		return splice(d.ls, at, at, d.entry(key, v, ""), d.eol), nil
	}
	return d.replace(e, v)
}

// replace rewrites the lines of entry e with v. A list given for a block
// list keeps the items it keeps as written; a one-line value keeps the
// comment at the end of its line.
func (d *yamlDoc) replace(e *yent, v any) (string, error) {
	ind := indentOf(d.ls[e.from])
	if l, ok := v.(List); ok && e.v.Kind == yaml.SequenceNode {
		if e.v.Style&yaml.FlowStyle == 0 && len(e.v.Content) > 0 && len(l.Items) > 0 {
			return d.blockList(e, l)
		}
		l.Flow = e.v.Style&yaml.FlowStyle != 0
		v = d.resolve(e.v, l)
	}
	repl := d.entry(e.key, v, ind)
	// The comment stays at the end of the line, or of the key's line
	// when the value becomes a block ("team_lead: X # note" given a role).
	if c := lineComment(e); c != "" && e.to == e.from+1 && (len(repl) == 1 || strings.HasSuffix(repl[0], ":")) {
		repl[0] += " " + c
	}
	return splice(d.ls, e.from, e.to, repl, d.eol), nil
}

// lineComment is the comment at the end of a one-line entry: a scalar,
// or a list or map written on one line ("tags: [a, b] # note").
func lineComment(e *yent) string {
	cs := []string{e.v.LineComment, e.k.LineComment}
	switch {
	case e.v.Kind == yaml.ScalarNode:
	case e.v.Style&yaml.FlowStyle != 0 && len(e.v.Content) > 0:
		// yaml.v3 gives a one-line flow list's comment to its last item
		// (or a map's last value).
		cs = append(cs, e.v.Content[len(e.v.Content)-1].LineComment)
	case e.v.Style&yaml.FlowStyle != 0:
	default:
		return ""
	}
	for _, c := range cs {
		if c != "" && !strings.Contains(c, "\n") {
			return c
		}
	}
	return ""
}

// resolve replaces the Keep items of l by the values they keep.
func (d *yamlDoc) resolve(seq *yaml.Node, l List) List {
	items := make([]any, len(l.Items))
	for i, it := range l.Items {
		if k, ok := it.(Keep); ok && int(k) < len(seq.Content) {
			it = nodeValue(seq.Content[k])
		}
		items[i] = it
	}
	return List{Items: items, Flow: l.Flow}
}

// blockList rewrites a block list: the key's line and any comment before
// the first item stay, each kept item keeps its lines as written (with
// the comments after it), and new items are written at the items'
// indentation.
func (d *yamlDoc) blockList(e *yent, l List) (string, error) {
	seq := e.v
	starts := make([]int, len(seq.Content))
	lo := e.from + 1
	for j, it := range seq.Content {
		s := it.Line - 1
		for s > lo && !strings.HasPrefix(strings.TrimLeft(d.ls[s], " \t"), "-") {
			s--
		}
		starts[j], lo = s, s+1
	}
	span := func(j int) []string {
		to := e.to
		if j+1 < len(starts) {
			to = starts[j+1]
		}
		var out []string
		for _, l := range d.ls[starts[j]:to] {
			out = append(out, strings.TrimRight(l, "\r\n"))
		}
		return out
	}
	dash := indentOf(d.ls[starts[0]])
	var repl []string
	for _, l := range d.ls[e.from:starts[0]] {
		repl = append(repl, strings.TrimRight(l, "\r\n"))
	}
	for _, it := range l.Items {
		if k, ok := it.(Keep); ok {
			if int(k) >= len(starts) {
				return "", fmt.Errorf("front: %s has no item %d", e.key, k)
			}
			repl = append(repl, span(int(k))...)
			continue
		}
		repl = append(repl, yamlItem(it, dash)...)
	}
	return splice(d.ls, e.from, e.to, repl, d.eol), nil
}

func (d *yamlDoc) setIn(key, sub string, v any) (string, error) {
	e := find(d.ents, key)
	if e == nil {
		return d.set(key, Map{{sub, v}})
	}
	if e.v.Kind != yaml.MappingNode {
		return "", ErrNotMap
	}
	if e.v.Style&yaml.FlowStyle != 0 {
		m := nodeValue(e.v).(Map)
		return d.replace(e, m.with(sub, v))
	}
	subs := d.pairs(e.v, e.to)
	if s := find(subs, sub); s != nil {
		return d.replace(s, v)
	}
	last := subs[len(subs)-1]
	return splice(d.ls, last.to, last.to, d.entry(sub, v, indentOf(d.ls[subs[0].from])), d.eol), nil
}

func (d *yamlDoc) remove(key string) (string, error) {
	e := find(d.ents, key)
	if e == nil {
		return strings.Join(d.ls, ""), nil
	}
	return splice(d.ls, e.from, e.to, nil, d.eol), nil
}

func (d *yamlDoc) removeIn(key, sub string) (string, error) {
	e := find(d.ents, key)
	if e == nil {
		return strings.Join(d.ls, ""), nil
	}
	if e.v.Kind != yaml.MappingNode {
		return "", ErrNotMap
	}
	m := nodeValue(e.v).(Map)
	if e.v.Style&yaml.FlowStyle != 0 || len(m) == 1 {
		return d.replace(e, m.without(sub))
	}
	s := find(d.pairs(e.v, e.to), sub)
	if s == nil {
		return strings.Join(d.ls, ""), nil
	}
	return splice(d.ls, s.from, s.to, nil, d.eol), nil
}

// entry writes key: v at indentation ind, as lines without line ends.
func (d *yamlDoc) entry(key string, v any, ind string) []string {
	k := ind + yamlKey(key) + ":"
	switch v := v.(type) {
	case List:
		switch {
		case len(v.Items) == 0:
			return []string{k + " []"}
		case v.Flow:
			return []string{k + " " + yamlFlow(v)}
		}
		out := []string{k}
		for _, it := range v.Items {
			out = append(out, yamlItem(it, ind+"  ")...)
		}
		return out
	case Map:
		if len(v) == 0 {
			return []string{k + " {}"}
		}
		out := []string{k}
		for _, p := range v {
			out = append(out, d.entry(p.Key, p.Value, ind+"  ")...)
		}
		return out
	}
	return []string{k + " " + yamlScalar(v)}
}

// yamlItem writes one item of a block list, its dash at indentation dash.
func yamlItem(it any, dash string) []string {
	switch it := it.(type) {
	case Map:
		if len(it) == 0 {
			return []string{dash + "- {}"}
		}
		d := &yamlDoc{}
		var out []string
		for _, p := range it {
			out = append(out, d.entry(p.Key, p.Value, dash+"  ")...)
		}
		out[0] = dash + "- " + strings.TrimPrefix(out[0], dash+"  ")
		return out
	case List:
		return []string{dash + "- " + yamlFlow(it)}
	}
	return []string{dash + "- " + yamlScalar(it)}
}

// raw is a scalar kept as it was written (a number, a bare date).
type raw string

// nodeValue turns a node into the values Set takes, so a map or list
// written in flow style can be written again with one part changed.
func nodeValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := Map{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m = append(m, Pair{n.Content[i].Value, nodeValue(n.Content[i+1])})
		}
		return m
	case yaml.SequenceNode:
		l := List{Flow: n.Style&yaml.FlowStyle != 0}
		for _, c := range n.Content {
			l.Items = append(l.Items, nodeValue(c))
		}
		return l
	case yaml.AliasNode:
		return raw("*" + n.Value)
	}
	if n.Tag == "!!str" {
		return n.Value
	}
	return raw(n.Value)
}

func (m Map) with(key string, v any) Map {
	out := append(Map(nil), m...)
	for i := range out {
		if out[i].Key == key {
			out[i].Value = v
			return out
		}
	}
	return append(out, Pair{key, v})
}

func (m Map) without(key string) Map {
	var out Map
	for _, p := range m {
		if p.Key != key {
			out = append(out, p)
		}
	}
	return out
}

// yamlKey writes a key plain when it is a simple name.
func yamlKey(k string) string {
	for _, r := range k {
		if !(r == '_' || r == '-' || r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return QuoteYAML(k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

// yamlScalar writes a scalar so that yaml.v2 reads back the same value.
func yamlScalar(v any) string {
	switch v := v.(type) {
	case string:
		if yamlPlain(v, false) {
			return v
		}
		return QuoteYAML(v)
	case Date:
		if dateText(string(v)) {
			return string(v)
		}
		return QuoteYAML(string(v))
	case bool:
		return strconv.FormatBool(v)
	case raw:
		return string(v)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// yamlFlow writes a list on one line: [a, "b, c"].
func yamlFlow(l List) string {
	parts := make([]string, len(l.Items))
	for i, it := range l.Items {
		switch it := it.(type) {
		case string:
			if yamlPlain(it, true) {
				parts[i] = it
			} else {
				parts[i] = QuoteYAML(it)
			}
		case Map:
			var kv []string
			for _, p := range it {
				kv = append(kv, yamlKey(p.Key)+": "+flowScalar(p.Value))
			}
			parts[i] = "{" + strings.Join(kv, ", ") + "}"
		case List:
			parts[i] = yamlFlow(it)
		default:
			parts[i] = flowScalar(it)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func flowScalar(v any) string {
	switch v := v.(type) {
	case string:
		if yamlPlain(v, true) {
			return v
		}
		return QuoteYAML(v)
	case List:
		return yamlFlow(v)
	case Date:
		if dateText(string(v)) && !strings.Contains(string(v), ",") {
			return string(v)
		}
		return QuoteYAML(string(v))
	}
	return yamlScalar(v)
}

// specialWords are read by yaml.v2 (YAML 1.1) as booleans or null.
var specialWords = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true}

// yamlPlain reports whether s can be written without quotes and read back
// as the same text: it starts with a letter and holds only letters, marks,
// digits, single spaces and punctuation that YAML gives no meaning there.
// In a flow list (inFlow) commas and brackets are not allowed either.
func yamlPlain(s string, inFlow bool) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) || specialWords[strings.ToLower(s)] || s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == ' ':
		case strings.ContainsRune(".()-–/%'?!;", r):
		case r == ',' && !inFlow:
		default:
			return false
		}
	}
	return true
}

// dateText reports whether a date's text can stand bare: digits and the
// separators dates use ("2018-08-06T16:41:00+07:00", "16:41, 06/08/2018").
func dateText(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(":-+/., TZ", r)) {
			return false
		}
	}
	return !strings.HasSuffix(s, ":") && !strings.Contains(s, ": ") && !strings.HasSuffix(s, " ")
}
