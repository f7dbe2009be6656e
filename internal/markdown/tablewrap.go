package markdown

// Tables in a body are wide: on a phone they scroll sideways inside the
// page. A scrolling box must take keyboard focus and have a name (axe's
// scrollable-region-focusable), so each table is rendered inside
//
//	<div class="table-wrap" role="region" tabindex="0" aria-label="Bảng">
//
// by wrapping goldmark's own table renderer rather than editing its HTML.

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

const tableWrapOpen = `<div class="table-wrap" role="region" tabindex="0" aria-label="Bảng">` + "\n"

// tableWrap is goldmark's table renderer, with the table wrapped.
type tableWrap struct{ inner renderer.NodeRenderer }

func newTableWrap() *tableWrap { return &tableWrap{inner: extension.NewTableHTMLRenderer()} }

// SetOption passes the renderer's options (unsafe, XHTML) on.
func (t *tableWrap) SetOption(name renderer.OptionName, value any) {
	if so, ok := t.inner.(renderer.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

func (t *tableWrap) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	t.inner.RegisterFuncs(registerer(func(kind ast.NodeKind, f renderer.NodeRendererFunc) {
		if kind == east.KindTable {
			table := f
			f = func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
				if entering {
					_, _ = w.WriteString(tableWrapOpen)
				}
				st, err := table(w, src, n, entering)
				if !entering {
					_, _ = w.WriteString("</div>\n")
				}
				return st, err
			}
		}
		reg.Register(kind, f)
	}))
}

type registerer func(ast.NodeKind, renderer.NodeRendererFunc)

func (r registerer) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { r(k, f) }
