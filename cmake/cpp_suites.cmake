# Read by ctest, not by cmake (the build directory's TEST_INCLUDE_FILES, after the paths file that
# CMakeLists.txt generates): the entries of the C++ unit suite and of the storage suite on SQLite and
# on PostgreSQL. Each runs once per `ctest` run, from one build:
# - when AIMS_TEST_ASAN_DIR names a sanitizer build directory (ASan + UBSan; `make test` sets it to
#   build-asan), from that build: the unit suite in shards, so that `ctest -j` runs them beside the
#   other entries, and the storage suite on each backend;
# - otherwise from this build directory (`cmake --build build` builds both programs; `make build`
#   builds only the server, which is all `make run` needs).
set(sanitizer_env "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1")
if(DEFINED ENV{AIMS_TEST_ASAN_DIR})
  set(unit_bin "$ENV{AIMS_TEST_ASAN_DIR}/aims_unit_tests")
  set(conformance_bin "$ENV{AIMS_TEST_ASAN_DIR}/aims_conformance_tests")
  set(suffix "_asan")
  set(env "${sanitizer_env};")
  set(shards 3)
else()
  set(unit_bin "${aims_plain_unit_tests}")
  set(conformance_bin "${aims_plain_conformance_tests}")
  set(suffix "")
  set(env "")
  set(shards 1)
endif()

# gtest's own sharding: shard i of n runs every n-th test; together they run each test once.
if(shards GREATER 1)
  math(EXPR last_shard "${shards} - 1")
  foreach(i RANGE ${last_shard})
    add_test(unit${suffix}/${i} "${unit_bin}" --gtest_brief=1)
    set_tests_properties(unit${suffix}/${i} PROPERTIES LABELS unit COST 120
                         ENVIRONMENT "${env}GTEST_TOTAL_SHARDS=${shards};GTEST_SHARD_INDEX=${i}")
  endforeach()
else()
  add_test(unit "${unit_bin}" --gtest_brief=1)
  set_tests_properties(unit PROPERTIES LABELS unit COST 90)
endif()
foreach(backend sqlite postgres)
  add_test(conformance_${backend}${suffix} "${conformance_bin}" --gtest_brief=1)
  set_tests_properties(conformance_${backend}${suffix} PROPERTIES LABELS conformance COST 80
                       ENVIRONMENT "${env}AIMS_TEST_BACKEND=${backend}")
endforeach()

# The fuzz targets' saved inputs: one entry per target (fuzz_replay/<target>) that runs its replay
# binary of the sanitizer build (fuzz/CMakeLists.txt) once on every file of fuzz/corpus/<target>/
# and fuzz/regressions/<target>/, with UBSan fatal as above. From the build AIMS_TEST_ASAN_DIR
# names, or from this build when it is a sanitizer build; otherwise not made (the plain build has
# no replay binaries). A target added to fuzz/ gets its entry at the next ctest run.
set(fuzz_replay_dir "")
if(DEFINED ENV{AIMS_TEST_ASAN_DIR})
  set(fuzz_replay_dir "$ENV{AIMS_TEST_ASAN_DIR}/fuzz")
elseif(aims_sanitized_build)
  set(fuzz_replay_dir "${aims_build_dir}/fuzz")
endif()
if(fuzz_replay_dir)
  file(GLOB fuzz_replay_sources "${aims_source_dir}/fuzz/*.cpp")
  foreach(src IN LISTS fuzz_replay_sources)
    get_filename_component(t "${src}" NAME_WE)
    add_test(fuzz_replay/${t} "${fuzz_replay_dir}/fuzz_replay_${t}"
             "${aims_source_dir}/fuzz/corpus/${t}" --optional "${aims_source_dir}/fuzz/regressions/${t}")
    set_tests_properties(fuzz_replay/${t} PROPERTIES LABELS fuzz_replay COST 5 ENVIRONMENT "${sanitizer_env}")
  endforeach()
endif()
