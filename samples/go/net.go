// TCP and UDP on loopback through Go's net package: the netpoller
// (kqueue on FreeBSD, epoll on Linux), non-blocking sockets, deadlines.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

func check(err error) {
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			c, err := ln.Accept()
			check(err)
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					fmt.Fprint(c, strings.ToUpper(line))
				}
			}(c)
		}
		done <- true
	}()
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		check(err)
		fmt.Fprintf(c, "hello %d\n", i)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		line, err := bufio.NewReader(c).ReadString('\n')
		check(err)
		fmt.Printf("tcp echo: %q\n", line)
		c.Close()
	}
	<-done
	ln.Close()

	// A read deadline expires as a timeout error.
	ln2, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go func() { c, _ := ln2.Accept(); time.Sleep(300 * time.Millisecond); c.Close() }()
	c, err := net.Dial("tcp", ln2.Addr().String())
	check(err)
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	_, err = c.Read(make([]byte, 1))
	ne, ok := err.(net.Error)
	fmt.Println("deadline gives a timeout:", ok && ne.Timeout())
	c.Close()
	ln2.Close()

	// UDP round trip.
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	check(err)
	go func() {
		buf := make([]byte, 100)
		n, addr, err := pc.ReadFrom(buf)
		check(err)
		pc.WriteTo([]byte("pong:"+string(buf[:n])), addr)
	}()
	uc, err := net.Dial("udp", pc.LocalAddr().String())
	check(err)
	uc.Write([]byte("ping"))
	uc.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 100)
	n, err := uc.Read(buf)
	check(err)
	fmt.Printf("udp reply: %q\n", buf[:n])
	uc.Close()
	pc.Close()

	// Connecting to a closed port is refused.
	l3, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	addr := l3.Addr().String()
	l3.Close()
	_, err = net.DialTimeout("tcp", addr, 2*time.Second)
	fmt.Println("closed port refused:", err != nil && strings.Contains(err.Error(), "refused"))
	fmt.Println("net done")
}
