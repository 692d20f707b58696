// AST -> facts translation and the one code-generation-order walk (see AstFacts.h); the per-check
// collectors of facts/<id>.cpp hook into the walk (WalkHooks.h).
#include "AstFacts.h"
#include "PPFacts.h"
#include "RecordFacts.h"
#include "WalkHooks.h"
#define PTRCHECK_COMPAT_AST
#include "ptrcheck_compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/raw_ostream.h"
#include "ptrcheck/slice.h"

#include <algorithm>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace clang;

namespace ptrcheck {

SourceLocation toSourceLocation(const SourceManager &SM, const ptrcheck_loc_t &L) {
  if (L.raw)
    return SourceLocation::getFromRawEncoding(static_cast<SourceLocation::UIntTy>(L.raw - 1));
  if (!L.file || !L.line)
    return SourceLocation();
  auto &Mutable = const_cast<SourceManager &>(SM);
  auto Ref = Mutable.getFileManager().getFileRef(L.file);
  if (!Ref) {
    llvm::consumeError(Ref.takeError());
    return SourceLocation();
  }
  SourceLocation R = Mutable.translateFileLineCol(&Ref->getFileEntry(), L.line, L.col ? L.col : 1);
  if (R.isInvalid()) { // a file clang never read (e.g. a layout table named in .ptrcheck.yaml)
    FileID FID = Mutable.createFileID(*Ref, SourceLocation(), SrcMgr::C_User);
    R = Mutable.translateLineCol(FID, L.line, L.col ? L.col : 1);
  }
  return R;
}

namespace {

const int MaxDepth = 32;

class Facts {
public:
  Facts(ASTContext &Ctx, ptrcheck_engine_t *E, const AnalyzeOptions &Opts)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), E(E), Opts(Opts), Mangler(Ctx.createMangleContext()),
        ShowSystemHeaders(ptrcheck_engine_config(E)->system_headers != 0),
        WantsStaticAssert(ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_STATIC_ASSERT)),
        WantsOffset(ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_OFFSET)),
        WantsRecord(ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_RECORD)),
        WantsPtrToInt(ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_PTR_TO_INT)), Records(Ctx, E, Opts.PP), Locs(SM, E) {
    ptrcheck_engine_set_loc_resolver(E, &SourceLocs::resolve, &Locs);
    if (auto H = stackEscapeHooks(Ctx, E, Locs, Opts.EscapeSites))
      Hooks.push_back(std::move(H));
  }
  ~Facts() { ptrcheck_engine_set_loc_resolver(E, nullptr, nullptr); } // lazy locations are AST facts only

  void run() {
    if (Opts.PP && Opts.PP->WindowsLoc.isValid())
      ptrcheck_engine_note_windows_intent(E, loc(Opts.PP->WindowsLoc), Opts.PP->WindowsWhat.c_str());
    if (Opts.PP)
      for (const PPRecord::NonWindows &R : Opts.PP->NonWin) {
        ptrcheck_loc_t B = loc(R.Begin), En = loc(R.End);
        if (B.file && En.file && std::strcmp(B.file, En.file) == 0)
          ptrcheck_engine_note_non_windows(E, B.file, B.line, En.line, R.Undefined);
      }
    ptrcheck_ast_on_tu_begin(E, Ctx.getTargetInfo().getTriple().str().c_str());
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      decl(D);
    drainLambdas(); // those in file-scope initialisers
    if (const char *Dump = std::getenv("PTRCHECK_DUMP_LAYOUTS"))
      dumpLayouts(Dump);
  }

private:
  ASTContext &Ctx;
  SourceManager &SM;
  ptrcheck_engine_t *E;
  AnalyzeOptions Opts;
  std::unique_ptr<MangleContext> Mangler;
  bool ShowSystemHeaders;
  std::vector<const CXXMethodDecl *> Lambdas; // call operators met in the function being walked
  llvm::SmallPtrSet<const RecordDecl *, 32> RecordsSeen;
  ptrcheck_ast_fn_t Fn{};
  bool Sites = false;
  // What the enabled checks want (ptrcheck_ast_wants): fixed for the translation unit, asked once
  // here rather than on every expression.
  bool WantsStaticAssert, WantsOffset, WantsRecord, WantsPtrToInt;
  RecordDescriber Records;                            // ptrcheck-offset-assumption
  SourceLocs Locs;
  std::vector<std::unique_ptr<WalkHooks>> Hooks;      // the per-check collectors on this walk
  bool HooksOn = false; // walking code the function emits (not a static local's initialiser)
  llvm::SmallPtrSet<const Expr *, 8> OffsetArithSeen; // arithmetic already described with its context

  // ------------------------------------------------------------------ locations
  ptrcheck_loc_t loc(SourceLocation L) { return Locs.full(L); }

  ptrcheck_loc_t endLoc(SourceLocation L) {
    if (L.isInvalid() || L.isMacroID())
      return ptrcheck_loc_t{};
    return loc(Lexer::getLocForEndOfToken(L, 0, SM, Ctx.getLangOpts()));
  }

  const char *str(const std::string &S) { return ptrcheck_ast_strdup(E, S.data(), S.size()); }

  // ------------------------------------------------------------------ types
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

  unsigned long long bytesOf(QualType T) {
    if (T.isNull() || T->isIncompleteType() || T->isDependentType() || !T->isConstantSizeType() ||
        T->isFunctionType() || T->isVoidType())
      return 0;
    return static_cast<unsigned long long>(Ctx.getTypeSizeInChars(T).getQuantity());
  }

  void type(QualType T, ptrcheck_type_t &Out) {
    Out = ptrcheck_type_t{};
    if (T.isNull())
      return;
    Out.kind = kindOf(T);
    Out.spelling = str(T.getAsString(Ctx.getPrintingPolicy()));
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
      QualType P = Out.kind == PTRCHECK_T_POINTER ? T->getPointeeType()
                                                  : QualType(T->getPointeeOrArrayElementType(), 0);
      if (Out.kind == PTRCHECK_T_ARRAY) {
        if (const auto *CAT = Ctx.getAsConstantArrayType(T)) {
          P = CAT->getElementType();
          Out.array_len = CAT->getSize().getZExtValue();
        }
      }
      Out.pointee_const = P.isConstQualified();
      Out.pointee_bytes = static_cast<unsigned>(bytesOf(P));
      Out.pointee_spelling = str(P.getAsString(Ctx.getPrintingPolicy()));
      Out.pointee_kind = kindOf(P);
    }
  }

  bool writtenWithBuiltinMacro(const CStyleCastExpr *CS) {
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

  // ------------------------------------------------------------------ expressions
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

  static ptrcheck_cast_t castKind(CastKind K) {
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

  static ptrcheck_declkind_t declKind(const ValueDecl *D) {
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

  ptrcheck_expr_t *expr(const Expr *X, int Depth) {
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
    R->loc = loc(X->getExprLoc());
    R->begin = loc(X->getBeginLoc());
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
      R->cast = castKind(C->getCastKind());
      R->implicit = isa<ImplicitCastExpr>(C);
      if (const auto *CS = dyn_cast<CStyleCastExpr>(C)) {
        if (!CS->getLParenLoc().isMacroID() && !CS->getRParenLoc().isMacroID()) {
          R->type_begin = loc(CS->getLParenLoc());
          R->type_end = loc(CS->getRParenLoc().getLocWithOffset(1));
        }
        // (__PTRDIFF_TYPE__)p, (__INTPTR_TYPE__)p: the compiler's own macros name the
        // pointer-sized type of whatever target is compiled for.
        if (R->type.kind == PTRCHECK_T_INT && writtenWithBuiltinMacro(CS) &&
            R->type.bits == Ctx.getTypeSize(Ctx.VoidPtrTy))
          R->type.rank = PTRCHECK_R_PTRSIZED;
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
      R->decl_loc = loc(DR->getDecl()->getLocation());
      // `const uintptr_t adjust = ...;`: the value the name stands for (the round-trip check
      // recognises alignment written through such locals)
      const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
      if (VD && Depth < MaxDepth && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
          VD->getType().isConstQualified() && VD->getType()->isIntegerType() && VD->getInit())
        R->init = expr(VD->getInit(), Depth + 1);
    } else if (const auto *M = dyn_cast<MemberExpr>(X)) {
      R->kind = PTRCHECK_E_MEMBER;
      R->name = str(M->getMemberDecl()->getNameAsString());
      R->decl_kind = declKind(M->getMemberDecl());
      R->decl_loc = loc(M->getMemberDecl()->getLocation());
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
      sliceSizeofOperand(UT, R);
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

  // ------------------------------------------------------------------ ptrcheck-offset-assumption
  // Describes hard-coded byte offsets (`(char *)p + 24` and its context), sizeof/_Alignof/offsetof of
  // records, and static assertions; plugin/engine + checks/offset-assumption.c decide.
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

  void traitFacts(const UnaryExprOrTypeTraitExpr *UT, ptrcheck_expr_t *R) {
    if (UT->getKind() == UETT_SizeOf)
      R->trait = PTRCHECK_TRAIT_SIZEOF;
    else if (UT->getKind() == UETT_AlignOf)
      R->trait = PTRCHECK_TRAIT_ALIGNOF;
    else
      return;
    QualType T = UT->isArgumentType() ? UT->getArgumentType() : UT->getArgumentExpr()->getType();
    R->record = Records.describe(RecordDescriber::recordOf(T));
  }

  void offsetofFacts(const OffsetOfExpr *OO, ptrcheck_expr_t *R) {
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

  void staticAssertFact(const StaticAssertDecl *SA) {
    if (!WantsStaticAssert || inSystemHeader(SA->getLocation()))
      return;
    const Expr *Cond = SA->getAssertExpr();
    if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent())
      return;
    if (ptrcheck_expr_t *X = expr(Cond, 0)) {
      CharSourceRange Range = SM.getExpansionRange(Cond->getSourceRange()); // offsetof is a macro
      if (SM.getFileID(Range.getBegin()) == SM.getFileID(Range.getEnd()))
        X->text = str(Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str());
      ptrcheck_ast_on_static_assert(E, &Fn, X, loc(SA->getLocation()));
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
  static const BinaryOperator *byteArith(const Expr *X) {
    const auto *B = dyn_cast<BinaryOperator>(X->IgnoreParens());
    if (!B || (B->getOpcode() != BO_Add && B->getOpcode() != BO_Sub) || !isBytePointer(B->getType()))
      return nullptr;
    bool L = B->getLHS()->getType()->isPointerType(), R = B->getRHS()->getType()->isPointerType();
    return L != R ? B : nullptr;
  }

  void offsetFacts(const Expr *X) {
    if (!WantsOffset)
      return;
    if (const auto *C = dyn_cast<CastExpr>(X)) {
      if (!C->getType()->isPointerType())
        return;
      if (const BinaryOperator *A = byteArith(C->getSubExpr())) {
        bool NoAccess = isa<ImplicitCastExpr>(C) && isBytePointer(C->getType());
        offsetFact(A, NoAccess ? QualType() : C->getType()->getPointeeType(), 0, false);
      }
    } else if (const auto *Call = dyn_cast<CallExpr>(X)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD || !FD->getIdentifier() || Call->getNumArgs() != 3)
        return;
      llvm::StringRef N = FD->getName();
      N.consume_front("__builtin_");
      if (N != "memcpy" && N != "memmove" && N != "memcmp")
        return;
      unsigned long long Size = 0;
      Expr::EvalResult Res;
      if (!Call->getArg(2)->isValueDependent() && Call->getArg(2)->EvaluateAsInt(Res, Ctx))
        Size = Res.Val.getInt().getZExtValue();
      for (unsigned I = 0; I < 2; ++I)
        if (const BinaryOperator *A = byteArith(Call->getArg(I)->IgnoreParenImpCasts()))
          offsetFact(A, QualType(), Size, true);
    } else if (const BinaryOperator *A = byteArith(X)) {
      if (A == X)
        offsetFact(A, QualType(), 0, false);
    }
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
    F.base_record = Records.describe(RecordDescriber::recordOf(Pointee));
    F.base_pointee_spelling = str(Pointee.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()));
    F.base_pointee_bytes = bytesOf(Pointee);
    F.via_memcpy = ViaMemcpy;
    F.offsetof_defined = Ctx.Idents.get("offsetof").hasMacroDefinition();
    F.access_bytes = AccessBytes;
    if (!Access.isNull()) {
      F.access_bytes = bytesOf(Access);
      F.access_spelling = str(Access.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()));
      if (const RecordDecl *RD = RecordDescriber::recordOf(Access)) {
        F.result_record = Records.describe(RD);
        F.member = memberPath(Operand, RD);
      }
    }
    F.arith = expr(A, 0);
    if (F.arith)
      ptrcheck_ast_on_offset(E, &Fn, &F);
    ptrcheck_ast_reset(E);
  }

  // `&x->a.b` where x points to RD: "a.b"; NULL otherwise.
  const char *memberPath(const Expr *X, const RecordDecl *RD) {
    const auto *U = dyn_cast<UnaryOperator>(X);
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

  // PTRCHECK_DUMP_LAYOUTS=FILE: the engine's computed layouts of every named record defined in the
  // main file, as a layout table (cross-validated against `ptrcheck layout gen` in the tests).
  void collectRecords(const DeclContext *DC, std::vector<const ptrcheck_rdesc_t *> &Out,
                      llvm::SmallPtrSet<const RecordDecl *, 16> &Seen) {
    for (const Decl *D : DC->decls()) {
      const auto *RD = dyn_cast<RecordDecl>(D);
      if (!RD || !RD->isThisDeclarationADefinition())
        continue;
      if (SM.isInMainFile(SM.getExpansionLoc(RD->getLocation())) && !RecordDescriber::recordName(RD).empty() &&
          Seen.insert(RD).second)
        if (const ptrcheck_rdesc_t *R = Records.describe(RD))
          Out.push_back(R);
      collectRecords(RD, Out, Seen);
    }
  }

  void dumpLayouts(const char *Path) {
    std::vector<const ptrcheck_rdesc_t *> Recs;
    llvm::SmallPtrSet<const RecordDecl *, 16> Seen;
    collectRecords(Ctx.getTranslationUnitDecl(), Recs, Seen);
    ptrcheck_error_t Err;
    ptrcheck_error_clear(&Err);
    if (!ptrcheck_ast_dump_layouts(E, Recs.data(), Recs.size(), Path, &Err))
      llvm::errs() << "ptrcheck: " << Err.message << "\n";
  }

  // ------------------------------------------------------------------ ptrcheck-slice-forge (ptrcheck/slice.h)
  // Describes initialisers, assignments and field writes of slice header records, and memory
  // reinterpreted as one; checks/slice-forge.c decides which records are headers and what is wrong.
  llvm::DenseMap<const RecordDecl *, bool> SliceRecords;
  llvm::DenseMap<const RecordDecl *, std::vector<std::string>> SliceTypedefs;
  bool SliceTypedefsScanned = false;
  llvm::SmallPtrSet<const Expr *, 8> SliceInitsDone; // initialisers already described with their variable
  const Stmt *SliceBody = nullptr;
  std::unique_ptr<ParentMap> SlicePM;
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
    if (!RD || !WantsRecord)
      return false;
    auto It = SliceRecords.find(RD);
    if (It != SliceRecords.end())
      return It->second;
    bool Yes = false;
    {
      ptrcheck_srecord_t R{};
      std::vector<ptrcheck_sfield_t> Fields;
      std::vector<const char *> Typedefs;
      sliceDescribe(RD, R, Fields, Typedefs);
      Yes = ptrcheck_ast_on_record(E, &R) != 0;
      ptrcheck_ast_reset(E);
    }
    SliceRecords[RD] = Yes;
    return Yes;
  }

  void sliceDescribe(const RecordDecl *RD, ptrcheck_srecord_t &R, std::vector<ptrcheck_sfield_t> &Fields,
                     std::vector<const char *> &Typedefs) {
    if (!SliceTypedefsScanned)
      sliceScanTypedefs();
    R.id = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(RD));
    if (RD->getIdentifier())
      R.tag = str((RD->isUnion() ? "union " : "struct ") + RD->getNameAsString());
    auto It = SliceTypedefs.find(RD);
    if (It != SliceTypedefs.end())
      for (const std::string &N : It->second)
        Typedefs.push_back(str(N));
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl()) {
      std::string N = TD->getNameAsString();
      bool Have = false;
      for (const char *T : Typedefs)
        Have = Have || N == T;
      if (!Have)
        Typedefs.insert(Typedefs.begin(), str(N));
    }
    R.typedefs = Typedefs.data();
    R.ntypedefs = static_cast<unsigned>(Typedefs.size());
    R.ir_name = str(recordIRName(RD));
    R.is_union = RD->isUnion();
    R.bytes = bytesOf(ptrcheck_compat::recordType(Ctx, RD));
    R.loc = loc(RD->getLocation());
    const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      ptrcheck_sfield_t SF{};
      SF.name = str(F->getNameAsString());
      type(F->getType(), SF.type);
      SF.offset = Layout.getFieldOffset(I++) / 8;
      SF.is_bitfield = F->isBitField();
      Fields.push_back(SF);
    }
    R.fields = Fields.data();
    R.nfields = static_cast<unsigned>(Fields.size());
  }

  // The conditional arms / loop bodies enclosing S in the current function (outermost first).
  ptrcheck_flow_t sliceFlow(const Stmt *S) {
    ptrcheck_flow_t F{};
    SliceArms.clear();
    if (!SliceBody)
      return F;
    if (SliceUnordered < 0)
      SliceUnordered = containsLabel(SliceBody);
    if (!SlicePM)
      SlicePM.reset(new ParentMap(const_cast<Stmt *>(SliceBody)));
    const Stmt *C = S;
    for (const Stmt *P = SlicePM->getParent(C); P; C = P, P = SlicePM->getParent(P)) {
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

  static const InitListExpr *sliceInitList(const Expr *X) {
    if (!X)
      return nullptr;
    X = X->IgnoreParenImpCasts();
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(X))
      X = CL->getInitializer()->IgnoreParenImpCasts();
    const auto *IL = dyn_cast<InitListExpr>(X);
    if (IL && IL->isSyntacticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    // `T s = {t}` copies t: not an initialiser list of the fields
    if (IL && IL->getNumInits() == 1 && IL->getInit(0)->getType()->isRecordType())
      return nullptr;
    return IL;
  }

  void sliceWrite(ptrcheck_record_write_t &W, const RecordDecl *RD, const Stmt *At) {
    ptrcheck_srecord_t R{};
    std::vector<ptrcheck_sfield_t> Fields;
    std::vector<const char *> Typedefs;
    sliceDescribe(RD, R, Fields, Typedefs);
    W.record = &R;
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
      Values.push_back(V && !isa<ImplicitValueInitExpr>(V) ? expr(V, 0) : nullptr);
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
    if (!Init || V->getType()->isDependentType() || inSystemHeader(V->getLocation()))
      return;
    const RecordDecl *RD = sliceRecordOf(V->getType());
    if (!sliceRecord(RD))
      return;
    if (const InitListExpr *IL = sliceInitList(Init)) {
      SliceInitsDone.insert(IL);
      sliceInit(RD, IL, sliceVarRef(V), loc(V->getLocation()), Init);
    } else {
      ptrcheck_record_write_t W{};
      W.kind = PTRCHECK_RW_COPY;
      W.object = sliceVarRef(V);
      W.value = expr(Init, 0);
      W.loc = loc(V->getLocation());
      sliceWrite(W, RD, Init);
    }
    ptrcheck_ast_reset(E);
  }

  void sliceInitListStmt(const InitListExpr *IL) {
    if (IL->isSyntacticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    if (SliceInitsDone.count(IL) || IL->isValueDependent() || inSystemHeader(IL->getBeginLoc()))
      return;
    const RecordDecl *RD = sliceRecordOf(IL->getType());
    if (!sliceRecord(RD) || (IL->getNumInits() == 1 && IL->getInit(0)->getType()->isRecordType()))
      return;
    SliceInitsDone.insert(IL);
    sliceInit(RD, IL, nullptr, loc(IL->getLBraceLoc().isValid() ? IL->getLBraceLoc() : IL->getBeginLoc()), IL);
    ptrcheck_ast_reset(E);
  }

  // The field of a slice header a member expression designates (nullptr when not one).
  const FieldDecl *sliceField(const Expr *X, const RecordDecl *&RD, unsigned &Index) {
    const auto *M = dyn_cast<MemberExpr>(X->IgnoreParens());
    const auto *F = M ? dyn_cast<FieldDecl>(M->getMemberDecl()) : nullptr;
    if (!F)
      return nullptr;
    RD = F->getParent()->getDefinition();
    if (!RD || RD->isUnion() || !sliceRecord(RD))
      return nullptr;
    Index = F->getFieldIndex();
    return F;
  }

  void sliceFieldWrite(const Expr *Op, const Expr *Lhs) {
    const RecordDecl *RD = nullptr;
    unsigned Index = 0;
    if (inSystemHeader(Op->getExprLoc()) || !sliceField(Lhs, RD, Index))
      return;
    const auto *M = cast<MemberExpr>(Lhs->IgnoreParens());
    ptrcheck_record_write_t W{};
    W.kind = PTRCHECK_RW_FIELD;
    W.field = Index;
    W.via_pointer = M->isArrow();
    const Expr *Base = M->getBase()->IgnoreParenImpCasts();
    if (isa<DeclRefExpr>(Base))
      W.object = expr(M->isArrow() ? M->getBase() : Base, 0);
    W.value = expr(Op, 0);
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
    if (!B->isAssignmentOp() || B->isTypeDependent() || inSystemHeader(B->getExprLoc()))
      return;
    const RecordDecl *RD = sliceRecordOf(B->getLHS()->getType());
    if (!RD || B->isCompoundAssignmentOp()) {
      sliceFieldWrite(B, B->getLHS());
      return;
    }
    if (!sliceRecord(RD))
      return;
    const Expr *L = B->getLHS()->IgnoreParenImpCasts();
    ptrcheck_expr_t *Object = isa<DeclRefExpr>(L) ? expr(L, 0) : nullptr;
    if (const InitListExpr *IL = sliceInitList(B->getRHS())) {
      SliceInitsDone.insert(IL);
      sliceInit(RD, IL, Object, loc(B->getRHS()->IgnoreParenImpCasts()->getBeginLoc()), B);
    } else {
      ptrcheck_record_write_t W{};
      W.kind = PTRCHECK_RW_COPY;
      W.object = Object;
      W.value = expr(B->getRHS(), 0);
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
    const Expr *X = U->getSubExpr()->IgnoreParens();
    const RecordDecl *RD = nullptr;
    unsigned Index = 0;
    const DeclRefExpr *DR = nullptr;
    if (sliceField(X, RD, Index)) {
      const auto *M = cast<MemberExpr>(X);
      if (!M->isArrow())
        DR = dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts());
    } else if ((DR = dyn_cast<DeclRefExpr>(X))) {
      RD = sliceRecordOf(DR->getType());
      if (!sliceRecord(RD))
        DR = nullptr;
    }
    if (!DR || !RD)
      return;
    ptrcheck_record_write_t W{};
    W.kind = PTRCHECK_RW_ESCAPE;
    W.object = expr(DR, 0);
    W.loc = loc(U->getExprLoc());
    sliceWrite(W, RD, U);
    ptrcheck_ast_reset(E);
  }

  const RecordDecl *slicePointee(QualType T) {
    const auto *PT = T.isNull() ? nullptr : T.getCanonicalType()->getAs<PointerType>();
    const RecordDecl *RD = PT ? sliceRecordOf(PT->getPointeeType()) : nullptr;
    return sliceRecord(RD) ? RD : nullptr;
  }

  void sliceReinterpret(const RecordDecl *RD, const Expr *X) {
    ptrcheck_srecord_t R{};
    std::vector<ptrcheck_sfield_t> Fields;
    std::vector<const char *> Typedefs;
    sliceDescribe(RD, R, Fields, Typedefs);
    if (ptrcheck_expr_t *F = expr(X, 0))
      ptrcheck_ast_on_reinterpret(E, &Fn, &R, F);
    ptrcheck_ast_reset(E);
  }

  void sliceCast(const CastExpr *C) {
    if (!isa<ExplicitCastExpr>(C) || C->getCastKind() != CK_BitCast || C->isTypeDependent() ||
        inSystemHeader(C->getExprLoc()))
      return;
    if (const RecordDecl *RD = slicePointee(C->getType()))
      sliceReinterpret(RD, C);
  }

  void sliceCall(const CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier() || Call->getNumArgs() != 3 || inSystemHeader(Call->getExprLoc()))
      return;
    llvm::StringRef N = FD->getName();
    N.consume_front("__builtin_");
    if (N != "memcpy" && N != "memmove")
      return;
    if (const RecordDecl *RD = slicePointee(Call->getArg(0)->IgnoreParenImpCasts()->getType()))
      sliceReinterpret(RD, Call);
  }

  void sliceSizeofOperand(const UnaryExprOrTypeTraitExpr *UT, ptrcheck_expr_t *R) {
    // sizeof(name): which variable, so that `{msg, sizeof(msg)}` can be recognised
    if (UT->getKind() != UETT_SizeOf || UT->isArgumentType())
      return;
    if (const auto *DR = dyn_cast<DeclRefExpr>(UT->getArgumentExpr()->IgnoreParens())) {
      R->name = str(DR->getDecl()->getQualifiedNameAsString()); // locals stay unqualified
      R->decl_kind = declKind(DR->getDecl());
      R->decl_loc = loc(DR->getDecl()->getLocation());
    }
  }

  void sliceFunctionBegin(const Stmt *Body) {
    SliceBody = Body;
    SlicePM.reset();
    SliceUnordered = -1;
    SliceInitsDone.clear();
  }

  void sliceFunctionEnd() {
    ptrcheck_ast_on_function_end(E, &Fn);
    sliceFunctionBegin(nullptr);
  }

  // ------------------------------------------------------------------ sites
  void site(ptrcheck_site_kind_t K, SourceLocation L, const char *Name = nullptr, unsigned long long Bytes = 0,
            unsigned Flags = 0) {
    if (!Sites)
      return;
    ptrcheck_site_t S{};
    S.loc = loc(L);
    S.name = Name;
    S.bytes = Bytes;
    S.flags = Flags;
    ptrcheck_sites_add(E, K, &S);
  }

  void localSite(const VarDecl *V, unsigned Flags) {
    if (!Sites)
      return;
    QualType T = V->getType();
    if (T->isVariableArrayType())
      Flags |= PTRCHECK_SITE_F_VLA;
    if (T->isArrayType())
      Flags |= PTRCHECK_SITE_F_ARRAY;
    if ((Flags & PTRCHECK_SITE_F_PARAM) && T->isRecordType())
      Flags |= PTRCHECK_SITE_F_AGGREGATE;
    if (!(Flags & PTRCHECK_SITE_F_PARAM) && V->isNRVOVariable())
      Flags |= PTRCHECK_SITE_F_NRVO;
    std::string Name = V->getNameAsString();
    site(PTRCHECK_SITE_LOCAL, V->getLocation(), Name.c_str(), bytesOf(T), Flags);
  }

  static std::string recordIRName(const RecordDecl *RD) {
    std::string Name = RD->isUnion() ? "union." : (RD->isClass() ? "class." : "struct.");
    if (RD->getIdentifier())
      Name += RD->getQualifiedNameAsString();
    else if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Name += TD->getQualifiedNameAsString();
    else
      Name += "anon";
    return Name;
  }

  void recordFields(const RecordDecl *RD) {
    if (!RD || !Sites || RD->isInvalidDecl() || RD->isDependentType())
      return;
    RD = RD->getDefinition();
    if (!RD || !RecordsSeen.insert(RD).second)
      return;
    const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
    std::string IRName = recordIRName(RD);
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      unsigned long long Off = Layout.getFieldOffset(I++) / 8;
      if (F->isBitField())
        continue;
      std::string FName = F->getNameAsString();
      if (!FName.empty())
        ptrcheck_sites_add_record_field(E, IRName.c_str(), Off, FName.c_str());
    }
  }

  // Clang's code generator numbers unnamed types with no mangling number (the closure of a lambda in
  // a non-inline function: "$_0") in its own emission order, which this walk cannot reproduce: such
  // a symbol may name another lambda's IR, so it gets no site table (a missing mapping, never a wrong
  // one).  Lambdas in inline functions and templates have mangling numbers and are reliable.
  static bool reliableSymbol(const std::string &Sym) { return Sym.find("$_") == std::string::npos; }

  std::string symbolName(const FunctionDecl *FD) {
    if (const auto *A = FD->getAttr<AsmLabelAttr>())
      return "\x01" + A->getLabel().str();
    if (Mangler && Mangler->shouldMangleDeclName(FD)) {
      std::string S;
      llvm::raw_string_ostream OS(S);
      if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
        Mangler->mangleName(GlobalDecl(CD, Ctor_Complete), OS);
      else if (const auto *DD = dyn_cast<CXXDestructorDecl>(FD))
        Mangler->mangleName(GlobalDecl(DD, Dtor_Complete), OS);
      else
        Mangler->mangleName(GlobalDecl(FD), OS);
      return OS.str();
    }
    return FD->getNameAsString();
  }

  // ------------------------------------------------------------------ the walk
  void decl(Decl *D) {
    if (auto *LS = dyn_cast<LinkageSpecDecl>(D)) {
      for (Decl *I : LS->decls())
        decl(I);
      return;
    }
    if (auto *NS = dyn_cast<NamespaceDecl>(D)) {
      for (Decl *I : NS->decls())
        decl(I);
      return;
    }
    if (auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      if (RD->isThisDeclarationADefinition() && !RD->isDependentContext())
        for (Decl *I : RD->decls())
          if (isa<FunctionDecl>(I) || isa<FunctionTemplateDecl>(I) || isa<CXXRecordDecl>(I))
            decl(I);
      return;
    }
    // Template instantiations are functions in the IR too: walk the specializations, not the pattern.
    if (auto *FTD = dyn_cast<FunctionTemplateDecl>(D)) {
      for (FunctionDecl *Spec : FTD->specializations())
        decl(Spec);
      return;
    }
    if (auto *CTD = dyn_cast<ClassTemplateDecl>(D)) {
      for (ClassTemplateSpecializationDecl *Spec : CTD->specializations())
        decl(Spec);
      return;
    }
    if (auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->isThisDeclarationADefinition() && FD->hasBody() && !FD->isDependentContext() &&
          !FD->isInvalidDecl()) {
        if (!inSystemHeader(FD->getLocation()))
          function(FD);
        else if (Opts.RecordSites)
          systemFunction(FD);
      }
      return;
    }
    if (auto *SA = dyn_cast<StaticAssertDecl>(D)) {
      staticAssertFact(SA);
      return;
    }
    if (auto *VD = dyn_cast<VarDecl>(D)) {
      if (VD->hasInit() && !VD->getType()->isDependentType() && !inSystemHeader(VD->getLocation())) {
        Fn = ptrcheck_ast_fn_t{};
        Sites = false;
        sliceVarDecl(VD);
        stmt(VD->getInit());
      }
    }
  }

  // Facts in system headers are not collected (their findings would be dropped, as clang drops its own
  // warnings there) unless the configuration asks for findings in system headers.
  bool inSystemHeader(SourceLocation L) {
    return !ShowSystemHeaders && L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
  }

  // An inline function of a system header that code generation may emit: only its location, so the
  // IR findings in it are located there (and dropped as system-header findings) without walking it.
  void systemFunction(const FunctionDecl *FD) {
    std::string Sym = symbolName(FD);
    if (!reliableSymbol(Sym))
      return;
    ptrcheck_sites_begin_function(E, Sym.c_str(), loc(FD->getLocation()));
    ptrcheck_sites_end_function(E);
  }

  void function(const FunctionDecl *FD) {
    std::string Sym = symbolName(FD);
    Fn.name = ptrcheck_engine_intern(E, Sym.c_str());
    Fn.loc = loc(FD->getLocation());
    Sites = Opts.RecordSites && reliableSymbol(Sym);
    if (Sites)
      ptrcheck_sites_begin_function(E, Sym.c_str(), Fn.loc);
    // C++: `this` is the first parameter clang spills (this.addr), before the declared ones.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->isInstance())
      site(PTRCHECK_SITE_LOCAL, FD->getLocation(), "this", Ctx.getTypeSize(Ctx.VoidPtrTy) / 8, PTRCHECK_SITE_F_PARAM);
    for (const ParmVarDecl *P : FD->parameters())
      localSite(P, PTRCHECK_SITE_F_PARAM | escapeParamFlags(FD, P));
    sliceFunctionBegin(FD->getBody());
    for (auto &H : Hooks)
      H->functionBegin(FD, &Fn, Sites);
    FnBody = FD->getBody();
    HooksOn = !Hooks.empty();
    stmt(FD->getBody());
    HooksOn = false;
    FnBody = nullptr;
    UsePM.reset();
    for (auto &H : Hooks)
      H->functionEnd();
    sliceFunctionEnd();
    if (Sites)
      ptrcheck_sites_end_function(E);
    Sites = false;
    Fn = ptrcheck_ast_fn_t{};
    drainLambdas(); // the lambdas it defines (and theirs, in turn)
  }

  void drainLambdas() {
    while (!Lambdas.empty()) {
      const CXXMethodDecl *Op = Lambdas.back();
      Lambdas.pop_back();
      if (Op->hasBody() && !Op->isDependentContext() && !Op->isInvalidDecl() && !inSystemHeader(Op->getLocation()))
        function(Op);
    }
  }

  static bool containsLabel(const Stmt *S) {
    if (!S)
      return false;
    if (isa<LabelStmt>(S) || isa<SwitchCase>(S))
      return true;
    for (const Stmt *C : S->children())
      if (containsLabel(C))
        return true;
    return false;
  }

  // Which arm of a constant condition clang's code generator drops: -1 none, 0 the else/false arm,
  // 1 the then/true arm.
  int deadArm(const Expr *Cond, const Stmt *Then, const Stmt *Else) {
    if (!Cond || Cond->isValueDependent())
      return -1;
    bool B = false;
    if (Cond->HasSideEffects(Ctx) || !Cond->EvaluateAsBooleanCondition(B, Ctx))
      return -1;
    const Stmt *Dead = B ? Else : Then;
    if (containsLabel(Dead))
      return -1;
    return B ? 0 : 1;
  }

  // ------------------------------------------------------------------ ptrcheck-ptr-truncation: how a
  // pointer converted to an integer is used (ptrcheck_ptr_to_int_fact_t)
  std::vector<const Stmt *> Stack; // stmt() ancestors of the statement being visited, innermost last
  const Stmt *FnBody = nullptr;
  std::unique_ptr<ParentMap> UsePM;
  const Expr *MarkX = nullptr;     // expr(): the node to report back in MarkR
  ptrcheck_expr_t *MarkR = nullptr;

  const Stmt *parentOf(const Stmt *S) {
    for (size_t I = Stack.size(); I-- > 1;)
      if (Stack[I] == S)
        return Stack[I - 1];
    if (!FnBody)
      return nullptr;
    if (!UsePM)
      UsePM.reset(new ParentMap(const_cast<Stmt *>(FnBody)));
    return UsePM->getParent(S);
  }

  // Climbs from X through what keeps computing on its value; the outermost such expression.
  const Expr *useTop(const Expr *X, bool &AsCondition) {
    AsCondition = false;
    const Stmt *Cur = X;
    for (int Depth = 0; Depth < 16; ++Depth) {
      const Stmt *P = parentOf(Cur);
      if (!P)
        break;
      bool Up = false;
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)) {
        Up = true;
      } else if (const auto *CS = dyn_cast<CStyleCastExpr>(P)) {
        Up = CS->getType()->isIntegerType();
      } else if (const auto *B = dyn_cast<BinaryOperator>(P)) {
        if (B->isLogicalOp()) {
          AsCondition = true;
          break;
        }
        Up = !B->isAssignmentOp() && B->getOpcode() != BO_Comma;
      } else if (const auto *U = dyn_cast<UnaryOperator>(P)) {
        UnaryOperatorKind K = U->getOpcode();
        Up = K == UO_Not || K == UO_LNot || K == UO_Minus || K == UO_Plus;
      } else if (const auto *CO = dyn_cast<ConditionalOperator>(P)) {
        Up = CO->getCond() == Cur;
      } else if (const auto *I = dyn_cast<IfStmt>(P)) {
        AsCondition = I->getCond() == Cur;
      } else if (const auto *W = dyn_cast<WhileStmt>(P)) {
        AsCondition = W->getCond() == Cur;
      } else if (const auto *D = dyn_cast<DoStmt>(P)) {
        AsCondition = D->getCond() == Cur;
      } else if (const auto *F = dyn_cast<ForStmt>(P)) {
        AsCondition = F->getCond() == Cur;
      }
      if (!Up)
        break;
      Cur = P;
    }
    return cast<Expr>(Cur);
  }

  // The local variable an expression's value is stored in (`long v = E;`, `v = E;`), or NULL.
  const VarDecl *storedInLocal(const Expr *Top) {
    const Stmt *P = parentOf(Top);
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
      if (DS->isSingleDecl())
        if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl()))
          if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) && V->getInit() == Top)
            return V;
      return nullptr;
    }
    if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
      if (B->getOpcode() == BO_Assign && B->getRHS() == Top)
        if (const auto *DR = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParens()))
          if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
            if (V->hasLocalStorage())
              return V;
    return nullptr;
  }

  // Every reference to V in the function body; false when V's address is taken or it is written
  // other than by plain assignment.
  bool localRefs(const VarDecl *V, const Stmt *S, std::vector<const DeclRefExpr *> &Reads, unsigned &Refs) {
    if (!S)
      return true;
    if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
      if (DR->getDecl() != V)
        return true;
      ++Refs;
      const Stmt *P = parentOf(DR);
      while (P && isa<ParenExpr>(P))
        P = parentOf(P);
      if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P))
        if (IC->getCastKind() == CK_LValueToRValue) {
          Reads.push_back(DR);
          return Reads.size() <= 16;
        }
      if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
        if (B->getOpcode() == BO_Assign && B->getLHS()->IgnoreParens() == DR)
          return true; // written; what is written is the value (or another one, judged at its cast)
      return false;    // &v, v++, v += ..., passed by reference
    }
    for (const Stmt *C : S->children())
      if (!localRefs(V, C, Reads, Refs))
        return false;
    return true;
  }

  // A local pointer variable every value of which is an integer converted to a pointer.
  bool boxedLocal(const Expr *Operand) {
    const auto *DR = dyn_cast<DeclRefExpr>(Operand->IgnoreParenImpCasts());
    const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || !FnBody)
      return false;
    std::vector<const Expr *> Values;
    if (V->getInit())
      Values.push_back(V->getInit());
    if (!boxedWrites(V, FnBody, Values) || Values.empty())
      return false;
    for (const Expr *X : Values) {
      const auto *C = dyn_cast<CastExpr>(X->IgnoreParens());
      while (C && C->getCastKind() != CK_IntegralToPointer && (C->getCastKind() == CK_BitCast || C->getCastKind() == CK_NoOp))
        C = dyn_cast<CastExpr>(C->getSubExpr()->IgnoreParens());
      if (!C || C->getCastKind() != CK_IntegralToPointer)
        return false;
      if (madeFromPointer(C->getSubExpr()))
        return false;
    }
    return true;
  }

  static bool madeFromPointer(const Expr *X) {
    X = X->IgnoreParens();
    if (const auto *C = dyn_cast<CastExpr>(X)) {
      if (C->getCastKind() == CK_PointerToIntegral)
        return true;
      return madeFromPointer(C->getSubExpr());
    }
    if (const auto *B = dyn_cast<BinaryOperator>(X))
      return madeFromPointer(B->getLHS()) || madeFromPointer(B->getRHS());
    return false;
  }

  bool boxedWrites(const VarDecl *V, const Stmt *S, std::vector<const Expr *> &Values) {
    if (!S)
      return true;
    if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
      if (DR->getDecl() != V)
        return true;
      const Stmt *P = parentOf(DR);
      while (P && isa<ParenExpr>(P))
        P = parentOf(P);
      if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P))
        return IC->getCastKind() == CK_LValueToRValue;
      if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
        if (B->getOpcode() == BO_Assign && B->getLHS()->IgnoreParens() == DR) {
          Values.push_back(B->getRHS());
          return true;
        }
      return false; // &p: filled through a pointer (pthread_join's result is judged nowhere here)
    }
    for (const Stmt *C : S->children())
      if (!boxedWrites(V, C, Values))
        return false;
    return true;
  }

  void ptrToIntFact(const CastExpr *C) {
    ptrcheck_ptr_to_int_fact_t F{};
    std::vector<ptrcheck_int_use_t> Uses;
    MarkX = C;
    MarkR = nullptr;
    ptrcheck_expr_t *X = expr(C, 0);
    MarkX = nullptr;
    if (!X)
      return;
    F.cast = X;
    unsigned Bits = static_cast<unsigned>(Ctx.getTypeSize(C->getType()));
    bool MaybeNarrow = X->type.rank != PTRCHECK_R_PTRSIZED && (Bits < 64 || X->type.rank == PTRCHECK_R_LONG);
    if (MaybeNarrow) {
      F.operand_boxed = boxedLocal(C->getSubExpr());
      bool AsCond = false;
      const Expr *Top = useTop(C, AsCond);
      const VarDecl *V = Top == C || !AsCond ? storedInLocal(Top) : nullptr;
      if (!V) {
        use(Top, C, AsCond, Uses, X);
        F.uses_complete = 1;
      } else if (FnBody) {
        std::vector<const DeclRefExpr *> Reads;
        unsigned Refs = 0;
        if (localRefs(V, FnBody, Reads, Refs)) {
          F.uses_complete = 1;
          for (const DeclRefExpr *R : Reads) {
            bool RC = false;
            const Expr *RT = useTop(R, RC);
            if (storedInLocal(RT)) { // copied on: followed no further
              F.uses_complete = 0;
              break;
            }
            use(RT, R, RC, Uses, nullptr);
          }
        }
      }
    }
    F.uses = Uses.data();
    F.nuses = Uses.size();
    ptrcheck_ast_on_ptr_to_int(E, &Fn, &F);
  }

  void use(const Expr *Top, const Expr *Value, bool AsCond, std::vector<ptrcheck_int_use_t> &Uses,
           ptrcheck_expr_t *CastNode) {
    ptrcheck_int_use_t U{};
    if (const auto *PC = dyn_cast_or_null<CastExpr>(parentOf(Top)))
      U.to_pointer = PC->getCastKind() == CK_IntegralToPointer;
    MarkX = Value;
    MarkR = nullptr;
    U.top = expr(Top, 0);
    U.value = MarkR;
    MarkX = nullptr;
    if (Top == Value && CastNode)
      U.top = U.value = CastNode;
    U.as_condition = AsCond;
    if (U.top && U.value)
      Uses.push_back(U);
  }

  void castFact(const CastExpr *C) {
    CastKind K = C->getCastKind();
    if (K != CK_IntegralToPointer && K != CK_PointerToIntegral)
      return;
    if (C->getSubExpr()->isValueDependent() || C->getType()->isDependentType())
      return;
    // A constant operand is folded by the code generator: no instruction, so no site.
    if (Sites && !C->getSubExpr()->isEvaluatable(Ctx) && !C->getSubExpr()->isConstantInitializer(Ctx, false))
      site(K == CK_IntegralToPointer ? PTRCHECK_SITE_INTTOPTR : PTRCHECK_SITE_PTRTOINT, C->getExprLoc());
    if (inSystemHeader(C->getExprLoc()))
      return;
    if (K == CK_PointerToIntegral) {
      if (WantsPtrToInt)
        ptrToIntFact(C);
      ptrcheck_ast_reset(E);
      return;
    }
    ptrcheck_expr_t *X = expr(C, 0);
    if (X)
      ptrcheck_ast_on_cast(E, &Fn, X);
    ptrcheck_ast_reset(E);
  }

  // Library functions clang's code generator turns into LLVM intrinsics or inline code rather than
  // calls (clang/lib/CodeGen/CGBuiltin.cpp), so they leave no call instruction behind.
  static bool loweredToIntrinsic(llvm::StringRef N) {
    static const char *const Names[] = {"memcpy", "memmove", "memset", "bzero", "abs", "labs", "llabs",
                                        "fabs", "fabsf", "fabsl", "sqrt", "sqrtf", "sqrtl", "ceil", "ceilf",
                                        "floor", "floorf", "trunc", "truncf", "round", "roundf", "rint",
                                        "rintf", "nearbyint", "copysign", "copysignf", "fmin", "fminf",
                                        "fmax", "fmaxf", "fma", "fmaf", "pow", "powf", "exp", "expf", "log",
                                        "logf", "sin", "sinf", "cos", "cosf", "exp2", "log2", "log10"};
    for (const char *P : Names)
      if (N == P)
        return true;
    return false;
  }

  void children(const Stmt *S) {
    for (const Stmt *C : S->children())
      stmt(C);
  }

  void stmt(const Stmt *S) {
    if (!S)
      return;
    Stack.push_back(S);
    if (HooksOn)
      for (auto &H : Hooks)
        H->pre(S);
    stmtIn(S);
    if (HooksOn)
      for (auto &H : Hooks)
        H->post(S);
    Stack.pop_back();
  }

  void stmtIn(const Stmt *S) {
    if (const auto *X = dyn_cast<Expr>(S))
      offsetFacts(X);
    switch (S->getStmtClass()) {
    case Stmt::ForStmtClass: {
      const auto *F = cast<ForStmt>(S);
      stmt(F->getInit());
      if (F->getConditionVariableDeclStmt())
        stmt(F->getConditionVariableDeclStmt());
      stmt(F->getCond());
      stmt(F->getBody());
      stmt(F->getInc());
      return;
    }
    case Stmt::IfStmtClass: {
      const auto *I = cast<IfStmt>(S);
      stmt(I->getInit());
      if (I->getConditionVariableDeclStmt())
        stmt(I->getConditionVariableDeclStmt());
      int Dead = deadArm(I->getCond(), I->getThen(), I->getElse());
      if (Dead == -1)
        stmt(I->getCond());
      if (Dead != 1)
        stmt(I->getThen());
      if (Dead != 0)
        stmt(I->getElse());
      return;
    }
    case Stmt::ConditionalOperatorClass: {
      const auto *CO = cast<ConditionalOperator>(S);
      int Dead = deadArm(CO->getCond(), CO->getTrueExpr(), CO->getFalseExpr());
      if (Dead == -1)
        stmt(CO->getCond());
      if (Dead != 1)
        stmt(CO->getTrueExpr());
      if (Dead != 0)
        stmt(CO->getFalseExpr());
      return;
    }
    case Stmt::BinaryOperatorClass:
    case Stmt::CompoundAssignOperatorClass: {
      const auto *B = cast<BinaryOperator>(S);
      slicePreAssign(B);
      if (B->isAssignmentOp()) { // clang emits the right-hand side first
        stmt(B->getRHS());
        stmt(B->getLHS());
        sliceAssign(B);
      } else {
        stmt(B->getLHS());
        stmt(B->getRHS());
      }
      return;
    }
    case Stmt::UnaryExprOrTypeTraitExprClass:
    case Stmt::OffsetOfExprClass:
      return; // unevaluated
    case Stmt::GenericSelectionExprClass:
      if (!cast<GenericSelectionExpr>(S)->isResultDependent())
        stmt(cast<GenericSelectionExpr>(S)->getResultExpr());
      return;
    case Stmt::LambdaExprClass: {
      // A separate function in IR: walked on its own after the enclosing one (its site table is its
      // own).  Its captures are initialised here.
      const auto *L = cast<LambdaExpr>(S);
      for (const Expr *Init : L->capture_inits())
        stmt(Init);
      if (const CXXMethodDecl *Op = L->getCallOperator())
        Lambdas.push_back(Op);
      return;
    }
    case Stmt::BlockExprClass:
      return; // separate functions in IR
    case Stmt::DeclStmtClass:
      for (const Decl *D : cast<DeclStmt>(S)->decls()) {
        if (const auto *SA = dyn_cast<StaticAssertDecl>(D))
          staticAssertFact(SA);
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V)
          continue;
        sliceVarDecl(V);
        if (V->hasLocalStorage()) {
          localSite(V, 0);
          if (HooksOn)
            for (auto &H : Hooks)
              H->localBegin(V);
          if (V->getInit())
            stmt(V->getInit());
          if (HooksOn)
            for (auto &H : Hooks)
              H->localEnd(V);
        } else if (V->getInit()) {
          bool WasSites = Sites, WasHooks = HooksOn;
          HooksOn = false; // static locals are initialised as constants, outside the function body
          if (V->isStaticLocal())
            Sites = false;
          stmt(V->getInit());
          Sites = WasSites;
          HooksOn = WasHooks;
        }
      }
      return;
    case Stmt::CompoundLiteralExprClass: {
      const auto *CL = cast<CompoundLiteralExpr>(S);
      if (!CL->isFileScope())
        site(PTRCHECK_SITE_LOCAL, CL->getBeginLoc(), "(compound literal)", bytesOf(CL->getType()),
             PTRCHECK_SITE_F_COMPOUND_LITERAL);
      children(S);
      return;
    }
    case Stmt::ReturnStmtClass:
      children(S);
      site(PTRCHECK_SITE_RETURN, S->getBeginLoc());
      return;
    case Stmt::MemberExprClass: {
      const auto *M = cast<MemberExpr>(S);
      if (const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl()))
        recordFields(F->getParent());
      children(S);
      return;
    }
    case Stmt::InitListExprClass:
      sliceInitListStmt(cast<InitListExpr>(S));
      children(S);
      return;
    case Stmt::UnaryOperatorClass:
      children(S);
      sliceUnary(cast<UnaryOperator>(S));
      return;
    default:
      break;
    }
    if (const auto *C = dyn_cast<CastExpr>(S)) {
      children(S);
      castFact(C);
      sliceCast(C);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      children(S);
      sliceCall(Call);
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD || !FD->getIdentifier())
        return;
      std::string Name = FD->getNameAsString();
      unsigned ID = FD->getBuiltinID();
      if (ID && (Name == "alloca" || Name == "__builtin_alloca" || Name == "_alloca")) {
        Expr::EvalResult Size;
        unsigned long long Bytes = 0;
        if (Call->getNumArgs() == 1 && Call->getArg(0)->EvaluateAsInt(Size, Ctx))
          Bytes = Size.Val.getInt().getZExtValue();
        site(PTRCHECK_SITE_LOCAL, Call->getBeginLoc(), "alloca", Bytes, PTRCHECK_SITE_F_ALLOCA);
        return;
      }
      if (!ID || (Ctx.BuiltinInfo.isPredefinedLibFunction(ID) && !loweredToIntrinsic(Name)))
        site(PTRCHECK_SITE_CALL, Call->getBeginLoc(), Name.c_str());
      return;
    }
    children(S);
  }
};

} // namespace

void analyzeTranslationUnit(ASTContext &Ctx, ptrcheck_engine_t *E, const AnalyzeOptions &Opts) {
  Facts F(Ctx, E, Opts);
  F.run();
}

} // namespace ptrcheck
