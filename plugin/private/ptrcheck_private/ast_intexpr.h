/* Pointer bits inside one integer expression of the AST (plugin/engine/ast_intexpr.c): what an
 * int->ptr conversion's operand did to the pointers converted to integers within it, e.g.
 * (T *)((uintptr_t)p + 8).  Check-agnostic: it returns what it saw; the checks that own the
 * hazards word and report them (checks/int-roundtrip/ast.c, checks/ptr-truncation/ast.c).
 * Private to the engine and the checks; not installed. */
#ifndef PTRCHECK_PRIVATE_AST_INTEXPR_H
#define PTRCHECK_PRIVATE_AST_INTEXPR_H

#include "ptrcheck/ast.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What was done to the pointer bits on the way to the conversion back (a set). */
enum {
    PTRCHECK_INTEXPR_ARITH = 1u << 0,   /* + - (binary and unary) */
    PTRCHECK_INTEXPR_SETBITS = 1u << 1, /* | with a small value (a constant, bool, char, x & small) */
    PTRCHECK_INTEXPR_MASK = 1u << 2,    /* & constant that is not an alignment mask */
    PTRCHECK_INTEXPR_XOR = 1u << 3,     /* ^ ~ */
    PTRCHECK_INTEXPR_MIX = 1u << 4,     /* two pointers combined, or | with a value not known to be small */
    PTRCHECK_INTEXPR_OTHER = 1u << 5,   /* * / % << >> */
    PTRCHECK_INTEXPR_TOGGLE = 1u << 6   /* ^ with a small value (tag bits toggled) */
};

#define PTRCHECK_INTEXPR_MAX_PTOI 8

typedef struct ptrcheck_intexpr_s {
    /* the pointer->integer conversions feeding the result, in source order (the first
     * PTRCHECK_INTEXPR_MAX_PTOI of them); nptoi 0: no pointer bits inside the expression */
    const ptrcheck_expr_t *ptoi[PTRCHECK_INTEXPR_MAX_PTOI];
    unsigned nptoi;
    unsigned ops;                  /* PTRCHECK_INTEXPR_* */
    const ptrcheck_expr_t *trunc;  /* an integer conversion that drops pointer bits, or NULL */
    const ptrcheck_expr_t *operand; /* the conversion's operand through integer casts */
    unsigned host_ptr_bits;        /* pointer width of the compiling target */
} ptrcheck_intexpr_t;

/* Scans the operand of cast, an int->ptr conversion with one operand.  Returns out->nptoi (0 when
 * no pointer is converted to an integer inside it, or cast has no single operand). */
unsigned ptrcheck_intexpr_scan(const ptrcheck_expr_t *cast, ptrcheck_intexpr_t *out);
/* 1 when the integer expression x carries bits of a pointer converted within it. */
int ptrcheck_intexpr_carries_ptr(const ptrcheck_expr_t *x);
/* Which way an alignment idiom rounds. */
enum { PTRCHECK_INTEXPR_ALIGN_UP = 1, PTRCHECK_INTEXPR_ALIGN_DOWN = 2 };
/* PTRCHECK_INTEXPR_ALIGN_UP or _DOWN when the operand x ((p + a-1) & ~(a-1), p & ~(a-1), p - p % a,
 * p + (a - p % a) % a, ...) is the same pointer, aligned; else 0. */
unsigned ptrcheck_intexpr_is_align_idiom(const ptrcheck_expr_t *x);

#ifdef __cplusplus
}
#endif
#endif
