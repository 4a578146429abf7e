package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// textCalls are the calls whose string arguments reach the screen.
var textCalls = map[string]bool{"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewMenuItem": true, "NewMenu": true, "NewFormItem": true, "NewTabItem": true, "NewTabItemWithIcon": true,
	"SetText": true, "SetPlaceHolder": true, "ShowInformation": true, "ShowConfirm": true, "NewConfirm": true, "NewCustom": true,
	"NewCustomConfirm": true, "NewForm": true, "ShowForm": true, "setLabel": true, "NewSelect": true, "NewRadioGroup": true,
	"Sprintf": true, "NewInformation": true, "ShowCustom": true, "ShowCustomConfirm": true, "NewHyperlink": true,
	"NewRichTextFromMarkdown": true, "SetTitle": true, "NewNotification": true, "Errorf": true, "New": true,
	"setButtonText": true, "setCanvasText": true, "showText": true, "add": true}

// notWords are literals that reach the screen the same in every language:
// units, a command line, and a label used only to measure a row.
var notWords = map[string]bool{`"+1 min"`: true, `"−1 min"`: true, `"3 min"`: true, `"%.0f fps"`: true,
	`"%.0f kbps"`: true, `"rtt %d ms"`: true, `"floor hub '"`: true, `"floor seat '"`: true, `"Day"`: true}

// No window text is written in English only: every string literal with
// words that a call puts on screen goes through tr or lang. A text added
// without translation fails here, with its place.
func TestNoUntranslatedText(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if translating(call) {
				return false
			}
			if !textCalls[callName(call)] {
				return true
			}
			checked++
			for _, a := range call.Args {
				ast.Inspect(a, func(m ast.Node) bool {
					if c, ok := m.(*ast.CallExpr); ok && translating(c) {
						return false
					}
					if lit, ok := m.(*ast.BasicLit); ok && lit.Kind == token.STRING && words(lit.Value) && !notWords[lit.Value] {
						t.Errorf("%s: %s(%s) is not translated", fset.Position(lit.Pos()), callName(call), lit.Value)
					}
					return true
				})
			}
			return true
		})
	}
	if checked < 100 {
		t.Fatalf("only %d calls checked: is the scan broken?", checked)
	}
}

// translating reports tr(…) and lang.L/X(…).
func translating(c *ast.CallExpr) bool {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		return fn.Name == "tr"
	case *ast.SelectorExpr:
		x, ok := fn.X.(*ast.Ident)
		return ok && x.Name == "lang"
	}
	return false
}

func callName(c *ast.CallExpr) string {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		return fn.Sel.Name
	}
	return ""
}

// words reports a literal with two letters in a row: a word, not a
// separator or a format such as "%d:%02d".
func words(lit string) bool {
	run := 0
	for _, r := range lit {
		if unicode.IsLetter(r) {
			run++
			if run >= 2 {
				return !strings.HasPrefix(lit, "\"%") || strings.ContainsAny(lit, " ")
			}
		} else {
			run = 0
		}
	}
	return false
}
