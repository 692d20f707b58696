/* ptrcheck-borrowed-escape: the message texts (the check has an IR part only; ir.c).  One table,
 * private to the check. */
#ifndef PTRCHECK_CHECK_BORROWED_ESCAPE_MESSAGES_H
#define PTRCHECK_CHECK_BORROWED_ESCAPE_MESSAGES_H

#include "ptrcheck_private/escape_words.h"

enum borrowed_escape_msg_e {
    BE_PARAM,          /* "borrowed pointer 'p'" */
    BE_PARAM_UNNAMED,  /* by position, 1-based */
    BE_THE_NAMED,      /* "'p'", as notes refer back to it */
    BE_THE_UNNAMED,
    BE_ESCAPES,        /* parameter, route, BE_AS_INT or "" */
    BE_AS_INT,
    BE_NOTE_BORROWED,  /* parameter (BE_THE_*), function */
    BE_NOTE_HEAP,      /* where the heap object it was stored into is allocated */
    BE_MSG_COUNT
};

static const char *const borrowed_escape_msg[BE_MSG_COUNT] = {
    [BE_PARAM] = "borrowed pointer '%s'",
    [BE_PARAM_UNNAMED] = "borrowed pointer parameter #%u",
    [BE_THE_NAMED] = "'%s'",
    [BE_THE_UNNAMED] = "the parameter",
    [BE_ESCAPES] = "%s escapes %s%s",
    [BE_AS_INT] = " (as an integer)",
    [BE_NOTE_BORROWED] = "%s is borrowed: '%s' must not keep it after it returns",
    [BE_NOTE_HEAP] = "the heap object is allocated here",
};

/* ---- where it goes, and the steps through callees: the wording both escape checks share */
#define BORROWED_ESCAPE_ROUTE_MSG ptrcheck_escape_route_words


#endif
