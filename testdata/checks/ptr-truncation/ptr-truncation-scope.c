// Which targets count (docs/config.md, "targets"): the Unix data models always; 64-bit Windows only when
// the translation unit shows Windows intent in its own files, is compiled for Windows, or `targets` lists it.
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -Xclang -verify=unix %s
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_IFDEF -Xclang -verify=win,ifdef %s
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_IF_MSC -Xclang -verify=win,msc %s
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_DEFINED -Xclang -verify=win,mingw %s
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_SKIPPED -Xclang -verify=unix %s
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_SYSTEM_HEADER -isystem %S/Inputs/scope-sys -Xclang -verify=unix %s
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_PROJECT_HEADER -I %S/Inputs/scope-proj %s 2>&1 | FileCheck %s --check-prefix=PROJ
// RUN: rm -rf %t.v && mkdir -p %t.v/src && cp -r %S/Inputs/scope-vendored/deps %t.v/ && cp %s %t.v/src/t.c
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_VENDORED -I %t.v/deps/lib -Xclang -verify=unix %t.v/src/t.c
// RUN: %clang -target x86_64-pc-windows-msvc -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -Xclang -verify=win %s
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/t.c && printf 'targets: [x86_64-linux-gnu, x86_64-pc-windows-msvc]\n' > %t/.ptrcheck.yaml
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -Xclang -verify=explicit %t/t.c
// RUN: printf 'targets: [x86_64-linux-gnu, aarch64-linux-gnu]\n' > %t/.ptrcheck.yaml
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -DTEST_IFDEF -Xclang -verify=lp64 %t/t.c

#if defined(TEST_SYSTEM_HEADER)
#include <scope_sys.h>
#elif defined(TEST_VENDORED)
#include "vendored.h"
#elif defined(TEST_PROJECT_HEADER)
#include "scope_proj.h"
#elif defined(TEST_IFDEF)
#ifdef _WIN32 // ifdef-note 2 {{x86_64-pc-windows-msvc is checked because this translation unit tests '_WIN32' here (set 'targets' in .ptrcheck.yaml to choose the targets)}}
#endif
#elif defined(TEST_IF_MSC)
#if _MSC_VER >= 1900 // msc-note 2 {{x86_64-pc-windows-msvc is checked because this translation unit tests '_MSC_VER' here}}
#endif
#elif defined(TEST_DEFINED)
#define WANT_MINGW (defined(__MINGW32__) || 0)
#if defined(__MINGW32__) // mingw-note 2 {{tests '__MINGW32__' here}}
#endif
#elif defined(TEST_SKIPPED)
#if 0
#ifdef _WIN32 /* in a skipped block: not a test the preprocessor makes */
#endif
#endif
/* _WIN32 in a comment or a string is no test either */
static const char *name = "_WIN32";
#endif

long as_long(void *p) {
  return (long)p; // win-warning {{pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)}} win-note {{use 'uintptr_t'}} explicit-warning {{narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)}} explicit-note {{use 'uintptr_t'}}
}
// PROJ: ptr-truncation-scope.c:[[@LINE-2]]:10: warning: pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)
// PROJ: scope_proj.h:3:{{[0-9]+}}: note: x86_64-pc-windows-msvc is checked because this translation unit tests '_WIN64' here

unsigned as_unsigned(void *p) {
  return (unsigned)p; // unix-warning {{pointer converted to 'unsigned int', which is narrower than a pointer on x86_64-linux-gnu, aarch64-linux-gnu, arm64-apple-darwin (32 < 64 bits)}} unix-note {{use 'uintptr_t'}} win-warning {{narrower than a pointer on x86_64-linux-gnu, aarch64-linux-gnu, x86_64-pc-windows-msvc, arm64-apple-darwin (32 < 64 bits)}} win-note {{use 'uintptr_t'}} explicit-warning {{narrower than a pointer on x86_64-linux-gnu, x86_64-pc-windows-msvc (32 < 64 bits)}} explicit-note {{use 'uintptr_t'}} lp64-warning {{narrower than a pointer on x86_64-linux-gnu, aarch64-linux-gnu (32 < 64 bits)}} lp64-note {{use 'uintptr_t'}}
}
