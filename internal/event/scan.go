package event

import "strings"

// The engine matches a few small patterns by hand rather than with
// regexp, which would add a fifth to the WebAssembly the page downloads;
// scan_test.go holds each matcher against the regular expression it
// stands for.

// isIdentStart and isPlaceholderByte are the ASCII identifier bytes.
func isIdentStart(c byte) bool      { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isPlaceholderByte(c byte) bool { return isIdentStart(c) || '0' <= c && c <= '9' }

func isHexOrDash(c byte) bool {
	return c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// placeholders returns where s holds an unrendered template placeholder:
// ${…}, {{…}} (no braces inside), {name} or <name> (an identifier, then
// identifier bytes and ":.-", and spaces for <…>), as
// regexp.MustCompile(`\$\{[^{}]*\}|\{\{[^{}]*\}\}|\{[A-Za-z_][A-Za-z0-9_:.-]*\}|<[A-Za-z_][A-Za-z0-9_ :.-]*>`).FindAllStringIndex(s, -1).
func placeholders(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if end := placeholderAt(s, i); end > i {
			out = append(out, [2]int{i, end})
			i = end
			continue
		}
		i++
	}
	return out
}

// placeholderAt returns where a placeholder starting at s[i] ends, or i.
func placeholderAt(s string, i int) int {
	// noBraces returns the index of the first '}' or '{' from j, or -1.
	closing := func(j int) int {
		k := strings.IndexAny(s[j:], "{}")
		if k < 0 || s[j+k] != '}' {
			return -1
		}
		return j + k
	}
	switch {
	case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
		if k := closing(i + 2); k >= 0 {
			return k + 1
		}
	case s[i] == '{' && i+1 < len(s) && s[i+1] == '{':
		if k := closing(i + 2); k >= 0 && k+1 < len(s) && s[k+1] == '}' {
			return k + 2
		}
		// not {{…}}: perhaps {name} does not start here either ({ then {)
	case s[i] == '{' || s[i] == '<':
		close, space := byte('}'), false
		if s[i] == '<' {
			close, space = '>', true
		}
		j := i + 1
		if j >= len(s) || !isIdentStart(s[j]) {
			return i
		}
		for j++; j < len(s) && (isPlaceholderByte(s[j]) || s[j] == ':' || s[j] == '.' || s[j] == '-' || space && s[j] == ' '); j++ {
		}
		if j < len(s) && s[j] == close {
			return j + 1
		}
	}
	return i
}

// skipBlanks returns the index after the tabs and spaces from s[i]; ok is
// false when there is none.
func skipBlanks(s string, i int) (int, bool) {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	return j, j > i
}

// requestID returns the index after 36 hex digits and dashes at s[i], or -1.
func requestID(s string, i int) int {
	if len(s)-i < 36 {
		return -1
	}
	for k := i; k < i+36; k++ {
		if !isHexOrDash(s[k]) {
			return -1
		}
	}
	return i + 36
}

// prefixWord returns the index after the first of words that s has at i, or -1.
func prefixWord(s string, i int, words ...string) int {
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w)
		}
	}
	return -1
}

// pyLogPrefix returns the length of the prefix Python's logging writes in
// CloudWatch Logs ("[INFO]\t<time>\t<request id>\t"), or -1: as
// `^\[(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\][\t ]+\S+[\t ]+[0-9A-Fa-f-]{36}[\t ]+`.
func pyLogPrefix(s string) int {
	if !strings.HasPrefix(s, "[") {
		return -1
	}
	i := prefixWord(s, 1, "DEBUG]", "INFO]", "WARNING]", "WARN]", "ERROR]", "CRITICAL]")
	if i < 0 {
		return -1
	}
	i, ok := skipBlanks(s, i)
	if !ok {
		return -1
	}
	// \S+ then blanks then the id: \S+ is greedy, but an id never holds
	// blanks, so the first blank after a non-blank run ends it.
	j := i
	for j < len(s) && !isSpaceByte(s[j]) {
		j++
	}
	if j == i {
		return -1
	}
	if j, ok = skipBlanks(s, j); !ok {
		return -1
	}
	if j = requestID(s, j); j < 0 {
		return -1
	}
	if j, ok = skipBlanks(s, j); !ok {
		return -1
	}
	return j
}

// nodeLogPrefix returns the length of the prefix Node.js's console writes
// in CloudWatch Logs ("<time>\t<request id>\tINFO\t"), or -1: as
// `^\d{4}-\d{2}-\d{2}T[0-9:.]+Z[\t ]+[0-9A-Fa-f-]{36}[\t ]+(?:INFO|WARN|ERROR|DEBUG|TRACE|FATAL)[\t ]+`.
func nodeLogPrefix(s string) int {
	digits := func(i, n int) int {
		if len(s)-i < n {
			return -1
		}
		for k := i; k < i+n; k++ {
			if s[k] < '0' || s[k] > '9' {
				return -1
			}
		}
		return i + n
	}
	i := digits(0, 4)
	for _, n := range []int{2, 2} {
		if i < 0 || i >= len(s) || s[i] != '-' {
			return -1
		}
		i = digits(i+1, n)
	}
	if i < 0 || i >= len(s) || s[i] != 'T' {
		return -1
	}
	j := i + 1
	for j < len(s) && (s[j] == ':' || s[j] == '.' || '0' <= s[j] && s[j] <= '9') {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != 'Z' {
		return -1
	}
	j, ok := skipBlanks(s, j+1)
	if !ok {
		return -1
	}
	if j = requestID(s, j); j < 0 {
		return -1
	}
	if j, ok = skipBlanks(s, j); !ok {
		return -1
	}
	if j = prefixWord(s, j, "INFO", "WARN", "ERROR", "DEBUG", "TRACE", "FATAL"); j < 0 {
		return -1
	}
	if j, ok = skipBlanks(s, j); !ok {
		return -1
	}
	return j
}

// isSpaceByte is \s of Go's regexp: tab, newline, form feed, carriage return, space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// IsDigit reports whether c is an ASCII digit.
func IsDigit(c byte) bool { return c >= '0' && c <= '9' }
