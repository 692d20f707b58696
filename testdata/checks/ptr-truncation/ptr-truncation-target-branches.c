// Code this preprocessing reached only through a condition on the target's identity (__x86_64__,
// __linux__, __GNUC__, __SIZEOF_POINTER__, ...), or through a macro defined under one (valgrind.h's
// PLAT_amd64_linux), exists on another target only if the condition is known to hold there: no claim
// for targets where it is false or not known.  That holds for the code itself, for the definitions
// of the macros it comes from, and for the files included from such a branch.  The file tests
// _WIN32, so 64-bit Windows is a target everywhere else.
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -I %S/Inputs/target-branches -Xclang -verify %s
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/t.c && printf 'targets: [x86_64-linux-gnu, aarch64-linux-gnu, x86_64-pc-windows-msvc, x86_64-w64-windows-gnu]\nchecks: ["-*", "ptrcheck-ptr-truncation"]\n' > %t/.ptrcheck.yaml
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -I %S/Inputs/target-branches %t/t.c 2>&1 | FileCheck %s --check-prefix=LIST --implicit-check-not=warning:

/* valgrind.h's shape: a platform macro chosen by the compiler's identity, then a client-request macro
 * whose definition for that platform keeps pointers in `unsigned long`. */
#if defined(__APPLE__) && defined(__x86_64__)
#define PLAT_amd64_darwin 1
#elif (defined(__MINGW32__) && defined(__x86_64__)) || (defined(_WIN32) && defined(_M_X64)) // expected-note 0+ {{x86_64-pc-windows-msvc is checked because this translation unit tests '__MINGW32__' here}}
#define PLAT_amd64_win64 1
#elif defined(__linux__) && defined(__x86_64__) && !defined(__ILP32__)
#define PLAT_amd64_linux 1
#endif

#if defined(PLAT_amd64_linux) || defined(PLAT_amd64_darwin) || (defined(PLAT_amd64_win64) && defined(__GNUC__))
#define CLIENT_REQUEST(req, arg)                                                                         \
  __extension__({                                                                                        \
    volatile unsigned long int _args[2];                                                                 \
    _args[0] = (unsigned long int)(req);                                                                 \
    _args[1] = (unsigned long int)(arg);                                                                 \
    _args[1];                                                                                            \
  })
#else
#define CLIENT_REQUEST(req, arg) 0UL
#endif
#define MALLOCLIKE_BLOCK(p) (void)CLIENT_REQUEST(1, p)

void malloclike(char *block) { MALLOCLIKE_BLOCK(block + 16); }

/* a function body under the compiler's identity: not built by MSVC, nor for other architectures */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(_WIN64)
long gnuc_x86_64(void *p) { return (long)p; }
unsigned gnuc_x86_64_u(void *p) {
  return (unsigned)p; // expected-warning {{pointer converted to 'unsigned int', which is narrower than a pointer on x86_64-linux-gnu (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}
#endif

/* a field and a union member, under a data-model test */
struct slot { unsigned long bits; };
union word { unsigned long bits; void *p; };
#if __SIZEOF_LONG__ == __SIZEOF_POINTER__
void store_slot(struct slot *s, void *p) { s->bits = (unsigned long)p; }
void store_word(union word *w, void *p) { w->bits = (unsigned long)p; }
#endif

/* an #else whose #if names the Windows compilers */
#if defined(_MSC_VER)
#define AS_WORD(p) ((unsigned long long)(p))
#else
#define AS_WORD(p) ((unsigned long)(p))
#endif
unsigned long long as_word(void *p) { return AS_WORD(p); }

/* a header included only under a test of the OS */
#ifdef __linux__
#include "linux_impl.h"
#endif

/* MSVC never takes a GNU-only branch; MinGW (GCC) does (with it listed, below) */
#ifdef __GNUC__
long gnu_only(void *p) {
  return (long)p;
}
#endif

/* still reported: conditions that hold on Windows, or test only the project's own macros */
#if defined(__x86_64__) || defined(_M_X64)
long amd64_any(void *p) {
  return (long)p; // expected-warning {{narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}
#endif
#ifndef PROJECT_NO_COOKIES
#define COOKIE(p) ((unsigned long)(p))
unsigned long cookie(void *p) {
  return COOKIE(p); // expected-warning {{narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}
#endif
struct slot2 { long bits; };
void store_slot2(struct slot2 *s, void *p) {
  s->bits = (long)p; // expected-warning {{narrower than a pointer on x86_64-pc-windows-msvc}} expected-note {{use 'uintptr_t'}}
}

// With both Windows compilers and aarch64 listed: the GNU-only branch and the #else of `#if
// defined(_MSC_VER)` are MinGW's; the x86_64-only function is judged for the x86_64 Linux target (this
// preprocessing's own) alone; the client request stays silent on MinGW too (PLAT_amd64_win64 is defined
// by a branch this preprocessing skipped: not known there).
// LIST: t.c:40:10: warning: pointer converted to 'unsigned int', which is narrower than a pointer on x86_64-linux-gnu (32 < 64 bits)
// LIST: t.c:58:46: warning: pointer converted to 'unsigned long', which is narrower than a pointer on x86_64-w64-windows-gnu (32 < 64 bits)
// LIST: t.c:68:10: warning: pointer converted to 'long', which is narrower than a pointer on x86_64-w64-windows-gnu (32 < 64 bits)
// LIST: t.c:75:10: warning: pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc, x86_64-w64-windows-gnu (32 < 64 bits)
// LIST: t.c:81:10: warning: pointer converted to 'unsigned long', which is narrower than a pointer on x86_64-pc-windows-msvc, x86_64-w64-windows-gnu (32 < 64 bits)
// LIST: t.c:86:13: warning: pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc, x86_64-w64-windows-gnu (32 < 64 bits)

/* a macro defined in a branch skipped here, written with the spacing real headers use, and named
 * nowhere before: code under a test of it may not exist on Windows */
#if defined(_WIN32)
  #	 define  WORD_IS_LLP64 1
#endif
#ifndef WORD_IS_LLP64
long lp64_only(void *p) { return (long)p; }
#endif
