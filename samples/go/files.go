// File and directory work through Go's os package: create, write, read,
// rename, stat, readdir, symlinks, permissions, removal.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

func check(err error) {
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
}

func main() {
	dir, err := os.MkdirTemp(".", "gofiles-")
	check(err)
	defer os.RemoveAll(dir)

	check(os.WriteFile(filepath.Join(dir, "a.txt"), []byte("hello\nworld\n"), 0640))
	check(os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0755))
	check(os.WriteFile(filepath.Join(dir, "sub", "b.txt"), []byte("bee"), 0600))
	check(os.Symlink("a.txt", filepath.Join(dir, "link")))
	check(os.Rename(filepath.Join(dir, "sub", "b.txt"), filepath.Join(dir, "sub", "deeper", "c.txt")))

	data, err := os.ReadFile(filepath.Join(dir, "link"))
	check(err)
	fmt.Printf("read through link: %q\n", data)

	st, err := os.Stat(filepath.Join(dir, "a.txt"))
	check(err)
	fmt.Println("a.txt size:", st.Size(), "mode:", st.Mode().Perm())
	lst, err := os.Lstat(filepath.Join(dir, "link"))
	check(err)
	fmt.Println("link is symlink:", lst.Mode()&fs.ModeSymlink != 0)
	target, err := os.Readlink(filepath.Join(dir, "link"))
	check(err)
	fmt.Println("link target:", target)

	var names []string
	check(filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		check(err)
		rel, _ := filepath.Rel(dir, p)
		kind := "file"
		if d.IsDir() {
			kind = "dir"
		} else if d.Type()&fs.ModeSymlink != 0 {
			kind = "link"
		}
		names = append(names, rel+" "+kind)
		return nil
	}))
	sort.Strings(names)
	for _, n := range names {
		fmt.Println("walk:", n)
	}

	f, err := os.OpenFile(filepath.Join(dir, "a.txt"), os.O_APPEND|os.O_WRONLY, 0)
	check(err)
	_, err = f.WriteString("again\n")
	check(err)
	check(f.Close())
	check(os.Chmod(filepath.Join(dir, "a.txt"), 0604))
	st, err = os.Stat(filepath.Join(dir, "a.txt"))
	check(err)
	fmt.Println("after append:", st.Size(), st.Mode().Perm())

	_, err = os.Stat(filepath.Join(dir, "missing"))
	fmt.Println("missing file is not-exist:", os.IsNotExist(err))
	err = os.Remove(filepath.Join(dir, "sub"))
	fmt.Println("removing a non-empty dir fails:", err != nil)
	wd, err := os.Getwd()
	check(err)
	fmt.Println("cwd is absolute:", filepath.IsAbs(wd))
	fmt.Println("files done")
}
