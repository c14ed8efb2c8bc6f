# aims — the two commands: `make run` and `make test`. Both install what is missing first.
BUILD   ?= build
LISTEN  ?= 127.0.0.1:8042
DATA    ?= ./data
# ctest entries run at a time by `make test` (2 cores: most entries wait on servers and browsers).
TEST_JOBS ?= 3
GENERATOR := -G Ninja

# Let ccache share results between clones and build directories.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime

.PHONY: all setup build web run test bench fuzz clean

all: build web

setup:
	@bash scripts/setup.sh

# Debug information as line tables (-g1): stack traces keep their files and lines, and a translation
# unit compiles in a quarter to a half less CPU time than with full debug information (-g). Configure a build directory of your own
# for a debugger's view of variables.
DEBUG_INFO := -g1
# The server only: `make test` runs the C++ suites from the sanitizer build (scripts/test.sh).
build: setup
	@cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 $(DEBUG_INFO) -DNDEBUG" >/dev/null
	@cmake --build $(BUILD) --target aims

web: setup
	@cd web && npm run --silent build

run: build web
	./$(BUILD)/aims serve --demo --data $(DATA) --listen $(LISTEN)

test: build web
	@AIMS_TEST_JOBS=$(TEST_JOBS) AIMS_DEBUG_INFO="$(DEBUG_INFO)" bash scripts/test.sh $(BUILD)

bench: setup
	@bash bench/run.sh

# Every libFuzzer target of fuzz/ for FUZZ_SECONDS (default 60) each (docs/testing.md, "Fuzzing").
fuzz: setup
	@bash scripts/setup.sh --fuzz
	@AIMS_DEBUG_INFO="$(DEBUG_INFO)" bash scripts/fuzz.sh

clean:
	rm -rf $(BUILD) build-asan build-fuzz build-release web/dist
