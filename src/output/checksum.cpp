#include "output/checksum.hpp"

#include <openssl/evp.h>

#include <cstdio>

#include "core/error.hpp"

namespace claimmap {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr)) throw Error("SHA-256 failed");
    std::string hex;
    char buf[3];
    for (unsigned i = 0; i < length; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", digest[i]);
        hex += buf;
    }
    return hex;
}

}  // namespace claimmap
