#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace workbench {

// The words a lawyer reads for the taxonomy keys the registry stores: data
// categories ("user.contact.email" -> "contact e-mail address") and data
// subjects ("customer" -> "customers"). Exports for people show the
// labels; JSON keeps the keys. A value that is not a known key (words the
// officer typed) stays as it is; an unknown dotted key is turned into
// words from its last part, so no key reaches a document.
class DataTaxonomy
{
    Q_DECLARE_TR_FUNCTIONS(DataTaxonomy)

public:
    static QString categoryLabel(const QString& key);
    static QString subjectLabel(const QString& key);
    static QStringList categoryLabels(const QStringList& keys);
    static QStringList subjectLabels(const QStringList& keys);

    // Every key the table knows (for tests and the editor's completion).
    static QStringList categoryKeys();
    static QStringList subjectKeys();
    // Whether `text` has the shape of a taxonomy key (lower-case words
    // joined by dots, "user.contact.email").
    static bool looksLikeKey(const QString& text);
};

} // namespace workbench
