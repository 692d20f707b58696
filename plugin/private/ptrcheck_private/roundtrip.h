/* The round-trip flow analysis (plugin/analysis/roundtrip.c): the places where pointer bits that
 * lived as integers -- through locals, fields, globals, parameters, return values and memory --
 * become a pointer again, with what was done to the bits on the way.  Check-agnostic: it returns
 * the conversions; the checks that own the hazards judge and word them (checks/int-roundtrip/ir.c,
 * checks/ptr-truncation/ir.c).  Private to the engine and the checks; not installed. */
#ifndef PTRCHECK_PRIVATE_ROUNDTRIP_H
#define PTRCHECK_PRIVATE_ROUNDTRIP_H

#include <stddef.h>

#include "ptrcheck/ptrcheck.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Path classes: what was done to the pointer bits on the way (a set, joined over all paths). */
enum {
    PTRCHECK_RT_PLAIN = 1u << 0,      /* nothing */
    PTRCHECK_RT_ADDC = 1u << 1,       /* a constant added */
    PTRCHECK_RT_ARITH = 1u << 2,      /* other arithmetic */
    PTRCHECK_RT_SETBITS = 1u << 3,    /* '|' with a constant */
    PTRCHECK_RT_MASK = 1u << 4,       /* '&' with a constant that is not an alignment mask */
    PTRCHECK_RT_ALIGN_UP = 1u << 5,   /* (x + (2^k-1)) & -2^k, or the same written with remainders */
    PTRCHECK_RT_ALIGN_DOWN = 1u << 6, /* x & -2^k, x - x % a, ... */
    PTRCHECK_RT_UNTAG = 1u << 7,      /* bits set with '|' or toggled with '^' and cleared again */
    PTRCHECK_RT_XOR = 1u << 8,        /* '^' */
    PTRCHECK_RT_MIX = 1u << 9,        /* combined with another pointer or a non-constant */
    PTRCHECK_RT_TRUNC = 1u << 10,     /* narrower than a pointer at some point (trunc_bits) */
    PTRCHECK_RT_OTHER = 1u << 11,     /* with PTRCHECK_RT_ARITH: a shift, multiplication or division */
    PTRCHECK_RT_TOGGLE = 1u << 12     /* '^' with a small value: tag bits toggled */
};
#define PTRCHECK_RT_ALIGN (PTRCHECK_RT_ALIGN_UP | PTRCHECK_RT_ALIGN_DOWN)

/* Where the bits became an integer. */
typedef enum ptrcheck_rt_origin_e {
    PTRCHECK_RT_ORIGIN_NONE = 0,  /* not known (a constant expression) */
    PTRCHECK_RT_ORIGIN_PTRTOINT,  /* a pointer converted to an integer */
    PTRCHECK_RT_ORIGIN_PUN,       /* a pointer stored in memory read as an integer */
    PTRCHECK_RT_ORIGIN_MEMCPY,    /* pointer bits copied byte-wise into integer memory */
    PTRCHECK_RT_ORIGIN_INIT       /* a pointer converted to an integer in a global's initializer */
} ptrcheck_rt_origin_t;

/* One place where pointer-derived integer bits become a pointer: an inttoptr (instruction or constant
 * expression) of such bits, or a pointer read of memory that holds changed pointer bits. */
typedef struct ptrcheck_rt_conv_s {
    unsigned paths;          /* PTRCHECK_RT_*; never 0 */
    unsigned trunc_bits;     /* with PTRCHECK_RT_TRUNC: the narrowest width the bits went through */
    /* 1 when on every path the bits came from a pointer the program only converts to integers and
     * that holds no object's address made in the module (an integer boxed in a pointer slot:
     * GINT_TO_POINTER, a thread's return value) */
    int boxed;
    /* 1 when the rebuilt pointer is only compared (through casts and local variables): never
     * dereferenced, stored elsewhere, passed or returned (an address wrap-around test) */
    int compared_only;
    ptrcheck_loc_t loc;      /* the conversion; line 0 without debug info */
    const char *fn;          /* the function it is in, readable */
    /* The last carrier of the bits, as a place ("'n' in 'f'", "the return value of 'g'",
     * "parameter 'x' of 'f'"), or "" when the bits never left the function's values. */
    const char *via;
    ptrcheck_rt_origin_t origin;
    /* Where the bits became an integer, when that place is known and is not loc (file NULL
     * otherwise); origin_exact 0 when it is only its function's location.  origin_name: the global
     * (ORIGIN_INIT, as C spells it), else the readable name of the function. */
    ptrcheck_loc_t origin_loc;
    int origin_exact;
    const char *origin_name;
} ptrcheck_rt_conv_t;

typedef struct ptrcheck_roundtrip_s {
    const ptrcheck_rt_conv_t *convs; /* in module order */
    size_t n;
} ptrcheck_roundtrip_t;

typedef struct ptrcheck_ir_module_s ptrcheck_ir_module_t; /* ptrcheck_private/ir.h */

/* The conversions of module m back to pointers of pointer-derived integers.  Computed once per
 * module (ptrcheck_ir_module_result); NULL when out of memory. */
const ptrcheck_roundtrip_t *ptrcheck_roundtrip(ptrcheck_ir_module_t *m);

#ifdef __cplusplus
}
#endif
#endif
