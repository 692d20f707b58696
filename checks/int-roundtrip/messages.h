/* ptrcheck-int-roundtrip: every text the check reports, for its AST part (ast.c) and its IR part
 * (ir.c).  Macros rather than an array of strings so that the compiler still checks each format
 * against its arguments.  Where the two layers word the same hazard differently, both wordings
 * are here side by side (IRT_AST_* and IRT_IR_*): the findings of each layer are kept as they were
 * when the layers were split; making them read the same changes findings.
 * Private to checks/int-roundtrip/. */
#ifndef PTRCHECK_INT_ROUNDTRIP_MESSAGES_H
#define PTRCHECK_INT_ROUNDTRIP_MESSAGES_H

/* ---- findings, by what was done to the pointer bits
 * AST arguments: ity = the integer type the pointer was converted to.
 * IR arguments: through = " through " or "" (" in " / ""), via = the carrier of the bits
 * ("'n' in 'f'", "the return value of 'g'") or "". */

/* (T *)(uintptr_t)p, reported only with strict-provenance */
#define IRT_AST_STRAIGHT_BACK                                                                                         \
    "pointer converted to '%s' and straight back to a pointer; the round trip discards its provenance" /* ity */
#define IRT_IR_STRAIGHT_BACK "pointer converted to an integer and back to a pointer%s%s" /* through, via */

/* aligned through an integer, reported only with strict-provenance */
#define IRT_AST_ALIGNED                                                                                               \
    "pointer aligned through an integer; use __builtin_align_up or __builtin_align_down to keep its provenance"
/* through, via, the builtin(s) to use (IRT_BUILTIN_*) */
#define IRT_IR_ALIGNED                                                                                                \
    "pointer aligned as an integer%s%s and converted back to a pointer; use %s to keep its provenance"
#define IRT_BUILTIN_UP "__builtin_align_up"
#define IRT_BUILTIN_DOWN "__builtin_align_down"
#define IRT_BUILTIN_BOTH "__builtin_align_up/__builtin_align_down"

/* XOR, or two values mixed: the operators (IRT_AST_OPS_*) */
#define IRT_AST_MIXED_POINTERS                                                                                        \
    "pointers mixed as integers (%s) and converted back to a pointer; the result points at no object the "         \
    "compiler can track"
#define IRT_AST_MIXED                                                                                                 \
    "pointer mixed with another value as an integer (%s) and converted back to a pointer; the result points at no " \
    "object the compiler can track"
#define IRT_AST_OPS_XOR "'^'"
#define IRT_AST_OPS_MIX "'|', '&', '+' or '-' of two values"
#define IRT_IR_XOR "pointer mixed with another value by XOR and converted back to a pointer%s%s"
#define IRT_IR_MIX "pointer combined with another value and converted back to a pointer%s%s"

/* bits set with '|' */
#define IRT_AST_SETBITS                                                                                               \
    "bits set in a pointer with '|' and the result used as a pointer; it no longer points at the object it came from"
#define IRT_IR_SETBITS                                                                                                \
    "pointer bits set with '|' and used as a pointer%s%s; the result does not point at the original object"

/* bits masked with '&' */
#define IRT_AST_MASK "pointer bits masked with '&' and the result used as a pointer"
#define IRT_IR_MASK                                                                                                   \
    "pointer bits masked with '&' and used as a pointer%s%s; the result does not point at the original object"

/* arithmetic */
#define IRT_AST_ARITH                                                                                                 \
    "pointer arithmetic done on an integer ('%s') and converted back to a pointer; do the arithmetic on a 'char *' " \
    "instead" /* ity */
#define IRT_IR_ARITH "pointer arithmetic done on an integer and converted back to a pointer%s%s"
#define IRT_FIXIT_CHAR "(char *)"
#define IRT_FIXIT_CONST_CHAR "(const char *)"

/* bits set and cleared again (IR only) */
#define IRT_IR_UNTAG "pointer converted to an integer, tagged and untagged, and converted back to a pointer%s%s"

/* anything else */
#define IRT_AST_TRANSFORMED "pointer converted to an integer ('%s'), transformed, and converted back to a pointer"
/* the IR's fallback is IRT_IR_STRAIGHT_BACK */

#define IRT_INTEGER "integer" /* ity when the type has no spelling */
#define IRT_IR_THROUGH " through "
/* IR, without a line (no -g): the message, the function */
#define IRT_IR_IN_FUNCTION "%s (in function '%s')"

/* ---- notes: where the pointer became an integer */
#define IRT_NOTE_PTOI_HERE "pointer converted to integer here"
/* IR: what happened (IRT_ORIGIN_*) "here", or "in '<function>'" without the instruction's own place */
#define IRT_NOTE_ORIGIN_HERE "%s here"
#define IRT_NOTE_ORIGIN_IN "%s in '%s'"
#define IRT_ORIGIN_PTOI "pointer converted to integer"
#define IRT_ORIGIN_PUN "pointer stored in memory is read as an integer"
#define IRT_ORIGIN_MEMCPY "pointer bits copied into integer memory"
#define IRT_NOTE_INIT "pointer converted to integer in the initializer of '%s'" /* the global */

#endif
