// Entry point of the storage conformance suite (the suite itself is in tests/conformance/).
#include <gtest/gtest.h>
