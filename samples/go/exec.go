// os/exec: run /bin/sh (a native program from a guest) and this program
// itself (a foreign program again under uxrun), with pipes, exit codes
// and environment.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		fmt.Printf("child args: %s env: %s\n", strings.Join(os.Args[2:], ","), os.Getenv("GOEXEC_TEST"))
		os.Exit(5)
	}
	out, err := exec.Command("/bin/sh", "-c", "echo from sh; exit 3").Output()
	ee, ok := err.(*exec.ExitError)
	fmt.Printf("sh said %q, exit code %d\n", out, map[bool]int{true: ee.ExitCode(), false: -1}[ok])

	cmd := exec.Command("/bin/sh", "-c", "tr a-z A-Z")
	cmd.Stdin = strings.NewReader("piped through sh\n")
	var buf bytes.Buffer
	cmd.Stdout = &buf
	fmt.Println("tr ran:", cmd.Run() == nil, strings.TrimSpace(buf.String()))

	self, err := os.Executable()
	if err != nil {
		fmt.Println("no executable path:", err)
		os.Exit(1)
	}
	c := exec.Command(self, "child", "a", "b")
	c.Env = append(os.Environ(), "GOEXEC_TEST=yes")
	out, err = c.Output()
	code := -1
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	fmt.Printf("self as %s: %q exit %d\n", filepath.Base(self), out, code)

	// gofmt from Debian's Go is a native, non-PIE program linked at
	// 0x400000, where this program's FreeBSD build sits too: under uxrun
	// it must run natively, out of reach of the guest's system-call trap.
	if path, err := exec.LookPath("gofmt"); err == nil {
		c := exec.Command(path)
		c.Stdin = strings.NewReader("package  p\nfunc   f( ) {  }\n")
		out, err := c.Output()
		fmt.Printf("native gofmt: %q %v\n", out, err)
	} else {
		fmt.Println("native gofmt: not installed")
	}

	_, err = exec.Command("/nonexistent/program").Output()
	fmt.Println("missing program fails:", err != nil)
	fmt.Println("exec done")
}
