#pragma once

#include "storage/Workspace.h"

#include <QDate>

namespace workbench {

// The demo workspace the app ships: three organizations built from the seed
// privacy policies (resources/demo), their processors, retention rules,
// processing activities and published policies, and a deterministic set of rights requests dated
// around `today`.
class DemoWorkspace
{
public:
    static constexpr int kRequestsPerOrganization = 120;

    // Creates a new workspace file at `path`; refuses an existing file.
    static Result<std::unique_ptr<Workspace>> create(const QString& path,
                                                     QDate today = QDate::currentDate());
    // Fills an empty, open workspace in one transaction.
    static Status populate(Workspace& workspace, QDate today);

    // What the seeds mention that is not a processor, per organization id.
    static QHash<QString, QStringList> notProcessors();
};

} // namespace workbench
