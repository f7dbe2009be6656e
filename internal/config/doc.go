// Package config reads and validates site.yaml, the site's settings, into a
// model.Config. A missing file means the defaults; every problem found
// (syntax, a wrong type, an unknown time zone, an unknown key) is returned
// with its line, so an editor fixes them all at once. A site.yaml that
// leaves base_url relative (or unset) gets a "relative-base-url" warning:
// feeds and the sitemap need an absolute URL. A site with no site.yaml at
// all, a quick try-out, gets none.
//
// It imports time/tzdata so "Asia/Ho_Chi_Minh" resolves on machines (and
// containers) without a zone database.
//
// site.yaml is read through input (a regular file of at most 10 MB);
// max_file_size sets the limit of content and imported files.
//
// Imports: model, diag, input, text (for "did you mean" hints), gopkg.in/yaml.v2, stdlib.
package config
