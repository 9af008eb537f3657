package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A hash is a SHA-256 sum: of a file's bytes, or of a page's inputs.
type hash [sha256.Size]byte

// A fileEntry is what the manifest knows of one file of a built site.
type fileEntry struct {
	Sum  hash  // of the bytes
	Size int64 // and, as the file system had them after writing,
	Mod  int64 // its size and modification time (Unix nanoseconds)
	// Key is the hash of everything the file was made from, when the
	// build knows it (see keys.go); zero otherwise.
	Key hash
}

// A manifest lists the files of a built site, so the next build can tell
// which of them it need not write again. A journal is a manifest with the
// operations that turn the site on disk into it: the files to move from
// the staging folder and the files to delete.
type manifest struct {
	Files map[string]fileEntry
	// Stage, Moves and Deletes are set in a journal only.
	Stage   string
	Moves   []string
	Deletes []string

	// Sum is the hash of the file the manifest was read from.
	Sum hash
}

const manifestMagic = "isnad-manifest 1"

// encode writes m as text: one line per file, then a checksum of
// everything before it, so a torn or edited file is recognised.
func (m *manifest) encode() []byte {
	var b bytes.Buffer
	b.WriteString(manifestMagic + "\n")
	if m.Stage != "" {
		fmt.Fprintf(&b, "stage %s\n", strconv.Quote(m.Stage))
	}
	for _, name := range slices.Sorted(maps.Keys(m.Files)) {
		e := m.Files[name]
		fmt.Fprintf(&b, "f %x %d %d %x %s\n", e.Sum, e.Size, e.Mod, e.Key, strconv.Quote(name))
	}
	for _, name := range m.Moves {
		fmt.Fprintf(&b, "move %s\n", strconv.Quote(name))
	}
	for _, name := range m.Deletes {
		fmt.Fprintf(&b, "delete %s\n", strconv.Quote(name))
	}
	sum := sha256.Sum256(b.Bytes())
	fmt.Fprintf(&b, "sum %x\n", sum)
	return b.Bytes()
}

var errCorrupt = errors.New("corrupt")

// decodeManifest reads what encode wrote; any damage is errCorrupt.
func decodeManifest(data []byte) (*manifest, error) {
	i := bytes.LastIndex(data, []byte("sum "))
	if i < 0 || !bytes.HasPrefix(data, []byte(manifestMagic+"\n")) {
		return nil, errCorrupt
	}
	want, err := hex.DecodeString(strings.TrimSuffix(string(data[i+4:]), "\n"))
	if got := sha256.Sum256(data[:i]); err != nil || !bytes.Equal(want, got[:]) {
		return nil, errCorrupt
	}
	m := &manifest{Files: map[string]fileEntry{}}
	sc := bufio.NewScanner(bytes.NewReader(data[len(manifestMagic)+1 : i]))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		op, rest, _ := strings.Cut(sc.Text(), " ")
		switch op {
		case "f":
			var e fileEntry
			var sum, key string
			parts := strings.SplitN(rest, " ", 5)
			if len(parts) != 5 {
				return nil, errCorrupt
			}
			sum, key = parts[0], parts[3]
			if !decodeHash(sum, &e.Sum) || !decodeHash(key, &e.Key) {
				return nil, errCorrupt
			}
			if e.Size, err = strconv.ParseInt(parts[1], 10, 64); err != nil {
				return nil, errCorrupt
			}
			if e.Mod, err = strconv.ParseInt(parts[2], 10, 64); err != nil {
				return nil, errCorrupt
			}
			name, err := strconv.Unquote(parts[4])
			if err != nil || checkName(name) != nil {
				return nil, errCorrupt
			}
			m.Files[name] = e
		case "stage", "move", "delete":
			s, err := strconv.Unquote(rest)
			if err != nil || op != "stage" && checkName(s) != nil {
				return nil, errCorrupt
			}
			switch op {
			case "stage":
				m.Stage = s
			case "move":
				m.Moves = append(m.Moves, s)
			default:
				m.Deletes = append(m.Deletes, s)
			}
		default:
			return nil, errCorrupt
		}
	}
	return m, nil
}

func decodeHash(s string, h *hash) bool {
	if len(s) != 2*len(h) {
		return false
	}
	_, err := hex.Decode(h[:], []byte(s))
	return err == nil
}

// readManifest reads the manifest file name; a missing or damaged one is
// nil: the build then trusts nothing it did not check itself.
func readManifest(name string) *manifest {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	m, err := decodeManifest(data)
	if err != nil {
		return nil
	}
	m.Sum = sha256.Sum256(data)
	return m
}

// writeAtomic writes data to name so that name holds either its old bytes
// or all of data, even if the process dies half way: through a temporary
// file, synced, renamed into place, and the folder synced.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
