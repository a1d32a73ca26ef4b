package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// manifestHeader is the first line of every manifest; a file that does not
// start with it is not one.
const manifestHeader = "# kz30 output manifest v1: the files kz30 wrote here (sha-256, size, path). kz30 replaces or deletes only these.\n"

// record is what the manifest says of one file.
type record struct {
	sum  [sha256.Size]byte
	size int64
}

// manifest maps slash paths to what kz30 wrote there.
type manifest map[string]record

// marshal formats m, sorted by path, so the same files give the same bytes.
func (m manifest) marshal() []byte {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	var b bytes.Buffer
	b.WriteString(manifestHeader)
	for _, n := range names {
		r := m[n]
		fmt.Fprintf(&b, "%x %d %s\n", r.sum, r.size, n)
	}
	return b.Bytes()
}

// readManifest reads dir's manifest. A missing manifest is (nil, nil); an
// unreadable or malformed one is an error saying why.
func readManifest(dir string) (manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(manifestHeader)) {
		return nil, fmt.Errorf("%s is not a kz30 manifest", ManifestName)
	}
	m := manifest{}
	sc := bufio.NewScanner(bytes.NewReader(data[len(manifestHeader):]))
	sc.Buffer(nil, 1<<20)
	for line := 2; sc.Scan(); line++ {
		sum, rest, ok1 := strings.Cut(sc.Text(), " ")
		size, name, ok2 := strings.Cut(rest, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		var r record
		k, herr := hex.Decode(r.sum[:], []byte(sum))
		if !ok1 || !ok2 || err != nil || n < 0 || herr != nil || k != sha256.Size || !validName(name) {
			return nil, fmt.Errorf("%s:%d is malformed", ManifestName, line)
		}
		r.size = n
		m[name] = r
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestName, err)
	}
	return m, nil
}

// validName reports whether name is a clean relative slash path that stays
// inside the output folder.
func validName(name string) bool {
	return name != "" && name != "." && !path.IsAbs(name) && path.Clean(name) == name &&
		name != ".." && !strings.HasPrefix(name, "../") && !strings.ContainsAny(name, "\\\x00")
}

// foreignFiles lists what dir holds besides the files of m (unchanged)
// and a top-level .git: slash paths, sorted, with a reason for files that
// m lists but that changed. A folder that no file of m lives in is listed
// itself, not its contents. full compares digests; otherwise sizes only.
func foreignFiles(dir string, m manifest, full bool) ([]string, map[string]string, error) {
	dirs := map[string]bool{}
	for n := range m {
		for d := path.Dir(n); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var list []string
	reasons := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".git":
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		case rel == ManifestName && e.Type().IsRegular():
			return nil
		case e.IsDir():
			if !dirs[rel] {
				list = append(list, rel+"/")
				return fs.SkipDir
			}
			return nil
		case !e.Type().IsRegular():
			list = append(list, rel)
			return nil
		}
		r, ok := m[rel]
		if !ok {
			list = append(list, rel)
			return nil
		}
		same, err := sameFile(p, r, full)
		if err != nil {
			return err
		}
		if !same {
			list = append(list, rel)
			reasons[rel] = "changed since kz30 wrote it"
		}
		return nil
	})
	slices.Sort(list)
	return list, reasons, err
}

// sameFile reports whether the file at p has r's size and, when full is
// set, its digest.
func sameFile(p string, r record, full bool) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	if fi.Size() != r.size || !full {
		return fi.Size() == r.size, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false, err
	}
	return [sha256.Size]byte(h.Sum(nil)) == r.sum, nil
}
