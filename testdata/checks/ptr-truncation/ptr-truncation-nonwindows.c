// Code in a branch that the preprocessor takes only when a Windows compiler's macros are undefined (the
// #else of `#if defined(_MSC_VER) || defined(__MINGW64__)`, the body of `#ifndef _WIN32`, an #elif after
// a Windows test) is never built for Windows: no claim about 64-bit Windows there.  The file shows
// Windows intent, so 64-bit Windows is a target everywhere else.
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -Xclang -verify %s
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/t.c && printf 'targets: [x86_64-linux-gnu, x86_64-pc-windows-msvc, x86_64-w64-windows-gnu]\nchecks: ["-*", "ptrcheck-ptr-truncation"]\n' > %t/.ptrcheck.yaml
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin %t/t.c 2>&1 | FileCheck %s --check-prefix=LIST --implicit-check-not=warning:

#if defined(_MSC_VER) || defined(__MINGW64__) // expected-note 0+ {{x86_64-pc-windows-msvc is checked because this translation unit tests '_MSC_VER' here}}
typedef unsigned long long word_t;
#else
typedef unsigned long word_t;
unsigned long word_of(void *p) { return (unsigned long)p; }
#endif

#ifndef _WIN32
long as_long(void *p) { return (long)p; }
unsigned as_unsigned(void *p) {
  return (unsigned)p; // expected-warning {{pointer converted to 'unsigned int', which is narrower than a pointer on x86_64-linux-gnu, aarch64-linux-gnu, arm64-apple-darwin (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}
#endif

#if !defined(_WIN64)
#define AS_LONG(p) ((long)(p))
long as_long_macro(void *p) { return AS_LONG(p); }
#endif

#ifdef _WIN32
#elif defined(__unix__)
long elif_unix(void *p) { return (long)p; }
#endif

#if (defined _WIN32) || _MSC_VER
#else
struct slot { long bits; };
void store_bits(struct slot *s, void *p) { s->bits = (long)p; }
#endif

/* still reported: branches a Windows compiler takes */
#ifdef __MINGW32__
#else
long mingw_else(void *p) {
  return (long)p; // expected-warning {{pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}
#endif
#if defined(_WIN32) && defined(WANT_WIDE)
#else
long conjunction_else(void *p) {
  return (long)p; // expected-warning {{narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}
#endif
long outside(void *p) {
  return (long)p; // expected-warning {{narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}

// With both Windows compilers listed: `#ifdef __MINGW32__ ... #else` is MSVC's branch, not MinGW's;
// `#if defined(_MSC_VER) || defined(__MINGW64__)` excludes both.
// LIST: t.c:19:10: warning: pointer converted to 'unsigned int', which is narrower than a pointer on x86_64-linux-gnu (32 < 64 bits)
// LIST: t.c:43:10: warning: pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)
// LIST: t.c:49:10: warning: pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc, x86_64-w64-windows-gnu (32 < 64 bits)
// LIST: t.c:53:10: warning: pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc, x86_64-w64-windows-gnu (32 < 64 bits)
