#pragma once
// A legal rule that reaches for the database: domain may not use storage.
#include "storage/Workspace.h"
#include "../storage/Database.h"
