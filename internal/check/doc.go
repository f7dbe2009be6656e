// Package check reads a whole site and reports what the build rejects
// (errors) and what it would publish but an editor should look at
// (warnings): a misspelt frontmatter key, one document cited with different
// titles or dates, a project nobody cites, an article that cites nothing, a
// follow-up date passed with no later outcome, a link or image that leads
// nowhere, an image with no alt text, two articles with one title on one
// day, an article dated far from today (a year typed wrong).
//
// It builds the site in memory (drafts and future articles included, so
// work in progress is checked too) and writes nothing. Its findings carry
// codes of diag's registry, the other file they concern as a note, and the
// text of their line. It imports build, output, model, diag and input.
package check
