# One INTERFACE target carries the flags every target of the project shares.
add_library(workbench_common INTERFACE)
add_library(Workbench::Common ALIAS workbench_common)

target_compile_features(workbench_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(workbench_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH
  WORKBENCH_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(workbench_common INTERFACE -Wall -Wextra -Wpedantic)
  if(WORKBENCH_WERROR)
    target_compile_options(workbench_common INTERFACE -Werror)
  endif()
endif()

# Address and undefined-behaviour checks; any finding stops the program
# (no recovery), so a test that trips one fails.
if(WORKBENCH_SANITIZE)
  target_compile_options(workbench_common INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(workbench_common INTERFACE -fsanitize=address,undefined)
endif()
