package site

import (
	"io/fs"
	"syscall"
)

// statOf returns the identity of a file (see sourceStat), and whether the
// file system gave all of it.
func statOf(fi fs.FileInfo) (sourceStat, bool) {
	s := sourceStat{Size: fi.Size(), Mod: fi.ModTime().UnixNano()}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return s, false
	}
	s.Change = st.Ctim.Nano()
	s.Ino = st.Ino
	return s, true
}
