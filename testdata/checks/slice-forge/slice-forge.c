// Bad cases of ptrcheck-slice-forge that the AST pass proves from the source alone.
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

typedef long long GoInt;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;
typedef struct { const char *p; long n; } _GoString_;
typedef _GoString_ GoString;
struct span { int *ptr; unsigned long len; };   // inferred: one data pointer + one length
typedef struct { char *base; size_t len; } uv_buf_t;

void use(GoSlice s);
void use_str(GoString s);
void use_iov(struct iovec v);
void use_span(struct span s);
void use_buf(uv_buf_t b);

char g_buf[16]; // expected-note {{'g_buf' has 16 bytes}}

void len_gt_cap(void *p) {
  GoSlice s = {p, 32, 16}; // expected-warning {{'GoSlice' header claims len 32 > cap 16 [ptrcheck-slice-forge]}}
  use(s);
}

void local_array(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  GoSlice s = {buf, 32, 32}; // expected-warning {{'GoSlice' header claims len 32, which exceeds the 16 bytes of 'buf'}}
  use(s);
}

void global_array(void) {
  use((GoSlice){g_buf, 17, 17}); // expected-warning {{len 17, which exceeds the 16 bytes of 'g_buf'}}
}

void static_array(void) {
  static char sbuf[8]; // expected-note {{'sbuf' has 8 bytes}}
  GoSlice s = {sbuf, 4, 9}; // expected-warning {{claims cap 9, which exceeds the 8 bytes of 'sbuf'}}
  use(s);
}

void string_literal(void) {
  GoString g = {"hello", 10}; // expected-warning {{'_GoString_' header claims n 10, which exceeds the 6 bytes of the string literal}} expected-note {{the string literal has 6 bytes}}
  use_str(g);
}

void allocation(void) {
  GoSlice s = {malloc(16), 32, 32}; // expected-warning {{claims len 32, which exceeds the 16 bytes of the block from 'malloc'}} expected-note {{16 bytes allocated here}}
  use(s);
  GoSlice t = {calloc(4, 4), 8, 20}; // expected-warning {{claims cap 20, which exceeds the 16 bytes of the block from 'calloc'}} expected-note {{16 bytes allocated here}}
  use(t);
}

void moved_forward(void) {
  char buf[8]; // expected-note 2 {{'buf' has 8 bytes}}
  struct iovec v = {buf + 4, 8}; // expected-warning {{'struct iovec' header claims iov_len 8, which exceeds the 4 bytes left in 'buf' (iov_base points 4 bytes into its 8)}}
  use_iov(v);
  struct iovec w = {&buf[6], 4}; // expected-warning {{iov_len 4, which exceeds the 2 bytes left in 'buf'}}
  use_iov(w);
}

void elements(void) {
  int a[4]; // expected-note {{'a' has 16 bytes}}
  struct span s = {a, 8}; // expected-warning {{'struct span' header claims len 8 (32 bytes of 'int'), which exceeds the 16 bytes of 'a'}}
  use_span(s);
}

void inferred_uv(void) {
  char b[4]; // expected-note {{'b' has 4 bytes}}
  uv_buf_t u = {b, 5}; // expected-warning {{'uv_buf_t' header claims len 5, which exceeds the 4 bytes of 'b'}}
  use_buf(u);
}

void sizeof_pointer(const char *msg) { // expected-note {{'msg' is declared here as a pointer}}
  GoString g = {msg, sizeof(msg)}; // expected-warning {{'_GoString_' header's n is sizeof(msg), the size of the pointer (8 bytes), not of the data it points to}}
  use_str(g);
}

void len_set_later(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  GoSlice s = {buf, 16, 16};
  s.len = 1000; // expected-warning {{claims len 1000, which exceeds the 16 bytes of 'buf'}}
  use(s);
}

void len_over_cap(GoSlice *s) {
  s->len = s->cap + 1; // expected-warning {{'GoSlice' header: len set to cap + 1 makes len > cap}}
}

void len_over_cap_init(void *p, long n) {
  GoSlice s = {p, n + 1, n}; // expected-warning {{'GoSlice' header claims len > cap: len is always 1 more than cap}}
  use(s);
}

void len_grows(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  GoSlice s = {buf, 16, 16};
  s.len += 4; // expected-warning {{claims len 20, which exceeds the 16 bytes of 'buf'}}
  use(s);
}

void len_grows_past_cap(void *p) {
  GoSlice s = {p, 8, 8};
  s.len += 4; // expected-warning {{claims len 12 > cap 8}}
  use(s);
}

void data_advanced(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  GoSlice s = {buf, 16, 16};
  s.data = (char *)s.data + 4; // expected-warning {{claims len 16, which exceeds the 12 bytes left in 'buf' (data points 4 bytes into its 16)}}
  use(s);
}

void iov_advanced(void) {
  char buf[16]; // expected-note {{'buf' has 16 bytes}}
  struct iovec v = {buf, sizeof buf};
  v.iov_base = (char *)v.iov_base + 8; // expected-warning {{iov_len 16, which exceeds the 8 bytes left in 'buf'}}
  use_iov(v);
}

void null_data(void) {
  struct iovec v = {NULL, 16}; // expected-warning {{'struct iovec' header claims iov_len 16 with a null iov_base}}
  use_iov(v);
}

void reinterpret(unsigned char *bytes) {
  GoSlice *s = (GoSlice *)bytes; // expected-warning {{'GoSlice' header forged by reinterpreting 'unsigned char' memory ('bytes') as one}}
  use(*s);
}

void copied_bytes(const unsigned char *wire) {
  GoSlice s;
  memcpy(&s, wire, sizeof s); // expected-warning {{'GoSlice' header filled with raw bytes ('const unsigned char' from 'wire') by memcpy}}
  use(s);
}

void in_array(void) {
  char a[4], b[8]; // expected-note {{'b' has 8 bytes}}
  struct iovec iov[2] = {{a, 4}, {b, 9}}; // expected-warning {{iov_len 9, which exceeds the 8 bytes of 'b'}}
  use_iov(iov[0]);
}

/* byte offsets into bytes are still bytes */
typedef struct { size_t len; unsigned char *data; } str_t;
size_t at_offset(unsigned char *wire, size_t off) {
  return ((str_t *)(wire + off))->len; // expected-warning {{'str_t' header forged by reinterpreting 'unsigned char' memory ('the bytes this expression points to') as one}}
}
size_t at_offset_cast(unsigned char *wire, size_t off) {
  return ((str_t *)((char *)wire + off))->len; // expected-warning {{'str_t' header forged by reinterpreting 'char' memory ('the bytes this expression points to') as one}}
}
size_t at_offset_local(void *conf, unsigned char *wire, size_t off) {
  char *p = conf;
  p = (char *)wire; /* changed: the bytes of the wire */
  return ((str_t *)(p + off))->len; // expected-warning {{'str_t' header forged by reinterpreting 'char' memory}}
}
