package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// peakRSSMiB reads the process's peak resident memory, VmHWM, from
// /proc/self/status: everything the server holds, SQLite's page cache
// (which Go's heap figures miss) included.
func peakRSSMiB() (float64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:")
		if !ok {
			continue
		}
		kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
		if err != nil {
			return 0, fmt.Errorf("VmHWM: %w", err)
		}
		return kb / 1024, nil
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}

// heapObjects is the runtime metric of bytes in live and not yet swept
// heap objects: HeapAlloc, without stopping the world to read it.
const heapObjects = "/memory/classes/heap/objects:bytes"

// memoryWatch samples the Go heap every few milliseconds and keeps its
// peak, the part of the peak a leak or a large answer would raise.
type memoryWatch struct {
	peak atomic.Uint64
	done chan struct{}
	once sync.Once
}

func watchMemory() *memoryWatch {
	m := &memoryWatch{done: make(chan struct{})}
	go m.run()
	return m
}

func (m *memoryWatch) run() {
	sample := []metrics.Sample{{Name: heapObjects}}
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > m.peak.Load() {
			m.peak.Store(v)
		}
		select {
		case <-m.done:
			return
		case <-tick.C:
		}
	}
}

func (m *memoryWatch) peakMiB() float64 { return float64(m.peak.Load()) / (1 << 20) }

func (m *memoryWatch) stop() { m.once.Do(func() { close(m.done) }) }
