// ptrcheck-slice-forge findings that need data flow (the IR pass), through clang's diagnostics at
// the AST's locations (no -g), identically at -O0 and -O2; the AST findings in the same file are
// reported once.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 -g %ptrcheck_both -Xclang -verify %s -o %t.o
#include <stdlib.h>
#include <sys/uio.h>

typedef long long GoInt;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;
typedef struct { const char *p; long n; } GoString;
struct span { int *ptr; unsigned long len; };

void use(GoSlice s);
void use_str(GoString s);
void use_iov(struct iovec v);
void use_span(struct span s);

// malloc in one statement, the header in another
void across_statements(void) {
  char *b = malloc(16); // expected-note {{16 bytes allocated here}}
  GoSlice s = {b, 32, 32}; // expected-warning {{'GoSlice' header claims len 32, which exceeds the 16 bytes of the block from 'malloc' [ptrcheck-slice-forge]}}
  use(s);
}

// a helper that builds the header from its parameters, called with a 16-byte buffer and n = 32
GoSlice mk(void *p, long n) { // expected-note {{'mk' builds the header from its parameters}}
  GoSlice s = {p, n, n};
  return s;
}

void through_call(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  GoSlice t = mk(buf, 32); // expected-warning {{'GoSlice' header built by 'mk' from this call claims len 32, which exceeds the 16 bytes of 'buf'}}
  use(t);
}

// the length in a variable
void length_in_local(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  long n = 32;
  GoSlice s = {buf, n, n}; // expected-warning {{claims len 32, which exceeds the 16 bytes of 'buf'}}
  use(s);
}

// a pointer moved forward in a local
void moved_in_local(void) {
  char buf[8]; // expected-note {{'buf' has 8 bytes}}
  char *p = buf + 4;
  struct iovec v = {p, 8}; // expected-warning {{'struct iovec' header claims iov_len 8, which exceeds the 4 bytes left in 'buf' (iov_base points 4 bytes into its 8)}}
  use_iov(v);
}

// elements of the data's type
void elements_in_local(void) {
  int *a = malloc(16); // expected-note {{16 bytes allocated here}}
  struct span s = {a, 8}; // expected-warning {{'struct span' header claims len 8 (32 bytes of 'int'), which exceeds the 16 bytes of the block from 'malloc'}}
  use_span(s);
}

// a header changed later, its data from a local: len > cap is in plain sight (the AST pass), and
// the IR pass does not report the same header again
void changed_later(void) {
  char *b = malloc(16);
  GoSlice s = {b, 16, 16};
  s.len = 1000; // expected-warning {{claims len 1000 > cap 16}}
  use(s);
}

// a string literal behind a local
void literal_in_local(void) {
  const char *msg = "hi";
  GoString g = {msg, 10}; // expected-warning {{'GoString' header claims n 10, which exceeds the 3 bytes of the string literal}}
  use_str(g);
}

// AST and IR: a finding visible in the initialiser is reported once
void once(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  GoSlice s = {buf, 32, 32}; // expected-warning {{claims len 32, which exceeds the 16 bytes of 'buf'}}
  use(s);
}
