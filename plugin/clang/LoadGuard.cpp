// The loading guard (issue 14): ptrcheck.so and ptrcheck-tidy.so only work inside the LLVM major they
// were built for (clang's plugin interfaces are C++ with no ABI stability across majors), and a
// plugin loaded into another major's clang used to crash it.  Before anything of ours runs -- this
// constructor has a priority, so it precedes every static initialiser of the library, including
// the frontend plugin's and clang-tidy module's registry entries -- it asks the host process for its
// LLVM major and, on a mismatch, prints one error naming both majors and the library to use instead,
// and ends the process with status 1.
//
// The host is asked without calling into its C++ interfaces: LLVMGetVersion (LLVM-C, LLVM 16 on)
// through dlsym; before that, clang::getClangFullVersion(), whose signature (std::string ()) has
// not changed since clang 3 and is exported by libclang-cpp in clang and clang-tidy alike.  When
// neither exists (an unknown host), the guard stays out of the way.  Only libc is used here:
// nothing that needs the host's LLVM symbols runs before the verdict.
#include "ptrcheck_compat.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <string>

namespace {

// The major in a clang version string ("Debian clang version 19.1.7 (...)"), or 0.
unsigned majorOf(const std::string &V) {
  size_t At = V.find("clang version ");
  At = At == std::string::npos ? V.find("version ") : At + 6;
  if (At == std::string::npos)
    return 0;
  At += 8;
  unsigned M = 0;
  while (At < V.size() && V[At] >= '0' && V[At] <= '9' && M < 10000)
    M = M * 10 + static_cast<unsigned>(V[At++] - '0');
  return M;
}

unsigned hostMajor() {
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  if (void *Sym = dlsym(RTLD_DEFAULT, "LLVMGetVersion")) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    reinterpret_cast<GetVersionFn>(Sym)(&Major, &Minor, &Patch);
    return Major;
  }
  using FullVersionFn = std::string (*)();
  if (void *Sym = dlsym(RTLD_DEFAULT, "_ZN5clang19getClangFullVersionB5cxx11Ev"))
    return majorOf(reinterpret_cast<FullVersionFn>(Sym)());
  return 0;
}

// Our own file, and the same path with its "llvm-<built>" component changed to "llvm-<host>" when
// such a file exists (the per-major build trees build/llvm-N, or installs that name the major).
std::string suggestion(const std::string &Self, unsigned Built, unsigned Host) {
  std::string From = "llvm-" + std::to_string(Built), To = "llvm-" + std::to_string(Host);
  for (size_t At = Self.find(From); At != std::string::npos; At = Self.find(From, At + 1)) {
    std::string Alt = Self.substr(0, At) + To + Self.substr(At + From.size());
    if (access(Alt.c_str(), R_OK) == 0)
      return Alt;
  }
  return "";
}

__attribute__((constructor(101))) void ptrcheckLoadGuard() {
  const unsigned Built = LLVM_VERSION_MAJOR;
  unsigned Host = hostMajor();
  if (!Host || Host == Built)
    return;
  Dl_info Info;
  std::string Self = dladdr(reinterpret_cast<void *>(&ptrcheckLoadGuard), &Info) && Info.dli_fname
                         ? Info.dli_fname
                         : "ptrcheck.so";
  std::string Base = Self.substr(Self.rfind('/') == std::string::npos ? 0 : Self.rfind('/') + 1);
  std::string Alt = suggestion(Self, Built, Host);
  std::string Fix = !Alt.empty() ? "use " + Alt
                                 : "use a " + Base + " built for LLVM " + std::to_string(Host) +
                                       " (make install LLVM_VERSION=" + std::to_string(Host) + ")";
  fprintf(stderr,
          "error: ptrcheck: %s was built for LLVM %u but was loaded by %s (LLVM %u); a plugin only runs "
          "in the LLVM major it was built for: %s\n",
          Self.c_str(), Built, program_invocation_short_name, Host, Fix.c_str());
  fflush(stderr);
  _exit(1);
}

} // namespace
