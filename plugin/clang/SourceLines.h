// The engine's line reader inside clang (ptrcheck_engine_set_line_reader): NOLINT comments and the
// #include fix-it's line are read from the text clang compiled (the SourceManager's buffers: the
// same bytes under -ivfsoverlay, remapped files, stdin, or a file edited while the build runs), not
// re-read from disk.  Installed by the frontend plugin (its IR findings use it too) and the
// clang-tidy module, so both read NOLINT the way the CLI (which runs the plugin) does.
#ifndef PTRCHECK_CLANG_SOURCELINES_H
#define PTRCHECK_CLANG_SOURCELINES_H

#include "ptrcheck/ptrcheck.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

namespace ptrcheck {

class SourceLines {
public:
  explicit SourceLines(clang::SourceManager &SM) : SM(SM) {}
  // Lives at least as long as the engine uses it.
  void install(ptrcheck_engine_t *E) { ptrcheck_engine_set_line_reader(E, &SourceLines::read, this); }

private:
  clang::SourceManager &SM;
  llvm::DenseMap<const char *, clang::FileID> Files; // the engine's interned names

  static const char *read(void *User, const char *File, unsigned Line, size_t *Len);
  clang::FileID fileID(const char *File);
};

} // namespace ptrcheck

#endif
