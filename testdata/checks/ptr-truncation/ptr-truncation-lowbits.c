// ptr-truncation reports what loses information a program needs.  The file tests _WIN32 (below), so
// 64-bit Windows, where 'long' is 32 bits, is one of its targets.  Silent: only low bits survive
// (masks keeping fewer bits than the narrow type, %, tests against 0, hash mixing), the double-cast ID
// idiom whatever the middle type, integers boxed in pointer variables, project typedefs whose width on
// other targets this build cannot know.  Each silent shape sits next to a bad case that is still reported.
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -Wno-int-to-pointer-cast -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -Xclang -verify %s
#include <stdint.h>

#ifdef _WIN32 // expected-note 0+ {{x86_64-pc-windows-msvc is checked because this translation unit tests '_WIN32' here}}
#endif

struct slot { unsigned long bits; void *p; };
union word { void *p; long l; };
#define LOW_TAG(p) ((long)(p) & 3)
#define PTR_TO_ID(p) ((int)(long)(p))
#define PTR_HASH(p) ((unsigned long)(p) >> 4)

/* ---- 5. only low bits survive */
long tag_bits(void *p) { return (long)p & 7; }
int aligned16(void *p) { return ((unsigned long)p % 16) == 0; }
int nonzero(void *p) { return (long)p != 0; }
int nonnull_cond(void *p) { if ((long)p) return 1; return 0; }
unsigned long hash(void *p, unsigned long h) { return h ^ ((unsigned long)p >> 3); }
unsigned long hash_mul(void *p) { return (unsigned long)p * 2654435761u; }
long tag_macro(void *p) { return LOW_TAG(p); }
unsigned long hash_macro(void *p) { return PTR_HASH(p) & 0xff; }
int low_local(void *p) {
  unsigned long v = (unsigned long)p;
  return (int)(v & 0xf) + (v % 8 == 0);
}
void low_field(struct slot *s, void *p) { s->bits = (unsigned long)p & 0x3; }
void low_union(union word *w, void *p) { w->l = (long)p & 1; }
/* still reported: the value keeps bits the narrow type does not have */
long keeps(void *p) {
  return (long)p; // expected-warning {{pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}
long big_mask(void *p) {
  return (long)p & 0xffffffffL; // expected-warning {{pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}
void keeps_field(struct slot *s, void *p) {
  s->bits = (unsigned long)p; // expected-warning {{pointer converted to 'unsigned long', which is narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}
void keeps_union(union word *w, void *p) {
  w->l = (long)p; // expected-warning {{pointer converted to 'long', which is narrower}} expected-note {{use 'uintptr_t'}}
}
long keeps_local(void *p) {
  long v = (long)p; // expected-warning {{pointer converted to 'long', which is narrower}} expected-note {{use 'uintptr_t'}}
  return v & 0xf ? v : 0;
}
int ordered(void *p, void *q) {
  return (long)p < (long)q; // expected-warning 2 {{pointer converted to 'long', which is narrower}} expected-note 2 {{use 'uintptr_t'}}
}

/* ---- the double-cast ID idiom, whatever the middle type */
int id_long(void *p) { return (int)(long)p; }
unsigned id_ulong(const void *p) { return (unsigned)(unsigned long)p; }
int id_macro(void *p) { return PTR_TO_ID(p); }
void id_field(struct slot *s, void *p) { s->bits = (unsigned)(long)p; }
/* still reported: a widening after the narrowing is no ID */
long long widened(void *p) {
  return (long long)(long)p; // expected-warning {{pointer converted to 'long', which is narrower}} expected-note {{use 'uintptr_t'}}
}

/* ---- 4. boxed integers: the pointer was made from an integer, never from an object's address */
#define INT_TO_PTR(i) ((void *)(long)(i))
long unbox_local(int n) {
  void *box = INT_TO_PTR(n);
  return (long)box;
}
long unbox_assigned(int n, int m) {
  void *box = (void *)(intptr_t)n;
  if (m)
    box = INT_TO_PTR(m);
  return (long)box;
}
long not_boxed(int n, void *obj) {
  void *box = INT_TO_PTR(n);
  if (!n)
    box = obj;
  return (long)box; // expected-warning {{pointer converted to 'long', which is narrower}} expected-note {{use 'uintptr_t'}}
}

/* ---- 1. project typedefs: their width on other targets is not known from this build */
typedef unsigned long gsize;
typedef unsigned int u32;
#define GPOINTER_TO_SIZE(p) ((gsize)(p))
gsize as_gsize(void *p) { return (gsize)p; }
gsize as_gsize_macro(void *p) { return GPOINTER_TO_SIZE(p); }
void gsize_field(struct slot *s, void *p) { s->bits = (gsize)p; }
u32 as_u32(void *p) {
  return (u32)p; // expected-warning {{pointer converted to 'u32', which is narrower than a pointer on the compiling target x86_64-unknown-linux-gnu (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}

/* ---- 6. a colour bit from a truncated value OR-ed into a full-width pointer: not a truncation */
struct rbn { struct rbn *link; };
struct rbn *set_red(struct rbn *n, struct rbn *l) {
  return (struct rbn *)((uintptr_t)l | (uintptr_t)(_Bool)((uintptr_t)n->link & 1));
}
void *still_truncated(void *p) {
  return (void *)(uintptr_t)(uint32_t)(uintptr_t)p; // expected-warning {{pointer truncated to 32 bits and converted back to a pointer}} expected-note {{pointer bits dropped here, converted to 'uint32_t'}} expected-note {{converted to integer here}}
}
