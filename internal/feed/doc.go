// Package feed writes the machine-read files of a site: the RSS and Atom
// feeds (for the whole site and for each project), the follow-up
// tracker's Atom feed, the JSON Feed, sitemap.xml (with articles' lead
// images; an index of sitemap-1.xml, ... past the protocol's 50,000 URLs
// or 50 MB), the Google News sitemap and robots.txt. It marshals with
// encoding/xml and encoding/json, so every field is escaped, and dates come
// from the articles, never from the clock (the news sitemap's articles are
// picked by the assembler), so two builds of the same content give the
// same bytes. Feeds name an article's byline as its author, never its team
// lead; Atom and JSON Feed carry the full text a Channel's Full makes,
// without visually hidden labels.
//
// It imports model and the standard library.
package feed
