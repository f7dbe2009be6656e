package importer

import "testing"

// What a press office's Word files hold beside the text meant for the
// site, one case a row: the body after the title and date line, and the
// Markdown the article gets.
func TestDocxBody(t *testing.T) {
	fld := func(kind string) string { return `<w:r><w:fldChar w:fldCharType="` + kind + `"/></w:r>` }
	for _, c := range []struct {
		name, body, styles, want string
	}{
		{name: "moved text once, at its new place",
			body: p(`<w:moveFromRangeStart w:id="1" w:name="m1"/><w:moveFrom w:id="2">` + r("Đoạn chuyển ") + `</w:moveFrom><w:moveFromRangeEnd w:id="1"/>` +
				r("giữa") + `<w:moveToRangeStart w:id="3" w:name="m1"/><w:moveTo w:id="4">` + r(" Đoạn chuyển") + `</w:moveTo><w:moveToRangeEnd w:id="3"/>` +
				`<w:ins w:id="5">` + r(" thêm") + `</w:ins>`),
			want: "giữa Đoạn chuyển thêm\n"},
		{name: "the formatting a tracked change replaced is not read",
			body: `<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` +
				`<w:r><w:rPr><w:rPrChange w:id="2"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>Thường, trước là mục in đậm</w:t></w:r></w:p>`,
			want: "Thường, trước là mục in đậm\n"},
		{name: "hidden text left out, whether the run or its style hides it",
			body: p(r("Hiện")+`<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> ẩn</w:t></w:r>`+
				`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> hiện</w:t></w:r>`+
				`<w:r><w:rPr><w:webHidden/></w:rPr><w:t xml:space="preserve"> ẩn trên web</w:t></w:r>`+
				`<w:r><w:rPr><w:specVanish/></w:rPr><w:t xml:space="preserve"> luôn ẩn</w:t></w:r>`+
				`<w:r><w:rPr><w:rStyle w:val="An"/></w:rPr><w:t xml:space="preserve"> kiểu ẩn</w:t></w:r>`+
				`<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:br/></w:r>`+r(" nữa")) +
				`<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>` + r("Dấu đoạn ẩn, chữ hiện") + `</w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="GhiChu"/></w:pPr>` + r("Cả đoạn ẩn theo kiểu") + `</w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="GhiChu"/></w:pPr><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>Hiện dù kiểu ẩn</w:t></w:r></w:p>`,
			styles: `<w:styles xmlns:w="x"><w:style w:type="character" w:styleId="An"><w:name w:val="Ẩn"/><w:rPr><w:vanish/></w:rPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="NoiBo"><w:name w:val="Nội bộ"/><w:rPr><w:vanish/></w:rPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="GhiChu"><w:name w:val="Ghi chú"/><w:basedOn w:val="NoiBo"/></w:style>` +
				`<w:style w:type="table" w:styleId="Bang"><w:tblStylePr w:type="firstRow"><w:rPr><w:vanish/></w:rPr></w:tblStylePr></w:style></w:styles>`,
			want: "Hiện hiện nữa\n\nDấu đoạn ẩn, chữ hiện\n\nHiện dù kiểu ẩn\n"},
		{name: "of alternative content, one alternative",
			body: p(r("Có")+`<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t xml:space="preserve"> một lần</w:t></mc:Choice>`+
				`<mc:Fallback><w:t xml:space="preserve"> một lần</w:t></mc:Fallback></mc:AlternateContent></w:r>`) +
				`<mc:AlternateContent><mc:Choice Requires="w15">` + p(r("Đoạn mới")) + `</mc:Choice><mc:Choice Requires="w14">` + p(r("Đoạn cũ")) + `</mc:Choice>` +
				`<mc:Fallback>` + p(r("Đoạn cũ")) + `</mc:Fallback></mc:AlternateContent>` +
				`<mc:AlternateContent><mc:Fallback>` + p(r("Chỉ có dự phòng")) + `</mc:Fallback></mc:AlternateContent>`,
			want: "Có một lần\n\nĐoạn mới\n\nChỉ có dự phòng\n"},
		{name: "a content control's placeholder left out, its content kept",
			body: p(r("Nơi nhận:")+`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>`+r(" Bấm vào đây để nhập văn bản.")+`</w:sdtContent></w:sdt>`) +
				`<w:sdt><w:sdtPr><w:alias w:val="Ghi chú"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>` + p(r("Nhập ghi chú.")) + `</w:sdtContent></w:sdt>` +
				`<w:sdt><w:sdtPr><w:alias w:val="Đơn vị"/></w:sdtPr><w:sdtContent>` + p(r("Đảng ủy xã Phúc Xuân")) + `</w:sdtContent></w:sdt>`,
			want: "Nơi nhận:\n\nĐảng ủy xã Phúc Xuân\n"},
		{name: "a field's result kept, its code left out, fields in its code too",
			body: p(r("Xem ")+fld("begin")+`<w:r><w:instrText> HYPERLINK "https://x.vn" </w:instrText></w:r>`+fld("separate")+r("trang tin")+fld("end")+r(".")) +
				p(r("Kết quả: ")+fld("begin")+`<w:r><w:instrText> IF </w:instrText></w:r>`+
					fld("begin")+`<w:r><w:instrText>PAGE</w:instrText></w:r>`+fld("separate")+r("1")+fld("end")+
					`<w:r><w:instrText> = 1 "một" "hai"</w:instrText></w:r>`+fld("separate")+r("một")+fld("end")+
					fld("begin")+`<w:r><w:instrText> XE "mục lục" </w:instrText></w:r>`+fld("end")) +
				p(`<w:fldSimple w:instr=" DATE ">`+r("21/03/2019")+`</w:fldSimple>`),
			want: "Xem trang tin.\n\nKết quả: một\n\n21/03/2019\n"},
		{name: "a non-breaking hyphen is a hyphen, an optional one nothing",
			body: p(`<w:r><w:t>Đề án 01</w:t><w:noBreakHyphen/><w:t>ĐA/TU giai đoạn 2017</w:t><w:noBreakHyphen/><w:t>2020, dân</w:t><w:softHyphen/><w:t>vận</w:t></w:r>`),
			want: "Đề án 01-ĐA/TU giai đoạn 2017-2020, dânvận\n"},
		{name: "a deleted paragraph mark joins the paragraph to the next",
			body: `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A" w:date="2019-03-21T00:00:00Z"/></w:rPr></w:pPr>` + r("Đoàn đã làm việc ") + `</w:p>` +
				`<w:p><w:pPr><w:rPr><w:moveFrom w:id="2" w:author="A" w:date="2019-03-21T00:00:00Z"/></w:rPr></w:pPr>` + r("với đơn vị ") + `</w:p>` +
				p(r("về đề án.")) +
				`<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="A" w:date="2019-03-21T00:00:00Z"/></w:rPr></w:pPr>` + r("Đoạn mới.") + `</w:p>` +
				`<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="A" w:date="2019-03-21T00:00:00Z"/></w:rPr></w:pPr>` + r("Trước bảng.") + `</w:p>` +
				`<w:tbl><w:tr><w:tc>` + p(r("Ô")) + `</w:tc></w:tr></w:tbl>`,
			want: "Đoàn đã làm việc với đơn vị về đề án.\n\nĐoạn mới.\n\nTrước bảng.\n\n| Ô |\n| --- |\n"},
		{name: "a table row deleted as a tracked change is left out",
			body: `<w:tbl><w:tr><w:tc>` + p(r("Chỉ tiêu")) + `</w:tc><w:tc>` + p(r("Kết quả")) + `</w:tc></w:tr>` +
				`<w:tr><w:trPr><w:del w:id="1" w:author="A" w:date="2019-03-21T00:00:00Z"/></w:trPr><w:tc>` +
				p(`<w:del w:id="2" w:author="A" w:date="2019-03-21T00:00:00Z"><w:r><w:delText>Hộ nghèo</w:delText></w:r></w:del>`) + `</w:tc><w:tc>` +
				p(`<w:del w:id="3" w:author="A" w:date="2019-03-21T00:00:00Z"><w:r><w:delText>12</w:delText></w:r></w:del>`) + `</w:tc></w:tr>` +
				`<w:tr><w:trPr><w:ins w:id="4" w:author="A" w:date="2019-03-21T00:00:00Z"/></w:trPr><w:tc>` + p(r("Hộ tham gia")) + `</w:tc><w:tc>` + p(r("95%")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + p("") + `</w:tc><w:tc>` + p(r("Ghi chú")) + `</w:tc></w:tr></w:tbl>`,
			want: "| Chỉ tiêu | Kết quả |\n| --- | --- |\n| Hộ tham gia | 95% |\n|  | Ghi chú |\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := ReadDocx(docx(t, p(r("Tiêu đề"))+p(r("21/03/2019"))+c.body, c.styles, ""))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Markdown(2); got != c.want {
				t.Errorf("markdown:\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
