# Builds the layers of cmake/LayerRules.cmake as static libraries that can
# only see what they may use.
include(${CMAKE_CURRENT_LIST_DIR}/LayerRules.cmake)

# workbench_add_layer(<layer> SOURCES ... [INCLUDE_ROOT dir] [FOLDER dir]
#                     [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
#
# Makes workbench_<layer> (alias Workbench::<layer>), linked PUBLIC to the
# layers WORKBENCH_USES_<layer> names and to its Qt modules. A core layer's
# headers are included as "<layer>/Header.h"; its include path holds only
# that folder (a link to it in the build tree), so a source that includes a
# header of a layer it does not use fails to compile: "storage/Workspace.h"
# is not there for domain.
function(workbench_add_layer layer)
  cmake_parse_arguments(ARG "" "INCLUDE_ROOT;FOLDER" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  set(_target workbench_${layer})
  add_library(${_target} STATIC ${ARG_SOURCES})
  add_library(Workbench::${layer} ALIAS ${_target})
  set_property(TARGET ${_target} PROPERTY WORKBENCH_LAYER ${layer})
  set_property(GLOBAL APPEND PROPERTY WORKBENCH_LAYER_TARGETS ${_target})

  if(ARG_INCLUDE_ROOT)
    target_include_directories(${_target} PUBLIC ${ARG_INCLUDE_ROOT})
  else()
    if(NOT ARG_FOLDER)
      set(ARG_FOLDER ${CMAKE_CURRENT_SOURCE_DIR}/${layer})
    endif()
    set(_wall ${PROJECT_BINARY_DIR}/layers/${layer})
    file(MAKE_DIRECTORY ${_wall})
    if(NOT EXISTS ${_wall}/${layer})
      file(CREATE_LINK ${ARG_FOLDER} ${_wall}/${layer} SYMBOLIC)
    endif()
    target_include_directories(${_target} PUBLIC ${_wall})
  endif()

  set(_uses Workbench::Common)
  foreach(_used IN LISTS WORKBENCH_USES_${layer})
    list(APPEND _uses Workbench::${_used})
  endforeach()
  foreach(_module IN LISTS WORKBENCH_QT_${layer})
    list(APPEND _uses Qt6::${_module})
  endforeach()
  target_link_libraries(${_target} PUBLIC ${_uses} ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})

  # Every source, for lupdate (qt_add_translations in 6.4 does not follow
  # targets).
  set(_sources ${ARG_SOURCES})
  list(FILTER _sources INCLUDE REGEX "\\.(cpp|h)$")
  list(TRANSFORM _sources PREPEND ${CMAKE_CURRENT_SOURCE_DIR}/)
  set_property(GLOBAL APPEND PROPERTY WORKBENCH_TRANSLATABLE_SOURCES ${_sources})
endfunction()

# The layer a link item belongs to ("" for none), and the Qt module it is
# ("" for none).
function(_workbench_link_item item layer_out qt_out)
  string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" item "${item}")
  set(_layer "")
  set(_qt "")
  if(item MATCHES "^Qt6::(.*)$")
    set(_qt ${CMAKE_MATCH_1})
  elseif(TARGET ${item})
    get_target_property(_real ${item} ALIASED_TARGET)
    if(NOT _real)
      set(_real ${item})
    endif()
    get_target_property(_layer ${_real} WORKBENCH_LAYER)
    if(NOT _layer)
      set(_layer "")
    endif()
    if(_real STREQUAL "workbench_models")
      set(_layer "models (every core layer)")
    endif()
  endif()
  set(${layer_out} "${_layer}" PARENT_SCOPE)
  set(${qt_out} "${_qt}" PARENT_SCOPE)
endfunction()

# Stops the configure when a layer links one it may not use, or a Qt module
# it may not use (e.g. Widgets below ui), and writes every layer's links to
# layer-links.cmake for the layers test.
function(workbench_check_layers)
  get_property(_targets GLOBAL PROPERTY WORKBENCH_LAYER_TARGETS)
  set(_problems "")
  set(_record "# Written by the configure: what each layer links.\n")
  foreach(_target IN LISTS _targets)
    get_target_property(_layer ${_target} WORKBENCH_LAYER)
    workbench_layer_closure(${_layer} _allowed)
    get_target_property(_links ${_target} LINK_LIBRARIES)
    set(_linked "")
    foreach(_item IN LISTS _links)
      _workbench_link_item("${_item}" _l _qt)
      if(_l)
        list(APPEND _linked "layer:${_l}")
        if(NOT _l IN_LIST _allowed)
          string(APPEND _problems "\n  ${_layer} links ${_l} (${_layer} may use: ${_allowed})")
        endif()
      elseif(_qt)
        list(APPEND _linked "qt:${_qt}")
        if(NOT _qt IN_LIST WORKBENCH_QT_${_layer})
          string(APPEND _problems
                 "\n  ${_layer} links Qt ${_qt} (${_layer} may use Qt: ${WORKBENCH_QT_${_layer}})")
        endif()
      endif()
    endforeach()
    string(APPEND _record "set(WORKBENCH_LINKED_${_layer} \"${_linked}\")\n")
  endforeach()
  file(WRITE ${PROJECT_BINARY_DIR}/layer-links.cmake "${_record}")
  if(_problems)
    message(FATAL_ERROR "A layer links what it may not use (cmake/LayerRules.cmake):${_problems}")
  endif()
endfunction()
