/* ptrcheck-int-roundtrip: every text the check reports, for its AST part (ast.c) and its IR part
 * (ir.c).  Macros rather than an array of strings so that the compiler still checks each format
 * against its arguments.  A hazard reads the same whichever layer reports it: both parts pick the
 * text by the same rules (what was done to the bits, in the order XOR, mix, set bits, toggled bits, mask,
 * transformed, arithmetic) and differ only in naming the carrier, which only the IR part sees.
 * Private to checks/int-roundtrip/. */
#ifndef PTRCHECK_INT_ROUNDTRIP_MESSAGES_H
#define PTRCHECK_INT_ROUNDTRIP_MESSAGES_H

/* ---- findings: one text per hazard, whichever layer reports it.
 * Arguments: through = IRT_THROUGH or "", via = the carrier of the bits ("local 'u'", "field 'raw'
 * of 'struct handle'", "the return value of 'g'") or "".  The AST part sees one expression, so it
 * passes "" and "" (the bits never left the expression); the IR part names the last carrier. */

/* nothing done to the bits: (T *)(uintptr_t)p; inside one expression only with strict-provenance */
#define IRT_STRAIGHT_BACK "pointer converted to an integer and back to a pointer%s%s" /* through, via */

/* aligned through an integer, reported only with strict-provenance; the last argument is the
 * builtin(s) to use (IRT_BUILTIN_*) */
#define IRT_ALIGNED "pointer aligned as an integer%s%s and converted back to a pointer; use %s to keep its provenance"
#define IRT_BUILTIN_UP "__builtin_align_up"
#define IRT_BUILTIN_DOWN "__builtin_align_down"
#define IRT_BUILTIN_BOTH "__builtin_align_up/__builtin_align_down"

/* XOR (also '~', an XOR with all ones) */
#define IRT_XOR                                                                                                       \
    "pointer mixed with another value by XOR and converted back to a pointer%s%s; the result points at no object "  \
    "the compiler can track"
/* combined with another pointer, or with a value not known to be small ('|', '&', '+', '-') */
#define IRT_MIX                                                                                                       \
    "pointer combined with another value and converted back to a pointer%s%s; the result points at no object the " \
    "compiler can track"

/* bits set with '|' (a constant, or a value known to fit in the low bits) */
#define IRT_SETBITS                                                                                                   \
    "pointer bits set with '|' and used as a pointer%s%s; the result does not point at the original object"

/* tag bits toggled with '^' (a constant, or a value known to fit in the low bits) */
#define IRT_TOGGLE                                                                                                    \
    "pointer tag bits toggled with '^' and used as a pointer%s%s; the result does not point at the original object"

/* bits masked with '&' (a constant that is not an alignment mask) */
#define IRT_MASK "pointer bits masked with '&' and used as a pointer%s%s; the result does not point at the original object"

/* offset: '+' and '-' */
#define IRT_ARITH                                                                                                     \
    "pointer arithmetic done on an integer and converted back to a pointer%s%s; do the arithmetic on a 'char *' "  \
    "instead"
#define IRT_FIXIT_CHAR "(char *)"
#define IRT_FIXIT_CONST_CHAR "(const char *)"

/* anything else: shifts, multiplication, division, remainder */
#define IRT_TRANSFORMED "pointer converted to an integer, transformed and converted back to a pointer%s%s"

/* bits set and cleared again (the IR part follows a tag through variables) */
#define IRT_UNTAG "pointer converted to an integer, tagged and untagged, and converted back to a pointer%s%s"

#define IRT_THROUGH " through "
/* IR, without a line (no -g): the message, the function */
#define IRT_IN_FUNCTION "%s (in function '%s')"

/* ---- notes: where the pointer became an integer: what happened (IRT_ORIGIN_*) "here", or (IR,
 * without the instruction's own place) "in '<function>'" */
#define IRT_NOTE_ORIGIN_HERE "%s here"
#define IRT_NOTE_ORIGIN_IN "%s in '%s'"
#define IRT_ORIGIN_PTOI "pointer converted to integer"
#define IRT_ORIGIN_PUN "pointer stored in memory is read as an integer"
#define IRT_ORIGIN_MEMCPY "pointer bits copied into integer memory"
#define IRT_NOTE_INIT "pointer converted to integer in the initializer of '%s'" /* the global */

#endif
