// Goroutines across OS threads, channels, a mutex, a wait group, the
// garbage collector and timers: the Go runtime's own use of threads,
// futex-like waits and signals (preemption), checked by results only.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"
)

func main() {
	runtime.GOMAXPROCS(4)

	// Work spread over goroutines, results through a channel.
	results := make(chan int, 100)
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			s := 0
			for k := 0; k <= n*1000; k++ {
				s += k % 7
			}
			results <- s
		}(i)
	}
	wg.Wait()
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	fmt.Println("channel total:", total)

	// A mutex under contention.
	var mu sync.Mutex
	counter := 0
	var wg2 sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for k := 0; k < 20000; k++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg2.Wait()
	fmt.Println("mutex counter:", counter)

	// Allocation pressure and explicit collections.
	var keep [][]byte
	for i := 0; i < 2000; i++ {
		b := make([]byte, 64*1024)
		b[0] = byte(i)
		if i%100 == 0 {
			keep = append(keep, b)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("kept buffers:", len(keep), "gc ran:", ms.NumGC > 0)

	// Timers and tickers fire in order.
	var order []int
	var omu sync.Mutex
	var wg3 sync.WaitGroup
	for _, d := range []int{30, 10, 20} {
		wg3.Add(1)
		d := d
		time.AfterFunc(time.Duration(d)*time.Millisecond, func() {
			omu.Lock()
			order = append(order, d)
			omu.Unlock()
			wg3.Done()
		})
	}
	wg3.Wait()
	fmt.Println("timers fired:", order)
	tick := time.NewTicker(5 * time.Millisecond)
	n := 0
	start := time.Now()
	for range tick.C {
		n++
		if n == 5 {
			break
		}
	}
	tick.Stop()
	fmt.Println("ticks:", n, "took at least 20ms:", time.Since(start) >= 20*time.Millisecond)

	// A goroutine that never yields must still let others run (async
	// preemption, delivered as a signal that rewrites the context).
	stop := make(chan bool)
	go func() {
		x := 0
		for {
			select {
			case <-stop:
				return
			default:
			}
			for i := 0; i < 1e6; i++ {
				x += i
			}
		}
	}()
	time.Sleep(20 * time.Millisecond)
	close(stop)

	words := []string{"pear", "apple", "fig"}
	sort.Strings(words)
	fmt.Println("sorted:", words)
	fmt.Println("goroutines done")
}
