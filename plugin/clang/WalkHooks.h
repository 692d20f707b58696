// The hooks of the one code-generation-order walk (AstFacts.cpp).  The site<->instruction mapping of
// the IR pass depends on exactly one order, so there is one walker: it visits every statement clang's
// code generator emits for a function, in its order (a constant condition's dead arm is skipped
// unless it holds a label, like CodeGenFunction::EmitIfStmt; assignments right-hand side first;
// unevaluated operands, blocks and lambda bodies are not part of the enclosing function), and the
// per-check fact collectors that need that walk (plugin/clang/facts/<id>.cpp) hook into it.
// Facts only: every decision is made by the C engine.
#ifndef PTRCHECK_CLANG_WALKHOOKS_H
#define PTRCHECK_CLANG_WALKHOOKS_H

#include "ptrcheck/ast.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>
#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
class ParmVarDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace ptrcheck {

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

class WalkHooks {
public:
  virtual ~WalkHooks() = default;
  // FD's body is about to be walked (Fn: the engine's view of it; Sites: site tables are recorded).
  virtual void functionBegin(const clang::FunctionDecl *FD, const ptrcheck_ast_fn_t *Fn, bool Sites) = 0;
  // ... was walked (before the walk's own end-of-function facts).
  virtual void functionEnd() = 0;
  // A statement of the function body, before and after its sub-statements.  Not called for what the
  // code generator does not emit in the function (static locals' initialisers, file-scope
  // initialisers, unevaluated operands).
  virtual void pre(const clang::Stmt *S) = 0;
  virtual void post(const clang::Stmt *S) = 0;
  // A block-scope variable with local storage, before and after its initialiser (if any) is walked.
  virtual void localBegin(const clang::VarDecl *V) = 0;
  virtual void localEnd(const clang::VarDecl *V) = 0;
};

// plugin/clang/facts/stack-escape.cpp: STORE sites, borrowed parameters and block-scope events for
// ptrcheck-stack-escape and ptrcheck-borrowed-escape; NULL when neither check is enabled.
// The stack-escape facts, or NULL when no enabled check wants them (EscapeSites: the IR side does).
std::unique_ptr<WalkHooks> stackEscapeHooks(clang::ASTContext &Ctx, ptrcheck_engine_t *E, SourceLocs &Locs,
                                            bool EscapeSites);
// PTRCHECK_SITE_F_BORROWED for a pointer parameter marked annotate("ptrcheck_borrowed") on itself or
// on its function, else 0.
unsigned escapeParamFlags(const clang::FunctionDecl *FD, const clang::ParmVarDecl *P);

} // namespace ptrcheck

#endif
