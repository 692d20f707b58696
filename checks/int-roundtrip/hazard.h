/* ptrcheck-int-roundtrip: which hazard a conversion back to a pointer is, and its text, for both
 * parts of the check.  Each part says what was done to the bits (IRT_DONE_*, from its own
 * analysis); irt_hazard picks the hazard by the same precedence for both, so a hazard reads the
 * same whichever layer reports it.  Private to checks/int-roundtrip/. */
#ifndef PTRCHECK_INT_ROUNDTRIP_HAZARD_H
#define PTRCHECK_INT_ROUNDTRIP_HAZARD_H

#include <stdio.h>

#include "messages.h"

/* What was done to the pointer bits on the way (a set). */
enum {
    IRT_DONE_XOR = 1u << 0,     /* '^', '~' */
    IRT_DONE_MIX = 1u << 1,     /* combined with another pointer or a value not known to be small */
    IRT_DONE_SETBITS = 1u << 2, /* '|' with a small value */
    IRT_DONE_MASK = 1u << 3,    /* '&' with a constant that is not an alignment mask */
    IRT_DONE_OTHER = 1u << 4,   /* shifts, '*', '/', '%' */
    IRT_DONE_ARITH = 1u << 5,   /* '+', '-' */
    IRT_DONE_UNTAG = 1u << 6,   /* bits set and cleared again */
    IRT_DONE_TOGGLE = 1u << 7   /* '^' with a small value */
};

typedef enum irt_hazard_e {
    IRT_H_STRAIGHT = 0, /* nothing done */
    IRT_H_XOR,
    IRT_H_MIX,
    IRT_H_SETBITS,
    IRT_H_TOGGLE,
    IRT_H_MASK,
    IRT_H_TRANSFORMED,
    IRT_H_ARITH,
    IRT_H_UNTAG
} irt_hazard_t;

/* The hazard of done (IRT_DONE_*), the first of: XOR, mix, set bits, toggled bits, mask, transformed,
 * arithmetic, untag, straight back. */
static inline irt_hazard_t irt_hazard(unsigned done)
{
    return (done & IRT_DONE_XOR)       ? IRT_H_XOR
           : (done & IRT_DONE_MIX)     ? IRT_H_MIX
           : (done & IRT_DONE_SETBITS) ? IRT_H_SETBITS
           : (done & IRT_DONE_TOGGLE)  ? IRT_H_TOGGLE
           : (done & IRT_DONE_MASK)    ? IRT_H_MASK
           : (done & IRT_DONE_OTHER)   ? IRT_H_TRANSFORMED
           : (done & IRT_DONE_ARITH)   ? IRT_H_ARITH
           : (done & IRT_DONE_UNTAG)   ? IRT_H_UNTAG
                                       : IRT_H_STRAIGHT;
}

/* The text of hazard h into msg; via is the carrier ("" when the bits never left one expression's
 * or one function's values). */
static inline void irt_text(char *msg, size_t size, irt_hazard_t h, const char *via)
{
    const char *through = via && via[0] ? IRT_THROUGH : "";
    via = via ? via : "";
    switch (h) {
    case IRT_H_XOR: snprintf(msg, size, IRT_XOR, through, via); break;
    case IRT_H_MIX: snprintf(msg, size, IRT_MIX, through, via); break;
    case IRT_H_SETBITS: snprintf(msg, size, IRT_SETBITS, through, via); break;
    case IRT_H_TOGGLE: snprintf(msg, size, IRT_TOGGLE, through, via); break;
    case IRT_H_MASK: snprintf(msg, size, IRT_MASK, through, via); break;
    case IRT_H_TRANSFORMED: snprintf(msg, size, IRT_TRANSFORMED, through, via); break;
    case IRT_H_ARITH: snprintf(msg, size, IRT_ARITH, through, via); break;
    case IRT_H_UNTAG: snprintf(msg, size, IRT_UNTAG, through, via); break;
    case IRT_H_STRAIGHT:
    default: snprintf(msg, size, IRT_STRAIGHT_BACK, through, via); break;
    }
}

/* The text of an aligned pointer: builtin is IRT_BUILTIN_*. */
static inline void irt_aligned_text(char *msg, size_t size, const char *via, const char *builtin)
{
    snprintf(msg, size, IRT_ALIGNED, via && via[0] ? IRT_THROUGH : "", via ? via : "", builtin);
}

#endif
