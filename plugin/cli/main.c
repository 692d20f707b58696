/* The ptrcheck command-line tool: catalogue, documentation and configuration checking, and project
 * mode over compile_commands.json (project.c), which runs clang with the plugin on every entry. */
#define _XOPEN_SOURCE 700

#include <ptrcheck/layout.h>
#include <ptrcheck/ptrcheck.h>

#include "project.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PTRCHECK_DOCDIR_REL
#define PTRCHECK_DOCDIR_REL "../share/ptrcheck/docs"
#endif
#ifndef PTRCHECK_SOURCE_DOCDIR
#define PTRCHECK_SOURCE_DOCDIR ""
#endif

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef enum command_e { CMD_NONE, CMD_HELP, CMD_VERSION, CMD_LIST, CMD_EXPLAIN, CMD_CHECK_CONFIG } command_t;

static void usage(FILE *out)
{
    fputs("Usage: ptrcheck <command>\n"
          "       ptrcheck [-p BUILD_DIR] [FILE...] [options]   (project mode, below)\n"
          "\n"
          "ptrcheck finds unsafe pointer use in C: pointer/integer round trips, pointers truncated on\n"
          "some target, forged {data, len, cap} headers, hard-coded struct offsets that are wrong on\n"
          "some target, and stack or borrowed addresses that outlive their frame or call.\n"
          "\n"
          "Commands:\n"
          "  --list-checks          list every check: id, tab, one-line summary\n"
          "  --explain <check>      print a check's documentation (e.g. --explain int-roundtrip)\n"
          "  --check-config <file>  validate a .ptrcheck.yaml; errors are printed as file:line:col\n"
          "  --version              print the version and the LLVM major this build is for\n"
          "  -h, --help             print this help\n"
          "  layout gen|show|check|asserts ...\n"
          "                         per-target struct layout tables (see docs/layout-tables.md;\n"
          "                         'ptrcheck layout --help')\n"
          "\n",
          out);
    ptrcheck_project_usage(out);
    fputs("\n"
          "In a build, the checks run inside clang through the plugin installed next to this tool:\n"
          "  clang -fplugin=PREFIX/lib/ptrcheck/ptrcheck.so \\\n"
          "        -fpass-plugin=PREFIX/lib/ptrcheck/ptrcheck.so -c foo.c\n"
          "  Plugin options: -fplugin-arg-ptrcheck-config=FILE, -fplugin-arg-ptrcheck-checks=GLOBS,\n"
          "  -fplugin-arg-ptrcheck-output=FILE (findings as JSON lines, for tools)\n"
          "  Without config=, .ptrcheck.yaml is looked up from each source file's directory upward.\n"
          "See docs/usage.md.\n"
          "\n"
          "Exit status: commands: 0 on success, 1 when a file cannot be read, 2 on a usage or configuration\n"
          "error.  Project mode: 0 no findings, 1 findings, 2 usage, configuration or compilation-database\n"
          "error, 3 some files could not be analysed (the others' findings are still reported).\n",
          out);
}

static int cmd_version(void)
{
    printf("ptrcheck %s (built for LLVM %u)\n", ptrcheck_version(), ptrcheck_llvm_major());
    return EXIT_OK;
}

static int cmd_list(void)
{
    size_t i;
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++) {
        const ptrcheck_check_info_t *info = ptrcheck_check_info((ptrcheck_check_t)i);
        printf("%s\t%s\n", info->full_id, info->summary);
    }
    return EXIT_OK;
}

/* Copies path to stdout; 1 if it was printed, 0 if it could not be opened. */
static int print_file(const char *path)
{
    char buf[8192];
    size_t n;
    FILE *f = fopen(path, "rb");

    if (!f)
        return 0;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, stdout);
    fclose(f);
    return 1;
}

/* Directory of the running executable, with a trailing '/', or "" when unknown. */
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
        slash[1] = '\0';
    else
        buf[0] = '\0';
}

static int cmd_explain(const char *id)
{
    ptrcheck_check_t check = ptrcheck_check_lookup(id);
    const ptrcheck_check_info_t *info = ptrcheck_check_info(check);
    char dir[4096], installed[4096 + 256], source[4096 + 256];

    if (!info) {
        fprintf(stderr, "ptrcheck: unknown check '%s'; see --list-checks\n", id);
        return EXIT_USAGE;
    }
    exe_dir(dir, sizeof(dir));
    installed[0] = '\0';
    if (dir[0]) {
        snprintf(installed, sizeof(installed), "%s%s/checks/%s.md", dir, PTRCHECK_DOCDIR_REL, info->id);
        if (print_file(installed))
            return EXIT_OK;
    }
    source[0] = '\0';
    if (PTRCHECK_SOURCE_DOCDIR[0]) {
        snprintf(source, sizeof(source), "%s/checks/%s.md", PTRCHECK_SOURCE_DOCDIR, info->id);
        if (print_file(source))
            return EXIT_OK;
    }
    fprintf(stderr, "ptrcheck: no documentation found for '%s' (looked for %s%s%s)\n", info->full_id,
            installed[0] ? installed : "", installed[0] && source[0] ? " and " : "", source[0] ? source : "");
    return EXIT_FAIL;
}

static int cmd_check_config(const char *path)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    char msg[2300];
    int rc = EXIT_OK;

    ptrcheck_error_clear(&err);
    if (!ptrcheck_config_init(&cfg, &err)) {
        fprintf(stderr, "%s\n", ptrcheck_error_format(&err, msg, sizeof(msg)));
        return EXIT_FAIL;
    }
    if (!ptrcheck_config_load_file(&cfg, path, &err)) {
        fprintf(stderr, "%s\n", ptrcheck_error_format(&err, msg, sizeof(msg)));
        rc = err.status == PTRCHECK_ERR_IO ? EXIT_FAIL : EXIT_USAGE;
    } else {
        printf("%s: ok\n", path);
    }
    ptrcheck_config_fini(&cfg);
    return rc;
}

/* "--explain=x" or "--explain x": the option's argument, advancing *i past it; NULL if missing. */
static const char *option_arg(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (*i + 1 < argc) {
        ++*i;
        return argv[*i];
    }
    return NULL;
}

static int is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

int main(int argc, char **argv)
{
    command_t cmd = CMD_NONE;
    const char *arg = NULL;
    const char *first_cmd = NULL;
    int i, nfiles = 0, only_files = 0;

    if (argc > 1 && strcmp(argv[1], "layout") == 0)
        return ptrcheck_layout_main(argc - 1, argv + 1);

    /* Without one of the commands below, ptrcheck analyses a project (project.c). */
    for (i = 1; i < argc && cmd == CMD_NONE; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            break;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "--version") == 0 ||
            strcmp(a, "--list-checks") == 0 || is_option(a, "--explain") || is_option(a, "--check-config"))
            cmd = CMD_HELP; /* only a marker here */
    }
    if (cmd == CMD_NONE)
        return ptrcheck_project_main(argc, argv);
    cmd = CMD_NONE;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        command_t c = CMD_NONE;
        const char *value = NULL;

        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            nfiles++;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            c = CMD_HELP;
        } else if (strcmp(a, "--version") == 0) {
            c = CMD_VERSION;
        } else if (strcmp(a, "--list-checks") == 0) {
            c = CMD_LIST;
        } else if (is_option(a, "--explain") || is_option(a, "--check-config")) {
            const char *name = is_option(a, "--explain") ? "--explain" : "--check-config";
            c = name[2] == 'e' ? CMD_EXPLAIN : CMD_CHECK_CONFIG;
            value = option_arg(argc, argv, &i, name);
            if (!value || !*value) {
                fprintf(stderr, "ptrcheck: option '%s' needs an argument (%s); see ptrcheck --help\n", name,
                        c == CMD_EXPLAIN ? "a check id" : "a .ptrcheck.yaml file");
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "ptrcheck: unknown option '%s'; see ptrcheck --help\n", a);
            return EXIT_USAGE;
        }
        if (cmd != CMD_NONE && c != CMD_HELP && cmd != CMD_HELP) {
            fprintf(stderr, "ptrcheck: '%s' and '%s' cannot be combined; give one command\n", first_cmd, a);
            return EXIT_USAGE;
        }
        if (cmd == CMD_NONE || c == CMD_HELP) {
            cmd = c;
            arg = value;
            first_cmd = a;
        }
    }

    if (cmd == CMD_HELP) {
        usage(stdout);
        return EXIT_OK;
    }
    if (nfiles > 0) {
        fprintf(stderr, "ptrcheck: files cannot be combined with '%s'; see ptrcheck --help\n", first_cmd);
        return EXIT_USAGE;
    }
    switch (cmd) {
    case CMD_VERSION:
        return cmd_version();
    case CMD_LIST:
        return cmd_list();
    case CMD_EXPLAIN:
        return cmd_explain(arg);
    case CMD_CHECK_CONFIG:
        return cmd_check_config(arg);
    case CMD_HELP:
    case CMD_NONE:
        break;
    }
    usage(stderr);
    return EXIT_USAGE;
}
