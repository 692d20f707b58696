// -fplugin-arg-ptrcheck-analysis-only (what the CLI passes, its output going to /dev/null): the
// findings are exactly those of the plain plugins at every -O, and after the IR analyses the module
// handed to the optimiser and the bitcode writer has no function bodies left.
// RUN: %clang -O0 -c -emit-llvm %ptrcheck_both -fplugin-arg-ptrcheck-output=%t.plain0 %s -o %t.plain0.bc 2> %t.plain0.err
// RUN: %clang -O0 -c -emit-llvm %ptrcheck_both -fplugin-arg-ptrcheck-output=%t.only0 -fplugin-arg-ptrcheck-analysis-only %s -o %t.only0.bc 2> %t.only0.err
// RUN: %clang -O2 -c -emit-llvm %ptrcheck_both -fplugin-arg-ptrcheck-output=%t.plain2 %s -o %t.plain2.bc 2> %t.plain2.err
// RUN: %clang -O2 -c -emit-llvm %ptrcheck_both -fplugin-arg-ptrcheck-output=%t.only2 -fplugin-arg-ptrcheck-analysis-only %s -o %t.only2.bc 2> %t.only2.err
// RUN: diff %t.plain0 %t.only0
// RUN: diff %t.plain2 %t.only2
// RUN: diff %t.plain0.err %t.only0.err
// RUN: diff %t.plain2.err %t.only2.err
// RUN: FileCheck %s --check-prefix=FOUND < %t.only2.err
// FOUND-DAG: analysis-only.c:22:{{[0-9]+}}: warning: {{.*}}[ptrcheck-int-roundtrip]
// FOUND-DAG: analysis-only.c:26:{{[0-9]+}}: warning: {{.*}}[ptrcheck-stack-escape]
// RUN: llvm-dis %t.plain2.bc -o - | FileCheck %s --check-prefix=PLAIN
// PLAIN: define {{.*}}@get
// RUN: llvm-dis %t.only2.bc -o - | FileCheck %s --check-prefix=ONLY --implicit-check-not=define
// ONLY: @saved = {{.*}}global
#include <stdint.h>
struct handle { uintptr_t raw; };
void set(struct handle *h, void *p) { h->raw = (uintptr_t)p; }
void *get(struct handle *h) { return (void *)h->raw; }
int *saved;
void keep(void) {
  int x = 0;
  saved = &x;
}
