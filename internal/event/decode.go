package event

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/firehose-playground/firehose-playground/internal/report"
)

// MaxInflated is the most bytes one gzip record may inflate to. Firehose
// records are at most 1,000 KiB, so anything near this is a gzip bomb.
const MaxInflated = 32 << 20

// Base64Error describes why a record's data is not the padded standard
// base64 that Firehose sends. Offset is the byte offset of the problem in
// the base64 text.
type Base64Error struct {
	Code   report.Code // "base64.invalid", "base64.padding", "base64.urlsafe", "base64.whitespace"
	Msg    string
	Offset int
	// Lenient is true when the data still decodes (unpadded, URL-safe,
	// wrapped): the problem is a warning and Data holds the bytes.
	Lenient bool
}

func (e *Base64Error) Error() string { return e.Msg }

// DecodeBase64 decodes data as Firehose writes it: standard alphabet, with
// padding. Data that only an accommodating decoder would take (no padding,
// the URL-safe alphabet, line breaks) is decoded anyway and reported with
// a lenient *Base64Error; anything else returns a *Base64Error and no
// bytes.
func DecodeBase64(data string) ([]byte, error) { return AppendBase64(nil, data) }

// AppendBase64 is DecodeBase64 appending the bytes to dst.
func AppendBase64(dst []byte, data string) ([]byte, error) {
	src := unsafe.Slice(unsafe.StringData(data), len(data)) // only read
	out, err := base64.StdEncoding.Strict().AppendDecode(dst, src)
	if err == nil && !hasLineBreak(data) {
		return out, nil
	}
	return decodeBase64Slow(data)
}

// base64Pairs holds the two standard base64 characters of every 12-bit
// value, the first in the low byte.
var base64Pairs = func() (t [1 << 12]uint16) {
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := range t {
		t[i] = uint16(chars[i>>6]) | uint16(chars[i&63])<<8
	}
	return t
}()

// AppendBase64Encode appends the standard, padded base64 of src, as
// base64.StdEncoding.AppendEncode does, but faster: six bytes
// become eight characters with four lookups and one store.
func AppendBase64Encode(dst, src []byte) []byte {
	n := base64.StdEncoding.EncodedLen(len(src))
	dst = slices.Grow(dst, n)
	out := dst[len(dst) : len(dst)+n]
	si, di := 0, 0
	for ; len(src)-si >= 8; si, di = si+6, di+8 {
		x := binary.BigEndian.Uint64(src[si:])
		binary.LittleEndian.PutUint64(out[di:], uint64(base64Pairs[x>>52])|uint64(base64Pairs[x>>40&0xfff])<<16|
			uint64(base64Pairs[x>>28&0xfff])<<32|uint64(base64Pairs[x>>16&0xfff])<<48)
	}
	base64.StdEncoding.Encode(out[di:], src[si:])
	return dst[:len(dst)+n]
}

func hasLineBreak(s string) bool {
	return strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\r') >= 0
}

// decodeBase64Slow finds what is wrong with data and decodes it if an
// accommodating decoder would.
func decodeBase64Slow(data string) ([]byte, error) {
	var problem *Base64Error
	note := func(code report.Code, msg string, off int) {
		if problem == nil {
			problem = &Base64Error{Code: code, Msg: msg, Offset: off, Lenient: true}
		}
	}
	clean := make([]byte, 0, len(data))
	urlSafe, std := -1, -1
	pad := -1
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n' || c == '\r' || c == ' ' || c == '\t':
			note(report.CodeBase64Whitespace, "the data has white space in it at byte "+strconv.Itoa(i)+
				"; Firehose sends base64 on one line", i)
			continue
		case c == '=':
			if pad < 0 {
				pad = i
			}
			clean = append(clean, c)
			continue
		case c == '-' || c == '_':
			if urlSafe < 0 {
				urlSafe = i
			}
		case c == '+' || c == '/':
			if std < 0 {
				std = i
			}
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			r, _ := utf8.DecodeRuneInString(data[i:])
			return nil, &Base64Error{Code: report.CodeBase64Invalid, Offset: i,
				Msg: fmt.Sprintf("%s at byte %d is not a base64 character", quoteRune(r), i)}
		}
		if pad >= 0 {
			return nil, &Base64Error{Code: report.CodeBase64Invalid, Offset: pad,
				Msg: "padding '=' in the middle of the data at byte " + strconv.Itoa(pad)}
		}
		clean = append(clean, c)
	}
	if urlSafe >= 0 && std >= 0 {
		return nil, &Base64Error{Code: report.CodeBase64Invalid, Offset: urlSafe,
			Msg: "the data mixes the standard alphabet ('+', '/') with the URL-safe one ('-', '_')"}
	}
	if urlSafe >= 0 {
		note(report.CodeBase64URLSafe, "the data uses the URL-safe alphabet ('-' and '_'); Firehose uses the standard one ('+' and '/')", urlSafe)
	}
	body := bytes.TrimRight(clean, "=")
	pads := len(clean) - len(body)
	switch {
	case len(body)%4 == 1:
		return nil, &Base64Error{Code: report.CodeBase64Invalid, Offset: len(data),
			Msg: fmt.Sprintf("%d base64 characters cannot encode whole bytes (one too many, or some are missing)", len(body))}
	case pads == 0 && len(body)%4 != 0:
		note(report.CodeBase64Padding, "the data is not padded with '='; Firehose always pads base64", len(data))
	case pads > 0 && (len(body)+pads)%4 != 0:
		return nil, &Base64Error{Code: report.CodeBase64Invalid, Offset: len(data) - pads,
			Msg: fmt.Sprintf("wrong padding: %d '=' after %d characters", pads, len(body))}
	}
	enc := base64.RawStdEncoding
	if urlSafe >= 0 {
		enc = base64.RawURLEncoding
	}
	out := make([]byte, enc.DecodedLen(len(body)))
	n, err := enc.Decode(out, body)
	if err != nil {
		return nil, &Base64Error{Code: report.CodeBase64Invalid, Offset: len(data), Msg: "the data is not base64: " + err.Error()}
	}
	if problem == nil {
		// Strict decoding failed only on non-zero trailing bits.
		problem = &Base64Error{Code: report.CodeBase64Padding, Offset: len(data), Lenient: true,
			Msg: "the last base64 character has bits set that encode nothing; the data is not canonical base64"}
	}
	return out[:n], problem
}

// quoteRune quotes a character for a message, naming invisible ones.
func quoteRune(r rune) string {
	if r < 0x20 || r == 0x7f || r == utf8.RuneError {
		return fmt.Sprintf("byte %U", r)
	}
	return strconv.QuoteRune(r)
}

// UTF8Error locates the first byte sequence that is not UTF-8, with the
// reason and the range Python's decoder reports for it.
type UTF8Error struct {
	Start, End int // byte range of the bad sequence
	Reason     string
	Byte       byte // the first byte of the bad sequence
}

// Error is Python's UnicodeDecodeError message.
func (e *UTF8Error) Error() string {
	if e.End-e.Start == 1 {
		return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: %s", e.Byte, e.Start, e.Reason)
	}
	return fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: %s", e.Start, e.End-1, e.Reason)
}

// CheckUTF8 returns nil if b is valid UTF-8, or the first problem in it
// as CPython's UTF-8 decoder classifies it.
func CheckUTF8(b []byte) *UTF8Error {
	if utf8.Valid(b) {
		return nil
	}
	i := 0
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n != 1 {
			i += n
			continue
		}
		return pyUTF8Error(b, i)
	}
	return nil
}

func isCont(c byte) bool { return c&0xc0 == 0x80 }

// pyUTF8Error classifies the invalid sequence at b[i] like CPython's
// utf8_decode.
func pyUTF8Error(b []byte, i int) *UTF8Error {
	c := b[i]
	rest := len(b) - i
	bad := func(n int) *UTF8Error { // invalid continuation after n good bytes
		return &UTF8Error{Start: i, End: i + n, Byte: c, Reason: "invalid continuation byte"}
	}
	eof := &UTF8Error{Start: i, End: len(b), Byte: c, Reason: "unexpected end of data"}
	switch {
	case c >= 0xc2 && c <= 0xdf:
		if rest < 2 {
			return eof
		}
		return bad(1)
	case c >= 0xe0 && c <= 0xef:
		if rest >= 2 {
			c2 := b[i+1]
			if !isCont(c2) || (c == 0xe0 && c2 < 0xa0) || (c == 0xed && c2 >= 0xa0) {
				return bad(1)
			}
		}
		if rest < 3 {
			return eof
		}
		return bad(2)
	case c >= 0xf0 && c <= 0xf4:
		if rest >= 2 {
			c2 := b[i+1]
			if !isCont(c2) || (c == 0xf0 && c2 < 0x90) || (c == 0xf4 && c2 >= 0x90) {
				return bad(1)
			}
		}
		if rest >= 3 && !isCont(b[i+2]) {
			return bad(2)
		}
		if rest < 4 {
			return eof
		}
		return bad(3)
	}
	return &UTF8Error{Start: i, End: i + 1, Byte: c, Reason: "invalid start byte"}
}

// GzipError describes a gzip record that cannot be inflated.
type GzipError struct {
	Code report.Code // "gzip.truncated", "gzip.corrupt", "gzip.bomb"
	Msg  string
}

func (e *GzipError) Error() string { return e.Msg }

// IsGzip reports whether b starts with the gzip magic bytes.
func IsGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// Gunzip inflates b, refusing to produce more than limit bytes (MaxInflated
// when limit is 0).
func Gunzip(b []byte, limit int) ([]byte, error) {
	if limit <= 0 {
		limit = MaxInflated
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, gzipError(err, len(b))
	}
	var out bytes.Buffer
	n, err := io.Copy(&out, io.LimitReader(zr, int64(limit)+1))
	if err != nil {
		return nil, gzipError(err, len(b))
	}
	if n > int64(limit) {
		return nil, &GzipError{Code: report.CodeGzipBomb, Msg: fmt.Sprintf(
			"the gzip data inflates to more than %s (from %s): refused as a likely gzip bomb", report.SizeText(limit), report.SizeText(len(b)))}
	}
	return out.Bytes(), nil
}

func gzipError(err error, n int) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &GzipError{Code: report.CodeGzipTruncated, Msg: fmt.Sprintf("the gzip data (%s) is truncated: it ends before the stream does", report.SizeText(n))}
	}
	return &GzipError{Code: report.CodeGzipCorrupt, Msg: "the gzip data is corrupt: " + err.Error()}
}
