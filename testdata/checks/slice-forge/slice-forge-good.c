// Silent twins of testdata/checks/slice-forge/slice-forge.c: consistent headers, re-slicing, unknown sizes.
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// expected-no-diagnostics
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

typedef long long GoInt;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;
typedef struct { const char *p; long n; } _GoString_;
typedef _GoString_ GoString;
struct span { int *ptr; unsigned long len; };

void use(GoSlice s);
void use_str(GoString s);
void use_iov(struct iovec v);
void use_span(struct span s);
GoSlice make(void);

char g_buf[16];

void consistent(void) {
  char buf[16];
  GoSlice s = {buf, 16, 16};
  use(s);
  GoSlice t = {buf, 8, 16};
  use(t);
  use((GoSlice){g_buf, sizeof g_buf, sizeof g_buf});
  GoString g = {"hello", 5};
  use_str(g);
  int a[4];
  struct span sp = {a, 4};
  use_span(sp);
  struct iovec v = {buf + 4, 12};
  use_iov(v);
  struct iovec z = {NULL, 0};
  use_iov(z);
}

void reslice(GoSlice s) {
  GoSlice t = {(char *)s.data + 2, s.len - 2, s.cap - 2};
  use(t);
}

void reslice_known(void) {
  char buf[16];
  GoSlice s = {buf, 16, 16};
  GoSlice t = {(char *)s.data + 2, s.len - 2, s.cap - 2};
  use(t);
  s.data = (char *)s.data + 4;
  s.len -= 4;
  s.cap -= 4;
  use(s);
}

void from_malloc(long n) {
  GoSlice s = {malloc(n), n, n};
  use(s);
}

void shrinking(void) {
  char buf[16];
  GoSlice s = {buf, 16, 16};
  s.len = 8;
  s.len--;
  use(s);
}

void unknown(void *p, long n, long m) {
  GoSlice s = {p, n, m};
  use(s);
  s.len = 1000;
  use(s);
  GoSlice t = make();
  t.len = 1 << 20;
  use(t);
}

void grow_together(void) {
  char small[16], big[100];
  GoSlice s = {small, 16, 16};
  s.data = big;
  s.len = 100;
  s.cap = 100;
  use(s);
}

void grow_in_branch(int c) {
  char small[16], big[100];
  GoSlice s = {small, 16, 16};
  if (c) {
    s.data = big;
    s.cap = 100;
  }
  s.len = c ? 100 : 16;
  use(s);
}

void other_arm(int c) {
  char big[100], small[16];
  GoSlice s = {big, 100, 100};
  if (c) {
    s.data = small;
    s.len = 16;
    s.cap = 16;
  } else {
    s.len = 50;
  }
  use(s);
}

void address_taken(void (*fill)(GoSlice *)) {
  char buf[16];
  GoSlice s = {buf, 16, 16};
  fill(&s);
  s.len += 4;
  use(s);
}

void copies(const GoSlice *src, const void *raw) {
  GoSlice s;
  memcpy(&s, src, sizeof s);   // a header from a header
  use(s);
  GoSlice *t = (GoSlice *)raw; // void *: ptrcheck cannot know
  use(*t);
  GoSlice *u = (GoSlice *)malloc(sizeof(GoSlice));
  use(*u);
}

// Shape inference stays out of records that only look alike.
struct name_count { const char *name; int count; int flags; }; // a third field: not a header
struct pair { char *key; char *value; long len; };             // two pointers: not a header
struct named { const char *label; int id; };                   // 'id' is not a length
void use_nc(struct name_count);
void use_pair(struct pair);
void use_named(struct named);

void lookalikes(void) {
  use_nc((struct name_count){"ab", 100, 0});
  use_pair((struct pair){"k", "v", 100});
  use_named((struct named){"x", 100});
}

int loop_and_switch(int k) {
  char buf[16];
  GoSlice s = {buf, 16, 16};
  switch (k) {
  case 1:
    s.data = (char *)s.data + 8;
    s.len = 8;
    break;
  case 2:
    s.len = 16;
    break;
  }
  for (int i = 0; i < k; i++) {
    s.len = 8;
    s.cap = 8;
  }
  use(s);
  return 0;
}

/* byte addressing into an object that is no bytes: a field reached through an offset table */
typedef struct { size_t len; unsigned char *data; } str_t;
struct req { int a; str_t uri; str_t args; };
#define FIELD_AT(o, off) ((str_t *)((char *)(o) + (off)))
size_t by_offset(struct req *r, size_t off) { return ((str_t *)((char *)r + off))->len; }
size_t by_offset_first(struct req *r, size_t off) { return ((str_t *)(off + (char *)r))->len; }
size_t by_offset_back(struct req *r, size_t off) { return ((str_t *)((unsigned char *)&r->args - off))->len; }
size_t by_offset_void(void *conf, size_t off) { return ((str_t *)((char *)conf + off))->len; }
size_t by_offset_macro(struct req *r, size_t off) { return FIELD_AT(r, off)->len; }
size_t by_offset_local(void *conf, size_t off) {
  char *p = conf;
  str_t *field = (str_t *)(p + off);
  return field->len;
}
