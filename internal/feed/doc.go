// Package feed writes the machine-read files of a site: the RSS and Atom
// feeds (for the whole site and for each project), sitemap.xml and
// robots.txt. It marshals with encoding/xml, so every field is escaped, and
// dates come from the articles, never from the clock, so two builds of the
// same content give the same bytes.
//
// It imports model and the standard library.
package feed
