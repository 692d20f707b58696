# Layout tables (issue 4): included from the top-level CMakeLists.txt.
#   ptrcheck_layout     table model + YAML loader/writer + lookups (C11, libyaml; no libclang)
#   ptrcheck_layoutgen  libclang generation + `ptrcheck layout` subcommands (ptrcheck_layout_main)
#   ptrcheck-layout     standalone driver, for tests until `ptrcheck layout` is wired in the CLI
set(_ptrcheck_layout_dir ${CMAKE_CURRENT_LIST_DIR})

add_library(ptrcheck_layout STATIC
  ${_ptrcheck_layout_dir}/table.c
  ${CMAKE_SOURCE_DIR}/plugin/engine/layout_compute.c
  ${CMAKE_SOURCE_DIR}/checks/offset-assumption/ast.c)
target_include_directories(ptrcheck_layout PUBLIC ${PTRCHECK_INCLUDES})
target_link_libraries(ptrcheck_layout PUBLIC ptrcheck_core PkgConfig::YAML)

add_library(ptrcheck_layoutgen STATIC
  ${_ptrcheck_layout_dir}/gen.c
  ${_ptrcheck_layout_dir}/cmd.c)
target_include_directories(ptrcheck_layoutgen PUBLIC ${PTRCHECK_INCLUDES})
# Only clang-c/Index.h is wanted from the LLVM include directory.
target_include_directories(ptrcheck_layoutgen SYSTEM PRIVATE ${LLVM_INCLUDE_DIRS})
target_link_libraries(ptrcheck_layoutgen PUBLIC ptrcheck_layout ${PTRCHECK_LIBCLANG})
# libclang is meant to find its resource headers (stddef.h, stdint.h, ...) relative to itself, but
# distribution layouts defeat that for some toolchains (Debian's libclang-14 finds none for
# *-windows-msvc).  Hand it the resource directory of the clang of the same LLVM; gen.c uses it only
# when it still exists at run time and the user passed no -resource-dir.
execute_process(COMMAND ${PTRCHECK_CLANG} -print-resource-dir
  OUTPUT_VARIABLE _ptrcheck_resource_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _rc)
if(_rc EQUAL 0 AND EXISTS "${_ptrcheck_resource_dir}/include/stddef.h")
  target_compile_definitions(ptrcheck_layoutgen PRIVATE PTRCHECK_CLANG_RESOURCE_DIR="${_ptrcheck_resource_dir}")
endif()

add_executable(ptrcheck-layout ${_ptrcheck_layout_dir}/main.c)
target_link_libraries(ptrcheck-layout PRIVATE ptrcheck_layoutgen)
# libclang locates its resource headers (stddef.h, ...) relative to the libclang it was loaded
# from: run from the LLVM library directory rather than a distribution-wide symlink.
get_filename_component(_ptrcheck_libclang_dir "${PTRCHECK_LIBCLANG}" DIRECTORY)
set_target_properties(ptrcheck-layout PROPERTIES BUILD_RPATH "${_ptrcheck_libclang_dir}")

add_executable(ptrcheck_layout_unit ${_ptrcheck_layout_dir}/unit_test.c)
target_link_libraries(ptrcheck_layout_unit PRIVATE ptrcheck_layout)

add_custom_target(ptrcheck_layout_all DEPENDS ptrcheck-layout ptrcheck_layout_unit)

# ---------------------------------------------------------------- tests
set(_ptrcheck_layout_testdata ${CMAKE_SOURCE_DIR}/testdata/layout)
add_test(NAME layout.unit COMMAND ptrcheck_layout_unit ${_ptrcheck_layout_testdata})
foreach(_case gen show check asserts compile-asserts errors)
  add_test(NAME layout.${_case}
    COMMAND ${CMAKE_COMMAND}
      -DTOOL=$<TARGET_FILE:ptrcheck-layout>
      -DCLANG=${PTRCHECK_CLANG}
      -DSRC=${_ptrcheck_layout_testdata}
      -DWORK=${CMAKE_CURRENT_BINARY_DIR}/layout-tests/${_case}
      -DCASE=${_case}
      -P ${_ptrcheck_layout_testdata}/run_test.cmake)
endforeach()

# Per-target layout engine of ptrcheck-offset-assumption (plugin/engine/layout_compute.c).
add_executable(ptrcheck_layout_compute_unit ${_ptrcheck_layout_dir}/compute_test.c)
target_link_libraries(ptrcheck_layout_compute_unit PRIVATE ptrcheck_layout)
add_test(NAME layout.compute-unit COMMAND ptrcheck_layout_compute_unit)
