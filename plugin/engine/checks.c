/* The check catalogue, generated from checks/checks.def. */
#include <ptrcheck/ptrcheck.h>
#include <ptrcheck/version.h>

#include <string.h>

static const ptrcheck_check_info_t check_table[PTRCHECK_CHECK_COUNT] = {
#define PTRCHECK_CHECK(E, sym, id, ast, ir, on, summary) \
    {PTRCHECK_##E, id, "ptrcheck-" id, ((ast) ? PTRCHECK_LAYER_AST : 0u) | ((ir) ? PTRCHECK_LAYER_IR : 0u), (on), summary},
#include "checks.def"
};

const ptrcheck_check_info_t *ptrcheck_check_info(ptrcheck_check_t check)
{
    if ((unsigned)check >= (unsigned)PTRCHECK_CHECK_COUNT)
        return NULL;
    return &check_table[check];
}

ptrcheck_check_t ptrcheck_check_lookup(const char *id)
{
    size_t i;

    if (!id)
        return PTRCHECK_CHECK_COUNT;
    for (i = 0; i < (size_t)PTRCHECK_CHECK_COUNT; i++) {
        if (strcmp(id, check_table[i].id) == 0 || strcmp(id, check_table[i].full_id) == 0)
            return check_table[i].check;
    }
    return PTRCHECK_CHECK_COUNT;
}

const char *ptrcheck_version(void)
{
    return PTRCHECK_VERSION_STRING;
}

unsigned ptrcheck_llvm_major(void)
{
    return PTRCHECK_LLVM_MAJOR;
}
