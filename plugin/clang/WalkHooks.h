// The hooks of the one code-generation-order walk (AstFacts.cpp).  The site<->instruction mapping of
// the IR pass depends on exactly one order, so there is one walker: it visits every statement clang's
// code generator emits for a function, in its order (a constant condition's dead arm is skipped
// unless it holds a label, like CodeGenFunction::EmitIfStmt; assignments right-hand side first;
// unevaluated operands, blocks and lambda bodies are not part of the enclosing function), and the
// per-check fact collectors that need that walk (plugin/clang/facts/<id>.cpp) hook into it.
// Facts only: every decision is made by the C engine.
#ifndef PTRCHECK_CLANG_WALKHOOKS_H
#define PTRCHECK_CLANG_WALKHOOKS_H

#include "ExprFacts.h"
#include "ptrcheck/ast.h"

#include "clang/AST/Stmt.h"

#include <bitset>
#include <memory>
#include <vector>

namespace clang {
class Decl;
class FunctionDecl;
class ParmVarDecl;
class VarDecl;
} // namespace clang

namespace ptrcheck {

// What the walk shows its collectors while it runs.
struct WalkState {
  ptrcheck_ast_fn_t Fn{};                 // the function being walked; empty outside functions
  std::vector<const clang::Stmt *> Stack; // the statements being walked, outermost first: the one
                                          // whose hook runs last (its ancestors' before it)
};

// Statement classes (clang::Stmt::StmtClass), as a set.
using StmtClasses = std::bitset<clang::Stmt::lastStmtConstant + 1>;

// A per-check collector on the walk.  The walk calls a hook only where it asked to be called: pre()
// and post() for the statement classes of observes() (so a collector costs nothing on statements it
// does not look at), and every member only for code a function body emits, unless outsideFunctions()
// (then also for file-scope initialisers, static locals' initialisers and file-scope declarations).
// A collector is created only when an enabled check wants its facts (ptrcheck_ast_wants /
// ptrcheck_ir_wants), by its factory below; it reports the facts to the engine itself.
class WalkHooks {
public:
  virtual ~WalkHooks() = default;
  // The statement classes pre() and post() are called for; asked once.
  virtual void observes(StmtClasses &Pre, StmtClasses &Post) const = 0;
  virtual bool outsideFunctions() const { return false; }
  // FD's body is about to be walked (Sites: site tables are recorded for it).
  virtual void functionBegin(const clang::FunctionDecl *FD, bool Sites) {}
  // ... was walked (before the walk's own end-of-function facts).
  virtual void functionEnd() {}
  // A statement, before and after its sub-statements.  Not called for what the code generator
  // does not evaluate (unevaluated operands, dead arms of constant conditions).
  virtual void pre(const clang::Stmt *S) {}
  virtual void post(const clang::Stmt *S) {}
  // A declaration of a declaration statement, or at file scope, before its initialiser (if any)
  // is walked.
  virtual void declaration(const clang::Decl *D) {}
  // A block-scope variable with local storage, before and after its initialiser (if any) is walked.
  virtual void localBegin(const clang::VarDecl *V) {}
  virtual void localEnd(const clang::VarDecl *V) {}
  // An if statement both of whose arms are walked: after its condition, before its else arm (whose
  // code runs only on paths that did not pass the then arm), and after it.
  virtual void armsBegin(const clang::IfStmt *I) {}
  virtual void elseArm(const clang::IfStmt *I) {}
  virtual void armsEnd(const clang::IfStmt *I) {}
};

// The collectors, in the order the walk calls them.  Each gets the walk's expression translator and
// its state.
// plugin/clang/facts/stack-escape.cpp: STORE sites, borrowed parameters and block-scope events for
// ptrcheck-stack-escape and ptrcheck-borrowed-escape; NULL when no enabled check wants them
// (EscapeSites: the IR side does).
std::unique_ptr<WalkHooks> stackEscapeHooks(ExprFacts &X, const WalkState &W, bool EscapeSites);
// PTRCHECK_SITE_F_BORROWED for a pointer parameter marked annotate("ptrcheck_borrowed") on itself or
// on its function, else 0.
unsigned escapeParamFlags(const clang::FunctionDecl *FD, const clang::ParmVarDecl *P);
// plugin/clang/facts/slice-forge.cpp: slice header records, their initialisers, writes and
// reinterpretations (ptrcheck/slice.h); NULL when no enabled check wants them.
std::unique_ptr<WalkHooks> sliceForgeHooks(ExprFacts &X, const WalkState &W);
// plugin/clang/facts/offset-assumption.cpp: hard-coded byte offsets and static assertions about
// record layouts; NULL when no enabled check wants them.
std::unique_ptr<WalkHooks> offsetAssumptionHooks(ExprFacts &X, const WalkState &W);

} // namespace ptrcheck

#endif
