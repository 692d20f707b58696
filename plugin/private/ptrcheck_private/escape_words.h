/* The wording of an escape's route and of its steps through callees (ptrcheck_private/escape_route.h),
 * shared by the checks that report escapes (checks/stack-escape, checks/borrowed-escape: their
 * messages.h name this table), so a route reads the same in both.  Check wording, not the
 * analysis's: plugin/analysis/escape.c never includes it. */
#ifndef PTRCHECK_PRIVATE_ESCAPE_WORDS_H
#define PTRCHECK_PRIVATE_ESCAPE_WORDS_H

#include "ptrcheck_private/escape_route.h"

static const char *const ptrcheck_escape_route_words[PTRCHECK_ESCAPE_PH_COUNT] = {
    [PTRCHECK_ESCAPE_PH_INTO] = "into %s",
    [PTRCHECK_ESCAPE_PH_GLOBAL_REACH] = "into memory reachable from global '%s'",
    [PTRCHECK_ESCAPE_PH_GLOBAL_REACH_AT] = "into %s, reachable from global '%s'",
    [PTRCHECK_ESCAPE_PH_PARAM_MEMORY] = "into the memory parameter %s points to",
    [PTRCHECK_ESCAPE_PH_PARAM_PLACE] = "into %s through parameter %s",
    [PTRCHECK_ESCAPE_PH_PARAM_REACH] = "into memory reachable from parameter %s",
    [PTRCHECK_ESCAPE_PH_PARAM_NAMED] = "'%s'",
    [PTRCHECK_ESCAPE_PH_PARAM_NTH] = "#%u",
    [PTRCHECK_ESCAPE_PH_RETURN_VALUE] = "through the return value of '%s'",
    [PTRCHECK_ESCAPE_PH_VIA_CALL] = "%s via call to '%s'",
    [PTRCHECK_ESCAPE_PH_THREAD] = "to a thread started by '%s' that is not joined on every path before '%s' returns",
    [PTRCHECK_ESCAPE_PH_KEEPS_ARG] = "to '%s', which keeps its argument %u beyond the call",
    [PTRCHECK_ESCAPE_PH_RETAINING] = "into '%s', which keeps its argument %u (retaining-functions)",
    [PTRCHECK_ESCAPE_PH_HEAP] = "into a heap object (from '%s') that %s",
    [PTRCHECK_ESCAPE_PH_HEAP_STORED] = "is stored %s",
    [PTRCHECK_ESCAPE_PH_HEAP_RETURNED] = "is returned from '%s'",
    [PTRCHECK_ESCAPE_PH_HEAP_PASSED] = "is passed %s",
    [PTRCHECK_ESCAPE_PH_HEAP_LINKED] = "is linked into a heap object that %s",
    [PTRCHECK_ESCAPE_PH_STEP_PASSES] = "'%s' passes its parameter '%s' to '%s' here",
    [PTRCHECK_ESCAPE_PH_STEP_ESCAPES] = "'%s' lets its parameter '%s' escape %s here",
    [PTRCHECK_ESCAPE_PH_STEP_PARAM_NAMED] = "%s",
    [PTRCHECK_ESCAPE_PH_STEP_PARAM_NTH] = "#%u",
};

#endif
