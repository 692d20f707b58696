// Silent cases of ptrcheck-ptr-truncation.
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// expected-no-diagnostics
#include <stddef.h>
#include <stdint.h>

uintptr_t as_uintptr(void *p) { return (uintptr_t)p; }
intptr_t as_intptr(void *p) { return (intptr_t)p; }
size_t as_size(void *p) { return (size_t)p; }
unsigned long long as_ull(void *p) { return (unsigned long long)p; }
unsigned seed(void *p) { return (unsigned)(uintptr_t)p; } /* deliberate: a seed, never a pointer again */
uint32_t id32(const void *p) { return (uint32_t)(uintptr_t)p ^ 0x9e3779b9u; }
int is_null(void *p) { return !p; }
_Bool to_bool(void *p) { return (_Bool)p; }
/* The compiler's own pointer-sized type macros follow the target (sqlite's SQLITE_PTR_TO_INT). */
int ptr_to_int_macro(void *p) { return (int)(__PTRDIFF_TYPE__)p; }
__INTPTR_TYPE__ as_intptr_macro(void *p) { return (__INTPTR_TYPE__)p; }
