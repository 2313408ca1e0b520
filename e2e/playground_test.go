//go:build e2e

package e2e

import "testing"

func TestEngineBecomesReady(t *testing.T) {
	p := openTab(t)
	if v := p.evalString(`document.documentElement.dataset.version || ""`); v == "" {
		t.Errorf("data-version is empty, want the engine's version")
	}
	if n := p.evalInt(`document.querySelectorAll("#records .record-item").length`); n != 3 {
		t.Errorf("the default input shows %d records, want 3", n)
	}
	p.shot("ready")
}
