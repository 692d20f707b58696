// Preprocessor facts the cross-target checks need (docs/config.md, "targets"; docs/checks/offset-assumption.md):
// where the translation unit's own files first show Windows intent, and where every conditional directive
// is, so that a record whose definition contains one is known to be laid out per preprocessing.  Shared
// by the clang plugin and the clang-tidy module; no decisions here.
#ifndef PTRCHECK_CLANG_PPFACTS_H
#define PTRCHECK_CLANG_PPFACTS_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"
#define PTRCHECK_COMPAT_PP
#include "ptrcheck_compat.h"
#include "llvm/ADT/DenseSet.h"

#include <memory>
#include <string>
#include <vector>

namespace clang {
class LangOptions;
class SourceManager;
} // namespace clang

namespace ptrcheck {

struct PPRecord {
  clang::SourceLocation WindowsLoc; // invalid: no Windows intent seen
  std::string WindowsWhat;          // "tests '_WIN32'", "includes <windows.h>"
  std::vector<clang::SourceLocation> Conditionals; // #if/#ifdef/#ifndef/#elif/#else/#endif, in order
  // Branches compiled only when none of the Windows macros in Undefined (PTRCHECK_WIN_*) is defined:
  // from the directive that opens the branch to the one that closes it.
  struct NonWindows {
    clang::SourceLocation Begin, End;
    unsigned Undefined;
  };
  std::vector<NonWindows> NonWin;

  // 1 when a conditional directive lies between Begin and End (file locations of one file).
  bool conditionalBetween(const clang::SourceManager &SM, clang::SourceLocation Begin,
                          clang::SourceLocation End) const;
};

class PPFacts : public clang::PPCallbacks {
public:
  PPFacts(const clang::SourceManager &SM, const clang::LangOptions &LO, std::shared_ptr<PPRecord> R)
      : SM(SM), LO(LO), R(std::move(R)) {}

  void Ifdef(clang::SourceLocation Loc, const clang::Token &MacroNameTok, const clang::MacroDefinition &MD) override;
  void Ifndef(clang::SourceLocation Loc, const clang::Token &MacroNameTok, const clang::MacroDefinition &MD) override;
  void Defined(const clang::Token &MacroNameTok, const clang::MacroDefinition &MD, clang::SourceRange Range) override;
  void If(clang::SourceLocation Loc, clang::SourceRange ConditionRange, ConditionValueKind ConditionValue) override;
  void Elif(clang::SourceLocation Loc, clang::SourceRange ConditionRange, ConditionValueKind ConditionValue,
            clang::SourceLocation IfLoc) override;
  void Else(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;
  void Endif(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;
  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason, clang::SrcMgr::CharacteristicKind FileType,
                   clang::FileID PrevFID) override;
  // Nothing to record; overridden so that the vtable names no symbol of another major's ABI.
  void HasInclude(clang::SourceLocation, llvm::StringRef, bool, ptrcheck_compat::OptionalFileEntryRef,
                  clang::SrcMgr::CharacteristicKind) override {}

private:
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  std::shared_ptr<PPRecord> R;
  // The translation unit's own files: the main file and the headers an own file includes from its
  // own directory or below it (`#include "x.h"`, `"sub/y.h"`); not headers found on the include
  // path (a vendored library's, a public API's), whose portability is theirs, nor system headers.
  llvm::DenseSet<clang::FileID> Own;

  bool ownFile(clang::SourceLocation Loc) const;
  void directive(clang::SourceLocation Loc) { R->Conditionals.push_back(Loc); }
  // One #if group: the Windows macros whose definition made an earlier branch's condition true
  // (conditions that are only a disjunction of Windows-macro tests), and the open branch's
  // requirement (a NonWindows region from BranchLoc when Undefined != 0).
  struct Frame {
    unsigned Taken = 0;
    unsigned Undefined = 0;
    clang::SourceLocation BranchLoc;
  };
  std::vector<Frame> Stack;
  void openBranch(clang::SourceLocation Loc, unsigned Undefined);
  void closeBranch(clang::SourceLocation Loc);
  // PTRCHECK_WIN_* of `defined(A) || defined(B) || C` in Cond (Positive) or of `!defined(A)` / `!A`
  // (Negative); both 0 for any other condition.
  void windowsCondition(clang::SourceRange Cond, unsigned &Positive, unsigned &Negative) const;
  void macroTest(llvm::StringRef Name, clang::SourceLocation Loc);
  void conditionText(clang::SourceLocation Loc, clang::SourceRange Cond);
};

} // namespace ptrcheck

#endif
