/* ptrcheck_ir_driver: runs ptrcheck's IR analyses on a .ll or .bc file, like llvm-c-test.
 *   ptrcheck_ir_driver [--strict] [--checks=GLOBS] FILE.ll|FILE.bc
 * Prints each finding as clang would (without the caret line) on stdout.  No AST pass runs, so
 * there are no site tables: locations come from !dbg (compile with -g) and names from the IR
 * (compile with -fno-discard-value-names). */
#include <llvm-c/Core.h>
#include <llvm-c/IRReader.h>

#include <stdio.h>
#include <string.h>

#include "ptrcheck/ir.h"
#include "ptrcheck/ptrcheck.h"

static void print_diag(void *user, const ptrcheck_diag_t *d)
{
    (void)user;
    char *text = ptrcheck_diag_format_text(d);
    if (text) {
        fputs(text, stdout);
        if (!*text || text[strlen(text) - 1] != '\n')
            fputc('\n', stdout);
        ptrcheck_free(text);
    }
}

int main(int argc, char **argv)
{
    int strict = 0, rc = 1;
    const char *path = NULL, *checks = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--strict") == 0)
            strict = 1;
        else if (strncmp(argv[i], "--checks=", 9) == 0)
            checks = argv[i] + 9;
        else if (!path && argv[i][0] != '-')
            path = argv[i];
        else {
            fprintf(stderr, "usage: %s [--strict] [--checks=GLOBS] FILE.ll|FILE.bc\n", argv[0]);
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "usage: %s [--strict] [--checks=GLOBS] FILE.ll|FILE.bc\n", argv[0]);
        return 2;
    }

    LLVMContextRef ctx = LLVMContextCreate();
    LLVMMemoryBufferRef buf = NULL;
    LLVMModuleRef m = NULL;
    ptrcheck_engine_t *e = NULL;
    char *msg = NULL;
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    memset(&cfg, 0, sizeof cfg);

    if (LLVMCreateMemoryBufferWithContentsOfFile(path, &buf, &msg)) {
        fprintf(stderr, "%s: %s\n", path, msg ? msg : "cannot read");
        goto out;
    }
    /* LLVMParseIRInContext takes ownership of the buffer, also on failure */
    if (LLVMParseIRInContext(ctx, buf, &m, &msg)) {
        fprintf(stderr, "%s: %s\n", path, msg ? msg : "cannot parse");
        goto out;
    }
    if (!ptrcheck_config_init(&cfg, &err)) {
        char text[2200];
        fprintf(stderr, "%s\n", ptrcheck_error_format(&err, text, sizeof text));
        goto out;
    }
    cfg.strict_provenance = strict;
    if (checks && !ptrcheck_config_add_check_globs(&cfg, checks, &err)) {
        char text[2200];
        fprintf(stderr, "%s\n", ptrcheck_error_format(&err, text, sizeof text));
        goto out;
    }
    e = ptrcheck_engine_create(&cfg, &err);
    if (!e) {
        char text[2200];
        fprintf(stderr, "%s\n", ptrcheck_error_format(&err, text, sizeof text));
        goto out;
    }
    ptrcheck_engine_set_sink(e, print_diag, NULL);
    if (!ptrcheck_ir_run(e, m)) {
        fprintf(stderr, "%s: IR analysis failed (out of memory)\n", path);
        goto out;
    }
    rc = 0;
out:
    if (msg)
        LLVMDisposeMessage(msg);
    if (e)
        ptrcheck_engine_destroy(e);
    ptrcheck_config_fini(&cfg);
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    return rc;
}
