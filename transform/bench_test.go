package transform

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
)

// benchEventSize is the size of the benchmark event: as large as a Lambda
// request can be.
const benchEventSize = 6 << 20

var benchEvent = sync.OnceValue(func() string { return analyticsEvent(benchEventSize, 1) })

// analyticsEvent builds a deterministic Firehose event of about size bytes
// whose records each hold a bulk JSON list of mobile-analytics events:
// nested objects, arrays, Korean text, floats, nulls.
func analyticsEvent(size int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 42))
	names := []string{"screen_view", "add_to_cart", "purchase", "search", "login", "장바구니_담기"}
	cities := []string{"서울", "부산", "Incheon", "대구", "Seoul", "제주"}
	words := []string{"할인", "신상품", "무료배송", "promo", "new", "이벤트", "한정판", "best"}
	payload := func() string {
		n := 5 + rng.IntN(25)
		objs := make([]string, n)
		for i := range objs {
			items := make([]string, 1+rng.IntN(3))
			for j := range items {
				items[j] = fmt.Sprintf(`{"sku":"SKU-%05d","qty":%d,"price":%.2f,"name":"상품 %d번"}`,
					rng.IntN(100000), 1+rng.IntN(5), rng.Float64()*100000, rng.IntN(1000))
			}
			var referrer string
			if rng.IntN(3) == 0 {
				referrer = "null"
			} else {
				referrer = fmt.Sprintf(`"https://example.com/p/%d?utm=%s"`, rng.IntN(1e6), words[rng.IntN(len(words))])
			}
			objs[i] = fmt.Sprintf(`{"event_id":"%08x-%04x-4%03x-a%03x-%012x","event_name":"%s","timestamp":%d,`+
				`"user":{"id":"u-%d","name":"사용자%d","locale":"ko-KR","premium":%t,"score":%g},`+
				`"device":{"os":"%s","version":"%d.%d","model":"SM-S9%02d","screen":{"w":1080,"h":2340}},`+
				`"geo":{"city":"%s","lat":%.6f,"lon":%.6f},"items":[%s],"tags":["%s","%s"],`+
				`"referrer":%s,"session_ms":%d,"ratio":%g}`,
				rng.Uint32(), rng.IntN(1<<16), rng.IntN(1<<12), rng.IntN(1<<12), rng.Int64N(1<<48),
				names[rng.IntN(len(names))], 1767225600000+rng.Int64N(86400000),
				rng.IntN(1e7), rng.IntN(1e5), rng.IntN(2) == 0, float64(rng.IntN(10000))/100,
				[]string{"Android", "iOS"}[rng.IntN(2)], 10+rng.IntN(5), rng.IntN(10), rng.IntN(100),
				cities[rng.IntN(len(cities))], 33+rng.Float64()*5, 124+rng.Float64()*6, strings.Join(items, ","),
				words[rng.IntN(len(words))], words[rng.IntN(len(words))], referrer, rng.IntN(3600000), rng.Float64())
		}
		return "[" + strings.Join(objs, ",") + "]"
	}
	var b strings.Builder
	b.WriteString(`{"invocationId":"6f1d2a9c-3b4e-4f5a-8b6c-7d8e9f0a1b2c","deliveryStreamArn":"arn:aws:firehose:ap-northeast-2:123456789012:deliverystream/analytics","region":"ap-northeast-2","records":[`)
	for i := 0; ; i++ {
		rec := fmt.Sprintf(`{"recordId":"49656868%048d000000","approximateArrivalTimestamp":%d,"data":"%s"}`,
			i, 1767225600000+int64(i)*13, base64.StdEncoding.EncodeToString([]byte(payload())))
		if b.Len()+len(rec)+3 > size {
			break
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(rec)
	}
	b.WriteString("]}")
	return b.String()
}

// TestWriteBenchEvent writes the benchmark event to the file named by
// FIREHOSE_BENCH_EVENT, to time other implementations on the same input.
func TestWriteBenchEvent(t *testing.T) {
	path := os.Getenv("FIREHOSE_BENCH_EVENT")
	if path == "" {
		t.Skip("set FIREHOSE_BENCH_EVENT=path to write the benchmark event")
	}
	if err := os.WriteFile(path, []byte(benchEvent()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRun runs the whole pipeline on a 6 MB event for every preset:
// read the event, decode every record, parse, flatten, format, produce the
// body and judge it. Throughput is in bytes of event.
func BenchmarkRun(b *testing.B) {
	ev := benchEvent()
	for _, preset := range Presets {
		b.Run(preset, func(b *testing.B) {
			b.SetBytes(int64(len(ev)))
			b.ReportAllocs()
			for b.Loop() {
				rep := Run(Request{Input: ev, InputKind: KindEvent, Preset: preset})
				if rep.Lambda.Body == nil {
					b.Fatalf("no body: %+v", rep.Lambda.Error)
				}
			}
		})
	}
}

// BenchmarkReportJSON measures encoding the report of the 6 MB event, as
// the WebAssembly adapter does for every run: with the report's own writer
// (Report.AppendJSON, what the adapter uses), and with encoding/json's
// Marshal, which writes the same bytes.
func BenchmarkReportJSON(b *testing.B) {
	ev := benchEvent()
	for _, preset := range Presets {
		rep := Run(Request{Input: ev, InputKind: KindEvent, Preset: preset})
		out := rep.AppendJSON(nil)
		if want, err := json.Marshal(rep); err != nil || string(want) != string(out) {
			b.Fatalf("AppendJSON and Marshal differ (%v)", err)
		}
		b.Run(preset+"/AppendJSON", func(b *testing.B) {
			b.SetBytes(int64(len(out)))
			b.ReportMetric(float64(len(out))/float64(len(ev)), "report/event")
			b.ReportAllocs()
			for b.Loop() {
				out = rep.AppendJSON(out[:0])
			}
		})
		b.Run(preset+"/encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(out)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse compares the engine's JSON parser with encoding/json on
// the 6 MB event.
func BenchmarkParse(b *testing.B) {
	ev := benchEvent()
	b.Run("transform.ParseJSON", func(b *testing.B) {
		b.SetBytes(int64(len(ev)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseJSON(ev); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(ev)))
		b.ReportAllocs()
		for b.Loop() {
			var v any
			if err := json.Unmarshal([]byte(ev), &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchPayloads are the decoded payloads of the benchmark event.
var benchPayloads = sync.OnceValue(func() []string {
	ev, _ := ParseEvent(benchEvent(), KindEvent)
	out := make([]string, len(ev.Records))
	for i, r := range ev.Records {
		out[i] = string(r.Payload)
	}
	return out
})

// BenchmarkParsePayloads parses the records' payloads (dense JSON) with
// the engine's parser and, for comparison, encoding/json.
func BenchmarkParsePayloads(b *testing.B) {
	payloads := benchPayloads()
	size := 0
	for _, p := range payloads {
		size += len(p)
	}
	b.Run("transform", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var ps jsonpos.Parser
		for b.Loop() {
			for _, p := range payloads {
				ps.Reset(p, pyemu.JSONLimits(pyemu.PayloadDepth))
				if _, err, _ := ps.Values(); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range payloads {
				var v any
				if err := json.Unmarshal([]byte(p), &v); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkRunPeakMemory reports the engine's peak heap while it runs on
// the 6 MB event, as a multiple of the event's size (heap in use is sampled
// every 200 µs, so short peaks can be missed). Two collections first empty
// the pools of reused buffers, so the peak counts every buffer of the run.
func BenchmarkRunPeakMemory(b *testing.B) {
	ev := benchEvent()
	for _, preset := range Presets {
		b.Run(preset, func(b *testing.B) {
			var peak uint64
			for b.Loop() {
				runtime.GC()
				runtime.GC()
				var base runtime.MemStats
				runtime.ReadMemStats(&base)
				done, sampled := make(chan struct{}), make(chan uint64)
				go func() {
					var m runtime.MemStats
					top := uint64(0)
					for {
						runtime.ReadMemStats(&m)
						top = max(top, m.HeapInuse-min(m.HeapInuse, base.HeapInuse))
						select {
						case <-done:
							sampled <- top
							return
						case <-time.After(200 * time.Microsecond):
						}
					}
				}()
				Run(Request{Input: ev, Preset: preset})
				close(done)
				peak = max(peak, <-sampled)
			}
			b.ReportMetric(float64(peak)/float64(len(ev)), "peak-heap/event")
		})
	}
}
