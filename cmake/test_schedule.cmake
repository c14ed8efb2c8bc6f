# The order of `ctest -j` (included by the test section of CMakeLists.txt): ctest starts the entries
# of highest COST first, so that the long ones run from the start and short ones fill in at the end.
# The costs are the seconds each entry took on a 2-core machine running three at a time
# (docs/testing.md); an entry without one costs 0 until ctest has timed it in this build directory.
set(test_costs
  readme_commands 600
  unit 200
)
while(test_costs)
  list(POP_FRONT test_costs name cost)
  if(TEST ${name})
    set_tests_properties(${name} PROPERTIES COST ${cost})
  endif()
endwhile()

# The sanitizer runs join as entries when `make test` names their build (cmake/sanitizer_tests.cmake).
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${CMAKE_CURRENT_LIST_DIR}/sanitizer_tests.cmake)
