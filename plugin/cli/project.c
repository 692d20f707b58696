/* ptrcheck project mode:
 *   ptrcheck [-p BUILD_DIR] [FILE...] [-j N] [--checks=GLOBS] [--format=text|sarif] [-o OUT]
 *            [--diff=REV] [--hook] [--baseline=SARIF] [--color=WHEN] [--export-fixes=FILE] [--docs-url=URL]
 * Reads compile_commands.json through libclang's compilation-database API and runs the clang this
 * build is for, with the plugin (AST checks) and the pass plugin (IR checks), on each entry's own
 * command line; the plugin writes its findings to a side file per TU, which are merged here.  So the
 * CLI reports exactly what the plugin reports in a build.
 *
 * Exit status: 0 no findings; 1 findings; 2 usage, configuration or compilation-database error;
 * 3 some translation units could not be analysed (the findings of the others are still reported). */
#define _XOPEN_SOURCE 700

#include <ptrcheck/ptrcheck.h>
#include <ptrcheck/sarif.h>
#include <ptrcheck/version.h>

#include "project.h"

#include <clang-c/CXCompilationDatabase.h>
#include <jansson.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <regex.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PTRCHECK_DOCDIR_REL
#define PTRCHECK_DOCDIR_REL "../share/ptrcheck/docs"
#endif
#ifndef PTRCHECK_SOURCE_DOCDIR
#define PTRCHECK_SOURCE_DOCDIR ""
#endif

/* ------------------------------------------------------------------ options */

typedef struct options_s {
    const char *build_dir;
    const char **files;
    size_t nfiles;
    long jobs;
    const char *checks;
    int sarif;
    const char *output;
    const char *diff_rev;
    const char *baseline;
    const char *export_fixes;
    const char *docs_url;
    const char *color; /* auto, always, never */
    const char **excludes; /* --exclude globs (relative to the current directory) */
    size_t nexcludes;
    const char *header_filter;
    const char *html_dir;
    int hook;          /* --hook: what the pre-commit hooks run */
    int quiet;
} options_t;

void ptrcheck_project_usage(FILE *out)
{
    fputs("Project mode (the default when no command is given):\n"
          "  ptrcheck [-p BUILD_DIR] [FILE...] [-j N] [--checks=GLOBS] [--format=text|sarif] [-o OUT]\n"
          "           [--diff=REV] [--hook] [--baseline=SARIF] [--color=auto|always|never]\n"
          "           [--export-fixes=FILE] [--html=DIR] [--docs-url=URL] [--exclude=GLOB]\n"
          "           [--header-filter=REGEX]\n"
          "  Analyses every entry of compile_commands.json (or only FILE...) by running the clang this\n"
          "  ptrcheck was built for, with the ptrcheck plugins, on each entry's own command line.\n"
          "  -p BUILD_DIR          directory holding compile_commands.json (default: the nearest one\n"
          "                        upward from the current directory)\n"
          "  -j N                  parallel compiles (default: the number of cores)\n"
          "  --checks=GLOBS        check selection after .ptrcheck.yaml's, e.g. '-*,ptrcheck-int-*'\n"
          "  --format=text|sarif   text (clang's format, default) or SARIF 2.1.0\n"
          "  -o OUT                write the report to OUT instead of standard output\n"
          "  --diff=REV            only files changed since REV (staged, unstaged and untracked), and\n"
          "                        only findings on changed lines; a changed header brings in every\n"
          "                        file that includes it; renames are followed\n"
          "  --hook                what the pre-commit hooks run: --diff against HEAD when every FILE\n"
          "                        changed, else (pre-commit run --all-files) the FILEs in full\n"
          "  --baseline=SARIF      drop findings already present in a previous SARIF report\n"
          "  --color=WHEN          colours in text output: auto (a terminal, unless NO_COLOR is set),\n"
          "                        always, never\n"
          "  --export-fixes=FILE   write the fix-its as clang-apply-replacements YAML\n"
          "  --html=DIR            also write a static HTML report to DIR/index.html\n"
          "  --docs-url=URL        where the check docs are published (SARIF helpUri URL/checks/<id>.md)\n"
          "  --exclude=GLOB        no findings in (and no analysis of) files matching GLOB, relative to\n"
          "                        the current directory; repeatable; adds to .ptrcheck.yaml's exclude\n"
          "  --header-filter=RE    findings in headers only when the header's path matches RE (POSIX\n"
          "                        extended); replaces .ptrcheck.yaml's header-filter\n"
          "  -q, --quiet           no summary, no notes, no progress line\n"
          "  Exit status: 0 no findings, 1 findings, 2 usage/configuration/database error, 3 some files\n"
          "  could not be analysed (the others' findings are still reported).\n"
          "  Environment: PTRCHECK_CLANG (a clang of the same LLVM major), PTRCHECK_PLUGIN.\n",
          out);
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "ptrcheck: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "; see ptrcheck --help\n");
    return PTRCHECK_EXIT_USAGE;
}

/* scheme "://" rest, the scheme a letter then letters, digits, '+', '-', '.' (RFC 3986), no spaces. */
static int is_absolute_url(const char *u)
{
    const char *p = u;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '+' ||
           *p == '-' || *p == '.')
        p++;
    if (strncmp(p, "://", 3) != 0 || !p[3])
        return 0;
    return strpbrk(p, " \t\n") == NULL;
}

/* "-j4", "-j 4", "--jobs=4"; "-o x", "-ox"; "--format=x", "--format x". */
static const char *value_of(int argc, char **argv, int *i, const char *shortopt, const char *longopt, int *matched)
{
    const char *a = argv[*i];
    size_t n;

    *matched = 0;
    if (shortopt && strncmp(a, shortopt, 2) == 0) {
        *matched = 1;
        if (a[2])
            return a + 2;
        if (*i + 1 < argc)
            return argv[++*i];
        return NULL;
    }
    if (longopt) {
        n = strlen(longopt);
        if (strncmp(a, longopt, n) == 0 && (a[n] == '=' || a[n] == '\0')) {
            *matched = 1;
            if (a[n] == '=')
                return a + n + 1;
            if (*i + 1 < argc)
                return argv[++*i];
            return NULL;
        }
    }
    return NULL;
}

static int parse_options(int argc, char **argv, options_t *o)
{
    int i, only_files = 0;

    memset(o, 0, sizeof(*o));
    o->files = calloc((size_t)argc + 1, sizeof(*o->files));
    o->excludes = calloc((size_t)argc + 1, sizeof(*o->excludes));
    if (!o->files || !o->excludes)
        return usage_error("%s", "out of memory");
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int m;

        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->nfiles++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        if (strcmp(a, "--hook") == 0) {
            o->hook = 1;
            continue;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
            continue;
        }
#define OPT(shortopt, longopt, what, field)                                                                            \
    v = value_of(argc, argv, &i, shortopt, longopt, &m);                                                               \
    if (m) {                                                                                                           \
        if (!v || !*v)                                                                                                 \
            return usage_error("option '%s' needs " what, a);                                                          \
        o->field = v;                                                                                                  \
        continue;                                                                                                      \
    }
        OPT("-p", "--build-dir", "a build directory", build_dir)
        OPT("-o", "--output", "a file name", output)
        OPT(NULL, "--checks", "a glob list", checks)
        OPT(NULL, "--diff", "a git revision", diff_rev)
        OPT(NULL, "--baseline", "a SARIF file", baseline)
        OPT(NULL, "--export-fixes", "a file name", export_fixes)
        OPT(NULL, "--docs-url", "a URL", docs_url)
        OPT(NULL, "--header-filter", "a regular expression", header_filter)
        OPT(NULL, "--html", "a directory", html_dir)
        v = value_of(argc, argv, &i, NULL, "--exclude", &m);
        if (m) {
            if (!v || !*v)
                return usage_error("option '%s' needs a path glob", a);
            o->excludes[o->nexcludes++] = v;
            continue;
        }
#undef OPT
        v = value_of(argc, argv, &i, "-j", "--jobs", &m);
        if (m) {
            char *end;
            long n = v ? strtol(v, &end, 10) : 0;
            if (!v || !*v || *end || n < 1 || n > 1024)
                return usage_error("option -j needs a number of jobs between 1 and 1024 (got '%s')", v ? v : "");
            o->jobs = n;
            continue;
        }
        v = value_of(argc, argv, &i, NULL, "--format", &m);
        if (m) {
            if (v && strcmp(v, "text") == 0)
                o->sarif = 0;
            else if (v && strcmp(v, "sarif") == 0)
                o->sarif = 1;
            else
                return usage_error("--format must be 'text' or 'sarif' (got '%s')", v ? v : "");
            continue;
        }
        v = value_of(argc, argv, &i, NULL, "--color", &m);
        if (m) {
            if (!v || (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never")))
                return usage_error("--color must be 'auto', 'always' or 'never' (got '%s')", v ? v : "");
            o->color = v;
            continue;
        }
        return usage_error("unknown option '%s'", a);
    }
    if (o->hook && o->diff_rev)
        return usage_error("%s", "--hook chooses the revision itself; it cannot be combined with --diff");
    if (o->docs_url && !is_absolute_url(o->docs_url))
        return usage_error("--docs-url needs an absolute URL such as https://example.org/ptrcheck/docs (SARIF's "
                           "helpUri and informationUri are absolute), got '%s'",
                           o->docs_url);
    if (!o->jobs) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        o->jobs = n > 0 ? n : 1;
    }
    return -1; /* no error */
}

/* ------------------------------------------------------------------ small helpers */

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Directory of the running executable, without the trailing '/', or "" when unknown. */
static void exe_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    char *slash;

    if (n <= 0 || (size_t)n >= size - 1) {
        buf[0] = '\0';
        return;
    }
    buf[n] = '\0';
    slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
    else
        buf[0] = '\0';
}

static int path_in(char *const *list, size_t n, const char *path)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(list[i], path) == 0)
            return 1;
    return 0;
}

static int is_header(const char *path)
{
    static const char *const exts[] = {".h", ".hh", ".hpp", ".hxx", ".h++", ".inc", ".def", ".inl", NULL};
    const char *dot = strrchr(path, '.');
    size_t i;

    if (!dot || strchr(dot, '/'))
        return 0;
    for (i = 0; exts[i]; i++)
        if (strcmp(dot, exts[i]) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ tools: clang and the plugin */

typedef struct tools_s {
    char clang[PATH_MAX];
    char plugin[PATH_MAX];
    char docs[PATH_MAX]; /* "" when not found */
} tools_t;

/* The LLVM major of a clang binary from `clang --version`, 0 if unknown. */
static unsigned clang_major(const char *clang)
{
    char *argv[] = {(char *)clang, "--version", NULL};
    char *out = NULL, *err = NULL, *p;
    size_t len;
    unsigned major = 0;

    if (ptrcheck_run_capture(argv, NULL, &out, &len, &err) == 0 && (p = strstr(out, "clang version ")) != NULL)
        major = (unsigned)strtoul(p + 14, NULL, 10);
    free(out);
    free(err);
    return major;
}

static int find_tools(tools_t *t)
{
    char dir[PATH_MAX];
    const char *env;
    unsigned major;

    exe_dir(dir, sizeof(dir));
    env = getenv("PTRCHECK_CLANG");
    snprintf(t->clang, sizeof(t->clang), "%s", env && *env ? env : PTRCHECK_CLANG_PATH);
    if (access(t->clang, X_OK) != 0) {
        fprintf(stderr,
                "ptrcheck: error: clang %d not found at %s. This ptrcheck was built for LLVM %d and must run the "
                "clang of that major (Debian: apt-get install clang-%d), or set PTRCHECK_CLANG to a clang-%d.\n",
                PTRCHECK_LLVM_MAJOR, t->clang, PTRCHECK_LLVM_MAJOR, PTRCHECK_LLVM_MAJOR, PTRCHECK_LLVM_MAJOR);
        return 0;
    }
    if (env && *env && (major = clang_major(t->clang)) != PTRCHECK_LLVM_MAJOR) {
        fprintf(stderr,
                "ptrcheck: error: PTRCHECK_CLANG=%s is clang %u, but this ptrcheck was built for LLVM %d; plugins "
                "only load into the major they were built for.\n",
                t->clang, major, PTRCHECK_LLVM_MAJOR);
        return 0;
    }
    env = getenv("PTRCHECK_PLUGIN");
    if (env && *env) {
        snprintf(t->plugin, sizeof(t->plugin), "%s", env);
    } else {
        snprintf(t->plugin, sizeof(t->plugin), "%s/../lib/ptrcheck/ptrcheck.so", dir);
        if (!file_exists(t->plugin))
            snprintf(t->plugin, sizeof(t->plugin), "%s/ptrcheck.so", dir); /* build tree */
    }
    if (!file_exists(t->plugin)) {
        fprintf(stderr, "ptrcheck: error: the plugin was not found (looked for %s/../lib/ptrcheck/ptrcheck.so); "
                        "reinstall ptrcheck or set PTRCHECK_PLUGIN\n", dir);
        return 0;
    }
    {
        char *abs = ptrcheck_path_absolute(t->plugin, NULL);
        if (abs) {
            snprintf(t->plugin, sizeof(t->plugin), "%s", abs);
            free(abs);
        }
    }
    t->docs[0] = '\0';
    {
        char path[PATH_MAX + 64], *abs;
        snprintf(path, sizeof(path), "%s/%s", dir, PTRCHECK_DOCDIR_REL);
        abs = ptrcheck_path_absolute(path, NULL);
        if (abs) {
            snprintf(path, sizeof(path), "%s/checks", abs);
            if (access(path, R_OK) == 0)
                snprintf(t->docs, sizeof(t->docs), "%s", abs);
            free(abs);
        }
        if (!t->docs[0] && PTRCHECK_SOURCE_DOCDIR[0])
            snprintf(t->docs, sizeof(t->docs), "%s", PTRCHECK_SOURCE_DOCDIR);
    }
    return 1;
}

/* ------------------------------------------------------------------ jobs */

typedef struct job_s {
    char *dir;     /* working directory of the compile */
    char *file;    /* absolute source file */
    char **argv;   /* clang command line, NULL-terminated */
    size_t argc;
    pid_t pid;
    int status;    /* exit status of clang, -1 when it could not be run */
    int from_db;   /* 0: default flags */
    char *borrowed; /* the entry whose flags a file without one borrowed (nearest_entry), or NULL */
    int deps;      /* a dependency scan (clang -M) for --diff, not an analysis */
    int via_header; /* analysed only because it includes a named or changed header: only findings
                     * located in those headers are reported */
    int finished;  /* clang has exited */
    char *errtext; /* clang's error output when it failed */
} job_t;

typedef struct jobs_s {
    job_t *items;
    size_t count, cap;
} jobs_t;

static void job_delete(job_t *j)
{
    size_t i;

    for (i = 0; i < j->argc; i++)
        free(j->argv[i]);
    free(j->argv);
    free(j->dir);
    free(j->file);
    free(j->errtext);
    free(j->borrowed);
}

static void jobs_delete(jobs_t *js)
{
    size_t i;

    for (i = 0; i < js->count; i++)
        job_delete(&js->items[i]);
    free(js->items);
    js->items = NULL;
    js->count = js->cap = 0;
}

static int push_arg(job_t *j, const char *a)
{
    char **v = realloc(j->argv, (j->argc + 2) * sizeof(*v));
    if (!v)
        return 0;
    j->argv = v;
    j->argv[j->argc] = xstrdup(a);
    if (!j->argv[j->argc])
        return 0;
    j->argc++;
    j->argv[j->argc] = NULL;
    return 1;
}

/* Arguments of the entry that must not reach our compile: outputs, dependency files, other actions,
 * and an earlier ptrcheck set-up (ptrcheck_enable puts the plugin into compile_commands.json). */
static int drop_arg(const char *a, int *skip_next)
{
    static const char *const with_value[] = {"-o", "-MF", "-MT", "-MQ", "--serialize-diagnostics", "-dependency-file",
                                             NULL};
    static const char *const flags[] = {"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-fsyntax-only",
                                        "-emit-llvm", "-save-temps", "-fcolor-diagnostics", "-fdiagnostics-color",
                                        "-fno-color-diagnostics", NULL};
    size_t i;

    *skip_next = 0;
    for (i = 0; with_value[i]; i++) {
        size_t n = strlen(with_value[i]);
        if (strcmp(a, with_value[i]) == 0) {
            *skip_next = 1;
            return 1;
        }
        if (n == 2 || n == 3) { /* joined forms: -ofoo.o, -MFdeps.d */
            if (strncmp(a, with_value[i], n) == 0 && a[n] != '\0' && strcmp(with_value[i], "-M") != 0)
                return 1;
        }
    }
    for (i = 0; flags[i]; i++)
        if (strcmp(a, flags[i]) == 0)
            return 1;
    if (strncmp(a, "-save-temps=", 12) == 0 || strncmp(a, "-fdiagnostics-color=", 20) == 0)
        return 1;
    if ((strncmp(a, "-fplugin=", 9) == 0 || strncmp(a, "-fpass-plugin=", 14) == 0) && strstr(a, "ptrcheck"))
        return 1;
    if (strncmp(a, "-fplugin-arg-ptrcheck-output=", 29) == 0)
        return 1;
    return 0;
}

/* A job running the entry's command line (from_db), or default flags on file; deps: a dependency
 * scan writing make rules to side instead of an analysis writing findings there. */
static int add_job(jobs_t *js, const char *dir, const char *file, const char *const *args, size_t nargs, int from_db,
                   int deps, const tools_t *t, const options_t *o, const char *side)
{
    job_t j;
    size_t i;
    char buf[PATH_MAX + 64];

    memset(&j, 0, sizeof(j));
    j.dir = xstrdup(dir);
    j.file = xstrdup(file);
    j.from_db = from_db;
    j.deps = deps;
    j.status = -1;
    if (!j.dir || !j.file || !push_arg(&j, t->clang))
        goto fail;
    for (i = 1; i < nargs; i++) {
        int skip;
        if (drop_arg(args[i], &skip)) {
            i += (size_t)skip;
            continue;
        }
        if (!push_arg(&j, args[i]))
            goto fail;
    }
    if (!from_db && !push_arg(&j, file))
        goto fail;
    if (deps) {
        /* the headers the file includes, as a make rule; missing (generated) headers are not errors */
        if (!push_arg(&j, "-M") || !push_arg(&j, "-MG") || !push_arg(&j, "-w") || !push_arg(&j, "-o") ||
            !push_arg(&j, side))
            goto fail;
        goto append;
    }
    /* Bitcode to /dev/null: the frontend plugin sees the AST and the pass plugin the IR at
     * PipelineStart (every -O level, so the entry's -O and the macros it implies are kept); with
     * analysis-only the pass then empties the module, so the optimiser and the bitcode writer have
     * nothing to do. */
    if (!push_arg(&j, "-c") || !push_arg(&j, "-emit-llvm") || !push_arg(&j, "-o") || !push_arg(&j, "/dev/null"))
        goto fail;
    snprintf(buf, sizeof(buf), "-fplugin=%s", t->plugin);
    if (!push_arg(&j, buf))
        goto fail;
    snprintf(buf, sizeof(buf), "-fpass-plugin=%s", t->plugin);
    if (!push_arg(&j, buf))
        goto fail;
    snprintf(buf, sizeof(buf), "-fplugin-arg-ptrcheck-output=%s", side);
    if (!push_arg(&j, buf) || !push_arg(&j, "-fplugin-arg-ptrcheck-analysis-only"))
        goto fail;
    if (o->checks) {
        snprintf(buf, sizeof(buf), "-fplugin-arg-ptrcheck-checks=%s", o->checks);
        if (!push_arg(&j, buf))
            goto fail;
    }
    /* -Werror in the project's flags would turn findings into a failed compile. */
    if (!push_arg(&j, "-Wno-error") || !push_arg(&j, "-fno-color-diagnostics"))
        goto fail;
append:
    if (js->count == js->cap) {
        size_t cap = js->cap ? js->cap * 2 : 64;
        job_t *items = realloc(js->items, cap * sizeof(*items));
        if (!items)
            goto fail;
        js->items = items;
        js->cap = cap;
    }
    js->items[js->count++] = j;
    return 1;
fail:
    job_delete(&j);
    return 0;
}

/* ------------------------------------------------------------------ compilation database */

/* The directory of the nearest compile_commands.json upward from cwd; heap string or NULL. */
static char *find_database(const char *cwd)
{
    char *dir = xstrdup(cwd);
    char path[PATH_MAX + 32];

    while (dir) {
        char *slash;
        snprintf(path, sizeof(path), "%s/compile_commands.json", dir);
        if (file_exists(path))
            return dir;
        slash = strrchr(dir, '/');
        if (!slash || slash == dir) {
            if (slash == dir && dir[1]) {
                dir[1] = '\0';
                continue;
            }
            break;
        }
        *slash = '\0';
    }
    free(dir);
    return NULL;
}

typedef struct entry_s {
    char *dir;
    char *file; /* absolute */
    char **args;
    size_t nargs;
} entry_t;

typedef struct db_s {
    entry_t *items;
    size_t count;
} db_t;

static void db_delete(db_t *db)
{
    size_t i, k;

    for (i = 0; i < db->count; i++) {
        for (k = 0; k < db->items[i].nargs; k++)
            free(db->items[i].args[k]);
        free(db->items[i].args);
        free(db->items[i].dir);
        free(db->items[i].file);
    }
    free(db->items);
    db->items = NULL;
    db->count = 0;
}

static char *take_cxstring(CXString s)
{
    const char *c = clang_getCString(s);
    char *d = xstrdup(c ? c : "");
    clang_disposeString(s);
    return d;
}

/* The database as JSON, checked before libclang sees it (libclang prints its own parse message and
 * returns an empty database for a truncated file): an array of objects with "directory", "file" and
 * "command" or "arguments".  Prints one error naming the file (and line:col or the entry). */
static int db_check_json(const char *path)
{
    json_error_t jerr;
    json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr), *e;
    size_t i;
    int ok = 0;

    if (!j) {
        if (jerr.line > 0)
            fprintf(stderr, "%s:%d:%d: error: malformed compilation database: %s\n", path, jerr.line, jerr.column,
                    jerr.text);
        else
            fprintf(stderr, "%s: error: cannot read the compilation database: %s\n", path, jerr.text);
        return 0;
    }
    if (!json_is_array(j)) {
        fprintf(stderr, "%s: error: malformed compilation database: expected an array of entries\n", path);
        goto done;
    }
    json_array_foreach(j, i, e) {
        json_t *args = json_object_get(e, "arguments");
        const char *what = NULL;
        size_t k;
        json_t *a;
        if (!json_is_object(e))
            what = "is not an object";
        else if (!json_is_string(json_object_get(e, "directory")))
            what = "has no \"directory\" string";
        else if (!json_is_string(json_object_get(e, "file")))
            what = "has no \"file\" string";
        else if (args && !json_is_array(args))
            what = "has \"arguments\" that is not an array";
        else if (!args && !json_is_string(json_object_get(e, "command")))
            what = "has neither \"command\" nor \"arguments\"";
        json_array_foreach(args, k, a) {
            if (!what && !json_is_string(a))
                what = "has a non-string in \"arguments\"";
        }
        if (what) {
            const char *file = json_string_value(json_object_get(e, "file"));
            fprintf(stderr, "%s: error: malformed compilation database: entry %zu%s%s%s %s\n", path, i + 1,
                    file ? " (" : "", file ? file : "", file ? ")" : "", what);
            goto done;
        }
    }
    ok = 1;
done:
    json_decref(j);
    return ok;
}

/* Loads every entry through libclang; on failure explains why. */
static int db_load(db_t *db, const char *dir)
{
    CXCompilationDatabase_Error code = CXCompilationDatabase_NoError;
    CXCompilationDatabase cdb;
    CXCompileCommands cmds;
    unsigned i, n, k;
    int ok = 1;
    char path[PATH_MAX + 32];

    db->items = NULL;
    db->count = 0;
    snprintf(path, sizeof(path), "%s/compile_commands.json", dir);
    if (!db_check_json(path))
        return 0;
    cdb = clang_CompilationDatabase_fromDirectory(dir, &code);
    if (!cdb || code != CXCompilationDatabase_NoError) {
        fprintf(stderr, "%s: error: cannot load the compilation database (libclang rejected it)\n", path);
        if (cdb)
            clang_CompilationDatabase_dispose(cdb);
        return 0;
    }
    cmds = clang_CompilationDatabase_getAllCompileCommands(cdb);
    n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
    db->items = calloc(n ? n : 1, sizeof(*db->items));
    if (!db->items)
        ok = 0;
    for (i = 0; ok && i < n; i++) {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
        entry_t *e = &db->items[db->count++];
        char *file;
        e->dir = take_cxstring(clang_CompileCommand_getDirectory(cmd));
        file = take_cxstring(clang_CompileCommand_getFilename(cmd));
        e->nargs = clang_CompileCommand_getNumArgs(cmd);
        e->args = calloc(e->nargs + 1, sizeof(*e->args));
        if (!e->dir || !file || !e->args) {
            free(file);
            ok = 0;
            break;
        }
        e->file = ptrcheck_path_absolute(file, e->dir);
        free(file);
        if (!e->file)
            ok = 0;
        for (k = 0; ok && k < e->nargs; k++) {
            e->args[k] = take_cxstring(clang_CompileCommand_getArg(cmd, k));
            if (!e->args[k])
                ok = 0;
        }
    }
    if (cmds)
        clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(cdb);
    if (!ok) {
        fprintf(stderr, "ptrcheck: error: out of memory reading the compilation database\n");
        db_delete(db);
    }
    return ok;
}

/* ------------------------------------------------------------------ running */

static int tmp_path(char *buf, size_t size, const char *tmpdir, size_t index, const char *ext)
{
    return snprintf(buf, size, "%s/%zu.%s", tmpdir, index, ext) < (int)size;
}

static pid_t spawn(const job_t *j, const char *errpath)
{
    pid_t pid = fork();

    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        int err = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || err < 0)
            _exit(127);
        dup2(in, 0);
        dup2(err, 1);
        dup2(err, 2);
        if (chdir(j->dir) != 0) {
            fprintf(stderr, "ptrcheck: cannot enter directory %s: %s\n", j->dir, strerror(errno));
            _exit(127);
        }
        execv(j->argv[0], j->argv);
        fprintf(stderr, "ptrcheck: cannot run %s: %s\n", j->argv[0], strerror(errno));
        _exit(127);
    }
    return pid;
}

static const char *display_path(const char *path, const char *cwd)
{
    const char *rel = ptrcheck_path_under(path, cwd);
    return rel ? rel : path;
}

/* Called after each job ends (in completion order); the progress line is cleared before. */
typedef void (*job_done_fn)(void *user, size_t index);

static void run_jobs(jobs_t *js, long maxjobs, const char *tmpdir, const char *cwd, int progress, job_done_fn done_fn,
                     void *user)
{
    size_t next = 0, done = 0, running = 0, i;
    char errpath[PATH_MAX];

    while (done < js->count) {
        int status;
        pid_t pid;

        while (running < (size_t)maxjobs && next < js->count) {
            job_t *j = &js->items[next];
            tmp_path(errpath, sizeof(errpath), tmpdir, next, "err");
            j->pid = spawn(j, errpath);
            if (j->pid < 0) {
                j->status = -1;
                j->finished = 1;
                done++;
                if (done_fn)
                    done_fn(user, next);
            } else {
                running++;
            }
            next++;
        }
        if (running == 0)
            continue;
        pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (i = 0; i < js->count; i++) {
            if (js->items[i].pid == pid) {
                job_t *j = &js->items[i];
                j->pid = 0;
                j->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
                j->finished = 1;
                running--;
                done++;
                if (progress)
                    fprintf(stderr, "\r\033[K");
                if (done_fn)
                    done_fn(user, i);
                if (progress)
                    fprintf(stderr, "[%zu/%zu] %s", done, js->count, display_path(j->file, cwd));
                break;
            }
        }
    }
    if (progress)
        fprintf(stderr, "\r\033[K");
}

/* clang's error output of a failed job (the err file), at most 64 lines; heap string or NULL. */
static char *read_errtext(const char *errpath)
{
    FILE *f = fopen(errpath, "r");
    char line[4096], *buf = NULL;
    size_t len = 0, nlines = 0;

    if (!f)
        return NULL;
    while (nlines < 64 && fgets(line, sizeof(line), f)) {
        size_t n = strlen(line);
        char *p = realloc(buf, len + n + 2);
        if (!p)
            break;
        buf = p;
        memcpy(buf + len, line, n);
        len += n;
        if (n && line[n - 1] != '\n')
            buf[len++] = '\n';
        buf[len] = '\0';
        nlines++;
    }
    fclose(f);
    while (buf && len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
        buf[--len] = '\0';
    return buf;
}

/* Prints the captured stderr of a failed compile, indented, to stderr. */
static void print_failure(const job_t *j, const char *cwd)
{
    const char *p;

    if (j->status == 127 || j->status < 0)
        fprintf(stderr, "ptrcheck: error: %s: could not run clang:\n", display_path(j->file, cwd));
    else
        fprintf(stderr, "ptrcheck: error: %s: not analysed, clang exited with status %d:\n", display_path(j->file, cwd),
                j->status);
    for (p = j->errtext; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "  %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
    if (j->borrowed) /* our guess at its flags failed, not necessarily the file */
        fprintf(stderr, "ptrcheck: note: %s has no entry in compile_commands.json and was compiled with the flags "
                        "of %s; add it to the database, or to 'exclude:' in .ptrcheck.yaml if the build never "
                        "compiles it here\n", display_path(j->file, cwd), display_path(j->borrowed, cwd));
}

static void remove_tmpdir(const char *tmpdir, size_t njobs)
{
    char path[PATH_MAX];
    size_t i;

    for (i = 0; i < njobs; i++) {
        if (tmp_path(path, sizeof(path), tmpdir, i, "err"))
            unlink(path);
        if (tmp_path(path, sizeof(path), tmpdir, i, "jsonl"))
            unlink(path);
        if (tmp_path(path, sizeof(path), tmpdir, i, "d"))
            unlink(path);
    }
    rmdir(tmpdir);
}

/* ------------------------------------------------------------------ which entries */

static const char *file_ext(const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

/* C and C++ (and Objective-C, which clang parses the same way); everything else in a database
 * (assembly, CUDA, Fortran...) is skipped and counted.  An explicit -x decides over the extension. */
static int c_family_name(const char *path)
{
    static const char *const exts[] = {"c",   "i",   "cc", "cp",  "cpp", "cxx", "c++", "C",   "CC",  "CPP", "ii",
                                       "m",   "mm",  "M",  "mi",  "cppm", "ixx", "h",   "hh",  "hpp", "hxx", "h++",
                                       NULL};
    const char *ext = file_ext(path);
    size_t i;

    for (i = 0; exts[i]; i++)
        if (strcmp(ext, exts[i]) == 0)
            return 1;
    return 0;
}

static int entry_is_c_family(const entry_t *e)
{
    const char *lang = NULL;
    size_t i;

    for (i = 1; i < e->nargs; i++) {
        if (strcmp(e->args[i], "-x") == 0 && i + 1 < e->nargs)
            lang = e->args[++i];
        else if (strncmp(e->args[i], "-x", 2) == 0 && e->args[i][2])
            lang = e->args[i] + 2;
    }
    if (lang)
        return strncmp(lang, "c", 1) == 0 || strncmp(lang, "objective-c", 11) == 0;
    return c_family_name(e->file);
}

static int is_cxx_name(const char *path)
{
    const char *ext = file_ext(path);
    return ext[0] && strcmp(ext, "c") != 0 && strcmp(ext, "h") != 0 && strcmp(ext, "i") != 0 && strcmp(ext, "m") != 0;
}

/* How many leading path components a and b share. */
static size_t common_components(const char *a, const char *b)
{
    size_t n = 0, i = 0;

    for (;; i++) {
        if (a[i] == '/' || a[i] == '\0') {
            if (b[i] != '/' && b[i] != '\0')
                break;
            n++;
            if (!a[i] || !b[i])
                break;
        } else if (a[i] != b[i]) {
            break;
        }
    }
    return n;
}

/* The entry whose file is nearest to path in the directory tree (most shared leading components,
 * then the same language, then the first in the database), as clangd infers flags for files
 * without an entry; NULL when the database has no C-family entry. */
static const entry_t *nearest_entry(const db_t *db, const char *path)
{
    const entry_t *best = NULL;
    size_t bestscore = 0, i;
    int cxx = is_cxx_name(path);

    for (i = 0; i < db->count; i++) {
        const entry_t *e = &db->items[i];
        size_t score;
        if (!entry_is_c_family(e))
            continue;
        score = common_components(path, e->file) * 2 + (is_cxx_name(e->file) == cxx);
        if (!best || score > bestscore) {
            best = e;
            bestscore = score;
        }
    }
    return best;
}

/* e's arguments with e's own file replaced by path (appended when it is not among them). */
static char **borrow_args(const entry_t *e, const char *path, size_t *nargs)
{
    char **v = calloc(e->nargs + 2, sizeof(*v));
    size_t i, n = 0;
    int replaced = 0;

    if (!v)
        return NULL;
    for (i = 0; i < e->nargs; i++) {
        char *abs = i > 0 && e->args[i][0] != '-' ? ptrcheck_path_absolute(e->args[i], e->dir) : NULL;
        int self = abs && strcmp(abs, e->file) == 0;
        free(abs);
        v[n++] = (char *)(self ? path : e->args[i]);
        replaced |= self;
    }
    if (!replaced)
        v[n++] = (char *)path;
    *nargs = n;
    return v;
}

/* ------------------------------------------------------------------ dependency scan (--diff headers) */

/* Adds the absolute paths of every prerequisite in a make rule file (clang -M) to *out. */
static int read_deps(const char *path, const char *dir, char ***out, size_t *nout)
{
    FILE *f = fopen(path, "r");
    char *tok = NULL;
    size_t len = 0, cap = 0;
    int c, colon = 0, ok = 1;

    if (!f)
        return 0;
    for (;;) {
        c = fgetc(f);
        if (c == '\\') {
            int d = fgetc(f);
            if (d == '\n')
                c = ' ';
            else if (d == ' ' || d == '#' || d == '\\')
                c = d | 0x100; /* escaped: part of the name */
            else {
                ungetc(d, f);
            }
        }
        if (c == EOF || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (len) {
                tok[len] = '\0';
                if (!colon && tok[len - 1] == ':') {
                    colon = 1; /* the target */
                } else if (colon) {
                    char **v = realloc(*out, (*nout + 1) * sizeof(*v));
                    char *abs = ptrcheck_path_absolute(tok, dir);
                    if (!v || !abs) {
                        free(abs);
                        if (v)
                            *out = v;
                        ok = 0;
                        break;
                    }
                    *out = v;
                    (*out)[(*nout)++] = abs;
                }
                len = 0;
            }
            if (c == EOF)
                break;
            continue;
        }
        if (len + 2 > cap) {
            char *t = realloc(tok, cap = cap ? cap * 2 : 256);
            if (!t) {
                ok = 0;
                break;
            }
            tok = t;
        }
        tok[len++] = (char)(c & 0xff);
    }
    free(tok);
    fclose(f);
    return ok;
}

/* ------------------------------------------------------------------ filters */

static int keep_changed(void *user, const ptrcheck_finding_t *f)
{
    return ptrcheck_changes_has_line(user, f->file, f->line);
}

/* Baseline matching: same rule, file and message; an exact line first, else the nearest unused
 * baseline entry with the same key (code above it moved), so a finding survives only when the
 * current run has more of that kind than the baseline had.  used[] persists across batches. */
static void apply_baseline(ptrcheck_findings_t *fs, const ptrcheck_findings_t *base, unsigned char *used,
                           ptrcheck_findings_t *dropped)
{
    unsigned char *drop = calloc(fs->count ? fs->count : 1, 1);
    size_t i, k, o = 0;
    int pass;

    if (!drop)
        return;
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < fs->count; i++) {
            const ptrcheck_finding_t *f = &fs->items[i];
            size_t best = (size_t)-1;
            unsigned bestdist = UINT_MAX;
            if (drop[i])
                continue;
            for (k = 0; k < base->count; k++) {
                const ptrcheck_finding_t *b = &base->items[k];
                unsigned dist;
                if (used[k] || b->check != f->check || !b->file || !f->file || strcmp(b->file, f->file) != 0 ||
                    strcmp(b->message, f->message) != 0)
                    continue;
                dist = b->line > f->line ? b->line - f->line : f->line - b->line;
                if ((pass == 0 && dist != 0) || dist >= bestdist)
                    continue;
                best = k;
                bestdist = dist;
            }
            if (best != (size_t)-1) {
                used[best] = 1;
                drop[i] = 1;
            }
        }
    }
    for (i = 0; i < fs->count; i++) {
        if (drop[i]) {
            ptrcheck_error_t err;
            if (!ptrcheck_findings_take(dropped, &fs->items[i], &err))
                ptrcheck_finding_fini(&fs->items[i]);
            continue;
        }
        fs->items[o++] = fs->items[i];
    }
    fs->count = o;
    free(drop);
}

/* ------------------------------------------------------------------ scope: exclude, header-filter, per-directory checks */

/* The configuration governing findings located in one directory (its nearest .ptrcheck.yaml, with
 * --checks after it), loaded once per directory. */
typedef struct dircfg_s {
    char *dir;
    char *cfgdir; /* directory of the .ptrcheck.yaml, NULL for the defaults */
    ptrcheck_config_t cfg;
    int loaded;   /* 0: could not be loaded (reported by check_configs; governs nothing) */
} dircfg_t;

typedef struct scope_s {
    const options_t *o;
    const char *cwd;
    dircfg_t *dirs;
    size_t ndirs;
    regex_t cli_filter;
    int have_cli_filter;
    regex_t *cfg_filters; /* compiled header-filter per dirs[i] (valid when cfg.header_filter) */
    char **reported;      /* configuration files whose error was printed */
    size_t nreported;
    size_t config_errors;
} scope_t;

static scope_t *scope_create(const options_t *o, const char *cwd)
{
    scope_t *s = calloc(1, sizeof(*s));

    if (!s)
        return NULL;
    s->o = o;
    s->cwd = cwd;
    if (o->header_filter) {
        int rc = regcomp(&s->cli_filter, o->header_filter, REG_EXTENDED | REG_NOSUB);
        if (rc != 0) {
            char msg[256];
            regerror(rc, &s->cli_filter, msg, sizeof(msg));
            fprintf(stderr, "ptrcheck: --header-filter is not a valid regular expression: %s; see ptrcheck --help\n",
                    msg);
            free(s);
            return NULL;
        }
        s->have_cli_filter = 1;
    }
    return s;
}

static void scope_destroy(scope_t *s)
{
    size_t i;

    if (!s)
        return;
    for (i = 0; i < s->ndirs; i++) {
        free(s->dirs[i].dir);
        free(s->dirs[i].cfgdir);
        if (s->dirs[i].loaded && s->dirs[i].cfg.header_filter)
            regfree(&s->cfg_filters[i]);
        ptrcheck_config_fini(&s->dirs[i].cfg);
    }
    free(s->dirs);
    free(s->cfg_filters);
    for (i = 0; i < s->nreported; i++)
        free(s->reported[i]);
    free(s->reported);
    if (s->have_cli_filter)
        regfree(&s->cli_filter);
    free(s);
}

/* A .ptrcheck.yaml that does not load: printed once per file (whoever finds it first: the check
 * before the compiles, or the scope of a header's directory), and the run ends with status 2. */
static void scope_config_error(scope_t *s, const ptrcheck_error_t *err)
{
    char msg[2300];
    char **v;

    ptrcheck_error_t shown = *err;

    s->config_errors++;
    if (err->file[0] && path_in(s->reported, s->nreported, err->file))
        return;
    if (err->file[0]) /* relative to the current directory, as findings are */
        snprintf(shown.file, sizeof(shown.file), "%s", display_path(err->file, s->cwd));
    fprintf(stderr, "%s\n", ptrcheck_error_format(&shown, msg, sizeof(msg)));
    if (!err->file[0])
        return;
    v = realloc(s->reported, (s->nreported + 1) * sizeof(*v));
    if (!v)
        return;
    s->reported = v;
    s->reported[s->nreported] = xstrdup(err->file);
    if (s->reported[s->nreported])
        s->nreported++;
}

static size_t scope_dir(scope_t *s, const char *file)
{
    const char *slash = strrchr(file, '/');
    size_t n = slash ? (size_t)(slash - file) : 0, i;
    dircfg_t *dirs, *d;
    regex_t *filters;
    char *found = NULL;
    ptrcheck_error_t err;

    for (i = 0; i < s->ndirs; i++)
        if (strlen(s->dirs[i].dir) == n && strncmp(s->dirs[i].dir, file, n) == 0)
            return i;
    dirs = realloc(s->dirs, (s->ndirs + 1) * sizeof(*dirs));
    if (!dirs)
        return (size_t)-1;
    s->dirs = dirs;
    filters = realloc(s->cfg_filters, (s->ndirs + 1) * sizeof(*filters));
    if (!filters)
        return (size_t)-1;
    s->cfg_filters = filters;
    d = &s->dirs[s->ndirs];
    memset(d, 0, sizeof(*d));
    d->dir = malloc(n + 1);
    if (!d->dir)
        return (size_t)-1;
    memcpy(d->dir, file, n);
    d->dir[n] = '\0';
    s->ndirs++;
    ptrcheck_error_clear(&err);
    if (!ptrcheck_config_init(&d->cfg, &err))
        return s->ndirs - 1;
    if (!ptrcheck_config_find(n ? d->dir : "/", &found, &err) && err.status == PTRCHECK_ERR_IO &&
        strstr(err.message, "cannot look for")) {
        ptrcheck_error_clear(&err); /* the directory does not exist: the defaults (clang will complain) */
        found = NULL;
    } else if (err.status != PTRCHECK_OK) {
        scope_config_error(s, &err);
        return s->ndirs - 1;
    }
    if ((!found || ptrcheck_config_load_file(&d->cfg, found, &err)) &&
        (!s->o->checks || ptrcheck_config_add_check_globs(&d->cfg, s->o->checks, &err))) {
        d->loaded = 1;
        if (found) {
            char *sl = strrchr(found, '/');
            if (sl)
                *sl = '\0';
            d->cfgdir = xstrdup(found);
        }
        if (d->cfg.header_filter &&
            regcomp(&s->cfg_filters[s->ndirs - 1], d->cfg.header_filter, REG_EXTENDED | REG_NOSUB) != 0) {
            free(d->cfg.header_filter);
            d->cfg.header_filter = NULL;
        }
    } else {
        scope_config_error(s, &err);
    }
    ptrcheck_free(found);
    return s->ndirs - 1;
}

/* path against a glob relative to base (third_party/..., *.pb.c; a star crosses slashes), or absolute. */
static int glob_path(const char *glob, const char *base, const char *path)
{
    const char *rel;

    if (glob[0] == '/')
        return ptrcheck_glob_match(glob, path);
    rel = base ? ptrcheck_path_under(path, base) : NULL;
    if (!rel)
        return 0;
    if (glob[0] == '.' && glob[1] == '/')
        glob += 2;
    return ptrcheck_glob_match(glob, rel);
}

/* 1 when file is excluded (by its directory's .ptrcheck.yaml or --exclude). */
static int scope_excluded(scope_t *s, const char *file)
{
    size_t i, d = scope_dir(s, file);

    for (i = 0; i < s->o->nexcludes; i++)
        if (glob_path(s->o->excludes[i], s->cwd, file))
            return 1;
    if (d == (size_t)-1 || !s->dirs[d].loaded)
        return 0;
    for (i = 0; i < s->dirs[d].cfg.nexclude; i++)
        if (glob_path(s->dirs[d].cfg.exclude[i], s->dirs[d].cfgdir, file))
            return 1;
    return 0;
}

/* 1 when finding f, found while analysing tu, is in scope: not excluded, its check enabled by the
 * configuration of the directory it is located in, and (in a header) matching the header filter. */
static int scope_keep(scope_t *s, const ptrcheck_finding_t *f, const char *tu)
{
    size_t d;

    if (!f->file)
        return 1;
    if (scope_excluded(s, f->file))
        return 0;
    d = scope_dir(s, f->file);
    if (d == (size_t)-1 || !s->dirs[d].loaded)
        return 1;
    if (!ptrcheck_config_check_enabled(&s->dirs[d].cfg, f->check))
        return 0;
    if (tu && strcmp(f->file, tu) != 0) {
        if (s->have_cli_filter)
            return regexec(&s->cli_filter, f->file, 0, NULL, 0) == 0;
        if (s->dirs[d].cfg.header_filter)
            return regexec(&s->cfg_filters[d], f->file, 0, NULL, 0) == 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ a run: jobs reported in order */

typedef struct run_s {
    const options_t *o;
    jobs_t *jobs;
    const char *tmpdir, *cwd;
    ptrcheck_findings_t fs; /* everything reported, in report order */
    ptrcheck_findings_t dropped; /* matched by the baseline (not reported again by another TU) */
    const ptrcheck_findings_t *base;
    unsigned char *base_used;
    const ptrcheck_changes_t *changes; /* NULL: no line filter */
    char *const *headers;              /* the named or changed headers (jobs with via_header) */
    size_t nheaders;
    size_t *seen;                      /* open-addressing set of indexes into fs (+1; 0 = empty; SEEN_DROPPED:
                                        * into dropped) */
    size_t seen_cap;
    size_t next;                       /* the next job to report */
    FILE *out;                         /* text output, NULL for SARIF (written at the end) */
    int color;
    ptrcheck_sources_t *src;
    scope_t *scope;
    size_t nfailed, njobfail;
    ptrcheck_sarif_failure_t *failures;
    size_t nfailures;
    int nomem;
} run_t;

#define SEEN_DROPPED ((size_t)1 << (sizeof(size_t) * 8 - 1))

static const ptrcheck_finding_t *seen_item(const run_t *r, size_t v)
{
    return v & SEEN_DROPPED ? &r->dropped.items[(v & ~SEEN_DROPPED) - 1] : &r->fs.items[v - 1];
}

static uint64_t finding_hash(const ptrcheck_finding_t *f)
{
    uint64_t h = 1469598103934665603ull;
    const char *parts[2];
    size_t i;

    parts[0] = f->file ? f->file : "";
    parts[1] = f->message;
    for (i = 0; i < 2; i++) {
        const unsigned char *p = (const unsigned char *)parts[i];
        for (; *p; p++)
            h = (h ^ *p) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    }
    h = (h ^ (uint64_t)f->check) * 1099511628211ull;
    h = (h ^ (uint64_t)f->line) * 1099511628211ull;
    h = (h ^ (uint64_t)f->col) * 1099511628211ull;
    return h;
}

static int same_place(const ptrcheck_finding_t *a, const ptrcheck_finding_t *b)
{
    return a->check == b->check && a->line == b->line && a->col == b->col && strcmp(a->message, b->message) == 0 &&
           ((!a->file && !b->file) || (a->file && b->file && strcmp(a->file, b->file) == 0));
}

/* 1 if an equal finding was reported already (a header seen by several TUs). */
static int seen_before(run_t *r, const ptrcheck_finding_t *f)
{
    size_t i;

    if (!r->seen_cap)
        return 0;
    for (i = (size_t)(finding_hash(f) % r->seen_cap); r->seen[i]; i = (i + 1) % r->seen_cap)
        if (same_place(seen_item(r, r->seen[i]), f))
            return 1;
    return 0;
}

/* v: index + 1, with SEEN_DROPPED for the dropped set */
static int seen_add(run_t *r, size_t v)
{
    size_t i;

    if ((r->fs.count + r->dropped.count + 1) * 2 > r->seen_cap) {
        size_t cap = r->seen_cap ? r->seen_cap * 2 : 256, k;
        size_t *s = calloc(cap, sizeof(*s));
        if (!s)
            return 0;
        for (k = 0; k < r->seen_cap; k++) {
            if (!r->seen[k])
                continue;
            for (i = (size_t)(finding_hash(seen_item(r, r->seen[k])) % cap); s[i]; i = (i + 1) % cap)
                ;
            s[i] = r->seen[k];
        }
        free(r->seen);
        r->seen = s;
        r->seen_cap = cap;
    }
    for (i = (size_t)(finding_hash(seen_item(r, v)) % r->seen_cap); r->seen[i]; i = (i + 1) % r->seen_cap)
        ;
    r->seen[i] = v;
    return 1;
}

static void record_failure(run_t *r, const char *file, const char *message)
{
    r->failures[r->nfailures].file = file;
    r->failures[r->nfailures++].message = message;
    r->nfailed++;
}

/* Reports job i: its new findings (streamed in text mode), or its failure. */
static void report_job(run_t *r, size_t i)
{
    job_t *j = &r->jobs->items[i];
    ptrcheck_findings_t batch;
    ptrcheck_error_t err;
    char side[PATH_MAX], errpath[PATH_MAX];
    size_t k;

    tmp_path(side, sizeof(side), r->tmpdir, i, "jsonl");
    tmp_path(errpath, sizeof(errpath), r->tmpdir, i, "err");
    if (j->status != 0) {
        size_t m;
        j->errtext = read_errtext(errpath);
        /* the same errors again (a broken shared header, a bad layout table): said once */
        for (m = 0; m < i; m++) {
            const job_t *p = &r->jobs->items[m];
            if (p->status != 0 && p->errtext && j->errtext && strcmp(p->errtext, j->errtext) == 0)
                break;
        }
        if (m < i)
            fprintf(stderr, "ptrcheck: error: %s: not analysed, the same errors as %s\n",
                    display_path(j->file, r->cwd), display_path(r->jobs->items[m].file, r->cwd));
        else
            print_failure(j, r->cwd);
        record_failure(r, j->file, j->errtext ? j->errtext : j->status == 127 ? "clang could not be run"
                                                                               : "clang failed to compile this file");
        r->njobfail++;
        return;
    }
    ptrcheck_findings_init(&batch);
    ptrcheck_error_clear(&err);
    if (!ptrcheck_side_read(&batch, side, &err)) {
        char msg[2300];
        fprintf(stderr, "ptrcheck: error: %s: %s\n", display_path(j->file, r->cwd),
                ptrcheck_error_format(&err, msg, sizeof(msg)));
        record_failure(r, j->file, "the plugin's findings could not be read");
        r->njobfail++;
    }
    ptrcheck_findings_sort_unique(&batch);
    if (r->changes)
        ptrcheck_findings_filter(&batch, keep_changed, (void *)r->changes);
    {
        size_t o = 0;
        for (k = 0; k < batch.count; k++) {
            const ptrcheck_finding_t *f = &batch.items[k];
            if ((j->via_header && (!f->file || !path_in(r->headers, r->nheaders, f->file))) ||
                !scope_keep(r->scope, f, j->file))
                ptrcheck_finding_fini(&batch.items[k]);
            else
                batch.items[o++] = batch.items[k];
        }
        batch.count = o;
    }
    /* drop what an earlier TU reported (headers) before the baseline sees it */
    {
        size_t o = 0;
        for (k = 0; k < batch.count; k++) {
            if (seen_before(r, &batch.items[k]))
                ptrcheck_finding_fini(&batch.items[k]);
            else
                batch.items[o++] = batch.items[k];
        }
        batch.count = o;
    }
    if (r->base) {
        size_t before = r->dropped.count;
        apply_baseline(&batch, r->base, r->base_used, &r->dropped);
        for (k = before; k < r->dropped.count; k++)
            if (!seen_add(r, (k + 1) | SEEN_DROPPED))
                r->nomem = 1;
    }
    for (k = 0; k < batch.count; k++) {
        if (r->out)
            ptrcheck_print_finding(r->out, &batch.items[k], r->cwd, r->src, r->color);
        if (!ptrcheck_findings_take(&r->fs, &batch.items[k], &err) || !seen_add(r, r->fs.count))
            r->nomem = 1;
    }
    if (r->out)
        fflush(r->out);
    ptrcheck_findings_fini(&batch);
}

static void job_done(void *user, size_t index)
{
    run_t *r = user;
    (void)index;
    while (r->next < r->jobs->count && r->jobs->items[r->next].finished)
        report_job(r, r->next++);
}

/* ------------------------------------------------------------------ output */

static void print_summary(const run_t *r, size_t analysed, size_t skipped, size_t notc, size_t excluded)
{
    const ptrcheck_findings_t *fs = &r->fs;
    size_t per[PTRCHECK_CHECK_COUNT] = {0}, i;

    for (i = 0; i < fs->count; i++)
        per[fs->items[i].check]++;
    fprintf(stderr, "ptrcheck: %zu finding%s; %zu file%s analysed", fs->count, fs->count == 1 ? "" : "s", analysed,
            analysed == 1 ? "" : "s");
    if (r->nfailed)
        fprintf(stderr, ", %zu failed", r->nfailed);
    if (skipped)
        fprintf(stderr, ", %zu skipped", skipped);
    if (notc)
        fprintf(stderr, ", %zu not C/C++ (skipped)", notc);
    if (excluded)
        fprintf(stderr, ", %zu excluded", excluded);
    fputc('\n', stderr);
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++)
        if (per[i])
            fprintf(stderr, "  %-28s %zu\n", ptrcheck_check_info((ptrcheck_check_t)i)->full_id, per[i]);
}

/* YAML single-quoted scalar. */
static void yaml_quoted(FILE *out, const char *s)
{
    fputc('\'', out);
    for (; s && *s; s++) {
        if (*s == '\'')
            fputs("''", out);
        else if (*s == '\n')
            fputs("\n\n", out); /* a line break inside a single-quoted scalar */
        else
            fputc(*s, out);
    }
    fputc('\'', out);
}

/* Byte offset of line:col in file, or -1. */
static long file_offset(ptrcheck_sources_t *src, const char *file, unsigned line, unsigned col)
{
    size_t len;
    const char *text = ptrcheck_sources_line(src, file, line, &len);
    const char *start = ptrcheck_sources_line(src, file, 1, &len);

    if (!text || !start || col == 0)
        return -1;
    return (long)(text - start) + (long)col - 1;
}

/* clang-apply-replacements' YAML (clang-tidy --export-fixes): one diagnostic per finding with fix-its. */
static int write_fixes(const char *path, const ptrcheck_findings_t *fs, const char *cwd, ptrcheck_sources_t *src)
{
    FILE *out = fopen(path, "w");
    size_t i, k;

    if (!out) {
        fprintf(stderr, "ptrcheck: error: cannot write %s: %s\n", path, strerror(errno));
        return 0;
    }
    fputs("---\nMainSourceFile:  ''\nDiagnostics:\n", out);
    for (i = 0; i < fs->count; i++) {
        const ptrcheck_finding_t *f = &fs->items[i];
        long off = f->file ? file_offset(src, f->file, f->line, f->col) : -1;
        int any = 0;
        for (k = 0; k < f->nfixits; k++)
            any |= f->fixits[k].file != NULL;
        if (!any)
            continue;
        fprintf(out, "  - DiagnosticName:  %s\n    DiagnosticMessage:\n      Message:         ",
                ptrcheck_check_info(f->check)->full_id);
        yaml_quoted(out, f->message);
        fputs("\n      FilePath:        ", out);
        yaml_quoted(out, f->file);
        fprintf(out, "\n      FileOffset:      %ld\n      Replacements:\n", off < 0 ? 0 : off);
        for (k = 0; k < f->nfixits; k++) {
            const ptrcheck_ffix_t *x = &f->fixits[k];
            long a = x->file ? file_offset(src, x->file, x->line, x->col) : -1;
            long b = x->file ? file_offset(src, x->file, x->end_line, x->end_col) : -1;
            if (a < 0 || b < a)
                continue;
            fputs("        - FilePath:        ", out);
            yaml_quoted(out, x->file);
            fprintf(out, "\n          Offset:          %ld\n          Length:          %ld\n"
                         "          ReplacementText: ", a, b - a);
            yaml_quoted(out, x->text);
            fputc('\n', out);
        }
        fputs("    Level:           Warning\n    BuildDirectory:  ", out);
        yaml_quoted(out, cwd);
        fputc('\n', out);
    }
    fputs("...\n", out);
    if (fclose(out) != 0) {
        fprintf(stderr, "ptrcheck: error: cannot write %s\n", path);
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ main */

static int entry_listed(const db_t *db, const char *file)
{
    size_t i;
    for (i = 0; i < db->count; i++)
        if (strcmp(db->items[i].file, file) == 0)
            return 1;
    return 0;
}

/* Every .ptrcheck.yaml the jobs' files will load, checked once here, before any compile: an error
 * is printed once, not once per translation unit. */
static int check_configs(const jobs_t *js, scope_t *scope)
{
    size_t i, before = scope->config_errors;

    for (i = 0; i < js->count; i++)
        if (!js->items[i].deps)
            scope_dir(scope, js->items[i].file);
    return scope->config_errors == before;
}

static int color_wanted(const options_t *o, FILE *out)
{
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

    if (o->color && strcmp(o->color, "always") == 0)
        return 1;
    if (o->color && strcmp(o->color, "never") == 0)
        return 0;
    if (nc && *nc)
        return 0;
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return isatty(fileno(out));
}

/* --hook: --diff against HEAD (the empty tree before the first commit) when every named file has
 * changes; otherwise the files were named for another reason (pre-commit run --all-files / --files)
 * and are analysed in full.  Returns 1 and sets *have_diff, or 0 after printing an error. */
static int hook_mode(const options_t *o, char **named, const char *cwd, ptrcheck_changes_t *changes, int *have_diff)
{
    char *argv[] = {"git", "rev-parse", "--verify", "-q", "HEAD", NULL};
    char *out = NULL, *err = NULL, msg[2048] = "";
    const char *rev = "HEAD";
    size_t len, i;
    int st = ptrcheck_run_capture(argv, cwd, &out, &len, &err);

    free(out);
    free(err);
    if (st != 0)
        rev = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"; /* git's empty tree */
    if (!ptrcheck_changes_load(changes, rev, cwd, msg, sizeof(msg))) {
        fprintf(stderr, "ptrcheck: error: %s\n", msg);
        return 0;
    }
    *have_diff = 1;
    for (i = 0; i < o->nfiles; i++) {
        if (!ptrcheck_changes_find(changes, named[i])) {
            *have_diff = 0;
            if (!o->quiet)
                fprintf(stderr, "ptrcheck: note: %s has no changes: analysing the %zu named file%s in full "
                                "(pre-commit run --all-files)\n", o->files[i], o->nfiles, o->nfiles == 1 ? "" : "s");
            break;
        }
    }
    return 1;
}

int ptrcheck_project_main(int argc, char **argv)
{
    options_t o;
    tools_t tools;
    db_t db = {NULL, 0};
    jobs_t jobs = {NULL, 0, 0}, scan = {NULL, 0, 0};
    ptrcheck_findings_t base;
    ptrcheck_changes_t changes = {NULL, 0};
    run_t r;
    char cwd[PATH_MAX], tmpdir[PATH_MAX], scandir[PATH_MAX], side[PATH_MAX];
    char *dbdir = NULL;
    char **named = NULL, **wanted = NULL; /* wanted: headers whose includers are analysed */
    size_t *scan_entry = NULL;
    unsigned char *selected = NULL, *hit_header = NULL;
    size_t i, k, nskipped = 0, nnotc = 0, nwanted = 0, nexcluded = 0, nmissing = 0;
    int rc = PTRCHECK_EXIT_USAGE, have_diff = 0, progress;
    FILE *out = NULL;

    memset(&r, 0, sizeof(r));
    ptrcheck_findings_init(&r.fs);
    ptrcheck_findings_init(&r.dropped);
    ptrcheck_findings_init(&base);
    tmpdir[0] = scandir[0] = '\0';
    rc = parse_options(argc, argv, &o);
    if (rc != -1) {
        free(o.files);
        free(o.excludes);
        return rc;
    }
    rc = PTRCHECK_EXIT_USAGE;
    if (!getcwd(cwd, sizeof(cwd))) {
        fprintf(stderr, "ptrcheck: error: cannot determine the current directory\n");
        goto done;
    }
    if (o.checks) {
        ptrcheck_config_t cfg;
        ptrcheck_error_t err;
        char msg[2300];
        int ok;
        ptrcheck_error_clear(&err);
        ok = ptrcheck_config_init(&cfg, &err) && ptrcheck_config_add_check_globs(&cfg, o.checks, &err);
        ptrcheck_config_fini(&cfg);
        if (!ok) {
            fprintf(stderr, "ptrcheck: --checks: %s\n", ptrcheck_error_format(&err, msg, sizeof(msg)));
            goto done;
        }
    }
    r.scope = scope_create(&o, cwd);
    if (!r.scope)
        goto done;
    if (!find_tools(&tools))
        goto done;
    if (o.baseline) {
        ptrcheck_error_t err;
        char msg[2300];
        ptrcheck_error_clear(&err);
        if (!ptrcheck_sarif_read(&base, o.baseline, &err)) {
            fprintf(stderr, "%s\n", ptrcheck_error_format(&err, msg, sizeof(msg)));
            goto done;
        }
    }
    if (o.nfiles) {
        named = calloc(o.nfiles, sizeof(*named));
        if (!named)
            goto nomem;
        for (i = 0; i < o.nfiles; i++) {
            named[i] = ptrcheck_path_absolute(o.files[i], cwd);
            if (!named[i])
                goto nomem;
        }
    }
    if (o.hook) {
        if (!hook_mode(&o, named, cwd, &changes, &have_diff))
            goto done;
    } else if (o.diff_rev) {
        char msg[2048] = "";
        if (!ptrcheck_changes_load(&changes, o.diff_rev, cwd, msg, sizeof(msg))) {
            fprintf(stderr, "ptrcheck: error: %s\n", msg);
            goto done;
        }
        have_diff = 1;
    }

    /* The compilation database: -p, else the nearest upward; none at all is allowed when files are named. */
    if (o.build_dir) {
        char path[PATH_MAX + 32];
        dbdir = ptrcheck_path_absolute(o.build_dir, cwd);
        if (dbdir && file_exists(dbdir) && strlen(dbdir) >= 22 &&
            strcmp(dbdir + strlen(dbdir) - 22, "compile_commands.json") == 0)
            dbdir[strlen(dbdir) - 22] = '\0'; /* -p path/to/compile_commands.json */
        snprintf(path, sizeof(path), "%s/compile_commands.json", dbdir ? dbdir : o.build_dir);
        if (!dbdir || !file_exists(path)) {
            fprintf(stderr, "ptrcheck: error: no compile_commands.json in %s (generate one with "
                            "cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, bear or meson)\n", o.build_dir);
            goto done;
        }
    } else {
        dbdir = find_database(cwd);
    }
    if (dbdir && !db_load(&db, dbdir))
        goto done;
    if (dbdir && db.count == 0 && o.nfiles == 0) {
        /* "[]": what bear writes when the build failed before its first compile; a gate over it
         * would pass having analysed nothing */
        fprintf(stderr, "%s/compile_commands.json: error: the compilation database has no entries; nothing to "
                        "analyse (regenerate it from a complete build)\n", dbdir);
        goto done;
    }
    if (!dbdir && o.nfiles == 0) {
        fprintf(stderr, "ptrcheck: error: no compile_commands.json found in %s or any parent directory; give -p "
                        "BUILD_DIR, or name the files to analyse with default flags\n", cwd);
        goto done;
    }

    if (mkdtemp(strcpy(tmpdir, "/tmp/ptrcheck.XXXXXX")) == NULL) {
        char *t = getenv("TMPDIR");
        snprintf(tmpdir, sizeof(tmpdir), "%s/ptrcheck.XXXXXX", t && *t ? t : ".");
        if (!mkdtemp(tmpdir)) {
            fprintf(stderr, "ptrcheck: error: cannot create a temporary directory: %s\n", strerror(errno));
            tmpdir[0] = '\0';
            goto done;
        }
    }

    r.failures = calloc(db.count + o.nfiles + 1, sizeof(*r.failures));
    selected = calloc(db.count + 1, 1);
    wanted = calloc(o.nfiles + changes.count + 1, sizeof(*wanted));
    if (!r.failures || !selected || !wanted)
        goto nomem;
    /* Which entries: the named files' (or every one), in --diff mode only changed ones; a file that is
     * not an entry (a header) is analysed through the entries that include it (dependency scan). */
    for (i = 0; i < db.count; i++) {
        const entry_t *e = &db.items[i];
        int want = o.nfiles == 0;
        for (k = 0; k < o.nfiles && !want; k++)
            want = strcmp(named[k], e->file) == 0;
        if (!want || (have_diff && !ptrcheck_changes_find(&changes, e->file)))
            continue;
        if (!entry_is_c_family(e)) {
            nnotc++;
            continue;
        }
        if (scope_excluded(r.scope, e->file)) {
            nexcluded++;
            continue;
        }
        /* the same file with the same arguments twice (build variants differ in arguments) */
        for (k = 0; k < i && want; k++) {
            const entry_t *p = &db.items[k];
            size_t a;
            if (!selected[k] || strcmp(p->file, e->file) || strcmp(p->dir, e->dir) || p->nargs != e->nargs)
                continue;
            for (a = 0; a < e->nargs && strcmp(p->args[a], e->args[a]) == 0; a++)
                ;
            if (a == e->nargs)
                want = 0;
        }
        selected[i] = (unsigned char)want;
    }
    if (have_diff) {
        for (i = 0; i < changes.count; i++) {
            const char *p = changes.files[i].path;
            /* only what #include can bring in: C-family names and .inc/.def/.inl headers */
            if (!entry_listed(&db, p) && (is_header(p) || c_family_name(p)) &&
                (o.nfiles == 0 || path_in(named, o.nfiles, p)) && file_exists(p))
                wanted[nwanted++] = changes.files[i].path;
        }
    } else {
        for (i = 0; i < o.nfiles; i++)
            if (is_header(named[i]) && !entry_listed(&db, named[i]) && file_exists(named[i]) &&
                !path_in(wanted, nwanted, named[i]))
                wanted[nwanted++] = named[i];
    }
    if (nwanted && db.count) {
        /* One clang -M per entry not already selected; those that include a wanted file join. */
        size_t added = 0, nhit = 0;
        hit_header = calloc(nwanted, 1);
        if (!hit_header)
            goto nomem;
        snprintf(scandir, sizeof(scandir), "%s/deps", tmpdir);
        if (mkdir(scandir, 0700) != 0) {
            fprintf(stderr, "ptrcheck: error: cannot create %s: %s\n", scandir, strerror(errno));
            scandir[0] = '\0';
            goto done;
        }
        scan_entry = calloc(db.count, sizeof(*scan_entry));
        if (!scan_entry)
            goto nomem;
        for (i = 0; i < db.count; i++) {
            const entry_t *e = &db.items[i];
            if (selected[i] || !entry_is_c_family(e))
                continue;
            for (k = 0; k < i; k++)
                if (selected[k] == 2 && strcmp(db.items[k].file, e->file) == 0 && strcmp(db.items[k].dir, e->dir) == 0)
                    break;
            if (k < i)
                continue;
            selected[i] = 2; /* scanned */
            tmp_path(side, sizeof(side), scandir, scan.count, "d");
            scan_entry[scan.count] = i;
            if (!add_job(&scan, e->dir, e->file, (const char *const *)e->args, e->nargs, 1, 1, &tools, &o, side))
                goto nomem;
        }
        run_jobs(&scan, o.jobs, scandir, cwd, isatty(STDERR_FILENO) && !o.quiet, NULL, NULL);
        for (i = 0; i < scan.count; i++) {
            char **deps = NULL;
            size_t ndeps = 0, d;
            int hit = 0;
            const entry_t *e = &db.items[scan_entry[i]];
            tmp_path(side, sizeof(side), scandir, i, "d");
            if (scan.items[i].status == 0 && read_deps(side, e->dir, &deps, &ndeps)) {
                for (d = 0; d < ndeps; d++) {
                    size_t w;
                    for (w = 0; w < nwanted; w++) {
                        if (strcmp(wanted[w], deps[d]) == 0) {
                            hit = 1;
                            nhit += !hit_header[w];
                            hit_header[w] = 1;
                        }
                    }
                }
            }
            for (d = 0; d < ndeps; d++)
                free(deps[d]);
            free(deps);
            unlink(side);
            tmp_path(side, sizeof(side), scandir, i, "err");
            unlink(side);
            selected[scan_entry[i]] = (unsigned char)(hit ? 3 : 0); /* 3: through a header */
            added += (size_t)hit;
        }
        rmdir(scandir);
        if (!o.quiet && nhit)
            fprintf(stderr, "ptrcheck: note: %zu file%s include%s the %s header%s\n", added, added == 1 ? "" : "s",
                    added == 1 ? "s" : "", have_diff ? "changed" : "named", nhit == 1 ? "" : "s");
    } else {
        for (i = 0; i < db.count; i++)
            selected[i] = (unsigned char)(selected[i] == 1);
    }
    for (i = 0; i < db.count; i++) {
        const entry_t *e = &db.items[i];
        if (selected[i] != 1 && selected[i] != 3)
            continue;
        tmp_path(side, sizeof(side), tmpdir, jobs.count, "jsonl");
        if (!add_job(&jobs, e->dir, e->file, (const char *const *)e->args, e->nargs, 1, 0, &tools, &o, side))
            goto nomem;
        jobs.items[jobs.count - 1].via_header = selected[i] == 3;
    }
    for (i = 0; i < o.nfiles; i++) {
        int dup = 0;
        const entry_t *near;
        for (k = 0; k < i; k++)
            dup |= strcmp(named[k], named[i]) == 0;
        if (dup || entry_listed(&db, named[i]))
            continue;
        if (have_diff && !ptrcheck_changes_find(&changes, named[i]))
            continue;
        if (scope_excluded(r.scope, named[i])) {
            nexcluded++;
            continue;
        }
        if (!file_exists(named[i])) {
            fprintf(stderr, "ptrcheck: error: %s: no such file\n", o.files[i]);
            record_failure(&r, named[i], "no such file");
            nmissing++; /* a usage error: exit 2 after the others are reported */
            continue;
        }
        if (is_header(named[i])) {
            if (!db.count && !o.quiet)
                fprintf(stderr, "ptrcheck: note: %s: a header is analysed through the files that include it\n",
                        o.files[i]);
            nskipped += !db.count;
            continue;
        }
        near = nearest_entry(&db, named[i]);
        tmp_path(side, sizeof(side), tmpdir, jobs.count, "jsonl");
        if (near) {
            size_t nargs;
            char **args = borrow_args(near, named[i], &nargs);
            if (!args)
                goto nomem;
            if (!o.quiet)
                fprintf(stderr, "ptrcheck: note: %s: no entry in compile_commands.json; using the flags of %s "
                                "(the nearest entry)\n", o.files[i], display_path(near->file, cwd));
            k = add_job(&jobs, near->dir, named[i], (const char *const *)args, nargs, 1, 0, &tools, &o, side);
            free(args);
            if (!k || !(jobs.items[jobs.count - 1].borrowed = xstrdup(near->file)))
                goto nomem;
            continue;
        }
        if (!o.quiet)
            fprintf(stderr, "ptrcheck: note: %s: no entry in %s; analysing it with default flags\n", o.files[i],
                    dbdir ? "compile_commands.json" : "a compilation database (none found)");
        if (!add_job(&jobs, cwd, named[i], NULL, 0, 0, 0, &tools, &o, side))
            goto nomem;
    }
    if (!check_configs(&jobs, r.scope) || r.scope->config_errors)
        goto done; /* configuration error: 2 */

    out = o.output ? fopen(o.output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "ptrcheck: error: cannot write %s: %s\n", o.output, strerror(errno));
        goto done;
    }
    r.o = &o;
    r.jobs = &jobs;
    r.tmpdir = tmpdir;
    r.cwd = cwd;
    r.base = o.baseline ? &base : NULL;
    r.base_used = calloc(base.count + 1, 1);
    r.changes = have_diff ? &changes : NULL;
    r.headers = wanted;
    r.nheaders = nwanted;
    r.out = o.sarif ? NULL : out;
    r.color = !o.sarif && color_wanted(&o, out);
    r.src = ptrcheck_sources_create();
    if (!r.base_used || !r.src)
        goto nomem;
    progress = isatty(STDERR_FILENO) && !o.quiet;
    run_jobs(&jobs, o.jobs, tmpdir, cwd, progress, job_done, &r);
    job_done(&r, 0);
    if (r.nomem)
        goto nomem;

    if (o.sarif) {
        ptrcheck_sarif_options_t so;
        ptrcheck_error_t err;
        ptrcheck_findings_sort_unique(&r.fs);
        memset(&so, 0, sizeof(so));
        so.base_dir = cwd;
        so.docs_dir = tools.docs[0] ? tools.docs : NULL;
        so.docs_url = o.docs_url;
        so.failures = r.failures;
        so.nfailures = r.nfailures;
        ptrcheck_error_clear(&err);
        if (!ptrcheck_sarif_write(&r.fs, &so, out, &err)) {
            char msg[2300];
            fprintf(stderr, "ptrcheck: %s\n", ptrcheck_error_format(&err, msg, sizeof(msg)));
            goto done;
        }
    }
    if (fflush(out) != 0) {
        fprintf(stderr, "ptrcheck: error: cannot write the report: %s\n", strerror(errno));
        goto done;
    }
    if (o.export_fixes && !write_fixes(o.export_fixes, &r.fs, cwd, r.src))
        goto done;
    if (o.html_dir) {
        ptrcheck_findings_sort_unique(&r.fs);
        if (!ptrcheck_write_html(o.html_dir, &r.fs, r.failures, r.nfailures, cwd, tools.docs[0] ? tools.docs : NULL,
                                 r.src))
            goto done;
    }
    if (!o.quiet)
        print_summary(&r, jobs.count - r.njobfail, nskipped, nnotc, nexcluded);
    rc = nmissing || r.scope->config_errors ? PTRCHECK_EXIT_USAGE
         : r.nfailed ? PTRCHECK_EXIT_INCOMPLETE
         : r.fs.count ? PTRCHECK_EXIT_FINDINGS
                      : PTRCHECK_EXIT_OK;
    goto done;
nomem:
    fprintf(stderr, "ptrcheck: error: out of memory\n");
    rc = PTRCHECK_EXIT_USAGE;
done:
    if (out && out != stdout)
        fclose(out);
    if (tmpdir[0])
        remove_tmpdir(tmpdir, jobs.count);
    if (named)
        for (i = 0; i < o.nfiles; i++)
            free(named[i]);
    free(named);
    free(wanted);
    free(selected);
    free(hit_header);
    free(scan_entry);
    free(r.failures);
    free(r.base_used);
    free(r.seen);
    ptrcheck_sources_destroy(r.src);
    free(dbdir);
    free(o.files);
    free(o.excludes);
    scope_destroy(r.scope);
    jobs_delete(&jobs);
    jobs_delete(&scan);
    db_delete(&db);
    ptrcheck_changes_delete(&changes);
    ptrcheck_findings_fini(&r.fs);
    ptrcheck_findings_fini(&r.dropped);
    ptrcheck_findings_fini(&base);
    return rc;
}
