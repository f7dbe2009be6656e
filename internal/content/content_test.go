package content

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/model"
)

var hcm = location(model.Config{})

// messages loads fsys and returns every problem as the user reads it.
func messages(t *testing.T, fsys fstest.MapFS) (*Set, []string) {
	t.Helper()
	set, probs := Load(fsys, model.Config{})
	var out []string
	for _, p := range probs {
		out = append(out, p.Error())
	}
	return set, out
}

func one(name, body string) fstest.MapFS {
	return fstest.MapFS{name: {Data: []byte(body)}}
}

const art = "content/articles/a.md"

func TestArticle(t *testing.T) {
	src := `---
title: Kiểm tra thực hiện các đề án về công tác dân vận
date: 2018-08-06T16:41:00+07:00
kind: outcome
team_lead:
  name: Bùi Hải Tú
  role: Phó Chủ nhiệm
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
    title: Nâng cao chất lượng
  - 02-ĐA/TU
outcome:
  findings:
    - Hầu hết các mục tiêu
  shortcomings: Chưa nhiều
  recommendations: [Bổ sung]
  follow_up_by: 2018-09-30
tags: [dân vận, dân chủ ở cơ sở]
summary: Tóm tắt.
image: /images/a.jpg
draft: true
---
Body *here*.
`
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	a := set.Articles[0]
	checks := []struct{ name, got, want string }{
		{"Title", a.Title, "Kiểm tra thực hiện các đề án về công tác dân vận"},
		{"Date", a.Date.Format(time.RFC3339), "2018-08-06T16:41:00+07:00"},
		{"Kind", a.Kind, "outcome"},
		{"TeamLead", a.TeamLead.Name + "|" + a.TeamLead.Role, "Bùi Hải Tú|Phó Chủ nhiệm"},
		{"Unit", a.Unit, "Đảng ủy Khối các cơ quan tỉnh"},
		{"Doc0", a.Documents[0].Code + "|" + a.Documents[0].Key + "|" + a.Documents[0].Date.Format(time.RFC3339) + "|" + a.Documents[0].Title,
			"01-ĐA/TU|01-DA/TU|2016-07-12T00:00:00+07:00|Nâng cao chất lượng"},
		{"Doc1", a.Documents[1].Code + "|" + a.Documents[1].Key, "02-ĐA/TU|02-DA/TU"},
		{"DocLines", itoa(a.Documents[0].Line) + "," + itoa(a.Documents[1].Line), "10,13"},
		{"Findings", strings.Join(a.Outcome.Findings, ";"), "Hầu hết các mục tiêu"},
		{"Shortcomings", strings.Join(a.Outcome.Shortcomings, ";"), "Chưa nhiều"},
		{"Recommendations", strings.Join(a.Outcome.Recommendations, ";"), "Bổ sung"},
		{"FollowUp", a.Outcome.FollowUpBy.Format(time.RFC3339), "2018-09-30T00:00:00+07:00"},
		{"Tags", strings.Join(a.Tags, ";"), "dân vận;dân chủ ở cơ sở"},
		{"Summary", a.SummaryField, "Tóm tắt."},
		{"Image", a.Image.Src, "/images/a.jpg"},
		{"Draft", btoa(a.Draft), "true"},
		{"Slug", a.Slug + "|" + btoa(a.ExplicitSlug), "kiem-tra-thuc-hien-cac-de-an-ve-cong-tac-dan-van|false"},
		{"Path", a.Path, art},
		{"Markdown", string(model.Markdown(&a.Source)), "Body *here*.\n"},
		{"BodyLine", itoa(a.BodyLine), "25"},
		{"Fields", fieldList(a.Fields), "title:2 date:3 kind:4 team_lead:5 inspected_unit:8 documents:9 outcome:14 tags:20 summary:21 image:22 draft:23"},
		{"Line", itoa(a.Line("documents")), "9"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func btoa(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
func fieldList(fs []model.Field) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Name+":"+itoa(f.Line))
	}
	return strings.Join(s, " ")
}

// Tags written as one text with commas are several tags, in every format.
func TestTagsAsOneTextWithCommas(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: a\ndate: 2018-08-06\ntags: dân vận, dân chủ ở cơ sở ,\n---\n",
		"+++\ntitle = \"a\"\ndate = 2018-08-06\ntags = \"dân vận, dân chủ ở cơ sở\"\n+++\n",
		"---\ntitle: a\ndate: 2018-08-06\ntags: [dân vận, dân chủ ở cơ sở]\n---\n",
	} {
		set, msgs := messages(t, one(art, src))
		if len(msgs) != 0 {
			t.Fatalf("problems: %v", msgs)
		}
		if got := strings.Join(set.Articles[0].Tags, "|"); got != "dân vận|dân chủ ở cơ sở" {
			t.Errorf("tags %q from\n%s", got, src)
		}
	}
}
