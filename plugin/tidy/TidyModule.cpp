// The clang-tidy module: `clang-tidy --load=PREFIX/lib/ptrcheck/ptrcheck-tidy.so --checks='-*,ptrcheck-*'`.
// A dumb adapter, like the plugin: one ClangTidyCheck per AST-level check id; the first enabled one
// (in catalogue order) runs the AST pass (AstFacts.cpp) ONCE per translation unit for every enabled
// ptrcheck check, through one engine in which exactly those ids are enabled, and turns engine
// diagnostics into clang-tidy diagnostics of the id that found them.  So ids and messages are the
// plugin's, and clang-tidy's own check selection, NOLINT, --fix and header filtering apply.
//
// No process-global mutable state: one clang-tidy process handles many translation units, and each
// check instance keeps only its options; the engine lives for one check() call.
//
// Options (CheckOptions in .clang-tidy), per check:
//   ptrcheck-<id>.Config            a .ptrcheck.yaml to use (default: looked up from the main file's
//                                   directory upward, as the plugin does)
//   ptrcheck-<id>.Targets           comma/semicolon-separated target triples (replaces `targets`)
//   ptrcheck-<id>.StrictProvenance  true/false (replaces `strict-provenance`)
// Checks whose three options agree share the walk; each different set of options costs one more.
// A bad value (or a bad .ptrcheck.yaml) is an error diagnostic, so clang-tidy exits non-zero instead
// of running without the check.
#include "AstFacts.h"
#include "PPFacts.h"
#include "SourceLines.h"

#define PTRCHECK_COMPAT_TIDY
#include "ptrcheck_compat.h"

#include "ptrcheck/ptrcheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace clang;
using namespace clang::ast_matchers;

namespace ptrcheck {
namespace {

// The options of one check; checks with equal options share an engine and a walk.
struct CheckOptions {
  std::string Config, Targets, StrictProvenance;
  bool operator==(const CheckOptions &O) const {
    return Config == O.Config && Targets == O.Targets && StrictProvenance == O.StrictProvenance;
  }
};

// The option names of every ptrcheck check (CheckOptions keys ptrcheck-<id>.<name>).
const char *const OptionNames[] = {"Config", "Targets", "StrictProvenance"};

// What is wrong with CheckOptions key K ("ptrcheck-<id>.<name>"), or "" when it names an option of an
// AST check.  clang-tidy ignores keys no check reads, so a misspelt name would silently drop the
// option; ptrcheck's own keys are checked instead.
std::string badOptionKey(llvm::StringRef K) {
  size_t Dot = K.rfind('.');
  llvm::StringRef CheckName = Dot == llvm::StringRef::npos ? K : K.substr(0, Dot);
  llvm::StringRef Opt = Dot == llvm::StringRef::npos ? llvm::StringRef() : K.substr(Dot + 1);
  const ptrcheck_check_info_t *Found = nullptr;
  for (int C = 0; C < PTRCHECK_CHECK_COUNT; ++C) {
    const ptrcheck_check_info_t *Info = ptrcheck_check_info(static_cast<ptrcheck_check_t>(C));
    if (CheckName == Info->full_id)
      Found = Info;
  }
  std::string Valid = std::string(OptionNames[0]) + ", " + OptionNames[1] + " and " + OptionNames[2];
  if (!Found)
    return "'" + K.str() + "': no ptrcheck check is named '" + CheckName.str() + "' (ptrcheck --list-checks)";
  if (!(Found->layers & PTRCHECK_LAYER_AST))
    return "'" + K.str() + "': " + CheckName.str() +
           " has no clang-tidy check (its findings need code generation: use the plugin or the CLI)";
  for (const char *N : OptionNames)
    if (Opt == N)
      return std::string();
  return "'" + K.str() + "': " + CheckName.str() + " has no option '" + Opt.str() + "' (its options are " + Valid +
         ")";
}

CheckOptions readOptions(const tidy::ClangTidyCheck::OptionsView &V) {
  // std::string(...): get() returns std::string on LLVM 14 and StringRef on 19 and 22
  return CheckOptions{std::string(V.get(OptionNames[0], "")), std::string(V.get(OptionNames[1], "")),
                      std::string(V.get(OptionNames[2], ""))};
}

class Check : public tidy::ClangTidyCheck {
public:
  Check(llvm::StringRef Name, tidy::ClangTidyContext *Context, ptrcheck_check_t Id)
      : ClangTidyCheck(Name, Context), Context(Context), Id(Id), Opts(readOptions(Options)) {}

  void storeOptions(tidy::ClangTidyOptions::OptionMap &Map) override {
    Options.store(Map, OptionNames[0], Opts.Config);
    Options.store(Map, OptionNames[1], Opts.Targets);
    Options.store(Map, OptionNames[2], Opts.StrictProvenance);
  }

  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP, Preprocessor *) override {
    if (!leader())
      return;
    PPRec = std::make_shared<PPRecord>(); // one per translation unit
    PP->addPPCallbacks(std::make_unique<PPFacts>(*PP, PPRec));
  }

  void registerMatchers(MatchFinder *Finder) override {
    if (leader())
      Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }

  void check(const MatchFinder::MatchResult &Result) override {
    ASTContext &Ctx = *Result.Context;
    if (!optionKeysValid())
      return;
    SM = &Ctx.getSourceManager();
    // The enabled ptrcheck checks, grouped by their options (usually one group).
    std::vector<std::pair<CheckOptions, std::vector<ptrcheck_check_t>>> Groups;
    for (ptrcheck_check_t C : enabledChecks()) {
      const char *Name = ptrcheck_check_info(C)->full_id;
      CheckOptions O = C == Id ? Opts : readOptions(OptionsView(Name, Context->getOptions().CheckOptions, Context));
      auto G = std::find_if(Groups.begin(), Groups.end(), [&](const auto &X) { return X.first == O; });
      if (G == Groups.end())
        Groups.push_back({O, {C}});
      else
        G->second.push_back(C);
    }
    SourceLines Lines(Ctx.getSourceManager());
    for (const auto &G : Groups)
      run(Ctx, G.first, G.second, Lines);
    SM = nullptr;
  }

private:
  tidy::ClangTidyContext *Context;
  ptrcheck_check_t Id;
  CheckOptions Opts;
  const SourceManager *SM = nullptr; // valid during check() only
  std::shared_ptr<PPRecord> PPRec = std::make_shared<PPRecord>();

  // The AST-level ptrcheck checks clang-tidy runs (it creates a check object for exactly these).
  std::vector<ptrcheck_check_t> enabledChecks() const {
    std::vector<ptrcheck_check_t> R;
    for (int C = 0; C < PTRCHECK_CHECK_COUNT; ++C) {
      const ptrcheck_check_info_t *Info = ptrcheck_check_info(static_cast<ptrcheck_check_t>(C));
      if ((Info->layers & PTRCHECK_LAYER_AST) && Context->isCheckEnabled(Info->full_id))
        R.push_back(Info->check);
    }
    return R;
  }

  // Every CheckOptions key of a ptrcheck check names one of its options; otherwise one error naming
  // the keys (sorted), so clang-tidy exits non-zero instead of running without the option.
  bool optionKeysValid() {
    std::vector<std::string> Bad;
    for (const auto &KV : Context->getOptions().CheckOptions)
      if (KV.getKey().find("ptrcheck-") == 0) { // (startswith/starts_with differ across majors)
        std::string Why = badOptionKey(KV.getKey());
        if (!Why.empty())
          Bad.push_back(Why);
      }
    if (Bad.empty())
      return true;
    std::sort(Bad.begin(), Bad.end());
    std::string Msg = "CheckOptions: " + Bad.front();
    for (size_t I = 1; I < Bad.size(); ++I)
      Msg += "; " + Bad[I];
    configurationDiag("ptrcheck: %0", DiagnosticIDs::Error) << Msg;
    return false;
  }

  // The first enabled one walks for all.
  bool leader() const {
    std::vector<ptrcheck_check_t> On = enabledChecks();
    return !On.empty() && On.front() == Id;
  }

  void run(ASTContext &Ctx, const CheckOptions &O, const std::vector<ptrcheck_check_t> &Ids, SourceLines &Lines) {
    ptrcheck_config_t Cfg;
    ptrcheck_error_t Err;
    ptrcheck_error_clear(&Err);
    ptrcheck_engine_t *E = nullptr;
    if (loadConfig(O, Ids, Cfg, Err)) {
      E = ptrcheck_engine_create(&Cfg, &Err);
      if (!E)
        ptrcheck_config_fini(&Cfg);
    }
    if (!E) {
      char Buf[2300];
      configurationDiag("ptrcheck: %0", DiagnosticIDs::Error) << ptrcheck_error_format(&Err, Buf, sizeof Buf);
      return;
    }
    ptrcheck_engine_set_sink(E, &Check::sink, this);
    Lines.install(E);
    AnalyzeOptions A;
    A.RecordSites = false; // no IR in clang-tidy
    A.PP = PPRec.get();
    analyzeTranslationUnit(Ctx, E, A);
    ptrcheck_engine_destroy(E);
  }

  static void sink(void *User, const ptrcheck_diag_t *D) { static_cast<Check *>(User)->emit(D); }

  void emit(const ptrcheck_diag_t *D) {
    const char *Name = ptrcheck_check_info(D->check)->full_id; // enabled in the engine, so in clang-tidy
    {
      DiagnosticBuilder B = Context->diag(Name, toSourceLocation(*SM, D->loc), "%0");
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
      Context->diag(Name, toSourceLocation(*SM, D->notes[I].loc), "%0", DiagnosticIDs::Note) << D->notes[I].message;
  }

  // The plugin's resolution (Config, else .ptrcheck.yaml looked up from the main file), then Targets
  // and StrictProvenance (through the YAML loader, so they are validated the same way), then only
  // the group's ids.
  bool loadConfig(const CheckOptions &O, const std::vector<ptrcheck_check_t> &Ids, ptrcheck_config_t &Cfg,
                  ptrcheck_error_t &Err) {
    std::string Main = SM->getFilename(SM->getLocForStartOfFile(SM->getMainFileID())).str();
    std::string Globs = "-*";
    for (ptrcheck_check_t C : Ids)
      Globs += std::string(",") + ptrcheck_check_info(C)->full_id;
    if (!ptrcheck_config_resolve(&Cfg, Main.c_str(), O.Config.c_str(), nullptr, &Err))
      return false;
    std::string Yaml;
    if (!O.Targets.empty()) {
      std::string List = O.Targets;
      for (char &C : List)
        if (C == ';')
          C = ',';
      Yaml += "targets: [" + List + "]\n";
    }
    if (!O.StrictProvenance.empty())
      Yaml += "strict-provenance: " + O.StrictProvenance + "\n";
    if (!Yaml.empty()) {
      std::string Name = "CheckOptions of " + std::string(ptrcheck_check_info(Ids.front())->full_id);
      if (!ptrcheck_config_load_string(&Cfg, Name.c_str(), Yaml.data(), Yaml.size(), &Err))
        goto fail;
    }
    // clang-tidy's --system-headers (SystemHeaders in .clang-tidy) shows findings in system headers,
    // so the walk must collect them as `system-headers: true` would.
    if (Context->getOptions().SystemHeaders && *Context->getOptions().SystemHeaders)
      Cfg.system_headers = 1;
    if (!ptrcheck_config_add_check_globs(&Cfg, Globs.c_str(), &Err))
      goto fail;
    return true;
  fail:
    ptrcheck_config_fini(&Cfg);
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
