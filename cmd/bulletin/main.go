// Command bulletin builds and previews a news site of inspection bulletins.
// Run "bulletin -h" for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C asks for a clean stop; from then on the signal is
	// Go's again, so a second one ends the program at once.
	go func() { <-ctx.Done(); stop() }()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	// The handler stays until the exit: a Ctrl-C in the last instant,
	// after a build swapped its site in, is then a clean stop like any
	// other (exit 0, the build being done), not the end of the process
	// by the signal. Builds that no longer remove the replaced site end
	// right after the swap, where stopping the handler first let the
	// kill test's SIGINT end one.
	os.Exit(exitCode(err))
}
