// Preprocessor facts (see PPFacts.h).
#include "PPFacts.h"

#include "clang/Basic/CharInfo.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/LiteralSupport.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstring>

#include "ptrcheck/ptrcheck.h"

using namespace clang;

namespace ptrcheck {

static bool windowsMacro(llvm::StringRef N) {
  return N == "_WIN32" || N == "_WIN64" || N == "_MSC_VER" || N == "__MINGW32__";
}

PPFacts::PPFacts(const Preprocessor &PP, std::shared_ptr<PPRecord> R)
    : PP(PP), SM(PP.getSourceManager()), LO(PP.getLangOpts()), R(std::move(R)) {}

// An identifier clang has not met (in a condition's tokens lexed again here): no macro, no value.
PPToken PPFacts::identifier(llvm::StringRef Name, SourceLocation Loc) const {
  if (const IdentifierInfo *II = findIdentifier(PP.getIdentifierTable(), Name))
    return identifier(II, Loc);
  PPToken T;
  T.Kind = PTRCHECK_PPT_IDENT;
  T.Text = R->Names.insert(Name).first->getKey(); // kept until the walk
  T.Loc = Loc;
  if (Derived.count(Name))
    T.Flags |= PTRCHECK_PPI_DERIVED;
  return T;
}

PPToken PPFacts::identifier(const IdentifierInfo *II, SourceLocation Loc) const {
  PPToken T;
  T.Kind = PTRCHECK_PPT_IDENT;
  T.Text = II->getName();
  T.Loc = Loc;
  T.II = II;
  if (Derived.count(T.Text))
    T.Flags |= PTRCHECK_PPI_DERIVED;
  const MacroInfo *MI = PP.getMacroInfo(II);
  if (!MI)
    return T;
  T.Flags |= PTRCHECK_PPI_DEFINED;
  // Predefined macros live in the predefines buffer ("<built-in>", which also holds the command
  // line's -D as "<command line>").  Its presumed locations are cheap; asking them of a definition
  // in a source file would make clang count the lines of that file (of sqlite3.c: 88k instructions
  // per call), so other files are not asked.
  SourceLocation D = MI->getDefinitionLoc();
  if (D.isValid() && SM.getFileID(D) == PP.getPredefinesFileID() && SM.isWrittenInBuiltinFile(D) &&
      !SM.isWrittenInCommandLineFile(D))
    T.Flags |= PTRCHECK_PPI_PREDEFINED;
  return T;
}

// The value of an integer literal spelled S at L.
bool PPFacts::integerValue(llvm::StringRef S, SourceLocation L, long long &Out) const {
  NumericLiteralParser Lit(S, L, PP.getSourceManager(), PP.getLangOpts(), PP.getTargetInfo(), PP.getDiagnostics());
  llvm::APInt V(64, 0);
  if (Lit.hadError || !Lit.isIntegerLiteral() || Lit.GetIntegerValue(V))
    return false;
  Out = static_cast<long long>(V.getZExtValue());
  return true;
}

void PPFacts::values(std::vector<PPToken> &Cond) const {
  for (PPToken &T : Cond) {
    if (T.Kind == PTRCHECK_PPT_NUMBER) {
      if (integerValue(T.Text, T.Loc, T.Value))
        T.Flags = PTRCHECK_PPI_VALUE;
      T.Text = llvm::StringRef(); // the spelling was the buffer's
      continue;
    }
    const MacroInfo *MI = T.Kind == PTRCHECK_PPT_IDENT && T.II ? PP.getMacroInfo(T.II) : nullptr;
    if (!MI || MI->getNumTokens() != 1 || !MI->getReplacementToken(0).is(tok::numeric_constant))
      continue;
    bool Invalid = false;
    std::string Spelling = PP.getSpelling(MI->getReplacementToken(0), &Invalid);
    if (!Invalid && integerValue(Spelling, MI->getReplacementToken(0).getLocation(), T.Value))
      T.Flags |= PTRCHECK_PPI_VALUE;
  }
}

// The offset in its file of a token a raw lexer started at Start (that file's first location) made:
// the lexer makes its locations as Start plus the offset, so no source-manager lookup is needed.
static unsigned rawOffset(SourceLocation Start, SourceLocation L) { return L.getRawEncoding() - Start.getRawEncoding(); }

void PPFacts::tokens(SourceRange Cond, std::vector<PPToken> &Out) const {
  Out.clear();
  if (Cond.isInvalid())
    return;
  // the range's ends are the expanded tokens (`#if __SIZEOF_LONG__ == 8` begins in <built-in>):
  // lex the directive's own text
  std::pair<FileID, unsigned> B = SM.getDecomposedLoc(SM.getExpansionLoc(Cond.getBegin()));
  std::pair<FileID, unsigned> E = SM.getDecomposedLoc(SM.getExpansionRange(Cond.getEnd()).getEnd());
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(B.first, &Invalid);
  if (Invalid || B.first != E.first || B.second > Buf.size())
    return;
  SourceLocation Start = SM.getLocForStartOfFile(B.first);
  Lexer Raw(Start, LO, Buf.begin(), Buf.begin() + B.second, Buf.end());
  Token T;
  for (bool First = true;; First = false) {
    Raw.LexFromRawLexer(T);
    if (T.is(tok::eof) || (!First && T.isAtStartOfLine()) || rawOffset(Start, T.getLocation()) > E.second)
      break;
    PPToken P;
    P.Loc = T.getLocation();
    if (T.is(tok::raw_identifier)) {
      P = identifier(T.getRawIdentifier(), T.getLocation());
    } else if (T.is(tok::numeric_constant)) {
      P.Kind = PTRCHECK_PPT_NUMBER;
      // its value: values(); the buffer's own spelling unless the token needs cleaning
      if (!T.needsCleaning()) {
        P.Text = llvm::StringRef(T.getLiteralData(), T.getLength());
      } else {
        bool Bad = false;
        std::string Spelling = Lexer::getSpelling(T, SM, LO, &Bad);
        if (!Bad)
          P.Text = R->Names.insert(Spelling).first->getKey();
      }
    } else if (const char *Punct = tok::getPunctuatorSpelling(T.getKind())) {
      P.Kind = PTRCHECK_PPT_PUNCT;
      P.Text = Punct;
    } else {
      P.Kind = PTRCHECK_PPT_PUNCT; // a character or string literal: no expression the engine reads
      P.Text = "?";
    }
    Out.push_back(P);
  }
}

bool PPFacts::dependent(const std::vector<PPToken> &Cond) const {
  for (const PPToken &T : Cond) {
    if (T.Kind != PTRCHECK_PPT_IDENT)
      continue;
    if (!T.II) {
      if (ptrcheck_pp_target_dependent(T.Text.data(), T.Flags))
        return true;
      continue;
    }
    // the engine's answer depends on the name and the flags only: asked once per pair
    auto It = DependentMemo.find({T.II, T.Flags});
    if (It == DependentMemo.end())
      It = DependentMemo.insert({{T.II, T.Flags}, ptrcheck_pp_target_dependent(T.Text.data(), T.Flags) != 0}).first;
    if (It->second)
      return true;
  }
  return false;
}

static PPToken punctToken(const char *P) {
  PPToken T;
  T.Kind = PTRCHECK_PPT_PUNCT;
  T.Text = P;
  return T;
}

static void appendParenthesised(std::vector<PPToken> &Out, const std::vector<PPToken> &Cond, bool Negate) {
  if (!Out.empty())
    Out.push_back(punctToken("&&"));
  if (Negate)
    Out.push_back(punctToken("!"));
  Out.push_back(punctToken("("));
  Out.insert(Out.end(), Cond.begin(), Cond.end());
  Out.push_back(punctToken(")"));
}

void PPFacts::openBranch(SourceLocation Loc, const std::vector<PPToken> &OwnCond) {
  if (Stack.empty())
    return;
  Frame &F = Stack.back();
  std::vector<PPToken> Req;
  for (const std::vector<PPToken> &P : F.Prior)
    appendParenthesised(Req, P, /*Negate=*/true);
  if (!OwnCond.empty())
    appendParenthesised(Req, OwnCond, /*Negate=*/false);
  if (Req.empty())
    return;
  F.Req = std::move(Req);
  F.BranchLoc = Loc;
  ++OpenDependent;
}

void PPFacts::closeBranch(SourceLocation Loc) {
  if (Stack.empty() || Stack.back().Req.empty())
    return;
  Frame &F = Stack.back();
  R->Regions.push_back({F.BranchLoc, Loc, std::move(F.Req)});
  F.Req.clear();
  --OpenDependent;
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
void PPFacts::conditionText(SourceLocation Loc, SourceRange Range, const std::vector<PPToken> &Cond) {
  if (R->WindowsLoc.isValid() || Range.isInvalid() || Range.getBegin().isMacroID() || Range.getEnd().isMacroID() ||
      !ownFile(Loc))
    return;
  for (const PPToken &T : Cond)
    if (T.Kind == PTRCHECK_PPT_IDENT && windowsMacro(T.Text)) {
      macroTest(T.Text, T.Loc);
      return;
    }
}

// `#ifdef X` (Negated: `#ifndef X`) as the condition `defined X` / `!defined X`.
void PPFacts::definedTest(SourceLocation Loc, const Token &MacroNameTok, bool Negated) {
  directive(Loc);
  Stack.emplace_back();
  const IdentifierInfo *II = MacroNameTok.getIdentifierInfo();
  if (!II)
    return;
  macroTest(II->getName(), MacroNameTok.getLocation());
  std::vector<PPToken> C;
  if (Negated)
    C.push_back(punctToken("!"));
  PPToken D;
  D.Kind = PTRCHECK_PPT_IDENT;
  D.Text = "defined";
  C.push_back(D);
  C.push_back(identifier(II, MacroNameTok.getLocation()));
  if (!dependent(C))
    return;
  Stack.back().Dependent = true;
  if ((PP.getMacroInfo(II) != nullptr) != Negated)
    openBranch(Loc, C);
  else
    Stack.back().Prior.push_back(std::move(C));
}

void PPFacts::Ifdef(SourceLocation Loc, const Token &MacroNameTok, const MacroDefinition &) {
  definedTest(Loc, MacroNameTok, false);
}

void PPFacts::Ifndef(SourceLocation Loc, const Token &MacroNameTok, const MacroDefinition &) {
  definedTest(Loc, MacroNameTok, true);
}

void PPFacts::Defined(const Token &MacroNameTok, const MacroDefinition &, SourceRange) {
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
    macroTest(II->getName(), MacroNameTok.getLocation());
}

void PPFacts::If(SourceLocation Loc, SourceRange ConditionRange, ConditionValueKind Value) {
  directive(Loc);
  Stack.emplace_back();
  std::vector<PPToken> &C = Scratch;
  tokens(ConditionRange, C);
  conditionText(Loc, ConditionRange, C);
  if (!dependent(C))
    return;
  values(C);
  Stack.back().Dependent = true;
  if (Value == CVK_True)
    openBranch(Loc, C);
  else
    Stack.back().Prior.push_back(std::move(C));
}

void PPFacts::Elif(SourceLocation Loc, SourceRange ConditionRange, ConditionValueKind Value, SourceLocation) {
  directive(Loc);
  closeBranch(Loc);
  std::vector<PPToken> &C = Scratch;
  tokens(ConditionRange, C);
  conditionText(Loc, ConditionRange, C);
  if (Value == CVK_NotEvaluated || Stack.empty()) // an earlier branch was taken: this one is skipped
    return;
  bool Dep = dependent(C);
  if (Dep)
    values(C);
  Stack.back().Dependent |= Dep;
  if (Value == CVK_True)
    openBranch(Loc, Dep ? C : std::vector<PPToken>());
  else if (Dep)
    Stack.back().Prior.push_back(std::move(C));
}

void PPFacts::Else(SourceLocation Loc, SourceLocation) {
  directive(Loc);
  closeBranch(Loc);
  // taken only when every earlier condition was false (no region is opened for a skipped #else:
  // nothing in it is compiled)
  if (!Stack.empty())
    openBranch(Loc, std::vector<PPToken>());
}

void PPFacts::Endif(SourceLocation Loc, SourceLocation) {
  directive(Loc);
  closeBranch(Loc);
  if (Stack.empty())
    return;
  // clang reports the branch this #endif ends, when it was skipped, after this callback
  EndedGroup = Loc;
  EndedDependent = Stack.back().Dependent;
  Stack.pop_back();
}

void PPFacts::MacroDefined(const Token &MacroNameTok, const MacroDirective *) {
  if (OpenDependent)
    if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
      Derived.insert(II->getName());
}

void PPFacts::MacroUndefined(const Token &MacroNameTok, const MacroDefinition &, const MacroDirective *) {
  if (OpenDependent)
    if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
      Derived.insert(II->getName());
}

// A skipped branch of a group whose conditions depend on the target (or inside such a branch) may
// be taken on another target: the macros it defines or undefines are Derived.  The branch's lines are
// scanned as text, not lexed (a skipped block can be most of a header): a `# define X` that is really
// inside a comment makes X Derived too, which only keeps claims about X's conditions back.
void PPFacts::SourceRangeSkipped(SourceRange Range, SourceLocation EndLoc) {
  bool Dep = OpenDependent != 0 || (EndedDependent && EndLoc == EndedGroup);
  for (const Frame &F : Stack)
    Dep = Dep || F.Dependent;
  if (!Dep || Range.isInvalid() || Range.getBegin().isMacroID())
    return;
  std::pair<FileID, unsigned> B = SM.getDecomposedLoc(Range.getBegin());
  unsigned End = SM.getFileOffset(SM.getExpansionLoc(Range.getEnd()));
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(B.first, &Invalid);
  if (Invalid || B.second > Buf.size())
    return;
  const char *P = Buf.begin() + B.second;
  const char *Stop = Buf.begin() + std::min<size_t>(End, Buf.size());
  auto Blank = [&](const char *Q) {
    while (Q < Stop && (*Q == ' ' || *Q == '\t'))
      ++Q;
    return Q;
  };
  while (P < Stop) {
    const char *Q = Blank(P);
    if (Q < Stop && *Q == '#') {
      Q = Blank(Q + 1);
      llvm::StringRef Rest(Q, Stop - Q);
      size_t Word = Rest.substr(0, 6) == "define" ? 6 : Rest.substr(0, 5) == "undef" ? 5 : 0;
      if (Word && Word < Rest.size() && (Rest[Word] == ' ' || Rest[Word] == '\t')) {
        const char *N = Blank(Q + Word), *NE = N;
        while (NE < Stop && isAsciiIdentifierContinue(*NE))
          ++NE;
        if (NE > N && !isDigit(*N)) {
          Derived.insert(llvm::StringRef(N, NE - N));
        }
      }
    }
    const void *NL = memchr(Q, '\n', Stop - Q);
    if (!NL)
      break;
    P = static_cast<const char *>(NL) + 1;
  }
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
