package importer

import "encoding/xml"

// Hidden text: Word hides a run whose properties, or whose character or
// paragraph style (and the styles that style is based on), set w:vanish
// (Font > Hidden: notes to colleagues, a draft sentence kept for later),
// w:webHidden (hidden in a web page, as the site is) or w:specVanish
// (always hidden). None of it is meant for the site: it is left out.
// What the run sets comes first, then its character style, then its
// paragraph's style; the first to set a property decides it. (Word
// toggles a property set on in two styles back off; read as hidden here,
// which errs on the side of leaving text out.)

// hidingProps are the run properties that hide text.
var hidingProps = [...]string{"vanish", "webHidden", "specVanish"}

// hiding is what a run's properties or a style say of each of
// hidingProps: unset, on or off.
type hiding [len(hidingProps)]int8

// with is h with the hiding property se sets.
func (h hiding) with(se xml.StartElement) hiding {
	for i, name := range hidingProps {
		if se.Name.Local == name {
			h[i] = -1
			if on(se) {
				h[i] = 1
			}
		}
	}
	return h
}

// styleSets is what style id, or the first style it is based on that sets
// it, says of property i: 0 when none does.
func (r *docReader) styleSets(id string, i int) int8 {
	for n := 0; id != "" && n < 32; n++ { // a loop of basedOn ends
		if v := r.hides[id][i]; v != 0 {
			return v
		}
		id = r.basedOn[id]
	}
	return 0
}

// hidden reports whether the run being read is hidden.
func (b *bodyReader) hidden() bool {
	for i := range hidingProps {
		v := b.runHides[i]
		if v == 0 {
			v = b.styleSets(b.runStyle, i)
		}
		if v == 0 {
			v = b.styleSets(b.paraStyle, i)
		}
		if v > 0 {
			return true
		}
	}
	return false
}
