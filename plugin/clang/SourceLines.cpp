// See SourceLines.h.
#include "SourceLines.h"

#include "clang/Basic/FileManager.h"

using namespace clang;

namespace ptrcheck {

FileID SourceLines::fileID(const char *File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second;
  FileID FID;
  FileID Main = SM.getMainFileID();
  if (Main.isValid() && SM.getFilename(SM.getLocForStartOfFile(Main)) == File) { // also "<stdin>"
    Files[File] = Main;
    return Main;
  }
  auto Ref = SM.getFileManager().getFileRef(File);
  if (Ref) {
    FID = SM.translateFile(*Ref);
    if (FID.isInvalid()) // a file clang never read (a layout table named in .ptrcheck.yaml)
      FID = SM.createFileID(*Ref, SourceLocation(), SrcMgr::C_User);
  } else {
    llvm::consumeError(Ref.takeError());
  }
  Files[File] = FID; // an invalid one too: the file has no lines
  return FID;
}

const char *SourceLines::read(void *User, const char *File, unsigned Line, size_t *Len) {
  auto *S = static_cast<SourceLines *>(User);
  if (!File)
    return nullptr;
  FileID FID = S->fileID(File);
  if (FID.isInvalid())
    return nullptr;
  bool Invalid = false;
  llvm::StringRef Buf = S->SM.getBufferData(FID, &Invalid);
  if (!Line) { // the whole text (ptrcheck_line_fn)
    if (Invalid)
      return nullptr;
    *Len = Buf.size();
    return Buf.data();
  }
  // Line N exists when the buffer has N-1 newlines (the text after the last one is a line, even empty).
  if (Invalid || Line > S->SM.getLineNumber(FID, static_cast<unsigned>(Buf.size())))
    return nullptr;
  SourceLocation L = S->SM.translateLineCol(FID, Line, 1);
  if (L.isInvalid())
    return nullptr;
  size_t Start = S->SM.getFileOffset(L);
  if (Start > Buf.size())
    return nullptr;
  size_t End = Buf.find('\n', Start);
  if (End == llvm::StringRef::npos)
    End = Buf.size();
  if (End > Start && Buf[End - 1] == '\r')
    End--;
  *Len = End - Start;
  return Buf.data() + Start;
}

} // namespace ptrcheck
