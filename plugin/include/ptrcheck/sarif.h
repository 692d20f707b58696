/* Findings outside the compiler: the per-translation-unit side file the plugin writes
 * (-fplugin-arg-ptrcheck-output=FILE), the merged set the CLI reports, and SARIF 2.1.0 in and out.
 * Conventions as in ptrcheck.h: 1 = success, 0 = failure with the details in *err; caller-owned
 * structs with _init/_delete; every heap string is released by the owning _delete or ptrcheck_free.
 *
 * The side file is JSON Lines, appended to as diagnostics arrive (clang never destroys the plugin's
 * consumer when it runs with -disable-free, so there is no reliable "end of TU" callback; a line per
 * finding, flushed, also survives a crash half-way through the TU):
 *   {"ptrcheck-side-file":1,"tu":"/abs/a.c","cwd":"/abs"}
 *   {"check":"int-roundtrip","file":"/abs/a.c","line":7,"col":10,"message":"...","layer":"ast",
 *    "notes":[{"file":…,"line":…,"col":…,"message":…}],
 *    "fixits":[{"file":…,"line":…,"col":…,"end_line":…,"end_col":…,"text":…}]}
 * File names are absolute and lexically normalised (no symlinks resolved). */
#ifndef PTRCHECK_SARIF_H
#define PTRCHECK_SARIF_H

#include "ptrcheck.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ptrcheck_fnote_s {
    char *file;
    unsigned line, col;
    char *message;
} ptrcheck_fnote_t;

typedef struct ptrcheck_ffix_s {
    char *file;
    unsigned line, col;         /* first character replaced */
    unsigned end_line, end_col; /* one past the last character replaced */
    char *text;
} ptrcheck_ffix_t;

/* One finding, fully owned (unlike ptrcheck_diag_t, whose file names belong to an engine). */
typedef struct ptrcheck_finding_s {
    ptrcheck_check_t check;
    char *file; /* absolute; NULL when unknown */
    unsigned line, col;
    char *message;
    unsigned layer; /* PTRCHECK_LAYER_AST / _IR; 0 when unknown (read from SARIF) */
    ptrcheck_fnote_t *notes;
    size_t nnotes;
    ptrcheck_ffix_t *fixits;
    size_t nfixits;
} ptrcheck_finding_t;

typedef struct ptrcheck_findings_s {
    ptrcheck_finding_t *items;
    size_t count;
    size_t cap;
} ptrcheck_findings_t;

PTRCHECK_API void ptrcheck_findings_init(ptrcheck_findings_t *fs);
PTRCHECK_API void ptrcheck_findings_fini(ptrcheck_findings_t *fs);
/* Deep copy of d; relative file names are made absolute against cwd. */
PTRCHECK_API int ptrcheck_findings_add_diag(ptrcheck_findings_t *fs, const ptrcheck_diag_t *d, const char *cwd,
                                            ptrcheck_error_t *err);
/* Moves *f into the set (f is zeroed). */
PTRCHECK_API int ptrcheck_findings_take(ptrcheck_findings_t *fs, ptrcheck_finding_t *f, ptrcheck_error_t *err);
PTRCHECK_API void ptrcheck_finding_fini(ptrcheck_finding_t *f);
/* Sorts by file, line, column, rule, message (then notes) and drops exact duplicates, e.g. the same
 * header finding reported by every TU that includes it.  The result does not depend on input order. */
PTRCHECK_API void ptrcheck_findings_sort_unique(ptrcheck_findings_t *fs);
/* Removes the findings for which keep(user, finding) returns 0. */
PTRCHECK_API void ptrcheck_findings_filter(ptrcheck_findings_t *fs, int (*keep)(void *user, const ptrcheck_finding_t *f),
                                           void *user);

/* ------------------------------------------------------------------ side file (JSON Lines) */

/* Header line and one line per diagnostic: heap strings ending in '\n' (ptrcheck_free). */
PTRCHECK_API char *ptrcheck_side_header_line(const char *tu, const char *cwd);
PTRCHECK_API char *ptrcheck_side_diag_line(const ptrcheck_diag_t *d, const char *cwd);
/* Appends every finding of a side file to fs.  A truncated last line (a crashed compile) is ignored. */
PTRCHECK_API int ptrcheck_side_read(ptrcheck_findings_t *fs, const char *path, ptrcheck_error_t *err);

/* ------------------------------------------------------------------ SARIF 2.1.0 */

typedef struct ptrcheck_sarif_failure_s {
    const char *file;    /* absolute */
    const char *message; /* clang's error output, or why it could not run */
} ptrcheck_sarif_failure_t;

typedef struct ptrcheck_sarif_options_s {
    const char *base_dir;  /* absolute; files under it get uriBaseId SRCROOT and a relative uri */
    const char *docs_dir;  /* absolute directory holding checks/<id>.md (rules' help.markdown); may be NULL */
    const char *docs_url;  /* where those docs are published: helpUri URL/checks/<id>.md; NULL: no helpUri */
    const ptrcheck_sarif_failure_t *failures; /* TUs that could not be analysed (toolExecutionNotifications) */
    size_t nfailures;
} ptrcheck_sarif_options_t;

/* Writes one SARIF 2.1.0 log with one run; fs should be sorted (ptrcheck_findings_sort_unique). */
PTRCHECK_API int ptrcheck_sarif_write(const ptrcheck_findings_t *fs, const ptrcheck_sarif_options_t *opt, FILE *out,
                                      ptrcheck_error_t *err);
/* Appends the results of every run of a SARIF log (ptrcheck's or anyone's with ptrcheck- rule ids;
 * other rules are skipped).  Relative uris are resolved against the run's originalUriBaseIds. */
PTRCHECK_API int ptrcheck_sarif_read(ptrcheck_findings_t *fs, const char *path, ptrcheck_error_t *err);

/* ------------------------------------------------------------------ paths */

/* path made absolute against cwd (when relative) and lexically normalised ("a/./b/../c" -> "a/c");
 * heap string (ptrcheck_free), NULL on allocation failure. */
PTRCHECK_API char *ptrcheck_path_absolute(const char *path, const char *cwd);
/* path relative to dir when it lies under dir, else NULL; both absolute and normalised. */
PTRCHECK_API const char *ptrcheck_path_under(const char *path, const char *dir);
/* "file:///a/b%20c" for an absolute path; heap string. */
PTRCHECK_API char *ptrcheck_path_to_uri(const char *path, int absolute);
/* Inverse of ptrcheck_path_to_uri for file: uris and relative references; heap string. */
PTRCHECK_API char *ptrcheck_uri_to_path(const char *uri);

#ifdef __cplusplus
}
#endif
#endif
