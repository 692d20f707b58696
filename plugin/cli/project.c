/* ptrcheck project mode:
 *   ptrcheck [-p BUILD_DIR] [FILE...] [-j N] [--checks=GLOBS] [--format=text|sarif] [-o OUT]
 *            [--diff=REV] [--baseline=SARIF]
 * Reads compile_commands.json through libclang's compilation-database API and runs the clang this
 * build is for, with the plugin (AST checks) and the pass plugin (IR checks), on each entry's own
 * command line; the plugin writes its findings to a side file per TU, which are merged here.  So the
 * CLI reports exactly what the plugin reports in a build.
 *
 * Exit status: 0 no findings; 1 findings; 2 usage, configuration or compilation-database error, or
 * (when nothing was found) a translation unit that could not be analysed. */
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    int quiet;
} options_t;

void ptrcheck_project_usage(FILE *out)
{
    fputs("Project mode (the default when no command is given):\n"
          "  ptrcheck [-p BUILD_DIR] [FILE...] [-j N] [--checks=GLOBS] [--format=text|sarif] [-o OUT]\n"
          "           [--diff=REV] [--baseline=SARIF]\n"
          "  Analyses every entry of compile_commands.json (or only FILE...) by running the clang this\n"
          "  ptrcheck was built for, with the ptrcheck plugins, on each entry's own command line.\n"
          "  -p BUILD_DIR          directory holding compile_commands.json (default: the nearest one\n"
          "                        upward from the current directory)\n"
          "  -j N                  parallel compiles (default: the number of cores)\n"
          "  --checks=GLOBS        check selection after .ptrcheck.yaml's, e.g. '-*,ptrcheck-int-*'\n"
          "  --format=text|sarif   text (clang's format, default) or SARIF 2.1.0\n"
          "  -o OUT                write the report to OUT instead of standard output\n"
          "  --diff=REV            only files changed since REV (staged, unstaged and untracked), and\n"
          "                        only findings on changed lines\n"
          "  --baseline=SARIF      drop findings already present in a previous SARIF report\n"
          "  -q, --quiet           no summary\n"
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
    if (!o->files)
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
        return usage_error("unknown option '%s'", a);
    }
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

static int add_job(jobs_t *js, const char *dir, const char *file, const char *const *args, size_t nargs, int from_db,
                   const tools_t *t, const options_t *o, const char *side)
{
    job_t j;
    size_t i;
    char buf[PATH_MAX + 64];

    memset(&j, 0, sizeof(j));
    j.dir = xstrdup(dir);
    j.file = xstrdup(file);
    j.from_db = from_db;
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

/* Loads every entry through libclang; on failure explains why (with line:col from jansson when the
 * JSON itself is malformed). */
static int db_load(db_t *db, const char *dir)
{
    CXCompilationDatabase_Error code = CXCompilationDatabase_NoError;
    CXCompilationDatabase cdb = clang_CompilationDatabase_fromDirectory(dir, &code);
    CXCompileCommands cmds;
    unsigned i, n, k;
    int ok = 1;

    db->items = NULL;
    db->count = 0;
    if (!cdb || code != CXCompilationDatabase_NoError) {
        char path[PATH_MAX + 32];
        json_error_t jerr;
        json_t *j;
        snprintf(path, sizeof(path), "%s/compile_commands.json", dir);
        j = json_load_file(path, 0, &jerr);
        if (!j)
            fprintf(stderr, "%s:%d:%d: error: malformed compilation database: %s\n", path, jerr.line, jerr.column,
                    jerr.text);
        else
            fprintf(stderr, "%s: error: cannot load the compilation database (libclang rejected it: every entry needs "
                            "\"directory\", \"file\" and \"command\" or \"arguments\")\n", path);
        json_decref(j);
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

static void run_jobs(jobs_t *js, long maxjobs, const char *tmpdir, const char *cwd, int progress)
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
                done++;
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
                running--;
                done++;
                if (progress)
                    fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, js->count, display_path(j->file, cwd));
                break;
            }
        }
    }
    if (progress)
        fprintf(stderr, "\r\033[K");
}

/* Prints the captured stderr of a failed compile, indented, to stderr. */
static void print_failure(const char *errpath, const char *file, int status, const char *cwd)
{
    FILE *f = fopen(errpath, "r");
    char line[4096];

    if (status == 127)
        fprintf(stderr, "ptrcheck: error: %s: could not run clang:\n", display_path(file, cwd));
    else
        fprintf(stderr, "ptrcheck: error: %s: not analysed, clang exited with status %d:\n", display_path(file, cwd),
                status);
    if (!f)
        return;
    while (fgets(line, sizeof(line), f)) {
        size_t n = strlen(line);
        fputs("  ", stderr);
        fputs(line, stderr);
        if (n && line[n - 1] != '\n')
            fputc('\n', stderr);
    }
    fclose(f);
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
    }
    rmdir(tmpdir);
}

/* ------------------------------------------------------------------ filters */

static int keep_changed(void *user, const ptrcheck_finding_t *f)
{
    return ptrcheck_changes_has_line(user, f->file, f->line);
}

/* Baseline matching: same rule, file and message; an exact line first, else the nearest unused
 * baseline entry with the same key (code above it moved), so a finding survives only when the
 * current run has more of that kind than the baseline had. */
static void apply_baseline(ptrcheck_findings_t *fs, const ptrcheck_findings_t *base)
{
    unsigned char *used = calloc(base->count ? base->count : 1, 1);
    unsigned char *drop = calloc(fs->count ? fs->count : 1, 1);
    size_t i, k, o = 0;
    int pass;

    if (!used || !drop) {
        free(used);
        free(drop);
        return;
    }
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
            ptrcheck_finding_delete(&fs->items[i]);
            continue;
        }
        fs->items[o++] = fs->items[i];
    }
    fs->count = o;
    free(used);
    free(drop);
}

/* ------------------------------------------------------------------ output */

static void print_text(FILE *out, const ptrcheck_findings_t *fs, const char *cwd)
{
    size_t i, k;

    for (i = 0; i < fs->count; i++) {
        const ptrcheck_finding_t *f = &fs->items[i];
        const ptrcheck_check_info_t *info = ptrcheck_check_info(f->check);
        fprintf(out, "%s:%u:%u: warning: %s [%s]\n", f->file ? display_path(f->file, cwd) : "<unknown>", f->line,
                f->col, f->message, info->full_id);
        for (k = 0; k < f->nnotes; k++) {
            const ptrcheck_fnote_t *n = &f->notes[k];
            fprintf(out, "%s:%u:%u: note: %s\n", n->file ? display_path(n->file, cwd) : "<unknown>", n->line, n->col,
                    n->message);
        }
    }
}

static void print_summary(const ptrcheck_findings_t *fs, size_t analysed, size_t failed, size_t skipped)
{
    size_t per[PTRCHECK_CHECK_COUNT] = {0}, i;

    for (i = 0; i < fs->count; i++)
        per[fs->items[i].check]++;
    fprintf(stderr, "ptrcheck: %zu finding%s; %zu file%s analysed", fs->count, fs->count == 1 ? "" : "s", analysed,
            analysed == 1 ? "" : "s");
    if (failed)
        fprintf(stderr, ", %zu failed", failed);
    if (skipped)
        fprintf(stderr, ", %zu skipped", skipped);
    fputc('\n', stderr);
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++)
        if (per[i])
            fprintf(stderr, "  %-28s %zu\n", ptrcheck_check_info((ptrcheck_check_t)i)->full_id, per[i]);
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

int ptrcheck_project_main(int argc, char **argv)
{
    options_t o;
    tools_t tools;
    db_t db = {NULL, 0};
    jobs_t jobs = {NULL, 0, 0};
    ptrcheck_findings_t fs, base;
    ptrcheck_changes_t changes = {NULL, 0};
    ptrcheck_sarif_failure_t *failures = NULL;
    char cwd[PATH_MAX], tmpdir[PATH_MAX], side[PATH_MAX], errpath[PATH_MAX];
    char *dbdir = NULL;
    char **named = NULL;
    size_t i, k, nfailed = 0, nskipped = 0, nfailures = 0, njobfail = 0;
    int rc = PTRCHECK_EXIT_USAGE, have_diff = 0, progress;
    FILE *out = NULL;

    ptrcheck_findings_init(&fs);
    ptrcheck_findings_init(&base);
    tmpdir[0] = '\0';
    rc = parse_options(argc, argv, &o);
    if (rc != -1) {
        free(o.files);
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
        ptrcheck_config_delete(&cfg);
        if (!ok) {
            fprintf(stderr, "ptrcheck: --checks: %s\n", ptrcheck_error_format(&err, msg, sizeof(msg)));
            goto done;
        }
    }
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
    if (o.diff_rev) {
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

    failures = calloc(db.count + o.nfiles + 1, sizeof(*failures));
    if (!failures)
        goto nomem;
    /* Jobs: the named files (their entries, or default flags), else every entry. */
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
    for (i = 0; i < db.count; i++) {
        const entry_t *e = &db.items[i];
        int want = o.nfiles == 0;
        for (k = 0; k < o.nfiles && !want; k++)
            want = strcmp(named[k], e->file) == 0;
        if (!want || (have_diff && !ptrcheck_changes_find(&changes, e->file)))
            continue;
        /* the same file with the same arguments twice (build variants differ in arguments) */
        for (k = 0; k < i && want; k++) {
            const entry_t *p = &db.items[k];
            size_t a;
            if (strcmp(p->file, e->file) || strcmp(p->dir, e->dir) || p->nargs != e->nargs)
                continue;
            for (a = 0; a < e->nargs && strcmp(p->args[a], e->args[a]) == 0; a++)
                ;
            if (a == e->nargs)
                want = 0;
        }
        if (!want)
            continue;
        tmp_path(side, sizeof(side), tmpdir, jobs.count, "jsonl");
        if (!add_job(&jobs, e->dir, e->file, (const char *const *)e->args, e->nargs, 1, &tools, &o, side))
            goto nomem;
    }
    for (i = 0; i < o.nfiles; i++) {
        int dup = 0;
        for (k = 0; k < i; k++)
            dup |= strcmp(named[k], named[i]) == 0;
        if (dup || entry_listed(&db, named[i]))
            continue;
        if (have_diff && !ptrcheck_changes_find(&changes, named[i]))
            continue;
        if (!file_exists(named[i])) {
            fprintf(stderr, "ptrcheck: error: %s: no such file\n", o.files[i]);
            failures[nfailures].file = named[i];
            failures[nfailures++].message = "no such file";
            nfailed++;
            continue;
        }
        if (is_header(named[i])) {
            if (!o.quiet)
                fprintf(stderr, "ptrcheck: note: %s: a header is analysed through the files that include it\n",
                        o.files[i]);
            nskipped++;
            continue;
        }
        if (!o.quiet)
            fprintf(stderr, "ptrcheck: note: %s: no entry in %s; analysing it with default flags\n", o.files[i],
                    dbdir ? "compile_commands.json" : "a compilation database (none found)");
        tmp_path(side, sizeof(side), tmpdir, jobs.count, "jsonl");
        if (!add_job(&jobs, cwd, named[i], NULL, 0, 0, &tools, &o, side))
            goto nomem;
    }

    progress = isatty(STDERR_FILENO) && !o.quiet;
    run_jobs(&jobs, o.jobs, tmpdir, cwd, progress);

    for (i = 0; i < jobs.count; i++) {
        job_t *j = &jobs.items[i];
        ptrcheck_error_t err;
        tmp_path(side, sizeof(side), tmpdir, i, "jsonl");
        tmp_path(errpath, sizeof(errpath), tmpdir, i, "err");
        ptrcheck_error_clear(&err);
        if (j->status != 0) {
            print_failure(errpath, j->file, j->status, cwd);
            failures[nfailures].file = j->file;
            failures[nfailures++].message =
                j->status == 127 ? "clang could not be run" : "clang failed to compile this file";
            nfailed++;
            njobfail++;
            continue;
        }
        if (!ptrcheck_side_read(&fs, side, &err)) {
            char msg[2300];
            fprintf(stderr, "ptrcheck: error: %s: %s\n", display_path(j->file, cwd),
                    ptrcheck_error_format(&err, msg, sizeof(msg)));
            nfailed++;
            njobfail++;
        }
    }
    ptrcheck_findings_sort_unique(&fs);
    if (have_diff)
        ptrcheck_findings_filter(&fs, keep_changed, &changes);
    if (o.baseline)
        apply_baseline(&fs, &base);

    out = o.output ? fopen(o.output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "ptrcheck: error: cannot write %s: %s\n", o.output, strerror(errno));
        goto done;
    }
    if (o.sarif) {
        ptrcheck_sarif_options_t so;
        ptrcheck_error_t err;
        memset(&so, 0, sizeof(so));
        so.base_dir = cwd;
        so.docs_dir = tools.docs[0] ? tools.docs : NULL;
        so.failures = failures;
        so.nfailures = nfailures;
        ptrcheck_error_clear(&err);
        if (!ptrcheck_sarif_write(&fs, &so, out, &err)) {
            char msg[2300];
            fprintf(stderr, "ptrcheck: %s\n", ptrcheck_error_format(&err, msg, sizeof(msg)));
            goto done;
        }
    } else {
        print_text(out, &fs, cwd);
    }
    if (fflush(out) != 0) {
        fprintf(stderr, "ptrcheck: error: cannot write the report: %s\n", strerror(errno));
        goto done;
    }
    if (!o.quiet)
        print_summary(&fs, jobs.count - njobfail, nfailed, nskipped);
    rc = fs.count ? PTRCHECK_EXIT_FINDINGS : nfailed ? PTRCHECK_EXIT_USAGE : PTRCHECK_EXIT_OK;
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
    free(failures);
    free(dbdir);
    free(o.files);
    jobs_delete(&jobs);
    db_delete(&db);
    ptrcheck_changes_delete(&changes);
    ptrcheck_findings_delete(&fs);
    ptrcheck_findings_delete(&base);
    return rc;
}
