package transform

// judge reads the response and decides what Firehose does with it.
// Placeholder until the checker lands: it reports no verdict.
func judge(rep *Report, ev *Event, req Request, resp string, pasted bool, f *findings) {
	rep.Verdict = Verdict{Records: []RecordVerdict{}, Ignored: []Ignored{}, Alternatives: []Alternative{}}
}
