package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/firehose-playground/firehose-playground/transform"
)

// Exit statuses.
const (
	exitOK    = 0 // every record delivered or dropped on purpose
	exitFail  = 1 // a record fails or is lost, or the batch fails
	exitUsage = 2 // bad usage, or a file that cannot be read
)

const usage = `usage: firehose-check [flags] EVENT RESPONSE
       firehose-check [flags] EVENT -            (the response on standard input)
       firehose-check [flags] --preset NAME EVENT

Judges a Firehose transformation Lambda's response the way Amazon Data
Firehose would. EVENT is a Firehose event or anything the playground reads
(base64 lines, JSON payloads…); RESPONSE is the body the function returned or
the Lambda runtime's error object. Exit status: 0 when every record is
delivered or dropped, 1 when a record fails or is lost or the batch fails,
2 for bad usage or unreadable files.

flags:
`

// config is what the command line asks for.
type config struct {
	asJSON    bool
	preset    string
	inputKind string
	firehose  transform.FirehoseOptions
	retries   int
	event     string
	response  string // a path, "-" for standard input, "" with a preset
}

// maxListed is how many records, and ignored output records, the text
// lists; the figures count them all.
const maxListed = 50

// usageError is a command line the command cannot run.
type usageError string

func (e usageError) Error() string { return string(e) }

// parseArgs reads the command line; flags may come before or after the
// file names.
func parseArgs(args []string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("firehose-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.BoolVar(&c.asJSON, "json", false, "print the report as JSON, as transform.Run returns it")
	fs.StringVar(&c.preset, "preset", "", "run a preset ("+strings.Join(transform.Presets, ", ")+") instead of checking a response")
	fs.StringVar(&c.inputKind, "input-kind", "auto", "how to read EVENT: auto, or one of the kinds the playground offers")
	fs.StringVar(&c.firehose.StreamName, "stream-name", "", "the delivery stream's name (default: from the event's ARN)")
	fs.StringVar(&c.firehose.LambdaArn, "lambda-arn", "", "the function's qualified ARN, for processing-failed lines")
	fs.IntVar(&c.retries, "retries", 3, "the stream's NumberOfRetries")
	fs.StringVar(&c.firehose.Prefix, "prefix", "", "the S3 prefix")
	fs.StringVar(&c.firehose.ErrorPrefix, "error-prefix", "", "the S3 error output prefix")
	fs.BoolVar(&c.firehose.AppendDelimiter, "append-delimiter", false, "the stream has the AppendDelimiterToRecord processor")
	fs.StringVar(&c.firehose.ErrorLayout, "error-layout", "2025", "the layout of processing-failed lines: 2025 or 2019")
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err // the flag package has printed it
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	c.firehose.Retries = &c.retries
	switch {
	case len(files) == 0:
		return nil, usageError("no EVENT file")
	case c.preset != "" && len(files) > 1:
		return nil, usageError("--preset runs a transform: give EVENT only, not a response")
	case c.preset == "" && len(files) < 2:
		return nil, usageError("give a RESPONSE file (or - for standard input), or --preset NAME")
	case len(files) > 2:
		return nil, usageError("too many arguments: " + strings.Join(files[2:], " "))
	}
	c.event = files[0]
	if len(files) == 2 {
		c.response = files[1]
	}
	if c.event == "-" && c.response == "-" {
		return nil, usageError("only one of EVENT and RESPONSE can be standard input")
	}
	return c, nil
}

// run is the command: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitUsage
	}
	if err != nil {
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintf(stderr, "firehose-check: %v\nRun firehose-check -h for usage.\n", err)
		}
		return exitUsage
	}
	read := func(path string) (string, bool) {
		var b []byte
		var err error
		if path == "-" {
			b, err = io.ReadAll(io.LimitReader(stdin, transform.MaxInput+1))
		} else {
			b, err = os.ReadFile(path)
		}
		if err != nil {
			fmt.Fprintf(stderr, "firehose-check: %v\n", err)
			return "", false
		}
		return string(b), true
	}
	event, ok := read(c.event)
	if !ok {
		return exitUsage
	}
	var response string
	if c.response != "" {
		if response, ok = read(c.response); !ok {
			return exitUsage
		}
		if strings.TrimSpace(response) == "" {
			fmt.Fprintf(stderr, "firehose-check: the response %s is empty\n", name(c.response))
			return exitUsage
		}
	}
	rep := transform.Run(transform.Request{Input: event, InputKind: c.inputKind, Preset: c.preset,
		Response: response, Firehose: c.firehose,
		Detail: transform.Detail{Count: transform.MaxRecords}})
	for _, fd := range rep.Findings {
		if fd.Code == "request.preset" {
			fmt.Fprintf(stderr, "firehose-check: %s\n", fd.Message)
			return exitUsage
		}
	}
	status := exitStatus(rep)
	if c.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "firehose-check: %v\n", err)
			return exitUsage
		}
		return status
	}
	writeText(stdout, rep, c, event, response, status)
	return status
}

// name is how a file is named in messages.
func name(path string) string {
	if path == "-" {
		return "on standard input"
	}
	return path
}

// exitStatus is 1 when, under the main reading, a record fails or data is
// lost, the batch fails, or no record was read at all.
func exitStatus(rep *transform.Report) int {
	if rep.Verdict.BatchError != nil || rep.Stats.Failed > 0 || rep.Stats.Records == 0 || lost(rep) {
		return exitFail
	}
	return exitOK
}

// lost reports whether the response carries data under recordIds Firehose
// ignores: that data is lost without any error.
func lost(rep *transform.Report) bool {
	for _, fd := range rep.Findings {
		if fd.Code == "response.lostRows" && fd.Severity == transform.SevError {
			return true
		}
	}
	return false
}

// writeText prints the verdict for a person reading a CI log.
func writeText(w io.Writer, rep *transform.Report, c *config, event, response string, status int) {
	s := rep.Stats
	kind := rep.InputKind
	if rep.Detected {
		kind += ", detected"
	}
	fmt.Fprintf(w, "event:    %s (%s; %s source; %s)\n", c.event, kind, rep.Source, count(s.Records, "record"))
	switch {
	case c.preset != "" && rep.Lambda.Error != nil:
		fmt.Fprintf(w, "response: none, the %s preset raised %s: %s\n", c.preset, rep.Lambda.Error.ErrorType, clip(rep.Lambda.Error.ErrorMessage, 120))
	case c.preset != "":
		fmt.Fprintf(w, "response: the %s preset's (%s)\n", c.preset, count(s.ResponseBytes, "byte"))
	case rep.Lambda.Error != nil:
		fmt.Fprintf(w, "response: %s, the error object of a failed invocation (%s: %s)\n",
			c.response, rep.Lambda.Error.ErrorType, clip(rep.Lambda.Error.ErrorMessage, 120))
	default:
		fmt.Fprintf(w, "response: %s (%s)\n", c.response, count(s.ResponseBytes, "byte"))
	}
	fmt.Fprintf(w, "verdict:  %d delivered, %d dropped, %d failed; %s ignored (%s lost)\n",
		s.Delivered, s.Dropped, s.Failed, count(s.Ignored, "output record"), count(s.LostRows, "row"))
	if b := rep.Verdict.BatchError; b != nil {
		fmt.Fprintf(w, "batch:    FAILS with %s (%s, attemptsMade %d): %s\n", b.ErrorCode, b.Confidence, b.AttemptsMade, b.ErrorMessage)
		if b.Note != "" {
			fmt.Fprintf(w, "          %s\n", b.Note)
		}
	}
	// The records whose verdict is a failure or unconfirmed (when the whole
	// batch fails, the batch line says it for all of them).
	listed, more := 0, 0
	for _, v := range rep.Verdict.Records {
		if rep.Verdict.BatchError != nil || v.Outcome != transform.Failed && v.Confidence == transform.Confirmed {
			continue
		}
		if listed == maxListed {
			more++
			continue
		}
		listed++
		line := fmt.Sprintf("record %d %s: %s", v.Index, quote(v.RecordID), v.Outcome)
		if v.ErrorCode != "" {
			line += " with " + string(v.ErrorCode)
		}
		fmt.Fprintf(w, "  %s (%s)\n", line, v.Confidence)
	}
	if more > 0 {
		fmt.Fprintf(w, "  … and %s like these\n", count(more, "more record"))
	}
	for k, g := range rep.Verdict.Ignored {
		if k == maxListed {
			fmt.Fprintf(w, "  … and %s ignored\n", count(rep.Stats.Ignored-k, "more output record"))
			break
		}
		fmt.Fprintf(w, "  output record %d %s: ignored by Firehose, %s lost\n", g.Output, quote(g.RecordID), count(g.Rows, "row"))
	}
	if len(rep.Verdict.Alternatives) > 0 {
		fmt.Fprintln(w, "unconfirmed (other readings of what Firehose does; the exit status follows the main reading):")
		for _, a := range rep.Verdict.Alternatives {
			fmt.Fprintf(w, "  %s: %s\n", a.Code, a.Message)
			for _, r := range a.Readings {
				fmt.Fprintf(w, "    - %s (records failing: %d)\n", r.Label, r.FailedCount)
			}
		}
	}
	docs := map[string]*lines{transform.DocInput: newLines(event)}
	if response != "" {
		docs[transform.DocResponse] = newLines(response)
	} else if rep.Lambda.Body != nil {
		docs[transform.DocResponse] = newLines(*rep.Lambda.Body)
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintln(w, "findings:")
	}
	for _, fd := range rep.Findings {
		where := c.event
		if fd.Doc == transform.DocResponse {
			where = c.response
			if c.preset != "" {
				where = "response"
			}
		}
		if where == "-" {
			where = "stdin"
		}
		if l := docs[fd.Doc]; l != nil {
			line, col := l.at(fd.Start)
			where += fmt.Sprintf(":%d:%d", line, col)
		}
		conf := ""
		if fd.Confidence != "" && fd.Confidence != transform.Confirmed {
			conf = " (" + string(fd.Confidence) + ")"
		}
		fmt.Fprintf(w, "  %s: %s %s%s: %s\n", where, fd.Severity, fd.Code, conf, fd.Message)
	}
	if status == exitOK {
		fmt.Fprintln(w, "PASS: every record is delivered or dropped")
	} else if s.Records == 0 {
		fmt.Fprintln(w, "FAIL: no record could be read from the event")
	} else {
		fmt.Fprintln(w, "FAIL: records fail or are lost")
	}
}

// count writes "1 record", "2 records".
func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// quote writes a recordId for a line of text, clipped.
func quote(s string) string {
	b, _ := json.Marshal(clip(s, 80))
	return string(b)
}

// clip shortens s to n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// lines turns the report's UTF-16 offsets into 1-based lines and columns
// (columns in characters).
type lines struct {
	starts []int // UTF-16 offset of each line's start
	text   []uint16
}

func newLines(s string) *lines {
	u := utf16.Encode([]rune(s))
	l := &lines{starts: []int{0}, text: u}
	for i, c := range u {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// at returns the line and column of a UTF-16 offset.
func (l *lines) at(off int) (int, int) {
	off = min(max(off, 0), len(l.text))
	i := sort.Search(len(l.starts), func(k int) bool { return l.starts[k] > off }) - 1
	col := 1
	for k := l.starts[i]; k < off; k++ {
		if c := l.text[k]; c < 0xdc00 || c >= 0xe000 { // a low surrogate ends a character already counted
			col++
		}
	}
	return i + 1, col
}
