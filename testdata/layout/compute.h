/* Cross-validation header for the plugin's own layout engine (plugin/engine/layout_compute.c): every
 * record here is laid out by clang (`ptrcheck layout gen`) and by the engine for the six default
 * targets, and the two tables must be identical (testdata/checks/offset-assumption/offset-assumption-crossval.test). */
#ifndef PTRCHECK_TEST_COMPUTE_H
#define PTRCHECK_TEST_COMPUTE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

struct scalars { bool b; char c; short s; int i; long l; long long ll; float f; double d; long double ld; void *p; };
struct ptrints { char c; size_t sz; char d; intptr_t ip; char e; ptrdiff_t pd; int64_t i64; char f; uint16_t u16; };
struct ld_after_char { char c; long double ld; };
struct ll_after_int { int i; long long ll; };
enum small { SMALL_A, SMALL_B };
struct with_enum { char c; enum small e; char d; };
struct arrays { char c; int a[3]; short m[2][3]; double d[2]; char tail; };
struct nested_arr { char c; struct ll_after_int items[2]; };
struct flex { short n; long data[]; };
struct flex_char { int n; char data[]; };
struct cplx { char c; _Complex double z; float _Complex fz; };

/* bit-fields */
struct bf_basic { unsigned a : 3; unsigned b : 5; unsigned c : 30; char d; };
struct bf_mixed { char a; unsigned short b : 4; unsigned int c : 12; unsigned char d : 2; long long e : 40; };
struct bf_zero { char a; int : 0; char b; };
struct bf_zero_first { int : 0; char a; };
struct bf_unnamed { char a; int : 3; char b; };
struct bf_ll { char a; unsigned long long b : 20; unsigned long long c : 30; };
struct bf_after_char { char a; unsigned b : 28; };
struct bf_bool { bool a : 1; bool b : 1; int c : 4; };
union bf_union { unsigned a : 3; unsigned long long b : 33; char c; };
struct bf_msvc_zero { int a; int : 0; int b : 3; int : 0; char c; };

/* packing and alignment */
struct __attribute__((packed)) pk { char c; int i; double d; short s; };
struct pk_field { char c; int i __attribute__((packed)); char d; };
struct __attribute__((packed)) pk_bf { char a; unsigned b : 12; unsigned c : 12; };
#pragma pack(push, 1)
struct pp1 { char c; long l; short s; };
#pragma pack(pop)
#pragma pack(push, 4)
struct pp4 { char c; double d; long long ll; };
#pragma pack(pop)
#pragma pack(push, 16)
struct pp16 { char c; double d; };
#pragma pack(pop)
#pragma pack(push, 2)
struct pp2_bf { char a; unsigned b : 15; unsigned c : 15; };
#pragma pack(pop)
struct al_field { char c; int i __attribute__((aligned(16))); char d; };
struct __attribute__((aligned(32))) al_rec { char c; };
struct al_nested { char c; struct al_rec r; char d; };
struct alignas_field { char c; _Alignas(8) char x; };
typedef int aligned_int __attribute__((aligned(8)));
struct al_typedef { char c; aligned_int i; };
#pragma pack(push, 2)
struct pp2_al { char c; int i __attribute__((aligned(8))); };
#pragma pack(pop)
struct __attribute__((packed, aligned(4))) pk_al { char c; int i; };

/* unions and anonymous members */
union u_mixed { char c; double d; long l; void *p; };
struct anon { int kind; union { long l; struct { short lo; short hi; }; double d; }; char tail; };
struct nested_named { char c; struct { char x; long y; } in; union { int a; char b[5]; } u; };
struct empty_bf_only { int : 0; };
struct wc { char c; wchar_t w; };

#endif
