/* Record layout for any configured target from a target-neutral record description (ast.h:
 * ptrcheck_rdesc_t), without a compiler: each target's data model and ABI rules (SysV/AAPCS-style
 * "Itanium" layout, or the Microsoft layout with its bit-field units).  Part of ptrcheck_layout (C11,
 * no libclang).  Cross-validated against clang's own layouts (`ptrcheck layout gen`) in
 * testdata/layout-compute/.
 *
 * The result is written as a ptrcheck_layout_record_t (layout.h) so that computed layouts and layouts
 * loaded from `layout-tables:` files are looked up the same way. */
#ifndef PTRCHECK_LAYOUT_COMPUTE_H
#define PTRCHECK_LAYOUT_COMPUTE_H

#include <ptrcheck/ast.h>
#include <ptrcheck/layout.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What layout needs to know about a target. */
typedef struct ptrcheck_abi_s {
    unsigned pointer_bytes;
    unsigned long_bytes;
    unsigned longlong_align; /* alignment of long long (and int64_t) inside records */
    unsigned double_align;
    unsigned longdouble_bytes, longdouble_align;
    unsigned wchar_bytes;
    int has_int128;
    int ms_layout;            /* Microsoft record layout (x86_64-pc-windows-msvc, ...) */
    int unnamed_bitfield_align; /* ARM/AArch64: unnamed and zero-width bit-fields raise the record's alignment */
} ptrcheck_abi_t;

/* 0 when ptrcheck has no layout rules for the triple (then use a layout table). */
PTRCHECK_API int ptrcheck_abi_for_triple(const char *triple, ptrcheck_abi_t *out);

/* Size and alignment of a scalar on a target; 0 when the target does not have it (__int128 on 32-bit). */
PTRCHECK_API unsigned ptrcheck_abi_scalar_size(const ptrcheck_abi_t *abi, ptrcheck_scalar_t s);
PTRCHECK_API unsigned ptrcheck_abi_scalar_align(const ptrcheck_abi_t *abi, ptrcheck_scalar_t s);

/* A record laid out: size/align in bytes, each field's bit offset and size in bytes (type size; 0 for a
 * flexible array), in the description's field order. */
typedef struct ptrcheck_rlayout_s {
    uint64_t size, align;
    uint64_t required_align; /* Microsoft layout: alignment required by aligned attributes */
    unsigned nfields;
    uint64_t *bit_offset;
    uint64_t *bytes;
} ptrcheck_rlayout_t;

/* Lays r out for abi (nested records recursively).  0 with err set when a member has no layout on the
 * target (e.g. __int128 on a 32-bit target).  Free with ptrcheck_rlayout_fini. */
PTRCHECK_API int ptrcheck_rlayout_compute(const ptrcheck_abi_t *abi, const ptrcheck_rdesc_t *r, ptrcheck_rlayout_t *out,
                                          ptrcheck_error_t *err);
/* The layout the description carries for the compiling target (clang's). */
PTRCHECK_API int ptrcheck_rlayout_here(const ptrcheck_rdesc_t *r, ptrcheck_rlayout_t *out, ptrcheck_error_t *err);
PTRCHECK_API void ptrcheck_rlayout_fini(ptrcheck_rlayout_t *l);

/* Adds r to tg as a table record named `name` (fields flattened as layout.h describes: "hdr",
 * "hdr.len", members of anonymous records in their parent), laid out for abi, or with the compiling
 * target's layout when abi is NULL.  Returns the record, NULL with err set on failure. */
PTRCHECK_API ptrcheck_layout_record_t *ptrcheck_layout_add_described(ptrcheck_layout_target_t *tg, const char *name,
                                                                     const ptrcheck_abi_t *abi,
                                                                     const ptrcheck_rdesc_t *r, ptrcheck_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
