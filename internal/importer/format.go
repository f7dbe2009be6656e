package importer

import (
	"bytes"
	"errors"
)

// Reads is what import reads, said in every refusal of a file that is
// neither, so the editor knows what to save it as.
const Reads = "bulletin import reads a Word document (.docx) or a plain text (.txt) in UTF-8"

// formats are the files an office sends that are no bulletin import
// reads, by their first bytes: said by name, rather than read as text
// (an RTF is ASCII and would be published as its markup) or refused as
// text in a legacy encoding (which a .doc is not).
var formats = []struct {
	magic, what, fix string
}{
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 document (.doc), or another file of old Office",
		"open it in Word and save it as Word Document (.docx)"},
	{"%PDF-", "a PDF", "import the Word document it was made from, or copy its text into a .txt"},
	{`{\rtf`, "a Rich Text document (.rtf)", "open it in Word and save it as Word Document (.docx)"},
	{"PK\x05\x06", "not a Word document (.docx): an empty zip archive", "save it from Word as a .docx"},
	{"PK\x07\x08", "not a Word document (.docx): a zip archive of several parts", "save it from Word as a .docx"},
}

// notText refuses a file of one of formats.
func notText(src []byte) error {
	for _, f := range formats {
		if bytes.HasPrefix(src, []byte(f.magic)) {
			return errors.New(f.what + ": " + f.fix + " (" + Reads + ")")
		}
	}
	return nil
}
