/* placeholder: being written */ typedef int ptrcheck_placeholder_int_roundtrip;
