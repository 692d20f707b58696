/* ptrcheck engine: the public C11 API shared by every entry point (clang plugin, pass plugin,
 * clang-tidy module, CLI).  Conventions (libyaml / LLVM-C style):
 *   - everything is prefixed ptrcheck_; types are ptrcheck_x_t with tags ptrcheck_x_s / ptrcheck_x_e;
 *   - handles come from ptrcheck_x_create() and go back through ptrcheck_x_destroy();
 *   - functions return 1 on success, 0 on failure; the details of a failure stay in the object
 *     (ptrcheck_error_t), never in a global;
 *   - every heap string returned to a caller is released with ptrcheck_free().
 */
#ifndef PTRCHECK_PTRCHECK_H
#define PTRCHECK_PTRCHECK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define PTRCHECK_API __attribute__((visibility("hidden")))
#else
#define PTRCHECK_API
#endif

/* ------------------------------------------------------------------ checks */

#define PTRCHECK_LAYER_AST 1u
#define PTRCHECK_LAYER_IR 2u

typedef enum ptrcheck_check_e {
#define PTRCHECK_CHECK(E, sym, id, ast, ir, on, summary) PTRCHECK_##E,
#include "checks.def"
    PTRCHECK_CHECK_COUNT
} ptrcheck_check_t;

typedef struct ptrcheck_check_info_s {
    ptrcheck_check_t check;
    const char *id;       /* "int-roundtrip" */
    const char *full_id;  /* "ptrcheck-int-roundtrip" */
    unsigned layers;      /* PTRCHECK_LAYER_* mask */
    int default_on;
    const char *summary;
} ptrcheck_check_info_t;

PTRCHECK_API const ptrcheck_check_info_t *ptrcheck_check_info(ptrcheck_check_t check);
/* Accepts "int-roundtrip" or "ptrcheck-int-roundtrip"; returns PTRCHECK_CHECK_COUNT if unknown. */
PTRCHECK_API ptrcheck_check_t ptrcheck_check_lookup(const char *id);

/* clang-tidy style glob list: "*,-ptrcheck-ptr-truncation", "ptrcheck-int-*".  Later entries win. */
PTRCHECK_API int ptrcheck_glob_match(const char *pattern, const char *text);

/* ------------------------------------------------------------------ errors */

typedef enum ptrcheck_status_e {
    PTRCHECK_OK = 0,
    PTRCHECK_ERR_CONFIG, /* malformed or invalid configuration */
    PTRCHECK_ERR_IO,     /* missing or unreadable file */
    PTRCHECK_ERR_USAGE,  /* bad option or argument */
    PTRCHECK_ERR_NOMEM
} ptrcheck_status_t;

typedef struct ptrcheck_error_s {
    ptrcheck_status_t status;
    char file[1024];   /* file the problem is in ("" when none) */
    unsigned line;     /* 1-based, 0 when unknown */
    unsigned col;      /* 1-based, 0 when unknown */
    char message[1024];
} ptrcheck_error_t;

PTRCHECK_API void ptrcheck_error_clear(ptrcheck_error_t *err);
/* Records a problem; returns 0 so callers can `return ptrcheck_error_set(...)`. */
PTRCHECK_API int ptrcheck_error_set(ptrcheck_error_t *err, ptrcheck_status_t status, const char *file,
                                    unsigned line, unsigned col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* "FILE:LINE:COL: error: MESSAGE" (parts omitted when unknown) into buf; returns buf. */
PTRCHECK_API const char *ptrcheck_error_format(const ptrcheck_error_t *err, char *buf, size_t size);

PTRCHECK_API void ptrcheck_free(void *p);

/* ------------------------------------------------------------------ config */

typedef struct ptrcheck_retaining_s {
    char *name; /* glob over function names */
    unsigned arg; /* 1-based argument index */
} ptrcheck_retaining_t;

typedef struct ptrcheck_slice_type_s {
    char *type;  /* "struct span", "buf_t" */
    char *data;  /* field names */
    char *len;
    char *cap;   /* NULL when the header has no capacity */
    int unit_bytes; /* 1: len/cap count bytes; 0: elements of the data pointee (default) */
} ptrcheck_slice_type_t;

typedef struct ptrcheck_config_s {
    char *path;            /* file it was loaded from; NULL for the built-in defaults */
    char **checks;         /* glob list, in order */
    size_t nchecks;
    char **targets;        /* target triples the cross-target checks reason about */
    size_t ntargets;
    int targets_given;     /* 1: `targets` came from a file/option and is used as given; 0: the default
                              list, whose Windows triples count only where a translation unit shows
                              Windows intent (ptrcheck_engine_target_in_scope) */
    int strict_provenance; /* report alignment idioms and stack-depth probes too */
    char **layout_tables;  /* paths, resolved against the config file's directory */
    size_t nlayout_tables;
    int report_portable_literals;
    ptrcheck_slice_type_t *slice_types;
    size_t nslice_types;
    int infer_slice_types; /* default 1 */
    ptrcheck_retaining_t *retaining_functions;
    size_t nretaining_functions;
    char **borrowed_functions; /* globs */
    size_t nborrowed_functions;
    char **exclude;        /* path globs, relative to the config file's directory: no findings there */
    size_t nexclude;
    char *header_filter;   /* POSIX ERE over absolute paths: findings in headers only where it matches */
    int system_headers;    /* report findings located in system headers too (default 0, as clang) */
} ptrcheck_config_t;

/* Fills cfg with the defaults (all checks on, six default targets, strict-provenance off). */
PTRCHECK_API int ptrcheck_config_init(ptrcheck_config_t *cfg, ptrcheck_error_t *err);
PTRCHECK_API void ptrcheck_config_fini(ptrcheck_config_t *cfg);
/* Loads path over the defaults already in cfg.  Unknown keys, wrong types and malformed YAML fail
 * with err->file/line/col set. */
PTRCHECK_API int ptrcheck_config_load_file(ptrcheck_config_t *cfg, const char *path, ptrcheck_error_t *err);
/* Same, from memory (name is used in messages). */
PTRCHECK_API int ptrcheck_config_load_string(ptrcheck_config_t *cfg, const char *name, const char *text,
                                             size_t len, ptrcheck_error_t *err);
/* Looks for .ptrcheck.yaml in dir and its parents.  *out is a heap string (ptrcheck_free) or NULL
 * when none was found.  Returns 0 only on error (e.g. a .ptrcheck.yaml that is a directory). */
PTRCHECK_API int ptrcheck_config_find(const char *dir, char **out, ptrcheck_error_t *err);
/* The configuration of one source file, as every entry point resolves it: the defaults, then
 * config_file when given, else the .ptrcheck.yaml found from source's directory upward (a relative
 * source against the current directory; none looked for when source is NULL or ""), then check_globs
 * (NULL or "": none) after the configured ones.  On failure cfg holds nothing (no delete needed). */
PTRCHECK_API int ptrcheck_config_resolve(ptrcheck_config_t *cfg, const char *source, const char *config_file,
                                         const char *check_globs, ptrcheck_error_t *err);
/* Appends a comma-separated glob list ("-*,ptrcheck-int-*") after the configured ones. */
PTRCHECK_API int ptrcheck_config_add_check_globs(ptrcheck_config_t *cfg, const char *globs, ptrcheck_error_t *err);
PTRCHECK_API int ptrcheck_config_check_enabled(const ptrcheck_config_t *cfg, ptrcheck_check_t check);

/* ------------------------------------------------------------------ locations and diagnostics */

typedef struct ptrcheck_loc_s {
    const char *file; /* NULL when unknown; owned by whoever made the location (engine strings are
                         interned in the engine) */
    unsigned line;    /* 1-based; 0 = unknown */
    unsigned col;     /* 1-based; 0 = unknown */
    uint64_t raw;     /* adapter cookie (clang: SourceLocation raw encoding + 1); 0 = none */
} ptrcheck_loc_t;

typedef struct ptrcheck_note_s {
    ptrcheck_loc_t loc;
    char *message;
} ptrcheck_note_t;

typedef struct ptrcheck_fixit_s {
    ptrcheck_loc_t begin; /* half-open character range [begin, end) to replace */
    ptrcheck_loc_t end;
    char *text;
} ptrcheck_fixit_t;

typedef struct ptrcheck_diag_s {
    ptrcheck_check_t check;
    ptrcheck_loc_t loc;
    char *message;         /* without the [ptrcheck-id] tag */
    ptrcheck_note_t *notes;
    size_t nnotes;
    ptrcheck_fixit_t *fixits;
    size_t nfixits;
    char *include;         /* a header the fix-its need ("stddef.h"): the engine adds the #include, once
                              per file, when it reports the diagnostic; NULL when none */
    unsigned layer;        /* PTRCHECK_LAYER_AST or PTRCHECK_LAYER_IR: who found it */
    int is_error;          /* an input error (e.g. a malformed layout table), not a finding: always an error */
} ptrcheck_diag_t;

/* Diagnostic builder.  ptrcheck_diag_create copies the message; notes/fix-its are appended; the
 * diagnostic is handed to ptrcheck_engine_report, which takes ownership. */
PTRCHECK_API ptrcheck_diag_t *ptrcheck_diag_create(ptrcheck_check_t check, ptrcheck_loc_t loc, unsigned layer,
                                                   const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
PTRCHECK_API int ptrcheck_diag_add_note(ptrcheck_diag_t *d, ptrcheck_loc_t loc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
PTRCHECK_API int ptrcheck_diag_add_fixit(ptrcheck_diag_t *d, ptrcheck_loc_t begin, ptrcheck_loc_t end,
                                         const char *text);
/* The fix-its spell something only `header` declares ("stddef.h" for offsetof): a fix-it inserting
 * `#include <header>` (before the first #include of the fixed file, else at its top) is added when the
 * diagnostic is reported, for the first such diagnostic of that file. */
PTRCHECK_API int ptrcheck_diag_require_include(ptrcheck_diag_t *d, const char *header);
PTRCHECK_API void ptrcheck_diag_destroy(ptrcheck_diag_t *d);

/* Where diagnostics go (clang DiagnosticsEngine, clang-tidy, text, SARIF).  Called once per
 * finding that survived check selection, suppression and de-duplication. */
typedef void (*ptrcheck_sink_fn)(void *user, const ptrcheck_diag_t *diag);

/* Returns the text of line `line` of `file` (without the newline) or NULL; used for NOLINT.  Line 0
 * asks for the whole text at once (lines split at '\n'); a reader that cannot give it returns NULL
 * and is then read line by line. */
typedef const char *(*ptrcheck_line_fn)(void *user, const char *file, unsigned line, size_t *len);

/* ------------------------------------------------------------------ engine (one per translation unit) */

typedef struct ptrcheck_engine_s ptrcheck_engine_t;

/* Takes ownership of cfg's contents (cfg is reset to an empty state).  err may be NULL. */
PTRCHECK_API ptrcheck_engine_t *ptrcheck_engine_create(ptrcheck_config_t *cfg, ptrcheck_error_t *err);
PTRCHECK_API void ptrcheck_engine_destroy(ptrcheck_engine_t *e);
PTRCHECK_API const ptrcheck_config_t *ptrcheck_engine_config(const ptrcheck_engine_t *e);
PTRCHECK_API void ptrcheck_engine_set_sink(ptrcheck_engine_t *e, ptrcheck_sink_fn fn, void *user);
/* Is loc in a system header (clang's rule: its expansion location is in a file found through a
 * system include directory or marked `#pragma GCC system_header`)?  Set by the adapter that knows
 * (the clang plugin); without one nothing counts as a system header. */
typedef int (*ptrcheck_system_fn)(void *user, ptrcheck_loc_t loc);
/* Findings located in system headers are dropped unless the configuration's system_headers is set. */
PTRCHECK_API void ptrcheck_engine_set_system_filter(ptrcheck_engine_t *e, ptrcheck_system_fn fn, void *user);
/* Analysis-only compiles (the CLI's, output thrown away): once the IR analyses have run, the pass
 * plugin empties the module so that the optimiser and code generator have nothing left to do. */
PTRCHECK_API void ptrcheck_engine_set_analysis_only(ptrcheck_engine_t *e, int on);
PTRCHECK_API int ptrcheck_engine_analysis_only(const ptrcheck_engine_t *e);
/* Where NOLINT comments (and the line of an #include fix-it) are read: the clang plugin and the
 * clang-tidy module install a reader of clang's own buffers (plugin/clang/SourceLines.h); without
 * one (the pass plugin alone) the engine reads source files from disk (cached). */
PTRCHECK_API void ptrcheck_engine_set_line_reader(ptrcheck_engine_t *e, ptrcheck_line_fn fn, void *user);
/* Fills in a location that carries only its adapter cookie (raw set, file NULL, line 0).  The clang
 * adapter makes such locations for facts whose places are seldom shown (stack-escape's scope events,
 * one per pointer read), so that a line and column are looked up only when a reported diagnostic
 * (its location, notes or fix-its) names one; ptrcheck_engine_report resolves them first. */
typedef void (*ptrcheck_loc_fn)(void *user, ptrcheck_loc_t *loc);
PTRCHECK_API void ptrcheck_engine_set_loc_resolver(ptrcheck_engine_t *e, ptrcheck_loc_fn fn, void *user);
PTRCHECK_API int ptrcheck_engine_enabled(const ptrcheck_engine_t *e, ptrcheck_check_t check);
/* Turns a linker symbol into the name the source spells ("_Z1gv" -> "g()", "_ZL5saved" -> "saved");
 * returns a heap string (free()) or NULL when sym is not a mangled name.  Set by the adapter that
 * has the host's demangler (the pass plugin: llvm::demangle); without one, names stay as they are. */
typedef char *(*ptrcheck_demangle_fn)(const char *sym);
PTRCHECK_API void ptrcheck_engine_set_demangler(ptrcheck_engine_t *e, ptrcheck_demangle_fn fn);
/* The readable name of a symbol for messages (demangled, without clang's '\1' asm-label marker),
 * interned for the engine's lifetime; sym itself (interned) when there is nothing to demangle. */
PTRCHECK_API const char *ptrcheck_engine_display_name(ptrcheck_engine_t *e, const char *sym);
/* Interns a string for the engine's lifetime (file names in locations). */
PTRCHECK_API const char *ptrcheck_engine_intern(ptrcheck_engine_t *e, const char *s);
/* Filters (enabled? in a system header? NOLINT? already reported at this check+file+line+col?) and
 * forwards to the sink.
 * Always takes ownership of d.  Returns 1 if the diagnostic was emitted. */
PTRCHECK_API int ptrcheck_engine_report(ptrcheck_engine_t *e, ptrcheck_diag_t *d);
/* True if a NOLINT / NOLINTNEXTLINE comment suppresses check at loc. */
PTRCHECK_API int ptrcheck_engine_suppressed(ptrcheck_engine_t *e, ptrcheck_check_t check, ptrcheck_loc_t loc);
PTRCHECK_API size_t ptrcheck_engine_count(const ptrcheck_engine_t *e, ptrcheck_check_t check);

/* Which targets a translation unit is written for (docs/config.md, "targets").  The adapter tells
 * the engine the first place in the TU's own files that shows Windows intent (a test of _WIN32,
 * _WIN64, _MSC_VER or __MINGW32__, or an #include of <windows.h>); `what` says which ("tests
 * '_WIN32'"), copied.  Only the first call counts. */
PTRCHECK_API void ptrcheck_engine_note_windows_intent(ptrcheck_engine_t *e, ptrcheck_loc_t loc, const char *what);
/* 1 when the configured target triple counts for this TU: every target of an explicit `targets`
 * list; of the default list, the Unix ones always and the Windows ones only with Windows intent. */
PTRCHECK_API int ptrcheck_engine_target_in_scope(const ptrcheck_engine_t *e, const char *triple);
/* Preprocessor conditions (docs/config.md, "Code other targets do not build").  The adapter hands
 * the engine each branch of the translation unit that this preprocessing took because of a condition
 * that depends on the target: one that tests a macro identifying the target or compiler (_WIN32,
 * __x86_64__, __linux__, __SIZEOF_POINTER__, __GNUC__, any other macro the compiler predefines for
 * the target: ptrcheck_pp_target_dependent), or a macro defined or undefined under such a condition.
 * The condition is the branch's requirement, as the tokens of one #if expression (`!(A) && (B)` for
 * the #elif B after a false #if A).  Code in it (or spelled in a macro defined in it, or in a file
 * included from it) exists on another target only when the condition is known to hold there. */
#define PTRCHECK_PPT_IDENT 1u  /* an identifier (also `defined`) */
#define PTRCHECK_PPT_NUMBER 2u /* an integer literal: value (flag PTRCHECK_PPI_VALUE when understood) */
#define PTRCHECK_PPT_PUNCT 3u  /* a punctuator: text */
#define PTRCHECK_PPI_DEFINED 1u    /* identifier: a macro at this point of this preprocessing */
#define PTRCHECK_PPI_VALUE 2u      /* value holds its integer value (a macro whose body is one integer) */
#define PTRCHECK_PPI_DERIVED 4u    /* defined or undefined under a target-dependent condition */
#define PTRCHECK_PPI_PREDEFINED 8u /* predefined by the compiler (not on the command line) */
typedef struct ptrcheck_pp_tok_s {
    unsigned kind;    /* PTRCHECK_PPT_* */
    const char *text; /* identifier or punctuator spelling (copied by the engine) */
    long long value;
    unsigned flags;   /* PTRCHECK_PPI_* */
} ptrcheck_pp_tok_t;
/* 1 when the macro's definition may differ between targets built from the same source: a macro
 * the compilers predefine per target or per compiler (ptrcheck knows which: flags PREDEFINED), or
 * flags DERIVED. */
PTRCHECK_API int ptrcheck_pp_target_dependent(const char *name, unsigned flags);
/* Code between first_line and last_line of file was compiled because cond held.  0 when out of
 * memory or cond is empty. */
PTRCHECK_API int ptrcheck_engine_note_pp_region(ptrcheck_engine_t *e, const char *file, unsigned first_line,
                                                unsigned last_line, const ptrcheck_pp_tok_t *cond, size_t ncond);
/* Instead of noting every region up front: fn notes them (ptrcheck_engine_note_pp_region) when a
 * question first needs them, at most once; most translation units never ask.  NULL: no source. */
typedef void (*ptrcheck_regions_fn)(void *user, ptrcheck_engine_t *e);
PTRCHECK_API void ptrcheck_engine_set_region_source(ptrcheck_engine_t *e, ptrcheck_regions_fn fn, void *user);
/* Where the token at loc also comes from: the places (file locations) of the macro definitions it
 * was spelled or expanded in, and the #include lines the files of those were entered through; at
 * most max, innermost first.  Set by the clang adapter. */
typedef size_t (*ptrcheck_origins_fn)(void *user, const ptrcheck_loc_t *loc, ptrcheck_loc_t *out, size_t max);
PTRCHECK_API void ptrcheck_engine_set_origins_resolver(ptrcheck_engine_t *e, ptrcheck_origins_fn fn, void *user);
/* What a condition gives on a target: 1 holds, 0 does not, -1 not known from this preprocessing
 * (the compiling target's own identity gives the host's answer, 1).  Exposed for unit tests. */
PTRCHECK_API int ptrcheck_pp_eval(const ptrcheck_pp_tok_t *cond, size_t ncond, const char *triple,
                                  const char *compiling_triple);
/* ptrcheck_engine_target_in_scope, and the code at loc is known to be compiled for that target: no
 * noted region around it (around the definitions of the macros it comes from, or the #include lines
 * of its files) whose condition is false or unknown there. */
PTRCHECK_API int ptrcheck_engine_target_in_scope_at(const ptrcheck_engine_t *e, const char *triple,
                                                    ptrcheck_loc_t loc);
/* Adds the note naming the line that showed Windows intent when the default targets were used and
 * `triples` (", "-separated, as in a message) names a Windows target. */
PTRCHECK_API void ptrcheck_engine_note_scope(const ptrcheck_engine_t *e, ptrcheck_diag_t *d, const char *triples);
/* The compiling target of the TU (set by ptrcheck_ast_on_tu_begin); NULL before. */
PTRCHECK_API const char *ptrcheck_engine_compiling_triple(const ptrcheck_engine_t *e);
PTRCHECK_API void ptrcheck_engine_set_compiling_triple(ptrcheck_engine_t *e, const char *triple);
/* Per-translation-unit private state of a check (e.g. what its AST pass learnt for its IR pass).
 * NULL until set; the engine calls destroy(state) when it is replaced or the engine is destroyed. */
PTRCHECK_API void *ptrcheck_engine_check_state(const ptrcheck_engine_t *e, ptrcheck_check_t check);
PTRCHECK_API void ptrcheck_engine_set_check_state(ptrcheck_engine_t *e, ptrcheck_check_t check, void *state,
                                                  void (*destroy)(void *));

/* NOLINT parsing on one line of text: does `line` suppress `full_id` for itself (next_line = 0)
 * or for the following line (next_line = 1)?  Exposed for unit tests. */
PTRCHECK_API int ptrcheck_nolint_matches(const char *line, size_t len, const char *full_id, int next_line);
/* 1 when line `line` of file is inside a NOLINTBEGIN[(globs)] ... NOLINTEND[(globs)] block whose
 * globs cover full_id (lines read with read(user, ...), from the top of the file). */
PTRCHECK_API int ptrcheck_nolint_in_block(ptrcheck_line_fn read, void *user, const char *file, unsigned line,
                                          const char *full_id);
/* The same with the file read once: its NOLINTBEGIN/NOLINTEND directives, so that asking about a
 * line costs the number of directives, not the file's length (the engine keeps one per file).
 * create returns NULL only when out of memory; an unreadable file has no directives. */
typedef struct ptrcheck_nolint_blocks_s ptrcheck_nolint_blocks_t;
PTRCHECK_API ptrcheck_nolint_blocks_t *ptrcheck_nolint_blocks_create(ptrcheck_line_fn read, void *user,
                                                                     const char *file);
PTRCHECK_API void ptrcheck_nolint_blocks_destroy(ptrcheck_nolint_blocks_t *b);
PTRCHECK_API int ptrcheck_nolint_blocks_covers(const ptrcheck_nolint_blocks_t *b, unsigned line, const char *full_id);

/* ------------------------------------------------------------------ text output */

/* "file:line:col: warning: message [ptrcheck-id]" plus "note:" lines; heap string (ptrcheck_free). */
PTRCHECK_API char *ptrcheck_diag_format_text(const ptrcheck_diag_t *d);

/* ------------------------------------------------------------------ targets */

typedef struct ptrcheck_target_s {
    const char *triple;
    unsigned pointer_bits;
    unsigned long_bits;
    unsigned int_bits;
    int windows;           /* a Windows triple (windows, win32, msvc, mingw*) */
    unsigned win_macros;   /* PTRCHECK_WIN_*: the Windows macros the target's compiler predefines */
} ptrcheck_target_t;

#define PTRCHECK_WIN_WIN32 1u   /* _WIN32 */
#define PTRCHECK_WIN_WIN64 2u   /* _WIN64 */
#define PTRCHECK_WIN_MSC 4u     /* _MSC_VER */
#define PTRCHECK_WIN_MINGW32 8u /* __MINGW32__ */
#define PTRCHECK_WIN_MINGW64 16u /* __MINGW64__ */

/* Data model of a triple (LP64 / LLP64 / ILP32); 0 when the triple is not understood. */
PTRCHECK_API int ptrcheck_target_parse(const char *triple, ptrcheck_target_t *out);

/* ------------------------------------------------------------------ version */

PTRCHECK_API const char *ptrcheck_version(void);
PTRCHECK_API unsigned ptrcheck_llvm_major(void);

#ifdef __cplusplus
}
#endif
#endif
