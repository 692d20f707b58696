// Record descriptions for ptrcheck-offset-assumption (see RecordFacts.h).
#include "RecordFacts.h"
#define PTRCHECK_COMPAT_AST
#include "ptrcheck_compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/Type.h"

using namespace clang;

namespace ptrcheck {

const char *RecordDescriber::intern(const std::string &S) { return ptrcheck_engine_intern(E, S.c_str()); }

std::string RecordDescriber::recordName(const RecordDecl *RD) {
  if (RD->getIdentifier())
    return std::string(RD->isUnion() ? "union " : "struct ") + RD->getName().str();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName().str();
  return std::string();
}

const RecordDecl *RecordDescriber::recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const auto *RT = T.getCanonicalType()->getAs<RecordType>())
    return RT->getDecl()->getDefinition();
  return nullptr;
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
    if (S == "int8_t" || S == "int16_t" || S == "int32_t" || S == "int64_t") {
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
