package diag

// The registry of problem codes, in one place as esbuild keeps its message
// ids (internal/logger/msg_ids.go): every problem bulletin reports carries
// one of these codes, which "check -json" prints and tools may rely on.
// A code is stable once published: rename none, and add a new one here
// (with a test site that makes it, in internal/check/codes_test.go) rather
// than reuse one for another kind of problem.

// Codes of errors: the build stops and writes nothing.
const (
	Read             = "read"               // a file or folder cannot be read
	NotRegularFile   = "not-regular-file"   // a named pipe, device or socket where a file is expected
	FileTooLarge     = "file-too-large"     // larger than max_file_size
	NotText          = "not-text"           // binary, or not UTF-8
	Frontmatter      = "frontmatter"        // frontmatter missing, unclosed or unreadable
	Settings         = "settings"           // site.yaml unreadable as settings
	UnknownSetting   = "unknown-setting"    // a key of site.yaml bulletin does not know
	InvalidValue     = "invalid-value"      // a field or setting of the wrong type or form
	MissingField     = "missing-field"      // a required field is absent
	DuplicateField   = "duplicate-field"    // a field given twice
	URLClash         = "url-clash"          // two pages on one URL
	ProjectTwice     = "project-twice"      // two project files for one code
	StaticClash      = "static-clash"       // a static file would replace a generated one
	StaticGzip       = "static-gzip"        // a static x.gz that does not hold the bytes of x
	Layout           = "layout"             // a layout fails to parse or to render a page
	Internal         = "internal"           // a bug of bulletin, reported on the file that met it
	Failed           = "build-failed"       // a failure that is not the content's (the preview's overlay)
	PhotoBroken      = "photo-broken"       // a JPEG or PNG a page shows whose data cannot be decoded
	SiteImageMissing = "site-image-missing" // site.yaml's logo or image is not a file of the site
)

// Codes of warnings: the build goes on.
const (
	UnknownField    = "unknown-field"     // a frontmatter key bulletin does not know
	DocRepeated     = "document-repeated" // one document listed twice in an article
	RelativeBaseURL = "relative-base-url" // base_url without scheme and host
	LayoutUnused    = "layout-unused"     // a layout no page kind uses
	MarkdownDeep    = "markdown-deep"     // nesting or table size beyond the limit, flattened
	DocumentDiffers = "document-differs"  // a document cited with another title or date
	UnusedProject   = "unused-project"    // a project file no article cites
	NoDocuments     = "no-documents"      // an article citing no document
	FollowUpOverdue = "follow-up-overdue" // a follow-up date passed with no outcome
	BrokenLink      = "broken-link"       // a link to nothing, or to an unpublished article
	MissingImage    = "missing-image"     // an image that is not there
	DuplicateTitle  = "duplicate-title"   // two articles with one title on one day
	NameVariants    = "name-variants"     // names that share a page but differ in their marks
	MissingAlt      = "missing-alt"       // an image given no text alternative
	PhotoUnreadable = "photo-unreadable"  // a .jpg or .png that is not resized: published as it is, or without its metadata
	PhotoCache      = "photo-cache"       // resized photos cannot be kept in the cache folder
	NotRead         = "not-read"          // a file in content/ the build does not read (x.markdown, a.md.txt)
	UnlikelyDate    = "unlikely-date"     // a date far from today: a year typed wrong?
	CodeWords       = "code-words"        // words before a document code's number, or after it, read as part of the code
)

// Kind describes one code: its severity and what it means, in a line,
// in English for the terminal and in Vietnamese for the browser's editor.
// Vi is what a clerk reads of a problem that was made without words of
// its own for the form (Problem.Vi): plain office Vietnamese, no syntax.
type Kind struct {
	Code        string
	Severity    Severity
	Description string
	Vi          string
}

// Kinds is the registry, in the order of the documentation.
var Kinds = []Kind{
	{Read, Error, "a file or folder of the site cannot be read", "không đọc được tệp hay thư mục này trên máy"},
	{NotRegularFile, Error, "a named pipe, device or socket stands where a file is expected (bulletin reads only regular files)", "ở chỗ của tệp này không phải là một tệp bình thường, nên không đọc được"},
	{FileTooLarge, Error, "a content, layout or imported file is larger than max_file_size", "tệp quá lớn so với giới hạn của trang (max_file_size trong site.yaml); hãy chia nhỏ bài hoặc nhờ người quản trị nâng giới hạn"},
	{NotText, Error, "a file is binary or not UTF-8 text", "tệp không phải là văn bản (UTF-8), nên không đọc được; hãy lưu lại dưới dạng văn bản UTF-8"},
	{Frontmatter, Error, "a content file's frontmatter is missing, unclosed or cannot be read", "phần thông tin đầu bài (tiêu đề, thời gian đăng…) trong tệp bị hỏng, nên không đọc được; hãy nhờ người quản trị sửa tệp"},
	{Settings, Error, "site.yaml cannot be read as settings", "tệp cài đặt của trang (site.yaml) bị hỏng, nên không đọc được; hãy báo người quản trị"},
	{UnknownSetting, Error, "site.yaml has a key bulletin does not know", "tệp cài đặt của trang (site.yaml) có một mục lạ; hãy báo người quản trị"},
	{InvalidValue, Error, "a field or setting has a value of the wrong type or form", "một ô có nội dung không đúng dạng cần có"},
	{MissingField, Error, "a required field (title, date, code) is absent", "còn thiếu một ô bắt buộc phải điền"},
	{DuplicateField, Error, "a frontmatter field, or a setting of site.yaml, is given twice", "một mục được ghi hai lần trong tệp; chỉ được giữ một"},
	{URLClash, Error, "two pages would be written to one URL", "hai trang sẽ có cùng một địa chỉ; hãy đổi đường dẫn của một trong hai bài"},
	{ProjectTwice, Error, "two project files describe one document code", "hai tệp đề án cùng mô tả một số hiệu văn bản"},
	{StaticClash, Error, "a file of static/ would replace a generated page or feed, stand beside one as its compressed copy (index.html.gz), or make a name both a file and a folder of the site (static/projects, where the projects' page is projects/index.html)", "một tệp trong static/ trùng địa chỉ với một trang của trang web; hãy báo người quản trị"},
	{StaticGzip, Error, "a compressed copy in static/ (a.css.gz) does not hold the bytes of the file beside it (a.css), or is no gzip file", "một bản nén trong static/ không khớp với tệp bên cạnh; hãy báo người quản trị"},
	{Layout, Error, "a layout cannot be parsed, or fails to render a page", "giao diện của trang web có lỗi; hãy báo người quản trị"},
	{Internal, Error, "bulletin met a bug while reading or converting a file (please report it)", "bulletin gặp lỗi của chính nó khi đọc tệp này; hãy báo người quản trị (kèm chi tiết kỹ thuật)"},
	{Failed, Error, "the build failed for a reason other than the site's content, such as a file it could not write", "không dựng được trang web vì một lỗi không phải do nội dung bài; hãy báo người quản trị"},
	{PhotoBroken, Error, "a JPEG or PNG photo a page shows cannot be decoded (its data is cut short or damaged)", "một ảnh trên trang bị hỏng (cắt cụt hoặc lỗi dữ liệu), không đọc được; hãy chép lại ảnh"},
	{SiteImageMissing, Error, "the logo or share picture site.yaml names is not a file of the site: every shared link and the structured data would show a broken picture", "biểu trưng hay ảnh chia sẻ mà site.yaml ghi không có trong trang web; hãy báo người quản trị"},

	{UnknownField, Warning, "a frontmatter key bulletin does not know is ignored", "tệp có một mục mà trang không dùng, nên mục đó bị bỏ qua"},
	{DocRepeated, Warning, "one document is listed twice in an article, under two spellings of its code", "một văn bản được ghi hai lần (hai cách viết số hiệu); chỉ cần ghi một lần"},
	{RelativeBaseURL, Warning, "base_url is not an absolute URL, which feeds and the sitemap need", "địa chỉ trang web trong site.yaml chưa đầy đủ; hãy báo người quản trị"},
	{LayoutUnused, Warning, "a layout matches no page kind and is not used", "một tệp giao diện không được dùng cho trang nào"},
	{MarkdownDeep, Warning, "lists or quotes nested too deep, or tables too large, are shown flattened", "danh sách hay trích dẫn lồng nhau quá sâu, hoặc bảng quá lớn, nên được hiện thành văn bản thuần, không còn định dạng"},
	{DocumentDiffers, Warning, "a document is cited with another title or date than its project file or first citation", "một văn bản được ghi tên hoặc ngày ban hành khác với nơi khác"},
	{UnusedProject, Warning, "no article cites a project file", "chưa bài nào dẫn tới tệp đề án này"},
	{NoDocuments, Warning, "an article cites no document, so it is on no project's page", "bài chưa ghi văn bản liên quan nào, nên không hiện trên trang của đề án nào"},
	{FollowUpOverdue, Warning, "a follow-up date has passed with no later outcome article", "đã quá hạn báo cáo khắc phục mà chưa có bài kết quả nào sau đó"},
	{BrokenLink, Warning, "a link leads to no page or file of the site, out of the site, or to an unpublished article", "một liên kết dẫn tới trang không có, ra ngoài trang web, hoặc tới bài chưa đăng"},
	{MissingImage, Warning, "an image is not among the site's files", "không tìm thấy ảnh trong các tệp của trang web"},
	{DuplicateTitle, Warning, "two articles have one title on one day", "có hai bài cùng tiêu đề trong cùng một ngày"},
	{NameVariants, Warning, "team leads, units or tags share a page but differ in their marks", "hai tên chung một trang nhưng khác nhau ở dấu"},
	{MissingAlt, Warning, "an image (the lead image, or one in a body) has no text alternative", "ảnh chưa có mô tả cho người không xem được ảnh"},
	{PhotoUnreadable, Warning, "a .jpg or .png file is no photo bulletin can resize: another format is published as it is, a JPEG or PNG (over 120 million pixels, or in a form it does not decode) without its metadata", "một ảnh không thu nhỏ được, nên được đăng nguyên như vậy"},
	{PhotoCache, Warning, "resized photos cannot be kept in the cache folder, so the next build makes them again", "không lưu được ảnh đã thu nhỏ để dùng lần sau"},
	{NotRead, Warning, "a file in content/ is not read: not a .md file, or outside articles/, projects/ and pages/", "một tệp trong content/ không được đọc (không phải tệp .md, hoặc đặt sai thư mục)"},
	{CodeWords, Warning, "words before a document code's number that are no kind bulletin knows, or after the code that are not its date and title, are read as part of the code: the document is a project of its own", "có chữ thừa trong số hiệu văn bản, nên văn bản bị coi là một văn bản riêng"},
	{UnlikelyDate, Warning, "an article is dated more than a year ahead or before 1945: a year typed wrong?", "thời gian đăng cách hôm nay hơn một năm hoặc trước năm 1945: có gõ nhầm năm không?"},
}

// Lookup returns the registered kind of code.
func Lookup(code string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Code == code {
			return k, true
		}
	}
	return Kind{}, false
}
