// -fplugin-arg-ptrcheck-output=FILE: the plugin appends every finding, from the AST pass and from the
// IR pass, to FILE as JSON lines (absolute paths, notes, fix-its) besides clang's own diagnostics.
// RUN: rm -f %t.jsonl
// RUN: %clang -c -o /dev/null %ptrcheck_both -fplugin-arg-ptrcheck-output=%t.jsonl %s 2>&1 | FileCheck %s --check-prefix=CLANG
// RUN: FileCheck %s --input-file=%t.jsonl
// Unknown plugin arguments remain errors.
// RUN: not %clang -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-outptu=x %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: ptrcheck: unknown plugin argument 'outptu=x' (expected config=FILE, checks=GLOBS, output=FILE, system-headers[=true|false] or analysis-only)
#include <stdint.h>

struct hdr { int kind; int len; };

struct hdr *next_header(struct hdr *h) {
  return (struct hdr *)((uintptr_t)h + sizeof(struct hdr));
}

void *via_local(void *p) {
  uintptr_t u = (uintptr_t)p;
  return (void *)u;
}

// CLANG: side-file.c:14:10: warning: pointer arithmetic done on an integer
// CLANG: side-file.c:19:10: warning: pointer converted to an integer and back to a pointer through local 'u'

// CHECK: {"ptrcheck-side-file":1,"tu":"{{.*}}side-file.c","cwd":"{{.*}}",
// CHECK: {"check":"int-roundtrip","file":"/{{.*}}side-file.c","line":14,"col":10,"message":"pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead","layer":"ast","notes":[{"file":"/{{.*}}side-file.c","line":14,"col":25,"message":"pointer converted to integer here"}],"fixits":[{"file":"/{{.*}}side-file.c","line":14,"col":25,"end_line":14,"end_col":36,"text":"(char *)"}]}
// CHECK: {"check":"int-roundtrip","file":"/{{.*}}side-file.c","line":19,"col":10,"message":"pointer converted to an integer and back to a pointer through local 'u'","layer":"ir",
