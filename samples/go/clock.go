// The clocks as Go's runtime reads them (on FreeBSD from the AT_TIMEKEEP
// page, without a system call) against the clock_gettime system call and a
// file's modification time: they must agree to well under a millisecond,
// over sleeps and busy loops, and monotonic time must never go backwards,
// within a goroutine or across them.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

const slack = 100 * time.Microsecond

var failed bool

func fail(format string, args ...interface{}) {
	failed = true
	fmt.Fprintf(os.Stderr, "FAIL: "+format+"\n", args...)
}

// The clock ids differ: FreeBSD's CLOCK_MONOTONIC is 4, Linux's 1.
func clockMonotonic() uintptr {
	if runtime.GOOS == "freebsd" {
		return 4
	}
	return 1
}

func sysClock(id uintptr) time.Duration {
	var ts syscall.Timespec
	_, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, id, uintptr(unsafe.Pointer(&ts)), 0)
	if e != 0 {
		fail("clock_gettime(%d): %v", id, e)
	}
	return time.Duration(ts.Nano())
}

// Realtime read by Go between two system calls.
func checkRealtime(what string) {
	s1 := sysClock(0)
	g := time.Duration(time.Now().UnixNano())
	s2 := sysClock(0)
	if g < s1-slack || g > s2+slack {
		fail("%s: time.Now %v, clock_gettime(REALTIME) %v .. %v", what, g, s1, s2)
	}
}

// An interval measured by Go's monotonic clock and by the system call
// around it, while work(d) runs.
func checkInterval(what string, d time.Duration, work func(time.Duration)) {
	s1 := sysClock(clockMonotonic())
	g1 := time.Now()
	s2 := sysClock(clockMonotonic())
	work(d)
	s3 := sysClock(clockMonotonic())
	g2 := time.Now()
	s4 := sysClock(clockMonotonic())
	el := g2.Sub(g1)
	if el < s3-s2-slack || el > s4-s1+slack {
		fail("%s: Go measured %v, clock_gettime(MONOTONIC) %v .. %v", what, el, s3-s2, s4-s1)
	}
	checkRealtime(what + ", realtime after")
	fmt.Printf("%s: agrees with clock_gettime\n", what)
}

func busy(d time.Duration) {
	start := time.Now()
	for time.Since(start) < d {
	}
}

func main() {
	checkRealtime("realtime")
	fmt.Println("realtime: agrees with clock_gettime")

	// Monotonic readings taken under one lock by goroutines on several
	// threads: each must be at least the one before it.
	runtime.GOMAXPROCS(4)
	var mu sync.Mutex
	var wg sync.WaitGroup
	base := time.Now()
	var last time.Duration
	backwards := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prev := time.Duration(0)
			for k := 0; k < 100000; k++ {
				t := time.Since(base)
				if t < prev {
					mu.Lock()
					backwards++
					mu.Unlock()
				}
				prev = t
				if k%16 == 0 {
					mu.Lock()
					t = time.Since(base)
					if t < last {
						backwards++
					}
					last = t
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if backwards != 0 {
		fail("monotonic time went backwards %d times", backwards)
	}
	fmt.Println("monotonic: never goes backwards across goroutines")

	checkInterval("a 300 ms sleep", 300*time.Millisecond, time.Sleep)
	checkInterval("a 1.2 s sleep", 1200*time.Millisecond, time.Sleep)
	checkInterval("a 1.2 s busy loop", 1200*time.Millisecond, busy)

	// Linux stamps files from its coarse clock: up to a tick (4 or 10 ms)
	// behind the precise one, never ahead of it.
	before := time.Now()
	if err := os.WriteFile("clock.tmp", []byte("x"), 0644); err != nil {
		fail("write: %v", err)
	}
	after := time.Now()
	st, err := os.Stat("clock.tmp")
	if err != nil {
		fail("stat: %v", err)
	} else if m := st.ModTime(); m.Before(before.Add(-20*time.Millisecond)) || m.After(after.Add(time.Millisecond)) {
		fail("mtime %v, time.Now %v .. %v", m, before, after)
	}
	os.Remove("clock.tmp")
	fmt.Println("file mtime: agrees with time.Now")

	if failed {
		os.Exit(1)
	}
}
