// Idioms ptrcheck-int-roundtrip must stay silent on (by default).
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// expected-no-diagnostics
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

volatile uint32_t *const UART = (volatile uint32_t *)0x40001000u; // MMIO: an integer constant

void *mmio(void) { return (void *)0xfee00000u; }

unsigned long hash(const void *p) { return (uintptr_t)p * 2654435761u; }

int same(const void *a, const void *b) { return (uintptr_t)a == (uintptr_t)b; }

void print(const void *p) { printf("%lx\n", (unsigned long)(uintptr_t)p); }

ptrdiff_t distance(const char *a, const char *b) { return b - a; }

intptr_t keep_as_int(void *p) { intptr_t v = (intptr_t)p; return v + 1; }

void *align_up(void *p) { return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15); }

void *align_down(void *p) { return (void *)((uintptr_t)p & ~(uintptr_t)63); }

void *align_var(void *p, size_t a) { return (void *)(((uintptr_t)p + a - 1) & ~(a - 1)); }

void *align_neg(void *p, size_t a) { return (void *)(((uintptr_t)p + a - 1) & -a); }

void *align_rem(void *p) { return (void *)((uintptr_t)p - (uintptr_t)p % 4096); }

void *clear_tag(void *p) { return (void *)((uintptr_t)p & ~(uintptr_t)3); }

char *drop_const(const char *s) { return (char *)(uintptr_t)s; }

void *null_ptr(void) { return (void *)0; }
