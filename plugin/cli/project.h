/* ptrcheck's project mode: analyse the entries of a compile_commands.json by running clang with the
 * plugin on each (see project.c), and the git helpers behind --diff (gitdiff.c). */
#ifndef PTRCHECK_CLI_PROJECT_H
#define PTRCHECK_CLI_PROJECT_H

#include <stddef.h>
#include <stdio.h>

/* Exit status of project mode (docs/usage.md): findings are still printed when some TUs failed. */
enum { PTRCHECK_EXIT_OK = 0, PTRCHECK_EXIT_FINDINGS = 1, PTRCHECK_EXIT_USAGE = 2, PTRCHECK_EXIT_INCOMPLETE = 3 };

struct ptrcheck_finding_s;

/* Runs project mode on the full command line; returns the process exit status. */
int ptrcheck_project_main(int argc, char **argv);
/* The project-mode part of --help. */
void ptrcheck_project_usage(FILE *out);

/* ------------------------------------------------------------------ --diff */

typedef struct ptrcheck_range_s {
    unsigned first, last; /* inclusive line numbers */
} ptrcheck_range_t;

typedef struct ptrcheck_changed_file_s {
    char *path;   /* absolute */
    int all;      /* every line counts as changed (a new, untracked file) */
    ptrcheck_range_t *ranges;
    size_t nranges;
} ptrcheck_changed_file_t;

typedef struct ptrcheck_changes_s {
    ptrcheck_changed_file_t *files;
    size_t count;
} ptrcheck_changes_t;

/* Files changed between REV and the working tree (staged and unstaged), plus untracked files, with
 * the added or modified lines of each (git diff -U0).  On failure a message goes into msg. */
int ptrcheck_changes_load(ptrcheck_changes_t *ch, const char *rev, const char *cwd, char *msg, size_t msgsize);
void ptrcheck_changes_delete(ptrcheck_changes_t *ch);
const ptrcheck_changed_file_t *ptrcheck_changes_find(const ptrcheck_changes_t *ch, const char *path);
int ptrcheck_changes_has_line(const ptrcheck_changes_t *ch, const char *path, unsigned line);
/* Parses `git diff -U0` output (paths relative to top) into ch; exposed for tests. */
int ptrcheck_changes_parse_diff(ptrcheck_changes_t *ch, const char *diff, size_t len, const char *top);

/* Runs argv (argv[0] looked up in PATH) in dir, capturing stdout (and stderr into err when given);
 * returns the exit status, or -1 if it could not be run.  *out is a heap string. */
int ptrcheck_run_capture(char *const argv[], const char *dir, char **out, size_t *outlen, char **err);

/* ------------------------------------------------------------------ text output (textout.c) */

/* Source lines read on demand for carets and snippets; one per run. */
typedef struct ptrcheck_sources_s ptrcheck_sources_t;
ptrcheck_sources_t *ptrcheck_sources_create(void);
void ptrcheck_sources_destroy(ptrcheck_sources_t *s);
/* Line `line` (1-based) of path without its newline, or NULL when unreadable. */
const char *ptrcheck_sources_line(ptrcheck_sources_t *s, const char *path, unsigned line, size_t *len);
/* One finding in clang's format: location, warning, [id], source line, caret, fix-it text, notes. */
void ptrcheck_print_finding(FILE *out, const struct ptrcheck_finding_s *f, const char *cwd, ptrcheck_sources_t *src,
                            int color);

/* ------------------------------------------------------------------ --html (html.c) */

struct ptrcheck_findings_s;
struct ptrcheck_sarif_failure_s;
/* DIR/index.html and DIR/checks/<id>.html; 1 on success, else 0 after printing why. */
int ptrcheck_write_html(const char *dir, const struct ptrcheck_findings_s *fs,
                        const struct ptrcheck_sarif_failure_s *failures, size_t nfailures, const char *cwd,
                        const char *docs_dir, ptrcheck_sources_t *src);

#endif
