/* The one place where ptrcheck looks at LLVM_VERSION_MAJOR.  Every shim names the release that lets
 * us delete it ("TODO(LLVM NN)"): raise PTRCHECK_LLVM_MIN in CMakeLists.txt and remove the shim.
 * Usable from C (the IR analyses) and C++ (the adapters). */
#ifndef PTRCHECK_COMPAT_H
#define PTRCHECK_COMPAT_H

#include <llvm/Config/llvm-config.h>

#ifdef __cplusplus
/* TODO(LLVM 22): llvm/Passes/PassPlugin.h moved to llvm/Plugins/PassPlugin.h in LLVM 22. */
#if __has_include(<llvm/Plugins/PassPlugin.h>)
#define PTRCHECK_PASS_PLUGIN_HEADER <llvm/Plugins/PassPlugin.h>
#else
#define PTRCHECK_PASS_PLUGIN_HEADER <llvm/Passes/PassPlugin.h>
#endif

#ifdef PTRCHECK_COMPAT_CLANG
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "llvm/ADT/StringRef.h"
namespace ptrcheck_compat {
// A diagnostic ID for a format string only known at run time ("%0 [ptrcheck-<id>]").
// TODO(LLVM 20): LLVM 20 replaces this overload with DiagnosticIDs::CustomDiagDesc.
inline unsigned customDiagID(clang::DiagnosticsEngine &D, clang::DiagnosticIDs::Level L, llvm::StringRef Fmt) {
  return D.getDiagnosticIDs()->getCustomDiagID(L, Fmt);
}
} // namespace ptrcheck_compat
#endif
#ifdef PTRCHECK_COMPAT_TIDY
/* TODO(LLVM 24): ClangTidyModuleRegistry.h was merged into ClangTidyModule.h (llvm #173231),
 * deprecated with a #warning in LLVM 22 and removed in LLVM 24; include it only while it exists. */
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#if __has_include("clang-tidy/ClangTidyModuleRegistry.h") && LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#endif
#endif /* __cplusplus */

#endif
