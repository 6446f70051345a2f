// A page that holds the raw connection.
#include "storage/RecordStore.h"
#include <QSqlQuery>
void show(Workspace& ws) { QSqlQuery q(ws.database().connection()); }
