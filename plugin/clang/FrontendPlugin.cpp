// The clang frontend plugin: `clang -fplugin=ptrcheck.so`.  A dumb adapter: it parses the plugin
// arguments, loads the configuration through the C engine, hands the AST to AstFacts, and turns
// engine diagnostics into clang diagnostics.  It runs before the main action so that the site
// tables are complete when the pass plugin (same .so, -fpass-plugin) sees the IR.
#include "AstFacts.h"
#include "PPFacts.h"
#include "SourceLines.h"

#define PTRCHECK_COMPAT_CLANG
#include "ptrcheck_compat.h"

#include "ptrcheck/handoff.h"
#include "ptrcheck/ir.h"
#include "ptrcheck/ptrcheck.h"
#include "ptrcheck/sarif.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

using namespace clang;

namespace {

// Turns engine diagnostics into clang diagnostics.  Custom diagnostic IDs bypass clang's warning
// mappings, so -Werror is applied here: with -Werror a finding is an error and the compile fails.
// Like every custom clang diagnostic, findings are not silenced by -w (the user loaded ptrcheck on
// purpose; builds that pass -w to quiet the compiler keep the analyzer's output); select checks
// with -fplugin-arg-ptrcheck-checks= or .ptrcheck.yaml instead.
class Reporter {
public:
  explicit Reporter(CompilerInstance &CI) : Diags(CI.getDiagnostics()), SM(CI.getSourceManager()) {
    for (int C = 0; C < PTRCHECK_CHECK_COUNT; ++C) {
      std::string Fmt = std::string("%0 [") + ptrcheck_check_info((ptrcheck_check_t)C)->full_id + "]";
      WarnIDs[C] = ptrcheck_compat::customDiagID(Diags, DiagnosticIDs::Warning, Fmt);
      ErrorIDs[C] = ptrcheck_compat::customDiagID(Diags, DiagnosticIDs::Error, Fmt);
    }
    NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  }

  static void sink(void *User, const ptrcheck_diag_t *D) { static_cast<Reporter *>(User)->emit(D); }

  // clang's rule for its own warnings: a location is in a system header when its expansion is.
  static int inSystemHeader(void *User, ptrcheck_loc_t L) {
    SourceManager &SM = static_cast<Reporter *>(User)->SM;
    SourceLocation S = ptrcheck::toSourceLocation(SM, L);
    return S.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(S));
  }

private:
  DiagnosticsEngine &Diags;
  SourceManager &SM;
  unsigned WarnIDs[PTRCHECK_CHECK_COUNT];
  unsigned ErrorIDs[PTRCHECK_CHECK_COUNT];
  unsigned NoteID;

  void emit(const ptrcheck_diag_t *D) {
    {
      unsigned ID = (D->is_error || Diags.getWarningsAsErrors()) ? ErrorIDs[D->check] : WarnIDs[D->check];
      DiagnosticBuilder B = Diags.Report(ptrcheck::toSourceLocation(SM, D->loc), ID);
      B << D->message;
      for (size_t I = 0; I < D->nfixits; ++I) {
        const ptrcheck_fixit_t &F = D->fixits[I];
        SourceLocation Begin = ptrcheck::toSourceLocation(SM, F.begin);
        SourceLocation End = ptrcheck::toSourceLocation(SM, F.end);
        if (Begin.isValid() && End.isValid())
          B << FixItHint::CreateReplacement(CharSourceRange::getCharRange(Begin, End), F.text);
      }
    }
    for (size_t I = 0; I < D->nnotes; ++I)
      Diags.Report(ptrcheck::toSourceLocation(SM, D->notes[I].loc), NoteID) << D->notes[I].message;
  }
};

// -fplugin-arg-ptrcheck-output=FILE: every finding (AST and IR) is also appended to FILE as one JSON
// line, flushed at once (the CLI merges these).  Lines rather than one document at the end of the TU
// because clang runs with -disable-free and never destroys the consumer.  -w does not apply here.
class SideFile {
public:
  SideFile(std::FILE *F, std::string Cwd, Reporter *R) : F(F), Cwd(std::move(Cwd)), R(R) {}
  ~SideFile() { std::fclose(F); }

  static void sink(void *User, const ptrcheck_diag_t *D) {
    auto *S = static_cast<SideFile *>(User);
    if (char *Line = ptrcheck_side_diag_line(D, S->Cwd.c_str())) {
      std::fputs(Line, S->F);
      std::fflush(S->F);
      ptrcheck_free(Line);
    }
    Reporter::sink(S->R, D);
  }

private:
  std::FILE *F;
  std::string Cwd;
  Reporter *R;
};

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, ptrcheck_engine_t *E, std::unique_ptr<Reporter> R, bool CodeGen,
           std::unique_ptr<SideFile> Side = nullptr)
      : E(E), R(std::move(R)), Side(std::move(Side)), CodeGen(CodeGen), PP(std::make_shared<ptrcheck::PPRecord>()),
        Lines(CI.getSourceManager()) {
    Lines.install(E);
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<ptrcheck::PPFacts>(CI.getPreprocessor(), PP));
    if (this->Side)
      ptrcheck_engine_set_sink(E, &SideFile::sink, this->Side.get());
    else
      ptrcheck_engine_set_sink(E, &Reporter::sink, this->R.get());
    ptrcheck_engine_set_system_filter(E, &Reporter::inSystemHeader, this->R.get());
  }
  ~Consumer() override {
    ptrcheck_handoff_withdraw(E);
    ptrcheck_engine_destroy(E);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    ptrcheck::AnalyzeOptions Opts;
    Opts.RecordSites = CodeGen;
    Opts.EscapeSites = CodeGen && ptrcheck_ir_wants(E, PTRCHECK_AST_FACT_ESCAPE_SITES);
    Opts.PP = PP.get();
    ptrcheck::analyzeTranslationUnit(Ctx, E, Opts);
  }

private:
  ptrcheck_engine_t *E;
  std::unique_ptr<Reporter> R;
  std::unique_ptr<SideFile> Side;
  bool CodeGen;
  std::shared_ptr<ptrcheck::PPRecord> PP; // shared with the callbacks the preprocessor owns
  ptrcheck::SourceLines Lines;             // NOLINT, read from clang's buffers (IR findings too)
};

class Action : public PluginASTAction {
protected:
  bool ParseArgs(const CompilerInstance &CI, const std::vector<std::string> &Args) override {
    DiagnosticsEngine &D = CI.getDiagnostics();
    for (const std::string &A : Args) {
      if (A.compare(0, 7, "config=") == 0) {
        Config = A.substr(7);
      } else if (A.compare(0, 7, "checks=") == 0) {
        Checks = A.substr(7);
      } else if (A.compare(0, 7, "output=") == 0) {
        Output = A.substr(7);
      } else if (A == "system-headers" || A == "system-headers=true") {
        SystemHeaders = 1;
      } else if (A == "system-headers=false") {
        SystemHeaders = 0;
      } else if (A == "analysis-only") {
        AnalysisOnly = true;
      } else {
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                   "ptrcheck: unknown plugin argument '%0' (expected config=FILE, checks=GLOBS, "
                                   "output=FILE, system-headers[=true|false] or analysis-only)"))
            << A;
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef InFile) override {
    ptrcheck_config_t Cfg;
    ptrcheck_error_t Err;
    ptrcheck_error_clear(&Err);
    if (!ptrcheck_config_resolve(&Cfg, InFile.str().c_str(), Config.c_str(), Checks.c_str(), &Err)) {
      reportConfigError(CI, Err);
      return std::make_unique<ASTConsumer>();
    }
    // Findings in system headers: the plugin argument wins over .ptrcheck.yaml; -Wsystem-headers,
    // which shows clang's own warnings there, shows ptrcheck's too.
    if (SystemHeaders >= 0)
      Cfg.system_headers = SystemHeaders;
    else if (!CI.getDiagnostics().getSuppressSystemWarnings())
      Cfg.system_headers = 1;
    ptrcheck_engine_t *E = ptrcheck_engine_create(&Cfg, &Err);
    if (!E) {
      ptrcheck_config_fini(&Cfg);
      reportConfigError(CI, Err);
      return std::make_unique<ASTConsumer>();
    }
    ptrcheck_engine_set_analysis_only(E, AnalysisOnly);
    // The IR module clang generates for this input is named after InFile.
    ptrcheck_handoff_publish(InFile.str().c_str(), E);
    bool CodeGen = CI.getFrontendOpts().ProgramAction != frontend::ParseSyntaxOnly;
    auto R = std::make_unique<Reporter>(CI);
    std::unique_ptr<SideFile> Side;
    if (!Output.empty() && !openSideFile(CI, InFile, R.get(), Side)) {
      ptrcheck_handoff_withdraw(E);
      ptrcheck_engine_destroy(E);
      return std::make_unique<ASTConsumer>();
    }
    return std::make_unique<Consumer>(CI, E, std::move(R), CodeGen, std::move(Side));
  }

private:
  std::string Config;
  std::string Checks;
  std::string Output;
  int SystemHeaders = -1; // -1: as configured
  bool AnalysisOnly = false;

  bool openSideFile(CompilerInstance &CI, llvm::StringRef InFile, Reporter *R, std::unique_ptr<SideFile> &Side) {
    std::string Cwd = CI.getFileSystemOpts().WorkingDir;
    if (Cwd.empty()) {
      llvm::SmallString<256> Cur;
      if (!llvm::sys::fs::current_path(Cur))
        Cwd = Cur.str().str();
    }
    std::FILE *F = std::fopen(Output.c_str(), "w");
    if (!F) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "ptrcheck: cannot write '%0'")) << Output;
      return false;
    }
    if (char *Header = ptrcheck_side_header_line(InFile.str().c_str(), Cwd.c_str())) {
      std::fputs(Header, F);
      ptrcheck_free(Header);
    }
    std::fflush(F);
    Side = std::make_unique<SideFile>(F, Cwd, R);
    return true;
  }

  // One clang error at FILE:LINE:COL of the configuration file, so editors and CI jump to it.
  static void reportConfigError(CompilerInstance &CI, const ptrcheck_error_t &Err) {
    DiagnosticsEngine &D = CI.getDiagnostics();
    SourceManager &SM = CI.getSourceManager();
    SourceLocation Loc;
    if (Err.file[0] && Err.line) {
      auto Buf = llvm::MemoryBuffer::getFile(Err.file, /*IsText=*/false, /*RequiresNullTerminator=*/true);
      if (Buf) {
        std::unique_ptr<llvm::MemoryBuffer> Copy =
            llvm::MemoryBuffer::getMemBufferCopy((*Buf)->getBuffer(), Err.file);
        FileID FID = SM.createFileID(std::move(Copy));
        Loc = SM.translateLineCol(FID, Err.line, Err.col ? Err.col : 1);
      }
    }
    if (Loc.isValid()) {
      D.Report(Loc, D.getCustomDiagID(DiagnosticsEngine::Error, "%0")) << Err.message;
    } else {
      std::string Msg = Err.file[0] ? std::string(Err.file) + ": " + Err.message : std::string(Err.message);
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "ptrcheck: %0")) << Msg;
    }
  }
};

} // namespace

static FrontendPluginRegistry::Add<Action> X("ptrcheck", "find unsafe pointer use (ptrcheck)");
