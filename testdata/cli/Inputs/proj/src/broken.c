int broken(void) { return undeclared_identifier; }
