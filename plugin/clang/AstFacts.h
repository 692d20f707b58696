// Translates Clang's AST into ptrcheck's plain-C facts (plugin/include/ptrcheck/ast.h) and records
// the IR correlation sites.  Shared by the clang plugin and the clang-tidy module; no check logic
// lives here: every decision is made by the C engine.
#ifndef PTRCHECK_CLANG_ASTFACTS_H
#define PTRCHECK_CLANG_ASTFACTS_H

#include "ptrcheck/ast.h"

namespace clang {
class ASTContext;
class SourceLocation;
class SourceManager;
} // namespace clang

namespace ptrcheck {

struct PPRecord;

struct AnalyzeOptions {
  // Record per-function site tables for the IR pass (only useful when code is generated).
  bool RecordSites = true;
  // The IR side needs the escape facts (STORE sites, borrowed parameters): ptrcheck_ir_wants.
  bool EscapeSites = false;
  // What the preprocessor saw (PPFacts.h); NULL when no callbacks were registered.
  const PPRecord *PP = nullptr;
};

// Walks every function body (and file-scope initialiser) of the translation unit in code-generation
// order, handing facts to the engine.
void analyzeTranslationUnit(clang::ASTContext &Ctx, ptrcheck_engine_t *E, const AnalyzeOptions &Opts);

// Source locations carry the raw SourceLocation encoding (+1) as their cookie.
clang::SourceLocation toSourceLocation(const clang::SourceManager &SM, const ptrcheck_loc_t &L);

} // namespace ptrcheck

#endif
