//go:build !linux

package site

import "io/fs"

// statOf returns what it can of a file's identity; without a change time
// it is never enough, so every input is read on every build.
func statOf(fi fs.FileInfo) (sourceStat, bool) {
	return sourceStat{Size: fi.Size(), Mod: fi.ModTime().UnixNano()}, false
}
