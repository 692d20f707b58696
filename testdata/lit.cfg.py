# lit configuration for ptrcheck's tests (run through ctest; see testdata/CMakeLists.txt).
import os
import lit.formats

config.name = "ptrcheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test", ".ll"]
config.test_source_root = os.path.join(config.ptrcheck_src_root, "testdata")
config.test_exec_root = os.path.join(config.ptrcheck_obj_root, "testdata")
# Keep the directory names in step with the per-directory ctest entries in testdata/CMakeLists.txt.
config.excludes = ["Inputs", "inputs", "unit", "demo", "CMakeLists.txt", "lit.cfg.py", "layout"]

obj = config.ptrcheck_obj_root
plugin = os.path.join(obj, "ptrcheck.so")
config.environment["PATH"] = os.pathsep.join([config.llvm_tools_dir, obj, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Keep the user's configuration out of the tests: each test directory may carry its own .ptrcheck.yaml.
config.environment["HOME"] = config.test_exec_root
if config.sanitize:
    # The plugin is built with ASan/UBSan but clang is not: preload the runtime.
    import subprocess
    # The runtime of the compiler that built the plugin (gcc's libasan or clang's asan runtime).
    if "clang" in os.path.basename(config.build_cc):
        rt_name = "libclang_rt.asan-x86_64.so"
    else:
        rt_name = "libasan.so"
    rt = subprocess.run([config.build_cc, "-print-file-name=" + rt_name], capture_output=True, text=True).stdout.strip()
    config.environment["LD_PRELOAD"] = rt
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:verify_asan_link_order=0"
# Third-party programs (the SARIF validator, chromium) run without the preloaded sanitizer runtime:
# they are not ptrcheck's code, and some (the .NET validator: new/free mismatch) abort under it.
without_sanitizer = "env -u LD_PRELOAD -u ASAN_OPTIONS -u UBSAN_OPTIONS"
config.substitutions.append(("%without_sanitizer", without_sanitizer))

config.substitutions.append(("%clang_cc1", config.clang + " -cc1"))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%ptrcheck_plugin", plugin))
config.substitutions.append(("%ptrcheck_tidy", os.path.join(obj, "ptrcheck-tidy.so")))
config.substitutions.append(("%ptrcheck_ir_driver", os.path.join(obj, "testdata", "ir", "ptrcheck_ir_driver")))
config.substitutions.append(("%ptrcheck_cli", os.path.join(obj, "ptrcheck")))
config.substitutions.append(("%ptrcheck_src", config.ptrcheck_src_root))
config.substitutions.append(("%ptrcheck_obj", obj))
# Both plugins, the way the README tells users to compile.
config.substitutions.append(("%ptrcheck_both", "-fplugin=%s -fpass-plugin=%s" % (plugin, plugin)))
config.substitutions.append(("FileCheck", config.filecheck))
config.available_features.add("llvm-" + config.llvm_major)
# From LLVM 22 on clang loads -fpass-plugin libraries before it creates the frontend action (llvm
# #173287), so the frontend plugin in the same .so registers itself and runs as well.
if int(config.llvm_major) >= 22:
    config.available_features.add("pass-plugin-loads-frontend")
# Entry points (issue 6): programs some tests drive, as lit features (REQUIRES: pre-commit, ...).
import shutil
config.substitutions.append(("%python", config.python))
for prog in ("git", "pre-commit", "cmake"):
    if shutil.which(prog):
        config.available_features.add(prog)
# A clang of another LLVM major (the CMake package's mismatch tests).
import glob
for _c in sorted(glob.glob("/usr/lib/llvm-*/bin/clang")):
    _m = _c.split("/")[3][5:]
    if _m.isdigit() and _m != config.llvm_major:
        config.available_features.add("other-clang")
        config.substitutions.append(("%other_clang_major", _m))
        config.substitutions.append(("%other_clang", _c))
        break
# A build tree of another LLVM major next to this one (build/llvm-M): the cross-major load test.
_parent = os.path.dirname(os.path.abspath(obj))
for _name in (os.listdir(_parent) if os.path.isdir(_parent) else []):
    _d = os.path.join(_parent, _name)
    if (_name != os.path.basename(os.path.abspath(obj)) and _name.startswith("llvm-") and _name[5:].isdigit()
            and _name[5:] != config.llvm_major and os.path.exists(os.path.join(_d, "ptrcheck.so"))
            and os.path.exists(os.path.join(_d, "testdata", "lit.site.cfg.py"))):
        config.available_features.add("other-llvm-build")
if config.clang_tidy and os.path.exists(os.path.join(obj, "ptrcheck-tidy.so")):
    config.available_features.add("ptrcheck-tidy")
# The generator (and make program) of this build, for tests that configure a CMake project.
_gen, _make = "Unix Makefiles", ""
try:
    for _line in open(os.path.join(obj, "CMakeCache.txt")):
        if _line.startswith("CMAKE_GENERATOR:INTERNAL="):
            _gen = _line.split("=", 1)[1].strip()
        elif _line.startswith("CMAKE_MAKE_PROGRAM:FILEPATH="):
            _make = _line.split("=", 1)[1].strip()
except OSError:
    pass
config.substitutions.append(("%cmake_generator", "-G '%s'" % _gen + (" -DCMAKE_MAKE_PROGRAM=%s" % _make if _make else "")))
# Another build of the source tree (or of a copy, testdata/tree/new-check.test) like this one: same
# generator, LLVM, compilers and compiler launcher (ccache), as -D options for cmake.
_like = {}
try:
    for _line in open(os.path.join(obj, "CMakeCache.txt")):
        for _var in ("LLVM_DIR", "CMAKE_C_COMPILER", "CMAKE_CXX_COMPILER", "CMAKE_C_COMPILER_LAUNCHER",
                     "CMAKE_CXX_COMPILER_LAUNCHER"):
            if _line.startswith(_var + ":"):
                _value = _line.split("=", 1)[1].strip()
                if _value:
                    _like[_var] = _value
except OSError:
    pass
config.substitutions.append(("%cmake_like_this_build", " ".join(
    ["-G '%s'" % _gen] + (["-DCMAKE_MAKE_PROGRAM=%s" % _make] if _make else []) +
    ["-D%s=%s" % kv for kv in sorted(_like.items())])))
config.substitutions.append(("%ptrcheck_lit", "%s %s" % (config.python, config.lit)))
# ccache (when it is the launcher) keeps the user's cache although HOME is the test directory here.
for _k, _v in os.environ.items():
    if _k.startswith("CCACHE_"):
        config.environment[_k] = _v
if "ccache" in _like.get("CMAKE_C_COMPILER_LAUNCHER", "") and "CCACHE_DIR" not in os.environ:
    import subprocess
    try:
        _dir = subprocess.run([_like["CMAKE_C_COMPILER_LAUNCHER"], "-k", "cache_dir"], capture_output=True,
                              text=True, timeout=30).stdout.strip()
        if _dir:
            config.environment["CCACHE_DIR"] = _dir
    except (OSError, subprocess.SubprocessError):
        pass
# Test-only tools the Makefile's test-tools target installs (REQUIRES: sarif-multitool, chromium).
_mt = os.path.join(obj, "tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
if os.access(_mt, os.X_OK):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif_multitool", without_sanitizer + " " + _mt))
if os.path.exists(os.path.join(config.llvm_tools_dir, "clang-apply-replacements")):
    config.available_features.add("clang-apply-replacements")
if shutil.which("chromium"):
    config.available_features.add("chromium")
# ptrcheck's version, from the one file that holds it (tests check that every output reports it).
with open(os.path.join(config.ptrcheck_src_root, "VERSION")) as _f:
    config.substitutions.append(("%ptrcheck_version", _f.readline().strip()))
