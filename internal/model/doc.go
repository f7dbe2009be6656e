// Package model holds the plain types that flow through the pipeline: the
// site settings, the articles, projects and pages loaded from content/, and
// the pages the site is made of once assembled. It does no I/O and imports
// only the standard library, so every stage can share it without reaching
// into another stage.
package model
