/* The one place where ptrcheck looks at LLVM_VERSION_MAJOR.  Every shim names the release that lets
 * us delete it ("TODO(LLVM NN)"): raise PTRCHECK_LLVM_MIN in CMakeLists.txt and remove the shim.
 * Usable from C (the IR analyses) and C++ (the adapters).  Optional parts are asked for by defining
 * PTRCHECK_COMPAT_IR (C, LLVM-C), PTRCHECK_COMPAT_CLANG, PTRCHECK_COMPAT_AST or PTRCHECK_COMPAT_TIDY
 * (C++) before including this header; each part has its own guard, so a second include with
 * another part asked for still provides it. */
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
#endif /* __cplusplus */
#endif /* PTRCHECK_COMPAT_H */

#if defined(PTRCHECK_COMPAT_IR) && !defined(PTRCHECK_COMPAT_IR_DONE)
#define PTRCHECK_COMPAT_IR_DONE
#include <llvm-c/Core.h>
/* The opcode the IR analyses switch on: LLVM 22's ptrtoaddr (an instruction and a constant
 * expression) reads a pointer's address bits like ptrtoint, without exposing its provenance; for
 * every analysis here it is a pointer-to-integer conversion, so it is reported as ptrtoint.
 * Wrap every LLVMGetInstructionOpcode / LLVMGetConstOpcode whose result is compared with
 * LLVMPtrToInt (ptrcheck_ir_opcode in ir_util.c does).
 * TODO(LLVM 22): from PTRCHECK_LLVM_MIN 22 on, the test needs no #if. */
static inline LLVMOpcode ptrcheck_compat_opcode(LLVMOpcode op)
{
#if LLVM_VERSION_MAJOR >= 22
    if (op == LLVMPtrToAddr)
        return LLVMPtrToInt;
#endif
    return op;
}
/* The value of case k (from 0) of switch instruction sw; its destination is LLVMGetSuccessor(sw, k + 1)
 * in every release, and sw has LLVMGetNumSuccessors(sw) - 1 cases.
 * TODO(LLVM 22): LLVM 22 keeps case values out of the operand list (operands 2, 4, ... held them
 * before) and LLVM-C reads them with LLVMGetSwitchCaseValue, which 14 and 19 do not have. */
static inline LLVMValueRef ptrcheck_compat_switch_case_value(LLVMValueRef sw, unsigned k)
{
#if LLVM_VERSION_MAJOR >= 22
    return LLVMGetSwitchCaseValue(sw, k + 1);
#else
    return LLVMGetOperand(sw, 2 + 2 * k);
#endif
}
#endif /* PTRCHECK_COMPAT_IR */

#ifdef __cplusplus
#if defined(PTRCHECK_COMPAT_CLANG) && !defined(PTRCHECK_COMPAT_CLANG_DONE)
#define PTRCHECK_COMPAT_CLANG_DONE
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
#if defined(PTRCHECK_COMPAT_PP) && !defined(PTRCHECK_COMPAT_PP_DONE)
#define PTRCHECK_COMPAT_PP_DONE
#include "clang/Basic/FileEntry.h"
namespace ptrcheck_compat {
// The file argument of PPCallbacks::HasInclude.  Its mangled name differs between majors, so a
// callback class overrides HasInclude itself: a vtable slot left to the base class would name a
// symbol the other majors lack, and the dynamic loader would refuse the plugin before the loading
// guard (LoadGuard.cpp) could say why.
// TODO(LLVM 16): from LLVM 16 on this is clang::OptionalFileEntryRef everywhere.
#if LLVM_VERSION_MAJOR < 16
using OptionalFileEntryRef = llvm::Optional<clang::FileEntryRef>;
#else
using OptionalFileEntryRef = clang::OptionalFileEntryRef;
#endif
} // namespace ptrcheck_compat
#endif
#if defined(PTRCHECK_COMPAT_AST) && !defined(PTRCHECK_COMPAT_AST_DONE)
#define PTRCHECK_COMPAT_AST_DONE
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"
namespace ptrcheck_compat {
// The type a struct/union declaration declares.
// TODO(LLVM 22): LLVM 22 removed ASTContext::getRecordType (the types of tag declarations come from
// getCanonicalTagType / getTagType since the TagType rework of LLVM 22).
inline clang::QualType recordType(const clang::ASTContext &Ctx, const clang::RecordDecl *RD) {
#if LLVM_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(RD);
#else
  return Ctx.getRecordType(RD);
#endif
}
// The width of a bit-field.
// TODO(LLVM 20): FieldDecl::getBitWidthValue lost its ASTContext parameter in LLVM 20 (llvm #117732).
inline unsigned bitWidth(const clang::ASTContext &Ctx, const clang::FieldDecl *F) {
#if LLVM_VERSION_MAJOR >= 20
  (void)Ctx;
  return F->getBitWidthValue();
#else
  return F->getBitWidthValue(Ctx);
#endif
}
// A type name as written, without the elaboration (`struct`, a qualifier) that clang 16 to 21
// wrap around every type name; a TypeLoc that is not one stays as it is.
// TODO(LLVM 22): LLVM 22 removed ElaboratedType (the qualifier lives in the named type itself).
inline clang::TypeLoc unelaborated(clang::TypeLoc TL) {
#if LLVM_VERSION_MAJOR < 22
  if (auto E = TL.getAs<clang::ElaboratedTypeLoc>())
    return E.getNamedTypeLoc();
#endif
  return TL;
}
} // namespace ptrcheck_compat
#endif
#if defined(PTRCHECK_COMPAT_TIDY) && !defined(PTRCHECK_COMPAT_TIDY_DONE)
#define PTRCHECK_COMPAT_TIDY_DONE
/* TODO(LLVM 24): ClangTidyModuleRegistry.h was merged into ClangTidyModule.h (llvm #173231),
 * deprecated with a #warning in LLVM 22 and removed in LLVM 24; include it only while it exists. */
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#if __has_include("clang-tidy/ClangTidyModuleRegistry.h") && LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#endif
#endif /* __cplusplus */
