/* The slice-flow analysis (plugin/analysis/slice.c): slice headers ({data, len[, cap]} records)
 * whose data pointer or lengths reach the header through data flow -- a local assigned earlier
 * (`char *b = malloc(16); GoSlice s = {b, 32, 32}`), a length kept in a variable, or the arguments
 * of a call that builds the header in another function of the module.  Check-agnostic: it returns
 * what each such header claims and what is behind its data; the check that owns the hazard words
 * and reports it (checks/slice-forge/ir.c).  Free of LLVM types, so that the AST part of that
 * check can describe the headers.  Private to the engine and the checks; not installed. */
#ifndef PTRCHECK_PRIVATE_SLICE_H
#define PTRCHECK_PRIVATE_SLICE_H

#include <stddef.h>

#include "ptrcheck/ptrcheck.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- what the IR needs from the AST about slice-header records */

/* The layout of a slice-header record, as the AST saw it.  Strings are interned in the engine. */
typedef struct ptrcheck_slice_layout_s {
    const char *display;         /* "GoSlice", "struct iovec" */
    unsigned long long data_off; /* byte offsets of the fields */
    unsigned long long len_off;
    unsigned long long cap_off;
    int has_cap;
    const char *data_name, *len_name, *cap_name; /* field names (cap_name NULL without cap) */
    unsigned elem_bytes;         /* bytes per unit of len/cap: 1 for unit bytes and void/incomplete data */
    const char *elem_spelling;   /* pointee type spelling when elem_bytes counts elements, else NULL */
    unsigned long long bytes;    /* sizeof the record */
} ptrcheck_slice_layout_t;

/* Which struct types are slice headers: lookup(ctx, ir_name) is the layout of the header record
 * whose IR struct name (LLVM ".N" suffixes stripped, "struct.GoSlice") is ir_name, or NULL when that
 * name is not a slice header or names more than one record.  Without one (no frontend plugin) the
 * analysis finds nothing. */
typedef struct ptrcheck_slice_headers_s {
    const ptrcheck_slice_layout_t *(*lookup)(void *ctx, const char *ir_name);
    void *ctx;
} ptrcheck_slice_headers_t;

/* ---- results */

typedef enum ptrcheck_slice_flaw_e {
    PTRCHECK_SLICE_LEN_OVER_CAP = 0, /* len > cap */
    PTRCHECK_SLICE_OVER_DATA         /* len or cap, in bytes, exceeds the memory behind data */
} ptrcheck_slice_flaw_t;

/* The memory the data pointer points into. */
typedef enum ptrcheck_slice_mem_e {
    PTRCHECK_SLICE_MEM_LOCAL = 0, /* a local variable: name is its source name, or NULL */
    PTRCHECK_SLICE_MEM_ALLOC,     /* a heap block: name is the allocation function ("malloc") */
    PTRCHECK_SLICE_MEM_GLOBAL,    /* a global variable: name as C spells it */
    PTRCHECK_SLICE_MEM_STRING     /* a string literal: no name, no location */
} ptrcheck_slice_mem_t;

typedef struct ptrcheck_slice_memory_s {
    ptrcheck_slice_mem_t kind;
    const char *name;            /* interned; see kind */
    unsigned long long bytes;    /* its size */
    long long offset;            /* where data points into it (0 <= offset <= bytes) */
    ptrcheck_loc_t at;           /* its definition or allocation call; file NULL and raw 0 when unknown */
} ptrcheck_slice_memory_t;

/* One header that breaks len <= cap <= bytes behind data, where seeing it took data flow (a local,
 * a variable length, a call): what one initialiser shows is the AST's. */
typedef struct ptrcheck_slice_claim_s {
    ptrcheck_slice_flaw_t flaw;
    const ptrcheck_slice_layout_t *layout;
    int field;                   /* OVER_DATA: 1 when len claims too much, 2 when cap does */
    long long len, cap;          /* LEN_OVER_CAP: both; OVER_DATA: the one `field` names */
    ptrcheck_slice_memory_t data; /* OVER_DATA: the memory behind data */
    /* Where the header is: its variable (the alloca's site, with or without -g), else its function.
     * When builder is set the header is built by function `builder` (readable name, interned) from
     * its parameters, and judged at one of its calls: loc is that call, built the header's place in
     * builder (built_exact 0 when that is only the function's location). */
    ptrcheck_loc_t loc;
    const char *builder;
    ptrcheck_loc_t built;
    int built_exact;
} ptrcheck_slice_claim_t;

typedef struct ptrcheck_slice_flow_s {
    const ptrcheck_slice_claim_t *claims;
    size_t n;
} ptrcheck_slice_flow_t;

typedef struct ptrcheck_ir_module_s ptrcheck_ir_module_t; /* ptrcheck_private/ir.h */

/* The slice headers of module m that break their invariant, in module order.  Computed once per
 * module (ptrcheck_ir_module_result) with the headers of the first call; NULL when out of memory. */
const ptrcheck_slice_flow_t *ptrcheck_slice_flow(ptrcheck_ir_module_t *m, const ptrcheck_slice_headers_t *headers);

#ifdef __cplusplus
}
#endif
#endif
