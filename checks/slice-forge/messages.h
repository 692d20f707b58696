/* ptrcheck-slice-forge: every text the check reports, for its AST part (ast.c) and its IR part
 * (ir.c) alike, so that a hazard reads the same whichever layer finds it.  Macros rather than an
 * array of strings so that the compiler still checks each format against its arguments.
 * Private to checks/slice-forge/. */
#ifndef PTRCHECK_SLICE_FORGE_MESSAGES_H
#define PTRCHECK_SLICE_FORGE_MESSAGES_H

#include <stdio.h>

#include "ptrcheck_private/slice.h"

/* ---- what a header claims (follows "'<header>' header ") */
/* len, cap: "len 40" or "len 40 (160 bytes of 'int')" (SF_AMOUNT*) */
#define SF_AMOUNT "%s %lld"
#define SF_AMOUNT_ELEMS "%s %lld (%lld bytes of '%s')"
#define SF_AMOUNT_ELEM_FALLBACK "element"
/* amount, bytes of the memory, the memory (SF_MEM_*) */
#define SF_CLAIM_EXCEEDS "claims %s, which exceeds the %llu bytes of %s"
/* amount, bytes left, the memory, data field, offset of data, bytes of the memory */
#define SF_CLAIM_EXCEEDS_LEFT "claims %s, which exceeds the %lld bytes left in %s (%s points %lld bytes into its %llu)"
/* amount, data field */
#define SF_CLAIM_NULL_DATA "claims %s with a null %s"
/* len field, len, cap field, cap */
#define SF_CLAIM_LEN_OVER_CAP "claims %s %lld > %s %lld"

/* ---- findings */
#define SF_HEADER "'%s' header " /* header; a claim follows */
/* header, claim */
#define SF_MSG_HEADER SF_HEADER "%s"
/* header, function that builds it from its parameters, claim (IR) */
#define SF_MSG_BUILT_BY_CALL "'%s' header built by '%s' from this call %s"
/* header, field, operand of sizeof, its size */
#define SF_MSG_SIZEOF_POINTER                                                                                         \
    "'%s' header's %s is sizeof(%s), the size of the pointer (%lld bytes), not of the data it points to"
/* header, len field, cap field, len field, difference, cap field */
#define SF_MSG_ALWAYS_MORE "'%s' header claims %s > %s: %s is always %lld more than %s"
/* header, field written, other field, sign, constant, len field, cap field */
#define SF_MSG_FIELD_SET "'%s' header: %s set to %s %c %lld makes %s > %s"
/* header, raw element type, source text, data field, len field */
#define SF_MSG_MEMCPY_RAW                                                                                             \
    "'%s' header filled with raw bytes ('%s' from '%s') by memcpy: its %s and %s are whatever the bytes say, not a " \
    "pointer and the size of its memory"
#define SF_MSG_REINTERPRET_RAW                                                                                        \
    "'%s' header forged by reinterpreting '%s' memory ('%s') as one: its %s and %s are whatever the bytes say, not " \
    "a pointer and the size of its memory"
#define SF_REINTERPRET_SOURCE_STRING "a string literal"
#define SF_REINTERPRET_SOURCE_OTHER "the bytes this expression points to"

/* ---- notes */
#define SF_NOTE_ALLOCATED "%llu bytes allocated here"   /* bytes */
#define SF_NOTE_HAS_BYTES "%s has %llu bytes"           /* the memory, bytes */
#define SF_NOTE_DECLARED_POINTER "'%s' is declared here as a pointer"
#define SF_NOTE_BUILT_HERE "the header is built here"
#define SF_NOTE_BUILT_FROM_PARAMS "'%s' builds the header from its parameters" /* function */

/* ---- names */
#define SF_ANONYMOUS_RECORD "(anonymous struct)" /* a header record without tag or typedef */

/* ---- the memory behind data */
#define SF_MEM_NAMED "'%s'"                  /* a variable */
#define SF_MEM_LOCAL "the local variable"    /* an unnamed local */
#define SF_MEM_BLOCK "the block from '%s'"   /* allocation function */
#define SF_MEM_STRING "the string literal"
#define SF_MEM_COMPOUND "the compound literal"

/* Writes SF_HEADER for the header named display into buf; returns where its claim goes (at most
 * size - 1, so that buf + result has room for at least the terminator). */
static inline size_t sf_header(char *buf, size_t size, const char *display)
{
    int n = snprintf(buf, size, SF_HEADER, display);
    if (n < 0)
        return 0;
    return (size_t)n < size ? (size_t)n : size - 1;
}

/* "len 40", "len 40 (160 bytes of 'int')": n units of field of the header l. */
static inline void sf_amount(char *buf, size_t size, const ptrcheck_slice_layout_t *l, const char *field, long long n)
{
    if (l->elem_bytes > 1)
        snprintf(buf, size, SF_AMOUNT_ELEMS, field, n, n * (long long)l->elem_bytes,
                 l->elem_spelling ? l->elem_spelling : SF_AMOUNT_ELEM_FALLBACK);
    else
        snprintf(buf, size, SF_AMOUNT, field, n);
}

/* The claim that amount exceeds the memory `what` of `bytes` bytes that data points offset bytes into. */
static inline void sf_claim_exceeds(char *buf, size_t size, const ptrcheck_slice_layout_t *l, const char *amount,
                                    unsigned long long bytes, long long offset, const char *what)
{
    if (offset == 0)
        snprintf(buf, size, SF_CLAIM_EXCEEDS, amount, bytes, what);
    else
        snprintf(buf, size, SF_CLAIM_EXCEEDS_LEFT, amount, (long long)bytes - offset, what, l->data_name, offset,
                 bytes);
}

#endif
