# The layers of the workbench and what each may use. One table, read by the
# build (models/, ui/, app/ make one static library per layer from it and
# check the links they were given at configure time) and by the layers test
# (cmake/CheckLayers.cmake checks every include of every source against it).
# docs/ARCHITECTURE.md explains the picture.
#
# WORKBENCH_USES_<layer>: the layers it may use directly; what those use
# comes with them. A layer never uses one above it.
# WORKBENCH_QT_<layer>: the Qt modules it may link (and include).

set(WORKBENCH_LAYERS domain storage policy export sync services demo itemmodels cli ui app)

set(WORKBENCH_USES_domain "")
set(WORKBENCH_USES_storage domain)
set(WORKBENCH_USES_policy domain)
set(WORKBENCH_USES_export storage)
set(WORKBENCH_USES_sync storage)
set(WORKBENCH_USES_services storage policy export sync)
set(WORKBENCH_USES_demo services)
set(WORKBENCH_USES_itemmodels services)
set(WORKBENCH_USES_cli services demo)
set(WORKBENCH_USES_ui itemmodels demo)
set(WORKBENCH_USES_app ui cli)

set(WORKBENCH_QT_domain Core)
set(WORKBENCH_QT_storage Core Sql)
set(WORKBENCH_QT_policy Core Gui)
set(WORKBENCH_QT_export Core Gui)
set(WORKBENCH_QT_sync Core Sql Network)
set(WORKBENCH_QT_services Core Gui Sql Network)
set(WORKBENCH_QT_demo Core Gui Sql Network)
set(WORKBENCH_QT_itemmodels Core Gui Sql Network)
set(WORKBENCH_QT_cli Core Gui)
set(WORKBENCH_QT_ui Core Gui Widgets Charts PrintSupport)
set(WORKBENCH_QT_app Core Gui Widgets Charts PrintSupport)

# The source folders of the layers that live outside models/: ui's pages
# (each its own folder) and the command line's.
set(WORKBENCH_UI_FOLDERS audit charts common dialogs mainwindow policies processors requests
    retention sync today vendorwatch activities incidents)

# Storage headers that are storage's business only: the window and the
# command line reach data through services, item models and the Workspace,
# never SQL and never the raw connection.
set(WORKBENCH_STORAGE_PRIVATE Database.h RecordStore.h SqlStatement.h Repository.h
    AuditLogInternal.h RowDigest.h SyncStore.h)

# Every layer `layer` may use, itself excluded (the transitive closure).
function(workbench_layer_closure layer out)
  set(_todo ${WORKBENCH_USES_${layer}})
  set(_seen "")
  while(_todo)
    list(POP_FRONT _todo _l)
    if(NOT _l IN_LIST _seen)
      list(APPEND _seen ${_l})
      list(APPEND _todo ${WORKBENCH_USES_${_l}})
    endif()
  endwhile()
  set(${out} ${_seen} PARENT_SCOPE)
endfunction()
