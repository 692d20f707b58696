// AST facts for ptrcheck-stack-escape / ptrcheck-borrowed-escape, as hooks of the one
// code-generation-order walk (../WalkHooks.h).  Records, no decisions: STORE sites (assignments to
// non-local lvalues, in code-generation order, so the IR pass can give stores a file:line:col without
// -g), borrowed parameters, and block-scope events (ptrcheck_ast_on_scope_events).
#include "../WalkHooks.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

using namespace clang;

namespace ptrcheck {

unsigned escapeParamFlags(const FunctionDecl *FD, const ParmVarDecl *P) {
  if (!P->getType()->isPointerType())
    return 0;
  auto Marked = [](const Decl *D) {
    for (const auto *A : D->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == "ptrcheck_borrowed")
        return true;
    return false;
  };
  return Marked(P) || Marked(FD) ? PTRCHECK_SITE_F_BORROWED : 0;
}

namespace {

class EscapeHooks : public WalkHooks {
public:
  EscapeHooks(ExprFacts &X, const WalkState &W) : Ctx(X.Ctx), E(X.E), Locs(X.Locs), Fn(W.Fn) {}

  void observes(StmtClasses &Pre, StmtClasses &Post) const override {
    for (Stmt::StmtClass C : {Stmt::CompoundStmtClass, Stmt::CompoundLiteralExprClass, Stmt::ImplicitCastExprClass,
                              Stmt::ReturnStmtClass})
      Pre.set(C);
    // ReturnStmt: where a skipped `return p;` ends
    for (Stmt::StmtClass C : {Stmt::CompoundStmtClass, Stmt::BinaryOperatorClass, Stmt::CompoundAssignOperatorClass,
                              Stmt::UnaryOperatorClass, Stmt::ReturnStmtClass})
      Post.set(C);
  }

  void functionBegin(const FunctionDecl *FD, bool S) override {
    Sites = S;
    Pending.clear();
    Literals.clear();
    Skip = nullptr;
    HasAddr = false;
    Function = FD;
    Top = FD->getBody();
  }

  void functionEnd() override {
    // A pointer holds a local's address only from an ADDR event (COPY copies what one holds), so
    // without one the replay has nothing to find: most functions are not sent at all, and the
    // events of those that are get their ids, names and places only here.
    if (HasAddr)
      ship();
    Top = nullptr;
  }

  void pre(const Stmt *S) override;
  void post(const Stmt *S) override;
  void armsBegin(const IfStmt *I) override;
  void elseArm(const IfStmt *I) override;
  void armsEnd(const IfStmt *I) override;

  void localBegin(const VarDecl *V) override {
    if (!Skip)
      event(PTRCHECK_SCOPE_DECL, V, nullptr, V->getLocation());
  }
  void localEnd(const VarDecl *V) override {
    if (!Skip && V->getInit())
      pointerAssign(V, V->getInit(), V->getLocation());
  }

private:
  ASTContext &Ctx;
  ptrcheck_engine_t *E;
  SourceLocs &Locs;
  const ptrcheck_ast_fn_t &Fn; // the walk's current function
  bool Sites = false;
  const Stmt *Top = nullptr;
  const Stmt *Skip = nullptr; // `return p;`: reported as one use at the return, its operand not walked
  bool HasAddr = false;       // an ADDR event was recorded in this function
  const FunctionDecl *Function = nullptr;
  // An event as the walk records it: the objects (VarDecls and block-scope CompoundLiteralExprs)
  // by pointer; ptrcheck_scope_event_t's ids, names and places are made by ship().
  struct PendingEvent {
    ptrcheck_scope_ev_t Kind;
    const void *Var;    // nullptr for block events
    const void *Target; // ADDR: the object; COPY: the pointer variable copied
    SourceLocation L;   // or, when At is set, At's expression location
    const Expr *At;
    bool Literal;       // Var is a CompoundLiteralExpr
  };
  std::vector<PendingEvent> Pending;
  llvm::DenseMap<const void *, unsigned> Ids; // ship(): objects' ids
  std::vector<ptrcheck_scope_event_t> Events; // ship(): what the engine replays
  // the compound literals of each open block, innermost last (their storage ends with the block)
  std::vector<std::vector<const CompoundLiteralExpr *>> Literals;

  // One possible value of a pointer expression: the address of local/literal `Obj`, or a copy of
  // pointer variable `Copy`.
  struct Target {
    const void *Obj = nullptr;
    const VarDecl *Copy = nullptr;
  };

  // Event places are looked up only if the engine reports one (SourceLocs::lazy); STORE sites map
  // IR instructions to places, so they get theirs now.
  static ptrcheck_loc_t loc(SourceLocation L) { return SourceLocs::lazy(L); }

  unsigned idOf(const void *V) {
    auto It = Ids.find(V);
    if (It != Ids.end())
      return It->second;
    unsigned Id = static_cast<unsigned>(Ids.size()) + 1;
    Ids[V] = Id;
    return Id;
  }

  void event(ptrcheck_scope_ev_t K, const VarDecl *V, const void *Target, SourceLocation L) {
    Pending.push_back(PendingEvent{K, V, Target, L, nullptr, false});
  }
  void useEvent(const VarDecl *V, const Expr *At) { // the commonest: its place is found at ship()
    Pending.push_back(PendingEvent{PTRCHECK_SCOPE_USE, V, nullptr, SourceLocation(), At, false});
  }
  void literalEvent(ptrcheck_scope_ev_t K, const CompoundLiteralExpr *CL, SourceLocation L) {
    Pending.push_back(PendingEvent{K, CL, nullptr, L, nullptr, true});
  }
  void blockEvent(ptrcheck_scope_ev_t K, SourceLocation L) {
    Pending.push_back(PendingEvent{K, nullptr, nullptr, L, nullptr, false});
  }

  void ship() {
    Ids.clear();
    Events.clear();
    Events.reserve(Pending.size());
    for (const ParmVarDecl *P : Function->parameters())
      idOf(P);
    // per object (by id): its name and declaration, made once
    std::vector<std::pair<const char *, ptrcheck_loc_t>> Info;
    const char *LiteralName = nullptr;
    for (const PendingEvent &P : Pending) {
      ptrcheck_scope_event_t Ev{};
      Ev.kind = P.Kind;
      Ev.loc = loc(P.At ? P.At->getExprLoc() : P.L);
      if (P.Var) {
        Ev.var = idOf(P.Var);
        if (Info.size() <= Ev.var)
          Info.resize(Ev.var + 1);
        auto &I = Info[Ev.var];
        if (!I.first) {
          if (P.Literal) {
            if (!LiteralName)
              LiteralName = ptrcheck_engine_intern(E, "(compound literal)");
            I.first = LiteralName;
            I.second = loc(static_cast<const CompoundLiteralExpr *>(P.Var)->getBeginLoc());
          } else {
            // an identifier's name is NUL-terminated in clang's identifier table and lives as long
            // as the AST, which outlives the replay (it formats its messages at once)
            const auto *V = static_cast<const VarDecl *>(P.Var);
            I.first = V->getIdentifier() ? V->getIdentifier()->getNameStart()
                                         : ptrcheck_engine_intern(E, V->getNameAsString().c_str());
            I.second = loc(V->getLocation());
          }
        }
        Ev.name = I.first;
        Ev.decl_loc = I.second;
      }
      if (P.Target)
        Ev.target = idOf(P.Target);
      Events.push_back(Ev);
    }
    ptrcheck_ast_on_scope_events(E, &Fn, Events.data(), Events.size());
  }

  // A compound literal at block scope: an automatic object of the enclosing block.
  static const void *literalObject(const CompoundLiteralExpr *CL) { return CL->isFileScope() ? nullptr : CL; }

  static const VarDecl *localVar(const Expr *X) {
    const auto *DR = dyn_cast<DeclRefExpr>(ignoreParens(X));
    const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    return V && V->hasLocalStorage() ? V : nullptr;
  }

  // Is the lvalue X (part of) a local variable?  (x, x.f, x[i] for an array x)
  static bool localLvalue(const Expr *X) {
    for (int Guard = 0; X && Guard < 32; ++Guard) {
      X = X->IgnoreParenImpCasts();
      if (localVar(X))
        return true;
      if (const auto *M = dyn_cast<MemberExpr>(X)) {
        if (M->isArrow())
          return false;
        X = M->getBase();
        continue;
      }
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(X)) {
        const Expr *B = AS->getBase()->IgnoreParenImpCasts();
        if (!B->getType()->isArrayType())
          return false;
        X = B;
        continue;
      }
      return false;
    }
    return false;
  }

  // The object (a local variable, or a compound literal) the lvalue L designates part of, or NULL.
  static const void *lvalueObject(const Expr *L) {
    L = L->IgnoreParens();
    while (true) {
      if (const auto *M = dyn_cast<MemberExpr>(L)) {
        if (M->isArrow())
          return 0;
        L = M->getBase()->IgnoreParenImpCasts();
      } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(L)) {
        L = AS->getBase()->IgnoreParenImpCasts();
        if (!L->getType()->isArrayType())
          return 0;
      } else {
        break;
      }
    }
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(L))
      return literalObject(CL);
    return localVar(L);
  }

  // The values a pointer-valued expression X may have that matter here: addresses of locals or
  // compound literals, and copies of pointer variables (both arms of `c ? a : b`).
  void addressTargets(const Expr *X, std::vector<Target> &Out, int Depth = 0) {
    for (int Guard = 0; X && Guard < 32 && Depth < 8; ++Guard) {
      X = X->IgnoreParens();
      if (const auto *C = dyn_cast<CastExpr>(X)) {
        if (C->getCastKind() == CK_LValueToRValue) {
          if (const VarDecl *V = localVar(C->getSubExpr()))
            if (V->getType()->isPointerType())
              Out.push_back(Target{0, V});
          return;
        }
        X = C->getSubExpr();
        if (C->getCastKind() == CK_ArrayToPointerDecay) {
          if (const void *O = lvalueObject(X))
            Out.push_back(Target{O, nullptr});
          return;
        }
        continue;
      }
      if (const auto *U = dyn_cast<UnaryOperator>(X)) {
        if (U->getOpcode() != UO_AddrOf)
          return;
        if (const void *O = lvalueObject(U->getSubExpr()))
          Out.push_back(Target{O, nullptr});
        return;
      }
      if (const auto *Call = dyn_cast<CallExpr>(X)) {
        // library functions that return a pointer into their first argument (memchr, strstr, ...)
        if (Call->getNumArgs() >= 1 && returnsIntoArg0(Call)) {
          X = Call->getArg(0);
          continue;
        }
        return;
      }
      if (const auto *CO = dyn_cast<ConditionalOperator>(X)) {
        int Dead = deadArm(CO->getCond());
        if (Dead != 1)
          addressTargets(CO->getTrueExpr(), Out, Depth + 1);
        if (Dead != 0)
          addressTargets(CO->getFalseExpr(), Out, Depth + 1);
        return;
      }
      if (const auto *B = dyn_cast<BinaryOperator>(X)) {
        if (B->getOpcode() == BO_Comma || B->isAssignmentOp()) {
          X = B->getRHS();
          continue;
        }
        if (B->getOpcode() != BO_Add && B->getOpcode() != BO_Sub)
          return;
        X = B->getLHS()->getType()->isPointerType() ? B->getLHS() : B->getRHS();
        continue;
      }
      return;
    }
  }

  void storeSite(SourceLocation L, unsigned N = 1) {
    if (!Sites)
      return;
    ptrcheck_site_t S{};
    S.loc = Locs.full(L);
    for (unsigned I = 0; I < N; ++I)
      ptrcheck_sites_add(E, PTRCHECK_SITE_STORE, &S);
  }

  // A scalar store to a non-local lvalue (as clang emits it: one `store`, two for _Complex).
  void storeTo(const Expr *LHS, SourceLocation L, bool ReadModifyWrite) {
    if (!Sites)
      return;
    QualType T = LHS->getType();
    if (T->isRecordType() || T->isArrayType() || localLvalue(LHS))
      return;
    if (ReadModifyWrite && T->isAtomicType())
      return; // atomicrmw / cmpxchg loop
    storeSite(L, T->isAnyComplexType() ? 2 : 1);
  }

  void pointerAssign(const VarDecl *P, const Expr *RHS, SourceLocation L) {
    if (!P->getType()->isPointerType())
      return;
    std::vector<Target> Ts;
    if (RHS)
      addressTargets(RHS, Ts);
    if (Ts.empty()) {
      event(PTRCHECK_SCOPE_ASSIGN, P, nullptr, L);
      return;
    }
    for (size_t I = 0; I < Ts.size(); ++I) {
      bool Also = I > 0;
      if (Ts[I].Obj) {
        event(Also ? PTRCHECK_SCOPE_ADDR_ALSO : PTRCHECK_SCOPE_ADDR, P, Ts[I].Obj, L);
        HasAddr = true;
      } else
        event(Also ? PTRCHECK_SCOPE_COPY_ALSO : PTRCHECK_SCOPE_COPY, P, Ts[I].Copy, L);
    }
  }

  static bool returnsIntoArg0(const CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    switch (FD ? FD->getBuiltinID() : 0) {
    case Builtin::BImemchr:
    case Builtin::BI__builtin_memchr:
    case Builtin::BIstrchr:
    case Builtin::BI__builtin_strchr:
    case Builtin::BIstrrchr:
    case Builtin::BI__builtin_strrchr:
    case Builtin::BIstrstr:
    case Builtin::BI__builtin_strstr:
    case Builtin::BIstrpbrk:
    case Builtin::BI__builtin_strpbrk:
    case Builtin::BIstrcpy:
    case Builtin::BI__builtin_strcpy:
    case Builtin::BIstrcat:
    case Builtin::BI__builtin_strcat:
    case Builtin::BImemcpy:
    case Builtin::BI__builtin_memcpy:
    case Builtin::BImemmove:
    case Builtin::BI__builtin_memmove:
    case Builtin::BImemset:
    case Builtin::BI__builtin_memset:
      return true;
    default:
      return false;
    }
  }

  // Does the block end in a return or a call that does not return?  What it assigned then never
  // reaches the code after it.
  static bool endsInReturn(const CompoundStmt *CS) { return !CS->body_empty() && alwaysReturns(CS->body_back()); }

  static bool alwaysReturns(const Stmt *S) {
    for (int Guard = 0; S && Guard < 32; ++Guard) {
      if (const auto *LS = dyn_cast<LabelStmt>(S)) {
        S = LS->getSubStmt();
        continue;
      }
      if (isa<ReturnStmt>(S))
        return true;
      if (const auto *CS = dyn_cast<CompoundStmt>(S))
        return endsInReturn(CS);
      if (const auto *DS = dyn_cast<DoStmt>(S)) { // do { ...; return; } while (0)
        S = DS->getBody();
        continue;
      }
      if (const auto *IS = dyn_cast<IfStmt>(S))
        return IS->getElse() && alwaysReturns(IS->getThen()) && alwaysReturns(IS->getElse());
      const auto *X = dyn_cast<Expr>(S);
      const auto *Call = X ? dyn_cast<CallExpr>(X->IgnoreParenImpCasts()) : nullptr;
      const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
      return FD && FD->isNoReturn();
    }
    return false;
  }

  int deadArm(const Expr *Cond) {
    if (!Cond || Cond->isValueDependent())
      return -1;
    bool B = false;
    if (Cond->HasSideEffects(Ctx) || !Cond->EvaluateAsBooleanCondition(B, Ctx))
      return -1;
    return B ? 0 : 1;
  }

};

void EscapeHooks::armsBegin(const IfStmt *I) {
  if (!Skip)
    blockEvent(PTRCHECK_SCOPE_ARMS, I->getThen()->getBeginLoc());
}

void EscapeHooks::elseArm(const IfStmt *I) {
  if (!Skip)
    blockEvent(PTRCHECK_SCOPE_ELSE, I->getElseLoc());
}

void EscapeHooks::armsEnd(const IfStmt *I) {
  if (!Skip)
    blockEvent(PTRCHECK_SCOPE_ARMS_END, I->getEndLoc());
}

void EscapeHooks::pre(const Stmt *S) {
  if (Skip)
    return;
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    if (S != Top) {
      blockEvent(PTRCHECK_SCOPE_BLOCK, cast<CompoundStmt>(S)->getLBracLoc());
      Literals.emplace_back();
    }
    return;
  case Stmt::CompoundLiteralExprClass: {
    const auto *CL = cast<CompoundLiteralExpr>(S);
    if (!CL->isFileScope() && !Literals.empty()) {
      // name it (the replay takes a variable's name and place from its first event)
      literalEvent(PTRCHECK_SCOPE_DECL, CL, CL->getBeginLoc());
      Literals.back().push_back(CL);
    }
    return;
  }
  case Stmt::ImplicitCastExprClass: {
    // a load of a pointer (its type is the loaded variable's, unqualified)
    const auto *C = cast<ImplicitCastExpr>(S);
    if (C->getCastKind() == CK_LValueToRValue && C->getType()->isPointerType())
      if (const VarDecl *P = localVar(C->getSubExpr()))
        if (P->getType()->isPointerType())
          useEvent(P, C->getSubExpr());
    return;
  }
  case Stmt::ReturnStmtClass: {
    const auto *R = cast<ReturnStmt>(S);
    const Expr *V = R->getRetValue();
    const auto *C = V ? dyn_cast<ImplicitCastExpr>(V->IgnoreParens()) : nullptr;
    const VarDecl *P = C && C->getCastKind() == CK_LValueToRValue ? localVar(C->getSubExpr()) : nullptr;
    if (P && P->getType()->isPointerType()) {
      // `return p;` is reported where the IR pass reports returns, so the two agree on one finding
      event(PTRCHECK_SCOPE_USE, P, nullptr, R->getBeginLoc());
      Skip = S;
    }
    return;
  }
  default:
    return;
  }
}

void EscapeHooks::post(const Stmt *S) {
  if (Skip) {
    if (Skip == S)
      Skip = nullptr;
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass: {
    if (S == Top)
      return;
    const auto *CS = cast<CompoundStmt>(S);
    for (const Stmt *C : CS->body())
      if (const auto *DS = dyn_cast<DeclStmt>(C))
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            if (V->hasLocalStorage())
              event(PTRCHECK_SCOPE_END, V, nullptr, CS->getRBracLoc());
    for (const CompoundLiteralExpr *CL : Literals.back())
      literalEvent(PTRCHECK_SCOPE_END, CL, CS->getRBracLoc());
    Literals.pop_back();
    blockEvent(endsInReturn(CS) ? PTRCHECK_SCOPE_BLOCK_DEAD : PTRCHECK_SCOPE_BLOCK_END, CS->getRBracLoc());
    return;
  }
  case Stmt::BinaryOperatorClass:
  case Stmt::CompoundAssignOperatorClass: {
    const auto *B = cast<BinaryOperator>(S);
    if (!B->isAssignmentOp())
      return;
    storeTo(B->getLHS(), B->getOperatorLoc(), B->isCompoundAssignmentOp());
    if (const VarDecl *P = localVar(B->getLHS()))
      if (!B->isCompoundAssignmentOp() || !P->getType()->isPointerType())
        pointerAssign(P, B->isCompoundAssignmentOp() ? nullptr : B->getRHS(), B->getOperatorLoc());
    // `p += n` on a pointer: still into the same object
    return;
  }
  case Stmt::UnaryOperatorClass: {
    const auto *U = cast<UnaryOperator>(S);
    if (U->isIncrementDecrementOp()) {
      storeTo(U->getSubExpr(), U->getOperatorLoc(), true);
      const VarDecl *P = localVar(U->getSubExpr());
      if (P && !P->getType()->isPointerType()) // `p++` on a pointer: still into the same object
        pointerAssign(P, nullptr, U->getOperatorLoc());
    }
    return;
  }
  default:
    return;
  }
}

} // namespace

std::unique_ptr<WalkHooks> stackEscapeHooks(ExprFacts &X, const WalkState &W, bool EscapeSites) {
  if (!EscapeSites && !ptrcheck_ast_wants(X.E, PTRCHECK_AST_FACT_SCOPE_EVENTS))
    return nullptr;
  return std::make_unique<EscapeHooks>(X, W);
}

} // namespace ptrcheck
