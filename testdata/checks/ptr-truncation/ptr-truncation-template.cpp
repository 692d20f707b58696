// A cast written as a template parameter (`(T)p`) in a template instantiated with `uint64_t`: clang
// gives the instantiation the canonical type (`unsigned long` here), not the argument as written,
// and `uint64_t` is 64 bits on every target.  The argument's spelling is not known from the
// instantiation, so such a cast is judged for the compiling target only.  The file tests _WIN32.
// RUN: %clang -x c++ -target x86_64-linux-gnu -ffreestanding -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -Xclang -verify %s
// RUN: %clang -x c++ -target i686-linux-gnu -ffreestanding -fsyntax-only -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -Xclang -verify %s

#ifdef _WIN32 // expected-note 0+ {{x86_64-pc-windows-msvc is checked because this translation unit tests '_WIN32' here}}
#endif
#if defined(__x86_64__)
typedef unsigned long uint64_t; // as glibc's <stdint.h> defines it on LP64
#else
typedef unsigned long long uint64_t;
#endif

template <class T> struct V {
  T v;
  void keep(void *p) { v = (T)p; }                             // a field of the argument's type
  static T cast(void *p) { return reinterpret_cast<T>(p); }
};
template <class T> T conv(void *p) { return (T)p; }            // a local of the argument's type
template <class T> union U { T bits; void *p; };
template <class T> void in_union(U<T> &u, void *p) { u.bits = (T)p; }
#define AS(T, p) ((T)(p))
template <class T> T through_macro(void *p) { return AS(T, p); }

void uses(V<uint64_t> &x, U<uint64_t> &u, void *p) {
  x.keep(p);
  (void)V<uint64_t>::cast(p);
  (void)conv<uint64_t>(p);
  in_union(u, p);
  (void)through_macro<uint64_t>(p);
}

/* still reported: casts the template writes with a builtin type, and casts outside templates (a
 * cast narrower on the compiling target is an error in C++) */
template <class T> unsigned long builtin(T *p) {
  return (unsigned long)p; // expected-warning {{narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}
unsigned long builtin_use(int *p) { return builtin(p); }
unsigned long plain(void *p) {
  return (unsigned long)p; // expected-warning {{narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}
