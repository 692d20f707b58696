// Preprocessor facts the cross-target checks need (docs/config.md, "targets"; docs/checks/offset-assumption.md):
// where the translation unit's own files first show Windows intent, where every conditional directive
// is, so that a record whose definition contains one is known to be laid out per preprocessing, and
// which branches were taken because of a condition on the target's identity.  Shared
// by the clang plugin and the clang-tidy module; no decisions here.
#ifndef PTRCHECK_CLANG_PPFACTS_H
#define PTRCHECK_CLANG_PPFACTS_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"
#define PTRCHECK_COMPAT_PP
#include "Identifiers.h"
#include "ptrcheck_compat.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "ptrcheck/ptrcheck.h"

#include <memory>
#include <string>
#include <vector>

namespace clang {
class IdentifierInfo;
class LangOptions;
class MacroDirective;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace ptrcheck {

// One token of a preprocessor condition (ptrcheck_pp_tok_t).  Text is an identifier's name as clang
// keeps it, a punctuator's static spelling or PPRecord::Names' copy (all NUL-terminated and kept
// until the walk), or a number's spelling in the file's buffer until values() reads it.
struct PPToken {
  unsigned Kind = 0;  // PTRCHECK_PPT_*
  llvm::StringRef Text;
  long long Value = 0;
  unsigned Flags = 0; // PTRCHECK_PPI_*
  clang::SourceLocation Loc;
  const clang::IdentifierInfo *II = nullptr; // identifiers: for values()
};

struct PPRecord {
  clang::SourceLocation WindowsLoc; // invalid: no Windows intent seen
  std::string WindowsWhat;          // "tests '_WIN32'", "includes <windows.h>"
  std::vector<clang::SourceLocation> Conditionals; // #if/#ifdef/#ifndef/#elif/#else/#endif, in order
  // Branches this preprocessing took because of a target-dependent condition (ptrcheck.h,
  // "Preprocessor conditions"): from the directive that opens the branch to the one that closes it,
  // and the branch's requirement as the tokens of one #if expression.
  struct Region {
    clang::SourceLocation Begin, End;
    std::vector<PPToken> Cond;
  };
  std::vector<Region> Regions;
  llvm::StringSet<> Names; // token texts clang keeps nowhere (PPToken)

  // 1 when a conditional directive lies between Begin and End (file locations of one file).
  bool conditionalBetween(const clang::SourceManager &SM, clang::SourceLocation Begin,
                          clang::SourceLocation End) const;
};

class PPFacts : public clang::PPCallbacks {
public:
  PPFacts(const clang::Preprocessor &PP, std::shared_ptr<PPRecord> R);

  void Ifdef(clang::SourceLocation Loc, const clang::Token &MacroNameTok, const clang::MacroDefinition &MD) override;
  void Ifndef(clang::SourceLocation Loc, const clang::Token &MacroNameTok, const clang::MacroDefinition &MD) override;
  void Defined(const clang::Token &MacroNameTok, const clang::MacroDefinition &MD, clang::SourceRange Range) override;
  void If(clang::SourceLocation Loc, clang::SourceRange ConditionRange, ConditionValueKind ConditionValue) override;
  void Elif(clang::SourceLocation Loc, clang::SourceRange ConditionRange, ConditionValueKind ConditionValue,
            clang::SourceLocation IfLoc) override;
  void Else(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;
  void Endif(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;
  void MacroDefined(const clang::Token &MacroNameTok, const clang::MacroDirective *MD) override;
  void MacroUndefined(const clang::Token &MacroNameTok, const clang::MacroDefinition &MD,
                      const clang::MacroDirective *Undef) override;
  void SourceRangeSkipped(clang::SourceRange Range, clang::SourceLocation EndifLoc) override;
  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason, clang::SrcMgr::CharacteristicKind FileType,
                   clang::FileID PrevFID) override;
  // Nothing to record; overridden so that the vtable names no symbol of another major's ABI.
  void HasInclude(clang::SourceLocation, llvm::StringRef, bool, ptrcheck_compat::OptionalFileEntryRef,
                  clang::SrcMgr::CharacteristicKind) override {}

private:
  const clang::Preprocessor &PP;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  std::shared_ptr<PPRecord> R;
  // The translation unit's own files: the main file and the headers an own file includes from its
  // own directory or below it (`#include "x.h"`, `"sub/y.h"`); not headers found on the include
  // path (a vendored library's, a public API's), whose portability is theirs, nor system headers.
  llvm::DenseSet<clang::FileID> Own;
  // Macros defined or undefined under a target-dependent condition (taken or skipped branch), by
  // name (a skipped branch's names may be ones clang has not met).
  llvm::StringSet<> Derived;

  bool ownFile(clang::SourceLocation Loc) const;
  void directive(clang::SourceLocation Loc) { R->Conditionals.push_back(Loc); }
  // One #if group: the target-dependent conditions of its earlier branches (false here), whether
  // any condition of the group depends on the target, and the open branch's requirement (a Region
  // from BranchLoc when Req is not empty).
  struct Frame {
    std::vector<std::vector<PPToken>> Prior;
    bool Dependent = false;
    clang::SourceLocation BranchLoc;
    std::vector<PPToken> Req;
  };
  std::vector<Frame> Stack;
  unsigned OpenDependent = 0; // frames with a requirement: a #define here is Derived
  clang::SourceLocation EndedGroup; // the last #endif, and whether its group's conditions were dependent
  bool EndedDependent = false;
  // The condition's tokens as clang lexes them, each identifier with this preprocessing's facts
  // except values, which values() adds to the conditions kept (most are not: reading every macro's
  // value would be most of the plugin's preprocessing cost).
  void tokens(clang::SourceRange Cond, std::vector<PPToken> &Out) const;
  std::vector<PPToken> Scratch; // the condition being read (most are not kept)
  PPToken identifier(const clang::IdentifierInfo *II, clang::SourceLocation Loc) const;
  PPToken identifier(llvm::StringRef Name, clang::SourceLocation Loc) const;
  void values(std::vector<PPToken> &Cond) const;
  bool integerValue(llvm::StringRef S, clang::SourceLocation L, long long &Out) const;
  void definedTest(clang::SourceLocation Loc, const clang::Token &MacroNameTok, bool Negated);
  bool dependent(const std::vector<PPToken> &Cond) const;
  mutable llvm::DenseMap<std::pair<const clang::IdentifierInfo *, unsigned>, bool> DependentMemo;
  // Opens the group's branch at Loc whose own condition is Own (empty when it is an #else or its
  // condition does not depend on the target): its requirement is every earlier dependent condition
  // false and Own true.
  void openBranch(clang::SourceLocation Loc, const std::vector<PPToken> &OwnCond);
  void closeBranch(clang::SourceLocation Loc);
  void macroTest(llvm::StringRef Name, clang::SourceLocation Loc);
  // Windows intent from a condition's identifiers; only a condition whose range begins and ends in
  // the file's text, not in a macro's expansion.
  void conditionText(clang::SourceLocation Loc, clang::SourceRange Range, const std::vector<PPToken> &Cond);
};

} // namespace ptrcheck

#endif
