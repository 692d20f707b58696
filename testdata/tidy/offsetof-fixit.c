// The offsetof fix-it of ptrcheck-offset-assumption in a file that does not include <stddef.h>: the
// fix adds the #include (once, before the first #include), through the plugin (clang -Xclang -fixit)
// and clang-tidy --fix, and the fixed file compiles with -Werror and both plugins, silently.
// REQUIRES: ptrcheck-tidy
// RUN: rm -rf %t && mkdir -p %t && grep -v '^//' %s > %t/plugin.c && cp %t/plugin.c %t/tidy.c
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -fixit %t/plugin.c 2>&1 | FileCheck %s --check-prefix=WARN
// WARN: plugin.c:7:34: warning: byte offset 16 into 'struct event'{{.*}}; use offsetof(struct event, when) [ptrcheck-offset-assumption]
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/plugin.c --implicit-check-not=stddef.h
// RUN: %clang -target x86_64-linux-gnu -c -Werror %ptrcheck_both %t/plugin.c -o %t/plugin.o 2>&1 | count 0
//
// RUN: %clang_tidy --load=%ptrcheck_tidy --checks='-*,ptrcheck-*' --config='{}' --fix %t/tidy.c -- -target x86_64-linux-gnu > %t/tidy.out 2>&1
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/tidy.c --implicit-check-not=stddef.h
// RUN: %clang -target x86_64-linux-gnu -c -Werror %ptrcheck_both %t/tidy.c -o %t/tidy.o 2>&1 | count 0
//
// A translation unit that already defines offsetof gets no #include.
// RUN: grep -v '^//' %s > %t/have.c
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin -fdiagnostics-parseable-fixits -include stddef.h %t/have.c 2>&1 | FileCheck %s --check-prefix=HAVE --implicit-check-not=#include
// HAVE: fix-it:"{{.*}}have.c":{7:34-7:36}:"offsetof(struct event, when)"
// HAVE: fix-it:"{{.*}}have.c":{11:36-11:38}:"offsetof(struct event, payload)"
//
// FIXED:      {{^}}/* offsetof fix-its in a file that does not include <stddef.h> yet. */
// FIXED-NEXT: {{^}}#include <stddef.h>
// FIXED-NEXT: {{^}}#include <stdint.h>
// FIXED:      {{^}}  return *(double *)((char *)e + offsetof(struct event, when));
// FIXED:      {{^}}  return *(void **)((uint8_t *)e + offsetof(struct event, payload));
/* offsetof fix-its in a file that does not include <stddef.h> yet. */
#include <stdint.h>

struct event { char tag; int id; long count; double when; void *payload; };

double when_of(struct event *e) {
  return *(double *)((char *)e + 16);
}

void *payload_of(struct event *e) {
  return *(void **)((uint8_t *)e + 24);
}
