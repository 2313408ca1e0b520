package report

// Term is one value a field may take, with its label and what it means.
type Term struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Words string `json:"words,omitempty"`
	// Noun names the value in running text ("Read a printed event"),
	// where the label is a control's short name; "" when the label serves.
	Noun string `json:"noun,omitempty"`
}
