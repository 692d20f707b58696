#!/bin/sh
# Runs a command and prints its exit status last, so FileCheck can check it: sh rc.sh CMD ARGS...
"$@"
echo "exit: $?"
