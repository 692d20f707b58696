/* Check-agnostic: names checks by their id strings only ("alpha", "beta"). */
static const char *ids[] = {"alpha", "beta"};
