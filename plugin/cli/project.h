/* ptrcheck's project mode: analyse the entries of a compile_commands.json by running clang with the
 * plugin on each (see project.c), and the git helpers behind --diff (gitdiff.c). */
#ifndef PTRCHECK_CLI_PROJECT_H
#define PTRCHECK_CLI_PROJECT_H

#include <stddef.h>
#include <stdio.h>

enum { PTRCHECK_EXIT_OK = 0, PTRCHECK_EXIT_FINDINGS = 1, PTRCHECK_EXIT_USAGE = 2 };

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

#endif
