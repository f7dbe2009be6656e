// Package par runs work on several goroutines without letting a panic on
// one of them end the process.
//
// A panic on a goroutine of its own cannot be recovered by the code that
// started it: the whole program stops with a stack trace. For the preview
// server that is the editor's preview gone, whatever the cause. A Group
// catches a panic on each goroutine it starts and panics again with it in
// Wait, on the goroutine that waits: there the build turns it into an error
// ("internal error … please report this") like any panic of its own.
//
//	group.go     Group: Go, Do and Wait; Caught, a recovered value as a *Panic
//	each.go      Each: f(i) for n items on every processor
//
// It imports the standard library only.
package par
