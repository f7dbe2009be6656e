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

// Kind describes one code: its severity and what it means, in a line.
type Kind struct {
	Code        string
	Severity    Severity
	Description string
}

// Kinds is the registry, in the order of the documentation.
var Kinds = []Kind{
	{Read, Error, "a file or folder of the site cannot be read"},
	{NotRegularFile, Error, "a named pipe, device or socket stands where a file is expected (bulletin reads only regular files)"},
	{FileTooLarge, Error, "a content, layout or imported file is larger than max_file_size"},
	{NotText, Error, "a file is binary or not UTF-8 text"},
	{Frontmatter, Error, "a content file's frontmatter is missing, unclosed or cannot be read"},
	{Settings, Error, "site.yaml cannot be read as settings"},
	{UnknownSetting, Error, "site.yaml has a key bulletin does not know"},
	{InvalidValue, Error, "a field or setting has a value of the wrong type or form"},
	{MissingField, Error, "a required field (title, date, code) is absent"},
	{DuplicateField, Error, "a frontmatter field, or a setting of site.yaml, is given twice"},
	{URLClash, Error, "two pages would be written to one URL"},
	{ProjectTwice, Error, "two project files describe one document code"},
	{StaticClash, Error, "a file of static/ would replace a generated page or feed, stand beside one as its compressed copy (index.html.gz), or make a name both a file and a folder of the site (static/projects, where the projects' page is projects/index.html)"},
	{StaticGzip, Error, "a compressed copy in static/ (a.css.gz) does not hold the bytes of the file beside it (a.css), or is no gzip file"},
	{Layout, Error, "a layout cannot be parsed, or fails to render a page"},
	{Internal, Error, "bulletin met a bug while reading or converting a file (please report it)"},
	{Failed, Error, "the build failed for a reason other than the site's content, such as a file it could not write"},
	{PhotoBroken, Error, "a JPEG or PNG photo a page shows cannot be decoded (its data is cut short or damaged)"},
	{SiteImageMissing, Error, "the logo or share picture site.yaml names is not a file of the site: every shared link and the structured data would show a broken picture"},

	{UnknownField, Warning, "a frontmatter key bulletin does not know is ignored"},
	{DocRepeated, Warning, "one document is listed twice in an article, under two spellings of its code"},
	{RelativeBaseURL, Warning, "base_url is not an absolute URL, which feeds and the sitemap need"},
	{LayoutUnused, Warning, "a layout matches no page kind and is not used"},
	{MarkdownDeep, Warning, "lists or quotes nested too deep, or tables too large, are shown flattened"},
	{DocumentDiffers, Warning, "a document is cited with another title or date than its project file or first citation"},
	{UnusedProject, Warning, "no article cites a project file"},
	{NoDocuments, Warning, "an article cites no document, so it is on no project's page"},
	{FollowUpOverdue, Warning, "a follow-up date has passed with no later outcome article"},
	{BrokenLink, Warning, "a link leads to no page or file of the site, out of the site, or to an unpublished article"},
	{MissingImage, Warning, "an image is not among the site's files"},
	{DuplicateTitle, Warning, "two articles have one title on one day"},
	{NameVariants, Warning, "team leads, units or tags share a page but differ in their marks"},
	{MissingAlt, Warning, "an image (the lead image, or one in a body) has no text alternative"},
	{PhotoUnreadable, Warning, "a .jpg or .png file is no photo bulletin can resize: another format is published as it is, a JPEG or PNG (over 120 million pixels, or in a form it does not decode) without its metadata"},
	{PhotoCache, Warning, "resized photos cannot be kept in the cache folder, so the next build makes them again"},
	{NotRead, Warning, "a file in content/ is not read: not a .md file, or outside articles/, projects/ and pages/"},
	{CodeWords, Warning, "words before a document code's number that are no kind bulletin knows, or after the code that are not its date and title, are read as part of the code: the document is a project of its own"},
	{UnlikelyDate, Warning, "an article is dated more than a year ahead or before 1945: a year typed wrong?"},
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
