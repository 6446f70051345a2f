#include "ProcessorImport.h"

#include "Csv.h"
#include "Zip.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUuid>
#include <QXmlStreamReader>

namespace workbench {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ProcessorImport", text);
}

QList<QStringList> parseDelimited(const QString& text, QChar separator)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool any = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == separator) {
            row << field.trimmed();
            field.clear();
            any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            // A blank line stays a (blank) row, so rows keep their numbers.
            rows << (row << field.trimmed());
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = any || !c.isSpace();
        }
    }
    if (any || !field.trimmed().isEmpty())
        rows << (row << field.trimmed());
    return rows;
}

Result<QList<QStringList>> readXlsx(const QString& path)
{
    const QByteArray sheet = unzipEntry(path, "xl/worksheets/sheet1.xml");
    if (sheet.isEmpty())
        return Error{tr("%1 is not an XLSX workbook with a first sheet.").arg(path)};
    QStringList shared;
    QXmlStreamReader s(unzipEntry(path, "xl/sharedStrings.xml"));
    QString current;
    bool inSi = false;
    while (!s.atEnd()) {
        s.readNext();
        if (s.isStartElement() && s.name() == u"si") {
            inSi = true;
            current.clear();
        } else if (s.isEndElement() && s.name() == u"si") {
            inSi = false;
            shared << current;
        } else if (inSi && s.isStartElement() && s.name() == u"t") {
            current += s.readElementText();
        }
    }
    QList<QStringList> rows;
    QXmlStreamReader r(sheet);
    QStringList row;
    int rowIndex = -1;
    QString ref, type;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == u"row") {
            row.clear();
            rowIndex = r.attributes().value(QLatin1String("r")).toInt();
        } else if (r.isEndElement() && r.name() == u"row") {
            while (rows.size() < rowIndex - 1)
                rows << QStringList(); // blank rows keep their numbers
            rows << row;
        } else if (r.isStartElement() && r.name() == u"c") {
            ref = r.attributes().value(QLatin1String("r")).toString();
            type = r.attributes().value(QLatin1String("t")).toString();
        } else if (r.isStartElement() && (r.name() == u"v" || r.name() == u"t")) {
            const QString value = r.readElementText();
            int column = 0;
            for (const QChar ch : std::as_const(ref)) {
                if (!ch.isLetter())
                    break;
                column = column * 26 + (ch.toUpper().unicode() - 'A' + 1);
            }
            while (row.size() < column)
                row << QString();
            if (column > 0)
                row[column - 1] = type == u"s" ? shared.value(value.toInt()) : value;
        }
    }
    if (r.hasError())
        return Error{tr("%1: the sheet is damaged (%2).").arg(path, r.errorString())};
    return rows;
}

QString cleanHeader(const QString& h)
{
    return h.trimmed().toLower().remove(u'*').remove(u':');
}

} // namespace

QString countryCode(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() == 2 && t.at(0).isLetter() && t.at(1).isLetter()) {
        const QString upper = t.toUpper();
        return QLocale::codeToTerritory(upper) != QLocale::AnyTerritory ? upper : QString();
    }
    static const QHash<QString, QString> common{
        {QStringLiteral("usa"), QStringLiteral("US")},
        {QStringLiteral("u.s."), QStringLiteral("US")},
        {QStringLiteral("us"), QStringLiteral("US")},
        {QStringLiteral("uk"), QStringLiteral("GB")},
        {QStringLiteral("england"), QStringLiteral("GB")},
        {QStringLiteral("united states of america"), QStringLiteral("US")}};
    const QString lower = t.toLower();
    if (common.contains(lower))
        return common.value(lower);
    for (int i = 1; i <= int(QLocale::LastTerritory); ++i) {
        const auto territory = QLocale::Territory(i);
        if (QLocale::territoryToString(territory).compare(t, Qt::CaseInsensitive) == 0)
            return QLocale::territoryToCode(territory);
    }
    return {};
}

Result<ImportTable> readImportFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read %1: %2").arg(path, file.errorString())};
    const QByteArray bytes = file.readAll();
    ImportTable table;
    table.source = QFileInfo(path).fileName();
    if (bytes.trimmed().isEmpty())
        return Error{tr("%1 is empty.").arg(table.source)};
    const QString suffix = QFileInfo(path).suffix().toLower();
    QList<QStringList> rows;
    if (suffix == u"xlsx" || bytes.startsWith("PK\x03\x04")) {
        auto read = readXlsx(path);
        if (!read)
            return Error{read.error()};
        rows = read.value();
    } else {
        if (bytes.contains('\0'))
            return Error{tr("%1 is not a text file (CSV, TSV or JSON) nor an XLSX workbook.")
                             .arg(table.source)};
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder(bytes);
        if (decoder.hasError())
            return Error{tr("%1 is not UTF-8 text.").arg(table.source)};
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        if (suffix == u"json" || text.trimmed().startsWith(u'[') ||
            text.trimmed().startsWith(u'{')) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
            if (doc.isNull())
                return Error{tr("%1: the JSON is malformed at character %2 (%3).")
                                 .arg(table.source)
                                 .arg(error.offset)
                                 .arg(error.errorString())};
            QJsonArray items = doc.isArray()
                                   ? doc.array()
                                   : doc.object().value(QStringLiteral("processors")).toArray();
            if (items.isEmpty())
                return Error{tr("%1: expected an array of processors (or {\"processors\": [...]}).")
                                 .arg(table.source)};
            for (const QJsonValue& v : items)
                for (const QString& key : v.toObject().keys())
                    if (!table.header.contains(key))
                        table.header << key;
            for (const QJsonValue& v : items) {
                QStringList row;
                for (const QString& key : std::as_const(table.header)) {
                    const QJsonValue value = v.toObject().value(key);
                    row << (value.isArray()
                                ? value.toVariant().toStringList().join(QStringLiteral(", "))
                                : value.toVariant().toString());
                }
                table.rows << row;
            }
            return table;
        }
        const QString firstLine = text.section(u'\n', 0, 0);
        QChar separator = u',';
        if (suffix == u"tsv" || firstLine.count(u'\t') > firstLine.count(u','))
            separator = u'\t';
        else if (firstLine.count(u';') > firstLine.count(u','))
            separator = u';';
        rows = parseDelimited(text, separator);
        // Undo the apostrophe our own exports put before formula-like cells.
        for (QStringList& row : rows)
            for (QString& cell : row)
                cell = csvRestored(cell);
    }
    while (!rows.isEmpty() && rows.last().join(QString()).trimmed().isEmpty())
        rows.removeLast();
    if (rows.isEmpty() || rows.first().join(QString()).trimmed().isEmpty())
        return Error{tr("%1 has no header row.").arg(table.source)};
    table.header = rows.takeFirst();
    table.rows = rows;
    return table;
}

QString importFieldLabel(ImportField f)
{
    switch (f) {
    case ImportField::Ignore:
        return tr("(ignore)");
    case ImportField::Name:
        return tr("Name");
    case ImportField::Service:
        return tr("Service / purpose");
    case ImportField::Location:
        return tr("Location");
    case ImportField::LegalEntity:
        return tr("Legal entity");
    case ImportField::Address:
        return tr("Address");
    case ImportField::Website:
        return tr("Website");
    case ImportField::Contact:
        return tr("Contact");
    case ImportField::DataCategories:
        return tr("Data categories");
    }
    return {};
}

QList<ImportField> guessMapping(const QStringList& header)
{
    QList<ImportField> out;
    QSet<ImportField> taken;
    for (const QString& h : header) {
        const QString c = cleanHeader(h);
        ImportField f = ImportField::Ignore;
        auto has = [&c](std::initializer_list<const char*> words) {
            return std::any_of(words.begin(), words.end(),
                               [&c](const char* w) { return c.contains(QLatin1String(w)); });
        };
        if (has({"entity", "legal name", "company"}))
            f = ImportField::LegalEntity;
        else if (has({"name", "vendor", "processor", "provider", "supplier"}))
            f = ImportField::Name;
        else if (has({"purpose", "service", "description", "processing", "function", "activity"}))
            f = ImportField::Service;
        else if (has({"location", "country", "countries", "region", "where"}))
            f = ImportField::Location;
        else if (has({"address", "registered office", "headquarter"}))
            f = ImportField::Address;
        else if (has({"url", "website", "web", "link"}))
            f = ImportField::Website;
        else if (has({"contact", "email", "e-mail", "dpo"}))
            f = ImportField::Contact;
        else if (has({"data categor", "personal data", "data type"}))
            f = ImportField::DataCategories;
        if (taken.contains(f) && f != ImportField::Ignore)
            f = ImportField::Ignore; // the first column of a kind wins
        taken.insert(f);
        out << f;
    }
    return out;
}

QString ImportPlan::summary() const
{
    return tr("%1 to add, %2 to update, %3 rejected")
        .arg(added.size())
        .arg(updated.size())
        .arg(rejected.size());
}

ImportPlan planImport(const ImportTable& table, const QList<ImportField>& mapping,
                      const QList<Processor>& existing, const QString& organizationId)
{
    ImportPlan plan;
    if (!mapping.contains(ImportField::Name)) {
        plan.rejected << ImportIssue{1, tr("no column is mapped to Name")};
        return plan;
    }
    QHash<QString, int> seen; // lower-case name -> row
    for (int i = 0; i < table.rows.size(); ++i) {
        const int rowNumber = i + 2;
        const QStringList& row = table.rows[i];
        if (row.join(QString()).trimmed().isEmpty())
            continue; // blank lines are not data
        auto value = [&](ImportField f) {
            const int c = int(mapping.indexOf(f));
            return c >= 0 ? row.value(c).trimmed() : QString();
        };
        const QString name = value(ImportField::Name);
        if (name.isEmpty()) {
            plan.rejected << ImportIssue{rowNumber, tr("no name")};
            continue;
        }
        const QString key = name.toLower();
        if (seen.contains(key)) {
            plan.rejected << ImportIssue{rowNumber,
                                         tr("repeats row %1 (%2)").arg(seen.value(key)).arg(name)};
            continue;
        }
        seen.insert(key, rowNumber);
        QStringList locations;
        QString badLocation;
        for (const QString& part :
             value(ImportField::Location)
                 .split(QRegularExpression(QStringLiteral("[,;/]")), Qt::SkipEmptyParts)) {
            const QString code = countryCode(part);
            if (code.isEmpty()) {
                badLocation = part.trimmed();
                break;
            }
            if (!locations.contains(code))
                locations << code;
        }
        if (!badLocation.isEmpty()) {
            plan.rejected << ImportIssue{rowNumber,
                                         tr("location '%1' is not a country").arg(badLocation)};
            continue;
        }
        // The same processor already in the registry (by name or alias)?
        const auto match = std::find_if(existing.begin(), existing.end(), [&](const Processor& p) {
            if (p.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
            return std::any_of(p.aliases.begin(), p.aliases.end(), [&](const QString& a) {
                return a.compare(name, Qt::CaseInsensitive) == 0;
            });
        });
        Processor p = match != existing.end() ? *match : Processor{};
        const Processor before = p;
        if (match == existing.end()) {
            p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            p.name = name;
            p.status = ProcessorStatus::Onboarding;
            p.organizationIds = {organizationId};
        } else if (!p.organizationIds.contains(organizationId)) {
            p.organizationIds << organizationId;
        }
        auto set = [&](ImportField f, QString& target) {
            const QString v = value(f);
            if (!v.isEmpty())
                target = v;
        };
        set(ImportField::Service, p.service);
        set(ImportField::LegalEntity, p.legalEntity);
        set(ImportField::Address, p.address);
        set(ImportField::Website, p.website);
        set(ImportField::Contact, p.contact);
        if (!locations.isEmpty())
            p.locations = locations;
        const QString categories = value(ImportField::DataCategories);
        if (!categories.isEmpty())
            p.dataCategories = categories.split(u',', Qt::SkipEmptyParts);
        for (QString& c : p.dataCategories)
            c = c.trimmed();
        if (p.service.trimmed().isEmpty()) {
            plan.rejected << ImportIssue{rowNumber, tr("%1 has no service or purpose").arg(name)};
            continue;
        }
        if (match == existing.end())
            plan.added << p;
        else if (!(p == before))
            plan.updated << qMakePair(before, p);
    }
    return plan;
}

Status applyImport(Workspace& workspace, const ImportPlan& plan, const QString& source)
{
    return workspace.database().transaction([&]() -> Status {
        for (const Processor& p : plan.added) {
            if (auto s = workspace.save(p, tr("Import %1 from %2").arg(p.name, source),
                                        QStringLiteral("import"));
                !s)
                return Error{tr("%1: %2").arg(p.name, s.error())};
        }
        for (const auto& [before, after] : plan.updated) {
            if (auto s = workspace.save(after, tr("Update %1 from %2").arg(after.name, source),
                                        QStringLiteral("import"));
                !s)
                return Error{tr("%1: %2").arg(after.name, s.error())};
        }
        return {};
    });
}

} // namespace workbench
