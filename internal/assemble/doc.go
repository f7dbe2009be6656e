// Package assemble turns loaded content into the site model: it decides
// which articles are shown, gives every page its URL, gathers the articles
// of each project, team lead, unit and tag, sorts them newest first,
// paginates the lists, and reports two pages that would land on one URL.
// It gives each article its byline (its authors, else the publisher), a
// page at each of its old URLs (aliases), and picks the articles of the
// two days before the build for the news sitemap, moving Site.Until to
// when the first of them leaves that window.
//
// It imports model, diag, text and par; it does no I/O, so the whole model of a
// site can be tested from values built in Go.
package assemble
