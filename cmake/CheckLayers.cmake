# The layers test: cmake -DSOURCE_DIR=<tree> -DLINKS=<layer-links.cmake>
#                        [-DDOOR=ON] -P cmake/CheckLayers.cmake
#
# Fails (and names file, line and rule) when
#  - a layer links a layer or Qt module cmake/LayerRules.cmake does not let
#    it use (LINKS: what the configure recorded);
#  - a source includes a header of a layer its own may not use, or climbs
#    out of its folder ("../");
#  - with DOOR: the window or the command line (ui/, app/) includes one of
#    storage's own headers, Qt SQL, or calls database(): they reach data
#    through services, item models and the Workspace only.
cmake_minimum_required(VERSION 3.21)
include(${CMAKE_CURRENT_LIST_DIR}/LayerRules.cmake)

if(NOT SOURCE_DIR OR NOT LINKS)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -DLINKS=... -P CheckLayers.cmake")
endif()

get_filename_component(SOURCE_DIR ${SOURCE_DIR} ABSOLUTE)
set(_problems "")
set(_checked 0)

# 1. Links.
include(${LINKS})
foreach(_layer IN LISTS WORKBENCH_LAYERS)
  workbench_layer_closure(${_layer} _allowed)
  foreach(_item IN LISTS WORKBENCH_LINKED_${_layer})
    math(EXPR _checked "${_checked} + 1")
    if(_item MATCHES "^layer:(.*)$")
      if(NOT CMAKE_MATCH_1 IN_LIST _allowed)
        string(APPEND _problems
               "\n  link: ${_layer} links ${CMAKE_MATCH_1} (${_layer} may use: ${_allowed})")
      endif()
    elseif(_item MATCHES "^qt:(.*)$")
      if(NOT CMAKE_MATCH_1 IN_LIST WORKBENCH_QT_${_layer})
        string(APPEND _problems "\n  link: ${_layer} links Qt ${CMAKE_MATCH_1}")
      endif()
    endif()
  endforeach()
endforeach()

# 2. Includes. `layer` owns the files; `own` are the folder prefixes that are
# its own (a page's folder, cli/).
function(check_includes layer files own)
  workbench_layer_closure(${layer} _allowed)
  list(APPEND _allowed ${own})
  set(_found "${_problems}")
  set(_count ${_checked})
  foreach(_file IN LISTS files)
    file(RELATIVE_PATH _rel ${SOURCE_DIR} ${_file})
    file(STRINGS ${_file} _lines)
    set(_n 0)
    foreach(_line IN LISTS _lines)
      math(EXPR _n "${_n} + 1")
      if(_line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\"")
        set(_inc ${CMAKE_MATCH_1})
        math(EXPR _count "${_count} + 1")
        if(_inc MATCHES "\\.\\./")
          string(APPEND _found "\n  ${_rel}:${_n}: includes \"${_inc}\" (no ../: name the layer)")
        elseif(_inc MATCHES "^([A-Za-z_]+)/" AND NOT CMAKE_MATCH_1 IN_LIST _allowed)
          string(APPEND _found
                 "\n  ${_rel}:${_n}: includes \"${_inc}\": ${layer} may not use ${CMAKE_MATCH_1}")
        elseif(DOOR AND layer MATCHES "^(ui|cli|app)$")
          if(_inc MATCHES "^storage/(.*)$" AND CMAKE_MATCH_1 IN_LIST WORKBENCH_STORAGE_PRIVATE)
            string(APPEND _found "\n  ${_rel}:${_n}: includes \"${_inc}\": storage's own header")
          endif()
        endif()
      elseif(DOOR AND layer MATCHES "^(ui|cli|app)$")
        if(_line MATCHES "#[ \t]*include[ \t]*<(QSql[A-Za-z]*|QtSql[^>]*)>")
          string(APPEND _found "\n  ${_rel}:${_n}: includes <${CMAKE_MATCH_1}>: no SQL here")
        elseif(_line MATCHES "[.>]database\\(\\)")
          string(APPEND _found
                 "\n  ${_rel}:${_n}: calls database(): the raw connection stays in the core")
        endif()
      endif()
    endforeach()
  endforeach()
  set(_problems "${_found}" PARENT_SCOPE)
  set(_checked ${_count} PARENT_SCOPE)
endfunction()

foreach(_layer domain storage policy export sync services demo itemmodels)
  file(GLOB _files ${SOURCE_DIR}/models/${_layer}/*.h ${SOURCE_DIR}/models/${_layer}/*.cpp)
  check_includes(${_layer} "${_files}" ${_layer})
endforeach()
set(_ui_files "")
foreach(_folder IN LISTS WORKBENCH_UI_FOLDERS)
  file(GLOB _files ${SOURCE_DIR}/ui/${_folder}/*.h ${SOURCE_DIR}/ui/${_folder}/*.cpp)
  list(APPEND _ui_files ${_files})
endforeach()
file(GLOB _unknown LIST_DIRECTORIES true ${SOURCE_DIR}/ui/*)
foreach(_dir IN LISTS _unknown)
  get_filename_component(_name ${_dir} NAME)
  if(IS_DIRECTORY ${_dir} AND NOT _name IN_LIST WORKBENCH_UI_FOLDERS)
    string(APPEND _problems "\n  ui/${_name}: a page folder LayerRules.cmake does not know")
  endif()
endforeach()
check_includes(ui "${_ui_files}" "${WORKBENCH_UI_FOLDERS}")
file(GLOB _files ${SOURCE_DIR}/app/cli/*.h ${SOURCE_DIR}/app/cli/*.cpp)
check_includes(cli "${_files}" cli)
file(GLOB _files ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/app/*.cpp)
check_includes(app "${_files}" "cli;${WORKBENCH_UI_FOLDERS}")

if(_problems)
  message(FATAL_ERROR "Layer rules broken (cmake/LayerRules.cmake):${_problems}")
endif()
if(_checked EQUAL 0)
  message(FATAL_ERROR "Nothing checked under ${SOURCE_DIR}")
endif()
message(STATUS "Layers: ${_checked} links and includes follow the rules")
