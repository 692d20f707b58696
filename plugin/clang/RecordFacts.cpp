// Record descriptions for ptrcheck-offset-assumption (see RecordFacts.h).
#include "RecordFacts.h"
#include "PPFacts.h"
#define PTRCHECK_COMPAT_AST
#include "ptrcheck_compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/Type.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace ptrcheck {

const char *RecordDescriber::intern(const std::string &S) { return ptrcheck_engine_intern(E, S.c_str()); }

// C++: the scope a name declared in DC is written with from anywhere in the translation unit
// ("net::", "Outer::", "V<int>::"), so that a fix-it such as offsetof(struct net::Buf, len) compiles
// outside the namespace.  Anonymous namespaces and extern "C" blocks add nothing; a function-local
// record is only visible in its function, where its plain name is right.
static std::string cxxScope(const DeclContext *DC, const PrintingPolicy &PP) {
  std::string Scope;
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (DC->isFunctionOrMethod())
      return std::string();
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isAnonymousNamespace())
        Scope = NS->getName().str() + "::" + Scope;
    } else if (const auto *Outer = dyn_cast<RecordDecl>(DC)) {
      Scope = ptrcheck_compat::recordType(Outer->getASTContext(), Outer).getAsString(PP) + "::" + Scope;
    }
  }
  return Scope;
}

std::string RecordDescriber::recordName(const RecordDecl *RD) {
  const LangOptions &LO = RD->getASTContext().getLangOpts();
  if (!LO.CPlusPlus) {
    if (RD->getIdentifier())
      return std::string(RD->isUnion() ? "union " : "struct ") + RD->getName().str();
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      return TD->getName().str();
    return std::string();
  }
  PrintingPolicy PP(LO);
  PP.SuppressScope = true;
  PP.SuppressTagKeyword = true;
  if (RD->getIdentifier())
    return RD->getKindName().str() + " " + cxxScope(RD->getDeclContext(), PP) +
           ptrcheck_compat::recordType(RD->getASTContext(), RD).getAsString(PP);
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return cxxScope(TD->getDeclContext(), PP) + TD->getName().str();
  return std::string();
}

const RecordDecl *RecordDescriber::recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const auto *RT = T.getCanonicalType()->getAs<RecordType>())
    return RT->getDecl()->getDefinition();
  return nullptr;
}

// The typedefs whose definition on every target ptrcheck knows (their width follows the data model
// or is fixed), by name.
static bool knownTypedefName(llvm::StringRef N) {
  static const char *const Known[] = {"intptr_t",  "uintptr_t",  "size_t",   "ssize_t",   "ptrdiff_t",
                                      "__intptr_t", "__uintptr_t", "__size_t", "__ssize_t", "__ptrdiff_t",
                                      "INT_PTR",   "UINT_PTR",   "LONG_PTR", "ULONG_PTR", "DWORD_PTR",
                                      "SIZE_T",    "SSIZE_T",    "GoUintptr", "GoInt",    "GoUint",
                                      "intmax_t",  "uintmax_t",  "__intmax_t", "__uintmax_t", "wchar_t",
                                      "char16_t",  "char32_t",   "bool",     "_Bool"};
  for (const char *K : Known)
    if (N == K)
      return true;
  llvm::StringRef S = N;
  while (S.consume_front("_")) {
  }
  S.consume_front("u");
  S.consume_front("int_least");
  S.consume_front("int");
  return S == "8_t" || S == "16_t" || S == "32_t" || S == "64_t" || S == "128_t";
}

bool typedefUnknownElsewhere(QualType T) {
  if (T.isNull())
    return false;
  const auto *TT = T->getAs<TypedefType>();
  if (!TT)
    return false; // a builtin type as written
  QualType C = T.getCanonicalType();
  if (!C->isBuiltinType() || !C->isIntegerType())
    return false; // enums, pointers, records, floating types: known by their own rules
  return !knownTypedefName(TT->getDecl()->getName());
}

// Scalar category of a type as written: the pointer-sized and fixed-width typedefs are recognised by
// name (their builtin type differs between targets), everything else by its canonical builtin type.
static ptrcheck_scalar_t byTypedefName(QualType T, const ASTContext &Ctx) {
  static const char *const PtrSized[] = {"intptr_t", "uintptr_t", "size_t", "ssize_t", "ptrdiff_t",
                                         "__intptr_t", "__uintptr_t", "__size_t", "__ssize_t", "__ptrdiff_t"};
  QualType Cur = T;
  while (const auto *TT = Cur->getAs<TypedefType>()) {
    llvm::StringRef N = TT->getDecl()->getName();
    for (const char *P : PtrSized)
      if (N == P)
        return PTRCHECK_S_PTRINT;
    if (N == "wchar_t")
      return PTRCHECK_S_WCHAR;
    llvm::StringRef S = N;
    while (S.consume_front("_")) {
    }
    S.consume_front("u");
    if (S == "int8_t" || S == "int16_t" || S == "int32_t" || S == "int64_t" || S == "intmax_t") {
      switch (Ctx.getTypeSize(T)) {
      case 8: return PTRCHECK_S_CHAR;
      case 16: return PTRCHECK_S_SHORT;
      case 32: return PTRCHECK_S_INT;
      case 64: return PTRCHECK_S_LONGLONG;
      default: break;
      }
    }
    Cur = TT->desugar();
  }
  return PTRCHECK_S_NONE;
}

static ptrcheck_scalar_t builtinScalar(const BuiltinType *BT) {
  switch (BT->getKind()) {
  case BuiltinType::Bool: return PTRCHECK_S_BOOL;
  case BuiltinType::Char_S: case BuiltinType::Char_U: case BuiltinType::SChar: case BuiltinType::UChar:
  case BuiltinType::Char8:
    return PTRCHECK_S_CHAR;
  case BuiltinType::Short: case BuiltinType::UShort: case BuiltinType::Char16: return PTRCHECK_S_SHORT;
  case BuiltinType::Int: case BuiltinType::UInt: case BuiltinType::Char32: return PTRCHECK_S_INT;
  case BuiltinType::Long: case BuiltinType::ULong: return PTRCHECK_S_LONG;
  case BuiltinType::LongLong: case BuiltinType::ULongLong: return PTRCHECK_S_LONGLONG;
  case BuiltinType::Int128: case BuiltinType::UInt128: return PTRCHECK_S_INT128;
  case BuiltinType::Float: return PTRCHECK_S_FLOAT;
  case BuiltinType::Double: return PTRCHECK_S_DOUBLE;
  case BuiltinType::LongDouble: return PTRCHECK_S_LONGDOUBLE;
  case BuiltinType::WChar_S: case BuiltinType::WChar_U: return PTRCHECK_S_WCHAR;
  default: return PTRCHECK_S_FIXED;
  }
}

// An array bound the preprocessor does not fix: computed from sizeof/_Alignof/offsetof (or from an
// enumerator that is), or from one of the compiler's predefined target macros (__SIZEOF_POINTER__).
static bool targetDependentExpr(const Expr *X, const SourceManager &SM, unsigned Depth) {
  if (!X || Depth > 16)
    return false;
  X = X->IgnoreParens();
  if (isa<UnaryExprOrTypeTraitExpr>(X) || isa<OffsetOfExpr>(X))
    return true;
  SourceLocation L = X->getBeginLoc();
  if (L.isMacroID()) {
    SourceLocation Sp = SM.getSpellingLoc(L);
    PresumedLoc P = Sp.isValid() ? SM.getPresumedLoc(Sp) : PresumedLoc();
    if (P.isValid() && llvm::StringRef(P.getFilename()) == "<built-in>")
      return true;
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(X))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DR->getDecl()))
      return targetDependentExpr(EC->getInitExpr(), SM, Depth + 1);
  for (const Stmt *C : X->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(C))
      if (targetDependentExpr(CE, SM, Depth + 1))
        return true;
  return false;
}

static bool boundsDependOnTarget(TypeLoc TL, const SourceManager &SM, unsigned Depth) {
  while (!TL.isNull() && Depth < 8) {
    TypeLoc Named = ptrcheck_compat::unelaborated(TL);
    if (Named != TL) {
      TL = Named;
    } else if (auto Q = TL.getAs<QualifiedTypeLoc>()) {
      TL = Q.getUnqualifiedLoc();
    } else if (auto P = TL.getAs<ParenTypeLoc>()) {
      TL = P.getInnerLoc();
    } else if (auto A = TL.getAs<ArrayTypeLoc>()) {
      if (targetDependentExpr(A.getSizeExpr(), SM, 0))
        return true;
      TL = A.getElementLoc();
    } else if (auto TD = TL.getAs<TypedefTypeLoc>()) {
      const TypeSourceInfo *TSI = TD.getTypePtr()->getDecl()->getTypeSourceInfo();
      if (!TSI)
        return false;
      TL = TSI->getTypeLoc();
      ++Depth;
    } else {
      return false;
    }
  }
  return false;
}

bool RecordDescriber::boundDependsOnTarget(const FieldDecl *F) {
  const TypeSourceInfo *TSI = F->getTypeSourceInfo();
  return TSI && boundsDependOnTarget(TSI->getTypeLoc(), Ctx.getSourceManager(), 0);
}

void RecordDescriber::field(const RecordDecl *RD, unsigned Index, const void *FieldDeclPtr, ptrcheck_rfield_t &Out) {
  const auto *F = static_cast<const FieldDecl *>(FieldDeclPtr);
  const ASTRecordLayout &L = Ctx.getASTRecordLayout(RD);
  Out = ptrcheck_rfield_t{};
  if (F->getIdentifier())
    Out.name = intern(F->getName().str());
  QualType T = F->getType();
  Out.here_bit_offset = L.getFieldOffset(Index);
  // Alignment required by an aligned typedef anywhere in the sugar of the declared type.
  for (QualType Cur = T; const auto *TT = Cur->getAs<TypedefType>(); Cur = TT->desugar()) {
    if (unsigned A = TT->getDecl()->getMaxAlignment()) {
      Out.typedef_align = A / 8;
      break;
    }
  }
  Out.align_attr = F->getMaxAlignment() / 8;
  Out.packed_attr = F->hasAttr<PackedAttr>();
  if (F->isBitField()) {
    Out.is_bitfield = 1;
    Out.bit_width = ptrcheck_compat::bitWidth(Ctx, F);
  }
  QualType Elem = T;
  unsigned long long Count = 1;
  while (true) {
    if (const auto *CAT = Ctx.getAsConstantArrayType(Elem)) {
      Out.is_array = 1;
      Count *= CAT->getSize().getZExtValue();
      Elem = CAT->getElementType();
    } else if (const auto *IAT = Ctx.getAsIncompleteArrayType(Elem)) {
      Out.is_array = 1;
      Out.is_flexible = 1;
      Count = 0;
      Elem = IAT->getElementType();
    } else {
      break;
    }
  }
  Out.count = Count;
  Out.per_target_unknown = (Out.is_array && boundDependsOnTarget(F)) || typedefUnknownElsewhere(Elem);
  Out.type_spelling = intern(Elem.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()));
  Out.here_elem_bytes = Elem->isIncompleteType() ? 0 : static_cast<unsigned long long>(Ctx.getTypeSizeInChars(Elem).getQuantity());
  Out.here_bytes = Out.is_flexible ? 0 : (T->isIncompleteType() ? 0 : static_cast<unsigned long long>(Ctx.getTypeSizeInChars(T).getQuantity()));
  QualType C = Elem.getCanonicalType();
  if (const RecordDecl *Sub = recordOf(C)) {
    Out.scalar = PTRCHECK_S_NONE;
    Out.record = describe(Sub);
    return;
  }
  ptrcheck_scalar_t S = byTypedefName(Elem, Ctx);
  if (S == PTRCHECK_S_NONE) {
    if (const auto *ET = C->getAs<EnumType>())
      C = ET->getDecl()->getIntegerType().getCanonicalType();
    if (const auto *CT = C->getAs<ComplexType>()) {
      Out.is_complex = 1;
      C = CT->getElementType().getCanonicalType();
    }
    if (C->isPointerType() || C->isBlockPointerType())
      S = PTRCHECK_S_POINTER;
    else if (const auto *BT = C->getAs<BuiltinType>())
      S = builtinScalar(BT);
    else
      S = PTRCHECK_S_FIXED;
  }
  Out.scalar = S;
  if (S == PTRCHECK_S_FIXED && !C->isIncompleteType()) {
    Out.fixed_bytes = static_cast<unsigned>(Ctx.getTypeSizeInChars(C).getQuantity());
    Out.fixed_align = static_cast<unsigned>(Ctx.getTypeAlignInChars(C).getQuantity());
  }
}

const ptrcheck_rdesc_t *RecordDescriber::describe(const RecordDecl *RD) {
  if (!RD)
    return nullptr;
  RD = RD->getDefinition();
  if (!RD || RD->isInvalidDecl() || RD->isDependentType() || !RD->isCompleteDefinition())
    return nullptr;
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second;
  Recs.emplace_back();
  ptrcheck_rdesc_t *R = &Recs.back();
  *R = ptrcheck_rdesc_t{};
  Cache[RD] = R;
  R->id = reinterpret_cast<uintptr_t>(RD);
  std::string Name = recordName(RD);
  R->name = Name.empty() ? nullptr : intern(Name);
  R->is_union = RD->isUnion();
  R->packed = RD->hasAttr<PackedAttr>();
  if (const auto *MFA = RD->getAttr<MaxFieldAlignmentAttr>())
    R->pragma_pack = MFA->getAlignment() / 8;
  R->align_attr = RD->getMaxAlignment() / 8;
  const ASTRecordLayout &L = Ctx.getASTRecordLayout(RD);
  R->here_size = static_cast<unsigned long long>(L.getSize().getQuantity());
  R->here_align = static_cast<unsigned long long>(L.getAlignment().getQuantity());
  if (PP) {
    const SourceManager &SM = Ctx.getSourceManager();
    SourceRange Braces = RD->getBraceRange();
    R->has_conditional = PP->conditionalBetween(SM, SM.getExpansionLoc(Braces.getBegin()),
                                                SM.getExpansionLoc(Braces.getEnd()));
  }
  Fields.emplace_back();
  std::vector<ptrcheck_rfield_t> &Fs = Fields.back();
  unsigned I = 0;
  for (const FieldDecl *F : RD->fields()) {
    ptrcheck_rfield_t Out;
    field(RD, I++, F, Out);
    Fs.push_back(Out);
  }
  R->fields = Fs.data();
  R->nfields = static_cast<unsigned>(Fs.size());
  return R;
}

} // namespace ptrcheck
