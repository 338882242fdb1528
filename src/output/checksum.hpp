#pragma once
#include <string>
#include <string_view>

namespace claimmap {

// SHA-256 of `bytes` as lower-case hex (OpenSSL).
std::string sha256_hex(std::string_view bytes);

}  // namespace claimmap
