# The order of `ctest -j` (included by the test section of CMakeLists.txt): ctest starts the ready
# entries of highest COST first, so that the long ones run from the start and short ones fill in at
# the end. A cost is the seconds an entry is expected to take on a 2-core machine: twice the CPU
# seconds measured for the Node files (they wait on their servers and browsers about half the time),
# the CPU seconds for the C++ suites; docs/testing.md. An entry not listed costs its suite's default.

# demo_data first: every http, cli and browser entry waits for it.
set(test_costs
  demo_data 100000
  readme_commands 400
  web_unit 60
  web_lint 40
  browser/accessibility 68
  browser/assessments 55
  browser/assessment_keyboard 36
  browser/narrow 46
  browser/euact 45
  browser/risks 40
  browser/people 37
  browser/settings 34
  browser/organizations 34
  browser/record_kinds 33
  browser/evidence 32
  browser/audit 29
  browser/objectives 27
  browser/documents 27
  browser/soa 26
  browser/impact 26
  browser/unreadable 26
  browser/evidence_picker 24
  browser/scope 23
  browser/one_truth_euact 23
  browser/parties 22
  browser/one_truth_soa 22
  http/accounts 48
  http/accounts_users 40
  http/evidence 29
  http/auditpack_tamper 23
  cli/risks 21
  browser/management_review 35
  http/management_review 25
  browser/actions 30
  http/actions 30
  browser/journey_check_act 50
  cli/backup 12
  http/evidence_pg 30
  cli/evidence_migrate 20
  http/webhooks 30
  browser/webhooks 30
  cli/webhooks 12
  http/multiserver 60
)
set(suite_default_costs browser 30 http 20 cli 10)

get_property(all_tests DIRECTORY PROPERTY TESTS)
foreach(name IN LISTS all_tests)
  if(name MATCHES "^([a-z]+)/")
    list(FIND suite_default_costs ${CMAKE_MATCH_1} at)
    if(at GREATER -1)
      math(EXPR at "${at} + 1")
      list(GET suite_default_costs ${at} cost)
      set_tests_properties(${name} PROPERTIES COST ${cost})
    endif()
  endif()
endforeach()
while(test_costs)
  list(POP_FRONT test_costs name cost)
  if(TEST ${name})
    set_tests_properties(${name} PROPERTIES COST ${cost})
  endif()
endwhile()

# The C++ suites are entries made when ctest runs, from the sanitizer build when `make test` names
# it, else from this build (cmake/cpp_suites.cmake; their costs are there).
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${CMAKE_BINARY_DIR}/cpp_suite_paths.cmake
             ${CMAKE_CURRENT_LIST_DIR}/cpp_suites.cmake)
