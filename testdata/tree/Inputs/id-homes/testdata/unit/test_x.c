/* A unit test names checks by id: ptrcheck_check_lookup("alpha"). */
static const char *id = "alpha";
