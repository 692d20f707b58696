// AST facts for ptrcheck-offset-assumption, as hooks of the one code-generation-order walk
// (../WalkHooks.h): hard-coded byte offsets (`(char *)p + 24` and its context: the access it feeds,
// a memcpy around it) and static assertions.  Records are described target-neutrally by
// ../RecordFacts.cpp; checks/offset-assumption/ast.c decides.
#include "../Identifiers.h"
#include "../WalkHooks.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <memory>
#include <string>
#include <vector>

using namespace clang;

namespace ptrcheck {
namespace {

class OffsetHooks : public WalkHooks {
public:
  OffsetHooks(ExprFacts &X, const WalkState &W, bool WantsOffset, bool WantsStaticAssert)
      : X(X), Ctx(X.Ctx), SM(X.SM), E(X.E), Fn(W.Fn), Stack(W.Stack), WantsOffset(WantsOffset),
        WantsStaticAssert(WantsStaticAssert) {}

  void observes(StmtClasses &Pre, StmtClasses &Post) const override {
    if (!WantsOffset)
      return;
    // only the arithmetic: what it feeds (a cast, a memcpy) is found on the walk's stack
    Pre.set(Stmt::BinaryOperatorClass);
  }
  bool outsideFunctions() const override { return true; }

  void pre(const Stmt *S) override { offsetFacts(cast<BinaryOperator>(S)); }

  void declaration(const Decl *D) override {
    if (const auto *SA = dyn_cast<StaticAssertDecl>(D))
      staticAssertFact(SA);
  }

private:
  ExprFacts &X;
  ASTContext &Ctx;
  SourceManager &SM;
  ptrcheck_engine_t *E;
  const ptrcheck_ast_fn_t &Fn;             // the walk's current function
  const std::vector<const Stmt *> &Stack; // and the statements it is in
  bool WantsOffset, WantsStaticAssert;
  llvm::SmallPtrSet<const Expr *, 8> OffsetArithSeen; // arithmetic already described with its context

  ptrcheck_loc_t loc(SourceLocation L) { return X.loc(L); }
  const char *str(const std::string &S) { return X.str(S); }
  unsigned long long bytesOf(QualType T) { return X.bytesOf(T); }
  bool inSystemHeader(SourceLocation L) { return X.inSystemHeader(L); }

  void staticAssertFact(const StaticAssertDecl *SA) {
    if (!WantsStaticAssert || inSystemHeader(SA->getLocation()))
      return;
    const Expr *Cond = SA->getAssertExpr();
    if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent())
      return;
    if (ptrcheck_expr_t *C = X.expr(Cond)) {
      CharSourceRange Range = SM.getExpansionRange(Cond->getSourceRange()); // offsetof is a macro
      if (SM.getFileID(Range.getBegin()) == SM.getFileID(Range.getEnd()))
        C->text = str(Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str());
      ptrcheck_ast_on_static_assert(E, &Fn, C, loc(SA->getLocation()));
    }
    ptrcheck_ast_reset(E);
  }

  static bool isBytePointer(QualType T) {
    const auto *PT = T.getCanonicalType()->getAs<PointerType>();
    if (!PT)
      return false;
    QualType P = PT->getPointeeType().getCanonicalType();
    return P->isVoidType() || P->isCharType();
  }

  // `(char *)p + 24`, `(uint8_t *)p - 8`: byte-pointer arithmetic with an integer operand.
  static const BinaryOperator *byteArith(const Expr *Y) {
    const auto *B = dyn_cast<BinaryOperator>(ignoreParens(Y));
    if (!B || (B->getOpcode() != BO_Add && B->getOpcode() != BO_Sub) || !isBytePointer(B->getType()))
      return nullptr;
    bool L = B->getLHS()->getType()->isPointerType(), R = B->getRHS()->getType()->isPointerType();
    return L != R ? B : nullptr;
  }

  static bool memcpyLike(const CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier() || Call->getNumArgs() != 3)
      return false;
    llvm::StringRef N = FD->getName();
    N.consume_front("__builtin_");
    return N == "memcpy" || N == "memmove" || N == "memcmp";
  }

  // B (the statement on top of the walk's stack) and what its value feeds: the first or second
  // argument of a memcpy (through parentheses and implicit conversions), a pointer conversion
  // (through parentheses: the type of the access), or nothing.  The outermost of a chain of byte
  // arithmetic is met first and describes the chain.
  void offsetFacts(const BinaryOperator *B) {
    const BinaryOperator *A = byteArith(B);
    if (!A || OffsetArithSeen.count(A))
      return;
    size_t I = Stack.size() - 1; // B's index
    const Stmt *Arg = B;
    while (I > 0 && (isa<ParenExpr>(Stack[I - 1]) || isa<ImplicitCastExpr>(Stack[I - 1])))
      Arg = Stack[--I];
    if (I > 0)
      if (const auto *Call = dyn_cast<CallExpr>(Stack[I - 1]))
        if (memcpyLike(Call) && (Call->getArg(0) == Arg || Call->getArg(1) == Arg)) {
          unsigned long long Size = 0;
          Expr::EvalResult Res;
          if (!Call->getArg(2)->isValueDependent() && Call->getArg(2)->EvaluateAsInt(Res, Ctx))
            Size = Res.Val.getInt().getZExtValue();
          offsetFact(A, QualType(), Size, true);
          return;
        }
    I = Stack.size() - 1;
    while (I > 0 && isa<ParenExpr>(Stack[I - 1]))
      --I;
    // pointer arithmetic is a prvalue: a load or a decay (of an lvalue) is none
    if (const auto *C = I > 0 ? dyn_cast<CastExpr>(Stack[I - 1]) : nullptr)
      if (C->getType()->isPointerType() && !C->getSubExpr()->isGLValue()) {
        bool NoAccess = isa<ImplicitCastExpr>(C) && isBytePointer(C->getType());
        offsetFact(A, NoAccess ? QualType() : C->getType()->getPointeeType(), 0, false);
        return;
      }
    offsetFact(A, QualType(), 0, false);
  }

  void offsetFact(const BinaryOperator *A, QualType Access, unsigned long long AccessBytes, bool ViaMemcpy) {
    if (!OffsetArithSeen.insert(A).second || A->isValueDependent() || A->isTypeDependent())
      return;
    // Down the pointer side to the explicit cast that made the byte pointer.
    const Expr *Cur = A;
    while (const BinaryOperator *B = byteArith(Cur)) {
      OffsetArithSeen.insert(B);
      Cur = B->getLHS()->getType()->isPointerType() ? B->getLHS() : B->getRHS();
    }
    const auto *Base = dyn_cast<ExplicitCastExpr>(Cur->IgnoreParens());
    if (!Base || !isBytePointer(Base->getType()) || inSystemHeader(A->getExprLoc()))
      return;
    const Expr *Operand = Base->getSubExpr()->IgnoreParenImpCasts();
    QualType From = Operand->getType();
    if (!From->isPointerType())
      return;
    QualType Pointee = From->getPointeeType();
    ptrcheck_offset_fact_t F{};
    F.base_record = X.Records.describe(RecordDescriber::recordOf(Pointee));
    F.base_pointee_spelling = X.spelling(Pointee.getUnqualifiedType());
    F.base_pointee_bytes = bytesOf(Pointee);
    F.via_memcpy = ViaMemcpy;
    const IdentifierInfo *Offsetof = findIdentifier(Ctx.Idents, "offsetof");
    F.offsetof_defined = Offsetof && Offsetof->hasMacroDefinition();
    F.access_bytes = AccessBytes;
    if (!Access.isNull()) {
      F.access_bytes = bytesOf(Access);
      F.access_spelling = X.spelling(Access.getUnqualifiedType());
      if (const RecordDecl *RD = RecordDescriber::recordOf(Access)) {
        F.result_record = X.Records.describe(RD);
        F.member = memberPath(Operand, RD);
      }
    }
    F.arith = X.expr(A);
    if (F.arith)
      ptrcheck_ast_on_offset(E, &Fn, &F);
    ptrcheck_ast_reset(E);
  }

  // `&x->a.b` where x points to RD: "a.b"; NULL otherwise.
  const char *memberPath(const Expr *Y, const RecordDecl *RD) {
    const auto *U = dyn_cast<UnaryOperator>(Y);
    if (!U || U->getOpcode() != UO_AddrOf)
      return nullptr;
    const auto *M = dyn_cast<MemberExpr>(U->getSubExpr()->IgnoreParens());
    std::string Path;
    while (M) {
      const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!F)
        return nullptr;
      if (F->getIdentifier())
        Path = Path.empty() ? F->getName().str() : F->getName().str() + "." + Path;
      const Expr *B = M->getBase()->IgnoreParenImpCasts();
      if (M->isArrow()) {
        QualType P = B->getType()->isPointerType() ? B->getType()->getPointeeType() : QualType();
        return RecordDescriber::recordOf(P) == RD->getDefinition() && !Path.empty() ? str(Path) : nullptr;
      }
      M = dyn_cast<MemberExpr>(B);
      if (!M)
        return RecordDescriber::recordOf(B->getType()) == RD->getDefinition() && !Path.empty() ? str(Path) : nullptr;
    }
    return nullptr;
  }
};

} // namespace

std::unique_ptr<WalkHooks> offsetAssumptionHooks(ExprFacts &X, const WalkState &W) {
  bool Offset = ptrcheck_ast_wants(X.E, PTRCHECK_AST_FACT_OFFSET);
  bool StaticAssert = ptrcheck_ast_wants(X.E, PTRCHECK_AST_FACT_STATIC_ASSERT);
  if (!Offset && !StaticAssert)
    return nullptr;
  return std::make_unique<OffsetHooks>(X, W, Offset, StaticAssert);
}

} // namespace ptrcheck
