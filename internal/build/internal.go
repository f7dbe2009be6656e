package build

import (
	"fmt"

	"bulletin/internal/content"
	"bulletin/internal/model"
	"bulletin/internal/par"
)

// internalError is the error of a build that panicked: a bug in bulletin,
// or in a library it uses, met on some input. Made an error where the
// build's API meets its callers (Prepare, Look, Write, File), a panic on
// any goroutine of the build (par carries those to the one that waits)
// ends like a problem: `bulletin build` stops without touching the output,
// and the preview shows it over the last good site and goes on serving.
func internalError(r any) error {
	return fmt.Errorf("internal error: %w (please report this)", par.Caught(r))
}

// forget drops all the Builder kept, after a Prepare that panicked: what
// that build left half made is not built on. The next Prepare reads
// everything again, as the first did.
func (b *Builder) forget() {
	b.theme, b.todo, b.last = nil, todo{}, nil
	b.cfg, b.cfgProblems = model.Config{}, nil
	b.rnd, b.rndProblems = nil, nil
	b.loader, b.md, b.static, b.photos = content.Loader{}, markdownCache{}, staticSet{}, nil
}
