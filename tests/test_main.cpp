#define BOOST_TEST_MODULE claimmap
#include <boost/test/unit_test.hpp>
