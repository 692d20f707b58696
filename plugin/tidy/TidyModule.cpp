// The clang-tidy module: `clang-tidy --load=PREFIX/lib/ptrcheck/ptrcheck-tidy.so --checks='-*,ptrcheck-*'`.
// A dumb adapter, like the plugin: one ClangTidyCheck per AST-level check id, each running the same
// AST pass (AstFacts.cpp) through an engine of its own in which only its id is enabled, and turning
// engine diagnostics into clang-tidy diagnostics.  So ids and messages are the plugin's, and
// clang-tidy's own check selection, NOLINT, --fix and header filtering apply.
//
// No process-global mutable state: one clang-tidy process handles many translation units, and each
// check instance keeps only its options; the engine lives for one check() call.
//
// Options (CheckOptions in .clang-tidy), per check:
//   ptrcheck-<id>.Config            a .ptrcheck.yaml to use (default: looked up from the main file's
//                                   directory upward, as the plugin does)
//   ptrcheck-<id>.Targets           comma/semicolon-separated target triples (replaces `targets`)
//   ptrcheck-<id>.StrictProvenance  true/false (replaces `strict-provenance`)
// A bad value (or a bad .ptrcheck.yaml) is an error diagnostic, so clang-tidy exits non-zero instead
// of running without the check.
#include "AstFacts.h"
#include "PPFacts.h"

#define PTRCHECK_COMPAT_TIDY
#include "ptrcheck_compat.h"

#include "ptrcheck/ptrcheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <string>

using namespace clang;
using namespace clang::ast_matchers;

namespace ptrcheck {
namespace {

class Check : public tidy::ClangTidyCheck {
public:
  Check(llvm::StringRef Name, tidy::ClangTidyContext *Context, ptrcheck_check_t Id)
      : ClangTidyCheck(Name, Context), Id(Id), Config(Options.get("Config", "")),
        Targets(Options.get("Targets", "")), StrictProvenance(Options.get("StrictProvenance", "")) {}

  void storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) override {
    Options.store(Opts, "Config", Config);
    Options.store(Opts, "Targets", Targets);
    Options.store(Opts, "StrictProvenance", StrictProvenance);
  }

  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP, Preprocessor *) override {
    PPRec = std::make_shared<PPRecord>(); // one per translation unit
    PP->addPPCallbacks(std::make_unique<PPFacts>(SM, PP->getLangOpts(), PPRec));
  }

  void registerMatchers(MatchFinder *Finder) override { Finder->addMatcher(translationUnitDecl().bind("tu"), this); }

  void check(const MatchFinder::MatchResult &Result) override {
    ASTContext &Ctx = *Result.Context;
    SM = &Ctx.getSourceManager();
    ptrcheck_config_t Cfg;
    ptrcheck_error_t Err;
    ptrcheck_error_clear(&Err);
    if (!loadConfig(Cfg, Err)) {
      char Buf[2300];
      configurationDiag("ptrcheck: %0", DiagnosticIDs::Error) << ptrcheck_error_format(&Err, Buf, sizeof Buf);
      return;
    }
    ptrcheck_engine_t *E = ptrcheck_engine_create(&Cfg, &Err);
    if (!E) {
      ptrcheck_config_delete(&Cfg);
      char Buf[2300];
      configurationDiag("ptrcheck: %0", DiagnosticIDs::Error) << ptrcheck_error_format(&Err, Buf, sizeof Buf);
      return;
    }
    ptrcheck_engine_set_sink(E, &Check::sink, this);
    AnalyzeOptions Opts;
    Opts.RecordSites = false; // no IR in clang-tidy
    Opts.PP = PPRec.get();
    analyzeTranslationUnit(Ctx, E, Opts);
    ptrcheck_engine_destroy(E);
    SM = nullptr;
  }

private:
  ptrcheck_check_t Id;
  std::string Config;
  std::string Targets;
  std::string StrictProvenance;
  const SourceManager *SM = nullptr; // valid during check() only
  std::shared_ptr<PPRecord> PPRec = std::make_shared<PPRecord>();

  static void sink(void *User, const ptrcheck_diag_t *D) { static_cast<Check *>(User)->emit(D); }

  void emit(const ptrcheck_diag_t *D) {
    if (D->check != Id)
      return; // the engine only has our id enabled; belt and braces
    {
      DiagnosticBuilder B = diag(toSourceLocation(*SM, D->loc), "%0");
      B << D->message;
      for (size_t I = 0; I < D->nfixits; ++I) {
        const ptrcheck_fixit_t &F = D->fixits[I];
        SourceLocation Begin = toSourceLocation(*SM, F.begin);
        SourceLocation End = toSourceLocation(*SM, F.end);
        if (Begin.isValid() && End.isValid())
          B << FixItHint::CreateReplacement(CharSourceRange::getCharRange(Begin, End), F.text);
      }
    }
    for (size_t I = 0; I < D->nnotes; ++I)
      diag(toSourceLocation(*SM, D->notes[I].loc), "%0", DiagnosticIDs::Note) << D->notes[I].message;
  }

  // Defaults, then .ptrcheck.yaml (Config, else looked up like the plugin), then Targets and
  // StrictProvenance (through the YAML loader, so they are validated the same way), then only our id.
  bool loadConfig(ptrcheck_config_t &Cfg, ptrcheck_error_t &Err) {
    if (!ptrcheck_config_init(&Cfg, &Err))
      return false;
    std::string Path = Config;
    if (Path.empty()) {
      llvm::StringRef MainName = SM->getFilename(SM->getLocForStartOfFile(SM->getMainFileID()));
      if (!MainName.empty()) {
        llvm::SmallString<256> Abs(MainName);
        llvm::sys::fs::make_absolute(Abs);
        std::string Dir = llvm::sys::path::parent_path(Abs).str();
        char *Found = nullptr;
        if (!ptrcheck_config_find(Dir.c_str(), &Found, &Err))
          goto fail;
        if (Found) {
          Path = Found;
          ptrcheck_free(Found);
        }
      }
    }
    if (!Path.empty() && !ptrcheck_config_load_file(&Cfg, Path.c_str(), &Err))
      goto fail;
    {
      std::string Yaml;
      if (!Targets.empty()) {
        std::string List = Targets;
        for (char &C : List)
          if (C == ';')
            C = ',';
        Yaml += "targets: [" + List + "]\n";
      }
      if (!StrictProvenance.empty())
        Yaml += "strict-provenance: " + StrictProvenance + "\n";
      if (!Yaml.empty()) {
        std::string Name = "CheckOptions of " + std::string(ptrcheck_check_info(Id)->full_id);
        if (!ptrcheck_config_load_string(&Cfg, Name.c_str(), Yaml.data(), Yaml.size(), &Err))
          goto fail;
      }
    }
    {
      std::string Globs = std::string("-*,") + ptrcheck_check_info(Id)->full_id;
      if (!ptrcheck_config_add_check_globs(&Cfg, Globs.c_str(), &Err))
        goto fail;
    }
    return true;
  fail:
    ptrcheck_config_delete(&Cfg);
    return false;
  }
};

class Module : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &Factories) override {
    for (int C = 0; C < PTRCHECK_CHECK_COUNT; ++C) {
      const ptrcheck_check_info_t *Info = ptrcheck_check_info(static_cast<ptrcheck_check_t>(C));
      if (!(Info->layers & PTRCHECK_LAYER_AST))
        continue; // IR-only checks need code generation: use the plugin or the ptrcheck CLI
      ptrcheck_check_t Id = Info->check;
      Factories.registerCheckFactory(Info->full_id, [Id](llvm::StringRef Name, tidy::ClangTidyContext *Context) {
        return std::make_unique<Check>(Name, Context, Id);
      });
    }
  }
};

} // namespace
} // namespace ptrcheck

static clang::tidy::ClangTidyModuleRegistry::Add<ptrcheck::Module> X("ptrcheck-module",
                                                                      "ptrcheck: unsafe pointer use in C");
