# The front door: `make <target>`. CMake presets (CMakePresets.json) do the real work; this file
# only puts the steps in order. Every target works on a fresh Debian 12 as root: `deps` installs
# what is missing (scripts/install-deps.sh) and is a no-op otherwise.

PORT ?= 8080
CTEST_FLAGS ?= --output-on-failure -j2
# Lists our C++ files, NUL-separated, for `| xargs -0 -r` (which runs nothing if there is none).
CXX_FILES = find src tests bench \( -name '*.cpp' -o -name '*.hpp' \) -print0 2>/dev/null

# The machines have 2 cores and each build already uses both: never run two targets at once.
.NOTPARALLEL:
.DEFAULT_GOAL := help
.PHONY: help deps deps-bench build build-asan web test demo check check-format bench format clean

help: ## Show this help
	@echo "usage: make <target>"
	@awk -F':.*## ' '/^[a-z-]+:.*## / { printf "  %-13s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

deps: ## Install missing Debian build packages (no-op when all are there)
	@scripts/install-deps.sh build

deps-bench: ## Install missing Debian bench packages (nginx, wrk, taskset)
	@scripts/install-deps.sh bench

build: deps ## Release build in build/ (binary: build/bin/csphub) and the portal in web/dist
	@test -f build/build.ninja || cmake --preset release
	cmake --build --preset release
	@scripts/build-web.sh

web: deps ## The portal alone: install the locked npm packages when node_modules is stale, then vite build
	@scripts/build-web.sh

build-asan: deps ## ASan+UBSan build in build-asan/
	@test -f build-asan/build.ninja || cmake --preset asan
	cmake --build --preset asan

# The portal's tests (label web) are registered in the release build only (tests/CMakeLists.txt):
# the ASan pass tests the C++ alone.
test: deps build build-asan ## Build both, run every test in both (what CI runs)
	ctest --preset release $(CTEST_FLAGS)
	ctest --preset asan $(CTEST_FLAGS)

demo: build ## Serve the portal and a demo database on http://127.0.0.1:PORT (default 8080)
	mkdir -p .demo
	exec build/bin/csphub serve --demo --database .demo/csphub-demo.sqlite --listen 127.0.0.1:$(PORT)

check: deps check-format build-asan ## Pre-push check: formatting, then the unit tests under ASan
	ctest --preset asan -L unit $(CTEST_FLAGS)

check-format: deps ## Fail if a C++ file (src/, tests/, bench/) or a portal file (web/) is unformatted
	@$(CXX_FILES) | xargs -0 -r clang-format --dry-run --Werror
	@test ! -d web/node_modules || npm --prefix web run --silent check-format

bench: deps deps-bench build ## Benchmarks (bench/run.sh); run them on an otherwise idle machine
	bench/run.sh

format: ## Reformat src/, tests/, bench/ (clang-format) and web/ (prettier) in place
	$(CXX_FILES) | xargs -0 -r clang-format -i
	@test ! -d web/node_modules || npm --prefix web run --silent format

clean: ## Remove the build directories and the built portal
	rm -rf build build-asan build-debug web/dist
