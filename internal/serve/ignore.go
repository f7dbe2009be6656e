package serve

import (
	"path"

	"bulletin/internal/model"
)

// ignored reports whether a changed file is an editor's bookkeeping rather
// than the site's: saving in vim creates and deletes a swap file, a backup
// and a probe file around the real write, and none of them should cause a
// rebuild. The build leaves the same files out (model.Leftover), so no
// rebuild could have shown them anyway.
//
// Version control's files (static/.git, when static/ is a repository or a
// submodule) are never published either: a commit there is no change.
func ignored(name string) bool {
	return model.Leftover(path.Base(name)) || model.VersionControl(name)
}
