/* Generates a pointer-heavy C translation unit with N functions, for the scaling figure.
 * usage: gen_tu N > out.c
 * Each function mixes what ptrcheck's analyses look at: pointer<->integer round trips, casts to
 * narrower integers, {data,len} headers, addresses of locals passed to calls and stored, struct
 * field offsets, loops over pointers.  Every function calls the previous one so nothing is dead. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
    if (n < 1) {
        fprintf(stderr, "usage: gen_tu N\n");
        return 2;
    }
    printf("#include <stddef.h>\n#include <stdint.h>\n#include <string.h>\n\n"
           "struct slice { char *data; size_t len; size_t cap; };\n"
           "struct node { struct node *next; void *payload; uintptr_t tag; int kind; };\n"
           "extern void sink(void *p);\nextern void *keep;\n"
           "static long f_base(struct node *n, long k) { return n ? (long)n->kind + k : k; }\n\n");
    for (long i = 0; i < n; i++) {
        char call[96];
        if (i) snprintf(call, sizeof call, "f%ld(m, buf, len, k - 1)", i - 1);
        else snprintf(call, sizeof call, "f_base(m, k - 1)");
        printf("long f%ld(struct node *n, char *buf, size_t len, long k) {\n"
               "    char local[%ld];\n"
               "    struct slice s = { buf, len, len };\n"
               "    uintptr_t u = (uintptr_t)n;\n"
               "    struct node *m = (struct node *)(u & ~(uintptr_t)7);\n"
               "    long acc = 0;\n"
               "    memset(local, 0, sizeof local);\n"
               "    for (struct node *p = m; p && acc < %ld; p = p->next) {\n"
               "        acc += (long)(p->tag ^ (uintptr_t)p->payload);\n"
               "        if (p->kind == %ld) { s.data = (char *)p->payload; s.len = (size_t)p->kind; }\n"
               "        if (p->kind < 0) keep = (void *)((uintptr_t)p + offsetof(struct node, payload));\n"
               "    }\n"
               "    if (k & 1) sink(local);\n"
               "    if (s.len > 3) acc += s.data[s.len - 1];\n"
               "    acc += (int)(intptr_t)buf;\n"
               "    return acc + %s;\n"
               "}\n\n",
               i, 8 + (i % 16), 100 + i, i % 7, call);
    }
    return 0;
}
