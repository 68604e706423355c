// os/signal notification: signals sent to the process reach a channel;
// ignored and reset dispositions behave.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, syscall.SIGUSR1, syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	got := map[string]bool{}
	for i := 0; i < 2; i++ {
		select {
		case s := <-ch:
			got[s.String()] = true
		case <-time.After(5 * time.Second):
			fmt.Println("timeout waiting for a signal")
			os.Exit(1)
		}
	}
	fmt.Println("got user defined signal 1:", got["user defined signal 1"])
	fmt.Println("got hangup:", got["hangup"])

	signal.Ignore(syscall.SIGUSR2)
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("ignored SIGUSR2 did not kill us")

	signal.Stop(ch)
	signal.Notify(ch, syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	select {
	case s := <-ch:
		fmt.Println("renotified:", s)
	case <-time.After(5 * time.Second):
		fmt.Println("timeout")
	}
	fmt.Println("signal done")
}
