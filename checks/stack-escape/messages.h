/* ptrcheck-stack-escape: the message texts of both layers (ast.c: an address used after its block
 * ends; ir.c: an address that outlives the function).  One table, private to the check; the
 * objects are named the same way by both layers. */
#ifndef PTRCHECK_CHECK_STACK_ESCAPE_MESSAGES_H
#define PTRCHECK_CHECK_STACK_ESCAPE_MESSAGES_H

#include "ptrcheck_private/escape_words.h"

enum stack_escape_msg_e {
    /* ---- the object (a local of the function) */
    SE_LOCAL,            /* "local 'x'" */
    SE_PARAM,            /* a parameter (its spill slot, or passed in memory) */
    SE_PARAM_UNNAMED,
    SE_LITERAL,          /* a compound literal */
    SE_ALLOCA,
    SE_UNNAMED,
    /* ... as notes refer back to it */
    SE_THE_NAMED,        /* "'x'" */
    SE_THE_LITERAL,
    SE_THE_ALLOCA,
    SE_THE_UNNAMED,
    /* ---- IR: it outlives the function */
    SE_ESCAPES,          /* object, route, SE_AS_INT or "" */
    SE_AS_INT,
    SE_NOTE_DECL,        /* object (SE_THE_*), function */
    SE_NOTE_HEAP,        /* where the heap object it was stored into is allocated */
    SE_NOTE_ONLY_IF_NULL, /* where the saved pointer is put back when it is not null */
    /* ---- AST: it is used after its block ends */
    SE_USED_AFTER_BLOCK,         /* local, pointer, local */
    SE_LITERAL_USED_AFTER_BLOCK, /* pointer */
    SE_NOTE_BLOCK_DECL,          /* local */
    SE_NOTE_BLOCK_LITERAL,
    SE_NOTE_SET,                 /* pointer, object (SE_THE_*) */
    SE_NOTE_BLOCK_END,           /* object (SE_THE_*) */
    SE_MSG_COUNT
};

static const char *const stack_escape_msg[SE_MSG_COUNT] = {
    [SE_LOCAL] = "local '%s'",
    [SE_PARAM] = "parameter '%s'",
    [SE_PARAM_UNNAMED] = "a parameter",
    [SE_LITERAL] = "a compound literal",
    [SE_ALLOCA] = "alloca() memory",
    [SE_UNNAMED] = "a local variable",
    [SE_THE_NAMED] = "'%s'",
    [SE_THE_LITERAL] = "the compound literal",
    [SE_THE_ALLOCA] = "the alloca() memory",
    [SE_THE_UNNAMED] = "the local variable",
    [SE_ESCAPES] = "address of %s escapes %s%s",
    [SE_AS_INT] = " (as an integer)",
    [SE_NOTE_DECL] = "%s declared here; its storage ends when '%s' returns",
    [SE_NOTE_HEAP] = "the heap object is allocated here",
    [SE_NOTE_ONLY_IF_NULL] = "it stays there only if the pointer it replaced was null: the saved pointer is put "
                             "back here only when it is not null",
    [SE_USED_AFTER_BLOCK] = "address of local '%s' is used through '%s' after the block of '%s' ends",
    [SE_LITERAL_USED_AFTER_BLOCK] = "address of a compound literal is used through '%s' after the block of the "
                                    "compound literal ends",
    [SE_NOTE_BLOCK_DECL] = "'%s' declared here; its storage ends with its block",
    [SE_NOTE_BLOCK_LITERAL] = "the compound literal is created here; its storage ends with its block",
    [SE_NOTE_SET] = "'%s' set to the address of %s here",
    [SE_NOTE_BLOCK_END] = "the block of %s ends here",
};

/* ---- IR: where it goes, and the steps through callees: the wording both escape checks share */
#define STACK_ESCAPE_ROUTE_MSG ptrcheck_escape_route_words


#endif
