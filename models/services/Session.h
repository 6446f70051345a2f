#pragma once

#include "storage/Workspace.h"

namespace workbench {

// Opens a workspace for the app, the command line and the demo: storage's
// Workspace::open() plus what the services do on opening for writing (the
// due dates of requests that have none yet, e.g. after an upgrade).
Result<std::unique_ptr<Workspace>> openWorkspace(const QString& path,
                                                 Database::Options options = {});

} // namespace workbench
