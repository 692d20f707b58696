// LLVM 22 loads -fpass-plugin libraries before it creates the frontend action, so -fpass-plugin=ptrcheck.so
// alone also runs the frontend plugin: the output is exactly that of -fplugin + -fpass-plugin (AST
// findings, IR findings with line:col and field names from the site tables, without -g).
// REQUIRES: pass-plugin-loads-frontend
// RUN: %clang -c -O0 -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2> %t.alone.txt
// RUN: %clang -c -O0 %ptrcheck_both %s -o %t.o 2> %t.both.txt
// RUN: diff %t.alone.txt %t.both.txt
// RUN: FileCheck %s --implicit-check-not=warning: < %t.alone.txt
// RUN: %clang -c -O2 -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdint.h>
struct handle { uintptr_t raw; };
void set(struct handle *h, void *p) { h->raw = (uintptr_t)p; }
void *get(struct handle *h) { return (void *)h->raw; }
void *tag(void *p) { return (void *)((uintptr_t)p | 1); }
// CHECK-DAG: pass-plugin-alone-22.c:13:38: warning: pointer converted to an integer and back to a pointer through field 'raw' of 'struct handle' [ptrcheck-int-roundtrip]
// CHECK-DAG: pass-plugin-alone-22.c:14:29: warning: pointer bits set with '|' and used as a pointer; the result does not point at the original object [ptrcheck-int-roundtrip]
