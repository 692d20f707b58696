// The LLVM pass plugin: `clang -fpass-plugin=ptrcheck.so`.  A dumb adapter: at PipelineStart (the IR
// straight from IRGen, at every -O level) it hands the module to the C engine.  With the frontend
// plugin loaded too (the documented set-up) the findings go through clang's diagnostics with the
// AST's locations; alone, it loads the configuration itself and prints clang-style lines to stderr.
#include "ptrcheck_compat.h"

#include "ptrcheck/handoff.h"
#include "ptrcheck/ir.h"
#include "ptrcheck/ptrcheck.h"
#include "ptrcheck/version.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include PTRCHECK_PASS_PLUGIN_HEADER
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>
#include <string>

using namespace llvm;

namespace {

void printToStderr(void *, const ptrcheck_diag_t *D) {
  char *Text = ptrcheck_diag_format_text(D);
  if (Text) {
    errs() << Text;
    ptrcheck_free(Text);
  }
}

// C++ symbols in messages as the source spells them, through the demangler of the LLVM we run in.
char *demangle(const char *Sym) {
  std::string D = llvm::demangle(std::string(Sym));
  if (D.empty() || D == Sym)
    return nullptr;
  char *R = static_cast<char *>(std::malloc(D.size() + 1));
  if (R)
    std::memcpy(R, D.c_str(), D.size() + 1);
  return R;
}

// ptrcheck_ir_run failed (an analysis ran out of memory): its findings may be incomplete, which a
// build that gates on them must not mistake for a clean result, so the compile fails with an error
// (through the LLVMContext: clang prints it as `error: ...` and exits non-zero).  docs/usage.md.
void runAnalyses(ptrcheck_engine_t *E, Module &M) {
  if (!ptrcheck_ir_run(E, wrap(&M)))
    M.getContext().emitError("ptrcheck: the IR analysis of '" + M.getSourceFileName() +
                             "' failed (out of memory); its findings may be incomplete");
}

struct PtrcheckPass : PassInfoMixin<PtrcheckPass> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    if (ptrcheck_engine_t *E = ptrcheck_handoff_find(M.getModuleIdentifier().c_str())) {
      ptrcheck_engine_set_demangler(E, demangle);
      runAnalyses(E, M);
      if (!ptrcheck_engine_analysis_only(E))
        return PreservedAnalyses::all();
      // -fplugin-arg-ptrcheck-analysis-only (the CLI: output to /dev/null): nothing after us needs
      // the code, so the optimiser and code generator get a module without function bodies.
      for (Function &F : M)
        if (!F.isDeclaration())
          F.deleteBody();
      return PreservedAnalyses::none();
    }
    runStandalone(M);
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }

  static void runStandalone(Module &M) {
    ptrcheck_config_t Cfg;
    ptrcheck_error_t Err;
    ptrcheck_error_clear(&Err);
    ptrcheck_engine_t *E = nullptr;
    if (ptrcheck_config_resolve(&Cfg, M.getSourceFileName().c_str(), nullptr, nullptr, &Err)) {
      E = ptrcheck_engine_create(&Cfg, &Err);
      if (!E)
        ptrcheck_config_fini(&Cfg);
    }
    if (!E) {
      char Buf[2300];
      M.getContext().emitError(ptrcheck_error_format(&Err, Buf, sizeof Buf));
      return;
    }
    ptrcheck_engine_set_sink(E, printToStderr, nullptr);
    ptrcheck_engine_set_demangler(E, demangle);
    runAnalyses(E, M);
    ptrcheck_engine_destroy(E);
  }
};

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default"))) PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "ptrcheck", PTRCHECK_VERSION_STRING, [](PassBuilder &PB) {
            PB.registerPipelineStartEPCallback(
                [](ModulePassManager &MPM, OptimizationLevel) { MPM.addPass(PtrcheckPass()); });
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM, ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name != "ptrcheck")
                    return false;
                  MPM.addPass(PtrcheckPass());
                  return true;
                });
          }};
}
