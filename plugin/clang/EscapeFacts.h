// AST facts for ptrcheck-stack-escape and ptrcheck-borrowed-escape: STORE sites (assignments whose
// left-hand side is not a local, in code-generation order), borrowed parameters (site flag), and the
// block-scope events of each function (ptrcheck_ast_on_scope_events).  Facts only; the engine decides.
#ifndef PTRCHECK_CLANG_ESCAPEFACTS_H
#define PTRCHECK_CLANG_ESCAPEFACTS_H

#include "ptrcheck/ast.h"

namespace clang {
class ASTContext;
class FunctionDecl;
class ParmVarDecl;
} // namespace clang

namespace ptrcheck {

// PTRCHECK_SITE_F_BORROWED for a pointer parameter marked annotate("ptrcheck_borrowed") on itself or
// on its function, else 0.
unsigned escapeParamFlags(const clang::FunctionDecl *FD, const clang::ParmVarDecl *P);

// Walks FD's body; call between ptrcheck_sites_begin_function and ptrcheck_sites_end_function
// (Sites: whether site tables are being recorded).
void recordEscapeFacts(clang::ASTContext &Ctx, ptrcheck_engine_t *E, const clang::FunctionDecl *FD,
                       const ptrcheck_ast_fn_t *Fn, bool Sites);

} // namespace ptrcheck

#endif
