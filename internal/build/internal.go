package build

import (
	"context"
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

// prepareSafely is prepare with a panic made its error. The Builder then
// forgets all it kept: what that build left half made is not built on.
func (b *Builder) prepareSafely(ctx context.Context, opt Options, ch Changes) (snap *Snapshot, err error) {
	defer func() {
		if r := recover(); r != nil {
			snap, err = nil, internalError(r)
			b.forget(opt)
		}
	}()
	b.again = nil
	return b.prepare(ctx, opt, ch)
}

// forget drops all the Builder kept, after a Prepare with opt that
// panicked. The next Prepare reads everything again, as the first did.
// Until then Look has nothing to look at: it prepares with opt first
// (again), or the editor in the browser would fail on every page until a
// file changed on disk.
func (b *Builder) forget(opt Options) {
	b.theme, b.todo, b.last = nil, todo{}, nil
	b.cfg, b.cfgProblems = model.Config{}, nil
	b.rnd, b.rndProblems = nil, nil
	b.loader, b.md, b.static, b.photos = content.Loader{}, markdownCache{}, staticSet{}, nil
	b.again = &opt
}

// prepareAgain reads the site again for Look after a Prepare that
// panicked, as the next Prepare would: with that Prepare's options (the
// photo cache, drafts, the clock), so that what is kept is what the next
// Prepare builds on. It is not cut short with the request that asked: the
// Builder would be left half prepared, and the work is the next
// Prepare's anyway. Its error is the panic, again, or none.
func (b *Builder) prepareAgain(ctx context.Context) error {
	if b.again == nil {
		return nil
	}
	_, err := b.prepareSafely(context.WithoutCancel(ctx), *b.again, Everything)
	if b.again != nil {
		return err
	}
	return nil
}
