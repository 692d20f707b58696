/* The registry may name every check. */
static const int known[] = {PTRCHECK_ALPHA, PTRCHECK_BETA};
