// Package sitetest builds small sites written inline as txtar archives and
// lets a test assert on the output, so one test shows a whole case in one
// place: the input files, the build, and what the reader gets.
//
//	site := sitetest.Build(t, `
//	-- site.yaml --
//	title: Tin kiểm tra
//	-- content/articles/a.md --
//	---
//	title: A
//	date: 2018-08-06
//	---
//	Body.
//	`)
//	site.Contains(t, "2018/08/a/index.html", "<h1>A</h1>")
//
// Browser and Site.Serve run a built site in headless Chromium (chromedp).
//
// It imports build, output, diag, the standard library and chromedp.
package sitetest
