// AST -> facts translation and the one code-generation-order walk (see AstFacts.h); the per-check
// collectors of facts/<id>.cpp hook into the walk (WalkHooks.h).
#include "AstFacts.h"
#include "ExprFacts.h"
#include "PPFacts.h"
#include "RecordFacts.h"
#include "WalkHooks.h"
#define PTRCHECK_COMPAT_AST
#include "ptrcheck_compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace clang;

namespace ptrcheck {

SourceLocation toSourceLocation(const SourceManager &SM, const ptrcheck_loc_t &L) {
  if (L.raw)
    return SourceLocation::getFromRawEncoding(static_cast<SourceLocation::UIntTy>(L.raw - 1));
  if (!L.file || !L.line)
    return SourceLocation();
  auto &Mutable = const_cast<SourceManager &>(SM);
  auto Ref = Mutable.getFileManager().getFileRef(L.file);
  if (!Ref) {
    llvm::consumeError(Ref.takeError());
    return SourceLocation();
  }
  SourceLocation R = Mutable.translateFileLineCol(&Ref->getFileEntry(), L.line, L.col ? L.col : 1);
  if (R.isInvalid()) { // a file clang never read (e.g. a layout table named in .ptrcheck.yaml)
    FileID FID = Mutable.createFileID(*Ref, SourceLocation(), SrcMgr::C_User);
    R = Mutable.translateLineCol(FID, L.line, L.col ? L.col : 1);
  }
  return R;
}

namespace {

class Facts {
public:
  Facts(ASTContext &Ctx, ptrcheck_engine_t *E, const AnalyzeOptions &Opts)
      : X(Ctx, E, Opts.PP,
          ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_OFFSET) || ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_STATIC_ASSERT)),
        Ctx(Ctx), SM(Ctx.getSourceManager()), E(E), Opts(Opts), Mangler(Ctx.createMangleContext()),
        WantsCast(ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_CAST)),
        WantsPtrToInt(ptrcheck_ast_wants(E, PTRCHECK_AST_FACT_PTR_TO_INT)) {
    // The collectors of the enabled checks, in a fixed order (so findings come out in one order).
    std::unique_ptr<WalkHooks> Made[] = {stackEscapeHooks(X, W, Opts.EscapeSites), sliceForgeHooks(X, W),
                                         offsetAssumptionHooks(X, W)};
    for (auto &H : Made) {
      if (!H)
        continue;
      StmtClasses Pre, Post;
      H->observes(Pre, Post);
      Hook Entry{H.get(), H->outsideFunctions()};
      for (unsigned C = 0; C < Pre.size(); ++C) {
        if (Pre.test(C))
          PreHooks[C].push_back(Entry);
        if (Post.test(C))
          PostHooks[C].push_back(Entry);
      }
      All.push_back(Entry);
      Hooks.push_back(std::move(H));
    }
    for (unsigned C = 0; C <= Stmt::lastStmtConstant; ++C)
      Inert[C] = inertClass(static_cast<Stmt::StmtClass>(C)) && PreHooks[C].empty() && PostHooks[C].empty();
  }

  void run() {
    if (Opts.PP && Opts.PP->WindowsLoc.isValid())
      ptrcheck_engine_note_windows_intent(E, loc(Opts.PP->WindowsLoc), Opts.PP->WindowsWhat.c_str());
    RegionsPending = Opts.PP && !Opts.PP->Regions.empty();
    if (RegionsPending)
      ptrcheck_engine_set_region_source(E, &Facts::noteRegions, this);
    ptrcheck_ast_on_tu_begin(E, Ctx.getTargetInfo().getTriple().str().c_str());
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      decl(D);
    drainLambdas(); // those in file-scope initialisers
    // This object ends here; what the IR side asks later needs the regions noted now.
    if (RegionsPending && Opts.RecordSites)
      noteRegions(this, E);
    if (RegionsPending)
      ptrcheck_engine_set_region_source(E, nullptr, nullptr);
    if (const char *Dump = std::getenv("PTRCHECK_DUMP_LAYOUTS"))
      dumpLayouts(Dump);
  }

private:
  // ptrcheck_regions_fn: the branches taken because of a target-dependent condition
  static void noteRegions(void *User, ptrcheck_engine_t *E) {
    Facts &F = *static_cast<Facts *>(User);
    F.RegionsPending = false;
    ptrcheck_engine_set_region_source(E, nullptr, nullptr);
    std::vector<ptrcheck_pp_tok_t> Cond;
    for (const PPRecord::Region &R : F.Opts.PP->Regions) {
      ptrcheck_loc_t B = F.loc(R.Begin), En = F.loc(R.End);
      if (!B.file || !En.file || std::strcmp(B.file, En.file) != 0)
        continue;
      Cond.clear();
      for (const PPToken &T : R.Cond)
        Cond.push_back({T.Kind, T.Text.empty() ? nullptr : T.Text.data(), T.Value, T.Flags});
      ptrcheck_engine_note_pp_region(E, B.file, B.line, En.line, Cond.data(), Cond.size());
    }
  }

  ExprFacts X; // first: the collectors hold references to it
  ASTContext &Ctx;
  SourceManager &SM;
  ptrcheck_engine_t *E;
  AnalyzeOptions Opts;
  std::unique_ptr<MangleContext> Mangler;
  std::vector<const CXXMethodDecl *> Lambdas; // call operators met in the function being walked
  llvm::SmallPtrSet<const RecordDecl *, 32> RecordsSeen;
  WalkState W;
  ptrcheck_ast_fn_t &Fn = W.Fn;            // the function being walked; empty outside functions
  std::vector<const Stmt *> &Stack = W.Stack; // stmt() ancestors of the statement being visited, innermost last
  bool Sites = false;
  bool RegionsPending = false; // Opts.PP's regions given as the engine's source, not yet noted
  // What the enabled checks want (ptrcheck_ast_wants): fixed for the translation unit, asked once
  // here rather than on every expression.
  bool WantsCast, WantsPtrToInt;

  // The per-check collectors on this walk, and for each statement class the ones that observe it
  // before / after its sub-statements: a statement no collector looks at costs none a call.
  struct Hook {
    WalkHooks *H;
    bool Outside; // also outside function bodies (WalkHooks::outsideFunctions)
  };
  std::vector<std::unique_ptr<WalkHooks>> Hooks;
  std::vector<Hook> All;
  llvm::SmallVector<Hook, 2> PreHooks[Stmt::lastStmtConstant + 1], PostHooks[Stmt::lastStmtConstant + 1];
  bool InFunction = false; // walking code the function emits (not a static local's initialiser)
  // Statement classes whose visit does nothing: the walk records nothing for them or for anything
  // below them, and no collector observes them.  Not even pushed on the stack.
  bool Inert[Stmt::lastStmtConstant + 1];

  static bool inertClass(Stmt::StmtClass C) {
    switch (C) {
    case Stmt::DeclRefExprClass:
    case Stmt::IntegerLiteralClass:
    case Stmt::FloatingLiteralClass:
    case Stmt::FixedPointLiteralClass:
    case Stmt::CharacterLiteralClass:
    case Stmt::StringLiteralClass:
    case Stmt::PredefinedExprClass:  // below it at most the function name's string literal
    case Stmt::CXXBoolLiteralExprClass:
    case Stmt::CXXNullPtrLiteralExprClass:
    case Stmt::GNUNullExprClass:
    case Stmt::ImplicitValueInitExprClass:
    case Stmt::OpaqueValueExprClass: // no children: its source is walked where it is written
    case Stmt::AddrLabelExprClass:
    case Stmt::NullStmtClass:
    case Stmt::BreakStmtClass:
    case Stmt::ContinueStmtClass:
    case Stmt::GotoStmtClass:
    case Stmt::UnaryExprOrTypeTraitExprClass: // unevaluated (stmtIn)
    case Stmt::OffsetOfExprClass:
    case Stmt::BlockExprClass:                // a function of its own
      return true;
    default:
      return false;
    }
  }

  bool calls(const Hook &K) const { return InFunction || K.Outside; }

  ptrcheck_loc_t loc(SourceLocation L) { return X.loc(L); }
  unsigned long long bytesOf(QualType T) { return X.bytesOf(T); }
  bool inSystemHeader(SourceLocation L) { return X.inSystemHeader(L); }

  // PTRCHECK_DUMP_LAYOUTS=FILE: the engine's computed layouts of every named record defined in the
  // main file, as a layout table (cross-validated against `ptrcheck layout gen` in the tests).
  void collectRecords(const DeclContext *DC, std::vector<const ptrcheck_rdesc_t *> &Out,
                      llvm::SmallPtrSet<const RecordDecl *, 16> &Seen) {
    for (const Decl *D : DC->decls()) {
      const auto *RD = dyn_cast<RecordDecl>(D);
      if (!RD || !RD->isThisDeclarationADefinition())
        continue;
      if (SM.isInMainFile(SM.getExpansionLoc(RD->getLocation())) && !RecordDescriber::recordName(RD).empty() &&
          Seen.insert(RD).second)
        if (const ptrcheck_rdesc_t *R = X.Records.describe(RD))
          Out.push_back(R);
      collectRecords(RD, Out, Seen);
    }
  }

  void dumpLayouts(const char *Path) {
    std::vector<const ptrcheck_rdesc_t *> Recs;
    llvm::SmallPtrSet<const RecordDecl *, 16> Seen;
    collectRecords(Ctx.getTranslationUnitDecl(), Recs, Seen);
    ptrcheck_error_t Err;
    ptrcheck_error_clear(&Err);
    if (!ptrcheck_ast_dump_layouts(E, Recs.data(), Recs.size(), Path, &Err))
      llvm::errs() << "ptrcheck: " << Err.message << "\n";
  }

  // ------------------------------------------------------------------ sites
  void site(ptrcheck_site_kind_t K, SourceLocation L, const char *Name = nullptr, unsigned long long Bytes = 0,
            unsigned Flags = 0) {
    if (!Sites)
      return;
    ptrcheck_site_t S{};
    S.loc = loc(L);
    S.name = Name;
    S.bytes = Bytes;
    S.flags = Flags;
    ptrcheck_sites_add(E, K, &S);
  }

  void localSite(const VarDecl *V, unsigned Flags) {
    if (!Sites)
      return;
    QualType T = V->getType();
    if (T->isVariableArrayType())
      Flags |= PTRCHECK_SITE_F_VLA;
    if (T->isArrayType())
      Flags |= PTRCHECK_SITE_F_ARRAY;
    if ((Flags & PTRCHECK_SITE_F_PARAM) && T->isRecordType())
      Flags |= PTRCHECK_SITE_F_AGGREGATE;
    if (!(Flags & PTRCHECK_SITE_F_PARAM) && V->isNRVOVariable())
      Flags |= PTRCHECK_SITE_F_NRVO;
    std::string Name = V->getNameAsString();
    site(PTRCHECK_SITE_LOCAL, V->getLocation(), Name.c_str(), bytesOf(T), Flags);
  }

  void recordFields(const RecordDecl *RD) {
    if (!RD || !Sites || RD->isInvalidDecl() || RD->isDependentType())
      return;
    RD = RD->getDefinition();
    if (!RD || !RecordsSeen.insert(RD).second)
      return;
    const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
    std::string IRName = ExprFacts::recordIRName(RD);
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      unsigned long long Off = Layout.getFieldOffset(I++) / 8;
      if (F->isBitField())
        continue;
      std::string FName = F->getNameAsString();
      if (!FName.empty())
        ptrcheck_sites_add_record_field(E, IRName.c_str(), Off, FName.c_str());
    }
  }

  // Clang's code generator numbers unnamed types with no mangling number (the closure of a lambda in
  // a non-inline function: "$_0") in its own emission order, which this walk cannot reproduce: such
  // a symbol may name another lambda's IR, so it gets no site table (a missing mapping, never a wrong
  // one).  Lambdas in inline functions and templates have mangling numbers and are reliable.
  static bool reliableSymbol(const std::string &Sym) { return Sym.find("$_") == std::string::npos; }

  std::string symbolName(const FunctionDecl *FD) {
    if (const auto *A = FD->getAttr<AsmLabelAttr>())
      return "\x01" + A->getLabel().str();
    if (Mangler && Mangler->shouldMangleDeclName(FD)) {
      std::string S;
      llvm::raw_string_ostream OS(S);
      if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
        Mangler->mangleName(GlobalDecl(CD, Ctor_Complete), OS);
      else if (const auto *DD = dyn_cast<CXXDestructorDecl>(FD))
        Mangler->mangleName(GlobalDecl(DD, Dtor_Complete), OS);
      else
        Mangler->mangleName(GlobalDecl(FD), OS);
      return OS.str();
    }
    if (const IdentifierInfo *II = FD->getIdentifier()) // no printing through a stream
      return II->getName().str();
    return FD->getNameAsString();
  }

  // ------------------------------------------------------------------ the walk
  void decl(Decl *D) {
    if (auto *LS = dyn_cast<LinkageSpecDecl>(D)) {
      for (Decl *I : LS->decls())
        decl(I);
      return;
    }
    if (auto *NS = dyn_cast<NamespaceDecl>(D)) {
      for (Decl *I : NS->decls())
        decl(I);
      return;
    }
    if (auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      if (RD->isThisDeclarationADefinition() && !RD->isDependentContext())
        for (Decl *I : RD->decls())
          if (isa<FunctionDecl>(I) || isa<FunctionTemplateDecl>(I) || isa<CXXRecordDecl>(I))
            decl(I);
      return;
    }
    // Template instantiations are functions in the IR too: walk the specializations, not the pattern.
    if (auto *FTD = dyn_cast<FunctionTemplateDecl>(D)) {
      for (FunctionDecl *Spec : FTD->specializations())
        decl(Spec);
      return;
    }
    if (auto *CTD = dyn_cast<ClassTemplateDecl>(D)) {
      for (ClassTemplateSpecializationDecl *Spec : CTD->specializations())
        decl(Spec);
      return;
    }
    if (auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->isThisDeclarationADefinition() && FD->hasBody() && !FD->isDependentContext() &&
          !FD->isInvalidDecl()) {
        if (!inSystemHeader(FD->getLocation()))
          function(FD);
        else if (Opts.RecordSites)
          systemFunction(FD);
      }
      return;
    }
    if (isa<StaticAssertDecl>(D)) {
      declaration(D);
      return;
    }
    if (auto *VD = dyn_cast<VarDecl>(D)) {
      if (VD->hasInit() && !VD->getType()->isDependentType() && !inSystemHeader(VD->getLocation())) {
        Fn = ptrcheck_ast_fn_t{};
        Sites = false;
        declaration(VD);
        stmt(VD->getInit());
      }
    }
  }

  void declaration(const Decl *D) {
    for (const Hook &K : All)
      if (calls(K))
        K.H->declaration(D);
  }

  // An inline function of a system header that code generation may emit: only its location, so the
  // IR findings in it are located there (and dropped as system-header findings) without walking it.
  void systemFunction(const FunctionDecl *FD) {
    std::string Sym = symbolName(FD);
    if (!reliableSymbol(Sym))
      return;
    ptrcheck_sites_begin_function(E, Sym.c_str(), loc(FD->getLocation()));
    ptrcheck_sites_end_function(E);
  }

  void function(const FunctionDecl *FD) {
    std::string Sym = symbolName(FD);
    Fn.name = ptrcheck_engine_intern(E, Sym.c_str());
    Sites = Opts.RecordSites && reliableSymbol(Sym);
    Fn.loc = Sites ? loc(FD->getLocation()) : SourceLocs::lazy(FD->getLocation());
    if (Sites)
      ptrcheck_sites_begin_function(E, Sym.c_str(), Fn.loc);
    // C++: `this` is the first parameter clang spills (this.addr), before the declared ones.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->isInstance())
      site(PTRCHECK_SITE_LOCAL, FD->getLocation(), "this", Ctx.getTypeSize(Ctx.VoidPtrTy) / 8, PTRCHECK_SITE_F_PARAM);
    for (const ParmVarDecl *P : FD->parameters())
      localSite(P, PTRCHECK_SITE_F_PARAM | escapeParamFlags(FD, P));
    for (const Hook &K : All)
      K.H->functionBegin(FD, Sites);
    FnBody = FD->getBody();
    X.setFunctionBody(FnBody);
    InFunction = true;
    stmt(FD->getBody());
    InFunction = false;
    FnBody = nullptr;
    X.setFunctionBody(nullptr);
    UsePM.reset();
    for (const Hook &K : All)
      K.H->functionEnd();
    if (Sites)
      ptrcheck_sites_end_function(E);
    Sites = false;
    Fn = ptrcheck_ast_fn_t{};
    drainLambdas(); // the lambdas it defines (and theirs, in turn)
  }

  void drainLambdas() {
    while (!Lambdas.empty()) {
      const CXXMethodDecl *Op = Lambdas.back();
      Lambdas.pop_back();
      if (Op->hasBody() && !Op->isDependentContext() && !Op->isInvalidDecl() && !inSystemHeader(Op->getLocation()))
        function(Op);
    }
  }


  // Which arm of a constant condition clang's code generator drops: -1 none, 0 the else/false arm,
  // 1 the then/true arm.
  // C only: evaluating X (a prvalue) needs the value of a variable that is not const-qualified,
  // which is never a constant, so Expr::EvaluateAsBooleanCondition fails on it.  False when unsure.
  // Most conditions (`rc == SQLITE_OK`, `p->n > 0`, `!p`) are answered here without the evaluator.
  static bool readsVariable(const Expr *X, int Depth = 0) {
    if (Depth > 8)
      return false;
    X = ignoreParens(X);
    if (const auto *C = dyn_cast<CastExpr>(X)) {
      if (C->getCastKind() == CK_LValueToRValue)
        return loadsVariable(C->getSubExpr(), Depth + 1);
      return C->getSubExpr()->isPRValue() && readsVariable(C->getSubExpr(), Depth + 1);
    }
    if (const auto *B = dyn_cast<BinaryOperator>(X)) {
      switch (B->getOpcode()) {
      case BO_LAnd:
      case BO_LOr: // `x && 0` folds: both sides must fail
        return readsVariable(B->getLHS(), Depth + 1) && readsVariable(B->getRHS(), Depth + 1);
      case BO_Mul: case BO_Div: case BO_Rem: case BO_Add: case BO_Sub: case BO_Shl: case BO_Shr:
      case BO_LT: case BO_GT: case BO_LE: case BO_GE: case BO_EQ: case BO_NE:
      case BO_And: case BO_Xor: case BO_Or:
        return readsVariable(B->getLHS(), Depth + 1) || readsVariable(B->getRHS(), Depth + 1);
      default:
        return false;
      }
    }
    if (const auto *U = dyn_cast<UnaryOperator>(X)) {
      UnaryOperatorKind K = U->getOpcode();
      return (K == UO_LNot || K == UO_Not || K == UO_Minus || K == UO_Plus) && readsVariable(U->getSubExpr(), Depth + 1);
    }
    return false;
  }

  // ... reading the lvalue X does.
  static bool loadsVariable(const Expr *X, int Depth) {
    X = ignoreParens(X);
    if (const auto *DR = dyn_cast<DeclRefExpr>(X)) {
      const auto *V = dyn_cast<VarDecl>(DR->getDecl());
      return V && !V->getType().isConstQualified() && !V->isConstexpr();
    }
    if (const auto *M = dyn_cast<MemberExpr>(X))
      return M->isArrow() ? readsVariable(M->getBase(), Depth + 1) : loadsVariable(M->getBase(), Depth + 1);
    if (const auto *U = dyn_cast<UnaryOperator>(X))
      return U->getOpcode() == UO_Deref && readsVariable(U->getSubExpr(), Depth + 1);
    return false;
  }

  // X surely has a side effect Expr::HasSideEffects sees (a call of a function that is not const
  // or pure, an assignment, ++/--), anywhere in the operators it is built of: such a condition is
  // never folded.  False when unsure.
  static bool surelyHasSideEffect(const Expr *X, int Depth = 0) {
    if (Depth > 8)
      return false;
    X = ignoreParens(X);
    if (const auto *Call = dyn_cast<CallExpr>(X)) {
      const Decl *D = Call->getCalleeDecl();
      return !D || !(D->hasAttr<ConstAttr>() || D->hasAttr<PureAttr>());
    }
    if (const auto *C = dyn_cast<CastExpr>(X))
      return surelyHasSideEffect(C->getSubExpr(), Depth + 1);
    if (const auto *B = dyn_cast<BinaryOperator>(X))
      return B->isAssignmentOp() || surelyHasSideEffect(B->getLHS(), Depth + 1) ||
             surelyHasSideEffect(B->getRHS(), Depth + 1);
    if (const auto *U = dyn_cast<UnaryOperator>(X))
      return U->isIncrementDecrementOp() || surelyHasSideEffect(U->getSubExpr(), Depth + 1);
    if (const auto *M = dyn_cast<MemberExpr>(X))
      return surelyHasSideEffect(M->getBase(), Depth + 1);
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(X))
      return surelyHasSideEffect(AS->getBase(), Depth + 1) || surelyHasSideEffect(AS->getIdx(), Depth + 1);
    return false;
  }

  int deadArm(const Expr *Cond, const Stmt *Then, const Stmt *Else) {
    if (!Cond || Cond->isValueDependent())
      return -1;
    if (!Ctx.getLangOpts().CPlusPlus && readsVariable(Cond))
      return -1;
    if (surelyHasSideEffect(Cond)) // HasSideEffects below would say so, after the evaluator's work
      return -1;
    bool B = false;
    // Folding fails fast on most conditions; the side-effect walk is for the few that fold.
    if (!Cond->EvaluateAsBooleanCondition(B, Ctx) || Cond->HasSideEffects(Ctx))
      return -1;
    const Stmt *Dead = B ? Else : Then;
    if (ExprFacts::containsLabel(Dead))
      return -1;
    return B ? 0 : 1;
  }

  // ------------------------------------------------------------------ ptrcheck-ptr-truncation: how a
  // pointer converted to an integer is used (ptrcheck_ptr_to_int_fact_t)
  const Stmt *FnBody = nullptr;
  std::unique_ptr<ParentMap> UsePM;

  const Stmt *parentOf(const Stmt *S) {
    for (size_t I = Stack.size(); I-- > 1;)
      if (Stack[I] == S)
        return Stack[I - 1];
    if (!FnBody)
      return nullptr;
    if (!UsePM)
      UsePM.reset(new ParentMap(const_cast<Stmt *>(FnBody)));
    return UsePM->getParent(S);
  }

  // Climbs from X through what keeps computing on its value; the outermost such expression.
  const Expr *useTop(const Expr *X, bool &AsCondition) {
    AsCondition = false;
    const Stmt *Cur = X;
    for (int Depth = 0; Depth < 16; ++Depth) {
      const Stmt *P = parentOf(Cur);
      if (!P)
        break;
      bool Up = false;
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)) {
        Up = true;
      } else if (const auto *CS = dyn_cast<CStyleCastExpr>(P)) {
        Up = CS->getType()->isIntegerType();
      } else if (const auto *B = dyn_cast<BinaryOperator>(P)) {
        if (B->isLogicalOp()) {
          AsCondition = true;
          break;
        }
        Up = !B->isAssignmentOp() && B->getOpcode() != BO_Comma;
      } else if (const auto *U = dyn_cast<UnaryOperator>(P)) {
        UnaryOperatorKind K = U->getOpcode();
        Up = K == UO_Not || K == UO_LNot || K == UO_Minus || K == UO_Plus;
      } else if (const auto *CO = dyn_cast<ConditionalOperator>(P)) {
        Up = CO->getCond() == Cur;
      } else if (const auto *I = dyn_cast<IfStmt>(P)) {
        AsCondition = I->getCond() == Cur;
      } else if (const auto *W = dyn_cast<WhileStmt>(P)) {
        AsCondition = W->getCond() == Cur;
      } else if (const auto *D = dyn_cast<DoStmt>(P)) {
        AsCondition = D->getCond() == Cur;
      } else if (const auto *F = dyn_cast<ForStmt>(P)) {
        AsCondition = F->getCond() == Cur;
      }
      if (!Up)
        break;
      Cur = P;
    }
    return cast<Expr>(Cur);
  }

  // The local variable an expression's value is stored in (`long v = E;`, `v = E;`), or NULL.
  const VarDecl *storedInLocal(const Expr *Top) {
    const Stmt *P = parentOf(Top);
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
      if (DS->isSingleDecl())
        if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl()))
          if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) && V->getInit() == Top)
            return V;
      return nullptr;
    }
    if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
      if (B->getOpcode() == BO_Assign && B->getRHS() == Top)
        if (const auto *DR = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParens()))
          if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
            if (V->hasLocalStorage())
              return V;
    return nullptr;
  }

  // Every reference to V in the function body; false when V's address is taken or it is written
  // other than by plain assignment.
  bool localRefs(const VarDecl *V, const Stmt *S, std::vector<const DeclRefExpr *> &Reads, unsigned &Refs) {
    if (!S)
      return true;
    if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
      if (DR->getDecl() != V)
        return true;
      ++Refs;
      const Stmt *P = parentOf(DR);
      while (P && isa<ParenExpr>(P))
        P = parentOf(P);
      if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P))
        if (IC->getCastKind() == CK_LValueToRValue) {
          Reads.push_back(DR);
          return Reads.size() <= 16;
        }
      if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
        if (B->getOpcode() == BO_Assign && B->getLHS()->IgnoreParens() == DR)
          return true; // written; what is written is the value (or another one, judged at its cast)
      return false;    // &v, v++, v += ..., passed by reference
    }
    for (const Stmt *C : S->children())
      if (!localRefs(V, C, Reads, Refs))
        return false;
    return true;
  }

  // A local pointer variable every value of which is an integer converted to a pointer.
  bool boxedLocal(const Expr *Operand) {
    const auto *DR = dyn_cast<DeclRefExpr>(Operand->IgnoreParenImpCasts());
    const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || !FnBody)
      return false;
    std::vector<const Expr *> Values;
    if (V->getInit())
      Values.push_back(V->getInit());
    if (!boxedWrites(V, FnBody, Values) || Values.empty())
      return false;
    for (const Expr *Value : Values) {
      const auto *C = dyn_cast<CastExpr>(Value->IgnoreParens());
      while (C && C->getCastKind() != CK_IntegralToPointer && (C->getCastKind() == CK_BitCast || C->getCastKind() == CK_NoOp))
        C = dyn_cast<CastExpr>(C->getSubExpr()->IgnoreParens());
      if (!C || C->getCastKind() != CK_IntegralToPointer)
        return false;
      if (madeFromPointer(C->getSubExpr()))
        return false;
    }
    return true;
  }

  static bool madeFromPointer(const Expr *Y) {
    Y = Y->IgnoreParens();
    if (const auto *C = dyn_cast<CastExpr>(Y)) {
      if (C->getCastKind() == CK_PointerToIntegral)
        return true;
      return madeFromPointer(C->getSubExpr());
    }
    if (const auto *B = dyn_cast<BinaryOperator>(Y))
      return madeFromPointer(B->getLHS()) || madeFromPointer(B->getRHS());
    return false;
  }

  bool boxedWrites(const VarDecl *V, const Stmt *S, std::vector<const Expr *> &Values) {
    if (!S)
      return true;
    if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
      if (DR->getDecl() != V)
        return true;
      const Stmt *P = parentOf(DR);
      while (P && isa<ParenExpr>(P))
        P = parentOf(P);
      if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P))
        return IC->getCastKind() == CK_LValueToRValue;
      if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
        if (B->getOpcode() == BO_Assign && B->getLHS()->IgnoreParens() == DR) {
          Values.push_back(B->getRHS());
          return true;
        }
      return false; // &p: filled through a pointer (pthread_join's result is judged nowhere here)
    }
    for (const Stmt *C : S->children())
      if (!boxedWrites(V, C, Values))
        return false;
    return true;
  }

  void ptrToIntFact(const CastExpr *C) {
    ptrcheck_ptr_to_int_fact_t F{};
    std::vector<ptrcheck_int_use_t> Uses;
    ptrcheck_expr_t *Cast = X.expr(C);
    if (!Cast)
      return;
    F.cast = Cast;
    unsigned Bits = static_cast<unsigned>(Ctx.getTypeSize(C->getType()));
    bool MaybeNarrow = Cast->type.rank != PTRCHECK_R_PTRSIZED && (Bits < 64 || Cast->type.rank == PTRCHECK_R_LONG);
    if (MaybeNarrow) {
      F.operand_boxed = boxedLocal(C->getSubExpr());
      bool AsCond = false;
      const Expr *Top = useTop(C, AsCond);
      const VarDecl *V = Top == C || !AsCond ? storedInLocal(Top) : nullptr;
      if (!V) {
        use(Top, C, AsCond, Uses, Cast);
        F.uses_complete = 1;
      } else if (FnBody) {
        std::vector<const DeclRefExpr *> Reads;
        unsigned Refs = 0;
        if (localRefs(V, FnBody, Reads, Refs)) {
          F.uses_complete = 1;
          for (const DeclRefExpr *R : Reads) {
            bool RC = false;
            const Expr *RT = useTop(R, RC);
            if (storedInLocal(RT)) { // copied on: followed no further
              F.uses_complete = 0;
              break;
            }
            use(RT, R, RC, Uses, nullptr);
          }
        }
      }
    }
    F.uses = Uses.data();
    F.nuses = Uses.size();
    ptrcheck_ast_on_ptr_to_int(E, &Fn, &F);
  }

  void use(const Expr *Top, const Expr *Value, bool AsCond, std::vector<ptrcheck_int_use_t> &Uses,
           ptrcheck_expr_t *CastNode) {
    ptrcheck_int_use_t U{};
    if (const auto *PC = dyn_cast_or_null<CastExpr>(parentOf(Top)))
      U.to_pointer = PC->getCastKind() == CK_IntegralToPointer;
    ptrcheck_expr_t *V = nullptr;
    U.top = X.expr(Top, Value, V);
    U.value = V;
    if (Top == Value && CastNode)
      U.top = U.value = CastNode;
    U.as_condition = AsCond;
    if (U.top && U.value)
      Uses.push_back(U);
  }

  void castFact(const CastExpr *C) {
    CastKind K = C->getCastKind();
    if (K != CK_IntegralToPointer && K != CK_PointerToIntegral)
      return;
    if (C->getSubExpr()->isValueDependent() || C->getType()->isDependentType())
      return;
    // A constant operand is folded by the code generator: no instruction, so no site.
    if (Sites && !C->getSubExpr()->isEvaluatable(Ctx) && !C->getSubExpr()->isConstantInitializer(Ctx, false))
      site(K == CK_IntegralToPointer ? PTRCHECK_SITE_INTTOPTR : PTRCHECK_SITE_PTRTOINT, C->getExprLoc());
    if (inSystemHeader(C->getExprLoc()))
      return;
    if (K == CK_PointerToIntegral) {
      if (WantsPtrToInt)
        ptrToIntFact(C);
      ptrcheck_ast_reset(E);
      return;
    }
    if (!WantsCast)
      return;
    if (ptrcheck_expr_t *Cast = X.expr(C)) {
      Cast->compared_only = comparedOnly(C);
      ptrcheck_ast_on_cast(E, &Fn, Cast);
    }
    ptrcheck_ast_reset(E);
  }

  // The outermost of X and the parentheses and pointer conversions around it.
  const Expr *pointerTop(const Expr *X) {
    for (int Depth = 0; Depth < 8; ++Depth) {
      const Stmt *P = parentOf(X);
      const auto *PE = dyn_cast_or_null<Expr>(P);
      if (!PE || !(isa<ParenExpr>(PE) || (isa<CastExpr>(PE) && PE->getType()->isPointerType())))
        break;
      X = PE;
    }
    return X;
  }

  // Top (a pointerTop) is an operand of a comparison.
  bool isCompared(const Expr *Top) {
    const auto *B = dyn_cast_or_null<BinaryOperator>(parentOf(Top));
    return B && B->isComparisonOp();
  }

  // The result of int->ptr cast C is only compared: directly, or kept in a local pointer every
  // read of which is compared (an address wrap-around or bounds test).
  bool comparedOnly(const CastExpr *C) {
    const Expr *Top = pointerTop(C);
    if (isCompared(Top))
      return true;
    const VarDecl *V = storedInLocal(Top);
    if (!V || !V->getType()->isPointerType() || !FnBody)
      return false;
    std::vector<const DeclRefExpr *> Reads;
    unsigned Refs = 0;
    if (!localRefs(V, FnBody, Reads, Refs) || Reads.empty())
      return false;
    for (const DeclRefExpr *R : Reads)
      if (!isCompared(pointerTop(R)))
        return false;
    return true;
  }

  // Library functions clang's code generator turns into LLVM intrinsics or inline code rather than
  // calls (clang/lib/CodeGen/CGBuiltin.cpp), so they leave no call instruction behind.
  static bool loweredToIntrinsic(llvm::StringRef N) {
    static const char *const Names[] = {"memcpy", "memmove", "memset", "bzero", "abs", "labs", "llabs",
                                        "fabs", "fabsf", "fabsl", "sqrt", "sqrtf", "sqrtl", "ceil", "ceilf",
                                        "floor", "floorf", "trunc", "truncf", "round", "roundf", "rint",
                                        "rintf", "nearbyint", "copysign", "copysignf", "fmin", "fminf",
                                        "fmax", "fmaxf", "fma", "fmaf", "pow", "powf", "exp", "expf", "log",
                                        "logf", "sin", "sinf", "cos", "cosf", "exp2", "log2", "log10"};
    for (const char *P : Names)
      if (N == P)
        return true;
    return false;
  }

  void children(const Stmt *S) {
    for (const Stmt *C : S->children())
      stmt(C);
  }

  void stmt(const Stmt *S) {
    if (!S)
      return;
    const Stmt::StmtClass Class = S->getStmtClass();
    if (Inert[Class])
      return;
    Stack.push_back(S);
    for (const Hook &K : PreHooks[Class])
      if (calls(K))
        K.H->pre(S);
    stmtIn(S);
    for (const Hook &K : PostHooks[Class])
      if (calls(K))
        K.H->post(S);
    Stack.pop_back();
  }

  void stmtIn(const Stmt *S) {
    switch (S->getStmtClass()) {
    case Stmt::ForStmtClass: {
      const auto *F = cast<ForStmt>(S);
      stmt(F->getInit());
      if (F->getConditionVariableDeclStmt())
        stmt(F->getConditionVariableDeclStmt());
      stmt(F->getCond());
      stmt(F->getBody());
      stmt(F->getInc());
      return;
    }
    case Stmt::IfStmtClass: {
      const auto *I = cast<IfStmt>(S);
      stmt(I->getInit());
      if (I->getConditionVariableDeclStmt())
        stmt(I->getConditionVariableDeclStmt());
      int Dead = deadArm(I->getCond(), I->getThen(), I->getElse());
      if (Dead == -1)
        stmt(I->getCond());
      bool Arms = Dead == -1 && I->getElse() && InFunction;
      if (Arms)
        for (const Hook &K : All)
          K.H->armsBegin(I);
      if (Dead != 1)
        stmt(I->getThen());
      if (Arms)
        for (const Hook &K : All)
          K.H->elseArm(I);
      if (Dead != 0)
        stmt(I->getElse());
      if (Arms)
        for (const Hook &K : All)
          K.H->armsEnd(I);
      return;
    }
    case Stmt::ConditionalOperatorClass: {
      const auto *CO = cast<ConditionalOperator>(S);
      int Dead = deadArm(CO->getCond(), CO->getTrueExpr(), CO->getFalseExpr());
      if (Dead == -1)
        stmt(CO->getCond());
      if (Dead != 1)
        stmt(CO->getTrueExpr());
      if (Dead != 0)
        stmt(CO->getFalseExpr());
      return;
    }
    case Stmt::BinaryOperatorClass:
    case Stmt::CompoundAssignOperatorClass: {
      const auto *B = cast<BinaryOperator>(S);
      if (B->isAssignmentOp()) { // clang emits the right-hand side first
        stmt(B->getRHS());
        stmt(B->getLHS());
      } else {
        stmt(B->getLHS());
        stmt(B->getRHS());
      }
      return;
    }
    case Stmt::UnaryExprOrTypeTraitExprClass:
    case Stmt::OffsetOfExprClass:
      return; // unevaluated
    case Stmt::GenericSelectionExprClass:
      if (!cast<GenericSelectionExpr>(S)->isResultDependent())
        stmt(cast<GenericSelectionExpr>(S)->getResultExpr());
      return;
    case Stmt::LambdaExprClass: {
      // A separate function in IR: walked on its own after the enclosing one (its site table is its
      // own).  Its captures are initialised here.
      const auto *L = cast<LambdaExpr>(S);
      for (const Expr *Init : L->capture_inits())
        stmt(Init);
      if (const CXXMethodDecl *Op = L->getCallOperator())
        Lambdas.push_back(Op);
      return;
    }
    case Stmt::BlockExprClass:
      return; // separate functions in IR
    case Stmt::DeclStmtClass:
      for (const Decl *D : cast<DeclStmt>(S)->decls()) {
        declaration(D);
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V)
          continue;
        if (V->hasLocalStorage()) {
          localSite(V, 0);
          for (const Hook &K : All)
            if (calls(K))
              K.H->localBegin(V);
          if (V->getInit())
            stmt(V->getInit());
          for (const Hook &K : All)
            if (calls(K))
              K.H->localEnd(V);
        } else if (V->getInit()) {
          bool WasSites = Sites, WasIn = InFunction;
          InFunction = false; // static locals are initialised as constants, outside the function body
          if (V->isStaticLocal())
            Sites = false;
          stmt(V->getInit());
          Sites = WasSites;
          InFunction = WasIn;
        }
      }
      return;
    case Stmt::CompoundLiteralExprClass: {
      const auto *CL = cast<CompoundLiteralExpr>(S);
      if (!CL->isFileScope())
        site(PTRCHECK_SITE_LOCAL, CL->getBeginLoc(), "(compound literal)", bytesOf(CL->getType()),
             PTRCHECK_SITE_F_COMPOUND_LITERAL);
      children(S);
      return;
    }
    case Stmt::ReturnStmtClass:
      children(S);
      site(PTRCHECK_SITE_RETURN, S->getBeginLoc());
      return;
    case Stmt::MemberExprClass: {
      const auto *M = cast<MemberExpr>(S);
      if (Sites)
        if (const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl()))
          recordFields(F->getParent());
      stmt(M->getBase()); // its one child
      return;
    }
    // The most frequent classes, with the children Stmt::children() gives them, without the call.
    case Stmt::ParenExprClass:
      stmt(cast<ParenExpr>(S)->getSubExpr());
      return;
    case Stmt::UnaryOperatorClass:
      stmt(cast<UnaryOperator>(S)->getSubExpr());
      return;
    case Stmt::CompoundStmtClass:
      for (const Stmt *C : cast<CompoundStmt>(S)->body())
        stmt(C);
      return;
    case Stmt::ArraySubscriptExprClass:
      stmt(cast<ArraySubscriptExpr>(S)->getLHS());
      stmt(cast<ArraySubscriptExpr>(S)->getRHS());
      return;
    default:
      break;
    }
    if (const auto *C = dyn_cast<CastExpr>(S)) {
      stmt(C->getSubExpr()); // a cast's one child
      castFact(C);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      children(S);
      if (!Sites)
        return;
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD || !FD->getIdentifier())
        return;
      std::string Name = FD->getNameAsString();
      unsigned ID = FD->getBuiltinID();
      if (ID && (Name == "alloca" || Name == "__builtin_alloca" || Name == "_alloca")) {
        Expr::EvalResult Size;
        unsigned long long Bytes = 0;
        if (Call->getNumArgs() == 1 && Call->getArg(0)->EvaluateAsInt(Size, Ctx))
          Bytes = Size.Val.getInt().getZExtValue();
        site(PTRCHECK_SITE_LOCAL, Call->getBeginLoc(), "alloca", Bytes, PTRCHECK_SITE_F_ALLOCA);
        return;
      }
      if (!ID || (Ctx.BuiltinInfo.isPredefinedLibFunction(ID) && !loweredToIntrinsic(Name)))
        site(PTRCHECK_SITE_CALL, Call->getBeginLoc(), Name.c_str());
      return;
    }
    children(S);
  }
};

} // namespace

void analyzeTranslationUnit(ASTContext &Ctx, ptrcheck_engine_t *E, const AnalyzeOptions &Opts) {
  Facts F(Ctx, E, Opts);
  F.run();
}

} // namespace ptrcheck