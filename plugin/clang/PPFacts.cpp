// Preprocessor facts (see PPFacts.h).
#include "PPFacts.h"

#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace clang;

namespace ptrcheck {

static bool windowsMacro(llvm::StringRef N) {
  return N == "_WIN32" || N == "_WIN64" || N == "_MSC_VER" || N == "__MINGW32__";
}

bool PPRecord::conditionalBetween(const SourceManager &SM, SourceLocation Begin, SourceLocation End) const {
  if (Begin.isInvalid() || End.isInvalid() || Conditionals.empty())
    return false;
  // Directives are recorded in preprocessing order, which is the translation unit's order.
  auto It = std::lower_bound(Conditionals.begin(), Conditionals.end(), Begin,
                             [&](SourceLocation A, SourceLocation X) { return SM.isBeforeInTranslationUnit(A, X); });
  return It != Conditionals.end() && SM.isBeforeInTranslationUnit(*It, End);
}

static std::string absoluteDir(llvm::StringRef File) {
  llvm::SmallString<256> P(File);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_filename(P);
  return P.str().str() + "/";
}

bool PPFacts::ownFile(SourceLocation Loc) const {
  SourceLocation F = SM.getExpansionLoc(Loc);
  return F.isValid() && !SM.isInSystemHeader(F) && Own.count(SM.getFileID(F));
}

void PPFacts::macroTest(llvm::StringRef Name, SourceLocation Loc) {
  if (R->WindowsLoc.isValid() || !windowsMacro(Name))
    return;
  SourceLocation F = SM.getExpansionLoc(Loc);
  if (!ownFile(F))
    return;
  R->WindowsLoc = F;
  R->WindowsWhat = "tests '" + Name.str() + "'";
}

// `#if _MSC_VER >= 1900`: an undefined macro in a condition calls no callback; read the identifiers.
void PPFacts::conditionText(SourceLocation Loc, SourceRange Cond) {
  if (R->WindowsLoc.isValid() || Cond.isInvalid() || Cond.getBegin().isMacroID() || Cond.getEnd().isMacroID() ||
      !ownFile(Loc))
    return;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Cond), SM, LO, &Invalid);
  if (Invalid)
    return;
  size_t I = 0;
  while (I < Text.size()) {
    char C = Text[I];
    if (C == '_' || (C >= 'A' && C <= 'Z') || (C >= 'a' && C <= 'z')) {
      size_t J = I;
      while (J < Text.size() && (Text[J] == '_' || (Text[J] >= 'A' && Text[J] <= 'Z') ||
                                 (Text[J] >= 'a' && Text[J] <= 'z') || (Text[J] >= '0' && Text[J] <= '9')))
        ++J;
      llvm::StringRef Id = Text.substr(I, J - I);
      if (windowsMacro(Id)) {
        macroTest(Id, Cond.getBegin().getLocWithOffset(static_cast<int>(I)));
        return;
      }
      I = J;
    } else {
      ++I;
    }
  }
}

void PPFacts::Ifdef(SourceLocation Loc, const Token &MacroNameTok, const MacroDefinition &) {
  directive(Loc);
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
    macroTest(II->getName(), MacroNameTok.getLocation());
}

void PPFacts::Ifndef(SourceLocation Loc, const Token &MacroNameTok, const MacroDefinition &) {
  directive(Loc);
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
    macroTest(II->getName(), MacroNameTok.getLocation());
}

void PPFacts::Defined(const Token &MacroNameTok, const MacroDefinition &, SourceRange) {
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
    macroTest(II->getName(), MacroNameTok.getLocation());
}

void PPFacts::If(SourceLocation Loc, SourceRange ConditionRange, ConditionValueKind) {
  directive(Loc);
  conditionText(Loc, ConditionRange);
}

void PPFacts::Elif(SourceLocation Loc, SourceRange ConditionRange, ConditionValueKind, SourceLocation) {
  directive(Loc);
  conditionText(Loc, ConditionRange);
}

void PPFacts::Else(SourceLocation Loc, SourceLocation) { directive(Loc); }

void PPFacts::Endif(SourceLocation Loc, SourceLocation) { directive(Loc); }

// Tracks the TU's own files; an #include <windows.h> from one of them is Windows intent (a cross build
// with MinGW headers).
void PPFacts::FileChanged(SourceLocation Loc, FileChangeReason Reason, SrcMgr::CharacteristicKind, FileID) {
  if (Reason != EnterFile || Loc.isInvalid())
    return;
  FileID F = SM.getFileID(Loc);
  if (F == SM.getMainFileID()) {
    Own.insert(F);
    return;
  }
  SourceLocation Inc = SM.getIncludeLoc(F);
  if (Inc.isInvalid() || !ownFile(Inc))
    return;
  llvm::StringRef Name = SM.getFilename(SM.getLocForStartOfFile(F));
  if (Name.empty())
    return;
  llvm::StringRef Base = llvm::sys::path::filename(Name);
  if (Base.equals_insensitive("windows.h") && R->WindowsLoc.isInvalid()) {
    R->WindowsLoc = SM.getExpansionLoc(Inc);
    R->WindowsWhat = "includes <windows.h>";
  }
  std::string IncluderDir = absoluteDir(SM.getFilename(SM.getLocForStartOfFile(SM.getFileID(SM.getExpansionLoc(Inc)))));
  std::string Dir = absoluteDir(Name);
  if (Dir.compare(0, IncluderDir.size(), IncluderDir) == 0)
    Own.insert(F);
}

} // namespace ptrcheck
