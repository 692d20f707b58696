// AST facts for ptrcheck-slice-forge (ptrcheck/slice.h), as hooks of the one code-generation-order
// walk (../WalkHooks.h): initialisers, assignments and field writes of slice header records, and
// memory reinterpreted as one.  Which records are headers and what is wrong is decided by
// checks/slice-forge/ast.c (ptrcheck_ast_on_record is asked once per record; only the records it
// wants are described further).
#include "../WalkHooks.h"
#define PTRCHECK_COMPAT_AST
#include "ptrcheck_compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "ptrcheck/slice.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

using namespace clang;

namespace ptrcheck {
namespace {

class SliceHooks : public WalkHooks {
public:
  SliceHooks(ExprFacts &X, const WalkState &W) : X(X), Ctx(X.Ctx), E(X.E), Fn(W.Fn), Stack(W.Stack) {}

  void observes(StmtClasses &Pre, StmtClasses &Post) const override {
    Pre.set(Stmt::BinaryOperatorClass); // `s = (T){...}`: the list is described with the assignment
    Pre.set(Stmt::InitListExprClass);
    Post.set(Stmt::BinaryOperatorClass);
    Post.set(Stmt::CompoundAssignOperatorClass);
    Post.set(Stmt::UnaryOperatorClass);
    for (unsigned C = Stmt::firstExplicitCastExprConstant; C <= Stmt::lastExplicitCastExprConstant; ++C)
      Post.set(C);
    for (unsigned C = Stmt::firstCallExprConstant; C <= Stmt::lastCallExprConstant; ++C)
      Post.set(C);
  }
  bool outsideFunctions() const override { return true; }

  void functionBegin(const FunctionDecl *FD, bool) override { sliceFunctionBegin(FD->getBody()); }
  void functionEnd() override {
    ptrcheck_ast_on_function_end(E, &Fn);
    sliceFunctionBegin(nullptr);
  }

  void pre(const Stmt *S) override {
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      slicePreAssign(B);
    else if (const auto *IL = dyn_cast<InitListExpr>(S))
      sliceInitListStmt(IL);
  }

  void post(const Stmt *S) override {
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      sliceAssign(B);
    else if (const auto *U = dyn_cast<UnaryOperator>(S))
      sliceUnary(U);
    else if (const auto *C = dyn_cast<CastExpr>(S))
      sliceCast(C);
    else if (const auto *Call = dyn_cast<CallExpr>(S))
      sliceCall(Call);
  }

  void declaration(const Decl *D) override {
    if (const auto *V = dyn_cast<VarDecl>(D))
      sliceVarDecl(V);
  }

private:
  ExprFacts &X;
  ASTContext &Ctx;
  ptrcheck_engine_t *E;
  const ptrcheck_ast_fn_t &Fn;             // the walk's current function
  const std::vector<const Stmt *> &Stack; // and the statements it is in

  ptrcheck_loc_t loc(SourceLocation L) { return X.loc(L); }
  const char *str(const std::string &S) { return X.str(S); }
  void type(QualType T, ptrcheck_type_t &Out) { X.type(T, Out); }
  unsigned long long bytesOf(QualType T) { return X.bytesOf(T); }
  bool inSystemHeader(SourceLocation L) { return X.inSystemHeader(L); }
  static ptrcheck_declkind_t declKind(const ValueDecl *D) { return ExprFacts::declKind(D); }

  llvm::DenseMap<const RecordDecl *, bool> SliceRecords; // ptrcheck_ast_on_record's answer per record
  llvm::DenseMap<const RecordDecl *, std::vector<std::string>> SliceTypedefs;
  bool SliceTypedefsScanned = false;
  llvm::SmallPtrSet<const Expr *, 8> SliceInitsDone; // initialisers already described with their variable
  const Stmt *SliceBody = nullptr;
  int SliceUnordered = -1;
  std::vector<uint64_t> SliceArms;

  static const RecordDecl *sliceRecordOf(QualType T) {
    if (T.isNull())
      return nullptr;
    const auto *RT = T.getCanonicalType()->getAs<RecordType>();
    const RecordDecl *RD = RT ? RT->getDecl()->getDefinition() : nullptr;
    return RD && !RD->isInvalidDecl() && !RD->isDependentType() && !RD->isUnion() ? RD : nullptr;
  }

  void sliceScanTypedefs() {
    SliceTypedefsScanned = true;
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        if (const RecordDecl *RD = sliceRecordOf(TD->getUnderlyingType()))
          SliceTypedefs[RD].push_back(TD->getNameAsString());
  }

  // 1 when the engine wants facts about values of RD (a slice header); cached per record.
  bool sliceRecord(const RecordDecl *RD) {
    if (!RD)
      return false;
    auto It = SliceRecords.find(RD);
    if (It != SliceRecords.end())
      return It->second;
    bool Yes = ptrcheck_ast_on_record(E, &sliceDescribe(RD)) != 0;
    ptrcheck_ast_reset(E);
    SliceRecords[RD] = Yes;
    return Yes;
  }

  // A record's description, made once (its strings interned: they outlive ptrcheck_ast_reset).
  struct Described {
    ptrcheck_srecord_t R{};
    std::vector<ptrcheck_sfield_t> Fields;
    std::vector<const char *> Typedefs;
  };
  llvm::DenseMap<const RecordDecl *, std::unique_ptr<Described>> Descriptions;

  const char *keep(const std::string &S) { return ptrcheck_engine_intern(E, S.c_str()); }

  const ptrcheck_srecord_t &sliceDescribe(const RecordDecl *RD) {
    std::unique_ptr<Described> &Slot = Descriptions[RD];
    if (Slot)
      return Slot->R;
    Slot = std::make_unique<Described>();
    ptrcheck_srecord_t &R = Slot->R;
    std::vector<ptrcheck_sfield_t> &Fields = Slot->Fields;
    std::vector<const char *> &Typedefs = Slot->Typedefs;
    if (!SliceTypedefsScanned)
      sliceScanTypedefs();
    R.id = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(RD));
    if (RD->getIdentifier())
      R.tag = keep((RD->isUnion() ? "union " : "struct ") + RD->getNameAsString());
    auto It = SliceTypedefs.find(RD);
    if (It != SliceTypedefs.end())
      for (const std::string &N : It->second)
        Typedefs.push_back(keep(N));
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl()) {
      std::string N = TD->getNameAsString();
      bool Have = false;
      for (const char *T : Typedefs)
        Have = Have || N == T;
      if (!Have)
        Typedefs.insert(Typedefs.begin(), keep(N));
    }
    R.typedefs = Typedefs.data();
    R.ntypedefs = static_cast<unsigned>(Typedefs.size());
    R.ir_name = keep(ExprFacts::recordIRName(RD));
    R.is_union = RD->isUnion();
    R.bytes = bytesOf(ptrcheck_compat::recordType(Ctx, RD));
    R.loc = loc(RD->getLocation());
    const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      ptrcheck_sfield_t SF{};
      SF.name = keep(F->getNameAsString());
      type(F->getType(), SF.type); // its spellings are interned (ExprFacts::spelling)
      SF.offset = Layout.getFieldOffset(I++) / 8;
      SF.is_bitfield = F->isBitField();
      Fields.push_back(SF);
    }
    R.fields = Fields.data();
    R.nfields = static_cast<unsigned>(Fields.size());
    return R;
  }

  // The conditional arms / loop bodies enclosing S in the current function (outermost first).
  ptrcheck_flow_t sliceFlow(const Stmt *S) {
    ptrcheck_flow_t F{};
    SliceArms.clear();
    if (!SliceBody)
      return F;
    if (SliceUnordered < 0)
      SliceUnordered = ExprFacts::containsLabel(SliceBody);
    // S's ancestors are the walk's: S itself (or, for a variable's initialiser, its declaration
    // statement) is the innermost statement being walked
    size_t N = Stack.size();
    if (N && Stack[N - 1] == S)
      --N;
    const Stmt *C = S;
    for (const Stmt *P = N ? Stack[N - 1] : nullptr; P; C = P, --N, P = N ? Stack[N - 1] : nullptr) {
      bool Arm = false;
      if (const auto *I = dyn_cast<IfStmt>(P))
        Arm = C == I->getThen() || C == I->getElse();
      else if (const auto *Fo = dyn_cast<ForStmt>(P))
        Arm = C == Fo->getBody() || C == Fo->getInc();
      else if (const auto *W = dyn_cast<WhileStmt>(P))
        Arm = C == W->getBody();
      else if (const auto *D = dyn_cast<DoStmt>(P))
        Arm = C == D->getBody();
      else if (const auto *Sw = dyn_cast<SwitchStmt>(P))
        Arm = C == Sw->getBody();
      else if (const auto *CO = dyn_cast<ConditionalOperator>(P))
        Arm = C == CO->getTrueExpr() || C == CO->getFalseExpr();
      else if (const auto *BC = dyn_cast<BinaryConditionalOperator>(P))
        Arm = C == BC->getFalseExpr();
      else if (const auto *B = dyn_cast<BinaryOperator>(P))
        Arm = (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr) && C == B->getRHS();
      if (Arm)
        SliceArms.push_back(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(C)));
    }
    std::reverse(SliceArms.begin(), SliceArms.end());
    F.arms = SliceArms.data();
    F.narms = static_cast<unsigned>(SliceArms.size());
    F.unordered = SliceUnordered > 0;
    return F;
  }

  ptrcheck_expr_t *sliceVarRef(const VarDecl *V) {
    ptrcheck_expr_t *R = ptrcheck_ast_new_expr(E, 0);
    if (!R)
      return nullptr;
    R->kind = PTRCHECK_E_DECLREF;
    R->name = str(V->getNameAsString());
    R->decl_kind = declKind(V);
    R->decl_loc = loc(V->getLocation());
    R->loc = R->decl_loc;
    type(V->getType(), R->type);
    return R;
  }

  static const InitListExpr *sliceInitList(const Expr *Y) {
    if (!Y)
      return nullptr;
    Y = Y->IgnoreParenImpCasts();
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(Y))
      Y = CL->getInitializer()->IgnoreParenImpCasts();
    const auto *IL = dyn_cast<InitListExpr>(Y);
    if (IL && IL->isSyntacticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    // `T s = {t}` copies t: not an initialiser list of the fields
    if (IL && IL->getNumInits() == 1 && IL->getInit(0)->getType()->isRecordType())
      return nullptr;
    return IL;
  }

  void sliceWrite(ptrcheck_record_write_t &W, const RecordDecl *RD, const Stmt *At) {
    W.record = &sliceDescribe(RD);
    W.flow = sliceFlow(At);
    ptrcheck_ast_on_record_write(E, &Fn, &W);
  }

  // Initialiser of a record-typed list: values by field index.
  void sliceInit(const RecordDecl *RD, const InitListExpr *IL, ptrcheck_expr_t *Object, ptrcheck_loc_t Loc,
                 const Stmt *At) {
    std::vector<const ptrcheck_expr_t *> Values;
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      (void)F;
      const Expr *V = I < IL->getNumInits() ? IL->getInit(I) : nullptr;
      ++I;
      Values.push_back(V && !isa<ImplicitValueInitExpr>(V) ? X.expr(V) : nullptr);
    }
    ptrcheck_record_write_t W{};
    W.kind = PTRCHECK_RW_INIT;
    W.object = Object;
    W.values = Values.data();
    W.loc = Loc;
    sliceWrite(W, RD, At);
  }

  void sliceVarDecl(const VarDecl *V) {
    const Expr *Init = V->getInit();
    if (!Init || V->getType()->isDependentType())
      return;
    const RecordDecl *RD = sliceRecordOf(V->getType());
    if (!RD || inSystemHeader(V->getLocation()) || !sliceRecord(RD))
      return;
    if (const InitListExpr *IL = sliceInitList(Init)) {
      SliceInitsDone.insert(IL);
      sliceInit(RD, IL, sliceVarRef(V), loc(V->getLocation()), Init);
    } else {
      ptrcheck_record_write_t W{};
      W.kind = PTRCHECK_RW_COPY;
      W.object = sliceVarRef(V);
      W.value = X.expr(Init);
      W.loc = loc(V->getLocation());
      sliceWrite(W, RD, Init);
    }
    ptrcheck_ast_reset(E);
  }

  void sliceInitListStmt(const InitListExpr *IL) {
    if (IL->isSyntacticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    if (SliceInitsDone.count(IL) || IL->isValueDependent())
      return;
    const RecordDecl *RD = sliceRecordOf(IL->getType());
    if (!RD || inSystemHeader(IL->getBeginLoc()) || !sliceRecord(RD) || (IL->getNumInits() == 1 && IL->getInit(0)->getType()->isRecordType()))
      return;
    SliceInitsDone.insert(IL);
    sliceInit(RD, IL, nullptr, loc(IL->getLBraceLoc().isValid() ? IL->getLBraceLoc() : IL->getBeginLoc()), IL);
    ptrcheck_ast_reset(E);
  }

  // The field of a struct a member expression designates (nullptr when not one).
  static const FieldDecl *structField(const Expr *Y, const RecordDecl *&RD) {
    const auto *M = dyn_cast<MemberExpr>(Y->IgnoreParens());
    const auto *F = M ? dyn_cast<FieldDecl>(M->getMemberDecl()) : nullptr;
    if (!F)
      return nullptr;
    RD = F->getParent()->getDefinition();
    return RD && !RD->isUnion() ? F : nullptr;
  }

  // The field of a slice header a member expression designates (nullptr when not one).
  const FieldDecl *sliceField(const Expr *Y, const RecordDecl *&RD, unsigned &Index) {
    const FieldDecl *F = structField(Y, RD);
    if (!F || !sliceRecord(RD))
      return nullptr;
    Index = F->getFieldIndex();
    return F;
  }

  void sliceFieldWrite(const Expr *Op, const Expr *Lhs) {
    const RecordDecl *RD = nullptr;
    unsigned Index = 0;
    if (!structField(Lhs, RD) || inSystemHeader(Op->getExprLoc()) || !sliceField(Lhs, RD, Index))
      return;
    const auto *M = cast<MemberExpr>(Lhs->IgnoreParens());
    ptrcheck_record_write_t W{};
    W.kind = PTRCHECK_RW_FIELD;
    W.field = Index;
    W.via_pointer = M->isArrow();
    const Expr *Base = M->getBase()->IgnoreParenImpCasts();
    if (isa<DeclRefExpr>(Base))
      W.object = X.expr(M->isArrow() ? M->getBase() : Base);
    W.value = X.expr(Op);
    W.loc = loc(M->getMemberLoc());
    sliceWrite(W, RD, Op);
    ptrcheck_ast_reset(E);
  }

  void slicePreAssign(const BinaryOperator *B) {
    if (B->getOpcode() != BO_Assign || B->isTypeDependent())
      return;
    if (const RecordDecl *RD = sliceRecordOf(B->getLHS()->getType()))
      if (sliceRecord(RD))
        if (const InitListExpr *IL = sliceInitList(B->getRHS()))
          SliceInitsDone.insert(IL);
  }

  void sliceAssign(const BinaryOperator *B) {
    if (!B->isAssignmentOp() || B->isTypeDependent())
      return;
    const RecordDecl *RD = sliceRecordOf(B->getLHS()->getType());
    if (!RD || B->isCompoundAssignmentOp()) {
      sliceFieldWrite(B, B->getLHS()); // in a system header: nothing, as here
      return;
    }
    if (inSystemHeader(B->getExprLoc()) || !sliceRecord(RD))
      return;
    const Expr *L = B->getLHS()->IgnoreParenImpCasts();
    ptrcheck_expr_t *Object = isa<DeclRefExpr>(L) ? X.expr(L) : nullptr;
    if (const InitListExpr *IL = sliceInitList(B->getRHS())) {
      SliceInitsDone.insert(IL);
      sliceInit(RD, IL, Object, loc(B->getRHS()->IgnoreParenImpCasts()->getBeginLoc()), B);
    } else {
      ptrcheck_record_write_t W{};
      W.kind = PTRCHECK_RW_COPY;
      W.object = Object;
      W.value = X.expr(B->getRHS());
      W.loc = loc(B->getExprLoc());
      sliceWrite(W, RD, B);
    }
    ptrcheck_ast_reset(E);
  }

  void sliceUnary(const UnaryOperator *U) {
    if (U->isTypeDependent())
      return;
    if (U->isIncrementDecrementOp()) {
      sliceFieldWrite(U, U->getSubExpr());
      return;
    }
    if (U->getOpcode() != UO_AddrOf)
      return;
    // &s, &s.len: the header may change behind the check's back
    const Expr *Y = U->getSubExpr()->IgnoreParens();
    const RecordDecl *RD = nullptr;
    unsigned Index = 0;
    const DeclRefExpr *DR = nullptr;
    if (sliceField(Y, RD, Index)) {
      const auto *M = cast<MemberExpr>(Y);
      if (!M->isArrow())
        DR = dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts());
    } else if ((DR = dyn_cast<DeclRefExpr>(Y))) {
      RD = sliceRecordOf(DR->getType());
      if (!sliceRecord(RD))
        DR = nullptr;
    }
    if (!DR || !RD)
      return;
    ptrcheck_record_write_t W{};
    W.kind = PTRCHECK_RW_ESCAPE;
    W.object = X.expr(DR);
    W.loc = loc(U->getExprLoc());
    sliceWrite(W, RD, U);
    ptrcheck_ast_reset(E);
  }

  const RecordDecl *slicePointee(QualType T) {
    const auto *PT = T.isNull() ? nullptr : T.getCanonicalType()->getAs<PointerType>();
    const RecordDecl *RD = PT ? sliceRecordOf(PT->getPointeeType()) : nullptr;
    return sliceRecord(RD) ? RD : nullptr;
  }

  void sliceReinterpret(const RecordDecl *RD, const Expr *Y) {
    if (ptrcheck_expr_t *F = X.expr(Y))
      ptrcheck_ast_on_reinterpret(E, &Fn, &sliceDescribe(RD), F);
    ptrcheck_ast_reset(E);
  }

  static bool toStructPointer(QualType T) {
    const auto *PT = T.isNull() ? nullptr : T.getCanonicalType()->getAs<PointerType>();
    return PT && sliceRecordOf(PT->getPointeeType());
  }

  void sliceCast(const CastExpr *C) {
    if (!isa<ExplicitCastExpr>(C) || C->getCastKind() != CK_BitCast || C->isTypeDependent() ||
        !toStructPointer(C->getType()) || inSystemHeader(C->getExprLoc()))
      return;
    if (const RecordDecl *RD = slicePointee(C->getType()))
      sliceReinterpret(RD, C);
  }

  void sliceCall(const CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier() || Call->getNumArgs() != 3)
      return;
    llvm::StringRef N = FD->getName();
    N.consume_front("__builtin_");
    if (N != "memcpy" && N != "memmove")
      return;
    QualType To = Call->getArg(0)->IgnoreParenImpCasts()->getType();
    if (!toStructPointer(To) || inSystemHeader(Call->getExprLoc()))
      return;
    if (const RecordDecl *RD = slicePointee(To))
      sliceReinterpret(RD, Call);
  }

  void sliceFunctionBegin(const Stmt *Body) {
    SliceBody = Body;
    SliceUnordered = -1;
    SliceInitsDone.clear();
  }
};

} // namespace

std::unique_ptr<WalkHooks> sliceForgeHooks(ExprFacts &X, const WalkState &W) {
  if (!ptrcheck_ast_wants(X.E, PTRCHECK_AST_FACT_RECORD))
    return nullptr;
  return std::make_unique<SliceHooks>(X, W);
}

} // namespace ptrcheck
