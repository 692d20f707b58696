// ptrcheck-ptr-truncation as written: pointers stored in integers narrower than a pointer.
// The file tests _WIN32 (at its end), so 64-bit Windows is one of its targets.
// RUN: %clang -fsyntax-only -Wno-int-conversion -Wno-pointer-to-int-cast -Wno-int-to-pointer-cast -fplugin=%ptrcheck_plugin -Xclang -verify %s
#include <stdint.h>

long as_long(void *p) {
  return (long)p; // expected-warning {{pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits) [ptrcheck-ptr-truncation]}} expected-note {{use 'uintptr_t' to hold a pointer}}
}

unsigned as_unsigned(void *p) {
  return (unsigned)p; // expected-warning {{pointer converted to 'unsigned int', which is narrower than a pointer on x86_64-linux-gnu, aarch64-linux-gnu, x86_64-pc-windows-msvc, arm64-apple-darwin (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}

int implicit(void *p) {
  int v = p; // expected-warning {{pointer converted to 'int', which is narrower}} expected-note {{use 'uintptr_t'}}
  return v;
}

void *back(void *p) {
  return (void *)(uint32_t)(uintptr_t)p; // expected-warning {{pointer truncated to 32 bits and converted back to a pointer [ptrcheck-ptr-truncation]}} expected-note {{pointer bits dropped here, converted to 'uint32_t'}} expected-note {{converted to integer here}}
}

void *back_direct(void *p) {
  return (void *)(int)p; // expected-warning {{pointer truncated to 32 bits and converted back to a pointer}} expected-note {{pointer bits dropped here, converted to 'int'}} expected-note {{converted to integer here}}
}

void *back_long(void *p) { /* a pointer again, truncated only where long is narrower: reported once, there */
  return (void *)(long)p; // expected-warning {{pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}

long suppressed(void *p) {
  return (long)p; // NOLINT(ptrcheck-ptr-truncation)
}

#ifdef _WIN32 // expected-note 4 {{x86_64-pc-windows-msvc is checked because this translation unit tests '_WIN32' here (set 'targets' in .ptrcheck.yaml to choose the targets)}}
#endif
