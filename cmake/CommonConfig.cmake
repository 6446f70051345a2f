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
  # No silent QByteArray -> const char*/void* conversion: a byte array meets
  # C APIs through an explicit constData().
  QT_NO_CAST_FROM_BYTEARRAY
  # From Qt 6.7 on this removes the three-argument connect() to a functor, so
  # every lambda connection names a context object whose destruction
  # disconnects it. Qt 6.4 does not know the macro yet; there the rule is kept
  # by review.
  QT_NO_CONTEXTLESS_CONNECT
  WORKBENCH_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  # Beyond -Wall -Wextra -Wpedantic:
  #   -Wshadow              a local or parameter that hides a member or an outer name
  #   -Wold-style-cast      C casts hide what they do; name it (static_cast, ...)
  #   -Woverloaded-virtual  an override that hides the base's other overloads
  #   -Wnon-virtual-dtor    a polymorphic class deleted through its base
  #   -Wcast-qual           a cast that drops const or volatile
  # Qt's headers come in as system headers (imported targets), so these apply
  # to the project's code only.
  target_compile_options(workbench_common INTERFACE -Wall -Wextra -Wpedantic
    -Wshadow -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor -Wcast-qual)
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
