/* placeholder: being written */ typedef int ptrcheck_placeholder_ast_dispatch;
