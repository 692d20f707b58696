/* Minimal assertions for the engine unit tests: failures print "file:line: FAILED: expr" and are
 * counted; UNIT_SUMMARY() prints "N passed, N failed" and yields main's exit status. */
#ifndef PTRCHECK_UNIT_H
#define PTRCHECK_UNIT_H

#include <stdio.h>
#include <string.h>

typedef struct unit_counts_s {
    unsigned passed;
    unsigned failed;
} unit_counts_t;

/* One counter per test executable (each includes this header once, from its single .c file). */
static unit_counts_t unit_counts;

#define CHECK(expr)                                                           \
    do {                                                                      \
        if (expr) {                                                           \
            unit_counts.passed++;                                             \
        } else {                                                              \
            unit_counts.failed++;                                             \
            fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #expr); \
        }                                                                     \
    } while (0)

/* String equality, printing both sides on failure. */
#define CHECK_STR(actual, expected)                                                                \
    do {                                                                                           \
        const char *unit_a_ = (actual), *unit_e_ = (expected);                                     \
        if (unit_a_ && unit_e_ && strcmp(unit_a_, unit_e_) == 0) {                                 \
            unit_counts.passed++;                                                                  \
        } else {                                                                                   \
            unit_counts.failed++;                                                                  \
            fprintf(stderr, "%s:%d: FAILED: %s == %s\n  actual:   %s\n  expected: %s\n", __FILE__, \
                    __LINE__, #actual, #expected, unit_a_ ? unit_a_ : "(null)",                    \
                    unit_e_ ? unit_e_ : "(null)");                                                 \
        }                                                                                          \
    } while (0)

#define UNIT_SUMMARY()                                                              \
    (printf("%u passed, %u failed\n", unit_counts.passed, unit_counts.failed),     \
     unit_counts.failed ? 1 : 0)

#endif
