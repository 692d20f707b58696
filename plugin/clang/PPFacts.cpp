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

#include "ptrcheck/ptrcheck.h"

using namespace clang;

namespace ptrcheck {

static bool windowsMacro(llvm::StringRef N) {
  return N == "_WIN32" || N == "_WIN64" || N == "_MSC_VER" || N == "__MINGW32__";
}

// The PTRCHECK_WIN_* bit of a macro a Windows compiler predefines; 0 for any other name.
static unsigned windowsBit(llvm::StringRef N) {
  return N == "_WIN32"        ? PTRCHECK_WIN_WIN32
         : N == "_WIN64"      ? PTRCHECK_WIN_WIN64
         : N == "_MSC_VER"    ? PTRCHECK_WIN_MSC
         : N == "__MINGW32__" ? PTRCHECK_WIN_MINGW32
         : N == "__MINGW64__" ? PTRCHECK_WIN_MINGW64
                              : 0u;
}

void PPFacts::openBranch(SourceLocation Loc, unsigned Undefined) {
  if (Stack.empty())
    return;
  Stack.back().Undefined = Undefined;
  Stack.back().BranchLoc = Loc;
}

void PPFacts::closeBranch(SourceLocation Loc) {
  if (Stack.empty() || !Stack.back().Undefined)
    return;
  R->NonWin.push_back({Stack.back().BranchLoc, Loc, Stack.back().Undefined});
  Stack.back().Undefined = 0;
}

void PPFacts::windowsCondition(SourceRange Cond, unsigned &Positive, unsigned &Negative) const {
  Positive = Negative = 0;
  if (Cond.isInvalid() || Cond.getBegin().isMacroID() || Cond.getEnd().isMacroID())
    return;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Cond), SM, LO, &Invalid);
  if (Invalid)
    return;
  // tokens: identifiers, "||", "!", parentheses; anything else makes the condition something else
  llvm::SmallVector<llvm::StringRef, 16> Toks;
  for (size_t I = 0; I < Text.size();) {
    char C = Text[I];
    if (C == ' ' || C == '\t' || C == '\\' || C == '\n' || C == '\r') {
      ++I;
    } else if (C == '/' && I + 1 < Text.size() && Text[I + 1] == '/') {
      break; // a comment after the condition
    } else if (C == '/' && I + 1 < Text.size() && Text[I + 1] == '*') {
      size_t E = Text.find("*/", I + 2);
      if (E == llvm::StringRef::npos)
        break;
      I = E + 2;
    } else if (C == '_' || (C >= 'A' && C <= 'Z') || (C >= 'a' && C <= 'z')) {
      size_t J = I;
      while (J < Text.size() && (Text[J] == '_' || (Text[J] >= 'A' && Text[J] <= 'Z') ||
                                 (Text[J] >= 'a' && Text[J] <= 'z') || (Text[J] >= '0' && Text[J] <= '9')))
        ++J;
      Toks.push_back(Text.substr(I, J - I));
      I = J;
    } else if (C == '|' && I + 1 < Text.size() && Text[I + 1] == '|') {
      Toks.push_back(Text.substr(I, 2));
      I += 2;
    } else if (C == '!' || C == '(' || C == ')') {
      Toks.push_back(Text.substr(I, 1));
      ++I;
    } else {
      return;
    }
  }
  // term: [!] ["defined"] ["("] W [")"], with any parentheses around it
  size_t I = 0;
  unsigned Pos = 0, Terms = 0, Neg = 0;
  bool Negated = false;
  while (I < Toks.size()) {
    bool Not = false;
    while (I < Toks.size() && (Toks[I] == "(" || Toks[I] == "!")) {
      if (Toks[I] == "!")
        Not = !Not;
      ++I;
    }
    if (I < Toks.size() && Toks[I] == "defined")
      ++I;
    while (I < Toks.size() && Toks[I] == "(")
      ++I;
    if (I >= Toks.size())
      return;
    unsigned Bit = windowsBit(Toks[I]);
    if (!Bit)
      return;
    ++I;
    while (I < Toks.size() && Toks[I] == ")")
      ++I;
    ++Terms;
    if (Not) {
      Negated = true;
      Neg |= Bit;
    } else {
      Pos |= Bit;
    }
    if (I < Toks.size()) {
      if (Toks[I] != "||")
        return;
      ++I;
    }
  }
  if (Negated && Terms == 1)
    Negative = Neg;
  else if (!Negated)
    Positive = Pos;
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
  Stack.emplace_back();
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo()) {
    macroTest(II->getName(), MacroNameTok.getLocation());
    Stack.back().Taken = windowsBit(II->getName());
  }
}

void PPFacts::Ifndef(SourceLocation Loc, const Token &MacroNameTok, const MacroDefinition &) {
  directive(Loc);
  Stack.emplace_back();
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo()) {
    macroTest(II->getName(), MacroNameTok.getLocation());
    openBranch(Loc, windowsBit(II->getName()));
  }
}

void PPFacts::Defined(const Token &MacroNameTok, const MacroDefinition &, SourceRange) {
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
    macroTest(II->getName(), MacroNameTok.getLocation());
}

void PPFacts::If(SourceLocation Loc, SourceRange ConditionRange, ConditionValueKind) {
  directive(Loc);
  conditionText(Loc, ConditionRange);
  Stack.emplace_back();
  unsigned Pos = 0, Neg = 0;
  windowsCondition(ConditionRange, Pos, Neg);
  Stack.back().Taken = Pos;
  openBranch(Loc, Neg);
}

void PPFacts::Elif(SourceLocation Loc, SourceRange ConditionRange, ConditionValueKind, SourceLocation) {
  directive(Loc);
  conditionText(Loc, ConditionRange);
  closeBranch(Loc);
  if (Stack.empty())
    return;
  // taken only when every earlier condition was false; a Windows disjunction among them was
  openBranch(Loc, Stack.back().Taken);
  unsigned Pos = 0, Neg = 0;
  windowsCondition(ConditionRange, Pos, Neg);
  Stack.back().Taken |= Pos;
}

void PPFacts::Else(SourceLocation Loc, SourceLocation) {
  directive(Loc);
  closeBranch(Loc);
  if (!Stack.empty())
    openBranch(Loc, Stack.back().Taken);
}

void PPFacts::Endif(SourceLocation Loc, SourceLocation) {
  directive(Loc);
  closeBranch(Loc);
  if (!Stack.empty())
    Stack.pop_back();
}

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
