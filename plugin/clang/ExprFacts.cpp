// Clang expressions and types as engine facts (see ExprFacts.h).
#include "ExprFacts.h"
#include "PPFacts.h"
#define PTRCHECK_COMPAT_AST
#include "ptrcheck_compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace ptrcheck {

namespace {
const int MaxDepth = 32;
} // namespace

ExprFacts::ExprFacts(ASTContext &Ctx, ptrcheck_engine_t *E, const PPRecord *PP, bool DescribeRecords)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), E(E), Locs(SM, E), Records(Ctx, E, PP),
      ShowSystemHeaders(ptrcheck_engine_config(E)->system_headers != 0), DescribeRecords(DescribeRecords) {
  ptrcheck_engine_set_loc_resolver(E, &SourceLocs::resolve, &Locs);
  ptrcheck_engine_set_origins_resolver(E, &SourceLocs::origins, &Locs);
}

ExprFacts::~ExprFacts() {
  ptrcheck_engine_set_loc_resolver(E, nullptr, nullptr);
  ptrcheck_engine_set_origins_resolver(E, nullptr, nullptr);
}

std::string ExprFacts::recordIRName(const RecordDecl *RD) {
  std::string Name = RD->isUnion() ? "union." : (RD->isClass() ? "class." : "struct.");
  if (RD->getIdentifier())
    Name += RD->getQualifiedNameAsString();
  else if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    Name += TD->getQualifiedNameAsString();
  else
    Name += "anon";
  return Name;
}

bool ExprFacts::containsLabel(const Stmt *S) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || isa<SwitchCase>(S))
    return true;
  for (const Stmt *C : S->children())
    if (containsLabel(C))
      return true;
  return false;
}

ptrcheck_loc_t ExprFacts::endLoc(SourceLocation L) {
  if (L.isInvalid() || L.isMacroID())
    return ptrcheck_loc_t{};
  return SourceLocs::lazy(Lexer::getLocForEndOfToken(L, 0, SM, Ctx.getLangOpts()));
}

static ptrcheck_irank_t rankOfTypedefName(llvm::StringRef N) {
  static const char *const PtrSized[] = {"intptr_t",  "uintptr_t",  "size_t",   "ssize_t",   "ptrdiff_t",
                                         "__intptr_t", "__uintptr_t", "__size_t", "__ssize_t", "__ptrdiff_t",
                                         "INT_PTR",   "UINT_PTR",   "LONG_PTR", "ULONG_PTR", "DWORD_PTR",
                                         "SIZE_T",    "SSIZE_T",    "GoUintptr", "GoInt",    "GoUint"};
  for (const char *P : PtrSized)
    if (N == P)
      return PTRCHECK_R_PTRSIZED;
  llvm::StringRef S = N;
  while (S.consume_front("_")) {
  }
  S.consume_front("u");
  if (S == "int8_t" || S == "int16_t" || S == "int32_t" || S == "int64_t" || S == "int128_t")
    return PTRCHECK_R_FIXED;
  return PTRCHECK_R_NONE;
}

static ptrcheck_irank_t rankOfBuiltin(const BuiltinType *BT) {
  switch (BT->getKind()) {
  case BuiltinType::Char_S:
  case BuiltinType::Char_U:
  case BuiltinType::SChar:
  case BuiltinType::UChar:
    return PTRCHECK_R_CHAR;
  case BuiltinType::Short:
  case BuiltinType::UShort:
    return PTRCHECK_R_SHORT;
  case BuiltinType::Int:
  case BuiltinType::UInt:
    return PTRCHECK_R_INT;
  case BuiltinType::Long:
  case BuiltinType::ULong:
    return PTRCHECK_R_LONG;
  case BuiltinType::LongLong:
  case BuiltinType::ULongLong:
    return PTRCHECK_R_LONGLONG;
  case BuiltinType::Int128:
  case BuiltinType::UInt128:
    return PTRCHECK_R_INT128;
  default:
    return PTRCHECK_R_FIXED;
  }
}

static ptrcheck_tkind_t kindOf(QualType T) {
  if (T.isNull())
    return PTRCHECK_T_OTHER;
  T = T.getCanonicalType();
  if (T->isVoidType())
    return PTRCHECK_T_VOID;
  if (T->isBooleanType())
    return PTRCHECK_T_BOOL;
  if (T->isIntegerType())
    return PTRCHECK_T_INT;
  if (T->isRealFloatingType())
    return PTRCHECK_T_FLOAT;
  if (T->isPointerType())
    return PTRCHECK_T_POINTER;
  if (T->isArrayType())
    return PTRCHECK_T_ARRAY;
  if (T->isRecordType())
    return PTRCHECK_T_RECORD;
  if (T->isFunctionType())
    return PTRCHECK_T_FUNCTION;
  return PTRCHECK_T_OTHER;
}

unsigned long long ExprFacts::bytesOf(QualType T) {
  if (T.isNull() || T->isIncompleteType() || T->isDependentType() || !T->isConstantSizeType() ||
      T->isFunctionType() || T->isVoidType())
    return 0;
  return static_cast<unsigned long long>(Ctx.getTypeSizeInChars(T).getQuantity());
}

const char *ExprFacts::spelling(QualType T) {
  auto It = Spellings.find(T.getAsOpaquePtr());
  if (It != Spellings.end())
    return It->second;
  const char *S = ptrcheck_engine_intern(E, T.getAsString(Ctx.getPrintingPolicy()).c_str());
  Spellings[T.getAsOpaquePtr()] = S;
  return S;
}

QualType ExprFacts::pointee(QualType T) {
  if (T->isPointerType())
    return T->getPointeeType();
  if (const auto *CAT = Ctx.getAsConstantArrayType(T))
    return CAT->getElementType();
  return QualType(T->getPointeeOrArrayElementType(), 0);
}

void ExprFacts::type(QualType T, ptrcheck_type_t &Out, bool Spell) {
  Out = ptrcheck_type_t{};
  if (T.isNull())
    return;
  Out.kind = kindOf(T);
  if (Spell)
    Out.spelling = spelling(T);
  Out.bits = static_cast<unsigned>(bytesOf(T) * 8);
  if (Out.kind == PTRCHECK_T_INT || Out.kind == PTRCHECK_T_BOOL) {
    Out.is_signed = T->isSignedIntegerOrEnumerationType();
    ptrcheck_irank_t Rank = PTRCHECK_R_NONE;
    QualType Cur = T;
    while (Rank == PTRCHECK_R_NONE) {
      const TypedefType *TT = Cur->getAs<TypedefType>();
      if (!TT)
        break;
      Rank = rankOfTypedefName(TT->getDecl()->getName());
      Cur = TT->desugar();
    }
    if (Rank == PTRCHECK_R_NONE) {
      QualType C = T.getCanonicalType();
      if (const auto *ET = C->getAs<EnumType>())
        C = ET->getDecl()->getIntegerType().getCanonicalType();
      if (const auto *BT = C.isNull() ? nullptr : C->getAs<BuiltinType>())
        Rank = rankOfBuiltin(BT);
      else
        Rank = PTRCHECK_R_FIXED;
    }
    Out.rank = Rank;
    Out.per_target_unknown = typedefUnknownElsewhere(T);
  } else if (Out.kind == PTRCHECK_T_POINTER || Out.kind == PTRCHECK_T_ARRAY) {
    QualType P = pointee(T);
    if (Out.kind == PTRCHECK_T_ARRAY)
      if (const auto *CAT = Ctx.getAsConstantArrayType(T))
        Out.array_len = CAT->getSize().getZExtValue();
    Out.pointee_const = P.isConstQualified();
    Out.pointee_bytes = static_cast<unsigned>(bytesOf(P));
    if (Spell)
      Out.pointee_spelling = spelling(P);
    Out.pointee_kind = kindOf(P);
  }
}

bool ExprFacts::writtenWithBuiltinMacro(const CStyleCastExpr *CS) {
  const TypeSourceInfo *TSI = CS->getTypeInfoAsWritten();
  if (!TSI)
    return false;
  SourceLocation L = TSI->getTypeLoc().getBeginLoc();
  if (!L.isMacroID())
    return false;
  // The compiler's predefined macros are presumed to be in "<built-in>"; -D macros of the
  // command line share that buffer but are presumed to be in "<command line>".
  SourceLocation Sp = SM.getSpellingLoc(L);
  PresumedLoc P = Sp.isValid() ? SM.getPresumedLoc(Sp) : PresumedLoc();
  return P.isValid() && llvm::StringRef(P.getFilename()) == "<built-in>";
}

const SubstTemplateTypeParmType *ExprFacts::substitutedParameter(const ExplicitCastExpr *C) const {
  const TypeSourceInfo *TSI = C->getTypeInfoAsWritten();
  if (!TSI)
    return nullptr;
  for (QualType Cur = TSI->getType(); !Cur.isNull();) {
    if (const auto *ST = dyn_cast<SubstTemplateTypeParmType>(Cur.getTypePtr()))
      return ST;
    if (isa<TypedefType>(Cur.getTypePtr()))
      return nullptr; // a typedef as written: judged by its own name
    QualType Next = Cur.getSingleStepDesugaredType(Ctx);
    if (Next == Cur)
      return nullptr;
    Cur = Next;
  }
  return nullptr;
}

// ------------------------------------------------------------------ expressions
static ptrcheck_cmp_t cmpOp(BinaryOperatorKind K) {
  switch (K) {
  case BO_EQ: return PTRCHECK_CMP_EQ;
  case BO_NE: return PTRCHECK_CMP_NE;
  case BO_LT: return PTRCHECK_CMP_LT;
  case BO_GT: return PTRCHECK_CMP_GT;
  case BO_LE: return PTRCHECK_CMP_LE;
  case BO_GE: return PTRCHECK_CMP_GE;
  default: return PTRCHECK_CMP_NONE;
  }
}

static ptrcheck_op_t binOp(BinaryOperatorKind K) {
  switch (K) {
  case BO_Add: return PTRCHECK_OP_ADD;
  case BO_Sub: return PTRCHECK_OP_SUB;
  case BO_Mul: return PTRCHECK_OP_MUL;
  case BO_Div: return PTRCHECK_OP_DIV;
  case BO_Rem: return PTRCHECK_OP_REM;
  case BO_Shl: return PTRCHECK_OP_SHL;
  case BO_Shr: return PTRCHECK_OP_SHR;
  case BO_And: return PTRCHECK_OP_AND;
  case BO_Or: return PTRCHECK_OP_OR;
  case BO_Xor: return PTRCHECK_OP_XOR;
  case BO_LAnd: return PTRCHECK_OP_LAND;
  case BO_LOr: return PTRCHECK_OP_LOR;
  case BO_Comma: return PTRCHECK_OP_COMMA;
  case BO_LT: case BO_GT: case BO_LE: case BO_GE: case BO_EQ: case BO_NE: case BO_Cmp:
    return PTRCHECK_OP_CMP;
  case BO_MulAssign: return PTRCHECK_OP_MUL;
  case BO_DivAssign: return PTRCHECK_OP_DIV;
  case BO_RemAssign: return PTRCHECK_OP_REM;
  case BO_AddAssign: return PTRCHECK_OP_ADD;
  case BO_SubAssign: return PTRCHECK_OP_SUB;
  case BO_ShlAssign: return PTRCHECK_OP_SHL;
  case BO_ShrAssign: return PTRCHECK_OP_SHR;
  case BO_AndAssign: return PTRCHECK_OP_AND;
  case BO_XorAssign: return PTRCHECK_OP_XOR;
  case BO_OrAssign: return PTRCHECK_OP_OR;
  default: return PTRCHECK_OP_NONE;
  }
}

static ptrcheck_op_t unOp(UnaryOperatorKind K) {
  switch (K) {
  case UO_AddrOf: return PTRCHECK_OP_ADDROF;
  case UO_Deref: return PTRCHECK_OP_DEREF;
  case UO_Not: return PTRCHECK_OP_NOT;
  case UO_LNot: return PTRCHECK_OP_LNOT;
  case UO_Minus: return PTRCHECK_OP_NEG;
  case UO_Plus: return PTRCHECK_OP_PLUS;
  case UO_PreInc: return PTRCHECK_OP_PREINC;
  case UO_PreDec: return PTRCHECK_OP_PREDEC;
  case UO_PostInc: return PTRCHECK_OP_POSTINC;
  case UO_PostDec: return PTRCHECK_OP_POSTDEC;
  default: return PTRCHECK_OP_NONE;
  }
}

// A no-op cast between integers (`(uintptr_t)x` of a uintptr_t) is an integer conversion too.
static ptrcheck_cast_t castKind(CastKind K, QualType To) {
  if (K == CK_NoOp && To->isIntegerType())
    return PTRCHECK_C_INTEGRAL;
  switch (K) {
  case CK_PointerToIntegral: return PTRCHECK_C_PTR_TO_INT;
  case CK_IntegralToPointer: return PTRCHECK_C_INT_TO_PTR;
  case CK_IntegralCast:
  case CK_IntegralToBoolean:
  case CK_BooleanToSignedIntegral:
    return PTRCHECK_C_INTEGRAL;
  case CK_BitCast:
  case CK_NoOp:
  case CK_AddressSpaceConversion:
    return PTRCHECK_C_PTR_TO_PTR;
  case CK_NullToPointer: return PTRCHECK_C_NULL_TO_PTR;
  case CK_ArrayToPointerDecay:
  case CK_FunctionToPointerDecay:
    return PTRCHECK_C_DECAY;
  case CK_LValueToRValue: return PTRCHECK_C_LVALUE;
  default: return PTRCHECK_C_OTHER;
  }
}

// `char *p = conf;` of a pointer to something that is no bytes (void, a record): p addresses that
// object's bytes (the slice-forge check asks what memory `(T *)(p + off)` reinterprets).
static bool bytePointerToObject(const VarDecl *VD) {
  const auto *PT = VD->getType()->getAs<PointerType>();
  if (!PT || !PT->getPointeeType()->isCharType() || !VD->getInit())
    return false;
  QualType From = VD->getInit()->IgnoreParenImpCasts()->getType();
  const auto *FP = From->getAs<PointerType>();
  return FP && (FP->getPointeeType()->isVoidType() || FP->getPointeeType()->isRecordType());
}

// Asked only while building a fact tree with a local in it (rare): the body is scanned once per
// function, on the first question.
bool ExprFacts::unchangedLocal(const VarDecl *VD) {
  if (!FnBody || VD->getType().isVolatileQualified() || Ctx.getLangOpts().CPlusPlus) // C++: references bind
    return false;
  if (!ChangedKnown) {
    collectChanged(FnBody);
    ChangedKnown = true;
  }
  // ... and neither do the locals its initialiser reads (`adjust = p & 15; p += 4;` is no alignment of p)
  return !Changed.count(VD) && readsOnlyUnchanged(VD->getInit());
}

bool ExprFacts::readsOnlyUnchanged(const Stmt *S) const {
  if (!S)
    return true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
      return !V->hasLocalStorage() || !Changed.count(V);
  for (const Stmt *C : S->children())
    if (!readsOnlyUnchanged(C))
      return false;
  return true;
}

void ExprFacts::collectChanged(const Stmt *S) {
  if (!S)
    return;
  auto Target = [](const Expr *X) -> const VarDecl * {
    const auto *DR = dyn_cast<DeclRefExpr>(X->IgnoreParenImpCasts());
    return DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  };
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp())
      if (const VarDecl *V = Target(B->getLHS()))
        Changed.insert(V);
  } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      if (const VarDecl *V = Target(U->getSubExpr()))
        Changed.insert(V);
  } else if (const auto *A = dyn_cast<AsmStmt>(S)) { // asm("" : "+r"(x))
    for (unsigned I = 0; I < A->getNumOutputs(); ++I)
      if (const VarDecl *V = Target(A->getOutputExpr(I)))
        Changed.insert(V);
  }
  for (const Stmt *C : S->children())
    collectChanged(C);
}

ptrcheck_declkind_t ExprFacts::declKind(const ValueDecl *D) {
  if (const auto *P = dyn_cast<ParmVarDecl>(D))
    return (void)P, PTRCHECK_D_PARAM;
  if (const auto *V = dyn_cast<VarDecl>(D)) {
    if (V->hasLocalStorage())
      return PTRCHECK_D_LOCAL;
    return V->isStaticLocal() ? PTRCHECK_D_STATIC_LOCAL : PTRCHECK_D_GLOBAL;
  }
  if (isa<FunctionDecl>(D))
    return PTRCHECK_D_FUNCTION;
  if (isa<FieldDecl>(D))
    return PTRCHECK_D_FIELD;
  if (isa<EnumConstantDecl>(D))
    return PTRCHECK_D_ENUMERATOR;
  return PTRCHECK_D_NONE;
}

ptrcheck_expr_t *ExprFacts::expr(const Expr *X, int Depth) {
  X = X->IgnoreParens();
  unsigned N = 0;
  const Expr *Kids[3] = {nullptr, nullptr, nullptr};
  const CallExpr *Call = nullptr;
  if (Depth < MaxDepth) {
    if (const auto *C = dyn_cast<CastExpr>(X)) {
      Kids[N++] = C->getSubExpr();
    } else if (const auto *B = dyn_cast<BinaryOperator>(X)) {
      Kids[N++] = B->getLHS();
      Kids[N++] = B->getRHS();
    } else if (const auto *U = dyn_cast<UnaryOperator>(X)) {
      Kids[N++] = U->getSubExpr();
    } else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(X)) {
      Kids[N++] = CO->getCond();
      Kids[N++] = CO->getTrueExpr();
      Kids[N++] = CO->getFalseExpr();
    } else if (const auto *M = dyn_cast<MemberExpr>(X)) {
      Kids[N++] = M->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(X)) {
      Kids[N++] = AS->getBase();
      Kids[N++] = AS->getIdx();
    } else if ((Call = dyn_cast<CallExpr>(X))) {
      N = 1 + Call->getNumArgs();
      if (N > 9)
        N = 9;
    }
  }
  ptrcheck_expr_t *R = ptrcheck_ast_new_expr(E, N);
  if (!R)
    return nullptr;
  if (X == MarkX)
    MarkR = R;
  // lazy: the engine resolves a place only when a finding names it (SourceLocs)
  R->loc = SourceLocs::lazy(X->getExprLoc());
  R->begin = SourceLocs::lazy(X->getBeginLoc());
  R->end = endLoc(X->getEndLoc());
  R->in_macro = X->getBeginLoc().isMacroID() || X->getEndLoc().isMacroID() || X->getExprLoc().isMacroID();
  type(X->getType(), R->type);
  if (!X->isValueDependent() && (R->type.kind == PTRCHECK_T_INT || R->type.kind == PTRCHECK_T_BOOL) &&
      !isa<DeclRefExpr>(X)) {
    Expr::EvalResult Res;
    if (X->EvaluateAsInt(Res, Ctx)) {
      R->has_value = 1;
      R->value = Res.Val.getInt().getExtValue();
    }
  }
  if (const auto *C = dyn_cast<CastExpr>(X)) {
    R->kind = PTRCHECK_E_CAST;
    R->cast = castKind(C->getCastKind(), C->getType());
    R->implicit = isa<ImplicitCastExpr>(C);
    if (const auto *EC = dyn_cast<ExplicitCastExpr>(C))
      if (const TypeSourceInfo *TSI = EC->getTypeInfoAsWritten())
        if (TSI->getTypeLoc().getBeginLoc().isMacroID())
          R->type_macro = SourceLocs::lazy(TSI->getTypeLoc().getBeginLoc());
    if (const auto *CS = dyn_cast<CStyleCastExpr>(C)) {
      if (!CS->getLParenLoc().isMacroID() && !CS->getRParenLoc().isMacroID()) {
        R->type_begin = SourceLocs::lazy(CS->getLParenLoc());
        R->type_end = SourceLocs::lazy(CS->getRParenLoc().getLocWithOffset(1));
      }
      // (__PTRDIFF_TYPE__)p, (__INTPTR_TYPE__)p: the compiler's own macros name the
      // pointer-sized type of whatever target is compiled for.
      if (R->type.kind == PTRCHECK_T_INT && writtenWithBuiltinMacro(CS) &&
          R->type.bits == Ctx.getTypeSize(Ctx.VoidPtrTy))
        R->type.rank = PTRCHECK_R_PTRSIZED;
    }
    // `(T)p` in a template instantiated with `uint64_t`: the instantiation's type is the canonical
    // `unsigned long`; the argument as written (a typedef another target defines differently) is
    // not known from it, so only the compiling target is judged, unless the substitution kept the
    // argument's typedef.
    if (const auto *EC = dyn_cast<ExplicitCastExpr>(C))
      if (R->type.kind == PTRCHECK_T_INT)
        if (const SubstTemplateTypeParmType *ST = substitutedParameter(EC)) {
          QualType Rep = ST->getReplacementType();
          if (Rep->getAs<TypedefType>())
            type(Rep, R->type);
          else
            R->type.per_target_unknown = 1;
        }
  } else if (const auto *B = dyn_cast<BinaryOperator>(X)) {
    R->kind = PTRCHECK_E_BINARY;
    if (B->isAssignmentOp()) {
      R->op = PTRCHECK_OP_ASSIGN;
      R->compound_op = B->isCompoundAssignmentOp() ? binOp(B->getOpcode()) : PTRCHECK_OP_NONE;
    } else {
      R->op = binOp(B->getOpcode());
      R->cmp = cmpOp(B->getOpcode());
    }
  } else if (const auto *U = dyn_cast<UnaryOperator>(X)) {
    R->kind = PTRCHECK_E_UNARY;
    R->op = unOp(U->getOpcode());
  } else if (isa<IntegerLiteral>(X) || isa<CharacterLiteral>(X)) {
    R->kind = PTRCHECK_E_INT;
  } else if (const auto *DR = dyn_cast<DeclRefExpr>(X)) {
    R->kind = PTRCHECK_E_DECLREF;
    R->name = str(DR->getDecl()->getQualifiedNameAsString()); // locals stay unqualified
    R->decl_kind = declKind(DR->getDecl());
    R->decl_loc = SourceLocs::lazy(DR->getDecl()->getLocation());
    // `const uintptr_t adjust = ...;`, or a local nothing changes after it: the value the name
    // stands for (the round-trip check recognises alignment written through such locals)
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    if (VD && Depth < MaxDepth && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
        (VD->getType()->isIntegerType() || bytePointerToObject(VD)) && VD->getInit() &&
        !VD->getType()->isReferenceType() && (VD->getType().isConstQualified() || unchangedLocal(VD)))
      R->init = expr(VD->getInit(), Depth + 1);
  } else if (const auto *M = dyn_cast<MemberExpr>(X)) {
    R->kind = PTRCHECK_E_MEMBER;
    R->name = str(M->getMemberDecl()->getNameAsString());
    R->decl_kind = declKind(M->getMemberDecl());
    R->decl_loc = SourceLocs::lazy(M->getMemberDecl()->getLocation());
    if (const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl()))
      if (FD->isBitField())
        R->bit_width = ptrcheck_compat::bitWidth(Ctx, FD);
  } else if (Call) {
    R->kind = PTRCHECK_E_CALL;
    if (const FunctionDecl *FD = Call->getDirectCallee())
      R->name = str(FD->getQualifiedNameAsString());
  } else if (isa<AbstractConditionalOperator>(X)) {
    R->kind = PTRCHECK_E_CONDITIONAL;
  } else if (isa<ArraySubscriptExpr>(X)) {
    R->kind = PTRCHECK_E_SUBSCRIPT;
  } else if (isa<StringLiteral>(X)) {
    R->kind = PTRCHECK_E_STRING;
  } else if (isa<InitListExpr>(X)) {
    R->kind = PTRCHECK_E_INITLIST;
  } else if (isa<CompoundLiteralExpr>(X)) {
    R->kind = PTRCHECK_E_COMPOUND_LITERAL;
  } else if (const auto *UT = dyn_cast<UnaryExprOrTypeTraitExpr>(X)) {
    R->kind = PTRCHECK_E_SIZEOF;
    traitFacts(UT, R);
  } else if (const auto *OO = dyn_cast<OffsetOfExpr>(X)) {
    R->kind = PTRCHECK_E_OFFSETOF;
    offsetofFacts(OO, R);
  }
  if (const auto *UT = dyn_cast<UnaryExprOrTypeTraitExpr>(X))
    sizeofOperand(UT, R);
  if (Call) {
    R->kids[0] = expr(Call->getCallee(), Depth + 1);
    for (unsigned I = 1; I < N; ++I)
      R->kids[I] = expr(Call->getArg(I - 1), Depth + 1);
  } else {
    for (unsigned I = 0; I < N; ++I)
      R->kids[I] = expr(Kids[I], Depth + 1);
  }
  return R;
}

void ExprFacts::traitFacts(const UnaryExprOrTypeTraitExpr *UT, ptrcheck_expr_t *R) {
  if (UT->getKind() == UETT_SizeOf)
    R->trait = PTRCHECK_TRAIT_SIZEOF;
  else if (UT->getKind() == UETT_AlignOf)
    R->trait = PTRCHECK_TRAIT_ALIGNOF;
  else
    return;
  if (!DescribeRecords)
    return;
  QualType T = UT->isArgumentType() ? UT->getArgumentType() : UT->getArgumentExpr()->getType();
  R->record = Records.describe(RecordDescriber::recordOf(T));
}

void ExprFacts::offsetofFacts(const OffsetOfExpr *OO, ptrcheck_expr_t *R) {
  if (!DescribeRecords)
    return;
  const RecordDecl *RD = RecordDescriber::recordOf(OO->getTypeSourceInfo()->getType());
  if (!RD)
    return;
  std::string Path;
  for (unsigned I = 0; I < OO->getNumComponents(); ++I) {
    const OffsetOfNode &N = OO->getComponent(I);
    if (N.getKind() != OffsetOfNode::Field)
      return; // array subscripts: not described
    const FieldDecl *F = N.getField();
    if (!F->getIdentifier())
      continue; // member of an anonymous struct/union: flattened into its parent
    if (!Path.empty())
      Path += '.';
    Path += F->getName().str();
  }
  R->record = Records.describe(RD);
  R->field_path = str(Path);
}

void ExprFacts::sizeofOperand(const UnaryExprOrTypeTraitExpr *UT, ptrcheck_expr_t *R) {
  // sizeof(name): which variable, so that `{msg, sizeof(msg)}` can be recognised
  if (UT->getKind() != UETT_SizeOf || UT->isArgumentType())
    return;
  if (const auto *DR = dyn_cast<DeclRefExpr>(UT->getArgumentExpr()->IgnoreParens())) {
    R->name = str(DR->getDecl()->getQualifiedNameAsString()); // locals stay unqualified
    R->decl_kind = declKind(DR->getDecl());
    R->decl_loc = SourceLocs::lazy(DR->getDecl()->getLocation());
  }
}

} // namespace ptrcheck
