// Package photo publishes the photos a site shows: the lead image of an
// article and the images in bodies, when they are JPEG or PNG files under
// static/. Each is published at a few widths (Widths: 480, 960 and 1600
// pixels, never more than its own), upright and without metadata, so a
// page can offer a phone the small file and a wide screen the large one.
//
// A photo's largest file is published under the photo's own name, in
// place of the file as the camera left it; the narrower ones beside it,
// named for their width ("images/a.jpg" → "images/a-480w.jpg"). A photo
// is shrunk by a box average to within twice a width, then resampled with
// Catmull-Rom (shrink.go, golang.org/x/image/draw). Every
// file is decoded and encoded again: the EXIF orientation (a JPEG's, or a
// PNG's eXIf chunk) is applied to the pixels, and nothing of the camera's
// metadata (GPS position, camera, date, the EXIF block itself) is written
// out; only the colour profile (icc.go) is, so a photo in Adobe RGB or
// Display P3 keeps its colours. The original in static/ is read, never
// changed.
//
// Resizing is slow next to the rest of a build, so each file made is kept
// in a cache folder outside the site (DefaultCache), named by the SHA-256
// of the source bytes, the width and the encoder settings: a rebuild, or
// another site using the same photo, takes it from there. The same source
// gives the same bytes whether a file was made now or taken from the
// cache, so builds stay byte-identical.
//
// A JPEG or PNG under static/ that no page shows (a draft's photo, a
// download, a logo) is copied rather than resized, through Strip: its
// metadata segments are dropped and its image data kept byte for byte up
// to the image's end (never what a phone or cat put after it), with the
// orientation rewritten alone so it still shows upright. No file the
// build publishes carries a GPS position.
//
// A Set is used for one build at a time: Lookup (safe for concurrent use,
// cheap: it reads the file's header and its bytes for the hash) while the
// pages are made, then Make, which resizes in parallel what the cache does
// not hold and writes every file. A Set kept between builds (the preview
// server's) looks again only at files whose size or time changed.
//
// Imports: model, diag, par, golang.org/x/image/draw and the standard library.
package photo
