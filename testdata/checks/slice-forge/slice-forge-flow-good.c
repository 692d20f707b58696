// Silent twins of slice-forge-flow.c, at -O0 and -O2.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <stdlib.h>
#include <sys/uio.h>

typedef long long GoInt;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;
typedef struct { const char *p; long n; } GoString;

void use(GoSlice s);
void use_str(GoString s);
void use_iov(struct iovec v);

void across_statements(void) {
  char *b = malloc(16);
  GoSlice s = {b, 16, 16};
  use(s);
}

void from_malloc_n(long n) {
  char *b = malloc(n);
  GoSlice s = {b, n, n};
  use(s);
}

GoSlice mk(void *p, long n) {
  GoSlice s = {p, n, n};
  return s;
}

void through_call(long n) {
  char buf[32];
  GoSlice t = mk(buf, 32);
  use(t);
  GoSlice u = mk(buf, 16);
  use(u);
  GoSlice v = mk(malloc(n), n);
  use(v);
}

void length_in_local(void) {
  char buf[16];
  long n = 16;
  GoSlice s = {buf, n, n};
  use(s);
}

void reassigned(int c) {
  char small[4], big[64];
  char *p = small;
  if (c)
    p = big;
  struct iovec v = {p, 64};   // p has two values: unknown
  use_iov(v);
}

void reslice(GoSlice s) {
  GoSlice t = {(char *)s.data + 2, s.len - 2, s.cap - 2};
  use(t);
}

void shrinking(void) {
  char *b = malloc(16);
  GoSlice s = {b, 16, 16};
  s.len = 8;
  use(s);
}

void literal_in_local(void) {
  const char *msg = "hello";
  GoString g = {msg, 5};
  use_str(g);
}
