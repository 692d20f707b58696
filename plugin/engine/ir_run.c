/* placeholder: being written */ typedef int ptrcheck_placeholder_ir_run;
