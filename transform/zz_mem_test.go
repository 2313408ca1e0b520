package transform

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestTmpMem(t *testing.T) {
	if os.Getenv("TMPH") == "" {
		t.Skip()
	}
	var b strings.Builder
	b.WriteString(`{"records":[`)
	for i := 0; i < 1000000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"recordId":"%d","data":"e30="}`, i)
	}
	b.WriteString(`]}`)
	in := b.String()
	runtime.GC()
	done := make(chan bool)
	var peak uint64
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	start := time.Now()
	rep := Run(Request{Input: in, Preset: os.Getenv("PRESET")})
	close(done)
	t.Logf("in=%.1fMB %v peak-heap=%.0fMB records=%d findings=%d", float64(len(in))/1e6, time.Since(start), float64(peak)/1e6, rep.Stats.Records, len(rep.Findings))
}
