//go:build !linux

package site

// lock does nothing here: two builds of one site at once are the user's
// to avoid.
func lock(name string) (unlock func(), err error) { return func() {}, nil }
