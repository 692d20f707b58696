// The pass plugin without the frontend plugin: findings go to stderr in clang's format, one per
// hazard even without -g (file only, function named), with line:col when -g is given.
// RUN: %clang -c -O0 -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOG
// RUN: %clang -c -O2 -g -fpass-plugin=%ptrcheck_plugin %s -o %t.o 2>&1 | FileCheck %s --check-prefix=G
#include <stdint.h>
struct handle { uintptr_t raw; };
void set(struct handle *h, void *p) { h->raw = (uintptr_t)p; }
void *get(struct handle *h) { return (void *)h->raw; }
void *tag(void *p) { return (void *)((uintptr_t)p | 1); }
// NOG-DAG: pass-plugin-alone.c: warning: pointer converted to an integer and back to a pointer through field #0 of 'struct handle' (in function 'get') [ptrcheck-int-roundtrip]
// NOG-DAG: pass-plugin-alone.c: warning: pointer bits set with '|' and used as a pointer; the result does not point at the original object (in function 'tag') [ptrcheck-int-roundtrip]
// G-DAG: pass-plugin-alone.c:8:38: warning: pointer converted to an integer and back to a pointer
// G-DAG: pass-plugin-alone.c:9:29: warning: pointer bits set with '|'
// From LLVM 22 on -fpass-plugin also runs the frontend plugin (pass-plugin-alone-22.c).
// UNSUPPORTED: pass-plugin-loads-frontend
