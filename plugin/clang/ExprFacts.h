// Clang expressions and types as the engine's plain-C facts (ptrcheck_expr_t, ptrcheck_type_t in
// plugin/include/ptrcheck/ast.h), and engine locations of clang source locations.  Shared by the
// one walk (AstFacts.cpp) and the per-check collectors hooked into it (facts/<id>.cpp); no
// decisions here.
#ifndef PTRCHECK_CLANG_EXPRFACTS_H
#define PTRCHECK_CLANG_EXPRFACTS_H

#include "RecordFacts.h"
#include "ptrcheck/ast.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

#include <string>

namespace clang {
class ASTContext;
class CStyleCastExpr;
class ExplicitCastExpr;
class Expr;
class OffsetOfExpr;
class RecordDecl;
class Stmt;
class UnaryExprOrTypeTraitExpr;
class ValueDecl;
} // namespace clang

namespace ptrcheck {

struct PPRecord;

// Expr::IgnoreParens, without its out-of-line call on the expressions it leaves as they are (most):
// the nodes it skips are parentheses, __extension__, _Generic and __builtin_choose_expr.
inline const clang::Expr *ignoreParens(const clang::Expr *X) {
  return llvm::isa<clang::ParenExpr>(X) || llvm::isa<clang::UnaryOperator>(X) || llvm::isa<clang::GenericSelectionExpr>(X) ||
                 llvm::isa<clang::ChooseExpr>(X)
             ? X->IgnoreParens()
             : X;
}

// Engine locations of clang source locations: the expansion's file (interned once per FileID),
// line and column, and the raw encoding (+1) as the adapter cookie.  lazy() gives only the cookie;
// the engine fills in the rest through resolve() when a reported diagnostic names it
// (ptrcheck_engine_set_loc_resolver), so facts that are seldom reported cost no line lookups.
class SourceLocs {
public:
  SourceLocs(const clang::SourceManager &SM, ptrcheck_engine_t *E) : SM(SM), E(E) {}

  ptrcheck_loc_t full(clang::SourceLocation L) {
    ptrcheck_loc_t R = lazy(L);
    if (R.raw)
      fill(R, L);
    return R;
  }
  static ptrcheck_loc_t lazy(clang::SourceLocation L) {
    ptrcheck_loc_t R{};
    if (L.isValid())
      R.raw = static_cast<uint64_t>(L.getRawEncoding()) + 1;
    return R;
  }
  static void resolve(void *User, ptrcheck_loc_t *R) {
    static_cast<SourceLocs *>(User)->fill(
        *R, clang::SourceLocation::getFromRawEncoding(static_cast<clang::SourceLocation::UIntTy>(R->raw - 1)));
  }

  // ptrcheck_origins_fn: the places of the macro definitions the token at R was spelled or expanded
  // in, and the #include lines through which those files and the token's own file were entered.
  static size_t origins(void *User, const ptrcheck_loc_t *R, ptrcheck_loc_t *Out, size_t Max) {
    SourceLocs &S = *static_cast<SourceLocs *>(User);
    clang::SourceLocation X =
        clang::SourceLocation::getFromRawEncoding(static_cast<clang::SourceLocation::UIntTy>(R->raw - 1));
    size_t N = 0;
    llvm::SmallVector<clang::FileID, 8> Files;
    auto Add = [&](clang::SourceLocation F) {
      if (F.isInvalid() || N == Max)
        return;
      S.fill(Out[N] = ptrcheck_loc_t{}, F);
      ++N;
      clang::FileID Fid = S.SM.getFileID(F);
      if (std::find(Files.begin(), Files.end(), Fid) == Files.end())
        Files.push_back(Fid);
    };
    while (X.isValid() && X.isMacroID() && N < Max) {
      Add(S.SM.getSpellingLoc(X));
      X = S.SM.getImmediateExpansionRange(X).getBegin();
    }
    if (X.isValid() && X.isFileID() &&
        std::find(Files.begin(), Files.end(), S.SM.getFileID(X)) == Files.end())
      Files.push_back(S.SM.getFileID(X));
    for (size_t I = 0; I < Files.size() && N < Max; ++I)
      for (clang::SourceLocation Inc = S.SM.getIncludeLoc(Files[I]); Inc.isValid() && N < Max;
           Inc = S.SM.getIncludeLoc(S.SM.getFileID(Inc))) {
        S.fill(Out[N] = ptrcheck_loc_t{}, Inc);
        ++N;
      }
    return N;
  }

private:
  const clang::SourceManager &SM;
  ptrcheck_engine_t *E;
  llvm::DenseMap<clang::FileID, const char *> FileNames;

  void fill(ptrcheck_loc_t &R, clang::SourceLocation L) {
    clang::SourceLocation X = SM.getExpansionLoc(L);
    clang::FileID FID = SM.getFileID(X);
    auto It = FileNames.find(FID);
    if (It == FileNames.end()) {
      std::string Name = SM.getFilename(X).str();
      It = FileNames.insert({FID, Name.empty() ? nullptr : ptrcheck_engine_intern(E, Name.c_str())}).first;
    }
    R.file = It->second;
    R.line = SM.getExpansionLineNumber(L);
    R.col = SM.getExpansionColumnNumber(L);
  }
};

class ExprFacts {
public:
  // Installs the engine's location resolver for the lifetime of this object (lazy locations are
  // AST facts only).  DescribeRecords: expressions carry record descriptions (sizeof/_Alignof/
  // offsetof of a record: ptrcheck_expr_t.record), which only ptrcheck-offset-assumption reads.
  ExprFacts(clang::ASTContext &Ctx, ptrcheck_engine_t *E, const PPRecord *PP, bool DescribeRecords);
  ~ExprFacts();
  ExprFacts(const ExprFacts &) = delete;
  ExprFacts &operator=(const ExprFacts &) = delete;

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  ptrcheck_engine_t *E;
  SourceLocs Locs;
  RecordDescriber Records;

  ptrcheck_loc_t loc(clang::SourceLocation L) { return Locs.full(L); }
  // The template parameter an explicit cast's type is written as (`(T)p` in an instantiation), or
  // NULL.
  const clang::SubstTemplateTypeParmType *substitutedParameter(const clang::ExplicitCastExpr *C) const;
  // One past the last character of the token at L; none inside macros.
  ptrcheck_loc_t endLoc(clang::SourceLocation L);
  const char *str(const std::string &S) { return ptrcheck_ast_strdup(E, S.data(), S.size()); }

  unsigned long long bytesOf(clang::QualType T);
  // Spell: with the spellings of T and of what it points to (printing types is most of the cost).
  void type(clang::QualType T, ptrcheck_type_t &Out, bool Spell = true);
  // What a pointer points to / an array's element (ptrcheck_type_t's pointee_*).
  clang::QualType pointee(clang::QualType T);
  // T as clang prints it, interned (it lives as long as the engine): printed once per type.
  const char *spelling(clang::QualType T);
  static ptrcheck_declkind_t declKind(const clang::ValueDecl *D);

  // X as a fact tree (arena-allocated, bounded in depth); NULL when out of memory.
  ptrcheck_expr_t *expr(const clang::Expr *X) { return expr(X, 0); }
  // ... and the node built for Mark (a sub-expression of X), or NULL when it is not in the tree.
  ptrcheck_expr_t *expr(const clang::Expr *X, const clang::Expr *Mark, ptrcheck_expr_t *&MarkOut) {
    MarkX = Mark;
    MarkR = nullptr;
    ptrcheck_expr_t *R = expr(X, 0);
    MarkOut = MarkR;
    MarkX = nullptr;
    return R;
  }

  // "struct.name" / "union.name" / "class.name": the IR type name clang gives a record.
  static std::string recordIRName(const clang::RecordDecl *RD);
  // S holds a label or a case (a jump may enter it).
  static bool containsLabel(const clang::Stmt *S);

  // The body of the function being walked (null outside functions): a local integer that nothing
  // in it changes after its initialiser stands for that value (ptrcheck_expr_t.init).
  void setFunctionBody(const clang::Stmt *Body) {
    FnBody = Body;
    Changed.clear();
    ChangedKnown = false;
  }

  // Facts in system headers are not collected (their findings would be dropped, as clang drops its
  // own warnings there) unless the configuration asks for findings in system headers.
  bool inSystemHeader(clang::SourceLocation L) {
    return !ShowSystemHeaders && L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
  }

private:
  bool ShowSystemHeaders;
  bool DescribeRecords;
  llvm::DenseMap<void *, const char *> Spellings; // spelling(), by QualType
  const clang::Expr *MarkX = nullptr; // expr(): the node to report back in MarkR
  ptrcheck_expr_t *MarkR = nullptr;

  const clang::Stmt *FnBody = nullptr;
  llvm::SmallPtrSet<const clang::VarDecl *, 16> Changed; // assigned, ++/--, or address taken in FnBody
  bool ChangedKnown = false;                              // Changed computed for FnBody
  bool unchangedLocal(const clang::VarDecl *VD);
  void collectChanged(const clang::Stmt *S);
  bool readsOnlyUnchanged(const clang::Stmt *S) const;

  ptrcheck_expr_t *expr(const clang::Expr *X, int Depth);
  bool writtenWithBuiltinMacro(const clang::CStyleCastExpr *CS);
  void traitFacts(const clang::UnaryExprOrTypeTraitExpr *UT, ptrcheck_expr_t *R);
  void offsetofFacts(const clang::OffsetOfExpr *OO, ptrcheck_expr_t *R);
  void sizeofOperand(const clang::UnaryExprOrTypeTraitExpr *UT, ptrcheck_expr_t *R);
};

} // namespace ptrcheck

#endif
