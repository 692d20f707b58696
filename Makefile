# ptrcheck — the README's commands.  Each target installs what is missing on Debian 12 (as root).
#   make demo                      build, then run ptrcheck on testdata/demo
#   make check                     build, then the whole test suite (ctest)
#   make install PREFIX=/opt/x     PREFIX/bin/ptrcheck, PREFIX/lib/ptrcheck/ptrcheck.so, ...
#   LLVM_VERSION=19 make check     pick the LLVM major (default: the major of the system's clang)
#   make check SANITIZE=1          engine and adapters built with ASan + UBSan
#   make bench                     overhead figures on sqlite3.c and a Debian corpus -> bench/results.md (+ .png)
#   make stress                    crash-free / identical objects / determinism on real code, YAML fuzzing

SYSTEM_CLANG_MAJOR := $(shell clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -n 1)
LLVM_VERSION ?= $(if $(SYSTEM_CLANG_MAJOR),$(SYSTEM_CLANG_MAJOR),14)
PREFIX ?= /usr/local
SANITIZE ?= 0
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_DIR ?= build/llvm-$(LLVM_VERSION)$(if $(filter 1,$(SANITIZE)),-asan,)
LLVM_PREFIX := /usr/lib/llvm-$(LLVM_VERSION)

DEB_PACKAGES := cmake ninja-build pkg-config make python3 git libyaml-dev libjansson-dev \
	clang-$(LLVM_VERSION) libclang-$(LLVM_VERSION)-dev llvm-$(LLVM_VERSION)-dev llvm-$(LLVM_VERSION)-tools \
	clang-tidy-$(LLVM_VERSION) libclang-rt-$(LLVM_VERSION)-dev pre-commit python3-jsonschema

.PHONY: all deps build demo check test-tools install stress bench clean

all: build

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "ptrcheck: installing missing Debian packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "ptrcheck: run as root, or: sudo apt-get install$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    || { echo "ptrcheck: apt-get install failed for:$$missing" >&2; exit 1; }; \
	fi

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DLLVM_DIR=$(LLVM_PREFIX)/lib/cmake/llvm \
	  -DPTRCHECK_SANITIZE=$(if $(filter 1,$(SANITIZE)),ON,OFF) \
	  -DCMAKE_INSTALL_PREFIX=$(PREFIX)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@LLVM_PREFIX=$(LLVM_PREFIX) BUILD_DIR=$(BUILD_DIR) sh testdata/demo/run.sh

# Tools only the tests use: Microsoft's SARIF Multitool (npm, into $(BUILD_DIR)/tools) for
# testdata/cli/sarif-multitool.test, and Debian's chromium for the --html browser test.  When one
# cannot be installed (no network, not root), its test reports UNSUPPORTED and says why.
SARIF_MULTITOOL_VERSION := 5.7.0
SARIF_MULTITOOL := $(BUILD_DIR)/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

test-tools: deps
	@if [ ! -x $(SARIF_MULTITOOL) ]; then \
	  if command -v npm >/dev/null 2>&1 && npm install --prefix $(BUILD_DIR)/tools --no-audit --no-fund --silent \
	       @microsoft/sarif-multitool-linux@$(SARIF_MULTITOOL_VERSION) >/dev/null 2>&1 && chmod u+x $(SARIF_MULTITOOL); then \
	    echo "ptrcheck: installed SARIF Multitool $(SARIF_MULTITOOL_VERSION) into $(BUILD_DIR)/tools"; \
	  else echo "ptrcheck: could not install @microsoft/sarif-multitool-linux with npm; the SARIF Multitool test is skipped" >&2; fi; \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; then \
	    echo "ptrcheck: installed chromium for the --html test"; \
	  else echo "ptrcheck: could not install chromium; the --html browser test is skipped" >&2; fi; \
	fi

check: build test-tools
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# Benchmarks and robustness (issue 7): not part of `make check`.  Inputs are cached in bench/cache/;
# ptrcheck is installed into BENCH_PREFIX first (the figures are for the installed layout).
BENCH_PREFIX ?= $(abspath $(BUILD_DIR))/bench-install
BENCH_PACKAGES := npm:npm valgrind time python3-matplotlib xz-utils dpkg-dev
FUZZ_SECONDS ?= 60

bench: build
	@bench/deps.sh $(BENCH_PACKAGES)
	cmake --install $(BUILD_DIR) --prefix $(BENCH_PREFIX) >/dev/null
	bench/fetch.sh
	python3 bench/bench.py --prefix $(BENCH_PREFIX) --llvm $(LLVM_VERSION) --jobs $(JOBS)

stress: build
	@bench/deps.sh $(BENCH_PACKAGES)
	cmake --install $(BUILD_DIR) --prefix $(BENCH_PREFIX) >/dev/null
	bench/fetch.sh
	python3 bench/stress.py --prefix $(BENCH_PREFIX) --llvm $(LLVM_VERSION) --jobs $(JOBS) --fuzz-seconds $(FUZZ_SECONDS)

clean:
	rm -rf build
