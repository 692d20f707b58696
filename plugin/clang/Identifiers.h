// Looking identifiers up from the plugin without creating them.
#ifndef PTRCHECK_CLANG_IDENTIFIERS_H
#define PTRCHECK_CLANG_IDENTIFIERS_H

#include "clang/Basic/IdentifierTable.h"
#include "llvm/ADT/StringRef.h"

namespace ptrcheck {

// The identifier Name if this compilation has met it, else null.  Never IdentifierTable::get: it
// allocates from clang's bump allocator in the plugin's own (inlined) code, which under ASan poisons
// the slab's tail that clang's uninstrumented code then writes; and a name clang never met is no
// macro.
inline const clang::IdentifierInfo *findIdentifier(const clang::IdentifierTable &T, llvm::StringRef Name) {
  auto I = T.find(Name);
  return I == T.end() ? nullptr : I->getValue();
}

} // namespace ptrcheck

#endif
