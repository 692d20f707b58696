// The targets key decides which data models count: Linux-only projects may keep pointers in long.
// RUN: rm -rf %t && mkdir -p %t && printf 'targets: [x86_64-linux-gnu, aarch64-linux-gnu]\n' > %t/.ptrcheck.yaml && cp %s %t/t.c
// RUN: %clang -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -Xclang -verify %t/t.c
// RUN: %clang -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-ptrcheck-ptr-truncation -Xclang -verify=off %t/t.c
// off-no-diagnostics

long as_long(void *p) { return (long)p; }
int as_int(void *p) {
  return (int)p; // expected-warning {{narrower than a pointer on x86_64-linux-gnu, aarch64-linux-gnu (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}
