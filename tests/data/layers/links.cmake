# storage linking services (a layer above it), domain linking Qt Widgets.
set(WORKBENCH_LINKED_domain "qt:Core;qt:Widgets")
set(WORKBENCH_LINKED_storage "layer:domain;layer:services;qt:Sql")
