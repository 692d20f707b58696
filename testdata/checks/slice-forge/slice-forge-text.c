// The text of slice-forge findings: the invariant, the numbers, a note at the memory.
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: not %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Werror %s 2>&1 | FileCheck %s --check-prefix=WERROR
typedef long long GoInt;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;
void use(GoSlice s);

void f(void *p) {
  char buf[16];
  GoSlice s = {buf, 1000, 1000};
  use(s);
  GoSlice t = {p, 32, 16};
  use(t);
  GoSlice u = {buf, 16, 16};
  u.data = (char *)u.data + 4; // NOLINT(ptrcheck-slice-forge)
  use(u);
}
// CHECK: slice-forge-text.c:10:11: warning: 'GoSlice' header claims len 1000, which exceeds the 16 bytes of 'buf' [ptrcheck-slice-forge]
// CHECK-NEXT: GoSlice s = {buf, 1000, 1000};
// CHECK-NEXT: {{^[ 0-9|]*}}^
// CHECK-NEXT: slice-forge-text.c:9:8: note: 'buf' has 16 bytes
// CHECK: slice-forge-text.c:12:11: warning: 'GoSlice' header claims len 32 > cap 16 [ptrcheck-slice-forge]
// CHECK: 2 warnings generated.
// WERROR: error: 'GoSlice' header claims len 1000, which exceeds the 16 bytes of 'buf' [ptrcheck-slice-forge]
