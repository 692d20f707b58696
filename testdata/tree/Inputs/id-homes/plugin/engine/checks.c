/* The catalogue table may name every check. */
static const int table[] = {PTRCHECK_ALPHA, PTRCHECK_BETA};
