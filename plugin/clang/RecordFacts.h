// Describes C records target-neutrally for ptrcheck-offset-assumption (ptrcheck_rdesc_t in
// plugin/include/ptrcheck/ast.h): member types by category (builtin kind, nested record, array,
// bit-field width), packing and alignment attributes, plus clang's layout on the compiling target.
// No decisions here: the C engine lays the record out per target (plugin/engine/layout_compute.c).
#ifndef PTRCHECK_CLANG_RECORDFACTS_H
#define PTRCHECK_CLANG_RECORDFACTS_H

#include "ptrcheck/ast.h"

#include "llvm/ADT/DenseMap.h"

#include <deque>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FieldDecl;
class RecordDecl;
class QualType;
} // namespace clang

namespace ptrcheck {

struct PPRecord;

// 1 when an integer type is spelled through a typedef whose definition on other targets ptrcheck does
// not know: the outermost typedef is not one of the standard C/POSIX (and Windows) typedefs whose
// per-target widths are known (size_t, intptr_t, int32_t, ...).  A project's `gsize` or `u32` may be
// defined differently by another target's configuration.
bool typedefUnknownElsewhere(clang::QualType T);

class RecordDescriber {
public:
  RecordDescriber(clang::ASTContext &Ctx, ptrcheck_engine_t *E, const PPRecord *PP = nullptr)
      : Ctx(Ctx), E(E), PP(PP) {}
  // NULL for incomplete, invalid or dependent records.  Descriptions live as long as this object.
  const ptrcheck_rdesc_t *describe(const clang::RecordDecl *RD);
  // "struct event", "union value", the typedef name of a typedef'd anonymous record; "" when unnamed.
  // C++: with the kind and the scope it is written with anywhere in the TU ("class net::Conn").
  static std::string recordName(const clang::RecordDecl *RD);
  // The record a type is (looking through typedefs), or NULL.
  static const clang::RecordDecl *recordOf(clang::QualType T);

private:
  clang::ASTContext &Ctx;
  ptrcheck_engine_t *E;
  const PPRecord *PP;
  llvm::DenseMap<const clang::RecordDecl *, ptrcheck_rdesc_t *> Cache;
  std::deque<ptrcheck_rdesc_t> Recs;
  std::deque<std::vector<ptrcheck_rfield_t>> Fields;

  const char *intern(const std::string &S);
  bool boundDependsOnTarget(const clang::FieldDecl *F);
  void field(const clang::RecordDecl *RD, unsigned Index, const void *FieldDeclPtr, ptrcheck_rfield_t &Out);
};

} // namespace ptrcheck

#endif
