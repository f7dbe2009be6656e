// Package feed writes the machine-read files of a site: the RSS and Atom
// feeds (for the whole site and for each project), sitemap.xml (an index
// of sitemap-1.xml, ... past the protocol's 50,000 URLs or 50 MB) and
// robots.txt. It marshals with encoding/xml, so every field is escaped, and
// dates come from the articles, never from the clock, so two builds of the
// same content give the same bytes.
//
// It imports model and the standard library.
package feed
