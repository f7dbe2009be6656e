package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"bulletin/internal/text"
)

// kindWord matches a kind of document (text.Kinds, shared with the site's
// reading of document lists), any case, any white space between its words.
var kindWord = func() string {
	alts := make([]string, len(text.Kinds))
	for i, k := range text.Kinds {
		alts[i] = strings.Join(strings.Fields(strings.ToLower(k)), `\s+`)
	}
	return `(?i:(` + strings.Join(alts, "|") + `))`
}()

// Pieces of the document pattern.
const (
	// up to three lower-case words then "số" ("hành động số"), or "số", or
	// nothing but a space.
	number = `(?:(?:\s+[\p{Ll}][\p{Ll}\p{M}]*){0,3}?\s+(?i:số)\s*|\s+)`
	// a code, maybe in quotes ("số “01-ĐA/TU”")
	code = `["“'‘]?(\d+(?:[-/‐–][\p{L}\p{M}\d]+)+)["”'’]?`
	// ", ngày 12/7/2016", "ngày 12-7-2016", "ngày 12 tháng 7 năm 2016"
	docDate = `(?:\s*,?\s*(?i:ngày)\s+(\d{1,2})\s*(?:/|-|\s+(?i:tháng)\s+)\s*(\d{1,2})\s*(?:/|-|\s+(?i:năm)\s+)\s*(\d{4}))?`
	// ` của BCH Đảng bộ tỉnh về “...”`, ` về việc "..."`, ` “...”`
	docTitle = `(?:\s*,?\s*(?:(?i:của)\s+[^“”"\d.;:]{1,100}?\s*,?\s*)?(?:(?i:về)\s+(?:(?i:việc)\s+)?)?(?:“([^”]*)”|"([^"]*)"))?`
)

var (
	docPattern = regexp.MustCompile(kindWord + number + code + docDate + docTitle)
	// another code of the same kind: "Đề án số 01-ĐA/TU và (số) 02-ĐA/TU"
	docMore = regexp.MustCompile(`^\s*(?:,|(?i:và))\s*(?:(?i:số)\s+)?` + code + docDate + docTitle)
)

// findDocuments returns the documents cited in texts, in order of first
// citation, deduplicated by text.CodeKey; a later citation of a code fills
// in the date or title the first one lacked.
func findDocuments(texts []string) []Document {
	var docs []Document
	index := map[string]int{}
	add := func(d Document) {
		k := text.CodeKey(d.Code)
		i, seen := index[k]
		if !seen {
			index[k] = len(docs)
			docs = append(docs, d)
			return
		}
		if docs[i].Date == "" {
			docs[i].Date = d.Date
		}
		if docs[i].Title == "" {
			docs[i].Title = d.Title
		}
	}
	for _, t := range texts {
		for _, m := range docPattern.FindAllStringSubmatchIndex(t, -1) {
			kind := canonicalKind(t[m[2]:m[3]])
			if d, ok := document(kind, t, m[4:]); ok {
				add(d)
			}
			// Codes that follow with "và" or "," share the kind.
			for rest := m[1]; ; {
				mm := docMore.FindStringSubmatchIndex(t[rest:])
				if mm == nil {
					break
				}
				for j := range mm {
					if mm[j] >= 0 {
						mm[j] += rest
					}
				}
				if d, ok := document(kind, t, mm[2:]); ok {
					add(d)
				}
				rest = mm[1]
			}
		}
	}
	return docs
}

// document builds a Document from the submatch indexes of code, day, month,
// year, curly title and straight title, in that order.
func document(kind, t string, m []int) (Document, bool) {
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return t[m[2*k]:m[2*k+1]]
	}
	c := strings.NewReplacer("‐", "-", "–", "-").Replace(sub(0))
	if !strings.Contains(c, "/") || !strings.ContainsFunc(c, isLetter) {
		return Document{}, false // "số 12/2019" is not a document code
	}
	d := Document{Kind: kind, Code: c}
	if day := sub(1); day != "" {
		if _, ok := validDate(atoi(sub(3)), atoi(sub(2)), atoi(day), 0, 0, time.UTC); ok {
			d.Date = itoa(atoi(day)) + "/" + itoa(atoi(sub(2))) + "/" + sub(3)
		}
	}
	d.Title = strings.TrimSpace(sub(4) + sub(5))
	return d, true
}

// canonicalKind spells a matched kind word as Document.Kind does.
func canonicalKind(w string) string {
	if k, rest := text.KindPrefix(w); k != "" && rest == "" {
		return k
	}
	return collapseSpace(w)
}

// kindPrefix returns the kind word s starts with, or "".
func kindPrefix(s string) string {
	k, _ := text.KindPrefix(s)
	return k
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func itoa(n int) string { return strconv.Itoa(n) }

func isLetter(r rune) bool { return unicode.IsLetter(r) }
