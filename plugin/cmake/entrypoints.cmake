# Every way people run ptrcheck besides the plugin itself (issue 6): the SARIF/side-file library,
# the CLI's project mode, the clang-tidy module and its wrapper, the git hook, the CMake package.
# Included from the top-level CMakeLists.txt after the plugin and CLI targets exist.

# ---------------------------------------------------------------- findings, side file, SARIF (jansson)
add_library(ptrcheck_sarif STATIC plugin/engine/sarif.c)
target_link_libraries(ptrcheck_sarif PUBLIC ptrcheck_core PkgConfig::JANSSON)
target_link_libraries(ptrcheck_plugin PRIVATE ptrcheck_sarif)

# ---------------------------------------------------------------- CLI project mode (libclang's compilation database)
target_sources(ptrcheck PRIVATE plugin/cli/project.c plugin/cli/gitdiff.c plugin/cli/textout.c
                               plugin/cli/html.c)
target_include_directories(ptrcheck PRIVATE ${CMAKE_SOURCE_DIR}/plugin/cli ${LLVM_INCLUDE_DIRS})
target_link_libraries(ptrcheck PRIVATE ptrcheck_sarif ${PTRCHECK_LIBCLANG})
get_filename_component(_ptrcheck_cli_libclang_dir "${PTRCHECK_LIBCLANG}" DIRECTORY)
set_target_properties(ptrcheck PROPERTIES BUILD_RPATH "${_ptrcheck_cli_libclang_dir}"
                                          INSTALL_RPATH "${_ptrcheck_cli_libclang_dir}")

# ---------------------------------------------------------------- clang-tidy module: ptrcheck-tidy.so
# A separate MODULE (it needs symbols only the clang-tidy binary has); nothing from LLVM/Clang linked
# in; the same AstFacts.cpp as the plugin, so ids and messages are the plugin's.
set(_ptrcheck_tidy_header "")
foreach(_dir ${LLVM_INCLUDE_DIRS})
  if(EXISTS "${_dir}/clang-tidy/ClangTidyCheck.h")
    set(_ptrcheck_tidy_header "${_dir}/clang-tidy/ClangTidyCheck.h")
  endif()
endforeach()
if(_ptrcheck_tidy_header AND PTRCHECK_CLANG_TIDY)
  # The same AST adapter sources and engine libraries as the plugin, minus its clang/LLVM entry points
  # and the IR analyses (clang-tidy generates no code).
  get_target_property(_ptrcheck_plugin_srcs ptrcheck_plugin SOURCES)
  set(_ptrcheck_tidy_srcs plugin/tidy/TidyModule.cpp)
  foreach(_src ${_ptrcheck_plugin_srcs})
    if(_src MATCHES "plugin/clang/" AND NOT _src MATCHES "FrontendPlugin\\.cpp$")
      list(APPEND _ptrcheck_tidy_srcs ${_src})
    endif()
  endforeach()
  get_target_property(_ptrcheck_plugin_libs ptrcheck_plugin LINK_LIBRARIES)
  list(REMOVE_ITEM _ptrcheck_plugin_libs ptrcheck_ir ptrcheck_sarif)
  add_library(ptrcheck_tidy MODULE ${_ptrcheck_tidy_srcs})
  set_target_properties(ptrcheck_tidy PROPERTIES OUTPUT_NAME ptrcheck-tidy PREFIX "")
  target_include_directories(ptrcheck_tidy PRIVATE ${LLVM_INCLUDE_DIRS} ${CMAKE_SOURCE_DIR}/plugin/clang)
  target_compile_definitions(ptrcheck_tidy PRIVATE ${LLVM_DEFINITIONS})
  if(NOT LLVM_ENABLE_RTTI)
    target_compile_options(ptrcheck_tidy PRIVATE -fno-rtti)
  endif()
  target_link_libraries(ptrcheck_tidy PRIVATE ${_ptrcheck_plugin_libs})
  target_link_options(ptrcheck_tidy PRIVATE -Wl,--exclude-libs,ALL)
  install(TARGETS ptrcheck_tidy LIBRARY DESTINATION lib/ptrcheck)
  set(PTRCHECK_HAVE_TIDY 1)
else()
  message(WARNING "ptrcheck: clang-tidy ${LLVM_VERSION_MAJOR} or its headers (clang-tidy/ClangTidyCheck.h) not found: "
                  "the clang-tidy module is not built (Debian: clang-tidy-${LLVM_VERSION_MAJOR}, "
                  "libclang-${LLVM_VERSION_MAJOR}-dev)")
  set(PTRCHECK_HAVE_TIDY 0)
endif()
# The wrapper runs the clang-tidy of our major with --load; it finds the module next to itself (build
# tree) or in ../lib/ptrcheck (install).
configure_file(plugin/tidy/ptrcheck-clang-tidy.in ${CMAKE_BINARY_DIR}/ptrcheck-clang-tidy @ONLY
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
install(PROGRAMS ${CMAKE_BINARY_DIR}/ptrcheck-clang-tidy DESTINATION bin)

# ---------------------------------------------------------------- git hook, pre-commit
install(PROGRAMS share/git-hook/pre-commit DESTINATION share/ptrcheck/git-hook)

# ---------------------------------------------------------------- CMake package: find_package(ptrcheck <LLVM major>)
# The package version leads with the LLVM major, because a plugin only loads into the clang it was
# built for: find_package(ptrcheck 14) finds a build for clang 14 and refuses one for clang 19
# (SameMajorVersion).  ptrcheck's own version is PTRCHECK_VERSION inside the package.
include(CMakePackageConfigHelpers)
set(PTRCHECK_PACKAGE_VERSION "${LLVM_VERSION_MAJOR}.${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
configure_file(plugin/cmake/ptrcheckConfig.cmake.in ${CMAKE_BINARY_DIR}/package/ptrcheckConfig.cmake @ONLY)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/package/ptrcheckConfigVersion.cmake
  VERSION ${PTRCHECK_PACKAGE_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/package/ptrcheckConfig.cmake ${CMAKE_BINARY_DIR}/package/ptrcheckConfigVersion.cmake
        DESTINATION lib/cmake/ptrcheck)
