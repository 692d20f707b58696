/* ptrcheck-ptr-truncation: every text the check reports, for its AST part (ast.c) and its IR part
 * (ir.c).  Macros rather than an array of strings so that the compiler still checks each format
 * against its arguments.  A hazard reads the same whichever layer reports it: the truncated round
 * trip is PT_TRUNCATED_ROUNDTRIP in both (the IR names the carrier of the bits when they left the
 * expression; the AST names the narrow type in its note).
 * Private to checks/ptr-truncation/. */
#ifndef PTRCHECK_PTR_TRUNCATION_MESSAGES_H
#define PTRCHECK_PTR_TRUNCATION_MESSAGES_H

/* ---- a pointer converted to a narrower integer (AST) */
/* the integer type, the compiling target, its bits, the target's pointer bits */
#define PT_NARROWER_HERE                                                                                              \
    "pointer converted to '%s', which is narrower than a pointer on the compiling target %s (%u < %u bits)"
/* the integer type, the targets (bits differ between them) */
#define PT_NARROWER_ON "pointer converted to '%s', which is narrower than a pointer on %s"
/* the integer type, the targets, the type's bits, the pointer bits on them */
#define PT_NARROWER_ON_BITS "pointer converted to '%s', which is narrower than a pointer on %s (%u < %u bits)"
/* the integer type */
#define PT_NOTE_USE_UINTPTR                                                                                           \
    "use 'uintptr_t' to hold a pointer, or cast through it ('(%s)(uintptr_t)p') if the truncation is intended"
#define PT_INTEGER "integer" /* the type when it has no spelling */
#define PT_TARGETS_SEP ", "

/* ---- a truncated pointer converted back to a pointer (both layers) */
/* bits, " in " or "", the carrier of the bits ("local 'v'", "the return value of 'g'") or "" */
#define PT_TRUNCATED_ROUNDTRIP "pointer truncated to %u bits%s%s and converted back to a pointer"
#define PT_IN " in "
/* IR, appended without a line (no -g): the function */
#define PT_IR_IN_FUNCTION " (in function '%s')"

/* ---- notes on a round trip: where the bits were dropped, where the pointer became an integer */
#define PT_NOTE_DROPPED_HERE "pointer bits dropped here, converted to '%s'" /* the narrow type */
#define PT_NOTE_PTOI_HERE "pointer converted to integer here"
/* IR: what happened (PT_ORIGIN_*) "here", or "in '<function>'" without the instruction's own place */
#define PT_NOTE_ORIGIN_HERE "%s here"
#define PT_NOTE_ORIGIN_IN "%s in '%s'"
#define PT_ORIGIN_PTOI "pointer converted to integer"
#define PT_ORIGIN_PUN "pointer stored in memory is read as an integer"
#define PT_ORIGIN_MEMCPY "pointer bits copied into integer memory"
#define PT_NOTE_INIT "pointer converted to integer in the initializer of '%s'" /* the global */

#endif
