// clang-tidy --fix applies the plugin's fix-its; NOLINT works as usual; the wrapper adds --load.
// REQUIRES: ptrcheck-tidy
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fix.c
// RUN: ptrcheck-clang-tidy --checks='-*,ptrcheck-*' --config='{}' %t/fix.c -- 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not='warning:'
// RUN: ptrcheck-clang-tidy --checks='-*,ptrcheck-*' --config='{}' --fix %t/fix.c -- > /dev/null 2>&1
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/fix.c
#include <stdint.h>

struct hdr { int kind; int len; };

struct hdr *next_header(struct hdr *h) {
  return (struct hdr *)((uintptr_t)h + sizeof(struct hdr));
}
// WARN: fix.c:[[@LINE-2]]:10: warning: pointer arithmetic done on an integer and converted back to a pointer; do the arithmetic on a 'char *' instead [ptrcheck-int-roundtrip]
// WARN: fix.c:[[@LINE-3]]:25: note: pointer converted to integer here
// FIXED: {{^}}  return (struct hdr *)((char *)h + sizeof(struct hdr));

void *tag(void *p) {
  return (void *)((uintptr_t)p | 1); // NOLINT(ptrcheck-int-roundtrip)
}
