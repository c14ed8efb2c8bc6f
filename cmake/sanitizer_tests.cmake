# Read by ctest, not by cmake (the build directory's TEST_INCLUDE_FILES): when AIMS_TEST_ASAN_DIR
# names a sanitizer build directory (ASan + UBSan; `make test` sets it to build-asan), that build's
# unit suite, in shards, and its storage suite on SQLite and on PostgreSQL become entries of this
# run, so that `ctest -j` runs them beside the other entries. Without it they are not there.
if(DEFINED ENV{AIMS_TEST_ASAN_DIR})
  set(asan_dir "$ENV{AIMS_TEST_ASAN_DIR}")
  set(asan_env "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1")
  # gtest's own sharding: shard i of n runs every n-th test; together they run each test once.
  set(shards 3)
  math(EXPR last_shard "${shards} - 1")
  foreach(i RANGE ${last_shard})
    add_test(unit_asan/${i} "${asan_dir}/aims_unit_tests" --gtest_brief=1)
    set_tests_properties(unit_asan/${i} PROPERTIES LABELS asan COST 120
                         ENVIRONMENT "${asan_env};GTEST_TOTAL_SHARDS=${shards};GTEST_SHARD_INDEX=${i}")
  endforeach()
  foreach(backend sqlite postgres)
    add_test(conformance_${backend}_asan "${asan_dir}/aims_conformance_tests" --gtest_brief=1)
    set_tests_properties(conformance_${backend}_asan PROPERTIES LABELS asan COST 80
                         ENVIRONMENT "${asan_env};AIMS_TEST_BACKEND=${backend}")
  endforeach()
endif()
