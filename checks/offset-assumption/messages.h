/* ptrcheck-offset-assumption: every text the check reports (it has an AST part only, ast.c).
 * Macros rather than an array of strings so that the compiler still checks each format against its
 * arguments.  Private to checks/offset-assumption/. */
#ifndef PTRCHECK_OFFSET_ASSUMPTION_MESSAGES_H
#define PTRCHECK_OFFSET_ASSUMPTION_MESSAGES_H

/* ---- layout tables (`layout-tables:` of the configuration) */
#define OA_MSG_TABLE_ERROR "layout table '%s': %s" /* table, error (no line to put it on) */
#define OA_MSG_TABLE_TARGET_UNUSED                                                                                    \
    "layout table has target '%s', which is not in the configured 'targets'; its layouts are not used"

/* ---- a byte offset into a record: "byte offset 24 into 'struct s' <meaning> ..." */
/* offset, record */
#define OA_MSG_PADDING_HERE "byte offset %lld into '%s' lands in padding on the compiling target"
/* offset, record, sizeof */
#define OA_MSG_PAST_END_HERE "byte offset %lld is past the end of '%s' (sizeof is %llu) on the compiling target"
/* offset, record, meaning here, OA_USE, fix */
#define OA_MSG_PORTABLE "byte offset %lld into '%s' %s on every configured target%s%s"
/* offset, record, meaning here, what it is on the other targets (OA_ON_TARGETS), OA_USE, fix */
#define OA_MSG_DIFFERS "byte offset %lld into '%s' %s here but %s%s%s"

/* what an offset is on a target */
#define OA_IS_FIELD "is field '%s'"
#define OA_IS_BYTE_OF_FIELD "is byte %llu of field '%s'"
#define OA_IS_END "is the end of the struct"
#define OA_INSIDE_FIELD "lands inside field '%s'"
#define OA_IN_PADDING "lands in padding"
#define OA_PAST_END "is past the end (sizeof is %llu)"
#define OA_RUNS_PAST_END "runs past the end (sizeof is %llu)" /* an access that starts at the field */
#define OA_NO_FIELD "has no field '%s'"

/* ---- container_of arithmetic: "container_of arithmetic subtracts 8 from a pointer to ..." */
/* offset, pointee type, record, offset */
#define OA_MSG_CONTAINER_NO_MEMBER                                                                                    \
    "container_of arithmetic subtracts %lld from a pointer to '%s', but no member of '%s' of that type is at "       \
    "offset %lld on the compiling target"
/* offset, member, record, its offset here, OA_USE, fix */
#define OA_MSG_CONTAINER_WRONG_HERE                                                                                   \
    "container_of arithmetic subtracts %lld from a pointer to member '%s' of '%s', but its offset is %llu on the "   \
    "compiling target%s%s"
/* offset, member, record, OA_USE, fix */
#define OA_MSG_CONTAINER_PORTABLE                                                                                     \
    "container_of arithmetic subtracts %lld from a pointer to member '%s' of '%s', its offset on every configured "  \
    "target%s%s"
/* offset, member, record, offset, its offsets on the other targets (OA_ON_TARGETS), OA_USE, fix */
#define OA_MSG_CONTAINER_DIFFERS                                                                                      \
    "container_of arithmetic subtracts %lld from a pointer to member '%s' of '%s': offsetof is %lld here but "       \
    "%s%s%s"
#define OA_OFFSET_IS "%llu"        /* a member's offset on a target */
#define OA_OFFSET_MISSING "missing" /* the target's record has no such member */

/* ---- static assertions */
/* " '", condition, "'" (all three empty without the condition's text), the failing targets */
#define OA_MSG_ASSERT_FAILS_ELSEWHERE "static assertion%s%s%s holds here but fails on %s"
#define OA_ASSERT_LEAF "(%s is %lld)" /* a leaf of the condition and its value on a target */

/* ---- pieces */
#define OA_ON_TARGETS "%s%s on %s"      /* OA_AND or "", what, targets */
#define OA_AND " and "
#define OA_TARGET_SEP ", "
#define OA_USE "; use "                 /* before a fix */
#define OA_ANONYMOUS_RECORD "(anonymous record)"
#define OA_FIX_OFFSETOF "offsetof(%s, %s)"
#define OA_FIX_OFFSETOF_PLUS "offsetof(%s, %s) + %llu"
#define OA_FIX_SIZEOF "sizeof(%s)"

#endif
