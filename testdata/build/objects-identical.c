// The object file ptrcheck leaves behind is byte-identical to clang's own, at -O0 and -O2, with and
// without -g, and even when ptrcheck reports findings.
// RUN: %clang -c -O0 %s -o %t.O0.plain.o
// RUN: %clang -c -O0 %ptrcheck_both %s -o %t.O0.ptrcheck.o 2>%t.O0.err
// RUN: cmp %t.O0.plain.o %t.O0.ptrcheck.o
// RUN: FileCheck %s < %t.O0.err
// RUN: %clang -c -O2 %s -o %t.O2.plain.o
// RUN: %clang -c -O2 %ptrcheck_both %s -o %t.O2.ptrcheck.o 2>%t.O2.err
// RUN: cmp %t.O2.plain.o %t.O2.ptrcheck.o
// RUN: FileCheck %s < %t.O2.err
// RUN: %clang -c -O2 -g %s -o %t.g.plain.o
// RUN: %clang -c -O2 -g %ptrcheck_both %s -o %t.g.ptrcheck.o 2>/dev/null
// RUN: cmp %t.g.plain.o %t.g.ptrcheck.o
#include <stdint.h>

struct handle { uintptr_t raw; };
void set(struct handle *h, void *p) { h->raw = (uintptr_t)p; }
// CHECK-DAG: objects-identical.c:[[@LINE+1]]:38: warning: {{.*}}field 'raw' of 'struct handle' [ptrcheck-int-roundtrip]
void *get(struct handle *h) { return (void *)h->raw; }
// CHECK-DAG: objects-identical.c:[[@LINE+1]]:29: warning: pointer arithmetic done on an integer
void *off(void *p) { return (void *)((uintptr_t)p + 8); }
long cookie(void *p) { return (long)p; }
